"""What every page is handed: the call service, the worker pool, the clipboard keeper, the profile and
where its file dialogs open.

Passed in, never fetched from a global, so a test can hand in a service bound to its own sandbox.
``Calls`` declares everything the window asks of that service, so what it may rely on is written
down in one place and checked by mypy against ``app.runtime.Runtime``.
Imported on the window's start-up path: it keeps to Qt and typing-only imports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the client module pulls in requests: not needed to draw the window
    from pathlib import Path

    from PySide6.QtCore import QObject, QThreadPool

    from app.core.cases import Consent, Decision
    from app.core.connection import Progress
    from app.core.contract import Request
    from app.core.history import BilledCounts, History, HistoryError
    from app.core.interpret import Checked
    from app.core.profiles import ProfileStore
    from app.runtime import Runtime
    from app.ui.case import CustomerCase
    from app.ui.folders import StartFolders
    from app.ui.widgets.clipboard import ClipboardKeeper


class Calls(Protocol):
    """The part of ``app.runtime.Runtime`` the window uses: calls and the customer's case, profiles' sandbox,
    secret and threshold, the history file (or why there is none), and what went wrong at start."""

    def run(self, profile: str, request: Request, progress: Progress | None = None, *,
            case_id: str | None = None) -> Checked:
        """A face call needs a case whose consent allows it (while the policy requires consent)."""

    def open_case(self, profile: str, source: str = "window", consent: Consent | None = None,
                  notice: str = "", id_number: str | None = None, name: str | None = None,
                  opened_ms: int | None = None) -> str: ...

    def record_consent(self, case_id: str, consent: Consent, notice: str = "", id_number: str | None = None,
                       name: str | None = None) -> bool: ...

    def decide(self, case_id: str, decision: Decision) -> Decision: ...

    def close_case(self, case_id: str) -> None: ...

    def is_sandbox(self, profile_name: str) -> bool: ...

    def has_secret(self, profile_name: str) -> bool:
        """Whether the profile can sign (the Sandbox needs no secret); raises KeychainUnavailable."""

    def face_threshold(self, profile_name: str) -> float: ...

    def billed_counts(self, profile_name: str) -> BilledCounts: ...

    def export_diagnostics(self, out: Path, versions: dict[str, Any] | None = None) -> Path: ...

    def move_history_aside(self) -> Path: ...

    @property
    def history(self) -> History | None:
        """None when the history file cannot be used; ``history_problem`` says why."""

    @property
    def history_problem(self) -> HistoryError | None: ...

    @property
    def journal_merged(self) -> int:
        """Records of an earlier session's disk trouble added to history at this start."""

    @property
    def log_problem(self) -> str | None:
        """Why no log file can be written (None: it can)."""


if TYPE_CHECKING:
    def _runtime_is_calls(runtime: Runtime) -> Calls:
        return runtime  # mypy fails here the day Runtime stops satisfying the protocol


class PageContext:
    """The collaborators of a page. ``calls`` is None for a moment at start-up (runtime loading); ``case`` is
    the customer at the counter, shared by every page (built on first use: it loads core, the first paint
    does not)."""

    def __init__(self, calls: Calls | None, pool: QThreadPool, clipboard: ClipboardKeeper,
                 profile: Callable[[], str], folders: StartFolders | None = None,
                 owner: QObject | None = None) -> None:
        from app.ui.folders import StartFolders

        self.calls = calls
        self.pool = pool
        self.clipboard = clipboard
        self.profile = profile
        self.folders = folders or StartFolders()
        self.profiles: ProfileStore | None = None  # the settings file (the clerk's staff ID, the case policy)
        self._owner = owner
        self._case: CustomerCase | None = None

    @property
    def case(self) -> CustomerCase:
        if self._case is None:
            from app.ui.case import CustomerCase

            self._case = CustomerCase(self, self._owner)
        return self._case

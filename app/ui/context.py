"""What every page is handed: the call service, the worker pool, the clipboard keeper, the profile.

Passed in, never fetched from a global, so a test can hand in a service bound to its own sandbox.
Imported on the window's start-up path: it keeps to Qt and typing-only imports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the client module pulls in requests: not needed to draw the window
    from typing import Protocol

    from PySide6.QtCore import QThreadPool

    from app.core.client import Progress
    from app.core.contract import CallResult, Request
    from app.ui.widgets.clipboard import ClipboardKeeper

    class Calls(Protocol):
        """The part of ``app.runtime.Runtime`` the window uses."""

        def run(self, profile_name: str, request: Request, progress: Progress | None = None) -> CallResult[Any]:
            ...

        def is_sandbox(self, profile_name: str) -> bool: ...

        def face_threshold(self, profile_name: str) -> float: ...


class PageContext:
    """The collaborators of a page. ``calls`` is None for a moment at start-up (runtime loading)."""

    def __init__(self, calls: Calls | None, pool: QThreadPool, clipboard: ClipboardKeeper,
                 profile: Callable[[], str]) -> None:
        self.calls = calls
        self.pool = pool
        self.clipboard = clipboard
        self.profile = profile

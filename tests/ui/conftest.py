"""Fixtures for driving the window as an operator would, against the sandbox over real HTTP.

QT_QPA_PLATFORM defaults to offscreen here, before any QApplication exists. One Runtime (with its
in-process sandbox, answering without simulated latency) serves the whole session; each test gets
a fresh window in English, and the sandbox's pending faults are cleared after it.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from app.core.cases import Consent, Decision
from app.core.connection import Progress
from app.core.contract import Request
from app.core.history import BilledCounts, History, HistoryError
from app.core.interpret import Checked
from app.sandbox.samples import build_samples
from app.sandbox.server import Sandbox

if TYPE_CHECKING:
    from app.runtime import Runtime
    from app.ui.context import Calls

ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says this on every top-level show; it is not a problem of ours.
    for item in items:
        if "tests/ui" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files are build products (gitignored): build them once per session."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "build_scripts" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.release()


@pytest.fixture(scope="session", autouse=True)
def qt_settings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Qt's own settings (the file dialog's recent folders) kept in a folder of the session's, as the app
    keeps them in its own (app.ui.qt_settings): no test writes the developer's ~/.config/QtProject.conf."""
    from app.ui.qt_settings import keep_qt_settings_inside

    return keep_qt_settings_inside({"LINKFACE_DESK_HOME": str(tmp_path_factory.mktemp("qt-home"))})


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("samples")
    for name, content in build_samples().items():
        (folder / name).write_bytes(content)
    return folder


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(delay_scale=0) as running:
        yield running


@pytest.fixture(scope="session")
def runtime(tmp_path_factory: pytest.TempPathFactory, sandbox: Sandbox) -> Iterator[Any]:
    from app.core.secrets import MemorySecretStore
    from app.runtime import Runtime
    from tests.ui.helpers import assert_nothing_personal

    home = tmp_path_factory.mktemp("home")
    # logs too: scanned at the end; secrets in memory: no test reaches the real keychain
    service = Runtime(environ={"LINKFACE_DESK_HOME": str(home)}, sandbox=sandbox, secrets=MemorySecretStore())
    from tests.ui.helpers import CLERK

    service.profiles.set_counter(staff_id=CLERK)  # the clerk at this counter has entered her staff ID
    yield service
    service.close()
    # Whatever order the UI tests ran in, none of the customers they checked is left on disk in full.
    assert_nothing_personal(home)


class GatedCalls:
    """Wraps the runtime so a test can hold a call at the start of its upload, or halfway through it.
    It offers exactly what the window may ask of the runtime (``app.ui.context.Calls``), no more."""

    def __init__(self, inner: Runtime) -> None:
        self.inner = inner
        self.hold_at: float | None = None  # fraction of the upload at which to wait
        self.reached = threading.Event()
        self.release = threading.Event()
        self.outcomes: list[Any] = []  # each call's result or exception, as the worker saw it

    def run(self, profile_name: str, request: Request, progress: Progress | None = None, *,
            case_id: str | None = None) -> Checked:
        def gated(sent: int, total: int) -> bool | None:
            if self.hold_at is not None and not self.reached.is_set() and sent >= total * self.hold_at:
                self.reached.set()
                self.release.wait(10)
            return progress(sent, total) if progress else None

        try:
            result = self.inner.run(profile_name, request, gated, case_id=case_id)
        except Exception as exc:
            self.outcomes.append(exc)
            raise
        self.outcomes.append(result)
        return result

    # The rest of app.ui.context.Calls, passed through to the runtime.

    def open_case(self, profile: str, source: str = "window", consent: Consent | None = None,
                  notice: str = "", id_number: str | None = None, name: str | None = None,
                  opened_ms: int | None = None) -> str:
        return self.inner.open_case(profile, source, consent, notice, id_number, name, opened_ms)

    def record_consent(self, case_id: str, consent: Consent, notice: str = "", id_number: str | None = None,
                       name: str | None = None) -> bool:
        return self.inner.record_consent(case_id, consent, notice, id_number, name)

    def decide(self, case_id: str, decision: Decision) -> Decision:
        return self.inner.decide(case_id, decision)

    def close_case(self, case_id: str) -> None:
        self.inner.close_case(case_id)

    def is_sandbox(self, profile_name: str) -> bool:
        return self.inner.is_sandbox(profile_name)

    def has_secret(self, profile_name: str) -> bool:
        return self.inner.has_secret(profile_name)

    def face_threshold(self, profile_name: str) -> float:
        return self.inner.face_threshold(profile_name)

    def billed_counts(self, profile_name: str) -> BilledCounts:
        return self.inner.billed_counts(profile_name)

    def export_diagnostics(self, out: Path, versions: dict[str, Any] | None = None) -> Path:
        return self.inner.export_diagnostics(out, versions)

    def move_history_aside(self) -> Path:
        return self.inner.move_history_aside()

    @property
    def history(self) -> History | None:
        return self.inner.history

    @property
    def history_problem(self) -> HistoryError | None:
        return self.inner.history_problem

    @property
    def journal_merged(self) -> int:
        return self.inner.journal_merged

    @property
    def log_problem(self) -> str | None:
        return self.inner.log_problem


if TYPE_CHECKING:
    def _gated_is_calls(gated: GatedCalls) -> Calls:
        return gated  # GatedCalls stands in for the runtime: it must offer all the window relies on


@pytest.fixture
def calls(runtime: Any) -> GatedCalls:
    return GatedCalls(runtime)


@pytest.fixture
def window(qtbot: Any, calls: GatedCalls, sandbox: Sandbox) -> Iterator[Any]:
    from app.i18n import ENGLISH, Translations
    from app.ui.main_window import MainWindow
    from app.ui.preferences import PreferenceStore

    translations = Translations()
    translations.set_language(ENGLISH)
    main = MainWindow(calls, translations, PreferenceStore(None), calls.inner.profiles, calls.inner.secrets)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    calls.release.set()
    main.close()
    translations.set_language(ENGLISH)
    sandbox.clear_faults()

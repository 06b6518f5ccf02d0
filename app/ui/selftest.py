"""``linkface-desk --self-test``: check an installation offscreen and print a short report.

Builds the main window on a private temporary home (nothing of the user's is read or written),
runs all five calls against the in-process sandbox with the shipped sample people (the customer's
consent confirmed first, as a clerk does), records the clerk's decision and a declined customer's
case and reads both back from history, checks the resources, that the Chinese translation loads and
translates, and reports the keychain backend.
Exit status 0 when every check passed, 1 otherwise. The same scenarios drive the screenshot script.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SAMPLE_TIMEOUT_S = 30.0
STAFF_ID = "SELFTEST"  # the clerk's staff ID on the self-test's private home


@dataclass(frozen=True)
class Scenario:
    """One page filled as an operator would, and the verdict words (English) it should end with."""

    page: int
    fill: Callable[[Any, Path], None]
    expect: str


def _id_check(page: Any, samples: Path) -> None:
    from app.sandbox.people import ZHANG_SAN

    page.liveness.set_path(samples / "zhang-san.lfs")
    page.name.setText(ZHANG_SAN.name)
    page.id_number.setText(ZHANG_SAN.id_number)
    page.auto_hack.setChecked(True)


def _selfie_check(page: Any, samples: Path) -> None:
    page.liveness.set_path(samples / "zhang-san.lfs")
    page.selfie.set_path(samples / "zhang-san-selfie.jpg")
    page.auto_hack.setChecked(True)


def _hack_check(page: Any, samples: Path) -> None:
    page.liveness.set_path(samples / "attack-photo.lfs")


def _parse_check(page: Any, samples: Path) -> None:
    page.liveness.set_path(samples / "unknown-motion.lfs")


def _token(page: Any, samples: Path) -> None:
    pass


SCENARIOS = (
    Scenario(0, _id_check, "Same person"),
    Scenario(1, _selfie_check, "Same person"),
    Scenario(2, _hack_check, "Suspected attack"),
    Scenario(3, _parse_check, "Liveness passed"),
    Scenario(4, _token, "Token issued"),
)


def write_samples(folder: Path) -> Path:
    from app.sandbox.samples import build_samples

    for name, content in build_samples().items():
        (folder / name).write_bytes(content)
    return folder


def process_until(done: Callable[[], bool], timeout_s: float = SAMPLE_TIMEOUT_S) -> bool:
    """Let the window work until ``done`` (False if it did not get there in time)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
    QCoreApplication.processEvents()
    return done()


def consent_if_asked(page: Any) -> None:
    """The customer consents, as the clerk confirms it, when the page asks (her case's first face check)."""
    step = page.consent_step
    if not step.isHidden():
        step.consent_button.click()
        process_until(step.isHidden)


def wait_for(page: Any, timeout_s: float = SAMPLE_TIMEOUT_S) -> None:
    """The check the page was asked for, to its outcome (her consent confirmed on the way)."""
    consent_if_asked(page)
    process_until(lambda: not page.busy, timeout_s)


def run_scenario(window: Any, scenario: Scenario, samples: Path) -> Any:
    """Fill and run one scenario; returns the page (its banner shows the outcome)."""
    window.sidebar.setCurrentRow(scenario.page)
    page = window.current_page
    scenario.fill(page, samples)
    page.run()
    wait_for(page)
    return page


def build_window(home: Path) -> tuple[Any, Any]:
    """A main window on a Runtime whose files all live under ``home`` (no log file)."""
    from app.i18n import ENGLISH, Translations
    from app.runtime import Runtime
    from app.ui.main_window import MainWindow
    from app.ui.preferences import PreferenceStore

    runtime = Runtime(environ={**os.environ, "LINKFACE_DESK_HOME": str(home)}, log_to_file=False)
    runtime.profiles.set_counter(staff_id=STAFF_ID)  # asked once per OS user; here, before the window
    translations = Translations()
    translations.set_language(ENGLISH)
    window = MainWindow(runtime, translations, PreferenceStore(None), runtime.profiles, runtime.secrets)
    return window, runtime


def _check(report: list[tuple[bool, str]], ok: bool, text: str) -> bool:
    report.append((ok, text))
    return ok


def _closed_case(history: Any, case_id: str | None) -> Any:
    """The case as history keeps it once closed (None if it is not, in time)."""
    def closed() -> bool:
        row = history.case(case_id) if case_id else None
        return row is not None and bool(row.closed_ms)

    return history.case(case_id) if process_until(closed) else None


def _check_cases(report: list[tuple[bool, str]], window: Any, runtime: Any, samples: Path) -> None:
    """A customer's whole case (consent, check, decision) and a declined one, read back from history."""
    from app.core.cases import ALTERNATIVES

    history = runtime.history
    if not _check(report, history is not None, "cases: history file open"):
        return
    page = run_scenario(window, SCENARIOS[0], samples)
    panel = page.decision_panel
    process_until(lambda: panel.isVisible() and panel.outcome.currentData() is not None)
    panel.record()
    process_until(lambda: window.context.case.decision is not None)
    case_id = window.context.case.case_id
    window.next_customer()
    row = _closed_case(history, case_id)
    calls = history.case_calls(case_id) if row else []
    _check(report, row is not None and row.consent == "given" and row.decision == "accepted"
           and row.staff_id == STAFF_ID and len(calls) == 1,
           f"case: consent, one check and the decision recorded ({row.consent if row else None}, "
           f"{row.decision if row else None}, {len(calls)} call(s))")

    window.sidebar.setCurrentRow(0)
    SCENARIOS[0].fill(page, samples)
    page.run()
    step = page.consent_step
    step.decline_button.click()
    step.alternative.setCurrentIndex(step.alternative.findData(ALTERNATIVES[0]))
    step.record_decline_button.click()
    process_until(lambda: window.context.case.decision is not None)
    case_id = window.context.case.case_id
    window.next_customer()
    row = _closed_case(history, case_id)
    _check(report, row is not None and row.consent == "declined" and row.alternative == ALTERNATIVES[0]
           and not history.case_calls(case_id),
           f"declined case: recorded with its other method and no face call ({row.decision if row else None})")


def run_self_test() -> int:
    from app.ui.startup import prepare_platform

    prepare_platform()
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from app import __version__
    from app.i18n import CHINESE, ENGLISH, Translations, qm_path
    from app.ui.resources import icons_dir

    app = QApplication.instance() or QApplication(sys.argv[:1])
    report: list[tuple[bool, str]] = []
    started = time.monotonic()

    icons = sorted(icons_dir().glob("*.svg"))
    _check(report, len(icons) >= 10, f"resources: {len(icons)} icons in {icons_dir()}")
    translations = Translations()
    loaded = translations.set_language(CHINESE)
    words = QCoreApplication.translate("Verdict", "Same person")
    chinese = re.search("[\u4e00-\u9fff]", words) is not None
    _check(report, loaded and chinese, f"translation zh_CN: {qm_path(CHINESE)} → 'Same person' = {words!r}")
    # Qt's own dialogs, from qtbase_zh_CN.qm (not our catalogue: lupdate must not collect this one)
    qt_context, qt_text = "QFileDialog", "Open"
    qt_words = QCoreApplication.translate(qt_context, qt_text)
    _check(report, re.search("[\u4e00-\u9fff]", qt_words) is not None,
           f"Qt's own dialogs in zh_CN: 'Open' = {qt_words!r}")
    translations.set_language(ENGLISH)

    try:
        import keyring

        backend = keyring.get_keyring()
        from app.core.secrets import KeyringSecretStore

        problem = KeyringSecretStore().check()
        note = "usable" if problem is None else f"not usable: {problem.reason} (profiles need it; the sandbox does not)"
        _check(report, True, f"keychain: {type(backend).__module__}.{type(backend).__name__} ({note})")
    except Exception as exc:  # noqa: BLE001 -- report, never crash the self-test on the keychain
        _check(report, True, f"keychain: could not be queried ({type(exc).__name__}: {exc})")

    with tempfile.TemporaryDirectory(prefix="linkface-selftest-") as folder:
        home = Path(folder)
        samples = write_samples(Path(tempfile.mkdtemp(dir=folder)))
        window, runtime = build_window(home / "home")
        try:
            window.show()
            app.processEvents()
            _check(report, window.top_bar.sandbox_mark.isVisible(),
                   "window: built on the Sandbox profile, SANDBOX mark shown")
            for scenario in SCENARIOS:
                page = run_scenario(window, scenario, samples)
                title = page.result.banner.title.text()
                _check(report, title == scenario.expect,
                       f"call {page.page_title()}: {title!r} (expected {scenario.expect!r})")
            window.next_customer()
            _check(report, not window.page(0).name.text() and not window.page(0).result.banner.isVisible(),
                   "next customer: inputs and results cleared")
            _check_cases(report, window, runtime, samples)
        finally:
            window.close()
            runtime.close()

    failed = [text for ok, text in report if not ok]
    print(f"LinkFace Desk {__version__} self-test ({time.monotonic() - started:.1f} s)")
    for ok, text in report:
        print(f"  {'ok  ' if ok else 'FAIL'} {text}")
    print("result: " + ("all checks passed" if not failed else f"{len(failed)} check(s) failed"))
    return 0 if not failed else 1

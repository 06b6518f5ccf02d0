"""Capture the window on real screens: every page with a sandbox result, the attack verdict, errors,
the customer's case (consent, decision), History (calls and cases) and Settings, in both languages,
at branch PCs' screen sizes and scaling.

    python build_scripts/screenshots.py --out DIR [--dark] [--screens 1366x768@1,1024x768@1.5,…]

Each screen is a private X server (Xvfb) of that size, with its own process (one QApplication per
scale factor: QT_SCALE_FACTOR) on Qt's xcb platform, and every shot is the whole screen captured by
ImageMagick (``import -window root``): the window as it opens there, at the real available size. A
window that opens maximized is given the whole screen, as a window manager would (Xvfb runs none).
Runs on a private temporary home, against the in-process sandbox with the shipped sample people.
Files: DIR/<W>x<H>-<scale>x/<lang>-<nn>-<page>.png (09–13: the staff ID, consent, a decline, a guardian's
consent, a decision that needs a supervisor), <lang>-error-*.png and <lang>-settings.png;
``--dark`` uses a dark palette (as a dark system theme would) and adds "-dark" to each name.
Needs: apt-get install xvfb imagemagick (bash build_scripts/dev.sh installs them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGE_NAMES = ("id", "selfie", "hack", "parse", "token")
HACK_PAGE = PAGE_NAMES.index("hack")
SETTLE_S = 0.15  # events and repaints reach the X server before a capture


@dataclass(frozen=True)
class Screen:
    width: int
    height: int
    scale: float

    @classmethod
    def parse(cls, text: str) -> Screen:
        """``1366x768@1.5``: pixels, and the scaling the clerk's system uses (1.5 is 150%)."""
        size, _, scale = text.partition("@")
        width, _, height = size.partition("x")
        return cls(int(width), int(height), float(scale or 1))

    @property
    def name(self) -> str:
        return f"{self.width}x{self.height}-{self.scale:g}x"


DEFAULT_SCREENS = ("1366x768@1", "1366x768@1.5", "1024x768@1", "1024x768@1.5")


def dark_palette() -> Any:
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#171717", QPalette.ColorRole.AlternateBase: "#26272b",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#2d2e31",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.ToolTipBase: "#2d2e31", QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.Mid: "#5f6368", QPalette.ColorRole.Dark: "#101010", QPalette.ColorRole.Light: "#3c4043",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


def settle(seconds: float = SETTLE_S) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def make_cases(runtime: Any, samples: Path) -> None:
    """A morning's customers for the Cases view, through the runtime's case API as the window records them:
    checks accepted, one approved by a supervisor, a customer who declined, a minor with her guardian."""
    from app.catalogue.cases import notice_text
    from app.core.cases import Consent, Decision, Outcome
    from app.core.contract import FileSource, IdNumberRequest
    from app.core.validation import id_check_char
    from app.sandbox.people import LI_SI, ZHANG_SAN

    minor = "11010520150301123" + id_check_char("11010520150301123")
    customers = (
        ("A0101", Consent.GIVEN, ZHANG_SAN.name, ZHANG_SAN.id_number, "zhang-san.lfs",
         Decision(Outcome.ACCEPTED, "verified")),
        ("A0101", Consent.GIVEN, ZHANG_SAN.name, ZHANG_SAN.id_number, "zhang-san-lookalike.lfs",
         Decision(Outcome.ACCEPTED, "review_band", "B0217", "review_band")),
        ("A0102", Consent.DECLINED, LI_SI.name, None, None,
         Decision(Outcome.OTHER_METHOD, "customer_declined", alternative="manual_id_check")),
        ("A0102", Consent.GUARDIAN, "张小", minor, "zhang-san.lfs", Decision(Outcome.REJECTED, "no_record")),
    )
    staff = runtime.profiles.counter.staff_id
    for staff_id, consent, name, id_number, capture, decision in customers:
        runtime.profiles.set_counter(staff_id=staff_id)
        case = runtime.open_case("Sandbox", consent=consent, notice=notice_text(""), id_number=id_number)
        if capture is not None:
            runtime.run("Sandbox", IdNumberRequest(name, id_number, FileSource(samples / capture)), case_id=case)
        runtime.decide(case, decision)
        runtime.close_case(case)
    runtime.profiles.set_counter(staff_id=staff)


def shoot_case_steps(window: Any, runtime: Any, samples: Path, shoot: Callable[[str], None], language: str) -> None:
    """The customer's case as the clerk meets it: her staff ID at her first check, the consent step (a
    guardian's for a child), a decline with its other method, and a decision that needs a supervisor."""
    from PySide6.QtWidgets import QApplication

    from app.core.cases import ALTERNATIVES, Outcome
    from app.core.validation import id_check_char
    from app.sandbox.people import ZHANG_SAN
    from app.ui import selftest

    page = window.page(0)

    def ask(liveness: str, id_number: str) -> None:
        window.next_customer()
        window.sidebar.setCurrentRow(0)
        page.liveness.set_path(samples / liveness)
        page.name.setText(ZHANG_SAN.name)
        page.id_number.setText(id_number)
        page.run()

    staff = runtime.profiles.counter.staff_id
    runtime.profiles.set_counter(staff_id="")  # a clerk's first check on this PC
    ask("zhang-san.lfs", ZHANG_SAN.id_number)
    dialog = QApplication.activeModalWidget()
    shoot(f"{language}-09-staff-id")
    if dialog is not None:
        dialog.reject()
    runtime.profiles.set_counter(staff_id=staff)
    ask("zhang-san.lfs", ZHANG_SAN.id_number)
    shoot(f"{language}-10-consent")
    step = page.consent_step
    step.decline_button.click()
    step.alternative.setCurrentIndex(step.alternative.findData(ALTERNATIVES[0]))
    step.record_decline_button.click()
    selftest.process_until(lambda: window.context.case.decision is not None)
    shoot(f"{language}-11-declined")
    ask("zhang-san.lfs", "11010520150301123" + id_check_char("11010520150301123"))
    shoot(f"{language}-12-consent-guardian")
    ask("zhang-san-lookalike.lfs", ZHANG_SAN.id_number)
    selftest.wait_for(page)
    panel = page.decision_panel
    selftest.process_until(panel.isVisible)
    panel.outcome.setCurrentIndex(panel.outcome.findData(Outcome.ACCEPTED.value))
    panel.supervisor.setText("B0217")
    page._result_scroll.ensureWidgetVisible(panel)  # where the result column scrolls to for the decision
    shoot(f"{language}-13-decision-supervisor")
    window.next_customer()


def shoot_batch(window: Any, samples: Path, folder: Path, shoot: Callable[[str], None], language: str) -> None:
    """The Batch page on a branch's captures (one refused, one sent twice), after the run, then two rows of
    the same capture compared side by side."""
    import shutil

    from PySide6.QtWidgets import QMessageBox

    from app.ui import selftest
    from app.ui.main_window import BATCH_INDEX

    branch = folder / f"branch-{language}"
    branch.mkdir()
    for name in ("zhang-san.lfs", "attack-photo.lfs", "li-si.lfs", "not-an-image.txt"):
        shutil.copy(samples / name, branch / name)
    shutil.copy(samples / "zhang-san.lfs", branch / "zhang-san-again.lfs")
    window.sidebar.setCurrentRow(BATCH_INDEX)
    page = window.batch_page
    page.sources.selectAll()  # the other language's run
    page.remove_selected()
    page.add_paths([branch])
    selftest.process_until(lambda: page.plan is not None)
    page.set_report(folder / f"report-{language}.html")
    page.run()
    box = next((b for b in page.findChildren(QMessageBox) if b.isVisible()), None)
    shoot(f"{language}-14-batch-ask")
    if box is not None:
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole).click()
    selftest.process_until(lambda: bool(page.rows) and not page.busy)
    shoot(f"{language}-15-batch")
    page.table.selectRow(next(i for i, row in enumerate(page.rows) if row.get("file", "").endswith("zhang-san.lfs")))
    again = next(i for i, row in enumerate(page.rows) if "again" in row.get("file", ""))
    selection = page.table.selectionModel()
    selection.select(page.table.model().index(again, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    page.compare()
    settle()
    window.page_area.ensureWidgetVisible(page.compare_box)
    shoot(f"{language}-16-batch-compare")


def render(out: Path, dark: bool) -> int:
    """In the process on the X server: run every scenario in both languages, capturing the screen."""
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from app.i18n import CHINESE, ENGLISH
    from app.sandbox.faults import Fault
    from app.sandbox.people import ZHANG_SAN
    from app.ui import selftest
    from app.ui.settings_dialog import SettingsDialog

    app = QApplication(sys.argv[:1])
    if dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    out.mkdir(parents=True, exist_ok=True)
    suffix = "-dark" if dark else ""
    with tempfile.TemporaryDirectory(prefix="linkface-shots-") as folder:
        samples = selftest.write_samples(Path(tempfile.mkdtemp(dir=folder)))
        window, runtime = selftest.build_window(Path(folder) / "home")
        window.show()
        if window.isMaximized():
            window.setGeometry(window.screen().availableGeometry())

        def shoot(name: str) -> None:
            settle()
            path = out / f"{name}{suffix}.png"
            subprocess.run(["import", "-window", "root", str(path)], check=True)
            print(path, flush=True)

        def run_id(liveness: str, id_number: str) -> None:
            page = window.page(0)
            window.sidebar.setCurrentRow(0)
            page.liveness.set_path(samples / liveness)
            page.name.setText(ZHANG_SAN.name)
            page.id_number.setText(id_number)
            page.run()
            selftest.wait_for(page)

        try:
            make_cases(runtime, samples)
            for language in (ENGLISH, CHINESE):
                window.set_language(language, remember=False)
                window.next_customer()
                for scenario in selftest.SCENARIOS:
                    window.sidebar.setCurrentRow(scenario.page)
                    page = window.current_page
                    scenario.fill(page, samples)
                    if scenario.page == HACK_PAGE:  # the attack verdict on a replayed screen
                        page.liveness.set_path(samples / "attack-screen.lfs")
                    page.run()
                    selftest.wait_for(page)
                    shoot(f"{language}-{scenario.page + 1:02d}-{PAGE_NAMES[scenario.page]}")
                window.next_customer()
                run_id("li-si.lfs", ZHANG_SAN.id_number)
                shoot(f"{language}-06-id-different")
                window.next_customer()
                # errors: an API code with its remedy; a bad ID number refused before sending
                runtime.sandbox.inject(Fault(code="1009"))
                selftest.run_scenario(window, selftest.SCENARIOS[0], samples)
                shoot(f"{language}-error-1009")
                window.next_customer()
                run_id("quality-fail.lfs", ZHANG_SAN.id_number[:-1] + "0")
                shoot(f"{language}-error-bad-id")
                window.next_customer()
                shoot_case_steps(window, runtime, samples, shoot, language)
                window.sidebar.setCurrentRow(len(selftest.SCENARIOS))  # History, with what this run recorded
                history = window.history()
                history.refresh()
                while history.loading:
                    settle(0.02)
                history.table.selectRow(0)
                shoot(f"{language}-07-history")
                history.views.setCurrentIndex(1)  # Cases, a supervisor's approval opened to its call
                cases = history.cases
                while cases.loading:
                    settle(0.02)
                cases.table.selectRow(next(row for row, line in enumerate(cases.model.rows) if line.case.supervisor))
                while cases.loading:
                    settle(0.02)
                cases.calls.selectRow(0)
                shoot(f"{language}-08-cases")
                history.views.setCurrentIndex(0)
                shoot_batch(window, samples, Path(folder), shoot, language)
                window.sidebar.setCurrentRow(0)
                # Settings on the Sandbox profile, after "Test connection" (its message is the longest line)
                dialog = SettingsDialog(window.preferences, window.profiles, window.secrets, window,
                                        window._test_connection, window.pool)
                dialog.tabs.setCurrentIndex(1)
                dialog.show()
                editor = dialog.profiles
                assert editor is not None
                editor.test_connection()
                while editor.testing is not None:
                    settle(0.02)
                shoot(f"{language}-settings")
                dialog.close()
        finally:
            window.close()
            runtime.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--screens", default=",".join(DEFAULT_SCREENS),
                        help="comma-separated WIDTHxHEIGHT@SCALE (default %(default)s)")
    parser.add_argument("--render", action="store_true", help=argparse.SUPPRESS)  # inside one screen's process
    args = parser.parse_args(argv)
    if args.render:
        return render(args.out, args.dark)

    from tests.ui.xvfb import Xvfb, xvfb_missing

    missing = xvfb_missing() or (None if shutil.which("import") else "ImageMagick's import is not installed")
    if missing:
        print(missing, file=sys.stderr)
        return 2
    for screen in map(Screen.parse, args.screens.split(",")):
        with Xvfb(screen.width, screen.height) as display:
            environ = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
                       "QT_SCALE_FACTOR": f"{screen.scale:g}"}
            command = [sys.executable, __file__, "--render", "--out", str(args.out / screen.name)]
            subprocess.run(command + (["--dark"] if args.dark else []), env=environ, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

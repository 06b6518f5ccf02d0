"""Render every page of the window with a sandbox result, in both languages, plus error states, to PNG.

    python build_scripts/screenshots.py --out DIR [--dark] [--scale 2]

Runs offscreen on a private temporary home, against the in-process sandbox with the shipped
sample people. ``--dark`` uses a dark palette (as a dark system theme would); ``--scale`` sets
QT_SCALE_FACTOR to check high-DPI rendering. Files: <lang>-<nn>-<page>.png and <lang>-error-*.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGE_NAMES = ("id", "selfie", "hack", "parse", "token")


def dark_palette() -> object:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio (QT_SCALE_FACTOR)")
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)

    from app.ui.startup import prepare_platform

    prepare_platform()
    from PySide6.QtWidgets import QApplication, QStyleFactory, QTabWidget

    from app.i18n import CHINESE, ENGLISH
    from app.sandbox.faults import Fault
    from app.sandbox.people import ZHANG_SAN
    from app.ui import selftest

    app = QApplication(sys.argv[:1])
    if args.dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())  # type: ignore[arg-type]
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="linkface-shots-") as folder:
        samples = selftest.write_samples(Path(tempfile.mkdtemp(dir=folder)))
        window, runtime = selftest.build_window(Path(folder) / "home")
        window.resize(1280, 820)
        window.show()
        suffix = "-dark" if args.dark else ""

        def shoot(name: str) -> None:
            app.processEvents()
            path = args.out / f"{name}{suffix}.png"
            window.grab().save(str(path))
            written.append(path)

        try:
            for language in (ENGLISH, CHINESE):
                window.set_language(language, remember=False)
                window.next_customer()
                for scenario in selftest.SCENARIOS:
                    selftest.run_scenario(window, scenario, samples)
                    shoot(f"{language}-{scenario.page + 1:02d}-{PAGE_NAMES[scenario.page]}")
                window.next_customer()
                # errors: an API code with its remedy; a bad ID number refused before sending
                runtime.sandbox.inject(Fault(code="1009"))
                selftest.run_scenario(window, selftest.SCENARIOS[0], samples)
                shoot(f"{language}-error-1009")
                window.next_customer()
                page = window.page(0)
                page.liveness.set_path(samples / "quality-fail.lfs")
                page.name.setText(ZHANG_SAN.name)
                page.id_number.setText(ZHANG_SAN.id_number[:-1] + "0")
                page.run()
                shoot(f"{language}-error-bad-id")
                window.next_customer()
                page.liveness.set_path(samples / "li-si.lfs")
                page.name.setText(ZHANG_SAN.name)
                page.id_number.setText(ZHANG_SAN.id_number)
                page.run()
                selftest.wait_for(page)
                shoot(f"{language}-06-id-different")
                window.next_customer()
                # the History page with what this run recorded
                window.sidebar.setCurrentRow(len(selftest.SCENARIOS))
                history = window.history()
                history.refresh()
                while history.loading:
                    app.processEvents()
                history.table.selectRow(0)
                shoot(f"{language}-07-history")
                window.sidebar.setCurrentRow(0)
                # the settings dialog on its profiles tab
                from app.ui.settings_dialog import SettingsDialog

                dialog = SettingsDialog(window.preferences, window.profiles, window.secrets, window)
                tabs = dialog.findChild(QTabWidget)
                tabs.setCurrentIndex(1)
                dialog.show()
                app.processEvents()
                path = args.out / f"{language}-settings{suffix}.png"
                dialog.grab().save(str(path))
                written.append(path)
                dialog.close()
        finally:
            window.close()
            runtime.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Run as ``python -m tests.ui.dialog_probe CAPTURE``, with HOME and the XDG folders pointed at a scratch
folder: starts the app as ``linkface-desk`` does (``Startup``), chooses CAPTURE in the ID page's Browse
dialog (Qt's own dialog: offscreen there is no native one), then presses Next customer and saves the
window's preferences. Prints one JSON object: the folder the dialog opened in, and every file under
HOME (path relative to HOME: its text) after the choice and after Next customer.

A process of its own: Qt fixes where QSettings writes at its first use, so only a fresh process shows
where a real start sends QtProject.conf.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from app.ui.startup import Startup

READY_WAIT_MS = 15_000


def files(home: Path) -> dict[str, str]:
    return {str(path.relative_to(home)): path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(home.rglob("*")) if path.is_file()}


def main() -> None:
    capture = Path(sys.argv[1])
    home = Path(os.environ["HOME"])
    startup = Startup()
    window = startup.window
    found: dict[str, object] = {}

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog), dialog
        found["opened_in"] = dialog.directory().absolutePath()
        dialog.setDirectory(str(capture.parent))  # as a person clicks through to the folder
        QTimer.singleShot(200, lambda: pick(dialog))

    def pick(dialog: QFileDialog) -> None:
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(capture.name)
        dialog.accept()

    def run() -> None:
        page = window.page(0)
        QTimer.singleShot(300, choose)
        page.liveness.browse.click()  # the dialog runs here, until ``pick`` accepts it
        found["chosen"] = page.liveness.file_info.text().splitlines()[0]
        found["after_choice"] = files(home)
        window.next_customer()
        window.preference_store.save(window.preferences)
        found["after_next_customer"] = files(home)
        wait_for_runtime(0)

    def wait_for_runtime(waited: int) -> None:
        if startup.ready or waited >= READY_WAIT_MS:
            if startup.runtime is not None:
                startup.runtime.close()
            startup.app.quit()
            return
        QTimer.singleShot(100, lambda: wait_for_runtime(waited + 100))

    QTimer.singleShot(500, run)
    startup.app.exec()
    print(json.dumps(found, ensure_ascii=False))


if __name__ == "__main__":
    main()

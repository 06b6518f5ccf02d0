"""The real app, started as ``linkface-desk`` starts it, for the screen-reader audit to drive.

It reads one command per line on stdin and answers one line on stdout when the window has done it:
    do <python statement>     run it in the UI thread (names: window, page, samples, startup,
                              QApplication, QTabWidget, QTimer)
    wait <python expression>  answer once it is true (polled every 20 ms, 15 s at most)
Answers are "ok", "ok <value>" or "error <what>". The window's language and home come from the
environment (LINKFACE_DESK_LANG, LINKFACE_DESK_HOME), as for the app itself.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QTabWidget

from app.sandbox.samples import build_samples
from app.ui.startup import Startup

WAIT_S = 15.0


class _Lines(QObject):
    line = Signal(str)


def main() -> None:
    samples = Path(tempfile.mkdtemp(prefix="a11y-samples-"))
    for name, content in build_samples().items():
        (samples / name).write_bytes(content)
    startup = Startup()
    scope: dict[str, Any] = {"window": startup.window, "samples": samples, "startup": startup,
                             "QApplication": QApplication, "QTabWidget": QTabWidget, "QTimer": QTimer}

    def answer(text: str) -> None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    def current_page() -> Any:
        return startup.window.stack.currentWidget()  # a check page, or History

    def evaluate(expression: str) -> Any:
        scope["page"] = current_page()
        return eval(expression, scope)

    def wait(expression: str, deadline: float) -> None:
        try:
            value = evaluate(expression)
        except Exception as exc:  # noqa: BLE001 -- reported to the test, which fails on it
            answer(f"error {type(exc).__name__}: {exc}")
            return
        if value:
            answer(f"ok {value}")
        elif time.monotonic() > deadline:
            answer(f"error timed out waiting for {expression}")
        else:
            QTimer.singleShot(20, lambda: wait(expression, deadline))

    def run(line: str) -> None:
        verb, _, rest = line.partition(" ")
        if verb == "wait":
            wait(rest, time.monotonic() + WAIT_S)
            return
        try:
            scope["page"] = current_page()
            exec(rest, scope)
        except Exception as exc:  # noqa: BLE001 -- reported to the test, which fails on it
            answer(f"error {type(exc).__name__}: {exc}")
        else:
            answer("ok")

    lines = _Lines()
    lines.line.connect(lambda text: QTimer.singleShot(0, lambda: run(text)))

    def read() -> None:
        for raw in sys.stdin:
            lines.line.emit(raw.rstrip("\n"))
        lines.line.emit("do QApplication.quit()")

    threading.Thread(target=read, daemon=True).start()
    code = startup.app.exec()
    if startup.runtime is not None:
        startup.runtime.close()
    sys.exit(code)


if __name__ == "__main__":
    main()

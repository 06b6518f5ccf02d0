"""Notices when nobody has touched the app for a while, so a customer's data does not linger.

Signals:
    idle(): no key, click or wheel input for ``timeout_s`` seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.Drop,
    QEvent.Type.TouchBegin,
})


class IdleWatcher(QObject):
    """An application-wide event filter that restarts a single-shot timer on every input."""

    idle = Signal()

    def __init__(self, timeout_s: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_timeout(timeout_s)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout(self, seconds: int) -> None:
        self._timer.setInterval(int(seconds * 1000))
        self._timer.start()

    @property
    def timeout_s(self) -> float:
        return self._timer.interval() / 1000

    def restart(self) -> None:
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._timer.start()
        return False

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

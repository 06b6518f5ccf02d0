"""Notices when nobody has touched the window for a while, so a customer's data does not linger.

It watches the window's QWindow, where the platform delivers every key, click, wheel, touch and
drop before Qt hands it to a widget. (An application-wide filter would see every internal event
too, each a call into Python: that made showing the window 20 ms slower.)

Signals:
    idle(): no input for ``timeout_s`` seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.Drop,
    QEvent.Type.TouchBegin,
})


class IdleWatcher(QObject):
    """Restarts a single-shot timer on every input event of the watched windows."""

    idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._watched: list[QObject] = []
        self.set_timeout(timeout_s)

    def watch(self, window: QObject) -> None:
        if window not in self._watched:
            window.installEventFilter(self)
            self._watched.append(window)

    def set_timeout(self, seconds: float) -> None:
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
        for window in self._watched:
            window.removeEventFilter(self)
        self._watched.clear()

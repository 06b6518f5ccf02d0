"""The keeper of what the app copied: "next customer" must remove what the app itself put on the
clipboard, and only that."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication


class ClipboardKeeper(QObject):
    """Copies text to the system clipboard and can later clear it if it still holds our text.

    Signals:
        copied(str): the text just copied.
    """

    copied = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: set[str] = set()

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._ours.add(text)
        self.copied.emit(text)

    def clear_ours(self) -> bool:
        """Empty the clipboard if it holds something we put there; True if it did."""
        clipboard = QGuiApplication.clipboard()
        held = clipboard.text() in self._ours
        if held:
            clipboard.clear()
        self._ours.clear()
        return held

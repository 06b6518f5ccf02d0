"""Read-only values with a copy button, and the keeper that remembers what the app copied.

"Next customer" must remove what the app itself put on the clipboard, and only that.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from app.ui.resources import icon
from app.ui.widgets.common import Retranslating, mono_font


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


class CopyField(Retranslating, QWidget):
    """A selectable, monospaced value with a copy button (request ids, tokens, stored ids)."""

    def __init__(self, keeper: ClipboardKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keeper = keeper
        self.value = QLineEdit(self)
        self.value.setReadOnly(True)
        self.value.setFont(mono_font())
        self.button = QToolButton(self)
        self.button.setIcon(icon("copy", self.palette().buttonText().color(), 16))
        self.button.clicked.connect(self._copy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setToolTip(self.tr("Copy"))
        self.button.setAccessibleName(self.tr("Copy"))

    def set_text(self, text: str) -> None:
        self.value.setText(text)
        self.value.setCursorPosition(0)
        self.button.setEnabled(bool(text))

    def text(self) -> str:
        return self.value.text()

    def _copy(self) -> None:
        if self.value.text():
            self._keeper.copy(self.value.text())

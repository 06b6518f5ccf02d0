"""A read-only value with a copy button (request ids, tokens, stored ids)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from app.ui.resources import icon
from app.ui.widgets.clipboard import ClipboardKeeper
from app.ui.widgets.common import Retranslating, mono_font

__all__ = ["COPIED_FOR_MS", "ClipboardKeeper", "CopyField"]  # ClipboardKeeper lived here first; see clipboard.py

COPIED_FOR_MS = 1500  # how long the button says "Copied" after a click


class CopyField(Retranslating, QWidget):
    """A selectable, monospaced value with a copy button (request ids, tokens, stored ids). A click is
    confirmed on the button itself for a moment: an icon alone does not say that anything happened.
    ``set_name`` says what the value is ("request_id"): the box's accessible name, and the button's
    ("Copy request_id"), so a screen reader does not meet a row of identical "Copy" buttons."""

    def __init__(self, keeper: ClipboardKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keeper = keeper
        self._name = ""
        self.value = QLineEdit(self)
        self.value.setReadOnly(True)
        self.value.setFont(mono_font())
        self.button = QToolButton(self)
        self.button.setIcon(icon("copy", self.palette().buttonText().color(), 16))
        self.button.clicked.connect(self._copy)
        self._confirming = QTimer(self)
        self._confirming.setSingleShot(True)
        self._confirming.setInterval(COPIED_FOR_MS)
        self._confirming.timeout.connect(self.retranslate)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        copied = self._confirming.isActive()
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if copied
                                       else Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.button.setText(self.tr("Copied") if copied else "")
        copy = self.tr("Copy %1").replace("%1", self._name) if self._name else self.tr("Copy")
        self.button.setToolTip(copy)
        self.button.setAccessibleName(self.tr("Copied") if copied else copy)
        self.value.setAccessibleName(self._name)

    def set_name(self, name: str) -> None:
        self._name = name
        self.retranslate()

    def set_text(self, text: str) -> None:
        self.value.setText(text)
        self.value.setCursorPosition(0)
        self.button.setEnabled(bool(text))
        self._confirming.stop()
        self.retranslate()

    def text(self) -> str:
        return self.value.text()

    def _copy(self) -> None:
        if self.value.text():
            self._keeper.copy(self.value.text())
            self._confirming.start()
            self.retranslate()

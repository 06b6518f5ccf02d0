"""A line edit for personal data that can hide its value once the decision is on screen.

After ``mask_value()`` the field shows the masked value (a name's first character, then asterisks) and
keeps the real value for "check again"; typing
into it starts afresh (the masked text is never edited into a real value).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

EDIT_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete}


class SensitiveLineEdit(QLineEdit):
    """Holds a name or an ID number; ``value()`` is the real text whether masked or not."""

    def __init__(self, masker: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._masker = masker
        self._real: str | None = None

    @property
    def masked(self) -> bool:
        return self._real is not None

    def value(self) -> str:
        return self._real if self._real is not None else self.text()

    def mask_value(self) -> None:
        if self._real is None and self.text():
            self._real = self.text()
            self.setText(self._masker(self._real))  # setText also drops the undo history
            self.setReadOnly(True)

    def clear_value(self) -> None:
        self._real = None
        self.setReadOnly(False)
        self.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typing = bool(event.text().strip()) and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if self.masked and (typing or event.key() in EDIT_KEYS):
            self.clear_value()
            if event.key() in EDIT_KEYS:
                return
        super().keyPressEvent(event)

"""A line edit for personal data that can hide its value once the decision is on screen.

After ``mask_value()`` the field shows the masked value (a name's first character, then asterisks),
looks locked (read-only, on the window's colour instead of the text-box white) and keeps the real
value for a deliberate check again. The clerk's next edit unlocks it: a typed character, a paste
(Ctrl+V, Shift+Insert, the context menu), the input method's commit, select-all, Backspace or Delete
first clear the masked text, so the field takes exactly the new input (a paste of the corrected name
works at once) and the masked text is never edited into a real value.

Signals:
    unmasked(): the clerk's edit unlocked the field (its value is now what she enters).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QLineEdit, QWidget

from app.ui.widgets.common import Retranslating

CLEARING_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete}
CLEARING_SEQUENCES = (QKeySequence.StandardKey.SelectAll, QKeySequence.StandardKey.Cut,
                      QKeySequence.StandardKey.Delete)
UNLOCKING_SEQUENCES = (QKeySequence.StandardKey.Paste,)  # unlock, then the key does its work


class SensitiveLineEdit(Retranslating, QLineEdit):
    """Holds a name or an ID number; ``value()`` is the real text whether masked or not."""

    unmasked = Signal()

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
            self._lock(True)

    def clear_value(self) -> None:
        """Forget the value, the masked text and the undo history (QLineEdit.clear keeps it: Ctrl+Z would
        bring the last customer back)."""
        self._real = None
        self._lock(False)
        self.setText("")

    def _lock(self, locked: bool) -> None:
        self.setReadOnly(locked)
        # read-only turns the input method off; the clerk may be typing Chinese into the locked field
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        if locked:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
            self.setPalette(palette)
        else:
            self.setPalette(QPalette())  # back to the window's palette
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Masked after the decision. Type or paste to enter a new value.") if self.masked
                        else "")

    def _unlock_for_edit(self) -> None:
        self.clear_value()
        self.unmasked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.masked:
            text = event.text()
            typing = bool(text) and text.isprintable() and not text.isspace() and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
            clearing = event.key() in CLEARING_KEYS or any(event.matches(key) for key in CLEARING_SEQUENCES)
            if typing or clearing or any(event.matches(key) for key in UNLOCKING_SEQUENCES):
                self._unlock_for_edit()
                if clearing:
                    return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if self.masked and (event.commitString() or event.preeditString()):
            self._unlock_for_edit()
        super().inputMethodEvent(event)

    def inputMethodQuery(self, query: Qt.InputMethodQuery, *argument: Any) -> Any:
        if query == Qt.InputMethodQuery.ImEnabled and self.masked:
            return True  # QLineEdit says False when read-only; the input method's first key unlocks it
        return super().inputMethodQuery(query, *argument)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """A right-click on the masked field is for pasting a new value: unlocked, its menu offers Paste."""
        if self.masked:
            self._unlock_for_edit()
        super().contextMenuEvent(event)

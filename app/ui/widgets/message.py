"""The line under a field that says what is wrong with it (or that it is fine), in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.core.interpret import Tone
from app.ui.theme import tone_ink


class MessageLabel(QLabel):
    """A line under a field: a problem (✗, in the bad tone) or a confirmation (✓); empty hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_problem(self, text: str) -> None:
        self._show("✗ " + text, Tone.BAD)

    def show_ok(self, text: str) -> None:
        self._show("✓ " + text, Tone.GOOD)

    def _show(self, text: str, tone: Tone) -> None:
        self.setStyleSheet(f"color: {tone_ink(tone, self.palette()).name()};")
        self.setText(text)
        self.show()

    @property
    def is_problem(self) -> bool:
        return self.isVisible() and self.text().startswith("✗")

    def clear(self) -> None:
        super().clear()
        self.hide()

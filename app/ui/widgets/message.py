"""The line under a field that says what is wrong with it (or that it is fine), in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.core.interpret import Tone
from app.ui.announce import plain
from app.ui.theme import tone_ink

PROBLEM_MARK, OK_MARK = "✗ ", "✓ "


class MessageLabel(QLabel):
    """A line under a field: a problem (✗, in the bad tone) or a confirmation (✓); empty hides it.

    The mark is for the eye: the accessible name is the words alone. While a problem shows, it is also
    the accessible description of the fields it ``describes`` (what a screen reader says when one of
    them takes the focus); their own description comes back when the problem goes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._problem = False
        self._fields: list[tuple[QWidget, str]] = []  # (field, its own description)
        self.hide()

    def describes(self, *fields: QWidget) -> None:
        """The controls this line is about (a source's Browse button, URL and id boxes are one field)."""
        self._fields = [(field, field.accessibleDescription()) for field in fields]

    def show_problem(self, text: str) -> None:
        self._show(PROBLEM_MARK, text, Tone.BAD, problem=True)

    def show_ok(self, text: str) -> None:
        self._show(OK_MARK, text, Tone.GOOD, problem=False)

    def _show(self, mark: str, text: str, tone: Tone, problem: bool) -> None:
        self.setStyleSheet(f"color: {tone_ink(tone, self.palette()).name()};")
        self.setText(mark + text)
        self.setAccessibleName(text)
        self._describe(text if problem else "")
        self.show()

    def _describe(self, problem: str) -> None:
        self._problem = bool(problem)
        for field, own in self._fields:
            field.setAccessibleDescription(problem or own)

    @property
    def words(self) -> str:
        """What the line says, without its mark."""
        return self.accessibleName()

    @property
    def is_problem(self) -> bool:
        return self.isVisible() and self._problem

    def clear(self) -> None:
        super().clear()
        self.setAccessibleName("")
        self._describe("")
        self.hide()


class MarkedLabel(QLabel):
    """A label whose text may start with a mark for the eye (✓, ✗): its accessible name is the words alone."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(plain(text))

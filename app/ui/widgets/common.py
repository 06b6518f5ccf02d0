"""Small helpers every widget uses: retranslation on language change, fonts. No core imports: the
window's first paint needs these and nothing heavier."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMessageBox, QWidget


class Retranslating:
    """Mixin for QWidget subclasses: calls ``retranslate()`` on every language change."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def mono_font() -> QFont:
    from PySide6.QtGui import QFontDatabase  # importing a Qt class builds its enums: not at start-up

    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


def ask_before_billing(parent: QWidget, title: str, text: str, yes: str, no: str,
                       answered: Callable[[QMessageBox, bool], object]) -> QMessageBox:
    """A window-modal question before billed work, No by default (Enter and Esc answer No); ``answered``
    gets the box and whether Yes was chosen. Buttons of our own words: a standard button's text is Qt's
    again at the next language change."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.finished.connect(lambda _result: answered(box, box.clickedButton() is yes_button))
    box.open()
    no_button.setFocus()
    return box

"""Small helpers every widget uses: retranslation on language change, fonts. No core imports: the
window's first paint needs these and nothing heavier."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget


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

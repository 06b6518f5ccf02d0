"""The verdict banner: icon, words and a sentence of meaning first, colour last."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.interpret import Tone
from app.ui.resources import icon_pixmap
from app.ui.theme import ON_TONE, TONE_FILL
from app.ui.widgets.common import scaled_font

ICON_SIDE = 44


class Banner(QWidget):
    """Shows one decision or error headline; hidden until ``show_message``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tone = Tone.INFO
        self._icon_name = ""
        self.icon = QLabel(self)
        self.icon.setFixedSize(ICON_SIDE, ICON_SIDE)
        self.title = QLabel(self)
        self.title.setFont(scaled_font(self, 1.9, bold=True))
        self.title.setWordWrap(True)
        self.meaning = QLabel(self)
        self.meaning.setFont(scaled_font(self, 1.15))
        self.meaning.setWordWrap(True)
        for label in (self.title, self.meaning):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, ON_TONE)
            label.setPalette(palette)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.meaning)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(14)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        self.hide()

    @property
    def tone(self) -> Tone:
        return self._tone

    def show_message(self, tone: Tone, icon_name: str, title: str, meaning: str) -> None:
        self._tone = tone
        self._icon_name = icon_name
        # The icon repeats the title's words for the eye: an image without a name, which a screen reader skips.
        self.icon.setPixmap(icon_pixmap(icon_name, ON_TONE, ICON_SIDE, self.devicePixelRatioF()))
        self.title.setText(title)
        self.meaning.setText(meaning)
        self.meaning.setVisible(bool(meaning))
        self.setAccessibleName(self.spoken)
        self.show()
        self.update()

    @property
    def spoken(self) -> str:
        """What the clerk reads on the banner, as one line: the title and its meaning."""
        title, meaning = self.title.text(), self.meaning.text()
        return self.tr("%1. %2").replace("%1", title).replace("%2", meaning) if meaning else title

    def clear(self) -> None:
        self.title.clear()
        self.meaning.clear()
        self.icon.clear()
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(TONE_FILL[self._tone]))
        painter.drawRoundedRect(QRectF(self.rect()), 8, 8)

"""The motions of a liveness capture, in the order performed, as icons with names.

An undocumented code (the vendor's own example has a 4) is shown as "unknown" with its number. A name
stays on one line: a tile widens for a long one rather than break "unknown (code 4)" in two.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.interpret import Motion, Tone
from app.ui.resources import icon_pixmap
from app.ui.theme import tone_ink
from app.ui.widgets.common import Retranslating
from app.ui.words import motion_name

ICON_SIDE = 44
TILE_WIDTH = 104
ICONS = {"blink": "motion-blink", "open_mouth": "motion-open-mouth", "shake_head": "motion-shake-head",
         "nod": "motion-nod"}


class MotionStrip(Retranslating, QWidget):
    """A row of numbered motion tiles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._motions: tuple[Motion, ...] | None = None  # None: nothing shown
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(6)
        self.tiles: list[QWidget] = []

    def show_motions(self, motions: tuple[Motion, ...] | None) -> None:
        self._motions = motions
        self._rebuild()

    def names(self) -> list[str]:
        """The names as shown, in order."""
        return [tile.accessibleName() for tile in self.tiles]

    def clear(self) -> None:
        self.show_motions(None)

    def retranslate(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        while self._row.count():
            item = self._row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, deleted when the event loop gets to it
                widget.deleteLater()
        self.tiles = []
        palette = self.palette()
        for index, motion in enumerate(self._motions or ()):
            if index:
                arrow = QLabel("→", self)
                arrow.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                arrow.setContentsMargins(0, ICON_SIDE // 2 - 6, 0, 0)
                arrow.setFixedWidth(22)
                self._row.addWidget(arrow)
            self.tiles.append(self._tile(index + 1, motion, palette))
            self._row.addWidget(self.tiles[-1])
        if self._motions == ():
            self._row.addWidget(QLabel(self.tr("No motions were recorded."), self))
        self._row.addStretch(1)

    def _tile(self, number: int, motion: Motion, palette: QPalette) -> QWidget:
        tile = QWidget(self)
        colour = palette.color(QPalette.ColorRole.WindowText) if motion.known else tone_ink(Tone.REVIEW, palette)
        image = QLabel(tile)
        image.setPixmap(icon_pixmap(ICONS.get(motion.name, "motion-unknown"), colour, ICON_SIDE,
                                    self.devicePixelRatioF()))
        image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name = QLabel(f"{number}. {motion_name(motion.name, motion.code)}", tile)
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name.setMinimumWidth(max(TILE_WIDTH - 8, name.sizeHint().width()))  # never squeezed below its words
        if not motion.known:
            name.setStyleSheet(f"color: {colour.name()};")
        layout = QVBoxLayout(tile)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(image)
        layout.addWidget(name)
        tile.setAccessibleName(name.text())
        return tile

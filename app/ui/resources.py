"""Where the window's files live (icons, translations) and how icons are tinted for the palette.

Icons are SVGs drawn in ``currentColor``; we substitute a palette colour before rendering so the
same file reads on light and dark themes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon

from app.core.paths import resources_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QPixmap


def icons_dir() -> Path:
    return resources_dir() / "icons"


def translations_dir() -> Path:
    return resources_dir() / "translations"


@lru_cache(maxsize=256)
def _svg(name: str) -> str:
    return (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")


@lru_cache(maxsize=256)
def _render(name: str, colour: str, side: int, ratio: float) -> QPixmap:
    # Imported here: importing a Qt class builds its Python enums, which the first paint can do without.
    from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode("utf-8")))
    pixels = max(1, round(side * ratio))
    pixmap = QPixmap(QSize(pixels, pixels))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def icon_pixmap(name: str, colour: QColor, side: int, device_ratio: float = 1.0) -> QPixmap:
    """An icon from resources/icons rendered sharp at ``side`` logical pixels in ``colour``."""
    return _render(name, colour.name(), side, float(device_ratio))


def icon(name: str, colour: QColor, side: int = 24) -> QIcon:
    result = QIcon()
    for ratio in (1.0, 2.0):
        result.addPixmap(icon_pixmap(name, colour, side, ratio))
    return result


def app_icon() -> QIcon:
    return QIcon(str(icons_dir() / "app.svg"))

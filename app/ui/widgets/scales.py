"""Painted scales that carry the numbers: the certificate gauge, the false-accept scale, the risk meter.

One widget, ``ScaleBar``, draws a horizontal axis split into toned bands, tick labels under it, an
optional threshold line and a pointer at the value with its label above. An axis may be stretched
piecewise (``knots``): the risk meter gives 0.9–1 most of its width, so the 0.98 line and the attack
zone beyond it are wide enough to read, and marks the change of scale with a break. The three
factories below give it the vendor's bands and lines.

A screen reader gets the same: ``ScaleBar`` is a QProgressBar that paints itself, so Qt's own
accessibility gives it a Value (the score, in ``resolution`` steps per unit: 0.873 reads 873 of 1000,
a certificate score 87 of 100), a name and a description with the score's band. (A Python
QAccessibleValueInterface of our own crashed PySide6 6.11.)
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QWidget

from app.core.interpret import (
    CERTIFICATE_SAME_FROM,
    CERTIFICATE_UNCERTAIN_FROM,
    FALSE_ACCEPT_TABLE,
    HACK_THRESHOLD,
    Tone,
)
from app.ui.theme import BAND_ALPHA, quiet_ink, tone_ink, tone_tint
from app.ui.widgets.common import scaled_font
from app.ui.words import CERTIFICATE_BANDS, one_in_words, score_text, translate

BAR_HEIGHT = 22.0
CAPTION_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
POINTER = 9.0
MARGIN = 12.0


@dataclass(frozen=True)
class Band:
    start: float
    end: float
    tone: Tone
    label: str = ""  # translated by the caller


@dataclass(frozen=True)
class Tick:
    value: float
    text: str  # may hold two lines
    align: int = 0  # -1: text ends at the tick, 0: centred, 1: starts at the tick


@dataclass
class ScaleModel:
    low: float
    high: float
    bands: list[Band]
    ticks: list[Tick]
    name: str = ""  # what a screen reader calls the scale (translated by the caller)
    resolution: int = 1000  # the accessible value's steps per unit of the score
    caption: str = ""
    value: float | None = None
    value_text: str = ""
    threshold: float | None = None
    threshold_text: str = ""
    # (value, fraction of the width) from low to high: the axis is linear between knots; none: linear throughout
    knots: tuple[tuple[float, float], ...] = ()

    def fraction(self, value: float) -> float:
        """Where ``value`` sits along the axis, 0 to 1 (clamped to the axis)."""
        value = min(max(value, self.low), self.high)
        knots = self.knots or ((self.low, 0.0), (self.high, 1.0))
        for (v0, f0), (v1, f1) in pairwise(knots):
            if value <= v1:
                return f0 + (value - v0) / (v1 - v0) * (f1 - f0)
        return 1.0

    def band_at(self, value: float) -> Band | None:
        return next((band for band in self.bands if band.start <= value <= band.end), None)

    def description(self) -> str:
        """The value, its band's words, the threshold and the caption: what the eye reads off the scale."""
        band = self.band_at(self.value) if self.value is not None else None
        parts = [self.value_text, band.label if band else "", self.threshold_text, self.caption]
        return " · ".join(part for part in parts if part)


class ScaleBar(QProgressBar):
    """A horizontal scale with toned bands, ticks, a threshold line and a pointer at the value; to a
    screen reader, a progress bar whose value is the score (see the module's docstring)."""

    def __init__(self, model: ScaleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextVisible(False)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(280)
        self.set_model(model)

    def set_model(self, model: ScaleModel) -> None:
        self.model = model
        self.setRange(round(model.low * model.resolution), round(model.high * model.resolution))
        if model.value is None:
            self.reset()
        else:
            self.setValue(round(min(max(model.value, model.low), model.high) * model.resolution))
        self.setFormat(model.value_text)  # the value as text (the score's own digits), not a percentage
        self.setAccessibleName(model.name)
        self.setAccessibleDescription(model.description())
        self.updateGeometry()
        self.update()

    def _metrics(self) -> tuple[QFontMetricsF, QFontMetricsF]:
        return QFontMetricsF(scaled_font(self, 1.25, bold=True)), QFontMetricsF(scaled_font(self, 0.9))

    def hasHeightForWidth(self) -> bool:
        return True  # the caption wraps on a narrow screen rather than lose its ends

    def heightForWidth(self, width: int) -> int:
        big, small = self._metrics()
        lines = max((t.text.count("\n") + 1 for t in self.model.ticks), default=1)
        height = big.height() + POINTER + BAR_HEIGHT + 6 + small.height() * lines + 8 + self._caption_height(width)
        if self.model.threshold_text:
            height += small.height() + 2
        return int(height) + 2

    def _caption_height(self, width: float) -> float:
        if not self.model.caption:
            return 0.0
        _, small = self._metrics()
        return small.boundingRect(QRectF(0, 0, width, 10_000), CAPTION_FLAGS, self.model.caption).height()

    def sizeHint(self) -> QSize:
        return QSize(360, self.heightForWidth(max(self.width(), 360)))

    def minimumSizeHint(self) -> QSize:
        return QSize(280, self.heightForWidth(max(self.width(), 280)))

    def _x(self, value: float, left: float, width: float) -> float:
        return left + self.model.fraction(value) * width

    def tick_labels(self) -> list[tuple[QRectF, str]]:
        """Each line of the ticks' words and where it is drawn, kept inside the widget (none may overlap)."""
        big, small = self._metrics()
        left, width = MARGIN, self.width() - 2 * MARGIN
        first_line = big.height() + POINTER + BAR_HEIGHT + 6
        placed = []
        for tick in self.model.ticks:
            x = self._x(tick.value, left, width)
            for row, line in enumerate(tick.text.split("\n")):
                if line:
                    text_width = small.horizontalAdvance(line) + 2
                    x0 = {-1: x - text_width, 0: x - text_width / 2, 1: x}[tick.align]
                    x0 = min(max(x0, 0.0), self.width() - text_width)
                    placed.append((QRectF(x0, first_line + row * small.height(), text_width, small.height()), line))
        return placed

    def paintEvent(self, event: QPaintEvent) -> None:
        m = self.model
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        big_font, small_font = scaled_font(self, 1.25, bold=True), scaled_font(self, 0.9)
        big, small = QFontMetricsF(big_font), QFontMetricsF(small_font)
        left, width = MARGIN, self.width() - 2 * MARGIN
        top = big.height() + POINTER
        bar = QRectF(left, top, width, BAR_HEIGHT)

        # bands, clipped to a rounded bar
        clip = QPainterPath()
        clip.addRoundedRect(bar, 5, 5)
        painter.save()
        painter.setClipPath(clip)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setFont(small_font)
        marker = self._x(m.value, left, width) if m.value is not None else None
        for band in m.bands:
            x0, x1 = self._x(band.start, left, width), self._x(band.end, left, width)
            rect = QRectF(x0, top, x1 - x0, BAR_HEIGHT)
            painter.fillRect(rect, tone_tint(band.tone, palette, BAND_ALPHA))
            text_width = small.horizontalAdvance(band.label) + 8
            if marker is not None and x0 <= marker <= x1 and abs(marker - rect.center().x()) < text_width / 2 + 6:
                # keep the band's word clear of the pointer: use the wider side of it
                rect = QRectF(x0, top, marker - 6 - x0, BAR_HEIGHT) if marker - x0 > x1 - marker \
                    else QRectF(marker + 6, top, x1 - marker - 6, BAR_HEIGHT)
            if band.label and text_width < rect.width():
                painter.setPen(text_colour)  # the window's text: 4.5:1 on every tint, where the tone's own is not
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, band.label)
                painter.setPen(Qt.PenStyle.NoPen)
        for value, _fraction in m.knots[1:-1]:  # a break where the axis changes scale
            x = self._x(value, left, width)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Window), 3))
            for dx in (-3.0, 3.0):
                painter.drawLine(QPointF(x + dx - 3, bar.bottom() + 1), QPointF(x + dx + 3, top - 1))
            painter.setPen(Qt.PenStyle.NoPen)
        painter.restore()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(bar, 5, 5)

        # ticks and their labels
        painter.setFont(small_font)
        tick_top = bar.bottom() + 2
        painter.setPen(QPen(text_colour, 1))
        for tick in m.ticks:
            x = self._x(tick.value, left, width)
            painter.drawLine(QPointF(x, bar.bottom()), QPointF(x, tick_top + 3))
        for rect, line in self.tick_labels():
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, line)
        lines = max((t.text.count("\n") + 1 for t in m.ticks), default=1)
        below = tick_top + 4 + small.height() * lines

        # threshold line and its words
        if m.threshold is not None:
            x = self._x(m.threshold, left, width)
            painter.setPen(QPen(text_colour, 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, top - 4), QPointF(x, bar.bottom() + 4))
            if m.threshold_text:
                text_width = small.horizontalAdvance(m.threshold_text) + 4
                x0 = min(max(x - text_width / 2, 0.0), self.width() - text_width)
                painter.setPen(text_colour)
                painter.drawText(QRectF(x0, below, text_width, small.height()),
                                 Qt.AlignmentFlag.AlignCenter, m.threshold_text)
                below += small.height() + 2

        if m.caption:
            painter.setPen(quiet_ink(palette))
            painter.drawText(QRectF(0, below, self.width(), self._caption_height(self.width())), CAPTION_FLAGS,
                             m.caption)

        # the pointer and the value
        if m.value is not None:
            x = self._x(m.value, left, width)
            pointed = m.band_at(m.value)
            tone = pointed.tone if pointed else Tone.INFO
            ink = tone_ink(tone, palette)
            painter.setPen(QPen(ink, 3))
            painter.drawLine(QPointF(x, top), QPointF(x, bar.bottom()))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ink)
            painter.drawPolygon(QPolygonF([QPointF(x - POINTER * 0.8, top - POINTER), QPointF(x + POINTER * 0.8,
                                           top - POINTER), QPointF(x, top)]))
            painter.setFont(big_font)
            painter.setPen(ink)
            text_width = big.horizontalAdvance(m.value_text) + 4
            x0 = min(max(x - text_width / 2, 0.0), self.width() - text_width)
            painter.drawText(QRectF(x0, 0, text_width, big.height()), Qt.AlignmentFlag.AlignCenter, m.value_text)
        painter.end()


# --- the three scales ----------------------------------------------------------------------------


def certificate_model(score: float | None) -> ScaleModel:
    different, uncertain, same = (translate("Scale", label) for label in CERTIFICATE_BANDS)
    return ScaleModel(
        0.0, 100.0,
        [Band(0, CERTIFICATE_UNCERTAIN_FROM, Tone.BAD, different),
         Band(CERTIFICATE_UNCERTAIN_FROM, CERTIFICATE_SAME_FROM, Tone.REVIEW, uncertain),
         Band(CERTIFICATE_SAME_FROM, 100, Tone.GOOD, same)],
        [Tick(0, "0", 1), Tick(CERTIFICATE_UNCERTAIN_FROM, "40", -1), Tick(CERTIFICATE_SAME_FROM, "45", 1),
         Tick(100, "100", -1)],
        name=translate("Scale", "Certificate score"), resolution=1,
        caption=translate("Scale", "Certificate score: different below 40, uncertain 40 to 45, same from 45"),
        value=score, value_text="" if score is None else score_text(score, 2),
    )


def false_accept_model(score: float | None, threshold: float) -> ScaleModel:
    """The face score over the vendor's table; every other rate a line lower, so neighbours never overlap."""
    return ScaleModel(
        0.0, 1.0,
        [Band(0, threshold, Tone.BAD, translate("Scale", "below threshold")),
         Band(threshold, 1.0, Tone.GOOD, translate("Scale", "match"))],
        [Tick(at, f"{at:.1f}\n{chr(10) * (index % 2)}{one_in_words(n)}")
         for index, (at, n) in enumerate(FALSE_ACCEPT_TABLE)],
        name=translate("Scale", "Face score"),
        caption=translate("Scale", "Face score, and how often a stranger scores that high (false accepts)"),
        value=score, value_text="" if score is None else score_text(score),
        threshold=threshold,
        threshold_text=translate("Scale", "profile threshold %1").replace("%1", f"{threshold:.2f}"),
    )


RISK_MAGNIFIED_FROM = 0.9
RISK_KNOTS = ((0.0, 0.0), (RISK_MAGNIFIED_FROM, 0.3), (1.0, 1.0))  # 0.9–1 takes 70% of the width


def risk_model(score: float | None) -> ScaleModel:
    """The hack score with 0.9–1 magnified: the 0.98 line and the attack zone are where it matters."""
    return ScaleModel(
        0.0, 1.0,
        [Band(0, HACK_THRESHOLD, Tone.GOOD, translate("Scale", "live person")),
         Band(HACK_THRESHOLD, 1.0, Tone.BAD, translate("Scale", "attack"))],
        [Tick(0, "0", 1), Tick(0.5, "0.5"), Tick(RISK_MAGNIFIED_FROM, "0.9"), Tick(0.95, "0.95"),
         Tick(HACK_THRESHOLD, "0.98", -1), Tick(1.0, "1", -1)],
        name=translate("Scale", "Attack risk"),
        caption=translate("Scale", "Hack score: above 0.98 is an attack (photo, screen or mask); 0.9 to 1 is "
                                   "drawn larger"),
        value=score, value_text="" if score is None else score_text(score),
        threshold=HACK_THRESHOLD, knots=RISK_KNOTS,
    )

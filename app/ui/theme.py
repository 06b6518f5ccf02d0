"""Colours that carry meaning. Everything else comes from the palette, so dark themes work.

Verdict colours are saturated, mid-dark fills under white text (contrast ≥ 4.5:1), which reads
on both light and dark window backgrounds; the words and icon carry the meaning, colour comes last.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from app.core.interpret import Tone, Verdict

TONE_FILL: dict[Tone, QColor] = {
    Tone.GOOD: QColor("#1b7a3a"),    # white on it: 5.4:1
    Tone.REVIEW: QColor("#8f5200"),  # 5.9:1
    Tone.BAD: QColor("#b3261e"),     # 6.5:1
    Tone.INFO: QColor("#1f5aa0"),    # 6.7:1
}
ON_TONE = QColor("#ffffff")

TONE_ICON: dict[Tone, str] = {
    Tone.GOOD: "verdict-good",
    Tone.REVIEW: "verdict-review",
    Tone.BAD: "verdict-bad",
    Tone.INFO: "verdict-info",
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone_ink(tone: Tone, palette: QPalette) -> QColor:
    """The tone as a text/line colour on the window background (lighter on dark themes)."""
    colour = QColor(TONE_FILL[tone])
    return colour.lighter(175) if is_dark(palette) else colour


def tone_tint(tone: Tone, palette: QPalette, alpha: int = 70) -> QColor:
    """The tone as a soft band fill behind scale ticks."""
    colour = QColor(TONE_FILL[tone])
    if is_dark(palette):
        colour = colour.lighter(130)
    colour.setAlpha(alpha)
    return colour


def verdict_icon(verdict: Verdict) -> str:
    return "verdict-attack" if verdict is Verdict.SUSPECTED_ATTACK else TONE_ICON[verdict.tone]

"""Colours that carry meaning, and the focus frame. Everything else comes from the palette, so dark
themes work.

Verdict colours are saturated, mid-dark fills under white text (contrast ≥ 4.5:1), which reads
on both light and dark window backgrounds; the words and icon carry the meaning, colour comes last.
Text keeps WCAG's 4.5:1 against what is behind it: tone-coloured text (``tone_ink``) on the window,
the window's text on a tone's soft tint, and quiet text (``quiet_ink``) instead of the palette's
placeholder grey; ``contrast_ratio`` is the measure (tests/ui/test_keyboard_and_legibility.py holds them to it).
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


BAND_ALPHA = 95  # a scale's band behind its label
STOPPED_STEP_ALPHA = 60  # the trail's stopped step behind its words


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone_ink(tone: Tone, palette: QPalette) -> QColor:
    """The tone as a text/line colour on the window background (a light tone of it on dark themes)."""
    colour = QColor(TONE_FILL[tone])
    return mix(colour, QColor("#ffffff"), 0.45) if is_dark(palette) else colour


def tone_tint(tone: Tone, palette: QPalette, alpha: int = 70) -> QColor:
    """The tone as a soft band fill behind scale ticks."""
    colour = QColor(TONE_FILL[tone])
    if is_dark(palette):
        colour = colour.lighter(130)
    colour.setAlpha(alpha)
    return colour


def quiet_ink(palette: QPalette) -> QColor:
    """Secondary text (captions, the empty result's hint): softer than the window's text, yet 4.5:1 on
    its background, which the palette's placeholder grey is not."""
    return mix(palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window), 0.68)


def mix(colour: QColor, other: QColor, weight: float) -> QColor:
    """``weight`` of ``colour`` and the rest of ``other``, opaque."""
    return QColor.fromRgbF(*(weight * a + (1 - weight) * b for a, b in zip(
        (colour.redF(), colour.greenF(), colour.blueF()), (other.redF(), other.greenF(), other.blueF()),
        strict=True)))


def over(top: QColor, bottom: QColor) -> QColor:
    """A translucent colour as it looks painted on an opaque one."""
    return mix(QColor(top.red(), top.green(), top.blue()), bottom, top.alphaF())


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast_ratio(text: QColor, background: QColor) -> float:
    """WCAG 2 contrast of two opaque colours, 1 to 21 (4.5 is the floor for text)."""
    lighter, darker = sorted((luminance(text), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def focus_style(palette: QPalette) -> str:
    """A style sheet that frames the focused control in the highlight colour, thick enough to see at a
    glance (the platform's own focus cue is often a faint dotted line or none). A list, table or text
    area keeps its frame's width when focused (a thin line and padding, else the 2 px line): the view
    inside does not move, so it cannot cover the frame."""
    frame = palette.color(QPalette.ColorRole.Highlight).name()
    scrolled = ("QListWidget", "QTableView", "QPlainTextEdit")
    controls = ("QPushButton", "QToolButton", "QLineEdit", "QComboBox", "QCheckBox", "QSpinBox", "QDoubleSpinBox",
                "QDateEdit", *scrolled)
    return (", ".join(scrolled) + " { border: 1px solid palette(mid); border-radius: 4px; padding: 1px; } "
            + ", ".join(f"{name}:focus" for name in controls)
            + f" {{ border: 2px solid {frame}; border-radius: 4px; padding: 0px; }} "
            # a tab bar's focus is its current tab's (the platform's tabs show none): framed the same way
            "QTabBar::tab { border: 2px solid transparent; border-radius: 4px; padding: 4px 12px; margin: 1px; } "
            "QTabBar::tab:selected { background: palette(base); border-color: palette(mid); } "
            f"QTabBar::tab:focus {{ border-color: {frame}; }}")


def verdict_icon(verdict: Verdict) -> str:
    return "verdict-attack" if verdict is Verdict.SUSPECTED_ATTACK else TONE_ICON[verdict.tone]

"""Keyboard and legibility at the counter: Tab follows the page top to bottom and never stops on a
scroll area, the focused control is framed, text keeps WCAG's 4.5:1, and the risk meter gives the
0.9–1 region the room the 0.98 line needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QScrollArea, QWidget

from app.core.interpret import HACK_THRESHOLD, Tone
from app.sandbox.people import ZHANG_SAN
from app.ui.theme import (
    BAND_ALPHA,
    ON_TONE,
    STOPPED_STEP_ALPHA,
    TONE_FILL,
    contrast_ratio,
    over,
    quiet_ink,
    tone_ink,
    tone_tint,
)
from app.ui.widgets.copy_field import CopyField
from app.ui.widgets.scales import BAR_HEIGHT, MARGIN, POINTER, ScaleBar, risk_model
from tests.ui.helpers import open_page, press_enter_and_wait, type_text

SELFIE, HACK = 1, 2
TEXT = 4.5  # WCAG 2 AA for text


def tab_path(qtbot: Any, window: Any, start: QWidget, stop: QWidget | None = None, limit: int = 40) -> list[QWidget]:
    """Where Tab takes the focus from ``start``, up to ``stop`` (or once round the window)."""
    start.setFocus()
    seen = [start]
    for _ in range(limit):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
        if seen[-1] is (stop or start):
            break
    return seen


def test_with_a_result_the_ids_come_before_raw_response_and_no_scroll_area_takes_a_tab(
        qtbot: Any, window: Any, samples: Path) -> None:
    page = window.current_page
    page.liveness.set_path(samples / "zhang-san.lfs")
    type_text(qtbot, page.name, ZHANG_SAN.name)
    qtbot.keyClicks(page.id_number, ZHANG_SAN.id_number)
    press_enter_and_wait(qtbot, page, page.id_number)

    path = tab_path(qtbot, window, page.liveness.mode, page.result.raw_toggle)
    assert path[-1] is page.result.raw_toggle
    assert path[:8] == [page.liveness.mode, page.liveness.browse, page.liveness.reuse, page.name, page.id_number,
                        page.auto_hack, page.run_button, page.next_button]
    ids = [page.result.details_box.findChild(CopyField, key).value
           for key in ("liveness_encrypt_data_id", "request_id", "sequence_id")]
    assert [w for w in path if w in ids] == ids  # in the order they stand, all before "Raw response"
    # the page's own scroll areas (the window's frame around the page is the window's business)
    assert not any(isinstance(w, QScrollArea) and page.isAncestorOf(w)
                   for w in tab_path(qtbot, window, page.liveness.mode))
    assert all(area.focusPolicy() == Qt.FocusPolicy.NoFocus for area in page.findChildren(QScrollArea))


def test_each_source_selector_comes_before_its_file(qtbot: Any, window: Any) -> None:
    page = open_page(window, SELFIE)
    path = tab_path(qtbot, window, page.liveness.mode, page.next_button)
    assert path == [page.liveness.mode, page.liveness.browse, page.selfie.mode, page.selfie.browse,
                    page.auto_rotate, page.auto_hack, page.run_button, page.next_button]


def highlight_pixels(image: QImage, colour: QColor) -> int:
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if QColor(image.pixel(x, y)).rgb() == colour.rgb())


def test_the_focused_control_wears_a_frame(qtbot: Any, window: Any) -> None:
    page = window.current_page
    frame = page.palette().color(QPalette.ColorRole.Highlight)
    for control in (page.run_button, page.name, page.liveness.mode, page.auto_hack):
        page.next_button.setFocus()
        qtbot.waitUntil(lambda: not control.hasFocus())  # noqa: B023 -- waited on at once
        plain = control.grab().toImage()
        control.setFocus()
        qtbot.waitUntil(lambda: control.hasFocus())  # noqa: B023
        framed = control.grab().toImage()
        assert highlight_pixels(framed, frame) > 2 * (control.width() + control.height()), control
        assert highlight_pixels(framed, frame) > highlight_pixels(plain, frame) + control.width(), control


def dark_palette(window: QColor, text: QColor) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    return palette


PALETTES = {"light (the app's)": None, "dark 35": ("#353535", "#ffffff"), "dark 20": ("#202020", "#ffffff"),
            "dark 2d": ("#2d2d2d", "#e0e0e0")}


@pytest.mark.parametrize("name", list(PALETTES))
def test_text_on_every_background_keeps_four_and_a_half_to_one(qtbot: Any, window: Any, name: str) -> None:
    colours = PALETTES[name]
    palette = window.palette() if colours is None else dark_palette(QColor(colours[0]), QColor(colours[1]))
    background, text = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText)
    for tone in Tone:
        assert contrast_ratio(ON_TONE, TONE_FILL[tone]) >= TEXT, f"banner {tone}"
        assert contrast_ratio(tone_ink(tone, palette), background) >= TEXT, f"{tone} words on the window"
        band = over(tone_tint(tone, palette, BAND_ALPHA), background)
        assert contrast_ratio(text, band) >= TEXT, f"a scale's band label on {tone}"
        step = over(tone_tint(tone, palette, STOPPED_STEP_ALPHA), background)
        assert contrast_ratio(text, step) >= TEXT, f"a stopped trail step on {tone}"
    assert contrast_ratio(quiet_ink(palette), background) >= TEXT, "captions and hints"


def test_a_bands_painted_label_keeps_its_contrast(qtbot: Any) -> None:
    bar = ScaleBar(risk_model(None))
    qtbot.addWidget(bar)
    bar.resize(600, bar.heightForWidth(600))
    image = bar.grab().toImage()
    ratio = image.devicePixelRatio()
    top = bar._metrics()[0].height() + POINTER  # where the bar is drawn
    live_end = MARGIN + bar.model.fraction(HACK_THRESHOLD) * (bar.width() - 2 * MARGIN)
    row = range(int((top + 3) * ratio), int((top + BAR_HEIGHT - 3) * ratio))
    background = QColor(image.pixel(int((MARGIN + 8) * ratio), int((top + BAR_HEIGHT / 2) * ratio)))
    middle = range(int((MARGIN + 40) * ratio), int((live_end - 40) * ratio))
    darkest = min((QColor(image.pixel(x, y)) for x in middle for y in row), key=lambda c: c.lightness())
    assert contrast_ratio(darkest, background) >= TEXT  # the words "live person" on their green


def test_the_risk_meter_magnifies_point_nine_to_one(qtbot: Any, window: Any, samples: Path) -> None:
    page = open_page(window, HACK)
    page.liveness.set_path(samples / "attack-screen.lfs")
    press_enter_and_wait(qtbot, page, page.liveness.browse)
    risk = page.risk.model
    assert risk.fraction(1.0) - risk.fraction(0.9) >= 0.5  # at least half the width for the last tenth
    axis = page.risk.width() - 2 * MARGIN
    assert (risk.fraction(1.0) - risk.fraction(HACK_THRESHOLD)) * axis >= 40  # the attack zone: readable
    assert risk.fraction(0.5) < risk.fraction(0.9) < risk.fraction(0.95) < risk.fraction(HACK_THRESHOLD)
    assert risk.fraction(risk.value) > risk.fraction(HACK_THRESHOLD)  # the pointer stands in the attack zone
    labels = page.risk.tick_labels()
    assert [text for _, text in labels] == ["0", "0.5", "0.9", "0.95", "0.98", "1"]
    assert all(not a.intersects(b) for i, (a, _) in enumerate(labels) for b, _ in labels[i + 1:])


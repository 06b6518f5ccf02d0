"""Focus is always visible: wherever Tab goes (every page, History, the top bar and sidebar, both tabs of
Settings), the focused control wears a frame in the highlight colour that it does not wear unfocused."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QTabBar, QTabWidget, QWidget

HISTORY = 5


def tab_stops(qtbot: Any, top: QWidget, limit: int = 80) -> list[QWidget]:
    """Every control Tab reaches in ``top`` (a window or a dialog), once round."""
    first = top.focusWidget()
    assert first is not None, "nothing has the focus"
    stops = [first]
    for _ in range(limit):
        qtbot.keyClick(top.focusWidget(), Qt.Key.Key_Tab)
        if top.focusWidget() is first:
            return stops
        if top.focusWidget() is not stops[-1]:  # Tab walks a date's year, month and day in one box
            stops.append(top.focusWidget())
    raise AssertionError(f"Tab did not come round in {limit} stops")


def edge_pixels(image: QImage, colour: QColor, ring: int = 2) -> int:
    """How many pixels of the ``ring`` outermost rows and columns are ``colour`` (a selected item inside a
    list is highlighted too, focused or not: only the edge tells a frame)."""
    side = round(ring * image.devicePixelRatio())
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if (min(x, y) < side or x >= image.width() - side or y >= image.height() - side)
               and QColor(image.pixel(x, y)).rgb() == colour.rgb())


def unframed(qtbot: Any, top: QWidget, stops: list[QWidget]) -> list[str]:
    """The stops whose focus does not show: grabbed unfocused, then focused, the focused one's edge must
    be mostly the highlight colour and the unfocused one's not."""
    frame = top.palette().color(QPalette.ColorRole.Highlight)
    missing = []
    for index, stop in enumerate(stops):
        stops[index - 1].setFocus()
        qtbot.waitUntil(lambda: not stop.hasFocus())  # noqa: B023 -- waited on at once
        # a tab bar shows its focus on its current tab
        area = stop.tabRect(stop.currentIndex()).adjusted(1, 1, -1, -1) if isinstance(stop, QTabBar) else stop.rect()
        plain = edge_pixels(stop.grab(area).toImage(), frame)
        stop.setFocus()
        qtbot.waitUntil(lambda: stop.hasFocus())  # noqa: B023
        framed = edge_pixels(stop.grab(area).toImage(), frame)
        ratio = stop.grab(area).toImage().devicePixelRatio()
        if framed < 2 * (area.width() + area.height()) * ratio or plain > framed / 2:  # half the 2 px ring
            missing.append(f"{type(stop).__name__} {stop.accessibleName() or stop.objectName()!r}")
    return missing


@pytest.mark.parametrize("index", range(HISTORY + 1))
def test_every_tab_stop_of_the_window_shows_its_focus(qtbot: Any, window: Any, index: int) -> None:
    window.sidebar.setCurrentRow(index)
    qtbot.wait(20)
    stops = tab_stops(qtbot, window)
    assert window.sidebar in stops and window.top_bar.profile_box in stops
    assert not unframed(qtbot, window, stops)


def test_every_tab_stop_of_settings_shows_its_focus(qtbot: Any, window: Any) -> None:
    missing: dict[int, list[str]] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        try:
            tabs = dialog.findChild(QTabWidget)
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                tabs.tabBar().setFocus()
                qtbot.waitUntil(lambda: tabs.tabBar().hasFocus())
                missing[tab] = unframed(qtbot, dialog, tab_stops(qtbot, dialog))
        finally:
            dialog.reject()

    QTimer.singleShot(0, look)
    window.open_settings()
    assert missing == {0: [], 1: []}

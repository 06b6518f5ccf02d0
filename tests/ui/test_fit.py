"""The window at a real counter: it fits branch PCs' screens (1366×768 and 1024×768, at 100% and 150%),
and it opens where the clerk left it on each screen.

The screen checks run on real X servers (Xvfb, ``xvfb.py``), each screen's window in a process of its
own (``fit_probe.py``: one QApplication per QT_SCALE_FACTOR), all four at once; the rest runs here,
offscreen.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect

from app.ui.preferences import TITLE_BAR_ALLOWANCE, WindowPlace, read_places, with_place
from tests.ui.xvfb import Xvfb, xvfb_missing

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {"1366x768 at 100%": (1366, 768, 1.0), "1366x768 at 150%": (1366, 768, 1.5),
           "1024x768 at 100%": (1024, 768, 1.0), "1024x768 at 150%": (1024, 768, 1.5)}
LANGUAGES = ("en", "zh_CN")
PROBE_TIMEOUT_S = 60


def _probe(width: int, height: int, scale: float) -> dict[str, Any]:
    with Xvfb(width, height) as display:
        environ = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "QT_SCALE_FACTOR": f"{scale:g}"}
        done = subprocess.run([sys.executable, "-m", "tests.ui.fit_probe"], cwd=ROOT, env=environ,
                              capture_output=True, text=True, timeout=PROBE_TIMEOUT_S)
    assert done.returncode == 0, done.stderr[-3000:]
    measured: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


@pytest.fixture(scope="module")
def screens() -> Iterator[dict[str, dict[str, Any]]]:
    """What the window did on each screen, measured in parallel (a screen takes about 2 s)."""
    missing = xvfb_missing()
    if missing:
        pytest.skip(missing)
    with ThreadPoolExecutor(len(SCREENS)) as pool:
        futures = {name: pool.submit(_probe, *screen) for name, screen in SCREENS.items()}
        yield {name: future.result() for name, future in futures.items()}


def inside(inner: list[int], outer: list[int], slack: int = 0) -> bool:
    x, y, width, height = inner
    left, top, outer_width, outer_height = outer
    return (x >= left - slack and y >= top - slack and x + width <= left + outer_width + slack
            and y + height <= top + outer_height + slack)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("screen", SCREENS)
def test_the_window_opens_inside_the_screen_and_its_minimum_fits(screens: dict[str, Any], screen: str,
                                                                language: str) -> None:
    width, height, scale = SCREENS[screen]
    seen = screens[screen][language]
    assert screens[screen]["scale"] == scale
    assert inside(seen["frame"], seen["available"]), seen
    # as the X server has it, in device pixels (a logical pixel rounds to at most ceil(scale) of them)
    assert inside(seen["x"]["geometry"], [0, 0, width, height], slack=math.ceil(scale) - 1), seen["x"]
    room = [seen["available"][2], seen["available"][3] - TITLE_BAR_ALLOWANCE]  # under a title bar
    assert seen["minimum"][0] <= room[0] and seen["minimum"][1] <= room[1], seen
    assert seen["x"]["minimum"][0] <= width and seen["x"]["minimum"][1] <= height - TITLE_BAR_ALLOWANCE * scale
    assert seen["opened"] == {"settings": True, "verify": True, "next": True}
    assert seen["at_minimum"] | {"size": None} == {"size": None, "settings": True, "verify": True, "next": True}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("screen", SCREENS)
def test_after_a_check_the_decision_and_both_buttons_are_in_view(screens: dict[str, Any], screen: str,
                                                                 language: str) -> None:
    """Banner, its reason line, Verify and Next customer together, without scrolling (at 1366×768 ×1
    the requirement; on the smaller screens too)."""
    checked = screens[screen][language]["checked"]
    assert checked["verdict"] == ("Same person" if language == "en" else "同一人")
    assert checked | {"verdict": None} == {"verdict": None, "banner": True, "reason": True, "verify": True,
                                           "next": True, "settings": True}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("screen", SCREENS)
def test_settings_fits_and_the_test_answer_wraps_under_the_fields(screens: dict[str, Any], screen: str,
                                                                  language: str) -> None:
    seen = screens[screen][language]
    settings = seen["settings"]
    assert "SANDBOX-" in settings["answer"]  # the long answer, with its request_id
    assert inside(settings["frame"], seen["available"]), settings
    assert settings["answer_below_fields"] and settings["answer_on_screen"] and settings["buttons"]
    assert settings["secret_width"] >= 200 and settings["threshold_width"] >= 200  # not squeezed


# --- offscreen, in this process -----------------------------------------------------------------


def _open(calls: Any, preferences: Any, qtbot: Any) -> Any:
    from app.i18n import ENGLISH, Translations
    from app.ui.main_window import MainWindow

    translations = Translations()
    translations.set_language(ENGLISH)
    window = MainWindow(calls, translations, preferences, calls.inner.profiles, calls.inner.secrets)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _room(window: Any) -> QRect:
    room: QRect = window.screen().availableGeometry().adjusted(0, TITLE_BAR_ALLOWANCE, 0, 0)
    return room


def test_the_window_opens_where_it_was_left_on_this_screen_within_it(qtbot: Any, calls: Any, tmp_path: Path) -> None:
    from app.ui.main_window import screen_key
    from app.ui.preferences import PreferenceStore

    store = PreferenceStore(tmp_path / "ui.ini")
    preferences = store.load()
    elsewhere = WindowPlace(-3000, 5, 1500, 900, False)  # another monitor: kept, not used here
    preferences.window_places = with_place("", "HDMI-2 2560x1440", elsewhere)
    store.save(preferences)

    window = _open(calls, store, qtbot)
    key = screen_key(window.screen())
    room = _room(window)
    assert room.contains(window.normalGeometry())
    qtbot.waitUntil(lambda: window.screen().availableGeometry().contains(window.frameGeometry()))
    window.showNormal()
    window.setGeometry(QRect(room.left() + 20, room.top() + 10, 700, 500))
    qtbot.waitUntil(lambda: window.geometry().size().toTuple() == (700, 500))
    window.close()
    places = read_places(store.load().window_places)
    assert places["HDMI-2 2560x1440"] == elsewhere
    assert places[key] == WindowPlace(room.left() + 20, room.top() + 10, 700, 500, False)

    again = _open(calls, store, qtbot)
    assert again.geometry() == QRect(room.left() + 20, room.top() + 10, 700, 500) and not again.isMaximized()
    again.close()

    # a place off this screen, and larger than it (the screen changed since): brought inside, shrunk
    preferences = store.load()
    preferences.window_places = with_place(preferences.window_places, key, WindowPlace(5000, -400, 9000, 9000, True))
    store.save(preferences)
    clamped = _open(calls, store, qtbot)
    assert clamped.isMaximized()
    assert clamped.normalGeometry() == room
    clamped.close()


def test_places_unreadable_entries_are_skipped_and_few_screens_kept() -> None:
    assert read_places("") == {}
    assert read_places("a=1,2,3;b=1,2,3,4,x;=1,2,3,4,1;c=1,2,0,4,1;d 1x1=1,2,3,4,1") == {
        "d 1x1": WindowPlace(1, 2, 3, 4, True)}
    text = ""
    for index in range(12):
        text = with_place(text, f"screen {index}", WindowPlace(index, 0, 10, 10, False))
    text = with_place(text, "screen 5", WindowPlace(0, 0, 20, 20, True))  # used again: the newest
    assert list(read_places(text)) == [f"screen {index}" for index in (4, 6, 7, 8, 9, 10, 11, 5)]


def test_the_result_goes_under_the_inputs_as_the_window_narrows(qtbot: Any, window: Any) -> None:
    page = window.current_page
    window.showNormal()

    def beside() -> bool:
        return bool(page.result.mapTo(page, page.result.rect().topLeft()).x() > page.run_button.geometry().right())

    for width, expected in ((1366, True), (660, False), (1024, True)):
        window.resize(width, 700)
        qtbot.waitUntil(lambda width=width: window.width() == width)
        qtbot.waitUntil(lambda expected=expected: beside() == expected)
        bar = window.top_bar
        for widget in (bar.profile_box, bar.sandbox_mark, bar.counters, bar.language_button, bar.settings_button):
            assert widget.visibleRegion().boundingRect() == widget.rect()  # on one row or two, none cut off
        if width < 1000:
            assert bar.sandbox_mark.y() > bar.settings_button.geometry().bottom()  # the mark on a second row


def test_historys_filters_are_not_clipped_in_english_at_1024(qtbot: Any, window: Any) -> None:
    window.showNormal()
    window.resize(1024, 700)
    window.sidebar.setCurrentRow(len(window.pages))
    history = window.history()
    qtbot.waitUntil(lambda: history.isVisible() and history.search.isVisible())
    for name in ("use_dates", "since", "until", "endpoint", "verdict", "profile", "billed", "search", "apply"):
        widget = getattr(history, name)
        assert widget.visibleRegion().boundingRect() == widget.rect(), name  # wholly drawn, nothing cut off


def test_a_refused_field_scrolls_into_view_on_a_small_window(qtbot: Any, window: Any, samples: Path) -> None:
    """At 1024x768 and 150% the inputs scroll: the field with the problem, and its reason, come into view."""
    from app.sandbox.people import ZHANG_SAN

    window.resize(window.minimumSizeHint())
    page = window.current_page
    page.liveness.set_path(samples / "zhang-san.lfs")
    page.name.setText(ZHANG_SAN.name)
    page.id_number.setText(ZHANG_SAN.id_number[:17] + ("1" if ZHANG_SAN.id_number[17] != "1" else "2"))
    page._form_scroll.verticalScrollBar().setValue(0)
    qtbot.wait(20)
    assert page.id_message.visibleRegion().isEmpty(), "the window is too big for this test to mean anything"
    page.run()
    qtbot.wait(20)
    assert page.focusWidget() is page.id_number
    assert not page.id_message.visibleRegion().isEmpty() and not page.id_number.visibleRegion().isEmpty()


def test_history_never_scrolls_sideways_in_the_smallest_window(qtbot: Any, window: Any) -> None:
    """At the minimum size (1024x768 at 150%) History's filters and buttons wrap to more rows instead."""
    window.showNormal()
    window.resize(window.minimumSizeHint())
    window.sidebar.setCurrentRow(len(window.pages))
    history = window.history()
    sideways = window.page_area.horizontalScrollBar()
    for view in (0, 1):  # Calls, Cases
        history.views.setCurrentIndex(view)
        qtbot.waitUntil(lambda: history.views.currentWidget().isVisible())
        qtbot.wait(50)  # the layout settles
        assert sideways.maximum() == 0, f"view {view} scrolls {sideways.maximum()} px sideways"
    assert history.search.geometry().top() > history.use_dates.geometry().bottom()  # wrapped to a later row

"""Nothing of a customer survives "next customer" (Esc, Ctrl+N) or the idle timeout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.sandbox.people import ZHANG_SAN
from tests.ui.helpers import open_page, press_enter_and_wait, type_text, wait_done

SELFIE, TOKEN = 1, 4


def serve_a_customer(qtbot: Any, window: Any, samples: Path) -> None:
    """A decision on the ID page, a selfie with its preview, and a token copied to the clipboard."""
    page = open_page(window, 0)
    page.liveness.set_path(samples / "zhang-san.lfs")
    type_text(qtbot, page.name, ZHANG_SAN.name)
    type_text(qtbot, page.id_number, ZHANG_SAN.id_number)
    press_enter_and_wait(qtbot, page, page.id_number)
    assert page.name.masked
    qtbot.mouseClick(page.result.details_box.findChild(type(page.result.details_box), "request_id").button,
                     Qt.MouseButton.LeftButton)

    selfie = open_page(window, SELFIE)
    selfie.liveness.set_path(samples / "zhang-san.lfs")
    selfie.selfie.set_path(samples / "zhang-san-selfie.jpg")
    assert selfie.selfie.preview.isVisible()

    token = open_page(window, TOKEN)
    qtbot.mouseClick(token.run_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, token)
    qtbot.mouseClick(token.token.button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == token.token.text()


def assert_nothing_left(window: Any) -> None:
    id_page, selfie, token = window.page(0), window.page(SELFIE), window.page(TOKEN)
    assert id_page.name.text() == "" and id_page.id_number.text() == ""
    assert not id_page.name.masked and id_page.name.value() == "" and id_page.id_number.value() == ""
    assert not id_page.liveness.has_source() and id_page.liveness.file_info.text() == "Drop the file here, or browse."
    assert not id_page.liveness.reuse.isVisibleTo(id_page)
    for page in (id_page, selfie, token):
        assert not page.result.banner.isVisibleTo(page.result)
        assert page.result.detail_text("request_id") is None
        assert page.result.raw.toPlainText() == ""
        assert page.shown_request is None
    assert not selfie.selfie.has_source() and not selfie.selfie.preview.isVisibleTo(selfie)
    assert selfie.selfie.preview.pixmap().isNull()
    assert token.token.text() == "" and token.validity_text.text() == ""
    assert QGuiApplication.clipboard().text() == ""


def test_escape_clears_everything(qtbot: Any, window: Any, samples: Path) -> None:
    serve_a_customer(qtbot, window, samples)
    qtbot.keyClick(window.current_page.detection_type, Qt.Key.Key_Escape)
    assert_nothing_left(window)
    assert window.statusBar().currentMessage() == "Cleared. Ready for the next customer."


def test_ctrl_n_clears_everything_but_not_a_clipboard_we_did_not_fill(qtbot: Any, window: Any,
                                                                      samples: Path) -> None:
    serve_a_customer(qtbot, window, samples)
    open_page(window, 0)
    qtbot.keyClick(window.current_page.name, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert_nothing_left(window)
    assert window.current_page.focusWidget() is window.current_page.liveness.browse

    QGuiApplication.clipboard().setText("the clerk's own text")
    qtbot.keyClick(window.current_page.name, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "the clerk's own text"


def test_idle_timeout_clears_everything(qtbot: Any, window: Any, samples: Path) -> None:
    serve_a_customer(qtbot, window, samples)
    window.idle.set_timeout(0.3)  # the setting is in seconds (default 120)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Cleared after"), timeout=3000)
    assert_nothing_left(window)


def test_typing_keeps_the_idle_timer_from_firing(qtbot: Any, window: Any) -> None:
    window.idle.set_timeout(0.4)
    page = window.current_page
    page.id_number.setFocus()
    for _ in range(6):  # keys as the platform delivers them: to the window, then to the focused field
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_1)
        qtbot.wait(150)
    assert page.id_number.text() == "111111"


def test_the_next_customer_button_clears_everything(qtbot: Any, window: Any, samples: Path) -> None:
    serve_a_customer(qtbot, window, samples)
    qtbot.mouseClick(window.current_page.next_button, Qt.MouseButton.LeftButton)
    assert_nothing_left(window)

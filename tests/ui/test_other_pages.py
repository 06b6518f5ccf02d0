"""Selfie, hack, parse and token pages, driven from the sidebar as an operator would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.core.contract import UrlSource
from tests.ui.helpers import banner, drop_file, open_page, press_enter_and_wait, wait_done

SELFIE, HACK, PARSE, TOKEN = 1, 2, 3, 4


def test_selfie_same_person_on_the_false_accept_scale(qtbot: Any, window: Any, samples: Path) -> None:
    page = open_page(window, SELFIE)
    assert window.sidebar.currentItem().text() == "Selfie verification"
    page.liveness.set_path(samples / "zhang-san.lfs")
    drop_file(page.selfie, samples / "zhang-san-selfie.jpg")
    assert page.selfie.preview.isVisible() and not page.selfie.preview.pixmap().isNull()
    assert page.selfie.message.text() == "✓ JPEG image, 256 × 256 px"
    press_enter_and_wait(qtbot, page, page.selfie.browse)

    assert banner(page)[0] == "Same person"
    model = page.scale.model
    assert model.threshold == 0.7 and model.value >= 0.8
    assert "profile threshold 0.70" in model.threshold_text
    assert "a stranger scores this high about 1 in 100,000 of the time" in page.result.detail_text("face_score")
    assert page.result.detail_text("threshold") == "0.70 (this profile) · false accepts about 1 in 10,000"
    assert not page.risk.isVisible()
    assert page.selfie.reuse.isVisible()  # image_id came back: the same selfie can be used without upload


def test_selfie_of_someone_else_by_url(qtbot: Any, window: Any, samples: Path, sandbox: Any) -> None:
    page = open_page(window, SELFIE)
    page.liveness.set_path(samples / "zhang-san.lfs")
    page.selfie.mode.setCurrentIndex(1)  # URL
    qtbot.keyClicks(page.selfie.url, sandbox.sample_url("li-si-selfie.jpg"))
    assert isinstance(page.selfie.source(), UrlSource)
    qtbot.keyClick(page.auto_hack, Qt.Key.Key_Space)
    press_enter_and_wait(qtbot, page, page.selfie.url)
    assert banner(page) == ("Different person", "The live capture does not match the photo. Do not continue.")
    assert page.scale.model.value < 0.4
    assert page.risk.isVisible() and page.risk.model.value < 0.98


def test_selfie_that_is_not_an_image_is_refused_before_sending(qtbot: Any, window: Any, samples: Path) -> None:
    page = open_page(window, SELFIE)
    page.selfie.set_path(samples / "not-an-image.txt")
    assert page.selfie.message.text() == "✗ The file is not an image, or it is damaged."
    assert not page.selfie.preview.isVisible()
    page.selfie.set_path(samples / "oversized-4001px.png")
    assert page.selfie.message.text() == "✗ The image width is 4001 px; it must be 9 to 4000 px."


def test_hack_detection_live_and_attack(qtbot: Any, window: Any, samples: Path) -> None:
    page = open_page(window, HACK)
    page.liveness.set_path(samples / "li-si.lfs")
    press_enter_and_wait(qtbot, page, page.liveness.browse)
    assert banner(page) == ("Live person", "No sign of a photo, a screen or a mask.")
    assert page.risk.model.value < 0.98 and page.risk.model.threshold == 0.98

    page.liveness.set_path(samples / "attack-screen.lfs")
    press_enter_and_wait(qtbot, page, page.liveness.browse)
    assert banner(page)[0] == "Suspected attack"
    assert page.risk.model.value > 0.98


def test_parse_shows_motions_in_order_with_unknown_codes(qtbot: Any, window: Any, samples: Path) -> None:
    page = open_page(window, PARSE)
    page.liveness.set_path(samples / "unknown-motion.lfs")
    press_enter_and_wait(qtbot, page, page.liveness.browse)
    assert banner(page)[0] == "Liveness passed"
    assert page.motions.names() == ["1. Open mouth", "2. Nod", "3. Unknown (code 4)"]
    assert page.result.detail_text("motion_process") == "1, 3, 4"
    assert page.result.detail_text("image_id") and page.result.detail_text("video_id")

    page.liveness.set_path(samples / "liveness-failed.lfs")
    press_enter_and_wait(qtbot, page, page.liveness.browse)
    assert banner(page)[0] == "Liveness failed"
    assert page.motions.names() == ["1. Blink", "2. Open mouth"]


def test_token_copy_and_countdown(qtbot: Any, window: Any) -> None:
    page = open_page(window, TOKEN)
    assert page.detection_type.currentText() == "Liveness" and page.detection_type.currentData() == "liveness"
    qtbot.keyClick(page.detection_type, Qt.Key.Key_Return)
    wait_done(qtbot, page)
    assert banner(page)[0] == "Token issued"
    token = page.token.text()
    assert token.startswith("sandbox-token-")
    assert page.validity_text.text() in ("Valid for another 5:00", "Valid for another 4:59")
    assert page.result.detail_text("billed") == "No"
    qtbot.mouseClick(page.token.button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == token

    page._expires_at -= 299  # one second left
    qtbot.waitUntil(lambda: page.validity_text.text() == "Expired: get a new token", timeout=3000)

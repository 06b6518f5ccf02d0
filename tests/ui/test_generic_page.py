"""The registry-driven page a new call gets before it has a page of its own: its inputs come from the
registry, its result is the reading's verdict and every field returned, and personal fields mask."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.sandbox.people import ZHANG_SAN
from app.ui.pages.generic_page import GenericPage
from app.ui.widgets.sensitive_edit import SensitiveLineEdit
from tests.ui.helpers import banner, type_text, wait_done


def generic(qtbot: Any, window: Any, endpoint: str) -> Any:
    page = GenericPage.for_endpoint(endpoint)(window.context, window)
    qtbot.addWidget(page)
    page.show()
    return page


def test_a_generic_parse_page_shows_the_reading_and_every_field(qtbot: Any, window: Any, samples: Path) -> None:
    page = generic(qtbot, window, "parse")
    assert page.page_title() == "Parse liveness file"
    page.sources["liveness"].set_path(samples / "zhang-san.lfs")
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, page)
    assert banner(page)[0] == "Liveness passed"
    assert page.result.detail_text("liveness_result") == "True"
    assert page.result.detail_text("motion_process") == "[0, 1, 3]"
    assert page.result.detail_text("liveness_encrypt_data_id")
    assert page.result.detail_text("billed").startswith("Yes")


def test_a_generic_page_masks_personal_fields_and_shows_refusals(qtbot: Any, window: Any, samples: Path) -> None:
    page = generic(qtbot, window, "idnumber")
    name, id_number = page.values["name"], page.values["id_number"]
    assert isinstance(name, SensitiveLineEdit) and isinstance(id_number, SensitiveLineEdit)
    page.sources["liveness"].set_path(samples / "zhang-san.lfs")
    type_text(qtbot, name, ZHANG_SAN.name)
    type_text(qtbot, id_number, "110105194912310021")  # a wrong check character
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy)
    assert "compare the whole number with the ID card" in page._fields["id_number"][0].text()

    id_number.clear_value()
    type_text(qtbot, id_number, ZHANG_SAN.id_number)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, page)
    assert banner(page)[0] == "Same person"
    assert name.text() == "张*" and id_number.text() == ZHANG_SAN.id_number[:6] + "********" + ZHANG_SAN.id_number[-4:]
    page.clear()
    assert not name.text() and not page.sources["liveness"].has_source()

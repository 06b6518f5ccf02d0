"""ID verification as the clerk does it: capture in, name, ID number, Enter; read the decision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.core.contract import StoredIdSource
from app.core.interpret import StepState, TrailStep
from app.sandbox.faults import Fault
from app.sandbox.people import LI_SI, UNREGISTERED_ID_NUMBER, WANG_WU, ZHANG_SAN, ZHAO_LIU
from tests.ui.helpers import banner, drop_file, press_enter_and_wait, type_text

ALL_PASSED = [(StepState.PASSED, "Passed")] * 3


def fill(qtbot: Any, page: Any, capture: Path, name: str, id_number: str) -> None:
    page.liveness.set_path(capture)  # what the file picker does with the chosen file
    type_text(qtbot, page.name, name)
    qtbot.keyClicks(page.id_number, id_number)


def states(page: Any) -> list[tuple[StepState | None, str]]:
    """The trail's steps as shown (the attack check only when hack detection ran)."""
    return [page.trail.state_of(step) for step in TrailStep if not page.trail.rows[step].isHidden()]


def test_same_person_then_data_is_masked(qtbot: Any, window: Any, samples: Path) -> None:
    page = window.current_page
    fill(qtbot, page, samples / "zhang-san.lfs", ZHANG_SAN.name, ZHANG_SAN.id_number)
    assert page.id_message.text() == "✓ Valid ID number"
    press_enter_and_wait(qtbot, page, page.id_number)

    assert banner(page) == ("Same person", "The live capture matches the photo. You may continue.")
    assert states(page)[:3] == ALL_PASSED
    assert states(page)[3] == (StepState.PASSED, "Same person (45 or more)")
    assert page.gauge.isVisible() and page.gauge.model.value >= 45
    assert not page.risk.isVisible()
    masked_id = ZHANG_SAN.id_number[:6] + "********" + ZHANG_SAN.id_number[-4:]
    assert page.name.text() == "张*" and page.id_number.text() == masked_id
    assert page.result.detail_text("customer") == f"张* · {masked_id}"
    assert page.result.detail_text("billed").startswith("Yes")
    assert page.result.detail_text("request_id").startswith("SANDBOX-")
    assert len(page.result.detail_text("sequence_id")) == 64
    assert not page.result.raw.isVisible()  # folded away by default
    qtbot.mouseClick(page.result.raw_toggle, Qt.MouseButton.LeftButton)
    assert page.result.raw.isVisible() and '"certificate_score"' in page.result.raw.toPlainText()


def test_bad_id_number_is_shown_next_to_the_field_and_nothing_is_sent(qtbot: Any, window: Any, samples: Path,
                                                                        sandbox: Any) -> None:
    page = window.current_page
    sandbox.inject(Fault(code="9999"))  # would answer the next call that reaches the server
    wrong_check_digit = ZHANG_SAN.id_number[:17] + ("1" if ZHANG_SAN.id_number[17] != "1" else "2")
    fill(qtbot, page, samples / "zhang-san.lfs", ZHANG_SAN.name, wrong_check_digit)
    assert page.id_message.text().startswith("✗ The ID number does not add up")
    qtbot.keyClick(page.id_number, Qt.Key.Key_Return)
    assert not page.busy
    assert page.id_message.text().startswith("✗ The ID number does not add up")
    assert page.focusWidget() is page.id_number
    assert not page.result.banner.isVisible() and page.result.placeholder.isVisible()
    assert sandbox.pending_faults() == 1  # nothing reached the server
    assert window.statusBar().currentMessage() == "Fix the marked fields; nothing was sent."


def test_missing_inputs_are_named(qtbot: Any, window: Any) -> None:
    page = window.current_page
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert page.liveness.message.text() == "✗ Choose or drop the liveness file."
    assert page.name_message.text() == "✗ Enter the customer's name."
    assert page.id_message.text() == "✗ Enter the ID number."
    assert not page.busy


def test_name_mismatch_stops_the_trail_at_name_and_id(qtbot: Any, window: Any, samples: Path) -> None:
    page = window.current_page
    fill(qtbot, page, samples / "li-si.lfs", LI_SI.name, ZHANG_SAN.id_number)
    press_enter_and_wait(qtbot, page, page.name)
    assert banner(page)[0] == "Name and ID number do not match"
    assert states(page) == [(StepState.PASSED, "Passed"),
                            (StepState.STOPPED, "Stopped: name and ID number do not match"),
                            (StepState.NOT_REACHED, "Not reached"), (StepState.NOT_REACHED, "Not reached")]
    assert not page.gauge.isVisible()


def test_no_record_no_photo_unreadable_photo(qtbot: Any, window: Any, samples: Path) -> None:
    page = window.current_page
    cases = [
        (ZHANG_SAN.name, UNREGISTERED_ID_NUMBER, "zhang-san.lfs", "No record", 1, "no record for this ID number"),
        (WANG_WU.name, WANG_WU.id_number, "wang-wu.lfs", "No photo on file", 2, "no photo on file"),
        (ZHAO_LIU.name, ZHAO_LIU.id_number, "zhao-liu.lfs", "Photo on file cannot be used", 2,
         "the photo on file cannot be read"),
    ]
    for name, number, capture, verdict, stopped_at, reason in cases:
        window.next_customer()
        fill(qtbot, page, samples / capture, name, number)
        press_enter_and_wait(qtbot, page, page.id_number)
        assert banner(page)[0] == verdict
        assert states(page)[stopped_at] == (StepState.STOPPED, f"Stopped: {reason}")


def test_uncertain_band_and_quality_failure(qtbot: Any, window: Any, samples: Path) -> None:
    page = window.current_page
    fill(qtbot, page, samples / "zhang-san-lookalike.lfs", ZHANG_SAN.name, ZHANG_SAN.id_number)
    press_enter_and_wait(qtbot, page, page.id_number)
    assert banner(page)[0] == "Needs review"
    assert states(page)[3] == (StepState.STOPPED, "Uncertain (40 to 45)")
    assert 40 <= page.gauge.model.value < 45

    window.next_customer()
    fill(qtbot, page, samples / "quality-fail.lfs", ZHANG_SAN.name, ZHANG_SAN.id_number)
    press_enter_and_wait(qtbot, page, page.id_number)
    assert banner(page)[0] == "Please capture again"
    assert states(page)[0] == (StepState.STOPPED, "Stopped: image quality too low")
    assert page.result.detail_text("billed") == "No"


def test_attack_overrides_and_shows_the_risk_meter(qtbot: Any, window: Any, samples: Path) -> None:
    page = window.current_page
    fill(qtbot, page, samples / "attack-photo.lfs", ZHANG_SAN.name, ZHANG_SAN.id_number)
    qtbot.keyClick(page.auto_hack, Qt.Key.Key_Space)
    assert page.auto_hack.isChecked()
    press_enter_and_wait(qtbot, page, page.id_number)
    assert banner(page) == ("Suspected attack",
                            "The capture looks like a photo, a screen or a mask. Do not continue.")
    assert page.risk.isVisible() and page.risk.model.value > 0.98
    assert page.result.detail_text("hack_score").endswith("attack (above 0.98)")


def test_check_again_on_this_capture_without_another_upload(qtbot: Any, window: Any, samples: Path) -> None:
    page = window.current_page
    drop_file(page.liveness, samples / "li-si.lfs")
    assert page.liveness.message.text() == "✓ Ready to send"
    type_text(qtbot, page.name, LI_SI.name)
    qtbot.keyClicks(page.id_number, ZHANG_SAN.id_number)  # the clerk typed the wrong number
    press_enter_and_wait(qtbot, page, page.id_number)
    assert banner(page)[0] == "Name and ID number do not match"
    stored = page.result.detail_text("liveness_encrypt_data_id")
    first_request = page.result.detail_text("request_id")

    assert page.liveness.reuse.isVisible()
    qtbot.mouseClick(page.liveness.reuse, Qt.MouseButton.LeftButton)
    assert page.liveness.source() == StoredIdSource(stored)
    qtbot.keyClick(page.id_number, Qt.Key.Key_Backspace)  # typing into a masked field starts afresh
    assert page.id_number.text() == "" and not page.id_number.masked
    qtbot.keyClicks(page.id_number, LI_SI.id_number)
    press_enter_and_wait(qtbot, page, page.id_number)
    assert banner(page)[0] == "Same person"
    assert page.result.detail_text("request_id") != first_request
    assert page.result.detail_text("liveness_encrypt_data_id") == stored


def test_a_drag_of_text_is_refused_and_history_can_reopen_a_capture(qtbot: Any, window: Any, samples: Path) -> None:
    from PySide6.QtCore import QMimeData, QPoint
    from PySide6.QtGui import QDragEnterEvent
    from PySide6.QtWidgets import QApplication

    page = window.current_page
    mime = QMimeData()
    mime.setText("张三 11010519491231002X")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page.liveness, enter)
    assert not enter.isAccepted()

    assert window.check_again("hack", "0123456789abcdef")  # e.g. from a history row
    hack = window.current_page
    assert window.sidebar.currentRow() == 2
    assert hack.liveness.source() == StoredIdSource("0123456789abcdef")

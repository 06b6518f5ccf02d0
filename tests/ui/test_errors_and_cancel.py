"""What the operator sees when a call fails, and cancelling an upload or a slow reply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.core.errors import Cancelled
from app.sandbox.faults import Fault
from app.sandbox.people import ZHANG_SAN
from tests.ui.helpers import banner, consent_if_asked, open_page, press_enter_and_wait, type_text, wait_done

HACK = 2


def start_id_check(qtbot: Any, page: Any, capture: Path) -> None:
    page.liveness.set_path(capture)
    type_text(qtbot, page.name, ZHANG_SAN.name)
    type_text(qtbot, page.id_number, ZHANG_SAN.id_number)


def test_api_error_shows_what_to_do_and_the_code(qtbot: Any, window: Any, samples: Path, sandbox: Any) -> None:
    page = window.current_page
    sandbox.inject(Fault(code="1009"))
    start_id_check(qtbot, page, samples / "zhang-san.lfs")
    press_enter_and_wait(qtbot, page, page.id_number)
    assert banner(page) == ("Call rate too high", "Wait a minute before trying again.")
    assert page.result.code_line.text() == "Code 1009 · server message: 调用频率过高"
    assert page.result.detail_text("billed") == "No"
    assert page.result.detail_text("request_id").startswith("SANDBOX-")
    assert not page.trail.isVisible()
    assert not page.name.masked  # no decision: the clerk can retry as is


def test_gateway_page_is_a_protocol_error_with_the_raw_body(qtbot: Any, window: Any, samples: Path,
                                                              sandbox: Any) -> None:
    page = open_page(window, HACK)
    sandbox.inject(Fault(http_status=502))
    page.liveness.set_path(samples / "zhang-san.lfs")
    press_enter_and_wait(qtbot, page, page.liveness.browse)
    assert banner(page)[0] == "The server's answer could not be read"
    assert "HTTP 502" in page.result.code_line.text()
    assert page.result.detail_text("sequence_id")
    assert page.result.detail_text("billed").startswith("Unknown: the call may have been billed")  # no valid answer
    assert "look it up in History" in banner(page)[1]
    qtbot.mouseClick(page.result.raw_toggle, Qt.MouseButton.LeftButton)
    assert "502 Bad Gateway" in page.result.raw.toPlainText()


def test_transport_error_text_and_remedy(qtbot: Any, window: Any, samples: Path, calls: Any) -> None:
    from app.core.errors import TransportError, TransportKind

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise TransportError(TransportKind.REFUSED, "ConnectionError", "seq-1", False)

    calls.run = refuse  # as if the server were down
    page = open_page(window, HACK)
    page.liveness.set_path(samples / "zhang-san.lfs")
    press_enter_and_wait(qtbot, page, page.liveness.browse)
    assert banner(page) == ("The server refused the connection.",
                            "Check the base URL and port, and that the service is up.")
    assert page.result.detail_text("sequence_id") == "seq-1"


def test_cancel_during_the_upload_stops_sending(qtbot: Any, window: Any, samples: Path, calls: Any,
                                                 tmp_path: Path) -> None:
    from app.sandbox.livefile import make_liveness_file

    big = tmp_path / "big.lfs"
    big.write_bytes(make_liveness_file((samples / "zhang-san-id-photo.png").read_bytes(), [0], pad_to=9_000_000))
    calls.hold_at = 0.5
    page = open_page(window, HACK)
    page.liveness.set_path(big)
    qtbot.keyClick(page.liveness.browse, Qt.Key.Key_Return)
    consent_if_asked(qtbot, page)  # a new customer: her consent first
    assert calls.reached.wait(10)
    qtbot.waitUntil(lambda: page.progress.maximum() == 1000 and page.progress.value() > 0)
    assert page.progress_text.text().startswith("Sending…") and page.cancel_button.isVisible()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    calls.release.set()
    assert not page.busy and page.run_button.isEnabled()
    assert banner(page) == ("Cancelled", "The upload was stopped before it finished; nothing was checked or billed.")
    qtbot.waitUntil(lambda: len(calls.outcomes) == 1)
    assert isinstance(calls.outcomes[0], Cancelled)  # the client stopped sending: no whole request went out
    assert banner(page)[0] == "Cancelled"


def test_cancel_while_waiting_discards_the_late_result(qtbot: Any, window: Any, samples: Path,
                                                         sandbox: Any) -> None:
    page = open_page(window, HACK)
    sandbox.inject(Fault(delay=1.5))
    page.liveness.set_path(samples / "attack-mask.lfs")
    qtbot.keyClick(page.liveness.browse, Qt.Key.Key_Return)
    consent_if_asked(qtbot, page)  # a new customer: her consent first
    qtbot.waitUntil(lambda: page.progress_text.text().startswith("Sent. Waiting for the server"), timeout=5000)
    assert "Cancel now only stops waiting" in page.progress_text.text()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert banner(page)[1].startswith("The file had already been sent, so the server may still check")
    qtbot.wait(2000)  # the answer arrives meanwhile and must not appear
    assert banner(page)[0] == "Cancelled"
    assert not page.risk.isVisible()

    page.liveness.set_path(samples / "li-si.lfs")  # and the page is ready for the next check at once
    press_enter_and_wait(qtbot, page, page.liveness.browse)
    assert banner(page)[0] == "Live person"


def test_window_stays_responsive_during_a_slow_reply(qtbot: Any, window: Any, samples: Path, sandbox: Any) -> None:
    page = open_page(window, HACK)
    sandbox.inject(Fault(delay=1.0))
    page.liveness.set_path(samples / "li-si.lfs")
    qtbot.keyClick(page.liveness.browse, Qt.Key.Key_Return)
    ticks: list[int] = []
    from PySide6.QtCore import QTimer

    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    wait_done(qtbot, page)
    timer.stop()
    assert len(ticks) >= 30  # ~50 expected in 1 s: the event loop kept turning
    assert banner(page)[0] == "Live person"

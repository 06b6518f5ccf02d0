"""Chinese and English at runtime, the SANDBOX mark, and a keyboard-first page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.core.interpret import StepState, TrailStep
from app.sandbox.faults import Fault
from app.sandbox.people import ZHANG_SAN
from tests.ui.helpers import banner, open_page, press_enter_and_wait, type_text


def test_switching_to_chinese_rewords_everything_on_screen(qtbot: Any, window: Any, samples: Path) -> None:
    page = window.current_page
    page.liveness.set_path(samples / "li-si.lfs")
    type_text(qtbot, page.name, ZHANG_SAN.name)
    type_text(qtbot, page.id_number, ZHANG_SAN.id_number)
    press_enter_and_wait(qtbot, page, page.id_number)
    assert banner(page)[0] == "Different person"

    qtbot.mouseClick(window.top_bar.language_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.top_bar.language_button.text() == "English")  # Qt posts LanguageChange
    assert [window.sidebar.item(i).text() for i in range(5)] == [
        "人证比对", "人脸比对", "攻击检测", "活体解析", "SDK Token"]
    assert banner(page) == ("不同人", "活体采集与照片不一致，请勿继续办理。")
    assert page.trail.state_of(TrailStep.SCORE) == (StepState.STOPPED, "不同人（低于 40）")
    assert page.run_button.text().startswith("核验")
    assert page.result.detail_text("billed") == "是：本次调用计入账户费用"
    assert window.top_bar.sandbox_mark.text().startswith("沙箱 SANDBOX")

    qtbot.mouseClick(window.top_bar.language_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: banner(page)[0] == "Different person")
    assert window.sidebar.item(0).text() == "ID verification"


def test_catalogue_errors_and_field_reasons_follow_the_language(qtbot: Any, window: Any, samples: Path,
                                                                sandbox: Any) -> None:
    window.set_language("zh_CN", remember=False)
    page = open_page(window, 2)
    qtbot.waitUntil(lambda: page.run_button.text().startswith("检测"))
    sandbox.inject(Fault(code="1003"))
    page.liveness.set_path(samples / "zhang-san.lfs")
    press_enter_and_wait(qtbot, page, page.liveness.browse)
    assert banner(page) == ("加密文件错误", "活体文件损坏或不是 SDK 生成的文件，请让客户重新采集。")
    empty = samples.parent / "empty.lfs"
    empty.write_bytes(b"")
    page.liveness.set_path(empty)
    assert page.liveness.message.text() == "✗ 活体文件为空，请重新采集。"


def test_sandbox_is_marked_everywhere(window: Any) -> None:
    assert window.top_bar.sandbox_mark.isVisible()
    assert window.top_bar.sandbox_mark.text() == "SANDBOX · test data, not a real account"
    assert "SANDBOX" in window.status_profile.text() and "Sandbox" in window.status_profile.text()
    assert window.windowTitle().endswith("[SANDBOX]")


def test_tab_order_follows_the_page_top_to_bottom(qtbot: Any, window: Any) -> None:
    page = window.current_page
    page.liveness.mode.setFocus()
    expected = [page.liveness.browse, page.name, page.id_number, page.auto_hack, page.run_button, page.next_button]
    seen = []
    for _ in expected:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
    assert seen == expected


def test_enter_on_the_next_customer_button_clears_instead_of_checking(qtbot: Any, window: Any, samples: Path,
                                                                     sandbox: Any) -> None:
    page = window.current_page
    page.liveness.set_path(samples / "zhang-san.lfs")
    type_text(qtbot, page.name, ZHANG_SAN.name)
    sandbox.inject(Fault(code="9999"))  # would be consumed if Enter sent anything
    page.next_button.setFocus()
    qtbot.keyClick(page.next_button, Qt.Key.Key_Return)
    assert page.name.text() == "" and not page.busy
    assert sandbox.pending_faults() == 1

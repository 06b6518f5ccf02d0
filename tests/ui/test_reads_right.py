"""The window as a Chinese counter clerk reads it: short instructions with the technical detail
underneath, the clock behind a refused signature, an attack verdict on its own trail step, and the
words a clerk would use (十分之一 …, 活体检测, 攻击检测, 已复制)."""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.core.contract import HackRequest, StoredIdSource
from app.core.errors import Billing, TransportError, TransportKind
from app.core.history import Filter
from app.core.interpret import StepState, Tone, TrailStep
from app.core.profiles import Profile
from app.core.secrets import KeychainUnavailable
from app.i18n import CHINESE
from app.sandbox.faults import Fault
from app.sandbox.people import ZHANG_SAN, ZHAO_LIU
from app.ui.history_page import outcome_text
from app.ui.pages.shared import say_if_no_secret
from app.ui.widgets.copy_field import COPIED_FOR_MS, CopyField
from tests.hostile.server import HostileServer, Received, Reply, envelope_text, whole
from tests.ui.helpers import banner, open_page, press_enter_and_wait, type_text

ID, SELFIE, HACK, PARSE, TOKEN, HISTORY = 0, 1, 2, 3, 4, 5


def in_chinese(qtbot: Any, window: Any) -> None:
    window.set_language(CHINESE, remember=False)
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "人证比对")  # Qt posts LanguageChange


def check_on_hack_page(qtbot: Any, window: Any, capture: Path) -> Any:
    page = open_page(window, HACK)
    page.liveness.set_path(capture)
    press_enter_and_wait(qtbot, page, page.liveness.browse)
    return page


def fail_with(calls: Any, error: Exception) -> None:
    def failing(*_args: Any, **_kwargs: Any) -> Any:
        raise error

    calls.run = failing


# --- 1. instructions first, the technical detail underneath ----------------------------------------


def test_a_keychain_problem_is_one_line_for_the_clerk_with_the_admins_text_underneath(
        qtbot: Any, window: Any, samples: Path, calls: Any) -> None:
    fail_with(calls, KeychainUnavailable("locked", "SecretService"))
    in_chinese(qtbot, window)
    page = check_on_hack_page(qtbot, window, samples / "zhang-san.lfs")
    assert banner(page) == ("钥匙串不可用，请联系 IT", "本次未发送。")
    detail = page.result.code_line.text()
    assert detail.startswith("系统钥匙串已锁定或拒绝访问（SecretService）。") and "LINKFACE_API_SECRET" in detail


def test_a_timeout_names_its_remedy_once_and_its_detail_in_chinese(qtbot: Any, window: Any, samples: Path,
                                                                  calls: Any) -> None:
    fail_with(calls, TransportError(TransportKind.TIMEOUT, "read timeout", "seq-t", True, Billing.UNKNOWN))
    in_chinese(qtbot, window)
    page = check_on_hack_page(qtbot, window, samples / "zhang-san.lfs")
    title, remedy = banner(page)
    assert title == "服务器响应超时。"
    assert remedy.startswith("请检查网络后重试。") and remedy.count("历史记录") == 1
    assert page.result.code_line.text() == "技术细节（供技术支持）：read timeout"  # not "timeout（read timeout）"

    window.set_language("en", remember=False)
    qtbot.waitUntil(lambda: banner(page)[0] == "The server did not answer in time.")
    assert banner(page)[1].count("History") == 1 and "check history" not in banner(page)[1]
    assert page.result.code_line.text() == "Technical details (for support): read timeout"


def test_a_refused_connection_keeps_its_kind_in_the_detail(qtbot: Any, window: Any, samples: Path,
                                                          calls: Any) -> None:
    fail_with(calls, TransportError(TransportKind.REFUSED, "ConnectionError", "seq-r", False))
    page = check_on_hack_page(qtbot, window, samples / "zhang-san.lfs")
    assert page.result.code_line.text() == "Technical details (for support): refused · ConnectionError"


def test_a_gateway_page_says_http_502_once_after_a_chinese_introduction(qtbot: Any, window: Any, samples: Path,
                                                                        sandbox: Any) -> None:
    in_chinese(qtbot, window)
    sandbox.inject(Fault(http_status=502))
    page = check_on_hack_page(qtbot, window, samples / "zhang-san.lfs")
    detail = page.result.code_line.text()
    assert detail.startswith("技术细节（供技术支持）：") and detail.count("HTTP 502") == 1


def test_history_names_the_kind_of_connection_failure(qtbot: Any, window: Any, runtime: Any) -> None:
    request = HackRequest(StoredIdSource("L-timeout"))
    runtime.history.record_failure("Sandbox", request, TransportError(
        TransportKind.TIMEOUT, "read timeout", "S-timeout", True, Billing.UNKNOWN), "S-timeout", 30.0)
    in_chinese(qtbot, window)
    window.sidebar.setCurrentRow(HISTORY)
    history = window.history()
    qtbot.waitUntil(lambda: not history.loading and bool(history.model.rows))
    newest = history.model.rows[0]
    assert newest.sequence_id == "S-timeout"
    assert history.model.data(history.model.index(0, 3)) == "响应超时"  # not "连接失败"


@pytest.mark.parametrize(("kind", "english", "chinese"), [
    ("timeout", "No answer in time", "响应超时"), ("refused", "Connection refused", "连接被拒绝"),
    ("dns", "Server name not found", "域名解析失败"), ("tls", "Certificate not trusted", "证书验证失败"),
    ("proxy", "Proxy failed", "代理连接失败"), ("deadline", "Call took too long", "调用超出总时限"),
    ("other", "Connection failed", "连接失败"),
])
def test_every_transport_kind_has_its_history_status(qtbot: Any, window: Any, runtime: Any, kind: str,
                                                     english: str, chinese: str) -> None:
    error = TransportError(TransportKind(kind), "x", f"S-{kind}", False)
    runtime.history.record_failure("Sandbox", HackRequest(StoredIdSource("L")), error, f"S-{kind}", 0.1)
    row = next(r for r in runtime.history.query(Filter(search=f"S-{kind}"), 5, 0))
    assert outcome_text(row) == english
    in_chinese(qtbot, window)
    assert outcome_text(row) == chinese


# --- 2. a refused signature and this computer's clock ----------------------------------------------


@pytest.fixture
def clock_server() -> Iterator[HostileServer]:
    """A server 5 min 12 s ahead of this computer that refuses every signature."""

    def refuse(_request: Received, reply: Reply) -> None:
        date = email.utils.formatdate(time.time() + 312, usegmt=True)
        reply.send(whole(200, envelope_text(code="1000", msg="签名校验失败", request_id="R-clock"), [("Date", date)]))

    with HostileServer(refuse) as server:
        yield server


@pytest.fixture
def branch_profile(runtime: Any, window: Any) -> Iterator[Any]:
    """Adds a saved profile for one test: ``add(name, base_url, api_id, secret)``; the window goes back to
    the Sandbox and the profile is removed afterwards."""
    added: list[str] = []

    def add(name: str, base_url: str, api_id: str = "branch", secret: str | None = "branch-secret") -> str:
        runtime.profiles.add(Profile(name, base_url=base_url, api_id=api_id))
        if secret is not None:
            runtime.secrets.set(name, secret)
        added.append(name)
        return name

    yield add
    window.top_bar.profile_box.setCurrentText("Sandbox")
    for name in added:
        runtime.secrets.delete(name)
        runtime.profiles.remove(name)


def choose_profile(window: Any, name: str) -> None:
    window._fill_profiles()  # the profile was saved after the window opened (Settings does this)
    window.top_bar.profile_box.setCurrentText(name)  # the clerk picks it
    assert window.profile_name() == name


def test_a_refused_signature_says_how_far_off_the_clock_is(qtbot: Any, window: Any, samples: Path,
                                                          clock_server: HostileServer, branch_profile: Any) -> None:
    choose_profile(window, branch_profile("Branch clock", clock_server.url))
    in_chinese(qtbot, window)
    page = check_on_hack_page(qtbot, window, samples / "zhang-san.lfs")
    title, remedy = banner(page)
    assert title == "验签失败"
    assert re.fullmatch(r"本机时钟比服务器慢 5 分 1[12] 秒，请校准时钟后重试。", remedy), remedy
    assert page.result.code_line.text() == "错误码 1000 · 服务器消息：签名校验失败"


def test_a_refused_signature_with_the_clock_right_points_to_the_administrator(qtbot: Any, window: Any,
                                                                             samples: Path, sandbox: Any) -> None:
    sandbox.inject(Fault(code="1000"))  # the sandbox's Date is this computer's own clock
    in_chinese(qtbot, window)
    page = check_on_hack_page(qtbot, window, samples / "zhang-san.lfs")
    assert banner(page) == ("验签失败", "API 密钥或本机时钟可能有误，请联系管理员在“设置 → 测试连接”中检查。")


# --- 3. the attack verdict agrees with its trail ----------------------------------------------------


def visible_steps(page: Any) -> list[tuple[StepState | None, str]]:
    return [page.trail.state_of(step) for step in TrailStep if not page.trail.rows[step].isHidden()]


def check_id(qtbot: Any, page: Any, capture: Path, auto_hack: bool) -> None:
    page.liveness.set_path(capture)
    type_text(qtbot, page.name, ZHANG_SAN.name)
    qtbot.keyClicks(page.id_number, ZHANG_SAN.id_number)
    page.auto_hack.setChecked(auto_hack)
    press_enter_and_wait(qtbot, page, page.id_number)


def test_suspected_attack_stands_on_a_stopped_attack_step(qtbot: Any, window: Any, samples: Path) -> None:
    in_chinese(qtbot, window)
    page = window.current_page
    check_id(qtbot, page, samples / "attack-photo.lfs", auto_hack=True)
    assert banner(page)[0] == "疑似攻击"
    steps = visible_steps(page)
    assert len(steps) == 5 and steps[-1] == (StepState.STOPPED, "止于此：疑似攻击（高于 0.98）")
    assert page.trail.rows[TrailStep.ATTACK].step == TrailStep.ATTACK


def test_a_live_capture_passes_the_attack_step_and_without_detection_there_is_none(qtbot: Any, window: Any,
                                                                                  samples: Path) -> None:
    in_chinese(qtbot, window)
    page = window.current_page
    check_id(qtbot, page, samples / "zhang-san.lfs", auto_hack=True)
    assert banner(page)[0] == "同一人"
    assert visible_steps(page) == [(StepState.PASSED, "通过")] * 3 + [
        (StepState.PASSED, "同一人（45 及以上）"), (StepState.PASSED, "真人（0.98 及以下）")]

    window.next_customer()
    check_id(qtbot, page, samples / "zhang-san.lfs", auto_hack=False)
    assert len(visible_steps(page)) == 4 and page.trail.rows[TrailStep.ATTACK].isHidden()


# --- 4. words a Chinese clerk would use ---------------------------------------------------------------


def test_the_false_accept_scale_in_words(qtbot: Any, window: Any, samples: Path, sandbox: Any) -> None:
    in_chinese(qtbot, window)
    page = open_page(window, SELFIE)
    page.liveness.set_path(samples / "zhang-san.lfs")
    page.selfie.set_path(samples / "zhang-san-selfie.jpg")
    press_enter_and_wait(qtbot, page, page.selfie.browse)
    words = [tick.text.split("\n")[-1] for tick in page.scale.model.ticks]
    assert words == ["十分之一", "百分之一", "千分之一", "万分之一", "十万分之一", "百万分之一"]
    labels = page.scale.tick_labels()
    assert all(not a.intersects(b) for i, (a, _) in enumerate(labels) for b, _ in labels[i + 1:]), labels
    assert page.result.detail_text("face_score").endswith("陌生人达到此分数的概率约为十万分之一")
    assert page.result.detail_text("threshold") == "0.70（本配置）· 误识率约为万分之一"

    page.selfie.mode.setCurrentIndex(1)  # URL: a stranger's selfie, far below the table
    type_text(qtbot, page.selfie.url, sandbox.sample_url("li-si-selfie.jpg"))
    press_enter_and_wait(qtbot, page, page.selfie.url)
    assert page.result.detail_text("face_score").endswith("陌生人达到此分数的概率高于十分之一")
    assert "1/" not in page.result.detail_text("face_score") and ">" not in page.result.detail_text("face_score")


def test_detection_types_by_name_with_the_api_value_underneath(qtbot: Any, window: Any) -> None:
    in_chinese(qtbot, window)
    page = open_page(window, TOKEN)
    types = page.detection_type
    assert [types.itemText(i) for i in range(types.count())] == ["活体检测", "身份证识别", "银行卡识别"]
    assert types.itemData(1, Qt.ItemDataRole.ToolTipRole) == "idcard_ocr"
    types.setCurrentIndex(1)
    qtbot.keyClick(types, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.busy and page.result.banner.isVisible(), timeout=15_000)
    assert page.result.detail_text("detection_type") == "身份证识别\nidcard_ocr"


def test_attack_detection_is_named_so(qtbot: Any, window: Any) -> None:
    in_chinese(qtbot, window)
    page = open_page(window, HACK)
    assert window.sidebar.item(HACK).text() == "攻击检测" and page.title.text() == "攻击检测"


def test_an_unknown_motion_keeps_its_label_on_one_line(qtbot: Any, window: Any, samples: Path) -> None:
    in_chinese(qtbot, window)
    page = open_page(window, PARSE)
    page.liveness.set_path(samples / "unknown-motion.lfs")
    press_enter_and_wait(qtbot, page, page.liveness.browse)
    assert page.motions.names()[-1] == "3. 未知动作（代码 4）"
    label = next(w for w in page.motions.tiles[-1].findChildren(QLabel) if w.text())
    assert not label.wordWrap() and label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_a_photo_on_file_that_cannot_be_read_has_its_own_headline(qtbot: Any, window: Any, samples: Path) -> None:
    in_chinese(qtbot, window)
    page = window.current_page
    page.liveness.set_path(samples / "zhao-liu.lfs")
    type_text(qtbot, page.name, ZHAO_LIU.name)
    qtbot.keyClicks(page.id_number, ZHAO_LIU.id_number)
    press_enter_and_wait(qtbot, page, page.id_number)
    assert banner(page) == ("库中照片无法比对", "库中照片无法读取，未能比对，请当面核对客户的身份证件。")
    assert page.result.banner.tone is Tone.REVIEW


def test_a_wrong_check_character_asks_to_compare_the_whole_number(qtbot: Any, window: Any) -> None:
    in_chinese(qtbot, window)
    page = window.current_page
    wrong = ZHANG_SAN.id_number[:17] + ("1" if ZHANG_SAN.id_number[17] != "1" else "2")
    qtbot.keyClicks(page.id_number, wrong)
    assert page.id_message.text() == "✗ 身份证号码校验未通过：请对照身份证逐位核对整个号码。"


def test_a_copy_button_confirms_the_copy_for_a_moment(qtbot: Any, window: Any, samples: Path) -> None:
    in_chinese(qtbot, window)
    page = check_on_hack_page(qtbot, window, samples / "li-si.lfs")
    field = page.result.details_box.findChild(CopyField, "request_id")
    assert field.button.text() == ""
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    assert field.button.text() == "已复制" and field.button.accessibleName() == "已复制"
    qtbot.waitUntil(lambda: field.button.text() == "", timeout=COPIED_FOR_MS + 2000)
    assert field.button.toolTip() == field.button.accessibleName() == "复制 request_id"  # which id it copies


# --- 6. the sandbox behind a profile, and a profile without its secret ------------------------------


def test_a_profile_answered_by_the_sandbox_says_so(qtbot: Any, window: Any, samples: Path, sandbox: Any,
                                                  branch_profile: Any) -> None:
    from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET

    choose_profile(window, branch_profile("Branch test", sandbox.base_url, SANDBOX_API_ID, SANDBOX_API_SECRET))
    assert not window.on_sandbox  # the profile claims a real account
    page = open_page(window, HACK)
    page.liveness.set_path(samples / "li-si.lfs")
    with qtbot.waitSignal(page.result.answered_by_sandbox, timeout=15_000):
        press_enter_and_wait(qtbot, page, page.liveness.browse)
    assert page.result.detail_text("request_id").startswith("SANDBOX-")


def test_a_real_servers_answer_is_not_taken_for_the_sandbox(qtbot: Any, window: Any, samples: Path,
                                                            clock_server: HostileServer, branch_profile: Any) -> None:
    choose_profile(window, branch_profile("Branch real", clock_server.url))
    page = open_page(window, HACK)
    page.liveness.set_path(samples / "li-si.lfs")
    with qtbot.assertNotEmitted(page.result.answered_by_sandbox):
        press_enter_and_wait(qtbot, page, page.liveness.browse)
    assert page.result.detail_text("request_id") == "R-clock"


def test_a_profile_without_its_secret_is_said_before_the_first_call(qtbot: Any, window: Any, runtime: Any,
                                                                   branch_profile: Any) -> None:
    choose_profile(window, branch_profile("Branch new", "https://cloudapi.linkface.cn", secret=None))
    in_chinese(qtbot, window)
    status = window.statusBar()
    said: list[str] = []
    say_if_no_secret(window.context, "Branch new", window, lambda text: (said.append(text), status.showMessage(text)))
    qtbot.waitUntil(lambda: bool(said))
    assert status.currentMessage() == "配置 Branch new 尚未保存 API 密钥：在管理员于“设置”中填写之前，核验将无法进行。"

    runtime.secrets.set("Branch new", "now-saved")  # the administrator saved it
    say_if_no_secret(window.context, "Branch new", window, said.append)
    say_if_no_secret(window.context, "Sandbox", window, said.append)  # needs none
    qtbot.wait(300)
    assert len(said) == 1

    runtime.secrets.problem = KeychainUnavailable("locked", "memory")
    try:
        say_if_no_secret(window.context, "Branch new", window, said.append)
        qtbot.waitUntil(lambda: len(said) == 2)
        assert said[-1] == "钥匙串不可用，请联系 IT"
    finally:
        runtime.secrets.problem = None

"""A refused signature (1000) and this computer's clock: the client keeps how far its clock is from the
answer's Date header, and the catalogue tells the clerk by how much, or else whom to ask."""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Iterator

import pytest

from app.core.client import LinkFaceClient, clock_offset
from app.core.connection import Connection
from app.core.contract import TokenRequest
from app.core.errors import ApiError
from tests.hostile.server import Handler, HostileServer, Received, Reply, envelope_text, respond, whole
from tests.words import error_words

FIVE_MIN_TWELVE_S = 5 * 60 + 12


def test_the_offset_is_the_local_clock_minus_the_servers_middle_of_second() -> None:
    now = 1_800_000_000.25
    assert clock_offset(email.utils.formatdate(now + FIVE_MIN_TWELVE_S, usegmt=True), now) == pytest.approx(
        -FIVE_MIN_TWELVE_S + 0.25 - 0.5)  # the header says whole seconds: its middle is the best guess
    assert clock_offset(email.utils.formatdate(now - 3600), now) == pytest.approx(3600 + 0.25 - 0.5)
    assert clock_offset("Thu, 01 Jan 2027 00:00:00 -0000", 1_798_761_600.5) == pytest.approx(0.0)  # -0000 is UTC


@pytest.mark.parametrize("header", [None, "", "yesterday", "Thu, 32 Foo 2027 99:00:00 GMT", "1800000000"])
def test_no_readable_date_no_offset(header: str | None) -> None:
    assert clock_offset(header, time.time()) is None


def date_off_by(seconds: float, code: str = "1000") -> Handler:
    """An API error whose Date header is ``seconds`` ahead of this computer's clock."""

    def handler(_request: Received, reply: Reply) -> None:
        date = email.utils.formatdate(time.time() + seconds, usegmt=True)
        reply.send(whole(200, envelope_text(code=code, msg="签名校验失败"), [("Date", date)]))

    return handler


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as hostile:
        yield hostile


def refused(server: HostileServer, seconds: float | None, code: str = "1000") -> ApiError:
    server.handler = respond(200, envelope_text(code=code)) if seconds is None else date_off_by(seconds, code)
    connection = Connection(base_url=server.url, api_id="id", api_secret="secret")
    with LinkFaceClient(connection) as client, pytest.raises(ApiError) as info:
        client.call(TokenRequest("liveness"))
    return info.value


def test_a_server_five_minutes_ahead_tells_the_clerk_to_set_the_clock(server: HostileServer) -> None:
    error = refused(server, FIVE_MIN_TWELVE_S)
    assert error.code == "1000" and error.clock_offset_s is not None
    assert abs(error.clock_offset_s + FIVE_MIN_TWELVE_S) < 1.5
    (_, remedy), (title_zh, remedy_zh) = error_words(error)
    assert title_zh == "验签失败"
    assert re.fullmatch(r"本机时钟比服务器慢 5 分 1[12] 秒，请校准时钟后重试。", remedy_zh), remedy_zh
    assert re.fullmatch(r"This computer's clock is 5 min 1[12] s behind the server's: set the clock right, then try "
                        r"again\.", remedy), remedy


def test_a_clock_ahead_and_hours_off(server: HostileServer) -> None:
    error = refused(server, -(8 * 3600 + 30))  # a PC set to local time as if it were UTC
    _, (_, remedy_zh) = error_words(error)
    assert remedy_zh == "本机时钟比服务器快 8 小时 0 分，请校准时钟后重试。"
    days = ApiError("1000", None, "r", 2, "s", clock_offset_s=-(2 * 86400 + 3 * 3600 + 59))
    assert error_words(days)[0][1] == "This computer's clock is 2 d 3 h behind the server's: set the clock right, " \
                                      "then try again."


@pytest.mark.parametrize("seconds", [None, 0, 45])
def test_a_clock_in_time_points_to_the_administrator_and_the_connection_test(server: HostileServer,
                                                                            seconds: float | None) -> None:
    error = refused(server, seconds)
    assert error.clock_offset_s is None if seconds is None else abs(error.clock_offset_s or 0) < 60
    (_, remedy), (_, remedy_zh) = error_words(error)
    assert remedy == ("The API secret or this computer's clock may be wrong: ask your administrator to check them "
                      "with Settings → Test connection.")
    assert remedy_zh == "API 密钥或本机时钟可能有误，请联系管理员在“设置 → 测试连接”中检查。"


def test_only_a_refused_signature_speaks_of_the_clock(server: HostileServer) -> None:
    error = refused(server, FIVE_MIN_TWELVE_S, code="1009")
    assert error.clock_offset_s is not None  # kept on every API error...
    assert error_words(error)[1] == ("调用频率过高", "请稍等一分钟后再试。")  # ...but it is not the fix for these

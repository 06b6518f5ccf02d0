"""The client against the real sandbox over loopback HTTP: every endpoint, source kind and error path."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.client import LinkFaceClient
from app.core.connection import Connection
from app.core.contract import FileSource, StoredIdSource, UrlSource
from app.core.endpoints import read
from app.core.errors import DOCUMENTED_CODES, ApiError, Cancelled, InputRejected, ProtocolError, TransportError
from app.core.interpret import Verdict
from app.core.signing import TimestampUnit
from app.core.validation import check_base_url
from app.sandbox.faults import Fault
from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET, Sandbox
from tests.words import error_words

ZHANG = ("张三", "11010519491231002X")


def connect(sandbox: Sandbox, **overrides: object) -> LinkFaceClient:
    settings: dict[str, object] = {"base_url": sandbox.base_url, "api_id": SANDBOX_API_ID,
                                   "api_secret": SANDBOX_API_SECRET, **overrides}
    return LinkFaceClient(Connection(**settings))  # type: ignore[arg-type]


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[LinkFaceClient]:
    c = connect(sandbox)
    yield c
    c.close()


def sample(samples_dir: Path, name: str) -> FileSource:
    return FileSource(samples_dir / name)


# --- every endpoint, every source kind -----------------------------------------------------------


@pytest.mark.parametrize("detection_type", ["liveness", "idcard_ocr", "bankcard_ocr"])
def test_token(client: LinkFaceClient, detection_type: str) -> None:
    result = client.get_token(detection_type)
    assert result.data.token and result.request_id.startswith("SANDBOX-")
    assert len(result.sequence_id) == 64 and not result.billed


def test_idnumber_match_with_file_then_stored_id(client: LinkFaceClient, samples_dir: Path) -> None:
    first = client.verify_id_number(*ZHANG, sample(samples_dir, "zhang-san.lfs"), auto_hack=True)
    assert read(first).verdict is Verdict.SAME_PERSON and first.billed
    assert first.data.hack_score is not None and first.data.hack_score < 0.98
    stored = first.data.liveness_encrypt_data_id
    assert stored
    again = client.verify_id_number(*ZHANG, StoredIdSource(stored))
    assert again.data.certificate_score == first.data.certificate_score


def test_idnumber_by_url(client: LinkFaceClient, sandbox: Sandbox) -> None:
    result = client.verify_id_number(*ZHANG, UrlSource(sandbox.sample_url("zhang-san.lfs")))
    assert read(result).verdict is Verdict.SAME_PERSON


@pytest.mark.parametrize(
    ("name", "id_number", "capture", "verdict", "billed"),
    [
        ("李四", ZHANG[1], "zhang-san.lfs", Verdict.NAME_ID_MISMATCH, True),
        ("张三", "110101200001010053", "zhang-san.lfs", Verdict.NO_RECORD, True),
        ("王五", "44030519780615014X", "wang-wu.lfs", Verdict.NO_PHOTO, True),
        ("赵六", "510107199202290247", "zhao-liu.lfs", Verdict.PHOTO_UNREADABLE, True),
        ("张三", ZHANG[1], "quality-fail.lfs", Verdict.RECAPTURE, False),
        ("张三", ZHANG[1], "li-si.lfs", Verdict.DIFFERENT_PERSON, True),
        ("张三", ZHANG[1], "zhang-san-lookalike.lfs", Verdict.NEEDS_REVIEW, True),
    ],
)
def test_idnumber_reaches_every_branch(client: LinkFaceClient, samples_dir: Path, name: str, id_number: str,
                                       capture: str, verdict: Verdict, billed: bool) -> None:
    result = client.verify_id_number(name, id_number, sample(samples_dir, capture))
    assert read(result).verdict is verdict
    assert result.billed is billed


def test_hack_file_url_id(client: LinkFaceClient, sandbox: Sandbox, samples_dir: Path) -> None:
    live = client.detect_hack(sample(samples_dir, "zhang-san.lfs"))
    assert read(live).verdict is Verdict.LIVE_PERSON
    attack = client.detect_hack(UrlSource(sandbox.sample_url("attack-screen.lfs")))
    assert read(attack).verdict is Verdict.SUSPECTED_ATTACK and attack.data.hack_score > 0.98
    assert attack.data.liveness_encrypt_data_id
    again = client.detect_hack(StoredIdSource(attack.data.liveness_encrypt_data_id))
    assert again.data.hack_score == attack.data.hack_score


def test_selfie_every_source_kind(client: LinkFaceClient, sandbox: Sandbox, samples_dir: Path) -> None:
    same = client.verify_selfie(sample(samples_dir, "zhang-san.lfs"), sample(samples_dir, "zhang-san-selfie.jpg"),
                                auto_hack=True)
    assert read(same).verdict is Verdict.SAME_PERSON and same.data.face_score >= 0.8 and same.data.hack_score
    assert same.data.image_id
    by_ids = client.verify_selfie(StoredIdSource(same.data.liveness_encrypt_data_id or ""),
                                  StoredIdSource(same.data.image_id), auto_rotate=True)
    assert by_ids.data.face_score == same.data.face_score
    other = client.verify_selfie(UrlSource(sandbox.sample_url("li-si.lfs")),
                                 UrlSource(sandbox.sample_url("zhang-san-selfie.jpg")))
    assert read(other).verdict is Verdict.DIFFERENT_PERSON and other.data.face_score < 0.4


def test_parse_keeps_unknown_motion(client: LinkFaceClient, samples_dir: Path) -> None:
    result = client.parse_liveness(sample(samples_dir, "unknown-motion.lfs"))
    assert result.data.liveness_result is True and result.data.motion_process == (1, 3, 4)
    assert result.data.image_id and result.data.video_id
    failed = client.parse_liveness(sample(samples_dir, "liveness-failed.lfs"))
    assert read(failed).verdict is Verdict.LIVENESS_FAILED


def test_parse_image_id_usable_as_selfie(client: LinkFaceClient, samples_dir: Path) -> None:
    parsed = client.parse_liveness(sample(samples_dir, "zhang-san.lfs"))
    result = client.verify_selfie(sample(samples_dir, "zhang-san.lfs"), StoredIdSource(parsed.data.image_id or ""))
    assert result.data.face_score == 1.0


def test_seconds_timestamps_accepted(sandbox: Sandbox) -> None:
    with connect(sandbox, timestamp_unit=TimestampUnit.SECONDS) as client:
        assert client.get_token("liveness").data.token


# --- input rejected locally: nothing is sent ----------------------------------------------------


def test_bad_input_is_rejected_before_sending(client: LinkFaceClient, sandbox: Sandbox, samples_dir: Path) -> None:
    sandbox.inject(Fault(code="9999"))  # would show if anything reached the server
    with pytest.raises(InputRejected) as info:
        client.verify_id_number("张三", "110105194912310021", sample(samples_dir, "zhang-san.lfs"))
    assert info.value.rule == "check_digit"
    with pytest.raises(InputRejected, match="selfie_file"):
        client.verify_selfie(sample(samples_dir, "zhang-san.lfs"), sample(samples_dir, "not-an-image.txt"))
    with pytest.raises(InputRejected):
        client.get_token("silent_liveness")
    assert sandbox.pending_faults() == 1


def test_plain_http_refused_except_loopback() -> None:
    assert check_base_url("http://127.0.0.1:8765/") == "http://127.0.0.1:8765"
    assert check_base_url("https://cloudapi.linkface.cn") == "https://cloudapi.linkface.cn"
    for bad in ("http://cloudapi.linkface.cn", "ftp://127.0.0.1", "cloudapi.linkface.cn"):
        with pytest.raises(InputRejected):
            check_base_url(bad)


# --- API errors ------------------------------------------------------------------------------------


def test_wrong_secret_is_1000_with_the_clock_remedy(sandbox: Sandbox) -> None:
    with connect(sandbox, api_secret="wrong") as client, pytest.raises(ApiError) as info:
        client.get_token("liveness")
    error = info.value
    assert (error.code, error.charge, error.billed) == ("1000", 2, False)
    assert error.request_id.startswith("SANDBOX-") and len(error.sequence_id) == 64
    (_, remedy), _ = error_words(error)
    assert "clock" in remedy and "wrong" not in str(error)


def test_server_side_checks(client: LinkFaceClient, samples_dir: Path) -> None:
    with pytest.raises(ApiError) as info:
        client.parse_liveness(StoredIdSource("no-such-id"))
    assert info.value.code == "1002"
    with pytest.raises(ApiError) as info:
        client.verify_selfie(sample(samples_dir, "zhang-san.lfs"), StoredIdSource("no-such-image"))
    assert info.value.code == "1014"
    with pytest.raises(ApiError) as info:
        client.detect_hack(sample(samples_dir, "not-an-image.txt"))
    assert info.value.code == "1003"
    with pytest.raises(ApiError) as info:
        client.verify_selfie(sample(samples_dir, "zhang-san.lfs"), sample(samples_dir, "blank-selfie.png"))
    assert info.value.code == "1004"


@pytest.mark.parametrize("code", [*sorted(DOCUMENTED_CODES - {"0000"}), "1234"])
def test_every_error_code_reaches_the_caller(client: LinkFaceClient, sandbox: Sandbox, code: str) -> None:
    sandbox.inject(Fault(code=code))
    with pytest.raises(ApiError) as info:
        client.get_token("liveness")
    assert info.value.code == code and not info.value.billed
    assert info.value.known is (code != "1234")


def test_numeric_code_and_alternate_field_names(client: LinkFaceClient, sandbox: Sandbox, samples_dir: Path) -> None:
    sandbox.inject(Fault(numeric_code=True, alt_fields=True))
    result = client.verify_id_number(*ZHANG, sample(samples_dir, "zhang-san.lfs"))
    assert result.data.check_result == 1 and result.data.certificate_score
    sandbox.inject(Fault(alt_fields=True))
    assert client.detect_hack(sample(samples_dir, "attack-mask.lfs")).data.hack_score > 0.98


# --- protocol failures keep the raw body ----------------------------------------------------------


def test_html_5xx_is_a_protocol_error_with_the_raw_body(client: LinkFaceClient, sandbox: Sandbox) -> None:
    sandbox.inject(Fault(http_status=502))
    with pytest.raises(ProtocolError) as info:
        client.get_token("liveness")
    assert info.value.http_status == 502 and "<html" in info.value.raw.lower()


@pytest.mark.parametrize("fault", [Fault(body="truncated"), Fault(body="not_json"), Fault(wrong_type="charge"),
                                   Fault(wrong_type="code"), Fault(wrong_type="data")])
def test_broken_bodies(client: LinkFaceClient, sandbox: Sandbox, samples_dir: Path, fault: Fault) -> None:
    sandbox.inject(fault)
    with pytest.raises(ProtocolError) as info:
        client.parse_liveness(sample(samples_dir, "zhang-san.lfs"))
    assert info.value.raw and info.value.sequence_id


# --- transport failures ---------------------------------------------------------------------------


def test_read_timeout_may_have_reached_the_server(sandbox: Sandbox, samples_dir: Path) -> None:
    sandbox.inject(Fault(delay=1.0))
    with connect(sandbox, read_timeout=0.2) as client, pytest.raises(TransportError) as info:
        client.detect_hack(sample(samples_dir, "zhang-san.lfs"))
    assert info.value.kind.value == "timeout" and info.value.may_have_reached_server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_refused_and_dns() -> None:
    refused = LinkFaceClient(Connection(f"http://127.0.0.1:{free_port()}", "id", "secret"))
    with pytest.raises(TransportError) as info:
        refused.get_token("liveness")
    assert info.value.kind.value == "refused" and not info.value.may_have_reached_server
    dns = LinkFaceClient(Connection("https://no-such-host.invalid", "id", "secret", connect_timeout=2))
    with pytest.raises(TransportError) as info:
        dns.get_token("liveness")
    assert info.value.kind.value == "dns"


class DroppingServer:
    """Accepts connections, reads a little, then closes: a gateway dying mid-request. Counts attempts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.accepted = 0
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            conn.recv(1024)
            conn.close()


def test_billable_call_is_never_retried(samples_dir: Path) -> None:
    server = DroppingServer()
    with LinkFaceClient(Connection(server.url, "id", "secret")) as client:
        with pytest.raises(TransportError) as info:
            client.detect_hack(sample(samples_dir, "zhang-san.lfs"))
        assert info.value.may_have_reached_server
    assert server.accepted == 1
    server.sock.close()


def test_tls_failure_against_a_plain_server(sandbox: Sandbox) -> None:
    https_url = sandbox.base_url.replace("http://", "https://")
    with LinkFaceClient(Connection(https_url, "id", "secret")) as client, pytest.raises(TransportError) as info:
        client.get_token("liveness")
    assert info.value.kind.value == "tls"


# --- progress and cancel --------------------------------------------------------------------------


def test_progress_reports_bytes_and_can_cancel(client: LinkFaceClient, sandbox: Sandbox, tmp_path: Path) -> None:
    from app.sandbox.livefile import make_liveness_file

    big = tmp_path / "big.lfs"
    face = (Path(__file__).resolve().parents[2] / "resources" / "samples" / "zhang-san-selfie.jpg").read_bytes()
    big.write_bytes(make_liveness_file(face, [0, 1], pad_to=3 * 1024 * 1024))
    seen: list[tuple[int, int]] = []
    result = client.parse_liveness(FileSource(big), progress=lambda sent, total: seen.append((sent, total)) is None)
    assert result.data.liveness_result
    assert seen[-1][0] == seen[-1][1] > 3 * 1024 * 1024
    assert [s for s, _ in seen] == sorted(s for s, _ in seen)

    calls: list[int] = []
    with pytest.raises(Cancelled):
        client.parse_liveness(FileSource(big), progress=lambda sent, total: calls.append(sent) or sent < total // 3)
    assert calls[-1] < 3 * 1024 * 1024 // 2  # stopped within a chunk of the request
    assert client.get_token("liveness").data.token  # the client is usable again


def test_get_token_retries_a_connection_that_was_refused() -> None:
    """get_token is never billed, so a refused connection (nothing sent) is tried again."""
    port = free_port()
    late = Sandbox(port=port, delay_scale=0)
    starter = threading.Timer(0.1, late.start)
    starter.start()
    try:
        with LinkFaceClient(Connection(f"http://127.0.0.1:{port}", SANDBOX_API_ID, SANDBOX_API_SECRET)) as client:
            assert client.get_token("liveness").data.token
    finally:
        starter.join()
        late.stop()

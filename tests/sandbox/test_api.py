"""The five calls over real HTTP: checks in order, sources, stored ids, billing, selfie errors."""

from __future__ import annotations

import io
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image

from app.core.contract import LIVENESS_FILE_MAX_BYTES, Endpoint, parse_envelope
from app.core.endpoints import spec
from app.core.signing import make_timestamp, sign
from app.core.validation import SELFIE_MAX_BYTES
from app.sandbox.livefile import make_liveness_file
from app.sandbox.people import LI_SI, ZHANG_SAN
from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET, Sandbox
from tests.sandbox.helpers import call, post

ZHANG = {"name": ZHANG_SAN.name, "id_number": ZHANG_SAN.id_number}


def liveness(samples: dict[str, bytes], name: str = "zhang-san.lfs") -> dict[str, bytes]:
    return {"liveness_encrypt_data": samples[name]}


# --- each endpoint ---------------------------------------------------------------------------------


@pytest.mark.parametrize("detection_type", ["liveness", "idcard_ocr", "bankcard_ocr"])
def test_token_is_issued_and_never_billed(url: str, detection_type: str) -> None:
    envelope = call(url, Endpoint.TOKEN, {"detection_type": detection_type})
    assert envelope["code"] == "0000" and envelope["msg"] == "调用成功"
    assert envelope["data"]["token"]
    assert envelope["charge"] == 2


def test_id_number_same_person_is_billed(url: str, samples: dict[str, bytes]) -> None:
    envelope = call(url, Endpoint.ID_NUMBER, ZHANG, liveness(samples))
    data = envelope["data"]
    assert (data["check_result"], data["id_name_result"], data["photo_result"]) == (1, 1, 1)
    assert data["certificate_score"] >= 45
    assert "hack_score" not in data
    assert len(data["liveness_encrypt_data_id"]) == 32
    assert envelope["charge"] == 1
    assert list(data) == ["check_result", "id_name_result", "photo_result", "certificate_score",
                          "liveness_encrypt_data_id"]


def test_id_number_auto_hack_adds_the_hack_score(url: str, samples: dict[str, bytes]) -> None:
    live = call(url, Endpoint.ID_NUMBER, {**ZHANG, "auto_hack": "true"}, liveness(samples))["data"]
    attack = call(url, Endpoint.ID_NUMBER, {**ZHANG, "auto_hack": "true"}, liveness(samples, "attack-photo.lfs"))
    assert live["hack_score"] <= 0.98 < attack["data"]["hack_score"]
    assert attack["data"]["certificate_score"] >= 45  # the same face, shown on a photo
    assert "hack_score" not in call(url, Endpoint.ID_NUMBER, {**ZHANG, "auto_hack": "false"}, liveness(samples))["data"]


def test_id_number_accepts_a_lowercase_x(url: str, samples: dict[str, bytes]) -> None:
    fields = {**ZHANG, "id_number": ZHANG_SAN.id_number.lower()}
    assert call(url, Endpoint.ID_NUMBER, fields, liveness(samples))["data"]["id_name_result"] == 1


@pytest.mark.parametrize("sample", ["zhang-san.lfs", "attack-photo.lfs", "attack-screen.lfs", "attack-mask.lfs"])
def test_hack_detect_follows_the_presentation(url: str, samples: dict[str, bytes], sample: str) -> None:
    envelope = call(url, Endpoint.HACK, files=liveness(samples, sample))
    score = envelope["data"]["hack_score"]
    assert 0 <= score < 1
    assert (score > 0.98) == sample.startswith("attack")
    assert score < 0.2 or score > 0.984  # far from the threshold either way
    assert envelope["charge"] == 1


def test_selfie_same_and_different_person(url: str, samples: dict[str, bytes]) -> None:
    same = call(url, Endpoint.SELFIE, files={**liveness(samples), "selfie_file": samples["zhang-san-selfie.jpg"]})
    other = call(url, Endpoint.SELFIE, files={**liveness(samples), "selfie_file": samples["li-si-selfie.jpg"]})
    assert same["data"]["face_score"] >= 0.8 and same["charge"] == 1
    assert other["data"]["face_score"] < 0.4 and other["charge"] == 1
    assert set(same["data"]) == {"face_score", "liveness_encrypt_data_id", "image_id"}


def test_selfie_auto_hack_and_auto_rotate(url: str, samples: dict[str, bytes]) -> None:
    files = {**liveness(samples, "attack-screen.lfs"), "selfie_file": samples["li-si-selfie.jpg"]}
    data = call(url, Endpoint.SELFIE, {"selfie_auto_hack": "true", "selfie_auto_rotate": "true"}, files)["data"]
    assert data["hack_score"] > 0.98 and data["face_score"] >= 0.8


def test_parse_reports_the_capture(url: str, samples: dict[str, bytes]) -> None:
    envelope = call(url, Endpoint.PARSE, files=liveness(samples, "unknown-motion.lfs"))
    data = envelope["data"]
    assert data["liveness_result"] is True
    assert data["motion_process"] == [1, 3, 4]
    assert {"image_id", "video_id", "liveness_encrypt_data_id"} <= set(data)
    assert envelope["charge"] == 1
    failed = call(url, Endpoint.PARSE, files=liveness(samples, "liveness-failed.lfs"))
    assert failed["data"]["liveness_result"] is False


def test_every_answer_parses_with_the_clients_envelope_reader(url: str, samples: dict[str, bytes]) -> None:
    for endpoint in Endpoint:
        envelope = parse_envelope(call(url, endpoint, {"detection_type": "liveness", **ZHANG},
                                       {**liveness(samples), "selfie_file": samples["zhang-san-selfie.jpg"]}))
        assert envelope.code == "0000", endpoint


# --- order of checks ------------------------------------------------------------------------------------


def test_unknown_path_comes_first(url: str) -> None:
    assert call(url, "/v2/sdk/liveness_hack_dectect", signature="wrong", sequence_id=None)["code"] == "1012"
    assert call(url, spec(Endpoint.TOKEN).path + "/")["code"] == "1012"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"secret": "not-the-secret"},
        {"api_id": "someone-else"},
        {"api_id": ""},
        {"signature": ""},
        {"signature": "0" * 64},
        {"timestamp": "yesterday"},
        {"timestamp": "²³"},
        {"timestamp": ""},
    ],
)
def test_signature_and_timestamp_failures_are_1000(url: str, kwargs: dict[str, Any]) -> None:
    envelope = call(url, Endpoint.TOKEN, {"detection_type": "liveness"}, **kwargs)
    assert (envelope["code"], envelope["msg"], envelope["charge"]) == ("1000", "验签失败", 2)


@pytest.mark.parametrize(("offset", "scale"), [(-310, 1), (310, 1), (-310, 1000), (310, 1000)])
def test_a_timestamp_more_than_300_s_off_is_1000(url: str, offset: int, scale: int) -> None:
    stamp = str(int((time.time() + offset) * scale))
    assert call(url, Endpoint.TOKEN, {"detection_type": "liveness"}, timestamp=stamp)["code"] == "1000"


def test_the_signature_is_exactly_lowercase_hex(url: str) -> None:
    stamp = make_timestamp()
    upper = sign(SANDBOX_API_ID, SANDBOX_API_SECRET, stamp).upper()
    assert call(url, Endpoint.TOKEN, {"detection_type": "liveness"}, timestamp=stamp, signature=upper)["code"] == "1000"


@pytest.mark.parametrize("stamp", [lambda: str(int(time.time())), lambda: str(int(time.time() * 1000)),
                                   lambda: str(int(time.time()) - 290)])
def test_seconds_and_milliseconds_within_300_s_are_accepted(url: str, stamp: object) -> None:
    assert call(url, Endpoint.TOKEN, {"detection_type": "liveness"}, timestamp=stamp())["code"] == "0000"  # type: ignore[operator]


def test_signature_is_checked_before_parameters(url: str) -> None:
    assert call(url, Endpoint.TOKEN, {"detection_type": "x"}, sequence_id=None, secret="bad")["code"] == "1000"


@pytest.mark.parametrize(
    ("fields", "query_sequence"),
    [({"detection_type": "liveness", "extra": b"\xff\xfe"}, "seq"), ({"detection_type": "liveness"}, b"\xffseq")],
)
def test_non_utf8_fields_are_1001(url: str, fields: dict[str, str | bytes], query_sequence: str | bytes) -> None:
    assert call(url, Endpoint.TOKEN, fields, sequence_id=query_sequence)["code"] == "1001"


def test_utf8_is_checked_before_required_parameters(url: str, samples: dict[str, bytes]) -> None:
    assert call(url, Endpoint.ID_NUMBER, {"name": "张三".encode("gbk")}, liveness(samples))["code"] == "1001"


@pytest.mark.parametrize(
    ("endpoint", "fields", "with_liveness"),
    [
        (Endpoint.TOKEN, {}, False),
        (Endpoint.TOKEN, {"detection_type": "silent_liveness"}, False),
        (Endpoint.TOKEN, {"detection_type": "LIVENESS"}, False),
        (Endpoint.ID_NUMBER, {"id_number": ZHANG_SAN.id_number}, True),
        (Endpoint.ID_NUMBER, {"name": ZHANG_SAN.name}, True),
        (Endpoint.ID_NUMBER, {"name": "  ", "id_number": ZHANG_SAN.id_number}, True),
        (Endpoint.ID_NUMBER, {**ZHANG, "id_number": ZHANG_SAN.id_number[:17] + "1"}, True),  # check character
        (Endpoint.ID_NUMBER, {**ZHANG, "id_number": "1101051949123"}, True),
        (Endpoint.ID_NUMBER, {**ZHANG, "auto_hack": "yes"}, True),
        (Endpoint.ID_NUMBER, {**ZHANG, "auto_hack": "True"}, True),
        (Endpoint.ID_NUMBER, ZHANG, False),
        (Endpoint.HACK, {}, False),
        (Endpoint.HACK, {"liveness_encrypt_data_url": "", "liveness_encrypt_data_id": ""}, False),
        (Endpoint.PARSE, {}, False),
        (Endpoint.SELFIE, {}, True),  # no selfie source
        (Endpoint.SELFIE, {"selfie_url": "http://127.0.0.1:9/x.jpg", "selfie_auto_hack": "1"}, True),
        (Endpoint.SELFIE, {"selfie_url": "http://127.0.0.1:9/x.jpg", "selfie_auto_rotate": "on"}, True),
    ],
)
def test_missing_or_bad_parameters_are_1002(url: str, samples: dict[str, bytes], endpoint: Endpoint,
                                            fields: dict[str, str | bytes], with_liveness: bool) -> None:
    envelope = call(url, endpoint, fields, liveness(samples) if with_liveness else None)
    assert (envelope["code"], envelope["charge"]) == ("1002", 2)


def test_missing_sequence_id_is_1002(url: str) -> None:
    assert call(url, Endpoint.TOKEN, {"detection_type": "liveness"}, sequence_id=None)["code"] == "1002"
    assert call(url, Endpoint.TOKEN, {"detection_type": "liveness"}, sequence_id="")["code"] == "1002"


# --- liveness files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", ["not-an-image.txt", "zhang-san-id-photo.png"])
def test_a_file_that_is_not_a_sandbox_liveness_file_is_1003(url: str, samples: dict[str, bytes],
                                                            content: str) -> None:
    for endpoint in (Endpoint.ID_NUMBER, Endpoint.HACK, Endpoint.PARSE):
        envelope = call(url, endpoint, ZHANG, {"liveness_encrypt_data": samples[content]})
        assert (envelope["code"], envelope["msg"], envelope["charge"]) == ("1003", "加密文件错误", 2)


def test_a_10_mb_liveness_file_is_accepted_one_byte_more_is_1002(url: str, samples: dict[str, bytes]) -> None:
    face = samples["zhang-san-id-photo.png"]
    limit = make_liveness_file(face, [0], pad_to=LIVENESS_FILE_MAX_BYTES)
    assert call(url, Endpoint.PARSE, files={"liveness_encrypt_data": limit})["code"] == "0000"
    over = limit + b"\0"
    assert call(url, Endpoint.PARSE, files={"liveness_encrypt_data": over})["code"] == "1002"


@pytest.mark.parametrize(("endpoint", "code"), [(Endpoint.PARSE, "1002"), (Endpoint.SELFIE, "1013")])
def test_an_oversized_body_is_refused_early(url: str, endpoint: Endpoint, code: str) -> None:
    body = bytes(18 * 2**20)  # over both the 12 MB and the selfie call's 17 MB limit
    envelope = call(url, endpoint, files={"liveness_encrypt_data": body})
    assert (envelope["code"], envelope["charge"]) == (code, 2)


# --- selfie errors -----------------------------------------------------------------------------------


def _webp() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(out, "WEBP")
    return out.getvalue()


@pytest.mark.parametrize(
    ("selfie", "code"),
    [
        (lambda s: s["not-an-image.txt"], "1015"),
        (lambda s: s["zhang-san-id-photo.png"][:300], "1015"),  # the header reads, the pixels do not
        (lambda s: s["oversized-4001px.png"], "1016"),
        (lambda s: _webp(), "1016"),
        (lambda s: bytes(SELFIE_MAX_BYTES + 1), "1013"),
        (lambda s: s["blank-selfie.png"], "1004"),
    ],
)
def test_selfie_image_errors(url: str, samples: dict[str, bytes], selfie: object, code: str) -> None:
    files = {**liveness(samples), "selfie_file": selfie(samples)}  # type: ignore[operator]
    envelope = call(url, Endpoint.SELFIE, files=files)
    assert (envelope["code"], envelope["charge"]) == (code, 2)


def test_an_unknown_selfie_image_id_is_1014(url: str, samples: dict[str, bytes]) -> None:
    envelope = call(url, Endpoint.SELFIE, {"selfie_image_id": "0" * 32}, liveness(samples))
    assert (envelope["code"], envelope["msg"]) == ("1014", "图片不存在")


@pytest.mark.parametrize("capture", ["no-face.lfs", "quality-fail.lfs"])
def test_a_capture_without_a_usable_face_is_1004_for_hack_and_selfie(url: str, samples: dict[str, bytes],
                                                                     capture: str) -> None:
    files = {**liveness(samples, capture), "selfie_file": samples["zhang-san-selfie.jpg"]}
    for endpoint in (Endpoint.HACK, Endpoint.SELFIE):
        assert call(url, endpoint, files=files)["code"] == "1004"
    assert call(url, Endpoint.PARSE, files=files)["code"] == "0000"


# --- stored ids and source priority ----------------------------------------------------------------


def test_stored_ids_can_be_reused(url: str, samples: dict[str, bytes]) -> None:
    parsed = call(url, Endpoint.PARSE, files=liveness(samples))["data"]
    liveness_id, face_id = parsed["liveness_encrypt_data_id"], parsed["image_id"]
    by_id = {"liveness_encrypt_data_id": liveness_id}
    id_call = call(url, Endpoint.ID_NUMBER, {**ZHANG, **by_id})["data"]
    assert id_call["certificate_score"] >= 45 and id_call["liveness_encrypt_data_id"] == liveness_id
    assert call(url, Endpoint.HACK, by_id)["data"]["liveness_encrypt_data_id"] == liveness_id
    # The capture's own face, by its image id, as the selfie: identical pictures.
    assert call(url, Endpoint.SELFIE, {**by_id, "selfie_image_id": face_id})["data"]["face_score"] == 1.0
    first = call(url, Endpoint.SELFIE, by_id, {"selfie_file": samples["zhang-san-selfie.jpg"]})["data"]
    again = call(url, Endpoint.SELFIE, {**by_id, "selfie_image_id": first["image_id"]})["data"]
    assert again == first


def test_the_same_upload_gets_the_same_id(url: str, samples: dict[str, bytes]) -> None:
    ids = {call(url, Endpoint.HACK, files=liveness(samples))["data"]["liveness_encrypt_data_id"] for _ in range(2)}
    assert len(ids) == 1


def test_an_unknown_liveness_id_is_1002(url: str) -> None:
    assert call(url, Endpoint.HACK, {"liveness_encrypt_data_id": "f" * 32})["code"] == "1002"


def test_liveness_priority_is_id_then_file_then_url(url: str, samples: dict[str, bytes]) -> None:
    li_id = call(url, Endpoint.PARSE, files=liveness(samples, "li-si.lfs"))["data"]["liveness_encrypt_data_id"]
    zhang_upload = liveness(samples)
    unreachable = {"liveness_encrypt_data_url": "http://127.0.0.1:9/never.lfs"}
    by_id = call(url, Endpoint.PARSE, {"liveness_encrypt_data_id": li_id, **unreachable}, zhang_upload)["data"]
    assert by_id["liveness_encrypt_data_id"] == li_id and by_id["motion_process"] == [2, 0]
    by_file = call(url, Endpoint.PARSE, unreachable, zhang_upload)["data"]
    assert by_file["motion_process"] == [0, 1, 3]


def test_selfie_priority_is_id_then_file_then_url(url: str, samples: dict[str, bytes]) -> None:
    li_selfie = call(url, Endpoint.SELFIE, files={**liveness(samples), "selfie_file": samples["li-si-selfie.jpg"]})
    li_image_id = li_selfie["data"]["image_id"]
    unreachable = {"selfie_url": "http://127.0.0.1:9/never.jpg"}
    zhang_file = {**liveness(samples), "selfie_file": samples["zhang-san-selfie.jpg"]}
    by_id = call(url, Endpoint.SELFIE, {"selfie_image_id": li_image_id, **unreachable}, zhang_file)["data"]
    assert by_id["image_id"] == li_image_id and by_id["face_score"] < 0.4
    by_file = call(url, Endpoint.SELFIE, unreachable, zhang_file)["data"]
    assert by_file["face_score"] >= 0.8


# --- URL sources ---------------------------------------------------------------------------------------


def test_url_sources_fetch_the_served_samples(sandbox: Sandbox) -> None:
    fields = {"liveness_encrypt_data_url": sandbox.sample_url("zhang-san.lfs"),
              "selfie_url": sandbox.sample_url("zhang-san-selfie.jpg")}
    envelope = call(sandbox.base_url, Endpoint.SELFIE, fields)
    assert envelope["code"] == "0000" and envelope["data"]["face_score"] >= 0.8


def test_a_url_that_fails_is_1006(sandbox: Sandbox, samples: dict[str, bytes]) -> None:
    for address in (sandbox.sample_url("no-such-file.lfs"), "http://127.0.0.1:9/closed-port.lfs", "ftp://x/y"):
        assert call(sandbox.base_url, Endpoint.HACK, {"liveness_encrypt_data_url": address})["code"] == "1006"
    selfie = {"selfie_url": sandbox.sample_url("missing.jpg")}
    assert call(sandbox.base_url, Endpoint.SELFIE, selfie, liveness(samples))["code"] == "1006"


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A port that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow.lfs"


def test_a_url_that_times_out_is_1005(url: str, silent_server: str) -> None:
    started = time.monotonic()
    envelope = call(url, Endpoint.PARSE, {"liveness_encrypt_data_url": silent_server})
    assert (envelope["code"], envelope["msg"]) == ("1005", "网络图片获取超时")
    assert time.monotonic() - started < 3


# --- billing summary -------------------------------------------------------------------------------------


def test_billing_rule_per_endpoint(url: str, samples: dict[str, bytes]) -> None:
    mismatch = {"name": LI_SI.name, "id_number": ZHANG_SAN.id_number}
    cases = [
        (Endpoint.TOKEN, {"detection_type": "liveness"}, {}, 2),
        (Endpoint.ID_NUMBER, ZHANG, liveness(samples), 1),
        (Endpoint.ID_NUMBER, mismatch, liveness(samples), 1),  # check_result 1, id_name 2: still billed
        (Endpoint.ID_NUMBER, ZHANG, liveness(samples, "quality-fail.lfs"), 2),  # check_result 2
        (Endpoint.ID_NUMBER, ZHANG, liveness(samples, "not-an-image.txt"), 2),  # 1003
        (Endpoint.HACK, {}, liveness(samples), 1),
        (Endpoint.HACK, {}, liveness(samples, "no-face.lfs"), 2),
        (Endpoint.SELFIE, {}, {**liveness(samples), "selfie_file": samples["li-si-selfie.jpg"]}, 1),
        (Endpoint.SELFIE, {}, {**liveness(samples), "selfie_file": samples["blank-selfie.png"]}, 2),
        (Endpoint.PARSE, {}, liveness(samples, "liveness-failed.lfs"), 1),
        (Endpoint.PARSE, {}, {}, 2),
    ]
    for endpoint, fields, files, charge in cases:
        assert call(url, endpoint, fields, files)["charge"] == charge, (endpoint, fields)


# --- concurrency ------------------------------------------------------------------------------------------


def test_concurrent_calls(url: str, samples: dict[str, bytes]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda _: post(url, Endpoint.PARSE, files=liveness(samples)).json()["code"], range(16)))
    assert codes == ["0000"] * 16

"""Each fault mode, injected in process and over the HTTP control endpoint."""

from __future__ import annotations

import json
import time

import pytest
import requests

from app.core.contract import Endpoint, parse_envelope
from app.core.endpoints import parse_data
from app.core.errors import ProtocolError
from app.sandbox.faults import ENVELOPE_FIELDS, Fault
from app.sandbox.people import ZHANG_SAN
from app.sandbox.server import Sandbox
from tests.sandbox.helpers import call, post

ZHANG = {"name": ZHANG_SAN.name, "id_number": ZHANG_SAN.id_number}


@pytest.fixture
def zhang_file(samples: dict[str, bytes]) -> dict[str, bytes]:
    return {"liveness_encrypt_data": samples["zhang-san.lfs"]}


def test_delay(sandbox: Sandbox) -> None:
    sandbox.inject(Fault(delay=0.3))
    started = time.monotonic()
    assert call(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"})["code"] == "0000"
    assert time.monotonic() - started >= 0.3
    sandbox.inject(Fault(delay=0.5))
    with pytest.raises(requests.ReadTimeout):
        post(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"}, timeout=0.1)


@pytest.mark.parametrize("status", [502, 503, 504])
def test_http_error_with_an_html_page(sandbox: Sandbox, status: int) -> None:
    sandbox.inject(Fault(http_status=status))
    response = post(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"})
    assert response.status_code == status
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.text.startswith("<html>") and str(status) in response.text
    assert response.headers["X-LinkFace-Sandbox"] == "1"


def test_truncated_json(sandbox: Sandbox, zhang_file: dict[str, bytes]) -> None:
    sandbox.inject(Fault(body="truncated"))
    response = post(sandbox.base_url, Endpoint.ID_NUMBER, ZHANG, zhang_file)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/json")
    assert response.text.startswith('{"request_id": "SANDBOX-')
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.text)


def test_not_json(sandbox: Sandbox) -> None:
    sandbox.inject(Fault(body="not_json"))
    response = post(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"})
    assert response.headers["Content-Type"].startswith("text/plain")
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.text)


@pytest.mark.parametrize(("code", "msg"), [("1008", "应用过期"), ("1009", "调用频率过高"), ("1017", "数据源服务出错"),
                                           ("9999", "其他错误"), ("1234", "未知错误码 1234")])
def test_any_error_code_in_a_proper_envelope(sandbox: Sandbox, zhang_file: dict[str, bytes], code: str,
                                             msg: str) -> None:
    sandbox.inject(Fault(code=code))
    envelope = call(sandbox.base_url, Endpoint.ID_NUMBER, ZHANG, zhang_file)
    assert (envelope["code"], envelope["msg"], envelope["charge"]) == (code, msg, 2)


def test_numeric_code(sandbox: Sandbox) -> None:
    sandbox.inject(Fault(numeric_code=True))
    payload = post(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"}).json()
    assert payload["code"] == 0
    assert parse_envelope(payload).code == "0000"
    sandbox.inject(Fault(numeric_code=True, code="1009"))
    assert post(sandbox.base_url, Endpoint.TOKEN).json()["code"] == 1009


def test_alternate_field_names_for_id_number(sandbox: Sandbox, zhang_file: dict[str, bytes]) -> None:
    plain = call(sandbox.base_url, Endpoint.ID_NUMBER, ZHANG, zhang_file)["data"]
    sandbox.inject(Fault(alt_fields=True))
    data = post(sandbox.base_url, Endpoint.ID_NUMBER, ZHANG, zhang_file).json()["data"]
    assert set(data) == {"result", "id_name", "photo", "score", "liveness_encrypt_data_id"}
    assert parse_data(Endpoint.ID_NUMBER, data) == parse_data(Endpoint.ID_NUMBER, plain)


@pytest.mark.parametrize("endpoint", [Endpoint.HACK, Endpoint.SELFIE])
def test_alternate_hack_score_name(sandbox: Sandbox, samples: dict[str, bytes], endpoint: Endpoint) -> None:
    files = {"liveness_encrypt_data": samples["zhang-san.lfs"], "selfie_file": samples["zhang-san-selfie.jpg"]}
    sandbox.inject(Fault(alt_fields=True))
    data = post(sandbox.base_url, endpoint, {"selfie_auto_hack": "true"}, files).json()["data"]
    assert "score" in data and "hack_score" not in data
    if endpoint is Endpoint.HACK:
        assert parse_data(Endpoint.HACK, data).hack_score == data["score"]


@pytest.mark.parametrize("field", ENVELOPE_FIELDS)
def test_wrong_typed_envelope_field(sandbox: Sandbox, field: str) -> None:
    sandbox.inject(Fault(wrong_type=field))
    payload = post(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"}).json()
    with pytest.raises(ProtocolError):
        parse_envelope(payload)


def test_a_fault_applies_to_the_next_count_calls(sandbox: Sandbox) -> None:
    sandbox.inject(Fault(code="1009"), count=2)
    codes = [call(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"})["code"] for _ in range(3)]
    assert codes == ["1009", "1009", "0000"]


def test_faults_wait_for_api_calls(sandbox: Sandbox) -> None:
    sandbox.inject(Fault(code="1011"))
    assert requests.get(sandbox.sample_url(""), timeout=5).status_code == 200
    assert call(sandbox.base_url, "/v2/unknown")["code"] == "1012"
    assert call(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"})["code"] == "1011"


def test_fault_control_over_http(sandbox: Sandbox) -> None:
    control = sandbox.base_url + "/_sandbox/fault"
    answer = requests.post(control, json={"code": "1010", "numeric_code": True, "count": 2}, timeout=5)
    assert answer.json() == {"pending": 2}
    assert post(sandbox.base_url, Endpoint.TOKEN).json()["code"] == 1010
    assert requests.delete(control, timeout=5).json() == {"pending": 0}
    assert call(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"})["code"] == "0000"


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[1]", b"{}", b'{"code": "0000"}', b'{"code": 1008}', b'{"delay": "2"}', b'{"delay": true}',
     b'{"http_status": 200}', b'{"body": "half"}', b'{"wrong_type": "token"}', b'{"colour": "red"}',
     b'{"code": "1008", "count": 0}', b'{"code": "1008", "count": "2"}', b'{"code": null}'],
)
def test_fault_control_rejects_bad_requests(sandbox: Sandbox, body: bytes) -> None:
    answer = requests.post(sandbox.base_url + "/_sandbox/fault", data=body, timeout=5)
    assert answer.status_code == 400 and "error" in answer.json()
    assert sandbox.pending_faults() == 0


def test_a_fault_must_change_something() -> None:
    with pytest.raises(ValueError):
        Fault()
    with pytest.raises(ValueError):
        Sandbox().inject(Fault(delay=1), count=0)

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.contract import (
    DATA_TYPES,
    Endpoint,
    HackData,
    IdNumberData,
    ParseData,
    SelfieData,
    normalize_code,
    parse_envelope,
)
from app.core.errors import CATALOGUE, ProtocolError, describe


def test_paths_are_the_documents_request_urls() -> None:
    assert Endpoint.HACK.path == "/v2/sdk/hackness/liveness_hack_detect"
    assert Endpoint.TOKEN.path == "/v2/sdk/get_token"
    assert Endpoint.ID_NUMBER.path == "/v2/sdk/identity/liveness_idnumber_verification"
    assert Endpoint.SELFIE.path == "/v2/sdk/identity/liveness_selfie_verification"
    assert Endpoint.PARSE.path == "/v2/sdk/liveness/parse_liveness_result"


def test_envelope_strict_reading() -> None:
    env = parse_envelope({"request_id": "r", "code": "1000", "msg": "验签失败", "charge": 2})
    assert (env.code, env.billed, env.data) == ("1000", False, None)
    assert parse_envelope({"request_id": "r", "code": 0, "charge": 1, "data": {}}).code == "0000"
    assert normalize_code(1009) == "1009"
    for bad in (
        [],
        {"code": "0000", "charge": 1, "data": {}},  # no request_id
        {"request_id": "r", "code": "0000", "charge": "1", "data": {}},
        {"request_id": "r", "code": "0000", "charge": 3, "data": {}},
        {"request_id": "r", "code": "0000", "charge": 1},  # success without data
        {"request_id": "r", "code": True, "charge": 1},
        {"request_id": "r", "code": "0000", "charge": 1, "data": []},
        {"request_id": 5, "code": "0000", "charge": 1, "data": {}},
    ):
        with pytest.raises(ProtocolError):
            parse_envelope(bad)


def test_document_alias_spellings_accepted() -> None:
    data = IdNumberData.from_json({"result": 1, "id_name": 1, "photo": 1, "score": 50})
    assert (data.check_result, data.id_name_result, data.photo_result, data.certificate_score) == (1, 1, 1, 50.0)
    canonical = IdNumberData.from_json({"check_result": 1, "score": 10, "certificate_score": 60})
    assert canonical.certificate_score == 60.0  # the canonical name wins over the alias
    assert HackData.from_json({"score": 0.5}).hack_score == 0.5
    assert SelfieData.from_json({"face_score": 0.8, "score": 0.99}).hack_score == 0.99


def test_no_guessing_beyond_listed_aliases() -> None:
    with pytest.raises(ProtocolError):
        SelfieData.from_json({"verify_score": 0.8})
    with pytest.raises(ProtocolError):
        HackData.from_json({"hack": 0.5})


def test_parse_data_types() -> None:
    data = ParseData.from_json({"liveness_result": True, "motion_process": [1, 3, 4], "image_id": "i"})
    assert data.motion_process == (1, 3, 4)
    for bad in ({"liveness_result": "true"}, {"liveness_result": True, "motion_process": [1, "2"]},
                {"liveness_result": True, "motion_process": [True]}):
        with pytest.raises(ProtocolError):
            ParseData.from_json(bad)


def test_catalogue_has_every_documented_code() -> None:
    documented = {"0000", *(f"{n}" for n in range(1000, 1018)), "9999"}
    assert documented <= set(CATALOGUE)
    for info in CATALOGUE.values():
        assert info.zh and info.en and info.remedy_zh and info.remedy_en
    assert "clock" in describe("1000").remedy_en
    assert "retake" in describe("1004").remedy_en
    assert "Wait" in describe("1009").remedy_en
    unknown = describe("4242")
    assert not unknown.known and "4242" in unknown.en


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=6),
    max_leaves=20,
)
field_names = st.sampled_from(
    ["request_id", "code", "msg", "data", "charge", "check_result", "id_name_result", "photo_result",
     "certificate_score", "hack_score", "face_score", "score", "result", "id_name", "photo",
     "liveness_result", "motion_process", "image_id", "video_id", "token", "liveness_encrypt_data_id"]
)


@given(st.dictionaries(field_names, json_values, max_size=8), st.sampled_from(list(Endpoint)))
def test_response_parser_fuzz_only_raises_protocol_error(payload: dict[str, Any], endpoint: Endpoint) -> None:
    try:
        env = parse_envelope(payload)
        DATA_TYPES[endpoint].from_json(env.data or {})
    except ProtocolError:
        pass
    try:
        DATA_TYPES[endpoint].from_json(payload)
    except ProtocolError:
        pass


@given(st.text(max_size=60))
def test_envelope_fuzz_on_arbitrary_json_text(text: str) -> None:
    try:
        payload = json.loads(text)
    except ValueError:
        return
    try:
        parse_envelope(payload)
    except ProtocolError:
        pass

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.catalogue.codes import CODES
from app.core import contract
from app.core.contract import (
    LIVENESS_FIELDS,
    SELFIE_FIELDS,
    CallResult,
    Endpoint,
    Envelope,
    FileSource,
    HackData,
    HackRequest,
    IdNumberData,
    IdNumberRequest,
    ParseData,
    ParseRequest,
    SelfieData,
    SelfieRequest,
    StoredIdSource,
    TokenData,
    TokenRequest,
    UrlSource,
    _short_repr,
    normalize_code,
    parse_envelope,
)
from app.core.endpoints import form_values, parse_data, spec
from app.core.errors import DOCUMENTED_CODES, ApiError, Billing, ProtocolError
from tests.words import error_words


def test_paths_are_the_documents_request_urls() -> None:
    assert spec(Endpoint.HACK).path == "/v2/sdk/hackness/liveness_hack_detect"
    assert spec(Endpoint.TOKEN).path == "/v2/sdk/get_token"
    assert spec(Endpoint.ID_NUMBER).path == "/v2/sdk/identity/liveness_idnumber_verification"
    assert spec(Endpoint.SELFIE).path == "/v2/sdk/identity/liveness_selfie_verification"
    assert spec(Endpoint.PARSE).path == "/v2/sdk/liveness/parse_liveness_result"


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
    data = parse_data(Endpoint.ID_NUMBER, {"result": 1, "id_name": 1, "photo": 1, "score": 50})
    assert (data.check_result, data.id_name_result, data.photo_result, data.certificate_score) == (1, 1, 1, 50.0)
    canonical = parse_data(Endpoint.ID_NUMBER, {"check_result": 1, "score": 10, "certificate_score": 60})
    assert canonical.certificate_score == 60.0  # the canonical name wins over the alias
    assert parse_data(Endpoint.HACK, {"score": 0.5}).hack_score == 0.5
    assert parse_data(Endpoint.SELFIE, {"face_score": 0.8, "score": 0.99}).hack_score == 0.99


def test_no_guessing_beyond_listed_aliases() -> None:
    with pytest.raises(ProtocolError):
        parse_data(Endpoint.SELFIE, {"verify_score": 0.8})
    with pytest.raises(ProtocolError):
        parse_data(Endpoint.HACK, {"hack": 0.5})


def test_parse_data_types() -> None:
    data = parse_data(Endpoint.PARSE, {"liveness_result": True, "motion_process": [1, 3, 4], "image_id": "i"})
    assert data.motion_process == (1, 3, 4)
    for bad in ({"liveness_result": "true"}, {"liveness_result": True, "motion_process": [1, "2"]},
                {"liveness_result": True, "motion_process": [True]}):
        with pytest.raises(ProtocolError):
            parse_data(Endpoint.PARSE, bad)


def remedy_en(code: str) -> str:
    (_, remedy), _ = error_words(ApiError(code, None, "r", 2, "s"))
    return remedy


def test_catalogue_has_every_documented_code() -> None:
    documented = {"0000", *(f"{n}" for n in range(1000, 1018)), "9999"}
    assert documented == set(DOCUMENTED_CODES) == set(CODES)
    for code in documented:
        (what, remedy), (what_zh, remedy_zh) = error_words(ApiError(code, None, "r", 2, "s"))
        assert what and remedy and what_zh and remedy_zh and what_zh != what and remedy_zh != remedy
    assert "clock" in remedy_en("1000")
    assert "retake" in remedy_en("1004")
    assert "Wait" in remedy_en("1009")
    unknown = ApiError("4242", None, "r", 2, "s")
    (what, _), (what_zh, _) = error_words(unknown)
    assert not unknown.known and "4242" in what and "4242" in what_zh


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
        parse_data(endpoint, env.data or {})
    except ProtocolError:
        pass
    try:
        parse_data(endpoint, payload)
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


# --- exact protocol errors: each names the field, the expectation and (bounded) what came ------


def protocol_error(call, *args) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ProtocolError) as info:
        call(*args)
    return str(info.value)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"check_result": "1"}, "field 'check_result' should be an integer, got str '1'"),
        ({"check_result": True}, "field 'check_result' should be an integer, got bool True"),
        ({"check_result": 1.0}, "field 'check_result' should be an integer, got float 1.0"),
        ({"result": [1]}, "field 'check_result' should be an integer, got list [1]"),  # the canonical name
        ({}, "field 'check_result' is missing"),
        ({"check_result": None}, "field 'check_result' is missing"),
        ({"check_result": 1, "id_name_result": "2"}, "field 'id_name_result' should be an integer, got str '2'"),
        ({"check_result": 1, "liveness_encrypt_data_id": 5},
         "field 'liveness_encrypt_data_id' should be a string, got int 5"),
        ({"check_result": 1, "certificate_score": "50"}, "field 'certificate_score' should be a number, got str '50'"),
        ({"check_result": 1, "certificate_score": False},
         "field 'certificate_score' should be a number, got bool False"),
        ({"check_result": 1, "certificate_score": 100.5},
         "field 'certificate_score' should be a number from 0 to 100, got float 100.5"),
        ({"check_result": 1, "score": -1}, "field 'certificate_score' should be a number from 0 to 100, got int -1"),
        ({"check_result": 1, "hack_score": 1.01}, "field 'hack_score' should be a number from 0 to 1, got float 1.01"),
        ({"check_result": 1, "hack_score": float("nan")},
         "field 'hack_score' should be a number from 0 to 1, got float nan"),
        ({"check_result": 1, "hack_score": float("inf")},
         "field 'hack_score' should be a number from 0 to 1, got float inf"),
        ({"check_result": 1, "hack_score": 10**400},
         "field 'hack_score' should be a number from 0 to 1, got int 100000000000000000...0000000000000000000"),
    ],
)
def test_id_number_data_errors_word_for_word(payload: dict[str, Any], message: str) -> None:
    assert protocol_error(parse_data, Endpoint.ID_NUMBER, payload) == message  # with the aliases it allows


def test_score_bounds_are_inclusive() -> None:
    for score in (0, 0.0, 100, 100.0, 40):
        data = parse_data(Endpoint.ID_NUMBER, {"check_result": 1, "certificate_score": score})
        assert isinstance(data, IdNumberData) and data.certificate_score == score
    assert parse_data(Endpoint.HACK, {"hack_score": 1}).hack_score == 1.0
    assert parse_data(Endpoint.HACK, {"hack_score": 0}).hack_score == 0.0
    assert type(parse_data(Endpoint.HACK, {"hack_score": 1}).hack_score) is float
    assert protocol_error(HackData.from_json, {"hack_score": -0.0001}) == (
        "field 'hack_score' should be a number from 0 to 1, got float -0.0001")


@pytest.mark.parametrize(
    ("kind", "payload", "message"),
    [
        (TokenData, {}, "field 'token' is missing"),
        (TokenData, {"token": 5}, "field 'token' should be a string, got int 5"),
        (HackData, {}, "field 'hack_score' is missing"),
        (HackData, {"score": "0.5"}, "field 'hack_score' should be a number, got str '0.5'"),
        (SelfieData, {}, "field 'face_score' is missing"),
        (SelfieData, {"face_score": 2}, "field 'face_score' should be a number from 0 to 1, got int 2"),
        (SelfieData, {"face_score": 0.5, "image_id": 7}, "field 'image_id' should be a string, got int 7"),
        (ParseData, {}, "field 'liveness_result' should be true or false, got NoneType None"),
        (ParseData, {"liveness_result": "true"}, "field 'liveness_result' should be true or false, got str 'true'"),
        (ParseData, {"liveness_result": 1}, "field 'liveness_result' should be true or false, got int 1"),
        (ParseData, {"liveness_result": True, "motion_process": [1, "2"]},
         "field 'motion_process' should be a list of integers, got list [1, '2']"),
        (ParseData, {"liveness_result": True, "motion_process": [True]},
         "field 'motion_process' should be a list of integers, got list [True]"),
        (ParseData, {"liveness_result": True, "motion_process": "1,2"},
         "field 'motion_process' should be a list of integers, got str '1,2'"),
        (ParseData, {"liveness_result": True, "video_id": []}, "field 'video_id' should be a string, got list []"),
    ],
)
def test_result_errors_word_for_word(kind: Any, payload: dict[str, Any], message: str) -> None:
    endpoint = {TokenData: Endpoint.TOKEN, HackData: Endpoint.HACK, SelfieData: Endpoint.SELFIE,
                ParseData: Endpoint.PARSE}[kind]
    assert protocol_error(parse_data, endpoint, payload) == message  # with the aliases the endpoint allows


def test_parse_data_reads_every_field() -> None:
    data = parse_data(Endpoint.PARSE, {"liveness_result": False, "motion_process": [2, 0], "image_id": "i",
                                       "video_id": "v", "liveness_encrypt_data_id": "l"})
    assert data == ParseData(False, (2, 0), "i", "v", "l")
    assert parse_data(Endpoint.PARSE, {"liveness_result": True}) == ParseData(True, (), None, None, None)
    assert parse_data(Endpoint.PARSE, {"liveness_result": True, "motion_process": None}).motion_process == ()


def test_other_results_read_every_field() -> None:
    assert parse_data(Endpoint.SELFIE, {"face_score": 0.5, "hack_score": 0.1, "liveness_encrypt_data_id": "l",
                                 "image_id": "i"}) == SelfieData(0.5, 0.1, "l", "i")
    assert parse_data(Endpoint.HACK, {"hack_score": 0.5, "liveness_encrypt_data_id": "l"}) == HackData(0.5, "l")
    assert parse_data(Endpoint.ID_NUMBER, {"check_result": 1, "id_name_result": 1, "photo_result": 2,
                                           "certificate_score": 3, "hack_score": 0.5,
                                           "liveness_encrypt_data_id": "l"}) == IdNumberData(
        1, 1, 2, 3.0, 0.5, "l")
    assert parse_data(Endpoint.ID_NUMBER, {"check_result": 2}) == IdNumberData(2)
    assert parse_data(Endpoint.TOKEN, {"token": "t"}) == TokenData("t")


def test_values_in_errors_are_bounded() -> None:
    message = protocol_error(TokenData.from_json, {"token": ["x" * 100] * 10})
    shown = "'xxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxx'"
    assert message == f"field 'token' should be a string, got list [{shown}, {shown}, {shown}, {shown}, ...]"
    assert protocol_error(TokenData.from_json, {"token": [[[[1]]]]}) == (
        "field 'token' should be a string, got list [[[...]]]")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("x" * 100, "'xxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxx'"),  # 40 characters of a string
        ("y" * 38, "'" + "y" * 38 + "'"),
        (list(range(10)), "[0, 1, 2, 3, ...]"),  # 4 items of a list
        ({str(i): i for i in range(10)}, "{'0': 0, '1': 1, '2': 2, '3': 3, ...}"),  # 4 entries of an object
        ([[[1]]], "[[[...]]]"),  # 2 levels deep
        ({"a": {"b": {"c": 1}}}, "{'a': {'b': {...}}}"),
        (10**60, "100000000000000000...0000000000000000000"),  # 40 digits of an integer
        (b"y" * 100, "b'yyyyyyyyyyyyyyyy...yyyyyyyyyyyyyyyyyy'"),  # 40 characters of anything else
        (1.5, "1.5"),
        (None, "None"),
    ],
)
def test_short_repr_bounds(value: Any, shown: str) -> None:
    assert _short_repr().repr(value) == shown
    assert contract._SHORT.repr(value) == shown


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (True, "field 'code' should be a string, got bool True"),
        (False, "field 'code' should be a string, got bool False"),
        (10000, "field 'code' is out of range: 10000"),
        (-1, "field 'code' is out of range: -1"),
        ("", "field 'code' should be a non-empty string, got str ''"),
        (None, "field 'code' should be a non-empty string, got NoneType None"),
        (1.0, "field 'code' should be a non-empty string, got float 1.0"),
        (["0000"], "field 'code' should be a non-empty string, got list ['0000']"),
        (b"z" * 50, "field 'code' should be a non-empty string, got bytes b'zzzzzzzzzzzzzzzz...zzzzzzzzzzzzzzzzzz'"),
    ],
)
def test_code_errors_word_for_word(code: Any, message: str) -> None:
    assert protocol_error(normalize_code, code) == message


@pytest.mark.parametrize(("code", "text"), [(0, "0000"), (7, "0007"), (1009, "1009"), (9999, "9999"), ("1000", "1000"),
                                            ("ok", "ok")])
def test_codes_read_as_four_digit_strings(code: Any, text: str) -> None:
    assert normalize_code(code) == text


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ([], "the response is JSON but not an object (list)"),
        ("0000", "the response is JSON but not an object (str)"),
        (None, "the response is JSON but not an object (NoneType)"),
        ({"code": True, "charge": 1}, "field 'code' should be a string, got bool True"),  # code is read first
        ({"request_id": "r", "code": "0000"}, "field 'charge' is missing"),
        ({"request_id": "r", "code": "0000", "charge": "1"}, "field 'charge' should be an integer, got str '1'"),
        ({"request_id": "r", "code": "0000", "charge": 3, "data": {}}, "field 'charge' should be 1 or 2, got 3"),
        ({"request_id": "r", "code": "0000", "charge": 0, "data": {}}, "field 'charge' should be 1 or 2, got 0"),
        ({"request_id": "r", "code": "1000", "charge": 2, "data": []}, "field 'data' should be an object, got list"),
        ({"request_id": "r", "code": "1000", "charge": 2, "data": "x"}, "field 'data' should be an object, got str"),
        ({"request_id": "r", "code": "0000", "charge": 1}, "code is 0000 but 'data' is missing"),
        ({"request_id": "r", "code": 0, "charge": 1, "data": None}, "code is 0000 but 'data' is missing"),
        ({"code": "0000", "charge": 1, "data": {}}, "field 'request_id' is missing"),
        ({"request_id": 5, "code": "0000", "charge": 1, "data": {}},
         "field 'request_id' should be a string, got int 5"),
        ({"request_id": "r", "code": "1000", "charge": 2, "msg": 5}, "field 'msg' should be a string, got int 5"),
    ],
)
def test_envelope_errors_word_for_word(payload: Any, message: str) -> None:
    assert protocol_error(parse_envelope, payload) == message


def test_envelope_fields_are_kept() -> None:
    env = parse_envelope({"request_id": "r-9", "code": "1000", "msg": "验签失败", "charge": 2})
    assert env == Envelope(request_id="r-9", code="1000", msg="验签失败", charge=2, data=None)
    assert (env.billed, env.billing) == (False, Billing.NOT_BILLED)
    billed = parse_envelope({"request_id": "r", "code": 0, "charge": 1, "data": {"token": "t"}})
    assert billed == Envelope(request_id="r", code="0000", msg=None, charge=1, data={"token": "t"})
    assert (billed.billed, billed.billing) == (True, Billing.BILLED)
    assert parse_envelope({"request_id": "r", "code": "1000", "charge": 2, "msg": None}).msg is None


def test_call_result_billing() -> None:
    billed = CallResult(Endpoint.HACK, HackData(0.1), "r", "s", charge=1)
    assert (billed.billed, billed.billing) == (True, Billing.BILLED)
    free = CallResult(Endpoint.HACK, HackData(0.1), "r", "s", charge=2)
    assert (free.billed, free.billing) == (False, Billing.NOT_BILLED)


@pytest.mark.parametrize(("rotate", "hack"), [(True, False), (False, True), (True, True), (False, False)])
def test_selfie_form_flags(rotate: bool, hack: bool) -> None:
    request = SelfieRequest(UrlSource("u"), StoredIdSource("s"), auto_rotate=rotate, auto_hack=hack)
    assert form_values(request) == {"selfie_auto_rotate": "true" if rotate else "false",
                                    "selfie_auto_hack": "true" if hack else "false"}
    assert [(s.fields, getattr(request, s.attribute)) for s in spec(Endpoint.SELFIE).sources] == [
        (LIVENESS_FIELDS, UrlSource("u")), (SELFIE_FIELDS, StoredIdSource("s"))]


def test_request_forms_and_sources() -> None:
    assert form_values(SelfieRequest(UrlSource("u"), UrlSource("v"))) == {"selfie_auto_rotate": "false",
                                                                           "selfie_auto_hack": "false"}
    assert form_values(IdNumberRequest("张三", "x", FileSource(Path("c.dat")))) == {
        "name": "张三", "id_number": "x", "auto_hack": "false"}
    assert form_values(IdNumberRequest("张三", "x", FileSource(Path("c.dat")), auto_hack=True))["auto_hack"] == "true"
    assert form_values(TokenRequest("liveness")) == {"detection_type": "liveness"}
    assert spec(Endpoint.TOKEN).sources == ()
    assert form_values(HackRequest(UrlSource("u"))) == {} and form_values(ParseRequest(UrlSource("u"))) == {}
    assert [s.fields for s in spec(Endpoint.PARSE).sources] == [LIVENESS_FIELDS]
    assert [s.fields for s in spec(Endpoint.HACK).sources] == [LIVENESS_FIELDS]
    assert [LIVENESS_FIELDS.name_for(s) for s in (FileSource(Path("a")), UrlSource("u"), StoredIdSource("i"))] == [
        "liveness_encrypt_data", "liveness_encrypt_data_url", "liveness_encrypt_data_id"]
    assert [SELFIE_FIELDS.name_for(s) for s in (FileSource(Path("a")), UrlSource("u"), StoredIdSource("i"))] == [
        "selfie_file", "selfie_url", "selfie_image_id"]
    assert [spec(e).billable for e in Endpoint] == [False, True, True, True, True]


# Payloads near what the server sends, so that many are accepted: a valid answer for the endpoint
# with a few fields replaced by anything (NaN, infinities, out-of-range numbers, aliases...) or removed.
_VALID_DATA: dict[Endpoint, dict[str, Any]] = {
    Endpoint.TOKEN: {"token": "t"},
    Endpoint.ID_NUMBER: {"check_result": 1, "id_name_result": 1, "photo_result": 1, "certificate_score": 50},
    Endpoint.HACK: {"hack_score": 0.1},
    Endpoint.SELFIE: {"face_score": 0.8, "hack_score": 0.1},
    Endpoint.PARSE: {"liveness_result": True, "motion_process": [0, 1]},
}
_any_value = st.one_of(
    json_values, st.floats(), st.floats(-1, 101), st.integers(-2, 102), st.booleans(), st.text(max_size=4),
    st.lists(st.integers(-1, 5) | st.booleans(), max_size=3),
    st.sampled_from([10**400, 1e999, -0.0, 0, 1, 2, 100, "0000", "1000", 9999, 10000]),
)


@st.composite
def _near_valid(draw: st.DrawFn) -> tuple[dict[str, Any], Endpoint]:
    endpoint = draw(st.sampled_from(list(Endpoint)))
    data = {**_VALID_DATA[endpoint], **draw(st.dictionaries(field_names, _any_value, max_size=3))}
    envelope: dict[str, Any] = {"request_id": "r", "code": "0000", "charge": 1, "msg": None, "data": data}
    envelope.update(draw(st.dictionaries(st.sampled_from(["request_id", "code", "charge", "msg", "data"]),
                                         _any_value, max_size=2)))
    for key in draw(st.lists(st.sampled_from(sorted({*envelope, *data})), max_size=2)):
        envelope.pop(key, None)
        data.pop(key, None)
    return envelope, endpoint


@given(_near_valid())
def test_whatever_is_accepted_is_well_typed_and_in_range(case: tuple[dict[str, Any], Endpoint]) -> None:
    payload, endpoint = case
    try:
        env = parse_envelope(payload)
    except ProtocolError:
        return
    assert type(env.request_id) is str and type(env.code) is str and env.code
    assert type(env.charge) is int and env.charge in (1, 2) and (env.msg is None or type(env.msg) is str)
    assert env.data is None or type(env.data) is dict
    assert env.code != "0000" or env.data is not None
    try:
        data = parse_data(endpoint, env.data or {})
    except ProtocolError:
        return
    for name, value in vars(data).items():
        if name.endswith("_score"):
            top = 100.0 if name == "certificate_score" else 1.0
            assert value is None or (type(value) is float and math.isfinite(value) and 0 <= value <= top)
        elif name.endswith("_result") and name != "liveness_result":
            assert value is None or (type(value) is int)
        elif name == "liveness_result":
            assert type(value) is bool
        elif name == "motion_process":
            assert type(value) is tuple and all(type(v) is int for v in value)
        else:
            assert value is None or type(value) is str

import json
from typing import Any

import pytest

from app.core.contract import CallResult, Endpoint, HackData, IdNumberData, ParseData, SelfieData, TokenData
from app.core.endpoints import read
from app.core.interpret import (
    FALSE_ACCEPT_TABLE,
    CertificateBand,
    FaceScorePlace,
    Step,
    StepState,
    TrailStep,
    Verdict,
    certificate_band,
    face_score_place,
    false_accept_at,
    id_trail,
    is_hack,
    motions,
)
from app.core.interpret import summarize as summarize_reading

ENDPOINT_OF = {TokenData: Endpoint.TOKEN, IdNumberData: Endpoint.ID_NUMBER, HackData: Endpoint.HACK,
               SelfieData: Endpoint.SELFIE, ParseData: Endpoint.PARSE}


def verdict_for(result: CallResult, face_threshold: float = 0.7) -> Verdict:  # type: ignore[type-arg]
    """The registry's one reading, as the tests below ask for it."""
    return read(result, face_threshold).verdict


def summarize(result: CallResult, face_threshold: float = 0.7) -> dict[str, Any]:  # type: ignore[type-arg]
    return summarize_reading(result, read(result, face_threshold))


@pytest.mark.parametrize(
    ("score", "band"),
    [(0, "different"), (39.999, "different"), (40, "uncertain"), (44.999, "uncertain"), (45, "same"), (100, "same")],
)
def test_certificate_bands_at_the_documents_boundaries(score: float, band: str) -> None:
    assert certificate_band(score) is CertificateBand(band)


def test_hack_threshold_is_strictly_above_098() -> None:
    assert not is_hack(0.98)
    assert is_hack(0.9800001)
    assert not is_hack(0.0)


@pytest.mark.parametrize(
    ("score", "one_in"),
    [(0.39, None), (0.4, 10), (0.49, 10), (0.5, 100), (0.6, 1000), (0.7, 10_000), (0.79, 10_000),
     (0.8, 100_000), (0.9, 1_000_000), (1.0, 1_000_000)],
)
def test_false_accept_table_steps(score: float, one_in: int | None) -> None:
    assert face_score_place(score).false_accept_one_in == one_in


def test_face_threshold() -> None:
    assert face_score_place(0.7).passes
    assert not face_score_place(0.6999).passes
    assert face_score_place(0.65, threshold=0.6).passes
    assert face_score_place(0.5).false_accept_text == "1/100"
    assert face_score_place(0.1).false_accept_text == "> 1/10"
    assert false_accept_at(0.7) == 10_000


def states(data: IdNumberData) -> list[tuple[str, str, str]]:
    return [(s.step.value, s.state.value, s.reason) for s in id_trail(data).steps]


def test_trail_full_match() -> None:
    data = IdNumberData(check_result=1, id_name_result=1, photo_result=1, certificate_score=50)
    trail = id_trail(data)
    assert trail.verdict is Verdict.SAME_PERSON and trail.stopped_at is None
    assert all(s.state is StepState.PASSED for s in trail.steps)


@pytest.mark.parametrize(
    ("data", "verdict", "stopped", "reason"),
    [
        (IdNumberData(check_result=2), Verdict.RECAPTURE, TrailStep.IMAGE_QUALITY, "quality_failed"),
        (IdNumberData(1, 2), Verdict.NAME_ID_MISMATCH, TrailStep.NAME_ID, "mismatch"),
        (IdNumberData(1, 3), Verdict.NO_RECORD, TrailStep.NAME_ID, "no_record"),
        (IdNumberData(1, 1, 2), Verdict.NO_PHOTO, TrailStep.PHOTO_ON_FILE, "no_photo"),
        (IdNumberData(1, 1, 3), Verdict.PHOTO_UNREADABLE, TrailStep.PHOTO_ON_FILE, "extraction_failed"),
        (IdNumberData(1, 1, 1, 42.0), Verdict.NEEDS_REVIEW, TrailStep.SCORE, "uncertain"),
        (IdNumberData(1, 1, 1, 12.0), Verdict.DIFFERENT_PERSON, TrailStep.SCORE, "different"),
        (IdNumberData(1, None), Verdict.NEEDS_REVIEW, TrailStep.NAME_ID, "missing"),
        (IdNumberData(7), Verdict.NEEDS_REVIEW, TrailStep.IMAGE_QUALITY, "unknown_7"),
        (IdNumberData(1, 1, 1, None), Verdict.NEEDS_REVIEW, TrailStep.SCORE, "missing"),
    ],
)
def test_trail_stops_where_the_server_stopped(data: IdNumberData, verdict: Verdict, stopped: TrailStep,
                                              reason: str) -> None:
    trail = id_trail(data)
    assert trail.verdict is verdict
    assert trail.stopped_at is not None
    assert (trail.stopped_at.step, trail.stopped_at.reason) == (stopped, reason)
    after = [s for s in trail.steps if list(TrailStep).index(s.step) > list(TrailStep).index(stopped)]
    assert all(s.state is StepState.NOT_REACHED for s in after)


def test_hack_overrides_same_person() -> None:
    data = IdNumberData(1, 1, 1, 90.0, hack_score=0.99)
    assert id_trail(data).verdict is Verdict.SUSPECTED_ATTACK
    assert id_trail(IdNumberData(1, 1, 1, 90.0, hack_score=0.98)).verdict is Verdict.SAME_PERSON


def test_motions_keep_unknown_codes() -> None:
    result = motions((1, 3, 4))
    assert [(m.code, m.name, m.known) for m in result] == [(1, "open_mouth", True), (3, "nod", True),
                                                          (4, "unknown", False)]


def _result(data: object) -> CallResult:  # type: ignore[type-arg]
    return CallResult(endpoint=ENDPOINT_OF[type(data)], data=data, request_id="r", sequence_id="s",  # type: ignore[arg-type]
                      charge=2)


def test_verdict_for_each_endpoint() -> None:
    assert verdict_for(_result(TokenData("t"))) is Verdict.TOKEN_ISSUED
    assert verdict_for(_result(HackData(0.5))) is Verdict.LIVE_PERSON
    assert verdict_for(_result(HackData(0.99))) is Verdict.SUSPECTED_ATTACK
    assert verdict_for(_result(SelfieData(0.7))) is Verdict.SAME_PERSON
    assert verdict_for(_result(SelfieData(0.69))) is Verdict.DIFFERENT_PERSON
    assert verdict_for(_result(SelfieData(0.69)), face_threshold=0.6) is Verdict.SAME_PERSON
    assert verdict_for(_result(SelfieData(0.95, hack_score=0.99))) is Verdict.SUSPECTED_ATTACK
    assert verdict_for(_result(ParseData(True))) is Verdict.LIVENESS_PASSED
    assert verdict_for(_result(ParseData(False))) is Verdict.LIVENESS_FAILED
    assert Verdict.SUSPECTED_ATTACK.tone.value == "bad"


# --- exact readings ------------------------------------------------------------------------------


def test_the_documents_false_accept_table() -> None:
    assert FALSE_ACCEPT_TABLE == ((0.4, 10), (0.5, 100), (0.6, 1_000), (0.7, 10_000), (0.8, 100_000),
                                  (0.9, 1_000_000))


@pytest.mark.parametrize(
    ("score", "threshold", "place"),
    [
        (0.0, 0.7, FaceScorePlace(0.0, 0.7, False, -1, None)),
        (0.39, 0.7, FaceScorePlace(0.39, 0.7, False, -1, None)),
        (0.4, 0.7, FaceScorePlace(0.4, 0.7, False, 0, 10)),
        (0.65, 0.6, FaceScorePlace(0.65, 0.6, True, 2, 1_000)),
        (0.7, 0.7, FaceScorePlace(0.7, 0.7, True, 3, 10_000)),
        (0.95, 0.9, FaceScorePlace(0.95, 0.9, True, 5, 1_000_000)),
        (0.85, 0.9, FaceScorePlace(0.85, 0.9, False, 4, 100_000)),
    ],
)
def test_face_score_place_fields(score: float, threshold: float, place: FaceScorePlace) -> None:
    assert face_score_place(score, threshold) == place


def test_face_score_place_default_threshold_is_07() -> None:
    assert face_score_place(0.5) == FaceScorePlace(0.5, 0.7, False, 1, 100)


@pytest.mark.parametrize(("score", "text"), [(0.0, "> 1/10"), (0.4, "1/10"), (0.6, "1/1,000"), (0.9, "1/1,000,000")])
def test_false_accept_text(score: float, text: str) -> None:
    assert face_score_place(score).false_accept_text == text


@pytest.mark.parametrize(("threshold", "one_in"), [(0.3, None), (0.4, 10), (0.55, 100), (0.8, 100_000),
                                                   (0.9, 1_000_000), (0.99, 1_000_000)])
def test_false_accept_at_an_operating_threshold(threshold: float, one_in: int | None) -> None:
    assert false_accept_at(threshold) == one_in


NOT_REACHED = StepState.NOT_REACHED


@pytest.mark.parametrize(
    ("data", "steps"),
    [
        (IdNumberData(2, 1, 1, 90.0), [
            Step(TrailStep.IMAGE_QUALITY, StepState.STOPPED, "quality_failed"),
            Step(TrailStep.NAME_ID, NOT_REACHED, ""),
            Step(TrailStep.PHOTO_ON_FILE, NOT_REACHED, ""),
            Step(TrailStep.SCORE, NOT_REACHED, ""),
        ]),
        (IdNumberData(1, 3), [
            Step(TrailStep.IMAGE_QUALITY, StepState.PASSED, "passed"),
            Step(TrailStep.NAME_ID, StepState.STOPPED, "no_record"),
            Step(TrailStep.PHOTO_ON_FILE, NOT_REACHED, ""),
            Step(TrailStep.SCORE, NOT_REACHED, ""),
        ]),
        (IdNumberData(1, 1, 9, 90.0), [
            Step(TrailStep.IMAGE_QUALITY, StepState.PASSED, "passed"),
            Step(TrailStep.NAME_ID, StepState.PASSED, "passed"),
            Step(TrailStep.PHOTO_ON_FILE, StepState.STOPPED, "unknown_9"),
            Step(TrailStep.SCORE, NOT_REACHED, ""),
        ]),
        (IdNumberData(1, 1, 1, 40.0), [
            Step(TrailStep.IMAGE_QUALITY, StepState.PASSED, "passed"),
            Step(TrailStep.NAME_ID, StepState.PASSED, "passed"),
            Step(TrailStep.PHOTO_ON_FILE, StepState.PASSED, "passed"),
            Step(TrailStep.SCORE, StepState.STOPPED, "uncertain"),
        ]),
        (IdNumberData(1, 1, 1, 45.0), [
            Step(TrailStep.IMAGE_QUALITY, StepState.PASSED, "passed"),
            Step(TrailStep.NAME_ID, StepState.PASSED, "passed"),
            Step(TrailStep.PHOTO_ON_FILE, StepState.PASSED, "passed"),
            Step(TrailStep.SCORE, StepState.PASSED, "same"),
        ]),
    ],
)
def test_trail_lists_every_step_once(data: IdNumberData, steps: list[Step]) -> None:
    assert list(id_trail(data).steps) == steps


def _call(endpoint: Endpoint, data: object, charge: int = 1) -> CallResult:  # type: ignore[type-arg]
    return CallResult(endpoint=endpoint, data=data, request_id="req-1", sequence_id="seq-1",  # type: ignore[arg-type]
                      charge=charge)


def test_summary_of_an_id_number_result() -> None:
    summary = summarize(_call(Endpoint.ID_NUMBER, IdNumberData(1, 1, 1, 46.5, 0.2, "L1")))
    assert summary == {
        "endpoint": "idnumber",
        "verdict": "same_person",
        "result": {"check_result": 1, "id_name_result": 1, "photo_result": 1, "certificate_score": 46.5,
                   "hack_score": 0.2, "liveness_encrypt_data_id": "L1"},
        "request_id": "req-1",
        "sequence_id": "seq-1",
        "charge": 1,
        "billed": True,
        "trail": [
            {"step": "image_quality", "state": "passed", "reason": "passed"},
            {"step": "name_id", "state": "passed", "reason": "passed"},
            {"step": "photo_on_file", "state": "passed", "reason": "passed"},
            {"step": "score", "state": "passed", "reason": "same"},
            {"step": "attack", "state": "passed", "reason": "live"},
        ],
        "certificate_band": "same",
        "hack": False,
    }
    assert list(summary) == ["endpoint", "verdict", "result", "request_id", "sequence_id", "charge", "billed",
                             "trail", "certificate_band", "hack"]


def test_summary_of_an_id_number_result_that_stopped_early() -> None:
    summary = summarize(_call(Endpoint.ID_NUMBER, IdNumberData(1, 2, hack_score=0.99), charge=2))
    assert summary == {
        "endpoint": "idnumber",
        "verdict": "suspected_attack",
        "result": {"check_result": 1, "id_name_result": 2, "photo_result": None, "certificate_score": None,
                   "hack_score": 0.99, "liveness_encrypt_data_id": None},
        "request_id": "req-1",
        "sequence_id": "seq-1",
        "charge": 2,
        "billed": False,
        "trail": [
            {"step": "image_quality", "state": "passed", "reason": "passed"},
            {"step": "name_id", "state": "stopped", "reason": "mismatch"},
            {"step": "photo_on_file", "state": "not_reached", "reason": ""},
            {"step": "score", "state": "not_reached", "reason": ""},
            {"step": "attack", "state": "stopped", "reason": "attack"},
        ],
        "hack": True,
    }  # no certificate_band without a certificate_score


def test_summary_of_a_selfie_result_uses_the_operating_threshold() -> None:
    data = SelfieData(0.65, None, "L", "I")
    summary = summarize(_call(Endpoint.SELFIE, data, charge=2), face_threshold=0.6)
    assert summary == {
        "endpoint": "selfie",
        "verdict": "same_person",
        "result": {"face_score": 0.65, "hack_score": None, "liveness_encrypt_data_id": "L", "image_id": "I"},
        "request_id": "req-1",
        "sequence_id": "seq-1",
        "charge": 2,
        "billed": False,
        "face_threshold": 0.6,
        "false_accept_at_score": "1/1,000",
    }  # no hack key without a hack score
    default = summarize(_call(Endpoint.SELFIE, data))
    assert (default["verdict"], default["face_threshold"], default["false_accept_at_score"]) == (
        "different_person", 0.7, "1/1,000")


def test_summary_of_a_selfie_with_a_hack_score() -> None:
    summary = summarize(_call(Endpoint.SELFIE, SelfieData(0.3, 0.5)), face_threshold=0.8)
    assert {k: summary[k] for k in ("verdict", "face_threshold", "false_accept_at_score", "hack")} == {
        "verdict": "different_person", "face_threshold": 0.8, "false_accept_at_score": "> 1/10", "hack": False}


def test_summary_of_a_hack_result() -> None:
    assert summarize(_call(Endpoint.HACK, HackData(0.99, "L"))) == {
        "endpoint": "hack",
        "verdict": "suspected_attack",
        "result": {"hack_score": 0.99, "liveness_encrypt_data_id": "L"},
        "request_id": "req-1",
        "sequence_id": "seq-1",
        "charge": 1,
        "billed": True,
        "hack": True,
    }
    assert summarize(_call(Endpoint.HACK, HackData(0.98)))["hack"] is False


def test_summary_of_a_parse_result_lists_the_motions() -> None:
    summary = summarize(_call(Endpoint.PARSE, ParseData(True, (0, 3, 9), "i", "v", "l")))
    assert summary == {
        "endpoint": "parse",
        "verdict": "liveness_passed",
        "result": {"liveness_result": True, "motion_process": [0, 3, 9], "image_id": "i", "video_id": "v",
                   "liveness_encrypt_data_id": "l"},
        "request_id": "req-1",
        "sequence_id": "seq-1",
        "charge": 1,
        "billed": True,
        "motions": [{"code": 0, "name": "blink"}, {"code": 3, "name": "nod"}, {"code": 9, "name": "unknown"}],
    }
    assert type(summary["result"]["motion_process"]) is list


def test_summary_of_a_token_result() -> None:
    assert summarize(_call(Endpoint.TOKEN, TokenData("t-1"), charge=2)) == {
        "endpoint": "token",
        "verdict": "token_issued",
        "result": {"token": "t-1"},
        "request_id": "req-1",
        "sequence_id": "seq-1",
        "charge": 2,
        "billed": False,
    }


@pytest.mark.parametrize(
    "data",
    [TokenData("t"), IdNumberData(1, 1, 1, 50.0, 0.1, "l"), IdNumberData(3), HackData(0.1), SelfieData(0.9, 0.99),
     ParseData(False, (1, 2))],
)
def test_summaries_are_json(data: Any) -> None:
    summary = summarize(_call(ENDPOINT_OF[type(data)], data))
    assert json.loads(json.dumps(summary)) == summary
    assert summary["verdict"] == read(_call(ENDPOINT_OF[type(data)], data)).verdict.value


def test_every_verdict_has_a_tone() -> None:
    assert {v.value: v.tone.value for v in Verdict} == {
        "same_person": "good", "needs_review": "review", "different_person": "bad", "name_id_mismatch": "bad",
        "no_record": "bad", "no_photo": "review", "photo_unreadable": "review", "recapture": "review",
        "suspected_attack": "bad",
        "live_person": "good", "liveness_passed": "good", "liveness_failed": "bad", "token_issued": "info",
    }

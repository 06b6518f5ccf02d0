import pytest

from app.core.contract import CallResult, Endpoint, HackData, IdNumberData, ParseData, SelfieData, TokenData
from app.core.interpret import (
    CertificateBand,
    StepState,
    TrailStep,
    Verdict,
    certificate_band,
    face_score_place,
    false_accept_at,
    id_trail,
    is_hack,
    motions,
    verdict_for,
)


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
        (IdNumberData(1, 1, 3), Verdict.NEEDS_REVIEW, TrailStep.PHOTO_ON_FILE, "extraction_failed"),
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
    return CallResult(endpoint=Endpoint.TOKEN, data=data, request_id="r", sequence_id="s", charge=2)  # type: ignore[arg-type]


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

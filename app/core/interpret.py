"""What a result means, as pure functions over typed results, pinned to the document's boundaries.

The vendor's numbers: certificate_score bands [0,40) different, [40,45) uncertain, [45,100] same;
hack_score > 0.98 is an attack; face_score thresholds 0.4…0.9 map to false-accept rates
1/10…1/1,000,000. Verdicts are stable keys; the window and the CLI give them words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from app.core.contract import CallResult, HackData, IdNumberData, ParseData, SelfieData, TokenData

CERTIFICATE_UNCERTAIN_FROM = 40.0
CERTIFICATE_SAME_FROM = 45.0
HACK_THRESHOLD = 0.98
DEFAULT_FACE_THRESHOLD = 0.7
# (threshold, N) meaning "a score at or above threshold is a false accept about 1 time in N".
FALSE_ACCEPT_TABLE: tuple[tuple[float, int], ...] = (
    (0.4, 10), (0.5, 100), (0.6, 1_000), (0.7, 10_000), (0.8, 100_000), (0.9, 1_000_000),
)


class Tone(str, Enum):
    GOOD = "good"
    REVIEW = "review"
    BAD = "bad"
    INFO = "info"


class Verdict(str, Enum):
    """The decision shown on the banner; the value is the stable key printed by the CLI."""

    SAME_PERSON = "same_person"
    NEEDS_REVIEW = "needs_review"
    DIFFERENT_PERSON = "different_person"
    NAME_ID_MISMATCH = "name_id_mismatch"
    NO_RECORD = "no_record"
    NO_PHOTO = "no_photo"
    RECAPTURE = "recapture"
    SUSPECTED_ATTACK = "suspected_attack"
    LIVE_PERSON = "live_person"
    LIVENESS_PASSED = "liveness_passed"
    LIVENESS_FAILED = "liveness_failed"
    TOKEN_ISSUED = "token_issued"

    @property
    def tone(self) -> Tone:
        return _TONES[self]


_TONES = {
    Verdict.SAME_PERSON: Tone.GOOD, Verdict.LIVE_PERSON: Tone.GOOD, Verdict.LIVENESS_PASSED: Tone.GOOD,
    Verdict.TOKEN_ISSUED: Tone.INFO, Verdict.NEEDS_REVIEW: Tone.REVIEW, Verdict.RECAPTURE: Tone.REVIEW,
    Verdict.NO_PHOTO: Tone.REVIEW, Verdict.DIFFERENT_PERSON: Tone.BAD, Verdict.NAME_ID_MISMATCH: Tone.BAD,
    Verdict.NO_RECORD: Tone.BAD, Verdict.SUSPECTED_ATTACK: Tone.BAD, Verdict.LIVENESS_FAILED: Tone.BAD,
}


# --- scores --------------------------------------------------------------------------------------


class CertificateBand(str, Enum):
    DIFFERENT = "different"
    UNCERTAIN = "uncertain"
    SAME = "same"


def certificate_band(score: float) -> CertificateBand:
    if score < CERTIFICATE_UNCERTAIN_FROM:
        return CertificateBand.DIFFERENT
    if score < CERTIFICATE_SAME_FROM:
        return CertificateBand.UNCERTAIN
    return CertificateBand.SAME


def is_hack(hack_score: float) -> bool:
    """> 0.98 is an attack; exactly 0.98 is still a live person, as the document says."""
    return hack_score > HACK_THRESHOLD


@dataclass(frozen=True)
class FaceScorePlace:
    """Where a face score sits on the false-accept table, against the operating threshold."""

    score: float
    threshold: float
    passes: bool
    step: int  # index into FALSE_ACCEPT_TABLE of the strictest step reached; -1 below 0.4
    false_accept_one_in: int | None  # N of "1 in N" at that step; None below the table

    @property
    def false_accept_text(self) -> str:
        return f"1/{self.false_accept_one_in:,}" if self.false_accept_one_in else "> 1/10"


def face_score_place(score: float, threshold: float = DEFAULT_FACE_THRESHOLD) -> FaceScorePlace:
    step = -1
    for index, (at, _n) in enumerate(FALSE_ACCEPT_TABLE):
        if score >= at:
            step = index
    one_in = FALSE_ACCEPT_TABLE[step][1] if step >= 0 else None
    return FaceScorePlace(score, threshold, score >= threshold, step, one_in)


def false_accept_at(threshold: float) -> int | None:
    """N of "1 in N" for an operating threshold, from the strictest table step it reaches."""
    return face_score_place(threshold, threshold).false_accept_one_in


# --- the ID decision trail -----------------------------------------------------------------------


class StepState(str, Enum):
    PASSED = "passed"
    STOPPED = "stopped"  # the trail ended here, for the reason given
    NOT_REACHED = "not_reached"


class TrailStep(str, Enum):
    IMAGE_QUALITY = "image_quality"
    NAME_ID = "name_id"
    PHOTO_ON_FILE = "photo_on_file"
    SCORE = "score"


@dataclass(frozen=True)
class Step:
    step: TrailStep
    state: StepState
    reason: str  # a stable key: passed, quality_failed, mismatch, no_record, no_photo, extraction_failed,
    #               same, uncertain, different, missing (the server left the field out), unknown_<value>


@dataclass(frozen=True)
class Trail:
    steps: tuple[Step, ...]
    verdict: Verdict

    @property
    def stopped_at(self) -> Step | None:
        return next((s for s in self.steps if s.state is StepState.STOPPED), None)


_TRAIL_CODES: dict[TrailStep, dict[int, tuple[str, Verdict | None]]] = {
    TrailStep.IMAGE_QUALITY: {1: ("passed", None), 2: ("quality_failed", Verdict.RECAPTURE)},
    TrailStep.NAME_ID: {1: ("passed", None), 2: ("mismatch", Verdict.NAME_ID_MISMATCH),
                        3: ("no_record", Verdict.NO_RECORD)},
    TrailStep.PHOTO_ON_FILE: {1: ("passed", None), 2: ("no_photo", Verdict.NO_PHOTO),
                              3: ("extraction_failed", Verdict.NEEDS_REVIEW)},
}
_BAND_VERDICT = {CertificateBand.SAME: Verdict.SAME_PERSON, CertificateBand.UNCERTAIN: Verdict.NEEDS_REVIEW,
                 CertificateBand.DIFFERENT: Verdict.DIFFERENT_PERSON}


def id_trail(data: IdNumberData) -> Trail:
    """Walk check_result → id_name_result → photo_result → certificate_score; stop where the server did."""
    values: list[tuple[TrailStep, int | None]] = [
        (TrailStep.IMAGE_QUALITY, data.check_result),
        (TrailStep.NAME_ID, data.id_name_result),
        (TrailStep.PHOTO_ON_FILE, data.photo_result),
    ]
    steps: list[Step] = []
    verdict: Verdict | None = None
    for step, value in values:
        if verdict is not None:
            steps.append(Step(step, StepState.NOT_REACHED, ""))
            continue
        stop: Verdict | None
        if value is None:
            reason, stop = "missing", Verdict.NEEDS_REVIEW
        else:
            reason, stop = _TRAIL_CODES[step].get(value, (f"unknown_{value}", Verdict.NEEDS_REVIEW))
        steps.append(Step(step, StepState.STOPPED if stop else StepState.PASSED, reason))
        verdict = stop
    if verdict is not None:
        steps.append(Step(TrailStep.SCORE, StepState.NOT_REACHED, ""))
    elif data.certificate_score is None:
        steps.append(Step(TrailStep.SCORE, StepState.STOPPED, "missing"))
        verdict = Verdict.NEEDS_REVIEW
    else:
        band = certificate_band(data.certificate_score)
        verdict = _BAND_VERDICT[band]
        steps.append(Step(TrailStep.SCORE, StepState.PASSED if band is CertificateBand.SAME else StepState.STOPPED,
                          band.value))
    if data.hack_score is not None and is_hack(data.hack_score):
        verdict = Verdict.SUSPECTED_ATTACK
    return Trail(tuple(steps), verdict)


# --- motions -------------------------------------------------------------------------------------


MOTION_NAMES: dict[int, str] = {0: "blink", 1: "open_mouth", 2: "shake_head", 3: "nod"}


@dataclass(frozen=True)
class Motion:
    code: int
    name: str  # blink, open_mouth, shake_head, nod, or unknown

    @property
    def known(self) -> bool:
        return self.name != "unknown"


def motions(codes: tuple[int, ...]) -> tuple[Motion, ...]:
    """Motion steps in the order performed; an undocumented code stays visible as unknown."""
    return tuple(Motion(code, MOTION_NAMES.get(code, "unknown")) for code in codes)


# --- one verdict per result ----------------------------------------------------------------------


def verdict_for(result: CallResult[Any], face_threshold: float = DEFAULT_FACE_THRESHOLD) -> Verdict:
    """The banner's decision for any successful call; a hack score over 0.98 overrides a match."""
    data = result.data
    if isinstance(data, TokenData):
        return Verdict.TOKEN_ISSUED
    if isinstance(data, IdNumberData):
        return id_trail(data).verdict
    if isinstance(data, HackData):
        return Verdict.SUSPECTED_ATTACK if is_hack(data.hack_score) else Verdict.LIVE_PERSON
    if isinstance(data, SelfieData):
        if data.hack_score is not None and is_hack(data.hack_score):
            return Verdict.SUSPECTED_ATTACK
        return Verdict.SAME_PERSON if data.face_score >= face_threshold else Verdict.DIFFERENT_PERSON
    assert isinstance(data, ParseData)
    return Verdict.LIVENESS_PASSED if data.liveness_result else Verdict.LIVENESS_FAILED


def summarize(result: CallResult[Any], face_threshold: float = DEFAULT_FACE_THRESHOLD) -> dict[str, Any]:
    """A JSON-ready reading of a result: the normalized data plus what it means, for the CLI and history."""
    data = result.data
    summary: dict[str, Any] = {
        "endpoint": result.endpoint.value,
        "verdict": verdict_for(result, face_threshold).value,
        "result": {k: list(v) if isinstance(v, tuple) else v for k, v in vars(data).items()},
        "request_id": result.request_id,
        "sequence_id": result.sequence_id,
        "charge": result.charge,
        "billed": result.billed,
    }
    if isinstance(data, IdNumberData):
        summary["trail"] = [
            {"step": s.step.value, "state": s.state.value, "reason": s.reason} for s in id_trail(data).steps
        ]
        if data.certificate_score is not None:
            summary["certificate_band"] = certificate_band(data.certificate_score).value
    if isinstance(data, SelfieData):
        place = face_score_place(data.face_score, face_threshold)
        summary["face_threshold"] = face_threshold
        summary["false_accept_at_score"] = place.false_accept_text
    hack_score = getattr(data, "hack_score", None)
    if hack_score is not None:
        summary["hack"] = is_hack(hack_score)
    if isinstance(data, ParseData):
        summary["motions"] = [{"code": m.code, "name": m.name} for m in motions(data.motion_process)]
    return summary

"""What a result means, as pure functions over typed results, pinned to the document's boundaries.

The vendor's numbers: certificate_score bands [0,40) different, [40,45) uncertain, [45,100] same;
hack_score > 0.98 is an attack; face_score thresholds 0.4…0.9 map to false-accept rates
1/10…1/1,000,000. Verdicts are stable keys; the window and the CLI give them words.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from typing import Any

from app.core.contract import CallResult, HackData, IdNumberData, ParseData, SelfieData, TokenData
from app.core.errors import RecordState

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
    PHOTO_UNREADABLE = "photo_unreadable"  # photo_result 3: the photo on file could not be compared
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
    Verdict.NO_PHOTO: Tone.REVIEW, Verdict.PHOTO_UNREADABLE: Tone.REVIEW, Verdict.DIFFERENT_PERSON: Tone.BAD,
    Verdict.NAME_ID_MISMATCH: Tone.BAD, Verdict.NO_RECORD: Tone.BAD, Verdict.SUSPECTED_ATTACK: Tone.BAD,
    Verdict.LIVENESS_FAILED: Tone.BAD,
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
    ATTACK = "attack"  # only when hack detection ran (auto_hack): its own check, whatever the match said


@dataclass(frozen=True)
class Step:
    step: TrailStep
    state: StepState
    reason: str  # a stable key: passed, quality_failed, mismatch, no_record, no_photo, extraction_failed,
    #               same, uncertain, different, missing (the server left the field out), unknown_<value>,
    #               live, attack (the hack score's step)


@dataclass(frozen=True)
class Trail:
    steps: tuple[Step, ...]
    verdict: Verdict  # the banner's: an attack overrides the match
    match_verdict: Verdict  # what the steps alone say (the tone of the step that stopped the trail)

    @property
    def stopped_at(self) -> Step | None:
        return next((s for s in self.steps if s.state is StepState.STOPPED), None)


_TRAIL_CODES: dict[TrailStep, dict[int, tuple[str, Verdict | None]]] = {
    TrailStep.IMAGE_QUALITY: {1: ("passed", None), 2: ("quality_failed", Verdict.RECAPTURE)},
    TrailStep.NAME_ID: {1: ("passed", None), 2: ("mismatch", Verdict.NAME_ID_MISMATCH),
                        3: ("no_record", Verdict.NO_RECORD)},
    TrailStep.PHOTO_ON_FILE: {1: ("passed", None), 2: ("no_photo", Verdict.NO_PHOTO),
                              3: ("extraction_failed", Verdict.PHOTO_UNREADABLE)},
}
_BAND_VERDICT = {CertificateBand.SAME: Verdict.SAME_PERSON, CertificateBand.UNCERTAIN: Verdict.NEEDS_REVIEW,
                 CertificateBand.DIFFERENT: Verdict.DIFFERENT_PERSON}


def id_trail(data: IdNumberData) -> Trail:
    """Walk check_result → id_name_result → photo_result → certificate_score; stop where the server did.
    A hack score adds the attack step, so an attack verdict never sits above a trail of ticks."""
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
    attack = data.hack_score is not None and is_hack(data.hack_score)
    if data.hack_score is not None:
        steps.append(Step(TrailStep.ATTACK, StepState.STOPPED, "attack") if attack
                     else Step(TrailStep.ATTACK, StepState.PASSED, "live"))
    return Trail(tuple(steps), Verdict.SUSPECTED_ATTACK if attack else verdict, verdict)


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


# --- one reading per result --------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """What a result means, computed once per call (the runtime does it) and used by the window, the
    CLI, the log and history alike. Only the parts the endpoint has are set."""

    verdict: Verdict
    face_threshold: float = DEFAULT_FACE_THRESHOLD
    trail: Trail | None = None  # ID verification: the decision trail
    certificate_band: CertificateBand | None = None
    face: FaceScorePlace | None = None  # selfie verification: where the face score sits
    hack: bool | None = None  # a hack score came back: is it an attack?
    motions: tuple[Motion, ...] | None = None  # parse: the motions performed, in order


@dataclass(frozen=True)
class Checked:
    """A call that answered 0000: its result, its one reading, and where its audit record went."""

    result: CallResult[Any]
    reading: Reading
    record: RecordState = RecordState.NOT_RECORDED


def _hack(hack_score: float | None) -> bool | None:
    return None if hack_score is None else is_hack(hack_score)


def read_token(data: TokenData, face_threshold: float) -> Reading:
    return Reading(Verdict.TOKEN_ISSUED, face_threshold)


def read_id_number(data: IdNumberData, face_threshold: float) -> Reading:
    trail = id_trail(data)
    band = None if data.certificate_score is None else certificate_band(data.certificate_score)
    return Reading(trail.verdict, face_threshold, trail=trail, certificate_band=band, hack=_hack(data.hack_score))


def read_hack(data: HackData, face_threshold: float) -> Reading:
    attack = is_hack(data.hack_score)
    return Reading(Verdict.SUSPECTED_ATTACK if attack else Verdict.LIVE_PERSON, face_threshold, hack=attack)


def read_selfie(data: SelfieData, face_threshold: float) -> Reading:
    """A hack score over 0.98 overrides a match."""
    place = face_score_place(data.face_score, face_threshold)
    attack = _hack(data.hack_score)
    verdict = Verdict.SUSPECTED_ATTACK if attack else Verdict.SAME_PERSON if place.passes else Verdict.DIFFERENT_PERSON
    return Reading(verdict, face_threshold, face=place, hack=attack)


def read_parse(data: ParseData, face_threshold: float) -> Reading:
    verdict = Verdict.LIVENESS_PASSED if data.liveness_result else Verdict.LIVENESS_FAILED
    return Reading(verdict, face_threshold, motions=motions(data.motion_process))


def summarize(result: CallResult[Any], reading: Reading) -> dict[str, Any]:
    """A JSON-ready reading of a result: the typed data's fields plus what they mean, for the CLI and
    history (the caller masks any personal field the registry names)."""
    data = result.data
    summary: dict[str, Any] = {
        "endpoint": result.endpoint.value,
        "verdict": reading.verdict.value,
        "result": {f.name: _json_value(getattr(data, f.name)) for f in fields(data)},
        "request_id": result.request_id,
        "sequence_id": result.sequence_id,
        "charge": result.charge,
        "billed": result.billed,
    }
    if reading.trail is not None:
        summary["trail"] = [{"step": s.step.value, "state": s.state.value, "reason": s.reason}
                            for s in reading.trail.steps]
    if reading.certificate_band is not None:
        summary["certificate_band"] = reading.certificate_band.value
    if reading.face is not None:
        summary["face_threshold"] = reading.face_threshold
        summary["false_accept_at_score"] = reading.face.false_accept_text
    if reading.hack is not None:
        summary["hack"] = reading.hack
    if reading.motions is not None:
        summary["motions"] = [{"code": m.code, "name": m.name} for m in reading.motions]
    return summary


def _json_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value

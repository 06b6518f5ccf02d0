"""What the window says about results and errors, in the UI language.

Module-level tables are marked with QT_TRANSLATE_NOOP so lupdate collects them; they are
translated when shown, so a language switch takes effect on the next render.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.catalogue.words import error_words, keychain_problem, keychain_short, nothing_sent
from app.core.errors import (
    ApiError,
    Billing,
    Cancelled,
    InputRejected,
    LinkFaceError,
    ProtocolError,
    TransportError,
)
from app.core.interpret import Tone, TrailStep, Verdict
from app.core.secrets import KeychainUnavailable
from app.i18n import QT_TRANSLATE_NOOP

VERDICT_WORDS: dict[Verdict, str] = {
    Verdict.SAME_PERSON: QT_TRANSLATE_NOOP("Verdict", "Same person"),
    Verdict.NEEDS_REVIEW: QT_TRANSLATE_NOOP("Verdict", "Needs review"),
    Verdict.DIFFERENT_PERSON: QT_TRANSLATE_NOOP("Verdict", "Different person"),
    Verdict.NAME_ID_MISMATCH: QT_TRANSLATE_NOOP("Verdict", "Name and ID number do not match"),
    Verdict.NO_RECORD: QT_TRANSLATE_NOOP("Verdict", "No record"),
    Verdict.NO_PHOTO: QT_TRANSLATE_NOOP("Verdict", "No photo on file"),
    Verdict.PHOTO_UNREADABLE: QT_TRANSLATE_NOOP("Verdict", "Photo on file cannot be used"),
    Verdict.RECAPTURE: QT_TRANSLATE_NOOP("Verdict", "Please capture again"),
    Verdict.SUSPECTED_ATTACK: QT_TRANSLATE_NOOP("Verdict", "Suspected attack"),
    Verdict.LIVE_PERSON: QT_TRANSLATE_NOOP("Verdict", "Live person"),
    Verdict.LIVENESS_PASSED: QT_TRANSLATE_NOOP("Verdict", "Liveness passed"),
    Verdict.LIVENESS_FAILED: QT_TRANSLATE_NOOP("Verdict", "Liveness failed"),
    Verdict.TOKEN_ISSUED: QT_TRANSLATE_NOOP("Verdict", "Token issued"),
}

VERDICT_MEANING: dict[Verdict, str] = {
    Verdict.SAME_PERSON: QT_TRANSLATE_NOOP("Verdict", "The live capture matches the photo. You may continue."),
    Verdict.NEEDS_REVIEW: QT_TRANSLATE_NOOP(
        "Verdict", "The result is not conclusive. Check the customer's ID card in person."),
    Verdict.DIFFERENT_PERSON: QT_TRANSLATE_NOOP(
        "Verdict", "The live capture does not match the photo. Do not continue."),
    Verdict.NAME_ID_MISMATCH: QT_TRANSLATE_NOOP(
        "Verdict", "This name does not belong to this ID number. Re-check both against the ID card."),
    Verdict.NO_RECORD: QT_TRANSLATE_NOOP(
        "Verdict", "There is no record for this ID number. Re-check the number against the ID card."),
    Verdict.NO_PHOTO: QT_TRANSLATE_NOOP(
        "Verdict", "There is no photo on file for this ID number. Check the ID card in person."),
    Verdict.PHOTO_UNREADABLE: QT_TRANSLATE_NOOP(
        "Verdict", "The photo on file could not be read for the comparison. Check the ID card in person."),
    Verdict.RECAPTURE: QT_TRANSLATE_NOOP(
        "Verdict", "The capture's image quality is too low. Ask the customer to capture again."),
    Verdict.SUSPECTED_ATTACK: QT_TRANSLATE_NOOP(
        "Verdict", "The capture looks like a photo, a screen or a mask. Do not continue."),
    Verdict.LIVE_PERSON: QT_TRANSLATE_NOOP("Verdict", "No sign of a photo, a screen or a mask."),
    Verdict.LIVENESS_PASSED: QT_TRANSLATE_NOOP("Verdict", "The SDK's liveness check passed."),
    Verdict.LIVENESS_FAILED: QT_TRANSLATE_NOOP(
        "Verdict", "The SDK's liveness check did not pass. Ask the customer to capture again."),
    Verdict.TOKEN_ISSUED: QT_TRANSLATE_NOOP("Verdict", "Hand it to the SDK within 5 minutes."),
}

STEP_NAMES: dict[TrailStep, str] = {
    TrailStep.IMAGE_QUALITY: QT_TRANSLATE_NOOP("Trail", "Image quality"),
    TrailStep.NAME_ID: QT_TRANSLATE_NOOP("Trail", "Name and ID number"),
    TrailStep.PHOTO_ON_FILE: QT_TRANSLATE_NOOP("Trail", "Photo on file"),
    TrailStep.SCORE: QT_TRANSLATE_NOOP("Trail", "Score"),
    TrailStep.ATTACK: QT_TRANSLATE_NOOP("Trail", "Attack check"),
}

TRAIL_REASONS: dict[str, str] = {
    "passed": QT_TRANSLATE_NOOP("Trail", "Passed"),
    "quality_failed": QT_TRANSLATE_NOOP("Trail", "Stopped: image quality too low"),
    "mismatch": QT_TRANSLATE_NOOP("Trail", "Stopped: name and ID number do not match"),
    "no_record": QT_TRANSLATE_NOOP("Trail", "Stopped: no record for this ID number"),
    "no_photo": QT_TRANSLATE_NOOP("Trail", "Stopped: no photo on file"),
    "extraction_failed": QT_TRANSLATE_NOOP("Trail", "Stopped: the photo on file cannot be read"),
    "same": QT_TRANSLATE_NOOP("Trail", "Same person (45 or more)"),
    "uncertain": QT_TRANSLATE_NOOP("Trail", "Uncertain (40 to 45)"),
    "different": QT_TRANSLATE_NOOP("Trail", "Different person (below 40)"),
    "live": QT_TRANSLATE_NOOP("Trail", "Live person (0.98 or below)"),
    "attack": QT_TRANSLATE_NOOP("Trail", "Stopped: suspected attack (above 0.98)"),
    "missing": QT_TRANSLATE_NOOP("Trail", "Stopped: the server left this out"),
    "": QT_TRANSLATE_NOOP("Trail", "Not reached"),
}

MOTION_NAMES: dict[str, str] = {
    "blink": QT_TRANSLATE_NOOP("Motion", "Blink"),
    "open_mouth": QT_TRANSLATE_NOOP("Motion", "Open mouth"),
    "shake_head": QT_TRANSLATE_NOOP("Motion", "Shake head"),
    "nod": QT_TRANSLATE_NOOP("Motion", "Nod"),
    "unknown": QT_TRANSLATE_NOOP("Motion", "Unknown (code %1)"),
}

# N of a false-accept rate "1 in N" (interpret.FALSE_ACCEPT_TABLE), as a clerk says it
ONE_IN: dict[int, str] = {
    10: QT_TRANSLATE_NOOP("Scale", "1 in 10"),
    100: QT_TRANSLATE_NOOP("Scale", "1 in 100"),
    1_000: QT_TRANSLATE_NOOP("Scale", "1 in 1,000"),
    10_000: QT_TRANSLATE_NOOP("Scale", "1 in 10,000"),
    100_000: QT_TRANSLATE_NOOP("Scale", "1 in 100,000"),
    1_000_000: QT_TRANSLATE_NOOP("Scale", "1 in 1,000,000"),
}
MORE_THAN_ONE_IN_TEN = QT_TRANSLATE_NOOP("Scale", "more often than 1 in 10")  # below the table's first step

# detection_type values (contract.DETECTION_TYPES) by name; the value itself is shown too, for support
DETECTION_TYPE_NAMES: dict[str, str] = {
    "liveness": QT_TRANSLATE_NOOP("DetectionType", "Liveness"),
    "idcard_ocr": QT_TRANSLATE_NOOP("DetectionType", "ID card OCR"),
    "bankcard_ocr": QT_TRANSLATE_NOOP("DetectionType", "Bank card OCR"),
}

CERTIFICATE_BANDS: tuple[str, str, str] = (
    QT_TRANSLATE_NOOP("Scale", "different"),
    QT_TRANSLATE_NOOP("Scale", "uncertain"),
    QT_TRANSLATE_NOOP("Scale", "same"),
)


translate = QCoreApplication.translate  # lupdate recognises translate("Context", "text")


def verdict_words(verdict: Verdict) -> str:
    return translate("Verdict", VERDICT_WORDS[verdict])


def verdict_text(value: str) -> str:
    """A stored verdict's words (an unknown value as it is)."""
    try:
        return verdict_words(Verdict(value))
    except ValueError:
        return value


def motion_text(code: int) -> str:
    """A motion code's name (an unknown code names itself)."""
    from app.core.interpret import MOTION_NAMES as NAMES

    return translate("Motion", MOTION_NAMES[NAMES.get(code, "unknown")]).replace("%1", str(code))


def verdict_meaning(verdict: Verdict) -> str:
    return translate("Verdict", VERDICT_MEANING[verdict])


def step_name(step: TrailStep) -> str:
    return translate("Trail", STEP_NAMES[step])


def trail_reason(reason: str) -> str:
    if reason.startswith("unknown_"):
        return translate("Trail", "Stopped: undocumented value %1").replace("%1", reason.removeprefix("unknown_"))
    return translate("Trail", TRAIL_REASONS.get(reason, reason))


def motion_name(name: str, code: int) -> str:
    return translate("Motion", MOTION_NAMES.get(name, MOTION_NAMES["unknown"])).replace("%1", str(code))


def one_in_words(n: int | None) -> str:
    """A false-accept rate as a clerk says it: 1 in 10,000; None, below the table: more often than 1 in 10."""
    if n is None:
        return translate("Scale", MORE_THAN_ONE_IN_TEN)
    return translate("Scale", ONE_IN[n]) if n in ONE_IN else f"1/{n:,}"


def detection_type_name(value: str) -> str:
    """A detection type by name (a type a profile added, as it is)."""
    return translate("DetectionType", DETECTION_TYPE_NAMES[value]) if value in DETECTION_TYPE_NAMES else value


def score_text(value: float, places: int = 4) -> str:
    """A score as the vendor writes it, without trailing zeros: 93.75, 0.1244, 0."""
    return f"{value:.{places}f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class ErrorView:
    """An error as the operator reads it: what happened, what to do now, and details for support."""

    tone: Tone
    title: str
    remedy: str
    code_line: str
    raw: str = ""
    request_id: str = ""
    sequence_id: str = ""
    billing: Billing | None = None  # None: nothing to say (nothing was sent)


def error_view(exc: BaseException) -> ErrorView:
    """Turn any failure of a call into words (the catalogue's), with the technical line for support."""
    if not isinstance(exc, LinkFaceError):
        return ErrorView(Tone.BAD, translate("Errors", "Unexpected error in the application"),
                         translate("Errors", "Try again; if it persists, call IT and quote the details below."),
                         f"{type(exc).__name__}: {exc}")
    if isinstance(exc, KeychainUnavailable):  # one line for the clerk; the administrator's text underneath
        return ErrorView(Tone.REVIEW, keychain_short(), nothing_sent(), keychain_problem(exc))
    title, remedy = error_words(exc)
    if isinstance(exc, ApiError):
        line = translate("Errors", "Code %1 · server message: %2").replace("%1", exc.code).replace(
            "%2", exc.msg or translate("Errors", "none"))
        return ErrorView(Tone.REVIEW, title, remedy, line, exc.raw, exc.request_id, exc.sequence_id, exc.billing)
    if isinstance(exc, TransportError):
        kind = exc.kind.value
        technical = exc.detail if kind in exc.detail else f"{kind} · {exc.detail}"  # "read timeout", said once
        return ErrorView(Tone.REVIEW, title, remedy, technical_line(technical), "", "", exc.sequence_id,
                         exc.billing)
    if isinstance(exc, ProtocolError):
        technical = exc.reason
        if exc.http_status is not None and f"HTTP {exc.http_status}" not in technical:
            technical += f" · HTTP {exc.http_status}"
        line = technical_line(technical)
        remedy += " " + translate("Errors", "If it happens again, quote the sequence id to support; the raw answer "
                                            "is under \"Raw response\".")
        return ErrorView(Tone.REVIEW, title, remedy, line, exc.raw or translate("Errors", "(empty body)"), "",
                         exc.sequence_id, exc.billing)
    if isinstance(exc, Cancelled):
        stopped = translate("Errors", "The upload was stopped before it finished; nothing was checked or billed.")
        return ErrorView(Tone.INFO, translate("Errors", "Cancelled"), stopped, "")
    if isinstance(exc, InputRejected):
        return ErrorView(Tone.REVIEW, title, remedy, f"{exc.field}: {exc.rule}")
    return ErrorView(Tone.REVIEW, title, remedy or translate("Errors", "Try again; if it persists, call IT."), "")


def technical_line(detail: str) -> str:
    """The technical detail for support (the client's own English), introduced in the UI language."""
    return translate("Errors", "Technical details (for support): %1").replace("%1", detail)


def cancelled_after_upload_view() -> ErrorView:
    """The clerk stopped waiting for a call already sent: it may be billed, and the runtime records its answer."""
    return ErrorView(Tone.INFO, translate("Errors", "Cancelled"),
                     translate("Errors", "The file had already been sent, so the server may still check (and bill) "
                                  "this call; its answer will be recorded in History, not shown here."), "",
                     billing=Billing.UNKNOWN)

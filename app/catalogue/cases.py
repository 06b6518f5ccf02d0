"""The words of the customer case (app.core.cases): consent, decisions, reasons, alternatives, and the
notice a customer is shown or read before face recognition."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.cases import ALTERNATIVES, REASONS, Consent, Outcome
from app.i18n import QT_TRANSLATE_NOOP

CONSENTS: dict[Consent, str] = {
    Consent.NONE: QT_TRANSLATE_NOOP("Cases", "not asked"),
    Consent.GIVEN: QT_TRANSLATE_NOOP("Cases", "consent given"),
    Consent.GUARDIAN: QT_TRANSLATE_NOOP("Cases", "guardian's consent"),
    Consent.DECLINED: QT_TRANSLATE_NOOP("Cases", "declined face recognition"),
    Consent.ON_FILE: QT_TRANSLATE_NOOP("Cases", "consent on file"),
}
OUTCOMES: dict[Outcome, str] = {
    Outcome.ACCEPTED: QT_TRANSLATE_NOOP("Cases", "Accepted"),
    Outcome.REJECTED: QT_TRANSLATE_NOOP("Cases", "Rejected"),
    Outcome.REFERRED: QT_TRANSLATE_NOOP("Cases", "Referred to a supervisor"),
    Outcome.OTHER_METHOD: QT_TRANSLATE_NOOP("Cases", "Verified another way"),
    Outcome.ABANDONED: QT_TRANSLATE_NOOP("Cases", "Abandoned"),
    Outcome.NO_DECISION: QT_TRANSLATE_NOOP("Cases", "No decision"),
}
REASON_WORDS: dict[str, str] = {
    "verified": QT_TRANSLATE_NOOP("Cases", "Checks passed"),
    "review_band": QT_TRANSLATE_NOOP("Cases", "Score in the review band"),
    "suspected_attack": QT_TRANSLATE_NOOP("Cases", "Suspected attack"),
    "different_person": QT_TRANSLATE_NOOP("Cases", "Not the same person"),
    "name_id_mismatch": QT_TRANSLATE_NOOP(
        "Cases", "Name and ID number do not match: check another document and give the customer the "
                 "verification result slip"),
    "no_record": QT_TRANSLATE_NOOP("Cases", "No record for this ID number"),
    "photo_unusable": QT_TRANSLATE_NOOP("Cases", "No usable photo on file"),
    "recapture_failed": QT_TRANSLATE_NOOP("Cases", "Recapture failed three times"),
    "customer_declined": QT_TRANSLATE_NOOP("Cases", "The customer declined face recognition"),
    "customer_left": QT_TRANSLATE_NOOP("Cases", "The customer left"),
    "technical_problem": QT_TRANSLATE_NOOP("Cases", "Technical problem"),
}
ALTERNATIVE_WORDS: dict[str, str] = {
    "manual_id_check": QT_TRANSLATE_NOOP("Cases", "Manual check of the ID card at the counter"),
    "online_id_check": QT_TRANSLATE_NOOP("Cases", "Online ID check (NCIIC)"),
    "other_document": QT_TRANSLATE_NOOP("Cases", "Another identity document"),
}
assert set(REASON_WORDS) == set(REASONS) and set(ALTERNATIVE_WORDS) == set(ALTERNATIVES)

DEFAULT_NOTICE = QT_TRANSLATE_NOOP(
    "Cases",
    "To confirm your identity, the bank will compare a short video of your face with the photo on your "
    "identity record. Your face data is sensitive personal information: it is sent encrypted to the "
    "verification service, used only for this check, and not kept by this counter. Taking part is your "
    "choice: if you do not agree, your identity can be checked another way, for example with your ID card "
    "at the counter, and your business is not refused. For a customer under 14, a parent or guardian "
    "decides.")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Cases", text)


def consent_name(value: str) -> str:
    return _tr(CONSENTS[Consent(value)]) if value in Consent._value2member_map_ else value


def outcome_name(value: str) -> str:
    return _tr(OUTCOMES[Outcome(value)]) if value in Outcome._value2member_map_ else value


def reason_name(code: str) -> str:
    return _tr(REASON_WORDS[code]) if code in REASON_WORDS else code


def alternative_name(code: str) -> str:
    return _tr(ALTERNATIVE_WORDS[code]) if code in ALTERNATIVE_WORDS else code


def notice_text(custom: str) -> str:
    """The notice shown to customers: the bank's own text (a setting), else this catalogue's, translated."""
    return custom.strip() or _tr(DEFAULT_NOTICE)

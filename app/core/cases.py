"""The customer case: one customer at the counter, from consent to the clerk's decision.

What a bank must show an auditor (docs: COMPLIANCE.md). The 2025 face-recognition measures and PIPL
arts. 28-29 want the customer's informed, separate consent before any face data is processed, and
an alternative for a customer who declines (a declined case makes no face call); art. 31 wants a
guardian's consent under 14, read from the ID number on the day of the call. The decision is the
clerk's, with a reason code; some verdicts need a second person's approval (four-eyes, Policy).

This module holds the rules and the vocabulary (each word's text is in app.catalogue); where a case
is kept is app.core.history.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass, field
from enum import Enum

from app.core.errors import InputRejected
from app.core.interpret import Verdict
from app.core.validation import check_id_number

MINOR_AGE = 14  # PIPL art. 31: under 14, a guardian consents
STAFF_ID_MAX_CHARS = 32


class Consent(str, Enum):
    """How the customer's consent to face recognition stands in a case."""

    NONE = "none"  # not asked yet (or not needed: a token call, or require_consent off)
    GIVEN = "given"  # shown or read the notice, gave separate consent
    GUARDIAN = "guardian"  # a parent or guardian present and consenting (a customer under 14)
    DECLINED = "declined"  # no face recognition: an alternative is used instead
    ON_FILE = "on_file"  # recorded when the capture was made (support staff analysing a branch's file)

    @property
    def allows_face_calls(self) -> bool:
        return self in (Consent.GIVEN, Consent.GUARDIAN, Consent.ON_FILE)


class Outcome(str, Enum):
    """The clerk's decision on a case."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    REFERRED = "referred"  # to a supervisor, who takes it from there
    OTHER_METHOD = "other_method"  # the customer chose, or was given, another way to verify
    ABANDONED = "abandoned"
    NO_DECISION = "no_decision"  # closed (next customer, idle, window closed) before a decision


# Each reason with the outcomes it can explain. Its words are in app.catalogue.cases.
REASONS: dict[str, frozenset[Outcome]] = {
    "verified": frozenset({Outcome.ACCEPTED}),
    "review_band": frozenset({Outcome.ACCEPTED, Outcome.REJECTED, Outcome.REFERRED}),
    "suspected_attack": frozenset({Outcome.ACCEPTED, Outcome.REJECTED, Outcome.REFERRED}),
    "different_person": frozenset({Outcome.ACCEPTED, Outcome.REJECTED, Outcome.REFERRED}),
    "name_id_mismatch": frozenset({Outcome.REJECTED, Outcome.OTHER_METHOD, Outcome.REFERRED}),
    "no_record": frozenset({Outcome.REJECTED, Outcome.OTHER_METHOD, Outcome.REFERRED}),
    "photo_unusable": frozenset({Outcome.OTHER_METHOD, Outcome.REFERRED}),
    "recapture_failed": frozenset({Outcome.REJECTED, Outcome.OTHER_METHOD, Outcome.REFERRED}),
    "customer_declined": frozenset({Outcome.OTHER_METHOD, Outcome.ABANDONED}),
    "customer_left": frozenset({Outcome.ABANDONED}),
    "technical_problem": frozenset({Outcome.OTHER_METHOD, Outcome.ABANDONED, Outcome.REFERRED}),
}
# The other ways to verify a customer who declines face recognition, or whose check could not decide.
ALTERNATIVES = ("manual_id_check", "online_id_check", "other_document")
# The reason a verdict suggests: the decision step starts on it (the clerk can choose another).
SUGGESTED_REASON: dict[Verdict, str] = {
    Verdict.SAME_PERSON: "verified", Verdict.LIVE_PERSON: "verified", Verdict.LIVENESS_PASSED: "verified",
    Verdict.NEEDS_REVIEW: "review_band", Verdict.SUSPECTED_ATTACK: "suspected_attack",
    Verdict.DIFFERENT_PERSON: "different_person", Verdict.NAME_ID_MISMATCH: "name_id_mismatch",
    Verdict.NO_RECORD: "no_record", Verdict.NO_PHOTO: "photo_unusable", Verdict.PHOTO_UNREADABLE: "photo_unusable",
    Verdict.RECAPTURE: "recapture_failed", Verdict.LIVENESS_FAILED: "recapture_failed",
}


def age_on(id_number: str, day: dt.date) -> int:
    """Whole years from the birth date in a valid ID number to ``day``."""
    value = check_id_number(id_number, day)
    born = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def is_minor(id_number: str, day: dt.date) -> bool:
    """Under 14 on ``day`` (the day of the call): consent must then be a guardian's."""
    return age_on(id_number, day) < MINOR_AGE


def check_staff_id(raw: str, field_name: str = "staff_id") -> str:
    """A staff ID (the teller number) as the bank issues it: 1-32 letters, digits, - or _."""
    value = raw.strip()
    if not value:
        raise InputRejected(field_name, "required")
    if len(value) > STAFF_ID_MAX_CHARS or not all(c.isascii() and (c.isalnum() or c in "-_") for c in value):
        raise InputRejected(field_name, "staff_id_format", limit=STAFF_ID_MAX_CHARS)
    return value


def notice_version(text: str) -> str:
    """Which notice the customer was shown: a digest of its exact text, kept with the consent."""
    return "n-" + hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


def new_case_id(now: dt.datetime) -> str:
    """Sortable by time, unique without coordination between PCs: 20261201-093012-3f9a1c."""
    return f"{now.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    reason: str
    supervisor: str | None = None  # the second person's staff ID, where the policy asks for one
    supervisor_reason: str | None = None
    alternative: str | None = None  # for OTHER_METHOD: which other way was used


@dataclass(frozen=True)
class Policy:
    """The bank's rules for cases; these defaults follow the law and the vendor's bands (see module doc).

    ``four_eyes``: after these verdicts these outcomes need a supervisor; ``not_allowed``: outcomes the
    clerk may not record after a verdict at all (nothing was verified, so nothing can be accepted)."""

    require_consent: bool = True
    four_eyes: dict[Verdict, frozenset[Outcome]] = field(default_factory=lambda: {
        Verdict.NEEDS_REVIEW: frozenset({Outcome.ACCEPTED}),
        Verdict.SUSPECTED_ATTACK: frozenset({Outcome.ACCEPTED}),
        Verdict.DIFFERENT_PERSON: frozenset({Outcome.ACCEPTED}),
    })
    not_allowed: dict[Verdict, frozenset[Outcome]] = field(default_factory=lambda: {
        verdict: frozenset({Outcome.ACCEPTED}) for verdict in (
            Verdict.NAME_ID_MISMATCH, Verdict.NO_RECORD, Verdict.NO_PHOTO, Verdict.PHOTO_UNREADABLE,
            Verdict.RECAPTURE, Verdict.LIVENESS_FAILED)
    })

    def needs_supervisor(self, verdict: Verdict | None, outcome: Outcome) -> bool:
        return verdict is not None and outcome in self.four_eyes.get(verdict, frozenset())

    def check_consent(self, consent: Consent, minor: bool) -> None:
        """Refuse a face call whose consent is missing, declined, or not a guardian's for a minor."""
        if not self.require_consent:
            return
        if consent is Consent.DECLINED:
            raise InputRejected("consent", "declined")
        if not consent.allows_face_calls:
            raise InputRejected("consent", "required")
        if minor and consent is Consent.GIVEN:
            raise InputRejected("consent", "guardian_required", age=MINOR_AGE)

    def check_decision(self, decision: Decision, verdict: Verdict | None, clerk: str | None) -> Decision:
        """The decision as it may be recorded after ``verdict`` (the case's last), or InputRejected."""
        outcome = decision.outcome
        if outcome is Outcome.NO_DECISION:
            raise InputRejected("decision", "choose_outcome")
        allowed = REASONS.get(decision.reason)
        if allowed is None:
            raise InputRejected("reason", "unknown_reason", reason=decision.reason)
        if outcome not in allowed:
            raise InputRejected("reason", "reason_not_for_outcome")
        if verdict is not None and outcome in self.not_allowed.get(verdict, frozenset()):
            raise InputRejected("decision", "outcome_not_allowed")
        if outcome is Outcome.OTHER_METHOD and decision.alternative not in ALTERNATIVES:
            raise InputRejected("alternative", "required")
        supervisor = decision.supervisor
        if self.needs_supervisor(verdict, outcome):
            if not supervisor:
                raise InputRejected("supervisor", "four_eyes")
            supervisor = check_staff_id(supervisor, "supervisor")
            if clerk and supervisor.casefold() == clerk.casefold():
                raise InputRejected("supervisor", "same_as_clerk")
            if decision.supervisor_reason not in REASONS:
                raise InputRejected("supervisor_reason", "required")
            return Decision(outcome, decision.reason, supervisor, decision.supervisor_reason, decision.alternative)
        return Decision(outcome, decision.reason, None, None,
                        decision.alternative if outcome is Outcome.OTHER_METHOD else None)


def _outcomes_by_verdict(raw: object, name: str) -> dict[Verdict, frozenset[Outcome]]:
    if not isinstance(raw, dict):
        raise InputRejected("policy", "policy_format", key=name)
    try:
        return {Verdict(verdict): frozenset(Outcome(o) for o in outcomes) for verdict, outcomes in raw.items()}
    except (ValueError, TypeError):
        raise InputRejected("policy", "policy_format", key=name) from None


def policy_from_json(raw: object) -> Policy:
    """The settings file's "policy" object; what it leaves out keeps the default."""
    if not isinstance(raw, dict):
        raise InputRejected("policy", "policy_format", key="policy")
    default = Policy()
    require = raw.get("require_consent", default.require_consent)
    if not isinstance(require, bool):
        raise InputRejected("policy", "policy_format", key="require_consent")
    return Policy(require,
                  _outcomes_by_verdict(raw["four_eyes"], "four_eyes") if "four_eyes" in raw else default.four_eyes,
                  _outcomes_by_verdict(raw["not_allowed"], "not_allowed") if "not_allowed" in raw
                  else default.not_allowed)


def policy_to_json(policy: Policy) -> dict[str, object]:
    def table(rules: dict[Verdict, frozenset[Outcome]]) -> dict[str, list[str]]:
        return {verdict.value: sorted(o.value for o in outcomes) for verdict, outcomes in rules.items()}

    return {"require_consent": policy.require_consent, "four_eyes": table(policy.four_eyes),
            "not_allowed": table(policy.not_allowed)}

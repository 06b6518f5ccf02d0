"""The customer case on the command line: `call`'s --consent/--case/--decision, and `linkface-desk case`.

A face call needs the customer's consent first (``--consent``, when the policy requires it, the
default): refused with exit 2, nothing sent, when it is missing or when the ID number is a minor's
and the consent is not a guardian's. Each face call that is sent is a case of its own, closed after
it (with ``--decision`` if given, else "no decision"), unless ``--case`` adds it to a case opened
with `linkface-desk case open`, which a script closes with `linkface-desk case close`. The clerk's staff
ID recorded with each case is set once per OS user (`linkface-desk case staff-id ID`, or the window).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.catalogue.cases import notice_text
from app.cli.output import print_json
from app.core.cases import ALTERNATIVES, REASONS, Consent, Decision, Outcome
from app.core.contract import FieldKind, Request
from app.core.endpoints import person_values, spec
from app.core.errors import InputRejected, LinkFaceError
from app.core.profiles import SANDBOX_PROFILE_NAME
from app.i18n import translate

if TYPE_CHECKING:
    from app.core.profiles import Profile
    from app.runtime import Runtime

CONSENT_CHOICES = {"given": Consent.GIVEN, "guardian": Consent.GUARDIAN, "on-file": Consent.ON_FILE}
OUTCOME_CHOICES = [o.value for o in Outcome if o is not Outcome.NO_DECISION]


def _add_decision_arguments(group: Any) -> None:
    group.add_argument("--decision", choices=OUTCOME_CHOICES,
                       help=translate("Cli", "the clerk's decision on the case (then it is closed)"))
    group.add_argument("--reason", choices=sorted(REASONS), help=translate("Cli", "the decision's reason code"))
    group.add_argument("--alternative", choices=ALTERNATIVES,
                       help=translate("Cli", "with --decision other_method: the other way used"))
    group.add_argument("--supervisor", metavar="STAFF_ID",
                       help=translate("Cli", "the second person's staff ID, where the policy asks for one"))
    group.add_argument("--supervisor-reason", choices=sorted(REASONS), help=translate("Cli", "her reason code"))


def add_case_arguments(parser: argparse.ArgumentParser) -> None:
    """The case flags of every `call ENDPOINT`."""
    group = parser.add_argument_group(translate("Cli", "the customer case (face calls need consent first)"))
    group.add_argument("--consent", choices=list(CONSENT_CHOICES),
                       help=translate("Cli", "the customer's consent to face recognition: given, guardian (under "
                                             "14), or on-file (recorded when the capture was made)"))
    group.add_argument("--case", metavar="CASE_ID", help=translate("Cli", "add the call to this open case"))
    _add_decision_arguments(group)


def decision_from(args: argparse.Namespace) -> Decision | None:
    if args.decision is None:
        return None
    return Decision(Outcome(args.decision), args.reason or "", args.supervisor, args.supervisor_reason,
                    args.alternative)


def case_for_call(args: argparse.Namespace, runtime: Runtime, profile: Profile,
                  request: Request) -> tuple[str | None, bool]:
    """The case the call belongs to, and whether it is the call's own (opened here, closed after it).
    Raises InputRejected (nothing written, nothing sent) when the consent does not allow the call."""
    if args.case:
        if args.consent:
            runtime.record_consent(args.case, CONSENT_CHOICES[args.consent], _notice(runtime),
                                   person_values(request).get(FieldKind.ID_NUMBER))
        return args.case, False
    if not spec(request.endpoint).face_data and args.decision is None:
        return None, False  # an SDK token: no face, no case
    consent = CONSENT_CHOICES[args.consent] if args.consent else None
    if consent is None and runtime.policy.require_consent and spec(request.endpoint).face_data:
        raise InputRejected("consent", "required")
    case_id = runtime.open_case(profile, "cli", consent, _notice(runtime),
                                person_values(request).get(FieldKind.ID_NUMBER))
    return case_id, True


def _notice(runtime: Runtime) -> str:
    return notice_text(runtime.profiles.counter.consent_notice)


def case_payload(runtime: Runtime, case_id: str) -> dict[str, Any]:
    from app.core.history import case_record

    history = runtime.history
    case = history.case(case_id) if history is not None else None
    if history is None or case is None:
        return {"case_id": case_id}
    record = case_record(case, history.case_calls(case_id))
    return {key: record[key] for key in ("case_id", "consent", "minor", "decision", "reason", "supervisor",
                                         "alternative", "operator", "staff_id", "billed_calls")}


# --- `linkface-desk case` ---------------------------------------------------------------------------


def add_case_parser(commands: Any) -> None:
    case = commands.add_parser("case", help=translate("Cli", "open or close a customer case for several calls"))
    actions = case.add_subparsers(dest="case_command", required=True, metavar="ACTION")
    opening = actions.add_parser("open", help=translate("Cli", "open a case and print its id"))
    opening.add_argument("--profile", help=translate("Cli", "a saved profile (default: the built-in sandbox)"))
    opening.add_argument("--consent", choices=[*CONSENT_CHOICES, "declined"], required=True,
                         help=translate("Cli", "the customer's consent (declined: no face call in this case)"))
    opening.add_argument("--id-number", help=translate("Cli", "the customer's ID number, to tell a minor"))
    closing = actions.add_parser("close", help=translate("Cli", "record the decision (if given) and close a case"))
    closing.add_argument("case_id", metavar="CASE_ID")
    _add_decision_arguments(closing)
    staff = actions.add_parser("staff-id", help=translate("Cli", "show or set your staff ID (teller number), "
                                                                 "recorded with each case; once per OS user"))
    staff.add_argument("staff_id", metavar="STAFF_ID", nargs="?")


def run_case(args: argparse.Namespace, runtime: Runtime) -> int:
    from app.cli.main import fail

    if args.case_command == "staff-id":
        return _staff_id(args, runtime)
    try:
        if args.case_command == "open":
            consent = Consent.DECLINED if args.consent == "declined" else CONSENT_CHOICES[args.consent]
            case_id = runtime.open_case(args.profile or SANDBOX_PROFILE_NAME, "cli", consent, _notice(runtime),
                                        args.id_number)
        else:
            case_id = args.case_id
            decision = decision_from(args)
            if decision is not None:
                runtime.decide(case_id, decision)
            runtime.close_case(case_id)
    except LinkFaceError as exc:
        return fail(exc, runtime)
    print_json({"ok": True, "case": case_payload(runtime, case_id)})
    return 0


def _staff_id(args: argparse.Namespace, runtime: Runtime) -> int:
    """The staff ID the window asks at a clerk's first face check, for a clerk (or a script) without it."""
    from app.cli.main import fail
    from app.core.cases import check_staff_id

    if args.staff_id is not None:
        try:
            runtime.profiles.set_counter(staff_id=check_staff_id(args.staff_id))
        except LinkFaceError as exc:
            return fail(exc, runtime)
    print_json({"ok": True, "staff_id": runtime.profiles.counter.staff_id or None})
    return 0

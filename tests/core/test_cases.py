"""The customer case's rules (app.core.cases) and its record (app.core.history): consent, minors, the
decision with four-eyes, retention by the law's minimums, the Cases export."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from app.core.cases import (
    ALTERNATIVES,
    REASONS,
    SUGGESTED_REASON,
    Consent,
    Decision,
    Outcome,
    Policy,
    age_on,
    check_staff_id,
    is_minor,
    new_case_id,
    notice_version,
    policy_from_json,
    policy_to_json,
)
from app.core.contract import CallResult, Endpoint, FileSource, IdNumberData, IdNumberRequest
from app.core.errors import InputRejected
from app.core.history import MIN_CALL_RETENTION_DAYS, MIN_CASE_RETENTION_DAYS, CaseFilter, History, case_record
from app.core.interpret import Verdict
from app.core.profiles import ProfileStore
from app.core.validation import id_check_char

TZ = dt.timezone(dt.timedelta(hours=8))
ADULT = "11010519491231002X"


def id_number_born(day: dt.date) -> str:
    first17 = f"110105{day:%Y%m%d}123"
    return first17 + id_check_char(first17)


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 1, 10, 0, tzinfo=TZ)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def history(tmp_path: Path, clock: Clock) -> History:
    h = History(tmp_path / "history.sqlite3", now=clock)
    yield h
    h.close()


def rule(excinfo: pytest.ExceptionInfo[InputRejected]) -> tuple[str, str]:
    return excinfo.value.field, excinfo.value.rule


# --- minors, staff IDs, notices -------------------------------------------------------------------


def test_a_customer_is_a_minor_until_the_day_she_turns_14() -> None:
    born = dt.date(2012, 12, 2)
    assert age_on(id_number_born(born), dt.date(2026, 12, 1)) == 13
    assert is_minor(id_number_born(born), dt.date(2026, 12, 1))
    assert not is_minor(id_number_born(born), dt.date(2026, 12, 2))  # her 14th birthday
    assert not is_minor(ADULT, dt.date(2026, 12, 1))
    leap = id_number_born(dt.date(2012, 2, 29))
    assert is_minor(leap, dt.date(2026, 2, 28)) and not is_minor(leap, dt.date(2026, 3, 1))


def test_staff_ids_are_plain_tokens() -> None:
    assert check_staff_id("  A0123 ") == "A0123"
    for bad in ("", "   ", "张三", "a b", "x" * 33, "a;b"):
        with pytest.raises(InputRejected):
            check_staff_id(bad)


def test_the_notice_version_names_the_exact_text() -> None:
    assert notice_version("notice") == notice_version(" notice \n")
    assert notice_version("notice") != notice_version("notice.")
    assert notice_version("x").startswith("n-") and len(notice_version("x")) == 14


def test_case_ids_sort_by_time_and_do_not_collide() -> None:
    now = dt.datetime(2026, 12, 1, 9, 30, 12)
    ids = {new_case_id(now) for _ in range(200)}
    assert len(ids) == 200 and all(i.startswith("20261201-093012-") for i in ids)


# --- consent ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("consent", "minor", "refused"), [
    (Consent.GIVEN, False, None), (Consent.ON_FILE, False, None), (Consent.GUARDIAN, True, None),
    (Consent.GUARDIAN, False, None), (Consent.GIVEN, True, ("consent", "guardian_required")),
    (Consent.NONE, False, ("consent", "required")), (Consent.DECLINED, False, ("consent", "declined")),
])
def test_a_face_call_needs_consent_and_a_guardian_for_a_minor(consent: Consent, minor: bool,
                                                             refused: tuple[str, str] | None) -> None:
    if refused is None:
        Policy().check_consent(consent, minor)
    else:
        with pytest.raises(InputRejected) as excinfo:
            Policy().check_consent(consent, minor)
        assert rule(excinfo) == refused
    Policy(require_consent=False).check_consent(consent, minor)  # a bank that does not require it


# --- the decision ------------------------------------------------------------------------------------


def test_accepting_a_review_band_result_needs_another_persons_staff_id() -> None:
    policy = Policy()
    accept = Decision(Outcome.ACCEPTED, "review_band")
    with pytest.raises(InputRejected) as excinfo:
        policy.check_decision(accept, Verdict.NEEDS_REVIEW, "A01")
    assert rule(excinfo) == ("supervisor", "four_eyes")
    with pytest.raises(InputRejected) as excinfo:
        policy.check_decision(Decision(Outcome.ACCEPTED, "review_band", "a01", "review_band"), Verdict.NEEDS_REVIEW,
                              "A01")
    assert rule(excinfo) == ("supervisor", "same_as_clerk")  # the same person, whatever the letter case
    with pytest.raises(InputRejected) as excinfo:
        policy.check_decision(Decision(Outcome.ACCEPTED, "review_band", "B02"), Verdict.NEEDS_REVIEW, "A01")
    assert rule(excinfo) == ("supervisor_reason", "required")
    done = policy.check_decision(Decision(Outcome.ACCEPTED, "review_band", " B02 ", "review_band"),
                                 Verdict.NEEDS_REVIEW, "A01")
    assert (done.supervisor, done.supervisor_reason) == ("B02", "review_band")
    # rejecting needs no second person, and a supervisor given anyway is not recorded as one
    rejected = policy.check_decision(Decision(Outcome.REJECTED, "review_band", "B02", "review_band"),
                                     Verdict.NEEDS_REVIEW, "A01")
    assert rejected.supervisor is None


@pytest.mark.parametrize("verdict", [Verdict.NEEDS_REVIEW, Verdict.SUSPECTED_ATTACK, Verdict.DIFFERENT_PERSON])
def test_the_default_four_eyes_verdicts(verdict: Verdict) -> None:
    assert Policy().needs_supervisor(verdict, Outcome.ACCEPTED)
    assert not Policy().needs_supervisor(verdict, Outcome.REJECTED)
    assert not Policy().needs_supervisor(Verdict.SAME_PERSON, Outcome.ACCEPTED)


def test_nothing_verified_cannot_be_accepted_and_reasons_fit_their_outcome() -> None:
    policy = Policy()
    with pytest.raises(InputRejected) as excinfo:
        policy.check_decision(Decision(Outcome.ACCEPTED, "verified"), Verdict.NAME_ID_MISMATCH, "A01")
    assert rule(excinfo) == ("decision", "outcome_not_allowed")
    with pytest.raises(InputRejected) as excinfo:
        policy.check_decision(Decision(Outcome.ACCEPTED, "customer_left"), Verdict.SAME_PERSON, "A01")
    assert rule(excinfo) == ("reason", "reason_not_for_outcome")
    with pytest.raises(InputRejected) as excinfo:
        policy.check_decision(Decision(Outcome.OTHER_METHOD, "name_id_mismatch"), Verdict.NAME_ID_MISMATCH, "A01")
    assert rule(excinfo) == ("alternative", "required")
    fallback = policy.check_decision(Decision(Outcome.OTHER_METHOD, "name_id_mismatch", alternative="other_document"),
                                     Verdict.NAME_ID_MISMATCH, "A01")
    assert fallback.alternative == "other_document"
    with pytest.raises(InputRejected):
        policy.check_decision(Decision(Outcome.NO_DECISION, "verified"), None, "A01")
    declined = policy.check_decision(Decision(Outcome.OTHER_METHOD, "customer_declined",
                                              alternative="manual_id_check"), None, "A01")
    assert declined.outcome is Outcome.OTHER_METHOD


def test_every_suggested_reason_fits_an_outcome_the_verdict_allows() -> None:
    policy = Policy()
    for verdict, reason in SUGGESTED_REASON.items():
        allowed = REASONS[reason] - policy.not_allowed.get(verdict, frozenset())
        assert allowed, (verdict, reason)
    assert set(ALTERNATIVES) == {"manual_id_check", "online_id_check", "other_document"}


def test_the_policy_round_trips_through_the_settings_file_and_refuses_nonsense() -> None:
    custom = Policy(require_consent=False, four_eyes={Verdict.SAME_PERSON: frozenset({Outcome.ACCEPTED})})
    assert policy_from_json(json.loads(json.dumps(policy_to_json(custom)))) == custom
    assert policy_from_json({}) == Policy()
    for bad in ([], {"require_consent": "yes"}, {"four_eyes": {"same_person": ["maybe"]}},
                {"not_allowed": {"nonsense": ["accepted"]}}, {"four_eyes": []}):
        with pytest.raises(InputRejected) as excinfo:
            policy_from_json(bad)
        assert rule(excinfo) == ("policy", "policy_format")


def test_the_staff_id_notice_and_policy_are_kept_in_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = ProfileStore(path)
    assert store.counter.staff_id == "" and store.counter.policy == Policy()
    store.set_counter(staff_id=" A0123 ", consent_notice="Custom notice")
    again = ProfileStore(path)
    assert (again.counter.staff_id, again.counter.consent_notice) == ("A0123", "Custom notice")
    with pytest.raises(InputRejected):
        again.set_counter(staff_id="no spaces allowed")
    assert ProfileStore(path).counter.staff_id == "A0123"  # a refused change changes nothing


# --- the record ----------------------------------------------------------------------------------------


def call_in(history: History, case_id: str, score: float, rid: str, seq: str) -> None:
    request = IdNumberRequest("张三丰", ADULT, FileSource(Path("capture.lfs")))
    row = history.begin("Branch", request, seq, case_id=case_id)
    from app.core.history import result_values
    from app.core.interpret import read_id_number

    result = CallResult(Endpoint.ID_NUMBER, IdNumberData(1, 1, 1, score, None, "LID"), rid, seq, 1, duration_s=0.2)
    history.finish(row, {**result_values("Branch", request, result, read_id_number(result.data, 0.7)),
                         "case_id": case_id})


def test_a_case_keeps_its_consent_calls_and_decision_masked(history: History, clock: Clock, tmp_path: Path) -> None:
    history.open_case("C1", "Branch", "window", staff_id="A01")
    history.update_case("C1", consent=Consent.GIVEN.value, consent_ms=history.now_ms(),
                        notice_version=notice_version("n"), name_masked="张**", id_masked="110105********002X")
    call_in(history, "C1", 42.0, "RID-1", "a" * 64)
    call_in(history, "C1", 46.0, "RID-2", "b" * 64)
    history.update_case("C1", decision=Outcome.ACCEPTED.value, reason="review_band", decided_ms=history.now_ms(),
                        supervisor="B02", supervisor_reason="review_band")
    history.close_case("C1")
    case = history.case("C1")
    assert case is not None and case.decision == "accepted" and case.closed_ms is not None
    calls = history.case_calls("C1")
    assert [c.request_id for c in calls] == ["RID-1", "RID-2"] and {c.case_id for c in calls} == {"C1"}
    record = case_record(case, calls)
    assert {"case_id", "consent", "decision", "reason", "operator", "calls"} <= set(record)
    assert record["billed_calls"] == 2 and record["supervisor"] == "B02" and record["staff_id"] == "A01"
    with pytest.raises(InputRejected) as excinfo:  # a closed record is not changed
        history.update_case("C1", decision="rejected")
    assert rule(excinfo) == ("case", "case_not_open")
    out = tmp_path / "cases.csv"
    assert history.export_cases_csv(out) == 1
    text = out.read_text(encoding="utf-8-sig")
    assert "张三丰" not in text and ADULT not in text
    [row] = list(csv.DictReader(text.splitlines()))
    assert (row["decision"], row["calls"], row["billed_calls"], row["consent"]) == ("accepted", "2", "2", "given")


def test_a_case_closed_without_a_decision_is_no_decision_and_a_crashed_one_is_closed_later(
        history: History, clock: Clock) -> None:
    history.open_case("C1", "Branch", "window")
    history.close_case("C1")
    history.close_case("C1")  # twice: nothing changes
    assert history.case("C1").decision == "no_decision"  # type: ignore[union-attr]
    history.open_case("C2", "Branch", "window")  # the window crashed with C2 open
    history.open_case("C3", "Branch", "cli")
    clock.now += dt.timedelta(minutes=5)
    assert history.close_open_cases("window", history.now_ms()) == 1
    assert history.case("C2").decision == "no_decision"  # type: ignore[union-attr]
    assert history.case("C3").closed_ms is None  # type: ignore[union-attr]  # another program's


def test_cases_filter_by_decision_operator_and_supervisor(history: History, clock: Clock) -> None:
    for case_id, staff, decision, supervisor in (("C1", "A01", "accepted", "B02"), ("C2", "A02", "rejected", None)):
        history.open_case(case_id, "Branch", "window", staff_id=staff)
        history.update_case(case_id, decision=decision, reason="review_band", supervisor=supervisor)
        clock.now += dt.timedelta(minutes=1)
    assert [c.id for c in history.cases()] == ["C2", "C1"]  # newest first
    assert [c.id for c in history.cases(CaseFilter(decision="accepted"))] == ["C1"]
    assert [c.id for c in history.cases(CaseFilter(operator="A02"))] == ["C2"]
    assert [c.id for c in history.cases(CaseFilter(supervisor="B02"))] == ["C1"]
    assert history.count_cases(CaseFilter(reason="review_band")) == 2


def test_retention_keeps_calls_six_months_and_cases_with_their_calls_three_years(history: History,
                                                                                 clock: Clock) -> None:
    start = clock.now
    clock.now = start - dt.timedelta(days=MIN_CASE_RETENTION_DAYS + 1)
    history.open_case("OLD", "Branch", "window")
    call_in(history, "OLD", 50.0, "RID-old-case", "c" * 64)
    clock.now = start - dt.timedelta(days=400)
    history.open_case("KEPT", "Branch", "window")
    call_in(history, "KEPT", 50.0, "RID-kept-case", "d" * 64)
    history.record_result("Branch", IdNumberRequest("张三丰", ADULT, FileSource(Path("c.lfs"))),
                          CallResult(Endpoint.ID_NUMBER, IdNumberData(1, 1, 1, 50.0, None, "L"), "RID-loose", "e" * 64,
                                     1, duration_s=0.1), 0.7)
    clock.now = start
    assert history.purge_older_than(1, case_days=1) == 2  # asked for a day: the law's minimums apply
    assert history.case("OLD") is None and history.case("KEPT") is not None
    assert {r.request_id for r in history.query()} == {"RID-kept-case"}  # its case keeps it past 180 days
    assert MIN_CALL_RETENTION_DAYS == 180 and MIN_CASE_RETENTION_DAYS >= 3 * 365 + 1

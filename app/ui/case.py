"""The customer at the counter, as the window holds her case (issue 12; the rules are app.core.cases).

One case for the whole window, whichever pages her checks are on. It is recorded (``Runtime.open_case``)
at the consent step, or with her first face call when the policy asks no consent; every call made for
her carries its id; it closes (as "no decision" without one) with Next customer, the idle timeout,
closing the window or switching profile (the window calls ``close``). Once her decision is recorded,
the next input is the next customer's. Whatever touches the history or settings file runs on the
worker pool; an answer that comes back after the customer has gone is not applied to the next one.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from PySide6.QtCore import QObject, Signal

from app.catalogue.cases import notice_text
from app.core.cases import Consent, Decision, Outcome, Policy, is_minor
from app.core.errors import Billing, InputRejected
from app.core.interpret import Verdict
from app.core.profiles import CounterSettings
from app.ui.worker import Task

if TYPE_CHECKING:
    from app.ui.context import Calls, PageContext

T = TypeVar("T")
Failed = Callable[[BaseException], None]


class Customer(NamedTuple):
    """The customer as typed on the page where her consent is asked (either may be missing)."""

    name: str | None
    id_number: str | None


class Tally(NamedTuple):
    """What history holds of the case's calls: how many, how many billed, the last verdict (the decision's)."""

    made: int = 0
    billed: int = 0
    last_verdict: Verdict | None = None


def customer_is_minor(id_number: str | None) -> bool:
    """Under 14 today by a valid ID number (PIPL art. 31); False without one: the call checks it."""
    if not id_number:
        return False
    try:
        return is_minor(id_number, dt.date.today())
    except InputRejected:
        return False


class CustomerCase(QObject):
    """The case of the customer at the counter: its id once recorded, consent, calls and decision.

    Signals:
        changed(): the case was recorded, consented, decided, counted or closed: its steps redraw.
        moved_on(): an input after the decision started the next customer: the other pages forget hers.
        staff_changed(): the clerk's staff ID was saved (the status line shows it).
        problem(str): a case could not be closed (the status line says why).
    """

    changed = Signal()
    moved_on = Signal()
    staff_changed = Signal()
    problem = Signal(object)

    def __init__(self, context: PageContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._generation = 0  # one per customer: an answer for an earlier one is not applied
        self.busy = 0  # recordings on the pool: a second press waits for them
        self._reset()

    def _reset(self) -> None:
        self._generation += 1
        self.case_id: str | None = None
        self.consent = Consent.NONE
        self.minor = False
        self.decision: Decision | None = None
        self.tally = Tally()
        self.first_input_ms: int | None = None  # a customer who leaves before her case is recorded is kept too

    # --- what the case's rules need -------------------------------------------------------------

    @property
    def counter(self) -> CounterSettings:
        profiles = self._context.profiles
        return profiles.counter if profiles is not None else CounterSettings()

    @property
    def policy(self) -> Policy:
        return self.counter.policy

    def notice(self) -> str:
        """The notice the customer is shown now: the bank's, else the catalogue's in the window's language."""
        return notice_text(self.counter.consent_notice)

    def needs_consent(self, minor: bool) -> bool:
        """Before a face call: consent is still to be asked, or it is not a guardian's for a minor."""
        return self.policy.require_consent and (
            not self.consent.allows_face_calls or (minor and self.consent is Consent.GIVEN))

    def new_input(self) -> None:
        """An input changed: after a recorded decision it is the next customer's; the first one is when her
        case opened, even if it is recorded later (at her consent)."""
        if self.decision is not None:
            self.close()
            self.moved_on.emit()
        if self.case_id is None and self.first_input_ms is None:
            self.first_input_ms = int(time.time() * 1000)

    # --- on the worker pool ---------------------------------------------------------------------

    def _calls(self) -> Calls:
        calls = self._context.calls
        assert calls is not None  # the pages ask only once the runtime is attached
        return calls

    def _in_background(self, job: Callable[[Calls], T], then: Callable[[T], None], failed: Failed,
                       stale: Callable[[T], None] | None = None, recording: bool = True) -> None:
        """Run ``job`` on the pool; ``then`` or ``failed`` only while the same customer is at the counter
        (``stale`` gets a late success: a case opened for a customer who has gone is closed). A
        ``recording`` keeps the case busy until it ends (a second press waits; a count does not)."""
        calls, generation, busy = self._calls(), self._generation, int(recording)

        def succeeded(value: T) -> None:
            self.busy -= busy  # first: what ``then`` starts (the check itself) must not find the case busy
            if generation == self._generation:
                then(value)
            elif stale is not None:
                stale(value)

        def failed_(exc: BaseException) -> None:
            self.busy -= busy
            if generation == self._generation:
                failed(exc)

        task = Task(lambda _progress: job(calls), self)
        task.succeeded.connect(succeeded)
        task.failed.connect(failed_)
        self.busy += busy
        task.start(self._context.pool)

    def _opening(self, consent: Consent | None, notice: str, customer: Customer) -> Callable[[Calls], str]:
        """A job that returns the case's id: opened then (with the consent, checked first) if it is not
        recorded yet, else its consent recorded."""
        case_id, profile = self.case_id, self._context.profile()

        def job(calls: Calls) -> str:
            if case_id is None:
                return calls.open_case(profile, "window", consent, notice, customer.id_number, customer.name)
            if consent is not None:
                calls.record_consent(case_id, consent, notice, customer.id_number, customer.name)
            return case_id

        return job

    def give_consent(self, consent: Consent, customer: Customer, done: Callable[[], None],
                     failed: Failed) -> None:
        """Record the customer's (or her guardian's) consent, with the notice shown and the time."""
        notice = self.notice()

        def recorded(case_id: str) -> None:
            self.case_id, self.consent = case_id, consent
            self.minor = self.minor or customer_is_minor(customer.id_number)
            self.changed.emit()
            done()

        self._in_background(self._opening(consent, notice, customer), recorded, failed, self._close_id)

    def decline(self, alternative: str | None, customer: Customer, done: Callable[[], None],
                failed: Failed) -> None:
        """The customer declined face recognition: recorded with the other way she is verified (None: she
        left), and no face call is made in this case."""
        notice = self.notice()
        decision = Decision(Outcome.OTHER_METHOD if alternative else Outcome.ABANDONED, "customer_declined",
                            alternative=alternative)

        opening = self._opening(Consent.DECLINED, notice, customer)

        def job(calls: Calls) -> tuple[str, Decision]:
            case_id = opening(calls)
            return case_id, calls.decide(case_id, decision)

        def recorded(value: tuple[str, Decision]) -> None:
            self.case_id, self.decision = value
            self.consent = Consent.DECLINED
            self.changed.emit()
            done()

        self._in_background(job, recorded, failed, lambda value: self._close_id(value[0]))

    def record(self, done: Callable[[], None], failed: Failed) -> None:
        """Record the case without consent (the policy asks none) before its first face call."""
        def recorded(case_id: str) -> None:
            self.case_id = case_id
            self.changed.emit()
            done()

        self._in_background(self._opening(None, "", Customer(None, None)), recorded, failed, self._close_id)

    def decide(self, decision: Decision, done: Callable[[Decision], None], failed: Failed) -> None:
        """Record the clerk's decision (checked by the runtime against the policy: four-eyes, allowed outcomes)."""
        case_id = self.case_id
        assert case_id is not None

        def recorded(checked: Decision) -> None:
            self.decision = checked
            self.changed.emit()
            done(checked)

        self._in_background(lambda calls: calls.decide(case_id, decision), recorded, failed)

    def call_ended(self) -> None:
        """A call of the case ended (answered, failed, or late): count its calls again, as history has them."""
        case_id = self.case_id
        if case_id is None:
            return

        def count(calls: Calls) -> Tally:
            history = calls.history
            rows = history.case_calls(case_id) if history is not None else []
            verdicts = [Verdict(row.verdict) for row in rows if row.verdict]
            return Tally(len(rows), sum(row.billing == Billing.BILLED.value for row in rows),
                         verdicts[-1] if verdicts else None)

        def counted(tally: Tally) -> None:
            self.tally = tally
            self.changed.emit()

        # a count that fails leaves the last one shown
        self._in_background(count, counted, lambda _exc: None, recording=False)

    def save_staff_id(self, staff_id: str, done: Callable[[Any], None], failed: Failed) -> None:
        """The clerk's staff ID, checked and saved to the settings file (set once per OS user)."""
        profiles = self._context.profiles
        assert profiles is not None

        def saved(value: Any) -> None:
            self.staff_changed.emit()
            done(value)

        task = Task(lambda _progress: profiles.set_counter(staff_id=staff_id), self)
        task.succeeded.connect(saved)
        task.failed.connect(failed)
        task.start(self._context.pool)

    def close(self) -> None:
        """The customer has gone: her case is closed (no decision, if none was recorded) and forgotten here.
        One who left before it was recorded (at the consent step, or before any check) is recorded now, from
        her first input, without her name or number: no face data of hers was processed."""
        case_id, first_input_ms, profile = self.case_id, self.first_input_ms, self._context.profile()
        self._reset()
        if case_id is not None:
            self._close_id(case_id)
        elif first_input_ms is not None and self._context.calls is not None:
            calls = self._calls()

            def record_and_close(_progress: object) -> None:
                calls.close_case(calls.open_case(profile, "window", opened_ms=first_input_ms))

            task = Task(record_and_close, self)
            task.failed.connect(self.problem)
            task.start(self._context.pool)
        self.changed.emit()

    def _close_id(self, case_id: str) -> None:
        calls = self._calls()
        task = Task(lambda _progress: calls.close_case(case_id), self)
        task.failed.connect(self.problem)
        task.start(self._context.pool)

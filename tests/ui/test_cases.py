"""Whole customer cases in the window, as a clerk walks them (issue 12).

Each test drives the real window with keys and clicks against the in-process sandbox and checks two
things: what the clerk sees (the consent step in the page's place, the decision panel under the
verdict, refusals next to their field, the status line) and what the bank can show an auditor
afterwards (the case row and its calls in the session's history file, the billed counters). "The
sandbox received nothing" is shown by a fault left pending: any call that reached the sandbox would
have taken it.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QMessageBox

from app.catalogue.cases import notice_text
from app.core.cases import notice_version
from app.core.history import CaseRow, History, Row
from app.core.masking import mask_id_number
from app.core.profiles import Profile
from app.core.validation import id_check_char
from app.i18n import CHINESE
from app.sandbox.faults import Fault
from app.sandbox.people import LI_SI, ZHANG_SAN
from app.ui.staff_id import StaffIdDialog
from tests.ui.helpers import (
    CALL_TIMEOUT_MS,
    CLERK,
    banner,
    consent,
    drop_file,
    open_page,
    record_decision,
    type_text,
    wait_done,
)
from tests.ui.test_habits import billed_today, status

ID_PAGE, HACK_PAGE, TOKEN_PAGE = 0, 2, 4
MINOR = "11010520150301123" + id_check_char("11010520150301123")  # born 2015-03-01: under 14 until 2029
SUPERVISOR = "S2002"
NEW_CLERK = "T2002"
RECORDED = "✓ Recorded: {}. Next customer (Esc) closes the case."
DEFAULT_NOTICE_START = "To confirm your identity, the bank will compare a short video of your face"


# --- what was recorded ------------------------------------------------------------------------------


def history(calls: Any) -> History:
    found = calls.inner.history
    assert found is not None
    return found  # type: ignore[no-any-return]


def stored(calls: Any, case_id: str) -> CaseRow:
    row = history(calls).case(case_id)
    assert row is not None, f"case {case_id} is not in the history file"
    return row


def case_calls(calls: Any, case_id: str) -> list[tuple[str, str | None, str]]:
    """The case's calls as an auditor reads them: endpoint, verdict, billing."""
    return [(row.endpoint, row.verdict, row.billing) for row in history(calls).case_calls(case_id)]


def wait_closed(qtbot: Any, calls: Any, case_id: str) -> CaseRow:
    """The case is closed on the worker pool: wait until its row says so."""
    qtbot.waitUntil(lambda: stored(calls, case_id).closed_ms is not None, timeout=CALL_TIMEOUT_MS)
    return stored(calls, case_id)


def newest_call(calls: Any) -> Row:
    return history(calls).query(limit=1)[0]


def nothing_reaches_the_sandbox(sandbox: Any) -> None:
    """Leave a fault pending: any call that reaches the sandbox takes it (the count goes down)."""
    sandbox.clear_faults()
    sandbox.inject(Fault(code="9999"))


# --- what the clerk does ----------------------------------------------------------------------------


def fill_id_page(qtbot: Any, window: Any, samples: Path, capture: str = "zhang-san.lfs",
                 name: str = ZHANG_SAN.name, id_number: str = ZHANG_SAN.id_number) -> Any:
    """The ID page with the customer's capture dropped in and her name and number typed."""
    page = open_page(window, ID_PAGE)
    drop_file(page.liveness, samples / capture)
    type_text(qtbot, page.name, name)
    type_text(qtbot, page.id_number, id_number)
    return page


def enter(qtbot: Any, page: Any) -> None:
    """Enter in the ID number field (it may be masked: a click puts the cursor there first)."""
    qtbot.mouseClick(page.id_number, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.id_number, Qt.Key.Key_Return)


def check_with_consent(qtbot: Any, window: Any, samples: Path, capture: str = "zhang-san.lfs",
                       name: str = ZHANG_SAN.name, id_number: str = ZHANG_SAN.id_number) -> tuple[Any, str]:
    """A new customer's ID check: Enter, her consent on the step, the verdict. Returns the page and her case."""
    page = fill_id_page(qtbot, window, samples, capture, name, id_number)
    enter(qtbot, page)
    consent(qtbot, page)
    wait_done(qtbot, page)
    case_id = window.context.case.case_id
    assert case_id is not None
    return page, case_id


def wait_result(qtbot: Any, page: Any) -> None:
    """The call ends and its verdict is on screen (no consent confirmed on the way)."""
    qtbot.waitUntil(lambda: not page.busy and page.result.banner.isVisible(), timeout=CALL_TIMEOUT_MS)


def wait_tally(qtbot: Any, page: Any, made: int, billed: int) -> None:
    panel = page.decision_panel
    qtbot.waitUntil(lambda: panel.isVisible()
                    and panel.tally.text() == f"This customer: {made} checks, {billed} billed", timeout=CALL_TIMEOUT_MS)


def choose(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Pick an item with the keyboard, as a clerk does in a closed combo box: Home, then Down until it shows."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, f"{text!r} is not among {items(combo)}"


def items(combo: QComboBox) -> list[str]:
    return [combo.itemText(index) for index in range(combo.count())]


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def staff_dialog(qtbot: Any) -> StaffIdDialog:
    """The staff ID dialog, once in front (the active window: what the clerk types goes there)."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), StaffIdDialog), timeout=CALL_TIMEOUT_MS)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, StaffIdDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def in_front_again(qtbot: Any, window: Any) -> None:
    """A dialog closed: the window is in front again (a window manager does that; offscreen, the test)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def below(widget: Any, other: Any, within: Any) -> bool:
    """``widget`` starts under the bottom of ``other`` (both drawn in ``within``)."""
    return bool(widget.mapTo(within, QPoint(0, 0)).y() >= other.mapTo(within, QPoint(0, other.height())).y())


@pytest.fixture
def new_clerk(runtime: Any) -> Iterator[None]:
    """A clerk who has not entered her staff ID yet on this computer account (restored afterwards: the
    runtime is the whole session's)."""
    runtime.profiles.set_counter(staff_id="")
    try:
        yield
    finally:
        runtime.profiles.set_counter(staff_id=CLERK)


@pytest.fixture
def new_clerk_window(new_clerk: None, window: Any) -> Any:
    """The window opened by a clerk without a staff ID (the status line says so from the start)."""
    return window


@pytest.fixture
def consent_not_required(runtime: Any) -> Iterator[None]:
    """The bank's policy asks no consent at the counter (restored afterwards)."""
    before = runtime.profiles.counter.policy
    runtime.profiles.set_counter(policy=dataclasses.replace(before, require_consent=False))
    try:
        yield
    finally:
        runtime.profiles.set_counter(policy=before)


# --- 1. consent, check, decision --------------------------------------------------------------------


def test_consent_comes_first_then_the_check_then_the_proposed_decision_and_next_customer_closes_the_case(
        qtbot: Any, window: Any, calls: Any, sandbox: Any, samples: Path) -> None:
    qtbot.waitUntil(lambda: window.top_bar.counters.isVisible())
    today = billed_today(window)
    calls_before, cases_before = history(calls).count(), history(calls).count_cases()
    nothing_reaches_the_sandbox(sandbox)
    page = fill_id_page(qtbot, window, samples)
    enter(qtbot, page)

    step = page.consent_step  # in the page's place: the inputs and the verdict make way
    assert step.isVisible() and not page.run_button.isVisible() and not page.result.isVisible()
    assert step.heading.text() == "The customer's consent to face recognition"
    assert step.notice.toPlainText().startswith(DEFAULT_NOTICE_START)
    assert (step.consent_button.text(), step.decline_button.text()) == ("Customer consents", "Customer declines")
    assert not step.guardian.isVisible()
    assert step.notice.hasFocus()  # what the customer is shown comes first
    assert history(calls).count() == calls_before and history(calls).count_cases() == cases_before
    assert sandbox.pending_faults() == 1, "a face call was made before consent"

    qtbot.keyClick(step.notice, Qt.Key.Key_Return)  # Enter by reflex, on the notice
    case = window.context.case
    assert case.busy == 0 and case.case_id is None and step.isVisible(), "a reflex Enter consented"
    sandbox.clear_faults()

    notice_shown = step.notice.toPlainText()
    click(qtbot, step.consent_button)
    qtbot.waitUntil(step.isHidden, timeout=CALL_TIMEOUT_MS)  # and the check runs at once, without another Enter
    wait_result(qtbot, page)
    assert banner(page)[0] == "Same person"
    case_id = case.case_id
    assert case_id is not None
    row = stored(calls, case_id)
    assert (row.consent, row.staff_id, row.minor, row.source, row.profile, row.sandbox) == (
        "given", CLERK, 0, "window", "Sandbox", 1)
    assert row.notice_version == notice_version(notice_shown) and row.consent_ms is not None
    assert (row.name_masked, row.id_masked) == ("张*", mask_id_number(ZHANG_SAN.id_number))
    assert (row.decision, row.closed_ms) == (None, None)
    assert case_calls(calls, case_id) == [("idnumber", "same_person", "billed")]
    assert row.consent_ms <= history(calls).case_calls(case_id)[0].at_ms  # consent before the call
    qtbot.waitUntil(lambda: billed_today(window) == today + 1)

    panel = page.decision_panel
    wait_tally(qtbot, page, 1, 1)
    assert below(panel, page.result.banner, page.result)
    assert panel.heading.text() == "Decision"
    assert (panel.outcome.currentText(), panel.reason.currentText()) == ("Accepted", "Checks passed")
    assert not panel.supervisor.isVisible() and not panel.alternative.isVisible()

    record_decision(qtbot, page)
    assert panel.recorded.isVisible() and not panel.record_button.isVisible()
    assert panel.recorded.text() == RECORDED.format("Accepted · Checks passed")
    row = stored(calls, case_id)
    assert (row.decision, row.reason, row.supervisor, row.alternative) == ("accepted", "verified", None, None)
    assert row.decided_ms is not None and row.closed_ms is None  # decided, her case still open

    qtbot.keyClick(page.id_number, Qt.Key.Key_Escape)  # Next customer
    row = wait_closed(qtbot, calls, case_id)
    assert (row.decision, row.reason) == ("accepted", "verified")  # closing keeps the decision
    assert case.case_id is None and not panel.isVisible() and page.id_number.text() == ""
    assert history(calls).count() == calls_before + 1


# --- 2. more checks for the same customer -----------------------------------------------------------


def test_a_second_check_in_the_same_case_is_not_asked_consent_and_the_decision_follows_the_last_verdict(
        qtbot: Any, window: Any, calls: Any, samples: Path) -> None:
    page, case_id = check_with_consent(qtbot, window, samples, capture="quality-fail.lfs")
    assert banner(page)[0] == "Please capture again"
    panel = page.decision_panel
    wait_tally(qtbot, page, 1, 0)
    assert "Accepted" not in items(panel.outcome)  # nothing was verified: not hers to accept
    assert (panel.outcome.currentText(), panel.reason.currentText()) == ("Rejected", "Recapture failed three times")

    drop_file(page.liveness, samples / "zhang-san.lfs")  # she captured again
    enter(qtbot, page)
    assert page.consent_step.isHidden(), "consent was asked again in the same case"
    wait_result(qtbot, page)
    assert banner(page)[0] == "Same person"
    assert window.context.case.case_id == case_id
    assert case_calls(calls, case_id) == [("idnumber", "recapture", "not_billed"),
                                          ("idnumber", "same_person", "billed")]
    wait_tally(qtbot, page, 2, 1)
    assert (panel.outcome.currentText(), panel.reason.currentText()) == ("Accepted", "Checks passed")
    record_decision(qtbot, page)
    assert (stored(calls, case_id).decision, stored(calls, case_id).reason) == ("accepted", "verified")


def test_a_check_on_another_page_joins_the_customer_s_case(qtbot: Any, window: Any, calls: Any,
                                                           samples: Path) -> None:
    page, case_id = check_with_consent(qtbot, window, samples)
    hack = open_page(window, HACK_PAGE)
    drop_file(hack.liveness, samples / "zhang-san.lfs")
    qtbot.keyClick(hack.liveness.browse, Qt.Key.Key_Return)
    assert hack.consent_step.isHidden(), "consent was asked again on another page"
    wait_result(qtbot, hack)
    assert banner(hack)[0] == "Live person"
    assert case_calls(calls, case_id) == [("idnumber", "same_person", "billed"), ("hack", "live_person", "billed")]
    wait_tally(qtbot, hack, 2, 2)
    assert hack.decision_panel.outcome.currentText() == "Accepted"
    record_decision(qtbot, hack)
    assert stored(calls, case_id).decision == "accepted"
    qtbot.keyClick(hack.liveness.browse, Qt.Key.Key_Escape)
    wait_closed(qtbot, calls, case_id)
    assert not page.decision_panel.isVisible() and not hack.decision_panel.isVisible()


def test_the_next_customer_s_first_input_after_a_decision_clears_the_other_pages(
        qtbot: Any, window: Any, calls: Any, samples: Path) -> None:
    page, first = check_with_consent(qtbot, window, samples)
    record_decision(qtbot, page)
    hack = open_page(window, HACK_PAGE)
    drop_file(hack.liveness, samples / "li-si.lfs")  # the next customer's capture: her case is a new one
    wait_closed(qtbot, calls, first)
    qtbot.keyClick(hack.liveness.browse, Qt.Key.Key_Return)
    consent(qtbot, hack)
    wait_result(qtbot, hack)
    second = window.context.case.case_id
    assert second is not None and second != first
    wait_tally(qtbot, hack, 1, 1)
    open_page(window, ID_PAGE)
    # the ID page forgot the first customer when the next one's capture came in: no verdict, no masked name
    assert not page.result.banner.isVisible() and not page.name.text() and not page.id_number.text()
    assert not page.decision_panel.isVisible()  # nor the second one's decision under anything
    assert hack.decision_panel.isVisibleTo(hack)  # hers is on the page of her check


def test_a_check_that_failed_proposes_no_outcome_and_the_clerk_must_choose_one(
        qtbot: Any, window: Any, calls: Any, sandbox: Any, samples: Path) -> None:
    sandbox.inject(Fault(http_status=503))  # an overloaded gateway answers an HTML page
    page, case_id = check_with_consent(qtbot, window, samples)
    assert banner(page)[0] == "The server's answer could not be read"
    panel = page.decision_panel
    wait_tally(qtbot, page, 1, 0)  # billing unknown: not counted as billed
    assert panel.outcome.currentIndex() == -1 and panel.reason.count() == 0  # no verdict, nothing proposed
    click(qtbot, panel.record_button)
    qtbot.waitUntil(lambda: panel.messages["decision"].is_problem, timeout=CALL_TIMEOUT_MS)
    assert panel.messages["decision"].words == "Choose the decision."
    assert panel.outcome.hasFocus() and stored(calls, case_id).decision is None

    choose(qtbot, panel.outcome, "Abandoned")
    choose(qtbot, panel.reason, "Technical problem")
    record_decision(qtbot, page)
    row = stored(calls, case_id)
    assert (row.decision, row.reason) == ("abandoned", "technical_problem")
    assert [(call.outcome, call.billing) for call in history(calls).case_calls(case_id)] == [("protocol", "unknown")]


# --- 3. a minor -------------------------------------------------------------------------------------


def test_a_child_s_id_number_asks_a_guardian_s_consent_and_the_case_records_a_minor(
        qtbot: Any, window: Any, calls: Any, samples: Path) -> None:
    page = fill_id_page(qtbot, window, samples, id_number=MINOR)
    enter(qtbot, page)
    step = page.consent_step
    assert step.isVisible() and step.guardian.isVisible()
    assert step.guardian.words == ("The ID number says the customer is under 14: a parent or guardian must be "
                                   "present and consent (PIPL art. 31).")
    assert step.consent_button.text() == "Guardian present and consents"
    qtbot.keyClick(step.notice, Qt.Key.Key_Tab)  # on purpose, from the keyboard: Tab to the button, Enter
    assert step.consent_button.hasFocus()
    qtbot.keyClick(step.consent_button, Qt.Key.Key_Return)
    qtbot.waitUntil(step.isHidden, timeout=CALL_TIMEOUT_MS)
    wait_result(qtbot, page)
    assert banner(page)[0] == "No record"  # the sandbox's registry holds no child
    case_id = window.context.case.case_id
    assert case_id is not None
    row = stored(calls, case_id)
    assert (row.consent, row.minor, row.id_masked) == ("guardian", 1, mask_id_number(MINOR))
    assert case_calls(calls, case_id) == [("idnumber", "no_record", "billed")]


def test_a_child_s_number_typed_after_an_adult_s_consent_asks_the_guardian_before_the_next_check(
        qtbot: Any, window: Any, calls: Any, sandbox: Any, samples: Path) -> None:
    page, case_id = check_with_consent(qtbot, window, samples, capture="quality-fail.lfs")
    type_text(qtbot, page.id_number, MINOR)  # the clerk corrects the number: the customer is a child
    nothing_reaches_the_sandbox(sandbox)
    enter(qtbot, page)
    step = page.consent_step
    assert step.isVisible() and step.guardian.isVisible(), "a child was checked on an adult's consent"
    assert step.consent_button.text() == "Guardian present and consents"
    assert sandbox.pending_faults() == 1
    sandbox.clear_faults()
    click(qtbot, step.consent_button)
    qtbot.waitUntil(step.isHidden, timeout=CALL_TIMEOUT_MS)
    wait_result(qtbot, page)
    assert window.context.case.case_id == case_id
    row = stored(calls, case_id)
    assert (row.consent, row.minor) == ("guardian", 1)
    assert [call[0] for call in case_calls(calls, case_id)] == ["idnumber", "idnumber"]


# --- 4. a customer who declines ---------------------------------------------------------------------


def test_a_customer_who_declines_is_recorded_with_the_other_method_and_no_face_call_is_made(
        qtbot: Any, window: Any, calls: Any, sandbox: Any, samples: Path) -> None:
    qtbot.waitUntil(lambda: window.top_bar.counters.isVisible())
    today = billed_today(window)
    calls_before = history(calls).count()
    nothing_reaches_the_sandbox(sandbox)
    page = fill_id_page(qtbot, window, samples)
    enter(qtbot, page)
    step = page.consent_step
    click(qtbot, step.decline_button)
    assert step.heading.text() == "The customer declines face recognition"
    assert step.decline_text.isVisible() and step.decline_text.text().startswith("No face check is made")
    assert step.alternative.hasFocus() and step.alternative.currentIndex() == -1  # she must choose

    click(qtbot, step.record_decline_button)
    assert step.alternative_message.is_problem
    assert step.alternative_message.words == "Choose the other method that was used."
    assert window.context.case.case_id is None and window.context.case.busy == 0  # nothing recorded

    click(qtbot, step.not_declined_button)  # she changes her mind: back to the notice, nothing recorded
    assert step.heading.text() == "The customer's consent to face recognition" and step.notice.isVisible()
    click(qtbot, step.back_button)  # and the clerk goes back to the inputs
    assert step.isHidden() and page.run_button.isVisible() and window.context.case.case_id is None
    enter(qtbot, page)  # asked again at the next Enter
    click(qtbot, step.decline_button)
    assert step.alternative.currentIndex() == -1  # the earlier choice does not stay

    choose(qtbot, step.alternative, "Manual check of the ID card at the counter")
    click(qtbot, step.record_decline_button)
    qtbot.waitUntil(step.declined.isVisible, timeout=CALL_TIMEOUT_MS)
    assert step.declined_summary.text() == ("✓ Recorded: declined face recognition · Verified another way: Manual "
                                            "check of the ID card at the counter")
    assert step.declined_hint.text() == ("No face check is made for this customer. Next customer (Esc) closes "
                                         "the case.")
    case_id = window.context.case.case_id
    assert case_id is not None
    row = stored(calls, case_id)
    assert (row.consent, row.decision, row.reason, row.alternative, row.staff_id) == (
        "declined", "other_method", "customer_declined", "manual_id_check", CLERK)
    assert (row.name_masked, row.id_masked) == ("张*", mask_id_number(ZHANG_SAN.id_number))  # who declined
    assert row.consent_ms is not None and row.notice_version is not None and row.closed_ms is None
    assert case_calls(calls, case_id) == [] and history(calls).count() == calls_before
    assert sandbox.pending_faults() == 1, "a declined case made a face call"

    assert step.next_button.hasFocus()
    qtbot.keyClick(step.next_button, Qt.Key.Key_Return)  # Next customer
    row = wait_closed(qtbot, calls, case_id)
    assert row.decision == "other_method"
    assert step.isHidden() and page.run_button.isVisible() and page.id_number.text() == ""
    assert history(calls).count() == calls_before and sandbox.pending_faults() == 1
    assert billed_today(window) == today


# --- 5. four eyes, and outcomes not allowed ---------------------------------------------------------


def test_accepting_a_review_score_needs_a_supervisor_who_is_not_the_clerk(
        qtbot: Any, window: Any, calls: Any, samples: Path) -> None:
    page, case_id = check_with_consent(qtbot, window, samples, capture="zhang-san-lookalike.lfs")
    assert banner(page)[0] == "Needs review"
    panel = page.decision_panel
    wait_tally(qtbot, page, 1, 1)
    # the clerk alone may not accept: the panel proposes what she may record alone
    assert (panel.outcome.currentText(), panel.reason.currentText()) == ("Rejected", "Score in the review band")
    assert not panel.supervisor.isVisible()

    choose(qtbot, panel.outcome, "Accepted")
    assert panel.four_eyes.isVisible() and panel.supervisor.isVisible() and panel.supervisor_reason.isVisible()
    assert panel.four_eyes.text() == "This result needs a second person: a supervisor enters her staff ID and a reason."
    assert panel.supervisor_reason.currentText() == "Score in the review band"
    assert panel.labels["supervisor"].text() == "Supervisor's staff ID"

    def refused_with(words: str) -> None:
        qtbot.waitUntil(lambda: panel.messages["supervisor"].is_problem, timeout=CALL_TIMEOUT_MS)
        assert panel.messages["supervisor"].words == words
        assert panel.supervisor.hasFocus() and panel.record_button.isVisible()
        assert stored(calls, case_id).decision is None

    click(qtbot, panel.record_button)
    refused_with("This result needs a second person: a supervisor enters her staff ID and a reason.")

    type_text(qtbot, panel.supervisor, CLERK.lower())  # the clerk's own ID, whatever its case
    click(qtbot, panel.record_button)
    refused_with("The supervisor must be another person: her staff ID differs from the clerk's.")

    qtbot.keyClick(panel.supervisor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.supervisor, SUPERVISOR)  # the supervisor, at the clerk's side, types her own
    assert panel.supervisor.text() == SUPERVISOR
    qtbot.keyClick(panel.supervisor, Qt.Key.Key_Return)  # Enter in the panel records the decision
    qtbot.waitUntil(lambda: window.context.case.decision is not None, timeout=CALL_TIMEOUT_MS)
    assert panel.recorded.text() == RECORDED.format(f"Accepted · Score in the review band · approved by {SUPERVISOR}")
    row = stored(calls, case_id)
    assert (row.decision, row.reason, row.supervisor, row.supervisor_reason, row.staff_id) == (
        "accepted", "review_band", SUPERVISOR, "review_band", CLERK)
    assert case_calls(calls, case_id) == [("idnumber", "needs_review", "billed")]  # Enter made no call


def test_after_a_name_and_id_mismatch_accepted_is_not_offered_and_another_method_must_be_named(
        qtbot: Any, window: Any, calls: Any, samples: Path) -> None:
    page, case_id = check_with_consent(qtbot, window, samples, name=LI_SI.name)
    assert banner(page)[0] == "Name and ID number do not match"
    panel = page.decision_panel
    wait_tally(qtbot, page, 1, 1)
    assert items(panel.outcome) == ["Rejected", "Referred to a supervisor", "Verified another way", "Abandoned"]
    assert panel.outcome.currentText() == "Rejected"
    assert panel.reason.currentText().startswith("Name and ID number do not match: check another document")

    choose(qtbot, panel.outcome, "Verified another way")
    assert panel.alternative.isVisible() and panel.alternative.currentIndex() == -1
    assert panel.reason.currentData() == "name_id_mismatch"  # the reason is kept: it explains this outcome too
    click(qtbot, panel.record_button)
    qtbot.waitUntil(lambda: panel.messages["alternative"].is_problem, timeout=CALL_TIMEOUT_MS)
    assert panel.messages["alternative"].words == "Choose the other method that was used."
    assert stored(calls, case_id).decision is None

    choose(qtbot, panel.alternative, "Online ID check (NCIIC)")
    record_decision(qtbot, page)
    row = stored(calls, case_id)
    assert (row.decision, row.reason, row.alternative, row.supervisor) == (
        "other_method", "name_id_mismatch", "online_id_check", None)
    assert panel.recorded.text() == RECORDED.format(
        "Verified another way · " + panel.reason.itemText(panel.reason.currentIndex()) + " · Online ID check (NCIIC)")


# --- 6. closed without a decision -------------------------------------------------------------------


@pytest.mark.parametrize("how", ["esc", "idle", "profile", "closing the window"])
def test_a_case_closed_without_a_decision_is_recorded_as_no_decision_with_its_call(
        qtbot: Any, window: Any, calls: Any, samples: Path, how: str) -> None:
    page, case_id = check_with_consent(qtbot, window, samples)
    wait_tally(qtbot, page, 1, 1)
    if how == "esc":
        qtbot.keyClick(page.id_number, Qt.Key.Key_Escape)
    elif how == "idle":
        window.idle.set_timeout(0.3)  # she walked away from the decision
        qtbot.waitUntil(lambda: status(window).startswith("Cleared after"), timeout=3000)
    elif how == "profile":
        profiles = calls.inner.profiles
        if "Branch" not in [p.name for p in profiles.profiles()]:
            profiles.add(Profile("Branch", base_url="https://cloudapi.example.cn", api_id="branch-01",
                                 face_threshold=0.8))
        window._fill_profiles()
        window.top_bar.profile_box.setCurrentText("Branch")  # chosen from the list in the top bar
        try:
            assert status(window) == "Now working on profile Branch."
            wait_closed(qtbot, calls, case_id)
        finally:
            window.top_bar.profile_box.setCurrentText("Sandbox")
    else:
        window.close()
        row = stored(calls, case_id)  # closed before the window is gone, not left for the next start
        assert row.closed_ms is not None
    row = wait_closed(qtbot, calls, case_id)
    assert (row.decision, row.reason, row.consent) == ("no_decision", None, "given")
    assert case_calls(calls, case_id) == [("idnumber", "same_person", "billed")]  # its call kept
    assert window.context.case.case_id is None


def test_the_idle_timeout_at_the_consent_step_takes_the_step_and_the_customer_away(
        qtbot: Any, window: Any, calls: Any, sandbox: Any, samples: Path) -> None:
    nothing_reaches_the_sandbox(sandbox)
    page = fill_id_page(qtbot, window, samples)
    enter(qtbot, page)
    assert page.consent_step.isVisible()
    window.idle.set_timeout(0.3)
    qtbot.waitUntil(lambda: status(window).startswith("Cleared after"), timeout=3000)
    assert page.consent_step.isHidden() and page.run_button.isVisible()
    assert page.id_number.text() == "" and not page.liveness.has_source()
    assert window.context.case.case_id is None and sandbox.pending_faults() == 1


def test_a_customer_who_leaves_before_her_case_is_recorded_is_kept_as_no_decision_without_her_data(
        qtbot: Any, window: Any, calls: Any, sandbox: Any, samples: Path) -> None:
    """A case opens with her first input: one who leaves at the consent step is recorded too (from her first
    input, no decision, no consent), but not her name or number: no face data of hers was processed."""
    nothing_reaches_the_sandbox(sandbox)
    before = history(calls).count_cases()
    window.next_customer()  # an empty counter: no one to record
    qtbot.wait(200)
    assert history(calls).count_cases() == before
    started = int(time.time() * 1000)
    page = fill_id_page(qtbot, window, samples)
    enter(qtbot, page)
    assert page.consent_step.isVisible()
    qtbot.keyClick(page.consent_step.notice, Qt.Key.Key_Escape)  # she leaves: Next customer
    qtbot.waitUntil(lambda: history(calls).count_cases() == before + 1, timeout=CALL_TIMEOUT_MS)
    row = history(calls).cases(limit=1)[0]
    assert started <= row.opened_ms <= row.closed_ms and row.decision == "no_decision"
    assert (row.consent, row.name_masked, row.id_masked, row.staff_id) == ("none", None, None, CLERK)
    assert case_calls(calls, row.id) == [] and sandbox.pending_faults() == 1


# --- 7. after the decision ----------------------------------------------------------------------------


def test_after_the_decision_a_reflex_enter_sends_nothing_and_a_changed_input_is_a_new_customer(
        qtbot: Any, window: Any, calls: Any, sandbox: Any, samples: Path) -> None:
    page, first = check_with_consent(qtbot, window, samples)
    record_decision(qtbot, page)
    assert stored(calls, first).decision == "accepted"
    sent = history(calls).count()
    nothing_reaches_the_sandbox(sandbox)

    enter(qtbot, page)  # the same inputs, by reflex
    assert status(window) == "This customer's decision is recorded: Next customer (Esc) starts the next one."
    click(qtbot, page.run_button)
    assert not page.busy and page.consent_step.isHidden()
    assert not [box for box in page.findChildren(QMessageBox) if box.isVisible()]  # not even "check again?"
    assert history(calls).count() == sent and sandbox.pending_faults() == 1
    sandbox.clear_faults()

    type_text(qtbot, page.name, LI_SI.name)  # the next customer's name, typed over the masked one
    row = wait_closed(qtbot, calls, first)  # the decided case is closed by the first edit
    assert row.decision == "accepted" and window.context.case.case_id is None
    enter(qtbot, page)
    assert page.consent_step.isVisible(), "the next customer was not asked her consent"
    consent(qtbot, page)
    wait_result(qtbot, page)
    second = window.context.case.case_id
    assert second is not None and second != first
    assert stored(calls, second).consent == "given"
    assert case_calls(calls, second) == [("idnumber", "name_id_mismatch", "billed")]
    assert case_calls(calls, first) == [("idnumber", "same_person", "billed")]
    wait_tally(qtbot, page, 1, 1)  # the new case's own count


# --- 8. the clerk's staff ID --------------------------------------------------------------------------


def test_the_first_face_check_asks_the_clerk_s_staff_id_and_a_token_call_needs_none(
        qtbot: Any, new_clerk_window: Any, calls: Any, sandbox: Any, samples: Path) -> None:
    window = new_clerk_window
    assert window.status_staff.text() == "Staff ID: not set"

    token = open_page(window, TOKEN_PAGE)  # no face data: neither staff ID nor consent
    click(qtbot, token.run_button)
    assert token.consent_step.isHidden() and QApplication.activeModalWidget() is None
    wait_result(qtbot, token)
    assert banner(token)[0] == "Token issued"
    assert (newest_call(calls).endpoint, newest_call(calls).case_id) == ("token", None)
    assert window.context.case.case_id is None

    nothing_reaches_the_sandbox(sandbox)
    cases_before = history(calls).count_cases()
    page = fill_id_page(qtbot, window, samples)
    enter(qtbot, page)
    dialog = staff_dialog(qtbot)
    cancel = next(b for b in dialog.buttons.buttons()
                  if dialog.buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.RejectRole)
    click(qtbot, cancel)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    in_front_again(qtbot, window)
    assert status(window) == ("Nothing was sent: your staff ID is recorded with each customer's consent, so it comes "
                              "first.")
    assert page.consent_step.isHidden() and history(calls).count_cases() == cases_before
    assert sandbox.pending_faults() == 1

    enter(qtbot, page)
    dialog = staff_dialog(qtbot)
    assert dialog.edit.hasFocus()
    qtbot.keyClicks(dialog.edit, "a b")
    click(qtbot, dialog.save_button)
    assert dialog.message.is_problem and dialog.message.words == "A staff ID is 1 to 32 letters, digits, - or _."
    assert dialog.isVisible() and calls.inner.profiles.counter.staff_id == ""

    qtbot.keyClick(dialog.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.edit, NEW_CLERK)
    with qtbot.waitSignal(dialog.accepted, timeout=CALL_TIMEOUT_MS):
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # Enter saves
    assert calls.inner.profiles.counter.staff_id == NEW_CLERK
    qtbot.waitUntil(lambda: window.status_staff.text() == f"Staff ID: {NEW_CLERK}")
    step = page.consent_step
    qtbot.waitUntil(step.isVisible)  # the check goes on by itself: her consent next
    in_front_again(qtbot, window)
    assert window.focusWidget() is step.notice, window.focusWidget()
    assert sandbox.pending_faults() == 1
    sandbox.clear_faults()

    consent(qtbot, page)
    wait_result(qtbot, page)
    case_id = window.context.case.case_id
    assert case_id is not None and stored(calls, case_id).staff_id == NEW_CLERK

    open_page(window, TOKEN_PAGE)  # a token in the middle of her case stays outside it
    click(qtbot, token.run_button)
    assert token.consent_step.isHidden()
    qtbot.waitUntil(lambda: not token.busy and newest_call(calls).endpoint == "token", timeout=CALL_TIMEOUT_MS)
    assert newest_call(calls).case_id is None
    assert case_calls(calls, case_id) == [("idnumber", "same_person", "billed")]
    assert not token.decision_panel.isVisible()


# --- 9. a policy without consent ------------------------------------------------------------------------


def test_a_policy_without_consent_asks_none_and_still_records_the_case_and_its_calls(
        qtbot: Any, consent_not_required: None, window: Any, calls: Any, samples: Path) -> None:
    page = fill_id_page(qtbot, window, samples)
    enter(qtbot, page)
    assert page.consent_step.isHidden()
    wait_result(qtbot, page)
    assert banner(page)[0] == "Same person"
    case_id = window.context.case.case_id
    assert case_id is not None
    row = stored(calls, case_id)
    assert (row.consent, row.consent_ms, row.notice_version, row.staff_id) == ("none", None, None, CLERK)
    assert case_calls(calls, case_id) == [("idnumber", "same_person", "billed")]
    wait_tally(qtbot, page, 1, 1)
    record_decision(qtbot, page)
    qtbot.keyClick(page.id_number, Qt.Key.Key_Escape)
    row = wait_closed(qtbot, calls, case_id)
    assert (row.consent, row.decision, row.reason) == ("none", "accepted", "verified")


# --- 10. in Chinese ---------------------------------------------------------------------------------------


TALLY_IN_CHINESE = "本客户：核验 1 次，计费 1 次"


def chinese(text: str) -> bool:
    """Chinese words, and no English sentence among them (a code, a law's short name or a key may stay)."""
    return bool(re.search(r"[\u4e00-\u9fff]", text)) and not re.search(r"[A-Za-z]+[ ,.'’]+[A-Za-z]{2,}", text)


def test_the_consent_step_and_the_decision_panel_speak_chinese(qtbot: Any, window: Any, calls: Any,
                                                                samples: Path) -> None:
    page = fill_id_page(qtbot, window, samples, id_number=MINOR)
    enter(qtbot, page)
    step = page.consent_step
    assert step.heading.text() == "The customer's consent to face recognition"
    window.set_language(CHINESE, remember=False)  # switched with the step on screen: it follows
    qtbot.waitUntil(lambda: step.heading.text() == "客户对人脸识别的同意")
    assert step.consent_button.text() == "监护人在场并同意"
    assert step.decline_button.text() == "客户不同意，改用其他方式"
    for text in (step.intro.text(), step.guardian.words, step.notice_label.text(), step.notice.toPlainText(),
                 step.back_button.text()):
        assert chinese(text), text
    notice_shown = step.notice.toPlainText()
    assert notice_shown == notice_text("") and not notice_shown.startswith(DEFAULT_NOTICE_START)

    click(qtbot, step.decline_button)  # what declining would ask, in Chinese too
    for text in (step.heading.text(), step.decline_text.text(), step.alternative_label.text(),
                 step.record_decline_button.text(), step.not_declined_button.text(), *items(step.alternative)):
        assert chinese(text), text
    click(qtbot, step.not_declined_button)
    click(qtbot, step.consent_button)
    qtbot.waitUntil(step.isHidden, timeout=CALL_TIMEOUT_MS)
    wait_result(qtbot, page)
    case_id = window.context.case.case_id
    assert case_id is not None
    row = stored(calls, case_id)
    assert (row.consent, row.minor) == ("guardian", 1)
    assert row.notice_version == notice_version(notice_shown)  # the notice she was shown, in her language

    panel = page.decision_panel
    qtbot.waitUntil(lambda: panel.isVisible() and panel.tally.text() == TALLY_IN_CHINESE, timeout=CALL_TIMEOUT_MS)
    assert panel.heading.text() == "处理决定" and panel.record_button.text() == "记录处理决定"
    for text in (panel.labels["decision"].text(), panel.labels["reason"].text(), *items(panel.outcome),
                 *items(panel.reason)):
        assert chinese(text), text
    record_decision(qtbot, page)
    assert chinese(panel.recorded.text()), panel.recorded.text()

    qtbot.keyClick(page.id_number, Qt.Key.Key_Escape)
    wait_closed(qtbot, calls, case_id)
    page, case_id = check_with_consent(qtbot, window, samples, capture="zhang-san-lookalike.lfs")
    qtbot.waitUntil(lambda: panel.isVisible() and panel.tally.text() == TALLY_IN_CHINESE, timeout=CALL_TIMEOUT_MS)
    assert panel.outcome.currentText() == "不通过"  # "rejected": accepting needs a supervisor
    choose(qtbot, panel.outcome, "通过")
    for text in (panel.four_eyes.text(), panel.labels["supervisor"].text(), panel.labels["supervisor_reason"].text(),
                 *items(panel.supervisor_reason)):
        assert chinese(text), text
    click(qtbot, panel.record_button)
    qtbot.waitUntil(lambda: panel.messages["supervisor"].is_problem, timeout=CALL_TIMEOUT_MS)
    assert chinese(panel.messages["supervisor"].words), panel.messages["supervisor"].words

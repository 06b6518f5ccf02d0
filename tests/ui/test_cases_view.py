"""History's Cases view as an auditor and a clerk use it: cases made through the runtime against the
sandbox are listed newest first and paged, filtered by each filter, opened to their calls (and from a
call to the Calls view), exported (masked, formula-safe), and Next customer leaves nothing personal."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QThreadPool

from app.core.cases import Consent, Decision, Outcome
from app.core.contract import FileSource, HackRequest, IdNumberRequest
from app.core.history import CaseFilter, History
from app.core.masking import mask_id_number
from app.core.validation import id_check_char
from app.sandbox.people import ZHANG_SAN
from app.sandbox.server import Sandbox
from app.ui.cases_view import CASE_COLUMNS, CasesView
from app.ui.folders import StartFolders
from app.ui.history_page import HistoryPage
from app.ui.widgets.clipboard import ClipboardKeeper
from tests.ui.test_habits import choose_file, in_file_dialog

NOTICE = "The notice the customer was shown."
MINOR = "11010520150301123" + id_check_char("11010520150301123")  # born 2015-03-01: under 14 until 2029
FILLERS = 50  # customers who left before any check: with the five below, more than a page
CASES = FILLERS + 5
COLUMN = {name: index for index, name in enumerate(CASE_COLUMNS)}


@dataclass(frozen=True)
class Desk:
    runtime: Any
    ids: dict[str, str]  # the five cases of note by name

    @property
    def history(self) -> History:
        history = self.runtime.history
        assert history is not None
        return history


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory, sandbox: Sandbox, samples: Path) -> Iterator[Desk]:
    """A runtime of its own (its history holds exactly these cases) on the session's sandbox, with the
    cases two clerks made: checks, a supervisor's approval, a decline, a minor, a case left undecided."""
    from app.core.secrets import MemorySecretStore
    from app.runtime import Runtime
    from tests.ui.helpers import assert_nothing_personal

    home = tmp_path_factory.mktemp("cases-home")
    runtime = Runtime(environ={"LINKFACE_DESK_HOME": str(home)}, sandbox=sandbox, secrets=MemorySecretStore(),
                      log_to_file=False)

    def case(consent: Consent, id_number: str | None = None) -> str:
        time.sleep(0.002)  # customers do not arrive in the same millisecond: the order is the opening time's
        return runtime.open_case("Sandbox", consent=consent, notice=NOTICE, id_number=id_number)

    def id_check(case_id: str, capture: str, name: str = ZHANG_SAN.name, id_number: str = ZHANG_SAN.id_number) -> None:
        runtime.run("Sandbox", IdNumberRequest(name, id_number, FileSource(samples / capture)), case_id=case_id)

    runtime.profiles.set_counter(staff_id="A0100")
    for _ in range(FILLERS):
        filler = case(Consent.DECLINED)
        runtime.decide(filler, Decision(Outcome.ABANDONED, "customer_left"))
        runtime.close_case(filler)
    runtime.profiles.set_counter(staff_id="A0101")
    accepted = case(Consent.GIVEN, ZHANG_SAN.id_number)
    id_check(accepted, "zhang-san.lfs")
    runtime.run("Sandbox", HackRequest(FileSource(samples / "zhang-san.lfs")), case_id=accepted)
    runtime.decide(accepted, Decision(Outcome.ACCEPTED, "verified"))
    runtime.close_case(accepted)
    review = case(Consent.GIVEN, ZHANG_SAN.id_number)
    id_check(review, "zhang-san-lookalike.lfs")
    runtime.decide(review, Decision(Outcome.ACCEPTED, "review_band", "B0217", "review_band"))
    runtime.close_case(review)
    runtime.profiles.set_counter(staff_id="A0102")
    declined = case(Consent.DECLINED)
    runtime.decide(declined, Decision(Outcome.OTHER_METHOD, "customer_declined", alternative="manual_id_check"))
    runtime.close_case(declined)
    minor = case(Consent.GUARDIAN, MINOR)
    id_check(minor, "zhang-san.lfs", "张小", MINOR)
    runtime.decide(minor, Decision(Outcome.REJECTED, "no_record"))
    runtime.close_case(minor)
    typo = case(Consent.GIVEN, ZHANG_SAN.id_number)  # a name typed with a leading "-": masked "-**"
    id_check(typo, "zhang-san.lfs", "-" + ZHANG_SAN.name)
    runtime.close_case(typo)  # without a decision: "no decision"
    yield Desk(runtime, {"accepted": accepted, "review": review, "declined": declined, "minor": minor, "typo": typo})
    runtime.close()
    assert_nothing_personal(home)


@pytest.fixture
def page(qtbot: Any, desk: Desk) -> HistoryPage:
    widget = HistoryPage(lambda: desk.runtime.history, lambda: ["Sandbox"], QThreadPool(), ClipboardKeeper(),
                         folders=StartFolders())
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(lambda: not widget.loading)
    return widget


def open_cases(qtbot: Any, page: HistoryPage) -> CasesView:
    bar = page.views.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    view = page.cases
    qtbot.waitUntil(lambda: view.isVisible() and not view.loading and bool(view.model.rows))
    return view


def cell(view: CasesView, row: int, column: str) -> str:
    return str(view.model.data(view.model.index(row, COLUMN[column])))


def ids(view: CasesView) -> list[str]:
    return [line.case.id for line in view.model.rows]


def search(qtbot: Any, view: CasesView) -> None:
    qtbot.mouseClick(view.apply, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.loading)


def choose(combo: Any, value: str | None) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_newest_first_masked_and_paged(qtbot: Any, page: HistoryPage, desk: Desk) -> None:
    view = open_cases(qtbot, page)
    assert len(view.model.rows) == 50 and view.count_label.text() == f"Cases 1–50 of {CASES}"
    assert ids(view)[:5] == [desk.ids[name] for name in ("typo", "minor", "declined", "review", "accepted")]
    typo, minor, declined, review, accepted = range(5)
    assert cell(view, typo, "Customer") == "-** " + mask_id_number(ZHANG_SAN.id_number)
    assert cell(view, typo, "Decision") == "No decision" and cell(view, typo, "Operator") == "A0102"
    assert cell(view, minor, "Minor") == "Yes" and cell(view, minor, "Consent") == "guardian's consent"
    assert cell(view, minor, "Customer") == "张* " + mask_id_number(MINOR)
    assert cell(view, declined, "Consent") == "declined face recognition"
    assert cell(view, declined, "Alternative") == "Manual check of the ID card at the counter"
    assert cell(view, declined, "Calls / billed") == "0 / 0" and cell(view, accepted, "Calls / billed") == "2 / 2"
    assert cell(view, review, "Supervisor") == "B0217" and cell(view, review, "Reason") == "Score in the review band"
    assert cell(view, accepted, "Profile") == "Sandbox (SANDBOX)" and cell(view, accepted, "Minor") == "No"
    assert page.views.tabText(1) == "Cases"
    assert view.next.isEnabled() and not view.previous.isEnabled()
    view.next.click()
    qtbot.waitUntil(lambda: not view.loading and len(view.model.rows) == CASES - 50)
    assert view.count_label.text() == f"Cases 51–{CASES} of {CASES}" and not view.next.isEnabled()
    assert {cell(view, row, "Decision") for row in range(CASES - 50)} == {"Abandoned"}
    view.previous.click()
    qtbot.waitUntil(lambda: not view.loading and len(view.model.rows) == 50)
    assert ids(view)[0] == desk.ids["typo"]


def test_each_filter(qtbot: Any, page: HistoryPage, desk: Desk) -> None:
    view = open_cases(qtbot, page)
    choose(view.decision, "accepted")
    search(qtbot, view)
    assert ids(view) == [desk.ids["review"], desk.ids["accepted"]]
    choose(view.reason, "review_band")
    search(qtbot, view)
    assert ids(view) == [desk.ids["review"]]
    choose(view.decision, None)
    choose(view.reason, "customer_left")
    search(qtbot, view)
    assert len(ids(view)) == 50 and view.count_label.text().endswith(f"of {FILLERS}")
    choose(view.reason, None)
    qtbot.keyClicks(view.operator, "A0102")
    qtbot.keyClick(view.operator, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.loading and len(view.model.rows) == 3)
    assert ids(view) == [desk.ids[name] for name in ("typo", "minor", "declined")]
    view.operator.setText(desk.history.case(desk.ids["typo"]).operator)  # the OS account: every case
    search(qtbot, view)
    assert view.count_label.text().endswith(f"of {CASES}")
    view.operator.setText("")
    qtbot.keyClicks(view.supervisor, "B0217")
    search(qtbot, view)
    assert ids(view) == [desk.ids["review"]]
    view.supervisor.setText("")
    view.use_dates.setChecked(True)
    tomorrow = QDate.currentDate().addDays(1)
    view.since.setDate(tomorrow)
    view.until.setDate(tomorrow)
    search(qtbot, view)
    assert ids(view) == [] and view.count_label.text() == "Cases 0–0 of 0"
    view.since.setDate(QDate.currentDate())
    view.until.setDate(QDate.currentDate())  # to the end of the day: today's cases are in
    search(qtbot, view)
    assert view.count_label.text().endswith(f"of {CASES}")


def test_a_case_shows_its_calls_and_one_opens_in_the_calls_view(qtbot: Any, page: HistoryPage, desk: Desk) -> None:
    view = open_cases(qtbot, page)
    accepted = ids(view).index(desk.ids["accepted"])
    view.table.selectRow(accepted)
    qtbot.waitUntil(lambda: not view.loading and len(view.calls_model.rows) == 2)
    calls = desk.history.case_calls(desk.ids["accepted"])
    assert view.case_id.text() == desk.ids["accepted"]
    assert view.consent.text().startswith("consent given · ") and "notice n-" in view.consent.text()
    assert view.decided.text().startswith("Accepted · ") and view.why.text() == "Checks passed"
    texts = [[str(view.calls_model.data(view.calls_model.index(row, column))) for column in range(6)]
             for row in range(2)]
    assert [row[1:4] for row in texts] == [["ID verification", "Same person", "Yes"],
                                           ["Hack detection", "Live person", "Yes"]]
    assert [row[4:] for row in texts] == [[call.request_id, call.sequence_id] for call in calls]
    assert not view.show_in_calls.isEnabled()
    view.calls.selectRow(1)
    assert view.request_id.text() == calls[1].request_id and view.sequence_id.text() == calls[1].sequence_id
    assert view.request_id.button.isEnabled()

    view.table.selectRow(ids(view).index(desk.ids["review"]))
    qtbot.waitUntil(lambda: not view.loading and len(view.calls_model.rows) == 1)
    assert view.approval.text() == "B0217 · Score in the review band" and view.request_id.text() == ""
    view.calls.selectRow(0)
    review_call = desk.history.case_calls(desk.ids["review"])[0]
    qtbot.mouseClick(view.show_in_calls, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.views.currentIndex() == 0 and not page.loading and len(page.model.rows) == 1)
    assert page.search.text() == review_call.request_id
    assert page.request_id.text() == review_call.request_id  # selected, its details shown


def test_export_csv_is_masked_and_formula_safe(qtbot: Any, page: HistoryPage, desk: Desk, tmp_path: Path) -> None:
    view = open_cases(qtbot, page)
    view.operator.setText("A0102")
    search(qtbot, view)
    out = tmp_path / "cases.csv"
    view.export_csv(str(out))
    qtbot.waitUntil(lambda: view.count_label.text() == f"Exported 3 cases to {out}")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [row["case_id"] for row in rows] == [desk.ids[name] for name in ("typo", "minor", "declined")]
    typo, minor, declined = rows
    assert typo["name_masked"] == "'-**"  # a spreadsheet would read -** as a formula
    assert typo["decision"] == "no_decision" and typo["calls"] == "1"
    assert minor["id_masked"] == mask_id_number(MINOR) and minor["minor"] == "1" and minor["consent"] == "guardian"
    assert declined["alternative"] == "manual_id_check" and declined["staff_id"] == "A0102"
    text = out.read_text(encoding="utf-8-sig")
    assert MINOR not in text and ZHANG_SAN.id_number not in text and ZHANG_SAN.name not in text
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value


def test_every_case_is_exported_not_only_the_page(qtbot: Any, page: HistoryPage, desk: Desk, tmp_path: Path) -> None:
    view = open_cases(qtbot, page)
    out = tmp_path / "all.csv"
    view.export_csv(str(out))
    qtbot.waitUntil(lambda: view.count_label.text().startswith(f"Exported {CASES} cases"))
    with out.open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.DictReader(f))) == CASES == desk.history.count_cases(CaseFilter())


# --- in the window ------------------------------------------------------------------------------------


@pytest.fixture
def desk_window(qtbot: Any, desk: Desk) -> Iterator[Any]:
    """The window on the desk's runtime (its cases), in English."""
    from app.i18n import ENGLISH, Translations
    from app.ui.main_window import MainWindow
    from app.ui.preferences import PreferenceStore
    from tests.ui.conftest import GatedCalls

    translations = Translations()
    translations.set_language(ENGLISH)
    runtime = desk.runtime
    main = MainWindow(GatedCalls(runtime), translations, PreferenceStore(None), runtime.profiles, runtime.secrets)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()


def window_cases(qtbot: Any, window: Any) -> CasesView:
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # History
    history = window.history()
    qtbot.waitUntil(lambda: history.isVisible() and not history.loading)
    return open_cases(qtbot, history)


@pytest.mark.parametrize("how", ["esc", "idle"])
def test_next_customer_and_the_idle_timeout_clear_what_the_view_holds(qtbot: Any, desk_window: Any, desk: Desk,
                                                                       how: str) -> None:
    window = desk_window
    view = window_cases(qtbot, window)
    qtbot.keyClicks(view.operator, "A0101")
    qtbot.keyClicks(view.supervisor, "B0217")
    search(qtbot, view)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: not view.loading and len(view.calls_model.rows) == 1)
    view.calls.selectRow(0)
    assert view.case_id.text() == desk.ids["review"] and view.request_id.text()
    if how == "esc":
        qtbot.keyClick(view.operator, Qt.Key.Key_Escape)
    else:
        window.idle.set_timeout(0.3)
        qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Cleared after"), timeout=3000)
    assert view.operator.text() == view.supervisor.text() == ""
    for field in (view.operator, view.supervisor):
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo brings nothing back
        assert field.text() == ""
    assert not view.table.currentIndex().isValid() and view.case_id.text() == ""
    assert view.consent.text() == view.approval.text() == view.request_id.text() == ""
    assert view.calls_model.rows == []
    qtbot.waitUntil(lambda: not view.loading and len(view.model.rows) == 50)  # read again, unfiltered
    assert view.calls_model.rows == [] and view.case_id.text() == ""  # no late read brings them back


def test_the_export_dialog_opens_where_the_calls_export_does(qtbot: Any, desk_window: Any, tmp_path: Path) -> None:
    window = desk_window
    view = window_cases(qtbot, window)
    window.folders.last = tmp_path  # the folder of the last file saved (the Calls view's export, say)
    out = tmp_path / "cases-export.csv"
    assert in_file_dialog(qtbot, window, view.export.click, choose_file(out)) == tmp_path
    qtbot.waitUntil(lambda: view.count_label.text().startswith("Exported "))
    assert out.read_text(encoding="utf-8-sig").startswith("case_id,opened,closed,")


def test_cases_filters_are_not_clipped_at_1024(qtbot: Any, desk_window: Any) -> None:
    window = desk_window
    window.showNormal()
    window.resize(1024, 700)
    view = window_cases(qtbot, window)
    qtbot.waitUntil(lambda: window.width() == 1024)
    for name in ("use_dates", "since", "until", "decision", "reason", "operator", "supervisor", "apply"):
        widget = getattr(view, name)
        assert widget.visibleRegion().boundingRect() == widget.rect(), name  # wholly drawn, nothing cut off

"""The History page as support uses it: newest first, filters, search, details, export, delete, recheck."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox

from app.core.contract import (
    CallResult,
    Endpoint,
    FileSource,
    HackData,
    HackRequest,
    IdNumberData,
    IdNumberRequest,
    StoredIdSource,
)
from app.core.errors import ApiError
from app.core.history import History
from app.ui.history_page import HistoryPage
from app.ui.widgets.copy_field import ClipboardKeeper

ID = "11010519491231002X"


@pytest.fixture
def history(tmp_path: Path) -> Iterator[History]:
    h = History(tmp_path / "history.sqlite3")
    request = IdNumberRequest("张三", ID, FileSource(Path("c.lfs")))
    for n in range(60):
        h.record_result("Branch", request, CallResult(Endpoint.ID_NUMBER, IdNumberData(1, 1, 1, 50.0, None, f"L{n}"),
                                                      f"R{n}", f"S{n}", 1), 0.7)
    h.record_result("Sandbox", HackRequest(StoredIdSource("L1")),
                    CallResult(Endpoint.HACK, HackData(0.995, "L1"), "R-hack", "S-hack", 1), 0.7, sandbox=True)
    h.record_failure("Branch", request, ApiError("1009", "调用频率过高", "R-err", 2, "S-err"), "S-err", 0.1)
    yield h
    h.close()


@pytest.fixture
def page(qtbot: Any, history: History) -> HistoryPage:
    pool = QThreadPool()
    widget = HistoryPage(lambda: history, lambda: ["Sandbox", "Branch"], pool, ClipboardKeeper())
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitUntil(lambda: not widget.loading and bool(widget.model.rows))
    return widget


def cell(page: HistoryPage, row: int, column: int) -> str:
    return str(page.model.data(page.model.index(row, column)))


def search(qtbot: Any, page: HistoryPage, text: str) -> None:
    page.search.setText(text)
    qtbot.mouseClick(page.apply, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.loading)


def test_newest_first_paged_and_masked(page: HistoryPage) -> None:
    assert len(page.model.rows) == 50
    assert cell(page, 0, 3) == "API error 1009" and cell(page, 1, 3) == "Suspected attack"
    assert "SANDBOX" in cell(page, 1, 1)
    assert cell(page, 2, 5) == "张*" and cell(page, 2, 6) == "110105********002X"
    assert "Rows 1–50 of 62" in page.count_label.text()
    assert page.next.isEnabled() and not page.previous.isEnabled()


def test_next_page(qtbot: Any, page: HistoryPage) -> None:
    page.next.click()
    qtbot.waitUntil(lambda: not page.loading and len(page.model.rows) == 12)
    assert "Rows 51–62 of 62" in page.count_label.text() and not page.next.isEnabled()


def test_search_by_full_id_request_id_and_filters(qtbot: Any, page: HistoryPage) -> None:
    search(qtbot, page, "R-hack")
    assert [r.request_id for r in page.model.rows] == ["R-hack"]
    search(qtbot, page, ID.lower())
    assert page.count_label.text().endswith("of 61")
    search(qtbot, page, "")
    page.billed.setCurrentIndex(page.billed.findData("not_billed"))
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading)
    assert [r.request_id for r in page.model.rows] == ["R-err"]


def test_details_copy_and_recheck(qtbot: Any, page: HistoryPage) -> None:
    page.table.selectRow(1)
    assert page.request_id.text() == "R-hack" and page.liveness_id.text() == "L1"
    assert '"hack_score": 0.995' in page.raw.toPlainText()
    with qtbot.waitSignal(page.recheck_requested) as signal:
        page.recheck.click()
    assert signal.args == ["hack", "L1"]
    page.table.selectRow(0)
    assert not page.recheck.isEnabled() and '"code": "1009"' in page.raw.toPlainText()


def test_export_csv_of_the_filtered_rows(qtbot: Any, page: HistoryPage, tmp_path: Path) -> None:
    search(qtbot, page, "R-hack")
    out = tmp_path / "export.csv"
    page.export_csv(str(out))
    qtbot.waitUntil(lambda: "Exported 1 rows" in page.count_label.text())
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["request_id"] for r in rows] == ["R-hack"]


def test_an_export_that_cannot_be_written_says_why_and_what_to_do(qtbot: Any, page: HistoryPage,
                                                                   tmp_path: Path) -> None:
    locked = tmp_path / "read-only"
    locked.mkdir()
    locked.chmod(0o500)  # a folder the clerk may not write to (root ignores the mode: a missing folder then)
    out = locked / "export.csv" if os.geteuid() != 0 else tmp_path / "gone" / "export.csv"
    try:
        page.export_csv(str(out))
        qtbot.waitUntil(lambda: "could not be written" in page.count_label.text())
    finally:
        locked.chmod(0o700)
    text = page.count_label.text()
    assert str(out) in text and "choose another folder" in text and not out.exists()
    page.views.setCurrentIndex(1)  # the Cases view says it the same way
    qtbot.waitUntil(lambda: not page.cases.loading)
    page.cases.export_csv(str(out))
    qtbot.waitUntil(lambda: "could not be written" in page.cases.count_label.text())


def test_delete_all_asks_first(qtbot: Any, page: HistoryPage, history: History,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: QMessageBox.StandardButton.Cancel)
    page.delete_all.click()
    assert history.count() == 62
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.changed):
        page.delete_all.click()
    qtbot.waitUntil(lambda: not page.loading and not page.model.rows)
    assert history.count() == 0


def test_retention_setting_is_saved(qtbot: Any, page: HistoryPage, history: History) -> None:
    assert page.retention.minimum() == 180  # call records: at least six months (Cybersecurity Law art. 21)
    page.retention.setValue(400)
    with qtbot.waitSignal(page.changed):
        page.retention.editingFinished.emit()
    assert history.retention_days == 400


# --- in the window: what the clerk did is what support finds ----------------------------------------


def test_window_calls_are_recorded_counted_and_checked_again(qtbot: Any, window: Any, samples: Path,
                                                             sandbox: Any) -> None:
    from app.sandbox.faults import Fault
    from app.sandbox.people import ZHANG_SAN
    from tests.ui.helpers import open_page, press_enter_and_wait, type_text

    runtime = window.calls.inner
    before = runtime.history.count()
    today_before = runtime.billed_counts("Sandbox").today
    page = open_page(window, 0)
    page.liveness.set_path(samples / "zhang-san.lfs")
    type_text(qtbot, page.name, ZHANG_SAN.name)
    type_text(qtbot, page.id_number, ZHANG_SAN.id_number)
    press_enter_and_wait(qtbot, page, page.id_number)
    sandbox.inject(Fault(code="1009"))
    page = open_page(window, 2)
    page.liveness.set_path(samples / "zhang-san.lfs")
    press_enter_and_wait(qtbot, page)
    assert runtime.history.count() == before + 2
    qtbot.waitUntil(lambda: f"Billed today {today_before + 1} " in window.top_bar.counters.text())

    window.sidebar.setCurrentRow(6 - 1)  # History follows the five task pages
    history = window.history()
    assert window.stack.currentWidget() is history
    qtbot.waitUntil(lambda: not history.loading and len(history.model.rows) >= 2)
    assert cell(history, 0, 3) == "API error 1009"
    assert cell(history, 1, 3) == "Same person" and cell(history, 1, 5) == "张*"
    assert cell(history, 1, 6) == ZHANG_SAN.id_number[:6] + "********" + ZHANG_SAN.id_number[-4:]
    history.table.selectRow(1)
    liveness_id = history.liveness_id.text()
    assert liveness_id and history.recheck.isEnabled()
    history.recheck.click()
    assert window.stack.currentIndex() == 0
    assert window.current_page.liveness.source() == StoredIdSource(liveness_id)


def test_diagnostics_from_the_history_page(qtbot: Any, window: Any, tmp_path: Path) -> None:
    import zipfile

    window.sidebar.setCurrentRow(5)
    history = window.history()
    assert history.export_diagnostics.isVisible()
    out = tmp_path / "diag.zip"
    history.write_diagnostics(str(out))
    qtbot.waitUntil(lambda: "Diagnostics written" in history.count_label.text())
    with zipfile.ZipFile(out) as archive:
        versions = archive.read("versions.json").decode()
    assert '"qt"' in versions and '"app"' in versions

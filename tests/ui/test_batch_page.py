"""The Batch page driven as a support engineer would, against the sandbox over real HTTP: a branch's folder
with good and bad files shows its plan, the question before billable calls (No sends nothing: a pending
sandbox fault is still pending), Yes fills the table and writes a valid report, Cancel stops after the
current file with the report valid, rows compared side by side, the page readable by a screen reader."""

from __future__ import annotations

import csv
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.core import batch
from app.i18n import CHINESE, ENGLISH
from app.sandbox.faults import Fault
from app.ui.main_window import BATCH_INDEX, HISTORY_INDEX
from app.ui.pages.batch_page import BatchPage
from tests.ui.a11y_rules import problems
from tests.ui.helpers import CALL_TIMEOUT_MS

GOOD = ("zhang-san.lfs", "li-si.lfs", "attack-photo.lfs")
YES, NO = QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.NoRole


@pytest.fixture
def branch(tmp_path: Path, samples: Path) -> Path:
    """A branch's folder: three captures, a text file, an image, and a zip with a good member and one whose
    name leads outside it."""
    folder = tmp_path / "branch"
    (folder / "sub").mkdir(parents=True)
    for index, name in enumerate(GOOD):
        shutil.copy(samples / name, (folder / "sub" if index % 2 else folder) / name)
    shutil.copy(samples / "not-an-image.txt", folder / "notes.txt")
    shutil.copy(samples / "zhang-san-selfie.jpg", folder / "selfie.jpg")
    with zipfile.ZipFile(folder / "sent.zip", "w") as archive:
        archive.write(samples / "wang-wu.lfs", "wang-wu.lfs")
        archive.writestr("../evil.lfs", (samples / "li-si.lfs").read_bytes())
    return folder


def open_batch(window: Any) -> BatchPage:
    window.sidebar.setCurrentRow(BATCH_INDEX)
    page = window.batch_page
    assert isinstance(page, BatchPage) and window.stack.currentWidget() is page
    return page


def planned(qtbot: Any, page: BatchPage, *paths: Path) -> batch.Plan:
    page.add_paths(list(paths))
    qtbot.waitUntil(lambda: page.plan is not None, timeout=CALL_TIMEOUT_MS)
    assert page.plan is not None
    return page.plan


def question(page: BatchPage) -> QMessageBox | None:
    boxes = [box for box in page.findChildren(QMessageBox) if box.isVisible()]
    return boxes[0] if boxes else None


def button(box: QMessageBox, role: QMessageBox.ButtonRole) -> Any:
    return next(candidate for candidate in box.buttons() if box.buttonRole(candidate) == role)


def ask(qtbot: Any, page: BatchPage) -> QMessageBox:
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: question(page) is not None, timeout=3000)
    box = question(page)
    assert box is not None
    return box


def wait_ended(qtbot: Any, page: BatchPage) -> None:
    qtbot.waitUntil(lambda: not page.busy, timeout=CALL_TIMEOUT_MS * 2)


def test_the_batch_page_follows_history_in_the_sidebar(window: Any) -> None:
    assert len(window.pages) == HISTORY_INDEX and BATCH_INDEX == HISTORY_INDEX + 1
    assert window.sidebar.count() == BATCH_INDEX + 1
    assert window.sidebar.item(BATCH_INDEX).text() == "Batch"
    page = open_batch(window)
    assert QApplication.focusWidget() is page.first_input()


def test_a_folder_with_good_and_bad_files_shows_its_plan(qtbot: Any, window: Any, branch: Path) -> None:
    page = open_batch(window)
    plan = planned(qtbot, page, branch)
    assert len(plan.items) == 7 and len(plan.refused) == 3 and plan.billable_calls == 4
    assert page.plan_text.text() == "7 files: 3 refused locally, 4 calls to make, 4 of them billable."
    reasons = [page.refused.item(i).text() for i in range(page.refused.count())]
    assert any("notes.txt" in text and "text file" in text for text in reasons)
    assert any("selfie.jpg" in text and "image" in text for text in reasons)
    assert any("evil.lfs" in text and "outside" in text for text in reasons)
    assert page.run_button.isEnabled() and not page.refused.isHidden()

    page.call.setCurrentIndex(page.call.findData("hack"))  # another call: planned again
    qtbot.waitUntil(lambda: page.plan is not None and page.plan.endpoints[0].value == "hack", timeout=CALL_TIMEOUT_MS)


def test_files_dropped_on_the_page_are_added(qtbot: Any, window: Any, branch: Path) -> None:
    page = open_batch(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(branch / "zhang-san.lfs")), QUrl.fromLocalFile(str(branch / "sent.zip"))])
    where, action = QPoint(10, 10), Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, action, mime, buttons, modifiers)
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(page, QDropEvent(QPointF(where), action, mime, buttons, modifiers))
    assert page.paths == [branch / "zhang-san.lfs", branch / "sent.zip"] and page.sources.count() == 2
    qtbot.waitUntil(lambda: page.plan is not None, timeout=CALL_TIMEOUT_MS)
    assert page.plan is not None and len(page.plan.items) == 3 and page.plan.billable_calls == 2


def test_the_report_dialog_starts_in_the_capture_folder(qtbot: Any, window: Any, branch: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window.preferences.capture_folder = str(branch)
    page = open_batch(window)
    seen: list[str] = []

    def save_dialog(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        seen.append(start)
        return str(tmp_path / "chosen"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    page.format.setCurrentIndex(page.format.findData("html"))
    assert page.choose_report()
    assert seen == [str(branch / "batch-report.html")]
    assert page.report_path == tmp_path / "chosen.html" and page.report.text() == str(tmp_path / "chosen.html")


def test_no_to_the_question_sends_nothing(qtbot: Any, window: Any, branch: Path, tmp_path: Path, sandbox: Any,
                                          calls: Any) -> None:
    page = open_batch(window)
    planned(qtbot, page, branch)
    page.set_report(tmp_path / "report.csv")
    sandbox.clear_faults()
    sandbox.inject(Fault(code="9999"))  # any call that reached the sandbox would take it
    before = calls.history.count()
    box = ask(qtbot, page)
    assert "4 billable calls" in box.text() and "Sandbox" in box.text()
    assert box.defaultButton() is button(box, NO) and box.escapeButton() is button(box, NO)
    assert "4" in button(box, YES).text()
    qtbot.mouseClick(button(box, NO), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: question(page) is None, timeout=3000)
    assert not page.busy and page.rows == [] and page.progress_text.text() == "Not run: nothing was sent."
    assert sandbox.pending_faults() == 1 and calls.history.count() == before
    assert not (tmp_path / "report.csv").exists()
    sandbox.clear_faults()


def test_yes_runs_fills_the_table_and_writes_a_valid_report(qtbot: Any, window: Any, branch: Path, tmp_path: Path,
                                                            calls: Any) -> None:
    page = open_batch(window)
    planned(qtbot, page, branch)
    page.set_report(tmp_path / "report.jsonl")
    assert page.report_format is batch.Format.JSONL
    before = calls.history.count()
    box = ask(qtbot, page)
    qtbot.mouseClick(button(box, YES), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.busy or page.summary is not None, timeout=3000)
    wait_ended(qtbot, page)
    assert page.error is None and page.summary is not None and not page.summary.cancelled
    assert page.table.rowCount() == 7 == len(page.rows)
    shown = {page.table.item(row, 0).text(): page.table.item(row, 2).text() for row in range(7)}
    assert shown["branch/notes.txt"].startswith("Refused locally")
    answered = [row for row in page.rows if row["status"] == "ok"]
    assert len(answered) == 4 and all(row["request_id"] and row["billed"] == "billed" for row in answered)
    for row in range(7):
        if page.rows[row]["status"] == "ok":
            assert page.table.item(row, 4).text() == page.rows[row]["request_id"]
            assert page.table.item(row, 3).text() == "billed"
    assert page.progress.value() == page.progress.maximum() == 4
    assert page.progress_text.text().startswith("Done: 7 rows, 4 billed.")
    fmt, rows = batch.read_report(tmp_path / "report.jsonl")
    assert fmt is batch.Format.JSONL and len(rows) == 7
    assert [row["file"] for row in rows] == [row["file"] for row in page.rows]
    assert calls.history.count() == before + 4
    for line in (tmp_path / "report.jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line)
    # nothing of it is cleared by "Next customer": a batch is support work
    window.next_customer()
    assert page.table.rowCount() == 7 and page.paths == [branch]


def test_cancel_stops_after_the_current_file_and_the_report_is_valid(qtbot: Any, window: Any, branch: Path,
                                                                     tmp_path: Path, calls: Any) -> None:
    page = open_batch(window)
    plan = planned(qtbot, page, branch / "zhang-san.lfs", branch / "sub" / "li-si.lfs", branch / "attack-photo.lfs")
    assert plan.billable_calls == 3
    page.set_report(tmp_path / "report.csv")
    calls.hold_at = 0.5  # the first file's upload waits halfway
    box = ask(qtbot, page)
    qtbot.mouseClick(button(box, YES), Qt.MouseButton.LeftButton)
    assert calls.reached.wait(CALL_TIMEOUT_MS / 1000)
    assert page.busy and page.cancel_button.isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert page.progress_text.text() == "Stopping after the current file…" and not page.cancel_button.isEnabled()
    calls.release.set()
    wait_ended(qtbot, page)
    assert page.summary is not None and page.summary.cancelled
    assert len(page.rows) == 1 and page.rows[0]["status"] == "ok" and page.table.rowCount() == 1
    assert "Stopped after the current file" in page.progress_text.text()
    with (tmp_path / "report.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 1 and rows[0]["file"].endswith("zhang-san.lfs") and rows[0]["request_id"]
    assert batch.read_report(tmp_path / "report.csv")[1][0]["status"] == "ok"


def test_the_consent_on_file_is_asked_when_the_policy_requires_it(qtbot: Any, window: Any, branch: Path,
                                                                  tmp_path: Path, sandbox: Any) -> None:
    page = open_batch(window)
    planned(qtbot, page, branch / "zhang-san.lfs")
    page.set_report(tmp_path / "report.csv")
    assert page.consent.isChecked() and window.context.case.policy.require_consent
    page.consent.setChecked(False)
    sandbox.clear_faults()
    sandbox.inject(Fault(code="9999"))
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert question(page) is None and not page.busy
    assert "consent" in page.progress_text.text() and sandbox.pending_faults() == 1
    sandbox.clear_faults()


def test_rows_of_the_same_capture_compared_side_by_side(qtbot: Any, window: Any, branch: Path, tmp_path: Path) -> None:
    shutil.copy(branch / "zhang-san.lfs", branch / "again.lfs")  # the same capture sent twice
    page = open_batch(window)
    planned(qtbot, page, branch / "zhang-san.lfs", branch / "again.lfs", branch / "attack-photo.lfs")
    page.set_report(tmp_path / "report.html")
    qtbot.mouseClick(button(ask(qtbot, page), YES), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.rows) == 3 and not page.busy, timeout=CALL_TIMEOUT_MS)
    assert not page.compare_button.isEnabled()
    page.table.selectAll()
    assert page.compare_button.isEnabled()
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    assert page.compare_box.isVisible() and page.compare_table.columnCount() == 3
    assert page.same_capture.text() == "Rows 1 and 2 are the same capture (same SHA-256)."
    labels = [page.compare_table.verticalHeaderItem(i).text() for i in range(page.compare_table.rowCount())]
    assert "Liveness result" in labels and "Motions" in labels and "request_id" in labels
    page.table.clearSelection()
    page.table.selectRow(1)
    page.table.selectionModel().select(page.table.model().index(2, 0),
                                       page.table.selectionModel().SelectionFlag.Select
                                       | page.table.selectionModel().SelectionFlag.Rows)
    page.compare()
    assert page.same_capture.text() == "No capture appears twice among them."
    assert batch.read_report(tmp_path / "report.html")[0] is batch.Format.HTML


def a11y_tree(window: Any, qtbot: Any, branch: Path, language: str) -> Any:
    from tests.ui.test_accessibility import BRANCH_SCREEN, read

    window.showNormal()
    window.resize(*BRANCH_SCREEN)
    page = open_batch(window)
    if not page.paths:
        planned(qtbot, page, branch)  # the refused list shows too
    window.set_language(language, remember=False)
    qtbot.wait(20)
    return read(window)


def test_the_page_is_readable_in_english(qtbot: Any, window: Any, branch: Path) -> None:
    tree = a11y_tree(window, qtbot, branch, ENGLISH)
    assert problems(tree, ENGLISH, frozenset({"Sandbox"})) == []
    page = window.batch_page
    for label, field in ((page.sources_label, page.sources), (page.call_label, page.call),
                         (page.format_label, page.format), (page.report_label, page.report),
                         (page.refused_label, page.refused), (page.rows_label, page.table)):
        assert label.buddy() is field and label.text()
    for control in (page.add_files_button, page.add_folder_button, page.remove_button, page.choose_report_button,
                    page.run_button, page.cancel_button, page.compare_button, page.consent):
        assert control.text()


def test_the_page_is_readable_in_chinese(qtbot: Any, window: Any, branch: Path) -> None:
    from tests.ui.a11y_rules import differences

    english = a11y_tree(window, qtbot, branch, ENGLISH)
    chinese = a11y_tree(window, qtbot, branch, CHINESE)
    data = frozenset({"Sandbox", "branch", "notes", "txt", "selfie", "jpg", "sent", "zip", "evil", "lfs", "tmp", "root",
                      "pytest"})
    found = problems(chinese, CHINESE, data) + differences(english, chinese)
    assert not found, "\n".join(found)

"""The Batch page: a support engineer's inspection of the captures a branch sends (files, folders, zip
archives), with the calls made through the runtime one file after another (app.core.batch) and a report
written row by row.

The plan (what will be sent, what is refused locally and why, how many calls can be billed) is made on
the worker pool as soon as the list changes; running asks first, naming the billable calls (No is the
default). The batch runs on the worker pool too: its rows reach the table as they come, with the counts
and the time left; Cancel stops after the current file and the report stays valid. Each file sent is a
case of its own with the consent on file (captures a branch made), as the policy requires.

A batch is support work, not a customer: "Next customer" leaves it alone (it keeps running, its table
stays; its rows hold file names, sizes, hashes and ids, no customer's input).

The refusals' reasons, outcomes, billing words and column headings are app.catalogue.batch's, shared
with the command line; the HTML report's few sentences are the command line's source text ("Cli").
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalogue.batch import ReportWords, billing_words, describe, heading_words, status_words
from app.catalogue.tasks import task_name
from app.catalogue.words import duration
from app.core import batch
from app.core.cases import Consent
from app.core.contract import Endpoint, Request
from app.core.errors import LinkFaceError
from app.core.interpret import Checked
from app.ui.context import Calls, PageContext
from app.ui.widgets.common import Retranslating, ask_before_billing, scaled_font
from app.ui.words import motion_text, verdict_text
from app.ui.worker import Task

TABLE_COLUMNS = ("file", "endpoint", "outcome", "billed", "request_id")
COMPARED = ("file", "sha256", "endpoint", "status", "code", "verdict", "liveness_result", "motions", "hack_score",
            "request_id", "sequence_id", "billed")
FORMAT_FILTERS = {batch.Format.CSV: "CSV (*.csv)", batch.Format.JSONL: "JSON lines (*.jsonl)",
                  batch.Format.HTML: "HTML (*.html)"}


def outcome_words(row: Mapping[str, Any]) -> str:
    """What a row came to: the verdict, or the outcome with the code (or the reason when refused)."""
    if row.get("verdict"):
        return verdict_text(str(row["verdict"]))
    status = str(row.get("status") or "")
    if status == batch.Status.REFUSED.value:
        return f"{status_words(status)}: {row.get('reason') or ''}".rstrip(": ")
    code = str(row.get("code") or "")
    return f"{status_words(status)} {code}".strip() + (f": {row['reason']}" if row.get("reason") else "")


class CallsRunner:
    """The window's runtime as a batch runs it (app.core.batch.Runner): calls by the profile's name."""

    def __init__(self, calls: Calls) -> None:
        self._calls = calls

    def run(self, profile: Any, request: Request, progress: Any = None, sequence_id: str | None = None,
            case_id: str | None = None) -> Checked:
        return self._calls.run(str(profile), request, progress, case_id=case_id)

    def open_case(self, profile: Any, source: str = "window", consent: Consent | None = None, notice: str = "",
                  id_number: str | None = None) -> str:
        return self._calls.open_case(str(profile), source, consent, notice, id_number)

    def close_case(self, case_id: str) -> None:
        self._calls.close_case(case_id)

    def discard_case(self, case_id: str) -> None:
        discard = getattr(self._calls, "discard_case", None)  # the Runtime has it; else closed as no decision
        (discard or self._calls.close_case)(case_id)


class _Relay(QObject):
    """Lives in the UI thread: what the batch emits on the pool thread is queued to it."""

    happened = Signal(object)


def duplicates(rows: Sequence[Mapping[str, Any]]) -> list[tuple[int, int, str]]:
    """Pairs of rows (by position) that are the same capture: same sha-256, or same returned request_id."""
    found = []
    for i, first in enumerate(rows):
        for j in range(i + 1, len(rows)):
            second = rows[j]
            if first.get("sha256") and first.get("sha256") == second.get("sha256"):
                found.append((i, j, "sha256"))
            elif first.get("request_id") and first.get("request_id") == second.get("request_id"):
                found.append((i, j, "request_id"))
    return found


class BatchPage(Retranslating, QWidget):
    """The page. Signals: status(str) for the status line; busy_changed(bool) when a batch starts or ends."""

    status = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.paths: list[Path] = []
        self.plan: batch.Plan | None = None
        self._plan_generation = 0
        self.planning = False
        self.busy = False
        self.report_path: Path | None = None
        self.rows: list[dict[str, Any]] = []
        self.summary: batch.Summary | None = None
        self.error: BaseException | None = None
        self._cancel: threading.Event | None = None
        self._question: QMessageBox | None = None
        self._relay = _Relay(self)
        self._relay.happened.connect(self._on_event)
        self.setAcceptDrops(True)

        self.title = QLabel(self)
        self.title.setFont(scaled_font(self, 1.45, bold=True))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)

        self.sources_label = QLabel(self)
        self.sources = QListWidget(self)
        self.sources.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.sources.setAcceptDrops(False)  # the page takes the drop
        self.sources_label.setBuddy(self.sources)
        self.add_files_button = QPushButton(self)
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button = QPushButton(self)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_selected)

        self.call_label = QLabel(self)
        self.call = QComboBox(self)
        for endpoint in batch.BATCH_ENDPOINTS:
            self.call.addItem("", endpoint.value)
        self.call_label.setBuddy(self.call)
        self.call.currentIndexChanged.connect(lambda _index: self.refresh_plan())

        self.consent = QCheckBox(self)
        self.consent.setChecked(True)

        self.format_label = QLabel(self)
        self.format = QComboBox(self)
        for fmt in batch.Format:
            self.format.addItem("", fmt.value)
        self.format_label.setBuddy(self.format)
        self.format.currentIndexChanged.connect(lambda _index: self._format_changed())
        self.report_label = QLabel(self)
        self.report = QLineEdit(self)
        self.report.setReadOnly(True)
        self.report_label.setBuddy(self.report)
        self.choose_report_button = QPushButton(self)
        self.choose_report_button.clicked.connect(self.choose_report)

        self.plan_text = QLabel(self)
        self.plan_text.setWordWrap(True)
        self.refused_label = QLabel(self)
        self.refused = QListWidget(self)
        self.refused_label.setBuddy(self.refused)

        self.run_button = QPushButton(self)
        self.run_button.setFont(scaled_font(self, 1.1, bold=True))
        self.run_button.setMinimumHeight(36)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress_text = QLabel(self)
        self.progress_text.setWordWrap(True)

        self.rows_label = QLabel(self)
        self.table = QTableWidget(0, len(TABLE_COLUMNS), self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.rows_label.setBuddy(self.table)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.compare_button = QPushButton(self)
        self.compare_button.clicked.connect(self.compare)
        self.compare_button.setEnabled(False)
        self.compare_label = QLabel(self)
        self.compare_table = QTableWidget(0, 0, self)
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_label.setBuddy(self.compare_table)
        self.same_capture = QLabel(self)
        self.same_capture.setWordWrap(True)
        self.compare_box = QWidget(self)
        compare_layout = QVBoxLayout(self.compare_box)
        compare_layout.setContentsMargins(0, 0, 0, 0)
        compare_layout.addWidget(self.compare_label)
        compare_layout.addWidget(self.same_capture)
        compare_layout.addWidget(self.compare_table)
        self.compare_box.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        grid = QGridLayout()
        grid.addWidget(self.sources_label, 0, 0, 1, 2)
        grid.addWidget(self.sources, 1, 0, 3, 1)
        grid.addWidget(self.add_files_button, 1, 1)
        grid.addWidget(self.add_folder_button, 2, 1)
        grid.addWidget(self.remove_button, 3, 1)
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        options = QGridLayout()
        options.addWidget(self.call_label, 0, 0)
        options.addWidget(self.call, 0, 1)
        options.addWidget(self.format_label, 0, 2)
        options.addWidget(self.format, 0, 3)
        options.addWidget(self.report_label, 1, 0)
        options.addWidget(self.report, 1, 1, 1, 3)
        options.addWidget(self.choose_report_button, 1, 4)
        options.addWidget(self.consent, 2, 0, 1, 5)
        options.setColumnStretch(1, 1)
        options.setColumnStretch(3, 1)
        layout.addLayout(options)
        layout.addWidget(self.plan_text)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused)
        self.refused.setMaximumHeight(90)
        # the lists and the table give way first on a branch PC's screen (they scroll), not the page
        for listing in (self.sources, self.refused, self.table):
            listing.setMinimumHeight(48)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        layout.addLayout(run_row)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.rows_label)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.compare_box, 1)
        self.retranslate()
        self._show_plan()

    # --- words --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Batch inspection"))
        self.hint.setText(self.tr("Support work: inspect the captures a branch sent (files, folders, zip archives) "
                                  "and write a report to attach to a ticket. Drop them here or add them."))
        self.sources_label.setText(self.tr("&Captures to inspect:"))
        self.add_files_button.setText(self.tr("Add &files…"))
        self.add_folder_button.setText(self.tr("Add fol&der…"))
        self.remove_button.setText(self.tr("&Remove from the list"))
        self.call_label.setText(self.tr("C&all:"))
        for index in range(self.call.count()):
            self.call.setItemText(index, task_name(str(self.call.itemData(index))))
        self.consent.setText(self.tr("The customers' consent is on file (recorded when the branch made the captures)"))
        self.format_label.setText(self.tr("Report &format:"))
        names = {batch.Format.CSV: self.tr("CSV (spreadsheet)"), batch.Format.JSONL: self.tr("JSON lines"),
                 batch.Format.HTML: self.tr("Web page (HTML)")}
        for index in range(self.format.count()):
            self.format.setItemText(index, names[batch.Format(self.format.itemData(index))])
        self.report_label.setText(self.tr("Re&port:"))
        self.report.setPlaceholderText(self.tr("Not chosen yet"))
        self.choose_report_button.setText(self.tr("Choose &where…"))
        self.refused_label.setText(self.tr("Refused locally (not sent):"))
        self.run_button.setText(self.tr("R&un the batch"))
        self.cancel_button.setText(self.tr("Cancel after the current file"))
        self.progress.setAccessibleName(self.tr("Batch progress"))
        self.rows_label.setText(self.tr("Rows of the report:"))
        self.table.setHorizontalHeaderLabels([self._column_words(column) for column in TABLE_COLUMNS])
        self.compare_button.setText(self.tr("Compare the selected rows"))
        self.compare_label.setText(self.tr("Side by side:"))
        self._show_plan()
        for index, row in enumerate(self.rows):
            self._fill_row(index, row)
        if self.compare_box.isVisible():
            self.compare()

    def _column_words(self, column: str) -> str:
        return self.tr("Outcome") if column == "outcome" else heading_words(column)

    # --- the list of captures -----------------------------------------------------------------

    def heightForWidth(self, width: int) -> int:
        """As tall as the screen allows, down to the minimum: the lists and the table share the height (as
        History's page: asked, the layout answers its preferred height and the page scrolls)."""
        return self.minimumSizeHint().height()

    def first_input(self) -> QWidget:
        return self.add_files_button

    def add_paths(self, paths: Sequence[Path]) -> None:
        """Add files, folders or zip archives to the list (each once), then make the plan again."""
        if self.busy:
            self.status.emit(self.tr("A batch is running: add captures once it has ended."))
            return
        added = False
        for path in paths:
            if path not in self.paths:
                self.paths.append(path)
                self.sources.addItem(batch.printable(str(path)))
                added = True
        if added:
            self.refresh_plan()

    def remove_selected(self) -> None:
        if self.busy:
            return
        rows = sorted((self.sources.row(item) for item in self.sources.selectedItems()), reverse=True)
        for row in rows:
            self.sources.takeItem(row)
            del self.paths[row]
        if rows:
            self.refresh_plan()

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add captures"), str(self.context.folders.start(True)),
            self.tr("Captures and zip archives (*)"))
        if names:
            self.context.folders.last = Path(names[0]).parent
            self.add_paths([Path(name) for name in names])

    def choose_folder(self) -> None:
        folder = self.context.folders.folder(self, self.tr("Add a folder of captures"), "")
        if folder is not None:
            self.add_paths([folder])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.busy and event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and not self.busy:
            event.acceptProposedAction()
            self.add_paths(paths)

    @property
    def endpoint(self) -> Endpoint:
        return Endpoint(str(self.call.currentData()))

    # --- the plan (on the worker pool: it reads and hashes every file) -------------------------

    def refresh_plan(self) -> None:
        self._plan_generation += 1
        generation, paths, endpoint = self._plan_generation, list(self.paths), self.endpoint
        self.plan = None
        if not paths:
            self.planning = False
            self._show_plan()
            return
        self.planning = True
        self._show_plan()
        task = Task(lambda _progress: batch.make_plan(batch.collect(paths), (endpoint,)), self)
        task.succeeded.connect(lambda plan: self._planned(generation, plan))
        task.failed.connect(lambda exc: self._plan_failed(generation, exc))
        task.start(self.context.pool)

    def _planned(self, generation: int, plan: batch.Plan) -> None:
        if generation != self._plan_generation:
            return  # the list changed since: a newer plan is on its way
        self.planning = False
        self.plan = plan
        self._show_plan()

    def _plan_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._plan_generation:
            return
        self.planning = False
        self._show_plan()
        self.plan_text.setText(self.tr("The captures cannot be listed: %1").replace("%1", str(exc)))

    def _show_plan(self) -> None:
        plan = self.plan
        reasons = [f"{item.name}: {describe(item.refusal)}" for item in (plan.refused if plan else ())
                   if item.refusal is not None]
        if self.refused.count() != len(reasons):
            self.refused.clear()
            self.refused.addItems(reasons)
        else:  # in place: a screen reader keeps the items it knows (a language change)
            for index, text in enumerate(reasons):
                self.refused.item(index).setText(text)
        if self.planning:
            self.plan_text.setText(self.tr("Reading the captures…"))
        elif plan is None:
            self.plan_text.setText(self.tr("Add captures to see what will be sent."))
        else:
            self.plan_text.setText(
                self.tr("%1 files: %2 refused locally, %3 calls to make, %4 of them billable.")
                .replace("%1", str(len(plan.items))).replace("%2", str(len(plan.refused)))
                .replace("%3", str(plan.call_count)).replace("%4", str(plan.billable_calls)))
        has_refused = self.refused.count() > 0
        self.refused_label.setVisible(has_refused)
        self.refused.setVisible(has_refused)
        self.run_button.setEnabled(not self.busy and plan is not None and bool(plan.calls))

    # --- the report's place ---------------------------------------------------------------------

    @property
    def report_format(self) -> batch.Format:
        return batch.Format(str(self.format.currentData()))

    def _format_changed(self) -> None:
        if self.report_path is not None:  # the name follows the format chosen
            self.set_report(self.report_path.with_suffix("." + self.report_format.value))

    def set_report(self, path: Path) -> None:
        fmt = batch.Format.for_path(path)
        if fmt is not None and fmt is not self.report_format:
            self.format.blockSignals(True)
            self.format.setCurrentIndex(self.format.findData(fmt.value))
            self.format.blockSignals(False)
        self.report_path = path
        self.report.setText(str(path))

    def choose_report(self) -> bool:
        """Where to write the report: a save dialog that starts in the capture folder. True if chosen."""
        fmt = self.report_format
        start = self.context.folders.start(True) / f"batch-report.{fmt.value}"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the batch report"), str(start),
                                              FORMAT_FILTERS[fmt])
        if not name:
            return False
        path = Path(name)
        if batch.Format.for_path(path) is None:
            path = path.with_name(path.name + "." + fmt.value)
        self.context.folders.last = path.parent
        self.set_report(path)
        return True

    # --- running ------------------------------------------------------------------------------

    def run(self) -> None:
        """Check what the batch needs, ask before billable calls (No is the default), then start it."""
        if self.busy or self._question is not None:
            return
        calls = self.context.calls
        if calls is None:
            self.status.emit(self.tr("Starting… try again in a moment."))
            return
        plan = self.plan
        if plan is None or not plan.calls:
            self.status.emit(self.tr("Add captures first: there is nothing to send."))
            return
        if self.context.case.policy.require_consent and not self.consent.isChecked():
            self.progress_text.setText(self.tr("The policy requires the customers' consent: confirm it is on file, "
                                               "or do not send these captures. Nothing was sent."))
            return
        if self.report_path is None and not self.choose_report():
            self.status.emit(self.tr("No report chosen: nothing was sent."))
            return
        if plan.billable_calls == 0:
            self._start(plan)
            return
        self._question = ask_before_billing(
            self, self.tr("Make billable calls?"),
            self.tr("This batch makes %1 billable calls on the profile %2.")
            .replace("%1", str(plan.billable_calls)).replace("%2", self.context.profile()),
            self.tr("Make %1 billable calls").replace("%1", str(plan.billable_calls)), self.tr("Do not send"),
            lambda box, make: self._answered(box, make, plan))

    def _answered(self, box: QMessageBox, make: bool, plan: batch.Plan) -> None:
        if box is not self._question:
            return
        self._question = None
        box.deleteLater()
        if make and plan is self.plan and not self.busy:
            self._start(plan)
        else:
            self.progress_text.setText(self.tr("Not run: nothing was sent."))

    def _start(self, plan: batch.Plan) -> None:
        calls = self.context.calls
        assert calls is not None and self.report_path is not None
        profile = self.context.profile()
        path, fmt, relay = self.report_path, self.report_format, self._relay
        consent = Consent.ON_FILE if self.consent.isChecked() else None
        options = batch.Options(consent=consent, notice=self.context.case.notice(), source="window")
        cancel = self._cancel = threading.Event()
        runner = CallsRunner(calls)
        sandbox = calls.is_sandbox(profile)

        def job(_progress: object) -> batch.Summary:
            words = ReportWords(verdict_text, motion_text)
            with batch.Report(path, fmt, words=words, profile=profile, sandbox=sandbox) as report:
                return batch.run_batch(runner, profile, plan, report.write, options, cancel,
                                       relay.happened.emit, describe)

        self.rows.clear()
        self.table.setRowCount(0)
        self.compare_box.hide()
        self.summary, self.error = None, None
        self._set_busy(True)
        self.progress.setRange(0, max(1, plan.call_count))
        self.progress.setValue(0)
        self.progress_text.setText(self.tr("Starting the batch…"))
        task = Task(job, self)
        task.succeeded.connect(self._finished)
        task.failed.connect(self._failed)
        task.start(self.context.pool)

    def cancel(self) -> None:
        """Stop after the current file (its call, once sent, is waited for and written)."""
        if self._cancel is not None and self.busy:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.progress_text.setText(self.tr("Stopping after the current file…"))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.cancel_button.setEnabled(busy)
        for widget in (self.add_files_button, self.add_folder_button, self.remove_button, self.call, self.format,
                       self.choose_report_button, self.consent):
            widget.setEnabled(not busy)
        self._show_plan()
        self.busy_changed.emit(busy)

    def _on_event(self, event: batch.Event) -> None:
        if event.wait_s:
            self.progress_text.setText(
                self.tr("The API says the call rate is too high (1009, not billed): waiting %1 before trying again.")
                .replace("%1", duration(event.wait_s)))
            return
        if event.row is None:
            return
        row = dict(event.row)
        self.rows.append(row)
        self.table.setRowCount(len(self.rows))
        self._fill_row(len(self.rows) - 1, row)
        self.progress.setValue(min(event.done, self.progress.maximum()))
        if self._cancel is not None and self._cancel.is_set():
            return  # "stopping after the current file" stays on screen
        left = event.remaining_s
        text = self.tr("%1 of %2 calls done.").replace("%1", str(event.done)).replace("%2", str(event.total))
        if left is not None and event.done < event.total:
            text += " " + self.tr("About %1 left.").replace("%1", duration(left))
        self.progress_text.setText(text)

    def _fill_row(self, index: int, row: Mapping[str, Any]) -> None:
        values = {"file": str(row.get("file") or ""), "endpoint": task_name(str(row.get("endpoint") or "")),
                  "outcome": outcome_words(row), "billed": billing_words(str(row.get("billed") or "")),
                  "request_id": str(row.get("request_id") or "")}
        for column, key in enumerate(TABLE_COLUMNS):
            self.table.setItem(index, column, QTableWidgetItem(values[key]))

    def _finished(self, summary: batch.Summary) -> None:
        self.summary = summary
        self._end()

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        self._end()

    def _end(self) -> None:
        self._set_busy(False)
        path = str(self.report_path)
        if self.error is not None:
            why = describe(self.error) if isinstance(self.error, LinkFaceError) else str(self.error)
            self.progress_text.setText(self.tr("The batch stopped: %1. The report %2 holds the rows written so far.")
                                       .replace("%1", why).replace("%2", path))
        elif self.summary is not None and self.summary.cancelled:
            self.progress_text.setText(self.tr("Stopped after the current file: the report %1 holds what was done "
                                               "(%2 rows).").replace("%1", path).replace("%2", str(len(self.rows))))
        else:
            summary = self.summary or batch.Summary()
            self.progress_text.setText(
                self.tr("Done: %1 rows, %2 billed. The report is %3.").replace("%1", str(summary.rows))
                .replace("%2", str(summary.billed)).replace("%3", path))
            if summary.billing_unknown:
                self.progress_text.setText(self.progress_text.text() + " " + self.tr(
                    "%1 calls got no answer after they were sent: their billing is unknown and a person must "
                    "decide (the report marks them).").replace("%1", str(summary.billing_unknown)))
        self.status.emit(self.progress_text.text())

    # --- compare ------------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def _selection_changed(self) -> None:
        self.compare_button.setEnabled(len(self.selected_rows()) >= 2)

    def compare(self) -> None:
        """The selected rows side by side (one column each), and which of them are the same capture."""
        chosen = self.selected_rows()
        if len(chosen) < 2:
            self.compare_box.hide()
            return
        rows = [self.rows[index] for index in chosen]
        table = self.compare_table
        table.setColumnCount(len(rows))
        table.setRowCount(len(COMPARED))
        table.setVerticalHeaderLabels([heading_words(key) for key in COMPARED])
        table.setHorizontalHeaderLabels([self.tr("Row %1").replace("%1", str(index + 1)) for index in chosen])
        for column, row in enumerate(rows):
            for line, key in enumerate(COMPARED):
                table.setItem(line, column, QTableWidgetItem(self._compared_value(key, row)))
        same = duplicates(rows)
        if same:
            words = []
            for first, second, why in same:
                text = (self.tr("Rows %1 and %2 are the same capture (same SHA-256).") if why == "sha256"
                        else self.tr("Rows %1 and %2 have the same returned request_id."))
                words.append(text.replace("%1", str(chosen[first] + 1)).replace("%2", str(chosen[second] + 1)))
            self.same_capture.setText(" ".join(words))
        else:
            self.same_capture.setText(self.tr("No capture appears twice among them."))
        self.compare_box.show()

    def _compared_value(self, key: str, row: Mapping[str, Any]) -> str:
        value = str(row.get(key) or "")
        if key == "endpoint":
            return task_name(value)
        if key == "status":
            return status_words(value)
        if key == "verdict":
            return verdict_text(value) if value else ""
        if key == "billed":
            return billing_words(value)
        if key == "motions" and value:
            words = ReportWords(verdict_text, motion_text)
            return ", ".join(words.motion(int(code)) if code.strip().isdigit() else code for code in value.split(","))
        if key == "liveness_result" and value:
            return self.tr("live") if value == "true" else self.tr("not live")
        return value

    # --- the window -----------------------------------------------------------------------------

    def clear(self) -> bool:
        """Next customer: a batch is support work, not a customer's, so it stays as it is. False: no call of
        a customer's is awaited here."""
        return False

    def close_question(self) -> None:
        box, self._question = self._question, None
        if box is not None:
            box.done(0)
            box.deleteLater()

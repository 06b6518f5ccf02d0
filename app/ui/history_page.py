"""The History page: what was checked, when, by whom and whether it was billed — masked as stored.

Queries run on the worker pool (the UI thread never waits on the disk); the table shows one page
of rows at a time. A row's details have copy buttons for the ids support quotes to the vendor,
and "Check again on this capture" when the server returned a liveness id.

When the history file cannot be used the page says why; a damaged file can be moved aside (kept
for IT) with the operator's agreement, which starts a new history.

Signals:
    recheck_requested(str, str): endpoint, liveness_encrypt_data_id of the selected row.
    changed(): history was deleted, moved aside or its retention changed (counters should refresh).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalogue.tasks import task_name
from app.catalogue.words import history_problem
from app.core.contract import Endpoint
from app.core.errors import Billing
from app.core.history import (
    DEFAULT_RETENTION_DAYS,
    MAX_RETENTION_DAYS,
    MIN_CALL_RETENTION_DAYS,
    Filter,
    History,
    HistoryError,
    Row,
)
from app.core.interpret import Verdict
from app.i18n import QT_TRANSLATE_NOOP
from app.ui.cases_view import CasesView
from app.ui.folders import StartFolders
from app.ui.history_rows import PAGE_SIZE, billing_text, day_span, export_csv, outcome_text
from app.ui.widgets.clipboard import ClipboardKeeper
from app.ui.widgets.common import Retranslating, mono_font
from app.ui.widgets.copy_field import CopyField
from app.ui.widgets.flow_layout import FlowLayout, labelled
from app.ui.words import verdict_words
from app.ui.worker import Task

COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("History", "Time"),
    QT_TRANSLATE_NOOP("History", "Profile"),
    QT_TRANSLATE_NOOP("History", "Task"),
    QT_TRANSLATE_NOOP("History", "Outcome"),
    QT_TRANSLATE_NOOP("History", "Billed"),
    QT_TRANSLATE_NOOP("History", "Name"),
    QT_TRANSLATE_NOOP("History", "ID number"),
    QT_TRANSLATE_NOOP("History", "request_id"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("History", text)


class HistoryModel(QAbstractTableModel):
    """One page of rows, as stored (already masked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _t(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        values = (
            f"{row.at:%Y-%m-%d %H:%M:%S}", row.profile + (" (SANDBOX)" if row.sandbox else ""),
            task_name(row.endpoint), outcome_text(row),
            billing_text(row.billing),
            row.name_masked or "", row.id_masked or "", row.request_id or "",
        )
        return values[index.column()]


class HistoryPage(Retranslating, QWidget):
    recheck_requested = Signal(str, str)
    changed = Signal()

    def __init__(self, history: Callable[[], History | None], profile_names: Callable[[], list[str]],
                 pool: QThreadPool, clipboard: ClipboardKeeper, parent: QWidget | None = None,
                 diagnostics: Callable[[Path], Path] | None = None,
                 problem: Callable[[], HistoryError | None] = lambda: None,
                 move_aside: Callable[[], Path] | None = None, folders: StartFolders | None = None) -> None:
        """``diagnostics`` writes the support zip to the path it is given (None: no such button);
        ``problem`` says why there is no history; ``move_aside`` keeps a damaged file for IT and starts anew;
        ``folders`` is where the export dialogs open."""
        super().__init__(parent)
        self._folders = folders or StartFolders()
        self._history = history
        self._problem = problem
        self._move_aside = move_aside
        self._diagnostics = diagnostics
        self._profile_names = profile_names
        self._pool = pool
        self._offset = 0
        self._total = 0
        self._loading: Task | None = None
        self._notice = ""  # said once more under the rows (where a damaged file was moved)
        self._build(clipboard)
        self.retranslate()

    # --- layout ----------------------------------------------------------------------------------

    def _build(self, clipboard: ClipboardKeeper) -> None:
        self.use_dates = QCheckBox(self)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-7), self)
        self.until = QDateEdit(today, self)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.endpoint = QComboBox(self)
        self.verdict = QComboBox(self)
        self.profile = QComboBox(self)
        self.billed = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.refresh)
        self.apply = QPushButton(self)
        self.apply.setDefault(True)
        self.apply.clicked.connect(self.refresh)
        # Each choice has a label pointing at it: Linux Qt names a combo box after its value otherwise.
        self.filter_labels = {combo: QLabel(self) for combo in (self.endpoint, self.verdict, self.profile, self.billed)}
        for combo, label in self.filter_labels.items():
            label.setBuddy(combo)
        filters = FlowLayout()  # as many rows as the width needs: the page never scrolls sideways
        for widget in (self.use_dates, self.since, self.until):
            filters.addWidget(widget)
        for combo in (self.endpoint, self.verdict, self.profile, self.billed):
            filters.add_row_part(labelled(self.filter_labels[combo], combo))
        filters.add_row_part(labelled(self.search, self.apply, stretch_first=True))

        self.model = HistoryModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it), not cell by cell
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_details(current.row()))

        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        self.move_aside = QPushButton(self)
        self.move_aside.hide()
        self.move_aside.clicked.connect(self.confirm_move_aside)
        self.previous = QPushButton(self)
        self.next = QPushButton(self)
        self.previous.clicked.connect(lambda: self._page(-PAGE_SIZE))
        self.next.clicked.connect(lambda: self._page(PAGE_SIZE))
        self.export = QPushButton(self)
        self.export.clicked.connect(lambda: self.export_csv())  # not clicked's bool as the path
        self.delete_all = QPushButton(self)
        self.delete_all.clicked.connect(self.confirm_delete_all)
        self.export_diagnostics = QPushButton(self)
        self.export_diagnostics.setVisible(self._diagnostics is not None)
        self.export_diagnostics.clicked.connect(lambda: self.write_diagnostics())
        self.retention_label = QLabel(self)
        self.retention = QSpinBox(self)
        self.retention.setRange(MIN_CALL_RETENTION_DAYS, MAX_RETENTION_DAYS)  # the law's minimum
        self.retention.setValue(DEFAULT_RETENTION_DAYS)
        self._saved_retention = DEFAULT_RETENTION_DAYS  # as last read from or written to the file
        self.retention.editingFinished.connect(self._save_retention)
        self.retention_label.setBuddy(self.retention)
        pager = FlowLayout()  # wraps too, on a narrow screen
        for button in (self.count_label, self.move_aside, self.previous, self.next, self.export,
                       self.export_diagnostics):
            pager.addWidget(button)
        pager.add_row_part(labelled(self.retention_label, self.retention))
        pager.addWidget(self.delete_all)

        self.details = QGroupBox(self)
        form = QFormLayout(self.details)
        self.request_id = CopyField(clipboard, self.details)
        self.sequence_id = CopyField(clipboard, self.details)
        self.liveness_id = CopyField(clipboard, self.details)
        self.image_id = CopyField(clipboard, self.details)
        for copy_field, key in ((self.request_id, "request_id"), (self.sequence_id, "sequence_id"),
                                (self.liveness_id, "liveness_encrypt_data_id"), (self.image_id, "image_id")):
            copy_field.set_name(key)
        self.operator = QLabel(self.details)
        self.raw = QPlainTextEdit(self.details)
        self.raw.setReadOnly(True)
        self.raw.setFont(mono_font())
        self.recheck = QPushButton(self.details)
        self.recheck.setEnabled(False)
        self.recheck.clicked.connect(self._recheck)
        self._detail_labels = [QLabel(self.details) for _ in range(6)]
        for label, field in zip(self._detail_labels, (self.request_id, self.sequence_id, self.liveness_id,
                                                      self.image_id, self.operator, self.raw), strict=True):
            form.addRow(label, field)
        form.addRow(self.recheck)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        calls = QWidget(self)
        column = QVBoxLayout(calls)
        column.addLayout(filters)
        column.addWidget(splitter, 1)
        column.addLayout(pager)
        self.setTabOrder(self.search, self.apply)
        self.cases = CasesView(self._history, self._problem, self._pool, clipboard, self._folders, self)
        self.cases.call_requested.connect(self.show_call)
        self.views = QTabWidget(self)  # Calls, Cases
        self.views.setDocumentMode(True)  # tabs over the page, no frame around it
        self.views.addTab(calls, "")
        self.views.addTab(self.cases, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.views)

    def heightForWidth(self, width: int) -> int:
        """As tall as the screen allows, down to the minimum: the tables and details share the height (asked,
        the layout would answer its preferred height, and the page would scroll on a branch PC's screen)."""
        return self.minimumSizeHint().height()

    def retranslate(self) -> None:
        self.views.setAccessibleName(self.tr("History"))  # it takes the focus for its tab bar: say where it is
        self.views.setTabText(0, self.tr("Calls"))
        self.views.setTabText(1, self.tr("Cases"))
        self.use_dates.setText(self.tr("Dates"))
        self.since.setAccessibleName(self.tr("From"))
        self.until.setAccessibleName(self.tr("To"))
        for label, text in zip(self.filter_labels.values(), ("Task", "Outcome", "Profile", "Billed"), strict=True):
            label.setText(_t(text))  # the columns' names (COLUMNS)
        self.search.setAccessibleName(self.tr("Search"))
        self.table.setAccessibleName(self.tr("Recorded calls"))
        self.search.setPlaceholderText(self.tr("request_id, sequence_id or ID number"))
        self.apply.setText(self.tr("Search"))
        self.previous.setText(self.tr("Previous"))
        self.next.setText(self.tr("Next"))
        self.export.setText(self.tr("Export CSV…"))
        self.move_aside.setText(self.tr("Move the damaged file aside…"))
        self.delete_all.setText(self.tr("Delete all history…"))
        self.export_diagnostics.setText(self.tr("Export diagnostics…"))
        self.export_diagnostics.setToolTip(self.tr("A zip for support: logs, versions, settings and recent history, "
                                                   "without secrets or unmasked personal data"))
        self.retention_label.setText(self.tr("Keep (days):"))
        self.details.setTitle(self.tr("Details"))
        self.recheck.setText(self.tr("Check again on this capture"))
        for label, text in zip(self._detail_labels, ("request_id", "sequence_id", "liveness_encrypt_data_id",
                                                     "image_id", self.tr("Operator"), self.tr("Stored result")),
                               strict=True):
            label.setText(text)
        self._fill_choices()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._update_count()

    def _fill_choices(self) -> None:
        def fill(combo: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

        fill(self.endpoint, self.tr("All tasks"), [(task_name(e.value), e.value) for e in Endpoint])
        fill(self.verdict, self.tr("All outcomes"), [(verdict_words(v), v.value) for v in Verdict])
        fill(self.profile, self.tr("All profiles"), [(name, name) for name in self._profile_names()])
        fill(self.billed, self.tr("Billed or not"), [(self.tr("Billed"), Billing.BILLED.value),
                                                      (self.tr("Not billed"), Billing.NOT_BILLED.value),
                                                      (self.tr("Billing unknown"), Billing.UNKNOWN.value)])

    # --- querying --------------------------------------------------------------------------------

    def current_filter(self) -> Filter:
        since, until = day_span(self.since.date(), self.until.date()) if self.use_dates.isChecked() else (None, None)
        return Filter(since=since, until=until, endpoint=self.endpoint.currentData(),
                      verdict=self.verdict.currentData(), profile=self.profile.currentData(),
                      billing=None if self.billed.currentData() is None else Billing(self.billed.currentData()),
                      search=self.search.text())

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._fill_choices()
        self.refresh()

    def refresh(self) -> None:
        """Run the query for the current filters from the first page."""
        self._offset = 0
        self._load()

    def _page(self, step: int) -> None:
        self._offset = max(0, min(self._offset + step, max(0, self._total - 1)))
        self._load()

    def show_call(self, term: str) -> None:
        """A case's call in this view (its request_id or sequence_id searched, other filters off) and
        selected, with its details."""
        self.use_dates.setChecked(False)
        for combo in self.filter_labels:
            combo.setCurrentIndex(0)
        self.search.setText(term)
        self.views.setCurrentIndex(0)
        self._offset = 0
        self._load(select_first=True)

    def first_input(self) -> QWidget:
        """Where the focus goes when the page is shown: the current view's first filter."""
        return self.search if self.views.currentIndex() == 0 else self.cases.first_input()

    def _load(self, select_first: bool = False) -> None:
        history = self._history()
        self.move_aside.hide()
        if history is None:
            self.model.set_rows([])
            problem = self._problem()
            self.count_label.setText(history_problem(problem) if problem is not None
                                     else self.tr("History is not available."))
            self.move_aside.setVisible(problem is not None and problem.kind == "damaged"
                                       and self._move_aside is not None)
            return
        where, offset = self.current_filter(), self._offset
        if self._loading is not None:
            self._loading.cancel()
            self._loading.succeeded.disconnect()
        task = Task(lambda _progress: (history.query(where, PAGE_SIZE, offset), history.count(where),
                                       history.retention_days), self)
        task.succeeded.connect(lambda outcome: self._loaded(outcome, select_first))
        task.failed.connect(lambda exc: self.count_label.setText(str(exc)))
        self._loading = task
        task.start(self._pool)

    def _loaded(self, outcome: tuple[list[Row], int, int], select_first: bool) -> None:
        rows, self._total, retention = outcome
        self._loading = None
        self.model.set_rows(rows)
        self._saved_retention = retention
        self.retention.blockSignals(True)
        self.retention.setValue(retention)
        self.retention.blockSignals(False)
        self._update_count()
        self._show_details(-1)
        if select_first and rows:
            self.table.selectRow(0)

    def _update_count(self) -> None:
        shown = len(self.model.rows)
        first = self._offset + 1 if shown else 0
        self.count_label.setText(self.tr("Rows %1–%2 of %3").replace("%1", str(first))
                                 .replace("%2", str(self._offset + shown)).replace("%3", str(self._total))
                                 + (f"  ·  {self._notice}" if self._notice else ""))
        self.previous.setEnabled(self._offset > 0)
        self.next.setEnabled(self._offset + shown < self._total)

    @property
    def loading(self) -> bool:
        return self._loading is not None

    # --- details and actions ---------------------------------------------------------------------

    def selected_row(self) -> Row | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def _show_details(self, row_index: int) -> None:
        row = self.model.rows[row_index] if 0 <= row_index < len(self.model.rows) else None
        self.request_id.set_text(row.request_id or "" if row else "")
        self.sequence_id.set_text(row.sequence_id if row else "")
        self.liveness_id.set_text(row.liveness_id or "" if row else "")
        self.image_id.set_text(row.image_id or "" if row else "")
        self.operator.setText(row.operator if row else "")
        stored = (row.details or row.error) if row else None
        self.raw.setPlainText(json.dumps(json.loads(stored), ensure_ascii=False, indent=2) if stored else "")
        self.recheck.setEnabled(bool(row and row.liveness_id and row.endpoint != Endpoint.TOKEN.value))

    def _recheck(self) -> None:
        row = self.selected_row()
        if row is not None and row.liveness_id:
            self.recheck_requested.emit(row.endpoint, row.liveness_id)

    def export_csv(self, path: str | None = None) -> None:
        history = self._history()
        if history is None:
            return
        where = self.current_filter()
        export_csv(self, self._folders, self._pool, self.count_label, self.tr("Export history"), "linkface-history",
                   lambda target: history.export_csv(target, where),
                   lambda count, target: self.tr("Exported %1 rows to %2").replace("%1", str(count))
                   .replace("%2", target), path)

    def write_diagnostics(self, path: str | None = None) -> None:
        export = self._diagnostics
        if export is None:
            return
        if path is None:
            chosen = self._folders.save_file(self, self.tr("Export diagnostics"),
                                             f"linkface-diagnostics-{dt.datetime.now():%Y%m%d-%H%M}.zip", "Zip (*.zip)")
            if chosen is None:
                return
            path = str(chosen)
        target = Path(path)
        task = Task(lambda _progress: export(target), self)
        task.succeeded.connect(lambda written: self.count_label.setText(
            self.tr("Diagnostics written to %1").replace("%1", str(written))))
        task.failed.connect(lambda exc: self.count_label.setText(str(exc)))
        task.start(self._pool)

    def clear_customer(self) -> None:
        """Next customer: the search (it may hold a full ID number), the selected row and its details, and
        a message naming an exported file go; the rows are read again without the search. The Cases view
        forgets the same."""
        self.search.setText("")  # not clear(): that keeps the undo history, and Ctrl+Z would bring it back
        self.table.setCurrentIndex(QModelIndex())
        self._show_details(-1)
        self.refresh()
        self.cases.clear_customer()

    def confirm_delete_all(self) -> None:
        history = self._history()
        if history is None:
            return
        answer = QMessageBox.warning(
            self, self.tr("Delete all history"),
            self.tr("Delete every recorded call on this computer? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        task = Task(lambda _progress: history.delete_all(), self)
        task.succeeded.connect(self._after_change)
        task.start(self._pool)

    def confirm_move_aside(self) -> None:
        """Only with the operator's agreement: the damaged file is kept for IT, a new history starts."""
        move = self._move_aside
        if move is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Move the damaged history aside"),
            self.tr("Keep the damaged history file for IT under a new name and start a new, empty history? "
                    "Nothing is deleted."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        task = Task(lambda _progress: move(), self)
        task.succeeded.connect(self._moved_aside)
        task.failed.connect(lambda exc: self.count_label.setText(str(exc)))
        task.start(self._pool)

    def _moved_aside(self, aside: Path) -> None:
        self._notice = self.tr("The damaged file was kept as %1; a new history was started.").replace("%1", str(aside))
        self._after_change(aside)

    def _save_retention(self) -> None:
        history, days = self._history(), self.retention.value()
        if history is None or days == self._saved_retention:
            return
        self._saved_retention = days

        def keep_days(_progress: object) -> int:
            history.set_retention_days(days)
            return history.purge_older_than(days)

        task = Task(keep_days, self)
        task.succeeded.connect(self._after_change)
        task.start(self._pool)

    def _after_change(self, _result: object) -> None:
        self.refresh()
        self.changed.emit()

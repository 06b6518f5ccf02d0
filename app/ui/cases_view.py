"""History's Cases view: one row per customer (consent, calls, the clerk's decision), masked as stored.

As in the Calls view, queries run on the worker pool and the table shows one page of cases at a
time, newest first. Selecting a case reads its calls (on the pool too); a call's ids can be copied,
and "Show in Calls" finds that call in the Calls view. "Export CSV" writes the filtered cases as
History.export_cases_csv does (every cell formula-safe).

Signals:
    call_requested(str): the request_id (else the sequence_id) of a call to show in the Calls view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.catalogue.cases import alternative_name, consent_name, outcome_name, reason_name
from app.catalogue.tasks import task_name
from app.catalogue.words import history_problem
from app.core.cases import REASONS, Outcome
from app.core.history import CaseFilter, CaseRow, History, HistoryError, Row
from app.i18n import QT_TRANSLATE_NOOP
from app.ui.folders import StartFolders
from app.ui.history_rows import PAGE_SIZE, billing_text, day_span, export_csv, outcome_text
from app.ui.widgets.clipboard import ClipboardKeeper
from app.ui.widgets.common import Retranslating
from app.ui.widgets.copy_field import CopyField
from app.ui.widgets.flow_layout import FlowLayout, labelled
from app.ui.worker import Task

CONTEXT = "CasesView"
CASE_COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CasesView", "Opened"),
    QT_TRANSLATE_NOOP("CasesView", "Closed"),
    QT_TRANSLATE_NOOP("CasesView", "Operator"),
    QT_TRANSLATE_NOOP("CasesView", "Profile"),
    QT_TRANSLATE_NOOP("CasesView", "Customer"),
    QT_TRANSLATE_NOOP("CasesView", "Minor"),
    QT_TRANSLATE_NOOP("CasesView", "Consent"),
    QT_TRANSLATE_NOOP("CasesView", "Calls / billed"),
    QT_TRANSLATE_NOOP("CasesView", "Decision"),
    QT_TRANSLATE_NOOP("CasesView", "Reason"),
    QT_TRANSLATE_NOOP("CasesView", "Supervisor"),
    QT_TRANSLATE_NOOP("CasesView", "Alternative"),
)
LONG_COLUMNS = (CASE_COLUMNS.index("Reason"), CASE_COLUMNS.index("Alternative"))  # elided, whole in the tooltip
LONG_COLUMN_WIDTH_EM = 12
MINOR_WORDS = (QT_TRANSLATE_NOOP("CasesView", "No"), QT_TRANSLATE_NOOP("CasesView", "Yes"))
OPEN = QT_TRANSLATE_NOOP("CasesView", "Open")  # no decision yet: the customer is still at the counter
CALL_COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CasesView", "Time"),
    QT_TRANSLATE_NOOP("CasesView", "Task"),
    QT_TRANSLATE_NOOP("CasesView", "Outcome"),
    QT_TRANSLATE_NOOP("CasesView", "Billed"),
    "request_id",
    "sequence_id",
)


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class CaseLine:
    """A case and how many calls it made, and how many of them were billed."""

    case: CaseRow
    calls: int = 0
    billed: int = 0


def _moment(ms: int | None, day: dt.date | None = None) -> str:
    """A stored time; on ``day`` (the case's opening day) the time of day alone."""
    if ms is None:
        return ""
    moment = dt.datetime.fromtimestamp(ms / 1000).astimezone()
    return f"{moment:%H:%M:%S}" if moment.date() == day else f"{moment:%Y-%m-%d %H:%M:%S}"


def customer(case: CaseRow) -> str:
    return " ".join(part for part in (case.name_masked, case.id_masked) if part)


def case_cells(line: CaseLine) -> tuple[str, ...]:
    case = line.case
    return (
        f"{case.opened:%Y-%m-%d %H:%M:%S}", _moment(case.closed_ms, case.opened.date()),
        case.staff_id or case.operator, case.profile + (" (SANDBOX)" if case.sandbox else ""), customer(case),
        _t(MINOR_WORDS[bool(case.minor)]), consent_name(case.consent), f"{line.calls} / {line.billed}",
        outcome_name(case.decision) if case.decision else _t(OPEN), reason_name(case.reason) if case.reason else "",
        case.supervisor or "", alternative_name(case.alternative) if case.alternative else "",
    )


def call_cells(row: Row) -> tuple[str, ...]:
    return (f"{row.at:%H:%M:%S}", task_name(row.endpoint), outcome_text(row), billing_text(row.billing),
            row.request_id or "", row.sequence_id)


class TextTable(QAbstractTableModel):
    """Rows shown as one text per column (``cells``), worked out when the rows or the language change."""

    def __init__(self, columns: Sequence[str], cells: Callable[[Any], tuple[str, ...]], parent: QWidget) -> None:
        super().__init__(parent)
        self._columns = columns
        self._cells = cells
        self.rows: list[Any] = []
        self._texts: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._texts = [self._cells(row) for row in rows]
        self.endResetModel()

    def retranslate(self) -> None:
        self._texts = [self._cells(row) for row in self.rows]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self._columns) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _t(self._columns[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and index.isValid():
            return self._texts[index.row()][index.column()]
        return None


def _table(model: TextTable, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it), not cell by cell
    table.setWordWrap(False)  # one line a row: a long reason is elided, whole in its tooltip and the details
    return table


class CasesView(Retranslating, QWidget):
    call_requested = Signal(str)

    def __init__(self, history: Callable[[], History | None], problem: Callable[[], HistoryError | None],
                 pool: QThreadPool, clipboard: ClipboardKeeper, folders: StartFolders, parent: QWidget) -> None:
        """``problem`` says why there is no history; ``folders`` is where the export dialog opens."""
        super().__init__(parent)
        self._history = history
        self._problem = problem
        self._pool = pool
        self._folders = folders
        self._offset = 0
        self._total = 0
        self._loading: Task | None = None
        self._reading_calls: Task | None = None
        self._build(clipboard)
        self.retranslate()

    # --- layout ----------------------------------------------------------------------------------

    def _build(self, clipboard: ClipboardKeeper) -> None:
        self.use_dates = QCheckBox(self)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-7), self)
        self.until = QDateEdit(today, self)
        for day in (self.since, self.until):
            day.setCalendarPopup(True)
            day.setDisplayFormat("yyyy-MM-dd")
        self.decision = QComboBox(self)
        self.reason = QComboBox(self)
        self.reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reason.setMinimumContentsLength(24)  # a reason is a sentence: its whole words are in the list
        self.operator = QLineEdit(self)
        self.supervisor = QLineEdit(self)
        for text in (self.operator, self.supervisor):
            text.setClearButtonEnabled(True)
            text.returnPressed.connect(self.refresh)
        self.apply = QPushButton(self)
        self.apply.clicked.connect(self.refresh)
        # Each filter has a label pointing at it: Linux Qt names a combo box after its value otherwise.
        self.filter_labels: dict[QWidget, QLabel] = {
            field: QLabel(self) for field in (self.decision, self.reason, self.operator, self.supervisor)}
        for field, label in self.filter_labels.items():
            label.setBuddy(field)
        filters = FlowLayout()  # as many rows as the width needs, as the Calls view's
        for widget in (self.use_dates, self.since, self.until):
            filters.addWidget(widget)
        for field in (self.decision, self.reason, self.operator, self.supervisor):
            filters.add_row_part(labelled(self.filter_labels[field], field))
        filters.addWidget(self.apply)

        self.model = TextTable(CASE_COLUMNS, case_cells, self)
        self.table = _table(self.model, self)
        header = self.table.horizontalHeader()
        for column in LONG_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_case(current.row()))

        self.details = QGroupBox(self)
        self.case_id = CopyField(clipboard, self.details)
        self.case_id.set_name("case_id")
        self.consent = QLabel(self.details)
        self.decided = QLabel(self.details)
        self.why = QLabel(self.details)
        self.approval = QLabel(self.details)
        for label in (self.consent, self.decided, self.why, self.approval):
            label.setWordWrap(True)
        self._fact_labels = [QLabel(self.details) for _ in range(5)]
        facts = QFormLayout()
        for label, field in zip(self._fact_labels, (self.case_id, self.consent, self.decided, self.why,
                                                    self.approval), strict=True):
            facts.addRow(label, field)
        self.calls_model = TextTable(CALL_COLUMNS, call_cells, self.details)
        self.calls = _table(self.calls_model, self.details)
        self.calls.selectionModel().currentRowChanged.connect(lambda current, _: self._show_call(current.row()))
        self.request_id = CopyField(clipboard, self.details)
        self.request_id.set_name("request_id")
        self.sequence_id = CopyField(clipboard, self.details)
        self.sequence_id.set_name("sequence_id")
        self.show_in_calls = QPushButton(self.details)
        self.show_in_calls.clicked.connect(self._request_call)
        ids = QFormLayout()
        ids.addRow("request_id", self.request_id)
        ids.addRow("sequence_id", self.sequence_id)
        ids.addRow(self.show_in_calls)
        call_column = QVBoxLayout()
        call_column.addWidget(self.calls, 1)
        call_column.addLayout(ids)
        beside = QHBoxLayout(self.details)
        beside.addLayout(facts, 2)
        beside.addLayout(call_column, 3)

        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        self.previous = QPushButton(self)
        self.next = QPushButton(self)
        self.previous.clicked.connect(lambda: self._page(-PAGE_SIZE))
        self.next.clicked.connect(lambda: self._page(PAGE_SIZE))
        self.export = QPushButton(self)
        self.export.clicked.connect(lambda: self.export_csv())  # not clicked's bool as the path
        pager = FlowLayout()
        for button in (self.count_label, self.previous, self.next, self.export):
            pager.addWidget(button)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(pager)
        self._show_case(-1)

    def first_input(self) -> QWidget:
        return self.operator

    def retranslate(self) -> None:
        self.use_dates.setText(self.tr("Dates"))
        self.since.setAccessibleName(self.tr("From"))
        self.until.setAccessibleName(self.tr("To"))
        for label, text in zip(self.filter_labels.values(), (self.tr("Decision"), self.tr("Reason"),
                                                               self.tr("Operator"), self.tr("Supervisor")),
                               strict=True):
            label.setText(text)
        self.operator.setPlaceholderText(self.tr("Staff ID or OS account"))
        self.supervisor.setPlaceholderText(self.tr("Staff ID"))
        self.apply.setText(self.tr("Search"))
        self.table.setAccessibleName(self.tr("Customer cases"))
        self.calls.setAccessibleName(self.tr("Calls of this case"))
        self.details.setTitle(self.tr("Case"))
        for label, text in zip(self._fact_labels, ("case_id", self.tr("Consent"), self.tr("Decision"),
                                                   self.tr("Reason"), self.tr("Approved by")), strict=True):
            label.setText(text)
        self.show_in_calls.setText(self.tr("Show this call in Calls"))
        self.previous.setText(self.tr("Previous"))
        self.next.setText(self.tr("Next"))
        self.export.setText(self.tr("Export CSV…"))
        self._fill_choices()
        self.model.retranslate()
        self.calls_model.retranslate()
        self.table.horizontalHeader().resizeSection(LONG_COLUMNS[0], self._long_width())
        self.table.horizontalHeader().resizeSection(LONG_COLUMNS[1], self._long_width())
        self._show_facts(self.selected_case())
        self._update_count()

    def _long_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("M") * LONG_COLUMN_WIDTH_EM

    def _fill_choices(self) -> None:
        for combo, everything, items in (
                (self.decision, self.tr("All decisions"), [(outcome_name(o.value), o.value) for o in Outcome]),
                (self.reason, self.tr("All reasons"), [(reason_name(code), code) for code in REASONS])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, value in items:
                combo.addItem(text, value)
                combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        view = self.reason.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width())

    # --- querying --------------------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        since, until = day_span(self.since.date(), self.until.date()) if self.use_dates.isChecked() else (None, None)
        return CaseFilter(since=since, until=until, decision=self.decision.currentData(),
                          reason=self.reason.currentData(), operator=self.operator.text().strip() or None,
                          supervisor=self.supervisor.text().strip() or None)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Run the query for the current filters from the first page."""
        self._offset = 0
        self._load()

    def _page(self, step: int) -> None:
        self._offset = max(0, min(self._offset + step, max(0, self._total - 1)))
        self._load()

    def _load(self) -> None:
        history = self._history()
        if history is None:
            self.model.set_rows([])
            problem = self._problem()
            self.count_label.setText(history_problem(problem) if problem is not None
                                     else self.tr("History is not available."))
            return
        where, offset = self.current_filter(), self._offset
        if self._loading is not None:
            self._loading.cancel()
            self._loading.succeeded.disconnect()

        def read(_progress: object) -> tuple[list[CaseLine], int]:
            cases = history.cases(where, PAGE_SIZE, offset)
            counts = history.case_call_counts([case.id for case in cases])
            return [CaseLine(case, *counts.get(case.id, (0, 0))) for case in cases], history.count_cases(where)

        task = Task(read, self)
        task.succeeded.connect(self._loaded)
        task.failed.connect(self._failed)
        self._loading = task
        task.start(self._pool)

    def _loaded(self, outcome: tuple[list[CaseLine], int]) -> None:
        lines, self._total = outcome
        self._loading = None
        self.model.set_rows(lines)
        self._update_count()
        self._show_case(-1)

    def _failed(self, exc: object) -> None:
        self._loading = None
        self.count_label.setText(str(exc))

    def _update_count(self) -> None:
        shown = len(self.model.rows)
        first = self._offset + 1 if shown else 0
        self.count_label.setText(self.tr("Cases %1–%2 of %3").replace("%1", str(first))
                                 .replace("%2", str(self._offset + shown)).replace("%3", str(self._total)))
        self.previous.setEnabled(self._offset > 0)
        self.next.setEnabled(self._offset + shown < self._total)

    @property
    def loading(self) -> bool:
        return self._loading is not None or self._reading_calls is not None

    # --- one case --------------------------------------------------------------------------------

    def selected_case(self) -> CaseRow | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row].case if 0 <= row < len(self.model.rows) else None

    def _show_case(self, row_index: int) -> None:
        """The case's facts at once, its calls once read from the file."""
        case = self.model.rows[row_index].case if 0 <= row_index < len(self.model.rows) else None
        self._show_facts(case)
        self.calls_model.set_rows([])
        self._show_call(-1)
        if self._reading_calls is not None:
            self._reading_calls.cancel()
            self._reading_calls.succeeded.disconnect()
            self._reading_calls = None
        history = self._history()
        if case is None or history is None:
            return
        task = Task(lambda _progress: history.case_calls(case.id), self)
        task.succeeded.connect(self._calls_read)
        task.failed.connect(self._calls_failed)
        self._reading_calls = task
        task.start(self._pool)

    def _calls_read(self, calls: list[Row]) -> None:
        self._reading_calls = None
        self.calls_model.set_rows(calls)

    def _calls_failed(self, exc: object) -> None:
        self._reading_calls = None
        self.count_label.setText(str(exc))

    def _show_facts(self, case: CaseRow | None) -> None:
        self.case_id.set_text(case.id if case else "")
        self.consent.setText(self._consent_text(case) if case else "")
        self.decided.setText(self._decision_text(case) if case else "")
        self.why.setText(reason_name(case.reason) if case and case.reason else "")
        approval = (case.supervisor, reason_name(case.supervisor_reason) if case.supervisor_reason else "") \
            if case and case.supervisor else ()
        self.approval.setText(" · ".join(part for part in approval if part))

    def _consent_text(self, case: CaseRow) -> str:
        parts = [consent_name(case.consent), _moment(case.consent_ms, case.opened.date())]
        if case.minor:
            parts.append(self.tr("under 14"))
        if case.notice_version:
            parts.append(self.tr("notice %1").replace("%1", case.notice_version))
        return " · ".join(part for part in parts if part)

    def _decision_text(self, case: CaseRow) -> str:
        if not case.decision:
            return _t(OPEN)
        parts = [outcome_name(case.decision), _moment(case.decided_ms or case.closed_ms, case.opened.date())]
        if case.alternative:
            parts.append(alternative_name(case.alternative))
        return " · ".join(part for part in parts if part)

    def _show_call(self, row_index: int) -> None:
        call = self.calls_model.rows[row_index] if 0 <= row_index < len(self.calls_model.rows) else None
        self.request_id.set_text(call.request_id or "" if call else "")
        self.sequence_id.set_text(call.sequence_id if call else "")
        self.show_in_calls.setEnabled(call is not None)

    def _request_call(self) -> None:
        if self.sequence_id.text():
            self.call_requested.emit(self.request_id.text() or self.sequence_id.text())

    # --- actions ---------------------------------------------------------------------------------

    def export_csv(self, path: str | None = None) -> None:
        """The filtered cases, every page of them, as History.export_cases_csv writes them."""
        history = self._history()
        if history is None:
            return
        where = self.current_filter()
        export_csv(self, self._folders, self._pool, self.count_label, self.tr("Export cases"), "linkface-cases",
                   lambda target: history.export_cases_csv(target, where),
                   lambda count, target: self.tr("Exported %1 cases to %2").replace("%1", str(count))
                   .replace("%2", target), path)

    def clear_customer(self) -> None:
        """Next customer: the operator and supervisor searched for, the selected case with its calls, and a
        message naming an exported file go; shown, the cases are read again without those filters."""
        for edit in (self.operator, self.supervisor):
            edit.setText("")  # not clear(): that keeps the undo history, and Ctrl+Z would bring it back
        self.table.setCurrentIndex(QModelIndex())
        self._show_case(-1)
        self._update_count()
        if self.isVisible():
            self.refresh()

"""What the History page's two views (Calls, Cases) share: rows per page, the span a date filter
means, a recorded call's outcome and billing in words (the Calls table and a case's calls), and
exporting the filtered rows to CSV off the UI thread."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QThreadPool
from PySide6.QtWidgets import QLabel, QWidget

from app.catalogue.words import transport_name
from app.core.errors import Billing
from app.core.history import PENDING, Row
from app.core.interpret import Verdict
from app.i18n import QT_TRANSLATE_NOOP
from app.ui.folders import StartFolders
from app.ui.words import error_view, verdict_words
from app.ui.worker import Task

PAGE_SIZE = 50
OUTCOME_NAMES: dict[str, str] = {
    "api_error": QT_TRANSLATE_NOOP("History", "API error"),
    "transport": QT_TRANSLATE_NOOP("History", "Connection failed"),
    "protocol": QT_TRANSLATE_NOOP("History", "Unreadable answer"),
    "cancelled": QT_TRANSLATE_NOOP("History", "Cancelled"),
    PENDING: QT_TRANSLATE_NOOP("History", "No answer recorded"),
}
BILLING_WORDS: dict[str, str] = {
    Billing.BILLED.value: QT_TRANSLATE_NOOP("History", "Yes"),
    Billing.NOT_BILLED.value: QT_TRANSLATE_NOOP("History", "No"),
    Billing.UNKNOWN.value: QT_TRANSLATE_NOOP("History", "Unknown"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("History", text)


def day_span(first: QDate, last: QDate) -> tuple[dt.datetime, dt.datetime]:
    """From the start of ``first`` to the end of ``last``, local time: both days are included."""
    start = dt.date(first.year(), first.month(), first.day())
    end = dt.date(last.year(), last.month(), last.day()) + dt.timedelta(days=1)
    return dt.datetime.combine(start, dt.time()).astimezone(), dt.datetime.combine(end, dt.time()).astimezone()


def billing_text(billing: str) -> str:
    return _t(BILLING_WORDS.get(billing, billing))


def outcome_text(row: Row) -> str:
    """The verdict, or what went wrong: a transport failure by its kind (a timeout is not a refusal)."""
    if row.verdict:
        try:
            return verdict_words(Verdict(row.verdict))
        except ValueError:
            return row.verdict
    kind = _transport_kind(row)
    if kind is not None:
        return transport_name(kind)
    text = _t(OUTCOME_NAMES[row.outcome]) if row.outcome in OUTCOME_NAMES else row.outcome
    return f"{text} {row.code}" if row.code else text


def _transport_kind(row: Row) -> str | None:
    """The TransportKind value a transport failure's stored error names (None: not one, or unreadable)."""
    if row.outcome != "transport" or not row.error:
        return None
    try:
        kind = json.loads(row.error).get("kind")
    except (ValueError, AttributeError):
        return None
    return kind if isinstance(kind, str) else None


def export_csv(view: QWidget, folders: StartFolders, pool: QThreadPool, shown: QLabel, title: str, stem: str,
               write: Callable[[Path], int], done: Callable[[int, str], str], path: str | None = None) -> None:
    """Ask where to save (``path`` given: there), write on the worker pool, and say in ``shown`` how many
    were written (``done``) or, in words, why not (a full disk, a folder without write access)."""
    if path is None:
        chosen = folders.save_file(view, title, f"{stem}-{dt.date.today():%Y%m%d}.csv", "CSV (*.csv)")
        if chosen is None:
            return
        path = str(chosen)
    target = path
    task = Task(lambda _progress: write(Path(target)), view)
    task.succeeded.connect(lambda count: shown.setText(done(count, target)))
    task.failed.connect(lambda exc: shown.setText(_not_written(exc, target)))
    task.start(pool)


def _not_written(exc: BaseException, path: str) -> str:
    if isinstance(exc, OSError):  # the disk is full, the folder is read-only, the file is open in Excel
        return QCoreApplication.translate("History", "%1 could not be written (%2): choose another folder or close "
                                                     "the file, then export again.").replace("%1", path) \
            .replace("%2", exc.strerror or type(exc).__name__)
    view = error_view(exc)
    return f"{view.title} {view.remedy}".strip()

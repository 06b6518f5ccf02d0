"""What the History page's two views (Calls, Cases) share: rows per page, the span a date filter
means, and a recorded call's outcome and billing in words (the Calls table and a case's calls)."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QCoreApplication, QDate

from app.catalogue.words import transport_name
from app.core.errors import Billing
from app.core.history import PENDING, Row
from app.core.interpret import Verdict
from app.i18n import QT_TRANSLATE_NOOP
from app.ui.words import verdict_words

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

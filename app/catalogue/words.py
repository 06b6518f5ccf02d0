"""The catalogue's words for core's errors and records (see app.catalogue)."""


from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.catalogue.codes import (
    CLOCK_AHEAD,
    CLOCK_BEHIND,
    CLOCK_OFF_AFTER_S,
    CODES,
    DURATIONS,
    HISTORY,
    KEYCHAIN,
    KEYCHAIN_REMEDY,
    KEYCHAIN_SCRIPTS,
    KEYCHAIN_SHORT,
    NOT_BILLED_RETRY,
    NOTHING_SENT,
    PROTOCOL,
    PROTOCOL_DETAIL,
    RECORDS,
    SETTINGS,
    SIGNATURE_REFUSED,
    TRANSPORT,
    TRANSPORT_NAMES,
    UNKNOWN_BILLING,
    UNKNOWN_CODE,
)
from app.catalogue.rules import RULES
from app.core.errors import (
    ApiError,
    Billing,
    Cancelled,
    InputRejected,
    LinkFaceError,
    ProtocolError,
    RecordState,
    TransportError,
)
from app.core.history import HistoryError
from app.core.profiles import SettingsIssue
from app.core.secrets import SECRET_ENV, KeychainUnavailable
from app.i18n import QT_TRANSLATE_NOOP

LIST_SEPARATOR = QT_TRANSLATE_NOOP("Lists", ", ")


def words(context: str, text: str, **params: Any) -> str:
    """``text`` translated in ``context``, its ``{name}`` placeholders filled; a list or tuple parameter is
    joined the way the language lists things (the catalogue's "Lists" separator: a comma in English, the
    enumeration comma in Chinese)."""
    translated = QCoreApplication.translate(context, text)
    if not params:
        return translated
    separator = QCoreApplication.translate("Lists", LIST_SEPARATOR)
    values = {k: separator.join(map(str, v)) if isinstance(v, (list, tuple)) else v for k, v in params.items()}
    return translated.format(**values)


def rule_key(exc: InputRejected) -> str | None:
    """The most specific catalogue key for a refusal, if there is one."""
    candidates = [f"{exc.field}:{exc.rule}", exc.rule]
    if exc.variant:
        candidates = [f"{exc.field}:{exc.rule}:{exc.variant}", f"{exc.rule}:{exc.variant}", *candidates]
    return next((key for key in candidates if key in RULES), None)


def rejection(exc: InputRejected) -> str:
    """Why the input was refused, in words that name the rule (and the file, the limit...)."""
    key = rule_key(exc)
    if key is None:
        return f"{exc.field}: {exc.rule}"
    return words("Rules", RULES[key], field=exc.field, **exc.params)


def api_error(exc: ApiError) -> tuple[str, str]:
    """(what happened, what to do) for an API code; an unknown code is named, never guessed at. A refused
    signature with this computer's clock off says by how much: that is the fix."""
    if exc.code in CODES:
        title, remedy = CODES[exc.code]
        clock = exc.clock_offset_s
        if exc.code == SIGNATURE_REFUSED and clock is not None and abs(clock) > CLOCK_OFF_AFTER_S:
            return words("Codes", title), words("Codes", CLOCK_BEHIND if clock < 0 else CLOCK_AHEAD,
                                                 offset=duration(abs(clock)))
        return words("Codes", title), words("Codes", remedy)
    return words("Codes", UNKNOWN_CODE[0], code=exc.code), words("Codes", UNKNOWN_CODE[1])


def duration(seconds: float) -> str:
    """A length of time in its two largest units: 5 min 12 s, 8 h 0 min, 2 d 3 h."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        return words("Codes", DURATIONS["days"], days=days, hours=hours)
    if hours:
        return words("Codes", DURATIONS["hours"], hours=hours, minutes=minutes)
    return words("Codes", DURATIONS["minutes"], minutes=minutes, seconds=secs)


def transport_name(kind: str) -> str:
    """A transport failure (a TransportKind value) in two or three words; an unknown kind as it is."""
    return words("Transport", TRANSPORT_NAMES[kind]) if kind in TRANSPORT_NAMES else kind


def transport(exc: TransportError) -> tuple[str, str]:
    title, remedy = TRANSPORT[exc.kind.value]
    remedy = words("Transport", remedy)
    if exc.billing is Billing.UNKNOWN:
        remedy += " " + unknown_billing()
    return words("Transport", title), remedy


def protocol(exc: ProtocolError) -> tuple[str, str]:
    """The headline, and whether it may have been billed and what to do."""
    remedy = unknown_billing() if exc.billing is Billing.UNKNOWN else words("Transport", NOT_BILLED_RETRY)
    return words("Transport", PROTOCOL), remedy


def protocol_detail(exc: ProtocolError) -> str:
    return words("Transport", PROTOCOL_DETAIL, reason=exc.reason)


def unknown_billing() -> str:
    return words("Transport", UNKNOWN_BILLING)


def history_problem(exc: HistoryError) -> str:
    folder = exc.path.parent if exc.path is not None else ""
    return words("Problems", HISTORY.get(exc.kind, HISTORY["other"]), path=exc.path, folder=folder,
                 detail=exc.detail)


def keychain_problem(exc: KeychainUnavailable) -> str:
    remedy = KEYCHAIN_REMEDY.get(sys.platform, KEYCHAIN_REMEDY["linux"])
    return " ".join((words("Problems", KEYCHAIN.get(exc.reason, KEYCHAIN["error"]), backend=exc.backend),
                     words("Problems", remedy), words("Problems", KEYCHAIN_SCRIPTS, variable=SECRET_ENV)))


def keychain_short() -> str:
    """The keychain problem in the clerk's one line (``keychain_problem`` is the administrator's text)."""
    return words("Problems", KEYCHAIN_SHORT)


def settings_issue(issue: SettingsIssue) -> str:
    if issue.kind == "newer_version":
        return words("Rules", RULES["newer_version"], **issue.params)
    params = dict(issue.params)
    if issue.refusal is not None:  # the file's content broke a rule: say which, in words
        params["reason"] = rejection(issue.refusal).rstrip(".\u3002")  # its full stop, in either language
    return words("Problems", SETTINGS[issue.kind], kept_at=issue.kept_at, **params)


def record_warning(record: RecordState) -> str | None:
    """What the operator must know when a sent call's record did not reach the history."""
    text = RECORDS.get(record.value)
    return None if text is None else words("Records", text)


def nothing_sent() -> str:
    return words("Problems", NOTHING_SENT)


def error_words(exc: LinkFaceError) -> tuple[str, str]:
    """(what happened, what to do now) for any failure core raises, in the reader's language."""
    if isinstance(exc, InputRejected):
        return rejection(exc), nothing_sent()
    if isinstance(exc, ApiError):
        return api_error(exc)
    if isinstance(exc, TransportError):
        return transport(exc)
    if isinstance(exc, ProtocolError):
        return protocol(exc)
    if isinstance(exc, HistoryError):
        return history_problem(exc), nothing_sent()
    if isinstance(exc, KeychainUnavailable):
        return keychain_problem(exc), nothing_sent()
    if isinstance(exc, Cancelled):
        return words("Problems", QT_TRANSLATE_NOOP("Problems", "Cancelled")), ""
    return str(exc), ""

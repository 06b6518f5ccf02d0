"""How the command line reports: one JSON object on stdout for a call, one human line on stderr, in the
language of the system (or LINKFACE_DESK_LANG), from the same catalogue as the window."""

from __future__ import annotations

import json
import sys
from typing import Any

from app.catalogue.words import error_words, protocol_detail, record_warning
from app.core.errors import LinkFaceError, ProtocolError, RecordState, error_summary


def print_json(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def say(text: str) -> None:
    """One line for the person at the terminal (stderr: stdout carries the JSON)."""
    sys.stderr.write(f"linkface-desk: {text}\n")


def _words(exc: LinkFaceError) -> tuple[str, str]:
    """The catalogue's words; a terminal has room for the server's fault itself (the window shows it below)."""
    message, remedy = error_words(exc)
    return (protocol_detail(exc) if isinstance(exc, ProtocolError) else message), remedy


def failure_payload(exc: LinkFaceError) -> dict[str, Any]:
    """error_summary's ids, plus what they mean and what to do, in the CLI's language."""
    message, remedy = _words(exc)
    return {**error_summary(exc), "message": message, "remedy": remedy}


def report_failure(exc: LinkFaceError) -> None:
    message, remedy = _words(exc)
    say(f"{message} {remedy}".strip())


def warn_if_not_recorded(record: RecordState, journal: object) -> bool:
    """The stderr warning when a sent call's record did not reach the history; True if there was one."""
    warning = record_warning(record)
    if warning is None:
        return False
    say(warning + (f" ({journal})" if record is RecordState.JOURNALED else ""))
    return True

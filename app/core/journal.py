"""The fallback journal: call records the history could not take when the call came back.

A call is recorded in history before it is sent; if completing that record fails afterwards (the
disk filled up meanwhile, the file became unwritable), the finished row goes here instead: one
JSON line per call, appended and flushed to disk, in a small private file next to the log (another
folder, often another disk). At the next start every line is merged into the history and the
journal is emptied, so no billed call is lost. Rows are already masked, like history's.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Protocol

from app.core.paths import aside_path, touch_private

JOURNAL_FILE = "history-journal.jsonl"


class _Merger(Protocol):
    def merge_all(self, records: list[dict[str, Any]]) -> None: ...


class Journal:
    """Append-only; ``merge_into`` empties it once every line is in the history."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / JOURNAL_FILE

    def append(self, values: dict[str, Any]) -> None:
        """Raises OSError when even this cannot be written (then the record is lost: say so)."""
        line = (json.dumps(values, ensure_ascii=False) + "\n").encode("utf-8")
        touch_private(self.path)
        with self.path.open("ab") as journal:
            journal.write(line)
            journal.flush()
            os.fsync(journal.fileno())

    def pending(self) -> int:
        """How many records wait to be merged."""
        try:
            return sum(1 for line in self.path.read_bytes().splitlines() if line.strip())
        except FileNotFoundError:
            return 0

    def merge_into(self, history: _Merger) -> int:
        """Merge every record into ``history`` in one transaction and empty the journal; returns how many.

        If the history refuses (still full), nothing is merged and the journal stays as it is, so a
        record is never merged twice. A line that cannot be read (a write cut short by a crash) is
        kept in a copy beside the journal for IT rather than dropped."""
        try:
            lines = self.path.read_bytes().splitlines()
        except FileNotFoundError:
            return 0
        records, unreadable = [], []
        for line in filter(bytes.strip, lines):
            try:
                values = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                values = None
            if isinstance(values, dict):
                records.append(values)
            else:
                unreadable.append(line)
        history.merge_all(records)
        if unreadable:
            kept = touch_private(aside_path(self.path, "unreadable"))
            kept.write_bytes(b"\n".join(unreadable) + b"\n")
        self.path.unlink()
        return len(records)

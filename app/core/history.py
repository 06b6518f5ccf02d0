"""The audit trail: every call the app or CLI sends, and every customer case, in a SQLite file, with
personal data masked.

Kept: time, profile, endpoint, ids, code, verdict, scores, billing, operator, returned ids,
duration, masked name and ID number, and the error of a failed call. Never kept: the secret, the
sign, a full ID number, a full name, an image or a liveness file. WAL mode with a commit per row,
so a process killed mid-write leaves every committed row intact.

A billable call is written *before* it is sent (``begin``: a "pending" row, billing unknown) and
completed after (``finish``), so a call whose record cannot be written is never sent, and a call
interrupted by a crash stays visible as "no answer recorded". A write that fails after the call
goes to the fallback journal (app.core.journal) and is merged here at the next start.

A case (app.core.cases) is one customer at the counter: its consent, its calls (``calls.case_id``)
and the clerk's decision. Retention follows the law: call rows at least 180 days (Cybersecurity Law
art. 21), cases with their calls at least three years (PIPL art. 56's processing records).
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import json
import os
import shutil
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from app.core.contract import CallResult, FieldKind, Request
from app.core.endpoints import person_values, read, spec
from app.core.errors import Billing, InputRejected, LinkFaceError, error_summary
from app.core.interpret import Reading, summarize
from app.core.masking import mask_id_number, mask_name
from app.core.paths import aside_path, touch_private

SCHEMA_VERSION = 4
MIN_CALL_RETENTION_DAYS = 180  # network logs, six months
MIN_CASE_RETENTION_DAYS = 3 * 366  # processing records, three years whatever the leap days
DEFAULT_RETENTION_DAYS = MIN_CALL_RETENTION_DAYS
MAX_RETENTION_DAYS = 3650
# Room a row needs, with margin: a row is a few KB; SQLite's WAL grows by pages.
MIN_FREE_BYTES = 1024 * 1024
PENDING = "pending"  # the outcome of a call that was sent and whose answer is not (yet) recorded

# Each entry upgrades the schema from version N-1 to N; never edit one that has shipped.
MIGRATIONS: dict[int, str] = {
    1: """
        CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            at_ms INTEGER NOT NULL,
            profile TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            sequence_id TEXT NOT NULL,
            request_id TEXT,
            code TEXT,
            outcome TEXT NOT NULL,
            verdict TEXT,
            billed INTEGER NOT NULL DEFAULT 0,
            operator TEXT NOT NULL,
            liveness_id TEXT,
            image_id TEXT,
            duration_ms INTEGER,
            name_masked TEXT,
            id_masked TEXT,
            details TEXT,
            error TEXT
        );
        CREATE INDEX calls_at ON calls(at_ms);
    """,
    2: """
        ALTER TABLE calls ADD COLUMN sandbox INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX calls_profile_at ON calls(profile, at_ms);
        CREATE INDEX calls_request_id ON calls(request_id);
        CREATE INDEX calls_sequence_id ON calls(sequence_id);
        CREATE INDEX calls_id_masked ON calls(id_masked);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # billed 0/1 becomes billing: billed, not_billed or unknown (an answer that never came back readable).
    3: """
        ALTER TABLE calls ADD COLUMN billing TEXT NOT NULL DEFAULT 'not_billed';
        UPDATE calls SET billing = 'billed' WHERE billed = 1;
        ALTER TABLE calls DROP COLUMN billed;
        CREATE INDEX calls_profile_billing_at ON calls(profile, billing, at_ms);
    """,
    # the customer case: consent, the calls made for one customer, the clerk's decision
    4: """
        ALTER TABLE calls ADD COLUMN case_id TEXT;
        CREATE INDEX calls_case_id ON calls(case_id);
        CREATE TABLE cases (
            id TEXT PRIMARY KEY,
            opened_ms INTEGER NOT NULL,
            closed_ms INTEGER,
            source TEXT NOT NULL,
            operator TEXT NOT NULL,
            staff_id TEXT,
            profile TEXT NOT NULL,
            sandbox INTEGER NOT NULL DEFAULT 0,
            name_masked TEXT,
            id_masked TEXT,
            minor INTEGER NOT NULL DEFAULT 0,
            consent TEXT NOT NULL DEFAULT 'none',
            consent_ms INTEGER,
            notice_version TEXT,
            decision TEXT,
            reason TEXT,
            decided_ms INTEGER,
            supervisor TEXT,
            supervisor_reason TEXT,
            alternative TEXT
        );
        CREATE INDEX cases_opened ON cases(opened_ms);
        CREATE INDEX cases_decision ON cases(decision, opened_ms);
    """,
}


class HistoryError(LinkFaceError):
    """The history file cannot be used or written; it is left untouched. A billable call is refused
    while this lasts (nothing is sent), hence the exit code of a local refusal.

    ``kind``: damaged (can be moved aside, with the operator's agreement), newer_version, disk_full,
    not_writable, is_folder, busy, other; ``detail`` is the system's own words, for IT."""

    exit_code = 2

    def __init__(self, kind: str, path: Path | None, detail: str = "") -> None:
        super().__init__(f"history file {path}: {kind}" + (f" ({detail})" if detail else ""))
        self.kind = kind
        self.path = path
        self.detail = detail


def history_write_error(path: Path, exc: BaseException) -> HistoryError:
    """Name what is wrong with writing ``path`` so the operator can act on it; nothing was sent."""
    text = str(exc).lower()
    errno_value = getattr(exc, "errno", None)
    if errno_value == errno.ENOSPC or "disk is full" in text or "disk full" in text:
        return HistoryError("disk_full", path)
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return HistoryError("is_folder", path)
    if isinstance(exc, PermissionError) or "readonly" in text or "read-only" in text or "permission" in text:
        return HistoryError("not_writable", path)
    if "locked" in text or "busy" in text:
        return HistoryError("busy", path)
    if _no_room(path.parent):  # SQLite says "disk I/O error" when it cannot grow its -shm file on a full disk
        return HistoryError("disk_full", path)
    return HistoryError("other", path, str(exc))


def _no_room(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < MIN_FREE_BYTES
    except OSError:
        return False


@dataclass(frozen=True)
class BilledCounts:
    """Billed calls today and this month on one profile, and those whose billing is unknown."""

    today: int
    month: int
    today_unknown: int = 0
    month_unknown: int = 0


@dataclass(frozen=True)
class Row:
    """One recorded call, as stored (already masked)."""

    id: int
    at_ms: int
    profile: str
    endpoint: str
    sequence_id: str
    request_id: str | None
    code: str | None
    outcome: str  # ok, api_error, transport, protocol, cancelled, pending (no answer recorded)
    verdict: str | None
    operator: str
    liveness_id: str | None
    image_id: str | None
    duration_ms: int | None
    name_masked: str | None
    id_masked: str | None
    details: str | None  # JSON: the normalized result and its reading
    error: str | None  # JSON: error_summary of a failure
    sandbox: int
    billing: str  # billed, not_billed, unknown (Billing)
    case_id: str | None  # the customer case the call was made in

    @property
    def at(self) -> dt.datetime:
        return _local(self.at_ms)


COLUMNS = tuple(f.name for f in fields(Row))
CSV_COLUMNS = tuple(c for c in COLUMNS if c not in ("id", "at_ms"))


@dataclass(frozen=True)
class CaseRow:
    """One customer case, as stored (already masked); the vocabulary is app.core.cases'."""

    id: str
    opened_ms: int
    closed_ms: int | None
    source: str  # window or cli
    operator: str  # the OS account
    staff_id: str | None  # the teller number
    profile: str
    sandbox: int
    name_masked: str | None
    id_masked: str | None
    minor: int
    consent: str  # Consent
    consent_ms: int | None
    notice_version: str | None
    decision: str | None  # Outcome; None while the case is open
    reason: str | None
    decided_ms: int | None
    supervisor: str | None
    supervisor_reason: str | None
    alternative: str | None

    @property
    def opened(self) -> dt.datetime:
        return _local(self.opened_ms)


CASE_COLUMNS = tuple(f.name for f in fields(CaseRow))
_TIME_COLUMNS = ("opened_ms", "closed_ms", "consent_ms", "decided_ms")
CASE_CSV_COLUMNS = ("case_id", "opened", "closed", *(c for c in CASE_COLUMNS[3:] if c not in _TIME_COLUMNS),
                    "consent_at", "decided_at", "calls", "billed_calls")


@dataclass(frozen=True)
class CaseFilter:
    """What the Cases view and `linkface-desk history cases` can ask for; None means any."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None
    decision: str | None = None
    reason: str | None = None
    operator: str | None = None  # the OS account or the staff ID
    supervisor: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.since is not None:
            clauses.append("opened_ms >= ?")
            params.append(_ms(self.since))
        if self.until is not None:
            clauses.append("opened_ms < ?")
            params.append(_ms(self.until))
        for column, value in (("decision", self.decision), ("reason", self.reason), ("supervisor", self.supervisor)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.operator:
            clauses.append("(operator = ? OR staff_id = ?)")
            params += [self.operator, self.operator]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def _local(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000).astimezone()


@dataclass(frozen=True)
class Filter:
    """What the History page and `linkface-desk history` can ask for; None means any."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None
    endpoint: str | None = None
    verdict: str | None = None
    profile: str | None = None
    billing: Billing | None = None
    search: str = ""  # request_id, sequence_id, or an ID number (full or masked)

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.since is not None:
            clauses.append("at_ms >= ?")
            params.append(int(self.since.timestamp() * 1000))
        if self.until is not None:
            clauses.append("at_ms < ?")
            params.append(int(self.until.timestamp() * 1000))
        for column, value in (("endpoint", self.endpoint), ("verdict", self.verdict), ("profile", self.profile)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.billing is not None:
            clauses.append("billing = ?")
            params.append(self.billing.value)
        term = self.search.strip()
        if term:
            clauses.append("(request_id = ? OR sequence_id = ? OR id_masked = ?)")
            params += [term, term, mask_id_number(term) if "*" not in term else term.upper()]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class History:
    """The history database. Thread-safe: the window records from worker threads."""

    def __init__(self, path: Path, now: Callable[[], dt.datetime] | None = None) -> None:
        self.path = path
        self._now = now or (lambda: dt.datetime.now().astimezone())
        self._lock = threading.Lock()
        try:
            touch_private(path)
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise history_write_error(path, exc) from None
        self._db.row_factory = sqlite3.Row
        try:
            self._refuse_newer()
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except (sqlite3.OperationalError, OSError) as exc:  # full, read-only, locked: the file itself is fine
            self._db.close()
            raise history_write_error(path, exc) from None
        except sqlite3.DatabaseError as exc:  # not a database, or damaged: leave it for IT to look at
            self._db.close()
            raise HistoryError("damaged", path, str(exc)) from None
        except BaseException:
            self._db.close()
            raise

    @staticmethod
    def move_aside(path: Path) -> Path:
        """Rename a damaged history file (and its WAL files) out of the way; only with the operator's
        agreement. Returns where it went: it is kept for IT, never deleted."""
        aside = aside_path(path, "damaged")
        os.replace(path, aside)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + suffix))
        return aside

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _refuse_newer(self) -> None:
        """Before anything writes (even switching to WAL rewrites the header)."""
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise HistoryError("newer_version", self.path, f"schema {version}")

    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self._transaction() as db:
                for statement in MIGRATIONS[target].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {target}")

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # --- writing ---------------------------------------------------------------------------------

    def _write(self, sql: str, params: Iterable[Any]) -> int:
        """One statement in its own transaction; a failure to write is a HistoryError in plain words."""
        try:
            with self._transaction() as db:
                cursor = db.execute(sql, list(params))
                return int(cursor.lastrowid or 0) if sql.startswith("INSERT") else cursor.rowcount
        except (sqlite3.Error, OSError) as exc:
            raise history_write_error(self.path, exc) from None

    def _stamped(self, values: dict[str, Any]) -> dict[str, Any]:
        values.setdefault("at_ms", int(self._now().timestamp() * 1000))
        values.setdefault("operator", os_account())
        return values

    def add(self, values: dict[str, Any]) -> int:
        """Insert a whole row (``result_values`` or ``failure_values``); returns its id."""
        return self._write(*_insert_statement(self._stamped(values)))

    def check_room(self) -> None:
        """Refuse (HistoryError disk_full) when the disk cannot take another row with margin."""
        try:
            free = shutil.disk_usage(self.path.parent).free
        except OSError as exc:
            raise history_write_error(self.path, exc) from None
        if free < MIN_FREE_BYTES:
            raise history_write_error(self.path, OSError(errno.ENOSPC, "disk full"))

    def begin(self, profile: str, request: Request, sequence_id: str, sandbox: bool = False,
              case_id: str | None = None) -> int:
        """Write the row of a call about to be sent: outcome pending, billing unknown (not billed for a call
        that never is). Raises HistoryError when it cannot be written: then the call must not be sent."""
        self.check_room()
        billing = Billing.UNKNOWN if spec(request.endpoint).billable else Billing.NOT_BILLED
        return self.add({
            "profile": profile, "endpoint": request.endpoint.value, "sequence_id": sequence_id,
            "outcome": PENDING, "billing": billing.value, **person_columns(request), "sandbox": int(sandbox),
            "case_id": case_id,
        })

    def finish(self, row_id: int, values: dict[str, Any]) -> None:
        """Complete a pending row with what came back (``result_values`` or ``failure_values``)."""
        if self._write(*_update_statement(row_id, values)) != 1:
            self.add(values)  # the pending row is gone (deleted with all history meanwhile): keep the call

    def discard(self, row_id: int) -> None:
        """Remove a pending row whose call was not sent after all (its file vanished before the upload)."""
        self._write("DELETE FROM calls WHERE id = ? AND outcome = ?", [row_id, PENDING])

    def merge_all(self, records: list[dict[str, Any]]) -> None:
        """Add journalled records in one transaction: each completes its pending row if there is one
        (found by sequence id), else becomes a new row. All or nothing, so a retry never doubles one."""
        known = set(COLUMNS) - {"id"}
        try:
            with self._transaction() as db:
                for record in records:
                    values = self._stamped({k: v for k, v in record.items() if k in known})
                    pending = db.execute("SELECT id FROM calls WHERE sequence_id = ? AND outcome = ?",
                                         [values.get("sequence_id"), PENDING]).fetchone()
                    db.execute(*(_insert_statement(values) if pending is None
                                 else _update_statement(pending[0], values)))
        except (sqlite3.Error, OSError) as exc:
            raise history_write_error(self.path, exc) from None

    def record_result(
        self, profile: str, request: Request, result: CallResult[Any], face_threshold: float, sandbox: bool = False
    ) -> int:
        return self.add(result_values(profile, request, result, read(result, face_threshold), sandbox))

    def record_failure(
        self, profile: str, request: Request, error: LinkFaceError, sequence_id: str, duration_s: float,
        sandbox: bool = False,
    ) -> int:
        return self.add(failure_values(profile, request, error, sequence_id, duration_s, sandbox))

    # --- reading ---------------------------------------------------------------------------------

    def query(self, where: Filter = Filter(), limit: int = 100, offset: int = 0) -> list[Row]:
        clause, params = where.where()
        sql = f"SELECT {', '.join(COLUMNS)} FROM calls{clause} ORDER BY at_ms DESC, id DESC LIMIT ? OFFSET ?"
        with self._lock:
            rows = self._db.execute(sql, [*params, limit, offset]).fetchall()
        return [Row(*row) for row in rows]

    def count(self, where: Filter = Filter()) -> int:
        clause, params = where.where()
        with self._lock:
            return int(self._db.execute(f"SELECT COUNT(*) FROM calls{clause}", params).fetchone()[0])

    def get(self, row_id: int) -> Row | None:
        with self._lock:
            row = self._db.execute(f"SELECT {', '.join(COLUMNS)} FROM calls WHERE id = ?", [row_id]).fetchone()
        return Row(*row) if row else None

    def billed_counts(self, profile: str) -> BilledCounts:
        """Billed calls today and this month (local time) for one profile, and those with billing unknown."""
        now = self._now()
        day = now.replace(hour=0, minute=0, second=0, microsecond=0)
        month = day.replace(day=1)
        sql = "SELECT COUNT(*) FROM calls WHERE profile = ? AND billing = ? AND at_ms >= ?"
        counts = []
        with self._lock:
            for billing in (Billing.BILLED, Billing.UNKNOWN):
                for since in (day, month):
                    params = [profile, billing.value, int(since.timestamp() * 1000)]
                    counts.append(int(self._db.execute(sql, params).fetchone()[0]))
        return BilledCounts(counts[0], counts[1], counts[2], counts[3])

    def export_csv(self, path: Path, where: Filter = Filter(), page: int = 5000) -> int:
        """Write the filtered rows as UTF-8 with BOM (so Excel shows Chinese); returns the row count.
        Every cell is safe to open in Excel or WPS (see ``csv_cell``)."""
        written = 0
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(("time", *CSV_COLUMNS))
            while rows := self.query(where, limit=page, offset=written):
                for row in rows:
                    writer.writerow(csv_row(row.at.isoformat(timespec="seconds"),
                                            *(getattr(row, c) for c in CSV_COLUMNS)))
                written += len(rows)
        return written

    # --- retention -------------------------------------------------------------------------------

    @property
    def retention_days(self) -> int:
        """Call rows older than this are deleted when the app starts; kept in the file it governs. Never
        less than the law's minimum, whatever an older version of the app stored."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'retention_days'").fetchone()
        return max(int(row[0]), MIN_CALL_RETENTION_DAYS) if row else DEFAULT_RETENTION_DAYS

    def set_retention_days(self, days: int, floor: int = MIN_CALL_RETENTION_DAYS) -> None:
        """``floor``: the policy's minimum, never below the law's."""
        low = max(floor, MIN_CALL_RETENTION_DAYS)
        if not low <= days <= MAX_RETENTION_DAYS:
            raise InputRejected("retention_days", "range", low=low, high=MAX_RETENTION_DAYS)
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('retention_days', ?)", [str(days)])

    def purge_older_than(self, days: int = DEFAULT_RETENTION_DAYS, case_days: int = MIN_CASE_RETENTION_DAYS) -> int:
        """Delete call rows older than ``days`` unless a younger case holds them, and cases (with their
        calls) older than ``case_days``; neither below the law's minimum. Returns the call rows deleted."""
        now = self._now()
        calls_cutoff = _ms(now - dt.timedelta(days=max(days, MIN_CALL_RETENTION_DAYS)))
        cases_cutoff = _ms(now - dt.timedelta(days=max(case_days, MIN_CASE_RETENTION_DAYS)))
        with self._transaction() as db:
            old_cases = "SELECT id FROM cases WHERE opened_ms < ?"
            deleted = db.execute(f"DELETE FROM calls WHERE case_id IN ({old_cases})", [cases_cutoff]).rowcount
            db.execute("DELETE FROM cases WHERE opened_ms < ?", [cases_cutoff])
            deleted += db.execute(
                "DELETE FROM calls WHERE at_ms < ? AND (case_id IS NULL OR case_id NOT IN (SELECT id FROM cases))",
                [calls_cutoff]).rowcount
        return deleted

    def delete_all(self) -> int:
        with self._transaction() as db:
            deleted = db.execute("DELETE FROM calls").rowcount
            db.execute("DELETE FROM cases")
        with self._lock:
            self._db.execute("VACUUM")
        return deleted

    # --- cases -----------------------------------------------------------------------------------

    def open_case(self, case_id: str, profile: str, source: str, staff_id: str | None = None,
                  sandbox: bool = False, opened_ms: int | None = None) -> None:
        """Record a case as it opens (before its first call or its consent is recorded); ``opened_ms``: when
        the customer's first input was made, if earlier."""
        self.check_room()
        self._write("INSERT INTO cases (id, opened_ms, source, operator, staff_id, profile, sandbox) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [case_id, opened_ms or _ms(self._now()), source, os_account(), staff_id, profile, int(sandbox)])

    def update_case(self, case_id: str, **values: Any) -> None:
        """Set some of a case's columns (consent, the masked customer, the decision); refuses an unknown
        case or a closed one, so a record, once closed, is not changed."""
        unknown = set(values) - set(CASE_COLUMNS[2:])
        if unknown:
            raise ValueError(f"not case columns: {sorted(unknown)}")
        changes = ", ".join(f"{column} = ?" for column in values)
        if self._write(f"UPDATE cases SET {changes} WHERE id = ? AND closed_ms IS NULL",
                       [*values.values(), case_id]) != 1:
            raise InputRejected("case", "case_not_open", case=case_id)

    def now_ms(self) -> int:
        return _ms(self._now())

    def close_case(self, case_id: str) -> None:
        """Close a case; without a decision it is recorded as no_decision, never lost. Closing twice is fine."""
        self._write("UPDATE cases SET closed_ms = ?, decision = COALESCE(decision, 'no_decision') "
                    "WHERE id = ? AND closed_ms IS NULL", [_ms(self._now()), case_id])

    def discard_case(self, case_id: str) -> None:
        """Delete a case with no call and no decision: a command-line case whose call was never sent."""
        self._write("DELETE FROM cases WHERE id = ? AND decision IS NULL AND NOT EXISTS "
                    "(SELECT 1 FROM calls WHERE case_id = ?)", [case_id, case_id])

    def close_open_cases(self, source: str, before_ms: int) -> int:
        """Close the cases of ``source`` left open by a process that ended (a crash, a power cut) before
        ``before_ms``: recorded as no decision. Returns how many."""
        return self._write("UPDATE cases SET closed_ms = ?, decision = COALESCE(decision, 'no_decision') "
                           "WHERE closed_ms IS NULL AND source = ? AND opened_ms < ?",
                           [_ms(self._now()), source, before_ms])

    def case(self, case_id: str) -> CaseRow | None:
        with self._lock:
            row = self._db.execute(f"SELECT {', '.join(CASE_COLUMNS)} FROM cases WHERE id = ?", [case_id]).fetchone()
        return CaseRow(*row) if row else None

    def cases(self, where: CaseFilter = CaseFilter(), limit: int = 100, offset: int = 0) -> list[CaseRow]:
        clause, params = where.where()
        sql = (f"SELECT {', '.join(CASE_COLUMNS)} FROM cases{clause} ORDER BY opened_ms DESC, id DESC "
               "LIMIT ? OFFSET ?")
        with self._lock:
            rows = self._db.execute(sql, [*params, limit, offset]).fetchall()
        return [CaseRow(*row) for row in rows]

    def count_cases(self, where: CaseFilter = CaseFilter()) -> int:
        clause, params = where.where()
        with self._lock:
            return int(self._db.execute(f"SELECT COUNT(*) FROM cases{clause}", params).fetchone()[0])

    def case_calls(self, case_id: str) -> list[Row]:
        """The calls made in a case, oldest first."""
        with self._lock:
            rows = self._db.execute(f"SELECT {', '.join(COLUMNS)} FROM calls WHERE case_id = ? ORDER BY at_ms, id",
                                    [case_id]).fetchall()
        return [Row(*row) for row in rows]

    def case_call_counts(self, case_ids: list[str]) -> dict[str, tuple[int, int]]:
        """Each case's calls and billed calls, for a page of cases in one query (a case without calls is
        left out)."""
        marks = ", ".join("?" for _ in case_ids)
        sql = (f"SELECT case_id, COUNT(*), SUM(billing = ?) FROM calls WHERE case_id IN ({marks}) "
               "GROUP BY case_id")
        with self._lock:
            rows = self._db.execute(sql, [Billing.BILLED.value, *case_ids]).fetchall()
        return {case_id: (int(calls), int(billed)) for case_id, calls, billed in rows}

    def export_cases_csv(self, path: Path, where: CaseFilter = CaseFilter(), page: int = 1000) -> int:
        """The filtered cases as UTF-8 with BOM, formula-safe (``csv_cell``); returns the case count."""
        written = 0
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(CASE_CSV_COLUMNS)
            while rows := self.cases(where, limit=page, offset=written):
                for case in rows:
                    writer.writerow(csv_row(*case_record(case, self.case_calls(case.id), flat=True).values()))
                written += len(rows)
        return written


def _insert_statement(values: dict[str, Any]) -> tuple[str, list[Any]]:
    return (f"INSERT INTO calls ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
            list(values.values()))


def _update_statement(row_id: int, values: dict[str, Any]) -> tuple[str, list[Any]]:
    """Complete a row: its time and operator stay those of when the call was sent."""
    changes = {k: v for k, v in values.items() if k not in ("at_ms", "operator")}
    return (f"UPDATE calls SET {', '.join(f'{k} = ?' for k in changes)} WHERE id = ?", [*changes.values(), row_id])


def result_values(profile: str, request: Request, result: CallResult[Any], reading: Reading,
                  sandbox: bool = False) -> dict[str, Any]:
    """The row of a call that answered 0000 (already masked: the request's person fields are)."""
    summary = summarize(result, reading)
    data = summary["result"]
    for name, kind in spec(result.endpoint).personal_results.items():  # e.g. an OCR call's name and ID number
        if isinstance(data.get(name), str):
            data[name] = mask(kind, data[name])
    return {
        "profile": profile, "endpoint": result.endpoint.value, "sequence_id": result.sequence_id,
        "request_id": result.request_id, "code": "0000", "outcome": "ok", "verdict": summary["verdict"],
        "billing": result.billing.value, "liveness_id": data.get("liveness_encrypt_data_id"),
        "image_id": data.get("image_id"), "duration_ms": round(result.duration_s * 1000),
        **person_columns(request), "details": json.dumps(summary, ensure_ascii=False), "error": None,
        "sandbox": int(sandbox),
    }


def failure_values(profile: str, request: Request, error: LinkFaceError, sequence_id: str, duration_s: float,
                   sandbox: bool = False) -> dict[str, Any]:
    """The row of a call that failed after it was sent."""
    summary = error_summary(error)
    return {
        "profile": profile, "endpoint": request.endpoint.value, "sequence_id": sequence_id,
        "request_id": summary.get("request_id"), "code": summary.get("code"), "outcome": summary["type"],
        "billing": error.billing.value, "duration_ms": round(duration_s * 1000), **person_columns(request),
        "error": json.dumps(summary, ensure_ascii=False), "sandbox": int(sandbox),
    }


def _iso(ms: int | None) -> str | None:
    return None if ms is None else _local(ms).isoformat(timespec="seconds")


def case_record(case: CaseRow, calls: list[Row], flat: bool = False) -> dict[str, Any]:
    """A case as the CLI's JSON and the CSV export show it: times in ISO 8601, its calls listed (or, with
    ``flat``, counted), in CASE_CSV_COLUMNS' order."""
    record: dict[str, Any] = {"case_id": case.id, "opened": _iso(case.opened_ms), "closed": _iso(case.closed_ms)}
    record.update({c: getattr(case, c) for c in CASE_COLUMNS[3:] if c not in _TIME_COLUMNS})
    record.update({"consent_at": _iso(case.consent_ms), "decided_at": _iso(case.decided_ms)})
    billed = sum(1 for call in calls if call.billing == Billing.BILLED.value)
    if flat:
        record.update({"calls": len(calls), "billed_calls": billed})
    else:
        record["calls"] = [{"at": call.at.isoformat(timespec="seconds"), "endpoint": call.endpoint,
                            "sequence_id": call.sequence_id, "request_id": call.request_id, "code": call.code,
                            "verdict": call.verdict, "billing": call.billing} for call in calls]
        record["billed_calls"] = billed
    return record


# OWASP's rule for CSV injection: a cell that a spreadsheet would read as a formula gets a leading quote.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell that Excel or WPS opens as text, never as a formula, whoever wrote it (the server too)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(*values: object) -> list[object]:
    return [csv_cell(v) for v in values]


def os_account() -> str:
    """The account the OS runs this process as: whoever starts the app can set USER or LOGNAME."""
    if sys.platform == "win32":
        import ctypes

        size = ctypes.c_ulong(512)
        buffer = ctypes.create_unicode_buffer(size.value)
        # DOMAIN\user where there is a domain (NameSamCompatible = 2), else the plain logon name.
        if ctypes.windll.secur32.GetUserNameExW(2, buffer, ctypes.byref(size)):
            return str(buffer.value)
        size = ctypes.c_ulong(512)
        if ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):
            return str(buffer.value)
        return "unknown"
    import pwd

    uid = os.geteuid()
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # a uid without an account (a container): say which
        return f"uid {uid}"


def mask(kind: FieldKind, value: str) -> str:
    """Personal data as it may be kept or shown after the decision."""
    return mask_name(value) if kind is FieldKind.NAME else mask_id_number(value)


def person_columns(request: Request) -> dict[str, str | None]:
    """The person columns (name_masked, id_masked), masked, from the fields the registry marks personal."""
    person = person_values(request)
    return {"name_masked": mask(FieldKind.NAME, person[FieldKind.NAME]) if FieldKind.NAME in person else None,
            "id_masked": mask(FieldKind.ID_NUMBER, person[FieldKind.ID_NUMBER])
            if FieldKind.ID_NUMBER in person else None}



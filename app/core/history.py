"""The audit trail: every call the app or CLI sends, in a SQLite file, with personal data masked.

Kept: time, profile, endpoint, ids, code, verdict, scores, billed, operator, returned ids,
duration, masked name and ID number, and the error of a failed call. Never kept: the secret, the
sign, a full ID number, a full name, an image or a liveness file. WAL mode with a commit per row,
so a process killed mid-write leaves every committed row intact.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from app.core.contract import CallResult, IdNumberRequest, Request
from app.core.errors import InputRejected, LinkFaceError, error_summary
from app.core.interpret import summarize
from app.core.masking import mask_id_number, mask_name
from app.core.paths import touch_private

SCHEMA_VERSION = 2
DEFAULT_RETENTION_DAYS = 90

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
}


class HistoryError(LinkFaceError):
    """The history file cannot be used (e.g. written by a newer version); it is left untouched."""

    def __init__(self, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh


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
    outcome: str  # ok, api_error, transport, protocol, cancelled
    verdict: str | None
    billed: int
    operator: str
    liveness_id: str | None
    image_id: str | None
    duration_ms: int | None
    name_masked: str | None
    id_masked: str | None
    details: str | None  # JSON: the normalized result and its reading
    error: str | None  # JSON: error_summary of a failure
    sandbox: int

    @property
    def at(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.at_ms / 1000).astimezone()


COLUMNS = tuple(f.name for f in fields(Row))
CSV_COLUMNS = tuple(c for c in COLUMNS if c not in ("id", "at_ms"))


@dataclass(frozen=True)
class Filter:
    """What the History page and `linkface-desk history` can ask for; None means any."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None
    endpoint: str | None = None
    verdict: str | None = None
    profile: str | None = None
    billed: bool | None = None
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
        if self.billed is not None:
            clauses.append("billed = ?")
            params.append(int(self.billed))
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
        touch_private(path)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
        self._db.row_factory = sqlite3.Row
        try:
            self._refuse_newer()
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:  # not a database, or damaged: leave it for IT to look at
            self._db.close()
            raise HistoryError(
                f"The history file {path} cannot be read ({exc}); it was left as it is. Move it aside to start "
                "a new history, and keep it for IT.",
                f"无法读取历史记录文件 {path}（{exc}），文件未被改动。"
                "将其移走即可开始新的历史记录，并请保留给 IT 检查。",
            ) from None
        except BaseException:
            self._db.close()
            raise

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
            raise HistoryError(
                f"The history file {self.path} was written by a newer LinkFace Desk (schema {version}); "
                "update the app. The file was not changed.",
                f"历史记录文件由更新版本的 LinkFace Desk 创建（版本 {version}），请升级本程序。文件未被修改。",
            )

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

    def _insert(self, values: dict[str, Any]) -> int:
        values.setdefault("at_ms", int(self._now().timestamp() * 1000))
        values.setdefault("operator", _operator())
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        with self._transaction() as db:
            cursor = db.execute(f"INSERT INTO calls ({names}) VALUES ({marks})", list(values.values()))
            return int(cursor.lastrowid or 0)

    def record_result(
        self, profile: str, request: Request, result: CallResult[Any], face_threshold: float, sandbox: bool = False
    ) -> int:
        summary = summarize(result, face_threshold)
        data = summary["result"]
        return self._insert({
            "profile": profile, "endpoint": result.endpoint.value, "sequence_id": result.sequence_id,
            "request_id": result.request_id, "code": "0000", "outcome": "ok", "verdict": summary["verdict"],
            "billed": int(result.billed), "liveness_id": data.get("liveness_encrypt_data_id"),
            "image_id": data.get("image_id"), "duration_ms": round(result.duration_s * 1000),
            **_person(request), "details": json.dumps(summary, ensure_ascii=False), "sandbox": int(sandbox),
        })

    def record_failure(
        self, profile: str, request: Request, error: LinkFaceError, sequence_id: str, duration_s: float,
        sandbox: bool = False,
    ) -> int:
        summary = error_summary(error)
        return self._insert({
            "profile": profile, "endpoint": request.endpoint.value, "sequence_id": sequence_id,
            "request_id": summary.get("request_id"), "code": summary.get("code"), "outcome": summary["type"],
            "billed": int(bool(summary.get("billed"))), "duration_ms": round(duration_s * 1000),
            **_person(request), "error": json.dumps(summary, ensure_ascii=False), "sandbox": int(sandbox),
        })

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

    def billed_counts(self, profile: str) -> tuple[int, int]:
        """Billed calls today and this month (local time) for one profile."""
        now = self._now()
        day = now.replace(hour=0, minute=0, second=0, microsecond=0)
        month = day.replace(day=1)
        sql = "SELECT COUNT(*) FROM calls WHERE profile = ? AND billed = 1 AND at_ms >= ?"
        with self._lock:
            today = self._db.execute(sql, [profile, int(day.timestamp() * 1000)]).fetchone()[0]
            this_month = self._db.execute(sql, [profile, int(month.timestamp() * 1000)]).fetchone()[0]
        return int(today), int(this_month)

    def export_csv(self, path: Path, where: Filter = Filter(), page: int = 5000) -> int:
        """Write the filtered rows as UTF-8 with BOM (so Excel shows Chinese); returns the row count."""
        written = 0
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(("time", *CSV_COLUMNS))
            while rows := self.query(where, limit=page, offset=written):
                for row in rows:
                    writer.writerow((row.at.isoformat(timespec="seconds"),
                                     *(getattr(row, c) for c in CSV_COLUMNS)))
                written += len(rows)
        return written

    # --- retention -------------------------------------------------------------------------------

    @property
    def retention_days(self) -> int:
        """Rows older than this are deleted when the app starts; kept in the file it governs."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'retention_days'").fetchone()
        return int(row[0]) if row else DEFAULT_RETENTION_DAYS

    def set_retention_days(self, days: int) -> None:
        if not 1 <= days <= 3650:
            raise InputRejected("retention_days", "range", "Keep history between 1 and 3650 days.",
                                "历史记录保留天数须在 1–3650 之间。")
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('retention_days', ?)", [str(days)])

    def purge_older_than(self, days: int = DEFAULT_RETENTION_DAYS) -> int:
        cutoff = self._now() - dt.timedelta(days=days)
        with self._transaction() as db:
            return db.execute("DELETE FROM calls WHERE at_ms < ?", [int(cutoff.timestamp() * 1000)]).rowcount

    def delete_all(self) -> int:
        with self._transaction() as db:
            deleted = db.execute("DELETE FROM calls").rowcount
        with self._lock:
            self._db.execute("VACUUM")
        return deleted


def _operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _person(request: Request) -> dict[str, str | None]:
    if isinstance(request, IdNumberRequest):
        return {"name_masked": mask_name(request.name), "id_masked": mask_id_number(request.id_number)}
    return {"name_masked": None, "id_masked": None}



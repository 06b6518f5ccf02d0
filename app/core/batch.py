"""Batch inspection for the support desk: the captures a branch sends (files, folders, zip archives), the
calls to make on each, and a report written row by row.

- ``collect`` lists the captures: files as given, folders recursively, zip archives read in place (never
  unpacked to disk). What cannot be sent is listed too, with why (``Item.refusal``): an archive over the size
  limit, a zip bomb (compression ratio, total size), a member whose name leads outside the archive (absolute,
  ``..``), an encrypted member, an archive inside the archive, an empty or oversized file, an image or text
  that is not a capture. Operating-system litter (``__MACOSX/``, ``.DS_Store``, ``Thumbs.db``) is skipped.
- ``make_plan`` says which calls will be made and how many can be billed (the registry's ``billable``), minus
  what a report being resumed already answered.
- ``run_batch`` makes the calls through the runtime (each file in a case of its own, with the consent given:
  on file by default, the case for a branch's captures), one file after another. A 1009 (call rate too high,
  not billed) waits and retries with exponential backoff, a bounded number of times. A transport failure is
  never retried: when the request may have reached the server its billing is unknown and a person must
  decide. ``cancel`` stops the batch after the current file.
- The report (CSV, formula-safe; JSON lines; a self-contained HTML page) is written one row at a time and
  flushed, so an interruption leaves a valid partial report; ``read_report`` reads one back for a resume.

A zip member is sent from memory: an anonymous in-memory file where the system has one (Linux), else a
private temporary file removed right after the call (the client streams a file by its path).

Pure Python: the words a person reads come from the caller (``describe`` and ``ReportWords``).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import html
import json
import os
import shutil
import stat
import tempfile
import threading
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import IO, Any, Protocol

from app.core.cases import Consent
from app.core.contract import (
    LIVENESS_FIELDS,
    LIVENESS_FILE_MAX_BYTES,
    SUCCESS,
    Endpoint,
    FileSource,
    HackData,
    HackRequest,
    ParseData,
    ParseRequest,
    Request,
)
from app.core.endpoints import spec
from app.core.errors import ApiError, Billing, InputRejected, LinkFaceError, ProtocolError, TransportError
from app.core.history import HistoryError, csv_cell
from app.core.interpret import Checked, Verdict

BATCH_ENDPOINTS = (Endpoint.PARSE, Endpoint.HACK)  # the calls that take a capture alone
LIVENESS_FILE = LIVENESS_FIELDS.file
RATE_LIMITED = "1009"  # call rate too high: not billed, worth another try after a pause
OS_LITTER = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
SNIFF_BYTES = 4096
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """What a batch opens: an archive's own size, its files' count and total expanded size, and the
    compression ratio past which a member is taken for a zip bomb (above ``ratio_floor`` bytes only:
    a small file that compresses well harms no one)."""

    archive_bytes: int = 512 * 1024 * 1024
    archive_members: int = 10_000
    archive_total_bytes: int = 1024 * 1024 * 1024
    member_ratio: float = 100.0
    ratio_floor: int = 1024 * 1024
    file_bytes: int = LIVENESS_FILE_MAX_BYTES


@dataclass(frozen=True)
class Refusal:
    """Why the batch itself will not send an item (archive and content rules; the catalogue of the caller
    has the words for each ``rule``, ``variant``). Other refusals are core's InputRejected."""

    rule: str  # archive_too_large, archive_unreadable, archive_members, archive_bomb, member_bomb,
    #            member_unsafe_name, member_encrypted, member_nested_archive, member_unreadable,
    #            member_changed, not_capture
    variant: str = ""
    params: Mapping[str, object] = field(default_factory=dict)


ItemRefusal = InputRejected | Refusal | LinkFaceError


@dataclass(frozen=True)
class Item:
    """One capture of the batch: where it comes from, its size and sha-256, or why it is not sent."""

    name: str  # for the report: folder/relative/path, or archive.zip!member (control characters escaped)
    size: int | None = None
    sha256: str = ""
    path: Path | None = None  # a file on disk, or
    archive: Path | None = None  # the zip archive holding
    member: str | None = None  # this member
    refusal: ItemRefusal | None = None


def printable(name: str) -> str:
    """A name as a terminal, a spreadsheet and a report can show it: control and format characters escaped."""
    out = []
    for char in name:
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def _is_litter(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return "__MACOSX" in parts or parts[-1].lower() in OS_LITTER or parts[-1].startswith("._")


def _sniff(head: bytes) -> Refusal | None:
    """Content that is plainly something else than a capture (the capture itself is opaque bytes)."""
    if head.startswith(ZIP_MAGIC):
        return Refusal("member_nested_archive")
    images = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")
    if head.startswith(images):
        return Refusal("not_capture", "image")
    if head.startswith(b"%PDF"):
        return Refusal("not_capture", "document")
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:  # a multi-byte character cut by the sniff's end is still text
        if exc.start < len(head) - 3:
            return None
        text = head[: exc.start].decode("utf-8")
    if text and all(c.isprintable() or c in "\t\r\n\f" for c in text):
        return Refusal("not_capture", "text")
    return None


def _size_refusal(size: int, limits: Limits) -> InputRejected | None:
    if size == 0:
        return InputRejected(LIVENESS_FILE, "non_empty")
    if size > limits.file_bytes:
        variant = "" if limits.file_bytes % 1048576 == 0 else "bytes"
        return InputRejected(LIVENESS_FILE, "max_size", variant, limit_mb=limits.file_bytes // 1048576,
                             limit_bytes=limits.file_bytes, size=size)
    return None


def _digest(stream: IO[bytes], cap: int) -> tuple[str, int, bytes]:
    """sha-256, size and first bytes of a stream, reading at most ``cap`` + 1 bytes."""
    digest, size, head = hashlib.sha256(), 0, b""
    while size <= cap:
        chunk = stream.read(min(_CHUNK, cap + 1 - size))
        if not chunk:
            break
        if len(head) < SNIFF_BYTES:
            head += chunk[: SNIFF_BYTES - len(head)]
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size, head


def _file_item(path: Path, name: str, limits: Limits) -> Item:
    try:
        info = path.stat()
    except FileNotFoundError:
        return Item(name, refusal=InputRejected(LIVENESS_FILE, "exists", file=name))
    except OSError as exc:
        return Item(name, refusal=InputRejected(LIVENESS_FILE, "readable", file=name, reason=exc.strerror or str(exc)))
    if not stat.S_ISREG(info.st_mode):
        return Item(name, refusal=InputRejected(LIVENESS_FILE, "not_regular", file=name))
    refused = _size_refusal(info.st_size, limits)
    if refused is not None:
        return Item(name, info.st_size, refusal=refused)
    try:
        with path.open("rb") as stream:
            sha, size, head = _digest(stream, limits.file_bytes)
    except PermissionError:
        return Item(name, info.st_size, refusal=InputRejected(LIVENESS_FILE, "readable", "permission", file=name))
    except OSError as exc:
        return Item(name, info.st_size,
                    refusal=InputRejected(LIVENESS_FILE, "readable", file=name, reason=exc.strerror or str(exc)))
    sniffed = _sniff(head) or _size_refusal(size, limits)
    return Item(name, size, sha, path=path, refusal=sniffed)


def _unsafe_member(name: str) -> bool:
    """A member name that would land outside the archive's folder if it were unpacked."""
    if not name or "\x00" in name or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return True
    return any(part == ".." for part in name.replace("\\", "/").split("/"))


def _archive_items(path: Path, name: str, limits: Limits) -> list[Item]:
    """The members of a zip archive, each checked, read in place (nothing is written to disk)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return [Item(name, refusal=InputRejected(LIVENESS_FILE, "readable", file=name, reason=reason))]
    if size > limits.archive_bytes:
        return [Item(name, size, refusal=Refusal("archive_too_large", params={
            "limit_mb": limits.archive_bytes // 1048576, "size": size}))]
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        return [Item(name, size, refusal=Refusal("archive_unreadable", params={"reason": str(exc)[:200]}))]
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        if len(infos) > limits.archive_members:
            return [Item(name, size, refusal=Refusal("archive_members", params={"limit": limits.archive_members}))]
        if sum(info.file_size for info in infos) > limits.archive_total_bytes:
            return [Item(name, size, refusal=Refusal("archive_bomb", params={
                "limit_mb": limits.archive_total_bytes // 1048576}))]
        items = []
        for info in infos:
            if _is_litter(info.filename):
                continue
            items.append(_member_item(archive, path, info, f"{name}!{printable(info.filename)}", limits))
        return items


def _member_item(archive: zipfile.ZipFile, path: Path, info: zipfile.ZipInfo, name: str, limits: Limits) -> Item:
    def refused(refusal: ItemRefusal) -> Item:
        return Item(name, info.file_size, archive=path, member=info.filename, refusal=refusal)

    if _unsafe_member(info.filename):
        return refused(Refusal("member_unsafe_name"))
    if info.flag_bits & 0x1:
        return refused(Refusal("member_encrypted"))
    if info.filename.lower().endswith(".zip"):
        return refused(Refusal("member_nested_archive"))
    size_refusal = _size_refusal(info.file_size, limits)
    if size_refusal is not None:
        return refused(size_refusal)
    if info.file_size > limits.ratio_floor and (
            info.compress_size == 0 or info.file_size / info.compress_size > limits.member_ratio):
        ratio = info.file_size / info.compress_size if info.compress_size else float("inf")
        return refused(Refusal("member_bomb", params={"ratio": f"{ratio:.0f}", "limit": f"{limits.member_ratio:.0f}"}))
    try:
        with archive.open(info) as stream:
            sha, size, head = _digest(stream, limits.file_bytes)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
        return refused(Refusal("member_unreadable", params={"reason": str(exc)[:200]}))
    refusal = _sniff(head) or _size_refusal(size, limits)
    return Item(name, size, sha, archive=path, member=info.filename, refusal=refusal)


def _is_archive(path: Path) -> bool:
    if path.suffix.lower() == ".zip":
        return True
    try:
        with path.open("rb") as stream:
            return stream.read(4) in ZIP_MAGIC
    except OSError:
        return False


def collect(paths: Iterable[Path], limits: Limits = Limits()) -> list[Item]:
    """Every capture under ``paths`` in a stable order (folders sorted, recursively, without following links
    to other folders), each with its sha-256, or the reason it will not be sent."""
    items: list[Item] = []
    for given in paths:
        shown = printable(str(given))
        if given.is_dir():
            for folder, dirs, files in os.walk(given):
                dirs.sort()
                for file_name in sorted(files):
                    file_path = Path(folder) / file_name
                    relative = file_path.relative_to(given).as_posix()
                    if _is_litter(relative):
                        continue
                    items.extend(_one(file_path, printable(f"{given.name or given}/{relative}"), limits))
        else:
            items.extend(_one(given, shown, limits))
    return items


def _one(path: Path, name: str, limits: Limits) -> list[Item]:
    if path.is_file() and _is_archive(path):
        return _archive_items(path, name, limits)
    return [_file_item(path, name, limits)]


@contextlib.contextmanager
def capture_file(item: Item, limits: Limits = Limits()) -> Iterator[Path]:
    """The item as a path the client can stream: the file itself, or a zip member held in memory (an
    anonymous memory file; elsewhere than Linux a private temporary file, removed after). Raises Refusal
    wrapped in BatchRefused when the member changed since it was listed."""
    if item.path is not None:
        yield item.path
        return
    if item.archive is None or item.member is None:
        raise BatchRefused(Refusal("member_unreadable", params={"reason": "no source"}))
    try:
        with zipfile.ZipFile(item.archive) as archive, archive.open(item.member) as stream:
            data = stream.read(limits.file_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, EOFError, KeyError) as exc:
        raise BatchRefused(Refusal("member_unreadable", params={"reason": str(exc)[:200]})) from None
    if hashlib.sha256(data).hexdigest() != item.sha256:
        raise BatchRefused(Refusal("member_changed"))
    memfd = getattr(os, "memfd_create", None)
    if memfd is not None and Path("/proc/self/fd").is_dir():
        descriptor = memfd("linkface-capture", getattr(os, "MFD_CLOEXEC", 0))
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view):]
            yield Path(f"/proc/self/fd/{descriptor}")
        finally:
            os.close(descriptor)
        return
    folder = Path(tempfile.mkdtemp(prefix="linkface-batch-"))  # 0700: this user's only
    try:
        target = folder / "capture.dat"
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
        yield target
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class BatchRefused(Exception):
    """An item the batch refuses while sending it (its archive member changed or became unreadable)."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.rule)
        self.refusal = refusal


# --- the plan --------------------------------------------------------------------------------------


class Status(str, Enum):
    """A row's outcome, and the exit code it stands for (the batch exits with the worst of its rows)."""

    OK = "ok"  # answered 0000
    REFUSED = "refused"  # refused locally: nothing sent
    API_ERROR = "api_error"  # answered with another code
    TRANSPORT = "transport"  # no usable answer: transport or protocol failure

    @property
    def exit_code(self) -> int:
        return {Status.OK: 0, Status.REFUSED: 2, Status.API_ERROR: 3, Status.TRANSPORT: 4}[self]


COLUMNS = ("file", "size", "sha256", "endpoint", "status", "code", "verdict", "liveness_result", "hack_score",
           "motions", "request_id", "sequence_id", "billed", "rule", "reason", "retries", "record", "case_id", "at")


def row_key(row: Mapping[str, Any]) -> tuple[str, str]:
    """What a row answers for: the capture (by sha-256; by name when it could not be read) and the call."""
    return (str(row.get("sha256") or "") or "name:" + str(row.get("file") or ""), str(row.get("endpoint") or ""))


def is_answered(row: Mapping[str, Any]) -> bool:
    """The server answered the call for good: 0000 or an API error (a 1009 is worth another try)."""
    return row.get("status") in (Status.OK.value, Status.API_ERROR.value) and row.get("code") != RATE_LIMITED


def billing_unknown(row: Mapping[str, Any]) -> bool:
    return row.get("status") == Status.TRANSPORT.value and row.get("billed") == Billing.UNKNOWN.value


@dataclass(frozen=True)
class Plan:
    """The calls a batch will make: each item with the calls it still needs (a resumed report's answered
    calls, and those whose billing is unknown unless ``retry_unknown``, are left out)."""

    items: tuple[Item, ...]
    endpoints: tuple[Endpoint, ...]
    calls: tuple[tuple[Item, tuple[Endpoint, ...]], ...]
    answered: int  # calls a resumed report already answered
    held_back: int  # calls whose billing is unknown: a person decides (``retry_unknown``)

    @property
    def refused(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.refusal is not None)

    @property
    def call_count(self) -> int:
        return sum(len(endpoints) for item, endpoints in self.calls if item.refusal is None)

    @property
    def billable_calls(self) -> int:
        """The calls that can be billed (the registry's ``billable``): what the operator is asked to confirm."""
        return sum(1 for item, endpoints in self.calls if item.refusal is None
                   for endpoint in endpoints if spec(endpoint).billable)


def make_plan(items: Sequence[Item], endpoints: Sequence[Endpoint], previous: Sequence[Mapping[str, Any]] = (),
              retry_unknown: bool = False) -> Plan:
    """Which calls to make for each item, given a report's ``previous`` rows (a resume)."""
    for endpoint in endpoints:
        if endpoint not in BATCH_ENDPOINTS:
            raise ValueError(f"a batch makes {', '.join(e.value for e in BATCH_ENDPOINTS)} calls, not {endpoint.value}")
    latest = {row_key(row): row for row in previous}
    answered_keys = {key for key, row in latest.items() if is_answered(row)}
    unknown_keys = {key for key, row in latest.items() if billing_unknown(row)}
    refused_before = {(row_key(row), str(row.get("rule") or "")) for row in previous
                      if row.get("status") == Status.REFUSED.value}
    calls: list[tuple[Item, tuple[Endpoint, ...]]] = []
    answered = held = 0
    for item in items:
        needed = []
        for endpoint in endpoints:
            key = row_key({"sha256": item.sha256, "file": item.name, "endpoint": endpoint.value})
            if item.refusal is not None:
                if (key, refusal_rule(item.refusal)) not in refused_before:
                    needed.append(endpoint)  # a refusal already in the report is not written twice
            elif key in answered_keys:
                answered += 1
            elif key in unknown_keys and not retry_unknown:
                held += 1
            else:
                needed.append(endpoint)
        if needed:
            calls.append((item, tuple(needed)))
    return Plan(tuple(items), tuple(endpoints), tuple(calls), answered, held)


def refusal_rule(refusal: ItemRefusal | Refusal) -> str:
    if isinstance(refusal, Refusal):
        return refusal.rule + (f":{refusal.variant}" if refusal.variant else "")
    if isinstance(refusal, InputRejected):
        return refusal.rule + (f":{refusal.variant}" if refusal.variant else "")
    return getattr(refusal, "kind", None) or type(refusal).__name__


# --- running it ------------------------------------------------------------------------------------


class Runner(Protocol):
    """What a batch needs of app.runtime.Runtime (core cannot import it: it sits above)."""

    def run(self, profile: Any, request: Request, progress: Any = None, sequence_id: str | None = None,
            case_id: str | None = None) -> Checked: ...

    def open_case(self, profile: Any, source: str = ..., consent: Consent | None = ..., notice: str = ...,
                  id_number: str | None = ...) -> str: ...

    def close_case(self, case_id: str) -> None: ...

    def discard_case(self, case_id: str) -> None: ...


@dataclass(frozen=True)
class Options:
    consent: Consent | None = Consent.ON_FILE  # files from a branch: consent was taken when they were captured
    notice: str = ""  # the notice text the consent refers to (its digest is kept with the case)
    source: str = "cli"  # the case's source in history
    rate_retries: int = 5  # 1009 answers waited out per call, at most
    backoff_s: float = 1.0  # the first wait; doubled after each 1009
    backoff_max_s: float = 30.0


@dataclass(frozen=True)
class Event:
    """What the batch reports as it goes: a row written (``row``), or a pause after a 1009 (``wait_s``)."""

    done: int  # calls finished (rows of calls written), of
    total: int  # the calls planned
    elapsed_s: float
    row: Mapping[str, Any] | None = None
    wait_s: float = 0.0

    @property
    def remaining_s(self) -> float | None:
        """Time left at the pace so far; None before the first call."""
        return None if self.done == 0 else self.elapsed_s / self.done * (self.total - self.done)


@dataclass
class Summary:
    rows: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Status})
    billed: int = 0
    billing_unknown: int = 0
    cancelled: bool = False

    def add(self, row: Mapping[str, Any]) -> None:
        self.rows += 1
        self.counts[str(row["status"])] += 1
        self.billed += row.get("billed") == Billing.BILLED.value
        self.billing_unknown += billing_unknown(row)


Describe = Callable[[ItemRefusal | Refusal], str]


def _default_describe(problem: ItemRefusal | Refusal) -> str:
    return refusal_rule(problem)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def base_row(item: Item, endpoint: Endpoint) -> dict[str, Any]:
    row: dict[str, Any] = {column: "" for column in COLUMNS}
    row.update(file=item.name, size="" if item.size is None else item.size, sha256=item.sha256,
               endpoint=endpoint.value, retries=0, at=_now())
    return row


def refused_row(item: Item, endpoint: Endpoint, refusal: ItemRefusal | Refusal, describe: Describe) -> dict[str, Any]:
    row = base_row(item, endpoint)
    row.update(status=Status.REFUSED.value, billed=Billing.NOT_BILLED.value, rule=refusal_rule(refusal),
               reason=describe(refusal))
    return row


def answered_row(item: Item, endpoint: Endpoint, checked: Checked) -> dict[str, Any]:
    row = base_row(item, endpoint)
    result, data = checked.result, checked.result.data
    row.update(status=Status.OK.value, code=SUCCESS, verdict=checked.reading.verdict.value,
               request_id=result.request_id, sequence_id=result.sequence_id, billed=result.billing.value,
               record=checked.record.value)
    if isinstance(data, HackData):
        row["hack_score"] = data.hack_score
    if isinstance(data, ParseData):
        row["liveness_result"] = "true" if data.liveness_result else "false"
        row["motions"] = ",".join(str(code) for code in data.motion_process)
    return row


def failed_row(item: Item, endpoint: Endpoint, exc: LinkFaceError, describe: Describe) -> dict[str, Any]:
    row = base_row(item, endpoint)
    row.update(billed=exc.billing.value, reason=describe(exc), record=exc.record.value,
               sequence_id=getattr(exc, "sequence_id", "") or "")
    if isinstance(exc, ApiError):
        row.update(status=Status.API_ERROR.value, code=exc.code, rule=f"api:{exc.code}", request_id=exc.request_id)
    elif isinstance(exc, (TransportError, ProtocolError)):
        kind = exc.kind.value if isinstance(exc, TransportError) else "protocol"
        row.update(status=Status.TRANSPORT.value, rule=f"transport:{kind}")
    else:  # InputRejected, HistoryError, KeychainUnavailable, Cancelled: nothing was sent
        row.update(status=Status.REFUSED.value, rule=refusal_rule(exc))
    return row


def _request(endpoint: Endpoint, path: Path) -> Request:
    return HackRequest(FileSource(path)) if endpoint is Endpoint.HACK else ParseRequest(FileSource(path))


def run_batch(runner: Runner, profile: Any, plan: Plan, write: Callable[[dict[str, Any]], None],
              options: Options = Options(), cancel: threading.Event | None = None,
              progress: Callable[[Event], None] | None = None, describe: Describe = _default_describe,
              limits: Limits = Limits(), sleep: Callable[[float], bool] | None = None) -> Summary:
    """Make the plan's calls one file after another, writing each row as soon as it is known.

    Each file that is sent is a case of its own with ``options.consent``, closed (no decision) after its
    calls; a file none of whose calls was sent leaves no case. ``cancel`` stops after the current file.
    ``sleep(seconds)`` waits out a 1009 and returns True when cancelled (default: ``cancel.wait``)."""
    cancel = cancel or threading.Event()
    wait = sleep or cancel.wait
    summary, started = Summary(), time.monotonic()
    total, done = plan.call_count, 0

    def emit(row: dict[str, Any], counts: bool) -> None:
        nonlocal done
        write(row)
        summary.add(row)
        done += counts
        if progress is not None:
            progress(Event(done, total, time.monotonic() - started, row=row))

    stopped = False
    for item, endpoints in plan.calls:
        if cancel.is_set():
            stopped = True
            break
        if item.refusal is not None:
            for endpoint in endpoints:
                emit(refused_row(item, endpoint, item.refusal, describe), counts=False)
            continue
        _run_item(runner, profile, item, endpoints, options, cancel, wait, describe, limits, emit,
                  lambda seconds: progress(Event(done, total, time.monotonic() - started, wait_s=seconds))
                  if progress is not None else None)
    summary.cancelled = stopped or (cancel.is_set() and done < total)
    return summary


def _run_item(runner: Runner, profile: Any, item: Item, endpoints: tuple[Endpoint, ...], options: Options,
              cancel: threading.Event, wait: Callable[[float], bool], describe: Describe, limits: Limits,
              emit: Callable[[dict[str, Any], bool], None], waiting: Callable[[float], object]) -> None:
    try:
        case_id = runner.open_case(profile, options.source, options.consent, options.notice)
    except LinkFaceError as exc:  # the consent is refused by the policy, or history cannot take the case
        for endpoint in endpoints:
            emit(failed_row(item, endpoint, exc, describe), True)
        return
    sent = False
    try:
        with capture_file(item, limits) as path:
            for endpoint in endpoints:
                row = _call(runner, profile, item, endpoint, path, case_id, options, cancel, wait, describe,
                            waiting)
                sent = sent or row["status"] != Status.REFUSED.value
                row["case_id"] = case_id if row["status"] != Status.REFUSED.value else ""
                emit(row, True)
    except BatchRefused as refused:
        for endpoint in endpoints:
            emit(refused_row(item, endpoint, refused.refusal, describe), True)
    finally:
        with contextlib.suppress(HistoryError, LinkFaceError):
            runner.close_case(case_id) if sent else runner.discard_case(case_id)


def _call(runner: Runner, profile: Any, item: Item, endpoint: Endpoint, path: Path, case_id: str, options: Options,
          cancel: threading.Event, wait: Callable[[float], bool], describe: Describe,
          waiting: Callable[[float], object]) -> dict[str, Any]:
    retries, delay = 0, options.backoff_s
    while True:
        try:
            checked = runner.run(profile, _request(endpoint, path), case_id=case_id)
        except ApiError as exc:
            if exc.code == RATE_LIMITED and not exc.billed and retries < options.rate_retries:
                retries += 1
                waiting(delay)
                if wait(delay):  # cancelled while waiting: the 1009 stands (a resume tries it again)
                    row = failed_row(item, endpoint, exc, describe)
                    row["retries"] = retries - 1
                    return row
                delay = min(delay * 2, options.backoff_max_s)
                continue
            row = failed_row(item, endpoint, exc, describe)
        except LinkFaceError as exc:  # a transport failure is never retried: it may have been billed
            row = failed_row(item, endpoint, exc, describe)
        else:
            row = answered_row(item, endpoint, checked)
        row["retries"] = retries
        return row


def exit_code(rows: Iterable[Mapping[str, Any]]) -> int:
    """The worst of the report's rows, each capture and call by its latest row: 0 all answered 0000, 2 some
    refused locally, 3 some API errors, 4 some transport failures."""
    latest = {row_key(row): row for row in rows}
    return max((Status(str(row["status"])).exit_code for row in latest.values()), default=0)


# --- the report --------------------------------------------------------------------------------------


class Format(str, Enum):
    CSV = "csv"
    JSONL = "jsonl"
    HTML = "html"

    @classmethod
    def for_path(cls, path: Path) -> Format | None:
        return {".csv": cls.CSV, ".jsonl": cls.JSONL, ".json": cls.JSONL, ".html": cls.HTML,
                ".htm": cls.HTML}.get(path.suffix.lower())


class ReportWords(Protocol):
    """The words of the HTML report, in the reader's language (the caller's catalogue)."""

    def title(self) -> str: ...

    def heading(self, column: str) -> str: ...

    def status(self, status: str) -> str: ...

    def verdict(self, verdict: str) -> str: ...

    def motion(self, code: int) -> str: ...

    def billed(self, billing: str) -> str: ...

    def summary(self, counts: Mapping[str, int], billed: int, unknown: int) -> str: ...

    def made(self, when: str, profile: str, sandbox: bool) -> str: ...


class KeyWords:
    """The ids themselves, for a report made without a catalogue (tests, a script in core)."""

    def title(self) -> str:
        return "LinkFace Desk batch report"

    def heading(self, column: str) -> str:
        return column

    def status(self, status: str) -> str:
        return status

    def verdict(self, verdict: str) -> str:
        return verdict

    def motion(self, code: int) -> str:
        return str(code)

    def billed(self, billing: str) -> str:
        return billing

    def summary(self, counts: Mapping[str, int], billed: int, unknown: int) -> str:
        return json.dumps({**counts, "billed": billed, "billing_unknown": unknown})

    def made(self, when: str, profile: str, sandbox: bool) -> str:
        return f"{when} {profile}" + (" (sandbox)" if sandbox else "")


class ReportError(Exception):
    """The report cannot be read (resume) or written."""


def read_report(path: Path) -> tuple[Format, list[dict[str, Any]]]:
    """A report's rows, to resume it; its format from its content (CSV, JSON lines, or this module's HTML).
    A row a crash cut short (no valid outcome) is left out: its call is made again."""
    fmt, rows = _read_rows(path)
    statuses = {status.value for status in Status}
    return fmt, [row for row in rows if row.get("status") in statuses and row.get("endpoint")]


def _read_rows(path: Path) -> tuple[Format, list[dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportError(str(exc)) from None
    if text.lstrip().lower().startswith("<!doctype html"):
        start, end = text.find(_DATA_OPEN), text.find(_DATA_CLOSE)
        if start < 0 or end < start:
            raise ReportError("no rows in the HTML report")
        try:
            rows = json.loads(text[start + len(_DATA_OPEN): end])
        except json.JSONDecodeError as exc:
            raise ReportError(str(exc)) from None
        return Format.HTML, [dict(row) for row in rows if isinstance(row, dict)]
    if text.lstrip().startswith("{"):
        rows = []
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by a crash: its call is made again
            if isinstance(value, dict):
                rows.append(value)
        return Format.JSONL, rows
    reader = csv.DictReader(text.splitlines())
    if reader.fieldnames is None or "sha256" not in reader.fieldnames or "endpoint" not in reader.fieldnames:
        raise ReportError("not a batch report")
    return Format.CSV, [{key: _uncell(value) for key, value in row.items() if key is not None}
                        for row in reader if row.get("endpoint")]


def _uncell(value: str | None) -> str:
    """A cell as written before csv_cell guarded it (a leading ' added to a formula-like value)."""
    value = value or ""
    return value[1:] if value.startswith("'") and value[1:2] in ("=", "+", "-", "@", "\t", "\r") else value


class Report:
    """One report file, written row by row: each CSV or JSON line flushed as it is written, the HTML page
    replaced whole (a complete page at every moment) after each row."""

    def __init__(self, path: Path, fmt: Format, previous: Sequence[Mapping[str, Any]] = (), append: bool = False,
                 words: ReportWords | None = None, profile: str = "", sandbox: bool = False) -> None:
        self.path, self.format = path, fmt
        self.rows: list[Mapping[str, Any]] = list(previous)
        self._words = words or KeyWords()
        self._profile, self._sandbox = profile, sandbox
        self._out: IO[str] | None = None
        self._lock = threading.Lock()
        try:
            if append and fmt is not Format.HTML:
                _end_the_last_line(path)
            if fmt is Format.CSV:
                exists = append and path.exists() and path.stat().st_size > 0
                self._out = path.open("a" if exists else "w", encoding="utf-8" if exists else "utf-8-sig",
                                      newline="")
                self._csv = csv.writer(self._out)
                if not exists:
                    self._csv.writerow(COLUMNS)
                    self._flush()
            elif fmt is Format.JSONL:
                self._out = path.open("a" if append else "w", encoding="utf-8", newline="\n")
            else:
                self._write_html()
        except OSError as exc:
            raise ReportError(f"{path}: {exc.strerror or exc}") from None

    def _flush(self) -> None:
        assert self._out is not None
        self._out.flush()
        with contextlib.suppress(OSError):
            os.fsync(self._out.fileno())

    def write(self, row: Mapping[str, Any]) -> None:
        with self._lock:
            self.rows.append(dict(row))
            try:
                if self.format is Format.CSV:
                    self._csv.writerow([csv_cell(_text(row.get(column))) for column in COLUMNS])
                    self._flush()
                elif self.format is Format.JSONL:
                    assert self._out is not None
                    self._out.write(json.dumps({c: row.get(c, "") for c in COLUMNS}, ensure_ascii=False) + "\n")
                    self._flush()
                else:
                    self._write_html()
            except OSError as exc:
                raise ReportError(f"{self.path}: {exc.strerror or exc}") from None

    def close(self) -> None:
        with self._lock:
            if self._out is not None:
                self._out.close()
                self._out = None

    def __enter__(self) -> Report:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _write_html(self) -> None:
        page = render_html(self.rows, self._words, self._profile, self._sandbox)
        temporary = self.path.with_name(self.path.name + ".part")
        with temporary.open("w", encoding="utf-8", newline="\n") as out:
            out.write(page)
            out.flush()
            with contextlib.suppress(OSError):
                os.fsync(out.fileno())
        os.replace(temporary, self.path)


def _end_the_last_line(path: Path) -> None:
    """A line a crash cut short stays on its own line (dropped when read), not glued to the next row."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb+") as stream:
        stream.seek(-1, os.SEEK_END)
        if stream.read(1) != b"\n":
            stream.write(b"\n")


def _text(value: object) -> object:
    return "" if value is None else value


# --- the HTML page ------------------------------------------------------------------------------------

_DATA_OPEN = '<script type="application/json" id="linkface-batch-rows">'
_DATA_CLOSE = "</script>"
_TONE_COLOURS = {"good": "#1b7a3a", "review": "#a66300", "bad": "#b3261e", "info": "#35598f"}
_STATUS_COLOURS = {"ok": "#1b7a3a", "refused": "#6b6b6b", "api_error": "#b3261e", "transport": "#8a4b00"}
_CSS = """
body{font-family:system-ui,"Segoe UI","Microsoft YaHei","PingFang SC",sans-serif;margin:1.5rem;color:#1d1d1f}
h1{font-size:1.4rem;margin:0 0 .3rem}p.meta{color:#555;margin:.2rem 0 1rem}
p.sandbox{background:#fff4ce;border:1px solid #d9b300;padding:.4rem .6rem;display:inline-block}
table{border-collapse:collapse;width:100%;font-size:.86rem}
th,td{border-bottom:1px solid #ddd;padding:.35rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f3f5;position:sticky;top:0}
.verdict{font-weight:600;padding:.1rem .4rem;border-radius:.3rem;color:#fff;white-space:nowrap}
.status{font-weight:600}.mono{font-family:ui-monospace,Consolas,monospace;font-size:.78rem;word-break:break-all}
.bar{width:8rem;height:.7rem;background:#e6e6e9;border-radius:.35rem;overflow:hidden;display:inline-block;
vertical-align:middle;position:relative}.bar span{display:block;height:100%}
.bar i{position:absolute;left:98%;top:0;bottom:0;border-left:2px solid #1d1d1f}
ol.motions{margin:0;padding-left:1.1rem}.unknown{color:#b3261e}
@media print{th{position:static}}
"""


def _escape(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _tone(verdict: str) -> str:
    try:
        return Verdict(verdict).tone.value
    except ValueError:
        return "info"


def _hack_bar(value: object) -> str:
    try:
        score = float(str(value))
    except ValueError:
        return ""
    if not 0 <= score <= 1:
        return _escape(value)
    colour = _TONE_COLOURS["bad" if score > 0.98 else "good"]
    return (f'<span class="bar" role="img" aria-label="{score:.4f}"><span style="width:{score * 100:.1f}%;'
            f'background:{colour}"></span><i></i></span> {score:.4f}')


def _motions(value: object, words: ReportWords) -> str:
    codes = [part for part in str(value or "").split(",") if part.strip()]
    if not codes:
        return ""
    items = []
    for code in codes:
        try:
            number = int(code)
        except ValueError:
            items.append(f'<li class="unknown">{_escape(code)}</li>')
            continue
        known = number in (0, 1, 2, 3)
        items.append(f'<li{"" if known else " class=unknown"}>{_escape(words.motion(number))}</li>')
    return f'<ol class="motions">{"".join(items)}</ol>'


def _cell(column: str, row: Mapping[str, Any], words: ReportWords) -> str:
    value = row.get(column, "")
    if column == "verdict" and value:
        colour = _TONE_COLOURS[_tone(str(value))]
        return f'<span class="verdict" style="background:{colour}">{_escape(words.verdict(str(value)))}</span>'
    if column == "status":
        colour = _STATUS_COLOURS.get(str(value), "#1d1d1f")
        return f'<span class="status" style="color:{colour}">{_escape(words.status(str(value)))}</span>'
    if column == "hack_score" and value not in ("", None):
        return _hack_bar(value)
    if column == "motions":
        return _motions(value, words)
    if column == "billed" and value:
        return _escape(words.billed(str(value)))
    if column in ("sha256", "request_id", "sequence_id", "case_id"):
        return f'<span class="mono">{_escape(value)}</span>'
    return _escape(value)


HTML_COLUMNS = ("file", "size", "sha256", "endpoint", "status", "code", "verdict", "liveness_result", "hack_score",
                "motions", "request_id", "sequence_id", "billed", "reason", "case_id")


def render_html(rows: Sequence[Mapping[str, Any]], words: ReportWords | None = None, profile: str = "",
                sandbox: bool = False) -> str:
    """A self-contained page (inline CSS, no script that runs, no external asset), every value escaped; the
    rows also travel as JSON in an inert data block, so a resume reads them back."""
    words = words or KeyWords()
    summary = Summary()
    for row in rows:
        if str(row.get("status")) in summary.counts:
            summary.add(row)
    head = "".join(f"<th scope=col>{_escape(words.heading(column))}</th>" for column in HTML_COLUMNS)
    body = "\n".join("<tr>" + "".join(f"<td>{_cell(column, row, words)}</td>" for column in HTML_COLUMNS) + "</tr>"
                     for row in rows)
    data = json.dumps([{c: row.get(c, "") for c in COLUMNS} for row in rows], ensure_ascii=False)
    data = data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    title = _escape(words.title())
    banner = f'<p class="sandbox">{_escape(words.made(_now(), profile, sandbox))}</p>' if sandbox else \
        f'<p class="meta">{_escape(words.made(_now(), profile, sandbox))}</p>'
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<h1>{title}</h1>\n{banner}\n"
        f"<p class=\"meta\">{_escape(words.summary(summary.counts, summary.billed, summary.billing_unknown))}</p>\n"
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"
        f"{_DATA_OPEN}{data}{_DATA_CLOSE}\n</body>\n</html>\n"
    )

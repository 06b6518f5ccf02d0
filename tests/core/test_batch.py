"""Batch inspection (app.core.batch): what is collected from folders and zip archives and what is refused,
the plan's billable count, the calls through the runtime against the real sandbox on loopback (cases, 1009
backoff, a transport failure never retried, cancellation, resume) and the reports (CSV formula-safe, JSON
lines, a self-contained HTML page with every value escaped)."""

from __future__ import annotations

import csv
import hashlib
import html.parser
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core import batch
from app.core.batch import Format, Item, Limits, Options, Refusal, Report, Status
from app.core.cases import Consent
from app.core.contract import Endpoint
from app.core.errors import InputRejected
from app.core.secrets import MemorySecretStore
from app.runtime import Runtime
from app.sandbox.faults import Fault
from app.sandbox.server import Sandbox

FAST = Options(backoff_s=0.01, backoff_max_s=0.05)
GOOD = ("zhang-san.lfs", "li-si.lfs", "unknown-motion.lfs")


@pytest.fixture
def runtime(tmp_path: Path, sandbox: Sandbox) -> Iterator[Runtime]:
    with Runtime(environ={"LINKFACE_DESK_HOME": str(tmp_path / "home")}, secrets=MemorySecretStore(),
                 sandbox=sandbox, log_to_file=False) as runtime:
        yield runtime


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def captures(tmp_path: Path, samples_dir: Path, names: tuple[str, ...] = GOOD) -> Path:
    folder = tmp_path / "branch"
    (folder / "sub").mkdir(parents=True)
    for index, name in enumerate(names):
        shutil.copy(samples_dir / name, (folder / "sub" if index % 2 else folder) / name)
    return folder


def bad_zip(tmp_path: Path, samples_dir: Path) -> Path:
    path = tmp_path / "from-branch.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(samples_dir / "zhang-san.lfs", "good/zhang-san.lfs")
        archive.writestr("../../etc/evil.lfs", (samples_dir / "li-si.lfs").read_bytes())
        archive.writestr("/absolute.lfs", (samples_dir / "li-si.lfs").read_bytes())
        archive.writestr("C:/windows.lfs", (samples_dir / "li-si.lfs").read_bytes())
        archive.writestr("bomb.lfs", b"\0" * (4 * 1024 * 1024))  # ratio ~1000
        archive.writestr("inner.zip", b"PK\x03\x04 an archive in the archive")
        archive.writestr("disguised.lfs", b"PK\x03\x04 an archive under another name")
        archive.writestr("readme.txt", "Captures from branch 0932\n")
        archive.write(samples_dir / "zhang-san-selfie.jpg", "photo.lfs")
        archive.writestr("empty.lfs", b"")
        archive.writestr("__MACOSX/._zhang-san.lfs", b"resource fork")
        archive.writestr(".DS_Store", b"\0\0\0\1Bud1")
        archive.writestr("locked.lfs", b"\x8a\x13 ciphertext")
    mark_encrypted(path, "locked.lfs")
    return path


def mark_encrypted(path: Path, member: str) -> None:
    """Set the member's "encrypted" flag in its local header and in the central directory (zipfile writes no
    cipher, and it is the flag a reader goes by)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        offset = archive.getinfo(member).header_offset
    data[offset + 6] |= 0x1
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = int.from_bytes(data[at + 28: at + 30], "little")
        if data[at + 46: at + 46 + length] == member.encode():
            data[at + 8] |= 0x1
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def by_name(items: list[Item]) -> dict[str, Item]:
    return {item.name.split("!")[-1]: item for item in items}


def rule(item: Item) -> str:
    assert item.refusal is not None, item
    return batch.refusal_rule(item.refusal)


def test_a_folder_is_collected_recursively_with_sizes_and_hashes(tmp_path: Path, samples_dir: Path) -> None:
    folder = captures(tmp_path, samples_dir)
    (folder / "Thumbs.db").write_bytes(b"litter")
    items = batch.collect([folder])
    assert [item.name for item in items] == [
        "branch/unknown-motion.lfs", "branch/zhang-san.lfs", "branch/sub/li-si.lfs"]
    for item in items:
        assert item.refusal is None and item.path is not None
        assert (item.size, item.sha256) == (item.path.stat().st_size, sha(item.path))


def test_a_zip_is_read_in_place_and_its_bad_members_refused(tmp_path: Path, samples_dir: Path) -> None:
    archive = bad_zip(tmp_path, samples_dir)
    before = set(tmp_path.rglob("*"))
    items = by_name(batch.collect([archive]))
    assert set(tmp_path.rglob("*")) == before  # nothing unpacked
    good = items["good/zhang-san.lfs"]
    assert good.refusal is None and good.sha256 == sha(samples_dir / "zhang-san.lfs") and good.path is None
    assert items["../../etc/evil.lfs"].sha256 == ""  # never read
    assert {name: rule(item) for name, item in items.items() if name != "good/zhang-san.lfs"} == {
        "../../etc/evil.lfs": "member_unsafe_name", "/absolute.lfs": "member_unsafe_name",
        "C:/windows.lfs": "member_unsafe_name", "bomb.lfs": "member_bomb", "inner.zip": "member_nested_archive",
        "disguised.lfs": "member_nested_archive", "readme.txt": "not_capture:text", "photo.lfs": "not_capture:image",
        "empty.lfs": "non_empty", "locked.lfs": "member_encrypted",
    }  # and the operating system's litter (__MACOSX, .DS_Store) is skipped
    empty = items["empty.lfs"].refusal
    assert isinstance(empty, InputRejected) and (empty.field, empty.rule) == ("liveness_encrypt_data", "non_empty")


def test_archive_limits_refuse_the_whole_archive(tmp_path: Path, samples_dir: Path) -> None:
    archive = bad_zip(tmp_path, samples_dir)
    [item] = batch.collect([archive], Limits(archive_bytes=1000))
    assert item.name.endswith("from-branch.zip") and rule(item) == "archive_too_large"
    [item] = batch.collect([archive], Limits(archive_total_bytes=1024 * 1024))
    assert rule(item) == "archive_bomb"
    [item] = batch.collect([archive], Limits(archive_members=3))
    assert rule(item) == "archive_members"
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    [item] = batch.collect([broken])
    assert rule(item) == "archive_unreadable"
    items = by_name(batch.collect([archive], Limits(file_bytes=5000)))
    assert rule(items["good/zhang-san.lfs"]) == "max_size:bytes"  # the API's own rule and words


def test_missing_empty_and_odd_files_are_refused_with_the_rules_words(tmp_path: Path, samples_dir: Path) -> None:
    (tmp_path / "empty.lfs").write_bytes(b"")
    items = batch.collect([tmp_path / "nowhere.lfs", tmp_path / "empty.lfs", samples_dir / "not-an-image.txt",
                           samples_dir / "blank-selfie.png"])
    assert [rule(item) for item in items] == ["exists", "non_empty", "not_capture:text", "not_capture:image"]
    assert "\n" not in batch.printable("a\nb\u202ec") and batch.printable("a\nb") == "a\\x0ab"


def test_the_plan_counts_billable_calls_and_skips_answered_ones(tmp_path: Path, samples_dir: Path) -> None:
    items = batch.collect([captures(tmp_path, samples_dir), samples_dir / "not-an-image.txt"])
    plan = batch.make_plan(items, (Endpoint.PARSE, Endpoint.HACK))
    assert (plan.call_count, plan.billable_calls, len(plan.refused)) == (6, 6, 1)
    first = items[0]
    previous = [{"file": first.name, "sha256": first.sha256, "endpoint": "parse", "status": "ok", "code": "0000"},
                {"file": first.name, "sha256": first.sha256, "endpoint": "hack", "status": "transport",
                 "billed": "unknown"}]
    plan = batch.make_plan(items, (Endpoint.PARSE, Endpoint.HACK), previous)
    assert (plan.billable_calls, plan.answered, plan.held_back) == (4, 1, 1)
    assert batch.make_plan(items, (Endpoint.PARSE, Endpoint.HACK), previous, retry_unknown=True).billable_calls == 5
    rate_limited = [{**previous[0], "status": "api_error", "code": "1009"}]
    assert batch.make_plan(items, (Endpoint.PARSE,), rate_limited).billable_calls == 3  # a 1009 is tried again
    with pytest.raises(ValueError):
        batch.make_plan(items, (Endpoint.TOKEN,))


def run(runtime: Runtime, plan: batch.Plan, options: Options = FAST,
        **kw: Any) -> tuple[batch.Summary, list[dict[str, Any]]]:
    rows: list[dict[str, Any]] = []
    summary = batch.run_batch(runtime, "Sandbox", plan, rows.append, options, **kw)
    return summary, rows


def test_a_batch_runs_each_file_in_a_case_on_file(runtime: Runtime, tmp_path: Path, samples_dir: Path) -> None:
    items = batch.collect([captures(tmp_path, samples_dir), bad_zip(tmp_path, samples_dir)])
    plan = batch.make_plan(items, (Endpoint.PARSE, Endpoint.HACK))
    summary, rows = run(runtime, plan)
    answered = [row for row in rows if row["status"] == "ok"]
    assert len(answered) == 8 and summary.counts["refused"] == 2 * 10 and summary.billed == 8
    zipped = [row for row in answered if row["file"].endswith("!good/zhang-san.lfs")]
    own = [row for row in answered if row["file"] == "branch/zhang-san.lfs"]
    assert [(r["verdict"], r["motions"]) for r in zipped] == [(r["verdict"], r["motions"]) for r in own]
    assert zipped[0]["motions"] == "0,1,3" and zipped[0]["liveness_result"] == "true"
    assert isinstance(zipped[1]["hack_score"], float) and zipped[1]["verdict"] == "live_person"
    assert all(row["request_id"] and row["sequence_id"] and row["record"] == "recorded" for row in answered)
    assert batch.exit_code(rows) == 2
    history = runtime.history
    assert history is not None
    cases = {row["case_id"] for row in answered}
    assert len(cases) == 4  # a case per file, both calls in it
    for case_id in cases:
        case = history.case(case_id)
        assert case is not None and case.consent == Consent.ON_FILE.value and case.closed_ms is not None
        assert len(history.case_calls(case_id)) == 2
    assert len(history.query(limit=1000)) == 8  # nothing refused was sent


def test_a_1009_waits_and_retries_with_growing_pauses(runtime: Runtime, sandbox: Sandbox, tmp_path: Path,
                                                      samples_dir: Path) -> None:
    items = batch.collect([samples_dir / "zhang-san.lfs"])
    sandbox.inject(Fault(code="1009"), count=3)
    waits: list[float] = []
    _, rows = run(runtime, batch.make_plan(items, (Endpoint.PARSE,)),
                  progress=lambda event: waits.append(event.wait_s) if event.wait_s else None)
    assert [(r["status"], r["retries"]) for r in rows] == [("ok", 3)] and waits == [0.01, 0.02, 0.04]
    assert batch.exit_code(rows) == 0
    sandbox.inject(Fault(code="1009"), count=3)
    _, rows = run(runtime, batch.make_plan(items, (Endpoint.PARSE,)), Options(rate_retries=2, backoff_s=0.01))
    assert [(r["status"], r["code"], r["retries"], r["billed"]) for r in rows] == [
        ("api_error", "1009", 2, "not_billed")]
    assert sandbox.pending_faults() == 0 and batch.exit_code(rows) == 3


def test_a_transport_failure_is_never_retried_and_its_billing_left_to_a_person(
        runtime: Runtime, sandbox: Sandbox, samples_dir: Path) -> None:
    items = batch.collect([samples_dir / "zhang-san.lfs", samples_dir / "li-si.lfs"])
    sandbox.inject(Fault(body="truncated"))
    summary, rows = run(runtime, batch.make_plan(items, (Endpoint.HACK,)), describe=lambda problem: "WORDS")
    assert [(r["status"], r["billed"], r["retries"]) for r in rows] == [
        ("transport", "unknown", 0), ("ok", "billed", 0)]
    assert summary.billing_unknown == 1 and rows[0]["reason"] == "WORDS" and batch.exit_code(rows) == 4
    assert runtime.history is not None and len(runtime.history.query()) == 2  # sent once each
    plan = batch.make_plan(items, (Endpoint.HACK,), rows)
    assert (plan.call_count, plan.held_back, plan.answered) == (0, 1, 1)


def test_cancel_stops_after_the_current_file(runtime: Runtime, tmp_path: Path, samples_dir: Path) -> None:
    items = batch.collect([captures(tmp_path, samples_dir)])
    cancel = threading.Event()
    plan = batch.make_plan(items, (Endpoint.PARSE, Endpoint.HACK))
    summary, rows = run(runtime, plan, cancel=cancel, progress=lambda event: cancel.set())
    assert summary.cancelled and [r["endpoint"] for r in rows] == ["parse", "hack"]  # both calls of the first file
    assert len({r["file"] for r in rows}) == 1


@pytest.mark.parametrize("fmt", list(Format))
def test_an_interrupted_report_is_valid_and_resumed_without_sending_twice(
        runtime: Runtime, tmp_path: Path, samples_dir: Path, fmt: Format) -> None:
    items = batch.collect([captures(tmp_path, samples_dir), samples_dir / "not-an-image.txt"])
    out = tmp_path / f"report.{fmt.value}"
    cancel = threading.Event()
    with Report(out, fmt) as report:
        _, written = run(runtime, batch.make_plan(items, (Endpoint.PARSE,)), cancel=cancel,
                         progress=lambda event: cancel.set())
        for row in written:
            report.write(row)
    found, rows = batch.read_report(out)
    assert found is fmt and [r["status"] for r in rows] == ["ok"]
    plan = batch.make_plan(items, (Endpoint.PARSE,), rows)
    assert (plan.answered, plan.billable_calls) == (1, 2)
    with Report(out, fmt, rows, append=True) as report:
        batch.run_batch(runtime, "Sandbox", plan, report.write, FAST)
    found, rows = batch.read_report(out)
    assert sorted(r["status"] for r in rows) == ["ok", "ok", "ok", "refused"]
    assert len({r["sha256"] for r in rows if r["status"] == "ok"}) == 3
    assert runtime.history is not None and len(runtime.history.query()) == 3  # each file sent once
    assert batch.exit_code(rows) == 2
    assert batch.make_plan(items, (Endpoint.PARSE,), rows).calls == ()  # the refusal is not written again


def test_report_rows_are_flushed_as_written(tmp_path: Path) -> None:
    row = {c: "" for c in batch.COLUMNS} | {"file": "a.lfs", "sha256": "ab", "endpoint": "parse", "status": "ok"}
    for fmt in (Format.CSV, Format.JSONL):
        out = tmp_path / f"live.{fmt.value}"
        report = Report(out, fmt)
        report.write(row)
        assert batch.read_report(out)[1][0]["file"] == "a.lfs"  # readable before close
        report.close()
    for fmt, cut in ((Format.JSONL, '{"file": "cut'), (Format.CSV, 'cut.lfs,12,ab')):
        out = tmp_path / f"live.{fmt.value}"
        out.write_text(out.read_text(encoding="utf-8-sig") + cut, encoding="utf-8")
        assert len(batch.read_report(out)[1]) == 1  # a line cut by a crash is dropped
        with Report(out, fmt, append=True) as report:
            report.write(row | {"file": "b.lfs", "sha256": "cd"})
        assert [r["file"] for r in batch.read_report(out)[1]] == ["a.lfs", "b.lfs"]  # the next row on its own line


def test_csv_cells_are_formula_safe(runtime: Runtime, tmp_path: Path, samples_dir: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(samples_dir / "zhang-san.lfs", tmp_path / "=HYPERLINK(1).lfs")
    shutil.copy(samples_dir / "li-si.lfs", tmp_path / "@SUM(A1).lfs")
    items = batch.collect([Path("=HYPERLINK(1).lfs"), Path("@SUM(A1).lfs"), Path("-missing.lfs")])
    out = tmp_path / "report.csv"
    with Report(out, Format.CSV) as report:
        batch.run_batch(runtime, "Sandbox", batch.make_plan(items, (Endpoint.PARSE,)), report.write, FAST,
                        describe=lambda problem: "+cmd|' /C calc'!A0")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        cells = [cell for row in csv.reader(stream) for cell in row]
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert "'=HYPERLINK(1).lfs" in cells and "'@SUM(A1).lfs" in cells and "'+cmd|' /C calc'!A0" in cells
    _, rows = batch.read_report(out)
    assert [r["file"] for r in rows] == ["=HYPERLINK(1).lfs", "@SUM(A1).lfs", "-missing.lfs"]  # read back as written


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)


def test_the_html_report_is_self_contained_and_escapes_every_value(tmp_path: Path) -> None:
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    rows = [{c: "" for c in batch.COLUMNS} | {
        "file": evil + ".lfs", "sha256": "ab", "endpoint": "hack", "status": "ok", "code": "0000",
        "verdict": "suspected_attack", "hack_score": 0.99, "request_id": '"><b>id</b>', "reason": "</script>&",
        "motions": "0,1,4", "billed": "billed"},
        {c: "" for c in batch.COLUMNS} | {"file": "b.lfs", "endpoint": "parse", "status": "refused",
                                          "reason": evil, "billed": "not_billed"}]
    out = tmp_path / "report.html"
    with Report(out, Format.HTML) as report:
        for row in rows:
            report.write(row)
    page = out.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(page)
    assert "img" not in parser.tags and "b" not in parser.tags and parser.tags.count("script") == 1
    assert not any(name.startswith("on") or name in ("src", "href") for name, _ in parser.attributes)
    assert "&lt;script&gt;" in page and "http" not in page.replace("http-equiv", "")
    assert page.rstrip().endswith("</html>")
    assert 'width:99.0%' in page and page.count("<li") == 3 and "class=unknown" in page
    found, back = batch.read_report(out)
    assert found is Format.HTML and [r["file"] for r in back] == [evil + ".lfs", "b.lfs"]
    assert back[0]["reason"] == "</script>&"


def test_exit_code_is_the_worst_of_the_latest_rows() -> None:
    def row(name: str, status: Status) -> dict[str, Any]:
        return {"sha256": name, "endpoint": "parse", "status": status.value}

    assert batch.exit_code([]) == 0
    assert batch.exit_code([row("a", Status.OK), row("b", Status.REFUSED)]) == 2
    assert batch.exit_code([row("a", Status.API_ERROR), row("b", Status.REFUSED)]) == 3
    assert batch.exit_code([row("a", Status.TRANSPORT), row("a", Status.OK), row("b", Status.API_ERROR)]) == 3
    assert batch.exit_code([row("a", Status.TRANSPORT)]) == 4
    assert Refusal("member_bomb").rule == "member_bomb"

"""`linkface-desk batch parse|hack PATH… --out REPORT` as a support engineer runs it: consent and --yes before
billable work, folders and zips with bad members, exit codes, 1009 backoff, Ctrl+C and --resume, the reports."""

from __future__ import annotations

import _thread
import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from app.cli import batch_cmd
from app.cli.main import main
from app.core import batch
from app.sandbox.faults import Fault
from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET, Sandbox
from tests.core.test_batch import mark_encrypted

GOOD = ("zhang-san.lfs", "li-si.lfs", "unknown-motion.lfs")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LINKFACE_DESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LINKFACE_API_SECRET", raising=False)
    return tmp_path / "home"


@pytest.fixture
def branch(tmp_path: Path, samples_dir: Path) -> Path:
    folder = tmp_path / "branch"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(samples_dir / name, folder / name)
    return folder


@pytest.fixture
def at_sandbox(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The shared sandbox as an explicit connection, so a test can inject faults into it."""
    monkeypatch.setenv("LINKFACE_API_SECRET", SANDBOX_API_SECRET)
    return ["--base-url", sandbox.base_url, "--api-id", SANDBOX_API_ID]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith("{") else {}, err


def history_rows(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    assert main(["history", "--json", "--limit", "1000"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


class Terminal(io.StringIO):
    """stdin at a terminal, answering the question with ``answer``."""

    def isatty(self) -> bool:
        return True


def test_consent_is_required_and_nothing_is_sent_without_it(capsys: pytest.CaptureFixture[str], branch: Path,
                                                            tmp_path: Path) -> None:
    code, out, err = run(capsys, "batch", "parse", str(branch), "--out", str(tmp_path / "r.csv"), "--yes")
    assert code == 2 and out["error"]["rule"] == "required" and "consent" in err
    assert not (tmp_path / "r.csv").exists() and history_rows(capsys) == []


def test_without_a_terminal_it_needs_yes(capsys: pytest.CaptureFixture[str], branch: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "batch", "parse", str(branch), "--consent", "on-file", "--out", str(tmp_path / "r.csv"))
    assert code == 2 and "3 billable calls" in err and "--yes" in err
    assert not (tmp_path / "r.csv").exists() and history_rows(capsys) == []


def test_at_a_terminal_it_asks(capsys: pytest.CaptureFixture[str], branch: Path, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    code, _, err = run(capsys, "batch", "hack", str(branch), "--consent", "on-file", "--out", str(tmp_path / "r.csv"))
    assert code == 2 and "Make 3 billable calls" in err and history_rows(capsys) == []
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    code, out, err = run(capsys, "batch", "hack", str(branch), "--consent", "on-file", "--out", str(tmp_path / "r.csv"))
    assert code == 0 and out["counts"]["ok"] == 3 and out["billed"] == 3
    assert "[3/3]" in err and "left" in err  # progress with counts and time remaining


def test_a_folder_and_a_zip_with_bad_members(capsys: pytest.CaptureFixture[str], branch: Path, tmp_path: Path,
                                             samples_dir: Path) -> None:
    archive = tmp_path / "from-branch.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.write(samples_dir / "li-si.lfs", "captures/li-si.lfs")
        zipped.writestr("../escape.lfs", (samples_dir / "li-si.lfs").read_bytes())
        zipped.writestr("bomb.lfs", b"\0" * (3 * 1024 * 1024))
        zipped.writestr("nested.zip", b"PK\x03\x04...")
        zipped.writestr("notes.txt", "from the branch\n")
    out_file = tmp_path / "r.csv"
    mark_encrypted(archive, "notes.txt")
    with zipfile.ZipFile(archive, "a") as zipped:
        zipped.writestr("/etc/absolute.lfs", (samples_dir / "li-si.lfs").read_bytes())
        zipped.writestr("readme.txt", "from the branch\n")
    code, out, _ = run(capsys, "batch", "parse", str(branch), str(archive), "--consent", "on-file", "--yes",
                       "--out", str(out_file))
    assert code == 2 and out["counts"] == {"ok": 4, "refused": 6, "api_error": 0, "transport": 0}
    rows = csv_rows(out_file)
    refused = {row["file"].split("!")[-1]: row["reason"] for row in rows if row["status"] == "refused"}
    assert set(refused) == {"../escape.lfs", "/etc/absolute.lfs", "bomb.lfs", "nested.zip", "notes.txt", "readme.txt"}
    assert "outside" in refused["../escape.lfs"] and "outside" in refused["/etc/absolute.lfs"]
    assert "zip bomb" in refused["bomb.lfs"] and "archive inside an archive" in refused["nested.zip"]
    assert "encrypted" in refused["notes.txt"] and "not a liveness capture" in refused["readme.txt"]
    assert {row["sha256"] for row in rows if row["file"].endswith("captures/li-si.lfs")} == {
        next(row["sha256"] for row in rows if row["file"] == "branch/li-si.lfs")}
    assert len(history_rows(capsys)) == 4


def test_cases_are_on_file_and_closed(capsys: pytest.CaptureFixture[str], branch: Path, tmp_path: Path) -> None:
    assert run(capsys, "batch", "parse", str(branch), "--consent", "on-file", "--yes",
               "--out", str(tmp_path / "r.jsonl"))[0] == 0
    assert main(["history", "cases", "--json"]) == 0
    cases = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(cases) == 3 and {c["consent"] for c in cases} == {"on_file"}
    assert all(c["closed"] is not None and c["decision"] == "no_decision" and len(c["calls"]) == 1 for c in cases)
    lines = (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["ok"] * 3


def test_exit_codes_follow_the_worst_row(capsys: pytest.CaptureFixture[str], branch: Path, tmp_path: Path,
                                         sandbox: Sandbox, at_sandbox: list[str]) -> None:
    common = ["--consent", "on-file", "--yes", *at_sandbox]
    sandbox.inject(Fault(code="1004"))
    code, out, _ = run(capsys, "batch", "hack", str(branch), *common, "--out", str(tmp_path / "a.csv"))
    assert code == 3 and out["counts"]["api_error"] == 1 and out["exit_code"] == 3
    sandbox.inject(Fault(body="truncated"))
    code, out, err = run(capsys, "batch", "hack", str(branch), *common, "--out", str(tmp_path / "b.csv"))
    assert code == 4 and out["billing_unknown"] == 1 and "billing is unknown" in err
    [unknown] = [row for row in csv_rows(tmp_path / "b.csv") if row["status"] == "transport"]
    assert unknown["billed"] == "unknown" and unknown["retries"] == "0"
    # a resume does not send it again: a person decides (--retry-unknown)
    code, out, err = run(capsys, "batch", "hack", str(branch), *common, "--resume", str(tmp_path / "b.csv"))
    assert code == 4 and out["held_back"] == 1 and out["rows"] == 0 and "--retry-unknown" in err
    code, out, _ = run(capsys, "batch", "hack", str(branch), *common, "--resume", str(tmp_path / "b.csv"),
                       "--retry-unknown")
    assert code == 0 and out["rows"] == 1 and out["already_answered"] == 2


def test_a_1009_pauses_and_resumes(capsys: pytest.CaptureFixture[str], branch: Path, tmp_path: Path,
                                   sandbox: Sandbox, at_sandbox: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_cmd, "BACKOFF_S", 0.01)
    sandbox.inject(Fault(code="1009"), count=2)
    code, out, err = run(capsys, "batch", "parse", str(branch), "--consent", "on-file", "--yes", *at_sandbox,
                         "--out", str(tmp_path / "r.csv"))
    assert code == 0 and out["counts"]["ok"] == 3 and err.count("1009") == 2
    assert [row["retries"] for row in csv_rows(tmp_path / "r.csv")] == ["2", "0", "0"]


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "html"])
def test_ctrl_c_leaves_a_valid_report_and_resume_skips_answered_files(
        capsys: pytest.CaptureFixture[str], branch: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        suffix: str) -> None:
    shown = batch_cmd._progress_line

    def interrupt_after_the_first(event: batch.Event) -> None:
        shown(event)
        if event.row is not None and event.done == 1:
            _thread.interrupt_main()  # Ctrl+C, as the terminal delivers it: to the main thread
            time.sleep(0.6)  # the main thread sees it (it waits in 0.2 s steps) before the next file

    monkeypatch.setattr(batch_cmd, "_progress_line", interrupt_after_the_first)
    report = tmp_path / f"report.{suffix}"
    # Python's own Ctrl+C handling, even in a background job (which ignores SIGINT: interrupt_main would not)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        code, out, err = run(capsys, "batch", "parse", str(branch), "--consent", "on-file", "--yes", "--out",
                             str(report))
    finally:
        signal.signal(signal.SIGINT, previous)
    assert code == 130 and out["stopped"] and out["rows"] == 1 and "--resume" in err, (out, err)
    found, rows = batch.read_report(report)
    assert found.value == suffix and [row["status"] for row in rows] == ["ok"]
    if suffix == "html":
        assert report.read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert len(history_rows(capsys)) == 1  # what was sent is in history
    monkeypatch.setattr(batch_cmd, "_progress_line", shown)
    code, out, _ = run(capsys, "batch", "parse", str(branch), "--consent", "on-file", "--yes", "--resume", str(report))
    assert code == 0 and out["already_answered"] == 1 and out["rows"] == 2
    _, rows = batch.read_report(report)
    assert len(rows) == 3 and len({row["sha256"] for row in rows}) == 3
    assert len(history_rows(capsys)) == 3  # the first file was not sent twice


def test_resume_refuses_another_out_file(capsys: pytest.CaptureFixture[str], branch: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.csv"
    assert run(capsys, "batch", "parse", str(branch), "--consent", "on-file", "--yes", "--out", str(report))[0] == 0
    code, _, err = run(capsys, "batch", "parse", str(branch), "--consent", "on-file", "--yes", "--resume", str(report),
                       "--out", str(tmp_path / "other.csv"))
    assert code == 2 and "--resume" in err
    code, out, _ = run(capsys, "batch", "parse", str(branch), "--consent", "on-file", "--resume", str(report))
    assert code == 0 and out["rows"] == 0 and out["already_answered"] == 3  # nothing billable: nothing asked


def test_reports_are_formula_safe_and_escaped(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                              samples_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    evil = '=cmd|" <script>alert(1)<b onclick=x>.lfs'
    shutil.copy(samples_dir / "zhang-san.lfs", tmp_path / evil)
    (tmp_path / "+notes.txt").write_text("text\n", encoding="utf-8")
    code, _, _ = run(capsys, "batch", "parse", evil, "+notes.txt", "--consent", "on-file", "--yes", "--out", "r.csv")
    assert code == 2
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as stream:
        cells = [cell for row in csv.reader(stream) for cell in row]
    assert "'" + evil in cells and "'+notes.txt" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    code, _, _ = run(capsys, "batch", "parse", evil, "+notes.txt", "--consent", "on-file", "--yes", "--out",
                     "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b " not in page and "&lt;script&gt;alert(1)&lt;b onclick=x&gt;" in page
    assert "Liveness passed" in page and "not a liveness capture" in page and "<link" not in page


def test_a_real_ctrl_c_in_a_child_process(capsys: pytest.CaptureFixture[str], tmp_path: Path, samples_dir: Path,
                                          sandbox: Sandbox, at_sandbox: list[str], isolated_home: Path) -> None:
    """SIGINT as a terminal sends it, to a real `linkface-desk batch`: it stops after the current file, leaves a
    complete HTML page and history rows for what was sent, and exits 130; --resume does the rest."""
    names = ("zhang-san.lfs", "li-si.lfs", "unknown-motion.lfs", "wang-wu.lfs", "zhao-liu.lfs", "attack-photo.lfs")
    folder = tmp_path / "many"
    folder.mkdir()
    for name in names:
        shutil.copy(samples_dir / name, folder / name)
    sandbox.inject(Fault(delay=0.4), count=len(names))
    report = tmp_path / "r.html"
    connection = at_sandbox
    env = {**os.environ, "LINKFACE_DESK_HOME": str(isolated_home), "LINKFACE_API_SECRET": SANDBOX_API_SECRET,
           "LINKFACE_DESK_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "batch", "hack", str(folder), "--consent", "on-file", "--yes", *connection,
         "--out", str(report)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as at a terminal, even in a background job
    try:
        assert process.stderr is not None
        lines: list[str] = []
        while not any("[1/6]" in line for line in lines):
            line = process.stderr.readline()
            assert line, "".join(lines)
            lines.append(line)
        process.send_signal(signal.SIGINT)
        out, rest = process.communicate(timeout=30)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 130, "".join(lines) + rest
    assert json.loads(out)["stopped"] and "--resume" in rest
    _, rows = batch.read_report(report)
    assert 1 <= len(rows) < len(names) and report.read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert len(history_rows(capsys)) == len(rows)
    sandbox.clear_faults()
    code, summary, _ = run(capsys, "batch", "hack", str(folder), "--consent", "on-file", "--yes", *connection,
                           "--resume", str(report))
    assert code == 0 and summary["already_answered"] == len(rows)
    assert len(batch.read_report(report)[1]) == len(names) == len(history_rows(capsys))

"""What the hostile tests share: the CLI run in-process on a private home, its history read back,
small disks, memory peaks, and a CLI in a process of its own."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.core.history import History, Row
from app.runtime import HISTORY_FILE
from tests.hostile.server import HostileServer

SECRET = "hostile-suite-secret"
API_ID = "hostile-id"
NAME, ID_NUMBER = "张三", "11010519491231002X"
NAME_MASKED, ID_MASKED = "张*", "110105********002X"
JOURNAL_FILE = "history-journal.jsonl"  # in the log folder, as documented
REPO = Path(__file__).resolve().parents[2]
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@dataclass
class CliRun:
    code: int
    out: str
    err: str
    seconds: float

    @property
    def json(self) -> dict[str, Any]:
        """The one JSON object `call` prints."""
        return json.loads(self.out)  # type: ignore[no-any-return]

    @property
    def error(self) -> dict[str, Any]:
        return self.json["error"]  # type: ignore[no-any-return]


class Desk:
    """One operator's LINKFACE_DESK_HOME and the CLI run in-process on it, as `linkface-desk ARGV`."""

    def __init__(self, home: Path, capsys: pytest.CaptureFixture[str], samples_dir: Path) -> None:
        self.home = home
        self._capsys = capsys
        self.liveness_file = samples_dir / "zhang-san.lfs"
        self.selfie_file = samples_dir / "zhang-san-selfie.jpg"
        self.printed: list[str] = []  # every stdout and stderr of this session, for the leak scans

    @property
    def history_file(self) -> Path:
        return self.home / "data" / HISTORY_FILE

    @property
    def journal_file(self) -> Path:
        return self.home / "logs" / JOURNAL_FILE

    def cli(self, *argv: str) -> CliRun:
        self._capsys.readouterr()
        started = time.monotonic()
        code = main(list(argv))
        seconds = time.monotonic() - started
        out, err = self._capsys.readouterr()
        self.printed += [out, err]
        assert "Traceback" not in err
        return CliRun(code, out, err, seconds)

    def call(self, server: HostileServer, endpoint: str, *args: str) -> CliRun:
        """`call ENDPOINT --base-url SERVER --api-id ID ...`, the secret in $LINKFACE_API_SECRET."""
        return self.cli("call", endpoint, "--base-url", server.url, "--api-id", API_ID, *args)

    def billable_args(self, endpoint: str = "idnumber") -> tuple[str, ...]:
        """What a billable call needs besides the connection: the sample customer and files."""
        liveness = ("--consent", "given", "--liveness-file", str(self.liveness_file))
        return {
            "idnumber": ("--name", NAME, "--id-number", ID_NUMBER, *liveness),
            "hack": liveness,
            "selfie": (*liveness, "--selfie-file", str(self.selfie_file)),
            "parse": liveness,
        }[endpoint]

    def billable(self, server: HostileServer, endpoint: str = "idnumber", *args: str) -> CliRun:
        return self.call(server, endpoint, *self.billable_args(endpoint), *args)

    def rows(self) -> list[Row]:
        """The history as recorded, newest first, read with the app's own History."""
        history = History(self.history_file)
        try:
            return history.query(limit=1000)
        finally:
            history.close()

    def only_row(self) -> Row:
        rows = self.rows()
        assert len(rows) == 1, rows
        return rows[0]


def assert_protocol_failure(run: CliRun, desk: Desk, *words: str, billing: str = "unknown") -> None:
    """Exit 4, a protocol error whose message has ``words``, and the call recorded like any failure."""
    assert run.code == 4, run.err
    error = run.error
    assert error["type"] == "protocol" and error["billing"] == billing
    for word in words:
        assert word in error["message"] and word in run.err
    row = desk.only_row()
    assert (row.outcome, row.billing, row.sequence_id) == ("protocol", billing, error["sequence_id"])
    assert row.verdict is None


def with_peak_memory(action: Callable[[], object]) -> tuple[Exception | None, int]:
    """What ``action`` raised (None if nothing), and the most memory Python held at once while it ran."""
    raised: Exception | None = None
    tracemalloc.start()
    try:
        action()
    except Exception as exc:  # noqa: BLE001 -- whatever it raised is the caller's to check
        raised = exc
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return raised, peak


# --- small disks -----------------------------------------------------------------------------------


@contextmanager
def tmpfs(where: Path, size: str = "2m", read_only: bool = False) -> Iterator[Path]:
    """A small disk mounted on ``where`` for the block; always unmounted after."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    where.mkdir(parents=True, exist_ok=True)
    options = f"size={size},mode=0700" + (",ro" if read_only else "")
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], check=True)
    try:
        yield where
    finally:
        if subprocess.run(["umount", str(where)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(where)], check=True)


def fill_up(folder: Path) -> Path:
    """Fill the disk under ``folder`` to the last byte with a filler file; remove the file to free it."""
    filler = folder / "filler.bin"
    descriptor = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        for block in (65536, 4096, 512, 1):
            data = bytes(block)
            try:
                while True:
                    os.write(descriptor, data)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
    finally:
        os.close(descriptor)
    return filler


# --- the CLI in a process of its own -------------------------------------------------------------


def cli_process(*argv: str, prefix: tuple[str, ...] = (), timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """`python -m app ARGV` with this test's environment (home, secret), optionally under ``prefix`` (setpriv)."""
    return subprocess.run([*prefix, sys.executable, "-m", "app", *argv], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO, env=dict(os.environ))

import csv
import datetime as dt
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.core.contract import (
    CallResult,
    Endpoint,
    FileSource,
    HackData,
    HackRequest,
    IdNumberData,
    IdNumberRequest,
    StoredIdSource,
)
from app.core.errors import ApiError, Billing, InputRejected, TransportError, TransportKind
from app.core.history import MIGRATIONS, SCHEMA_VERSION, BilledCounts, Filter, History, HistoryError
from tests.words import error_words

NAME, ID = "张三丰", "11010519491231002X"
REQUEST = IdNumberRequest(NAME, ID, FileSource(Path("capture.dat")))


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def history(tmp_path: Path, clock: Clock) -> History:
    h = History(tmp_path / "history.sqlite3", now=clock)
    yield h
    h.close()


def id_result(score: float = 50.0, seq: str = "s" * 64, rid: str = "RID-1") -> CallResult[IdNumberData]:
    return CallResult(Endpoint.ID_NUMBER, IdNumberData(1, 1, 1, score, None, "LID-1"), rid, seq, 1, duration_s=0.25)


def test_records_success_masked(history: History) -> None:
    history.record_result("Sandbox", REQUEST, id_result(), 0.7, sandbox=True)
    (row,) = history.query()
    assert (row.endpoint, row.verdict, row.billing) == ("idnumber", "same_person", "billed")
    assert (row.code, row.outcome) == ("0000", "ok")
    assert (row.name_masked, row.id_masked) == ("张**", "110105********002X")
    assert (row.liveness_id, row.duration_ms, row.sandbox, row.request_id) == ("LID-1", 250, 1, "RID-1")
    assert row.operator
    assert '"certificate_score": 50.0' in (row.details or "")


def test_records_failures(history: History) -> None:
    api = ApiError("1009", "调用频率过高", "RID-2", 2, "q" * 64)
    history.record_failure("Prod", REQUEST, api, "q" * 64, 0.1)
    net = TransportError(TransportKind.TIMEOUT, "read timeout", "t" * 64, True)
    history.record_failure("Prod", HackRequest(StoredIdSource("x")), net, "t" * 64, 30.0)
    rows = history.query()
    assert [(r.outcome, r.code, r.billing) for r in rows] == [("transport", None, "unknown"),
                                                              ("api_error", "1009", "not_billed")]
    assert "may_have_reached_server" in (rows[0].error or "")


def test_nothing_personal_in_the_file(tmp_path: Path, history: History) -> None:
    history.record_result("Sandbox", REQUEST, id_result(), 0.7)
    history.record_failure("Sandbox", REQUEST, ApiError("1000", "x", "r", 2, "s"), "s", 0.1)
    history.close()
    blob = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for secret in (NAME.encode(), ID.encode(), b"1101051949123"):
        assert secret not in blob


def test_file_is_private(history: History) -> None:
    assert stat.S_IMODE(history.path.stat().st_mode) == 0o600


def test_filters_and_search(history: History, clock: Clock) -> None:
    history.record_result("A", REQUEST, id_result(50, rid="R-same"), 0.7)
    clock.now += dt.timedelta(hours=1)
    history.record_result("B", REQUEST, id_result(10, rid="R-diff", seq="x" * 64), 0.7)
    clock.now += dt.timedelta(days=2)
    history.record_result("A", HackRequest(StoredIdSource("L")),
                          CallResult(Endpoint.HACK, HackData(0.99), "R-hack", "h" * 64, 1), 0.7)
    assert [r.request_id for r in history.query()] == ["R-hack", "R-diff", "R-same"]  # newest first
    assert history.count(Filter(profile="A")) == 2
    assert [r.request_id for r in history.query(Filter(verdict="different_person"))] == ["R-diff"]
    assert history.count(Filter(endpoint="hack")) == 1
    assert history.count(Filter(since=clock.now - dt.timedelta(days=1))) == 1
    assert history.count(Filter(until=clock.now - dt.timedelta(days=1))) == 2
    assert history.count(Filter(billing=Billing.NOT_BILLED)) == 0
    assert [r.request_id for r in history.query(Filter(search="x" * 64))] == ["R-diff"]
    assert history.count(Filter(search="R-same")) == 1
    assert history.count(Filter(search=ID.lower())) == 2  # a full ID number is masked, then matched
    assert history.count(Filter(search="110105********002x")) == 2
    assert [r.request_id for r in history.query(limit=1, offset=1)] == ["R-diff"]


def test_billed_counters(history: History, clock: Clock) -> None:
    history.record_result("A", REQUEST, id_result(), 0.7)
    clock.now -= dt.timedelta(days=1)
    history.record_result("A", REQUEST, id_result(), 0.7)
    history.record_failure("A", REQUEST, ApiError("1004", None, "r", 2, "s"), "s", 0.1)
    clock.now -= dt.timedelta(days=40)
    history.record_result("A", REQUEST, id_result(), 0.7)
    clock.now += dt.timedelta(days=41)
    assert history.billed_counts("A") == BilledCounts(1, 2)
    assert history.billed_counts("B") == BilledCounts(0, 0)


def test_csv_opens_with_columns_and_chinese(tmp_path: Path, history: History) -> None:
    history.record_result("北京分行", REQUEST, id_result(), 0.7)
    out = tmp_path / "export.csv"
    assert history.export_csv(out) == 1
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["profile"] == "北京分行" and rows[0]["name_masked"] == "张**"
    assert {"time", "request_id", "sequence_id", "billing", "verdict", "id_masked"} <= set(rows[0])


def test_retention_and_delete_all(history: History, clock: Clock) -> None:
    clock.now -= dt.timedelta(days=181)
    history.record_result("A", REQUEST, id_result(rid="old"), 0.7)
    clock.now += dt.timedelta(days=181)
    history.record_result("A", REQUEST, id_result(rid="new"), 0.7)
    assert history.retention_days == 180  # the Cybersecurity Law's six months
    history.set_retention_days(400)
    assert history.retention_days == 400
    for too_short in (0, 179):
        with pytest.raises(InputRejected):
            history.set_retention_days(too_short)
    with pytest.raises(InputRejected):  # a policy may ask for more than the law
        history.set_retention_days(200, floor=365)
    assert history.purge_older_than(90) == 1  # 90 asked: the law's 180 applies
    assert [r.request_id for r in history.query()] == ["new"]
    assert history.delete_all() == 1
    assert history.count() == 0


def test_migrates_from_the_first_schema(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[1] + "; PRAGMA user_version = 1;")
    db.execute("INSERT INTO calls (at_ms, profile, endpoint, sequence_id, outcome, operator) "
               "VALUES (1, 'A', 'token', 's', 'ok', 'me')")
    db.commit()
    db.close()
    history = History(path)
    assert history.schema_version == SCHEMA_VERSION
    (row,) = history.query()
    assert (row.profile, row.sandbox) == ("A", 0)
    history.close()


def test_newer_schema_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(HistoryError, match="newer"):
        History(path)
    assert path.read_bytes() == before


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from app.core.contract import CallResult, Endpoint, HackData, HackRequest, StoredIdSource
    from app.core.history import History
    h = History(Path(sys.argv[1]))
    n = 0
    while True:
        n += 1
        h.record_result("A", HackRequest(StoredIdSource("x")),
                        CallResult(Endpoint.HACK, HackData(0.1), f"R{n}", "s", 1), 0.7)
        print(n, flush=True)
""")


def test_sigkill_while_writing_keeps_every_committed_row(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for attempt in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=env)
        assert proc.stdout is not None
        committed = 0
        deadline = time.monotonic() + 10
        while committed < 5 + attempt * 7 and time.monotonic() < deadline:
            committed = int(proc.stdout.readline())
        proc.kill()  # SIGKILL: no cleanup, possibly mid-transaction
        proc.wait()
        rest = proc.stdout.read().split()
        committed = int(rest[-1]) if rest else committed
        history = History(path)
        ids = {r.request_id for r in history.query(limit=100_000)}
        assert {f"R{n}" for n in range(1, committed + 1)} <= ids
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        history.close()


def test_damaged_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database, it is a file that got damaged" * 100)
    before = path.read_bytes()
    with pytest.raises(HistoryError, match="damaged") as info:
        History(path)
    assert (info.value.kind, info.value.path) == ("damaged", path)
    (what, remedy), (what_zh, _) = error_words(info.value)
    assert f"The history file {path} is damaged" in what and "--move-aside" in what and remedy == "Nothing was sent."
    assert "已损坏" in what_zh
    assert path.read_bytes() == before

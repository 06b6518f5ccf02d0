"""The history's disk and files misbehave: full before a call, full between sending and recording,
a damaged file, a folder where a file should be, a log folder that cannot be written. A billable call
that could not be recorded is never sent; one already sent is never lost; every message says what to do."""

from __future__ import annotations

from app.runtime import Runtime
from tests.hostile import server as hostile
from tests.hostile.helpers import CliRun, Desk, fill_up, tmpfs
from tests.hostile.server import HostileServer

ID_BILLED = hostile.envelope(data=hostile.ID_MATCH, charge=1)


def assert_refused(run: CliRun, *words: str) -> None:
    """Exit 2 (nothing was sent), with a message that says what is wrong and where."""
    assert run.code == 2, run.err
    assert run.json["ok"] is False
    for word in words:
        assert word in run.err and word in run.error["message"]


def test_a_full_disk_refuses_a_billable_call_before_it_is_sent(desk: Desk, server: HostileServer) -> None:
    """A billed call that history cannot take would leave no trace of the money spent: it is not sent."""
    with tmpfs(desk.history_file.parent):
        assert desk.call(server, "token").code == 0  # the history exists, then the disk fills up
        fill_up(desk.history_file.parent)
        refused = desk.billable(server)
        assert_refused(refused, "is full", str(desk.history_file.parent))
        assert "move" not in refused.err and refused.error["type"] == "history_error"
        assert len(server.received) == 1

        token = desk.call(server, "token")  # never billed: it is sent; its record waits in the journal
        assert token.json["ok"] and token.json["result"]["token"] == "hostile-token"
        assert token.code == 6 and str(desk.journal_file) in token.err
        assert len(server.received) == 2


def test_a_disk_that_fills_while_the_call_is_out_keeps_the_record_in_the_journal(desk: Desk,
                                                                                 server: HostileServer) -> None:
    """The call was billed: its record must survive the full disk and reach history at the next start, once."""
    with tmpfs(desk.history_file.parent):
        server.handler = hostile.before(lambda _request: fill_up(desk.history_file.parent), ID_BILLED)
        run = desk.billable(server)
        assert run.code == 6 and run.json["ok"] and run.json["verdict"] == "same_person"
        assert run.json["record"] == "journaled" and str(desk.journal_file) in run.err
        assert desk.journal_file.read_text(encoding="utf-8").count("\n") == 1

        (desk.history_file.parent / "filler.bin").unlink()
        with Runtime() as runtime:
            assert runtime.journal_merged == 1
        assert not desk.journal_file.exists()
        row = desk.only_row()
        assert (row.outcome, row.billing, row.sequence_id) == ("ok", "billed", run.json["sequence_id"])
        with Runtime() as runtime:  # a second start merges nothing again
            assert runtime.journal_merged == 0
        assert len(desk.rows()) == 1


def test_a_damaged_history_is_left_alone_until_moved_aside(desk: Desk, server: HostileServer) -> None:
    """The damaged file may be the only record of billed calls: kept untouched for IT, moved only when asked."""
    garbage = b"not a database " * 500
    desk.history_file.parent.mkdir(parents=True)
    desk.history_file.write_bytes(garbage)
    server.handler = ID_BILLED

    assert_refused(desk.billable(server), str(desk.history_file), "--move-aside")
    assert server.received == [] and desk.history_file.read_bytes() == garbage

    moved = desk.cli("history", "--move-aside")
    assert moved.code == 0
    [kept] = [p for p in desk.history_file.parent.iterdir() if p.name.startswith("history.sqlite3.damaged-")]
    assert kept.read_bytes() == garbage and str(kept) in moved.err

    assert desk.billable(server).code == 0
    assert desk.only_row().outcome == "ok"


def test_a_folder_where_the_history_file_should_be(desk: Desk, server: HostileServer) -> None:
    """Not "damaged" (nothing to move aside): IT must remove the folder."""
    desk.history_file.mkdir(parents=True)
    assert_refused(desk.billable(server), str(desk.history_file), "is a folder")
    assert server.received == []


def test_a_folder_where_the_settings_file_should_be(desk: Desk, server: HostileServer) -> None:
    """Refused with the path named, not a traceback; the folder is left for IT."""
    settings = desk.home / "config" / "settings.json"
    settings.mkdir(parents=True)
    assert_refused(desk.call(server, "token"), str(settings), "is a folder")
    assert server.received == [] and settings.is_dir()


def test_a_log_folder_that_cannot_be_written_does_not_stop_the_call(desk: Desk, server: HostileServer) -> None:
    """The log is for support; the history is the record. The operator is told there is no log."""
    server.handler = ID_BILLED
    with tmpfs(desk.home / "logs", read_only=True):
        run = desk.billable(server)
    assert run.code == 0 and run.json["verdict"] == "same_person"
    assert "no log file" in run.err and str(desk.home / "logs") in run.err
    assert desk.only_row().billing == "billed"

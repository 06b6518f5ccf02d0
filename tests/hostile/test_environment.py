"""A hostile or careless environment: proxy variables aimed at a recording server, liveness files that
are not files, addresses with passwords, bad serials, and what the app's own folders let others read."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.hostile import server as hostile
from tests.hostile.helpers import API_ID, Desk, cli_process
from tests.hostile.server import HostileServer

PROXY_NAMES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def test_the_sandbox_never_goes_through_a_proxy(desk: Desk, elsewhere: HostileServer, server: HostileServer,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The sandbox is on this computer: a proxy (perhaps one that logs) has no business seeing its calls."""
    for name in PROXY_NAMES:
        monkeypatch.setenv(name, elsewhere.url)
    run = desk.cli("call", "token", "--sandbox")
    assert run.code == 0 and run.json["sandbox"] is True
    assert elsewhere.received == []

    # The variables are live: a profile on the system's proxy settings does go through them.
    assert desk.call(server, "token").code == 0
    assert server.received == [] and [r.target.startswith(server.url) for r in elsewhere.received] == [True]


# --- local files and inputs ------------------------------------------------------------------------


REFUSALS = ("a folder", "a missing file", "a URL with user:pass@", "a bad --sequence-id")


def local_refusals(desk: Desk, server: HostileServer, tmp_path: Path) -> dict[str, tuple[tuple[str, ...], str, str]]:
    """Each of REFUSALS: (the call's arguments, the rule it breaks, words of the message)."""
    folder = tmp_path / "capture.lfs"
    folder.mkdir()
    live = ("--liveness-file", str(desk.liveness_file))
    return {
        "a folder": (("--liveness-file", str(folder)), "is_folder", "capture.lfs is a folder"),
        "a missing file": (("--liveness-file", str(tmp_path / "gone.lfs")), "exists", "gone.lfs"),
        "a URL with user:pass@": (("--liveness-url", f"http://user:pass@{server.host}/x.lfs"), "url_credentials",
                                  "password"),
        "a bad --sequence-id": ((*live, "--sequence-id", "with space;"), "sequence_id_format", "sequence id"),
    }


@pytest.mark.parametrize("case", REFUSALS)
def test_careless_input_is_refused_before_anything_is_sent(desk: Desk, server: HostileServer, tmp_path: Path,
                                                           case: str) -> None:
    """Nothing leaves the computer for input the app can judge itself: no bill, and the message names the rule."""
    args, rule, words = local_refusals(desk, server, tmp_path)[case]
    run = desk.call(server, "hack", "--consent", "given", *args)
    assert run.code == 2 and run.error["rule"] == rule and words in run.err
    assert server.received == []


def test_a_fifo_as_the_liveness_file_is_refused_without_hanging(desk: Desk, server: HostileServer,
                                                                tmp_path: Path) -> None:
    """Opening a pipe nobody writes blocks forever: the check must never wait on it (own process, timeout)."""
    fifo = tmp_path / "capture.lfs"
    os.mkfifo(fifo)
    proc = cli_process("call", "hack", "--consent", "given", "--base-url", server.url, "--api-id", API_ID,
                       "--liveness-file", str(fifo))
    assert proc.returncode == 2 and "capture.lfs is not a regular file" in proc.stderr
    assert server.received == []


def test_an_unreadable_liveness_file_is_refused_by_name(desk: Desk, server: HostileServer, tmp_path: Path) -> None:
    """Without root's override (setpriv drops it) a file without read permission must be refused, not half sent."""
    locked = tmp_path / "locked.lfs"
    locked.write_bytes(desk.liveness_file.read_bytes())
    locked.chmod(0)
    unprivileged = ("setpriv", "--inh-caps=-all", "--bounding-set=-all")
    proc = cli_process("call", "hack", "--consent", "given", "--base-url", server.url, "--api-id", API_ID,
                       "--liveness-file", str(locked), prefix=unprivileged)
    assert proc.returncode == 2 and "locked.lfs cannot be read: permission denied" in proc.stderr, proc.stderr
    assert server.received == []


# --- private folders -------------------------------------------------------------------------------


def test_every_folder_and_file_the_app_makes_is_private(desk: Desk, server: HostileServer) -> None:
    """History and logs hold masked personal data and billing: other accounts on the PC must not read them."""
    previous = os.umask(0o022)  # a typical umask: what the app makes must not depend on it
    try:
        assert desk.cli("profile", "add", "Bank", "--base-url", server.url, "--api-id", API_ID).code == 0
        assert desk.cli("call", "token", "--sandbox").code == 0
        server.handler = hostile.envelope(data=hostile.ID_MATCH, charge=1)
        assert desk.billable(server).code == 0
    finally:
        os.umask(previous)
    made = sorted(desk.home.rglob("*"))
    modes = {str(p.relative_to(desk.home)): stat.S_IMODE(p.stat().st_mode) for p in made}
    assert modes == {path: 0o700 if (desk.home / path).is_dir() else 0o600 for path in modes}
    assert {p.name for p in made} >= {"config", "data", "logs", "cache", "settings.json", "history.sqlite3",
                                      "linkface-desk.log"}

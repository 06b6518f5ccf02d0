"""A full session with a distinctive secret and a real customer's details, then a scan of everything
the app wrote or printed: the secret, every sign sent, the full name and the full ID number appear nowhere."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from app.cli.main import main
from app.core.diagnostics import export_diagnostics
from app.core.history import History
from app.core.paths import config_dir, data_dir, log_dir
from app.core.signing import sign as real_sign
from app.sandbox.faults import Fault
from app.sandbox.server import Sandbox
from tests.profiles.helpers import MemoryKeyring

SECRET = "LeakCanary-7f3a9d-秘钥-Distinctive"
API_ID = "leak-test-id"
NAME, ID_NUMBER = "张三", "11010519491231002X"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("LINKFACE_DESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LINKFACE_API_SECRET", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield tmp_path / "home"
    keyring.set_keyring(previous)


def test_nothing_sensitive_is_written_or_printed(home: Path, tmp_path: Path, samples_dir: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    printed: list[str] = []
    signs: list[str] = []  # every sign the client computed, observed (not replaced) to scan for them

    def recording_sign(api_id: str, api_secret: str, timestamp: str) -> str:
        signs.append(real_sign(api_id, api_secret, timestamp))
        return signs[-1]

    monkeypatch.setattr("app.core.client.sign", recording_sign)

    def cli(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        printed.extend((out, err))
        return code

    lfs, selfie = str(samples_dir / "zhang-san.lfs"), str(samples_dir / "zhang-san-selfie.jpg")
    with Sandbox(delay_scale=0, accounts={API_ID: SECRET}) as sandbox:
        assert cli("profile", "add", "Leak", "--base-url", sandbox.base_url, "--api-id", API_ID) == 0
        assert cli("profile", "set-secret", "Leak", stdin=SECRET + "\n") == 0
        assert cli("profile", "test", "Leak") == 0
        assert cli("profile", "list") == 0
        on = ("--profile", "Leak", "--consent", "given")
        assert cli("call", "token", "--profile", "Leak") == 0
        assert cli("call", "idnumber", *on, "--name", NAME, "--id-number", ID_NUMBER, "--liveness-file", lfs,
                   "--auto-hack") == 0
        assert cli("call", "idnumber", *on, "--name", NAME, "--id-number", ID_NUMBER[:-1] + "0",
                   "--liveness-file", lfs) == 2
        assert cli("call", "hack", *on, "--liveness-file", lfs) == 0
        assert cli("call", "selfie", *on, "--liveness-file", lfs, "--selfie-file", selfie, "--auto-hack") == 0
        assert cli("call", "parse", *on, "--liveness-file", lfs) == 0
        sandbox.inject(Fault(code="1000"))
        assert cli("call", "idnumber", *on, "--name", NAME, "--id-number", ID_NUMBER, "--liveness-file", lfs) == 3
        sandbox.inject(Fault(body="not_json"))
        assert cli("call", "idnumber", *on, "--name", NAME, "--id-number", ID_NUMBER, "--liveness-file", lfs) == 4
        monkeypatch.setenv("LINKFACE_API_SECRET", SECRET)
        assert cli("call", "token", "--base-url", sandbox.base_url, "--api-id", API_ID) == 0
        monkeypatch.delenv("LINKFACE_API_SECRET")
    assert cli("history") == 0
    assert cli("history", "--csv", str(home / "export.csv")) == 0
    history = History(data_dir() / "history.sqlite3")
    assert history.count() == 9  # every call that was sent, including the three failures
    export_diagnostics(home / "diagnostics.zip", log_dir(), config_dir() / "settings.json", history)
    history.close()

    written = [p for p in home.rglob("*") if p.is_file()]
    assert {p.name for p in written} >= {"settings.json", "history.sqlite3", "linkface-desk.log", "export.csv",
                                          "diagnostics.zip"}
    import zipfile

    with zipfile.ZipFile(home / "diagnostics.zip") as archive:
        blobs = {f"diagnostics.zip:{n}": archive.read(n) for n in archive.namelist()}
    blobs.update({str(p): p.read_bytes() for p in written})
    blobs["printed"] = "".join(printed).encode()
    for where, blob in blobs.items():
        for needle in (SECRET, NAME, ID_NUMBER, ID_NUMBER[:14], *signs):
            assert needle.encode() not in blob, f"{needle!r} leaked into {where}"
            assert needle.encode("utf-16-le") not in blob, f"{needle!r} leaked into {where} (UTF-16)"
    assert len(signs) >= 9
    assert "110105********002X" in blobs[str(home / "export.csv")].decode("utf-8-sig")

"""Fixtures for the hostile suite: a private LINKFACE_DESK_HOME with the CLI run in-process, recording
servers of the tests' own, and a throwaway CA for HTTPS."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import trustme

from tests.hostile.helpers import PROXY_VARIABLES, SECRET, Desk
from tests.hostile.server import HostileServer
from tests.profiles.helpers import MemoryKeyring


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private LINKFACE_DESK_HOME, the suite's secret in the environment, no proxy, an in-memory keychain."""
    desk_home = tmp_path / "desk-home"
    monkeypatch.setenv("LINKFACE_DESK_HOME", str(desk_home))
    monkeypatch.setenv("LINKFACE_API_SECRET", SECRET)
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        yield desk_home
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def desk(home: Path, capsys: pytest.CaptureFixture[str], samples_dir: Path) -> Desk:
    return Desk(home, capsys, samples_dir)


@pytest.fixture
def server() -> Iterator[HostileServer]:
    """The server the call goes to; set its ``handler`` to choose the answer."""
    with HostileServer() as hostile:
        yield hostile


@pytest.fixture
def elsewhere() -> Iterator[HostileServer]:
    """A second recording server: a redirect target, or a proxy that must not be used."""
    with HostileServer() as other:
        yield other


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_server(ca: trustme.CA) -> Iterator[HostileServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    with HostileServer(tls=context) as hostile:
        yield hostile


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> Path:
    path = tmp_path / "test-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path

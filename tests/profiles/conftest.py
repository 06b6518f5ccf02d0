"""Isolation for the profile tests: a private LINKFACE_DESK_HOME, in-memory secrets (and an in-memory
keyring backend under KeyringSecretStore), no proxy variables; and a runner for `linkface-desk profile ...`."""

from __future__ import annotations

import argparse
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import pytest

from app.cli.profile_cmd import add_profile_parser, run_profile
from app.core.secrets import MemorySecretStore, SecretStore
from tests.profiles.helpers import MemoryKeyring

PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def isolated(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Everything under a temporary LINKFACE_DESK_HOME; the in-memory keychain unless testing the real one."""
    home = tmp_path / "desk-home"
    monkeypatch.setenv("LINKFACE_DESK_HOME", str(home))
    monkeypatch.delenv("LINKFACE_API_SECRET", raising=False)
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    if request.node.get_closest_marker("secret_service"):
        yield home
        return
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        yield home
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    return backend


@pytest.fixture
def secrets() -> MemorySecretStore:
    return MemorySecretStore()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], secrets: MemorySecretStore) -> Callable[..., CliResult]:
    """Run `linkface-desk profile ARGV...` in-process, as main does, and capture its output; the secrets are
    the ``secrets`` fixture's unless others are given."""

    def run(*argv: str, stdin: str = "", call: Any = None, keychain: SecretStore | None = None) -> CliResult:
        parser = argparse.ArgumentParser(prog="linkface-desk")
        add_profile_parser(parser.add_subparsers(dest="command"))
        args = parser.parse_args(["profile", *argv])
        code = run_profile(args, call, secrets=keychain or secrets, stdin=io.StringIO(stdin))
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run



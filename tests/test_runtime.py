"""Runtime: the one path every call of the window and the CLI takes (account, call, history, log)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from app.core.cases import Consent
from app.core.connection import ProxyMode
from app.core.contract import FileSource, HackRequest, IdNumberRequest, TokenRequest
from app.core.errors import ApiError, InputRejected
from app.core.history import SCHEMA_VERSION, BilledCounts
from app.core.profiles import SANDBOX_PROFILE, Profile
from app.core.secrets import SECRET_ENV, MemorySecretStore
from app.core.signing import TimestampUnit
from app.runtime import Runtime, profile_connection
from app.sandbox.faults import Fault
from app.sandbox.server import Sandbox
from tests.profiles.helpers import MemoryKeyring
from tests.words import Worded, error_words


@pytest.fixture
def home(tmp_path: Path) -> Iterator[dict[str, str]]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield {"LINKFACE_DESK_HOME": str(tmp_path / "home")}
    keyring.set_keyring(previous)


def test_sandbox_calls_are_recorded_and_counted(home: dict[str, str], sandbox: Sandbox, samples_dir: Path) -> None:
    with Runtime(environ=home, sandbox=sandbox) as runtime:
        assert runtime.is_sandbox("Sandbox") and runtime.face_threshold("Sandbox") == 0.7
        with pytest.raises(InputRejected) as refused:  # a face call outside a consented case: nothing sent
            runtime.run("Sandbox", HackRequest(FileSource(samples_dir / "zhang-san.lfs")))
        assert (refused.value.field, refused.value.rule) == ("consent", "required")
        case = runtime.open_case("Sandbox", "cli", Consent.GIVEN, "notice")
        runtime.run("Sandbox", HackRequest(FileSource(samples_dir / "zhang-san.lfs")), case_id=case)
        runtime.run("Sandbox", TokenRequest("liveness"))  # no face data: no case needed
        sandbox.inject(Fault(code="1004"))
        with pytest.raises(ApiError):
            runtime.run("Sandbox", HackRequest(FileSource(samples_dir / "zhang-san.lfs")), case_id=case)
        with pytest.raises(InputRejected):  # nothing sent: not recorded
            runtime.run("Sandbox", IdNumberRequest("", "1", FileSource(samples_dir / "zhang-san.lfs")), case_id=case)
        assert runtime.history is not None
        rows = runtime.history.query()
        assert [(r.endpoint, r.outcome, r.billing, r.sandbox) for r in rows] == [
            ("hack", "api_error", "not_billed", 1), ("token", "ok", "not_billed", 1), ("hack", "ok", "billed", 1)]
        assert runtime.billed_counts("Sandbox") == BilledCounts(1, 1)
    assert sandbox.base_url  # a sandbox handed in is left running


def test_a_connection_carries_the_profile() -> None:
    profile = Profile("Production", base_url="https://api.example.cn", api_id="prod-id",
                      timestamp_unit=TimestampUnit.SECONDS, connect_timeout=3.0, read_timeout=45.0,
                      proxy="http://proxy.bank.example:8080", ca_bundle=Path("/etc/bank/ca.pem").absolute(),
                      detection_types=("liveness", "silent_liveness"))
    connection = profile_connection(profile, "s3cret")
    assert (connection.base_url, connection.api_id, connection.api_secret) == (profile.base_url, "prod-id", "s3cret")
    assert connection.timestamp_unit is TimestampUnit.SECONDS
    assert (connection.connect_timeout, connection.read_timeout) == (3.0, 45.0)
    assert (connection.proxy_mode, connection.proxy_url) == (ProxyMode.EXPLICIT, "http://proxy.bank.example:8080")
    assert connection.ca_bundle == profile.ca_bundle
    assert connection.detection_types == profile.detection_types
    assert profile_connection(Profile("P", api_id="i", proxy="none"), "s").proxy_mode is ProxyMode.NONE
    assert profile_connection(Profile("P", api_id="i"), "s").proxy_mode is ProxyMode.SYSTEM
    assert "s3cret" not in repr(connection)


def test_connection_for_resolves_the_secret_or_the_sandbox(home: dict[str, str], sandbox: Sandbox) -> None:
    from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET

    secrets, profile = MemorySecretStore(), Profile("Branch", api_id="branch-id", proxy="http://proxy.example:3128")
    secrets.set("Branch", "from-keychain")
    with Runtime(environ=home, secrets=secrets, sandbox=sandbox, log_to_file=False) as runtime:
        assert runtime.connection_for(profile).api_secret == "from-keychain"
        connection = runtime.connection_for(SANDBOX_PROFILE)
        assert (connection.base_url, connection.api_id, connection.api_secret) == (
            sandbox.base_url, SANDBOX_API_ID, SANDBOX_API_SECRET)
        assert connection.proxy_mode is ProxyMode.NONE  # on this computer: never through a proxy
    with Runtime(environ={**home, SECRET_ENV: "from-env"}, secrets=secrets, log_to_file=False) as runtime:
        assert runtime.connection_for(profile).api_secret == "from-env"  # the environment wins


def test_saved_profile_needs_its_secret_and_can_opt_out_of_history(home: dict[str, str], sandbox: Sandbox) -> None:
    from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET

    with Runtime(environ=home, secrets=MemorySecretStore()) as runtime:
        runtime.profiles.add(Profile("Branch", base_url=sandbox.base_url, api_id=SANDBOX_API_ID,
                                     record_history=False))
        with pytest.raises(InputRejected) as info:
            runtime.run("Branch", TokenRequest("liveness"))
        assert info.value.rule == "secret_missing" and "set-secret" in Worded(info.value).message
        assert "set-secret" in Worded(info.value).message_zh
        runtime.secrets.set("Branch", SANDBOX_API_SECRET)
        assert runtime.run("Branch", TokenRequest("liveness")).result.data.token
        assert runtime.history is not None and runtime.history.count() == 0


def test_history_from_a_newer_version_is_reported_not_damaged(home: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "home" / "data" / "history.sqlite3"
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    before = path.read_bytes()
    with Runtime(environ=home) as runtime:
        assert runtime.history is None and runtime.history_problem is not None
        assert runtime.history_problem.kind == "newer_version"
        (what, _), _ = error_words(runtime.history_problem)
        assert "newer" in what
        assert runtime.run("Sandbox", TokenRequest("liveness")).result.data.token  # the app keeps working
        assert runtime.billed_counts("Sandbox") == BilledCounts(0, 0)
    assert path.read_bytes() == before

"""`linkface-desk profile ...` as a person or a script uses it; the secret never shows or lands in a file."""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from app.cli.profile_cmd import add_profile_parser, run_profile
from app.core.client import LinkFaceClient
from app.core.contract import Request
from app.core.endpoints import read
from app.core.interpret import Checked
from app.core.profiles import Profile
from app.core.secrets import SECRET_ENV, SERVICE
from tests.profiles.conftest import CliResult
from tests.profiles.helpers import MemoryKeyring, fake_api, files_containing

Cli = Callable[..., CliResult]
SECRET = "Qx7-very-distinctive-secret-4410"


def add_production(cli: Cli, base_url: str = "https://api.example.cn") -> None:
    result = cli("add", "Production", "--base-url", base_url, "--api-id", "test-id", "--proxy", "none")
    assert result.code == 0, result.err


def test_add_list_edit_remove(cli: Cli, memory_keyring: MemoryKeyring, isolated: Path) -> None:
    add_production(cli)
    assert cli("set-secret", "Production", stdin=SECRET + "\n").code == 0
    edited = cli("edit", "production", "--timestamp-unit", "s", "--face-threshold", "0.8",
                 "--detection-types", "liveness,silent_liveness", "--no-history", "--read-timeout", "60")
    assert edited.code == 0, edited.err

    listed = cli("list", "--json")
    assert listed.code == 0
    rows = json.loads(listed.out)
    assert [(r["name"], r["has_secret"], r["selected"]) for r in rows] == [
        ("Sandbox", None, True), ("Production", True, False)]
    production = rows[1]
    assert (production["timestamp_unit"], production["face_threshold"]) == ("s", 0.8)
    assert production["record_history"] is False
    assert production["detection_types"] == ["liveness", "silent_liveness"]
    assert production["read_timeout"] == 60 and production["proxy"] == "none"

    table = cli("list").out
    assert "Production" in table and "saved" in table and "* Sandbox" in table

    removed = cli("remove", "Production")
    assert removed.code == 0
    assert memory_keyring.items == {}
    assert [r["name"] for r in json.loads(cli("list", "--json").out)] == ["Sandbox"]


def test_the_secret_never_appears_in_output_or_files(cli: Cli, isolated: Path) -> None:
    outputs = []
    with fake_api(secret=SECRET) as api:
        add_production(cli, api.url)
        for argv, stdin in [(("set-secret", "Production"), SECRET + "\n"), (("list",), ""), (("list", "--json"), ""),
                            (("test", "Production"), ""), (("edit", "Production", "--api-id", "other"), ""),
                            (("test", "Production"), "")]:
            result = cli(*argv, stdin=stdin)
            outputs += [result.out, result.err]
    assert all(SECRET not in text for text in outputs)
    assert files_containing(isolated, SECRET) == []


def test_set_secret_reads_a_hidden_prompt_on_a_terminal(cli: Cli, memory_keyring: MemoryKeyring,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    add_production(cli)
    prompts: list[str] = []

    def hidden_prompt(prompt: str) -> str:
        prompts.append(prompt)
        return SECRET

    monkeypatch.setattr("getpass.getpass", hidden_prompt)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    parser = argparse.ArgumentParser()
    add_profile_parser(parser.add_subparsers(dest="command"))
    assert run_profile(parser.parse_args(["profile", "set-secret", "Production"])) == 0
    assert prompts and memory_keyring.items == {(SERVICE, "Production"): SECRET}


def test_set_secret_takes_no_argument(cli: Cli) -> None:
    add_production(cli)
    with pytest.raises(SystemExit) as refused:
        cli("set-secret", "Production", SECRET)
    assert refused.value.code == 2


def test_set_secret_refuses_an_empty_line_and_the_sandbox(cli: Cli) -> None:
    add_production(cli)
    assert cli("set-secret", "Production", stdin="\n").code == 2
    assert cli("set-secret", "Sandbox", stdin=SECRET).code == 2


def test_no_keychain_exits_5_with_what_to_do(cli: Cli) -> None:
    add_production(cli)
    keyring.set_keyring(fail.Keyring())
    result = cli("set-secret", "Production", stdin=SECRET)
    assert result.code == 5
    assert "No usable keychain" in result.err and SECRET_ENV in result.err and "钥匙串" in result.err
    assert "No usable keychain" in cli("list").err  # list still works, secrets shown as unknown


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (("add", "P", "--api-id", "x", "--base-url", "http://api.example.cn"), "base_url"),
        (("add", "P", "--base-url", "https://a.cn"), "api_id"),
        (("add", "P", "--api-id", "x", "--proxy", "proxy:8080"), "proxy"),
        (("add", "P", "--api-id", "x", "--face-threshold", "2"), "face_threshold"),
        (("add", "P", "--api-id", "x", "--ca-bundle", "/nonexistent/ca.pem"), "ca_bundle"),
        (("add", "Sandbox", "--api-id", "x"), "name"),
        (("edit", "Sandbox", "--api-id", "x"), "name"),
        (("remove", "Sandbox"), "name"),
        (("edit", "Nobody", "--api-id", "x"), "profile"),
    ],
)
def test_rejected_input_exits_2_naming_the_field(cli: Cli, argv: tuple[str, ...], field: str) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert f"linkface-desk: {field}:" in result.err


def test_profile_test_checks_id_secret_and_clock(cli: Cli) -> None:
    with fake_api(secret=SECRET) as api:
        add_production(cli, api.url)
        cli("set-secret", "Production", stdin=SECRET)
        ok = cli("test", "Production")
        assert ok.code == 0 and "api_id, secret and clock are right" in ok.out
        assert "get_token" in api.request_lines[-1]

        cli("set-secret", "Production", stdin="wrong-secret")
        refused = cli("test", "Production")
        assert refused.code == 3
        assert "1000" in refused.err and "clock" in refused.err and "时钟" in refused.err


def test_profile_test_uses_the_env_secret(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    with fake_api(secret=SECRET) as api:
        add_production(cli, api.url)
        monkeypatch.setenv(SECRET_ENV, SECRET)
        result = cli("test", "Production")
        assert result.code == 0 and SECRET_ENV in result.err


def test_profile_test_without_a_secret_says_how_to_set_it(cli: Cli) -> None:
    add_production(cli)
    result = cli("test", "Production")
    assert result.code == 2 and "set-secret" in result.err


def test_profile_test_reports_transport_failures(cli: Cli) -> None:
    add_production(cli, "http://127.0.0.1:9")  # nothing listens on the discard port
    cli("set-secret", "Production", stdin=SECRET)
    result = cli("test", "Production")
    assert result.code == 4 and "refused" in result.err


def test_profile_test_of_the_sandbox_uses_the_given_caller(cli: Cli) -> None:
    with fake_api(secret="sandbox-secret") as server:
        def call(profile: Profile, request: Request) -> Checked:
            assert profile.is_sandbox
            connection = dataclasses.replace(profile.connection(""), base_url=server.url, api_id="test-id",
                                             api_secret="sandbox-secret")
            with LinkFaceClient(connection) as client:
                result = client.call(request)
            return Checked(result, read(result))

        result = cli("test", "Sandbox", call=call)
    assert result.code == 0, result.err
    assert cli("test", "Sandbox").code == 2  # without the app's caller there is no sandbox to start

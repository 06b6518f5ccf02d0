"""`linkface-desk profile ...` as a person or a script uses it; the secret never shows or lands in a file.
Its words are the catalogue's, in English and in Chinese."""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from keyring.backends import fail

from app.cli import profile_cmd
from app.cli.profile_cmd import add_profile_parser, run_profile
from app.core.client import LinkFaceClient
from app.core.contract import Request
from app.core.endpoints import read
from app.core.errors import InputRejected, LinkFaceError
from app.core.interpret import Checked
from app.core.profiles import PROFILE_FIELDS, Profile
from app.core.secrets import SECRET_ENV, SERVICE, KeyringSecretStore, MemorySecretStore
from app.i18n import CHINESE
from app.runtime import profile_connection
from tests.profiles.conftest import CliResult
from tests.profiles.helpers import MemoryKeyring, fake_api, files_containing
from tests.words import Worded, error_words, speaking

Cli = Callable[..., CliResult]
SECRET = "Qx7-very-distinctive-secret-4410"


def add_production(cli: Cli, base_url: str = "https://api.example.cn") -> None:
    result = cli("add", "Production", "--base-url", base_url, "--api-id", "test-id", "--proxy", "none")
    assert result.code == 0, result.err


def test_add_list_edit_remove(cli: Cli, secrets: MemorySecretStore, isolated: Path) -> None:
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
    assert secrets.secrets == {}
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
    """Also the default secrets: the keychain's, through keyring."""
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
    no_keychain = KeyringSecretStore(fail.Keyring())
    result = cli("set-secret", "Production", stdin=SECRET, keychain=no_keychain)
    assert result.code == 5
    assert "No usable keychain" in result.err and SECRET_ENV in result.err
    with speaking(CHINESE):
        chinese = cli("set-secret", "Production", stdin=SECRET, keychain=no_keychain)
    assert chinese.code == 5 and "钥匙串" in chinese.err and SECRET_ENV in chinese.err
    assert "No usable keychain" in cli("list", keychain=no_keychain).err  # list still works, secrets unknown


@pytest.mark.parametrize(
    ("argv", "field", "rule"),
    [
        (("add", "P", "--api-id", "x", "--base-url", "http://api.example.cn"), "base_url", "https_required"),
        (("add", "P", "--base-url", "https://a.cn"), "api_id", "api_id_format"),
        (("add", "P", "--api-id", "x", "--proxy", "proxy:8080"), "proxy", "proxy_format"),
        (("add", "P", "--api-id", "x", "--face-threshold", "2"), "face_threshold", "range"),
        (("add", "P", "--api-id", "x", "--ca-bundle", "/nonexistent/ca.pem"), "ca_bundle", "ca_file"),
        (("add", "Sandbox", "--api-id", "x"), "name", "reserved"),
        (("edit", "Sandbox", "--api-id", "x"), "name", "sandbox_builtin"),
        (("remove", "Sandbox"), "name", "sandbox_builtin"),
        (("edit", "Nobody", "--api-id", "x"), "profile", "unknown_profile"),
    ],
)
def test_rejected_input_exits_2_with_the_catalogues_words(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                          argv: tuple[str, ...], field: str, rule: str) -> None:
    reported: list[LinkFaceError] = []

    def report(exc: LinkFaceError) -> None:
        reported.append(exc)
        report_failure(exc)

    report_failure = profile_cmd.report_failure
    monkeypatch.setattr(profile_cmd, "report_failure", report)
    result = cli(*argv)
    assert result.code == 2
    [refusal] = reported
    assert isinstance(refusal, InputRejected) and (refusal.field, refusal.rule) == (field, rule)
    (what, remedy), _ = error_words(refusal)
    assert what != f"{field}: {rule}" and Worded(refusal).message_zh != what  # the catalogue has words for it
    assert result.err == f"linkface-desk: {what} {remedy}\n"


def test_the_sandbox_refusal_reads_as_a_sentence(cli: Cli) -> None:
    assert cli("remove", "Sandbox").err == ("linkface-desk: The Sandbox profile is built in: it cannot be edited or "
                                            "removed. Nothing was sent.\n")


def test_add_and_edit_have_a_flag_for_every_declared_field(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    for action in ("add", "edit"):
        with pytest.raises(SystemExit):
            cli(action, "--help")
        usage = capsys.readouterr().out
        for field in PROFILE_FIELDS[1:]:
            assert f"--{field.flag.replace('_', '-')}" in usage
    assert "--no-history" in usage and "{ms,s}" in usage and "SECONDS" in usage and "0..1" in usage


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
        assert "1000" in refused.err and "clock" in refused.err
        with speaking(CHINESE):
            chinese = cli("test", "Production")
        assert chinese.code == 3 and "1000" in chinese.err and "时钟" in chinese.err


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
            connection = dataclasses.replace(profile_connection(profile, "sandbox-secret"), base_url=server.url,
                                             api_id="test-id")
            with LinkFaceClient(connection) as client:
                result = client.call(request)
            return Checked(result, read(result))

        result = cli("test", "Sandbox", call=call)
    assert result.code == 0, result.err
    assert cli("test", "Sandbox").code == 2  # without the app's caller there is no sandbox to start

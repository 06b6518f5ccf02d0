"""What a broken gateway echoes never outlives the call: the customer's name and ID number, in any
encoding, and the sign. Cells a server (or a profile's name) controls cannot be spreadsheet formulas,
and the operator on record is the OS account, not whatever USER says."""

from __future__ import annotations

import csv
import os
import pwd
import re
import zipfile
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from app.runtime import Runtime
from tests.hostile import server as hostile
from tests.hostile.helpers import API_ID, ID_MASKED, ID_NUMBER, NAME, NAME_MASKED, SECRET, Desk
from tests.hostile.server import HostileServer, Received

# --- personal data echoed back ---------------------------------------------------------------------


def json_escapes(text: str, upper: bool = False, only: str | None = None) -> str:
    """``text`` as JSON \\uXXXX escapes (only the characters in ``only``, if given)."""
    def escape(char: str) -> str:
        if only is not None and char not in only:
            return char
        return f"\\u{ord(char):04X}" if upper else f"\\u{ord(char):04x}"

    return "".join(map(escape, text))


# Every form a gateway might echo the request in, written as JSON source text (backslashes are escapes).
ECHOED_FORMS = [
    NAME, ID_NUMBER, ID_NUMBER.lower(),
    json_escapes(NAME), json_escapes(NAME, upper=True),
    json_escapes(ID_NUMBER), json_escapes(ID_NUMBER, only="0123456789"),
    "\\n" + ID_NUMBER, "\\n" + NAME, "\\t" + ID_NUMBER,
    quote(NAME), quote(NAME).lower(),
]


def echo_of_request(request: Received) -> str:
    """The request's personal data in every form, plus its sign and the secret, as JSON string content."""
    return " | ".join([*ECHOED_FORMS, f"sign={request.form('sign')}", request.form("sign") or "", SECRET])


def echoing(code: str, status: int = 200) -> hostile.Handler:
    """An answer whose msg, ids and extra fields all echo the request (valid JSON either way)."""

    def handler(request: Received, reply: hostile.Reply) -> None:
        echo = echo_of_request(request)
        data = f', "data": {{"check_result": 1, "certificate_score": 95.5, "liveness_encrypt_data_id": "{echo}"}}'
        body = (f'{{"request_id": "RID {echo}", "code": "{code}", "msg": "{echo}", "charge": 1, '
                f'"debug": {{"form": "{echo}"}}{data if code == "0000" else ""}}}')
        reply.send(hostile.whole(status, body))

    return handler


def readable(blob: bytes) -> str:
    """The text with every layer of escaping undone: backslash runs collapsed, \\uXXXX decoded, %XX decoded."""
    text = blob.decode("utf-8", errors="replace")
    for _ in range(3):
        text = re.sub(r"\\+", lambda _m: "\\", text)
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
        text = unquote(text)
    return text


def assert_nothing_personal(where: str, blob: bytes, signs: list[str]) -> None:
    text = readable(blob)
    for needle in (NAME, ID_NUMBER, ID_NUMBER.lower(), ID_NUMBER[:14], SECRET, *signs):
        assert needle not in text, f"{needle!r} survived in {where}"
    for needle in (json_escapes(NAME), json_escapes(NAME, upper=True), quote(NAME), quote(NAME).lower(),
                   json_escapes(ID_NUMBER, only="0123456789")):
        assert needle.encode() not in blob, f"{needle!r} survived in {where}"


def everything_written(desk: Desk, export: Path, diagnostics: Path) -> dict[str, bytes]:
    """Every file under the home (history, logs, journal, settings), the CSV, the zip's members, and stdout."""
    blobs = {str(p): p.read_bytes() for p in desk.home.rglob("*") if p.is_file() and p != diagnostics}
    blobs[str(export)] = export.read_bytes()
    with zipfile.ZipFile(diagnostics) as archive:
        blobs.update({f"diagnostics.zip:{n}": archive.read(n) for n in archive.namelist()})
    blobs["the CLI's output"] = "".join(desk.printed).encode("utf-8")
    return blobs


def test_echoed_personal_data_and_sign_survive_nowhere(desk: Desk, server: HostileServer) -> None:
    """PIPL: history, logs and exports keep the masked forms only, whatever encoding the server echoed them in."""
    exit_codes = []
    for handler in (echoing("1002", status=400), echoing("0000"), echoing("0000", status=500)):
        server.handler = handler
        exit_codes.append(desk.billable(server).code)
    signs = [r.form("sign") or "" for r in server.received]
    assert len(signs) == 3 and all(re.fullmatch("[0-9a-f]{64}", s) for s in signs)
    export, diagnostics = desk.home / "export.csv", desk.home / "diagnostics.zip"
    assert desk.cli("history", "--csv", str(export)).code == 0
    with Runtime() as runtime:
        runtime.export_diagnostics(diagnostics)

    blobs = everything_written(desk, export, diagnostics)
    assert {Path(w).name for w in blobs} >= {"history.sqlite3", "linkface-desk.log", "export.csv",
                                            "diagnostics.zip:history-recent.csv", "the CLI's output"}
    for where, blob in blobs.items():
        assert_nothing_personal(where, blob, signs)
    for where in (str(desk.history_file), str(export), "the CLI's output"):
        assert NAME_MASKED.encode() in blobs[where] and ID_MASKED.encode() in blobs[where], where
    assert [r.name_masked for r in desk.rows()] == [NAME_MASKED] * 3
    assert exit_codes == [3, 0, 4]  # the API error, the result, and HTTP 500 claiming success


# --- spreadsheet formulas --------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SERVER_IDS = ["=cmd|' /C calc'!A0", "+SUM(1,1)", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]
PROFILE = "=HYPERLINK(A1)"  # a profile name may not hold quotes, so not =HYPERLINK("http://x")


def test_exported_cells_are_never_formulas(desk: Desk, server: HostileServer) -> None:
    """Excel or WPS would run a cell that starts with = + - @ (or tab, CR): the server and the profile's
    name are not trusted to write one."""
    assert desk.cli("profile", "add", PROFILE, "--base-url", server.url, "--api-id", API_ID).code == 0
    for request_id in SERVER_IDS:
        server.handler = hostile.envelope(data={"token": "t"}, request_id=request_id)
        assert desk.cli("call", "token", "--profile", PROFILE).code == 0
    server.handler = hostile.envelope(data={"hack_score": 0.1, "liveness_encrypt_data_id": "=1+1"}, charge=1)
    assert desk.cli("call", "hack", "--consent", "given", "--profile", PROFILE, *desk.billable_args("hack")).code == 0

    export = desk.home / "export.csv"
    assert desk.cli("history", "--csv", str(export)).code == 0
    with export.open(encoding="utf-8-sig", newline="") as file:  # newline="": a CR inside a cell stays a CR
        rows = list(csv.DictReader(file))
    assert len(rows) == len(SERVER_IDS) + 1
    assert {r["profile"] for r in rows} == {"'" + PROFILE}
    assert sorted(r["request_id"] for r in rows[1:]) == sorted("'" + i for i in SERVER_IDS)
    assert rows[0]["liveness_id"] == "'=1+1"
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]


# --- who did it --------------------------------------------------------------------------------------


def test_the_operator_is_the_os_account_not_user(desk: Desk, server: HostileServer,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoever starts the app can set USER and LOGNAME; the audit trail names the account the OS runs it as."""
    account = pwd.getpwuid(os.geteuid()).pw_name
    assert account != "mallory"
    monkeypatch.setenv("USER", "mallory")
    monkeypatch.setenv("LOGNAME", "mallory")
    server.handler = hostile.envelope(data={"hack_score": 0.1}, charge=1)
    assert desk.billable(server, "hack").code == 0
    assert desk.only_row().operator == account

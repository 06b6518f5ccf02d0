"""A server that answers badly: redirects, huge or endless bodies, gzip bombs, poisoned JSON, dripping,
invalid HTTP. Each is at worst a clear failure of the call, recorded in history with billing unknown,
never a hang, a traceback, a reading such as "same person", or a request to another host."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from app.core.client import LinkFaceClient
from app.core.connection import Connection
from app.core.errors import ProtocolError
from app.runtime import Runtime
from tests.hostile import server as hostile
from tests.hostile.helpers import API_ID, SECRET, Desk, assert_protocol_failure, with_peak_memory
from tests.hostile.server import HostileServer

# The documented contract, written out rather than imported, so the suite also runs against older code.
LIMIT_WORDS = "1,048,576 bytes"  # MAX_ANSWER_BYTES, 1 MiB after decompression
SLOWEST_UPLOAD_BYTES_PER_S = 50_000  # the deadline allows the upload at this rate on top of both timeouts
MEMORY_CEILING = 4 * 1024 * 1024


@pytest.fixture(scope="session")
def bomb() -> bytes:
    """About 400 KB of gzip that inflates to 400 MB."""
    return hostile.gzip_bomb(400)


# --- redirects -------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_reported_and_never_followed(desk: Desk, server: HostileServer, elsewhere: HostileServer,
                                                   status: int) -> None:
    """Following a redirect would send the customer's data (and a billable call) to a host nobody chose."""
    server.handler = hostile.redirect(status, f"{elsewhere.url}/v2/sdk/identity/liveness_idnumber_verification")
    run = desk.billable(server)
    assert_protocol_failure(run, desk, f"HTTP {status}", elsewhere.host)
    assert run.seconds < 2, "a redirect is answered at once, not after a timeout"
    assert elsewhere.received == []
    [sent] = server.received
    assert sent.path == "/v2/sdk/identity/liveness_idnumber_verification" and sent.query["api_id"] == API_ID


def test_an_https_server_redirecting_to_plain_http_is_not_followed(desk: Desk, tls_server: HostileServer,
                                                                   elsewhere: HostileServer, ca_file: Path) -> None:
    """A downgrade to plain http would put the ID number on the wire unencrypted."""
    assert desk.cli("profile", "add", "Bank", "--base-url", tls_server.url, "--api-id", API_ID,
                    "--ca-bundle", str(ca_file)).code == 0
    tls_server.handler = hostile.redirect(302, f"{elsewhere.url}/v2/sdk/identity/liveness_idnumber_verification")
    run = desk.cli("call", "idnumber", "--consent", "given", "--profile", "Bank", *desk.billable_args())
    assert_protocol_failure(run, desk, "HTTP 302", elsewhere.host)
    assert run.seconds < 2
    assert len(tls_server.received) == 1 and elsewhere.received == []


# --- answers too large to hold -----------------------------------------------------------------------


@pytest.fixture(params=["50 MB body", "endless body", "gzip bomb"])
def oversized(request: pytest.FixtureRequest, bomb: bytes) -> hostile.Handler:
    return {
        "50 MB body": hostile.sized_body(50 * 1024 * 1024),
        "endless body": hostile.endless_body,
        "gzip bomb": hostile.gzipped(bomb),
    }[request.param]


def test_an_oversized_answer_is_cut_off_at_the_limit(desk: Desk, server: HostileServer,
                                                     oversized: hostile.Handler) -> None:
    """The real answers are a few hundred bytes: reading more only risks the operator's machine."""
    server.handler = oversized
    assert_protocol_failure(desk.billable(server), desk, LIMIT_WORDS)


def test_an_oversized_answer_never_fills_memory(server: HostileServer, oversized: hostile.Handler) -> None:
    """Cut off after decompression, in small reads: a 400 MB bomb costs no more memory than a short answer."""
    server.handler = oversized
    with LinkFaceClient(Connection(server.url, API_ID, SECRET)) as client:
        raised, peak = with_peak_memory(lambda: client.get_token("liveness"))
    assert isinstance(raised, ProtocolError) and LIMIT_WORDS in raised.reason
    assert peak < MEMORY_CEILING, f"{peak:,} bytes held at once"


# --- JSON that parses badly, or into nonsense --------------------------------------------------------


def raw_number(endpoint_data: dict[str, object], field: str, number: str) -> str:
    """A 0000 envelope whose ``field`` is written exactly as ``number`` (json.dumps cannot write 1e999)."""
    text = hostile.envelope_text(data={**endpoint_data, field: "@number@"}, charge=1)
    return text.replace('"@number@"', number)


ID_DATA = hostile.ID_MATCH
HACK_DATA: dict[str, object] = {"hack_score": 0.1}
SELFIE_DATA: dict[str, object] = {"face_score": 0.99}
POISONED_JSON = {
    "100,000 levels of [": ("idnumber", "[" * 100_000),
    "certificate_score 1e999": ("idnumber", raw_number(ID_DATA, "certificate_score", "1e999")),
    "hack_score 1e999": ("hack", raw_number(HACK_DATA, "hack_score", "1e999")),
    "face_score 1e999": ("selfie", raw_number(SELFIE_DATA, "face_score", "1e999")),
    "face_score NaN": ("selfie", raw_number(SELFIE_DATA, "face_score", "NaN")),
    "face_score of 5000 digits": ("selfie", raw_number(SELFIE_DATA, "face_score", "9" * 5000)),
    "face_score 1.5": ("selfie", raw_number(SELFIE_DATA, "face_score", "1.5")),
    "hack_score -0.1": ("hack", raw_number(HACK_DATA, "hack_score", "-0.1")),
    "certificate_score 100.5": ("idnumber", raw_number(ID_DATA, "certificate_score", "100.5")),
}


@pytest.mark.parametrize("case", list(POISONED_JSON))
def test_poisoned_json_is_a_protocol_failure_never_a_reading(desk: Desk, server: HostileServer, case: str) -> None:
    """An infinite or out-of-range score must not read as "same person" or "live"; deep nesting must not crash."""
    endpoint, body = POISONED_JSON[case]
    server.handler = hostile.respond(200, body)
    run = desk.billable(server, endpoint)
    assert_protocol_failure(run, desk)
    assert "verdict" not in run.json and "same_person" not in run.out
    assert run.error["http_status"] == 200


# --- a server that drips its answer ----------------------------------------------------------------


def slow_profile(desk: Desk, server: HostileServer) -> None:
    """Short timeouts, so the whole call's deadline is 1.5 s plus the upload at a slow line's rate."""
    assert desk.cli("profile", "add", "Slow", "--base-url", server.url, "--api-id", API_ID,
                    "--connect-timeout", "0.5", "--read-timeout", "1").code == 0


ANSWER = hostile.envelope_text(data=hostile.ID_MATCH, charge=1)
DRIPS = {
    "status line and headers": hostile.drip(hostile.whole(200, ANSWER)),
    "body": hostile.drip_body(ANSWER.encode()),
}


@pytest.mark.parametrize(("endpoint", "dripping", "billing"), [
    ("idnumber", "status line and headers", "unknown"),
    ("idnumber", "body", "unknown"),
    ("token", "status line and headers", "not_billed"),
])
def test_a_dripping_server_is_cut_off_at_the_deadline(desk: Desk, server: HostileServer, endpoint: str,
                                                      dripping: str, billing: str) -> None:
    """A byte every 0.1 s never trips a read timeout; only the call's deadline stops it, seconds not minutes."""
    slow_profile(desk, server)
    server.handler = DRIPS[dripping]
    args = desk.billable_args(endpoint) if endpoint != "token" else ()
    run = desk.cli("call", endpoint, "--profile", "Slow", *args)
    assert run.code == 4, run.err
    assert (run.error["type"], run.error["kind"], run.error["billing"]) == ("transport", "deadline", billing)
    upload = server.received[0].body_size
    deadline = 0.5 + 1 + upload / SLOWEST_UPLOAD_BYTES_PER_S
    assert deadline - 0.1 < run.seconds < deadline + 2.5  # the server would drip on for 8 s
    row = desk.only_row()
    assert (row.outcome, row.billing) == ("transport", billing)


# --- invalid HTTP, and status and envelope at odds --------------------------------------------------


def test_http_400_with_a_valid_error_envelope_is_the_api_error(desk: Desk, server: HostileServer) -> None:
    """The vendor's older gateway answers errors as HTTP 400: the envelope's code is what counts."""
    server.handler = hostile.envelope(400, code="1002", msg="bad parameter", charge=2)
    run = desk.billable(server)
    assert run.code == 3 and run.error["code"] == "1002" and "Bad request parameter" in run.err
    row = desk.only_row()
    assert (row.outcome, row.code, row.billing) == ("api_error", "1002", "not_billed")


BROKEN_ANSWERS = {
    "HTTP 500 claiming 0000": (hostile.envelope(500, data=hostile.ID_MATCH, charge=1), "HTTP 500"),
    "not HTTP at all": (hostile.raw(b"SSH-2.0-OpenSSH_9.6\r\n"), "not valid HTTP"),
    "Content-Length 1000, 10 bytes, then closed": (
        hostile.raw(hostile.head(200, [("Content-Length", "1000")]) + b'{"code": "'), "closed before the whole"),
    "damaged gzip": (hostile.gzipped(hostile.damaged_gzip(hostile.envelope_text(data=hostile.ID_MATCH))),
                     "compressed body is damaged"),
}


@pytest.mark.parametrize("case", list(BROKEN_ANSWERS))
def test_a_broken_answer_is_a_clear_protocol_failure(desk: Desk, server: HostileServer, case: str) -> None:
    """The server answered something: the call may have been billed, and the operator is told what went wrong."""
    server.handler, words = BROKEN_ANSWERS[case]
    assert_protocol_failure(desk.billable(server), desk, words)


# --- billing unknown, shown and counted ------------------------------------------------------------


def test_billing_unknown_is_listed_counted_and_exported(desk: Desk, server: HostileServer) -> None:
    """A call that may have cost money must show up where the operator and the accountant look."""
    server.handler = hostile.envelope(data=hostile.ID_MATCH, charge=1)
    billed = desk.billable(server).json["sequence_id"]
    server.handler = hostile.raw(b"garbage\r\n\r\n")
    unknown = desk.billable(server).error["sequence_id"]

    listed = desk.cli("history", "--billed", "unknown", "--json")
    assert listed.code == 0
    assert [(r["sequence_id"], r["billing"]) for r in map(json.loads, listed.out.splitlines())] == [
        (unknown, "unknown")]
    with Runtime() as runtime:
        counts = runtime.billed_counts("command-line")
    assert (counts.month, counts.month_unknown, counts.today_unknown) == (1, 1, 1)

    export = desk.home / "export.csv"
    assert desk.cli("history", "--csv", str(export)).code == 0
    with export.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert {r["sequence_id"]: r["billing"] for r in rows} == {billed: "billed", unknown: "unknown"}

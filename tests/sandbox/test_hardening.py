"""The sandbox is a server too: control routes only for this computer, bounds, bursts, warnings, file modes."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
import requests

from app.core.contract import Endpoint
from app.sandbox.faults import Fault
from app.sandbox.server import MAX_PENDING_FAULTS, Sandbox
from tests.sandbox.helpers import call, post

ROOT = Path(__file__).resolve().parents[2]
FAULT = json.dumps({"code": "1009"}).encode()
TOKEN = {"detection_type": "liveness"}


def raw_request(sandbox: Sandbox, method: str, path: str, headers: Mapping[str, str],
                body: bytes = b"") -> tuple[int, object]:
    """One request with exactly these headers (no Host unless given), as a browser or a rebinding page sends
    it; ``{authority}`` and ``{port}`` in a value stand for the sandbox's own."""
    authority = sandbox.base_url.removeprefix("http://")
    host, port = authority.rsplit(":", 1)
    connection = http.client.HTTPConnection(host.strip("[]"), int(port), timeout=5)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value.replace("{authority}", authority).replace("{port}", port))
        connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


# --- control routes: loopback Host, no foreign Origin ------------------------------------------------


REFUSED_HEADERS = [
    pytest.param({"Host": "evil.example:{port}"}, id="rebound-name"),
    pytest.param({"Host": "evil.example"}, id="rebound-name-no-port"),
    pytest.param({"Host": "127.0.0.1:1"}, id="other-port"),
    pytest.param({}, id="no-host"),
    pytest.param({"Host": "{authority}", "Origin": "http://evil.example"}, id="foreign-origin"),
    pytest.param({"Host": "{authority}", "Origin": "null"}, id="opaque-origin"),
    pytest.param({"Host": "{authority}", "Origin": "https://{authority}"}, id="other-scheme-origin"),
]


@pytest.mark.parametrize("headers", REFUSED_HEADERS)
def test_fault_post_is_refused_unless_meant_for_this_sandbox(sandbox: Sandbox, headers: dict[str, str]) -> None:
    status, answer = raw_request(sandbox, "POST", "/_sandbox/fault", headers, FAULT)
    assert status == 403 and isinstance(answer, dict) and answer["error"]
    assert sandbox.pending_faults() == 0


@pytest.mark.parametrize("headers", REFUSED_HEADERS)
def test_fault_delete_is_refused_unless_meant_for_this_sandbox(sandbox: Sandbox, headers: dict[str, str]) -> None:
    sandbox.inject(Fault(code="1009"))
    status, _ = raw_request(sandbox, "DELETE", "/_sandbox/fault", headers)
    assert status == 403 and sandbox.pending_faults() == 1


def test_the_refusal_names_why(sandbox: Sandbox) -> None:
    _, wrong_host = raw_request(sandbox, "POST", "/_sandbox/fault", {"Host": "evil.example"}, FAULT)
    _, wrong_origin = raw_request(sandbox, "POST", "/_sandbox/fault",
                                  {"Host": "{authority}", "Origin": "http://evil.example"}, FAULT)
    assert isinstance(wrong_host, dict) and "Host" in wrong_host["error"]
    assert sandbox.base_url.removeprefix("http://") in wrong_host["error"]
    assert isinstance(wrong_origin, dict) and "origin" in wrong_origin["error"]


@pytest.mark.parametrize("headers", [
    {"Host": "{authority}"},
    {"Host": "{authority}", "Origin": "http://{authority}"},
    {"Host": "LOCALHOST:{port}"},
    {"Host": "localhost:{port}", "Origin": "http://localhost:{port}"},
])
def test_fault_control_through_its_own_loopback_names(sandbox: Sandbox, headers: dict[str, str]) -> None:
    assert raw_request(sandbox, "POST", "/_sandbox/fault", headers, FAULT) == (200, {"pending": 1})
    assert raw_request(sandbox, "DELETE", "/_sandbox/fault", headers) == (200, {"pending": 0})


def test_samples_obey_the_host_rule(sandbox: Sandbox) -> None:
    assert raw_request(sandbox, "GET", "/_sandbox/samples/", {"Host": "evil.example:{port}"})[0] == 403
    status, listing = raw_request(sandbox, "GET", "/_sandbox/samples/", {"Host": "{authority}"})
    assert status == 200 and isinstance(listing, list) and "zhang-san.lfs" in listing


def test_api_calls_accept_any_host(sandbox: Sandbox) -> None:
    """A client may reach the sandbox through any name, e.g. a LAN alias in a training room."""
    envelope = post(sandbox.base_url, Endpoint.TOKEN, TOKEN, headers={"Host": "sandbox.training.example:8765",
                                                                      "Origin": "http://evil.example"}).json()
    assert envelope["code"] == "0000"


def test_every_address_is_named_by_loopback() -> None:
    """Bound to 0.0.0.0, its own URL (and so its sample URLs and its control) is on 127.0.0.1."""
    with Sandbox(host="0.0.0.0", delay_scale=0) as sandbox:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", sandbox.base_url)
        assert requests.post(sandbox.base_url + "/_sandbox/fault", data=FAULT, timeout=5).json() == {"pending": 1}
        assert requests.get(sandbox.sample_url(""), timeout=5).status_code == 200


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _has_ipv6_loopback(), reason="no IPv6 loopback here")
def test_ipv6_loopback() -> None:
    with Sandbox(host="::1", delay_scale=0) as sandbox:
        assert re.fullmatch(r"http://\[::1\]:\d+", sandbox.base_url)
        assert call(sandbox.base_url, Endpoint.TOKEN, TOKEN)["code"] == "0000"
        assert raw_request(sandbox, "POST", "/_sandbox/fault", {"Host": "{authority}"}, FAULT) == (200, {"pending": 1})
        assert raw_request(sandbox, "POST", "/_sandbox/fault", {"Host": "127.0.0.1:1"}, FAULT)[0] == 403


# --- bounds --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    {"code": "1008", "count": 0}, {"code": "1008", "count": MAX_PENDING_FAULTS + 1}, {"code": "1008", "count": 10**6},
    {"delay": 61}, {"delay": 600}, {"delay": 1e308},
])
def test_count_and_delay_are_bounded(sandbox: Sandbox, body: dict[str, object]) -> None:
    answer = requests.post(sandbox.base_url + "/_sandbox/fault", json=body, timeout=5)
    assert answer.status_code == 400 and answer.json()["error"]
    assert sandbox.pending_faults() == 0


def test_the_largest_count_and_delay_are_accepted(sandbox: Sandbox) -> None:
    body = {"delay": 60, "count": MAX_PENDING_FAULTS}
    assert requests.post(sandbox.base_url + "/_sandbox/fault", json=body, timeout=5).json() == {"pending": 1000}


def test_pending_faults_are_bounded_in_all(sandbox: Sandbox) -> None:
    sandbox.inject(Fault(code="1009"), count=MAX_PENDING_FAULTS - 1)
    sandbox.inject(Fault(code="1009"))
    with pytest.raises(ValueError):
        sandbox.inject(Fault(code="1009"))
    answer = requests.post(sandbox.base_url + "/_sandbox/fault", data=FAULT, timeout=5)
    assert answer.status_code == 400 and sandbox.pending_faults() == MAX_PENDING_FAULTS


# --- a burst of clients --------------------------------------------------------------------------------


def test_200_simultaneous_calls_are_all_answered() -> None:
    """The listen backlog: with ThreadingHTTPServer's default of 5, part of such a burst was reset."""
    clients = 200
    barrier = threading.Barrier(clients)
    results: list[str] = []

    def one_call(base_url: str) -> None:
        barrier.wait()
        try:
            results.append(call(base_url, Endpoint.TOKEN, TOKEN)["code"])
        except Exception as exc:  # noqa: BLE001 -- a reset or refusal is what the test counts
            results.append(repr(exc))

    with Sandbox(delay_scale=0) as sandbox:
        threads = [threading.Thread(target=one_call, args=(sandbox.base_url,)) for _ in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    failures = [result for result in results if result != "0000"]
    assert len(results) == clients and not failures, failures[:3]


# --- the foreground command ------------------------------------------------------------------------


def _serve_forever_stderr(host: str) -> str:
    """Everything ``serve_forever(host)`` writes on stderr, up to a real call and Ctrl-C."""
    code = f"from app.sandbox.server import serve_forever; serve_forever({host!r}, 0, delay_scale=0)"
    # Ctrl-C as at a terminal, even when these tests run in a background job (which ignores SIGINT)
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert process.stderr is not None
        lines: list[str] = []
        while not (base_url := re.search(r"http://\S+:\d+", lines[-1] if lines else "")):
            line = process.stderr.readline()
            assert line, "".join(lines)
            lines.append(line)
        assert call(base_url.group(), Endpoint.TOKEN, TOKEN)["code"] == "0000"
        process.send_signal(signal.SIGINT)
        _, rest = process.communicate(timeout=10)
        return "".join(lines) + rest
    finally:
        process.kill()
        process.wait()


def test_serve_forever_warns_when_other_computers_can_reach_it() -> None:
    warning = _serve_forever_stderr("0.0.0.0")
    assert re.search(r"Warning: .*0\.0\.0\.0.*anyone on the network.*public credentials", warning)
    assert "Fault control is still refused to other computers" in warning


def test_serve_forever_on_loopback_does_not_warn() -> None:
    assert "Warning" not in _serve_forever_stderr("127.0.0.1")


# --- files on disk -------------------------------------------------------------------------------------


@pytest.fixture(params=[0o000, 0o022])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    mask: int = request.param
    previous = os.umask(mask)
    yield mask
    os.umask(previous)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_stored_files_are_private_whatever_the_umask(tmp_path: Path, samples: dict[str, bytes], umask: int) -> None:
    store = tmp_path / "store"
    with Sandbox(delay_scale=0, store_dir=store) as sandbox:
        files = {"liveness_encrypt_data": samples["zhang-san.lfs"], "selfie_file": samples["zhang-san-selfie.jpg"]}
        assert call(sandbox.base_url, Endpoint.SELFIE, files=files)["code"] == "0000"
    folders = {path: stat.S_IMODE(path.stat().st_mode) for path in store.iterdir()}
    stored = {path: stat.S_IMODE(path.stat().st_mode) for folder in folders for path in folder.iterdir()}
    assert {path.name for path in folders} == {"captures", "images"} and len(stored) == 2
    assert set(folders.values()) == {0o700}, folders
    assert set(stored.values()) == {0o600}, stored

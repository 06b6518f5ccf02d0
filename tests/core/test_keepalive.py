"""One kept-alive connection per profile: counted at a loopback server of the test's own.

The server counts the TCP (or TLS) connections it accepts, the ones that ended, and the requests it
read whole; it can close idle connections, announce a Keep-Alive timeout, hold its answer, or drop a
request it has read (or is being sent) without answering. Everything goes through the real Runtime
and client over real sockets: nothing is mocked.
"""

from __future__ import annotations

import dataclasses
import json
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import keyring
import pytest
import trustme

from app.core.cases import Consent
from app.core.client import IDLE_REUSE_S, KeptSessions, _Deadline, reuse_window
from app.core.connection import Connection
from app.core.contract import FileSource, HackRequest, TokenRequest
from app.core.errors import Billing, Cancelled, TransportError
from app.core.profiles import Profile
from app.core.secrets import MemorySecretStore
from app.runtime import Runtime
from tests.profiles.helpers import MemoryKeyring

SECRET = "keep-secret"


class CountingServer(ThreadingHTTPServer):
    """HTTP/1.1 with keep-alive on 127.0.0.1, counting what reaches it."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, tls: ssl.SSLContext | None = None, idle_close_s: float = 30.0,
                 keep_alive_hint: str | None = None) -> None:
        self.tls = tls
        self.idle_close_s = idle_close_s  # the server closes a connection idle this long
        self.keep_alive_hint = keep_alive_hint  # a Keep-Alive header on every answer
        self.answer_delay_s = 0.0
        self.drop_read = 0  # the next N requests are read whole, then the connection closes unanswered
        self.drop_unread = 0  # the next N requests on a kept connection: closed as their first bytes arrive
        self.lock = threading.Lock()
        self.connections = 0
        self.ended = 0
        self.requests = 0
        self.paths: list[str] = []
        super().__init__(("127.0.0.1", 0), _Handler)
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.server_port}"

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.lock:
            self.connections += 1
        super().process_request(request, client_address)

    def finish_request(self, request: Any, client_address: Any) -> None:
        if self.tls is None:
            super().finish_request(request, client_address)
            return
        with self.tls.wrap_socket(request, server_side=True) as tls:
            super().finish_request(tls, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.lock:
            self.ended += 1
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that went away mid-request is part of these tests

    def wait_ended(self, count: int, within: float = 5.0) -> bool:
        until = time.monotonic() + within
        while time.monotonic() < until:
            with self.lock:
                if self.ended >= count:
                    return True
            time.sleep(0.02)
        return False

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: CountingServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.served = 0
        super().setup()
        self.connection.settimeout(self.server.idle_close_s)  # idle (or stalled) this long: closed

    def handle_one_request(self) -> None:
        server = self.server
        if self.served > 0 and server.tls is None:  # wait for the next request's first bytes, then decide
            try:
                arrived = self.connection.recv(1, socket.MSG_PEEK)
            except OSError:
                arrived = b""
            if not arrived:  # idle too long (timeout) or the client closed it
                self.close_connection = True
                return
        with server.lock:
            drop_unread = self.served > 0 and server.drop_unread > 0
            if drop_unread:
                server.drop_unread -= 1
        if drop_unread:  # the server gave up on the connection just as the request came: reset, unread
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        super().handle_one_request()
        self.served += 1

    def do_POST(self) -> None:
        server = self.server
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if len(body) < length:  # the client stopped sending (a cancelled upload): no request
            self.close_connection = True
            return
        with server.lock:
            server.requests += 1
            server.paths.append(self.path.split("?")[0])
            drop = server.drop_read > 0
            if drop:
                server.drop_read -= 1
        if drop:
            self.close_connection = True
            return
        time.sleep(server.answer_delay_s)
        data: dict[str, Any] = {"token": "t"} if "token" in self.path else {"hack_score": 0.12}
        answer = json.dumps({"request_id": f"R-{server.requests}", "code": "0000", "msg": "ok",
                             "charge": 2 if "token" in self.path else 1, "data": data}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        if server.keep_alive_hint:
            self.send_header("Keep-Alive", server.keep_alive_hint)
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[CountingServer]:
    counting = CountingServer()
    yield counting
    counting.stop()


@pytest.fixture
def home(tmp_path: Path) -> Iterator[dict[str, str]]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield {"LINKFACE_DESK_HOME": str(tmp_path / "home")}
    keyring.set_keyring(previous)


@pytest.fixture
def secrets() -> MemorySecretStore:
    store = MemorySecretStore()
    store.set("Keep", SECRET)
    return store


def profile_at(server: CountingServer, **settings: Any) -> Profile:
    return Profile("Keep", base_url=server.url, api_id="keep-id", proxy="none", **settings)


def hack(samples_dir: Path) -> HackRequest:
    return HackRequest(FileSource(samples_dir / "zhang-san.lfs"))


def in_thread(work: Callable[[], Any]) -> Any:
    """Run ``work`` on a thread of its own (as the window's workers do) and return its result."""
    out: list[Any] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            out.append(work())
        except BaseException as exc:  # noqa: BLE001 -- re-raised in the test's thread
            failure.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(30)
    if failure:
        raise failure[0]
    return out[0]


# --- reuse -----------------------------------------------------------------------------------------


def test_twenty_calls_of_a_batch_use_at_most_two_connections(
        server: CountingServer, home: dict[str, str], secrets: MemorySecretStore, samples_dir: Path) -> None:
    profile = profile_at(server)
    with Runtime(environ=home, secrets=secrets, log_to_file=False) as runtime:
        case = runtime.open_case(profile, "cli", Consent.GIVEN, "notice")
        for _ in range(20):
            checked = runtime.run(profile, hack(samples_dir), case_id=case)
            assert checked.result.billed
    assert server.requests == 20
    assert server.connections <= 2, server.connections
    assert server.wait_ended(server.connections)  # closed with the runtime


def test_the_second_call_of_a_window_case_reuses_the_first_calls_connection(
        server: CountingServer, home: dict[str, str], secrets: MemorySecretStore, samples_dir: Path) -> None:
    profile = profile_at(server)
    with Runtime(environ=home, secrets=secrets, log_to_file=False) as runtime:
        case = runtime.open_case(profile, "window", Consent.GIVEN, "notice")
        # the window runs each call on a worker thread, not always the same one
        in_thread(lambda: runtime.run(profile, hack(samples_dir), case_id=case))
        assert server.connections == 1
        in_thread(lambda: runtime.run(profile, hack(samples_dir), case_id=case))
        assert (server.connections, server.requests) == (1, 2)
        assert server.ended == 0  # still open for the next call


def test_https_keeps_one_tls_connection(home: dict[str, str], secrets: MemorySecretStore, samples_dir: Path,
                                        tmp_path: Path) -> None:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    tls = CountingServer(tls=context)
    try:
        profile = profile_at(tls, ca_bundle=ca_file)
        with Runtime(environ=home, secrets=secrets, log_to_file=False) as runtime:
            for _ in range(5):
                runtime.run(profile, TokenRequest("liveness"))
        assert (tls.connections, tls.requests) == (1, 5)
    finally:
        tls.stop()


def test_concurrent_calls_share_the_session_safely(
        server: CountingServer, home: dict[str, str], secrets: MemorySecretStore) -> None:
    profile = profile_at(server)
    server.answer_delay_s = 0.02
    with Runtime(environ=home, secrets=secrets, log_to_file=False) as runtime:
        failures: list[BaseException] = []

        def worker() -> None:
            try:
                for _ in range(5):
                    runtime.run(profile, TokenRequest("liveness"))
            except BaseException as exc:  # noqa: BLE001 -- any failure fails the test below
                failures.append(exc)

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert not failures
    assert server.requests == 20
    assert server.connections <= 4  # one per thread at most: each call has one connection to itself


# --- invalidation ----------------------------------------------------------------------------------


def test_a_changed_timeout_or_secret_makes_a_new_session(
        server: CountingServer, home: dict[str, str], secrets: MemorySecretStore) -> None:
    profile = profile_at(server)
    with Runtime(environ=home, secrets=secrets, log_to_file=False) as runtime:
        runtime.run(profile, TokenRequest("liveness"))
        runtime.run(profile, TokenRequest("liveness"))
        assert server.connections == 1
        slower = dataclasses.replace(profile, read_timeout=profile.read_timeout + 5)
        runtime.run(slower, TokenRequest("liveness"))
        assert server.connections == 2
        assert server.wait_ended(1)  # the old session was closed, its connection with it
        runtime.run(slower, TokenRequest("liveness"))
        assert server.connections == 2
        secrets.set("Keep", "a-new-secret")
        runtime.run(slower, TokenRequest("liveness"))
        assert server.connections == 3
        assert server.wait_ended(2)
        assert runtime._sessions is not None and runtime._sessions.sessions() == 1
    assert server.wait_ended(3)  # and the last one with the runtime


def test_a_changed_profile_does_not_cut_a_call_under_way(
        server: CountingServer, home: dict[str, str], secrets: MemorySecretStore) -> None:
    profile = profile_at(server)
    with Runtime(environ=home, secrets=secrets, log_to_file=False) as runtime:
        runtime.run(profile, TokenRequest("liveness"))
        server.answer_delay_s = 0.5
        slow = threading.Thread(target=lambda: runtime.run(profile, TokenRequest("liveness")))
        slow.start()
        time.sleep(0.15)  # the slow call is waiting for its answer on the old session
        server.answer_delay_s = 0.0
        runtime.run(dataclasses.replace(profile, connect_timeout=2.0), TokenRequest("liveness"))
        assert server.ended == 0  # the old session stays open while its call is under way
        slow.join(10)
        assert server.requests == 3
        assert server.wait_ended(1)  # closed once that call ended


def test_closing_the_runtime_lets_a_call_under_way_finish_then_closes_its_connection(
        server: CountingServer, home: dict[str, str], secrets: MemorySecretStore) -> None:
    profile = profile_at(server)
    runtime = Runtime(environ=home, secrets=secrets, log_to_file=False)
    runtime.run(profile, TokenRequest("liveness"))
    server.answer_delay_s = 0.4
    results: list[Any] = []
    slow = threading.Thread(target=lambda: results.append(runtime.run(profile, TokenRequest("liveness"))))
    slow.start()
    time.sleep(0.15)
    runtime.close()  # the window closed while a worker still waits for its answer
    slow.join(10)
    assert results and results[0].result.data.token == "t"
    assert server.wait_ended(1) and server.connections == 1


def test_a_replaced_ca_file_makes_a_new_session(tmp_path: Path) -> None:
    ca_file = tmp_path / "ca.pem"
    trustme.CA().cert_pem.write_to_path(str(ca_file))
    connection = Connection("https://127.0.0.1:9", "id", "s", ca_bundle=ca_file)
    keeper = KeptSessions()
    with keeper.client("P", connection) as first:
        first_session = first._session
    with keeper.client("P", connection) as again:
        assert again._session is first_session
    time.sleep(0.01)
    trustme.CA().cert_pem.write_to_path(str(ca_file))  # IT replaced the bank's CA file
    with keeper.client("P", connection) as renewed:
        assert renewed._session is not first_session
    keeper.close()
    with keeper.client("P", connection) as after_close:  # a session of its own, closed with the client
        assert after_close._owns_session


# --- a server that closes connections ---------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_connection_the_server_closed_while_idle_is_replaced_not_a_failure(
        home: dict[str, str], secrets: MemorySecretStore, samples_dir: Path, tmp_path: Path, scheme: str) -> None:
    settings: dict[str, Any] = {}
    context = None
    if scheme == "https":
        ca = trustme.CA()
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1").configure_cert(context)
        settings["ca_bundle"] = tmp_path / "ca.pem"
        ca.cert_pem.write_to_path(str(settings["ca_bundle"]))
    closing = CountingServer(tls=context, idle_close_s=0.2)
    try:
        profile = profile_at(closing, **settings)
        with Runtime(environ=home, secrets=secrets, log_to_file=False) as runtime:
            case = runtime.open_case(profile, "window", Consent.GIVEN, "notice")
            runtime.run(profile, hack(samples_dir), case_id=case)
            assert closing.wait_ended(1)  # the server closed the idle connection
            time.sleep(0.05)
            checked = runtime.run(profile, hack(samples_dir), case_id=case)
            assert checked.result.billed
        assert (closing.connections, closing.requests) == (2, 2)  # a new connection, and nothing sent twice
    finally:
        closing.stop()


def test_a_connection_dropped_after_the_request_was_read_is_never_retried(
        server: CountingServer, home: dict[str, str], secrets: MemorySecretStore, samples_dir: Path) -> None:
    profile = profile_at(server)
    with Runtime(environ=home, secrets=secrets, log_to_file=False) as runtime:
        case = runtime.open_case(profile, "window", Consent.GIVEN, "notice")
        runtime.run(profile, hack(samples_dir), case_id=case)
        server.drop_read = 1
        with pytest.raises(TransportError) as info:
            runtime.run(profile, hack(samples_dir), case_id=case)
        assert info.value.may_have_reached_server and info.value.billing is Billing.UNKNOWN
        assert (server.connections, server.requests) == (1, 2)  # it reached the server once, and only once
        runtime.run(profile, hack(samples_dir), case_id=case)  # the next call opens a new connection
        assert (server.connections, server.requests) == (2, 3)


def test_a_kept_connection_closed_as_the_request_arrives_is_never_resent(
        server: CountingServer, home: dict[str, str], secrets: MemorySecretStore, samples_dir: Path) -> None:
    """The race urllib3 cannot see before writing: the server gives the connection up just as the request
    goes out. It may have been read, so a billable call is not sent again, on this or a new connection."""
    profile = profile_at(server)
    with Runtime(environ=home, secrets=secrets, log_to_file=False) as runtime:
        case = runtime.open_case(profile, "window", Consent.GIVEN, "notice")
        runtime.run(profile, hack(samples_dir), case_id=case)
        server.drop_unread = 1
        with pytest.raises(TransportError) as info:
            runtime.run(profile, hack(samples_dir), case_id=case)
        assert info.value.may_have_reached_server and info.value.billing is Billing.UNKNOWN
        assert (server.connections, server.requests) == (1, 1)  # no second connection: no second send


def test_a_short_keep_alive_hint_is_honoured(
        home: dict[str, str], secrets: MemorySecretStore) -> None:
    hinting = CountingServer(keep_alive_hint="timeout=2, max=100")  # but it keeps them open far longer
    try:
        profile = profile_at(hinting)
        with Runtime(environ=home, secrets=secrets, log_to_file=False) as runtime:
            runtime.run(profile, TokenRequest("liveness"))
            runtime.run(profile, TokenRequest("liveness"))
            assert hinting.connections == 1
            time.sleep(1.2)  # past the hint less a second's margin: not reused, a new one is made
            runtime.run(profile, TokenRequest("liveness"))
            assert (hinting.connections, hinting.requests) == (2, 3)
    finally:
        hinting.stop()


@pytest.mark.parametrize(("header", "seconds"), [
    (None, IDLE_REUSE_S), ("", IDLE_REUSE_S), ("timeout=5, max=100", 4.0), ("max=3, Timeout = 15", 14.0),
    ("timeout=0", 0.0), ("timeout=600", IDLE_REUSE_S), ("timeout=soon", IDLE_REUSE_S), ("timeout=nan", IDLE_REUSE_S),
])
def test_reuse_window(header: str | None, seconds: float) -> None:
    assert reuse_window(header) == seconds


# --- the client's other guarantees on a kept session ------------------------------------------------


def test_a_cancelled_upload_does_not_leave_a_half_sent_connection(server: CountingServer, tmp_path: Path) -> None:
    from app.sandbox.livefile import make_liveness_file

    big = tmp_path / "big.lfs"
    face = (Path(__file__).resolve().parents[2] / "resources" / "samples" / "zhang-san-selfie.jpg").read_bytes()
    big.write_bytes(make_liveness_file(face, [0, 1], pad_to=3 * 1024 * 1024))
    keeper = KeptSessions()
    connection = Connection(server.url, "id", "secret")
    with keeper.client("P", connection) as client:
        client.detect_hack(FileSource(big))
    with keeper.client("P", connection) as client, pytest.raises(Cancelled):
        client.detect_hack(FileSource(big), progress=lambda sent, total: sent < total // 3)
    with keeper.client("P", connection) as client:
        client.detect_hack(FileSource(big))
    keeper.close()
    assert server.requests == 2  # the cancelled one never arrived whole, and was not sent again
    assert server.connections == 2  # its connection was closed, not reused mid-body


def test_a_deadline_lets_go_of_a_connection_back_in_the_pool() -> None:
    """Once a call's connection is back in the pool another call may take it: the first call's deadline,
    firing late, must not cut it."""
    ours, theirs = socket.socketpair()
    with ours, theirs:
        with _Deadline.armed(0.1):
            _Deadline.watch(ours)
            _Deadline.forget(ours)  # what the pool does when the connection comes back
            time.sleep(0.3)
        ours.sendall(b"still open")
        assert theirs.recv(16) == b"still open"
        with _Deadline.armed(0.1):
            _Deadline.watch(ours)
            time.sleep(0.3)
        assert ours.recv(1) == b""  # not given back: cut

"""A loopback HTTP server that can answer anything, and records every request that reached it.

The sandbox keeps to the API's rules; this server does not have to: invalid HTTP, bodies that
never end or drip a byte at a time, gzip bombs, redirects to another server, a gateway that
echoes personal data. It reads each request whole (so the client's upload completes), records
it, then lets the test's handler write raw bytes on the socket, and closes the connection.

Everything it sends is bounded in time and bytes (MAX_SEND_SECONDS, MAX_SEND_BYTES), so a client
that fails to cut an answer off makes its test fail, never hang.
"""

from __future__ import annotations

import gzip
import json
import re
import select
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

MAX_SEND_SECONDS = 8.0  # one answer never lasts longer, whatever the handler asked for
MAX_SEND_BYTES = 256 * 1024 * 1024  # nor sends more
KEPT_BODY_BYTES = 256 * 1024  # the start of each request body, kept for the tests (form fields)
REQUEST_READ_TIMEOUT = 5.0
_ZEROS = bytes(64 * 1024)


@dataclass(frozen=True)
class Received:
    """One request as it reached the server."""

    method: str
    target: str  # as on the request line: absolute-form when the client took it for a proxy
    headers: dict[str, str]  # names in lower case
    body_size: int
    body: bytes = field(repr=False)  # its first KEPT_BODY_BYTES

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def query(self) -> dict[str, str]:
        return dict(parse_qsl(urlsplit(self.target).query))

    def form(self, name: str) -> str | None:
        """A text field of the multipart body (sign, timestamp, name, ...)."""
        found = re.search(rb'name="' + re.escape(name.encode()) + rb'"\r\n\r\n(.*?)\r\n--', self.body, re.S)
        return found.group(1).decode("utf-8") if found else None


class Reply:
    """The connection a handler answers on: raw bytes, within the server's bounds."""

    def __init__(self, sock: socket.socket, stopping: threading.Event) -> None:
        self._sock = sock
        self._stopping = stopping
        self._until = time.monotonic() + MAX_SEND_SECONDS
        self._budget = MAX_SEND_BYTES
        self.client_gone = False

    def _usable(self) -> bool:
        return not (self.client_gone or self._stopping.is_set() or time.monotonic() > self._until
                    or self._budget <= 0)

    def send(self, data: bytes) -> bool:
        """Send everything (or stop at the bounds); False once the client has gone or a bound is hit."""
        view = memoryview(data)
        while view and self._usable():
            try:
                sent = self._sock.send(view[: min(len(view), self._budget)])
            except (TimeoutError, BlockingIOError):
                continue
            except (OSError, ssl.SSLError):
                self.client_gone = True
                break
            self._budget -= sent
            view = view[sent:]
        return not view and not self.client_gone

    def drip(self, data: bytes, interval: float = 0.1) -> bool:
        """One byte at a time, ``interval`` seconds apart: a per-read timeout never fires."""
        for index in range(len(data)):
            if not self.send(data[index:index + 1]) or self._stopping.wait(interval):
                return False
        return True

    def stream(self, chunks: Iterable[bytes]) -> bool:
        return all(self.send(chunk) for chunk in chunks)


Handler = Callable[[Received, Reply], None]


def head(status: int, headers: Iterable[tuple[str, str]] = (), reason: str = "Whatever") -> bytes:
    """A status line and headers; every answer closes its connection."""
    lines = [f"HTTP/1.1 {status} {reason}", *(f"{k}: {v}" for k, v in headers), "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def whole(status: int, body: bytes | str, headers: Iterable[tuple[str, str]] = ()) -> bytes:
    """A complete answer: status line, headers (Content-Length given) and body."""
    body = body.encode("utf-8") if isinstance(body, str) else body
    return head(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body))), *headers]) + body


def raw(data: bytes) -> Handler:
    """Exactly these bytes, then close: not HTTP, or an answer cut short."""

    def handler(_request: Received, reply: Reply) -> None:
        reply.send(data)

    return handler


def respond(status: int = 200, body: bytes | str = b"", headers: Iterable[tuple[str, str]] = ()) -> Handler:
    """A complete answer with this status and body (JSON text, or anything)."""
    return raw(whole(status, body, tuple(headers)))


def envelope_text(code: str = "0000", data: dict[str, Any] | None = None, charge: int = 2,
                  request_id: str = "R-hostile", msg: str = "ok", **extra: Any) -> str:
    payload: dict[str, Any] = {"request_id": request_id, "code": code, "msg": msg, "charge": charge, **extra}
    if data is not None:
        payload["data"] = data
    return json.dumps(payload, ensure_ascii=False)


def envelope(status: int = 200, **fields: Any) -> Handler:
    """The API's JSON envelope (see envelope_text), with any HTTP status."""
    return respond(status, envelope_text(**fields))


TOKEN_OK = envelope(data={"token": "hostile-token"})
ID_MATCH = {"check_result": 1, "id_name_result": 1, "photo_result": 1, "certificate_score": 96.0}


def redirect(status: int, location: str) -> Handler:
    return respond(status, b"", [("Location", location)])


def sized_body(size: int) -> Handler:
    """A body of ``size`` bytes, declared in Content-Length and streamed without holding it in memory."""

    def handler(_request: Received, reply: Reply) -> None:
        if reply.send(head(200, [("Content-Type", "application/json"), ("Content-Length", str(size))])):
            full, rest = divmod(size, len(_ZEROS))
            reply.stream([*(_ZEROS for _ in range(full)), _ZEROS[:rest]])

    return handler


def endless_body(_request: Received, reply: Reply) -> None:
    """A chunked body whose last chunk never comes (until the server's own bounds)."""
    if reply.send(head(200, [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")])):
        chunk = f"{len(_ZEROS):x}\r\n".encode() + _ZEROS + b"\r\n"
        while reply.send(chunk):
            pass


def gzip_bomb(inflated_mb: int) -> bytes:
    """Zeros that inflate to ``inflated_mb`` MB: about 1 KB of gzip per MB."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # the gzip container
    block = bytes(1024 * 1024)
    return b"".join([*(squeeze.compress(block) for _ in range(inflated_mb)), squeeze.flush()])


def gzipped(body: bytes, status: int = 200) -> Handler:
    """``body`` as it is, declared as gzip (a bomb, or damaged gzip)."""
    return respond(status, body, [("Content-Encoding", "gzip")])


def damaged_gzip(text: str) -> bytes:
    packed = bytearray(gzip.compress(text.encode("utf-8")))
    packed[12:20] = b"\xff" * 8  # inside the deflate stream
    return bytes(packed)


def drip(data: bytes, interval: float = 0.1) -> Handler:
    """The whole answer, status line first, a byte every ``interval`` seconds."""

    def handler(_request: Received, reply: Reply) -> None:
        reply.drip(data, interval)

    return handler


def drip_body(body: bytes, interval: float = 0.1) -> Handler:
    """The status line and headers at once, then the body a byte every ``interval`` seconds."""

    def handler(_request: Received, reply: Reply) -> None:
        if reply.send(head(200, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])):
            reply.drip(body, interval)

    return handler


def before(action: Callable[[Received], None], then: Handler) -> Handler:
    """Do something (fill a disk, note the sign) once the request is in, then answer."""

    def handler(request: Received, reply: Reply) -> None:
        action(request)
        then(request, reply)

    return handler


class HostileServer:
    """Serves ``handler`` on 127.0.0.1 (HTTPS with ``tls``); ``received`` lists what reached it."""

    def __init__(self, handler: Handler = TOKEN_OK, tls: ssl.SSLContext | None = None) -> None:
        self.handler = handler
        self._tls = tls
        self._received: list[Received] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=32)
        self._threads: list[threading.Thread] = []
        self._connections: set[socket.socket] = set()

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self._listener.getsockname()[1]}"

    @property
    def url(self) -> str:
        return f"{'https' if self._tls else 'http'}://{self.host}"

    @property
    def received(self) -> list[Received]:
        with self._lock:
            return list(self._received)

    def start(self) -> HostileServer:
        self._spawn(self._accept_loop)
        return self

    def stop(self) -> None:
        self._stopping.set()
        with self._lock:
            connections = list(self._connections)
        for sock in connections:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread in list(self._threads):
            thread.join(timeout=5)
        self._listener.close()

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _spawn(self, target: Callable[..., None], *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            ready, _, _ = select.select([self._listener], [], [], 0.05)
            if ready:
                try:
                    sock, _address = self._listener.accept()
                except OSError:
                    continue
                self._spawn(self._serve, sock)

    def _serve(self, plain: socket.socket) -> None:
        with self._lock:
            self._connections.add(plain)
        sock = plain
        try:
            plain.settimeout(REQUEST_READ_TIMEOUT)
            if self._tls is not None:  # the plain socket is detached: stop() must shut the TLS one
                sock = self._tls.wrap_socket(plain, server_side=True)
                with self._lock:
                    self._connections.add(sock)
            request = _read_request(sock)
            if request is None:
                return
            with self._lock:
                self._received.append(request)
            self.handler(request, Reply(sock, self._stopping))
        except (OSError, ssl.SSLError):
            pass  # the client went away, or never spoke TLS: nothing more to do
        finally:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
            plain.close()
            with self._lock:
                self._connections -= {plain, sock}


def _read_request(sock: socket.socket) -> Received | None:
    """The request line, headers and body (Content-Length or chunked); None if the client sent nothing."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
        if len(data) > 1024 * 1024:
            return None
    header_block, rest = data.split(b"\r\n\r\n", 1)
    lines = header_block.decode("latin-1").split("\r\n")
    method, target, *_ = [*lines[0].split(" "), "", ""]
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = _read_chunked(sock, rest)
        return Received(method, target, headers, len(body), body[:KEPT_BODY_BYTES])
    length = int(headers.get("content-length", "0") or 0)
    kept, size = bytearray(rest[:KEPT_BODY_BYTES]), len(rest)
    while size < length:
        chunk = sock.recv(min(262144, length - size))
        if not chunk:
            break
        size += len(chunk)
        if len(kept) < KEPT_BODY_BYTES:
            kept += chunk[: KEPT_BODY_BYTES - len(kept)]
    return Received(method, target, headers, size, bytes(kept))


def _read_chunked(sock: socket.socket, data: bytes) -> bytes:
    body = b""
    while True:
        while b"\r\n" not in data:
            data += sock.recv(65536)
        size_line, data = data.split(b"\r\n", 1)
        size = int(size_line.split(b";")[0], 16)
        while len(data) < size + 2:
            chunk = sock.recv(65536)
            if not chunk:
                return body + data
            data += chunk
        if size == 0:
            return body
        body, data = body + data[:size], data[size + 2:]

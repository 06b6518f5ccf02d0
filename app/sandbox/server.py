"""The sandbox: a real HTTP server on loopback that answers the vendor's five calls.

Used for demos, training and tests without an account. Every response carries the header
``X-LinkFace-Sandbox: 1`` and a request id beginning ``SANDBOX-``. Besides the API it serves:

- ``GET /_sandbox/samples/`` (a JSON list) and ``GET /_sandbox/samples/<name>`` (the sample
  files, the same bytes as resources/samples), so URL sources can be tried on loopback;
- ``POST /_sandbox/fault`` with a JSON ``Fault`` plus optional ``"count"``, and
  ``DELETE /_sandbox/fault``: fault control for out-of-process use, loopback clients only.

The ``/_sandbox/`` routes also require a ``Host`` naming this server (and fault control no foreign
``Origin``), so neither a web page nor a DNS-rebinding attack can reach them through a browser.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
import ssl
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from requests_toolbelt.multipart.decoder import MultipartDecoder

from app.core.contract import Endpoint, SourceKind
from app.core.endpoints import ENDPOINT_FOR_PATH, spec
from app.sandbox.api import SANDBOX_API_ID, SANDBOX_API_SECRET, ApiCall, Outcome, SandboxApi
from app.sandbox.faults import JSON_TYPE, Fault, error_page
from app.sandbox.samples import build_samples

__all__ = ["SANDBOX_API_ID", "SANDBOX_API_SECRET", "Sandbox", "serve_forever"]

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765
SAMPLES_PREFIX = "/_sandbox/samples/"
FAULT_PATH = "/_sandbox/fault"
FORM_OVERHEAD = 2 * 2**20


def body_limit(endpoint: Endpoint) -> int:
    """The largest body worth reading: the endpoint's largest legal uploads plus the form's overhead."""
    return FORM_OVERHEAD + sum(source.max_bytes for source in spec(endpoint).sources)


def too_large_code(endpoint: Endpoint) -> str:
    """Over the limit, a call with an image answers 1013 (image too large), the others 1002."""
    return "1013" if any(s.kind is SourceKind.IMAGE for s in spec(endpoint).sources) else "1002"


DRAIN_LIMIT = 64 * 2**20  # an over-limit body is read and dropped up to this, so the client sees the answer
CONTROL_BODY_LIMIT = 64 * 1024
MAX_PENDING_FAULTS = 1000  # per request and in all, so a client cannot queue millions
# ThreadingHTTPServer listens with a backlog of 5: a burst of concurrent clients was reset.
LISTEN_BACKLOG = 256
NOT_LOOPBACK_WARNING = (
    "Warning: the sandbox listens on {host}, not only on this computer: anyone on the network can call it "
    "with its public credentials. Fault control is still refused to other computers.\n"
)


class Sandbox:
    """A running sandbox server; ``start()`` serves on a background thread until ``stop()``."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, ssl_context: ssl.SSLContext | None = None,
                 delay_scale: float = 1.0, fetch_timeout: float = 5.0, store_dir: Path | None = None,
                 accounts: Mapping[str, str] | None = None) -> None:
        """``accounts`` (api_id → secret) replaces the public sandbox account, e.g. for a secret-leak test."""
        self.api = SandboxApi(fetch_timeout=fetch_timeout, store_dir=store_dir, accounts=accounts)
        self.delay_scale = delay_scale
        self._address = (host, port)
        self._ssl_context = ssl_context
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -------------------------------------------------------------------------------

    def start(self) -> Sandbox:
        if self._server is None:
            self._server = _Server(self._address, self, self._ssl_context)
            self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                            name="linkface-sandbox", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join()
        self._server = self._thread = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """The URL this computer reaches it at (on loopback when it listens on every address)."""
        server = self._running()
        return f"{server.scheme}://{server.authority}"

    @property
    def loopback_only(self) -> bool:
        """False when other computers can reach it too (``--host 0.0.0.0`` or a LAN address)."""
        return ipaddress.ip_address(self._running().bound_host).is_loopback

    def _running(self) -> _Server:
        if self._server is None:
            raise RuntimeError("the sandbox is not running")
        return self._server

    def sample_url(self, name: str) -> str:
        return f"{self.base_url}{SAMPLES_PREFIX}{name}"

    def wait(self) -> None:
        """Block until stopped; joins with a timeout so Ctrl-C works on Windows too."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(0.5)

    # --- faults ----------------------------------------------------------------------------------

    def inject(self, fault: Fault, count: int = 1) -> None:
        """Commit ``fault`` on each of the next ``count`` API calls; bounded, so memory is too."""
        if not 1 <= count <= MAX_PENDING_FAULTS:
            raise ValueError(f"count must be 1 to {MAX_PENDING_FAULTS}")
        with self._lock:
            if len(self._faults) + count > MAX_PENDING_FAULTS:
                raise ValueError(f"at most {MAX_PENDING_FAULTS} faults may be pending")
            self._faults.extend([fault] * count)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def pending_faults(self) -> int:
        with self._lock:
            return len(self._faults)

    def take_fault(self) -> Fault | None:
        """The fault for the API call being answered now, if one is pending."""
        with self._lock:
            return self._faults.popleft() if self._faults else None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = LISTEN_BACKLOG

    def __init__(self, address: tuple[str, int], sandbox: Sandbox, ssl_context: ssl.SSLContext | None) -> None:
        self.sandbox = sandbox
        self.ssl_context = ssl_context
        self.scheme = "https" if ssl_context else "http"
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.bound_host = str(self.server_address[0])
        names = _own_names(self.bound_host)
        self.authority = f"{names[0]}:{self.server_port}"
        # The Host values (lower case) that mean this server; clients leave out a default port.
        ports = [f":{self.server_port}"] + ([""] if self.server_port == (443 if ssl_context else 80) else [])
        self.own_hosts = frozenset(name + port for name in names for port in ports)

    def finish_request(self, request: Any, client_address: Any) -> None:
        """TLS handshake here, on the request's own thread, so one slow client blocks no other."""
        if self.ssl_context is None:
            super().finish_request(request, client_address)
            return
        with self.ssl_context.wrap_socket(request, server_side=True) as tls:
            super().finish_request(tls, client_address)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection from %s failed", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may stall mid-request
    # Headers and body go out in two writes; without TCP_NODELAY the body waits for a delayed ACK (~40 ms).
    disable_nagle_algorithm = True

    # --- routing ---------------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._guarded(self._get)

    def do_POST(self) -> None:
        self._guarded(self._post)

    def do_DELETE(self) -> None:
        self._guarded(self._delete)

    def _guarded(self, route: Callable[[], None]) -> None:
        """Nothing a client sends may crash the sandbox: an unexpected error is a 9999 envelope."""
        try:
            route()
        except (ConnectionError, TimeoutError, ssl.SSLError):
            self.close_connection = True
        except Exception:
            log.exception("sandbox error on %s %s", self.command, self.path)
            self.close_connection = True
            self._send_envelope(Outcome("9999"))

    def _get(self) -> None:
        path = urlsplit(self.path).path
        if not path.startswith(SAMPLES_PREFIX):
            self._send_envelope(Outcome("1012"))
            return
        if not self._allowed_or_403(control=False):
            return
        samples, name = build_samples(), unquote(path[len(SAMPLES_PREFIX):])
        if not name:
            self._send_json(200, sorted(samples))
        elif name in samples:
            self._send(200, samples[name], _content_type(name))
        else:
            self._send_envelope(Outcome("1012"), status=404)

    def _delete(self) -> None:
        if urlsplit(self.path).path != FAULT_PATH:
            self._send_envelope(Outcome("1012"))
        elif self._allowed_or_403(control=True):
            self.server.sandbox.clear_faults()
            self._send_json(200, {"pending": 0})

    def _post(self) -> None:
        url = urlsplit(self.path)
        endpoint = ENDPOINT_FOR_PATH.get(url.path)
        if url.path == FAULT_PATH:
            self._post_fault()
        elif endpoint is None:
            self._drain()
            self._send_envelope(Outcome("1012"))
        else:
            self._api_call(endpoint, url.query)

    # --- the API ---------------------------------------------------------------------------------

    def _api_call(self, endpoint: Endpoint, query: str) -> None:
        sandbox = self.server.sandbox
        fault = sandbox.take_fault()
        body = self._read_body(body_limit(endpoint), too_large_code(endpoint))
        time.sleep(sandbox.api.latency_s(endpoint) * sandbox.delay_scale + (fault.delay if fault else 0.0))
        if fault is not None and fault.http_status is not None:
            self._send(fault.http_status, error_page(fault.http_status), "text/html; charset=utf-8")
            return
        if fault is not None and fault.code is not None:
            outcome = Outcome(fault.code)
        elif isinstance(body, Outcome):
            outcome = body
        else:
            outcome = self._outcome(endpoint, query, body)
        if fault is None:
            self._send_envelope(outcome)
        else:
            self._send(200, *fault.break_body(_json_bytes(fault.alter(outcome.envelope(), endpoint))))

    def _outcome(self, endpoint: Endpoint, query: str, body: bytes) -> Outcome:
        try:
            parts = _multipart(body, self.headers.get("Content-Type", ""))
        except ValueError:
            return Outcome("1002")
        # Latin-1 both ways keeps the raw bytes, so the API can answer 1001 for non-UTF-8 values.
        fields: dict[str, bytes] = {}
        for name, value in parse_qsl(query, keep_blank_values=True, encoding="latin-1"):
            fields.setdefault(name, value.encode("latin-1"))  # the first of a repeated name wins, as in the form
        return self.server.sandbox.api.handle(ApiCall(endpoint, fields, parts))

    def _read_body(self, limit: int, too_large: str) -> bytes | Outcome:
        """The whole body, or the refusal when its length is not given (1002) or over the limit."""
        length = self._content_length()
        if length is None or length > limit:
            self._drain()
            return Outcome("1002" if length is None else too_large)
        return self.rfile.read(length)

    def _content_length(self) -> int | None:
        value = self.headers.get("Content-Length", "")
        return int(value) if value.isascii() and value.isdigit() else None

    def _drain(self) -> None:
        """Read and drop the body, so a client still sending gets the answer and not a reset."""
        length = self._content_length()
        if length is None or length > DRAIN_LIMIT:
            self.close_connection = True
            return
        while length > 0:
            chunk = self.rfile.read(min(length, 2**16))
            if not chunk:
                break
            length -= len(chunk)

    # --- control ---------------------------------------------------------------------------------

    def _allowed_or_403(self, control: bool) -> bool:
        """The /_sandbox/ routes answer only requests meant for this server; a refusal is 403 with why."""
        reason = self._refusal(control)
        if reason is not None:
            self._send_json(403, {"error": reason})
        return reason is None

    def _refusal(self, control: bool) -> str | None:
        """Why a /_sandbox/ request is refused, or None. A browser lets any web page send to loopback, and a
        DNS-rebinding page (a foreign Host) even read the answer: so Host and Origin, not only the client address."""
        if control and not ipaddress.ip_address(self.client_address[0]).is_loopback:
            return "fault control is for loopback clients only"
        hosts = [value.lower() for value in self.headers.get_all("Host") or []]
        if len(hosts) != 1 or hosts[0] not in self.server.own_hosts:
            return f"the Host header must name this sandbox, such as {self.server.authority}"
        origins = [value.lower() for value in self.headers.get_all("Origin") or []]
        if control and any(origin != f"{self.server.scheme}://{hosts[0]}" for origin in origins):
            return "requests from another origin (a web page) are refused"
        return None

    def _post_fault(self) -> None:
        body = self._read_body(CONTROL_BODY_LIMIT, "1002")
        if not self._allowed_or_403(control=True):
            return
        try:
            self.server.sandbox.inject(*_fault_request(body if isinstance(body, bytes) else b""))
        except (ValueError, TypeError) as exc:
            self._send_json(400, {"error": str(exc)})
            return
        self._send_json(200, {"pending": self.server.sandbox.pending_faults()})

    # --- sending ---------------------------------------------------------------------------------

    def _send_envelope(self, outcome: Outcome, status: int = 200) -> None:
        self._send_json(status, outcome.envelope())

    def _send_json(self, status: int, payload: object) -> None:
        self._send(status, _json_bytes(payload), JSON_TYPE)

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        # Here rather than in _send, so send_error's pages (malformed request, unknown method) carry it too.
        self.send_header("X-LinkFace-Sandbox", "1")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)


def _fault_request(body: bytes) -> tuple[Fault, int]:
    """The fault and how many calls it is for, from the control route's JSON; ValueError if wrong."""
    payload = json.loads(body)
    count = payload.pop("count", 1) if isinstance(payload, dict) else 1
    if isinstance(count, bool) or not isinstance(count, int):
        raise ValueError("count must be an integer")
    return Fault.from_json(payload), count


def _multipart(body: bytes, content_type: str) -> dict[str, bytes]:
    """Field name to raw bytes (the first of a repeated name wins); ValueError if not multipart."""
    try:
        decoder = MultipartDecoder(body, content_type)
    except Exception as exc:  # the decoder raises several types for malformed input
        raise ValueError("not a multipart/form-data body") from exc
    parts: dict[str, bytes] = {}
    for part in decoder.parts:
        disposition = part.headers.get(b"Content-Disposition", b"").decode("latin-1")
        name = _disposition_name(disposition)
        if name is not None:
            parts.setdefault(name, part.content)
    return parts


def _disposition_name(disposition: str) -> str | None:
    for param in disposition.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.lower() == "name":
            return value.strip('"').encode("latin-1").decode("utf-8", "replace")
    return None


def _json_bytes(payload: object) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def _content_type(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower()
    return {
        "png": "image/png", "jpg": "image/jpeg", "json": JSON_TYPE,
        "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
    }.get(suffix, "application/octet-stream")


def _own_names(bound_host: str) -> list[str]:
    """Host names (as in a URL) that mean a server bound to ``bound_host``, the one for URLs first.

    Its own address, and on loopback also ``localhost``; a server on every address is named by
    loopback only, since its other addresses are not known here.
    """
    address = ipaddress.ip_address(bound_host)
    if address.is_unspecified:
        address = ipaddress.ip_address("::1" if address.version == 6 else "127.0.0.1")
    name = f"[{address}]" if address.version == 6 else str(address)
    return [name, "localhost"] if address.is_loopback else [name]


def serve_forever(host: str = "127.0.0.1", port: int = DEFAULT_PORT, ssl_context: ssl.SSLContext | None = None,
                  delay_scale: float = 1.0) -> None:
    """Run the sandbox in the foreground (``linkface-desk sandbox``) until Ctrl-C; one log line per request."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    sandbox = Sandbox(host, port, ssl_context=ssl_context, delay_scale=delay_scale).start()
    if not sandbox.loopback_only:
        sys.stderr.write(NOT_LOOPBACK_WARNING.format(host=host))
    log.info("sandbox serving on %s (samples at %s)", sandbox.base_url, sandbox.sample_url(""))
    try:
        sandbox.wait()
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()


"""The signed HTTP client: one method per endpoint, files streamed from disk, errors classified.

``sequence_id`` and ``api_id`` travel in the query string, everything else as multipart form data,
as in the document's cURL samples. A billable call is never retried automatically: once its
bytes may have reached the server, a retry could bill twice. get_token (never billed) may retry a
connection that failed before anything was sent.

The server is not trusted: a redirect is never followed (it is reported, and nothing goes to the
other host), an answer is read up to MAX_ANSWER_BYTES after decompression, any JSON it sends is at
worst a ProtocolError, and each call has one overall deadline besides the per-read timeouts, so a
server that drips its answer a byte at a time is cut off.

Connections are kept alive (KeptSessions: one session per profile, shared by the window's workers and
a batch). urllib3 never retries here (Retry(total=0)): a pooled connection the server closed while it
was idle is seen before anything is written on it (urllib3 polls it at checkout) and replaced by a new
one, which is not a retry; a connection that fails once the request is on its way is an error, billing
unknown, never sent again. One idle longer than the server's Keep-Alive hint or IDLE_REUSE_S is not
reused either, so a firewall that silently forgets idle connections cannot swallow a billable request.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import http.client
import http.cookiejar
import json
import math
import os
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, assert_never
from urllib.parse import urljoin, urlsplit

import requests
import truststore
from requests.adapters import HTTPAdapter
from requests_toolbelt.multipart.encoder import MultipartEncoder, MultipartEncoderMonitor
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.response import HTTPResponse
from urllib3.util.retry import Retry

from app.core.connection import Connection, Progress, ProxyMode
from app.core.contract import (
    SUCCESS,
    CallResult,
    Endpoint,
    HackData,
    HackRequest,
    IdNumberData,
    IdNumberRequest,
    ParseData,
    ParseRequest,
    Request,
    SelfieData,
    SelfieRequest,
    Source,
    SourceKind,
    SourceSpec,
    StoredIdSource,
    TokenData,
    TokenRequest,
    UrlSource,
    parse_envelope,
)
from app.core.endpoints import form_values, parse_data, spec
from app.core.errors import (
    ApiError,
    Billing,
    Cancelled,
    InputRejected,
    LinkFaceError,
    ProtocolError,
    TransportError,
    TransportKind,
)
from app.core.signing import make_timestamp, new_sequence_id, sign
from app.core.validation import check_base_url, check_open_file, check_request, check_sequence_id, image_header

if TYPE_CHECKING:
    from urllib3._base_connection import BaseHTTPConnection  # a Protocol, for type checkers only

_IMAGE_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "BMP": "image/bmp",
               "GIF": "image/gif", "TIFF": "image/tiff"}
UNBILLED_CONNECT_RETRIES = 2  # a call that is never billed may retry a connection nothing was sent on
UPLOAD_CHUNK_BYTES = 256 * 1024  # measured: 64 KB reads cost ~10% more time, 1 MB ones ~7 MB of memory
# The real answers are a few hundred bytes; anything over this (after decompression) is cut off.
MAX_ANSWER_BYTES = 1024 * 1024
ANSWER_CHUNK_BYTES = 64 * 1024
# A kept-alive connection idle longer than this is not reused: under the usual server keep-alive times
# (nginx 75 s, cloud load balancers 60 s), and far under the minutes after which a NAT or firewall
# silently forgets an idle connection. A shorter Keep-Alive "timeout=N" from the server wins (less 1 s).
IDLE_REUSE_S = 50.0
# Never a retry inside urllib3, whatever went wrong: the client decides (only get_token, and only when
# the connection was never made). total=0 ends every retry, read=False a read error's at once, and POST
# is not in urllib3's idempotent methods (an empty allowed_methods would mean every method: not that).
NO_RETRIES = Retry(total=0, connect=0, read=False, redirect=0, status=0, other=0,
                   allowed_methods=Retry.DEFAULT_ALLOWED_METHODS, raise_on_redirect=False, raise_on_status=False)


# --- the overall deadline ------------------------------------------------------------------------


class _Deadline:
    """Shuts the call's sockets down when the call outlives its deadline.

    Per-read timeouts restart with every byte, so a server that drips its answer (or a proxy that
    reads the upload a byte at a time) is stopped only by this. The sockets are the ones the
    watched connections below open or reuse on this thread while the deadline is armed.
    """

    _current = threading.local()

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    @classmethod
    @contextmanager
    def armed(cls, seconds: float) -> Iterator[_Deadline]:
        deadline = cls(seconds)
        cls._current.deadline = deadline
        deadline._timer.start()
        try:
            yield deadline
        finally:
            deadline._timer.cancel()
            cls._current.deadline = None

    @classmethod
    def watch(cls, sock: socket.socket | None) -> None:
        deadline: _Deadline | None = getattr(cls._current, "deadline", None)
        if deadline is None or sock is None:
            return
        with deadline._lock:
            deadline._sockets.append(sock)
            expired = deadline.expired
        if expired:
            deadline._shut(sock)

    @classmethod
    def forget(cls, sock: socket.socket | None) -> None:
        """A connection goes back to the pool: another call (another thread) may take it, so this call's
        deadline must not cut it any more. Under the lock, so it never races a firing deadline."""
        deadline: _Deadline | None = getattr(cls._current, "deadline", None)
        if deadline is None or sock is None:
            return
        with deadline._lock:
            if sock in deadline._sockets:
                deadline._sockets.remove(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in recv or send on it
        except OSError:
            pass


class _WatchedHTTPConnection(HTTPConnection):
    reuse_within_s = IDLE_REUSE_S  # from the last answer's Keep-Alive header
    idle_since: float | None = None  # when it went back to the pool

    def connect(self) -> None:
        super().connect()
        _Deadline.watch(self.sock)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _Deadline.watch(self.sock)  # a kept-alive connection: connect() is not called again
        super().request(*args, **kwargs)

    def getresponse(self) -> HTTPResponse:  # type: ignore[override]  # as urllib3's own
        response = super().getresponse()
        self.reuse_within_s = reuse_window(response.headers.get("Keep-Alive"))
        return response


class _WatchedHTTPSConnection(HTTPSConnection):
    reuse_within_s = IDLE_REUSE_S
    idle_since: float | None = None

    def connect(self) -> None:
        super().connect()
        _Deadline.watch(self.sock)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _Deadline.watch(self.sock)
        super().request(*args, **kwargs)

    def getresponse(self) -> HTTPResponse:  # type: ignore[override]  # as urllib3's own
        response = super().getresponse()
        self.reuse_within_s = reuse_window(response.headers.get("Keep-Alive"))
        return response


def reuse_window(keep_alive: str | None) -> float:
    """How long an idle connection may wait for its next request: IDLE_REUSE_S, or less when the server
    says (``Keep-Alive: timeout=5, max=100``) that it closes idle connections sooner."""
    for part in (keep_alive or "").split(","):
        name, _, value = part.partition("=")
        if name.strip().lower() == "timeout":
            try:
                seconds = float(value.strip())
            except ValueError:
                break
            if math.isfinite(seconds):
                return max(0.0, min(IDLE_REUSE_S, seconds - 1.0))
    return IDLE_REUSE_S


def _checked_out(conn: BaseHTTPConnection) -> BaseHTTPConnection:
    """A pooled connection about to carry a request: closed (so a new one is made) if it has been idle
    too long. urllib3 has already closed it if the server closed it: nothing is ever sent on either."""
    idle_since = getattr(conn, "idle_since", None)
    if idle_since is not None and getattr(conn, "sock", None) is not None \
            and time.monotonic() - idle_since > getattr(conn, "reuse_within_s", IDLE_REUSE_S):
        conn.close()
    return conn


def _checked_in(conn: BaseHTTPConnection | None) -> None:
    if conn is not None:
        _Deadline.forget(getattr(conn, "sock", None))
        conn.idle_since = time.monotonic()  # type: ignore[attr-defined]


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection

    def _get_conn(self, timeout: float | None = None) -> BaseHTTPConnection:
        return _checked_out(super()._get_conn(timeout))

    def _put_conn(self, conn: BaseHTTPConnection | None) -> None:
        _checked_in(conn)
        super()._put_conn(conn)


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection

    def _get_conn(self, timeout: float | None = None) -> BaseHTTPConnection:
        return _checked_out(super()._get_conn(timeout))

    def _put_conn(self, conn: BaseHTTPConnection | None) -> None:
        _checked_in(conn)
        super()._put_conn(conn)


_WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _Adapter(HTTPAdapter):
    """Verifies TLS with a given SSLContext (the OS trust store plus an optional CA bundle), opens
    connections the call's deadline can cut (directly or through a proxy), and never retries."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        self._proxy_lock = threading.Lock()  # shared by threads: one proxy manager per proxy, not two
        super().__init__(max_retries=NO_RETRIES)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._context
        with self._proxy_lock:
            manager = super().proxy_manager_for(*args, **kwargs)
        manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager


def make_ssl_context(ca_bundle: Path | None) -> ssl.SSLContext:
    """The OS trust store (so a corporate CA installed by IT works), plus the profile's CA file if any."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle is not None:
        try:
            context.load_verify_locations(cafile=str(ca_bundle))
        except (OSError, ssl.SSLError) as exc:
            raise InputRejected("ca_bundle", "ca_file", reason=str(exc)) from None
    return context


def make_session(connection: Connection) -> requests.Session:
    """A session for one Connection. Its settings are never changed afterwards, so threads may share it
    (urllib3's pools are thread-safe); it keeps no cookies, so no call carries what an earlier one was
    sent. Session.close() while a call is under way lets that call finish on its own connection."""
    session = requests.Session()
    session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    adapter = _Adapter(make_ssl_context(connection.ca_bundle))
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = "LinkFace-Desk"
    if connection.proxy_mode is ProxyMode.SYSTEM:
        session.trust_env = True
    else:
        session.trust_env = False
        proxy = connection.proxy_url if connection.proxy_mode is ProxyMode.EXPLICIT else None
        session.proxies = {"http": proxy, "https": proxy} if proxy else {}
    return session


@dataclass(eq=False)
class _Kept:
    connection: Connection
    ca_stamp: tuple[int, int, int] | None
    session: requests.Session
    users: int = 0
    retired: bool = False


def _ca_stamp(ca_bundle: Path | None) -> tuple[int, int, int] | None:
    """The CA file as it is now (a replaced file makes a new session, as a new TLS context must read it)."""
    if ca_bundle is None:
        return None
    try:
        info = os.stat(ca_bundle)
    except OSError:
        return (-1, -1, -1)  # gone: the new session's make_ssl_context says why
    return (info.st_mtime_ns, info.st_size, info.st_ino)


class KeptSessions:
    """One kept-alive session per key (the runtime's profile name), shared by every call and thread on it.

    A key's session is replaced when its Connection changes (address, secret, timeouts, proxy, CA bundle
    or the CA file itself); the old one is closed once no call is using it, so nothing is cut mid-call.
    After close(), each client gets a session of its own again (closed with it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: dict[str, _Kept] = {}
        self._closed = False

    def client(self, key: str, connection: Connection) -> LinkFaceClient:
        """A client on the key's kept session (made or remade as needed); close it after the call."""
        check_base_url(connection.base_url)  # refused before any session is made for it
        stamp = _ca_stamp(connection.ca_bundle)
        retired: _Kept | None = None
        with self._lock:
            if self._closed:
                return LinkFaceClient(connection)
            kept = self._kept.get(key)
            if kept is not None and (kept.connection != connection or kept.ca_stamp != stamp):
                retired = self._retire(key)
                kept = None
            try:
                if kept is None:
                    kept = self._kept[key] = _Kept(connection, stamp, make_session(connection))
            finally:
                if retired is not None and retired.users == 0:
                    retired.session.close()
            kept.users += 1
        try:
            return LinkFaceClient(connection, kept.session, release=partial(self._release, kept))
        except BaseException:
            self._release(kept)
            raise

    def sessions(self) -> int:
        """How many sessions are kept now (for tests and diagnostics)."""
        with self._lock:
            return len(self._kept)

    def _retire(self, key: str) -> _Kept:
        kept = self._kept.pop(key)
        kept.retired = True
        return kept

    def _release(self, kept: _Kept) -> None:
        with self._lock:
            kept.users -= 1
            done = kept.retired and kept.users == 0
        if done:
            kept.session.close()

    def close(self) -> None:
        """Close every kept session (one still in use, when its call ends)."""
        with self._lock:
            self._closed = True
            idle = [kept for kept in (self._retire(key) for key in list(self._kept)) if kept.users == 0]
        for kept in idle:
            kept.session.close()


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and what it wraps (requests and urllib3 nest the socket's error in args)."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [e for e in (current.__cause__, current.__context__, *current.args) if isinstance(e, BaseException)]


def classify_transport(exc: requests.RequestException, sequence_id: str, billable: bool = True) -> LinkFaceError:
    """Map a requests failure to what the operator can act on, and whether it may have been billed.

    An answer that is not HTTP, a damaged compressed body or one cut short is the server's answer
    gone wrong: a ProtocolError (billing unknown on a billable call), not a network fault."""
    detail = type(exc).__name__
    text = str(exc)
    unknown = Billing.UNKNOWN if billable else Billing.NOT_BILLED
    if isinstance(exc, requests.exceptions.ProxyError):
        return TransportError(TransportKind.PROXY, detail, sequence_id, False)
    if isinstance(exc, requests.exceptions.SSLError):
        return TransportError(TransportKind.TLS, detail, sequence_id, False)
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return TransportError(TransportKind.TIMEOUT, "connect timeout", sequence_id, False)
    if isinstance(exc, requests.exceptions.Timeout):
        return TransportError(TransportKind.TIMEOUT, "read timeout", sequence_id, True, unknown)
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return ProtocolError("its compressed body is damaged", sequence_id=sequence_id, billing=unknown)
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return ProtocolError("the connection closed before the whole answer arrived", sequence_id=sequence_id,
                             billing=unknown)
    causes = list(_causes(exc))
    if not any(isinstance(c, http.client.RemoteDisconnected) for c in causes):
        bad_http = next((c for c in causes if isinstance(c, http.client.HTTPException)), None)
        if bad_http is not None:
            return ProtocolError(f"it is not valid HTTP ({type(bad_http).__name__})", sequence_id=sequence_id,
                                 billing=unknown)
    if isinstance(exc, requests.exceptions.ConnectionError):
        if "NameResolutionError" in text or "Name or service not known" in text or "getaddrinfo" in text:
            return TransportError(TransportKind.DNS, detail, sequence_id, False)
        if "NewConnectionError" in text or "Connection refused" in text:
            return TransportError(TransportKind.REFUSED, detail, sequence_id, False)
    return TransportError(TransportKind.OTHER, detail, sequence_id, True, unknown)


class LinkFaceClient:
    """Signs and sends the five calls. Calls share nothing but the session, so threads may share a client.

    Without ``session`` it makes its own and closes it on close(); a session handed in (KeptSessions') is
    left open, and ``release`` is called on close() instead."""

    def __init__(self, connection: Connection, session: requests.Session | None = None,
                 release: Callable[[], None] | None = None) -> None:
        self.connection = connection
        self.base_url = check_base_url(connection.base_url)
        self._owns_session = session is None
        self._session = make_session(connection) if session is None else session
        self._release = release
        self._closed = False

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._owns_session:
            self._session.close()
        if self._release is not None:
            self._release()

    def __enter__(self) -> LinkFaceClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- one method per endpoint ----------------------------------------------------------------

    def get_token(self, detection_type: str, **kw: Any) -> CallResult[TokenData]:
        return self.call(TokenRequest(detection_type), **kw)

    def verify_id_number(
        self, name: str, id_number: str, liveness: Source, auto_hack: bool = False, **kw: Any
    ) -> CallResult[IdNumberData]:
        return self.call(IdNumberRequest(name, id_number, liveness, auto_hack), **kw)

    def detect_hack(self, liveness: Source, **kw: Any) -> CallResult[HackData]:
        return self.call(HackRequest(liveness), **kw)

    def verify_selfie(
        self, liveness: Source, selfie: Source, auto_rotate: bool = False, auto_hack: bool = False, **kw: Any
    ) -> CallResult[SelfieData]:
        return self.call(SelfieRequest(liveness, selfie, auto_rotate, auto_hack), **kw)

    def parse_liveness(self, liveness: Source, **kw: Any) -> CallResult[ParseData]:
        return self.call(ParseRequest(liveness), **kw)

    # --- the one path every call takes ----------------------------------------------------------

    def call(
        self, request: Request, sequence_id: str | None = None, progress: Progress | None = None,
        before_send: Callable[[Request, str], None] | None = None,
    ) -> CallResult[Any]:
        """Validate, sign, send and interpret one request. Raises a LinkFaceError subclass on failure.

        ``before_send(request, sequence_id)`` runs once the request has passed every local check and
        before anything is sent (the runtime writes the call's history row there); if it raises,
        nothing is sent."""
        request = check_request(request, self.connection.detection_types)
        sequence_id = new_sequence_id() if sequence_id is None else check_sequence_id(sequence_id)
        endpoint = request.endpoint
        if before_send is not None:
            before_send(request, sequence_id)
        attempts = 1 + (0 if spec(endpoint).billable else UNBILLED_CONNECT_RETRIES)
        started = time.monotonic()
        for attempt in range(attempts):
            try:
                status, body, clock = self._send(request, sequence_id, progress)
                break
            except TransportError as exc:
                if exc.may_have_reached_server or attempt == attempts - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))
        return _interpret(endpoint, status, body, sequence_id, time.monotonic() - started, clock)

    def _send(self, request: Request, sequence_id: str,
              progress: Progress | None) -> tuple[int, bytes, float | None]:
        """Stream the request and read the answer within the call's deadline: (HTTP status, body, how far
        this computer's clock is ahead of the server's ``Date``)."""
        c = self.connection
        endpoint = spec(request.endpoint)
        billable = endpoint.billable
        timestamp = make_timestamp(c.timestamp_unit)
        fields: dict[str, Any] = dict(form_values(request))
        fields["timestamp"] = timestamp
        fields["sign"] = sign(c.api_id, c.api_secret, timestamp)
        with ExitStack() as files:
            for source_spec in endpoint.sources:
                source = getattr(request, source_spec.attribute)
                fields[source_spec.fields.name_for(source)] = self._source_value(source_spec, source, files)
            encoder = MultipartEncoder(fields=fields)
            body: Any = encoder
            if progress is not None:
                body = MultipartEncoderMonitor(encoder, _progress_relay(progress))
            with _Deadline.armed(c.deadline_s(encoder.len)) as deadline:
                try:
                    response = self._session.post(
                        self.base_url + endpoint.path,
                        params={"sequence_id": sequence_id, "api_id": c.api_id},
                        data=_Chunked(body),
                        headers={"Content-Type": encoder.content_type, "Content-Length": str(encoder.len)},
                        timeout=(c.connect_timeout, c.read_timeout),
                        allow_redirects=False,
                        stream=True,
                    )
                    clock = clock_offset(response.headers.get("Date"), time.time())
                    with response:
                        answer = _read_answer(response, sequence_id, billable)
                except requests.RequestException as exc:
                    if deadline.expired:
                        raise _deadline_error(deadline, sequence_id, billable) from None
                    raise classify_transport(exc, sequence_id, billable) from None
                except ProtocolError:
                    if deadline.expired:
                        raise _deadline_error(deadline, sequence_id, billable) from None
                    raise
            if deadline.expired:  # the cut may also look like a short but complete answer
                raise _deadline_error(deadline, sequence_id, billable)
            return (*answer, clock)

    @staticmethod
    def _source_value(source_spec: SourceSpec, source: Source, files: ExitStack) -> Any:
        """A URL or id as text; a file as its multipart part, checked on the very handle that is sent."""
        if isinstance(source, UrlSource):
            return source.url
        if isinstance(source, StoredIdSource):
            return source.id
        field = source_spec.fields.file
        try:  # non-blocking: a pipe swapped in after the check must not hang the call (check_open_file refuses it)
            flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
            handle: BinaryIO = files.enter_context(os.fdopen(os.open(source.path, flags), "rb"))
        except OSError as exc:  # it vanished or changed since it was checked: nothing has been sent
            raise InputRejected(field, "readable", variant="vanished", file=source.path.name,
                                reason=exc.strerror or str(exc)) from None
        check_open_file(handle, field, source.path.name, source_spec.max_bytes)
        match source_spec.kind:
            case SourceKind.LIVENESS:  # a neutral file name: the real one may carry the customer's name
                return ("liveness.dat", handle, "application/octet-stream")
            case SourceKind.IMAGE:
                fmt = image_header(handle, field).format  # to label the part; validation decoded it
                handle.seek(0)
                return (f"{source_spec.attribute}.{fmt.lower()}", handle, _IMAGE_MIME[fmt])
            case _:
                assert_never(source_spec.kind)


def _deadline_error(deadline: _Deadline, sequence_id: str, billable: bool) -> TransportError:
    return TransportError(TransportKind.DEADLINE, f"stopped after {deadline.seconds:.3g} s", sequence_id, True,
                          Billing.UNKNOWN if billable else Billing.NOT_BILLED)


def clock_offset(date_header: str | None, now: float) -> float | None:
    """How many seconds ``now`` (this computer's clock) is ahead of an answer's ``Date`` header (negative:
    behind); None without a readable header. The header counts whole seconds, so its middle is taken."""
    if not date_header:
        return None
    try:
        server = email.utils.parsedate_to_datetime(date_header)
    except (TypeError, ValueError, IndexError):
        return None
    if server.tzinfo is None:  # "-0000": UTC, as RFC 5322 reads it
        server = server.replace(tzinfo=dt.UTC)
    return now - (server.timestamp() + 0.5)


def _read_answer(response: requests.Response, sequence_id: str, billable: bool) -> tuple[int, bytes]:
    """The status and at most MAX_ANSWER_BYTES of decoded body; a redirect is reported, never followed."""
    status = response.status_code
    billing = Billing.UNKNOWN if billable else Billing.NOT_BILLED
    if 300 <= status < 400:
        location = response.headers.get("Location", "")
        host = urlsplit(urljoin(response.url, location)).netloc if location else "(no Location given)"
        raise ProtocolError(f"the server answered HTTP {status}, a redirect to {host}; redirects are never "
                            "followed and nothing was sent there", http_status=status, sequence_id=sequence_id,
                            billing=billing)
    body = bytearray()
    # urllib3 (>= 2.6) decompresses at most the amount asked for, so a gzip bomb never inflates.
    for chunk in response.iter_content(ANSWER_CHUNK_BYTES):
        body += chunk
        if len(body) > MAX_ANSWER_BYTES:
            raw = bytes(body[:2000]).decode("utf-8", errors="replace")
            raise ProtocolError(f"its body is larger than {MAX_ANSWER_BYTES:,} bytes (the real answers are a few "
                                "hundred); it was cut off", raw, status, sequence_id, billing)
    return status, bytes(body)


def _interpret(endpoint: Endpoint, status: int, body: bytes, sequence_id: str, duration: float,
               clock_offset_s: float | None = None) -> CallResult[Any]:
    """Read the answer strictly: the envelope and the HTTP status together, then the endpoint's data; an
    API error keeps how far off this computer's clock was (a refused signature may be the clock's doing)."""
    raw = body.decode("utf-8", errors="replace")
    declared = spec(endpoint)
    billing = Billing.UNKNOWN if declared.billable else Billing.NOT_BILLED
    try:
        payload = json.loads(body.decode("utf-8"), parse_constant=_reject_constant, parse_float=_finite_float)
    except UnicodeDecodeError:
        raise ProtocolError(f"the server answered HTTP {status} with a body that is not UTF-8 text", raw, status,
                            sequence_id, billing) from None
    except RecursionError:
        raise ProtocolError(f"the server answered HTTP {status} with JSON nested too deeply to read", raw, status,
                            sequence_id, billing) from None
    except ValueError as exc:  # not JSON at all, or 1e999, NaN, a 5,000-digit number
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise ProtocolError(f"the server answered HTTP {status} with a body that is not usable JSON ({detail[:80]})",
                            raw, status, sequence_id, billing) from None
    def unusable(reason: str) -> ProtocolError:
        return ProtocolError(reason, raw, status, sequence_id, billing)

    try:
        envelope = parse_envelope(payload)
    except ProtocolError as exc:
        raise unusable(exc.reason) from None
    if not 200 <= status < 300 and envelope.code == SUCCESS:
        raise unusable(f"the server answered HTTP {status} but claimed success (code 0000)")
    if envelope.code != SUCCESS:  # whatever the HTTP status: the vendor's older API answers errors as 400
        raise ApiError(envelope.code, envelope.msg, envelope.request_id, envelope.charge, sequence_id, raw,
                       clock_offset_s)
    assert envelope.data is not None  # parse_envelope guarantees data on 0000
    try:
        data = parse_data(endpoint, envelope.data)
    except ProtocolError as exc:
        raise unusable(exc.reason) from None
    except RecursionError:
        raise unusable("its JSON is nested too deeply") from None
    return CallResult(
        endpoint=endpoint, data=data, request_id=envelope.request_id, sequence_id=sequence_id,
        charge=envelope.charge, msg=envelope.msg, raw=raw, duration_s=duration,
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:20]} is out of range")
    return value


def _progress_relay(progress: Progress) -> Callable[[MultipartEncoderMonitor], None]:
    def relay(monitor: MultipartEncoderMonitor) -> None:
        if progress(monitor.bytes_read, monitor.len) is False:
            raise Cancelled("the upload was cancelled")

    return relay


class _Chunked:
    """Feeds the encoder to the socket in large reads (http.client's default 8 KB reads are slow)."""

    def __init__(self, body: Any) -> None:
        self._body = body
        self.len = body.len

    def __iter__(self) -> Any:
        while chunk := self._body.read(UPLOAD_CHUNK_BYTES):
            yield chunk

    def __len__(self) -> int:
        return int(self.len)

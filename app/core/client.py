"""The signed HTTP client: one method per endpoint, files streamed from disk, errors classified.

``sequence_id`` and ``api_id`` travel in the query string, everything else as multipart form data,
as in the document's cURL samples. A billable call is never retried automatically: once its
bytes may have reached the server, a retry could bill twice. get_token (never billed) may retry a
connection that failed before anything was sent.
"""

from __future__ import annotations

import ipaddress
import json
import ssl
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import requests
import truststore
from requests.adapters import HTTPAdapter
from requests_toolbelt.multipart.encoder import MultipartEncoder, MultipartEncoderMonitor

from app.core.contract import (
    DATA_TYPES,
    DETECTION_TYPES,
    SELFIE_FIELDS,
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
    SourceFields,
    StoredIdSource,
    TokenData,
    TokenRequest,
    UrlSource,
    parse_envelope,
)
from app.core.errors import ApiError, Cancelled, InputRejected, ProtocolError, TransportError, TransportKind
from app.core.signing import TimestampUnit, make_timestamp, new_sequence_id, sign
from app.core.validation import check_request, inspect_image

Progress = Callable[[int, int], "bool | None"]
"""Called with (bytes sent, total bytes) while the request body streams; return False to cancel."""

_IMAGE_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "BMP": "image/bmp",
               "GIF": "image/gif", "TIFF": "image/tiff"}
TOKEN_CONNECT_RETRIES = 2
UPLOAD_CHUNK_BYTES = 256 * 1024  # measured: 64 KB reads cost ~10% more time, 1 MB ones ~7 MB of memory


class ProxyMode(str, Enum):
    SYSTEM = "system"  # the OS / environment proxy settings
    NONE = "none"  # connect directly
    EXPLICIT = "explicit"  # the URL in Connection.proxy_url


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> str:
    """https only, except plain http to a loopback address (the sandbox)."""
    parts = urlsplit(base_url.strip())
    if parts.scheme == "https" and parts.hostname:
        return base_url.strip().rstrip("/")
    if parts.scheme == "http" and parts.hostname and is_loopback_host(parts.hostname):
        return base_url.strip().rstrip("/")
    raise InputRejected(
        "base_url", "https_required",
        "The base URL must start with https:// (plain http:// is allowed only for this computer, 127.0.0.1).",
        "服务地址须以 https:// 开头（仅本机 127.0.0.1 可使用 http://）。",
    )


@dataclass(frozen=True)
class Connection:
    """Everything a call needs to reach and sign: a profile resolved with its secret."""

    base_url: str
    api_id: str
    api_secret: str = field(repr=False)
    timestamp_unit: TimestampUnit = TimestampUnit.MILLISECONDS
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    proxy_mode: ProxyMode = ProxyMode.SYSTEM
    proxy_url: str = ""
    ca_bundle: Path | None = None
    detection_types: tuple[str, ...] = DETECTION_TYPES


class _TrustAdapter(HTTPAdapter):
    """Verifies TLS with a given SSLContext (the OS trust store plus an optional CA bundle)."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._context
        return super().proxy_manager_for(*args, **kwargs)


def make_ssl_context(ca_bundle: Path | None) -> ssl.SSLContext:
    """The OS trust store (so a corporate CA installed by IT works), plus the profile's CA file if any."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle is not None:
        try:
            context.load_verify_locations(cafile=str(ca_bundle))
        except (OSError, ssl.SSLError) as exc:
            raise InputRejected("ca_bundle", "ca_file", f"The CA bundle file cannot be used: {exc}.",
                                f"CA 证书文件无法使用：{exc}。") from None
    return context


def make_session(connection: Connection) -> requests.Session:
    session = requests.Session()
    session.mount("https://", _TrustAdapter(make_ssl_context(connection.ca_bundle)))
    session.headers["User-Agent"] = "LinkFace-Desk"
    if connection.proxy_mode is ProxyMode.SYSTEM:
        session.trust_env = True
    else:
        session.trust_env = False
        proxy = connection.proxy_url if connection.proxy_mode is ProxyMode.EXPLICIT else None
        session.proxies = {"http": proxy, "https": proxy} if proxy else {}
    return session


def classify_transport(exc: requests.RequestException, sequence_id: str) -> TransportError:
    """Map a requests failure to what the operator can act on, and whether it may have been billed."""
    detail = type(exc).__name__
    text = str(exc)
    if isinstance(exc, requests.exceptions.ProxyError):
        return TransportError(TransportKind.PROXY, detail, sequence_id, False)
    if isinstance(exc, requests.exceptions.SSLError):
        return TransportError(TransportKind.TLS, detail, sequence_id, False)
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return TransportError(TransportKind.TIMEOUT, "connect timeout", sequence_id, False)
    if isinstance(exc, requests.exceptions.Timeout):
        return TransportError(TransportKind.TIMEOUT, "read timeout", sequence_id, True)
    if isinstance(exc, requests.exceptions.ConnectionError):
        if "NameResolutionError" in text or "Name or service not known" in text or "getaddrinfo" in text:
            return TransportError(TransportKind.DNS, detail, sequence_id, False)
        if "NewConnectionError" in text or "Connection refused" in text:
            return TransportError(TransportKind.REFUSED, detail, sequence_id, False)
    return TransportError(TransportKind.OTHER, detail, sequence_id, True)


class LinkFaceClient:
    """Signs and sends the five calls. Not thread-safe: give each worker its own client, or serialize."""

    def __init__(self, connection: Connection, session: requests.Session | None = None) -> None:
        self.connection = connection
        self.base_url = check_base_url(connection.base_url)
        self._session = session or make_session(connection)

    def close(self) -> None:
        self._session.close()

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
        self, request: Request, sequence_id: str | None = None, progress: Progress | None = None
    ) -> CallResult[Any]:
        """Validate, sign, send and interpret one request. Raises a LinkFaceError subclass on failure."""
        request = check_request(request, self.connection.detection_types)
        sequence_id = sequence_id or new_sequence_id()
        endpoint = request.endpoint
        attempts = 1 + (TOKEN_CONNECT_RETRIES if endpoint is Endpoint.TOKEN else 0)
        started = time.monotonic()
        for attempt in range(attempts):
            try:
                response = self._send(request, sequence_id, progress)
                break
            except TransportError as exc:
                if exc.may_have_reached_server or attempt == attempts - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))
        return self._interpret(endpoint, response, sequence_id, time.monotonic() - started)

    def _send(self, request: Request, sequence_id: str, progress: Progress | None) -> requests.Response:
        c = self.connection
        timestamp = make_timestamp(c.timestamp_unit)
        fields: dict[str, Any] = dict(request.form())
        fields["timestamp"] = timestamp
        fields["sign"] = sign(c.api_id, c.api_secret, timestamp)
        with ExitStack() as files:
            for names, source in request.sources():
                fields[names.name_for(source)] = self._source_value(names, source, files)
            encoder = MultipartEncoder(fields=fields)
            body: Any = encoder
            if progress is not None:
                body = MultipartEncoderMonitor(encoder, _progress_relay(progress))
            try:
                return self._session.post(
                    self.base_url + request.endpoint.path,
                    params={"sequence_id": sequence_id, "api_id": c.api_id},
                    data=_Chunked(body),
                    headers={"Content-Type": encoder.content_type, "Content-Length": str(encoder.len)},
                    timeout=(c.connect_timeout, c.read_timeout),
                )
            except requests.RequestException as exc:
                raise classify_transport(exc, sequence_id) from None

    @staticmethod
    def _source_value(names: SourceFields, source: Source, files: ExitStack) -> Any:
        if isinstance(source, UrlSource):
            return source.url
        if isinstance(source, StoredIdSource):
            return source.id
        handle: BinaryIO = files.enter_context(source.path.open("rb"))
        if names.file == SELFIE_FIELDS.file:
            fmt = inspect_image(handle).format  # header only, to label the part; validation accepted it
            handle.seek(0)
            return (f"selfie.{fmt.lower()}", handle, _IMAGE_MIME[fmt])
        # A neutral file name: the real one may carry the customer's name.
        return ("liveness.dat", handle, "application/octet-stream")

    def _interpret(
        self, endpoint: Endpoint, response: requests.Response, sequence_id: str, duration: float
    ) -> CallResult[Any]:
        raw_bytes = response.content
        raw = raw_bytes.decode("utf-8", errors="replace")
        status = response.status_code
        try:
            payload = json.loads(raw_bytes.decode("utf-8"), parse_constant=_reject_constant)
        except (UnicodeDecodeError, ValueError):
            reason = f"the server answered HTTP {status} with a body that is not JSON"
            raise ProtocolError(reason, raw, status, sequence_id) from None
        try:
            envelope = parse_envelope(payload)
            if envelope.code != SUCCESS:
                raise ApiError(envelope.code, envelope.msg, envelope.request_id, envelope.charge, sequence_id, raw)
            assert envelope.data is not None  # parse_envelope guarantees data on 0000
            data = DATA_TYPES[endpoint].from_json(envelope.data)
        except ProtocolError as exc:
            raise ProtocolError(exc.reason, raw, status, sequence_id) from None
        return CallResult(
            endpoint=endpoint, data=data, request_id=envelope.request_id, sequence_id=sequence_id,
            charge=envelope.charge, msg=envelope.msg, raw=raw, duration_s=duration,
        )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


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

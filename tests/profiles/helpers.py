"""Test doubles: an in-memory keyring backend, and a loopback server that answers get_token like the API."""

from __future__ import annotations

import json
import re
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from app.core.signing import sign

TOKEN_OK = {"request_id": "x", "code": "0000", "msg": "ok", "data": {"token": "t"}, "charge": 2}
SIGN_REFUSED = {"request_id": "x", "code": "1000", "msg": "sign error", "charge": 2}


class MemoryKeyring(KeyringBackend):
    """A keyring backend in a dict, under KeyringSecretStore, so its tests never touch the real keychain (tests
    above the keychain use app.core.secrets.MemorySecretStore).

    Below the fail backend's priority: keyring's detection considers every subclass it knows, and
    must never pick this one (or chain it) on its own.
    """

    priority = -1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


# --- loopback servers ----------------------------------------------------------------------------


class FakeApi(ThreadingHTTPServer):
    """Answers any POST with a get_token envelope: 0000 when the sign matches (or no secret is set), else 1000.

    Also serves as an answering forward proxy: it records each request line, absolute-form included.
    """

    daemon_threads = True
    api_id = "test-id"
    secret: str | None = None
    scheme = "http"

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.request_lines: list[str] = []

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeApi

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.server.request_lines.append(self.requestline)
        form = {k.decode(): v.decode() for k, v in re.findall(rb'name="([^"]+)"\r\n\r\n([^\r]*)\r\n', body)}
        api_id = parse_qs(urlsplit(self.path).query).get("api_id", [""])[0]
        secret = self.server.secret
        good = secret is None or (api_id == self.server.api_id
                                  and form.get("sign") == sign(api_id, secret, form.get("timestamp", "")))
        payload = json.dumps(TOKEN_OK if good else SIGN_REFUSED).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def fake_api(secret: str | None = None, tls: ssl.SSLContext | None = None) -> Iterator[FakeApi]:
    server = FakeApi()
    server.secret = secret
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
        server.scheme = "https"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def files_containing(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]

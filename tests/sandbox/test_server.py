"""The HTTP layer: lifecycle, malformed requests, unexpected errors, TLS, the foreground command."""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from app.core.contract import Endpoint
from app.core.endpoints import spec
from app.core.signing import make_timestamp, sign
from app.sandbox.api import LruStore
from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET, Sandbox
from tests.sandbox.helpers import call

ROOT = Path(__file__).resolve().parents[2]


def signed_query_url(url: str, endpoint: Endpoint) -> str:
    return f"{url}{spec(endpoint).path}?sequence_id=s&api_id={SANDBOX_API_ID}"


def test_lifecycle() -> None:
    sandbox = Sandbox(delay_scale=0)
    with pytest.raises(RuntimeError):
        _ = sandbox.base_url
    with sandbox:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", sandbox.base_url)
        assert call(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"})["code"] == "0000"
    sandbox.stop()  # stopping twice is harmless


def test_a_urlencoded_body_is_1002(url: str) -> None:
    stamp = make_timestamp()
    form = {"detection_type": "liveness", "timestamp": stamp, "sign": sign(SANDBOX_API_ID, SANDBOX_API_SECRET, stamp)}
    response = requests.post(signed_query_url(url, Endpoint.TOKEN), data=form, timeout=5)
    assert response.json()["code"] == "1002"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [(b"--x\r\nno headers at all", "multipart/form-data; boundary=x"), (b"", "multipart/form-data"),
     (b"\x00\x01", "application/octet-stream"), (b"{}", "application/json")],
)
def test_a_malformed_body_is_1002(url: str, body: bytes, content_type: str) -> None:
    response = requests.post(signed_query_url(url, Endpoint.PARSE), data=body,
                             headers={"Content-Type": content_type}, timeout=5)
    assert response.json()["code"] == "1002"


def test_a_body_without_content_length_is_1002(url: str) -> None:
    chunked = requests.post(signed_query_url(url, Endpoint.PARSE), data=iter([b"--x\r\n", b"--x--\r\n"]),
                            headers={"Content-Type": "multipart/form-data; boundary=x"}, timeout=5)
    assert chunked.json()["code"] == "1002"
    assert chunked.headers["Connection"] == "close"


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_other_methods_and_paths_are_1012(url: str, method: str) -> None:
    for path in (spec(Endpoint.TOKEN).path, "/", "/_sandbox/nothing"):
        response = requests.request(method, url + path, timeout=5)
        assert response.json()["code"] == "1012"
        assert response.headers["X-LinkFace-Sandbox"] == "1"


def test_a_malformed_request_line_is_answered_not_crashed(sandbox: Sandbox) -> None:
    host, port = sandbox.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        raw.sendall(b"BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n")  # an unknown method
        answer = raw.recv(4096)
    assert answer.startswith(b"HTTP/1.1 501") and b"X-LinkFace-Sandbox: 1" in answer
    assert call(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"})["code"] == "0000"


def test_an_unexpected_error_is_9999(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(sandbox.api, "handle", explode)
    envelope = call(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"})
    assert (envelope["code"], envelope["msg"], envelope["charge"]) == ("9999", "其他错误", 2)


# --- TLS -----------------------------------------------------------------------------------------------


@pytest.fixture
def tls_files(tmp_path: Path) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sandbox")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - dt.timedelta(minutes=1))
            .not_valid_after(now + dt.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_https_when_given_an_ssl_context(tls_files: tuple[Path, Path]) -> None:
    cert, key = tls_files
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with Sandbox(ssl_context=context, delay_scale=0) as sandbox:
        assert sandbox.base_url.startswith("https://127.0.0.1:")
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(sandbox.sample_url(""), timeout=5)  # untrusted: the handshake fails, the server lives on
        response = requests.get(sandbox.sample_url(""), timeout=5, verify=str(cert))
        assert response.status_code == 200 and response.headers["X-LinkFace-Sandbox"] == "1"


# --- the foreground command ------------------------------------------------------------------------


def test_serve_forever_runs_until_interrupted() -> None:
    code = "from app.sandbox.server import serve_forever; serve_forever(port=0)"
    # Ctrl-C as at a terminal, even when these tests run in a background job (which ignores SIGINT)
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        base_url = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert base_url, line
        assert call(base_url.group(), Endpoint.TOKEN, {"detection_type": "liveness"})["code"] == "0000"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        process.kill()
        process.wait()


def _non_loopback_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent; this only picks the outgoing interface
        except OSError:
            return None
        address: str = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_fault_control_refuses_other_computers() -> None:
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address")
    with Sandbox(host="0.0.0.0", delay_scale=0) as sandbox:
        port = sandbox.base_url.rsplit(":", 1)[1]
        answer = requests.post(f"http://{address}:{port}/_sandbox/fault", json={"code": "1009"}, timeout=5)
        assert answer.status_code == 403 and sandbox.pending_faults() == 0
        assert requests.delete(f"http://{address}:{port}/_sandbox/fault", timeout=5).status_code == 403


def test_the_default_delay_scale_simulates_processing_time() -> None:
    with Sandbox() as sandbox:
        started = time.monotonic()
        call(sandbox.base_url, Endpoint.TOKEN, {"detection_type": "liveness"})
        assert time.monotonic() - started >= 0.05


def test_stored_ids_are_bounded() -> None:
    store: LruStore[int] = LruStore(capacity=2)
    store.put("a", 1)
    store.put("b", 2)
    assert store.get("a") == 1  # now the most recently used
    store.put("c", 3)
    assert (store.get("a"), store.get("b"), store.get("c")) == (1, None, 3)


def test_stored_ids_survive_a_restart_with_a_store_dir(tmp_path: Path, samples: dict[str, bytes]) -> None:
    """Each `linkface-desk call` starts its own sandbox; ids must carry over, as on the real service."""
    from app.core.client import LinkFaceClient
    from app.core.connection import Connection
    from app.core.contract import FileSource, StoredIdSource
    from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET

    capture = tmp_path / "c.lfs"
    capture.write_bytes(samples["zhang-san.lfs"])
    selfie = tmp_path / "s.jpg"
    selfie.write_bytes(samples["zhang-san-selfie.jpg"])
    with Sandbox(delay_scale=0, store_dir=tmp_path / "store") as first:
        client = LinkFaceClient(Connection(first.base_url, SANDBOX_API_ID, SANDBOX_API_SECRET))
        result = client.verify_selfie(FileSource(capture), FileSource(selfie))
    with Sandbox(delay_scale=0, store_dir=tmp_path / "store") as second:
        client = LinkFaceClient(Connection(second.base_url, SANDBOX_API_ID, SANDBOX_API_SECRET))
        again = client.verify_selfie(StoredIdSource(result.data.liveness_encrypt_data_id or ""),
                                     StoredIdSource(result.data.image_id or ""))
    assert again.data.face_score == result.data.face_score
    assert {p.parent.name for p in (tmp_path / "store").rglob("*") if p.is_file()} == {"captures", "images"}

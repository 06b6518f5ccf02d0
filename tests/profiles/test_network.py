"""A profile's TLS trust and proxy reach the wire: a private CA bundle and an explicit proxy, on loopback."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
import trustme

from app.core.client import LinkFaceClient
from app.core.errors import TransportError, TransportKind
from app.core.profiles import Profile
from app.runtime import profile_connection
from tests.profiles.helpers import fake_api


def token(profile: Profile) -> str:
    client = LinkFaceClient(profile_connection(profile, "s"))
    try:
        return client.get_token("liveness").data.token
    finally:
        client.close()


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    return context


def test_a_private_ca_needs_the_profiles_ca_bundle(ca: trustme.CA, tmp_path: Path) -> None:
    ca_file = tmp_path / "bank-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    with fake_api(tls=server_context(ca)) as api:
        plain = Profile("P", base_url=api.url, api_id="test-id", proxy="none")
        with pytest.raises(TransportError) as failed:
            token(plain)
        assert failed.value.kind is TransportKind.TLS

        trusted = Profile("P", base_url=api.url, api_id="test-id", proxy="none", ca_bundle=ca_file)
        assert token(trusted) == "t"


def test_an_explicit_proxy_carries_the_call_and_none_does_not() -> None:
    with fake_api() as proxy, fake_api() as api:
        # The target does not exist: only the proxy (which answers itself) can make this call succeed.
        via_proxy = Profile("P", base_url="http://127.0.0.1:9", api_id="test-id", proxy=proxy.url)
        assert token(via_proxy) == "t"
        [line] = proxy.request_lines
        assert line.startswith("POST http://127.0.0.1:9/v2/sdk/get_token?")

        direct = Profile("P", base_url=api.url, api_id="test-id", proxy="none")
        assert token(direct) == "t"
        assert len(proxy.request_lines) == 1 and len(api.request_lines) == 1

"""Talk to a running sandbox over real HTTP, the way the vendor's cURL samples do."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import requests

from app.core.contract import Endpoint
from app.core.endpoints import spec
from app.core.signing import make_timestamp, sign
from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET


def post(
    base_url: str,
    endpoint: Endpoint | str,
    fields: Mapping[str, str | bytes] | None = None,
    files: Mapping[str, bytes] | None = None,
    *,
    api_id: str = SANDBOX_API_ID,
    secret: str = SANDBOX_API_SECRET,
    timestamp: str | None = None,
    sequence_id: str | bytes | None = "test-sequence",
    signature: str | None = None,
    timeout: float = 10,
    headers: Mapping[str, str] | None = None,
) -> requests.Response:
    """One signed multipart POST; sequence_id and api_id in the query string, the rest multipart."""
    stamp = make_timestamp() if timestamp is None else timestamp
    parts: dict[str, Any] = {
        "timestamp": (None, stamp),
        "sign": (None, sign(api_id, secret, stamp) if signature is None else signature),
    }
    parts.update({name: (None, value) for name, value in (fields or {}).items()})
    parts.update({name: (f"{name}.bin", value, "application/octet-stream") for name, value in (files or {}).items()})
    query: dict[str, str | bytes] = {"api_id": api_id}
    if sequence_id is not None:
        query["sequence_id"] = sequence_id
    path = spec(endpoint).path if isinstance(endpoint, Endpoint) else endpoint
    return requests.post(base_url + path, params=query, files=parts, timeout=timeout, headers=headers)


def call(base_url: str, endpoint: Endpoint | str, fields: Mapping[str, str | bytes] | None = None,
         files: Mapping[str, bytes] | None = None, **kwargs: Any) -> dict[str, Any]:
    """post() and return the parsed envelope, after checking what every sandbox answer has."""
    response = post(base_url, endpoint, fields, files, **kwargs)
    assert response.headers["X-LinkFace-Sandbox"] == "1"
    envelope: dict[str, Any] = response.json()
    assert envelope["request_id"].startswith("SANDBOX-")
    assert ("data" in envelope) == (envelope["code"] == "0000")
    assert envelope["charge"] in (1, 2)
    return envelope

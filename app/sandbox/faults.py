"""Faults a test or a trainer can ask the sandbox to commit on the next API calls.

Each one imitates something a real deployment meets: a slow or failing gateway, a broken
body, an error code, or the document's own inconsistent spellings. One ``Fault`` may combine
several settings; ``delay`` always applies first, then the first of these that is set wins:
``http_status`` (an HTML error page, the call is not processed), ``code`` (that code in a
proper envelope, not processed), and otherwise the call is processed and its envelope is
altered by ``alt_fields``, ``numeric_code`` and ``wrong_type``, then ``body`` breaks the bytes.
"""

from __future__ import annotations

import http
import json
from dataclasses import dataclass, fields
from typing import Any, Literal

from app.core.contract import Endpoint
from app.core.endpoints import spec

BodyFault = Literal["truncated", "not_json"]
ENVELOPE_FIELDS = ("request_id", "code", "msg", "data", "charge")
MAX_DELAY_S = 60.0  # outlasts any client timeout; longer would only tie up the sandbox
JSON_TYPE = "application/json; charset=utf-8"



# The JSON types each setting accepts over the control endpoint (null is not accepted: leave it out).
_SETTING_TYPES: dict[str, tuple[type, ...]] = {
    "delay": (int, float), "http_status": (int,), "code": (str,), "numeric_code": (bool,),
    "alt_fields": (bool,), "wrong_type": (str,), "body": (str,),
}


def _wrong_type(name: str, value: Any) -> Any:
    """A value of the wrong JSON type for an envelope field, the way real servers get it wrong."""
    if name == "charge":
        return str(value)  # "1" instead of 1
    if name == "data":
        return json.dumps(value, ensure_ascii=False)  # double-encoded object
    if name == "code":
        return [value]
    return 0  # request_id or msg as a number


@dataclass(frozen=True)
class Fault:
    """What to do wrong on one call. Build it in Python, or from JSON via ``from_json``."""

    delay: float = 0.0  # seconds to wait before answering
    http_status: int | None = None  # answer this 4xx/5xx with an HTML page instead
    code: str | None = None  # answer this code (any 4 digits but 0000, known or not), charge 2
    numeric_code: bool = False  # send code as a JSON number: 0 instead of "0000"
    alt_fields: bool = False  # the document's alternate data field names
    wrong_type: str | None = None  # an envelope field to send with a wrong JSON type
    body: BodyFault | None = None  # cut the JSON in half, or send a plain-text body

    def __post_init__(self) -> None:
        if not 0 <= self.delay <= MAX_DELAY_S:
            raise ValueError(f"delay must be 0 to {MAX_DELAY_S:.0f} seconds")
        if self.http_status is not None and not 400 <= self.http_status <= 599:
            raise ValueError("http_status must be 400 to 599")
        if self.code is not None and (len(self.code) != 4 or not self.code.isdigit() or self.code == "0000"):
            raise ValueError("code must be 4 digits other than 0000")
        if self.wrong_type is not None and self.wrong_type not in ENVELOPE_FIELDS:
            raise ValueError(f"wrong_type must be one of {', '.join(ENVELOPE_FIELDS)}")
        if self.body not in (None, "truncated", "not_json"):
            raise ValueError("body must be 'truncated' or 'not_json'")
        if all(getattr(self, f.name) == f.default for f in fields(self)):
            raise ValueError("the fault changes nothing")

    @classmethod
    def from_json(cls, payload: Any) -> Fault:
        """Read the control endpoint's JSON object (same names as the fields); ValueError if wrong."""
        if not isinstance(payload, dict):
            raise ValueError("the fault must be a JSON object")
        unknown = set(payload) - set(_SETTING_TYPES)
        if unknown:
            raise ValueError(f"unknown fault settings: {', '.join(sorted(unknown))}")
        for name, value in payload.items():
            expected = _SETTING_TYPES[name]
            bad_bool = isinstance(value, bool) and bool not in expected
            if bad_bool or not isinstance(value, expected):
                raise ValueError(f"fault setting {name!r} has the wrong type")
        return cls(**payload)

    def alter(self, envelope: dict[str, Any], endpoint: Endpoint) -> dict[str, Any]:
        """The envelope as this fault sends it."""
        altered = dict(envelope)
        data = altered.get("data")
        if self.alt_fields and isinstance(data, dict):
            names = spec(endpoint).aliases  # the document's own spellings (API-NOTES.md)
            altered["data"] = {names.get(key, key): value for key, value in data.items()}
        if self.numeric_code:
            altered["code"] = int(altered["code"])
        if self.wrong_type is not None:
            altered[self.wrong_type] = _wrong_type(self.wrong_type, altered.get(self.wrong_type))
        return altered

    def break_body(self, body: bytes) -> tuple[bytes, str]:
        """The bytes and content type actually sent for a JSON body."""
        if self.body == "truncated":
            return body[: len(body) // 2], JSON_TYPE
        if self.body == "not_json":
            return b"upstream connect error or disconnect/reset before headers", "text/plain; charset=utf-8"
        return body, JSON_TYPE


def error_page(status: int) -> bytes:
    """The HTML a gateway sends instead of the API's JSON."""
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    title = f"{status} {phrase}"
    return (f"<html><head><title>{title}</title></head><body><center><h1>{title}</h1></center>"
            "<hr><center>nginx</center></body></html>").encode()

"""The contract's vocabulary: sources, request inputs and typed results, as in API-NOTES.md.

Inputs are typed so that an ambiguous request cannot be built: a liveness (or selfie) source is
exactly one of a file, a URL or an id the server returned earlier. Results carry the canonical
field names; only the aliases the endpoint registry (app.core.endpoints) lists are accepted on the
way in. Which endpoint uses which of these, and everything else about it, is declared there once.
"""

from __future__ import annotations

import math
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Generic, TypeVar

from app.core.errors import Billing, ProtocolError


class Endpoint(str, Enum):
    """The calls; the value is the short name the CLI and history use. Each is declared in app.core.endpoints."""

    TOKEN = "token"
    ID_NUMBER = "idnumber"
    HACK = "hack"
    SELFIE = "selfie"
    PARSE = "parse"


DEFAULT_BASE_URL = "https://cloudapi.linkface.cn"
DETECTION_TYPES: tuple[str, ...] = ("liveness", "idcard_ocr", "bankcard_ocr")
SUCCESS = "0000"
CHARGED, NOT_CHARGED = 1, 2
LIVENESS_FILE_MAX_BYTES = 10 * 1024 * 1024
SELFIE_MAX_BYTES = 5 * 1024 * 1024
TOKEN_VALIDITY_SECONDS = 5 * 60


# --- sources -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileSource:
    """A local file, streamed from disk as a multipart file part."""

    path: Path


@dataclass(frozen=True)
class UrlSource:
    """An http(s) address the server fetches itself."""

    url: str


@dataclass(frozen=True)
class StoredIdSource:
    """An id the server returned earlier (liveness_encrypt_data_id or image_id): no upload."""

    id: str


Source = FileSource | UrlSource | StoredIdSource


@dataclass(frozen=True)
class SourceFields:
    """The multipart field names one kind of source travels under."""

    file: str
    url: str
    stored_id: str

    def name_for(self, source: Source) -> str:
        if isinstance(source, FileSource):
            return self.file
        if isinstance(source, UrlSource):
            return self.url
        return self.stored_id


LIVENESS_FIELDS = SourceFields("liveness_encrypt_data", "liveness_encrypt_data_url", "liveness_encrypt_data_id")
SELFIE_FIELDS = SourceFields("selfie_file", "selfie_url", "selfie_image_id")


class SourceKind(str, Enum):
    """What a file source holds, which decides how it is checked and labelled."""

    LIVENESS = "liveness"  # the SDK's encrypted capture: opaque bytes, sent as application/octet-stream
    IMAGE = "image"  # a photo (JPG, PNG, BMP, GIF, TIFF): decoded fully before the call is billed


@dataclass(frozen=True)
class SourceSpec:
    """One source of an endpoint: the request attribute (also the CLI's flag prefix), its field names
    and its limits."""

    attribute: str  # liveness, selfie: --liveness-file, --selfie-url, ...
    kind: SourceKind
    fields: SourceFields
    max_bytes: int


LIVENESS_SOURCE = SourceSpec("liveness", SourceKind.LIVENESS, LIVENESS_FIELDS, LIVENESS_FILE_MAX_BYTES)
SELFIE_SOURCE = SourceSpec("selfie", SourceKind.IMAGE, SELFIE_FIELDS, SELFIE_MAX_BYTES)


class FieldKind(str, Enum):
    """What a form field holds, which decides its check, its CLI flag and whether it is personal data."""

    NAME = "name"  # a person's name: personal data, masked after the decision
    ID_NUMBER = "id_number"  # a resident ID number: personal data, masked after the decision
    FLAG = "flag"  # true or false
    DETECTION_TYPE = "detection_type"  # one of the profile's detection types

    @property
    def personal(self) -> bool:
        return self in (FieldKind.NAME, FieldKind.ID_NUMBER)


@dataclass(frozen=True)
class FormField:
    """One form field of an endpoint: the API's name and the request attribute that holds it (also the
    CLI flag: --auto-hack)."""

    name: str
    attribute: str
    kind: FieldKind


# --- requests ------------------------------------------------------------------------------------
# Plain data: the registry says which field each attribute travels as.


@dataclass(frozen=True)
class TokenRequest:
    detection_type: str
    endpoint = Endpoint.TOKEN


@dataclass(frozen=True)
class IdNumberRequest:
    name: str
    id_number: str
    liveness: Source
    auto_hack: bool = False
    endpoint = Endpoint.ID_NUMBER


@dataclass(frozen=True)
class HackRequest:
    liveness: Source
    endpoint = Endpoint.HACK


@dataclass(frozen=True)
class SelfieRequest:
    liveness: Source
    selfie: Source
    auto_rotate: bool = False
    auto_hack: bool = False
    endpoint = Endpoint.SELFIE


@dataclass(frozen=True)
class ParseRequest:
    liveness: Source
    endpoint = Endpoint.PARSE


Request = TokenRequest | IdNumberRequest | HackRequest | SelfieRequest | ParseRequest


# --- results -------------------------------------------------------------------------------------


def _short_repr() -> reprlib.Repr:
    short = reprlib.Repr()  # keyword arguments only from Python 3.12
    short.maxlevel, short.maxstring, short.maxother, short.maxlist, short.maxdict, short.maxlong = 2, 40, 40, 4, 4, 40
    return short


_SHORT = _short_repr()
UNIT_SCORE_TOP, CERTIFICATE_SCORE_TOP = 1.0, 100.0  # face and hack scores are 0–1; certificate_score 0–100


class _Fields:
    """Typed reads from a JSON object, each failure a ProtocolError naming the field."""

    def __init__(self, data: dict[str, Any], aliases: Mapping[str, str] | None = None) -> None:
        self._data = data
        self._aliases = aliases or {}

    def _raw(self, name: str) -> Any:
        if name in self._data:
            return self._data[name]
        alias = self._aliases.get(name)
        return self._data.get(alias) if alias else None

    def _fail(self, name: str, expected: str, value: Any) -> ProtocolError:
        # reprlib: bounded in length and depth, whatever the server nested or how long it made it.
        return ProtocolError(f"field '{name}' should be {expected}, got {type(value).__name__} {_SHORT.repr(value)}")

    def opt_str(self, name: str) -> str | None:
        value = self._raw(name)
        if value is None or isinstance(value, str):
            return value
        raise self._fail(name, "a string", value)

    def req_str(self, name: str) -> str:
        value = self.opt_str(name)
        if value is None:
            raise ProtocolError(f"field '{name}' is missing")
        return value

    def opt_int(self, name: str) -> int | None:
        value = self._raw(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(name, "an integer", value)
        return value

    def req_int(self, name: str) -> int:
        value = self.opt_int(name)
        if value is None:
            raise ProtocolError(f"field '{name}' is missing")
        return value

    def opt_score(self, name: str, top: float) -> float | None:
        """A score the document bounds to [0, top]: anything else (NaN, 1e999, a huge integer, 1.5 on a
        0–1 scale) is the server's fault, never a reading such as "same person"."""
        value = self._raw(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self._fail(name, "a number", value)
        try:
            number = float(value)
        except OverflowError:  # an integer too large for a float
            raise self._fail(name, f"a number from 0 to {top:g}", value) from None
        if not math.isfinite(number) or not 0 <= number <= top:
            raise self._fail(name, f"a number from 0 to {top:g}", value)
        return number

    def req_score(self, name: str, top: float) -> float:
        value = self.opt_score(name, top)
        if value is None:
            raise ProtocolError(f"field '{name}' is missing")
        return value

    def req_bool(self, name: str) -> bool:
        value = self._raw(name)
        if not isinstance(value, bool):
            raise self._fail(name, "true or false", value)
        return value

    def int_list(self, name: str) -> tuple[int, ...]:
        value = self._raw(name)
        if value is None:
            return ()
        if not isinstance(value, list) or any(isinstance(v, bool) or not isinstance(v, int) for v in value):
            raise self._fail(name, "a list of integers", value)
        return tuple(value)


@dataclass(frozen=True)
class TokenData:
    token: str

    @classmethod
    def from_json(cls, data: dict[str, Any], aliases: Mapping[str, str] | None = None) -> TokenData:
        return cls(token=_Fields(data, aliases).req_str("token"))


@dataclass(frozen=True)
class IdNumberData:
    check_result: int
    id_name_result: int | None = None
    photo_result: int | None = None
    certificate_score: float | None = None
    hack_score: float | None = None
    liveness_encrypt_data_id: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any], aliases: Mapping[str, str] | None = None) -> IdNumberData:
        f = _Fields(data, aliases)
        return cls(
            check_result=f.req_int("check_result"),
            id_name_result=f.opt_int("id_name_result"),
            photo_result=f.opt_int("photo_result"),
            certificate_score=f.opt_score("certificate_score", CERTIFICATE_SCORE_TOP),
            hack_score=f.opt_score("hack_score", UNIT_SCORE_TOP),
            liveness_encrypt_data_id=f.opt_str("liveness_encrypt_data_id"),
        )


@dataclass(frozen=True)
class HackData:
    hack_score: float
    liveness_encrypt_data_id: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any], aliases: Mapping[str, str] | None = None) -> HackData:
        f = _Fields(data, aliases)
        return cls(hack_score=f.req_score("hack_score", UNIT_SCORE_TOP),
                   liveness_encrypt_data_id=f.opt_str("liveness_encrypt_data_id"))


@dataclass(frozen=True)
class SelfieData:
    face_score: float
    hack_score: float | None = None
    liveness_encrypt_data_id: str | None = None
    image_id: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any], aliases: Mapping[str, str] | None = None) -> SelfieData:
        f = _Fields(data, aliases)
        return cls(
            face_score=f.req_score("face_score", UNIT_SCORE_TOP),
            hack_score=f.opt_score("hack_score", UNIT_SCORE_TOP),
            liveness_encrypt_data_id=f.opt_str("liveness_encrypt_data_id"),
            image_id=f.opt_str("image_id"),
        )


@dataclass(frozen=True)
class ParseData:
    liveness_result: bool
    motion_process: tuple[int, ...] = ()
    image_id: str | None = None
    video_id: str | None = None
    liveness_encrypt_data_id: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any], aliases: Mapping[str, str] | None = None) -> ParseData:
        f = _Fields(data, aliases)
        return cls(
            liveness_result=f.req_bool("liveness_result"),
            motion_process=f.int_list("motion_process"),
            image_id=f.opt_str("image_id"),
            video_id=f.opt_str("video_id"),
            liveness_encrypt_data_id=f.opt_str("liveness_encrypt_data_id"),
        )


ResultData = TokenData | IdNumberData | HackData | SelfieData | ParseData

D = TypeVar("D", TokenData, IdNumberData, HackData, SelfieData, ParseData)


@dataclass(frozen=True)
class Envelope:
    """The fields every response carries, read strictly."""

    request_id: str
    code: str
    msg: str | None
    charge: int
    data: dict[str, Any] | None

    @property
    def billed(self) -> bool:
        return self.charge == CHARGED

    @property
    def billing(self) -> Billing:
        return Billing.from_charge(self.charge)


def normalize_code(value: Any) -> str:
    """A numeric code is read as its 4-digit string (the document's examples vary)."""
    if isinstance(value, bool):
        raise ProtocolError(f"field 'code' should be a string, got bool {value!r}")
    if isinstance(value, int):
        if not 0 <= value <= 9999:
            raise ProtocolError(f"field 'code' is out of range: {value}")
        return f"{value:04d}"
    if isinstance(value, str) and value:
        return value
    raise ProtocolError(f"field 'code' should be a non-empty string, got {type(value).__name__} {_SHORT.repr(value)}")


def parse_envelope(payload: Any) -> Envelope:
    """Check the envelope's fields and types; raise ProtocolError (raw body added by the caller)."""
    if not isinstance(payload, dict):
        raise ProtocolError(f"the response is JSON but not an object ({type(payload).__name__})")
    f = _Fields(payload)
    code = normalize_code(payload.get("code"))
    charge = f.req_int("charge")
    if charge not in (CHARGED, NOT_CHARGED):
        raise ProtocolError(f"field 'charge' should be 1 or 2, got {charge}")
    data = payload.get("data")
    if data is not None and not isinstance(data, dict):
        raise ProtocolError(f"field 'data' should be an object, got {type(data).__name__}")
    if code == SUCCESS and data is None:
        raise ProtocolError("code is 0000 but 'data' is missing")
    return Envelope(request_id=f.req_str("request_id"), code=code, msg=f.opt_str("msg"), charge=charge, data=data)


@dataclass(frozen=True)
class CallResult(Generic[D]):
    """A successful call: the typed data plus what support needs to find it again."""

    endpoint: Endpoint
    data: D
    request_id: str
    sequence_id: str
    charge: int
    msg: str | None = None
    raw: str = field(default="", repr=False)
    duration_s: float = 0.0

    @property
    def billed(self) -> bool:
        return self.charge == CHARGED

    @property
    def billing(self) -> Billing:
        return Billing.from_charge(self.charge)

"""The five endpoints' rules, apart from HTTP: checks in the documented order, then the work.

Order of checks (the path was checked by the server): signature and timestamp (1000), UTF-8
(1001), required parameters and their values (1002), then each endpoint's own work. Stored
ids are content hashes, so the same upload always gets the same id.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from threading import Lock
from typing import Any, Generic, TypeVar, assert_never

import requests
import urllib3

from app.core.contract import (
    CHARGED,
    DETECTION_TYPES,
    LIVENESS_FIELDS,
    LIVENESS_FILE_MAX_BYTES,
    NOT_CHARGED,
    SELFIE_FIELDS,
    SELFIE_MAX_BYTES,
    SUCCESS,
    Endpoint,
    SourceFields,
)
from app.core.errors import InputRejected
from app.core.signing import parse_timestamp, sign
from app.core.validation import check_id_number, inspect_image_bytes
from app.sandbox.livefile import LivenessCapture, LivenessFileError, make_liveness_file, read_liveness_file
from app.sandbox.people import Person, find_person, photo_on_file
from app.sandbox.scoring import FaceReading, certificate_score, face_score, hack_score, read_face

# Public on purpose: the sandbox's only account, printed in the docs and the samples' README.
SANDBOX_API_ID = "sandbox"
SANDBOX_API_SECRET = "sandbox-secret-not-a-real-credential"

# The `msg` the vendor's document gives each code (protocol data: what the real service sends).
VENDOR_MESSAGES = {
    "0000": "调用成功", "1000": "验签失败", "1001": "参数非UTF-8编码", "1002": "请求参数错误", "1003": "加密文件错误",
    "1004": "未检测出人脸", "1005": "网络图片获取超时", "1006": "网络图片获取失败", "1007": "应用冻结",
    "1008": "应用过期", "1009": "调用频率过高", "1010": "免费次数用尽", "1011": "服务无权限", "1012": "请求路径错误",
    "1013": "图片体积过大", "1014": "图片不存在", "1015": "文件不是图片或已损坏", "1016": "图片大小或格式不符合要求",
    "1017": "数据源服务出错", "9999": "其他错误",
}
TIMESTAMP_TOLERANCE_S = 300
STORE_CAPACITY = 256
FILE_FIELDS = (LIVENESS_FIELDS.file, SELFIE_FIELDS.file)

T = TypeVar("T")


class Refusal(Exception):
    """Stop the call and answer this code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Outcome:
    code: str
    data: dict[str, Any] | None = None
    charge: int = NOT_CHARGED

    def envelope(self) -> dict[str, Any]:
        """The documented response object, with a fresh sandbox request id."""
        payload: dict[str, Any] = {
            "request_id": f"SANDBOX-{uuid.uuid4().hex}",
            "code": self.code,
            "msg": VENDOR_MESSAGES.get(self.code, f"未知错误码 {self.code}"),
        }
        if self.code == SUCCESS:
            payload["data"] = self.data
        payload["charge"] = self.charge
        return payload


@dataclass(frozen=True)
class ApiCall:
    """One request as raw bytes: the query string's fields and the multipart fields."""

    endpoint: Endpoint
    query: Mapping[str, bytes]
    parts: Mapping[str, bytes]


class LruStore(Generic[T]):
    """A bounded, thread-safe map from id to value; the oldest entry goes first.

    With a ``directory`` (and a codec), entries are also kept on disk, so stored ids survive from one
    `linkface-desk call` process to the next, as they would on the real service. Captures hold faces:
    the folder is 0700 and each file 0600, whatever the umask.
    """

    def __init__(self, capacity: int = STORE_CAPACITY, directory: Path | None = None,
                 codec: tuple[Callable[[T], bytes], Callable[[bytes], T]] | None = None) -> None:
        self._items: OrderedDict[str, T] = OrderedDict()
        self._capacity = capacity
        self._lock = Lock()
        self._directory = directory if codec is not None else None
        self._codec = codec

    def put(self, key: str, value: T) -> str:
        with self._lock:
            self._remember(key, value)
            if self._directory is not None and self._codec is not None:
                self._directory.mkdir(parents=True, exist_ok=True)
                self._directory.chmod(0o700)
                _write_private(self._directory / key, self._codec[0](value))
                on_disk = sorted(self._directory.iterdir(), key=lambda p: p.stat().st_mtime)
                for old in on_disk[: max(0, len(on_disk) - self._capacity)]:
                    old.unlink(missing_ok=True)
        return key

    def get(self, key: str) -> T | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            elif self._directory is not None and self._codec is not None and _STORED_ID.fullmatch(key):
                try:
                    value = self._codec[1]((self._directory / key).read_bytes())
                except (OSError, ValueError):
                    return None
                self._remember(key, value)
            return value

    def _remember(self, key: str, value: T) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self._capacity:
            self._items.popitem(last=False)


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` readable by the user only; chmod as well, as the umask may take bits from 0600."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with open(descriptor, "wb") as file:
        os.chmod(path, 0o600)  # also a file left by an older version with the umask's mode
        file.write(data)


_STORED_ID = re.compile(r"[0-9a-f]{32}")
_CAPTURE_CODEC: tuple[Callable[[LivenessCapture], bytes], Callable[[bytes], LivenessCapture]] = (
    lambda c: make_liveness_file(c.face, c.motions, c.passed, c.presentation), read_liveness_file)
_FACE_CODEC: tuple[Callable[[FaceReading], bytes], Callable[[bytes], FaceReading]] = (
    lambda f: json.dumps({"hash": f.hash, "usable": f.usable}).encode(),
    lambda b: FaceReading(**json.loads(b)))


def content_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def fetch(url: str, limit: int, timeout: float) -> bytes:
    """GET a source the caller named (at most limit + 1 bytes, so "too large" stays visible)."""
    try:
        with requests.Session() as session:
            session.trust_env = False  # no proxy from the environment: loopback samples must work
            with session.get(url, timeout=timeout, stream=True) as response:
                response.raise_for_status()
                data: bytes = response.raw.read(limit + 1, decode_content=True)
                return data
    except (requests.Timeout, urllib3.exceptions.TimeoutError):
        raise Refusal("1005") from None
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError, ValueError):
        raise Refusal("1006") from None


@cache
def _photo_reading(person: Person) -> FaceReading | None:
    photo = photo_on_file(person)
    return None if photo is None else read_face(photo)


def id_trail(name: str, id_number: str, face: FaceReading) -> dict[str, Any]:
    """The ID call's decision trail; each step's field only when the step before it passed."""
    if not face.usable:
        return {"check_result": 2}
    person = find_person(id_number)
    if person is None:
        return {"check_result": 1, "id_name_result": 3}
    if name != person.name:
        return {"check_result": 1, "id_name_result": 2}
    photo = _photo_reading(person)
    if photo is None:
        return {"check_result": 1, "id_name_result": 1, "photo_result": 2}
    if not photo.usable:
        return {"check_result": 1, "id_name_result": 1, "photo_result": 3}
    return {"check_result": 1, "id_name_result": 1, "photo_result": 1,
            "certificate_score": certificate_score(face, photo)}


def _form_and_files(call: ApiCall) -> tuple[dict[str, str], dict[str, bytes]]:
    """The text fields (1001 if one is not UTF-8) and the uploads; 1002 without a sequence_id."""
    try:
        for value in call.query.values():
            value.decode("utf-8")
        form = {name: value.decode("utf-8") for name, value in call.parts.items() if name not in FILE_FIELDS}
    except UnicodeDecodeError:
        raise Refusal("1001") from None
    if not call.query.get("sequence_id", b"").strip():
        raise Refusal("1002")
    return form, {name: call.parts[name] for name in FILE_FIELDS if name in call.parts}


def _text(raw: bytes | None) -> str:
    """Lenient decoding for the signature check, which runs before the UTF-8 check."""
    return "" if raw is None else raw.decode("utf-8", "replace")


def _required(form: Mapping[str, str], name: str) -> str:
    value = form.get(name, "").strip()
    if not value:
        raise Refusal("1002")
    return value


def _flag(form: Mapping[str, str], name: str) -> bool:
    value = form.get(name, "false")
    if value not in ("true", "false"):
        raise Refusal("1002")
    return value == "true"


def _require_source(form: Mapping[str, str], files: Mapping[str, bytes], fields: SourceFields) -> None:
    if fields.file not in files and not form.get(fields.url) and not form.get(fields.stored_id):
        raise Refusal("1002")


def _face_of(capture: LivenessCapture) -> FaceReading:
    face = read_face(capture.face)
    if face is None:  # read_liveness_file has decoded it once already
        raise Refusal("1003")
    return face


def _usable(face: FaceReading) -> FaceReading:
    """Selfie and hack calls: a face the detector cannot find is 1004."""
    if not face.usable:
        raise Refusal("1004")
    return face


class SandboxApi:
    """The sandbox's behaviour behind the HTTP layer; holds the stored uploads."""

    def __init__(self, fetch_timeout: float = 5.0, clock: Callable[[], float] = time.time,
                 accounts: Mapping[str, str] | None = None, store_dir: Path | None = None) -> None:
        self._accounts = dict(accounts or {SANDBOX_API_ID: SANDBOX_API_SECRET})
        self._fetch_timeout = fetch_timeout
        self._clock = clock
        self._captures = LruStore(directory=store_dir and store_dir / "captures", codec=_CAPTURE_CODEC)
        self._images = LruStore(directory=store_dir and store_dir / "images", codec=_FACE_CODEC)

    def _handler(self, endpoint: Endpoint) -> Callable[[dict[str, str], dict[str, bytes]], Outcome]:
        return self._work(endpoint)[0]

    def _work(self, endpoint: Endpoint) -> tuple[Callable[[dict[str, str], dict[str, bytes]], Outcome], float]:
        """Each endpoint's handler, and the processing time it simulates (times the server's delay_scale)."""
        match endpoint:
            case Endpoint.TOKEN:
                return self._token, 0.05
            case Endpoint.ID_NUMBER:
                return self._id_number, 0.4
            case Endpoint.HACK:
                return self._hack, 0.2
            case Endpoint.SELFIE:
                return self._selfie, 0.3
            case Endpoint.PARSE:
                return self._parse, 0.1
            case _:
                assert_never(endpoint)

    def latency_s(self, endpoint: Endpoint) -> float:
        return self._work(endpoint)[1]

    def handle(self, call: ApiCall) -> Outcome:
        try:
            self._check_signature(call)
            form, files = _form_and_files(call)
            return self._handler(call.endpoint)(form, files)
        except Refusal as refusal:
            return Outcome(refusal.code)

    def _check_signature(self, call: ApiCall) -> None:
        api_id = _text(call.query.get("api_id"))
        timestamp = _text(call.parts.get("timestamp"))
        given = _text(call.parts.get("sign")).encode()
        secret = self._accounts.get(api_id)
        # isascii: str.isdigit() also accepts digits such as '²' that int() refuses.
        moment = parse_timestamp(timestamp) if timestamp.isascii() else None
        if (secret is None or moment is None or abs(self._clock() - moment) > TIMESTAMP_TOLERANCE_S
                or not hmac.compare_digest(given, sign(api_id, secret, timestamp).encode())):
            raise Refusal("1000")

    # --- sources ---------------------------------------------------------------------------------

    def _upload(self, form: dict[str, str], files: dict[str, bytes], fields: SourceFields, limit: int,
                too_large: str) -> bytes:
        """The uploaded file, else the URL's content (file before URL, as documented)."""
        data = files.get(fields.file)
        if data is None:
            data = fetch(form[fields.url], limit, self._fetch_timeout)
        if len(data) > limit:
            raise Refusal(too_large)
        return data

    def _capture(self, form: dict[str, str], files: dict[str, bytes]) -> tuple[str, LivenessCapture]:
        """The liveness source, stored id first. Call it after the other parameter checks."""
        _require_source(form, files, LIVENESS_FIELDS)
        stored_id = form.get(LIVENESS_FIELDS.stored_id)
        if stored_id:
            capture = self._captures.get(stored_id)
            if capture is None:
                raise Refusal("1002")  # the document names no code for an unknown liveness id
            return stored_id, capture
        data = self._upload(form, files, LIVENESS_FIELDS, LIVENESS_FILE_MAX_BYTES, "1002")
        try:
            capture = read_liveness_file(data)
        except LivenessFileError:
            raise Refusal("1003") from None
        return self._captures.put(content_id(data), capture), capture

    def _selfie_face(self, form: dict[str, str], files: dict[str, bytes]) -> tuple[str, FaceReading]:
        """The selfie source, image id first."""
        image_id = form.get(SELFIE_FIELDS.stored_id)
        if image_id:
            face = self._images.get(image_id)
            if face is None:
                raise Refusal("1014")
            return image_id, face
        data = self._upload(form, files, SELFIE_FIELDS, SELFIE_MAX_BYTES, "1013")
        try:
            inspect_image_bytes(data)
        except InputRejected as rejected:
            raise Refusal("1015" if rejected.rule == "image_content" else "1016") from None
        face = read_face(data)
        if face is None:  # the header was fine, the pixels are not
            raise Refusal("1015")
        return self._images.put(content_id(data), face), face

    # --- endpoints -------------------------------------------------------------------------------

    def _token(self, form: dict[str, str], files: dict[str, bytes]) -> Outcome:
        if form.get("detection_type") not in DETECTION_TYPES:
            raise Refusal("1002")
        # Never billed: the document's only success example says charge 2.
        return Outcome(SUCCESS, {"token": f"sandbox-token-{secrets.token_hex(16)}"}, NOT_CHARGED)

    def _id_number(self, form: dict[str, str], files: dict[str, bytes]) -> Outcome:
        name = _required(form, "name")
        try:
            id_number = check_id_number(_required(form, "id_number"))
        except InputRejected:
            raise Refusal("1002") from None
        auto_hack = _flag(form, "auto_hack")
        liveness_id, capture = self._capture(form, files)
        face = _face_of(capture)
        data = id_trail(name, id_number, face)
        if auto_hack:
            data["hack_score"] = hack_score(capture.presentation, face)
        data["liveness_encrypt_data_id"] = liveness_id
        return Outcome(SUCCESS, data, CHARGED if data["check_result"] == 1 else NOT_CHARGED)

    def _hack(self, form: dict[str, str], files: dict[str, bytes]) -> Outcome:
        liveness_id, capture = self._capture(form, files)
        face = _usable(_face_of(capture))
        data = {"hack_score": hack_score(capture.presentation, face), "liveness_encrypt_data_id": liveness_id}
        return Outcome(SUCCESS, data, CHARGED)

    def _selfie(self, form: dict[str, str], files: dict[str, bytes]) -> Outcome:
        _flag(form, "selfie_auto_rotate")  # checked, no effect: the sandbox's faces are upright
        auto_hack = _flag(form, "selfie_auto_hack")
        _require_source(form, files, SELFIE_FIELDS)
        liveness_id, capture = self._capture(form, files)
        image_id, selfie = self._selfie_face(form, files)
        face = _usable(_face_of(capture))
        selfie = _usable(selfie)
        data: dict[str, Any] = {"face_score": face_score(face, selfie)}
        if auto_hack:
            data["hack_score"] = hack_score(capture.presentation, face)
        data.update(liveness_encrypt_data_id=liveness_id, image_id=image_id)
        return Outcome(SUCCESS, data, CHARGED)

    def _parse(self, form: dict[str, str], files: dict[str, bytes]) -> Outcome:
        liveness_id, capture = self._capture(form, files)
        face = _face_of(capture)
        data = {
            "liveness_result": capture.passed,
            "motion_process": list(capture.motions),
            "image_id": self._images.put(content_id(capture.face), face),
            "video_id": content_id(b"video:" + liveness_id.encode()),
            "liveness_encrypt_data_id": liveness_id,
        }
        return Outcome(SUCCESS, data, CHARGED)

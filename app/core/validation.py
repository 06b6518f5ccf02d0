"""Local checks that run before anything is sent or billed; each failure names the rule it broke.

Image checks read the file's content, never its extension, and decode the pixels: a damaged
selfie the vendor would refuse is refused here, before it is billed.
"""

from __future__ import annotations

import datetime as dt
import io
import ipaddress
import os
import re
import stat
import unicodedata
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, assert_never, cast
from urllib.parse import urlsplit

from app.core.contract import (
    DETECTION_TYPES,
    LIVENESS_SOURCE,
    SELFIE_MAX_BYTES,
    FieldKind,
    FileSource,
    FormField,
    Request,
    Source,
    SourceKind,
    SourceSpec,
    StoredIdSource,
    UrlSource,
)
from app.core.endpoints import spec
from app.core.errors import InputRejected

if TYPE_CHECKING:
    from PIL import Image

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
NAME_MAX_CHARS = 64
STORED_ID_MAX_CHARS = 256
URL_MAX_CHARS = 2048
SEQUENCE_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")

# Unicode categories a name never holds. Symbols: emoji, currency, maths, modifier and enclosing
# marks (keycaps), private-use, surrogates and unassigned code points (newer emoji).
NAME_SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Sm", "Sc", "Me", "Co", "Cs", "Cn"})
# Text/emoji presentation selectors (category Mn) only ever follow a symbol.
EMOJI_SELECTORS = frozenset({"\ufe0e", "\ufe0f"})
# Zero-width and bidi format characters, line/paragraph separators: invisible, and they can reorder text.
NAME_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zl", "Zp"})

IMAGE_MIN_SIDE_EXCLUSIVE = 8
IMAGE_MAX_SIDE = 4000
# Pillow's names for the formats the document accepts (MPO is a camera JPEG with extra frames).
ACCEPTED_IMAGE_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "BMP": "BMP", "GIF": "GIF", "TIFF": "TIFF"}


def id_check_char(first17: str) -> str:
    """GB 11643 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=False))
    return ID_CHECK_CHARS[total % 11]


def normalize_id_number(raw: str) -> str:
    """Strip spaces and read a lowercase x as X; does not check."""
    return re.sub(r"\s+", "", raw).upper()


def check_id_number(raw: str, today: dt.date | None = None) -> str:
    """Return the normalized 18-character resident ID number or raise InputRejected naming the rule."""
    value = normalize_id_number(raw)
    field = "id_number"
    if not value:
        raise InputRejected(field, "required")
    if len(value) != 18:
        raise InputRejected(field, "length", length=len(value))
    if not value[:17].isascii() or not value[:17].isdigit() or value[17] not in "0123456789X":
        raise InputRejected(field, "characters")
    try:
        birth = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        birth = None
    latest = today or dt.date.today()
    if birth is None or birth.year < 1900 or birth > latest:
        raise InputRejected(field, "birth_date", digits=value[6:14])
    expected = id_check_char(value[:17])
    if value[17] != expected:
        raise InputRejected(field, "check_digit", expected=expected)
    return value


def _code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def check_name(raw: str) -> str:
    """Return the trimmed name; refuse what no ID card holds (emoji, invisible or control characters, no letter)."""
    value = raw.strip()
    if not value:
        raise InputRejected("name", "required")
    if len(value) > NAME_MAX_CHARS:
        raise InputRejected("name", "length", limit=NAME_MAX_CHARS)
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise InputRejected("name", "characters")
    symbol = next((c for c in value if unicodedata.category(c) in NAME_SYMBOL_CATEGORIES or c in EMOJI_SELECTORS),
                  None)
    if symbol is not None:
        raise InputRejected("name", "symbols", code_point=_code_point(symbol))
    invisible = next((c for c in value if unicodedata.category(c) in NAME_INVISIBLE_CATEGORIES), None)
    if invisible is not None:
        raise InputRejected("name", "invisible_characters", code_point=_code_point(invisible))
    if not any(unicodedata.category(c).startswith("L") for c in value):
        raise InputRejected("name", "letters_required")
    return value


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> str:
    """https only, except plain http to a loopback address (the sandbox); never with credentials."""
    parts = urlsplit(base_url.strip())
    if parts.username is not None or parts.password is not None:
        raise InputRejected("base_url", "url_credentials")
    if parts.scheme == "https" and parts.hostname:
        return base_url.strip().rstrip("/")
    if parts.scheme == "http" and parts.hostname and is_loopback_host(parts.hostname):
        return base_url.strip().rstrip("/")
    raise InputRejected("base_url", "https_required")


def check_sequence_id(value: str) -> str:
    """Return the trimmed caller-given sequence_id; it travels in the query string and names the call in history."""
    stripped = value.strip()
    if not SEQUENCE_ID_PATTERN.fullmatch(stripped):
        raise InputRejected("sequence_id", "sequence_id_format")
    return stripped


def check_detection_type(value: str, allowed: tuple[str, ...] = DETECTION_TYPES) -> str:
    if value not in allowed:
        raise InputRejected("detection_type", "allowed_values", allowed=allowed)
    return value


def check_url(field: str, url: str) -> str:
    value = url.strip()
    try:
        parts = urlsplit(value)
    except ValueError:  # an unbalanced [ or ] in the host, or a character that normalizes to a delimiter
        raise InputRejected(field, "url_format", variant="unreadable") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputRejected(field, "url_scheme")
    if "@" in parts.netloc:  # the password would reach the vendor and stay in history
        raise InputRejected(field, "url_credentials")
    if len(value) > URL_MAX_CHARS or any(c.isspace() for c in value):
        raise InputRejected(field, "url_format")
    return value


def check_stored_id(field: str, value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise InputRejected(field, "required")
    if len(stripped) > STORED_ID_MAX_CHARS or not stripped.isprintable() or " " in stripped:
        raise InputRejected(field, "id_format")
    return stripped


def _unreadable(field: str, name: str, exc: OSError) -> InputRejected:
    if isinstance(exc, PermissionError):
        return InputRejected(field, "readable", variant="permission", file=name)
    return InputRejected(field, "readable", file=name, reason=exc.strerror or str(exc))


def _check_kind(field: str, name: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputRejected(field, "is_folder", file=name)
    if not stat.S_ISREG(mode):
        raise InputRejected(field, "not_regular", file=name)


def _check_size(field: str, size: int, max_bytes: int) -> int:
    """The size limit is named in MB and in bytes, and so is the file's size: "10 MB (10,485,760 bytes);
    this file is 10,485,761 bytes"."""
    if size == 0:
        raise InputRejected(field, "non_empty")
    if size > max_bytes:
        in_mb = "" if max_bytes % 1048576 == 0 else "bytes"  # the real limits are whole megabytes
        raise InputRejected(field, "max_size", in_mb, limit_mb=max_bytes // 1048576, limit_bytes=max_bytes, size=size)
    return size


def check_regular_file(field: str, path: Path) -> int:
    """Return the size of a readable regular file; refuse a missing file, folder, pipe, device or unreadable file.

    It really opens the file (non-blocking, so a pipe swapped in cannot hang) and closes it: a file
    without read permission is refused here, not when the request is half sent.
    """
    name = path.name or str(path)
    try:
        _check_kind(field, name, path.stat().st_mode)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (FileNotFoundError, NotADirectoryError):
        raise InputRejected(field, "exists", file=name) from None
    except OSError as exc:
        raise _unreadable(field, name, exc) from None
    try:
        opened = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    _check_kind(field, name, opened.st_mode)
    return opened.st_size


def check_open_file(handle: BinaryIO, field: str, name: str, max_bytes: int) -> int:
    """Return the size of the file behind an open handle, checked right before it is streamed.

    The file may have been swapped, emptied or grown since check_request; what counts is the handle sent.
    """
    descriptor = handle.fileno()
    try:
        info = os.fstat(descriptor)
    except OSError as exc:
        raise _unreadable(field, name, exc) from None
    _check_kind(field, name, info.st_mode)
    return _check_size(field, info.st_size, max_bytes)


@dataclass(frozen=True)
class ImageInfo:
    format: str  # JPEG, PNG, BMP, GIF or TIFF
    width: int
    height: int


def _bomb(field: str) -> InputRejected:
    return InputRejected(field, "decompression_bomb")


def _accepted_info(image: Image.Image, field: str) -> ImageInfo:
    pillow_format, (width, height) = image.format or "", image.size
    if pillow_format not in ACCEPTED_IMAGE_FORMATS:
        raise InputRejected(field, "image_format", format=pillow_format)
    for side, dimension in ((width, "width"), (height, "height")):
        if not IMAGE_MIN_SIDE_EXCLUSIVE < side <= IMAGE_MAX_SIDE:
            raise InputRejected(field, "image_pixels", variant=dimension, pixels=side,
                                low=IMAGE_MIN_SIDE_EXCLUSIVE + 1, high=IMAGE_MAX_SIDE)
    return ImageInfo(ACCEPTED_IMAGE_FORMATS[pillow_format], width, height)


def _read_image(stream: BinaryIO, field: str, decode: bool) -> ImageInfo:
    from PIL import Image, UnidentifiedImageError  # on first use: the window's start does not wait for Pillow

    # Pillow only warns between 1x and 2x its pixel limit; for this call that is an error too.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(stream)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _bomb(field) from None
        except (UnidentifiedImageError, OSError, ValueError):
            raise InputRejected(field, "image_content") from None
        with image:
            info = _accepted_info(image, field)
            if decode:
                try:
                    image.load()
                except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                    raise _bomb(field) from None
                except Exception as exc:  # noqa: BLE001 -- Pillow's decoders raise many types for damaged data
                    reason = (str(exc) or type(exc).__name__)[:120]
                    raise InputRejected(field, "image_damaged", reason=reason) from None
    return info


def image_header(stream: BinaryIO, field: str = "selfie_file") -> ImageInfo:
    """Format and pixel size from the header only, to label an upload; nothing is decoded."""
    return _read_image(stream, field, decode=False)


def inspect_image(stream: BinaryIO, field: str = "selfie_file") -> ImageInfo:
    """The header checks, then every pixel decoded: a truncated or corrupted image is refused before it is billed."""
    return _read_image(stream, field, decode=True)


def inspect_image_bytes(data: bytes, field: str = "selfie_file") -> ImageInfo:
    """Header checks only (the sandbox's first check; it decodes the pixels itself, under its own code)."""
    return image_header(io.BytesIO(data), field)


def check_image_file(path: Path, field: str = "selfie_file", max_bytes: int = SELFIE_MAX_BYTES) -> ImageInfo:
    _check_size(field, check_regular_file(field, path), max_bytes)
    with path.open("rb") as stream:
        return inspect_image(stream, field)


def check_file_source(source_spec: SourceSpec, path: Path) -> ImageInfo | None:
    """A file for this source: a readable regular file within its limit; an image is decoded fully
    (its format and size are returned)."""
    field = source_spec.fields.file
    match source_spec.kind:
        case SourceKind.LIVENESS:
            _check_size(field, check_regular_file(field, path), source_spec.max_bytes)
            return None
        case SourceKind.IMAGE:
            return check_image_file(path, field, source_spec.max_bytes)
        case _:
            assert_never(source_spec.kind)


def check_liveness_file(path: Path) -> Path:
    check_file_source(LIVENESS_SOURCE, path)
    return path


def check_source(source_spec: SourceSpec, source: Source) -> Source:
    """One source of a request, normalized (a URL or id without surrounding spaces)."""
    match source:
        case FileSource():
            check_file_source(source_spec, source.path)
            return source
        case UrlSource():
            return UrlSource(check_url(source_spec.fields.url, source.url))
        case StoredIdSource():
            return StoredIdSource(check_stored_id(source_spec.fields.stored_id, source.id))
        case _:
            assert_never(source)


def check_form_value(form_field: FormField, value: object, detection_types: tuple[str, ...]) -> object:
    match form_field.kind:
        case FieldKind.NAME:
            return check_name(str(value))
        case FieldKind.ID_NUMBER:
            return check_id_number(str(value))
        case FieldKind.DETECTION_TYPE:
            return check_detection_type(str(value), detection_types)
        case FieldKind.FLAG:
            return bool(value)
        case _:
            assert_never(form_field.kind)


def check_form(request: Request, detection_types: tuple[str, ...] = DETECTION_TYPES) -> dict[str, object]:
    """The request's form fields checked and normalized, by attribute; pure (no file is touched), so the
    window can refuse a wrong number before it asks the customer's consent."""
    return {f.attribute: check_form_value(f, getattr(request, f.attribute), detection_types)
            for f in spec(request.endpoint).form}


def check_request(request: Request, detection_types: tuple[str, ...] = DETECTION_TYPES) -> Request:
    """Validate and normalize a whole request, field by field as the registry declares it; the client
    calls this before it opens a connection."""
    endpoint = spec(request.endpoint)
    changes = check_form(request, detection_types)
    for source_spec in endpoint.sources:
        changes[source_spec.attribute] = check_source(source_spec, getattr(request, source_spec.attribute))
    return cast(Request, replace(cast(Any, request), **changes))

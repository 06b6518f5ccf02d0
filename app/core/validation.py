"""Local checks that run before anything is sent or billed; each failure names the rule it broke.

Image checks read the file's content, never its extension, and decode the pixels: a damaged
selfie the vendor would refuse is refused here, before it is billed.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import stat
import unicodedata
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, assert_never, cast
from urllib.parse import urlsplit

from PIL import Image, UnidentifiedImageError

from app.core.contract import (
    DETECTION_TYPES,
    LIVENESS_FIELDS,
    LIVENESS_SOURCE,
    SELFIE_FIELDS,
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
        raise InputRejected(field, "required", "Enter the ID number.", "请输入身份证号。")
    if len(value) != 18:
        raise InputRejected(
            field, "length", f"An ID number has 18 characters; this one has {len(value)}.",
            f"身份证号应为 18 位，当前为 {len(value)} 位。",
        )
    if not value[:17].isascii() or not value[:17].isdigit() or value[17] not in "0123456789X":
        raise InputRejected(
            field, "characters", "The first 17 characters must be digits and the last a digit or X.",
            "身份证号前 17 位须为数字，最后一位为数字或 X。",
        )
    try:
        birth = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        birth = None
    latest = today or dt.date.today()
    if birth is None or birth.year < 1900 or birth > latest:
        raise InputRejected(
            field, "birth_date", f"Characters 7 to 14 ({value[6:14]}) are not a valid birth date.",
            f"第 7–14 位（{value[6:14]}）不是有效的出生日期。",
        )
    expected = id_check_char(value[:17])
    if value[17] != expected:
        raise InputRejected(
            field, "check_digit", f"The check character is wrong (last character should be {expected}); "
            "re-read the number from the ID card.",
            f"校验位错误（最后一位应为 {expected}），请对照身份证重新输入。",
        )
    return value


def _code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def check_name(raw: str) -> str:
    """Return the trimmed name; refuse what no ID card holds (emoji, invisible or control characters, no letter)."""
    value = raw.strip()
    if not value:
        raise InputRejected("name", "required", "Enter the customer's name.", "请输入客户姓名。")
    if len(value) > NAME_MAX_CHARS:
        raise InputRejected(
            "name", "length", f"The name is longer than {NAME_MAX_CHARS} characters.",
            f"姓名超过 {NAME_MAX_CHARS} 个字符。",
        )
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise InputRejected("name", "characters", "The name contains control characters.", "姓名包含控制字符。")
    symbol = next((c for c in value if unicodedata.category(c) in NAME_SYMBOL_CATEGORIES or c in EMOJI_SELECTORS),
                  None)
    if symbol is not None:
        raise InputRejected(
            "name", "symbols", f"The name contains an emoji or other symbol ({_code_point(symbol)}); "
            "enter the name as written on the ID card.",
            f"姓名包含表情符号或其他符号（{_code_point(symbol)}），请按身份证上的写法输入。",
        )
    invisible = next((c for c in value if unicodedata.category(c) in NAME_INVISIBLE_CATEGORIES), None)
    if invisible is not None:
        raise InputRejected(
            "name", "invisible_characters", f"The name contains an invisible character ({_code_point(invisible)}, "
            "such as a zero-width space or a text-direction mark); retype the name.",
            f"姓名包含不可见字符（{_code_point(invisible)}，如零宽空格或文字方向控制符），请重新输入姓名。",
        )
    if not any(unicodedata.category(c).startswith("L") for c in value):
        raise InputRejected("name", "letters_required", "The name has no letters; enter the customer's name.",
                            "姓名中没有文字，请输入客户姓名。")
    return value


def check_sequence_id(value: str) -> str:
    """Return the trimmed caller-given sequence_id; it travels in the query string and names the call in history."""
    stripped = value.strip()
    if not SEQUENCE_ID_PATTERN.fullmatch(stripped):
        raise InputRejected(
            "sequence_id", "sequence_id_format",
            "The sequence id must be 1 to 64 characters, each an ASCII letter, a digit, - or _.",
            "sequence_id 须为 1–64 个字符，仅限英文字母、数字、- 和 _。",
        )
    return stripped


def check_detection_type(value: str, allowed: tuple[str, ...] = DETECTION_TYPES) -> str:
    if value not in allowed:
        raise InputRejected(
            "detection_type", "allowed_values", f"Detection type must be one of: {', '.join(allowed)}.",
            f"检测类型须为以下之一：{'、'.join(allowed)}。",
        )
    return value


def check_url(field: str, url: str) -> str:
    value = url.strip()
    try:
        parts = urlsplit(value)
    except ValueError:  # an unbalanced [ or ] in the host, or a character that normalizes to a delimiter
        raise InputRejected(field, "url_format", "The address cannot be read; check it character by character.",
                            "无法识别该地址，请逐字检查。") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputRejected(
            field, "url_scheme", "The address must start with http:// or https:// and name a host.",
            "地址须以 http:// 或 https:// 开头并包含主机名。",
        )
    if "@" in parts.netloc:  # the password would reach the vendor and stay in history
        raise InputRejected(
            field, "url_credentials", "The address contains a user name or password (before @); remove it: "
            "it would be sent to the vendor and kept in history.",
            "地址中包含用户名或密码（@ 之前的部分），请删除：否则会发送给服务商并保存在历史记录中。",
        )
    if len(value) > URL_MAX_CHARS or any(c.isspace() for c in value):
        raise InputRejected(field, "url_format", "The address is too long or contains spaces.", "地址过长或包含空格。")
    return value


def check_stored_id(field: str, value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise InputRejected(field, "required", "Enter the stored id.", "请输入已存储的编号。")
    if len(stripped) > STORED_ID_MAX_CHARS or not stripped.isprintable() or " " in stripped:
        raise InputRejected(field, "id_format", "The stored id has spaces, control characters or is too long.",
                            "编号包含空格或控制字符，或过长。")
    return stripped


# How messages name a file field's content: label, its remedy when empty (English, Chinese).
_FILE_TEXT: dict[str, tuple[str, str, str, str]] = {
    LIVENESS_FIELDS.file: ("The liveness file", "活体文件", "ask for the capture again", "请重新采集"),
    SELFIE_FIELDS.file: ("The image", "图片", "choose another image", "请重新选择"),
}
_GENERIC_FILE_TEXT = ("The file", "文件", "choose another file", "请重新选择")


def _unreadable(field: str, name: str, exc: OSError) -> InputRejected:
    if isinstance(exc, PermissionError):
        return InputRejected(field, "readable", f"{name} cannot be read: permission denied.",
                             f"无法读取 {name}：没有读取权限。")
    reason = exc.strerror or str(exc)
    return InputRejected(field, "readable", f"{name} cannot be read: {reason[:1].lower()}{reason[1:]}.",
                         f"无法读取 {name}：{reason}。")


def _check_kind(field: str, name: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputRejected(field, "is_folder", f"{name} is a folder; choose a file.", f"{name} 是文件夹，请选择文件。")
    if not stat.S_ISREG(mode):
        raise InputRejected(field, "not_regular", f"{name} is not a regular file (a pipe or device).",
                            f"{name} 不是普通文件（是管道或设备）。")


def _check_size(field: str, size: int, max_bytes: int) -> int:
    label, label_zh, remedy, remedy_zh = _FILE_TEXT.get(field, _GENERIC_FILE_TEXT)
    if size == 0:
        raise InputRejected(field, "non_empty", f"{label} is empty; {remedy}.", f"{label_zh}为空，{remedy_zh}。")
    if size > max_bytes:
        whole_mb = max_bytes % 1048576 == 0
        limit = f"{max_bytes // 1048576} MB ({max_bytes:,} bytes)" if whole_mb else f"{max_bytes:,} bytes"
        limit_zh = f"{max_bytes // 1048576} MB（{max_bytes:,} 字节）" if whole_mb else f"{max_bytes:,} 字节"
        raise InputRejected(
            field, "max_size", f"{label} is too large: the API accepts at most {limit}; this file is {size:,} bytes.",
            f"{label_zh}过大：接口上限为 {limit_zh}，此文件为 {size:,} 字节。",
        )
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
        raise InputRejected(field, "exists", f"No such file: {name}.", f"文件不存在：{name}。") from None
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
    return InputRejected(
        field, "decompression_bomb", "The image declares far more pixels than any photo (a decompression bomb); "
        "it was not decoded.",
        "图片声明的像素数远超任何照片（疑似解压炸弹），未予解码。",
    )


def _accepted_info(image: Image.Image, field: str) -> ImageInfo:
    pillow_format, (width, height) = image.format or "", image.size
    if pillow_format not in ACCEPTED_IMAGE_FORMATS:
        raise InputRejected(
            field, "image_format", f"{pillow_format} images are not accepted; use JPG, PNG, BMP, GIF or TIFF.",
            f"不支持 {pillow_format} 格式，请使用 JPG、PNG、BMP、GIF 或 TIFF。",
        )
    for side, label, label_zh in ((width, "width", "宽"), (height, "height", "高")):
        if not IMAGE_MIN_SIDE_EXCLUSIVE < side <= IMAGE_MAX_SIDE:
            raise InputRejected(
                field, "image_pixels", f"The image {label} is {side} px; it must be 9 to 4000 px.",
                f"图片{label_zh}为 {side} 像素，须在 9–4000 像素之间。",
            )
    return ImageInfo(ACCEPTED_IMAGE_FORMATS[pillow_format], width, height)


def _read_image(stream: BinaryIO, field: str, decode: bool) -> ImageInfo:
    # Pillow only warns between 1x and 2x its pixel limit; for this call that is an error too.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(stream)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _bomb(field) from None
        except (UnidentifiedImageError, OSError, ValueError):
            raise InputRejected(field, "image_content", "The file is not an image, or it is damaged.",
                                "文件不是图片或已损坏。") from None
        with image:
            info = _accepted_info(image, field)
            if decode:
                try:
                    image.load()
                except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                    raise _bomb(field) from None
                except Exception as exc:  # Pillow's decoders raise many types for damaged data
                    reason = (str(exc) or type(exc).__name__)[:120]
                    raise InputRejected(field, "image_damaged", f"The image is damaged or incomplete ({reason}).",
                                        f"图片已损坏或不完整（{reason}）。") from None
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


def check_request(request: Request, detection_types: tuple[str, ...] = DETECTION_TYPES) -> Request:
    """Validate and normalize a whole request, field by field as the registry declares it; the client
    calls this before it opens a connection."""
    endpoint = spec(request.endpoint)
    changes: dict[str, object] = {
        f.attribute: check_form_value(f, getattr(request, f.attribute), detection_types) for f in endpoint.form}
    for source_spec in endpoint.sources:
        changes[source_spec.attribute] = check_source(source_spec, getattr(request, source_spec.attribute))
    return cast(Request, replace(cast(Any, request), **changes))

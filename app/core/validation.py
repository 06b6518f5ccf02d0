"""Local checks that run before anything is sent or billed; each failure names the rule it broke.

Image checks read the file's content (Pillow reads only the header), never trust its extension.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from PIL import Image, UnidentifiedImageError

from app.core.contract import (
    DETECTION_TYPES,
    LIVENESS_FILE_MAX_BYTES,
    FileSource,
    HackRequest,
    IdNumberRequest,
    ParseRequest,
    Request,
    SelfieRequest,
    Source,
    StoredIdSource,
    TokenRequest,
    UrlSource,
)
from app.core.errors import InputRejected

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
NAME_MAX_CHARS = 64
STORED_ID_MAX_CHARS = 256
URL_MAX_CHARS = 2048

SELFIE_MAX_BYTES = 5 * 1024 * 1024
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


def check_name(raw: str) -> str:
    """Return the trimmed name; the API needs a non-empty one of reasonable length."""
    value = raw.strip()
    if not value:
        raise InputRejected("name", "required", "Enter the customer's name.", "请输入客户姓名。")
    if len(value) > NAME_MAX_CHARS:
        raise InputRejected(
            "name", "length", f"The name is longer than {NAME_MAX_CHARS} characters.",
            f"姓名超过 {NAME_MAX_CHARS} 个字符。",
        )
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise InputRejected("name", "characters", "The name contains control characters.", "姓名包含控制字符。")
    return value


def check_detection_type(value: str, allowed: tuple[str, ...] = DETECTION_TYPES) -> str:
    if value not in allowed:
        raise InputRejected(
            "detection_type", "allowed_values", f"Detection type must be one of: {', '.join(allowed)}.",
            f"检测类型须为以下之一：{'、'.join(allowed)}。",
        )
    return value


def check_url(field: str, url: str) -> str:
    value = url.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputRejected(
            field, "url_scheme", "The address must start with http:// or https:// and name a host.",
            "地址须以 http:// 或 https:// 开头并包含主机名。",
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


def _file_size(field: str, path: Path) -> int:
    try:
        if not path.is_file():
            raise InputRejected(field, "exists", f"No such file: {path.name}.", f"文件不存在：{path.name}。")
        return path.stat().st_size
    except OSError as exc:
        raise InputRejected(field, "readable", f"The file cannot be read: {exc.strerror}.",
                            f"无法读取文件：{exc.strerror}。") from None


def check_liveness_file(path: Path, field: str = "liveness_encrypt_data") -> Path:
    size = _file_size(field, path)
    if size == 0:
        raise InputRejected(field, "non_empty", "The liveness file is empty; ask for the capture again.",
                            "活体文件为空，请重新采集。")
    if size > LIVENESS_FILE_MAX_BYTES:
        raise InputRejected(
            field, "max_size", f"The liveness file is {size / 1048576:.1f} MB; the API accepts at most 10 MB.",
            f"活体文件为 {size / 1048576:.1f} MB，接口上限为 10 MB。",
        )
    return path


@dataclass(frozen=True)
class ImageInfo:
    format: str  # JPEG, PNG, BMP, GIF or TIFF
    width: int
    height: int


def inspect_image(stream: BinaryIO, field: str = "selfie_file") -> ImageInfo:
    """Read format and pixel size from the content; raise InputRejected for anything not accepted."""
    try:
        with Image.open(stream) as image:
            pillow_format, (width, height) = image.format or "", image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise InputRejected(field, "image_content", "The file is not an image, or it is damaged.",
                            "文件不是图片或已损坏。") from None
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


def inspect_image_bytes(data: bytes, field: str = "selfie_file") -> ImageInfo:
    return inspect_image(io.BytesIO(data), field)


def check_image_file(path: Path, field: str = "selfie_file", max_bytes: int = SELFIE_MAX_BYTES) -> ImageInfo:
    size = _file_size(field, path)
    if size > max_bytes:
        raise InputRejected(
            field, "max_size", f"The image is {size / 1048576:.1f} MB; at most {max_bytes // 1048576} MB is accepted.",
            f"图片为 {size / 1048576:.1f} MB，上限为 {max_bytes // 1048576} MB。",
        )
    with path.open("rb") as stream:
        return inspect_image(stream, field)


def check_liveness_source(source: Source) -> Source:
    if isinstance(source, FileSource):
        return replace(source, path=check_liveness_file(source.path))
    if isinstance(source, UrlSource):
        return UrlSource(check_url("liveness_encrypt_data_url", source.url))
    return StoredIdSource(check_stored_id("liveness_encrypt_data_id", source.id))


def check_selfie_source(source: Source) -> Source:
    if isinstance(source, FileSource):
        check_image_file(source.path)
        return source
    if isinstance(source, UrlSource):
        return UrlSource(check_url("selfie_url", source.url))
    return StoredIdSource(check_stored_id("selfie_image_id", source.id))


def check_request(request: Request, detection_types: tuple[str, ...] = DETECTION_TYPES) -> Request:
    """Validate and normalize a whole request; the client calls this before it opens a connection."""
    if isinstance(request, TokenRequest):
        return TokenRequest(check_detection_type(request.detection_type, detection_types))
    if isinstance(request, IdNumberRequest):
        return IdNumberRequest(
            name=check_name(request.name),
            id_number=check_id_number(request.id_number),
            liveness=check_liveness_source(request.liveness),
            auto_hack=request.auto_hack,
        )
    if isinstance(request, SelfieRequest):
        return replace(
            request, liveness=check_liveness_source(request.liveness), selfie=check_selfie_source(request.selfie)
        )
    if isinstance(request, HackRequest):
        return HackRequest(check_liveness_source(request.liveness))
    return ParseRequest(check_liveness_source(request.liveness))

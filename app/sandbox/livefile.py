"""The sandbox liveness-file format: a readable stand-in for the SDK's encrypted capture.

The vendor's real file is an encrypted protobuf only the vendor can read, so the sandbox accepts
its own simple format instead, and answers 1003 for anything else (a real SDK file included)::

    LFSBX1\\n                 7 bytes of magic
    {"image_length": 5120, "motions": [0, 1], "passed": true, "presentation": "live", "version": 1}\\n
    <image_length bytes: the face image, any format Pillow reads>
    <optional padding: ignored, lets a test build a file of an exact size such as 10 MB>

The header is one line of UTF-8 JSON (at most 4 KiB) with exactly these keys:

- ``version``: 1.
- ``motions``: the motion codes the capture asked for, in order (0 blink, 1 open mouth,
  2 shake head, 3 nod). Any integer is kept as is: the vendor's own example contains 4.
- ``passed``: whether the SDK's liveness check passed (``liveness_result`` of the parse call).
- ``presentation``: what was in front of the camera: ``live``, ``photo``, ``screen`` or
  ``mask``; it drives ``hack_score``.
- ``image_length``: size in bytes of the embedded face image that follows the header.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PIL import Image

MAGIC = b"LFSBX1\n"
VERSION = 1
HEADER_MAX_BYTES = 4096
FACE_MAX_SIDE = 4000  # the API's own image limit; also keeps a crafted file from exhausting memory
_KEYS = {"version", "motions", "passed", "presentation", "image_length"}


class Presentation(str, Enum):
    """What the camera saw: a live person or one of the attacks hack detection looks for."""

    LIVE = "live"
    PHOTO = "photo"
    SCREEN = "screen"
    MASK = "mask"


class LivenessFileError(ValueError):
    """The bytes are not a well-formed sandbox liveness file (the API answers 1003)."""


@dataclass(frozen=True)
class LivenessCapture:
    """What the sandbox reads out of a liveness file."""

    face: bytes
    motions: tuple[int, ...]
    passed: bool
    presentation: Presentation
    version: int = VERSION


def make_liveness_file(
    face_image_bytes: bytes,
    motions: Iterable[int],
    passed: bool = True,
    presentation: Presentation | str = Presentation.LIVE,
    pad_to: int | None = None,
) -> bytes:
    """Build a file the sandbox accepts; ``pad_to`` appends zero bytes up to that total size."""
    codes = tuple(motions)
    if any(isinstance(code, bool) or not isinstance(code, int) for code in codes):
        raise ValueError("motion codes must be integers")
    _check_face(face_image_bytes)
    header = {
        "image_length": len(face_image_bytes),
        "motions": list(codes),
        "passed": bool(passed),
        "presentation": Presentation(presentation).value,
        "version": VERSION,
    }
    data = MAGIC + json.dumps(header, sort_keys=True).encode("utf-8") + b"\n" + face_image_bytes
    if pad_to is not None:
        if pad_to < len(data):
            raise ValueError(f"pad_to={pad_to} is smaller than the file itself ({len(data)} bytes)")
        data += bytes(pad_to - len(data))
    return data


def read_liveness_file(data: bytes) -> LivenessCapture:
    """Parse and check a sandbox liveness file; raise LivenessFileError for anything else."""
    if not data.startswith(MAGIC):
        raise LivenessFileError("not a sandbox liveness file (the vendor's encrypted files are not readable here)")
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + HEADER_MAX_BYTES)
    if end < 0:
        raise LivenessFileError("the header line is missing or longer than 4 KiB")
    try:
        header = json.loads(data[len(MAGIC):end].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise LivenessFileError("the header is not UTF-8 JSON") from None
    face_start = end + 1
    length, motions, passed, presentation = _check_header(header, len(data) - face_start)
    face = data[face_start:face_start + length]
    _check_face(face)
    return LivenessCapture(face=face, motions=motions, passed=passed, presentation=presentation)


def _check_header(header: Any, available: int) -> tuple[int, tuple[int, ...], bool, Presentation]:
    if not isinstance(header, dict) or set(header) != _KEYS:
        raise LivenessFileError(f"the header must be an object with exactly the keys {sorted(_KEYS)}")
    if header["version"] != VERSION:
        raise LivenessFileError(f"unsupported version {header['version']!r}")
    motions, passed, length = header["motions"], header["passed"], header["image_length"]
    if not isinstance(motions, list) or any(isinstance(m, bool) or not isinstance(m, int) for m in motions):
        raise LivenessFileError("motions must be a list of integers")
    if not isinstance(passed, bool):
        raise LivenessFileError("passed must be true or false")
    if header["presentation"] not in {p.value for p in Presentation}:
        raise LivenessFileError(f"unknown presentation {header['presentation']!r}")
    if isinstance(length, bool) or not isinstance(length, int) or not 0 < length <= available:
        raise LivenessFileError("image_length does not match the file")
    return length, tuple(motions), passed, Presentation(header["presentation"])


def _check_face(face: bytes) -> None:
    """The embedded face must be a whole image of sane size, or the file is damaged."""
    try:
        with Image.open(io.BytesIO(face)) as image:
            size = image.size
            if max(size) <= FACE_MAX_SIDE:
                image.load()
    except Exception:  # noqa: BLE001 -- Pillow raises many types for damaged data
        raise LivenessFileError("the embedded face is not a readable image") from None
    if max(size) > FACE_MAX_SIDE:
        raise LivenessFileError(f"the embedded image is larger than {FACE_MAX_SIDE} px")

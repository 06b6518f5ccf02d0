from __future__ import annotations

import json

import pytest

from app.core.contract import LIVENESS_FILE_MAX_BYTES
from app.sandbox.faces import blank_image
from app.sandbox.livefile import (
    MAGIC,
    LivenessFileError,
    Presentation,
    make_liveness_file,
    read_liveness_file,
)

FACE = blank_image(size=16)


def test_round_trip_keeps_everything() -> None:
    data = make_liveness_file(FACE, [1, 3, 4], passed=False, presentation="screen")
    capture = read_liveness_file(data)
    assert (capture.face, capture.motions, capture.passed, capture.presentation) == (
        FACE, (1, 3, 4), False, Presentation.SCREEN)
    assert data.startswith(MAGIC)


def test_pad_to_makes_an_exact_size_that_still_reads() -> None:
    data = make_liveness_file(FACE, [0], pad_to=LIVENESS_FILE_MAX_BYTES)
    assert len(data) == LIVENESS_FILE_MAX_BYTES
    assert read_liveness_file(data).face == FACE
    with pytest.raises(ValueError, match="smaller"):
        make_liveness_file(FACE, [0], pad_to=10)


@pytest.mark.parametrize(
    ("face", "motions", "presentation"),
    [(FACE, [True], "live"), (FACE, ["1"], "live"), (FACE, [0], "cartoon"), (b"not an image", [0], "live")],
)
def test_make_refuses_what_it_could_not_read_back(face: bytes, motions: list[object], presentation: str) -> None:
    with pytest.raises(ValueError):
        make_liveness_file(face, motions, presentation=presentation)  # type: ignore[arg-type]


def _with_header(header: dict[str, object], face: bytes = FACE) -> bytes:
    return MAGIC + json.dumps(header).encode() + b"\n" + face


GOOD = {"version": 1, "motions": [0], "passed": True, "presentation": "live", "image_length": len(FACE)}


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x08\x01\x12 encrypted protobuf from the real SDK",
        MAGIC + b"{" + b" " * 5000,  # no end of header within 4 KiB
        MAGIC + b"not json\n" + FACE,
        MAGIC + b"\xff\xfe\n" + FACE,
        _with_header({**GOOD, "version": 2}),
        _with_header({**GOOD, "extra": 1}),
        _with_header({k: v for k, v in GOOD.items() if k != "passed"}),
        _with_header({**GOOD, "motions": [0, True]}),
        _with_header({**GOOD, "motions": "0,1"}),
        _with_header({**GOOD, "passed": "true"}),
        _with_header({**GOOD, "presentation": "deepfake"}),
        _with_header({**GOOD, "image_length": len(FACE) + 1}),
        _with_header({**GOOD, "image_length": 0}),
        _with_header({**GOOD, "image_length": 12}, b"not an image"),
        _with_header(GOOD, FACE[: len(FACE) // 2] + bytes(len(FACE) - len(FACE) // 2)),  # damaged pixels
        _with_header([1, 2]),  # type: ignore[arg-type]
    ],
)
def test_anything_else_is_a_liveness_file_error(data: bytes) -> None:
    with pytest.raises(LivenessFileError):
        read_liveness_file(data)

"""Deterministic stand-ins for the vendor's face comparison and hack detection. No randomness.

A picture is reduced to a 64-bit average hash: greyscale, shrunk to 8x8 by area averaging,
one bit per cell (brighter than the mean or not). Two photos of the same face, moved a few
pixels or re-lit, differ in a few bits; different faces differ in 20 or more. The Hamming
distance d between two hashes maps to one similarity, s = max(0, 1 - d/32), 32 being the
distance expected between two unrelated pictures:

- ``face_score`` = s, rounded to 4 places: d <= 6 gives >= 0.81, d >= 20 gives <= 0.375;
- ``certificate_score`` = 100 * s, rounded to 2 places: d <= 17 is "same person" (>= 45),
  d of 18 or 19 is "uncertain" (40 to 45), d >= 20 is "different person" (< 40).

``hack_score`` depends on what the capture shows (``Presentation``): a base of 0.12 for a live
person, 0.985 to 0.989 for attacks, plus a small offset from the face's hash (0 to 0.0099),
so a live capture stays far below the 0.98 threshold and an attack always lies above it.

A face is usable when its picture is at least 64 px on each side and not nearly uniform
(grey-level standard deviation at least 8); otherwise the vendor's detector would find no
face: the ID call answers check_result 2, the selfie and hack calls answer 1004.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageStat

from app.sandbox.livefile import Presentation

HASH_SIDE = 8
CHANCE_DISTANCE = 32  # expected Hamming distance between the 64-bit hashes of unrelated pictures
MIN_FACE_SIDE = 64
MIN_CONTRAST = 8.0
HACK_BASE = {
    Presentation.LIVE: 0.12,
    Presentation.PHOTO: 0.985,
    Presentation.SCREEN: 0.987,
    Presentation.MASK: 0.989,
}


@dataclass(frozen=True)
class FaceReading:
    """What the sandbox's 'detector' learns from one picture."""

    hash: int
    usable: bool


def read_face(data: bytes) -> FaceReading | None:
    """Hash a picture and judge whether a face could be found in it; None if it does not decode."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            grey = image.convert("L")
    except Exception:  # noqa: BLE001 -- Pillow raises many types for damaged data
        return None
    cells = grey.resize((HASH_SIDE, HASH_SIDE), Image.Resampling.BOX).tobytes()
    mean = sum(cells) / len(cells)
    bits = 0
    for cell in cells:
        bits = bits << 1 | (cell > mean)
    usable = min(grey.size) >= MIN_FACE_SIDE and ImageStat.Stat(grey).stddev[0] >= MIN_CONTRAST
    return FaceReading(hash=bits, usable=usable)


def similarity(a: FaceReading, b: FaceReading) -> float:
    distance = bin(a.hash ^ b.hash).count("1")
    return max(0.0, 1.0 - distance / CHANCE_DISTANCE)


def face_score(a: FaceReading, b: FaceReading) -> float:
    return round(similarity(a, b), 4)


def certificate_score(a: FaceReading, b: FaceReading) -> float:
    return round(100 * similarity(a, b), 2)


def hack_score(presentation: Presentation, face: FaceReading) -> float:
    return round(HACK_BASE[presentation] + (face.hash % 100) / 10_000, 4)

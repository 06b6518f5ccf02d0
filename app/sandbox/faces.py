"""Synthetic cartoon faces: the sandbox's registry photos and every shipped sample are drawn here.

No real person's face is used anywhere. Each fictional person has a ``FaceSpec`` (geometry and
colours chosen so that perceptual hashes of different people differ strongly); a ``Shot`` moves
and re-lights the same face slightly, as a second photo of the same person would be.
Drawing is deterministic: the same spec and shot give the same pixels on every run.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageEnhance

RGB = tuple[int, int, int]

FACE_SIZE = 256
_SUPERSAMPLE = 2  # draw large and shrink: smooth edges without anti-aliasing support in ImageDraw


@dataclass(frozen=True)
class FaceSpec:
    """One person's face. Lengths are fractions of the canvas, so any output size looks the same."""

    background: RGB
    skin: RGB
    hair: RGB
    clothes: RGB
    face_width: float = 0.56
    face_height: float = 0.70
    centre_x: float = 0.5
    centre_y: float = 0.55
    eye_gap: float = 0.20
    eye_size: float = 0.05
    eye_y: float = -0.05  # relative to the face centre
    mouth_width: float = 0.20
    mouth_y: float = 0.18
    hair_depth: float = 0.22  # how far the hair comes down from the top of the face
    side_hair: bool = False
    glasses: bool = False


@dataclass(frozen=True)
class Shot:
    """How one photo of a face was taken: framing offset in pixels (at 256 px) and brightness factor."""

    dx: int = 0
    dy: int = 0
    brightness: float = 1.0


ID_PHOTO = Shot()
CAPTURE = Shot(dx=5, dy=3, brightness=1.12)
SELFIE = Shot(dx=-4, dy=5, brightness=0.9)


def draw_face(spec: FaceSpec, shot: Shot = ID_PHOTO, size: int = FACE_SIZE) -> Image.Image:
    """Draw one RGB photo of the face."""
    big = size * _SUPERSAMPLE
    image = Image.new("RGB", (big, big), spec.background)
    draw = ImageDraw.Draw(image)

    def pt(fx: float, fy: float) -> tuple[float, float]:
        # A point given in canvas fractions, moved by the shot's offset, in supersampled pixels.
        return (fx * big + shot.dx * big / FACE_SIZE, fy * big + shot.dy * big / FACE_SIZE)

    def box(fx: float, fy: float, half_w: float, half_h: float) -> tuple[float, float, float, float]:
        (x0, y0), (x1, y1) = pt(fx - half_w, fy - half_h), pt(fx + half_w, fy + half_h)
        return (x0, y0, x1, y1)

    fw, fh = spec.face_width / 2, spec.face_height / 2
    cx, cy = spec.centre_x, spec.centre_y
    draw.ellipse(box(cx, 1.08, 0.45, 0.3), fill=spec.clothes)  # shoulders, cut by the bottom edge
    if spec.side_hair:
        draw.rectangle(box(cx, cy, fw + 0.06, fh * 0.75), fill=spec.hair)
    draw.ellipse(box(cx, cy, fw, fh), fill=spec.skin)
    draw.chord(box(cx, cy - fh + spec.hair_depth, fw + 0.01, spec.hair_depth), 180, 360, fill=spec.hair)
    eye_y = cy + spec.eye_y
    for side in (-1, 1):
        eye_x = cx + side * spec.eye_gap / 2
        draw.ellipse(box(eye_x, eye_y, spec.eye_size, spec.eye_size * 0.7), fill=(250, 250, 250))
        draw.ellipse(box(eye_x, eye_y, spec.eye_size * 0.45, spec.eye_size * 0.45), fill=(30, 30, 40))
        if spec.glasses:
            draw.ellipse(box(eye_x, eye_y, spec.eye_size * 1.8, spec.eye_size * 1.5),
                         outline=(20, 20, 20), width=max(1, big // 80))
    nose = [pt(cx, cy + 0.02), pt(cx + 0.025, cy + 0.08), pt(cx - 0.025, cy + 0.08)]
    draw.polygon(nose, fill=_shade(spec.skin, 0.8))
    draw.chord(box(cx, cy + spec.mouth_y - 0.03, spec.mouth_width / 2, 0.05), 0, 180, fill=(170, 40, 50))

    image = image.resize((size, size), Image.Resampling.LANCZOS)
    if shot.brightness != 1.0:
        image = ImageEnhance.Brightness(image).enhance(shot.brightness)
    return image


def _shade(colour: RGB, factor: float) -> RGB:
    r, g, b = colour
    return (int(r * factor), int(g * factor), int(b * factor))


def encode(image: Image.Image, fmt: str = "PNG") -> bytes:
    """Image bytes with fixed encoder settings, so the output is byte-for-byte repeatable."""
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, "JPEG", quality=85, optimize=True)
    else:
        image.save(out, fmt, optimize=fmt == "PNG")
    return out.getvalue()


def face_bytes(spec: FaceSpec, shot: Shot = ID_PHOTO, fmt: str = "PNG", size: int = FACE_SIZE) -> bytes:
    """Encoded photo of a face; the form the registry, samples and liveness files use."""
    return encode(draw_face(spec, shot, size), fmt)


def blank_image(size: int = FACE_SIZE, colour: RGB = (200, 200, 200)) -> bytes:
    """A uniform picture: no face can be found in it (the sandbox's 'no face' and 'unreadable photo')."""
    return encode(Image.new("RGB", (size, size), colour))

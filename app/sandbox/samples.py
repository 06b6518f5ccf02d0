"""The shipped sample files, built in memory: build_scripts/make_samples.py writes them to
resources/samples/, and the sandbox serves the same bytes at /_sandbox/samples/<name>, so URL
sources work from an installed package too. Everything is drawn; no real person's face is used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from PIL import Image

from app.sandbox.api import SANDBOX_API_ID, SANDBOX_API_SECRET
from app.sandbox.faces import CAPTURE, ID_PHOTO, SELFIE, blank_image, encode, face_bytes
from app.sandbox.livefile import Presentation, make_liveness_file
from app.sandbox.people import (
    LI_SI,
    PEOPLE,
    UNREGISTERED_ID_NUMBER,
    WANG_WU,
    ZHANG_SAN,
    ZHANG_SAN_LOOKALIKE,
    OnFile,
    Person,
)

QUALITY_FAIL_SIDE = 48  # below scoring.MIN_FACE_SIDE


@dataclass(frozen=True)
class Sample:
    name: str
    content: bytes
    outcome: str  # what it reaches, for the README


def _capture_face(person: Person) -> bytes:
    return face_bytes(person.face, CAPTURE, "JPEG")


_MOTIONS = {ZHANG_SAN: (0, 1, 3), LI_SI: (2, 0), WANG_WU: (3, 1)}

_ON_FILE_OUTCOME = {
    OnFile.PHOTO: "check_result 1, id_name_result 1, photo_result 1, certificate_score ≥ 45 (same person)",
    OnFile.NONE: "check_result 1, id_name_result 1, photo_result 2 (no photo on file)",
    OnFile.UNREADABLE: "check_result 1, id_name_result 1, photo_result 3 (feature extraction failed)",
}


def _person_samples(person: Person) -> list[Sample]:
    selfie_format = "JPEG" if person.on_file is OnFile.PHOTO else "PNG"
    selfie_name = f"{person.slug}-selfie.{'jpg' if selfie_format == 'JPEG' else 'png'}"
    samples = [
        Sample(f"{person.slug}.lfs",
               make_liveness_file(_capture_face(person), _MOTIONS.get(person, (0, 2))),
               f"ID call as {person.name} {person.id_number}: {_ON_FILE_OUTCOME[person.on_file]}. "
               f"Hack: live (≤ 0.98). Selfie with {selfie_name}: face_score ≥ 0.8; with another "
               "person's selfie: < 0.4."),
        Sample(selfie_name, face_bytes(person.face, SELFIE, selfie_format),
               f"A selfie of {person.name} (selfie_file or selfie_url)."),
    ]
    if person.on_file is OnFile.PHOTO:
        samples.append(Sample(f"{person.slug}-id-photo.png", face_bytes(person.face, ID_PHOTO),
                              f"The photo the sandbox has on file for {person.name}; also a valid selfie."))
    return samples


def _other_samples() -> list[Sample]:
    zhang = _capture_face(ZHANG_SAN)
    oversized = Image.new("RGB", (4001, 16), (128, 128, 128))
    return [
        Sample("zhang-san-lookalike.lfs",
               make_liveness_file(face_bytes(ZHANG_SAN_LOOKALIKE, CAPTURE, "JPEG"), (1, 3)),
               f"Someone resembling 张三. ID call as 张三 {ZHANG_SAN.id_number}: certificate_score in "
               "[40, 45), the 'uncertain' band (43.75)."),
        Sample("attack-photo.lfs", make_liveness_file(zhang, (0, 1), presentation=Presentation.PHOTO),
               "A printed photo of 张三 held to the camera. Hack: hack_score > 0.98 (attack); "
               "the ID call with auto_hack=true also returns it."),
        Sample("attack-screen.lfs",
               make_liveness_file(_capture_face(LI_SI), (0, 1), presentation=Presentation.SCREEN),
               "李四 replayed on a screen. Hack: hack_score > 0.98."),
        Sample("attack-mask.lfs",
               make_liveness_file(_capture_face(WANG_WU), (2, 3), presentation=Presentation.MASK),
               "A mask of 王五. Hack: hack_score > 0.98."),
        Sample("unknown-motion.lfs", make_liveness_file(zhang, (1, 3, 4)),
               "Parse: motion_process [1, 3, 4], as in the vendor's example: 4 is not a documented motion."),
        Sample("liveness-failed.lfs", make_liveness_file(zhang, (0, 1), passed=False),
               "Parse: liveness_result false."),
        Sample("quality-fail.lfs",
               make_liveness_file(face_bytes(ZHANG_SAN.face, CAPTURE, "JPEG", size=QUALITY_FAIL_SIDE), (0, 1)),
               f"A {QUALITY_FAIL_SIDE} px face, too small to use. ID call (any name and number): check_result 2, "
               "not billed. Hack and selfie: 1004."),
        Sample("no-face.lfs", make_liveness_file(blank_image(), (0, 1)),
               "A capture with no face in it. ID call: check_result 2. Hack and selfie: 1004. Parse: 0000."),
        Sample("blank-selfie.png", blank_image(), "A selfie with no face in it: 1004."),
        Sample("oversized-4001px.png", encode(oversized), "A selfie 4001 px wide: 1016."),
        Sample("not-an-image.txt", b"This is a text file: not an image, not a liveness file.\n",
               "As a selfie: 1015. As a liveness file: 1003."),
    ]


def _people_json() -> dict[str, object]:
    return {
        "api_id": SANDBOX_API_ID,
        "api_secret": SANDBOX_API_SECRET,
        "people": [
            {"name": p.name, "id_number": p.id_number, "photo_on_file": p.on_file.value,
             "capture": f"{p.slug}.lfs", "id_call_outcome": _ON_FILE_OUTCOME[p.on_file]}
            for p in PEOPLE
        ],
        "name_mismatch": {"name": LI_SI.name, "id_number": ZHANG_SAN.id_number,
                          "id_call_outcome": "check_result 1, id_name_result 2"},
        "no_record": {"name": ZHANG_SAN.name, "id_number": UNREGISTERED_ID_NUMBER,
                      "id_call_outcome": "check_result 1, id_name_result 3"},
    }


def _readme(samples: list[Sample]) -> str:
    people = "\n".join(f"| {p.name} | {p.id_number} | {p.on_file.value} | `{p.slug}.lfs` | "
                       f"{_ON_FILE_OUTCOME[p.on_file]} |" for p in PEOPLE)
    files = "\n".join(f"| `{s.name}` | {s.outcome} |" for s in samples)
    return f"""# Sandbox samples

Generated by `python build_scripts/make_samples.py`: do not edit by hand. Every face is drawn
by `app/sandbox/faces.py`; no real person's face or ID number is used. The running sandbox
serves these files at `/_sandbox/samples/<name>` (for URL sources). Account: api_id
`{SANDBOX_API_ID}`, secret `{SANDBOX_API_SECRET}`. `.lfs` files are sandbox liveness files
(see `app/sandbox/README.md`); the vendor's real, encrypted files get 1003 here.

## People (liveness_idnumber_verification)

| name | id_number | photo on file | capture | result with the person's own capture |
|---|---|---|---|---|
{people}

- Name mismatch: {LI_SI.name} with {ZHANG_SAN.id_number} (张三's number): id_name_result 2.
- No record: any other valid number, e.g. {UNREGISTERED_ID_NUMBER}: id_name_result 3.
- Image quality failure: `quality-fail.lfs` or `no-face.lfs` with any name and number: check_result 2.
- Uncertain: `zhang-san-lookalike.lfs` as 张三: certificate_score 43.75.
- Different person: `li-si.lfs` as 张三: certificate_score < 40.

## Files

| file | what it reaches |
|---|---|
{files}
"""


@cache
def build_samples() -> dict[str, bytes]:
    """Every sample file by name, README.md and people.json included. Deterministic."""
    samples = [s for person in PEOPLE for s in _person_samples(person)] + _other_samples()
    files = {s.name: s.content for s in samples}
    files["people.json"] = (json.dumps(_people_json(), ensure_ascii=False, indent=2) + "\n").encode()
    files["README.md"] = _readme(samples).encode()
    return files

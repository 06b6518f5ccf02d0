"""The sandbox's made-up ID registry: fictional people chosen to reach every branch of the ID trail.

The names are the Chinese placeholder names (张三, 李四…); the ID numbers are well formed
(GB 11643, valid check character) but invented. Any other well-formed number is "no record".

| person | photo on file | liveness_idnumber_verification with their own capture |
|---|---|---|
| 张三 | a photo | id_name 1, photo 1, certificate_score high (same person) |
| 李四 | a photo | id_name 1, photo 1, certificate_score high (same person) |
| 王五 | none | id_name 1, photo_result 2 (no photo on file) |
| 赵六 | a blank, unreadable scan | id_name 1, photo_result 3 (feature extraction failed) |

A right number with another name gives id_name_result 2.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from functools import cache

from app.core.validation import id_check_char
from app.sandbox.faces import FaceSpec, blank_image, face_bytes


class OnFile(str, Enum):
    """What the registry holds for a person's photo."""

    PHOTO = "photo"
    NONE = "none"
    UNREADABLE = "unreadable"  # a scan no features can be extracted from (drawn blank)


@dataclass(frozen=True)
class Person:
    slug: str  # file-name stem of the person's samples
    name: str
    id_number: str
    face: FaceSpec  # the face their captures and selfies show
    on_file: OnFile = OnFile.PHOTO


def _id(first17: str) -> str:
    return first17 + id_check_char(first17)


ZHANG_SAN = Person(
    "zhang-san", "张三", _id("11010519491231002"),  # the check character is X
    FaceSpec(background=(40, 60, 110), skin=(240, 205, 175), hair=(30, 25, 20), clothes=(30, 30, 40)),
)
LI_SI = Person(
    "li-si", "李四", _id("31010419851121002"),
    FaceSpec(background=(235, 230, 200), skin=(170, 120, 85), hair=(60, 40, 20), clothes=(170, 40, 40),
             face_width=0.5, face_height=0.78, centre_x=0.40, side_hair=True),
)
WANG_WU = Person(
    "wang-wu", "王五", _id("44030519780615014"),  # the check character is X
    FaceSpec(background=(90, 140, 90), skin=(235, 195, 165), hair=(235, 235, 240), clothes=(240, 240, 240),
             face_width=0.5, face_height=0.56, centre_x=0.66, centre_y=0.42, hair_depth=0.12),
    on_file=OnFile.NONE,
)
ZHAO_LIU = Person(
    "zhao-liu", "赵六", _id("51010719920229024"),
    FaceSpec(background=(150, 200, 235), skin=(150, 105, 75), hair=(20, 20, 20), clothes=(250, 250, 250),
             face_width=0.46, face_height=0.6, centre_x=0.64, centre_y=0.5, hair_depth=0.3, glasses=True),
    on_file=OnFile.UNREADABLE,
)
PEOPLE: tuple[Person, ...] = (ZHANG_SAN, LI_SI, WANG_WU, ZHAO_LIU)

# Someone who resembles 张三: compared with 张三's photo on file the certificate score lands in
# the "uncertain" band [40, 45) (hash distance 18; see scoring.py).
ZHANG_SAN_LOOKALIKE = replace(ZHANG_SAN.face, centre_x=0.74, centre_y=0.45, face_width=0.6, face_height=0.7)

# Well formed, not in the registry: id_name_result 3.
UNREGISTERED_ID_NUMBER = _id("11010120000101005")

_BY_ID = {person.id_number: person for person in PEOPLE}


def find_person(id_number: str) -> Person | None:
    return _BY_ID.get(id_number)


@cache
def photo_on_file(person: Person) -> bytes | None:
    """The registry photo, drawn by the same code as the samples so an installed sandbox needs no files."""
    if person.on_file is OnFile.NONE:
        return None
    if person.on_file is OnFile.UNREADABLE:
        return blank_image()
    return face_bytes(person.face)

"""Every branch of the ID decision trail, the scores behind it, and the shipped samples."""

from __future__ import annotations

import pytest
import requests

from app.core.contract import Endpoint, IdNumberData
from app.core.endpoints import parse_data
from app.core.validation import check_id_number
from app.sandbox.faces import CAPTURE, face_bytes
from app.sandbox.livefile import Presentation, make_liveness_file, read_liveness_file
from app.sandbox.people import LI_SI, PEOPLE, UNREGISTERED_ID_NUMBER, WANG_WU, ZHANG_SAN, ZHAO_LIU, find_person
from app.sandbox.samples import build_samples
from app.sandbox.scoring import HACK_BASE, hack_score, read_face
from app.sandbox.server import Sandbox
from tests.sandbox.helpers import call


def id_call(url: str, samples: dict[str, bytes], name: str, id_number: str, capture: str) -> IdNumberData:
    envelope = call(url, Endpoint.ID_NUMBER, {"name": name, "id_number": id_number},
                    {"liveness_encrypt_data": samples[capture]})
    assert envelope["code"] == "0000"
    assert envelope["charge"] == (1 if envelope["data"]["check_result"] == 1 else 2)
    return parse_data(Endpoint.ID_NUMBER, envelope["data"])


def trail(data: IdNumberData) -> tuple[int | None, ...]:
    return data.check_result, data.id_name_result, data.photo_result


def test_registry_id_numbers_are_valid_and_unique() -> None:
    numbers = [person.id_number for person in PEOPLE] + [UNREGISTERED_ID_NUMBER]
    assert [check_id_number(number) for number in numbers] == numbers
    assert len(set(numbers)) == len(numbers)
    assert find_person(UNREGISTERED_ID_NUMBER) is None


@pytest.mark.parametrize("person", [ZHANG_SAN, LI_SI])
def test_same_person_with_a_photo_scores_high(url: str, samples: dict[str, bytes], person: object) -> None:
    data = id_call(url, samples, person.name, person.id_number, f"{person.slug}.lfs")  # type: ignore[attr-defined]
    assert trail(data) == (1, 1, 1)
    assert data.certificate_score is not None and data.certificate_score >= 45


def test_a_different_face_scores_low(url: str, samples: dict[str, bytes]) -> None:
    data = id_call(url, samples, ZHANG_SAN.name, ZHANG_SAN.id_number, "li-si.lfs")
    assert trail(data) == (1, 1, 1)
    assert data.certificate_score is not None and data.certificate_score < 40


def test_the_lookalike_is_uncertain(url: str, samples: dict[str, bytes]) -> None:
    data = id_call(url, samples, ZHANG_SAN.name, ZHANG_SAN.id_number, "zhang-san-lookalike.lfs")
    assert data.certificate_score == 43.75  # the README quotes this number


def test_name_mismatch(url: str, samples: dict[str, bytes]) -> None:
    data = id_call(url, samples, LI_SI.name, ZHANG_SAN.id_number, "zhang-san.lfs")
    assert trail(data) == (1, 2, None) and data.certificate_score is None


def test_no_record(url: str, samples: dict[str, bytes]) -> None:
    assert trail(id_call(url, samples, ZHANG_SAN.name, UNREGISTERED_ID_NUMBER, "zhang-san.lfs")) == (1, 3, None)


def test_no_photo_on_file(url: str, samples: dict[str, bytes]) -> None:
    data = id_call(url, samples, WANG_WU.name, WANG_WU.id_number, "wang-wu.lfs")
    assert trail(data) == (1, 1, 2) and data.certificate_score is None


def test_feature_extraction_failure(url: str, samples: dict[str, bytes]) -> None:
    assert trail(id_call(url, samples, ZHAO_LIU.name, ZHAO_LIU.id_number, "zhao-liu.lfs")) == (1, 1, 3)


@pytest.mark.parametrize("capture", ["quality-fail.lfs", "no-face.lfs"])
def test_image_quality_failure_stops_the_trail(url: str, samples: dict[str, bytes], capture: str) -> None:
    data = id_call(url, samples, ZHANG_SAN.name, ZHANG_SAN.id_number, capture)
    assert trail(data) == (2, None, None) and data.liveness_encrypt_data_id


def test_selfie_scores_for_every_pair_of_people(url: str, samples: dict[str, bytes]) -> None:
    for capture in PEOPLE:
        for selfie in PEOPLE:
            files = {"liveness_encrypt_data": samples[f"{capture.slug}.lfs"],
                     "selfie_file": samples[next(n for n in samples if n.startswith(f"{selfie.slug}-selfie"))]}
            score = call(url, Endpoint.SELFIE, files=files)["data"]["face_score"]
            assert (score >= 0.8) if capture is selfie else (score < 0.4), (capture.slug, selfie.slug, score)


def test_hack_score_is_far_from_the_threshold_for_every_face() -> None:
    for person in PEOPLE:
        face = read_face(face_bytes(person.face, CAPTURE))
        assert face is not None
        for presentation in Presentation:
            score = hack_score(presentation, face)
            assert HACK_BASE[presentation] <= score < HACK_BASE[presentation] + 0.01 < 1
            assert (score > 0.98) == (presentation is not Presentation.LIVE)


def test_same_inputs_give_the_same_scores_in_another_sandbox(samples: dict[str, bytes]) -> None:
    files = {"liveness_encrypt_data": samples["zhang-san-lookalike.lfs"],
             "selfie_file": samples["zhang-san-selfie.jpg"]}
    fields = {"name": ZHANG_SAN.name, "id_number": ZHANG_SAN.id_number,
              "auto_hack": "true", "selfie_auto_hack": "true"}
    answers = []
    for _ in range(2):
        with Sandbox(delay_scale=0) as sandbox:
            answers.append([call(sandbox.base_url, endpoint, fields, files)["data"]
                            for endpoint in (Endpoint.ID_NUMBER, Endpoint.HACK, Endpoint.SELFIE, Endpoint.PARSE)])
    assert answers[0] == answers[1]


def test_a_hand_made_capture_of_a_registered_face_matches(url: str) -> None:
    """What `linkface-desk make-sandbox-file` produces from a face image works like the samples."""
    capture = make_liveness_file(face_bytes(ZHANG_SAN.face, CAPTURE, "JPEG"), [0, 1])
    envelope = call(url, Endpoint.ID_NUMBER, {"name": ZHANG_SAN.name, "id_number": ZHANG_SAN.id_number},
                    {"liveness_encrypt_data": capture})
    assert envelope["data"]["certificate_score"] >= 45


# --- the shipped samples --------------------------------------------------------------------------


def _meaning(name: str, data: bytes) -> object:
    """What a sample stands for, independent of the image encoder's exact bytes (Pillow versions differ)."""
    if name.endswith(".lfs"):
        capture = read_liveness_file(data)
        return capture.motions, capture.passed, capture.presentation, read_face(capture.face)
    return read_face(data) if name.endswith((".png", ".jpg")) else data


def test_resources_samples_are_generated_and_current(samples: dict[str, bytes]) -> None:
    generated = build_samples()
    assert sorted(samples) == sorted(generated), "run: python build_scripts/make_samples.py"
    for name, data in samples.items():
        assert _meaning(name, data) == _meaning(name, generated[name]), name
    assert sum(map(len, samples.values())) < 1_000_000


def test_generation_is_deterministic() -> None:
    build_samples.cache_clear()
    first = build_samples()
    build_samples.cache_clear()
    assert build_samples() == first


def test_samples_are_served_read_only(sandbox: Sandbox) -> None:
    samples = build_samples()
    listing = requests.get(sandbox.sample_url(""), timeout=5)
    assert listing.json() == sorted(samples)
    for name in ("zhang-san.lfs", "README.md", "zhang-san-selfie.jpg"):
        response = requests.get(sandbox.sample_url(name), timeout=5)
        assert response.content == samples[name] and response.headers["X-LinkFace-Sandbox"] == "1"
    assert requests.get(sandbox.sample_url("%2e%2e%2fserver.py"), timeout=5).status_code == 404
    assert requests.post(sandbox.sample_url("README.md"), timeout=5).json()["code"] == "1012"

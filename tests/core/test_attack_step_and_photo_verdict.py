"""The ID trail's attack step (hack detection ran) and the verdict of a photo on file that cannot be read:
core's reading, so the window, the CLI and history all see the attack where the banner does."""

from __future__ import annotations

import pytest

from app.core.contract import IdNumberData
from app.core.interpret import Step, StepState, Tone, TrailStep, Verdict, id_trail, read_id_number

LIVE, ATTACK = Step(TrailStep.ATTACK, StepState.PASSED, "live"), Step(TrailStep.ATTACK, StepState.STOPPED, "attack")


@pytest.mark.parametrize(
    ("data", "last", "verdict", "match"),
    [
        (IdNumberData(1, 1, 1, 90.0, hack_score=0.2), LIVE, Verdict.SAME_PERSON, Verdict.SAME_PERSON),
        (IdNumberData(1, 1, 1, 90.0, hack_score=0.98), LIVE, Verdict.SAME_PERSON, Verdict.SAME_PERSON),  # not above
        (IdNumberData(1, 1, 1, 90.0, hack_score=0.981), ATTACK, Verdict.SUSPECTED_ATTACK, Verdict.SAME_PERSON),
        (IdNumberData(1, 1, 1, 12.0, hack_score=0.999), ATTACK, Verdict.SUSPECTED_ATTACK, Verdict.DIFFERENT_PERSON),
        (IdNumberData(1, 2, hack_score=0.99), ATTACK, Verdict.SUSPECTED_ATTACK, Verdict.NAME_ID_MISMATCH),
        (IdNumberData(1, 1, 3, hack_score=0.1), LIVE, Verdict.PHOTO_UNREADABLE, Verdict.PHOTO_UNREADABLE),
    ],
)
def test_a_hack_score_adds_the_attack_step_after_the_score(data: IdNumberData, last: Step, verdict: Verdict,
                                                           match: Verdict) -> None:
    trail = id_trail(data)
    assert [s.step for s in trail.steps] == list(TrailStep)  # the four match steps, then the attack check
    assert trail.steps[-1] == last
    assert (trail.verdict, trail.match_verdict) == (verdict, match)


def test_an_attack_verdict_never_sits_on_a_trail_of_ticks_only() -> None:
    trail = id_trail(IdNumberData(1, 1, 1, 96.0, hack_score=0.995))
    assert trail.verdict is Verdict.SUSPECTED_ATTACK
    assert [s.state for s in trail.steps] == [StepState.PASSED] * 4 + [StepState.STOPPED]
    assert trail.stopped_at == ATTACK  # the only step that stopped it


def test_without_hack_detection_there_is_no_attack_step() -> None:
    for data in (IdNumberData(1, 1, 1, 90.0), IdNumberData(2), IdNumberData(1, 1, 1, None)):
        assert TrailStep.ATTACK not in [s.step for s in id_trail(data).steps]


def test_a_photo_on_file_that_cannot_be_read_has_its_own_verdict() -> None:
    reading = read_id_number(IdNumberData(1, 1, 3), 0.7)
    assert reading.verdict is Verdict.PHOTO_UNREADABLE and reading.verdict.value == "photo_unreadable"
    assert reading.verdict.tone is Tone.REVIEW
    assert reading.trail is not None and reading.trail.stopped_at == Step(TrailStep.PHOTO_ON_FILE, StepState.STOPPED,
                                                                          "extraction_failed")
    assert read_id_number(IdNumberData(1, 1, 2), 0.7).verdict is Verdict.NO_PHOTO  # its neighbour is unchanged


def test_the_reading_keeps_the_attack_and_the_trail_together() -> None:
    reading = read_id_number(IdNumberData(1, 1, 1, 96.0, hack_score=0.995), 0.65)
    assert reading.verdict is Verdict.SUSPECTED_ATTACK and reading.hack is True and reading.face_threshold == 0.65
    assert reading.trail is not None and reading.trail.steps[-1] == ATTACK

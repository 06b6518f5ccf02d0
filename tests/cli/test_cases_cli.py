"""Cases on the command line: consent before a face call, minors, the decision and four-eyes, `case`,
`history cases` (as a script or a support engineer uses them)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.core.paths import config_dir
from app.core.validation import id_check_char

ADULT = ["--name", "张三", "--id-number", "11010519491231002X"]


def minor_id() -> str:
    first17 = "11010520150301123"  # born 2015-03-01: under 14 until 2029
    return first17 + id_check_char(first17)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LINKFACE_DESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LINKFACE_API_SECRET", raising=False)
    return tmp_path / "home"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith("{") else {}, err


def cases_json(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    assert main(["history", "cases", "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_a_face_call_without_consent_is_refused_and_nothing_is_sent(capsys: pytest.CaptureFixture[str],
                                                                    samples_dir: Path) -> None:
    lfs = str(samples_dir / "zhang-san.lfs")
    code, out, err = run(capsys, "call", "idnumber", *ADULT, "--liveness-file", lfs)
    assert code == 2 and (out["error"]["field"], out["error"]["rule"]) == ("consent", "required")
    assert "consent" in err and out["error"]["sent"] is False
    assert cases_json(capsys) == []  # no case either: nothing was sent
    code, out, _ = run(capsys, "call", "token")  # an SDK token processes no face: no consent, no case
    assert code == 0 and "case" not in out


def test_a_minor_needs_a_guardians_consent(capsys: pytest.CaptureFixture[str], samples_dir: Path) -> None:
    lfs = str(samples_dir / "zhang-san.lfs")
    minor = ["--name", "张小", "--id-number", minor_id(), "--liveness-file", lfs]
    code, out, err = run(capsys, "call", "idnumber", "--consent", "given", *minor)
    assert code == 2 and out["error"]["rule"] == "guardian_required" and "14" in err
    code, out, _ = run(capsys, "call", "idnumber", "--consent", "guardian", *minor)
    assert code == 0 and out["case"]["minor"] == 1 and out["case"]["consent"] == "guardian"
    [case] = cases_json(capsys)
    assert case["decision"] == "no_decision" and case["closed"] is not None and len(case["calls"]) == 1


def test_each_call_is_a_case_with_its_decision(capsys: pytest.CaptureFixture[str], samples_dir: Path) -> None:
    code, out, _ = run(capsys, "call", "idnumber", "--consent", "given", *ADULT, "--liveness-file",
                       str(samples_dir / "zhang-san.lfs"), "--decision", "accepted", "--reason", "verified")
    assert code == 0 and out["verdict"] == "same_person"
    assert (out["case"]["decision"], out["case"]["reason"], out["case"]["billed_calls"]) == ("accepted", "verified", 1)
    [case] = cases_json(capsys)
    assert {"case_id", "consent", "decision", "reason", "operator", "calls"} <= set(case)
    assert case["source"] == "cli" and case["name_masked"] == "张*" and case["notice_version"].startswith("n-")
    assert case["calls"][0]["request_id"] == out["request_id"]


def test_accepting_a_different_person_needs_a_supervisor(capsys: pytest.CaptureFixture[str],
                                                         samples_dir: Path) -> None:
    code, out, err = run(capsys, "call", "idnumber", "--consent", "given", *ADULT, "--liveness-file",
                         str(samples_dir / "li-si.lfs"), "--decision", "accepted", "--reason", "different_person")
    assert code == 2 and out["ok"] and out["verdict"] == "different_person"  # the call was made and recorded
    assert out["case"]["decision_refused"]["rule"] == "four_eyes" and "stays open" in err
    case_id = out["case"]["case_id"]
    code, out, _ = run(capsys, "case", "close", case_id, "--decision", "accepted", "--reason", "different_person",
                       "--supervisor", "B02", "--supervisor-reason", "different_person")
    assert code == 0 and (out["case"]["decision"], out["case"]["supervisor"]) == ("accepted", "B02")
    code, out, _ = run(capsys, "case", "close", case_id, "--decision", "rejected", "--reason", "different_person")
    assert code == 2 and out["error"]["rule"] == "case_not_open"  # a closed case is not changed


def test_a_script_makes_several_calls_in_one_case(capsys: pytest.CaptureFixture[str], samples_dir: Path) -> None:
    code, out, _ = run(capsys, "case", "open", "--consent", "given", "--id-number", "11010519491231002X")
    case_id = out["case"]["case_id"]
    lfs = str(samples_dir / "zhang-san.lfs")
    for _ in range(2):
        code, out, _ = run(capsys, "call", "idnumber", "--case", case_id, *ADULT, "--liveness-file", lfs)
        assert code == 0 and out["case"]["decision"] is None  # still open
    code, out, _ = run(capsys, "call", "hack", "--case", case_id, "--liveness-file", lfs)
    assert code == 0
    code, out, _ = run(capsys, "case", "close", case_id, "--decision", "accepted", "--reason", "verified")
    assert code == 0 and out["case"]["billed_calls"] == 3


def test_a_declined_case_makes_no_face_call(capsys: pytest.CaptureFixture[str], samples_dir: Path) -> None:
    code, out, _ = run(capsys, "case", "open", "--consent", "declined")
    case_id = out["case"]["case_id"]
    code, out, _ = run(capsys, "call", "hack", "--case", case_id, "--liveness-file", str(samples_dir / "zhang-san.lfs"))
    assert code == 2 and out["error"]["rule"] == "declined"
    code, out, _ = run(capsys, "case", "close", case_id, "--decision", "other_method", "--reason", "customer_declined",
                       "--alternative", "manual_id_check")
    assert code == 0 and (out["case"]["decision"], out["case"]["alternative"]) == ("other_method", "manual_id_check")


def test_the_cases_export_and_a_bank_that_does_not_require_consent(capsys: pytest.CaptureFixture[str],
                                                                   samples_dir: Path, tmp_path: Path) -> None:
    settings = config_dir() / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"version": 3, "profiles": [], "policy": {"require_consent": False}}),
                        encoding="utf-8")
    code, out, _ = run(capsys, "call", "parse", "--liveness-file", str(samples_dir / "zhang-san.lfs"))
    assert code == 0 and out["case"]["consent"] == "none"
    out_file = tmp_path / "cases.csv"
    assert main(["history", "cases", "--csv", str(out_file)]) == 0
    [row] = list(csv.DictReader(out_file.read_text(encoding="utf-8-sig").splitlines()))
    assert (row["consent"], row["decision"], row["calls"]) == ("none", "no_decision", "1")


def test_the_staff_id_is_set_once_and_recorded_with_each_case(capsys: pytest.CaptureFixture[str],
                                                              samples_dir: Path) -> None:
    code, out, _ = run(capsys, "case", "staff-id")
    assert code == 0 and out["staff_id"] is None  # not set yet
    code, out, err = run(capsys, "case", "staff-id", "T 1001")
    assert code == 2 and out["error"]["rule"] == "staff_id_format" and err
    code, out, _ = run(capsys, "case", "staff-id", " T1001 ")
    assert code == 0 and out["staff_id"] == "T1001"
    code, out, _ = run(capsys, "case", "staff-id")
    assert out["staff_id"] == "T1001"  # kept in the settings file for this OS user
    code, out, _ = run(capsys, "call", "hack", "--consent", "given", "--liveness-file",
                       str(samples_dir / "zhang-san.lfs"))
    assert code == 0 and out["case"]["staff_id"] == "T1001"

"""The command line as a user runs it: JSON on stdout, one human line on stderr, documented exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.sandbox.faults import Fault
from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET, Sandbox

ZHANG = ["--name", "张三", "--id-number", "11010519491231002X"]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LINKFACE_DESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LINKFACE_API_SECRET", raising=False)
    return tmp_path / "home"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith("{") else {}, err


def test_all_five_calls_on_the_default_sandbox(capsys: pytest.CaptureFixture[str], samples_dir: Path) -> None:
    lfs = str(samples_dir / "zhang-san.lfs")
    code, out, err = run(capsys, "call", "token", "--detection-type", "idcard_ocr")
    assert code == 0 and out["verdict"] == "token_issued" and out["sandbox"] and not out["billed"]
    assert out["result"]["token"] and len(out["sequence_id"]) == 64 and err == ""
    code, out, _ = run(capsys, "call", "idnumber", "--consent", "given", *ZHANG, "--liveness-file", lfs, "--auto-hack")
    assert code == 0 and out["verdict"] == "same_person" and out["billed"] and out["charge"] == 1
    assert [step["state"] for step in out["trail"]] == ["passed"] * 5 and out["hack"] is False  # 5th: the attack check
    liveness_id = out["result"]["liveness_encrypt_data_id"]
    code, out, _ = run(capsys, "call", "hack", "--consent", "given", "--liveness-id", liveness_id)
    assert code == 0 and out["verdict"] == "live_person"
    code, out, _ = run(capsys, "call", "selfie", "--consent", "given", "--liveness-file", lfs,
                       "--selfie-file", str(samples_dir / "zhang-san-selfie.jpg"), "--auto-rotate")
    assert code == 0 and out["verdict"] == "same_person" and out["false_accept_at_score"] == "1/100,000"
    code, out, _ = run(capsys, "call", "parse", "--consent", "given", "--liveness-file",
                       str(samples_dir / "unknown-motion.lfs"))
    assert code == 0 and [m["name"] for m in out["motions"]] == ["open_mouth", "nod", "unknown"]
    code, out, _ = run(capsys, "call", "selfie", "--consent", "given", "--liveness-id", liveness_id, "--selfie-file",
                       str(samples_dir / "li-si-selfie.jpg"), "--face-threshold", "0.3")
    assert out["face_threshold"] == 0.3


def test_input_rejected_exit_2_nothing_sent(capsys: pytest.CaptureFixture[str], samples_dir: Path) -> None:
    code, out, err = run(capsys, "call", "idnumber", "--consent", "given", "--name", "张三",
                         "--id-number", "110105194912310021", "--liveness-file", str(samples_dir / "zhang-san.lfs"))
    assert code == 2 and out["ok"] is False
    assert out["error"]["rule"] == "check_digit" and out["error"]["sent"] is False
    assert err.count("\n") == 1 and "check character" in err
    code, out, _ = run(capsys, "call", "hack", "--consent", "given", "--liveness-file", "a", "--liveness-id", "b")
    assert code == 2 and out["error"]["rule"] == "one_source"
    code, out, _ = run(capsys, "call", "token", "--base-url", "https://example.com", "--api-id", "x")
    assert code == 2 and out["error"]["rule"] == "explicit_connection"


@pytest.fixture
def own_sandbox() -> Sandbox:
    with Sandbox(delay_scale=0) as sandbox:
        yield sandbox


def test_api_error_exit_3_with_remedy(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                      own_sandbox: Sandbox) -> None:
    monkeypatch.setenv("LINKFACE_API_SECRET", "not-the-secret")
    code, out, err = run(capsys, "call", "token", "--base-url", own_sandbox.base_url, "--api-id", SANDBOX_API_ID)
    assert code == 3 and out["error"]["code"] == "1000" and "clock" in out["error"]["remedy"]
    assert "clock" in err and "not-the-secret" not in err + json.dumps(out)
    monkeypatch.setenv("LINKFACE_API_SECRET", SANDBOX_API_SECRET)
    own_sandbox.inject(Fault(code="1009"))
    code, out, err = run(capsys, "call", "token", "--base-url", own_sandbox.base_url, "--api-id", SANDBOX_API_ID)
    assert code == 3 and out["error"]["code"] == "1009" and "Wait a minute" in err


def test_transport_and_protocol_exit_4(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                       own_sandbox: Sandbox) -> None:
    monkeypatch.setenv("LINKFACE_API_SECRET", SANDBOX_API_SECRET)
    own_sandbox.inject(Fault(body="not_json"))
    code, out, _ = run(capsys, "call", "token", "--base-url", own_sandbox.base_url, "--api-id", SANDBOX_API_ID)
    assert code == 4 and out["error"]["type"] == "protocol" and out["error"]["raw"]
    code, out, err = run(capsys, "call", "token", "--base-url", "http://127.0.0.1:9", "--api-id", SANDBOX_API_ID)
    assert code == 4 and out["error"]["type"] == "transport" and out["error"]["kind"] == "refused" and err


def test_history_records_cli_calls(capsys: pytest.CaptureFixture[str], samples_dir: Path, tmp_path: Path) -> None:
    run(capsys, "call", "idnumber", "--consent", "given", *ZHANG, "--liveness-file", str(samples_dir / "zhang-san.lfs"))
    run(capsys, "call", "idnumber", "--consent", "given", "--name", "李四", "--id-number", "11010519491231002X",
        "--liveness-file", str(samples_dir / "zhang-san.lfs"))
    main(["history", "--json"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["verdict"] for r in rows] == ["name_id_mismatch", "same_person"]
    assert {r["id_masked"] for r in rows} == {"110105********002X"} and rows[0]["name_masked"] == "李*"
    assert main(["history", "--endpoint", "idnumber", "--csv", str(tmp_path / "out.csv")]) == 0
    assert (tmp_path / "out.csv").read_text(encoding="utf-8-sig").count("\n") == 3
    main(["history", "--search", "11010519491231002x"])
    table = capsys.readouterr().out
    assert "2 of 2 rows" in table and "张" not in table


def test_make_sandbox_file_then_parse(capsys: pytest.CaptureFixture[str], samples_dir: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "mine.lfs"
    assert main(["make-sandbox-file", "--face", str(samples_dir / "li-si-selfie.jpg"), "--motions", "3,2,0",
                 "--out", str(out_file)]) == 0
    code, out, _ = run(capsys, "call", "parse", "--consent", "given", "--liveness-file", str(out_file))
    assert code == 0 and out["result"]["motion_process"] == [3, 2, 0]
    assert main(["make-sandbox-file", "--face", str(samples_dir / "not-an-image.txt"), "--out", str(out_file)]) == 2


def test_installed_command_runs_for_a_new_user(tmp_path: Path, samples_dir: Path) -> None:
    env = {**os.environ, "LINKFACE_DESK_HOME": str(tmp_path / "home")}
    env.pop("LINKFACE_API_SECRET", None)
    proc = subprocess.run([sys.executable, "-m", "app", "call", "parse", "--consent", "given", "--liveness-file",
                           str(samples_dir / "zhang-san.lfs")], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "liveness_passed"
    log = (tmp_path / "home" / "logs" / "linkface-desk.log").read_text(encoding="utf-8")
    assert "call parse on 'Sandbox'" in log

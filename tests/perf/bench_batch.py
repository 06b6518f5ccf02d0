"""Batch benchmark: 200 small captures through app.core.batch against the sandbox with delay_scale=0.

Prints
- the batch's calls per second (wall time of run_batch: each file collected, hashed, opened as a case,
  sent through the runtime's kept-alive session, read, recorded in history, written to a CSV report
  row by row) and the client's CPU time per call (time.process_time over the run). Target: at least
  50 calls/s on a 2-core machine, i.e. the client is not the bottleneck;
- a baseline measured in the same run: the same number of bare signed multipart POSTs with one
  requests.Session to the same sandbox (no history, no report, no parsing beyond JSON), its calls per
  second and CPU time per call, and the batch's ratio to it.
The sandbox runs in its own process, so the CPU time is the client's alone. Numbers are printed, never
asserted.
Run: .venv/bin/python tests/perf/bench_batch.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sandbox_process import sandbox_process

ROOT = Path(__file__).resolve().parents[2]
FILES = 200
TARGET_CALLS_S = 50.0


class ExternalSandbox:
    """What the Runtime reads of its sandbox: the address of the one running in the other process."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url


def make_captures(folder: Path) -> list[Path]:
    from app.sandbox.livefile import make_liveness_file

    face = (ROOT / "resources" / "samples" / "zhang-san-selfie.jpg").read_bytes()
    paths = []
    for index in range(FILES):  # each capture its own (a different motion list and padding): 200 sha-256s
        path = folder / f"capture-{index:03d}.lfs"
        path.write_bytes(make_liveness_file(face, [index % 4, (index // 4) % 4], pad_to=8192 + index))
        paths.append(path)
    return paths


def timed(work: Any) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def run_batch(base: str, folder: Path, home: Path) -> tuple[int, float, float, int]:
    from app.core import batch
    from app.core.contract import Endpoint
    from app.core.secrets import MemorySecretStore
    from app.runtime import Runtime

    runtime = Runtime(environ={"LINKFACE_DESK_HOME": str(home)}, sandbox=ExternalSandbox(base),  # type: ignore[arg-type]
                      secrets=MemorySecretStore(), log_to_file=False)
    with runtime:
        profile = runtime.profiles.get("Sandbox")
        warm = batch.make_plan(batch.collect([make_warm_up(folder)]), (Endpoint.PARSE,))
        batch.run_batch(runtime, profile, warm, lambda _row: None)  # imports, the connection, code paths
        out = home / "report.csv"

        def work() -> batch.Summary:
            plan = batch.make_plan(batch.collect([folder]), (Endpoint.PARSE,))
            with batch.Report(out, batch.Format.CSV) as report:
                return batch.run_batch(runtime, profile, plan, report.write)

        summary, wall, cpu = timed(work)
        rows = len(batch.read_report(out)[1])
    return summary.counts["ok"], wall, cpu, rows


def make_warm_up(folder: Path) -> Path:
    from app.sandbox.livefile import make_liveness_file

    face = (ROOT / "resources" / "samples" / "zhang-san-selfie.jpg").read_bytes()
    path = folder.parent / "warm-up.lfs"
    path.write_bytes(make_liveness_file(face, [0, 1]))
    return path


def run_baseline(base: str, paths: list[Path]) -> tuple[int, float, float]:
    """Bare signed multipart POSTs of the same captures on one kept-alive requests.Session."""
    import requests

    from app.core.signing import make_timestamp, new_sequence_id, sign
    from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET

    session = requests.Session()

    def post(path: Path) -> bool:
        timestamp = make_timestamp()
        url = f"{base}/v2/sdk/liveness/parse_liveness_result"
        with path.open("rb") as stream:
            answer = session.post(
                url, params={"sequence_id": new_sequence_id(), "api_id": SANDBOX_API_ID},
                data={"timestamp": timestamp, "sign": sign(SANDBOX_API_ID, SANDBOX_API_SECRET, timestamp)},
                files={"liveness_encrypt_data": (path.name, stream, "application/octet-stream")}, timeout=10)
        return answer.status_code == 200 and answer.json().get("code") == "0000"

    post(paths[0])  # warm up
    with session:
        ok, wall, cpu = timed(lambda: sum(post(path) for path in paths))
    return int(ok), wall, cpu


def main() -> None:
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp, sandbox_process() as base:
        folder = Path(tmp) / "branch"
        folder.mkdir()
        paths = make_captures(folder)
        ok, wall, cpu, rows = run_batch(base, folder, Path(tmp) / "home")
        base_ok, base_wall, base_cpu = run_baseline(base, paths)
    rate, base_rate = FILES / wall, FILES / base_wall
    print(f"batch of {FILES} small captures (parse), sandbox delay_scale=0 in its own process")
    print(f"  batch: {ok} answered 0000, {rows} report rows, {wall:.2f} s, {rate:.0f} calls/s "
          f"(target >= {TARGET_CALLS_S:.0f}), client CPU {cpu / FILES * 1000:.2f} ms per call")
    print(f"  baseline (bare requests POSTs, one session): {base_ok} answered 0000, {base_wall:.2f} s, "
          f"{base_rate:.0f} calls/s, client CPU {base_cpu / FILES * 1000:.2f} ms per call")
    print(f"  batch / baseline: {rate / base_rate:.2f}x the rate, {cpu / base_cpu:.2f}x the CPU per call")


if __name__ == "__main__":
    main()

"""Upload benchmark: a 10 MB liveness file to the sandbox, the client against curl, same run.

Prints
- the client's peak RSS growth above idle during the upload (target < 4 MB: proves streaming),
- the client's median wall time for the call as a ratio to curl's (`time_total`) sending the
  same multipart request to the same server (target <= 1.3),
- the import time of app.core beside a bare interpreter's start.
The sandbox runs in its own process so that only the client's memory is measured.
Run: .venv/bin/python tests/perf/bench_upload.py
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sandbox_process import sandbox_process

ROOT = Path(__file__).resolve().parents[2]
RUNS = 7
SIZE = 10 * 1024 * 1024

CLIENT = r"""
import json, sys, time
from pathlib import Path
from app.core.client import LinkFaceClient
from app.core.connection import Connection
from app.core.contract import FileSource
from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024

base, small, big, runs = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
client = LinkFaceClient(Connection(base, SANDBOX_API_ID, SANDBOX_API_SECRET))
client.parse_liveness(FileSource(small))  # warm up: imports, connection pool, code paths
idle = status("VmRSS")
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # reset the peak-RSS mark to now
times = []
for _ in range(runs):
    start = time.perf_counter()
    client.parse_liveness(FileSource(big))
    times.append(time.perf_counter() - start)
print(json.dumps({"idle": idle, "peak": status("VmHWM"), "times": times}))
"""




def curl_times(base: str, big: Path) -> list[float]:
    from app.core.signing import make_timestamp, new_sequence_id, sign
    from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET

    times = []
    for _ in range(RUNS):
        ts = make_timestamp()
        url = f"{base}/v2/sdk/liveness/parse_liveness_result?sequence_id={new_sequence_id()}&api_id={SANDBOX_API_ID}"
        out = subprocess.run(
            ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "-X", "POST", url,
             "-H", "Expect:", "-F", f"timestamp={ts}", "-F", f"sign={sign(SANDBOX_API_ID, SANDBOX_API_SECRET, ts)}",
             "-F", f"liveness_encrypt_data=@{big};type=application/octet-stream"],
            capture_output=True, text=True, check=True,
        ).stdout.split()
        assert out[0] == "200", out
        times.append(float(out[1]))
    return times


def import_times() -> tuple[float, float]:
    def median_start(code: str) -> float:
        samples = []
        for _ in range(7):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    return median_start("pass"), median_start("import app.core.client, app.core.history, app.core.interpret")


def main() -> None:
    if shutil.which("curl") is None:
        raise SystemExit("curl is needed for the comparison (apt-get install curl)")
    sys.path.insert(0, str(ROOT))
    from app.sandbox.livefile import make_liveness_file

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with sandbox_process() as base:
        face = (ROOT / "resources" / "samples" / "zhang-san-selfie.jpg").read_bytes()
        with tempfile.TemporaryDirectory() as tmp:
            small, big = Path(tmp) / "small.lfs", Path(tmp) / "big.lfs"
            small.write_bytes(make_liveness_file(face, [0, 1]))
            big.write_bytes(make_liveness_file(face, [0, 1], pad_to=SIZE))
            measured = json.loads(subprocess.run(
                [sys.executable, "-c", CLIENT, base, str(small), str(big), str(RUNS)],
                env=env, capture_output=True, text=True, check=True,
            ).stdout)
            curl = curl_times(base, big)
    growth_mb = (measured["peak"] - measured["idle"]) / 1048576
    client_s, curl_s = statistics.median(measured["times"]), statistics.median(curl)
    bare, core = import_times()
    print(f"upload of {SIZE / 1048576:.0f} MB liveness file, median of {RUNS}")
    print(f"  client peak RSS growth above idle: {growth_mb:.2f} MB   (target < 4 MB)")
    print(f"  client {client_s * 1000:.1f} ms, curl {curl_s * 1000:.1f} ms, ratio {client_s / curl_s:.2f}"
          f"   (target <= 1.3)")
    print(f"import app.core: {core * 1000:.0f} ms process start vs bare interpreter {bare * 1000:.0f} ms "
          f"(+{(core - bare) * 1000:.0f} ms, ratio {core / bare:.2f})")


if __name__ == "__main__":
    main()

"""Start-to-window time of the frozen app (PyInstaller onedir) beside the unfrozen one, in one run.

Both are started the way a user starts them, with no arguments, offscreen, on an empty private home
(first run: the Sandbox profile): the frozen executable from dist/, and `python -m app` from this
checkout's interpreter. The clock stops when Qt reports the first paint of the main window, read from
Qt's own widget-painting log on stderr (QT_LOGGING_RULES=qt.widgets.painting=true), so neither
variant carries a test hook. Alternating runs after one warm-up each; prints medians and the ratio.
Skips (exit 0) when there is no frozen build: `python build_scripts/build.py` makes one.

Run: .venv/bin/python tests/perf/bench_frozen.py [--frozen PATH] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60.0
FIRST_PAINT = "of MainWindow("  # "Drawing QRegion(...) of MainWindow(0x...) at QPoint(0,0) into paint device ..."


def default_frozen() -> Path:
    if sys.platform == "win32":
        return ROOT / "dist" / "linkface-desk" / "linkface-desk-cli.exe"  # console: stderr is readable
    if sys.platform == "darwin":
        return ROOT / "dist" / "LinkFace Desk.app" / "Contents" / "MacOS" / "linkface-desk"
    return ROOT / "dist" / "linkface-desk" / "linkface-desk"


def time_to_window(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from process start to the main window's first paint; the process is then killed."""
    started = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, cwd=env["LINKFACE_DESK_HOME"], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                             errors="replace")
    assert child.stderr is not None
    seen: list[str] = []
    try:
        for line in child.stderr:
            if line.startswith("Drawing ") and FIRST_PAINT in line:
                return time.perf_counter() - started
            if not line.startswith(("Marking ", "Sending ", "Evaluating ", "Syncing ", "Painting ", "Flushing ")):
                seen.append(line.rstrip())
            if time.perf_counter() - started > TIMEOUT_S:
                break
    finally:
        child.kill()
        child.wait(10)
    raise SystemExit(f"{cmd[0]}: no first paint of the main window; stderr:\n" + "\n".join(seen[-20:]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frozen", type=Path, default=default_frozen(), help="the frozen executable")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per variant (default 5)")
    args = parser.parse_args(argv)
    frozen: Path = args.frozen
    if not frozen.exists():
        print(f"bench_frozen: no frozen build at {frozen}; run `python build_scripts/build.py` first. Skipped.")
        return 0
    variants = {"frozen": [str(frozen)], "unfrozen": [sys.executable, "-m", "app"]}
    times: dict[str, list[float]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory(prefix="linkface-bench-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.widgets.painting=true",
               "LINKFACE_DESK_HOME": home, "LANG": "en_US.UTF-8"}
        envs = {"frozen": env, "unfrozen": {**env, "PYTHONPATH": str(ROOT)}}  # this checkout's app package
        for name, cmd in variants.items():  # warm the file cache; the first run also writes the settings
            time_to_window(cmd, envs[name])
        for _ in range(args.runs):
            for name, cmd in variants.items():
                times[name].append(time_to_window(cmd, envs[name]))
    frozen_s, unfrozen_s = statistics.median(times["frozen"]), statistics.median(times["unfrozen"])
    built = time.strftime("%Y-%m-%d %H:%M", time.localtime(frozen.stat().st_mtime))
    print(f"start to first window paint, offscreen, median of {args.runs} (frozen build of {built}):")
    print(f"  frozen   {frozen_s * 1000:6.0f} ms   {frozen}")
    print(f"  unfrozen {unfrozen_s * 1000:6.0f} ms   {sys.executable} -m app")
    print(f"  ratio frozen/unfrozen {frozen_s / unfrozen_s:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What the window's start waits for, in a fresh interpreter (this one has loaded everything already).

Ready to check (first page shown, runtime attached) must not wait for the HTTP stack, the keychain,
Pillow or OpenSSL; those load just after, on a worker, so the first Verify does not wait either
(tests/perf/bench_ui.py times both moments)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("requests", "urllib3", "keyring", "PIL", "ssl", "app.core.client", "app.sandbox.server")

PROBE = r"""
import json, sys
from PySide6.QtCore import QTimer
from app.ui.startup import Startup

HEAVY = HEAVY_NAMES
seen = {}
warm_up = Startup._warm_up

def ready_then_warm_up(self, runtime):
    # the moment the window is ready (page shown, runtime attached), before the worker starts loading
    assert self.ready and self.window.pages[0] is not None
    seen["ready"] = [name for name in HEAVY if name in sys.modules]
    warm_up(self, runtime)

Startup._warm_up = ready_then_warm_up
startup = Startup()

def poll():
    runtime = startup.runtime
    if "ready" in seen and runtime is not None and runtime._sandbox is not None:
        seen["warm"] = [name for name in HEAVY if name in sys.modules]
        runtime.close()
        print(json.dumps(seen), flush=True)
        startup.app.quit()

timer = QTimer()
timer.timeout.connect(poll)
timer.start(1)
QTimer.singleShot(20_000, startup.app.quit)
startup.app.exec()
""".replace("HEAVY_NAMES", repr(HEAVY))


def test_ready_to_check_before_the_http_stack_and_the_keychain_load(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LINKFACE_DESK_HOME": str(tmp_path),
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["ready"] == []  # nothing heavy was waited for
    # then, before the first call: the client and the sandbox (this is the Sandbox profile) are loaded
    assert {"requests", "app.core.client", "app.sandbox.server"} <= set(seen["warm"])

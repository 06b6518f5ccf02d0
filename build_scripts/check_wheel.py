"""The install path a bank's IT or a developer on Windows/macOS takes: `pip install` of the wheel.

Builds the wheel from this checkout, installs it into a fresh virtual environment outside the tree,
and runs the installed `linkface-desk --self-test` there (offscreen) with its own home folder: icons,
samples and the Chinese translation must come from the installed package, not from the repository.

    .venv/bin/python build_scripts/check_wheel.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="linkface-wheel-") as scratch:
        folder = Path(scratch)
        subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(folder)],
                       check=True)
        (wheel,) = folder.glob("linkface_desk-*.whl")
        venv.create(folder / "venv", with_pip=True)
        bin_dir = folder / "venv" / ("Scripts" if os.name == "nt" else "bin")
        subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True)
        env = {**os.environ, "LINKFACE_DESK_HOME": str(folder / "home"), "QT_QPA_PLATFORM": "offscreen"}
        result = subprocess.run([str(bin_dir / "linkface-desk"), "--self-test"], cwd=folder, env=env,
                                capture_output=True, text=True, encoding="utf-8")
        print(result.stdout, end="")
        print(result.stderr, end="", file=sys.stderr)
        installed = str(folder / "venv")
        if result.returncode == 0 and installed not in result.stdout:
            print("the self-test did not read its resources from the installed package", file=sys.stderr)
            return 1
        print(f"wheel {wheel.name}: " + ("self-test passed from the installed package" if result.returncode == 0
                                         else "self-test FAILED"))
        return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())

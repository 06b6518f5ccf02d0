"""A private X server (Xvfb) of a given screen size, for layout checks on a real display.

Xvfb picks a free display number itself (``-displayfd``), so parallel runs never collide. Used by
``tests/ui/test_fit.py`` and ``build_scripts/screenshots.py``; it imports nothing of Qt.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from types import TracebackType

START_TIMEOUT_S = 10.0


def xvfb_missing() -> str | None:
    """Why a real X server cannot be had here (what to install), or None."""
    if shutil.which("Xvfb") is None:
        return "Xvfb is not installed (apt-get install xvfb, or bash build_scripts/dev.sh test)"
    return None


class Xvfb:
    """``with Xvfb(1366, 768) as display:`` runs a server on one screen of that many pixels;
    ``display`` is its DISPLAY value (":N")."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.display = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._announcements: int | None = None

    def __enter__(self) -> str:
        read_end, write_end = os.pipe()
        try:
            self._process = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{self.width}x{self.height}x24",
                 "-nolisten", "tcp", "-noreset"],
                pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        finally:
            os.close(write_end)
        self._announcements = read_end  # open while the server runs: a write to a closed pipe kills it
        written = b""
        deadline = time.monotonic() + START_TIMEOUT_S
        while not written.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], max(deadline - time.monotonic(), 0))
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:
                break
            written += chunk
        if not written.endswith(b"\n"):
            self.__exit__(None, None, None)
            raise RuntimeError(f"Xvfb did not start within {START_TIMEOUT_S:g} s")
        self.display = f":{written.decode().strip()}"
        return self.display

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(5)
            self._process = None
        if self._announcements is not None:
            os.close(self._announcements)
            self._announcements = None

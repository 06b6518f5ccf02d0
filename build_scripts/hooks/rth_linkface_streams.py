"""PyInstaller runtime hook: give a windowed executable somewhere to write.

A windowed build (Windows, macOS .app) starts with sys.stdout and sys.stderr set to None, so any
``sys.stderr.write`` (a logging handler, a library's warning, the CLI run by mistake from the
windowed .exe) would raise. Point them at the null device instead; the console executable
(linkface-desk-cli.exe) is the one to use for output.
"""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process

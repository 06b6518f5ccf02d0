"""Core and the sandbox really load without Qt (import-linter checks the declared imports in CI; this
checks what importing them does at run time)."""

import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"
LAYERS_WITHOUT_QT = ("core", "sandbox")  # the import rule itself is import-linter's ([tool.importlinter])


def test_core_and_sandbox_load_without_qt() -> None:
    modules = [f"app.{layer}.{p.stem}" for layer in LAYERS_WITHOUT_QT for p in (APP / layer).glob("*.py")
               if p.stem != "__init__"]
    code = f"import sys\nfor m in {modules!r}: __import__(m)\nprint(sorted(m for m in sys.modules if 'PySide6' in m))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

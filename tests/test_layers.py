"""The three layers import only downward: core < sandbox < ui / cli. Core never loads Qt."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
FORBIDDEN = {
    "core": ("PySide6", "shiboken6", "app.sandbox", "app.ui", "app.cli", "app.runtime"),
    "sandbox": ("PySide6", "shiboken6", "app.ui", "app.cli", "app.runtime"),
}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_upward_imports(layer: str) -> None:
    offenders = [
        f"{path.relative_to(APP)} imports {name}"
        for path in (APP / layer).rglob("*.py")
        for name in imported_modules(path)
        if name.startswith(FORBIDDEN[layer])
    ]
    assert offenders == []


def test_core_and_sandbox_load_without_qt() -> None:
    modules = [f"app.{layer}.{p.stem}" for layer in FORBIDDEN for p in (APP / layer).glob("*.py")
               if p.stem != "__init__"]
    code = f"import sys\nfor m in {modules!r}: __import__(m)\nprint(sorted(m for m in sys.modules if 'PySide6' in m))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

"""Translations: collect the window's strings into .ts files and compile them to .qm.

    python build_scripts/i18n.py            lupdate (sources -> .ts), then lrelease (.ts -> .qm)
    python build_scripts/i18n.py --release  lrelease only (what setup and the tests need)
    python build_scripts/i18n.py --check    fail if a .ts has unfinished entries or lupdate would change it

English is the source language; resources/translations/linkface_zh_CN.ts holds the Chinese. The .qm
files are build products (gitignored). The tools come with PySide6 (pyside6-lupdate, pyside6-lrelease).
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Every module with words a person reads: the window, the command line, the catalogue of core's ids.
SOURCES = [ROOT / "app" / "ui", ROOT / "app" / "cli", ROOT / "app" / "catalogue", ROOT / "app" / "i18n.py"]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def _tool(name: str) -> str:
    """The PySide6 tool next to this interpreter (a venv's bin/Scripts), else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"linkface_{language}.ts"


def qm_file(language: str) -> Path:
    return TRANSLATIONS / f"linkface_{language}.qm"


def sources() -> list[str]:
    files = [path for source in SOURCES for path in ([source] if source.is_file() else source.rglob("*.py"))]
    return sorted(str(path.relative_to(ROOT)) for path in files)


def update(target: Path | None = None, language: str = "zh_CN") -> Path:
    """Run lupdate over app/ui into the .ts (or a copy at ``target``); keeps existing translations."""
    ts = ts_file(language)
    out = target or ts
    if target is not None and ts.exists():
        shutil.copyfile(ts, target)
    subprocess.run([_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", language, "-ts", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    return out


def release() -> list[Path]:
    """Compile every .ts to .qm when the .qm is missing or older."""
    built = []
    for language in LANGUAGES:
        ts, qm = ts_file(language), qm_file(language)
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
        built.append(qm)
    return built


def unfinished(language: str) -> int:
    text = ts_file(language).read_text(encoding="utf-8")
    return len(re.findall(r'type="unfinished"', text))


def check() -> list[str]:
    """Problems: unfinished translations, or sources with strings the .ts does not have yet."""
    problems = []
    for language in LANGUAGES:
        if count := unfinished(language):
            problems.append(f"{ts_file(language).name}: {count} unfinished translations")
        with tempfile.TemporaryDirectory() as folder:
            fresh = update(Path(folder) / "fresh.ts", language)
            if not filecmp.cmp(fresh, ts_file(language), shallow=False):
                problems.append(f"{ts_file(language).name} is out of date: run python build_scripts/i18n.py")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    parser.add_argument("--check", action="store_true", help="report unfinished or out-of-date translations")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    if not args.release:
        for language in LANGUAGES:
            update(language=language)
            print(f"updated {ts_file(language).relative_to(ROOT)} ({unfinished(language)} unfinished)")
    for qm in release():
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

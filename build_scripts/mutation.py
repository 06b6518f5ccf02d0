"""Mutation testing of the rule modules ([tool.mutmut] in pyproject.toml), with a pass mark.

Runs mutmut in a scratch copy of the tracked tree (plus the test folders it uses), so the work tree
is not disturbed and untracked files are not copied, then prints one line:

    mutation: 1300 of 1433 killed (90.7%); survivors: interpret.summarize 3, ...

and exits 1 below --min percent. A mutant counts as killed only if mutmut calls it killed: "no
tests", timeouts and every other state count against the score.

    python build_scripts/mutation.py [--min 90] [--max-children 2] [--work DIR]

--work keeps the scratch copy (and mutmut's results in it, for `mutmut show NAME` there).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST_DIRS = ("tests/core", "tests/client")  # as pytest_add_cli_args_test_selection, new test files included


def mutmut_command() -> str:
    beside = Path(sys.executable).with_name("mutmut")
    found = str(beside) if beside.exists() else shutil.which("mutmut")
    if not found:
        raise SystemExit("mutation: mutmut is not installed (pip install mutmut)")
    return found


def copy_tree(work: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout
    for name in filter(None, listed.split(b"\0")):
        source = ROOT / os.fsdecode(name)
        if source.is_file():  # a tracked file deleted in the work tree is left out
            target = work / os.fsdecode(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    for folder in TEST_DIRS:
        shutil.copytree(ROOT / folder, work / folder, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    # the compiled catalogue (a build product, not tracked): the tests read the words in both languages
    subprocess.run([sys.executable, str(work / "build_scripts" / "i18n.py"), "--release"], check=True,
                   capture_output=True)


def short_name(mutant: str) -> str:
    """app.core.interpret.x_summarize__mutmut_3 -> interpret.summarize; xǁ_FieldsǁOpt -> _Fields.opt."""
    name = re.sub(r"__mutmut_\d+$", "", mutant).removeprefix("app.core.")
    module, _, function = name.rpartition(".")
    function = function.removeprefix("x_") if function.startswith("x_") else function.removeprefix("xǁ")
    return f"{module}.{function.replace('ǁ', '.')}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min", type=float, default=90.0, help="pass mark, percent killed (default 90)")
    parser.add_argument("--max-children", type=int, default=2, help="parallel mutmut workers (default 2)")
    parser.add_argument("--work", type=Path, help="scratch folder to use and keep (default: a temporary one)")
    args = parser.parse_args()

    work = args.work.resolve() if args.work else Path(tempfile.mkdtemp(prefix="linkface-mutation-"))
    mutmut = mutmut_command()
    try:
        shutil.rmtree(work / "mutants", ignore_errors=True)  # a fresh run: results from other trees mislead
        copy_tree(work)
        log = work / "mutmut-run.log"
        with log.open("w") as out:
            ran = subprocess.run([mutmut, "run", "--max-children", str(args.max_children)], cwd=work,
                                 stdout=out, stderr=subprocess.STDOUT)
        if ran.returncode != 0:
            print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
            print(f"mutation: mutmut run failed (exit {ran.returncode})", file=sys.stderr)
            return 2
        listing = subprocess.run([mutmut, "results", "--all", "true"], cwd=work, check=True, capture_output=True,
                                 text=True).stdout
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)

    states = dict(line.strip().rsplit(": ", 1) for line in listing.splitlines() if ": " in line)
    if not states:
        print("mutation: mutmut reported no mutants", file=sys.stderr)
        return 2
    killed = sum(state == "killed" for state in states.values())
    percent = 100 * killed / len(states)
    others = Counter(state for state in states.values() if state != "killed")
    survivors = Counter(short_name(name) for name, state in states.items() if state != "killed")
    listed = ", ".join(f"{name} {count}" for name, count in survivors.most_common()) or "none"
    kinds = "; ".join(f"{count} {state}" for state, count in others.most_common())
    print(f"mutation: {killed} of {len(states)} killed ({percent:.1f}%){f' [{kinds}]' if kinds else ''}; "
          f"survivors: {listed}")
    if percent < args.min:
        print(f"mutation: below the pass mark of {args.min:g}%", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

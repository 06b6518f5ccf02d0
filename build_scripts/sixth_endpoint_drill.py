"""The sixth-endpoint drill: what it takes to add a call, shown on a scratch copy of this checkout.

It adds a made-up call, "liveness quality" (a liveness source in, a 0-1 ``quality_score`` out, read as
"please capture again" below 0.5), the way app/README.md says, one file at a time:

    app/core/contract.py      the endpoint's name, its request and data types
    app/core/interpret.py     how its result is read
    app/core/endpoints.py     its one declaration (path, fields, sources, billing, reading)
    app/sandbox/api.py        the sandbox's handler
    app/ui/pages/registry.py  its page (the generic, registry-driven one)
    app/catalogue/tasks.py    its name, and its Chinese in resources/translations/linkface_zh_CN.ts

Before the sandbox handler is written, mypy must report the missing case (match + assert_never). After,
the scratch copy must pass ruff, mypy and the registry and catalogue tests, the CLI must have the new
subcommand and make the call on the sandbox, and no more than six code files may have changed.

    .venv/bin/python build_scripts/sixth_endpoint_drill.py      (CI runs it)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_CODE_FILES = 6

EDITS: dict[str, list[tuple[str, str]]] = {
    "app/core/contract.py": [
        ('    PARSE = "parse"\n', '    PARSE = "parse"\n    QUALITY = "quality"\n'),
        ("Request = TokenRequest | IdNumberRequest | HackRequest | SelfieRequest | ParseRequest\n",
         "@dataclass(frozen=True)\nclass QualityRequest:\n    liveness: Source\n    endpoint = Endpoint.QUALITY\n\n\n"
         "Request = TokenRequest | IdNumberRequest | HackRequest | SelfieRequest | ParseRequest | QualityRequest\n"),
        ("ResultData = TokenData | IdNumberData | HackData | SelfieData | ParseData\n",
         "@dataclass(frozen=True)\nclass QualityData:\n    quality_score: float\n\n"
         "    @classmethod\n    def from_json(cls, data: dict[str, Any], aliases: Mapping[str, str] | None = None)"
         " -> QualityData:\n"
         "        return cls(_Fields(data, aliases).req_score(\"quality_score\", UNIT_SCORE_TOP))\n\n\n"
         "ResultData = TokenData | IdNumberData | HackData | SelfieData | ParseData | QualityData\n"),
        ('D = TypeVar("D", TokenData, IdNumberData, HackData, SelfieData, ParseData)',
         'D = TypeVar("D", TokenData, IdNumberData, HackData, SelfieData, ParseData, QualityData)'),
    ],
    "app/core/interpret.py": [
        ("def read_parse(data: ParseData, face_threshold: float) -> Reading:",
         "def read_quality(data: Any, face_threshold: float) -> Reading:\n"
         "    verdict = Verdict.LIVENESS_PASSED if data.quality_score >= 0.5 else Verdict.RECAPTURE\n"
         "    return Reading(verdict, face_threshold)\n\n\n"
         "def read_parse(data: ParseData, face_threshold: float) -> Reading:"),
    ],
    "app/core/endpoints.py": [
        ("    read_parse,\n", "    read_parse,\n    read_quality,\n"),
        ("    ParseRequest,\n", "    ParseRequest,\n    QualityData,\n    QualityRequest,\n"),
        ('        Endpoint.TOKEN, "/v2/sdk/get_token", TokenRequest, TokenData,',
         '        Endpoint.QUALITY, "/v2/sdk/liveness/quality", QualityRequest, QualityData,\n'
         "        form=(), sources=(LIVENESS_SOURCE,), read=read_quality,\n    ),\n    EndpointSpec(\n"
         '        Endpoint.TOKEN, "/v2/sdk/get_token", TokenRequest, TokenData,'),
    ],
    "app/ui/pages/registry.py": [
        ('    PageEntry("token", "app.ui.pages.token_page", "TokenPage"),',
         '    PageEntry("quality", "app.ui.pages.generic_page", "GenericPage"),\n'
         '    PageEntry("token", "app.ui.pages.token_page", "TokenPage"),'),
    ],
    "app/catalogue/tasks.py": [
        ('    "token": QT_TRANSLATE_NOOP("Task", "SDK token"),',
         '    "quality": QT_TRANSLATE_NOOP("Task", "Liveness quality"),\n'
         '    "token": QT_TRANSLATE_NOOP("Task", "SDK token"),'),
    ],
}
SANDBOX_HANDLER: list[tuple[str, str]] = [
    ("            case Endpoint.PARSE:\n                return self._parse, 0.1\n",
     "            case Endpoint.PARSE:\n                return self._parse, 0.1\n"
     "            case Endpoint.QUALITY:\n                return self._quality, 0.1\n"),
    ("    def _parse(self, form: dict[str, str], files: dict[str, bytes]) -> Outcome:",
     "    def _quality(self, form: dict[str, str], files: dict[str, bytes]) -> Outcome:\n"
     "        _liveness_id, capture = self._capture(form, files)\n"
     "        return Outcome(SUCCESS, {\"quality_score\": 0.9 if capture.passed else 0.2}, CHARGED)\n\n"
     "    def _parse(self, form: dict[str, str], files: dict[str, bytes]) -> Outcome:"),
]


def apply(folder: Path, path: str, edits: list[tuple[str, str]]) -> None:
    file = folder / path
    text = file.read_text(encoding="utf-8")
    for old, new in edits:
        if old not in text:
            raise SystemExit(f"drill: {path} no longer has {old.strip()[:60]!r}: update the drill and app/README.md")
        text = text.replace(old, new, 1)
    file.write_text(text, encoding="utf-8")


def run(folder: Path, *command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(folder), "LINKFACE_DESK_HOME": str(folder / ".home"),
           "QT_QPA_PLATFORM": "offscreen", "LINKFACE_DESK_LANG": "en"}
    result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"drill: {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def main() -> int:
    python = str(Path(sys.executable))
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory(prefix="linkface-drill-") as scratch:
        folder = Path(scratch)
        tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        for name in filter(None, tracked.decode().split("\0")):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
        run(folder, "git", "init", "-q")
        run(folder, "git", "add", "-A")
        run(folder, "git", "-c", "user.name=drill", "-c", "user.email=drill@localhost", "commit", "-qm", "before")

        for path, edits in EDITS.items():
            apply(folder, path, edits)
        missing = run(folder, str(bin_dir / "mypy"), check=False)
        if missing.returncode == 0 or "app/sandbox/api.py" not in missing.stdout:
            raise SystemExit(f"drill: mypy did not report the missing sandbox case:\n{missing.stdout}")
        print("drill: without its sandbox handler, mypy reports: "
              + next(line for line in missing.stdout.splitlines() if "app/sandbox/api.py" in line))
        apply(folder, "app/sandbox/api.py", SANDBOX_HANDLER)

        run(folder, python, "build_scripts/i18n.py")  # the new task name comes out unfinished: translate it
        ts = folder / "resources" / "translations" / "linkface_zh_CN.ts"
        ts.write_text(ts.read_text(encoding="utf-8").replace(
            "<source>Liveness quality</source>\n        <translation type=\"unfinished\"></translation>",
            "<source>Liveness quality</source>\n        <translation>活体质量</translation>"), encoding="utf-8")
        run(folder, python, "build_scripts/i18n.py", "--check")
        run(folder, str(bin_dir / "ruff"), "check", "app", "tests")
        run(folder, str(bin_dir / "mypy"))
        run(folder, python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_registry.py",
            "tests/test_catalogue.py", "tests/cli")
        called = run(folder, python, "-m", "app", "call", "quality", "--sandbox", "--consent", "given",
                     "--liveness-file", "resources/samples/zhang-san.lfs")
        answer = json.loads(called.stdout)
        if (answer["verdict"], answer["result"]["quality_score"]) != ("liveness_passed", 0.9):
            raise SystemExit(f"drill: the new call answered {answer}")

        changed = run(folder, "git", "diff", "--name-only").stdout.split()
        code = [name for name in changed if name.endswith(".py")]
        print(f"drill: the new call works (CLI, sandbox, window page, catalogue); files changed: {', '.join(changed)}")
        if len(code) > MAX_CODE_FILES:
            raise SystemExit(f"drill: {len(code)} code files changed, more than {MAX_CODE_FILES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Build the LinkFace Desk release for the OS this runs on.

    python build_scripts/build.py                      freeze + package for this OS
    python build_scripts/build.py --smoke              ... then run the frozen app's checks
    python build_scripts/build.py --smoke --expect-keyring SecretService   (CI, under a Secret Service)
    python build_scripts/build.py --no-package --smoke (Linux CI: skip the .tar.gz)

Steps: app icons (build/icons, from resources/icons/app.svg, when missing or older), translations (.ts -> .qm via
build_scripts/i18n.py), PyInstaller with build_scripts/linkface.spec (onedir, dist/linkface-desk/),
the size budget written in the spec, then per OS:
  Windows  sign the .exe files (when WINDOWS_SIGN_PFX/WINDOWS_SIGN_PASSWORD are set), Inno Setup
           (build_scripts/installer.iss) -> dist/LinkFaceDesk-<version>-setup.exe, signed likewise.
  macOS    dist/LinkFace Desk.app (signed with the hardened runtime by PyInstaller when
           MACOS_SIGN_IDENTITY is set, then `codesign --verify --strict`), a .dmg (hdiutil),
           notarized and stapled when MACOS_NOTARY_PROFILE or MACOS_NOTARY_APPLE_ID/_TEAM_ID/_PASSWORD
           are set.
  Linux    dist/linkface-desk-<version>-linux-<arch>.tar.gz with a .desktop file, the icon and install.sh.
--smoke runs the frozen executable: --version, --self-test offscreen (fails on a non-zero exit or
any stderr line not in SMOKE_STDERR_ALLOWED), the five CLI calls on the built-in sandbox, a keychain
round trip with --expect-keyring, and tests/perf/bench_frozen.py (frozen vs unfrozen start time).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "build_scripts"
SPEC = SCRIPTS / "linkface.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
ICONS = ROOT / "resources" / "icons"
APP_ICONS = ROOT / "build" / "icons"  # rendered from app.svg at each build: never committed, never in the tree
NAME = "linkface-desk"  # the onedir folder and the executable
DISPLAY_NAME = "LinkFace Desk"
IS_WIN, IS_MAC = sys.platform == "win32", sys.platform == "darwin"

# Lines the frozen app may print on stderr without failing the smoke test. Keep this short and exact.
SMOKE_STDERR_ALLOWED = (
    re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),  # Qt offscreen platform
    # dbus-daemon under dbus-run-session without the right to raise its fd limit (CI containers)
    re.compile(r"^dbus-daemon\[\d+\]: \[session uid=\d+ pid=\d+\] .*Failed to set fd limit to \d+: .*$"),
)


class BuildError(Exception):
    """A step failed; the message says which and what to do."""


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(cmd: Sequence[str | Path], cwd: Path | None = None) -> None:
    log("$ " + " ".join(str(part) for part in cmd))
    subprocess.run([str(part) for part in cmd], check=True, cwd=cwd)


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise BuildError("no __version__ in app/__init__.py")
    return match.group(1)


def size_budget_mb() -> int:
    """SIZE_BUDGET_MB as written in the spec (the one place it lives)."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "SIZE_BUDGET_MB" for t in node.targets):
            return int(ast.literal_eval(node.value))
    raise BuildError(f"no SIZE_BUDGET_MB in {SPEC}")


# --- inputs -------------------------------------------------------------------------------------------


def make_icons() -> None:
    """build/icons/app.png/.ico/.icns from resources/icons/app.svg (Qt renders the SVG, Pillow writes the
    formats), so a release build leaves the tracked files as they are."""
    svg = ICONS / "app.svg"
    outputs = [APP_ICONS / f"app.{ext}" for ext in ("png", "ico", "icns")]
    if all(out.exists() and out.stat().st_mtime >= svg.stat().st_mtime for out in outputs):
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))

    def render(side: int) -> Image.Image:
        image = QImage(side, side, QImage.Format.Format_RGBA8888)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, side, side))
        painter.end()
        return Image.frombytes("RGBA", (side, side), bytes(image.constBits()))

    big = render(1024)
    APP_ICONS.mkdir(parents=True, exist_ok=True)
    render(256).save(APP_ICONS / "app.png")  # Linux: the .desktop icon (hicolor 256x256)
    ico_sizes = [16, 20, 24, 32, 40, 48, 64, 128, 256]
    render(256).save(APP_ICONS / "app.ico", sizes=[(s, s) for s in ico_sizes],
                     append_images=[render(s) for s in ico_sizes if s != 256])
    big.save(APP_ICONS / "app.icns", append_images=[render(s) for s in (16, 32, 64, 128, 256, 512)])
    log("rendered build/icons/app.png, app.ico, app.icns from resources/icons/app.svg")


def compile_translations() -> None:
    i18n = SCRIPTS / "i18n.py"
    if i18n.exists():
        run([sys.executable, i18n, "--release"])
    if not list((ROOT / "resources" / "translations").glob("*.qm")):
        raise BuildError("no compiled translations (resources/translations/*.qm)")


def freeze(clean: bool) -> None:
    if sys.platform.startswith("linux"):
        missing = [tool for tool in ("objdump", "readelf", "strip") if shutil.which(tool) is None]
        if missing:  # PyInstaller and the spec read and strip ELF files with binutils
            raise BuildError(f"{', '.join(missing)} not found: install binutils (apt-get install binutils)")
    shutil.rmtree(DIST / NAME, ignore_errors=True)
    cmd: list[str | Path] = [sys.executable, "-m", "PyInstaller", SPEC, "--noconfirm", "--log-level", "WARN",
                             "--distpath", DIST, "--workpath", WORK]
    if clean:
        cmd.append("--clean")
    run(cmd, cwd=ROOT)


# --- size budget ----------------------------------------------------------------------------------------


def _component(relative: Path) -> str:
    """What a file counts towards in the report: a package, a Qt library folder or plugin type, or itself."""
    parts = relative.parts
    if parts and parts[0] in ("_internal", "Frameworks", "Resources"):
        parts = parts[1:]
    if len(parts) >= 4 and parts[0] == "PySide6" and parts[1] == "Qt" and parts[2] == "plugins":
        return "/".join(parts[:4])
    if len(parts) >= 3 and parts[0] == "PySide6" and parts[1] == "Qt":
        return "/".join(parts[:3]) + ("" if len(parts) == 3 else "/")
    if len(parts) >= 2 and parts[0] == "PySide6":
        return "PySide6/" + ("*" if len(parts) == 2 else parts[1] + "/")
    return parts[0] + ("/" if len(parts) > 1 else "") if parts else str(relative)


def size_report(folder: Path, top: int = 10) -> tuple[int, list[tuple[str, int]], list[tuple[str, int]]]:
    """Total bytes (symlinks not followed), the largest components and the largest files."""
    files: dict[str, int] = {}
    components: dict[str, int] = defaultdict(int)
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        relative = path.relative_to(folder)
        files[relative.as_posix()] = size
        components[_component(relative)] += size
    total = sum(files.values())
    largest = sorted(components.items(), key=lambda item: -item[1])[:top]
    return total, largest, sorted(files.items(), key=lambda item: -item[1])[:top]


def check_size(folder: Path, budget_mb: int) -> bool:
    total, components, files = size_report(folder)
    mb = 1024 * 1024
    print(f"\nbundle {folder.relative_to(ROOT)}: {total / mb:.1f} MB (budget {budget_mb} MB)")
    print("  largest parts:")
    for name, size in components:
        print(f"    {size / mb:7.1f} MB  {name}")
    print("  largest files:")
    for name, size in files:
        print(f"    {size / mb:7.1f} MB  {name}")
    if total > budget_mb * mb:
        print(f"OVER BUDGET by {(total - budget_mb * mb) / mb:.1f} MB: trim the largest parts above "
              "(excludes and unwanted() in build_scripts/linkface.spec)", file=sys.stderr)
        return False
    return True


# --- Linux ------------------------------------------------------------------------------------------------


def package_linux(folder: Path, ver: str) -> Path:
    """A .tar.gz of the onedir folder plus the .desktop file, the icon and install.sh."""
    shutil.copy2(SCRIPTS / "linux" / f"{NAME}.desktop", folder / f"{NAME}.desktop")
    shutil.copy2(APP_ICONS / "app.png", folder / f"{NAME}.png")
    shutil.copy2(SCRIPTS / "linux" / "install.sh", folder / "install.sh")
    (folder / "install.sh").chmod(0o755)
    archive = DIST / f"{NAME}-{ver}-linux-{platform.machine()}.tar.gz"
    started = time.monotonic()
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=NAME)
    log(f"wrote {archive.relative_to(ROOT)} ({archive.stat().st_size / 2**20:.1f} MB, "
        f"{time.monotonic() - started:.1f} s)")
    return archive


# --- Windows ----------------------------------------------------------------------------------------------


def _find_windows_tool(name: str, patterns: Sequence[str]) -> Path | None:
    found = shutil.which(name)
    if found:
        return Path(found)
    for pattern in patterns:
        expanded = os.path.expandvars(pattern)
        anchor = Path(expanded).anchor
        matches = sorted(Path(anchor).glob(expanded[len(anchor):])) if anchor else []
        if matches:
            return matches[-1]
    return None


def sign_windows(files: Sequence[Path]) -> None:
    """Authenticode-sign with the .pfx in WINDOWS_SIGN_PFX (password WINDOWS_SIGN_PASSWORD), if given."""
    pfx, password = os.environ.get("WINDOWS_SIGN_PFX"), os.environ.get("WINDOWS_SIGN_PASSWORD")
    if not (pfx and password):
        log("not signing the Windows files: WINDOWS_SIGN_PFX / WINDOWS_SIGN_PASSWORD not set")
        return
    signtool = _find_windows_tool("signtool", [r"%ProgramFiles(x86)%\Windows Kits\10\bin\*\x64\signtool.exe"])
    if signtool is None:
        raise BuildError("signtool.exe not found: install the Windows SDK")
    log(f"signing {', '.join(f.name for f in files)}")
    subprocess.run([str(signtool), "sign", "/f", pfx, "/p", password, "/fd", "sha256",
                    "/tr", "http://timestamp.digicert.com", "/td", "sha256", *map(str, files)], check=True)


def package_windows(folder: Path, ver: str) -> Path:
    sign_windows(sorted(folder.glob("*.exe")))
    iscc = _find_windows_tool("iscc", [r"%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe",
                                       r"%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe"])
    if iscc is None:
        raise BuildError(f"Inno Setup's ISCC.exe not found, so no installer was made (the app folder is ready in "
                         f"{folder}). Install Inno Setup 6 (winget install JRSoftware.InnoSetup, or "
                         "https://jrsoftware.org/isdl.php) and run again, or pass --no-package.")
    numeric = ".".join((re.findall(r"\d+", ver) + ["0"] * 4)[:4])
    run([iscc, "/Qp", f"/DAppVersion={ver}", f"/DNumericVersion={numeric}", f"/DSourceDir={folder}",
         f"/DOutputDir={DIST}", f"/DIconFile={APP_ICONS / 'app.ico'}", SCRIPTS / "installer.iss"])
    installer = DIST / f"LinkFaceDesk-{ver}-setup.exe"
    sign_windows([installer])
    return installer


# --- macOS ------------------------------------------------------------------------------------------------


def _notary_args() -> list[str] | None:
    profile = os.environ.get("MACOS_NOTARY_PROFILE")
    if profile:
        return ["--keychain-profile", profile]
    apple_id, team, password = (os.environ.get(f"MACOS_NOTARY_{key}") for key in ("APPLE_ID", "TEAM_ID", "PASSWORD"))
    if apple_id and team and password:
        return ["--apple-id", apple_id, "--team-id", team, "--password", password]
    return None


def package_macos(ver: str) -> Path:
    app = DIST / f"{DISPLAY_NAME}.app"
    identity = os.environ.get("MACOS_SIGN_IDENTITY")
    if identity:  # the spec signed every binary and the bundle (hardened runtime, entitlements)
        run(["codesign", "--verify", "--strict", "--deep", "--verbose=2", app])
    else:
        log("not signing: MACOS_SIGN_IDENTITY not set (the .app is ad-hoc signed and Gatekeeper will warn)")
    staging = Path(tempfile.mkdtemp(prefix="linkface-dmg-"))
    try:
        run(["ditto", app, staging / app.name])  # ditto keeps symlinks, extended attributes and signatures
        (staging / "Applications").symlink_to("/Applications")  # drag-to-install target
        dmg = DIST / f"LinkFaceDesk-{ver}-macos-{platform.machine()}.dmg"
        dmg.unlink(missing_ok=True)
        run(["hdiutil", "create", "-volname", DISPLAY_NAME, "-srcfolder", staging, "-fs", "HFS+",
             "-format", "UDZO", "-ov", dmg])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if identity:
        run(["codesign", "--force", "--timestamp", "--sign", identity, dmg])
        run(["codesign", "--verify", "--strict", "--verbose=2", dmg])
    notary = _notary_args()
    if identity and notary:
        log("notarizing (takes minutes)")
        subprocess.run(["xcrun", "notarytool", "submit", str(dmg), *notary, "--wait"], check=True)
        run(["xcrun", "stapler", "staple", dmg])
        run(["xcrun", "stapler", "validate", dmg])
    elif identity:
        log("not notarizing: set MACOS_NOTARY_PROFILE, or MACOS_NOTARY_APPLE_ID, _TEAM_ID and _PASSWORD")
    return dmg


# --- smoke test -------------------------------------------------------------------------------------------


def frozen_executable() -> Path:
    if IS_WIN:
        return DIST / NAME / f"{NAME}-cli.exe"  # the console one: the windowed one has no stdout
    if IS_MAC:
        return DIST / f"{DISPLAY_NAME}.app" / "Contents" / "MacOS" / NAME
    return DIST / NAME / NAME


def _unexpected(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if line.strip() and not any(pattern.match(line) for pattern in SMOKE_STDERR_ALLOWED)]


def _frozen(exe: Path, args: Sequence[str], env: dict[str, str], stdin: str | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(exe), *args], env=env, input=stdin, capture_output=True, text=True,
                            encoding="utf-8", timeout=timeout)
    problems = _unexpected(result.stderr)
    if result.returncode != 0 or problems:
        raise BuildError(f"frozen `{NAME} {' '.join(args)}` exited {result.returncode}\n"
                         f"stdout:\n{result.stdout}\nunexpected stderr:\n" + "\n".join(problems))
    return result


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _keychain_round_trip(exe: Path, env: dict[str, str]) -> None:
    """Save a secret in the OS keychain through the frozen CLI, use it for a call, then remove it."""
    port = _free_port()
    server = subprocess.Popen([str(exe), "sandbox", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise BuildError("the frozen sandbox server did not start") from None
                time.sleep(0.1)
        name = "smoke-keychain"
        _frozen(exe, ["profile", "add", name, "--base-url", f"http://127.0.0.1:{port}", "--api-id", "sandbox"], env)
        _frozen(exe, ["profile", "set-secret", name], env, stdin="sandbox-secret-not-a-real-credential\n")
        try:
            _frozen(exe, ["profile", "test", name], env)
        finally:
            _frozen(exe, ["profile", "remove", name], env)
    finally:
        server.terminate()
        server.wait(10)
    print("  ok   keychain round trip: secret saved, used to sign a call, removed (frozen CLI)")


def smoke(expect_keyring: str | None, bench_runs: int) -> None:
    exe = frozen_executable()
    home = Path(tempfile.mkdtemp(prefix="linkface-smoke-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LINKFACE_DESK_HOME": str(home)}
    env.pop("LINKFACE_API_SECRET", None)
    try:
        print(f"\nsmoke test of {exe.relative_to(ROOT)}")
        started = time.monotonic()
        out = _frozen(exe, ["--version"], env).stdout.strip()
        if out != f"{NAME} {version()}":
            raise BuildError(f"--version printed {out!r}")
        print(f"  ok   --version: {out} ({time.monotonic() - started:.2f} s)")

        result = _frozen(exe, ["--self-test"], env)
        print("  " + result.stdout.strip().replace("\n", "\n  "))
        if "result: all checks passed" not in result.stdout:
            raise BuildError("the frozen self-test did not report success")
        keychain = next((line for line in result.stdout.splitlines() if "keychain:" in line), "")
        if expect_keyring and f"keyring.backends.{expect_keyring}." not in keychain:
            raise BuildError(f"expected keyring's {expect_keyring} backend in the frozen app; self-test says: "
                             f"{keychain.strip()!r}")

        bundle_data = exe.parents[1] / "Resources" if IS_MAC else exe.parent / "_internal"
        samples = bundle_data / "app" / "resources" / "samples"
        person = json.loads((samples / "people.json").read_text(encoding="utf-8"))["people"][0]
        calls = {
            "token": ["call", "token"],
            "idnumber": ["call", "idnumber", "--consent", "given", "--name", person["name"],
                         "--id-number", person["id_number"], "--liveness-file", str(samples / person["capture"])],
            "selfie": ["call", "selfie", "--consent", "given", "--liveness-file", str(samples / "zhang-san.lfs"),
                       "--selfie-file", str(samples / "zhang-san-selfie.jpg")],
            "hack": ["call", "hack", "--consent", "given", "--liveness-file", str(samples / "attack-photo.lfs")],
            "parse": ["call", "parse", "--consent", "given", "--liveness-file", str(samples / "zhang-san.lfs")],
        }
        for endpoint, args in calls.items():
            started = time.monotonic()
            answer = json.loads(_frozen(exe, args, env).stdout)
            if not (answer.get("ok") and answer.get("sandbox")):
                raise BuildError(f"frozen CLI call {endpoint} answered {answer}")
            print(f"  ok   CLI call {endpoint} on the sandbox: {answer.get('verdict', answer.get('summary', 'ok'))}"
                  f" ({time.monotonic() - started:.2f} s)")
        if expect_keyring:
            _keychain_round_trip(exe, env)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    bench = ROOT / "tests" / "perf" / "bench_frozen.py"
    run([sys.executable, bench, "--frozen", exe, "--runs", str(bench_runs)], cwd=ROOT)


# --- main -------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="run the frozen app's checks after building")
    parser.add_argument("--smoke-only", action="store_true", help="only run the smoke test on an existing build")
    parser.add_argument("--no-package", action="store_true", help="stop after the onedir folder (no installer/archive)")
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    parser.add_argument("--expect-keyring", metavar="BACKEND",
                        help="with --smoke: fail unless the frozen app loads keyring.backends.BACKEND "
                        "(SecretService, Windows, macOS), and round-trip a secret through it")
    parser.add_argument("--bench-runs", type=int, default=5, help="start-time runs per variant (default 5)")
    args = parser.parse_args(argv)
    ver = version()
    try:
        if not args.smoke_only:
            started = time.monotonic()
            make_icons()
            compile_translations()
            freeze(args.clean)
            log(f"froze {NAME} {ver} in {time.monotonic() - started:.1f} s")
            if not check_size(DIST / NAME, size_budget_mb()):
                return 1
            if not args.no_package:
                started = time.monotonic()
                output = package_windows(DIST / NAME, ver) if IS_WIN else package_macos(ver) if IS_MAC \
                    else package_linux(DIST / NAME, ver)
                log(f"packaged {output.relative_to(ROOT)} in {time.monotonic() - started:.1f} s")
        if args.smoke or args.smoke_only:
            smoke(args.expect_keyring, args.bench_runs)
    except (BuildError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as problem:
        print(f"build failed: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

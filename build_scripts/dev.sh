#!/usr/bin/env bash
# One entry for a developer's machine:
#   bash build_scripts/dev.sh run    set up (first time) and start the app on the built-in sandbox
#   bash build_scripts/dev.sh test   set up (first time) and run every check: ruff, mypy, pytest
#   bash build_scripts/dev.sh perf   run the benchmarks under tests/perf
#   bash build_scripts/dev.sh mutate mutation testing of the rule modules with tests/core and tests/client
#                                    (mutmut; fails below 90% of mutants killed; ~3 min on 2 cores)
# Setting up means: Debian/Ubuntu system packages Qt and the keychain tests need (via apt-get,
# with sudo when not root), then a virtual environment in .venv with the project installed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="${LINKFACE_VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"

SYSTEM_PACKAGES=(
  # Qt's offscreen and xcb platforms on a bare Debian
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3
  libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
  # a real X server for the layout tests (tests/ui/test_fit.py) and the screenshots: Xvfb, window
  # geometry and size hints (xwininfo, xprop; xdotool by hand), screen captures (import)
  xvfb xdotool x11-utils imagemagick
  # Chinese text in the window and screenshots
  fonts-wqy-microhei
  # a real Secret Service for the keychain tests
  gnome-keyring dbus
  # the real accessibility bus and the system Python's pyatspi, for the screen-reader audit
  # (tests/ui/test_screen_reader.py)
  at-spi2-core python3-pyatspi
  # the upload benchmark compares against curl
  curl
  # PyInstaller's Linux build reads and strips binaries with objdump, readelf and strip
  binutils
)

setup_system() {
  command -v apt-get >/dev/null || { echo "not Debian/Ubuntu: install Qt's runtime libraries yourself (see README)"; return; }
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing system packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_python() {
  if [ ! -x "$PY" ]; then
    python3 -m venv "$VENV"
  fi
  if ! "$PY" -c "import app, pytestqt, hypothesis" 2>/dev/null || [ pyproject.toml -nt "$VENV/.installed" ]; then
    "$PY" -m pip install -q --upgrade pip
    "$PY" -m pip install -q -e ".[test]"
    touch "$VENV/.installed"
  fi
  "$PY" build_scripts/i18n.py --release >/dev/null  # .qm files are build products
}

run_tests() {
  "$VENV/bin/ruff" check app tests build_scripts
  "$VENV/bin/mypy"
  "$VENV/bin/lint-imports" --no-cache  # the layers import only downward (pyproject: tool.importlinter)
  # The whole suite runs inside a private D-Bus session with an unlocked gnome-keyring, so the
  # real-keychain tests run too; where that is not available they are skipped with a reason.
  if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    bash .ci/with-secret-service.sh "$PY" -m pytest "$@"
  else
    "$PY" -m pytest "$@"
  fi
}

cmd="${1:-test}"
shift || true
case "$cmd" in
  run)  setup_system; setup_python; exec "$VENV/bin/linkface-desk" "$@" ;;
  test) setup_system; setup_python; run_tests "$@" ;;
  perf) setup_system; setup_python; for b in tests/perf/bench_*.py; do echo "== $b"; "$PY" "$b"; done ;;
  mutate) setup_system; setup_python; "$PY" -m pip install -q -e ".[mutation]"; "$PY" build_scripts/mutation.py "$@" ;;
  *) echo "usage: $0 run|test|perf|mutate" >&2; exit 64 ;;
esac

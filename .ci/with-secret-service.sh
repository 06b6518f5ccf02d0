#!/usr/bin/env bash
# Run a command against a real Secret Service: a private D-Bus session with an unlocked
# gnome-keyring, in a throw-away HOME, so the real-keychain tests (LINKFACE_REAL_KEYCHAIN=1)
# run and nothing touches the user's own keyring. Installs nothing: needs dbus-run-session and
# gnome-keyring-daemon (Debian: apt-get install gnome-keyring dbus).
#   bash .ci/with-secret-service.sh .venv/bin/pytest tests/profiles -m secret_service -q
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARG...]" >&2; exit 64; }
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found (apt-get install gnome-keyring dbus)" >&2; exit 127; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/linkface-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
  XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime" LINKFACE_REAL_KEYCHAIN=1
unset PYTHON_KEYRING_BACKEND

# The keyring is created and unlocked with a throw-away password (without it, storing fails with
# "Prompt dismissed": there is no display to ask on). The daemon exits with the session bus.
dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "$@"

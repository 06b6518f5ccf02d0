#!/bin/sh
# Install LinkFace Desk from this unpacked folder: a `linkface-desk` command, a menu entry, the icon.
#   ./install.sh                      for the current user (~/.local); no root needed
#   sudo ./install.sh /usr/local      for every user (unpack to a shared place first, e.g. /opt)
#   ./install.sh --uninstall [PREFIX] removes the command, menu entry and icon (not this folder,
#                                     nor settings and history in ~/.config and ~/.local/share/LinkFaceDesk)
# The folder stays where it is: the command and the menu entry point into it. To upgrade, unpack
# the new version over it (or next to it and run its install.sh); settings and history are kept.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--uninstall" ]; then uninstall=1; shift; else uninstall=0; fi
if [ -n "${1:-}" ]; then prefix=$1; elif [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
bin="$prefix/bin/linkface-desk"
desktop="$prefix/share/applications/linkface-desk.desktop"
icon="$prefix/share/icons/hicolor/256x256/apps/linkface-desk.png"

if [ "$uninstall" = 1 ]; then
  rm -f "$bin" "$desktop" "$icon"
  echo "removed $bin, $desktop, $icon"
  exit 0
fi

# Qt's X11 platform needs the desktop's own libraries (see the README); name any that are missing.
missing=$(LD_LIBRARY_PATH="$here/_internal" ldd "$here/_internal/PySide6/Qt/plugins/platforms/libqxcb.so" \
  "$here"/_internal/PySide6/*.so "$here"/_internal/python3*/lib-dynload/_ssl*.so 2>/dev/null \
  | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')
if [ -n "$missing" ]; then
  echo "warning: missing system libraries: $missing" >&2
  echo "  Debian/Ubuntu: sudo apt-get install libssl3 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0" \
    "libxkbcommon-x11-0 libegl1 libgl1 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1" \
    "libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1" >&2
fi

mkdir -p "$(dirname "$bin")" "$(dirname "$desktop")" "$(dirname "$icon")"
ln -sf "$here/linkface-desk" "$bin"
cp "$here/linkface-desk.png" "$icon"
sed -e "s|^Exec=.*|Exec=\"$here/linkface-desk\"|" -e "s|^TryExec=.*|TryExec=$here/linkface-desk|" \
  "$here/linkface-desk.desktop" > "$desktop"
chmod 644 "$desktop" "$icon"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$(dirname "$desktop")" || true
echo "installed: $bin -> $here/linkface-desk, menu entry $desktop"

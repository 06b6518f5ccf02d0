"""Qt's own settings, kept in the app's folder and forgotten with the customer.

Qt's file dialog records the folders it visited (``history``, ``lastVisited``) through
``QSettings(UserScope, "QtProject")``, which always uses the native format: on Linux the file
``QtProject.conf``, by default in the user's shared ``~/.config``. A folder can be named after a
customer, so ``keep_qt_settings_inside`` points that file at ``app.core.paths.qt_settings_dir`` and
``forget_visited_folders`` removes the two keys at "Next customer" and the idle timeout. On Windows and
macOS the native format is the registry or a property list, which ``QSettings.setPath`` cannot move:
there the keys are still removed with the customer.

Called once at start (``startup.py``), before any dialog; on the start-up path, so it imports little.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QSettings

from app.core.paths import private_dir, qt_settings_dir, touch_private

QT_ORGANIZATION = "QtProject"  # what Qt's own dialogs name their settings
QT_SETTINGS_FILE = "QtProject.conf"  # the native format's file on Linux and other Unix
FILE_DIALOG_GROUP = "FileDialog"
VISITED_KEYS = ("history", "lastVisited")  # folders: the rest is the dialog's size, view and sidebar

_kept_in: Path | None = None  # where keep_qt_settings_inside put them: Qt's paths are process-wide too


def keep_qt_settings_inside(environ: Mapping[str, str] | None = None) -> Path:
    """Point Qt's user settings at the app's own folder, private (0700, the file 0600: Qt keeps the mode of
    a file that exists); also any QSettings() made without a format. Returns the folder."""
    global _kept_in
    folder = qt_settings_dir(environ)
    try:
        private_dir(folder.parent)  # the config folder: private, whoever makes it first
        touch_private(folder / QT_SETTINGS_FILE)
    except OSError:
        pass  # Qt's writes there fail quietly too; the runtime says why the app's folder cannot be used
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(folder))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    _kept_in = folder
    return folder


def forget_visited_folders() -> None:
    """Remove the file dialog's recent and last folders from Qt's settings (only once they are ours:
    without ``keep_qt_settings_inside`` they are the user's, shared with every Qt program)."""
    if _kept_in is None:
        return
    settings = QSettings(QSettings.Scope.UserScope, QT_ORGANIZATION)
    settings.beginGroup(FILE_DIALOG_GROUP)
    for key in VISITED_KEYS:
        settings.remove(key)
    settings.endGroup()
    settings.sync()

"""Where the app keeps its files: the platform's folders, or one folder named by LINKFACE_DESK_HOME.

Functions, not constants, so a test or a portable install can set the variable before any call.
Nothing is created here; writers create what they need with private permissions (``private_dir``,
``touch_private``): folders 0700, files 0600, whatever the umask.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "LinkFaceDesk"
HOME_ENV = "LINKFACE_DESK_HOME"


def _folder(environ: Mapping[str, str] | None, under_home: str, platform_function: str) -> Path:
    value = (os.environ if environ is None else environ).get(HOME_ENV, "")
    if value:
        return Path(value).expanduser().absolute() / under_home
    import platformdirs  # here, not at the top: it costs the window's first paint a few ms

    path: Path = getattr(platformdirs, platform_function)(APP_NAME, appauthor=False)
    return path


def resources_dir() -> Path:
    """The app's resources (icons, samples, compiled translations): ``app/resources`` inside the installed
    package (a wheel, or the frozen bundle), else the repository's top-level ``resources`` folder."""
    package = Path(__file__).resolve().parents[1]  # the installed or frozen package is plain files: no importlib
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Settings (profiles, never secrets)."""
    return _folder(environ, "config", "user_config_path")


def qt_settings_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Qt's own settings (``QtProject.conf``: the file dialog's recent folders, which can name a customer),
    kept in the app's config folder rather than the user's shared one."""
    return config_dir(environ) / "qt"


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """History and other data the user would miss."""
    return _folder(environ, "data", "user_data_path")


def log_dir(environ: Mapping[str, str] | None = None) -> Path:
    return _folder(environ, "logs", "user_log_path")


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Files that may be deleted at any time."""
    return _folder(environ, "cache", "user_cache_path")


def private_dir(path: Path) -> Path:
    """Create the app's folder ``path`` usable by the user only (0700), or tighten it if an older version
    made it with the umask; the folders above it are the user's and keep their modes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.mkdir(mode=0o700, exist_ok=True)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def touch_private(path: Path) -> Path:
    """Create ``path`` (and its folder) readable by the user only, if missing, before another library
    opens it: SQLite's WAL files copy the database's mode, a log file keeps the mode it was made with."""
    private_dir(path.parent)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    return path


def aside_path(path: Path, label: str) -> Path:
    """A free name beside ``path`` for a copy kept for IT: ``NAME.LABEL-YYYYmmdd-HHMMSS[-n]``."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate, count = path.with_name(f"{path.name}.{label}-{stamp}"), 1
    while candidate.exists():
        count += 1
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{count}")
    return candidate

"""Where the app keeps its files: the platform's folders, or one folder named by LINKFACE_DESK_HOME.

Functions, not constants, so a test or a portable install can set the variable before any call.
Nothing is created here; writers create what they need with private permissions.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "LinkFaceDesk"
HOME_ENV = "LINKFACE_DESK_HOME"


def _home(environ: Mapping[str, str] | None) -> Path | None:
    value = (os.environ if environ is None else environ).get(HOME_ENV, "")
    return Path(value).expanduser().absolute() if value else None


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Settings (profiles, never secrets)."""
    home = _home(environ)
    return home / "config" if home else platformdirs.user_config_path(APP_NAME, appauthor=False)


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """History and other data the user would miss."""
    home = _home(environ)
    return home / "data" if home else platformdirs.user_data_path(APP_NAME, appauthor=False)


def log_dir(environ: Mapping[str, str] | None = None) -> Path:
    home = _home(environ)
    return home / "logs" if home else platformdirs.user_log_path(APP_NAME, appauthor=False)


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Files that may be deleted at any time."""
    home = _home(environ)
    return home / "cache" if home else platformdirs.user_cache_path(APP_NAME, appauthor=False)

"""The window's own settings (language, idle timeout), declared once with types and defaults.

Stored in ``ui.ini`` in the app's config folder (``LINKFACE_DESK_HOME`` overrides it, as for
profiles). Profiles and secrets are not here: see app.core.profiles and app.core.secrets.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app.core.paths import config_dir

UI_SETTINGS_FILE = "ui.ini"
SYSTEM_LANGUAGE = ""
IDLE_TIMEOUT_MIN_S, IDLE_TIMEOUT_MAX_S = 15, 3600


class Preferences:
    """language: "" (follow the system), "zh_CN" or "en"; idle_timeout_s: seconds without input."""

    def __init__(self, language: str = SYSTEM_LANGUAGE, idle_timeout_s: int = 120) -> None:
        self.language = language
        self.idle_timeout_s = idle_timeout_s

    def copy(self) -> Preferences:
        return Preferences(self.language, self.idle_timeout_s)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Preferences) and (self.language, self.idle_timeout_s) == (
            other.language, other.idle_timeout_s)

    def __repr__(self) -> str:
        return f"Preferences(language={self.language!r}, idle_timeout_s={self.idle_timeout_s})"


class PreferenceStore:
    """Reads and writes ``Preferences``; ``path=None`` keeps them in memory only (tests, self-test)."""

    def __init__(self, path: Path | None) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat) if path is not None else None

    @classmethod
    def open_default(cls) -> PreferenceStore:
        return cls(config_dir() / UI_SETTINGS_FILE)

    def load(self) -> Preferences:
        defaults = Preferences()
        if self._settings is None:
            return defaults
        language = str(self._settings.value("language", defaults.language))
        try:
            timeout = int(str(self._settings.value("idle_timeout_s", defaults.idle_timeout_s)))
        except (TypeError, ValueError):
            timeout = defaults.idle_timeout_s
        timeout = min(max(timeout, IDLE_TIMEOUT_MIN_S), IDLE_TIMEOUT_MAX_S)
        return Preferences(language if language in ("", "zh_CN", "en") else "", timeout)

    def save(self, preferences: Preferences) -> None:
        if self._settings is None:
            return
        self._settings.setValue("language", preferences.language)
        self._settings.setValue("idle_timeout_s", preferences.idle_timeout_s)
        self._settings.sync()

"""The window's own settings (language, idle timeout, capture folder), each declared once in PREFERENCES: its type,
default and allowed values, from which come ui.ini's reading and the Settings dialog's widgets. Where
the window was on each screen (WINDOW_PLACES) is kept in ui.ini too, but the clerk does not edit it.

Stored in ``ui.ini`` in the app's config folder (``LINKFACE_DESK_HOME`` overrides it, as for
profiles). Profiles and secrets are not here: see app.core.profiles and app.core.secrets. A
Preference has the shape of a profile's field (app.core.profiles.ProfileField), so the dialog edits
both the same way; it is declared here so that the window's first paint loads no more of app.core
than its paths.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QRect, QSettings

from app.core.paths import config_dir, touch_private
from app.i18n import CHINESE, ENGLISH

UI_SETTINGS_FILE = "ui.ini"
SYSTEM_LANGUAGE = ""

T = TypeVar("T", str, int)


@dataclass(frozen=True)
class Preference(Generic[T]):
    """One preference: its key in ui.ini (also its label and help ids in app.catalogue.fields), its type
    and default, and what it may be: one of ``choices``, a whole number ``low``..``high`` in ``unit``, or
    (``folder``) a folder's absolute path, "" for none, which the dialog lets the clerk browse for."""

    name: str
    type: type[T]
    default: T
    choices: tuple[T, ...] = ()
    low: int = 0
    high: int = 0
    unit: str = ""
    step: int = 1
    suggestions: tuple[str, ...] = ()
    folder: bool = False

    @property
    def label(self) -> str:
        return self.name

    @property
    def help(self) -> str:
        return self.name

    def from_text(self, text: str) -> T:
        """ui.ini's text as a value: a number out of range is brought within it, anything else unusable is
        the default (the window must start whatever the file says)."""
        text = text.strip()
        if self.choices:
            return next((choice for choice in self.choices if str(choice) == text), self.default)
        if self.folder:  # never a relative path: that would be the working directory's
            return self.type(text) if Path(text).is_absolute() else self.default
        if self.type is str:
            return self.type(text)  # free text: whoever reads it checks it
        try:
            number = int(text)
        except ValueError:
            return self.default
        return self.type(min(max(number, self.low), self.high))

    def to_text(self, value: object) -> str:
        return str(value)


LANGUAGE = Preference("language", str, SYSTEM_LANGUAGE, choices=(SYSTEM_LANGUAGE, CHINESE, ENGLISH))
IDLE_TIMEOUT = Preference("idle_timeout_s", int, 120, low=15, high=3600, unit="s")
CAPTURE_FOLDER = Preference("capture_folder", str, "", folder=True)  # where the file dialogs open
PREFERENCES: tuple[Preference[Any], ...] = (LANGUAGE, IDLE_TIMEOUT, CAPTURE_FOLDER)  # what the Settings dialog edits
WINDOW_PLACES = Preference("window_places", str, "")  # "screen=left,top,width,height,maximized;…"
STORED: tuple[Preference[Any], ...] = (*PREFERENCES, WINDOW_PLACES)  # what ui.ini holds
REMEMBERED_SCREENS = 8  # a laptop moved between branches meets a few screens, not hundreds
TITLE_BAR_ALLOWANCE = 32  # logical px a window manager's title bar takes above a window


@dataclass
class Preferences:
    """The values of STORED, by the same names: ``language`` "" follows the system, ``idle_timeout_s``
    is in seconds without input, ``capture_folder`` an absolute folder or "", ``window_places`` as
    ``read_places`` reads it."""

    language: str = LANGUAGE.default
    idle_timeout_s: int = IDLE_TIMEOUT.default
    capture_folder: str = CAPTURE_FOLDER.default
    window_places: str = WINDOW_PLACES.default

    def copy(self) -> Preferences:
        return dataclasses.replace(self)


@dataclass(frozen=True)
class WindowPlace:
    """The window's normal (not maximized) geometry on one screen, and whether it was maximized there."""

    left: int
    top: int
    width: int
    height: int
    maximized: bool


def fit_within(rect: QRect, area: QRect) -> QRect:
    """``rect`` moved, and shrunk if it must be, to lie inside ``area``."""
    width, height = min(rect.width(), area.width()), min(rect.height(), area.height())
    left = min(max(rect.left(), area.left()), area.left() + area.width() - width)
    top = min(max(rect.top(), area.top()), area.top() + area.height() - height)
    return QRect(left, top, width, height)


def read_places(text: str) -> dict[str, WindowPlace]:
    """``window_places`` by screen key, oldest first; an entry that does not read is skipped (ui.ini may be
    edited by hand, and the window must open whatever it says)."""
    places: dict[str, WindowPlace] = {}
    for entry in text.split(";"):
        key, _, numbers = entry.rpartition("=")
        try:
            left, top, width, height, maximized = (int(number) for number in numbers.split(","))
        except ValueError:
            continue
        if key and width > 0 and height > 0:
            places[key] = WindowPlace(left, top, width, height, maximized == 1)
    return places


def with_place(text: str, key: str, place: WindowPlace) -> str:
    """``window_places`` with ``place`` as the newest for ``key``, keeping the REMEMBERED_SCREENS newest."""
    places = read_places(text)
    places.pop(key, None)
    places[key] = place
    newest = list(places.items())[-REMEMBERED_SCREENS:]
    return ";".join(f"{screen}={p.left},{p.top},{p.width},{p.height},{int(p.maximized)}" for screen, p in newest)


class PreferenceStore:
    """Reads and writes ``Preferences``; ``path=None`` keeps them in memory only (tests, self-test)."""

    def __init__(self, path: Path | None) -> None:
        if path is not None:
            try:
                touch_private(path)  # 0600 (and its folder 0700) before Qt writes it: Qt keeps a file's mode
            except OSError:
                pass  # then Qt cannot write it either; the window starts on the defaults
        self._settings = QSettings(str(path), QSettings.Format.IniFormat) if path is not None else None

    @classmethod
    def open_default(cls) -> PreferenceStore:
        return cls(config_dir() / UI_SETTINGS_FILE)

    def load(self) -> Preferences:
        if self._settings is None:
            return Preferences()
        settings = self._settings
        return Preferences(**{p.name: p.from_text(str(settings.value(p.name, p.default))) for p in STORED})

    def save(self, preferences: Preferences) -> None:
        if self._settings is None:
            return
        for preference in STORED:
            self._settings.setValue(preference.name, getattr(preferences, preference.name))
        self._settings.sync()

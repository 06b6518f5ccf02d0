"""Profiles: the accounts the app talks to, declared once with their types, defaults and checks.

They live in a versioned JSON file in the config folder, readable by the user only and replaced
atomically; the secret is never there (app.core.secrets). A file that cannot be read is moved
aside with a timestamp and reported, a file from a newer version is refused and left untouched,
and an older format is upgraded after a backup copy of it is written. The built-in Sandbox
profile is not in the file and cannot be changed.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from app.core.client import Connection, ProxyMode, check_base_url, make_ssl_context
from app.core.contract import DEFAULT_BASE_URL, DETECTION_TYPES
from app.core.errors import InputRejected
from app.core.interpret import DEFAULT_FACE_THRESHOLD
from app.core.paths import aside_path, config_dir, private_dir
from app.core.secrets import KeychainUnavailable, SecretStore
from app.core.signing import TimestampUnit

SANDBOX_PROFILE_NAME = "Sandbox"
SANDBOX_BASE_URL = "sandbox:"  # a marker: the layer above starts an in-process sandbox for it
SETTINGS_FILE_NAME = "settings.json"
FORMAT_VERSION = 2
PROXY_SYSTEM, PROXY_NONE = "system", "none"
_DETECTION_TYPE = re.compile(r"[a-z][a-z0-9_]{0,63}")


def _reject(field: str, rule: str, variant: str = "", **params: object) -> NoReturn:
    raise InputRejected(field, rule, variant, **params)


def _check_number(field: str, value: object, low: float, high: float, seconds: bool = False) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not low <= value <= high:
        _reject(field, "range", "seconds" if seconds else "", low=f"{low:g}", high=f"{high:g}")


def _is_sandbox_name(name: str) -> bool:
    return name.strip().casefold() == SANDBOX_PROFILE_NAME.casefold()


@dataclass(frozen=True)
class Profile:
    """One account: where to call, as whom, how to connect, and how to read the scores.

    Every field is checked on construction (also by dataclasses.replace), raising InputRejected
    that names the field. ``proxy`` is "system", "none" or an http(s) proxy URL.
    """

    name: str
    base_url: str = DEFAULT_BASE_URL
    api_id: str = ""
    timestamp_unit: TimestampUnit = TimestampUnit.MILLISECONDS
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    proxy: str = PROXY_SYSTEM
    ca_bundle: Path | None = None
    face_threshold: float = DEFAULT_FACE_THRESHOLD
    detection_types: tuple[str, ...] = DETECTION_TYPES
    record_history: bool = True

    def __post_init__(self) -> None:
        name = self.name
        # No quotes or backslashes: the name is the keychain item's user name (and quoted on macOS).
        if not isinstance(name, str) or not 1 <= len(name) <= 64 or name != name.strip() \
                or not name.isprintable() or '"' in name or "\\" in name:
            _reject("name", "name_format")
        if not isinstance(self.base_url, str):
            _reject("base_url", "type")
        sandbox_name, sandbox_url = _is_sandbox_name(name), self.base_url == SANDBOX_BASE_URL
        if (sandbox_name and (name != SANDBOX_PROFILE_NAME or not sandbox_url)) or (sandbox_url and not sandbox_name):
            _reject("name" if sandbox_name else "base_url", "reserved", name=SANDBOX_PROFILE_NAME,
                    base_url=SANDBOX_BASE_URL)
        if not sandbox_name:
            check_base_url(self.base_url)
            if not isinstance(self.api_id, str) or not 1 <= len(self.api_id) <= 128 \
                    or not self.api_id.isprintable() or any(c.isspace() for c in self.api_id):
                _reject("api_id", "api_id_format")
        if not isinstance(self.timestamp_unit, TimestampUnit):
            _reject("timestamp_unit", "choice")
        _check_number("connect_timeout", self.connect_timeout, 0.5, 120, seconds=True)
        _check_number("read_timeout", self.read_timeout, 1, 600, seconds=True)
        self._check_proxy()
        if self.ca_bundle is not None and (not isinstance(self.ca_bundle, Path) or not self.ca_bundle.is_absolute()):
            _reject("ca_bundle", "absolute_path")
        _check_number("face_threshold", self.face_threshold, 0, 1)
        types = self.detection_types
        if not isinstance(types, tuple) or not types \
                or not all(isinstance(t, str) and _DETECTION_TYPE.fullmatch(t) for t in types) \
                or len(set(types)) != len(types):
            _reject("detection_types", "detection_types_format", defaults=", ".join(DETECTION_TYPES))
        if not isinstance(self.record_history, bool):
            _reject("record_history", "type")

    def _check_proxy(self) -> None:
        if self.proxy in (PROXY_SYSTEM, PROXY_NONE):
            return
        try:
            parts = urlsplit(self.proxy)
            valid = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
        except (TypeError, AttributeError, ValueError):  # not text, or a port that is not a number
            valid = False
        if valid and (parts.username or parts.password):
            _reject("proxy", "proxy_credentials")
        if not valid:
            _reject("proxy", "proxy_format")

    @property
    def is_sandbox(self) -> bool:
        return self.name == SANDBOX_PROFILE_NAME

    def connection(self, secret: str) -> Connection:
        """The client's Connection. For the Sandbox the caller replaces base_url, api_id and secret."""
        mode = {PROXY_SYSTEM: ProxyMode.SYSTEM, PROXY_NONE: ProxyMode.NONE}.get(self.proxy, ProxyMode.EXPLICIT)
        return Connection(
            base_url=self.base_url, api_id=self.api_id, api_secret=secret, timestamp_unit=self.timestamp_unit,
            connect_timeout=self.connect_timeout, read_timeout=self.read_timeout, proxy_mode=mode,
            proxy_url=self.proxy if mode is ProxyMode.EXPLICIT else "", ca_bundle=self.ca_bundle,
            detection_types=self.detection_types,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "base_url": self.base_url, "api_id": self.api_id,
            "timestamp_unit": self.timestamp_unit.value, "connect_timeout": self.connect_timeout,
            "read_timeout": self.read_timeout, "proxy": self.proxy,
            "ca_bundle": None if self.ca_bundle is None else str(self.ca_bundle),
            "face_threshold": self.face_threshold, "detection_types": list(self.detection_types),
            "record_history": self.record_history,
        }

    @classmethod
    def from_json(cls, data: object) -> Profile:
        """The inverse of to_json; a missing field takes its default, anything else wrong is InputRejected."""
        if not isinstance(data, dict):
            _reject("profile", "type")
        unknown = sorted(set(data) - {f.name for f in fields(cls)})
        if unknown or "name" not in data:
            _reject("profile", "fields", unknown=", ".join(unknown) or "-")
        values = dict(data)
        if "timestamp_unit" in values:
            try:
                values["timestamp_unit"] = TimestampUnit(values["timestamp_unit"])
            except (ValueError, TypeError):
                pass  # left as is: __post_init__ names the field
        if isinstance(values.get("detection_types"), list):
            values["detection_types"] = tuple(values["detection_types"])
        if isinstance(values.get("ca_bundle"), str):
            values["ca_bundle"] = Path(values["ca_bundle"])
        return cls(**values)


SANDBOX_PROFILE = Profile(SANDBOX_PROFILE_NAME, base_url=SANDBOX_BASE_URL)


# --- the settings file ---------------------------------------------------------------------------


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    """v2 added record_history (default true)."""
    profiles = document.get("profiles")
    if isinstance(profiles, list):
        for entry in profiles:
            if isinstance(entry, dict):
                entry.setdefault("record_history", True)
    return {**document, "version": 2}


# Each entry upgrades a document from version N-1 to N; never change one that has shipped.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {2: _v1_to_v2}


@dataclass(frozen=True)
class SettingsIssue:
    """Something about the settings file the user must be told (the window shows it, the CLI prints it,
    both in app.catalogue's words).

    ``kind`` is "corrupt" (moved aside to ``kept_at``), "newer_version" (left untouched, changes refused)
    or "upgraded" (the old file was copied to ``kept_at`` first); ``params`` is what the words need.
    """

    kind: str
    params: dict[str, object]
    kept_at: Path | None = None


def write_private(path: Path, data: bytes) -> None:
    """Replace ``path`` atomically with a file only the user can read (mkstemp creates it 0600)."""
    private_dir(path.parent)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _parse(document: object) -> tuple[list[Profile], str]:
    if not isinstance(document, dict) or not isinstance(document.get("profiles"), list) \
            or not isinstance(document.get("last_profile", SANDBOX_PROFILE_NAME), str):
        _reject("settings", "structure")
    profiles: list[Profile] = []
    for entry in document["profiles"]:
        profile = Profile.from_json(entry)
        if profile.is_sandbox or any(p.name.casefold() == profile.name.casefold() for p in profiles):
            _reject("name", "duplicate", "in_file", profile=profile.name)
        profiles.append(profile)
    return profiles, document.get("last_profile", SANDBOX_PROFILE_NAME)


class ProfileStore:
    """The profiles of this user: the built-in Sandbox first, then the saved ones; remembers the selection.

    Read once on construction; every change is written at once. ``issues`` lists what the user must
    be told about the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.issues: list[SettingsIssue] = []
        self._profiles: list[Profile] = []
        self._selected = SANDBOX_PROFILE_NAME
        self._refusal: InputRejected | None = None
        self._load()

    @classmethod
    def open_default(cls, environ: Mapping[str, str] | None = None) -> ProfileStore:
        return cls(config_dir(environ) / SETTINGS_FILE_NAME)

    # --- reading and writing the file ---------------------------------------------------------

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:  # a folder, or not readable: say which file and why; never move it
            raise InputRejected("settings", "settings_unreadable", "folder" if self.path.is_dir() else "",
                                path=str(self.path), reason=(exc.strerror or str(exc)).lower()) from None
        try:
            document = json.loads(raw.decode("utf-8"))
            version = document.get("version") if isinstance(document, dict) else None
            if isinstance(version, bool) or not isinstance(version, int) or version < 1:
                _reject("settings", "version")
            if version > FORMAT_VERSION:
                self._refuse_newer(version)
                return
            for step in range(version + 1, FORMAT_VERSION + 1):
                document = UPGRADES[step](document)
            self._profiles, selected = _parse(document)
        except (ValueError, InputRejected) as exc:  # bad UTF-8 or JSON, or content that does not check
            self._set_aside(str(exc))
            return
        self._selected = selected if self._find(selected) is not None else SANDBOX_PROFILE_NAME
        if version < FORMAT_VERSION:
            backup = aside_path(self.path, f"v{version}-backup")
            write_private(backup, raw)
            self._save()
            self.issues.append(SettingsIssue("upgraded", {"version": version, "current": FORMAT_VERSION}, backup))

    def _set_aside(self, reason: str) -> None:
        aside = aside_path(self.path, "corrupt")
        os.replace(self.path, aside)
        self.issues.append(SettingsIssue("corrupt", {"reason": reason}, aside))

    def _refuse_newer(self, version: int) -> None:
        params: dict[str, object] = {"path": str(self.path), "version": version, "current": FORMAT_VERSION}
        self.issues.append(SettingsIssue("newer_version", params))
        self._refusal = InputRejected("settings", "newer_version", "", **params)

    def _save(self, profiles: list[Profile] | None = None, selected: str | None = None) -> None:
        """Write the file with these profiles and selection, and only then keep them (a failed write
        changes nothing, on disk or in memory)."""
        self._check_writable()
        profiles = self._profiles if profiles is None else profiles
        selected = self._selected if selected is None else selected
        document = {"version": FORMAT_VERSION, "last_profile": selected,
                    "profiles": [p.to_json() for p in profiles]}
        try:
            write_private(self.path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise InputRejected("settings", "settings_not_writable", path=str(self.path),
                                reason=reason.lower()) from None
        self._profiles, self._selected = list(profiles), selected

    # --- the profiles ---------------------------------------------------------------------------

    def _find(self, name: str) -> int | None:
        return next((i for i, p in enumerate(self._profiles) if p.name.casefold() == name.casefold()), None)

    def _check_writable(self) -> None:
        if self._refusal is not None:
            raise self._refusal

    def _index(self, name: str) -> int:
        index = self._find(name)
        if index is None:
            _reject("profile", "unknown_profile", profile=name)
        return index

    def _editable_index(self, name: str) -> int:
        if _is_sandbox_name(name):
            _reject("name", "sandbox_builtin")
        return self._index(name)

    def profiles(self) -> list[Profile]:
        return [SANDBOX_PROFILE, *self._profiles]

    def get(self, name: str) -> Profile:
        """The profile of that name (case does not matter)."""
        return SANDBOX_PROFILE if _is_sandbox_name(name) else self._profiles[self._index(name)]

    @property
    def selected(self) -> Profile:
        """The profile last selected; the Sandbox on a first run."""
        return self.get(self._selected)

    def add(self, profile: Profile) -> None:
        self._check_writable()
        if profile.is_sandbox:
            self._editable_index(profile.name)
        if self._find(profile.name) is not None:
            _reject("name", "duplicate", profile=profile.name)
        if profile.ca_bundle is not None:
            make_ssl_context(profile.ca_bundle)  # refuses a missing or unreadable file, naming ca_bundle
        self._save([*self._profiles, profile])

    def update(self, profile: Profile) -> None:
        """Replace the saved profile of the same name (a name cannot change: the secret is filed under it)."""
        self._check_writable()
        index = self._editable_index(profile.name)
        if profile.ca_bundle is not None:
            make_ssl_context(profile.ca_bundle)
        self._save([*self._profiles[:index], profile, *self._profiles[index + 1:]])

    def edit(self, name: str, /, **changes: Any) -> Profile:
        """Change some fields of a saved profile (checked as a whole) and save; returns the new profile."""
        self._check_writable()
        if changes.get("name", name) != name:
            _reject("name", "rename")
        profile = dataclasses.replace(self._profiles[self._editable_index(name)], **changes)
        self.update(profile)
        return profile

    def remove(self, name: str, secrets: SecretStore) -> None:
        """Remove the profile and its keychain secret; kept when the keychain is locked, so none is orphaned."""
        self._check_writable()
        index = self._editable_index(name)
        try:
            secrets.delete(self._profiles[index].name)
        except KeychainUnavailable as problem:
            if not problem.nothing_stored:
                raise
        remaining = [*self._profiles[:index], *self._profiles[index + 1:]]
        kept = any(p.name.casefold() == self._selected.casefold() for p in remaining)
        self._save(remaining, self._selected if kept else SANDBOX_PROFILE_NAME)

    def select(self, name: str) -> None:
        """Remember the profile the user works with (kept in memory only when the file is refused)."""
        selected = self.get(name).name
        if self._refusal is None:
            self._save(selected=selected)
        else:
            self._selected = selected

"""Profiles: the accounts the app talks to, each field declared once (PROFILE_FIELDS).

A ProfileField says a field's type, default, range or choices, its own rule and the catalogue ids of
its label and help; from these come a Profile's checks (and so the settings file's validation), its
JSON, the flags of `linkface-desk profile add/edit` and the Settings dialog's editors. A Profile is
plain data: resolving its secret or the sandbox is the runtime's business (app.runtime).

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
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Generic, NoReturn, TypeVar
from urllib.parse import urlsplit

from app.core.cases import Policy, check_staff_id, policy_from_json, policy_to_json
from app.core.contract import DEFAULT_BASE_URL, DETECTION_TYPES
from app.core.errors import InputRejected
from app.core.interpret import DEFAULT_FACE_THRESHOLD
from app.core.paths import aside_path, config_dir, private_dir
from app.core.signing import TimestampUnit
from app.core.validation import check_base_url

SANDBOX_PROFILE_NAME = "Sandbox"
SANDBOX_BASE_URL = "sandbox:"  # a marker: the layer above starts an in-process sandbox for it
SETTINGS_FILE_NAME = "settings.json"
FORMAT_VERSION = 3
NOTICE_MAX_CHARS = 4000
PROXY_SYSTEM, PROXY_NONE = "system", "none"
_DETECTION_TYPE = re.compile(r"[a-z][a-z0-9_]{0,63}")

T = TypeVar("T")


def _reject(field: str, rule: str, variant: str = "", **params: object) -> NoReturn:
    raise InputRejected(field, rule, variant, **params)


@dataclass(frozen=True)
class ProfileField(Generic[T]):
    """One field of a profile, declared once.

    ``type`` is str, float, bool, Path (or None), tuple (of str) or an Enum, whose members are the
    choices; it picks the check, the JSON form, the CLI flag and the dialog's widget. A float lies in
    ``low``..``high`` (``unit`` "s": seconds), edited in ``step``s; ``suggestions`` are the usual values
    of an open text field; ``rule`` is the field's own check. ``label`` and ``help`` are catalogue ids
    (app.catalogue.fields) and ``flag`` the CLI's name: the field's name unless given.
    """

    name: str
    type: type[Any]
    default: T
    low: float = 0
    high: float = 0
    unit: str = ""
    step: float = 1
    suggestions: tuple[str, ...] = ()
    metavar: str = ""
    rule: Callable[[Any], None] | None = None
    flag: str = ""
    label: str = ""
    help: str = ""

    def __post_init__(self) -> None:
        for attribute in ("flag", "label", "help"):
            object.__setattr__(self, attribute, getattr(self, attribute) or self.name)

    @property
    def choices(self) -> tuple[Any, ...]:
        """The values an Enum field may take (none for the other types)."""
        return tuple(self.type) if issubclass(self.type, Enum) else ()

    def check(self, value: object) -> None:
        """Refuse a value of another type or out of range, naming this field; then apply the field's rule."""
        if self.type is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                    or not self.low <= value <= self.high:
                _reject(self.name, "range", "seconds" if self.unit == "s" else "", low=f"{self.low:g}",
                        high=f"{self.high:g}")
        elif self.type is bool:
            if not isinstance(value, bool):
                _reject(self.name, "type")
        elif self.choices:
            if not isinstance(value, self.type):
                _reject(self.name, "choice")
        elif self.type is Path and value is not None and (not isinstance(value, Path) or not value.is_absolute()):
            _reject(self.name, "absolute_path")
        if self.rule is not None:
            self.rule(value)

    def from_json(self, value: object) -> object:
        """The settings file's value in this field's type; left as it is when it does not convert (the check
        then names the field)."""
        if self.choices:
            return next((choice for choice in self.choices if choice.value == value), value)
        if self.type is Path and isinstance(value, str):
            return Path(value)
        if self.type is tuple and isinstance(value, list):
            return tuple(value)
        return value

    def to_json(self, value: object) -> object:
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, Path):
            return str(value)
        return list(value) if isinstance(value, tuple) else value

    def from_text(self, text: str) -> object:
        """What was typed in the window or given on the command line, without the blanks around it; raises
        ValueError when it is not of this field's type (the check refuses the rest)."""
        text = text.strip()
        if self.type is float:
            return float(text)
        if self.choices:
            return self.type(text)
        if self.type is Path:
            return Path(text) if text else None
        if self.type is tuple:
            return tuple(item.strip() for item in text.split(",") if item.strip())
        return text

    def to_text(self, value: object) -> str:
        """How a text box shows the value: the inverse of from_text."""
        if value is None:
            return ""
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, float):
            return f"{value:g}"
        return ", ".join(value) if isinstance(value, tuple) else str(value)


# --- the fields' own rules -----------------------------------------------------------------------


def _check_name(name: object) -> None:
    # No quotes or backslashes: the name is the keychain item's user name (and quoted on macOS).
    if not isinstance(name, str) or not 1 <= len(name) <= 64 or name != name.strip() \
            or not name.isprintable() or '"' in name or "\\" in name:
        _reject("name", "name_format")


def _check_base_url(base_url: object) -> None:
    if not isinstance(base_url, str):
        _reject("base_url", "type")
    check_base_url(base_url)


def _check_api_id(api_id: object) -> None:
    if not isinstance(api_id, str) or not 1 <= len(api_id) <= 128 or not api_id.isprintable() \
            or any(c.isspace() for c in api_id):
        _reject("api_id", "api_id_format")


def _check_proxy(proxy: object) -> None:
    if proxy in (PROXY_SYSTEM, PROXY_NONE):
        return
    if not isinstance(proxy, str):
        _reject("proxy", "proxy_format")
    try:
        parts = urlsplit(proxy)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:  # a port that is not a number, a bracketed host that is not an IPv6 address
        valid = False
    if valid and (parts.username or parts.password):
        _reject("proxy", "proxy_credentials")
    if not valid:
        _reject("proxy", "proxy_format")


def _check_detection_types(types: object) -> None:
    if not isinstance(types, tuple) or not types \
            or not all(isinstance(t, str) and _DETECTION_TYPE.fullmatch(t) for t in types) \
            or len(set(types)) != len(types):
        _reject("detection_types", "detection_types_format", defaults=", ".join(DETECTION_TYPES))


PROFILE_FIELDS: tuple[ProfileField[Any], ...] = (
    ProfileField("name", str, "", rule=_check_name),
    ProfileField("base_url", str, DEFAULT_BASE_URL, rule=_check_base_url),
    ProfileField("api_id", str, "", rule=_check_api_id),
    ProfileField("timestamp_unit", TimestampUnit, TimestampUnit.MILLISECONDS),
    ProfileField("connect_timeout", float, 5.0, low=0.5, high=120, unit="s"),
    ProfileField("read_timeout", float, 30.0, low=1, high=600, unit="s"),
    ProfileField("proxy", str, PROXY_SYSTEM, suggestions=(PROXY_SYSTEM, PROXY_NONE),
                 metavar=f"{PROXY_SYSTEM}|{PROXY_NONE}|URL", rule=_check_proxy),
    ProfileField[Path | None]("ca_bundle", Path, None, metavar="PATH"),
    ProfileField("face_threshold", float, DEFAULT_FACE_THRESHOLD, low=0, high=1, step=0.05),
    ProfileField("detection_types", tuple, DETECTION_TYPES, metavar="A,B,C", rule=_check_detection_types),
    ProfileField("record_history", bool, True, flag="history"),
)
"""In the order of the settings file, the CLI's flags and the dialog's rows."""
FIELDS = {field.name: field for field in PROFILE_FIELDS}
_SANDBOX_SUPPLIES = ("base_url", "api_id")  # the runtime's own sandbox: nothing to check for the Sandbox


def _is_sandbox_name(name: str) -> bool:
    return name.strip().casefold() == SANDBOX_PROFILE_NAME.casefold()


@dataclass(frozen=True)
class Profile:
    """One account: where to call, as whom, how to connect, and how to read the scores (PROFILE_FIELDS
    declares each field; ``proxy`` is "system", "none" or an http(s) proxy URL).

    Checked on construction (also by dataclasses.replace), raising InputRejected that names the field.
    """

    name: str
    base_url: str = FIELDS["base_url"].default
    api_id: str = FIELDS["api_id"].default
    timestamp_unit: TimestampUnit = FIELDS["timestamp_unit"].default
    connect_timeout: float = FIELDS["connect_timeout"].default
    read_timeout: float = FIELDS["read_timeout"].default
    proxy: str = FIELDS["proxy"].default
    ca_bundle: Path | None = FIELDS["ca_bundle"].default
    face_threshold: float = FIELDS["face_threshold"].default
    detection_types: tuple[str, ...] = FIELDS["detection_types"].default
    record_history: bool = FIELDS["record_history"].default

    def __post_init__(self) -> None:
        FIELDS["name"].check(self.name)
        sandbox_name, sandbox_url = _is_sandbox_name(self.name), self.base_url == SANDBOX_BASE_URL
        if (sandbox_name and (self.name != SANDBOX_PROFILE_NAME or not sandbox_url)) \
                or (sandbox_url and not sandbox_name):
            _reject("name" if sandbox_name else "base_url", "reserved", name=SANDBOX_PROFILE_NAME,
                    base_url=SANDBOX_BASE_URL)
        for field in PROFILE_FIELDS:
            if field.name != "name" and not (sandbox_name and field.name in _SANDBOX_SUPPLIES):
                field.check(getattr(self, field.name))

    @property
    def is_sandbox(self) -> bool:
        return self.name == SANDBOX_PROFILE_NAME

    def to_json(self) -> dict[str, Any]:
        return {field.name: field.to_json(getattr(self, field.name)) for field in PROFILE_FIELDS}

    @classmethod
    def from_json(cls, data: object) -> Profile:
        """The inverse of to_json; a missing field takes its default, anything else wrong is InputRejected."""
        if not isinstance(data, dict):
            _reject("profile", "type")
        unknown = sorted(set(data) - set(FIELDS))
        if unknown or "name" not in data:
            _reject("profile", "fields", unknown=", ".join(unknown) or "-")
        values: dict[str, Any] = {name: FIELDS[name].from_json(value) for name, value in data.items()}
        return cls(**values)


SANDBOX_PROFILE = Profile(SANDBOX_PROFILE_NAME, base_url=SANDBOX_BASE_URL)


def check_ca_file(path: Path) -> None:
    """Refuse a CA file that cannot be read as PEM certificates (when a profile is saved: the client loads
    it again for each call)."""
    import ssl  # here, not at the top: the window's start does not wait for OpenSSL

    try:
        ssl.create_default_context(cafile=str(path))
    except (OSError, ssl.SSLError) as exc:
        raise InputRejected("ca_bundle", "ca_file", reason=str(exc)) from None


# --- the settings file ---------------------------------------------------------------------------


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    """v2 added record_history (default true)."""
    profiles = document.get("profiles")
    if isinstance(profiles, list):
        for entry in profiles:
            if isinstance(entry, dict):
                entry.setdefault("record_history", True)
    return {**document, "version": 2}


def _v2_to_v3(document: dict[str, Any]) -> dict[str, Any]:
    """v3 added the clerk's staff ID, the consent notice and the case policy (defaults: none, the
    catalogue's notice, app.core.cases.Policy())."""
    return {**document, "version": 3}


# Each entry upgrades a document from version N-1 to N; never change one that has shipped.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {2: _v1_to_v2, 3: _v2_to_v3}


@dataclass(frozen=True)
class CounterSettings:
    """What the counter's cases need besides the profiles: who the clerk is (her staff ID, the teller number, set once
    per OS user), the consent notice shown to customers ("" = the catalogue's default, in the window's
    language) and the bank's case policy."""

    staff_id: str = ""
    consent_notice: str = ""
    policy: Policy = dataclasses.field(default_factory=Policy)

    def __post_init__(self) -> None:
        if self.staff_id:
            check_staff_id(self.staff_id)
        if not isinstance(self.consent_notice, str) or len(self.consent_notice) > NOTICE_MAX_CHARS:
            _reject("consent_notice", "length", limit=NOTICE_MAX_CHARS)

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> CounterSettings:
        staff_id, notice = document.get("staff_id", ""), document.get("consent_notice", "")
        if not isinstance(staff_id, str):
            _reject("staff_id", "type")
        if not isinstance(notice, str):
            _reject("consent_notice", "type")
        return cls(staff_id, notice, policy_from_json(document.get("policy", {})))

    def to_json(self) -> dict[str, object]:
        return {"staff_id": self.staff_id, "consent_notice": self.consent_notice,
                "policy": policy_to_json(self.policy)}


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
    refusal: InputRejected | None = None  # why a corrupt file's content did not check (worded for the user)


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


def _parse(document: object) -> tuple[list[Profile], str, CounterSettings]:
    if not isinstance(document, dict) or not isinstance(document.get("profiles"), list) \
            or not isinstance(document.get("last_profile", SANDBOX_PROFILE_NAME), str):
        _reject("settings", "structure")
    profiles: list[Profile] = []
    for entry in document["profiles"]:
        profile = Profile.from_json(entry)
        if profile.is_sandbox or any(p.name.casefold() == profile.name.casefold() for p in profiles):
            _reject("name", "duplicate", "in_file", profile=profile.name)
        profiles.append(profile)
    return profiles, document.get("last_profile", SANDBOX_PROFILE_NAME), CounterSettings.from_json(document)


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
        self._counter = CounterSettings()
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
            self._profiles, selected, self._counter = _parse(document)
        except (ValueError, InputRejected) as exc:  # bad UTF-8 or JSON, or content that does not check
            self._set_aside(str(exc), exc if isinstance(exc, InputRejected) else None)
            return
        self._selected = selected if self._find(selected) is not None else SANDBOX_PROFILE_NAME
        if version < FORMAT_VERSION:
            backup = aside_path(self.path, f"v{version}-backup")
            write_private(backup, raw)
            self._save()
            self.issues.append(SettingsIssue("upgraded", {"version": version, "current": FORMAT_VERSION}, backup))

    def _set_aside(self, reason: str, refusal: InputRejected | None) -> None:
        aside = aside_path(self.path, "corrupt")
        os.replace(self.path, aside)
        self.issues.append(SettingsIssue("corrupt", {"reason": reason}, aside, refusal))

    def _refuse_newer(self, version: int) -> None:
        params: dict[str, object] = {"path": str(self.path), "version": version, "current": FORMAT_VERSION}
        self.issues.append(SettingsIssue("newer_version", params))
        self._refusal = InputRejected("settings", "newer_version", "", **params)

    def _save(self, profiles: list[Profile] | None = None, selected: str | None = None,
              counter: CounterSettings | None = None) -> None:
        """Write the file with these profiles, selection and counter settings, and only then keep them (a
        failed write changes nothing, on disk or in memory)."""
        self._check_writable()
        profiles = self._profiles if profiles is None else profiles
        selected = self._selected if selected is None else selected
        counter = self._counter if counter is None else counter
        document = {"version": FORMAT_VERSION, "last_profile": selected,
                    "profiles": [p.to_json() for p in profiles], **counter.to_json()}
        try:
            write_private(self.path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise InputRejected("settings", "settings_not_writable", path=str(self.path),
                                reason=reason.lower()) from None
        self._profiles, self._selected, self._counter = list(profiles), selected, counter

    # --- the counter's settings -------------------------------------------------------------------

    @property
    def counter(self) -> CounterSettings:
        return self._counter

    def set_counter(self, **changes: Any) -> CounterSettings:
        """Change the staff ID, the consent notice or the policy (checked) and save."""
        if changes.get("staff_id"):
            changes["staff_id"] = check_staff_id(changes["staff_id"])
        counter = dataclasses.replace(self._counter, **changes)
        self._save(counter=counter)
        return counter

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
        self._check_writable()
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
            check_ca_file(profile.ca_bundle)
        self._save([*self._profiles, profile])

    def update(self, profile: Profile) -> None:
        """Replace the saved profile of the same name (a name cannot change: the secret is filed under it)."""
        index = self._editable_index(profile.name)
        if profile.ca_bundle is not None:
            check_ca_file(profile.ca_bundle)
        self._save([*self._profiles[:index], profile, *self._profiles[index + 1:]])

    def edit(self, name: str, /, **changes: Any) -> Profile:
        """Change some fields of a saved profile (checked as a whole) and save; returns the new profile."""
        self._check_writable()
        if changes.get("name", name) != name:
            _reject("name", "rename")
        profile = dataclasses.replace(self._profiles[self._editable_index(name)], **changes)
        self.update(profile)
        return profile

    def editable(self, name: str) -> Profile:
        """The saved profile of that name, if it may be changed or removed: refuses the Sandbox, a name that is
        not saved and a settings file from a newer version."""
        return self._profiles[self._editable_index(name)]

    def remove(self, name: str) -> None:
        """Remove the saved profile (app.core.secrets.remove_profile removes its keychain secret first)."""
        index = self._editable_index(name)
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

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


def _reject(field: str, rule: str, message: str, message_zh: str) -> NoReturn:
    raise InputRejected(field, rule, message, message_zh)


def _check_number(field: str, value: object, low: float, high: float, unit: str = "") -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not low <= value <= high:
        _reject(field, "range", f"{field} must be a number from {low:g} to {high:g}{unit}.",
                f"{field} 须为 {low:g} 到 {high:g}{unit} 之间的数字。")


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
            _reject("name", "name_format",
                    "The profile name must be 1 to 64 printable characters, without quotes or backslashes "
                    "or spaces at either end.",
                    "配置名称须为 1 至 64 个可打印字符，不含引号、反斜杠，首尾不能有空格。")
        if not isinstance(self.base_url, str):
            _reject("base_url", "type", "The base URL must be text.", "服务地址须为文本。")
        sandbox_name, sandbox_url = _is_sandbox_name(name), self.base_url == SANDBOX_BASE_URL
        if (sandbox_name and (name != SANDBOX_PROFILE_NAME or not sandbox_url)) or (sandbox_url and not sandbox_name):
            _reject("name" if sandbox_name else "base_url", "reserved",
                    f"The name {SANDBOX_PROFILE_NAME!r} and the base URL {SANDBOX_BASE_URL!r} belong to the "
                    "built-in Sandbox profile.",
                    f"名称 {SANDBOX_PROFILE_NAME!r} 与服务地址 {SANDBOX_BASE_URL!r} 保留给内置沙箱配置。")
        if not sandbox_name:
            check_base_url(self.base_url)
            if not isinstance(self.api_id, str) or not 1 <= len(self.api_id) <= 128 \
                    or not self.api_id.isprintable() or any(c.isspace() for c in self.api_id):
                _reject("api_id", "api_id_format", "The api_id is required: 1 to 128 characters, no spaces.",
                        "api_id 为必填项：1 至 128 个字符，不含空格。")
        if not isinstance(self.timestamp_unit, TimestampUnit):
            _reject("timestamp_unit", "choice", "The timestamp unit must be ms or s.", "时间戳单位须为 ms 或 s。")
        _check_number("connect_timeout", self.connect_timeout, 0.5, 120, " s")
        _check_number("read_timeout", self.read_timeout, 1, 600, " s")
        self._check_proxy()
        if self.ca_bundle is not None and (not isinstance(self.ca_bundle, Path) or not self.ca_bundle.is_absolute()):
            _reject("ca_bundle", "absolute_path", "The CA bundle must be given as a full path to a file.",
                    "CA 证书文件须使用完整路径。")
        _check_number("face_threshold", self.face_threshold, 0, 1)
        types = self.detection_types
        if not isinstance(types, tuple) or not types \
                or not all(isinstance(t, str) and _DETECTION_TYPE.fullmatch(t) for t in types) \
                or len(set(types)) != len(types):
            _reject("detection_types", "detection_types_format",
                    "Give one or more distinct detection types in lowercase letters, digits and _ "
                    f"(default: {', '.join(DETECTION_TYPES)}).",
                    "请给出一个或多个互不相同的检测类型，仅含小写字母、数字和下划线"
                    f"（默认：{', '.join(DETECTION_TYPES)}）。")
        if not isinstance(self.record_history, bool):
            _reject("record_history", "type", "record_history must be true or false.",
                    "record_history 须为 true 或 false。")

    def _check_proxy(self) -> None:
        if self.proxy in (PROXY_SYSTEM, PROXY_NONE):
            return
        try:
            parts = urlsplit(self.proxy)
            valid = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
        except (TypeError, AttributeError, ValueError):  # not text, or a port that is not a number
            valid = False
        if valid and (parts.username or parts.password):
            _reject("proxy", "proxy_credentials",
                    "A proxy password would be saved in plain text: choose system and let the system's proxy "
                    "settings carry it.",
                    "代理密码会以明文保存：请选择 system，由系统代理设置提供。")
        if not valid:
            _reject("proxy", "proxy_format",
                    "The proxy must be system, none, or a URL such as http://proxy.example:8080.",
                    "代理须为 system、none，或形如 http://proxy.example:8080 的地址。")

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
            _reject("profile", "type", "A profile must be a JSON object.", "配置须为 JSON 对象。")
        unknown = sorted(set(data) - {f.name for f in fields(cls)})
        if unknown or "name" not in data:
            _reject("profile", "fields", f"Unknown fields {unknown} or no name.", f"未知字段 {unknown} 或缺少名称。")
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
    """Something about the settings file the user must be told (the window shows it, the CLI prints it).

    ``kind`` is "corrupt" (moved aside to ``kept_at``), "newer_version" (left untouched, changes refused)
    or "upgraded" (the old file was copied to ``kept_at`` first).
    """

    kind: str
    message: str
    message_zh: str
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
        _reject("settings", "structure", "The file is not a settings document (profiles, last_profile).",
                "文件不是有效的设置文档。")
    profiles: list[Profile] = []
    for entry in document["profiles"]:
        profile = Profile.from_json(entry)
        if profile.is_sandbox or any(p.name.casefold() == profile.name.casefold() for p in profiles):
            _reject("name", "duplicate", f"The profile {profile.name!r} appears twice or is reserved.",
                    f"配置 {profile.name!r} 重复或为保留名称。")
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
            problem = "is a folder" if self.path.is_dir() else f"cannot be read: {(exc.strerror or str(exc)).lower()}"
            problem_zh = "是文件夹" if self.path.is_dir() else f"无法读取：{exc.strerror or exc}"
            raise InputRejected(
                "settings", "settings_unreadable",
                f"The settings file {self.path} {problem}. Ask IT to fix it, or set LINKFACE_DESK_HOME to "
                "another folder.",
                f"设置文件 {self.path} {problem_zh}。请联系 IT 修正，或将 LINKFACE_DESK_HOME 设为其他文件夹。",
            ) from None
        try:
            document = json.loads(raw.decode("utf-8"))
            version = document.get("version") if isinstance(document, dict) else None
            if isinstance(version, bool) or not isinstance(version, int) or version < 1:
                _reject("settings", "version", "The file has no valid format version.", "文件缺少有效的格式版本。")
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
            self.issues.append(SettingsIssue(
                "upgraded", f"The settings file was upgraded from format {version} to {FORMAT_VERSION}; "
                f"the old file was kept as {backup}.",
                f"设置文件已从格式 {version} 升级到 {FORMAT_VERSION}；旧文件保存在 {backup}。", backup))

    def _set_aside(self, reason: str) -> None:
        aside = aside_path(self.path, "corrupt")
        os.replace(self.path, aside)
        self.issues.append(SettingsIssue(
            "corrupt", f"The settings file could not be read ({reason}). It was kept as {aside}; "
            "the saved profiles must be entered again (the keychain secrets are still there).",
            f"无法读取设置文件（{reason}）。原文件已保存为 {aside}；请重新填写配置（钥匙串中的密钥仍在）。", aside))

    def _refuse_newer(self, version: int) -> None:
        en = (f"The settings file {self.path} was written by a newer LinkFace Desk (format {version}; this "
              f"version reads up to {FORMAT_VERSION}). It was left untouched and cannot be changed here: "
              "update LinkFace Desk. Only the Sandbox profile is available.")
        zh = (f"设置文件 {self.path} 由更新版本的 LinkFace Desk 写入（格式 {version}，本版本最高支持 "
              f"{FORMAT_VERSION}）。文件未作改动，此处无法修改：请升级 LinkFace Desk。目前仅可使用沙箱配置。")
        self.issues.append(SettingsIssue("newer_version", en, zh))
        self._refusal = InputRejected("settings", "newer_version", en, zh)

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
            raise InputRejected(
                "settings", "settings_not_writable",
                f"The settings file {self.path} cannot be written: {reason.lower()}. Nothing was changed; ask IT "
                "to fix the folder's permissions.",
                f"设置文件 {self.path} 无法写入：{reason}。未作任何更改；请联系 IT 修正文件夹权限。",
            ) from None
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
            _reject("profile", "unknown_profile", f"There is no profile named {name!r}.", f"没有名为 {name!r} 的配置。")
        return index

    def _editable_index(self, name: str) -> int:
        if _is_sandbox_name(name):
            _reject("name", "sandbox_builtin", "The Sandbox profile is built in: it cannot be edited or removed.",
                    "沙箱配置为内置配置，不能修改或删除。")
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
            _reject("name", "duplicate", f"A profile named {profile.name!r} already exists.",
                    f"名为 {profile.name!r} 的配置已存在。")
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
            _reject("name", "rename", "A profile cannot be renamed: add a new one and remove the old one.",
                    "配置不能改名：请新建配置并删除旧配置。")
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

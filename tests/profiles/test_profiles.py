"""Profiles and their settings file: the field declarations, round trip, privacy, atomic writes, corruption,
versions, Sandbox; refusals worded by the catalogue."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalogue.fields import field_help, field_label
from app.catalogue.words import rule_key, settings_issue
from app.core import paths
from app.core.contract import DETECTION_TYPES
from app.core.errors import InputRejected
from app.core.profiles import (
    FORMAT_VERSION,
    PROFILE_FIELDS,
    SANDBOX_PROFILE,
    SANDBOX_PROFILE_NAME,
    Profile,
    ProfileField,
    ProfileStore,
    SettingsIssue,
)
from app.core.secrets import MemorySecretStore, remove_profile
from app.core.signing import TimestampUnit
from app.ui.preferences import PREFERENCES
from tests.words import Worded, both, rejection_words

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def full_profile(name: str = "Production", **changes: Any) -> Profile:
    values: dict[str, Any] = dict(
        name=name, base_url="https://api.example.cn", api_id="prod-id", timestamp_unit=TimestampUnit.SECONDS,
        connect_timeout=3.0, read_timeout=45.0, proxy="http://proxy.bank.example:8080",
        ca_bundle=Path("/etc/bank/ca.pem").absolute(), face_threshold=0.8,
        detection_types=(*DETECTION_TYPES, "silent_liveness"), record_history=False,
    )
    values.update(changes)
    return Profile(**values)


def settings_path(home: Path) -> Path:
    return home / "config" / "settings.json"


def write_settings(home: Path, document: object) -> Path:
    path = settings_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document) if not isinstance(document, str) else document, encoding="utf-8")
    return path


def open_store() -> ProfileStore:
    return ProfileStore.open_default()


def no_ca_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CA file is checked when a profile is saved; these tests use a path that need not exist."""
    monkeypatch.setattr("app.core.profiles.check_ca_file", lambda path: None)


def issue_words(issue: SettingsIssue) -> tuple[str, str]:
    return both(lambda: settings_issue(issue))


# --- the declarations ----------------------------------------------------------------------------


def test_the_declarations_are_the_profiles_fields_in_order_and_type() -> None:
    hints = typing.get_type_hints(Profile)
    assert [f.name for f in dataclasses.fields(Profile)] == [f.name for f in PROFILE_FIELDS]
    for field in PROFILE_FIELDS:
        hint = hints[field.name]
        assert field.type in (hint, typing.get_origin(hint), *typing.get_args(hint)), field.name
        assert getattr(Profile("P", api_id="id"), field.name) == field.default or field.name in ("name", "api_id")


@pytest.mark.parametrize("field", [f for f in PROFILE_FIELDS if f.type is not bool], ids=lambda f: f.name)
def test_a_fields_text_reads_back_as_its_value(field: ProfileField[Any]) -> None:
    """What a text box shows (and the CLI is given) is read back as the same value."""
    assert field.from_text(f"  {field.to_text(field.default)} ") == field.default


@pytest.mark.parametrize("declared", [*PROFILE_FIELDS, *PREFERENCES], ids=lambda d: d.name)
def test_every_field_and_preference_has_a_label_and_help_in_both_languages(declared: Any) -> None:
    (label, help_text), (label_zh, help_zh) = both(lambda: (field_label(declared), field_help(declared)))
    assert label and label_zh and help_text and help_zh != help_text
    assert "{" not in help_text + help_zh  # every placeholder filled from the declaration


# --- paths ---------------------------------------------------------------------------------------


def test_paths_follow_linkface_desk_home(isolated: Path) -> None:
    assert paths.config_dir() == isolated / "config"
    assert paths.data_dir() == isolated / "data"
    assert paths.log_dir() == isolated / "logs"
    assert paths.cache_dir() == isolated / "cache"


def test_paths_default_to_the_platform_folders() -> None:
    environ: dict[str, str] = {}
    for folder in (paths.config_dir(environ), paths.data_dir(environ), paths.log_dir(environ)):
        assert "LinkFaceDesk" in folder.parts


# --- the settings file ---------------------------------------------------------------------------


def test_round_trip_keeps_every_field_and_the_selection(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_ca_check(monkeypatch)
    store = open_store()
    production = full_profile()
    test = Profile("Test 测试", base_url="http://127.0.0.1:8080", api_id="test-id")
    store.add(production)
    store.add(test)
    store.select("production")  # case does not matter

    again = open_store()
    assert again.profiles() == [SANDBOX_PROFILE, production, test]
    assert again.selected == production
    assert again.issues == []
    document = json.loads(settings_path(isolated).read_text(encoding="utf-8"))
    assert document["version"] == FORMAT_VERSION
    assert document["last_profile"] == "Production"
    assert [p["name"] for p in document["profiles"]] == ["Production", "Test 测试"]  # the Sandbox is not stored


@posix_only
def test_settings_file_is_private(isolated: Path) -> None:
    os.umask(0o022)
    open_store().add(Profile("A", api_id="a"))
    path = settings_path(isolated)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_failed_write_leaves_the_old_file_and_no_temporary(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store()
    store.add(Profile("A", api_id="a"))
    before = settings_path(isolated).read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(InputRejected) as info:
        store.add(Profile("B", api_id="b"))
    assert (info.value.field, info.value.rule) == ("settings", "settings_not_writable")
    assert info.value.params == {"path": str(settings_path(isolated)), "reason": "disk full"}
    assert "cannot be written: disk full" in Worded(info.value).message
    assert settings_path(isolated).read_bytes() == before
    assert sorted(p.name for p in settings_path(isolated).parent.iterdir()) == ["settings.json"]
    assert [p.name for p in store.profiles()] == ["Sandbox", "A"]  # nor in memory


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "Expecting property name"),
        ({"version": 2, "last_profile": "Sandbox", "profiles": [{"name": "A", "api_id": "a", "connect_timeout": "5"}]},
         "connect_timeout"),
        ({"version": 2, "profiles": {"name": "A"}}, "settings"),
        ({"profiles": []}, "version"),
        ([1, 2], "version"),
    ],
)
def test_a_corrupt_file_is_set_aside_and_reported(isolated: Path, content: object, reason: str) -> None:
    path = write_settings(isolated, content)
    original = path.read_bytes()

    store = open_store()
    assert store.profiles() == [SANDBOX_PROFILE]
    [issue] = store.issues
    assert issue.kind == "corrupt" and reason in str(issue.params["reason"])
    english, chinese = issue_words(issue)
    assert chinese != english
    if issue.refusal is None:  # not JSON at all: the parser's own words, kept for IT
        assert reason in english and reason in chinese
    else:  # the content broke a rule: the rule's words, in each language
        refused_en, refused_zh = rejection_words(issue.refusal)
        assert f"({refused_en.rstrip('.')})" in english and f"（{refused_zh.rstrip('。')}）" in chinese
    assert issue.kept_at is not None and issue.kept_at.name.startswith("settings.json.corrupt-")
    assert issue.kept_at.read_bytes() == original  # never lost
    assert not path.exists()
    store.add(Profile("A", api_id="a"))  # and the app goes on with a fresh file
    assert open_store().issues == []


def test_a_newer_file_is_refused_and_left_untouched(isolated: Path) -> None:
    path = write_settings(isolated, {"version": FORMAT_VERSION + 1, "profiles": [{"name": "X", "future": 1}]})
    before = path.read_bytes(), path.stat().st_mtime_ns

    store = open_store()
    [issue] = store.issues
    assert issue.kind == "newer_version" and issue.params["version"] == FORMAT_VERSION + 1
    english, chinese = issue_words(issue)
    assert "newer" in english and "更新" in chinese
    assert store.profiles() == [SANDBOX_PROFILE]
    with pytest.raises(InputRejected) as refused:
        store.add(Profile("A", api_id="a"))
    assert refused.value.rule == "newer_version"
    store.select(SANDBOX_PROFILE_NAME)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]


def test_v1_is_upgraded_after_a_backup(isolated: Path) -> None:
    v1 = {"version": 1, "last_profile": "Old",
          "profiles": [{"name": "Old", "base_url": "https://api.example.cn", "api_id": "old-id"}]}
    path = write_settings(isolated, v1)
    original = path.read_bytes()

    store = open_store()
    [issue] = store.issues
    assert issue.kind == "upgraded"
    assert store.get("Old").record_history is True
    assert store.selected.name == "Old"
    assert issue.kept_at is not None and issue.kept_at.name.startswith("settings.json.v1-backup-")
    assert issue.kept_at.read_bytes() == original
    if sys.platform != "win32":
        assert stat.S_IMODE(issue.kept_at.stat().st_mode) == 0o600
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 3 and document["profiles"][0]["record_history"] is True
    assert open_store().issues == []  # upgraded once


# --- the built-in Sandbox ------------------------------------------------------------------------


def test_sandbox_is_listed_first_selected_on_a_first_run_and_immutable(isolated: Path) -> None:
    store = open_store()
    assert store.profiles() == [SANDBOX_PROFILE]
    assert store.selected.is_sandbox and SANDBOX_PROFILE.base_url == "sandbox:"
    for attempt in (
        lambda: store.update(SANDBOX_PROFILE),
        lambda: store.edit("sandbox", face_threshold=0.5),
        lambda: store.remove(SANDBOX_PROFILE_NAME),
        lambda: remove_profile(store, SANDBOX_PROFILE_NAME, MemorySecretStore()),
        lambda: store.add(SANDBOX_PROFILE),
    ):
        with pytest.raises(InputRejected) as refused:
            attempt()
        assert (refused.value.field, refused.value.rule) == ("name", "sandbox_builtin")
        assert "built in" in Worded(refused.value).message
    with pytest.raises(InputRejected) as reserved:
        Profile("SANDBOX", api_id="x")
    assert (reserved.value.field, reserved.value.rule) == ("name", "reserved")
    assert "built-in Sandbox" in Worded(reserved.value).message
    assert not settings_path(isolated).exists()


def test_the_last_selection_falls_back_to_the_sandbox_when_its_profile_goes(isolated: Path) -> None:
    store = open_store()
    store.add(Profile("A", api_id="a"))
    store.select("A")
    store.remove("A")
    assert open_store().selected.is_sandbox


def test_names_are_unique_whatever_the_case_and_cannot_change(isolated: Path) -> None:
    store = open_store()
    store.add(Profile("Branch", api_id="a"))
    with pytest.raises(InputRejected) as duplicate:
        store.add(Profile("BRANCH", api_id="b"))
    assert duplicate.value.rule == "duplicate" and duplicate.value.params == {"profile": "BRANCH"}
    assert "already exists" in Worded(duplicate.value).message
    with pytest.raises(InputRejected) as renamed:
        store.edit("Branch", name="Other")
    assert renamed.value.rule == "rename" and "renamed" in Worded(renamed.value).message
    assert store.edit("branch", api_id="new").api_id == "new"


# --- field validation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("name", " padded"),
        ("name", 'quote"d'),
        ("name", "x" * 65),
        ("base_url", "http://api.example.cn"),
        ("base_url", "ftp://api.example.cn"),
        ("base_url", "sandbox:"),
        ("api_id", ""),
        ("api_id", "has space"),
        ("timestamp_unit", "ms"),  # a str is not a TimestampUnit: from_json converts, the type does not
        ("connect_timeout", 0),
        ("connect_timeout", True),
        ("read_timeout", 601),
        ("read_timeout", float("nan")),
        ("proxy", "socks5://proxy:1080"),
        ("proxy", "http://proxy:notaport"),
        ("proxy", "proxy.example:8080"),
        ("proxy", "http://user:password@proxy.example:8080"),
        ("ca_bundle", Path("relative/ca.pem")),
        ("face_threshold", 1.5),
        ("detection_types", ()),
        ("detection_types", ("liveness", "liveness")),
        ("detection_types", ("Bad-Type",)),
        ("record_history", "yes"),
    ],
)
def test_each_field_is_checked_with_a_message_naming_it(field: str, value: object) -> None:
    values: dict[str, Any] = {"name": "P", "api_id": "id", field: value}
    with pytest.raises(InputRejected) as rejected:
        Profile(**values)
    error = Worded(rejected.value)
    assert error.field == field
    assert rule_key(rejected.value) is not None  # the catalogue has words for it, in both languages
    assert error.message and error.message_zh and error.message_zh != error.message


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost", "http://[::1]:9000", "https://a.cn"])
def test_plain_http_only_to_this_computer(url: str) -> None:
    assert Profile("P", base_url=url, api_id="id").base_url == url


def test_defaults() -> None:
    profile = Profile("P", api_id="id")
    assert profile.base_url == "https://cloudapi.linkface.cn"
    assert profile.timestamp_unit is TimestampUnit.MILLISECONDS
    assert profile.face_threshold == 0.7
    assert profile.detection_types == DETECTION_TYPES
    assert profile.proxy == "system" and profile.ca_bundle is None and profile.record_history is True


def test_a_missing_ca_file_is_refused_when_saved(isolated: Path) -> None:
    with pytest.raises(InputRejected) as refused:
        open_store().add(Profile("P", api_id="id", ca_bundle=isolated / "missing.pem"))
    assert refused.value.field == "ca_bundle"


def test_json_round_trip() -> None:
    profile = full_profile()
    assert Profile.from_json(json.loads(json.dumps(profile.to_json()))) == profile


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
profile_fields = st.sampled_from([f.name for f in dataclasses.fields(Profile)])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(profile_fields, json_values, max_size=5) | json_values)
def test_from_json_rejects_anything_malformed_with_input_rejected(data: object) -> None:
    if isinstance(data, dict):
        data = {"name": "P", "api_id": "id", **data}
    try:
        Profile.from_json(data)
    except InputRejected as rejected:
        assert rejected.field and rule_key(rejected) is not None

"""The secret stores: the SecretStore contract, kept by the keychain's and the in-memory one; refusal of
non-keychains, the env-var override, removing a profile with its secret, the macOS path."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringLocked

from app.catalogue.words import keychain_problem
from app.core.errors import InputRejected
from app.core.profiles import SANDBOX_PROFILE, Profile, ProfileStore
from app.core.secrets import (
    SECRET_ENV,
    SERVICE,
    KeychainUnavailable,
    KeyringSecretStore,
    MemorySecretStore,
    SecretStore,
    remove_profile,
    secret_for,
)
from tests.profiles.helpers import MemoryKeyring
from tests.words import Worded, both

PROFILE = Profile("Production", api_id="prod-id")
STORES: list[Callable[[], SecretStore]] = [KeyringSecretStore, MemorySecretStore]


@pytest.mark.parametrize("make", STORES)
def test_every_store_keeps_the_contract(make: Callable[[], SecretStore]) -> None:
    store = make()
    assert store.check() is None and store.backend_name()
    assert not store.has("Production") and store.get("Production") is None
    store.set("Production", "  first-secret\n")
    assert store.get("Production") == "first-secret" and store.has("Production")
    store.set("Production", "second")
    assert store.get("Production") == "second" and not store.has("production")  # filed under the exact name
    store.delete("Production")
    store.delete("Production")  # already gone: nothing to do
    assert not store.has("Production")
    with pytest.raises(InputRejected) as rejected:
        store.set("Production", "two\nlines")
    assert (rejected.value.field, rejected.value.rule) == ("secret", "secret_format")


def test_an_unusable_memory_store_refuses_everything() -> None:
    problem = KeychainUnavailable("locked", "memory")
    store = MemorySecretStore(problem)
    assert store.check() is problem
    for operation in (lambda: store.set("P", "secret-value"), lambda: store.get("P"), lambda: store.delete("P")):
        with pytest.raises(KeychainUnavailable):
            operation()
    assert store.secrets == {}


def test_set_replace_get_delete(memory_keyring: MemoryKeyring) -> None:
    store = KeyringSecretStore()
    assert store.check() is None
    assert not store.has("Production")
    store.set("Production", "  first-secret\n")
    assert store.get("Production") == "first-secret"
    store.set("Production", "second")
    assert memory_keyring.items == {(SERVICE, "Production"): "second"}
    store.delete("Production")
    store.delete("Production")  # already gone: nothing to do
    assert not store.has("Production")


@pytest.mark.parametrize("secret", ["", "   ", "two\nlines", "tab\there"])
def test_a_secret_must_be_one_printable_line(secret: str) -> None:
    with pytest.raises(InputRejected) as rejected:
        KeyringSecretStore().set("P", secret)
    assert rejected.value.field == "secret"


class PlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt.file.PlaintextKeyring (not installed here)."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class EmptyChainer(ChainerBackend):
    """keyring's chainer when no backend is viable."""

    backends: ClassVar[list[Any]] = []


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Prompt dismissed")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("Prompt dismissed")


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        (fail.Keyring(), "none"),
        (null.Keyring(), "none"),
        (EmptyChainer(), "none"),
        (PlaintextKeyring(), "plaintext"),
        (LockedKeyring(), "locked"),
    ],
)
def test_no_usable_keychain_is_refused_with_what_to_do(backend: Any, reason: str) -> None:
    store = KeyringSecretStore(backend)
    problem = store.check()
    assert problem is not None and problem.reason == reason
    assert problem.exit_code == 5
    english, chinese = both(lambda: keychain_problem(problem))
    assert SECRET_ENV in english and SECRET_ENV in chinese and chinese != english
    for operation in (lambda: store.set("P", "secret-value"), lambda: store.get("P"), lambda: store.delete("P")):
        with pytest.raises(KeychainUnavailable):
            operation()
    if isinstance(backend, MemoryKeyring):
        assert backend.items == {}  # nothing written anywhere


def test_env_var_is_preferred_and_never_saved(memory_keyring: MemoryKeyring) -> None:
    store = KeyringSecretStore()
    store.set("Production", "from-keychain")
    assert secret_for(PROFILE, store, {SECRET_ENV: "from-env"}) == "from-env"
    assert secret_for(PROFILE, store, {}) == "from-keychain"
    assert memory_keyring.items == {(SERVICE, "Production"): "from-keychain"}
    assert secret_for(SANDBOX_PROFILE, store, {SECRET_ENV: "x"}) == ""  # the sandbox layer supplies its own


def test_a_resolved_secret_is_scrubbed_from_logs(tmp_path: Path) -> None:
    """The runtime's redactor learns a secret as it resolves it for a call (the log's formatter uses it)."""
    from app.runtime import Runtime

    environ = {"LINKFACE_DESK_HOME": str(tmp_path), SECRET_ENV: "Zk-resolved-secret-93"}
    with Runtime(environ=environ, secrets=MemorySecretStore(), log_to_file=False) as runtime:
        assert "Zk-resolved-secret-93" in runtime.redactor("signing with Zk-resolved-secret-93")
        runtime.connection_for(PROFILE)
        assert "Zk-resolved-secret-93" not in runtime.redactor("signing with Zk-resolved-secret-93")


def test_env_var_works_without_a_keychain() -> None:
    assert secret_for(PROFILE, KeyringSecretStore(fail.Keyring()), {SECRET_ENV: "from-env"}) == "from-env"


def test_a_missing_secret_says_how_to_set_it() -> None:
    with pytest.raises(InputRejected) as rejected:
        secret_for(PROFILE, MemorySecretStore(), {})
    assert rejected.value.rule == "secret_missing"
    assert rejected.value.params == {"profile": "Production", "quoted": "Production"}
    assert "set-secret" in Worded(rejected.value).message and "set-secret" in Worded(rejected.value).message_zh


@pytest.mark.parametrize("make", STORES)
def test_removing_a_profile_removes_its_secret(make: Callable[[], SecretStore], memory_keyring: MemoryKeyring) -> None:
    store, secrets = ProfileStore.open_default(), make()
    store.add(PROFILE)
    secrets.set(PROFILE.name, "s")
    remove_profile(store, "production", secrets)
    assert not secrets.has(PROFILE.name) and memory_keyring.items == {}
    assert [p.name for p in store.profiles()] == ["Sandbox"]


def test_a_locked_keychain_keeps_the_profile_so_no_secret_is_orphaned(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "settings.json")
    store.add(PROFILE)
    with pytest.raises(KeychainUnavailable):
        remove_profile(store, PROFILE.name, KeyringSecretStore(LockedKeyring()))
    assert [p.name for p in store.profiles()] == ["Sandbox", "Production"]
    remove_profile(store, PROFILE.name, KeyringSecretStore(fail.Keyring()))  # no keychain: nothing stored there
    assert [p.name for p in store.profiles()] == ["Sandbox"]


def test_a_refused_removal_leaves_the_secret(tmp_path: Path) -> None:
    store, secrets = ProfileStore(tmp_path / "settings.json"), MemorySecretStore()
    secrets.set("Nobody", "kept")
    with pytest.raises(InputRejected):
        remove_profile(store, "Nobody", secrets)  # not a saved profile: the keychain is not touched
    assert secrets.get("Nobody") == "kept"


class FakeMacKeyring(MemoryKeyring):
    """The macOS backend's behaviour: set_password deletes and re-adds (which loses "Always Allow")."""

    def __init__(self) -> None:
        super().__init__()
        self.recreated = 0

    def set_password(self, service: str, username: str, password: str) -> None:
        self.recreated += 1
        super().set_password(service, username, password)


FakeMacKeyring.__module__ = "keyring.backends.macOS"


def test_macos_keeps_an_unchanged_item_and_updates_a_changed_one_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = FakeMacKeyring()
    calls: list[tuple[list[str], str]] = []

    def security(argv: list[str], input: str, **kw: Any) -> subprocess.CompletedProcess[str]:
        calls.append((argv, input))
        backend.items[(SERVICE, "P")] = bytes.fromhex(input.split(" -X ")[1].strip()).decode()
        return subprocess.CompletedProcess(argv, 0, "", "")

    monkeypatch.setattr(subprocess, "run", security)
    store = KeyringSecretStore(backend)
    store.set("P", "first")
    assert backend.recreated == 1 and calls == []  # a new item: keyring adds it
    store.set("P", "first")
    assert backend.recreated == 1 and calls == []  # unchanged: the item is left alone
    store.set("P", "second")
    assert backend.recreated == 1 and store.get("P") == "second"  # changed in place
    [(argv, command)] = calls
    assert argv == ["/usr/bin/security", "-i"]
    assert "second" not in " ".join(argv) and "second" not in command  # hex on stdin only
    assert command.startswith('add-generic-password -U -s "LinkFaceDesk" -a "P" -X ')


def test_macos_falls_back_to_keyring_when_security_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = FakeMacKeyring()
    monkeypatch.setattr(subprocess, "run", lambda argv, **kw: subprocess.CompletedProcess(argv, 1, "", "denied"))
    store = KeyringSecretStore(backend)
    store.set("P", "first")
    store.set("P", "second")
    assert backend.recreated == 2 and store.get("P") == "second"

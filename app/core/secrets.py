"""The API secret's only home: the operating system's keychain, behind the small SecretStore protocol.

KeyringSecretStore is the OS keychain through keyring; MemorySecretStore a dict, for tests. Write-only
by design: a secret can be set, replaced, removed and tested for; `get` exists only to sign calls,
and nothing shows or exports it. Where no real keychain exists (keyring's fail or null
backend, a chainer with nothing to chain, a plaintext file backend such as keyrings.alt's, a locked
keychain) every operation raises KeychainUnavailable saying what to do: there is deliberately no
file or base64 fallback. For scripts, $LINKFACE_API_SECRET takes precedence and is never saved.

macOS (inside KeyringSecretStore): keyring's macOS backend replaces a password by deleting the item
and adding a new one, which resets the item's access list and drops the "Always Allow" grants the
user gave (jaraco/keyring #512, #619; an in-place SecItemUpdate was proposed in PR #746 and
withdrawn). So on macOS `set` leaves an item alone when its value is unchanged, and changes an
existing item in place with `security add-generic-password -U`, which keeps the access list as long
as no `-T` is given. The command is fed to `security -i` on stdin with the secret as hex (`-X`), so
the secret never appears on a command line, and the value is read back to confirm. A new item, or
any failure, goes through keyring as usual. Trade-off: an item written by /usr/bin/security may
carry its partition list ("apple-tool:"), so the app's next read can prompt once; that is one prompt
per change of secret instead of losing every grant. Not testable here (no macOS): verify on a Mac.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

from app.core.errors import InputRejected, LinkFaceError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

    from app.core.profiles import Profile, ProfileStore

SERVICE = "LinkFaceDesk"
SECRET_ENV = "LINKFACE_API_SECRET"
_PROBE_USER = "linkface-desk-probe"


class KeychainUnavailable(LinkFaceError):
    """No usable keychain: ``reason`` is none, plaintext, locked or error (app.catalogue says what to do
    on this operating system)."""

    exit_code = 5

    def __init__(self, reason: str, backend: str) -> None:
        super().__init__(f"keychain unusable: {reason} ({backend})")
        self.reason = reason
        self.backend = backend

    @property
    def nothing_stored(self) -> bool:
        """True when no keychain exists at all, so no secret of ours can be in one."""
        return self.reason in ("none", "plaintext")


def _active_keyring() -> KeyringBackend:
    """keyring's active backend; keyring is imported on first use, so that the window's start does not
    wait for it (tests/perf/bench_ui.py)."""
    import keyring

    return keyring.get_keyring()


def _leaves(backend: KeyringBackend) -> list[KeyringBackend]:
    """The backends that actually store: a chainer's members, else the backend itself."""
    from keyring.backends.chainer import ChainerBackend

    members = list(backend.backends) if isinstance(backend, ChainerBackend) else []
    return members or [backend]


def _unusable_reason(backend: KeyringBackend) -> str | None:
    from keyring.backends import fail, null
    from keyring.backends.chainer import ChainerBackend

    leaves = _leaves(backend)
    for leaf in leaves:
        module = type(leaf).__module__
        if module.startswith("keyrings.alt") or "plaintext" in type(leaf).__name__.lower():
            return "plaintext"
        if isinstance(leaf, (fail.Keyring, null.Keyring, ChainerBackend)):  # a chainer here has nothing to chain
            return "none"
    return None


def _is_macos(backend: KeyringBackend) -> bool:
    return any(type(leaf).__module__.startswith("keyring.backends.macOS") for leaf in _leaves(backend))


def _macos_update_in_place(service: str, account: str, secret: str) -> bool:
    """`security add-generic-password -U` without -T keeps the item's access list (see module doc)."""
    # Profile names hold no quotes or backslashes (Profile checks), so quoting them is safe.
    import subprocess  # macOS only

    command = f'add-generic-password -U -s "{service}" -a "{account}" -X {secret.encode("utf-8").hex()}\n'
    try:
        done = subprocess.run(["/usr/bin/security", "-i"], input=command, capture_output=True, text=True,
                              timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and not done.stderr.strip()


def check_secret(secret: str) -> str:
    """The secret as given, without surrounding blanks; refused if empty or holding control characters."""
    secret = secret.strip()
    if not secret or not secret.isprintable():
        raise InputRejected("secret", "secret_format")
    return secret


class SecretStore(Protocol):
    """One API secret per profile, filed under the profile's name; every operation raises
    KeychainUnavailable when the store cannot be used."""

    def check(self) -> KeychainUnavailable | None:
        """None when the store answers; otherwise the problem (app.catalogue words it)."""

    def backend_name(self) -> str:
        """Which keychain it is, for the user to recognise."""

    def set(self, profile_name: str, secret: str) -> None:
        """Save or replace; refuses a secret that is not one line of printable characters (check_secret)."""

    def get(self, profile_name: str) -> str | None:
        """Only for signing calls: never display, log or export what this returns."""

    def has(self, profile_name: str) -> bool: ...

    def delete(self, profile_name: str) -> None:
        """Remove the secret; nothing happens when there is none."""


class KeyringSecretStore:
    """The OS keychain through keyring (service "LinkFaceDesk", user = profile name).

    ``backend`` defaults to keyring's active backend, looked up at each use so a test can set its own.
    """

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE) -> None:
        self._backend = backend
        self.service = service

    @contextmanager
    def _keychain(self) -> Iterator[KeyringBackend]:
        from keyring.errors import InitError, KeyringError, KeyringLocked, NoKeyringError

        backend = self._backend or _active_keyring()
        name = str(backend.name)
        reason = _unusable_reason(backend)
        if reason:
            raise KeychainUnavailable(reason, name)
        try:
            yield backend
        except KeyringLocked:
            raise KeychainUnavailable("locked", name) from None
        except (NoKeyringError, InitError):
            raise KeychainUnavailable("none", name) from None
        except KeyringError:
            raise KeychainUnavailable("error", name) from None

    def check(self) -> KeychainUnavailable | None:
        try:
            with self._keychain() as backend:
                backend.get_password(self.service, _PROBE_USER)
        except KeychainUnavailable as problem:
            return problem
        return None

    def backend_name(self) -> str:
        return str((self._backend or _active_keyring()).name)

    def set(self, profile_name: str, secret: str) -> None:
        """Save or replace; on macOS an existing item is kept, or updated in place (see module doc)."""
        secret = check_secret(secret)
        with self._keychain() as backend:
            if _is_macos(backend):
                current = backend.get_password(self.service, profile_name)
                if current == secret:
                    return
                if (current is not None and _macos_update_in_place(self.service, profile_name, secret)
                        and backend.get_password(self.service, profile_name) == secret):
                    return
            backend.set_password(self.service, profile_name, secret)

    def get(self, profile_name: str) -> str | None:
        with self._keychain() as backend:
            return backend.get_password(self.service, profile_name)

    def has(self, profile_name: str) -> bool:
        return self.get(profile_name) is not None

    def delete(self, profile_name: str) -> None:
        with self._keychain() as backend:
            if backend.get_password(self.service, profile_name) is not None:
                backend.delete_password(self.service, profile_name)


class MemorySecretStore:
    """Secrets in a dict, for tests: nothing reaches a real keychain. ``problem`` makes it a keychain
    that cannot be used (every operation raises it)."""

    def __init__(self, problem: KeychainUnavailable | None = None) -> None:
        self.secrets: dict[str, str] = {}
        self.problem = problem

    def _usable(self) -> dict[str, str]:
        if self.problem is not None:
            raise self.problem
        return self.secrets

    def check(self) -> KeychainUnavailable | None:
        return self.problem

    def backend_name(self) -> str:
        return "memory"

    def set(self, profile_name: str, secret: str) -> None:
        secret = check_secret(secret)
        self._usable()[profile_name] = secret

    def get(self, profile_name: str) -> str | None:
        return self._usable().get(profile_name)

    def has(self, profile_name: str) -> bool:
        return self.get(profile_name) is not None

    def delete(self, profile_name: str) -> None:
        self._usable().pop(profile_name, None)


def remove_profile(profiles: ProfileStore, name: str, secrets: SecretStore) -> None:
    """Remove a saved profile and its secret; the profile is kept when the keychain cannot answer, so no
    secret is left behind without its profile (none can be when there is no keychain at all)."""
    profile = profiles.editable(name)  # the Sandbox, an unknown name or a newer file: refused before the keychain
    try:
        secrets.delete(profile.name)
    except KeychainUnavailable as problem:
        if not problem.nothing_stored:
            raise
    profiles.remove(profile.name)


def secret_for(profile: Profile, store: SecretStore, environ: Mapping[str, str]) -> str:
    """The secret to sign with: $LINKFACE_API_SECRET when set (for scripts; never saved), else the keychain's.

    The Sandbox profile needs none (the layer that starts the sandbox supplies its public one): "".
    """
    if profile.is_sandbox:
        return ""
    secret = environ.get(SECRET_ENV, "").strip() or store.get(profile.name)
    if secret is None:
        raise InputRejected("secret", "secret_missing", profile=profile.name, quoted=shlex.quote(profile.name))
    return secret

"""The real Secret Service, not a stand-in: run under `.ci/with-secret-service.sh` (sets LINKFACE_REAL_KEYCHAIN=1)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import keyring
import keyring.core
import pytest

from app.core.secrets import KeyringSecretStore

pytestmark = [
    pytest.mark.secret_service,
    pytest.mark.skipif(os.environ.get("LINKFACE_REAL_KEYCHAIN") != "1",
                       reason="needs a real Secret Service: run under .ci/with-secret-service.sh"),
]
ROOT = Path(__file__).resolve().parents[2]


def test_round_trip_through_the_secret_service() -> None:
    keyring.core.init_backend()  # detect afresh, whatever an earlier test set
    backend = keyring.get_keyring()
    assert f"{type(backend).__module__}.{type(backend).__name__}" == "keyring.backends.SecretService.Keyring"
    store, name = KeyringSecretStore(), f"ci-{uuid.uuid4().hex[:8]}"
    assert store.check() is None
    try:
        store.set(name, "first-secret")
        assert store.get(name) == "first-secret"
        store.set(name, "second-secret")
        assert store.get(name) == "second-secret" and store.has(name)
    finally:
        store.delete(name)
    assert not store.has(name)


PROBE = """
import json
from app.catalogue.words import keychain_problem
from app.core.secrets import KeychainUnavailable, KeyringSecretStore
from app.i18n import CHINESE, ENGLISH, CommandLineLanguage
store = KeyringSecretStore()
problem = store.check()
try:
    store.set("ci-probe", "never-stored")
    stored = True
except KeychainUnavailable as exc:
    stored = False
    code = exc.exit_code
language = CommandLineLanguage()
language.set_language(ENGLISH)
message = problem and keychain_problem(problem)
language.set_language(CHINESE)
message_zh = problem and keychain_problem(problem)
print(json.dumps({"reason": problem and problem.reason, "message": message, "message_zh": message_zh,
                  "stored": stored, "exit_code": code}))
"""


def test_without_a_session_bus_the_message_says_what_to_do() -> None:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    assert report["reason"] == "none" and report["stored"] is False and report["exit_code"] == 5
    assert "No usable keychain" in report["message"] and "LINKFACE_API_SECRET" in report["message"]
    assert "钥匙串" in report["message_zh"]

"""Fixtures shared by every suite: a real sandbox server on loopback and the shipped samples."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Qt must never look for a screen in tests; set before any test module imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.sandbox.server import Sandbox

# Property tests must not fail because a loaded 2-core CI machine is slow: no deadline and no
# speed health checks, and the same examples on every run ("ci", the default). "dev" keeps
# Hypothesis's randomness for a developer hunting new cases: HYPOTHESIS_PROFILE=dev.
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "resources" / "samples"


@pytest.fixture(scope="session")
def running_sandbox() -> Iterator[Sandbox]:
    with Sandbox(delay_scale=0, fetch_timeout=0.5) as sandbox:
        yield sandbox


@pytest.fixture
def sandbox(running_sandbox: Sandbox) -> Iterator[Sandbox]:
    """The shared sandbox, with no fault left over from another test."""
    running_sandbox.clear_faults()
    yield running_sandbox
    running_sandbox.clear_faults()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES_DIR


@pytest.fixture(scope="session", autouse=True)
def _one_qt_application(qapp: object) -> object:
    """The one QApplication of the session, made first: the CLI's translations (tests that run main())
    use the instance they find, and a QCoreApplication made before it would leave no room for the window."""
    return qapp

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sandbox.server import Sandbox

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "samples"


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


@pytest.fixture
def url(sandbox: Sandbox) -> str:
    return sandbox.base_url


@pytest.fixture(scope="session")
def samples() -> dict[str, bytes]:
    """The shipped files, as a user would pick them."""
    return {path.name: path.read_bytes() for path in SAMPLES_DIR.iterdir()}

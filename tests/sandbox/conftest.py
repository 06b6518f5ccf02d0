from __future__ import annotations

from pathlib import Path

import pytest

from app.sandbox.server import Sandbox

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def url(sandbox: Sandbox) -> str:
    return sandbox.base_url


@pytest.fixture(scope="session")
def samples() -> dict[str, bytes]:
    """The shipped files, as a user would pick them."""
    return {path.name: path.read_bytes() for path in SAMPLES_DIR.iterdir()}

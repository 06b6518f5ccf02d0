"""Request signing exactly as the vendor documents it.

sign = lowercase hex SHA-256 over the UTF-8 bytes of ``api_id + api_secret + timestamp``.
"""

from __future__ import annotations

import hashlib
import secrets
import string
import time
from enum import Enum

SEQUENCE_ID_LENGTH = 64
_SEQUENCE_ALPHABET = string.ascii_letters + string.digits


class TimestampUnit(str, Enum):
    """The document does not fix the unit: milliseconds by default (its Java sample), seconds per profile."""

    MILLISECONDS = "ms"
    SECONDS = "s"


def sign(api_id: str, api_secret: str, timestamp: str) -> str:
    """Return the vendor's signature for one call; the secret itself never travels."""
    return hashlib.sha256((api_id + api_secret + timestamp).encode("utf-8")).hexdigest()


def make_timestamp(unit: TimestampUnit = TimestampUnit.MILLISECONDS, now: float | None = None) -> str:
    """Current Unix time as decimal digits in the profile's unit."""
    seconds = time.time() if now is None else now
    if unit is TimestampUnit.SECONDS:
        return str(int(seconds))
    return str(int(seconds * 1000))


def parse_timestamp(value: str) -> float | None:
    """Read a timestamp in either unit back to seconds (the sandbox's freshness check); None if not digits."""
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    # Milliseconds have 13 digits until the year 2286; seconds have 10.
    return number / 1000 if number >= 10**11 else float(number)


def new_sequence_id() -> str:
    """A 64-character random serial, as the document suggests; the vendor finds its logs by it."""
    return "".join(secrets.choice(_SEQUENCE_ALPHABET) for _ in range(SEQUENCE_ID_LENGTH))

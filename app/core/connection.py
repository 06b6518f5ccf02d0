"""What a call needs to reach the server and sign, without the HTTP stack that makes the call.

Kept apart from app.core.client so that the runtime (and the window's start) can hold connections
and name proxy modes before requests and urllib3 are loaded: the client is imported on first call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from app.core.contract import DETECTION_TYPES
from app.core.signing import TimestampUnit

Progress = Callable[[int, int], "bool | None"]
"""Called with (bytes sent, total bytes) while the request body streams; return False to cancel."""

# The overall deadline allows the upload at this rate (a slow branch line) on top of the two timeouts.
SLOWEST_UPLOAD_BYTES_PER_S = 50_000


class ProxyMode(str, Enum):
    SYSTEM = "system"  # the OS / environment proxy settings
    NONE = "none"  # connect directly
    EXPLICIT = "explicit"  # the URL in Connection.proxy_url


@dataclass(frozen=True)
class Connection:
    """Everything a call needs to reach and sign: a profile resolved with its secret."""

    base_url: str
    api_id: str
    api_secret: str = field(repr=False)
    timestamp_unit: TimestampUnit = TimestampUnit.MILLISECONDS
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    proxy_mode: ProxyMode = ProxyMode.SYSTEM
    proxy_url: str = ""
    ca_bundle: Path | None = None
    detection_types: tuple[str, ...] = DETECTION_TYPES

    def deadline_s(self, upload_bytes: int) -> float:
        """The most one whole call may take: both timeouts, plus the upload at a slow line's rate."""
        return self.connect_timeout + self.read_timeout + upload_bytes / SLOWEST_UPLOAD_BYTES_PER_S

"""What every page is handed: the call service, the worker pool, the clipboard keeper, the profile.

Passed in, never fetched from a global, so a test can hand in a service bound to its own sandbox.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QThreadPool

from app.core.client import Progress
from app.core.contract import CallResult, Request
from app.ui.widgets.copy_field import ClipboardKeeper


class Calls(Protocol):
    """The part of ``app.runtime.CallService`` the window uses."""

    def run(self, profile_name: str, request: Request, progress: Progress | None = None) -> CallResult[Any]: ...

    def is_sandbox(self, profile_name: str) -> bool: ...

    def face_threshold(self, profile_name: str) -> float: ...


@dataclass
class PageContext:
    calls: Calls
    pool: QThreadPool
    clipboard: ClipboardKeeper
    profile: Callable[[], str]

"""What the CLI and the window share: profiles, secrets, history, logging and the sandbox.

It sits above core and sandbox because the built-in Sandbox profile starts an in-process sandbox
server on a free loopback port. Every call goes through `Runtime.run`, the one place that
resolves the account, sends, records history and logs.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import paths
from app.core.client import Connection, LinkFaceClient, Progress
from app.core.contract import CallResult, IdNumberRequest, Request
from app.core.errors import InputRejected, LinkFaceError
from app.core.history import History, HistoryError
from app.core.interpret import verdict_for
from app.core.logs import REDACT, logger, setup_logging
from app.core.profiles import Profile, ProfileStore
from app.core.secrets import SecretStore, secret_for
from app.core.signing import new_sequence_id

if TYPE_CHECKING:
    from app.sandbox.server import Sandbox

HISTORY_FILE = "history.sqlite3"


class Runtime:
    """Long-lived services for one user session. Thread-safe: the window calls `run` from workers.

    ``history`` is None when the history file cannot be used; ``history_problem`` then says why.
    """

    def __init__(
        self,
        environ: Mapping[str, str] | None = None,
        profiles: ProfileStore | None = None,
        secrets: SecretStore | None = None,
        log_to_file: bool = True,
        sandbox: Sandbox | None = None,
    ) -> None:
        """``sandbox``: an already running sandbox for the Sandbox profile (tests, demos); left running on close."""
        self.environ = dict(os.environ if environ is None else environ)
        self.profiles = profiles or ProfileStore.open_default(self.environ)
        self.secrets = secrets or SecretStore()
        self.log_file = setup_logging(paths.log_dir(self.environ)) if log_to_file else None
        self.history: History | None = None
        self.history_problem: HistoryError | None = None
        try:
            self.history = History(paths.data_dir(self.environ) / HISTORY_FILE)
            self.history.purge_older_than(self.history.retention_days)
        except HistoryError as problem:
            self.history_problem = problem
            logger().error("history unavailable: %s", problem)
        self._lock = threading.Lock()
        self._sandbox = sandbox
        self._owns_sandbox = sandbox is None

    # --- accounts --------------------------------------------------------------------------------

    @property
    def sandbox(self) -> Sandbox:
        """The in-process sandbox behind the Sandbox profile, started on first use (faults go here)."""
        with self._lock:
            if self._sandbox is None:
                from app.sandbox.server import Sandbox

                self._sandbox = Sandbox(store_dir=paths.cache_dir(self.environ) / "sandbox").start()
            return self._sandbox

    def _sandbox_connection(self, profile: Profile) -> Connection:
        from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET

        return dataclasses.replace(profile.connection(""), base_url=self.sandbox.base_url, api_id=SANDBOX_API_ID,
                                   api_secret=SANDBOX_API_SECRET)

    def connection_for(self, profile: Profile) -> Connection:
        """Raises InputRejected when no secret is saved, KeychainUnavailable when the keychain cannot answer."""
        if profile.is_sandbox:
            return self._sandbox_connection(profile)
        return profile.connection(secret_for(profile, self.secrets, self.environ))

    def is_sandbox(self, profile_name: str) -> bool:
        return self.profiles.get(profile_name).is_sandbox

    def face_threshold(self, profile_name: str) -> float:
        return self.profiles.get(profile_name).face_threshold

    def client_for(self, profile: Profile) -> LinkFaceClient:
        return LinkFaceClient(self.connection_for(profile))

    # --- calls -----------------------------------------------------------------------------------

    def run(
        self, profile: Profile | str, request: Request, progress: Progress | None = None,
        sequence_id: str | None = None,
    ) -> CallResult[Any]:
        """Send one call on a profile, record it in history and the log; raises LinkFaceError subclasses.

        Input rejected locally is not recorded: nothing was sent.
        """
        if isinstance(profile, str):
            profile = self.profiles.get(profile)
        if isinstance(request, IdNumberRequest):
            REDACT.add_name(request.name)
        sequence_id = sequence_id or new_sequence_id()
        started = time.monotonic()
        endpoint = request.endpoint.value
        try:
            with self.client_for(profile) as client:
                result = client.call(request, sequence_id=sequence_id, progress=progress)
        except InputRejected:
            raise
        except LinkFaceError as error:
            logger().warning("call %s on %r failed (sequence_id %s): %s", endpoint, profile.name, sequence_id, error)
            if self.history is not None and profile.record_history:
                self.history.record_failure(profile.name, request, error, sequence_id, time.monotonic() - started,
                                            sandbox=profile.is_sandbox)
            raise
        logger().info("call %s on %r: %s, request_id %s, billed %s, %.0f ms", endpoint, profile.name,
                      verdict_for(result, profile.face_threshold).value, result.request_id, result.billed,
                      result.duration_s * 1000)
        if self.history is not None and profile.record_history:
            self.history.record_result(profile.name, request, result, profile.face_threshold,
                                       sandbox=profile.is_sandbox)
        return result

    def export_diagnostics(self, out: Path, versions: dict[str, Any] | None = None) -> Path:
        """The support zip: logs, versions, settings (no secrets) and recent history (masked)."""
        from app.core.diagnostics import export_diagnostics

        return export_diagnostics(out, paths.log_dir(self.environ), self.profiles.path, self.history, versions)

    def billed_counts(self, profile_name: str) -> tuple[int, int]:
        return self.history.billed_counts(profile_name) if self.history is not None else (0, 0)

    def close(self) -> None:
        with self._lock:
            if self._sandbox is not None and self._owns_sandbox:
                self._sandbox.stop()
            self._sandbox = None
        if self.history is not None:
            self.history.close()

    def __enter__(self) -> Runtime:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

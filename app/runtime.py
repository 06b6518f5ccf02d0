"""Turns "which account" (a profile, explicit flags or the sandbox) into a ready client.

Shared by the CLI and the window; it sits above core and sandbox because the built-in Sandbox
profile starts an in-process sandbox server on a free loopback port.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from app.core.client import Connection, LinkFaceClient, Progress
from app.core.contract import CallResult, Request
from app.core.errors import InputRejected
from app.core.interpret import DEFAULT_FACE_THRESHOLD

SECRET_ENV = "LINKFACE_API_SECRET"


@dataclass
class ClientSession:
    client: LinkFaceClient
    is_sandbox: bool
    face_threshold: float = DEFAULT_FACE_THRESHOLD


@contextmanager
def sandbox_connection() -> Iterator[Connection]:
    """An in-process sandbox on a free loopback port, stopped when the block ends."""
    from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET, Sandbox

    with Sandbox() as sandbox:
        yield Connection(sandbox.base_url, SANDBOX_API_ID, SANDBOX_API_SECRET)


@contextmanager
def open_client(args: argparse.Namespace, environ: Mapping[str, str]) -> Iterator[ClientSession]:
    """Explicit --base-url/--api-id (secret from the environment), else the sandbox."""
    if args.base_url or args.api_id:
        secret = environ.get(SECRET_ENV, "")
        if not (args.base_url and args.api_id and secret):
            raise InputRejected(
                "connection", "explicit_connection",
                f"--base-url and --api-id go together, with the secret in ${SECRET_ENV}.",
                f"--base-url 与 --api-id 须同时给出，密钥放在环境变量 {SECRET_ENV} 中。",
            )
        client = LinkFaceClient(Connection(args.base_url, args.api_id, secret))
        try:
            yield ClientSession(client, is_sandbox=False)
        finally:
            client.close()
        return
    with sandbox_connection() as connection:
        client = LinkFaceClient(connection)
        try:
            yield ClientSession(client, is_sandbox=True)
        finally:
            client.close()


class CallService:
    """Runs calls for the window: one place that resolves the account, calls, and (later) records.

    Thread-safe: the window runs calls on worker threads. The in-process sandbox starts on first
    use of the Sandbox profile and stops on close().
    """

    def __init__(self) -> None:
        import threading

        self._lock = threading.Lock()
        self._sandbox: object | None = None
        self._sandbox_connection: Connection | None = None

    def connection_for(self, profile_name: str) -> Connection:
        from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET, Sandbox

        with self._lock:
            if self._sandbox_connection is None:
                sandbox = Sandbox().start()
                self._sandbox = sandbox
                self._sandbox_connection = Connection(sandbox.base_url, SANDBOX_API_ID, SANDBOX_API_SECRET)
            return self._sandbox_connection

    def is_sandbox(self, profile_name: str) -> bool:
        return True

    def face_threshold(self, profile_name: str) -> float:
        return DEFAULT_FACE_THRESHOLD

    def run(self, profile_name: str, request: Request, progress: Progress | None = None) -> CallResult[Any]:
        """Validate, send and interpret one call on the given profile; raises LinkFaceError subclasses."""
        client = LinkFaceClient(self.connection_for(profile_name))
        try:
            return client.call(request, progress=progress)
        finally:
            client.close()

    def close(self) -> None:
        with self._lock:
            if self._sandbox is not None:
                self._sandbox.stop()  # type: ignore[attr-defined]
                self._sandbox = self._sandbox_connection = None

"""Turns "which account" (a profile, explicit flags or the sandbox) into a ready client.

Shared by the CLI and the window; it sits above core and sandbox because the built-in Sandbox
profile starts an in-process sandbox server on a free loopback port.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from app.core.client import Connection, LinkFaceClient
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

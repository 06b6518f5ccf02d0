"""`linkface-desk profile list|add|edit|remove|set-secret|test`: manage the accounts from a terminal.

The secret is write-only here as in the window: `set-secret` reads it from a hidden prompt (one
line of stdin when piped), never from an argument, and no command prints it. Exit codes as for
`call`: 0 ok, 2 input rejected, 3 API error, 4 transport or protocol, 5 no usable keychain.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import shlex
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from app.catalogue.words import keychain_problem, settings_issue
from app.cli.output import report_failure, say
from app.core.client import LinkFaceClient
from app.core.contract import DETECTION_TYPES, Request, TokenRequest
from app.core.endpoints import read
from app.core.errors import ApiError, InputRejected, LinkFaceError
from app.core.interpret import Checked
from app.core.profiles import PROXY_NONE, PROXY_SYSTEM, Profile, ProfileStore
from app.core.secrets import SECRET_ENV, SecretStore, check_secret, secret_for
from app.core.signing import TimestampUnit

Caller = Callable[[Profile, Request], Checked]
"""Sends one request on a profile; the app's (app.runtime.Runtime.run) also records it in history."""


def keychain_caller(secrets: SecretStore, environ: Mapping[str, str]) -> Caller:
    """Calls for saved profiles, signed with $LINKFACE_API_SECRET or the keychain's secret.

    The Sandbox profile needs the in-process sandbox, which the app's own caller provides.
    """

    def call(profile: Profile, request: Request) -> Checked:
        if profile.is_sandbox:
            raise InputRejected("profile", "sandbox_server")
        with LinkFaceClient(profile.connection(secret_for(profile, secrets, environ))) as client:
            result = client.call(request)
        return Checked(result, read(result, profile.face_threshold))

    return call


def add_profile_parser(commands: Any) -> None:
    """Add `profile` and its actions to the subparsers of `linkface-desk`."""
    profile = commands.add_parser("profile", help="list and manage connection profiles (accounts)")
    actions = profile.add_subparsers(dest="profile_command", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the profiles, and whether each has a secret (never the secret)")
    listing.add_argument("--json", action="store_true", help="print a JSON array")

    flags = argparse.ArgumentParser(add_help=False)
    group = flags.add_argument_group("profile fields (edit changes only those given)")
    group.add_argument("--base-url", help="https://… (http only for 127.0.0.1)")
    group.add_argument("--api-id")
    group.add_argument("--timestamp-unit", choices=[u.value for u in TimestampUnit])
    group.add_argument("--connect-timeout", type=float, metavar="SECONDS")
    group.add_argument("--read-timeout", type=float, metavar="SECONDS")
    group.add_argument("--proxy", metavar=f"{PROXY_SYSTEM}|{PROXY_NONE}|URL")
    group.add_argument("--ca-bundle", metavar="PATH", help="extra CA certificates (PEM), besides the OS trust store; "
                       "'' removes it")
    group.add_argument("--face-threshold", type=float, metavar="0..1", help="face_score operating threshold")
    group.add_argument("--detection-types", metavar="A,B,C", help=f"default {','.join(DETECTION_TYPES)}")
    group.add_argument("--history", action=argparse.BooleanOptionalAction, default=None,
                       help="record this profile's calls in the history (default yes)")
    for action in ("add", "edit"):
        parser = actions.add_parser(action, parents=[flags], help=f"{action} a profile")
        parser.add_argument("name")
    actions.add_parser("remove", help="remove a profile and its keychain secret").add_argument("name")
    actions.add_parser("set-secret", help="save the API secret in the keychain (prompted, or one line of stdin)") \
        .add_argument("name")
    actions.add_parser("test", help="get a token: checks the api_id, the secret and the clock").add_argument("name")


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The profile fields given on the command line, converted to their types."""
    convert: dict[str, Callable[[Any], Any]] = {
        "base_url": str, "api_id": str, "timestamp_unit": TimestampUnit, "connect_timeout": float,
        "read_timeout": float, "proxy": str, "face_threshold": float,
        "ca_bundle": lambda text: Path(text).expanduser().absolute() if text else None,
        "detection_types": lambda text: tuple(t.strip() for t in text.split(",") if t.strip()),
    }
    changes = {name: to(getattr(args, name)) for name, to in convert.items() if getattr(args, name) is not None}
    if args.history is not None:
        changes["record_history"] = args.history
    return changes


@dataclass
class _Context:
    store: ProfileStore
    secrets: SecretStore
    environ: Mapping[str, str]
    stdin: TextIO
    call: Caller


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _list(args: argparse.Namespace, ctx: _Context) -> int:
    problem = ctx.secrets.check()
    if problem is not None:
        say(keychain_problem(problem))
    rows = []
    for profile in ctx.store.profiles():
        has = None if profile.is_sandbox or problem else ctx.secrets.has(profile.name)
        rows.append({**profile.to_json(), "builtin": profile.is_sandbox, "needs_secret": not profile.is_sandbox,
                     "has_secret": has, "selected": profile.name == ctx.store.selected.name})
    if ctx.environ.get(SECRET_ENV):
        sys.stderr.write(f"linkface-desk: ${SECRET_ENV} is set: it signs for every profile instead of the keychain.\n")
    if args.json:
        _out(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    _out(f"  {'name':<20} {'secret':<10} {'api_id':<20} base_url")
    for row in rows:
        secret = "-" if row["builtin"] else {True: "saved", False: "missing", None: "?"}[row["has_secret"]]
        _out(f"{'*' if row['selected'] else ' '} {row['name']:<20} {secret:<10} {row['api_id'] or '-':<20} "
             f"{row['base_url']}")
    return 0


def _add(args: argparse.Namespace, ctx: _Context) -> int:
    ctx.store.add(Profile(args.name, **_changes(args)))
    _out(f"Added profile {args.name!r}. Now save its secret: linkface-desk profile set-secret {shlex.quote(args.name)}")
    return 0


def _edit(args: argparse.Namespace, ctx: _Context) -> int:
    profile = ctx.store.edit(args.name, **_changes(args))
    _out(f"Saved profile {profile.name!r}.")
    return 0


def _remove(args: argparse.Namespace, ctx: _Context) -> int:
    name = ctx.store.get(args.name).name
    ctx.store.remove(name, ctx.secrets)
    _out(f"Removed profile {name!r} and its keychain secret, if it had one.")
    return 0


def _read_secret(stdin: TextIO, name: str) -> str:
    if stdin.isatty():
        return getpass.getpass(f"API secret for {name} (not shown): ")
    return stdin.readline()


def _set_secret(args: argparse.Namespace, ctx: _Context) -> int:
    profile = ctx.store.get(args.name)
    if profile.is_sandbox:
        raise InputRejected("name", "sandbox_builtin", variant="secret")
    problem = ctx.secrets.check()
    if problem is not None:  # before the user types the secret for nothing
        raise problem
    ctx.secrets.set(profile.name, check_secret(_read_secret(ctx.stdin, profile.name)))
    _out(f"Saved the API secret of profile {profile.name!r} in the keychain ({ctx.secrets.backend_name()}).")
    return 0


def _test(args: argparse.Namespace, ctx: _Context) -> int:
    profile = ctx.store.get(args.name)
    if ctx.environ.get(SECRET_ENV) and not profile.is_sandbox:
        sys.stderr.write(f"linkface-desk: signing with ${SECRET_ENV}, not the keychain's secret.\n")
    try:
        result = ctx.call(profile, TokenRequest(profile.detection_types[0])).result
    except ApiError as exc:
        if exc.code == "1000":
            now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
            sys.stderr.write(f"linkface-desk: profile {profile.name!r}: the server refused the signature, so the "
                             f"api_id, the secret or this computer's clock ({now}) is wrong.\n")
        raise
    _out(f"Profile {profile.name!r}: api_id, secret and clock are right (token issued; request_id "
         f"{result.request_id}; get_token is not billed).")
    return 0


def _fail(exc: LinkFaceError) -> int:
    """One human report on stderr, in the CLI's language, with the catalogue's remedy."""
    report_failure(exc)
    return exc.exit_code


_HANDLERS: dict[str, Callable[[argparse.Namespace, _Context], int]] = {
    "list": _list, "add": _add, "edit": _edit, "remove": _remove, "set-secret": _set_secret, "test": _test,
}


def run_profile(
    args: argparse.Namespace,
    call: Caller | None = None,
    *,
    store: ProfileStore | None = None,
    secrets: SecretStore | None = None,
    environ: Mapping[str, str] | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run one `profile` action. ``call`` sends `test`'s get_token (the app's starts the sandbox for the
    Sandbox profile and records history); by default saved profiles get keychain-signed calls."""
    environ = os.environ if environ is None else environ
    secrets = secrets or SecretStore()
    try:
        store = store or ProfileStore.open_default(environ)
        for issue in store.issues:
            say(settings_issue(issue))
        context = _Context(store, secrets, environ, stdin or sys.stdin,
                           call or keychain_caller(secrets, environ))
        return _HANDLERS[args.profile_command](args, context)
    except LinkFaceError as exc:
        return _fail(exc)

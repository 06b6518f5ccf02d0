"""`linkface-desk profile list|add|edit|remove|set-secret|test`: manage the accounts from a terminal.

The flags of `add` and `edit` come from the profile fields' declarations (PROFILE_FIELDS), their help
from the catalogue (app.catalogue.fields), like every word printed here. The secret is write-only
here as in the window: `set-secret` reads it from a hidden prompt (one line of stdin when piped),
never from an argument, and no command prints it. Exit codes as for `call`: 0 ok, 2 input rejected,
3 API error, 4 transport or protocol, 5 no usable keychain.
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

from app.catalogue.fields import field_help
from app.catalogue.words import keychain_problem, settings_issue
from app.cli.output import report_failure, say
from app.core.client import LinkFaceClient
from app.core.contract import Request, TokenRequest
from app.core.endpoints import read
from app.core.errors import ApiError, InputRejected, LinkFaceError
from app.core.interpret import Checked
from app.core.profiles import FIELDS, PROFILE_FIELDS, Profile, ProfileField, ProfileStore
from app.core.secrets import SECRET_ENV, KeyringSecretStore, SecretStore, check_secret, remove_profile, secret_for
from app.i18n import translate
from app.runtime import profile_connection

Caller = Callable[[Profile, Request], Checked]
"""Sends one request on a profile; the app's (app.runtime.Runtime.run) also records it in history."""


def keychain_caller(secrets: SecretStore, environ: Mapping[str, str]) -> Caller:
    """Calls for saved profiles, signed with $LINKFACE_API_SECRET or the keychain's secret.

    The Sandbox profile needs the in-process sandbox, which the app's own caller provides.
    """

    def call(profile: Profile, request: Request) -> Checked:
        if profile.is_sandbox:
            raise InputRejected("profile", "sandbox_server")
        with LinkFaceClient(profile_connection(profile, secret_for(profile, secrets, environ))) as client:
            result = client.call(request)
        return Checked(result, read(result, profile.face_threshold))

    return call


def add_profile_parser(commands: Any) -> None:
    """Add `profile` and its actions to the subparsers of `linkface-desk`."""
    profile = commands.add_parser("profile", help=translate("Cli", "list and manage connection profiles (accounts)"))
    actions = profile.add_subparsers(dest="profile_command", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help=translate("Cli", "the profiles, and whether each has a secret (never "
                                                               "the secret)"))
    listing.add_argument("--json", action="store_true", help=translate("Cli", "print a JSON array"))

    flags = argparse.ArgumentParser(add_help=False)
    group = flags.add_argument_group(translate("Cli", "profile fields (edit changes only those given)"))
    for field in PROFILE_FIELDS:
        if field.name != "name":  # the name says which profile: an argument of its own
            _add_flag(group, field)
    actions.add_parser("add", parents=[flags], help=translate("Cli", "add a profile")) \
        .add_argument("name", help=field_help(FIELDS["name"]))
    actions.add_parser("edit", parents=[flags], help=translate("Cli", "edit a profile")).add_argument("name")
    actions.add_parser("remove", help=translate("Cli", "remove a profile and its keychain secret")).add_argument("name")
    actions.add_parser("set-secret", help=translate("Cli", "save the API secret in the keychain (prompted, or one line "
                                                           "of stdin)")).add_argument("name")
    actions.add_parser("test", help=translate("Cli", "get a token: checks the api_id, the secret and the clock")) \
        .add_argument("name")


def _add_flag(group: argparse._ArgumentGroup, field: ProfileField[Any]) -> None:
    """A field's flag (--name-with-dashes): its type says how it is read, the catalogue gives its help."""
    flag, help_text = "--" + field.flag.replace("_", "-"), field_help(field)
    if field.type is bool:
        group.add_argument(flag, dest=field.name, action=argparse.BooleanOptionalAction, default=None, help=help_text)
    elif field.choices:
        group.add_argument(flag, dest=field.name, choices=[field.to_text(c) for c in field.choices], help=help_text)
    elif field.type is float:
        metavar = "SECONDS" if field.unit == "s" else f"{field.low:g}..{field.high:g}"
        group.add_argument(flag, dest=field.name, type=float, metavar=metavar, help=help_text)
    else:
        if field.type is Path:
            help_text = translate("Cli", "{help} '' removes it.").format(help=help_text)
        group.add_argument(flag, dest=field.name, metavar=field.metavar or None, help=help_text)


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The profile fields given on the command line, in their types (a relative path is taken from here)."""
    changes: dict[str, Any] = {}
    for field in PROFILE_FIELDS:
        given = getattr(args, field.name) if field.name != "name" else None
        if given is None:
            continue
        value = given if isinstance(given, (bool, float)) else field.from_text(given)
        changes[field.name] = value.expanduser().absolute() if isinstance(value, Path) else value
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
        say(translate("Cli", "${variable} is set: it signs for every profile instead of the keychain.")
            .format(variable=SECRET_ENV))
    if args.json:
        _out(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    states = {True: translate("Cli", "saved"), False: translate("Cli", "missing"), None: "?"}
    name_title, secret_title = translate("Cli", "name"), translate("Cli", "secret")
    _out(f"  {name_title:<20} {secret_title:<10} {'api_id':<20} base_url")
    for row in rows:
        secret = "-" if row["builtin"] else states[row["has_secret"]]
        _out(f"{'*' if row['selected'] else ' '} {row['name']:<20} {secret:<10} {row['api_id'] or '-':<20} "
             f"{row['base_url']}")
    return 0


def _add(args: argparse.Namespace, ctx: _Context) -> int:
    ctx.store.add(Profile(args.name, **_changes(args)))
    _out(translate("Cli", "Added profile '{name}'. Now save its secret: linkface-desk profile set-secret {quoted}")
         .format(name=args.name, quoted=shlex.quote(args.name)))
    return 0


def _edit(args: argparse.Namespace, ctx: _Context) -> int:
    profile = ctx.store.edit(args.name, **_changes(args))
    _out(translate("Cli", "Saved profile '{name}'.").format(name=profile.name))
    return 0


def _remove(args: argparse.Namespace, ctx: _Context) -> int:
    name = ctx.store.get(args.name).name
    remove_profile(ctx.store, name, ctx.secrets)
    _out(translate("Cli", "Removed profile '{name}' and its keychain secret, if it had one.").format(name=name))
    return 0


def _read_secret(stdin: TextIO, name: str) -> str:
    if stdin.isatty():
        return getpass.getpass(translate("Cli", "API secret for {name} (not shown): ").format(name=name))
    return stdin.readline()


def _set_secret(args: argparse.Namespace, ctx: _Context) -> int:
    profile = ctx.store.get(args.name)
    if profile.is_sandbox:
        raise InputRejected("name", "sandbox_builtin", variant="secret")
    problem = ctx.secrets.check()
    if problem is not None:  # before the user types the secret for nothing
        raise problem
    ctx.secrets.set(profile.name, check_secret(_read_secret(ctx.stdin, profile.name)))
    _out(translate("Cli", "Saved the API secret of profile '{name}' in the keychain ({backend}).")
         .format(name=profile.name, backend=ctx.secrets.backend_name()))
    return 0


def _test(args: argparse.Namespace, ctx: _Context) -> int:
    profile = ctx.store.get(args.name)
    if ctx.environ.get(SECRET_ENV) and not profile.is_sandbox:
        say(translate("Cli", "signing with ${variable}, not the keychain's secret.").format(variable=SECRET_ENV))
    try:
        result = ctx.call(profile, TokenRequest(profile.detection_types[0])).result
    except ApiError as exc:
        if exc.code == "1000":
            now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
            say(translate("Cli", "profile '{name}': the server refused the signature (code {code}), so the api_id, "
                                 "the secret or this computer's clock ({now}) is wrong.")
                .format(name=profile.name, code=exc.code, now=now))
        raise
    _out(translate("Cli", "Profile '{name}': api_id, secret and clock are right (token issued; request_id "
                          "{request_id}; get_token is not billed).").format(name=profile.name,
                                                                           request_id=result.request_id))
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
    secrets = secrets or KeyringSecretStore()
    try:
        store = store or ProfileStore.open_default(environ)
        for issue in store.issues:
            say(settings_issue(issue))
        context = _Context(store, secrets, environ, stdin or sys.stdin,
                           call or keychain_caller(secrets, environ))
        return _HANDLERS[args.profile_command](args, context)
    except LinkFaceError as exc:
        return _fail(exc)

"""`linkface-desk`: the window with no arguments; `call`, `batch`, `sandbox`, `profile`, `history` otherwise.

`call` prints one JSON object on stdout (the result or the failure) and, on failure, one human
line on stderr. Exit codes: 0 success, 2 input rejected locally (nothing sent; also a history,
settings or file that cannot be used), 3 the API answered with a code other than 0000, 4
transport or protocol failure, 5 no usable keychain, 6 the call was made but its record could not
be written to history (it went to the fallback journal, or nowhere: the warning says which).
Every command that calls the API goes through app.runtime.Runtime, which records history.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, assert_never

from app.catalogue.tasks import task_name
from app.catalogue.words import error_words
from app.cli.batch_cmd import add_batch_parser, run_batch_command
from app.cli.case_cmd import add_case_arguments, add_case_parser, case_for_call, case_payload, decision_from, run_case
from app.cli.history_cmd import add_history_parser, run_history
from app.cli.output import failure_payload, print_json, report_failure, say, warn_if_not_recorded
from app.cli.profile_cmd import add_profile_parser, run_profile
from app.core.contract import (
    DETECTION_TYPES,
    Endpoint,
    FieldKind,
    FileSource,
    FormField,
    Request,
    Source,
    SourceSpec,
    StoredIdSource,
    UrlSource,
)
from app.core.endpoints import SPECS, spec
from app.core.errors import InputRejected, LinkFaceError, error_summary
from app.core.history import HistoryError
from app.core.interpret import summarize
from app.core.profiles import SANDBOX_PROFILE_NAME, Profile
from app.core.secrets import SECRET_ENV
from app.i18n import for_command_line, translate
from app.runtime import Runtime

EXIT_OK, EXIT_INPUT, EXIT_API, EXIT_TRANSPORT, EXIT_KEYCHAIN, EXIT_NOT_RECORDED = 0, 2, 3, 4, 5, 6
COMMAND_LINE_PROFILE = "command-line"  # the profile name history records for --base-url/--api-id calls


def _source(args: argparse.Namespace, source_spec: SourceSpec) -> Source:
    flag = f"--{source_spec.attribute}"
    given = [(kind, getattr(args, f"{source_spec.attribute}_{kind}")) for kind in ("file", "url", "id")]
    chosen = [(kind, value) for kind, value in given if value is not None]
    if len(chosen) != 1:
        raise InputRejected(source_spec.attribute, "one_source", flag=flag)
    kind, value = chosen[0]
    return FileSource(Path(value)) if kind == "file" else UrlSource(value) if kind == "url" else StoredIdSource(value)


def build_request(args: argparse.Namespace) -> Request:
    """Turn the parsed flags of `call ENDPOINT` into a typed request (validated later by the client)."""
    declared = spec(Endpoint(args.endpoint))
    values: dict[str, Any] = {f.attribute: getattr(args, f.attribute) for f in declared.form}
    values.update({s.attribute: _source(args, s) for s in declared.sources})
    return declared.request(**values)


def _add_form_field(parser: argparse.ArgumentParser, form_field: FormField) -> None:
    flag = "--" + form_field.attribute.replace("_", "-")
    match form_field.kind:
        case FieldKind.NAME | FieldKind.ID_NUMBER:
            parser.add_argument(flag, dest=form_field.attribute, required=True)
        case FieldKind.FLAG:
            parser.add_argument(flag, dest=form_field.attribute, action="store_true")
        case FieldKind.DETECTION_TYPE:
            parser.add_argument(flag, dest=form_field.attribute, default=DETECTION_TYPES[0],
                                help=translate("Cli", "one of {types}").format(types=", ".join(DETECTION_TYPES)))
        case _:
            assert_never(form_field.kind)


def _add_source(parser: argparse.ArgumentParser, source_spec: SourceSpec) -> None:
    name, fields = source_spec.attribute, source_spec.fields
    group = parser.add_argument_group(translate("Cli", "{name} source (exactly one)").format(name=name))
    group.add_argument(f"--{name}-file", metavar="PATH")
    group.add_argument(f"--{name}-url", metavar="URL")
    group.add_argument(f"--{name}-id", metavar="ID",
                       help=translate("Cli", "an id the server returned earlier ({field})")
                       .format(field=fields.stored_id))


def connection_options(per_call: bool = True) -> tuple[argparse.ArgumentParser, Any]:
    """The connection flags `call` and `batch` share (a parent parser), and their group."""
    conn = argparse.ArgumentParser(add_help=False)
    where = conn.add_argument_group(translate("Cli", "connection (default: the built-in sandbox)"))
    where.add_argument("--sandbox", action="store_true",
                       help=translate("Cli", "use the built-in sandbox (the default)"))
    where.add_argument("--profile", help=translate("Cli", "a saved profile (see `linkface-desk profile list`)"))
    where.add_argument("--base-url", help=translate("Cli", "API base URL; the secret comes from $LINKFACE_API_SECRET"))
    where.add_argument("--api-id", help=translate("Cli", "API id, with --base-url"))
    if not per_call:
        conn.set_defaults(face_threshold=None, sequence_id=None)
    return conn, where


def _add_call_parser(commands: Any) -> None:
    call = commands.add_parser("call", help=translate("Cli", "make one API call and print the result as JSON"))
    endpoints = call.add_subparsers(dest="endpoint", required=True, metavar="ENDPOINT")
    conn, where = connection_options()
    where.add_argument("--sequence-id",
                       help=translate("Cli", "your own request serial (default: 64 random characters)"))
    where.add_argument("--face-threshold", type=float,
                       help=translate("Cli", "operating threshold for face_score (default 0.7)"))
    for declared in sorted(SPECS.values(), key=lambda d: list(Endpoint).index(d.endpoint)):
        parser = endpoints.add_parser(declared.endpoint.value, parents=[conn], help=task_name(declared.endpoint.value))
        for source_spec in declared.sources:
            _add_source(parser, source_spec)
        for form_field in declared.form:
            _add_form_field(parser, form_field)
        add_case_arguments(parser)


def _add_sandbox_parsers(commands: Any) -> None:
    sandbox = commands.add_parser("sandbox", help=translate("Cli", "run the sandbox API server (loopback by default)"))
    sandbox.add_argument("--host", default="127.0.0.1")
    sandbox.add_argument("--port", type=int, default=8765)
    make = commands.add_parser("make-sandbox-file",
                               help=translate("Cli", "make a sandbox liveness file from a face image"))
    make.add_argument("--face", required=True, type=Path, help=translate("Cli", "a face image (PNG, JPEG, ...)"))
    make.add_argument("--motions", default="0,1,2,3",
                      help=translate("Cli", "comma-separated motion codes, in order (default 0,1,2,3)"))
    make.add_argument("--presentation", default="live", choices=["live", "photo", "screen", "mask"])
    make.add_argument("--failed", action="store_true",
                      help=translate("Cli", "mark the capture as not passing liveness"))
    make.add_argument("--out", required=True, type=Path)


def build_parser() -> argparse.ArgumentParser:
    from app import __version__

    parser = argparse.ArgumentParser(
        prog="linkface-desk",
        description=translate("Cli", "LinkFace Desk: verify customers with the LinkFace liveness API.")
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help=translate("Cli", "check the installation offscreen and exit"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_call_parser(commands)
    _add_sandbox_parsers(commands)
    add_profile_parser(commands)
    add_history_parser(commands)
    add_case_parser(commands)
    add_batch_parser(commands, connection_options(per_call=False)[0])
    return parser


def fail(exc: LinkFaceError, runtime: Runtime | None = None) -> int:
    """Report a failure the documented way: JSON on stdout, one human line on stderr."""
    print_json({"ok": False, "error": failure_payload(exc), "record": exc.record.value})
    report_failure(exc)
    warn_if_not_recorded(exc.record, runtime.journal.path if runtime is not None else None)
    return exc.exit_code


def _profile_for(args: argparse.Namespace, runtime: Runtime) -> Profile:
    """--base-url/--api-id (secret from the environment), else --profile, else the built-in Sandbox."""
    if args.sandbox and (args.profile or args.base_url or args.api_id):
        raise InputRejected("connection", "one_connection")
    if args.base_url or args.api_id:
        if not (args.base_url and args.api_id and runtime.environ.get(SECRET_ENV)):
            raise InputRejected("connection", "explicit_connection", variable=SECRET_ENV)
        profile = Profile(COMMAND_LINE_PROFILE, base_url=args.base_url, api_id=args.api_id)
    else:
        profile = runtime.profiles.get(args.profile or SANDBOX_PROFILE_NAME)
    if args.face_threshold is not None:
        profile = dataclasses.replace(profile, face_threshold=args.face_threshold)
    return profile


def run_call(args: argparse.Namespace, runtime: Runtime) -> int:
    """One call, in a case (app.cli.case_cmd): its own, opened and closed around it, or ``--case``'s."""
    case_id: str | None = None
    own_case = False
    try:
        request = build_request(args)
        profile = _profile_for(args, runtime)
        case_id, own_case = case_for_call(args, runtime, profile, request)
        checked = runtime.run(profile, request, sequence_id=args.sequence_id, case_id=case_id)
    except (InputRejected, HistoryError) as exc:  # nothing was sent: a case of the call's own is not kept
        if own_case and case_id is not None and not isinstance(exc, HistoryError):
            runtime.discard_case(case_id)
        return fail(exc, runtime)
    except LinkFaceError as exc:
        if own_case and case_id is not None:
            runtime.close_case(case_id)  # sent: the case stays, with no decision
        return fail(exc, runtime)
    code = EXIT_NOT_RECORDED if warn_if_not_recorded(checked.record, runtime.journal.path) else EXIT_OK
    decision, refused = decision_from(args), None
    if case_id is not None:
        try:
            if decision is not None:
                runtime.decide(case_id, decision)
        except LinkFaceError as exc:  # the call was made and recorded; only the decision was refused
            refused = exc
        if refused is None and (own_case or decision is not None):
            try:
                runtime.close_case(case_id)
            except HistoryError as exc:  # the call's record is safe (history or journal); the case stays open
                say(translate("Cli", "warning: the case {case} could not be closed: {why}")
                    .format(case=case_id, why=error_words(exc)[0]))
    payload: dict[str, Any] = {"ok": True, "profile": profile.name, "sandbox": profile.is_sandbox,
                               **summarize(checked.result, checked.reading), "record": checked.record.value}
    if case_id is not None:
        payload["case"] = case_payload(runtime, case_id)
    if refused is not None:  # the case stays open for `linkface-desk case close` with a decision that fits
        why, _ = error_words(refused)
        payload["case"]["decision_refused"] = {**error_summary(refused), "message": why}
        del payload["case"]["decision_refused"]["sent"], payload["case"]["decision_refused"]["billing"]
        say(translate("Cli", "the call was made and recorded; its decision was not: {why} The case {case} stays open: "
                             "close it with `linkface-desk case close {case} --decision ...`.")
            .format(why=why, case=case_id))
        code = refused.exit_code
    print_json(payload)
    return code


def run_history_command(args: argparse.Namespace, runtime: Runtime) -> int:
    if args.move_aside:
        problem = runtime.history_problem
        if problem is None or problem.kind != "damaged":
            say(translate("Cli", "the history file is not damaged; nothing was moved"))
            return EXIT_INPUT
        aside = runtime.move_history_aside()
        say(translate("Cli", "the damaged history file was kept as {aside}; a new history was started")
            .format(aside=aside))
        return EXIT_OK if runtime.history is not None else fail(runtime.history_problem or problem)
    if runtime.history is None:
        assert runtime.history_problem is not None
        return fail(runtime.history_problem)
    return run_history(args, runtime.history)


def run_profile_command(args: argparse.Namespace, runtime: Runtime) -> int:
    return run_profile(args, lambda profile, request: runtime.run(profile, request), store=runtime.profiles,
                       secrets=runtime.secrets, environ=runtime.environ)


def run_sandbox(args: argparse.Namespace) -> int:
    from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET, serve_forever

    sys.stderr.write(
        f"LinkFace SANDBOX on http://{args.host}:{args.port}  (api_id {SANDBOX_API_ID!r}, "
        f"api_secret {SANDBOX_API_SECRET!r}: public sandbox credentials, not a real account). Ctrl+C stops.\n"
    )
    try:
        serve_forever(args.host, args.port)
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def run_make_sandbox_file(args: argparse.Namespace) -> int:
    from app.sandbox.livefile import make_liveness_file

    try:
        motions = [int(code) for code in args.motions.split(",") if code.strip()]
    except ValueError:
        return fail(InputRejected("motions", "integers"))
    try:
        data = make_liveness_file(args.face.read_bytes(), motions, passed=not args.failed,
                                  presentation=args.presentation)
        args.out.write_bytes(data)
    except (ValueError, OSError) as exc:
        return fail(InputRejected("face", "image", reason=str(exc)))
    say(translate("Cli", "wrote sandbox liveness file {file} ({size} bytes)").format(file=args.out,
                                                                                    size=args.out.stat().st_size))
    return EXIT_OK


def _opens_the_window(argv: Sequence[str]) -> bool:
    """No command (or only the self-test): the window's QApplication must be the first Qt application."""
    return all(arg in ("--self-test",) for arg in argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # The command line speaks the system's language (or LINKFACE_DESK_LANG), help included.
    language = None if _opens_the_window(argv) else for_command_line()
    args = build_parser().parse_args(argv)
    if args.self_test:
        from app.ui.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from app.ui.startup import run_app

        return run_app()
    if args.command == "sandbox":
        return run_sandbox(args)
    if args.command == "make-sandbox-file":
        return run_make_sandbox_file(args)
    handlers = {"call": run_call, "history": run_history_command, "profile": run_profile_command, "case": run_case,
                "batch": run_batch_command}
    try:
        runtime = Runtime()
    except LinkFaceError as exc:  # e.g. a settings file from a newer version
        return fail(exc)
    with runtime:
        if runtime.log_problem:  # the window says so in its status line; a terminal user must hear it too
            say(translate("Cli", "warning: no log file can be written ({problem}); calls are still recorded in "
                                 "history").format(problem=runtime.log_problem))
        code = handlers[args.command](args, runtime)
    del language  # the translations lived as long as the command
    return code


if __name__ == "__main__":
    raise SystemExit(main())

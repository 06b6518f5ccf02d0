"""`linkface-desk batch parse|hack PATH… --out REPORT`: a support engineer's inspection of a branch's captures.

Files, folders and zip archives (app.core.batch reads them and refuses what cannot be sent); the same
connection options as `call`, and ``--consent`` required as for a face call (``on-file`` for captures a
branch sends: consent was taken when they were made). Before billable work it states the number of
billable calls and asks; without a terminal it needs ``--yes`` (else exit 2, nothing sent). Progress and
time remaining go to stderr, one JSON summary to stdout. Ctrl+C stops after the current file: the report
stays valid and ``--resume REPORT`` carries on where it stopped. Exit code: the worst of the report's
rows (0 all 0000, 2 some refused locally, 3 some API errors, 4 some transport failures), 130 when stopped.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.catalogue.batch import ReportWords, describe
from app.catalogue.cases import notice_text
from app.catalogue.tasks import task_name
from app.catalogue.words import duration, nothing_sent
from app.cli.case_cmd import CONSENT_CHOICES
from app.cli.output import print_json, say
from app.core import batch
from app.core.contract import Endpoint
from app.core.errors import InputRejected, LinkFaceError
from app.i18n import translate

if TYPE_CHECKING:
    from app.runtime import Runtime

EXIT_INPUT, EXIT_INTERRUPTED = 2, 130
BACKOFF_S = 1.0  # the first wait after a 1009, doubled after each (batch.Options bounds it)

def report_words() -> ReportWords:
    from app.ui.words import motion_text, verdict_text  # the window's names for verdicts and motions

    return ReportWords(verdict_text, motion_text)


def add_batch_parser(commands: Any, connection: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "batch", help=translate("Cli", "inspect many captures (files, folders, zip archives) and write a report"))
    calls = parser.add_subparsers(dest="batch_endpoint", required=True, metavar="CALL")
    for endpoint in batch.BATCH_ENDPOINTS:
        sub = calls.add_parser(endpoint.value, parents=[connection], help=task_name(endpoint.value))
        sub.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                         help=translate("Cli", "a capture, a folder (searched recursively) or a zip archive"))
        sub.add_argument("--out", type=Path, metavar="REPORT",
                         help=translate("Cli", "the report to write (default with --resume: that report)"))
        sub.add_argument("--format", choices=[f.value for f in batch.Format],
                         help=translate("Cli", "csv (the default), jsonl or html; default: from the report's name"))
        sub.add_argument("--yes", action="store_true",
                         help=translate("Cli", "make the billable calls without asking (needed without a terminal)"))
        sub.add_argument("--resume", type=Path, metavar="REPORT",
                         help=translate("Cli", "carry on an interrupted batch: skip captures this report already has "
                                               "answered, and add to it"))
        sub.add_argument("--retry-unknown", action="store_true",
                         help=translate("Cli", "with --resume: also send again the calls whose billing is unknown "
                                               "(check with the vendor first)"))
        sub.add_argument("--consent", choices=list(CONSENT_CHOICES),
                         help=translate("Cli", "the customers' consent: on-file for captures a branch sends "
                                               "(recorded when they were made); required"))


def _report_path(args: argparse.Namespace) -> tuple[Path, batch.Format, list[dict[str, Any]]]:
    """The report, its format, and the rows it already has (a resume). Raises InputRejected."""
    previous: list[dict[str, Any]] = []
    found: batch.Format | None = None
    if args.resume is not None:
        if args.out is not None and args.out.resolve() != args.resume.resolve():
            raise _usage(translate("Cli", "--resume adds to its own report: leave out --out, or give the same file."))
        try:
            found, previous = batch.read_report(args.resume)
        except batch.ReportError as exc:
            raise _usage(translate("Cli", "the report {report} cannot be resumed: {why}")
                         .format(report=args.resume, why=exc)) from None
    out = args.resume if args.resume is not None else args.out
    if out is None:
        raise _usage(translate("Cli", "give the report to write with --out REPORT"))
    chosen = batch.Format(args.format) if args.format else found or batch.Format.for_path(out) or batch.Format.CSV
    if found is not None and chosen is not found:
        raise _usage(translate("Cli", "the report {report} is {found}, not {chosen}")
                     .format(report=out, found=found.value, chosen=chosen.value))
    return out, chosen, previous


class _Usage(Exception):
    pass


def _usage(text: str) -> _Usage:
    return _Usage(text)


def _confirm(billable: int, profile: str, assume_yes: bool) -> bool:
    """Ask before billable work; False (with the reason said) when it must not start."""
    if billable == 0 or assume_yes:
        return True
    if not (sys.stdin is not None and sys.stdin.isatty()):
        say(translate("Cli", "{count} billable calls would be made on the profile {profile}, and there is no terminal "
                             "to ask: add --yes to make them. Nothing was sent.").format(count=billable,
                                                                                        profile=profile))
        return False
    sys.stderr.write(translate("Cli", "Make {count} billable calls on the profile {profile}? [y/N] ")
                     .format(count=billable, profile=profile))
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    if answer in ("y", "yes", translate("Cli", "yes").lower()):
        return True
    say(nothing_sent())
    return False


def _progress_line(event: batch.Event) -> None:
    row = event.row
    if event.wait_s:
        say(translate("Cli", "the API says the call rate is too high (1009, not billed): waiting {wait} before "
                             "trying again").format(wait=duration(event.wait_s)))
        return
    if row is None:
        return
    left = event.remaining_s
    words = report_words()
    if row.get("verdict"):
        outcome = words.verdict(str(row["verdict"]))
    elif row.get("status") == batch.Status.REFUSED.value:
        outcome = f"{words.status(str(row['status']))}: {row.get('reason')}"
    else:
        outcome = f"{row.get('code') or words.status(str(row.get('status')))}: {row.get('reason')}"
    if left is None or event.done >= event.total:
        say(translate("Cli", "[{done}/{total}] {file} {call}: {outcome}").format(
            done=event.done, total=event.total, file=row["file"], call=row["endpoint"], outcome=outcome))
    else:
        say(translate("Cli", "[{done}/{total}] {file} {call}: {outcome}; about {left} left").format(
            done=event.done, total=event.total, file=row["file"], call=row["endpoint"], outcome=outcome,
            left=duration(left)))


def run_batch_command(args: argparse.Namespace, runtime: Runtime) -> int:
    from app.cli.main import _profile_for, fail

    endpoint = Endpoint(args.batch_endpoint)
    try:
        out, fmt, previous = _report_path(args)
    except _Usage as exc:
        say(str(exc))
        return EXIT_INPUT
    try:
        if args.consent is None and runtime.policy.require_consent:
            raise InputRejected("consent", "required")
        profile = _profile_for(args, runtime)
        runtime.connection_for(profile)  # a missing secret or keychain refuses the batch before anything
    except LinkFaceError as exc:
        return fail(exc, runtime)
    items = batch.collect(args.paths)
    plan = batch.make_plan(items, (endpoint,), previous, retry_unknown=args.retry_unknown)
    say(translate("Cli", "{files} files: {refused} refused locally, {answered} calls already answered in the report, "
                         "{calls} calls to make ({billable} billable) on the profile {profile}").format(
        files=len(items), refused=len(plan.refused), answered=plan.answered, calls=plan.call_count,
        billable=plan.billable_calls, profile=profile.name))
    if plan.held_back:
        say(translate("Cli", "{count} calls are not sent again: their billing is unknown (a person must decide; "
                             "--retry-unknown sends them)").format(count=plan.held_back))
    if not _confirm(plan.billable_calls, profile.name, args.yes):
        return EXIT_INPUT
    consent = CONSENT_CHOICES[args.consent] if args.consent else None
    options = batch.Options(consent=consent, notice=notice_text(runtime.profiles.counter.consent_notice),
                            backoff_s=BACKOFF_S)
    try:
        report = batch.Report(out, fmt, previous, append=bool(previous) or args.resume is not None,
                              words=report_words(), profile=profile.name, sandbox=profile.is_sandbox)
    except batch.ReportError as exc:
        say(translate("Cli", "the report cannot be written: {why}").format(why=exc))
        return EXIT_INPUT
    cancel, finished = threading.Event(), threading.Event()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["summary"] = batch.run_batch(runtime, profile, plan, report.write, options, cancel,
                                                 lambda event: _progress_line(event), describe)
        except batch.ReportError as exc:
            outcome["error"] = exc
            cancel.set()
        finally:
            finished.set()

    worker = threading.Thread(target=work, name="batch", daemon=True)
    worker.start()
    interrupted = False
    while not finished.is_set():  # not Thread.join: a Ctrl+C inside join marks a running thread as ended
        try:
            finished.wait(0.2)
        except KeyboardInterrupt:
            if interrupted:
                raise
            interrupted = True
            cancel.set()
            say(translate("Cli", "stopping after the current file (Ctrl+C again stops at once)"))
    worker.join()
    report.close()
    return _finish(args, out, fmt, report, outcome, interrupted, plan)


def _finish(args: argparse.Namespace, out: Path, fmt: batch.Format, report: batch.Report, outcome: dict[str, Any],
            interrupted: bool, plan: batch.Plan) -> int:
    summary: batch.Summary = outcome.get("summary") or batch.Summary(cancelled=True)
    code = batch.exit_code(report.rows)
    if "error" in outcome:
        say(translate("Cli", "the report cannot be written: {why}").format(why=outcome["error"]))
        code = max(code, EXIT_INPUT)
    stopped = interrupted or summary.cancelled
    if stopped:
        say(translate("Cli", "stopped: the report {report} holds what was done; carry on with --resume {report}")
            .format(report=out))
    if summary.billing_unknown:
        say(translate("Cli", "{count} calls got no answer after they were sent: their billing is unknown and a person "
                             "must decide (the report marks them)").format(count=summary.billing_unknown))
    print_json({"ok": code == 0 and not stopped, "report": str(out), "format": fmt.value, "rows": summary.rows,
                "counts": summary.counts, "billed": summary.billed, "billing_unknown": summary.billing_unknown,
                "billable_calls_planned": plan.billable_calls, "already_answered": plan.answered,
                "held_back": plan.held_back, "stopped": stopped, "exit_code": EXIT_INTERRUPTED if stopped else code})
    return EXIT_INTERRUPTED if stopped else code

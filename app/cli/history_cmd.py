"""`linkface-desk history`: list or export the recorded calls; `history cases`: the customer cases (both
already masked)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.output import say
from app.core.cases import REASONS, Outcome
from app.core.contract import Endpoint
from app.core.errors import Billing
from app.core.history import COLUMNS, CaseFilter, Filter, History, case_record
from app.core.interpret import Verdict
from app.i18n import translate

BILLED_CHOICES = {"yes": Billing.BILLED, "no": Billing.NOT_BILLED, "unknown": Billing.UNKNOWN}
BILLED_WORDS = {billing.value: word for word, billing in BILLED_CHOICES.items()}


def _date(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text).astimezone()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None


def add_history_parser(commands: Any) -> None:
    history = commands.add_parser("history",
                                  help=translate("Cli", "list or export recorded calls (personal data masked)"))
    history.add_argument("--since", type=_date, help=translate("Cli", "from this date (YYYY-MM-DD, local time)"))
    history.add_argument("--until", type=_date, help=translate("Cli", "before this date"))
    history.add_argument("--endpoint", choices=[e.value for e in Endpoint])
    history.add_argument("--verdict", choices=[v.value for v in Verdict])
    history.add_argument("--profile")
    history.add_argument("--billed", choices=list(BILLED_CHOICES),
                         help=translate("Cli", "unknown: the call may have been billed but no readable answer "
                                               "came back"))
    history.add_argument("--search", default="",
                         help=translate("Cli", "a request_id, sequence_id or ID number (full or masked)"))
    history.add_argument("--limit", type=int, default=50,
                         help=translate("Cli", "rows to print (default 50; --csv exports all)"))
    history.add_argument("--csv", type=Path, metavar="FILE",
                         help=translate("Cli", "export the filtered rows to CSV (UTF-8 with BOM)"))
    history.add_argument("--json", action="store_true", help=translate("Cli", "print JSON lines instead of a table"))
    history.add_argument("--move-aside", action="store_true",
                         help=translate("Cli", "keep a damaged history file for IT under a new name and start a "
                                               "new history"))
    views = history.add_subparsers(dest="history_view", metavar="VIEW")
    cases = views.add_parser("cases", help=translate("Cli", "list or export the customer cases"))
    cases.add_argument("--since", type=_date, help=translate("Cli", "from this date (YYYY-MM-DD, local time)"))
    cases.add_argument("--until", type=_date, help=translate("Cli", "before this date"))
    cases.add_argument("--decision", choices=[o.value for o in Outcome])
    cases.add_argument("--reason", choices=sorted(REASONS))
    cases.add_argument("--operator", help=translate("Cli", "an OS account or a staff ID"))
    cases.add_argument("--supervisor", help=translate("Cli", "the approving supervisor's staff ID"))
    cases.add_argument("--limit", type=int, default=50, help=translate("Cli", "cases to print (default 50)"))
    cases.add_argument("--csv", type=Path, metavar="FILE",
                       help=translate("Cli", "export the filtered cases to CSV (UTF-8 with BOM)"))
    cases.add_argument("--json", action="store_true", help=translate("Cli", "print JSON lines instead of a table"))


def filter_from(args: argparse.Namespace) -> Filter:
    billing = None if args.billed is None else BILLED_CHOICES[args.billed]
    return Filter(since=args.since, until=args.until, endpoint=args.endpoint, verdict=args.verdict,
                  profile=args.profile, billing=billing, search=args.search)


def run_cases(args: argparse.Namespace, history: History) -> int:
    where = CaseFilter(since=args.since, until=args.until, decision=args.decision, reason=args.reason,
                       operator=args.operator, supervisor=args.supervisor)
    if args.csv:
        count = history.export_cases_csv(args.csv, where)
        say(translate("Cli", "exported {count} cases to {file}").format(count=count, file=args.csv))
        return 0
    cases = history.cases(where, limit=args.limit)
    for case in cases:
        record = case_record(case, history.case_calls(case.id))
        if args.json:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            who = case.staff_id or case.operator
            sys.stdout.write(f"{case.opened:%Y-%m-%d %H:%M:%S}  {case.id:<22} {case.consent:<9} "
                             f"{case.decision or 'open':<13} {case.reason or '':<18} {who:<10} "
                             f"{len(record['calls'])} calls, {record['billed_calls']} billed\n")
    if not args.json:
        sys.stdout.write(f"{len(cases)} of {history.count_cases(where)} cases\n")
    return 0


def run_history(args: argparse.Namespace, history: History) -> int:
    if args.history_view == "cases":
        return run_cases(args, history)
    where = filter_from(args)
    if args.csv:
        count = history.export_csv(args.csv, where)
        say(translate("Cli", "exported {count} rows to {file}").format(count=count, file=args.csv))
        return 0
    rows = history.query(where, limit=args.limit)
    if args.json:
        for row in rows:
            sys.stdout.write(json.dumps({c: getattr(row, c) for c in COLUMNS}, ensure_ascii=False) + "\n")
        return 0
    sys.stdout.write(f"{'time':<19}  {'profile':<12} {'endpoint':<8} {'code':<4} {'verdict':<17} billed  "
                     f"{'id number':<18}  request_id\n")
    for row in rows:
        sys.stdout.write(
            f"{row.at:%Y-%m-%d %H:%M:%S}  {row.profile[:12]:<12} {row.endpoint:<8} {row.code or '-':<4} "
            f"{row.verdict or row.outcome:<17} {BILLED_WORDS.get(row.billing, row.billing):<7} "
            f"{row.id_masked or '':<18}  "
            f"{row.request_id or ''}\n"
        )
    sys.stdout.write(f"{len(rows)} of {history.count(where)} rows\n")
    return 0

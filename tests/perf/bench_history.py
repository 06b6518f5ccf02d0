"""History at scale: 100,000 rows in 20,000 customer cases, then the time of filtered, paged queries
(target <= 50 ms each, count included; for cases, their calls counted too, as the Cases view reads a
page) and of opening the History page until its first page is shown.

Run: .venv/bin/python tests/perf/bench_history.py
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.core.errors import Billing  # noqa: E402
from app.core.history import CASE_COLUMNS, COLUMNS, CaseFilter, History  # noqa: E402
from app.core.history import Filter as CallFilter  # noqa: E402

ROWS = 100_000
CALLS_PER_CASE = 5
CASES = ROWS // CALLS_PER_CASE
DECISIONS = ("accepted", "rejected", "referred", "other_method", "abandoned", "no_decision")
REASONS = ("verified", "review_band", "suspected_attack", "no_record", "customer_left")
PROFILES = ("北京分行-生产", "上海分行-生产", "Sandbox")
ENDPOINTS = ("idnumber", "selfie", "hack", "parse", "token")
VERDICTS = ("same_person", "different_person", "needs_review", "no_record", "suspected_attack")


def fill(history: History) -> None:
    """Bulk-load realistic rows in one transaction (the app itself writes one committed row per call)."""
    now_ms = int(time.time() * 1000)
    span_ms = 90 * 24 * 3600 * 1000
    rows = []
    for n in range(ROWS):
        endpoint, ok = ENDPOINTS[n % 5], n % 17 != 0
        rows.append({
            "at_ms": now_ms - (ROWS - n) * (span_ms // ROWS), "profile": PROFILES[n % 3], "endpoint": endpoint,
            "sequence_id": f"seq{n:060d}", "request_id": f"TID{n:032x}", "code": "0000" if ok else "1009",
            "outcome": "ok" if ok else "api_error", "verdict": VERDICTS[n % 5] if ok else None,
            "billing": "billed" if ok else "not_billed", "operator": "clerk", "liveness_id": f"{n:032x}",
            "image_id": None, "duration_ms": 300, "name_masked": "张*" if endpoint == "idnumber" else None,
            "id_masked": f"110105********{n % 10000:04d}" if endpoint == "idnumber" else None, "details": "{}",
            "error": None, "sandbox": int(n % 3 == 2), "case_id": f"case{n // CALLS_PER_CASE:08d}",
        })
    cases = []
    for n in range(CASES):
        opened = rows[n * CALLS_PER_CASE]["at_ms"]
        cases.append({
            "id": f"case{n:08d}", "opened_ms": opened, "closed_ms": opened + 60_000, "source": "window",
            "operator": "clerk", "staff_id": f"A{n % 40:04d}", "profile": PROFILES[n % 3], "sandbox": 0,
            "name_masked": "张*", "id_masked": f"110105********{n % 10000:04d}", "minor": 0, "consent": "given",
            "consent_ms": opened, "notice_version": "n-0123456789ab", "decision": DECISIONS[n % 6],
            "reason": REASONS[n % 5], "decided_ms": opened + 50_000, "supervisor": "B0217" if n % 50 == 0 else None,
            "supervisor_reason": None, "alternative": None,
        })
    names = [c for c in COLUMNS if c != "id"]
    with history._transaction() as db:
        db.executemany(f"INSERT INTO calls ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                       [[row[name] for name in names] for row in rows])
        db.executemany(f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) VALUES ({', '.join('?' * len(CASE_COLUMNS))})",
                       [[case[name] for name in CASE_COLUMNS] for case in cases])


def timed(history: History, where: CallFilter | CaseFilter, offset: int = 0) -> float:
    """A page as the view reads it: calls and their count; or cases, their count and their calls counted."""
    samples = []
    for _ in range(7):
        start = time.perf_counter()
        if isinstance(where, CaseFilter):
            page = history.cases(where, limit=50, offset=offset)
            history.case_call_counts([case.id for case in page])
            history.count_cases(where)
        else:
            history.query(where, limit=50, offset=offset)
            history.count(where)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def open_page_ms(history: History, cases: bool = False) -> float:
    """From building the History page to its first page of calls (or, with ``cases``, of cases) shown."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from app.ui.history_page import HistoryPage
    from app.ui.widgets.copy_field import ClipboardKeeper

    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    page = HistoryPage(lambda: history, lambda: list(PROFILES), QThreadPool(), ClipboardKeeper())
    page.resize(1200, 800)
    if cases:
        page.views.setCurrentIndex(1)
    page.show()
    while page.cases.loading or not page.cases.model.rows if cases else page.loading or not page.model.rows:
        app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    page.close()
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        history = History(Path(tmp) / "history.sqlite3")
        started = time.perf_counter()
        fill(history)
        print(f"filled {history.count():,} rows and {history.count_cases():,} cases in "
              f"{time.perf_counter() - started:.1f} s")
        week = dt.datetime.now().astimezone() - dt.timedelta(days=7)
        queries: dict[str, tuple[CallFilter | CaseFilter, int]] = {
            "newest page, no filter": (CallFilter(), 0),
            "profile + endpoint + last 7 days": (CallFilter(since=week, profile=PROFILES[0], endpoint="idnumber"), 0),
            "verdict + billed, page 20": (CallFilter(verdict="suspected_attack", billing=Billing.BILLED), 1000),
            "search by masked ID": (CallFilter(search="110105********0042"), 0),
            "search by full ID (masked first)": (CallFilter(search="110105199001010042"), 0),
            "search by request_id": (CallFilter(search=f"TID{77777:032x}"), 0),
            "cases: newest page, no filter": (CaseFilter(), 0),
            "cases: decision + last 7 days": (CaseFilter(since=week, decision="accepted"), 0),
            "cases: reason, page 20": (CaseFilter(reason="review_band"), 1000),
            "cases: staff ID": (CaseFilter(operator="A0007"), 0),
            "cases: supervisor": (CaseFilter(supervisor="B0217"), 0),
            "cases: decision + reason + staff ID": (CaseFilter(decision="rejected", reason="no_record",
                                                               operator="A0011"), 0),
        }
        worst = 0.0
        for label, (where, offset) in queries.items():
            ms = timed(history, where, offset)
            worst = max(worst, ms)
            print(f"  {label:<36} {ms:6.1f} ms (query + count, median of 7)")
        print(f"worst filtered, paged query: {worst:.1f} ms   (target <= 50 ms)")
        print(f"opening the History page to its first page of rows: {open_page_ms(history):.0f} ms")
        print(f"opening it on Cases to its first page of cases: {open_page_ms(history, cases=True):.0f} ms")
        history.close()


if __name__ == "__main__":
    main()

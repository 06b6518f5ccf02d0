"""History at scale: 100,000 rows, then the time of filtered, paged queries (target <= 50 ms each,
count included) and of opening the History page until its first page is shown.

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
from app.core.history import COLUMNS, Filter, History  # noqa: E402

ROWS = 100_000
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
            "error": None, "sandbox": int(n % 3 == 2), "case_id": None,
        })
    names = [c for c in COLUMNS if c != "id"]
    with history._transaction() as db:
        db.executemany(f"INSERT INTO calls ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                       [[row[name] for name in names] for row in rows])


def timed(history: History, where: Filter, offset: int = 0) -> float:
    samples = []
    for _ in range(7):
        start = time.perf_counter()
        history.query(where, limit=50, offset=offset)
        history.count(where)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def open_page_ms(history: History) -> float:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from app.ui.history_page import HistoryPage
    from app.ui.widgets.copy_field import ClipboardKeeper

    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    page = HistoryPage(lambda: history, lambda: list(PROFILES), QThreadPool(), ClipboardKeeper())
    page.resize(1200, 800)
    page.show()
    while page.loading or not page.model.rows:
        app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    page.close()
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        history = History(Path(tmp) / "history.sqlite3")
        started = time.perf_counter()
        fill(history)
        print(f"filled {history.count():,} rows in {time.perf_counter() - started:.1f} s")
        week = dt.datetime.now().astimezone() - dt.timedelta(days=7)
        cases = {
            "newest page, no filter": (Filter(), 0),
            "profile + endpoint + last 7 days": (Filter(since=week, profile=PROFILES[0], endpoint="idnumber"), 0),
            "verdict + billed, page 20": (Filter(verdict="suspected_attack", billing=Billing.BILLED), 1000),
            "search by masked ID": (Filter(search="110105********0042"), 0),
            "search by full ID (masked first)": (Filter(search="110105199001010042"), 0),
            "search by request_id": (Filter(search=f"TID{77777:032x}"), 0),
        }
        worst = 0.0
        for label, (where, offset) in cases.items():
            ms = timed(history, where, offset)
            worst = max(worst, ms)
            print(f"  {label:<36} {ms:6.1f} ms (query + count, median of 7)")
        print(f"worst filtered, paged query: {worst:.1f} ms   (target <= 50 ms)")
        print(f"opening the History page to its first page of rows: {open_page_ms(history):.0f} ms")
        history.close()


if __name__ == "__main__":
    main()

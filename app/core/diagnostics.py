""""Export diagnostics": one zip for support with logs, versions, settings and recent history.

Everything goes through the log redactor on the way in; history rows are already masked and
settings files hold no secrets by construction, so this is a second line of defence.
"""

from __future__ import annotations

import csv
import io
import json
import platform
import sys
import zipfile
from pathlib import Path
from typing import Any

from app.core.history import COLUMNS, History, csv_row
from app.core.logs import Redactor

RECENT_ROWS = 200


def export_diagnostics(
    out: Path,
    log_dir: Path,
    settings_file: Path | None,
    history: History | None,
    versions: dict[str, Any] | None = None,
    recent_rows: int = RECENT_ROWS,
    redactor: Redactor | None = None,
) -> Path:
    """Write the zip to `out` and return it; ``redactor`` is the runtime's (it knows the values in use),
    else a fresh one that catches ID numbers, signs and secret fields by pattern."""
    redact = redactor or Redactor()
    from app import __version__

    info = {"app": __version__, "python": sys.version, "platform": platform.platform(), **(versions or {})}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("versions.json", json.dumps(info, ensure_ascii=False, indent=2))
        for log in sorted(log_dir.glob("*.log*")) if log_dir.is_dir() else []:
            archive.writestr(f"logs/{log.name}", redact(log.read_text(encoding="utf-8", errors="replace")))
        if settings_file is not None and settings_file.is_file():
            archive.writestr("settings.json", redact(settings_file.read_text(encoding="utf-8", errors="replace")))
        if history is not None:
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(COLUMNS)
            for row in history.query(limit=recent_rows):
                writer.writerow(csv_row(*(getattr(row, c) for c in COLUMNS)))
            archive.writestr("history-recent.csv", redact(buffer.getvalue()))
    return out

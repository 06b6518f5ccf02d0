"""The log file: rotating, private, and scrubbed of secrets, signs and unmasked personal data.

Scrubbing happens on the formatted line (message, arguments and traceback alike), so no call
site has to remember it. Secrets, names and ID numbers in use are registered with the runtime's
Redactor as they appear; ID numbers and 64-hex signs are also caught by pattern whatever the message. The
same Redactor scrubs what the server sends back (its message and raw body) before it is kept:
JSON escapes and percent-encoding do not hide a value from it.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import re
import threading
from collections import deque
from pathlib import Path
from urllib.parse import quote

from app.core.masking import mask_id_number, mask_id_numbers_in, mask_name, unescape_json_text
from app.core.paths import touch_private

LOGGER_NAME = "linkface"
LOG_FILE = "linkface-desk.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
SIGN_PATTERN = re.compile(r"(?<![0-9a-fA-F])[0-9a-f]{64}(?![0-9a-fA-F])")
SECRET_FIELD_PATTERN = re.compile(r"(?i)((?:api_secret|secret|sign|password)[\"']?\s*[:=]\s*[\"']?)([^\s\"'&,}]+)")


class Redactor:
    """Remembers the sensitive values seen recently and removes them from any text."""

    def __init__(self, remember: int = 256) -> None:
        self._lock = threading.Lock()
        self._values: deque[tuple[str, str]] = deque(maxlen=remember)

    def add_secret(self, value: str) -> None:
        self._add(value, "[secret]")

    def add_name(self, value: str) -> None:
        self._add(value.strip(), mask_name(value))

    def add_id_number(self, value: str) -> None:
        """Also caught by pattern when valid; registered so that any form of it is caught."""
        self._add(value.strip(), mask_id_number(value))
        self._add(value.strip().lower(), mask_id_number(value))

    def _add(self, value: str, replacement: str) -> None:
        if len(value) < 2:
            return
        # as written, and percent-encoded (a URL or form echoed back), in either case of hex digits
        encoded = quote(value, safe="")
        forms = {value, encoded, encoded.lower()} if encoded != value else {value}
        with self._lock:
            for form in forms:
                if (form, replacement) not in self._values:
                    self._values.append((form, replacement))

    def __call__(self, text: str) -> str:
        with self._lock:
            values = sorted(self._values, key=lambda pair: -len(pair[0]))
        text = unescape_json_text(text)
        for value, replacement in values:
            text = text.replace(value, replacement)
        text = SECRET_FIELD_PATTERN.sub(lambda m: m.group(1) + "[redacted]", text)
        text = SIGN_PATTERN.sub("[sign]", text)
        return mask_id_numbers_in(text)


class RedactingFormatter(logging.Formatter):
    """Formats a record, then scrubs the whole line (message, arguments and traceback alike)."""

    def __init__(self, fmt: str, redactor: Redactor) -> None:
        super().__init__(fmt)
        self._redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        return self._redactor(super().format(record))


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every log file it opens, the first and each one after a rollover, is readable by the user only."""

    def _open(self) -> io.TextIOWrapper:
        touch_private(Path(self.baseFilename))
        return super()._open()


def logger() -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)


def setup_logging(log_dir: Path, redactor: Redactor, level: int = logging.INFO) -> Path:
    """Send the app's log to a private rotating file in log_dir, scrubbed by ``redactor`` (the runtime's,
    which learns the secrets, names and ID numbers in use); returns the file's path."""
    path = log_dir / LOG_FILE
    log = logger()
    for handler in list(log.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            log.removeHandler(handler)
            handler.close()
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", redactor))
    log.addHandler(handler)
    log.setLevel(level)
    return path

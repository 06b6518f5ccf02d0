"""Masks for personal data kept or shown after the decision (PIPL): names and ID numbers.

A name keeps its first character and an asterisk for each of the others; an 18-character ID number
keeps its first 6 and last 4 (`110105********0012`). Anything else that looks like an ID keeps
proportionally less.
"""

from __future__ import annotations

import re

MASK = "*"
# An 18-character resident ID number anywhere in free text (logs, error bodies). A letter right
# before it is allowed when it ends a backslash escape (JSON's \n, \t…): "msg\n110105…" hides nothing.
ID_NUMBER_PATTERN = re.compile(
    r"(?:(?<![0-9A-Za-z])|(?<=\\[nrtbf]))[1-9]\d{5}(?:18|19|20)\d{2}\d{7}[\dXx](?![0-9A-Za-z])")
# A pair of backslashes (kept as it is), or a \uXXXX escape, optionally a surrogate pair.
_JSON_ESCAPE = re.compile(r"\\\\|\\u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?")


def mask_name(name: str) -> str:
    value = name.strip()
    if not value:
        return ""
    return value[0] + MASK * max(1, len(value) - 1)


def mask_id_number(id_number: str) -> str:
    value = re.sub(r"\s+", "", id_number).upper()
    if not value:
        return ""
    if len(value) >= 14:
        return value[:6] + MASK * (len(value) - 10) + value[-4:]
    keep = len(value) // 4
    return value[:keep] + MASK * (len(value) - keep)


def mask_id_numbers_in(text: str) -> str:
    """Mask every ID number found in free text."""
    return ID_NUMBER_PATTERN.sub(lambda m: mask_id_number(m.group(0)), text)


def unescape_json_text(text: str) -> str:
    """Replace JSON's \\uXXXX escapes by the characters they stand for, so that a name or an ID number
    written as escapes can be found. Quotes, backslashes and control characters stay escaped, so valid
    JSON stays valid JSON with the same meaning."""

    def character(match: re.Match[str]) -> str:
        high, low = match.group(1), match.group(2)
        if high is None:
            return match.group(0)  # an escaped backslash: what follows it is text, not an escape
        code = int(high, 16)
        if low is not None:
            if not 0xD800 <= code <= 0xDBFF:
                return match.group(0)  # not a pair: leave both as they were
            code = 0x10000 + ((code - 0xD800) << 10) + (int(low, 16) - 0xDC00)
        if code < 0x20 or chr(code) in '"\\' or 0xD800 <= code <= 0xDFFF:
            return match.group(0)
        return chr(code)

    return _JSON_ESCAPE.sub(character, text)

"""Masks for personal data kept or shown after the decision (PIPL): names and ID numbers.

A name keeps its first character (`张*`, `张**`); an 18-character ID number keeps its first 6 and
last 4 (`110105********0012`). Anything else that looks like an ID keeps proportionally less.
"""

from __future__ import annotations

import re

MASK = "*"
# An 18-character resident ID number anywhere in free text (logs, error bodies).
ID_NUMBER_PATTERN = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}\d{7}[\dXx](?![0-9A-Za-z])")


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

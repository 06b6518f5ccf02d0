"""What a screen reader hears without moving the focus: an outcome, a refusal.

A verdict appears on the right of the page while the focus stays in the inputs, so a screen reader
would say nothing of it; ``announce`` sends Qt's announcement event (AT-SPI ``object:announcement``,
UI Automation's notification), assertive for what must interrupt (an attack, an error, a refusal),
polite otherwise. ``plain`` is a text without its pictographs (✓ ✗ ↻ ⏎), which a screen reader would
read out or stumble on: the accessible name of a control whose visible text carries one.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str, urgent: bool) -> None:
    """Have the screen reader say ``text`` now, about ``widget`` (on screen); a no-op without one."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if urgent
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def plain(text: str) -> str:
    """``text`` without pictographs and arrows (Unicode's "other symbol"), trimmed."""
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "So").split())

"""The tasks' names by endpoint value, in the registry's order (the sidebar, History, the CLI's help).

Kept apart from the rest of the catalogue so that the window's first paint needs only this and QtCore.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.i18n import QT_TRANSLATE_NOOP

TASK_NAMES: dict[str, str] = {
    "idnumber": QT_TRANSLATE_NOOP("Task", "ID verification"),
    "selfie": QT_TRANSLATE_NOOP("Task", "Selfie verification"),
    "hack": QT_TRANSLATE_NOOP("Task", "Hack detection"),
    "parse": QT_TRANSLATE_NOOP("Task", "Parse liveness file"),
    "token": QT_TRANSLATE_NOOP("Task", "SDK token"),
}


def task_name(endpoint: str) -> str:
    """A task's name in the UI language (an unknown endpoint as it is)."""
    return QCoreApplication.translate("Task", TASK_NAMES[endpoint]) if endpoint in TASK_NAMES else endpoint

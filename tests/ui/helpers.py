"""Small steps an operator takes, shared by the UI tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.ui.pages.base import CheckPage
from app.ui.widgets.source_field import SourceField

CALL_TIMEOUT_MS = 15_000
CLERK = "T1001"  # the staff ID of the clerk the UI tests play (entered at her first check)


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type as a person does: keys for ASCII, and the input method's commit for Chinese characters
    (QTest can only press keys that exist on a keyboard)."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def open_page(window: Any, index: int) -> Any:
    window.sidebar.setCurrentRow(index)
    return window.current_page


def drop_file(field: SourceField, path: Path) -> None:
    """Drag a file from the file manager over the field and drop it there."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    where, action = QPoint(10, 10), Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, action, mime, buttons, modifiers)
    QApplication.sendEvent(field, enter)
    assert enter.isAccepted(), "the field refused the drag"
    QApplication.sendEvent(field, QDropEvent(QPointF(where), action, mime, buttons, modifiers))


def press_enter_and_wait(qtbot: Any, page: CheckPage, widget: Any = None) -> None:
    """Enter in a field of the page (the run shortcut), then wait for the result or error (confirming the
    customer's consent first if the page asks for it)."""
    target = widget or page.focusWidget() or page.run_button
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Return)
    wait_done(qtbot, page)


def consent(qtbot: Any, page: CheckPage) -> None:
    """The consent step is on the page: the customer consents, the clerk clicks it, and the check goes on."""
    step = page.consent_step
    assert not step.isHidden(), "the page did not ask for the customer's consent"
    qtbot.mouseClick(step.consent_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(step.isHidden, timeout=CALL_TIMEOUT_MS)


def consent_if_asked(qtbot: Any, page: CheckPage) -> None:
    """A new customer's first face check asks her consent: confirm it as the clerk would."""
    if not page.consent_step.isHidden():
        consent(qtbot, page)


def enter_staff_id(qtbot: Any, staff_id: str = CLERK) -> None:
    """The clerk's first face check asks her staff ID (once per OS user): she types it and saves."""
    from app.ui.staff_id import StaffIdDialog

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), StaffIdDialog), timeout=CALL_TIMEOUT_MS)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, StaffIdDialog)
    qtbot.keyClicks(dialog.edit, staff_id)
    with qtbot.waitSignal(dialog.accepted, timeout=CALL_TIMEOUT_MS):  # saved (then the dialog is deleted)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def record_decision(qtbot: Any, page: CheckPage) -> None:
    """The clerk records the decision the panel proposes (or chose) and waits until it is recorded."""
    panel = page.decision_panel
    qtbot.waitUntil(panel.isVisible, timeout=CALL_TIMEOUT_MS)
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.case.decision is not None or panel.message.is_problem
                    or any(m.is_problem for m in panel.messages.values()), timeout=CALL_TIMEOUT_MS)


def wait_done(qtbot: Any, page: CheckPage) -> None:
    consent_if_asked(qtbot, page)
    qtbot.waitUntil(lambda: not page.busy and page.result.banner.isVisible(), timeout=CALL_TIMEOUT_MS)


def banner(page: CheckPage) -> tuple[str, str]:
    return page.result.banner.title.text(), page.result.banner.meaning.text()


def assert_nothing_personal(home: Path, extra: dict[str, bytes] | None = None) -> None:
    """Every file under ``home`` (history, logs, settings, journal) and ``extra`` (a diagnostics zip's
    entries) holds no full name and no full ID number of the sandbox's people, in any of the forms a
    server echo or a JSON dump could carry; the masked ID number is there (what must be kept is kept)."""
    from urllib.parse import quote

    from app.sandbox.people import PEOPLE

    blobs = {str(p): p.read_bytes() for p in home.rglob("*") if p.is_file()}
    blobs.update(extra or {})
    for person in PEOPLE:
        escaped = "".join(f"\\u{ord(c):04x}" for c in person.name)
        for needle in (person.name, person.id_number, person.id_number[:14], escaped, quote(person.name)):
            for where, blob in blobs.items():
                assert needle.encode() not in blob, f"{needle!r} found in {where}"

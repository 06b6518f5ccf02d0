"""The clerk's staff ID (teller number): asked once per OS user, before her first face call, and recorded with every
customer's consent and decision (the OS account alone does not say which clerk served her). A first-run
setup, so a small modal dialog (UX.md); Settings → General changes it. Saved on the worker pool."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.core.cases import STAFF_ID_MAX_CHARS, check_staff_id
from app.core.errors import InputRejected
from app.ui.announce import announce
from app.ui.pages.case_steps import failure_words
from app.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from app.ui.case import CustomerCase


class StaffIdDialog(QDialog):
    """Asks the clerk's staff ID and saves it; accepted once it is saved."""

    def __init__(self, case: CustomerCase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.setWindowTitle(self.tr("Your staff ID"))
        self.intro = QLabel(self.tr("Your staff ID (teller number) is recorded with each customer's consent and "
                                    "decision. It is asked once for this computer account; Settings → General "
                                    "changes it."), self)
        self.intro.setWordWrap(True)
        self.label = QLabel(self.tr("Staff ID"), self)
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(STAFF_ID_MAX_CHARS)
        self.label.setBuddy(self.edit)
        self.message = MessageLabel(self)
        self.message.describes(self.edit)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.label, self.edit, self.message, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(360)
        self._saving = False

    def save(self) -> None:
        if self._saving:
            return
        try:
            staff_id = check_staff_id(self.edit.text())
        except InputRejected as exc:
            self._refused(exc)
            return
        self._saving = True
        self.case.save_staff_id(staff_id, lambda _counter: self.accept(), self._refused)

    def reject(self) -> None:
        if not self._saving:  # a save under way ends in accept, or in its refusal shown here
            super().reject()

    def _refused(self, exc: BaseException) -> None:
        self._saving = False
        self.message.show_problem(failure_words(exc))
        self.edit.setFocus()
        announce(self.message, self.message.words, urgent=True)


def ask_staff_id(case: CustomerCase, parent: QWidget, then: Callable[[], Any],
                 cancelled: Callable[[], Any]) -> StaffIdDialog:
    """Open the dialog over the window; ``then`` runs once the staff ID is saved, ``cancelled`` if not."""
    dialog = StaffIdDialog(case, parent.window())
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.accepted.connect(then)
    dialog.rejected.connect(cancelled)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.open()
    return dialog

"""What every task page shares: inputs on the left, the result on the right (under the inputs when
the page is too narrow for both side by side), one call at a time.

A page builds a request from its inputs (showing any problem next to its field, sending nothing),
hands it to its ``CallRunner`` (``runner.py``: the worker pool, cancel, late answers recorded, not
shown), draws the progress bar, the seconds waited and the cancel button while it runs, and renders the
result or the error. Once an outcome that was (or may have been) billed is on screen, checking the same
inputs again asks first (a reflex Enter must not bill twice); any edit of an input makes it a new check.
Before a face call the customer's case (``pages/case_steps.py``) asks what it still needs (the clerk's
staff ID, the customer's consent), then the check goes on by itself; after it, the decision panel sits
under the verdict. "Next customer" (``clear``) forgets everything the page holds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.catalogue.words import record_warning
from app.catalogue.words import rejection as rejected_text
from app.core.contract import CallResult, Endpoint, Request
from app.core.endpoints import spec
from app.core.errors import Billing, Cancelled, InputRejected, LinkFaceError
from app.core.interpret import Checked, Reading, Tone, Verdict
from app.ui.announce import announce
from app.ui.capture_watch import Capture, CaptureWatcher
from app.ui.case import Customer, customer_is_minor
from app.ui.context import PageContext
from app.ui.pages.case_steps import ConsentStep, DecisionPanel, failure_words
from app.ui.pages.runner import CallRunner
from app.ui.theme import verdict_icon
from app.ui.widgets.common import Retranslating, ask_before_billing, scaled_font
from app.ui.widgets.message import MessageLabel
from app.ui.widgets.result_panel import Detail, ResultPanel
from app.ui.widgets.sensitive_edit import SensitiveLineEdit
from app.ui.widgets.source_field import SourceField
from app.ui.words import (
    ErrorView,
    cancelled_after_upload_view,
    error_view,
    verdict_meaning,
    verdict_words,
)

INPUT_COLUMN_WIDTH = 400
NARROWEST_INPUT_COLUMN = 320  # the widest page's fields still fit at this width
ROOMY_RESULT_COLUMN = 440  # the input column narrows (down to the narrowest) to leave the result this much
NARROWEST_RESULT_COLUMN = 300  # beside the inputs; narrower, the result goes under them
UNLIMITED = 16777215  # Qt's QWIDGETSIZE_MAX, which PySide6 does not export
T = TypeVar("T")
CONNECTING, SENDING, SENT = range(3)  # where a running call is, for the waiting panel


class CheckPage(Retranslating, QWidget):
    """Base of the five task pages; subclasses fill in the hooks at the end of the class.

    Signals:
        busy_changed(bool): a call started or ended.
        status(str): a short message for the status line.
        next_requested(): the operator pressed "Next customer" (the window clears every page).
        answered_late(object): a call the page had stopped waiting for ended, its record completed in
            History (the Checked or the exception): History and the billed counters are out of date.
    """

    busy_changed = Signal(bool)
    status = Signal(str)
    next_requested = Signal()
    answered_late = Signal(object)
    endpoint: ClassVar[Endpoint]  # the call this page makes (app.core.endpoints declares it)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = CallRunner(context.pool, self)  # the run/cancel state; the page draws it
        self.runner.busy_changed.connect(self._show_busy)
        self.runner.progress.connect(self._show_progress)
        self.runner.succeeded.connect(self._on_succeeded)
        self.runner.failed.connect(self._on_failed)
        self.runner.late.connect(self._on_late)
        self._fields: dict[str, tuple[MessageLabel, QWidget]] = {}  # API field name -> where to say it
        self._shown: Checked | BaseException | ErrorView | None = None
        self._pending_request: Request | None = None
        self.shown_request: Request | None = None  # the request behind the result on screen
        self._billed_at: float | None = None  # when a billed outcome came in; None once an input changes
        self._question: QMessageBox | None = None  # "check again, billed again?" while it is asked
        self._sent_in: str | None = None  # the case the call on screen (or running) was made in
        self._clearing = False  # Next customer is emptying the inputs
        self._captures: CaptureWatcher | None = None  # the capture folder's watcher (issue 13), once handed in

        self.title = QLabel(self)
        self.title.setFont(scaled_font(self, 1.45, bold=True))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.inputs = QVBoxLayout()
        self.inputs.setSpacing(12)
        self.build_inputs()  # before the buttons: the tab order follows creation

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress_text = QLabel(self)
        self.progress_text.setWordWrap(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.cancel_button)
        self.busy_box = QWidget(self)
        busy_layout = QVBoxLayout(self.busy_box)
        busy_layout.setContentsMargins(0, 0, 0, 0)
        busy_layout.addLayout(busy_row)
        busy_layout.addWidget(self.progress_text)
        self.busy_box.hide()
        self._phase, self._started_at = CONNECTING, 0.0
        self._waiting = QTimer(self)  # the seconds waited, on the waiting panel
        self._waiting.setInterval(1000)
        self._waiting.timeout.connect(self._render_waiting)

        self.run_button = QPushButton(self)
        self.run_button.setFont(scaled_font(self, 1.1, bold=True))
        self.run_button.setMinimumHeight(40)
        self.run_button.clicked.connect(self.run)
        self.next_button = QPushButton(self)
        self.next_button.setMinimumHeight(40)
        self.next_button.clicked.connect(self.next_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button, 2)
        buttons.addWidget(self.next_button, 1)

        form = QWidget(self)
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 8, 0)
        form_layout.setSpacing(10)
        form_layout.addWidget(self.title)
        form_layout.addWidget(self.hint)
        form_layout.addLayout(self.inputs)
        form_layout.addStretch(1)
        self._form = form
        self._form_scroll = form_scroll = QScrollArea(self)  # a small screen scrolls the inputs; buttons stay
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_scroll.setWidget(form)
        self._left = left = QWidget(self)
        left.setFixedWidth(INPUT_COLUMN_WIDTH)
        self._left_layout = left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(10)
        left_layout.addWidget(form_scroll, 1)
        left_layout.addWidget(self.busy_box)
        left_layout.addLayout(buttons)

        self._watch_inputs()  # the form holds every input by now
        self.result = ResultPanel(context.clipboard, self)
        self.decision_panel = DecisionPanel(context.case, self.result)
        self.result.add_under_banner(self.decision_panel)
        self.build_visuals()
        self._result_scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.result)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self._divider = divider = QFrame(self)
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        self._divider_width = divider.sizeHint().width()  # standing: the width that counts beside the result
        self._columns = layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(18)
        layout.addWidget(left)
        layout.addWidget(divider)
        layout.addWidget(scroll, 1)
        self.consent_step = ConsentStep(context.case, self)  # in the page's place while it is asked
        self.consent_step.hide()
        self.consent_step.consented.connect(self._consented)
        self.consent_step.back.connect(self._end_consent_step)
        self.consent_step.next_requested.connect(self.next_requested)
        layout.addWidget(self.consent_step, 1)
        self._arranged = (True, INPUT_COLUMN_WIDTH)  # (beside, input column width), as laid out

        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._enter)

        self.retranslate()

    # --- side by side, or the result under the inputs --------------------------------------------

    def _arrange(self) -> None:
        """Inputs beside the result while both have room (the input column gives up to 80 px to the
        result first), else the result under the inputs."""
        layout = self._columns
        margins = layout.contentsMargins()
        room = self.width() - margins.left() - margins.right() - 2 * layout.spacing() - self._divider_width
        column = min(max(room - ROOMY_RESULT_COLUMN, NARROWEST_INPUT_COLUMN), INPUT_COLUMN_WIDTH)
        beside = room - column >= NARROWEST_RESULT_COLUMN
        if (beside, column if beside else 0) == self._arranged:
            return
        self._arranged = beside, column if beside else 0
        if beside:
            self._left.setFixedWidth(column)
        else:
            self._left.setMinimumWidth(0)
            self._left.setMaximumWidth(UNLIMITED)
        layout.setDirection(QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom)
        layout.setStretch(0, 0 if beside else 1)
        self._divider.setFrameShape(QFrame.Shape.VLine if beside else QFrame.Shape.HLine)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the result under the inputs allows, whichever arrangement is on screen: the
        window may shrink that far, and the resize then stacks them."""
        margins = self._columns.contentsMargins()
        fields = self._form.minimumSizeHint().width() + self._form_scroll.verticalScrollBar().sizeHint().width()
        width = max(fields, self._left_layout.minimumSize().width(), self._result_scroll.minimumSizeHint().width())
        return QSize(width + margins.left() + margins.right(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange()
        super().resizeEvent(event)

    def _enter(self) -> None:
        """Enter runs the check from anywhere on the page, except on the focused "Next customer"
        button, which it presses: a keyboard user tabbing there means the next customer. On the consent
        step it presses only a focused button; in the decision panel it records the decision."""
        focused = self.focusWidget()
        if focused is self.next_button:
            self.next_button.click()
        elif not self.consent_step.isHidden():
            self.consent_step.press(focused)
        elif not self.decision_panel.press(focused):
            self.run()

    # --- shared pieces for subclasses -----------------------------------------------------------

    def add_field(self, label_text: str, widget: QWidget) -> tuple[QLabel, MessageLabel]:
        """A labelled input with its message line under it; returns (label, message)."""
        label = QLabel(label_text, self)
        label.setFont(scaled_font(self, 1.0, bold=True))
        label.setBuddy(widget)
        message = MessageLabel(self)
        message.describes(widget)
        box = QVBoxLayout()
        box.setSpacing(4)
        box.addWidget(label)
        box.addWidget(widget)
        box.addWidget(message)
        self.inputs.addLayout(box)
        return label, message

    def register_field(self, names: tuple[str, ...], message: MessageLabel, focus: QWidget) -> None:
        """Where a refusal for these API field names is shown, in the order fields are checked."""
        for name in names:
            self._fields[name] = (message, focus)

    def add_source(self, source: SourceField) -> SourceField:
        source.folders = self.context.folders  # its Browse opens where the window's dialogs do
        self.inputs.addWidget(source)
        fields = source.spec.fields
        self.register_field((fields.file, fields.url, fields.stored_id), source.message, source)
        return source

    def watch_captures(self, watcher: CaptureWatcher) -> None:
        """Issue 13: the capture folder's newest capture offered above each liveness field; Use fills it (and an
        empty selfie field with the image of the same drop) and sends nothing."""
        self._captures = watcher
        for source in self._form.findChildren(SourceField):
            if source.offer is not None:
                source.offer.used.connect(self._use_selfie_of)  # after the field took the capture
                source.offer.watch(watcher)

    def _use_selfie_of(self, capture: Capture) -> None:
        if capture.selfie is None:
            return
        for source in self._form.findChildren(SourceField):
            if source.offer is None and not source.has_source():
                source.set_path(capture.selfie)

    def checked(self, check: Callable[[str], T], value: str, message: MessageLabel) -> T | None:
        """Run one of the core's checks; on refusal show its reason under the field and return None."""
        try:
            result = check(value)
        except InputRejected as exc:
            message.show_problem(rejected_text(exc))
            return None
        message.clear()
        return result

    def focus_first_problem(self) -> None:
        """Focus the first field with a problem and say its reason at once: nothing was sent."""
        for message, widget in self._fields.values():
            if message.is_problem:
                if isinstance(widget, SourceField):
                    widget.focus_input()
                else:
                    widget.setFocus()
                # on a small screen the inputs scroll: bring the field and its reason into view
                self._form_scroll.ensureWidgetVisible(message)
                self._form_scroll.ensureWidgetVisible(widget)
                announce(message, f"{message.words} {self.tr('Fix the marked fields; nothing was sent.')}", urgent=True)
                return

    def add_checkbox(self) -> QCheckBox:
        box = QCheckBox(self)
        self.inputs.addWidget(box)
        return box

    def result_details(self, result: CallResult[Any]) -> list[Detail]:
        """What every result shows after the page's own details: billed, request_id, sequence_id."""
        return [self.result.billed_detail(result.billing), *self.result.id_details(result.request_id,
                                                                                     result.sequence_id)]

    # --- running --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def run(self) -> None:
        """Check the inputs and, if they are right, start the call (Enter, or the run button); the same inputs
        after a billed outcome only once the clerk says so."""
        calls = self.context.calls
        if self.runner.busy or self._question is not None or not self.consent_step.isHidden() \
                or self.context.case.busy:
            return
        if calls is None:
            self.status.emit(self.tr("Starting… try again in a moment."))
            return
        request = self.build_request()  # the inputs first: consent is asked for a check that can be sent
        if request is None:
            self.focus_first_problem()
            self.status.emit(self.tr("Fix the marked fields; nothing was sent."))
            return
        if self._case_asks_first(request):
            return
        if self._billed_at is not None:
            self._ask_before_checking_again(request)
            return
        self._send(request)

    def _send(self, request: Request) -> None:
        calls, profile = self.context.calls, self.context.profile()
        assert calls is not None  # run() looked
        self._billed_at = None
        self._shown = self.shown_request = None
        self.result.clear()  # the last decision must not be read as this one's while it runs
        self.decision_panel.offer(None)
        self._pending_request = request
        # a token is no face call and verifies nothing: it stays out of the case (and its decision)
        case_id = self._sent_in = self.context.case.case_id if spec(self.endpoint).face_data else None
        self.runner.start(lambda progress: calls.run(profile, request, progress, case_id=case_id))

    # --- the customer's case ----------------------------------------------------------------------

    def _case_asks_first(self, request: Request) -> bool:
        """What the customer's case still needs before this page's call, asked once; the check then goes on
        by itself. True while it is asked (or when the case takes no more checks)."""
        case = self.context.case
        if case.decision is not None:  # unchanged inputs after the decision: the same customer, decided
            self.status.emit(self.tr("This customer's decision is recorded: Next customer (Esc) starts the next "
                                     "one."))
            return True
        if not spec(self.endpoint).face_data:
            return False
        if self._refused_before_consent(request):
            return True
        if not case.counter.staff_id:
            from app.ui.staff_id import ask_staff_id

            ask_staff_id(case, self, then=self.run, cancelled=lambda: self.status.emit(
                self.tr("Nothing was sent: your staff ID is recorded with each customer's consent, so it comes "
                        "first.")))
            return True
        customer = self.typed_customer()
        if case.needs_consent(customer_is_minor(customer.id_number)):
            self._show_consent_step(customer_is_minor(customer.id_number), customer)
            return True
        if case.case_id is None:  # no consent asked (the policy): the case is recorded before its first call
            case.record(self.run, lambda exc: self.status.emit(failure_words(exc)))
            return True
        return False

    def _refused_before_consent(self, request: Request) -> bool:
        """The fields' own checks (a wrong check character), so the customer is not asked to consent to a
        check that cannot be sent; shown next to the field as the client's refusal would be."""
        from app.core.validation import check_form  # Pillow's: not needed for the first paint

        try:
            check_form(request)
        except InputRejected as exc:
            self.status.emit(self.tr("Fix the marked fields; nothing was sent.") if self.show_rejected(exc)
                             else rejected_text(exc))
            return True
        return False

    def typed_customer(self) -> Customer:
        """The customer's name and ID number as typed on this page, if it has them: kept masked with her
        consent (or her refusal), and a minor's number asks a guardian's consent."""
        def typed(key: str) -> str | None:
            field = self._fields.get(key)
            widget = field[1] if field is not None else None
            return (widget.value() or None) if isinstance(widget, SensitiveLineEdit) else None

        return Customer(typed("name"), typed("id_number"))

    def _show_consent_step(self, minor: bool, customer: Customer) -> None:
        for part in (self._left, self._divider, self._result_scroll):
            part.hide()
        self.consent_step.show()
        self.consent_step.ask(minor, customer)

    def _end_consent_step(self) -> None:
        self.consent_step.hide()
        for part in (self._left, self._divider, self._result_scroll):
            part.show()
        self.first_input().setFocus()

    def _consented(self) -> None:
        self._end_consent_step()
        self.run()  # the check the clerk asked for, at once

    def _offer_decision(self) -> None:
        """An outcome of a call made in the customer's case is on screen: count the case's calls again and
        offer the decision under it."""
        self.context.case.call_ended()
        self.decision_panel.offer(self._sent_in)  # shown while that case is the one at the counter

    # --- the same customer again, by habit or on purpose -----------------------------------------

    def _watch_inputs(self) -> None:
        """Any edit of an input (typed, pasted, chosen, dropped, unmasked) makes the next check a new one."""
        form = self._form
        for source in form.findChildren(SourceField):
            source.changed.connect(self._inputs_changed)
        for edit in form.findChildren(QLineEdit):
            edit.textEdited.connect(self._inputs_changed)
        for sensitive in form.findChildren(SensitiveLineEdit):
            sensitive.unmasked.connect(self._inputs_changed)
        for box in form.findChildren(QCheckBox):
            box.toggled.connect(self._inputs_changed)
        for combo in form.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self._inputs_changed)

    def _inputs_changed(self, *_value: object) -> None:
        self._billed_at = None
        if not self._clearing:
            self.context.case.new_input()

    def _note_billing(self, shown: Checked | BaseException | ErrorView) -> None:
        """Start the clock of the question when the outcome now on screen was, or may have been, billed."""
        if isinstance(shown, Checked):
            billed = shown.result.billed
        else:
            view = shown if isinstance(shown, ErrorView) else error_view(shown)
            billed = view.billing in (Billing.BILLED, Billing.UNKNOWN)
        self._billed_at = time.monotonic() if billed else None

    def checked_ago(self, seconds: float) -> str:
        """The question, with how long ago the same inputs were checked."""
        if seconds < 60:
            return self.tr("This customer was checked %1 s ago; checking again is billed again.").replace(
                "%1", str(max(1, int(seconds))))
        return self.tr("This customer was checked %1 min ago; checking again is billed again.").replace(
            "%1", str(int(seconds // 60)))

    def _ask_before_checking_again(self, request: Request) -> None:
        """Unchanged inputs after a billed outcome: ask, with No as the default (Enter and Esc answer No)."""
        assert self._billed_at is not None
        self._question = ask_before_billing(
            self, self.tr("Check again?"), self.checked_ago(time.monotonic() - self._billed_at),
            self.tr("Check again (billed)"), self.tr("Do not check"),
            lambda box, again: self._answered(box, again, request))

    def _answered(self, box: QMessageBox, again: bool, request: Request) -> None:
        if box is not self._question:
            return  # closed by "Next customer"
        self._question = None
        box.deleteLater()
        if again:
            self._send(request)
        else:
            self.status.emit(self.tr("Not checked again: nothing was sent."))

    def _close_question(self) -> None:
        box, self._question = self._question, None
        if box is not None:
            box.done(0)
            box.deleteLater()

    def _on_late(self, outcome: object) -> None:
        """A call the page stopped waiting for ended (the runtime recorded it): said in the status line,
        not on the page, which may hold the next customer by now."""
        self.context.case.call_ended()  # still her case (Cancel): its count; a closed case's is not shown
        if not isinstance(outcome, Cancelled):
            self.status.emit(self.tr("The check you stopped waiting for was answered; its result is in History."))
        self.answered_late.emit(outcome)

    def cancel(self) -> None:
        """Stop the upload if it is still going; otherwise stop waiting and never show the result."""
        in_time = self.runner.cancel()
        if in_time is None:
            return
        shown = error_view(Cancelled("cancelled")) if in_time else cancelled_after_upload_view()
        self._show(shown)
        self._note_billing(shown)
        self._offer_decision()

    def _show_busy(self, busy: bool) -> None:
        self.busy_box.setVisible(busy)
        self.run_button.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)
            self._phase, self._started_at = CONNECTING, time.monotonic()
            self._waiting.start()
            self._render_waiting()
        else:
            self._waiting.stop()
        self.busy_changed.emit(busy)

    def _render_waiting(self) -> None:
        """Connecting, or sent and waiting: the seconds since Enter, and once sent what Cancel still does."""
        if self._phase == SENDING:
            return  # the upload's own progress is on the panel
        seconds = str(int(time.monotonic() - self._started_at))
        if self._phase == CONNECTING:
            self.progress_text.setText(self.tr("Connecting… %1 s").replace("%1", seconds))
            return
        self.progress_text.setText(
            self.tr("Sent. Waiting for the server… %1 s").replace("%1", seconds) + "\n"
            + self.tr("Cancel now only stops waiting (so does Next customer): the server may still check and "
                      "bill this call, and its answer will be recorded in History."))

    def _show_progress(self, sent: int, total: int) -> None:
        if total <= 0:
            return
        if sent < total:
            self._phase = SENDING
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * sent / total))
            self.progress_text.setText(self.tr("Sending… %1 of %2 MB").replace("%1", f"{sent / 1048576:.1f}")
                                       .replace("%2", f"{total / 1048576:.1f}"))
        else:
            self.progress.setRange(0, 0)
            self._phase = SENT
            self._render_waiting()

    def _on_succeeded(self, checked: Checked) -> None:
        self.shown_request = self._pending_request
        self._show(checked)
        self.after_result(checked.result)
        self._note_billing(checked)
        self._offer_decision()
        warning = record_warning(checked.record)
        if warning:  # the outcome itself is on the banner, and announced
            self.status.emit(warning)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, InputRejected) and self.show_rejected(exc):
            self.result.clear()
            self._shown = None
            return
        self._show(exc)
        self.after_error(exc)
        self._note_billing(exc)
        self._offer_decision()
        warning = record_warning(exc.record) if isinstance(exc, LinkFaceError) else None
        if warning:
            self.status.emit(warning)

    # --- showing --------------------------------------------------------------------------------

    def _show(self, shown: Checked | BaseException | ErrorView, say: bool = True) -> None:
        """Render an outcome; ``say`` it to a screen reader too (not when only its language changed):
        urgently for an attack or an error, politely otherwise."""
        self._shown = shown
        if isinstance(shown, Checked):
            verdict = shown.reading.verdict
            warning = record_warning(shown.record)
            details = [Detail("record", self.tr("History"), warning)] if warning else []
            details += self.render_result(shown.result, shown.reading)
            self.result.show_result(verdict.tone, verdict_icon(verdict), verdict_words(verdict),
                                    verdict_meaning(verdict), [*details, *self.result_details(shown.result)],
                                    shown.result.raw)
            if say:
                self.result.announce(urgent=verdict is Verdict.SUSPECTED_ATTACK)
            return
        view = shown if isinstance(shown, ErrorView) else error_view(shown)
        details = []
        warning = record_warning(shown.record) if isinstance(shown, LinkFaceError) else None
        if warning:
            details.append(Detail("record", self.tr("History"), warning))
        if view.billing is not None:
            details.append(self.result.billed_detail(view.billing))
        details += self.result.id_details(view.request_id, view.sequence_id)
        self.result.show_error(view, details)
        if say:
            self.result.announce(urgent=view.tone is not Tone.INFO)  # INFO: the clerk's own cancel

    def retranslate(self) -> None:
        self.title.setText(self.page_title())
        self.hint.setText(self.page_hint())
        self.run_button.setText(self.run_text() + "  ⏎")
        self.run_button.setAccessibleName(self.run_text())  # the mark is for the eye
        self.run_button.setToolTip(self.tr("Enter runs the check from any field"))
        self.next_button.setText(self.tr("Next customer (Esc)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.retranslate_inputs()
        if self.runner.busy:
            self._render_waiting()
        if self._shown is not None:
            self._show(self._shown, say=False)

    def clear(self) -> bool:
        """Next customer: stop waiting for any call and forget every input and result. True if a call
        already sent was still awaited: it may be billed, and its answer goes to History (``answered_late``)."""
        sent = self.runner.cancel() is False
        self._close_question()
        if not self.consent_step.isHidden():
            self._end_consent_step()
        self._billed_at = None
        self._shown = None
        self._pending_request = self.shown_request = self._sent_in = None
        self.result.clear()
        self.decision_panel.offer(None)
        self._clearing = True  # emptying the fields is no one's input
        try:
            self.clear_inputs()  # the fields' capture offers too
        finally:
            self._clearing = False
        if self._captures is not None:  # issue 13: the last customer's capture is not offered again
            self._captures.retire()
        return sent

    # --- hooks ----------------------------------------------------------------------------------

    def page_title(self) -> str:
        raise NotImplementedError

    def page_hint(self) -> str:
        raise NotImplementedError

    def run_text(self) -> str:
        return self.tr("Check")

    def build_inputs(self) -> None:
        """Create the input fields (top to bottom) with ``add_source``, ``add_field``, ``add_checkbox``."""
        raise NotImplementedError

    def build_visuals(self) -> None:
        """Add the page's gauge, trail, strip… to ``self.result``."""
        raise NotImplementedError

    def retranslate_inputs(self) -> None:
        raise NotImplementedError

    def build_request(self) -> Request | None:
        """The request from the inputs, or None after showing each problem next to its field."""
        raise NotImplementedError

    def render_result(self, result: CallResult[Any], reading: Reading) -> list[Detail]:
        """Fill the page's visuals for ``result`` as ``reading`` reads it; return the page's details."""
        raise NotImplementedError

    def after_result(self, result: CallResult[Any]) -> None:
        """Mask personal data, offer to reuse the upload, and so on."""

    def after_error(self, exc: BaseException) -> None:
        """Undo visuals that only make sense with a result."""

    def show_rejected(self, exc: InputRejected) -> bool:
        """Show a refusal next to its field; False if no field of this page matches."""
        if exc.field not in self._fields:
            return False
        self._fields[exc.field][0].show_problem(rejected_text(exc))
        self.focus_first_problem()
        return True

    def clear_inputs(self) -> None:
        raise NotImplementedError

    def first_input(self) -> QWidget:
        raise NotImplementedError

"""The customer's case on a task page: the consent step before her first face call, and the decision
after the results (the case itself is app.ui.case; its rules app.core.cases).

The consent step takes the page's place while it is asked (one calm step, UX.md: the notice to show or
read out, two buttons; a guardian's consent for a minor, with the reason), so it fits the smallest
branch screen. A customer who declines is recorded with the other way she is verified, and no face call
is made for her. The decision panel sits under the verdict banner: the outcomes the policy allows after
the case's last verdict, a reason (the verdict's proposed), the other method, and a supervisor's staff
ID and reason where four-eyes applies. Refusals show next to their field in the catalogue's words and
are announced.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.catalogue.cases import alternative_name, consent_name, outcome_name, reason_name
from app.catalogue.words import rejection
from app.core.cases import ALTERNATIVES, MINOR_AGE, REASONS, SUGGESTED_REASON, Consent, Decision, Outcome, Policy
from app.core.errors import InputRejected
from app.core.interpret import Verdict
from app.ui.announce import announce
from app.ui.case import Customer, CustomerCase
from app.ui.widgets.common import Retranslating, scaled_font
from app.ui.widgets.message import MarkedLabel, MessageLabel
from app.ui.words import error_view

LEFT = "left"  # the decline step's "alternative": the customer left, verified no other way
# The outcome the panel proposes: the first of these the verdict's reason explains and the clerk may record alone.
PROPOSAL_ORDER = (Outcome.ACCEPTED, Outcome.REJECTED, Outcome.OTHER_METHOD, Outcome.REFERRED, Outcome.ABANDONED)


def failure_words(exc: BaseException) -> str:
    """A refusal in the catalogue's words; any other failure (history, settings) as the window says it."""
    if isinstance(exc, InputRejected):
        return rejection(exc)
    view = error_view(exc)
    return f"{view.title} {view.remedy}".strip()


def guardian_words() -> str:
    return rejection(InputRejected("consent", "guardian_required", age=MINOR_AGE))


def allowed_outcomes(policy: Policy, verdict: Verdict | None) -> list[Outcome]:
    refused = policy.not_allowed.get(verdict, frozenset()) if verdict is not None else frozenset()
    return [o for o in Outcome if o is not Outcome.NO_DECISION and o not in refused]


def proposal(policy: Policy, verdict: Verdict | None) -> tuple[Outcome | None, str | None]:
    """The outcome and reason the verdict suggests (UX.md: the app proposes, the clerk confirms); an outcome
    only the clerk may record alone (accepting after a review score needs a supervisor: she chooses that)."""
    reason = SUGGESTED_REASON.get(verdict) if verdict is not None else None
    if reason is None:
        return None, None
    allowed = allowed_outcomes(policy, verdict)
    for outcome in PROPOSAL_ORDER:
        if outcome in REASONS[reason] and outcome in allowed and not policy.needs_supervisor(verdict, outcome):
            return outcome, reason
    return None, reason


def _button(text_owner: QWidget, bold: bool = False) -> QPushButton:
    button = QPushButton(text_owner)
    button.setMinimumHeight(36)
    if bold:
        button.setFont(scaled_font(button, 1.05, bold=True))
    return button


class ConsentStep(Retranslating, QWidget):
    """Asks the customer's consent before her first face call, or records that she declined.

    Signals:
        consented(): consent (or a guardian's) is recorded: the check goes on.
        back(): the clerk went back to the inputs; nothing was recorded.
        next_requested(): the clerk pressed Next customer after a declined case was recorded.
    """

    consented = Signal()
    back = Signal()
    next_requested = Signal()

    def __init__(self, case: CustomerCase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.minor = False
        self.customer = Customer(None, None)
        self.heading = QLabel(self)
        self.heading.setFont(scaled_font(self, 1.45, bold=True))
        self.heading.setWordWrap(True)

        self.asking = QWidget(self)  # the notice and the two answers
        self.intro = QLabel(self.asking)
        self.intro.setWordWrap(True)
        self.guardian = MessageLabel(self.asking)
        self.notice_label = QLabel(self.asking)
        self.notice_label.setFont(scaled_font(self, 1.0, bold=True))
        self.notice = QPlainTextEdit(self.asking)
        self.notice.setReadOnly(True)
        self.notice.setMinimumHeight(70)
        self.notice_label.setBuddy(self.notice)
        self.consent_button = _button(self.asking, bold=True)
        self.consent_button.clicked.connect(self._consent)
        self.decline_button = _button(self.asking)
        self.decline_button.clicked.connect(self._ask_alternative)
        self.back_button = _button(self.asking)
        self.back_button.clicked.connect(self.back)
        answers = QHBoxLayout()
        answers.addWidget(self.consent_button, 2)
        answers.addWidget(self.decline_button, 2)
        answers.addWidget(self.back_button, 1)
        asking = QVBoxLayout(self.asking)
        asking.setContentsMargins(0, 0, 0, 0)
        for widget in (self.intro, self.guardian, self.notice_label):
            asking.addWidget(widget)
        asking.addWidget(self.notice, 1)
        asking.addLayout(answers)

        self.declining = QWidget(self)  # which other way she is verified
        self.decline_text = QLabel(self.declining)
        self.decline_text.setWordWrap(True)
        self.alternative_label = QLabel(self.declining)
        self.alternative = QComboBox(self.declining)
        self.alternative_label.setBuddy(self.alternative)
        self.alternative_message = MessageLabel(self.declining)
        self.alternative_message.describes(self.alternative)
        self.record_decline_button = _button(self.declining, bold=True)
        self.record_decline_button.clicked.connect(self._decline)
        self.not_declined_button = _button(self.declining)
        self.not_declined_button.clicked.connect(self._ask_consent)
        decline_buttons = QHBoxLayout()
        decline_buttons.addWidget(self.record_decline_button, 2)
        decline_buttons.addWidget(self.not_declined_button, 1)
        declining = QVBoxLayout(self.declining)
        declining.setContentsMargins(0, 0, 0, 0)
        for line in (self.decline_text, self.alternative_label, self.alternative, self.alternative_message):
            declining.addWidget(line)
        declining.addLayout(decline_buttons)
        declining.addStretch(1)

        self.declined = QWidget(self)  # recorded: nothing more to do for this customer
        self.declined_summary = MarkedLabel(self.declined)
        self.declined_summary.setWordWrap(True)
        self.declined_hint = QLabel(self.declined)
        self.declined_hint.setWordWrap(True)
        self.next_button = _button(self.declined)
        self.next_button.clicked.connect(self.next_requested)
        declined = QVBoxLayout(self.declined)
        declined.setContentsMargins(0, 0, 0, 0)
        declined.addWidget(self.declined_summary)
        declined.addWidget(self.declined_hint)
        declined.addWidget(self.next_button)
        declined.addStretch(1)

        self.message = MessageLabel(self)  # a recording that failed, in words
        self._part = self.asking
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        for part in (self.asking, self.declining, self.declined):
            layout.addWidget(part, 1)
        layout.addWidget(self.message)
        self._ask_consent()

    # --- the three moments --------------------------------------------------------------------

    def ask(self, minor: bool, customer: Customer) -> None:
        """Show the notice and the answers; for a minor only a guardian's consent, and why."""
        self.minor, self.customer = minor, customer
        self._ask_consent()
        self.notice.setFocus()  # what the customer is shown comes first; an Enter by reflex consents to nothing
        announce(self, f"{self.heading.text()}. {guardian_words() if minor else self.intro.text()}", urgent=minor)

    def _show(self, part: QWidget) -> None:
        self._part = part
        for each in (self.asking, self.declining, self.declined):
            each.setVisible(each is part)
        self.message.clear()
        self.retranslate()

    def _ask_consent(self) -> None:
        self._show(self.asking)

    def _ask_alternative(self) -> None:
        self._show(self.declining)
        self.alternative_message.clear()
        self.alternative.setCurrentIndex(-1)
        self.alternative.setFocus()

    @property
    def busy(self) -> bool:
        return self.case.busy > 0

    def _consent(self) -> None:
        if self.busy:
            return
        consent = Consent.GUARDIAN if self.minor else Consent.GIVEN
        self.case.give_consent(consent, self.customer, self._consent_recorded, self._failed)

    def _consent_recorded(self) -> None:
        announce(self, consent_name(self.case.consent.value), urgent=False)
        self.consented.emit()

    def _decline(self) -> None:
        if self.busy:
            return
        chosen = self.alternative.currentData()
        if chosen is None:
            self.alternative_message.show_problem(rejection(InputRejected("alternative", "required")))
            self.alternative.setFocus()
            announce(self.alternative_message, self.alternative_message.words, urgent=True)
            return
        self.alternative_message.clear()
        self.case.decline(None if chosen == LEFT else chosen, self.customer, self._declined, self._failed)

    def _declined(self) -> None:
        self._show(self.declined)
        self.next_button.setFocus()
        announce(self.declined_summary, self.declined_summary.accessibleName(), urgent=False)

    def _failed(self, exc: BaseException) -> None:
        self.message.show_problem(failure_words(exc))
        announce(self.message, self.message.words, urgent=True)

    def press(self, focused: QWidget | None) -> None:
        """Enter on the step: presses the focused button, and nothing else (consent is never a reflex)."""
        if isinstance(focused, QPushButton) and self.isAncestorOf(focused):
            focused.click()

    # --- words ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("The customer's consent to face recognition") if self._part is self.asking
                             else self.tr("The customer declines face recognition"))
        self.intro.setText(self.tr("Before any face check, show the customer this notice or read it out. Face "
                                   "recognition needs her separate consent; if she declines, she is verified "
                                   "another way and her business goes on."))
        self.guardian.show_problem(guardian_words())
        self.guardian.setVisible(self.minor)
        self.notice_label.setText(self.tr("Notice to the customer"))
        self.notice.setPlainText(self.case.notice())  # what is recorded is the text shown, in this language
        self.consent_button.setText(self.tr("Guardian present and consents") if self.minor
                                    else self.tr("Customer consents"))
        self.decline_button.setText(self.tr("Customer declines"))
        self.back_button.setText(self.tr("Back"))
        self.decline_text.setText(self.tr("No face check is made for this customer. Record how she is verified "
                                          "instead; her business goes on."))
        self.alternative_label.setText(self.tr("Verified instead by"))
        chosen = self.alternative.currentIndex()
        self.alternative.clear()
        for code in ALTERNATIVES:
            self.alternative.addItem(alternative_name(code), code)
        self.alternative.addItem(self.tr("Not verified: the customer left"), LEFT)
        self.alternative.setPlaceholderText(self.tr("Choose…"))
        self.alternative.setCurrentIndex(chosen)
        self.record_decline_button.setText(self.tr("Record"))
        self.not_declined_button.setText(self.tr("Back"))
        decision = self.case.decision
        if decision is not None:
            summary = f"{consent_name(Consent.DECLINED.value)} · {outcome_name(decision.outcome.value)}"
            if decision.alternative:
                summary += f": {alternative_name(decision.alternative)}"
            self.declined_summary.setText("✓ " + self.tr("Recorded: %1").replace("%1", summary))
        self.declined_hint.setText(self.tr("No face check is made for this customer. Next customer (Esc) closes "
                                           "the case."))
        self.next_button.setText(self.tr("Next customer (Esc)"))


class DecisionPanel(Retranslating, QFrame):
    """The clerk's decision on the case, under the verdict: proposed from the case's last verdict, checked
    by the runtime (the policy), then shown as recorded. Hidden until the page offers it."""

    def __init__(self, case: CustomerCase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._offered_for: str | None = None  # the case whose call's outcome the page shows
        self._verdict: Verdict | None = None
        self._drawn_for: tuple[str | None, Verdict | None] | None = None  # the case and verdict the form is for
        self.heading = QLabel(self)
        self.heading.setFont(scaled_font(self, 1.1, bold=True))
        self.tally = QLabel(self)
        self.tally.setWordWrap(True)
        self.fields = QWidget(self)
        self.form = QFormLayout(self.fields)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.messages: dict[str, MessageLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.rows: dict[str, int] = {}  # each field's row in the form (its field is a box: row by number)
        self.outcome = QComboBox(self.fields)
        self.reason = QComboBox(self.fields)
        self.alternative = QComboBox(self.fields)
        self.four_eyes = QLabel(self.fields)
        self.four_eyes.setWordWrap(True)
        self.supervisor = QLineEdit(self.fields)
        self.supervisor.setMaxLength(32)
        self.supervisor_reason = QComboBox(self.fields)
        self.inputs: dict[str, QWidget] = {"decision": self.outcome, "reason": self.reason,
                                           "alternative": self.alternative, "supervisor": self.supervisor,
                                           "supervisor_reason": self.supervisor_reason}
        for key, field in self.inputs.items():
            if key == "supervisor":
                self.form.addRow(self.four_eyes)
                self.rows["four_eyes"] = self.form.rowCount() - 1
            self._add_row(key, field)
        self.record_button = _button(self, bold=True)
        self.record_button.clicked.connect(self.record)
        self.message = MessageLabel(self)
        self.recorded = MarkedLabel(self)
        self.recorded.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        for widget in (self.heading, self.tally, self.fields, self.record_button, self.message, self.recorded):
            layout.addWidget(widget)
        self.outcome.currentIndexChanged.connect(lambda _index: self._outcome_chosen())
        self.reason.currentIndexChanged.connect(self._reason_chosen)
        case.changed.connect(self._case_changed)
        self.retranslate()
        self.hide()

    def _add_row(self, key: str, field: QWidget) -> None:
        label = QLabel(self.fields)
        label.setBuddy(field)
        message = MessageLabel(self.fields)
        message.describes(field)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(field)
        box.addWidget(message)
        self.form.addRow(label, box)
        self.labels[key], self.messages[key] = label, message
        self.rows[key] = self.form.rowCount() - 1

    # --- when it shows, and for which verdict ---------------------------------------------------

    def offer(self, case_id: str | None) -> None:
        """The page shows an outcome of a call made in the case ``case_id`` (None: no outcome of a case)."""
        self._offered_for = case_id
        self._case_changed()

    def _case_changed(self) -> None:
        case = self.case
        # Only under an outcome of the case at the counter now: once that customer has gone (her decision
        # recorded and an input changed, here or on another page), her verdict left on this page must not
        # carry the next customer's decision form.
        visible = case.case_id is not None and case.case_id == self._offered_for \
            and (case.tally.made > 0 or case.decision is not None)
        self.setVisible(visible)
        if not visible:
            self._drawn_for = None
            return
        if self._drawn_for != (case.case_id, case.tally.last_verdict):
            self._drawn_for = (case.case_id, case.tally.last_verdict)
            self._verdict = case.tally.last_verdict
            self._fill()
        self._render_state()

    def _fill(self) -> None:
        """The form for the case's last verdict: its allowed outcomes, the proposed outcome and reason."""
        self._clear_messages()
        self.supervisor.clear()
        proposed, reason = proposal(self.case.policy, self._verdict)
        self.outcome.blockSignals(True)
        self.outcome.clear()
        for outcome in allowed_outcomes(self.case.policy, self._verdict):
            self.outcome.addItem(outcome_name(outcome.value), outcome.value)
        self.outcome.setCurrentIndex(self.outcome.findData(proposed.value) if proposed else -1)
        self.outcome.blockSignals(False)
        self.reason.clear()
        self._outcome_chosen(reason)

    def _chosen_outcome(self) -> Outcome | None:
        value = self.outcome.currentData()
        return Outcome(value) if value else None

    def _outcome_chosen(self, wanted: str | None = None) -> None:
        """The reasons that explain the outcome (keeping the one chosen, else the verdict's), the other
        method, and the supervisor's rows when four-eyes applies."""
        outcome = self._chosen_outcome()
        wanted = wanted or self.reason.currentData() or SUGGESTED_REASON.get(self._verdict)  # type: ignore[arg-type]
        codes = [code for code, outcomes in REASONS.items() if outcome in outcomes] if outcome else []
        for combo in (self.reason, self.supervisor_reason):
            combo.blockSignals(True)
            combo.clear()
            for code in codes:
                combo.addItem(reason_name(code), code)
            combo.setCurrentIndex(max(combo.findData(wanted), 0) if codes else -1)
            combo.blockSignals(False)
        four_eyes = outcome is not None and self.case.policy.needs_supervisor(self._verdict, outcome)
        self.form.setRowVisible(self.rows["alternative"], outcome is Outcome.OTHER_METHOD)
        for row in ("four_eyes", "supervisor", "supervisor_reason"):
            self.form.setRowVisible(self.rows[row], four_eyes)
        self._clear_messages()

    def _reason_chosen(self, _index: int) -> None:
        """The supervisor's reason follows the clerk's until she picks another."""
        self.supervisor_reason.setCurrentIndex(max(self.supervisor_reason.findData(self.reason.currentData()), 0))

    def _clear_messages(self) -> None:
        for message in (*self.messages.values(), self.message):
            message.clear()

    def _render_state(self) -> None:
        """Before the decision: the form; after it: what was recorded, and what closes the case."""
        case = self.case
        self.tally.setText(self.tr("This customer: %1 checks, %2 billed").replace("%1", str(case.tally.made))
                           .replace("%2", str(case.tally.billed)))
        decided = case.decision
        self.fields.setVisible(decided is None)
        self.record_button.setVisible(decided is None)
        self.recorded.setVisible(decided is not None)
        if decided is None:
            return
        summary = f"{outcome_name(decided.outcome.value)} · {reason_name(decided.reason)}"
        if decided.alternative:
            summary += f" · {alternative_name(decided.alternative)}"
        if decided.supervisor:
            summary += " · " + self.tr("approved by %1").replace("%1", decided.supervisor)
        self.recorded.setText("✓ " + self.tr("Recorded: %1. Next customer (Esc) closes the case.")
                              .replace("%1", summary))

    # --- recording ------------------------------------------------------------------------------

    def record(self) -> None:
        """Record the decision as chosen; the runtime checks it (a refusal shows next to its field)."""
        case = self.case
        if case.busy or case.decision is not None or case.case_id is None:
            return
        self._clear_messages()
        outcome = self._chosen_outcome()
        four_eyes = outcome is not None and case.policy.needs_supervisor(self._verdict, outcome)
        decision = Decision(outcome or Outcome.NO_DECISION, self.reason.currentData() or "",
                            self.supervisor.text().strip() if four_eyes else None,
                            self.supervisor_reason.currentData() if four_eyes else None,
                            self.alternative.currentData() if outcome is Outcome.OTHER_METHOD else None)
        case.decide(decision, self._recorded, self._refused)

    def _recorded(self, _decision: Decision) -> None:
        self._render_state()
        announce(self.recorded, self.recorded.accessibleName(), urgent=False)

    def _refused(self, exc: BaseException) -> None:
        field = exc.field if isinstance(exc, InputRejected) else ""
        target = self.messages.get(field, self.message)
        target.show_problem(failure_words(exc))
        self.inputs.get(field, self.record_button).setFocus()
        announce(target, target.words, urgent=True)

    def press(self, focused: QWidget | None) -> bool:
        """Enter in the panel records the decision (True); elsewhere it is the page's (False)."""
        if focused is None or not self.isAncestorOf(focused) or self.case.decision is not None:
            return False
        self.record()
        return True

    # --- words ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Decision"))
        for key, text in (("decision", self.tr("Outcome")), ("reason", self.tr("Reason")),
                          ("alternative", self.tr("Other method")), ("supervisor", self.tr("Supervisor's staff ID")),
                          ("supervisor_reason", self.tr("Supervisor's reason"))):
            self.labels[key].setText(text)
        self.four_eyes.setText(rejection(InputRejected("supervisor", "four_eyes")))
        for combo in (self.outcome, self.alternative):
            combo.setPlaceholderText(self.tr("Choose…"))
        self.record_button.setText(self.tr("Record decision"))
        chosen = self.alternative.currentData()
        self.alternative.clear()
        for code in ALTERNATIVES:
            self.alternative.addItem(alternative_name(code), code)
        self.alternative.setCurrentIndex(self.alternative.findData(chosen))
        for combo, name in ((self.outcome, outcome_name), (self.reason, reason_name),
                            (self.supervisor_reason, reason_name)):
            for index in range(combo.count()):
                combo.setItemText(index, name(combo.itemData(index)))
        if self._drawn_for is not None:
            self._render_state()

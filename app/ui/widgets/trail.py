"""The ID check's decision trail: image quality → name/ID → photo on file → score, as four steps, and
the attack check as a fifth when hack detection ran (so "suspected attack" never sits above ticks only).

Each step shows an icon and words for its state (passed, stopped here, not reached), so where and
why the check stopped reads without colour; the stopped step is also tinted with the verdict's tone
(the attack step with the attack's).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.core.interpret import StepState, Tone, Trail, TrailStep, Verdict
from app.ui.resources import icon_pixmap
from app.ui.theme import STOPPED_STEP_ALPHA, quiet_ink, tone_ink, tone_tint
from app.ui.widgets.common import Retranslating, scaled_font
from app.ui.words import step_name, trail_reason

ICON = {StepState.PASSED: "step-passed", StepState.STOPPED: "step-stopped", StepState.NOT_REACHED: "step-not-reached"}


class StepRow(QFrame):
    """One step: icon, name, state in words."""

    def __init__(self, step: TrailStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.state: StepState | None = None
        self.reason = ""
        self.icon = QLabel(self)
        self.icon.setFixedSize(26, 26)
        self.name = QLabel(self)
        self.name.setFont(scaled_font(self, 1.05, bold=True))
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 5, 8, 5)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.detail, 1, 1)
        grid.setColumnStretch(1, 1)
        self.setAutoFillBackground(True)

    def show_state(self, state: StepState | None, reason: str, stop_tone: Tone) -> None:
        self.state, self.reason = state, reason
        parent = self.parentWidget()
        palette = parent.palette() if parent is not None else self.palette()
        own = QPalette(palette)
        if state is StepState.STOPPED:
            own.setColor(QPalette.ColorRole.Window, tone_tint(stop_tone, palette, STOPPED_STEP_ALPHA))
            colour = tone_ink(stop_tone, palette)
        elif state is StepState.PASSED:
            colour = tone_ink(Tone.GOOD, palette)
        else:
            colour = quiet_ink(palette)  # the placeholder grey all but vanishes on a dark theme
        self.setPalette(own)
        self.icon.setPixmap(icon_pixmap(ICON[state or StepState.NOT_REACHED], colour, 24, self.devicePixelRatioF()))
        self.name.setText(step_name(self.step))
        self.detail.setText(trail_reason(reason) if state is not None else "")
        self.setAccessibleName(f"{self.name.text()}: {self.detail.text()}")


class TrailView(Retranslating, QWidget):
    """The steps of the ID check, filled from an ``interpret.Trail``; a step the trail lacks (the attack
    check without hack detection) is not shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = {step: StepRow(step, self) for step in TrailStep}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for row in self.rows.values():
            layout.addWidget(row)
        self.rows[TrailStep.ATTACK].hide()  # until a trail has the step
        self._trail: Trail | None = None
        self._tone = Tone.BAD

    def show_trail(self, trail: Trail, stop_tone: Tone) -> None:
        self._trail, self._tone = trail, stop_tone
        shown = {step.step: step for step in trail.steps}
        for name, row in self.rows.items():
            step = shown.get(name)
            row.setVisible(step is not None)
            if step is not None:
                tone = Verdict.SUSPECTED_ATTACK.tone if name is TrailStep.ATTACK else stop_tone
                row.show_state(step.state, step.reason, tone)

    def state_of(self, step: TrailStep) -> tuple[StepState | None, str]:
        """What the row shows (for tests and accessibility)."""
        row = self.rows[step]
        return row.state, row.detail.text()

    def clear(self) -> None:
        self._trail = None
        for row in self.rows.values():
            row.show_state(None, "", self._tone)
        self.rows[TrailStep.ATTACK].hide()

    def retranslate(self) -> None:
        if self._trail is not None:
            self.show_trail(self._trail, self._tone)
        else:
            self.clear()

"""The bar across the top of the window: app name, profile selector, SANDBOX mark, billed counters,
language and settings buttons. It is part of the first paint: keep its imports light."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.i18n import CHINESE, ENGLISH, current_language, endonym
from app.ui.widgets.common import Retranslating, scaled_font

if TYPE_CHECKING:
    from app.core.history import BilledCounts
    from app.ui.context import PageContext

SANDBOX_PROFILE_NAME = "Sandbox"  # the built-in profile (app.core.profiles.SANDBOX_PROFILE_NAME)
SANDBOX_FILL = QColor("#ffd400")  # safety yellow under black text (14:1), on light and dark themes
SANDBOX_TEXT = QColor("#111111")


class TopBar(Retranslating, QWidget):
    """Shows which profile the clerk works on, unmistakably when it is the sandbox, and its billed
    calls; the window decides what choosing a profile or pressing a button does.

    Signals:
        profile_chosen(str): the clerk picked a profile in the selector (not when it is refilled).
        language_requested(): the language button was pressed.
        settings_requested(): the settings button was pressed.
    """

    profile_chosen = Signal(str)
    language_requested = Signal()
    settings_requested = Signal()

    def __init__(self, context: PageContext, parent: QWidget) -> None:
        """``context`` gives the runtime (for the counters, once loaded) and the worker pool."""
        super().__init__(parent)
        self._context = context
        self.app_name = QLabel("LinkFace Desk", self)
        self.app_name.setFont(scaled_font(self, 1.2, bold=True))
        self.profile_label = QLabel(self)
        self.profile_box = QComboBox(self)
        self.profile_box.setMinimumWidth(180)
        self.profile_label.setBuddy(self.profile_box)
        self.sandbox_mark = QLabel(self)
        self.sandbox_mark.setFont(scaled_font(self, 1.15, bold=True))
        self.sandbox_mark.setStyleSheet(
            f"background: {SANDBOX_FILL.name()}; color: {SANDBOX_TEXT.name()}; padding: 4px 12px;"
            f" border: 2px solid {SANDBOX_TEXT.name()}; border-radius: 4px;")
        self.counters = QLabel(self)  # billed calls today and this month, on this profile
        self._counts: BilledCounts | None = None
        self.language_button = QPushButton(self)
        self.language_button.clicked.connect(self.language_requested)
        self.settings_button = QPushButton(self)
        self.settings_button.clicked.connect(self.settings_requested)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(14, 8, 14, 8)
        bar.setSpacing(10)
        bar.addWidget(self.app_name)
        bar.addSpacing(16)
        bar.addWidget(self.profile_label)
        bar.addWidget(self.profile_box)
        bar.addWidget(self.sandbox_mark)
        bar.addStretch(1)
        bar.addWidget(self.counters)
        bar.addWidget(self.language_button)
        bar.addWidget(self.settings_button)
        self.profile_box.currentTextChanged.connect(self.profile_chosen)
        self.retranslate()

    # --- profile --------------------------------------------------------------------------------

    def profile_name(self) -> str:
        return self.profile_box.currentText() or SANDBOX_PROFILE_NAME

    def set_profiles(self, names: list[str], selected: str) -> None:
        """Refill the selector; this is not the clerk's choice, so ``profile_chosen`` stays quiet."""
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        self.profile_box.addItems(names)
        self.profile_box.setCurrentText(selected)
        self.profile_box.blockSignals(False)

    def show_profile(self, on_sandbox: bool) -> None:
        """A profile is now in use: mark the sandbox, and count its billed calls afresh."""
        self.sandbox_mark.setVisible(on_sandbox)
        self._counts = None
        self.counters.hide()
        self.refresh_counters()

    # --- billed counters ------------------------------------------------------------------------

    def refresh_counters(self) -> None:
        """Re-read the billed calls today and this month on the current profile, on the worker pool
        (the history file is on disk); the label keeps its last values until the answer arrives."""
        calls = self._context.calls
        if calls is None:
            self.counters.hide()
            return
        from app.ui.worker import Task

        counts = calls.billed_counts
        name = self.profile_name()
        task = Task(lambda _progress: counts(name), self)
        task.succeeded.connect(lambda values: self._counted(name, values))
        task.start(self._context.pool)

    def _counted(self, profile_name: str, values: BilledCounts) -> None:
        if profile_name == self.profile_name():  # not switched away meanwhile
            self._counts = values
            self._render_counters()

    def _render_counters(self) -> None:
        if self._counts is None:
            return
        counts = self._counts
        text = self.tr("Billed today %1 · this month %2").replace("%1", str(counts.today)) \
            .replace("%2", str(counts.month))
        if counts.month_unknown:
            text += "  ·  " + self.tr("billing unknown: %1 today, %2 this month").replace(
                "%1", str(counts.today_unknown)).replace("%2", str(counts.month_unknown))
        self.counters.setText(text)
        self.counters.setToolTip(self.tr("Billing unknown: calls that may have been billed although no readable "
                                         "answer came back; History shows them under \"Billing unknown\"."))
        self.counters.show()

    def retranslate(self) -> None:
        self.profile_label.setText(self.tr("Profile"))
        self.sandbox_mark.setText(self.tr("SANDBOX · test data, not a real account"))
        self.sandbox_mark.setToolTip(self.tr("Every result here is made up by the built-in sandbox."))
        self.language_button.setText(endonym(ENGLISH if current_language() == CHINESE else CHINESE))
        self.language_button.setToolTip(self.tr("Switch the language of the window"))
        self.settings_button.setText(self.tr("Settings…"))
        self._render_counters()

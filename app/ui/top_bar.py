"""The bar across the top of the window: app name, profile selector, SANDBOX mark, billed counters,
language and settings buttons; on a narrow window the SANDBOX mark and the counters take a second row.
It is part of the first paint: keep its imports light."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import CHINESE, ENGLISH, current_language, endonym
from app.ui.widgets.common import Retranslating, scaled_font

if TYPE_CHECKING:
    from app.core.history import BilledCounts
    from app.ui.context import PageContext

SANDBOX_PROFILE_NAME = "Sandbox"  # the built-in profile (app.core.profiles.SANDBOX_PROFILE_NAME)
SANDBOX_FILL = QColor("#ffd400")  # safety yellow under black text (14:1), on light and dark themes
SANDBOX_TEXT = QColor("#111111")
APP_NAME_GAP = 16


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
        self._asked = 0  # counter reads asked for: only the newest may fill the label
        self.language_button = QPushButton(self)
        self.language_button.clicked.connect(self.language_requested)
        self.settings_button = QPushButton(self)
        self.settings_button.clicked.connect(self.settings_requested)
        # Each of the two moving widgets has a place on the first row and one on the second (empty
        # layouts take no room); ``_arrange`` puts them on the first row when everything fits on it.
        self._first_row_places = (QHBoxLayout(), QHBoxLayout())
        self._second_row_places = (QHBoxLayout(), QHBoxLayout())
        self._moving = (self.sandbox_mark, self.counters)
        self._two_rows = False
        first = QHBoxLayout()
        first.setSpacing(10)
        first.addWidget(self.app_name)
        first.addSpacing(APP_NAME_GAP)
        first.addWidget(self.profile_label)
        first.addWidget(self.profile_box)
        first.addLayout(self._first_row_places[0])
        first.addStretch(1)
        first.addLayout(self._first_row_places[1])
        first.addWidget(self.language_button)
        first.addWidget(self.settings_button)
        second = QHBoxLayout()
        second.setSpacing(10)
        second.addLayout(self._second_row_places[0])
        second.addLayout(self._second_row_places[1], 1)  # the counters wrap only when the row is full
        for widget, place in zip(self._moving, self._first_row_places, strict=True):
            place.addWidget(widget)
        self._bar = bar = QVBoxLayout(self)
        bar.setContentsMargins(14, 8, 14, 8)
        bar.setSpacing(6)
        bar.addLayout(first)
        bar.addLayout(second)
        self._row_spacing = first.spacing()
        self.profile_box.currentTextChanged.connect(self.profile_chosen)
        self.retranslate()

    # --- one row or two -------------------------------------------------------------------------

    def _width(self, widgets: tuple[QWidget, ...], counters: int) -> int:
        """What ``widgets`` take side by side on a row, the counters ``counters``, hidden widgets nothing."""
        shown = [widget for widget in widgets if not widget.isHidden()]
        margins = self._bar.contentsMargins()
        return (sum(counters if widget is self.counters else widget.sizeHint().expandedTo(widget.minimumSize()).width()
                    for widget in shown)
                + self._row_spacing * max(len(shown) - 1, 0) + margins.left() + margins.right())

    def _fixed(self) -> tuple[QWidget, ...]:
        return self.app_name, self.profile_label, self.profile_box, self.language_button, self.settings_button

    def _counters_on_one_line(self) -> int:
        return self.counters.fontMetrics().horizontalAdvance(self.counters.text()) + 2

    def _counters_wrapped(self) -> int:
        """The counters at their narrowest: their longest word on a line."""
        words = self.counters.text().split() or [""]
        return max(self.counters.fontMetrics().horizontalAdvance(word) for word in words) + 2

    def _one_row_width(self) -> int:
        return self._width(self._fixed() + self._moving, self._counters_on_one_line()) + APP_NAME_GAP

    def _two_rows_width(self) -> int:
        return max(self._width(self._fixed(), 0) + APP_NAME_GAP, self._width(self._moving, self._counters_wrapped()))

    def _arrange(self) -> None:
        """One row when everything fits on it, else the SANDBOX mark and the counters on a second row,
        where the counters wrap if even that row is too narrow for them."""
        two_rows = self.width() < self._one_row_width()
        if two_rows != self._two_rows:
            self._two_rows = two_rows
            places = (self._first_row_places, self._second_row_places)
            for widget, old, new in zip(self._moving, *(places if two_rows else places[::-1]), strict=True):
                old.removeWidget(widget)
                new.addWidget(widget)
        # wrapping only when it must: a word-wrapping label costs every layout pass of the window
        self.counters.setWordWrap(two_rows and self.width() < self._width(self._moving, self._counters_on_one_line()))

    def _widths_changed(self) -> None:
        """A text or a mark changed: the window may now shrink more or less, and the rows may change."""
        self.updateGeometry()
        if self.isVisible():  # else the resize when it is shown arranges it
            self._arrange()

    def minimumSizeHint(self) -> QSize:
        """As narrow as two rows allow, whichever is on screen: the window may shrink that far, and the
        resize then moves the mark and the counters down."""
        return QSize(self._two_rows_width(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._arrange()  # texts may have changed while hidden
        super().showEvent(event)

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
        self._widths_changed()
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
        self._asked += 1
        asked = self._asked
        task = Task(lambda _progress: counts(name), self)
        task.succeeded.connect(lambda values: self._counted(name, values, asked))
        task.start(self._context.pool)

    def _counted(self, profile_name: str, values: BilledCounts, asked: int) -> None:
        # not switched away meanwhile, and no older read (of before a late answer was recorded) after a newer
        if profile_name == self.profile_name() and asked == self._asked:
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
        self._widths_changed()

    def retranslate(self) -> None:
        self.profile_label.setText(self.tr("Profile"))
        self.sandbox_mark.setText(self.tr("SANDBOX · test data, not a real account"))
        self.sandbox_mark.setToolTip(self.tr("Every result here is made up by the built-in sandbox."))
        self.language_button.setText(endonym(ENGLISH if current_language() == CHINESE else CHINESE))
        self.language_button.setToolTip(self.tr("Switch the language of the window"))
        self.settings_button.setText(self.tr("Settings…"))
        self._render_counters()
        self._widths_changed()

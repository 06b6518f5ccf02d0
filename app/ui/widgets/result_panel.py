"""The right half of every page: the verdict or error banner, the page's visuals, the details
support needs (billed, request_id, sequence_id with copy buttons) and the raw response, folded.

Tab reaches the detail rows' copy fields before "Raw response", as they stand on screen. An answer
whose request_id is the built-in sandbox's says so (``answered_by_sandbox``), whatever the profile
claims, so the window can show the SANDBOX mark.

Signals:
    answered_by_sandbox(): the result or error on screen came from a sandbox (its request_id).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import Billing
from app.core.interpret import Tone
from app.ui.announce import announce
from app.ui.theme import TONE_ICON, quiet_ink
from app.ui.widgets.banner import Banner
from app.ui.widgets.clipboard import ClipboardKeeper
from app.ui.widgets.common import Retranslating, mono_font, scaled_font
from app.ui.widgets.copy_field import CopyField
from app.ui.words import ErrorView

SANDBOX_REQUEST_ID_PREFIX = "SANDBOX-"  # every request_id the sandbox (app.sandbox.api) hands out


@dataclass(frozen=True)
class Detail:
    """One line under the visuals; ``key`` is stable across languages, ``copy`` adds a copy button."""

    key: str
    label: str
    value: str
    copy: bool = False


def pretty_raw(raw: str) -> str:
    try:
        return json.dumps(json.loads(raw), ensure_ascii=False, indent=2)
    except ValueError:
        return raw


class ResultPanel(Retranslating, QWidget):
    """Shows one result or one error; ``visuals`` is where a page puts its gauge, trail or strip."""

    answered_by_sandbox = Signal()

    def __init__(self, keeper: ClipboardKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keeper = keeper
        self.heading = QLabel(self)
        self.heading.setFont(scaled_font(self, 1.1, bold=True))
        self.placeholder = QLabel(self)
        self.placeholder.setWordWrap(True)
        placeholder_palette = self.placeholder.palette()
        placeholder_palette.setColor(QPalette.ColorRole.WindowText, quiet_ink(placeholder_palette))
        self.placeholder.setPalette(placeholder_palette)
        self.banner = Banner(self)
        self.visuals = QWidget(self)
        self.visuals_layout = QVBoxLayout(self.visuals)
        self.visuals_layout.setContentsMargins(0, 4, 0, 4)
        self.visuals_layout.setSpacing(10)
        self.code_line = QLabel(self)
        self.code_line.setWordWrap(True)
        self.code_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_box = QWidget(self)
        self.details = QFormLayout(self.details_box)
        self.details.setContentsMargins(0, 0, 0, 0)
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.raw_toggle = QToolButton(self)
        self.raw_toggle.setCheckable(True)
        self.raw_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.raw_toggle.setAutoRaise(True)
        self.raw_toggle.toggled.connect(self._fold)
        self.raw = QPlainTextEdit(self)
        self.raw.setReadOnly(True)
        self.raw.setFont(mono_font())
        self.raw.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for widget in (self.heading, self.placeholder, self.banner, self.visuals, self.code_line,
                       self.details_box, self.raw_toggle, self.raw):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._raw_text = ""
        self.clear()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Result"))
        self.placeholder.setText(self.tr("The result appears here."))
        self.raw_toggle.setText(self.tr("Raw response (for support)"))

    def add_visual(self, widget: QWidget) -> None:
        self.visuals_layout.addWidget(widget)

    def add_under_banner(self, widget: QWidget) -> None:
        """A part read right after the verdict (the clerk's decision); it shows and hides on its own."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.banner) + 1, widget)

    # --- showing --------------------------------------------------------------------------------

    def show_result(self, tone: Tone, icon_name: str, title: str, meaning: str, details: list[Detail],
                    raw: str) -> None:
        self.placeholder.hide()
        self.banner.show_message(tone, icon_name, title, meaning)
        self.visuals.show()
        self.code_line.hide()
        self._fill_details(details)
        self._set_raw(raw)
        self._note_answerer(details)

    def show_error(self, view: ErrorView, details: list[Detail]) -> None:
        self.placeholder.hide()
        self.banner.show_message(view.tone, TONE_ICON[view.tone], view.title, view.remedy)
        self.visuals.hide()
        self.code_line.setText(view.code_line)
        self.code_line.setVisible(bool(view.code_line))
        self._fill_details(details)
        self._set_raw(view.raw)
        self._note_answerer(details)

    def announce(self, urgent: bool) -> None:
        """Say the banner on screen to a screen reader now (the focus stays in the inputs)."""
        announce(self.banner, self.banner.spoken, urgent)

    def _note_answerer(self, details: list[Detail]) -> None:
        if any(d.key == "request_id" and d.value.startswith(SANDBOX_REQUEST_ID_PREFIX) for d in details):
            self.answered_by_sandbox.emit()

    def billed_detail(self, billing: Billing) -> Detail:
        if billing is Billing.UNKNOWN:
            text = self.tr("Unknown: the call may have been billed; look it up in History before you retry")
        elif billing is Billing.BILLED:
            text = self.tr("Yes: this call counts against the account")
        else:
            text = self.tr("No")
        return Detail("billed", self.tr("Billed"), text)

    def id_details(self, request_id: str, sequence_id: str) -> list[Detail]:
        rows = [Detail("request_id", "request_id", request_id, copy=True)] if request_id else []
        if sequence_id:
            rows.append(Detail("sequence_id", "sequence_id", sequence_id, copy=True))
        return rows

    def _fill_details(self, details: list[Detail]) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)
        tab_stops: list[QWidget] = []
        for detail in details:
            if detail.copy:
                field = CopyField(self._keeper, self.details_box)
                field.set_text(detail.value)
                field.set_name(detail.label)
                field.setObjectName(detail.key)
                self.details.addRow(detail.label, field)
                tab_stops += [field.value, field.button]
            else:
                value = QLabel(detail.value, self.details_box)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setObjectName(detail.key)
                self.details.addRow(detail.label, value)
        self.details_box.setVisible(bool(details))
        # New rows join the end of the window's Tab chain: put "Raw response" back after them.
        for before, after in pairwise([*tab_stops, self.raw_toggle, self.raw] if tab_stops else ()):
            QWidget.setTabOrder(before, after)

    def detail_text(self, key: str) -> str | None:
        """The value shown for a detail row (None if there is no such row)."""
        for row in range(self.details.rowCount()):
            item = self.details.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.objectName() == key:
                return widget.text()  # type: ignore[attr-defined, no-any-return]
        return None

    def _set_raw(self, raw: str) -> None:
        self._raw_text = raw
        self.raw.setPlainText(pretty_raw(raw) if raw else "")
        self.raw_toggle.setVisible(bool(raw))
        self.raw_toggle.setChecked(False)
        self._fold(False)

    def _fold(self, unfolded: bool) -> None:
        self.raw_toggle.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)
        self.raw.setVisible(unfolded and bool(self._raw_text))

    def clear(self) -> None:
        """Back to the empty state; nothing of the last customer stays."""
        self.banner.clear()
        self.visuals.hide()
        self.code_line.clear()
        self.code_line.hide()
        self._fill_details([])
        self._set_raw("")
        self.placeholder.show()

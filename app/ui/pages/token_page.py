"""SDK token: a token for the capture app, with a copy button and its 5-minute validity counting down.

Detection types are offered by name (Liveness, ID card OCR…); the API value is the item's tooltip and stands under the
name in the result, for support."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QProgressBar, QWidget

from app.core.contract import (
    DETECTION_TYPES,
    TOKEN_VALIDITY_SECONDS,
    CallResult,
    Endpoint,
    Request,
    TokenData,
    TokenRequest,
)
from app.core.interpret import Reading, Tone
from app.core.validation import check_detection_type
from app.ui.pages.shared import TaskPage
from app.ui.theme import tone_ink
from app.ui.widgets.common import mono_font, scaled_font
from app.ui.widgets.copy_field import CopyField
from app.ui.widgets.result_panel import Detail
from app.ui.words import detection_type_name


class TokenPage(TaskPage):
    """get_token: never billed; the token is valid for 5 minutes from issue."""

    endpoint = Endpoint.TOKEN

    def build_inputs(self) -> None:
        self.detection_type = QComboBox(self)
        for value in DETECTION_TYPES:
            self.detection_type.addItem(value, value)
            self.detection_type.setItemData(self.detection_type.count() - 1, value, Qt.ItemDataRole.ToolTipRole)
        self.type_label, self.type_message = self.add_field("", self.detection_type)
        self.register_field(("detection_type",), self.type_message, self.detection_type)

    def build_visuals(self) -> None:
        self.token = CopyField(self.context.clipboard, self)
        token_font = mono_font()
        token_font.setPointSizeF(token_font.pointSizeF() * 1.2)
        self.token.value.setFont(token_font)
        self.validity = QProgressBar(self)
        self.validity.setRange(0, TOKEN_VALIDITY_SECONDS)
        self.validity.setTextVisible(False)
        self.validity_text = QLabel(self)
        self.validity_text.setFont(scaled_font(self, 1.2, bold=True))
        for widget in (self.token, self.validity_text, self.validity):
            self.result.add_visual(widget)
        self._expires_at = 0.0
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)

    def page_title(self) -> str:
        return self.tr("SDK token")

    def page_hint(self) -> str:
        return self.tr("A token for the capture app (SDK). It is valid for 5 minutes and never billed.")

    def run_text(self) -> str:
        return self.tr("Get token")

    def retranslate_inputs(self) -> None:
        self.type_label.setText(self.tr("Detection type"))
        for index in range(self.detection_type.count()):
            self.detection_type.setItemText(index, detection_type_name(self.detection_type.itemData(index)))
        self.token.set_name(self.tr("Token"))
        self._tick()

    def first_input(self) -> QWidget:
        return self.detection_type

    def build_request(self) -> Request | None:
        value = self.checked(check_detection_type, self.detection_type.currentData(), self.type_message)
        return None if value is None else TokenRequest(value)

    def render_result(self, result: CallResult[Any], reading: Reading) -> list[Detail]:
        data: TokenData = result.data
        self.token.set_text(data.token)
        request = self.shown_request
        kind = request.detection_type if isinstance(request, TokenRequest) else ""
        return [Detail("detection_type", self.tr("Detection type"), f"{detection_type_name(kind)}\n{kind}")]

    def after_result(self, result: CallResult[Any]) -> None:
        self._expires_at = time.monotonic() + TOKEN_VALIDITY_SECONDS
        self._ticker.start()
        self._tick()

    def after_error(self, exc: BaseException) -> None:
        self._ticker.stop()
        self._expires_at = 0.0

    def seconds_left(self) -> int:
        return max(0, round(self._expires_at - time.monotonic()))

    def _tick(self) -> None:
        if not self._expires_at:
            return
        left = self.seconds_left()
        self.validity.setValue(left)
        if left:
            self.validity_text.setText(self.tr("Valid for another %1").replace("%1", f"{left // 60}:{left % 60:02d}"))
            self.validity_text.setStyleSheet("")
        else:
            self._ticker.stop()
            self.validity_text.setText(self.tr("Expired: get a new token"))
            self.validity_text.setStyleSheet(f"color: {tone_ink(Tone.BAD, self.palette()).name()};")

    def clear_inputs(self) -> None:
        self._ticker.stop()
        self._expires_at = 0.0
        self.token.set_text("")
        self.validity_text.clear()
        self.validity.setValue(0)
        self.detection_type.setCurrentIndex(0)

"""ID verification: a liveness capture against the photo on file for a name and ID number.

The result is drawn as the vendor's decision trail (image quality → name/ID → photo on file →
score) and the certificate score on a gauge with the vendor's bands. Once the decision is on
screen the name and ID number are masked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.core.contract import LIVENESS_SOURCE, CallResult, Endpoint, IdNumberData, IdNumberRequest, Request
from app.core.interpret import Reading
from app.core.masking import mask_id_number, mask_name
from app.core.validation import check_id_number, check_name, normalize_id_number
from app.ui.pages.shared import TaskPage, hack_details, stored_id_detail
from app.ui.widgets.result_panel import Detail
from app.ui.widgets.scales import ScaleBar, certificate_model, risk_model
from app.ui.widgets.sensitive_edit import SensitiveLineEdit
from app.ui.widgets.source_field import SourceField
from app.ui.widgets.trail import TrailView
from app.ui.words import score_text

ID_NUMBER_LENGTH = 18


class IdPage(TaskPage):
    """Liveness vs the ID-card photo (liveness_idnumber_verification)."""

    endpoint = Endpoint.ID_NUMBER

    def build_inputs(self) -> None:
        self.liveness = self.add_source(SourceField(LIVENESS_SOURCE, self))
        self.name = SensitiveLineEdit(mask_name, self)
        self.name_label, self.name_message = self.add_field("", self.name)
        self.register_field(("name",), self.name_message, self.name)
        self.id_number = SensitiveLineEdit(mask_id_number, self)
        self.id_number.setMaxLength(24)
        self.id_label, self.id_message = self.add_field("", self.id_number)
        self.register_field(("id_number",), self.id_message, self.id_number)
        self.id_number.textEdited.connect(self._id_typed)
        self.id_number.editingFinished.connect(self._id_finished)
        self.name.editingFinished.connect(self._name_finished)
        self.auto_hack = self.add_checkbox()

    def build_visuals(self) -> None:
        self.trail = TrailView(self)
        self.gauge = ScaleBar(certificate_model(None), self)
        self.risk = ScaleBar(risk_model(None), self)
        for widget in (self.trail, self.gauge, self.risk):
            self.result.add_visual(widget)

    def page_title(self) -> str:
        return self.tr("ID verification")

    def page_hint(self) -> str:
        return self.tr("The customer's liveness capture against the photo on file for their name and ID number.")

    def run_text(self) -> str:
        return self.tr("Verify")

    def retranslate_inputs(self) -> None:
        self.name_label.setText(self.tr("Name"))
        self.id_label.setText(self.tr("ID number"))
        self.name.setPlaceholderText(self.tr("as on the ID card"))
        self.id_number.setPlaceholderText(self.tr("18 characters"))
        self.auto_hack.setText(self.tr("Also check for attacks (photo, screen, mask)"))
        if self.id_message.isVisible() and not self.id_number.masked:
            self._id_finished()

    def first_input(self) -> QWidget:
        return self.liveness.focus_target()

    # --- checks as the operator types -----------------------------------------------------------

    def _id_typed(self, text: str) -> None:
        if len(normalize_id_number(text)) >= ID_NUMBER_LENGTH:
            self._id_finished()
        else:
            self.id_message.clear()

    def _id_finished(self) -> None:
        if not self.id_number.value().strip() or self.id_number.masked:
            return
        if self.checked(check_id_number, self.id_number.value(), self.id_message) is not None:
            self.id_message.show_ok(self.tr("Valid ID number"))

    def _name_finished(self) -> None:
        if self.name.value().strip():
            self.checked(check_name, self.name.value(), self.name_message)

    # --- the call -------------------------------------------------------------------------------

    def build_request(self) -> Request | None:
        liveness = self.liveness.source_or_show()
        name = self.checked(check_name, self.name.value(), self.name_message)
        id_number = self.checked(check_id_number, self.id_number.value(), self.id_message)
        if liveness is None or name is None or id_number is None:
            return None
        return IdNumberRequest(name, id_number, liveness, self.auto_hack.isChecked())

    def render_result(self, result: CallResult[Any], reading: Reading) -> list[Detail]:
        data: IdNumberData = result.data
        trail = reading.trail
        assert trail is not None  # the ID call's reading always has its trail
        # The stopped step takes the tone of the match itself; an attack verdict is the banner's job.
        self.trail.show_trail(trail, trail.match_verdict.tone)
        self.gauge.setVisible(data.certificate_score is not None)
        self.gauge.set_model(certificate_model(data.certificate_score))
        self.risk.setVisible(data.hack_score is not None)
        self.risk.set_model(risk_model(data.hack_score))
        details: list[Detail] = []
        request = self.shown_request
        if isinstance(request, IdNumberRequest):
            details.append(Detail("customer", self.tr("Customer"),
                                  f"{mask_name(request.name)} · {mask_id_number(request.id_number)}"))
        if data.certificate_score is not None:
            details.append(Detail("certificate_score", self.tr("Certificate score"),
                                  score_text(data.certificate_score, 2)))
        details += hack_details(data.hack_score)
        details += stored_id_detail("liveness_encrypt_data_id", data.liveness_encrypt_data_id)
        return details

    def after_result(self, result: CallResult[Any]) -> None:
        self.name.mask_value()
        self.id_number.mask_value()
        self.name_message.clear()
        self.id_message.clear()
        self.liveness.offer_reuse(result.data.liveness_encrypt_data_id)

    def clear_inputs(self) -> None:
        self.liveness.clear()
        self.name.clear_value()
        self.id_number.clear_value()
        self.name_message.clear()
        self.id_message.clear()
        self.auto_hack.setChecked(False)
        self.trail.clear()

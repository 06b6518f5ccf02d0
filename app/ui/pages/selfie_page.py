"""Selfie verification: a liveness capture against a selfie (file, URL or stored image id).

The face score is placed on the vendor's false-accept scale (0.4 → 1 in 10 … 0.9 → 1 in 1,000,000)
with the profile's operating threshold marked, so the number needs no reading.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.core.contract import LIVENESS_SOURCE, SELFIE_SOURCE, CallResult, Endpoint, Request, SelfieData, SelfieRequest
from app.core.interpret import Reading, face_score_place, false_accept_at
from app.ui.pages.shared import TaskPage, hack_details, stored_id_detail
from app.ui.widgets.result_panel import Detail
from app.ui.widgets.scales import ScaleBar, false_accept_model, risk_model
from app.ui.widgets.source_field import SourceField
from app.ui.words import one_in_words, score_text


class SelfiePage(TaskPage):
    """Liveness vs a selfie (liveness_selfie_verification)."""

    endpoint = Endpoint.SELFIE

    def build_inputs(self) -> None:
        self.liveness = self.add_source(SourceField(LIVENESS_SOURCE, self))
        self.selfie = self.add_source(SourceField(SELFIE_SOURCE, self))
        self.auto_rotate = self.add_checkbox()
        self.auto_hack = self.add_checkbox()

    def build_visuals(self) -> None:
        self.scale = ScaleBar(false_accept_model(None, 0.7), self)
        self.risk = ScaleBar(risk_model(None), self)
        self.result.add_visual(self.scale)
        self.result.add_visual(self.risk)

    def page_title(self) -> str:
        return self.tr("Selfie verification")

    def page_hint(self) -> str:
        return self.tr("The customer's liveness capture against a selfie or another photo of them.")

    def run_text(self) -> str:
        return self.tr("Compare")

    def retranslate_inputs(self) -> None:
        self.auto_rotate.setText(self.tr("Turn the selfie upright automatically"))
        self.auto_hack.setText(self.tr("Also check for attacks (photo, screen, mask)"))

    def first_input(self) -> QWidget:
        return self.liveness.focus_target()

    def build_request(self) -> Request | None:
        liveness = self.liveness.source_or_show()
        selfie = self.selfie.source_or_show()
        if liveness is None or selfie is None:
            return None
        return SelfieRequest(liveness, selfie, self.auto_rotate.isChecked(), self.auto_hack.isChecked())

    def render_result(self, result: CallResult[Any], reading: Reading) -> list[Detail]:
        data: SelfieData = result.data
        threshold = reading.face_threshold
        place = face_score_place(data.face_score, threshold)
        self.scale.set_model(false_accept_model(data.face_score, threshold))
        self.risk.setVisible(data.hack_score is not None)
        self.risk.set_model(risk_model(data.hack_score))
        return [
            Detail("face_score", self.tr("Face score"), self._stranger_rate(data.face_score,
                                                                            place.false_accept_one_in)),
            Detail("threshold", self.tr("Threshold"), self._threshold_rate(threshold, false_accept_at(threshold))),
            *hack_details(data.hack_score),
            *stored_id_detail("image_id", data.image_id),
            *stored_id_detail("liveness_encrypt_data_id", data.liveness_encrypt_data_id),
        ]

    def _stranger_rate(self, score: float, one_in: int | None) -> str:
        """How often a stranger scores this high; below the table (under 0.4) "more often than 1 in 10"."""
        text = self.tr("%1 · a stranger scores this high about %2 of the time") if one_in \
            else self.tr("%1 · a stranger scores this high %2")
        return text.replace("%1", score_text(score)).replace("%2", one_in_words(one_in))

    def _threshold_rate(self, threshold: float, one_in: int | None) -> str:
        text = self.tr("%1 (this profile) · false accepts about %2") if one_in \
            else self.tr("%1 (this profile) · false accepts %2")
        return text.replace("%1", f"{threshold:.2f}").replace("%2", one_in_words(one_in))

    def after_result(self, result: CallResult[Any]) -> None:
        self.liveness.offer_reuse(result.data.liveness_encrypt_data_id)
        self.selfie.offer_reuse(result.data.image_id)

    def clear_inputs(self) -> None:
        self.liveness.clear()
        self.selfie.clear()
        self.auto_rotate.setChecked(False)
        self.auto_hack.setChecked(False)

"""Hack detection: is the capture a live person, or a photo, a screen or a mask?

The hack score is shown on a 0–1 risk meter with the vendor's 0.98 line.
"""

from __future__ import annotations

from typing import Any

from app.core.contract import CallResult, Endpoint, HackData
from app.core.interpret import Reading
from app.ui.pages.shared import LivenessOnlyPage, hack_details, stored_id_detail
from app.ui.widgets.result_panel import Detail
from app.ui.widgets.scales import ScaleBar, risk_model


class HackPage(LivenessOnlyPage):
    """Hack detection on a liveness capture (liveness_hack_detect)."""

    endpoint = Endpoint.HACK

    def build_visuals(self) -> None:
        self.risk = ScaleBar(risk_model(None), self)
        self.result.add_visual(self.risk)

    def page_title(self) -> str:
        return self.tr("Hack detection")

    def page_hint(self) -> str:
        return self.tr("Whether the capture shows a live person or a photo, a screen or a mask.")

    def run_text(self) -> str:
        return self.tr("Detect")

    def render_result(self, result: CallResult[Any], reading: Reading) -> list[Detail]:
        data: HackData = result.data
        self.risk.set_model(risk_model(data.hack_score))
        return [*hack_details(data.hack_score),
                *stored_id_detail("liveness_encrypt_data_id", data.liveness_encrypt_data_id)]

    def after_result(self, result: CallResult[Any]) -> None:
        self.liveness.offer_reuse(result.data.liveness_encrypt_data_id)

    def clear_inputs(self) -> None:
        self.liveness.clear()

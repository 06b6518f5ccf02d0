"""Parse a liveness file: did the SDK's liveness check pass, and which motions were performed."""

from __future__ import annotations

from typing import Any

from app.core.contract import CallResult, Endpoint, ParseData
from app.core.interpret import Reading
from app.ui.pages.shared import LivenessOnlyPage, stored_id_detail
from app.ui.widgets.motion_strip import MotionStrip
from app.ui.widgets.result_panel import Detail


class ParsePage(LivenessOnlyPage):
    """Liveness file parsing (parse_liveness_result)."""

    endpoint = Endpoint.PARSE

    def build_visuals(self) -> None:
        self.motions = MotionStrip(self)
        self.result.add_visual(self.motions)

    def page_title(self) -> str:
        return self.tr("Parse liveness file")

    def page_hint(self) -> str:
        return self.tr("What the SDK recorded: whether liveness passed, and the motions in the order performed.")

    def run_text(self) -> str:
        return self.tr("Parse")

    def render_result(self, result: CallResult[Any], reading: Reading) -> list[Detail]:
        data: ParseData = result.data
        self.motions.show_motions(reading.motions)
        return [
            Detail("liveness_result", self.tr("Liveness passed"), self.tr("Yes") if data.liveness_result
                   else self.tr("No")),
            Detail("motion_process", self.tr("Motion codes"), ", ".join(map(str, data.motion_process)) or "—"),
            *stored_id_detail("image_id", data.image_id),
            *stored_id_detail("video_id", data.video_id),
            *stored_id_detail("liveness_encrypt_data_id", data.liveness_encrypt_data_id),
        ]

    def after_result(self, result: CallResult[Any]) -> None:
        self.liveness.offer_reuse(result.data.liveness_encrypt_data_id)

    def clear_inputs(self) -> None:
        self.liveness.clear()
        self.motions.clear()

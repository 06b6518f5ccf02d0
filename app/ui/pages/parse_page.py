"""Parse a liveness file: did the SDK's liveness check pass, and which motions were performed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.core.contract import CallResult, ParseData, ParseRequest, Request
from app.core.interpret import motions, verdict_for
from app.ui.pages.base import CheckPage, Rendered
from app.ui.pages.shared import stored_id_detail
from app.ui.widgets.motion_strip import MotionStrip
from app.ui.widgets.result_panel import Detail
from app.ui.widgets.source_field import LIVENESS, SourceField


class ParsePage(CheckPage):
    """Liveness file parsing (parse_liveness_result)."""

    def build_inputs(self) -> None:
        self.liveness = self.add_source(SourceField(LIVENESS, self))

    def build_visuals(self) -> None:
        self.motions = MotionStrip(self)
        self.result.add_visual(self.motions)

    def page_title(self) -> str:
        return self.tr("Parse liveness file")

    def page_hint(self) -> str:
        return self.tr("What the SDK recorded: whether liveness passed, and the motions in the order performed.")

    def run_text(self) -> str:
        return self.tr("Parse")

    def retranslate_inputs(self) -> None:
        pass

    def first_input(self) -> QWidget:
        return self.liveness.focus_target()

    def build_request(self) -> Request | None:
        liveness = self.liveness.source_or_show()
        return None if liveness is None else ParseRequest(liveness)

    def render_result(self, result: CallResult[Any]) -> Rendered:
        data: ParseData = result.data
        self.motions.show_motions(motions(data.motion_process))
        details = [
            Detail("liveness_result", self.tr("Liveness passed"), self.tr("Yes") if data.liveness_result
                   else self.tr("No")),
            Detail("motion_process", self.tr("Motion codes"), ", ".join(map(str, data.motion_process)) or "—"),
            *stored_id_detail("image_id", data.image_id),
            *stored_id_detail("video_id", data.video_id),
            *stored_id_detail("liveness_encrypt_data_id", data.liveness_encrypt_data_id),
        ]
        return Rendered(verdict_for(result), self.result_details(result, details))

    def after_result(self, result: CallResult[Any]) -> None:
        self.liveness.offer_reuse(result.data.liveness_encrypt_data_id)

    def clear_inputs(self) -> None:
        self.liveness.clear()
        self.motions.clear()

"""Detail rows several pages show the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.core.contract import LIVENESS_SOURCE, Request
from app.core.endpoints import spec
from app.core.interpret import is_hack
from app.ui.pages.base import CheckPage
from app.ui.widgets.result_panel import Detail
from app.ui.widgets.source_field import SourceField
from app.ui.words import score_text, translate


def hack_details(hack_score: float | None) -> list[Detail]:
    if hack_score is None:
        return []
    meaning = (translate("Details", "attack (above 0.98)") if is_hack(hack_score)
               else translate("Details", "live (0.98 or below)"))
    return [Detail("hack_score", translate("Details", "Hack score"), f"{score_text(hack_score)} · {meaning}")]


def stored_id_detail(key: str, value: str | None) -> list[Detail]:
    """An id the server returned (liveness_encrypt_data_id, image_id, video_id), with a copy button."""
    return [Detail(key, key, value, copy=True)] if value else []


class LivenessOnlyPage(CheckPage):
    """A page whose one input is a liveness source (hack detection, parsing): the registry's request
    type for the page's endpoint is built from it."""

    def build_inputs(self) -> None:
        self.liveness = self.add_source(SourceField(LIVENESS_SOURCE, self))

    def retranslate_inputs(self) -> None:
        pass

    def first_input(self) -> QWidget:
        return self.liveness.focus_target()

    def build_request(self) -> Request | None:
        liveness = self.liveness.source_or_show()
        if liveness is None:
            return None
        request: Request = spec(self.endpoint).request(liveness=liveness)  # type: ignore[call-arg]
        return request

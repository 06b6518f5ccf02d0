"""What several pages share: the keyboard path of a task page, detail rows shown the same way, and
the profile's missing secret said before the first call fails."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from app.catalogue.words import keychain_short
from app.core.contract import LIVENESS_SOURCE, Request
from app.core.endpoints import spec
from app.core.interpret import is_hack
from app.core.secrets import KeychainUnavailable
from app.ui.context import PageContext
from app.ui.pages.base import CheckPage
from app.ui.widgets.result_panel import Detail
from app.ui.widgets.source_field import SourceField
from app.ui.words import score_text, translate
from app.ui.worker import Task


class TaskPage(CheckPage):
    """A task page whose Tab path is its controls, top to bottom: the two scroll areas (inputs, result)
    are frames, not stops. (The window frames the focused control: theme.focus_style.)"""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        for area in self.findChildren(QScrollArea):
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def hack_details(hack_score: float | None) -> list[Detail]:
    if hack_score is None:
        return []
    meaning = (translate("Details", "attack (above 0.98)") if is_hack(hack_score)
               else translate("Details", "live (0.98 or below)"))
    return [Detail("hack_score", translate("Details", "Hack score"), f"{score_text(hack_score)} · {meaning}")]


def stored_id_detail(key: str, value: str | None) -> list[Detail]:
    """An id the server returned (liveness_encrypt_data_id, image_id, video_id), with a copy button."""
    return [Detail(key, key, value, copy=True)] if value else []


def say_if_no_secret(context: PageContext, profile_name: str, parent: QObject, say: Callable[[str], None]) -> None:
    """Ask the runtime, on the worker pool (the keychain may be slow), whether the profile has a secret to
    sign with; if not, ``say`` so in words before the clerk's first call fails on it."""
    calls = context.calls
    if calls is None:
        return

    def missing(_progress: object) -> str | None:
        try:
            return None if calls.has_secret(profile_name) else no_secret_words(profile_name)
        except KeychainUnavailable:
            return keychain_short()

    task = Task(missing, parent)
    task.succeeded.connect(lambda text: say(text) if text and context.profile() == profile_name else None)
    task.start(context.pool)


def no_secret_words(profile_name: str) -> str:
    return translate("Profiles", "Profile %1 has no saved API secret: its checks will fail until your "
                                 "administrator enters it in Settings.").replace("%1", profile_name)


class LivenessOnlyPage(TaskPage):
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

"""What the status line and the SANDBOX mark say about the profile in use, before and after a call."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.profiles import Profile
from app.sandbox.people import ZHANG_SAN
from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET
from tests.ui.helpers import press_enter_and_wait, type_text


def _add(calls: Any, profile: Profile) -> None:
    profiles = calls.inner.profiles
    if profile.name not in [p.name for p in profiles.profiles()]:
        profiles.add(profile)


def test_a_profile_without_a_secret_says_so_before_the_first_call(qtbot: Any, window: Any, calls: Any) -> None:
    _add(calls, Profile("No secret yet", base_url="https://cloudapi.example.cn", api_id="branch-02"))
    window._fill_profiles()
    window.top_bar.profile_box.setCurrentText("No secret yet")
    try:
        qtbot.waitUntil(lambda: "has no saved API secret" in window.statusBar().currentMessage(), timeout=5000)
        assert "No secret yet" in window.statusBar().currentMessage()
    finally:
        window.top_bar.profile_box.setCurrentText("Sandbox")
    qtbot.wait(50)
    assert "has no saved API secret" not in window.statusBar().currentMessage()


def test_a_real_profile_answered_by_a_sandbox_shows_the_sandbox_mark(qtbot: Any, window: Any, calls: Any,
                                                                    sandbox: Any, samples: Path) -> None:
    """A branch profile pointed by mistake at a sandbox: its answers' SANDBOX- ids give it away."""
    _add(calls, Profile("Looks real", base_url=sandbox.base_url, api_id=SANDBOX_API_ID))
    calls.inner.secrets.set("Looks real", SANDBOX_API_SECRET)
    window._fill_profiles()
    window.top_bar.profile_box.setCurrentText("Looks real")
    try:
        assert not window.top_bar.sandbox_mark.isVisible()
        page = window.current_page
        page.liveness.set_path(samples / "zhang-san.lfs")
        type_text(qtbot, page.name, ZHANG_SAN.name)
        qtbot.keyClicks(page.id_number, ZHANG_SAN.id_number)
        press_enter_and_wait(qtbot, page, page.id_number)
        assert page.result.detail_text("request_id").startswith("SANDBOX-")
        assert window.top_bar.sandbox_mark.isVisible()
    finally:
        window.top_bar.profile_box.setCurrentText("Sandbox")

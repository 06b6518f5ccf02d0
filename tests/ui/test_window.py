"""The window around the pages: start-up, profiles and settings, the self-test, the translations."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.core.profiles import Profile

ROOT = Path(__file__).resolve().parents[2]


def test_start_up_paints_the_frame_then_loads_the_runtime(qtbot: Any, monkeypatch: Any, tmp_path: Path) -> None:
    from app.ui.startup import Startup

    monkeypatch.setenv("LINKFACE_DESK_HOME", str(tmp_path))
    startup = Startup()
    window = startup.window
    qtbot.addWidget(window)
    assert window.calls is None and window.pages[0] is None  # the frame alone paints first
    assert window.sidebar.item(0).text() == "ID verification"
    qtbot.waitUntil(lambda: startup.ready, timeout=10_000)
    assert window.pages[0] is not None and window.stack.currentWidget() is window.pages[0]
    assert window.top_bar.sandbox_mark.isVisible() and window.profile_name() == "Sandbox"
    qtbot.waitUntil(lambda: window.top_bar.counters.text() == "Billed today 0 · this month 0")
    window.close()
    assert startup.runtime is not None
    startup.runtime.close()


def test_switching_profile_clears_the_screen_and_the_sandbox_mark(qtbot: Any, window: Any, calls: Any,
                                                                  samples: Path) -> None:
    profiles = calls.inner.profiles
    if "Branch" not in [p.name for p in profiles.profiles()]:
        profiles.add(Profile("Branch", base_url="https://cloudapi.example.cn", api_id="branch-01", face_threshold=0.8))
    window._fill_profiles()
    page = window.current_page
    page.liveness.set_path(samples / "zhang-san.lfs")
    window.top_bar.profile_box.setCurrentText("Branch")
    try:
        assert not page.liveness.has_source()  # a new account is a new customer
        assert not window.top_bar.sandbox_mark.isVisible()
        assert window.status_profile.text() == "Profile: Branch"
        assert window.windowTitle() == "LinkFace Desk — Branch"
        assert window.calls.face_threshold(window.profile_name()) == 0.8  # the reading uses it
    finally:
        window.top_bar.profile_box.setCurrentText("Sandbox")
    assert window.top_bar.sandbox_mark.isVisible()


def test_settings_dialog_changes_the_idle_timeout(qtbot: Any, window: Any) -> None:
    from app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.preferences, window.profiles, window.secrets, window)
    qtbot.addWidget(dialog)
    dialog.idle.setValue(300)
    dialog.accept()
    window.apply_preferences(dialog.preferences)
    assert window.idle.timeout_s == 300
    assert dialog.profiles is not None
    editor = dialog.profiles
    editor.list.setCurrentRow(0)
    assert editor.note.text() == "The Sandbox profile is built in: it cannot be changed."
    assert not editor.save_button.isEnabled()


def test_settings_dialog_adds_a_profile_and_names_a_bad_field(qtbot: Any, window: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from PySide6.QtWidgets import QMessageBox

    from app.ui.settings_dialog import SettingsDialog
    from tests.profiles.helpers import MemoryKeyring

    memory = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory)  # what SecretStore asks at each use
    dialog = SettingsDialog(window.preferences, window.profiles, window.secrets, window)
    qtbot.addWidget(dialog)
    editor = dialog.profiles
    qtbot.waitUntil(lambda: editor.busy == 0)
    assert "system keychain" in editor.keychain.text()
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.name.setText("Head office")
    editor.base_url.setText("http://cloudapi.example.cn")  # plain http to a remote host is refused
    qtbot.keyClicks(editor.api_id, "head-01")
    assert not editor.save()
    assert editor.messages["base_url"].text().startswith("✗ The base URL must start with https://")
    editor.base_url.setText("https://cloudapi.example.cn")
    qtbot.keyClicks(editor.secret, "head-office-secret")
    assert editor.save()
    assert "Head office" in [p.name for p in window.profiles.profiles()]
    qtbot.waitUntil(lambda: editor.busy == 0)
    assert memory.get_password("LinkFaceDesk", "Head office") == "head-office-secret"
    assert editor.secret.text() == "" and editor.secret.placeholderText() == "saved in the keychain: type to replace"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    editor.remove()
    qtbot.waitUntil(lambda: editor.busy == 0)
    assert "Head office" not in [p.name for p in window.profiles.profiles()]
    assert memory.get_password("LinkFaceDesk", "Head office") is None


def test_self_test_passes() -> None:
    done = subprocess.run([sys.executable, "-m", "app", "--self-test"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "result: all checks passed" in done.stdout
    assert "translation zh_CN" in done.stdout and "keychain:" in done.stdout


def test_translations_are_complete_and_current() -> None:
    done = subprocess.run([sys.executable, "build_scripts/i18n.py", "--check"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_test_connection_tells_whether_secret_and_clock_are_right(qtbot: Any, window: Any, sandbox: Any) -> None:
    import keyring

    from app.core.profiles import Profile
    from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET
    from app.ui.settings_dialog import SettingsDialog
    from tests.profiles.helpers import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        window.profiles.add(Profile("Conn test", base_url=sandbox.base_url, api_id=SANDBOX_API_ID))
        window.secrets.set("Conn test", "not-the-secret")
        dialog = SettingsDialog(window.preferences, window.profiles, window.secrets, window,
                                window._test_connection, window.pool)
        qtbot.addWidget(dialog)
        editor = dialog.profiles
        editor.list.setCurrentItem(editor.list.findItems("Conn test", Qt.MatchFlag.MatchExactly)[0])
        qtbot.mouseClick(editor.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: editor.testing is None and editor.note.text().startswith("✗"), timeout=10_000)
        assert "the secret or this computer's clock" in editor.note.text()
        assert "not-the-secret" not in editor.note.text()
        window.secrets.set("Conn test", SANDBOX_API_SECRET)
        qtbot.mouseClick(editor.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: editor.testing is None and editor.note.text().startswith("✓"), timeout=10_000)
        assert "Connection works" in editor.note.text()
    finally:
        window.profiles.remove("Conn test", window.secrets)
        keyring.set_keyring(previous)

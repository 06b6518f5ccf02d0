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
    dialog.inputs["idle_timeout_s"].editor.setValue(300)
    dialog.accept()
    window.apply_preferences(dialog.preferences)
    assert window.idle.timeout_s == 300
    assert dialog.profiles is not None
    editor = dialog.profiles
    editor.list.setCurrentRow(0)
    assert editor.note.text() == "The Sandbox profile is built in: it cannot be changed."
    assert not editor.save_button.isEnabled()


@pytest.mark.parametrize(("language", "idle", "read_back"), [
    ("zh_CN", "300", ("zh_CN", 300)), ("fr", "5", ("", 15)), ("en", "99999", ("en", 3600)), ("", "soon", ("", 120)),
])
def test_preferences_are_read_back_within_their_declarations(qtbot: Any, tmp_path: Path, language: str, idle: str,
                                                            read_back: tuple[str, int]) -> None:
    from app.ui.preferences import Preferences, PreferenceStore

    path = tmp_path / "ui.ini"
    path.write_text(f"[General]\nlanguage={language}\nidle_timeout_s={idle}\n", encoding="utf-8")
    assert PreferenceStore(path).load() == Preferences(*read_back)
    PreferenceStore(path).save(Preferences("en", 600))
    assert PreferenceStore(path).load() == Preferences("en", 600)


def test_settings_dialog_builds_each_editor_from_its_declaration(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

    from app.catalogue.fields import field_help, field_label
    from app.core.profiles import PROFILE_FIELDS
    from app.ui.preferences import PREFERENCES
    from app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.preferences, window.profiles, window.secrets, window)
    qtbot.addWidget(dialog)
    editor = dialog.profiles
    assert list(editor.inputs) == [f.name for f in PROFILE_FIELDS]
    assert list(dialog.inputs) == [p.name for p in PREFERENCES]
    kinds = {name: type(field_input.editor) for name, field_input in editor.inputs.items()}
    assert kinds == {"name": QLineEdit, "base_url": QLineEdit, "api_id": QLineEdit, "timestamp_unit": QComboBox,
                     "connect_timeout": QDoubleSpinBox, "read_timeout": QDoubleSpinBox, "proxy": QComboBox,
                     "ca_bundle": QLineEdit, "face_threshold": QDoubleSpinBox, "detection_types": QLineEdit,
                     "record_history": QCheckBox}
    for field in PROFILE_FIELDS:
        field_input = editor.inputs[field.name]
        assert field_input.label.text() == field_label(field) and field_input.label.buddy() is field_input.editor
        assert field_input.editor.toolTip() == field_help(field)
    timeout = editor.inputs["read_timeout"].editor
    assert (timeout.minimum(), timeout.maximum(), timeout.suffix()) == (1, 600, " s")
    assert editor.inputs["proxy"].editor.isEditable() and not editor.inputs["timestamp_unit"].editor.isEditable()
    language, idle = dialog.inputs["language"].editor, dialog.inputs["idle_timeout_s"].editor
    assert isinstance(language, QComboBox) and isinstance(idle, QSpinBox)
    assert [language.itemText(i) for i in range(language.count())] == ["Follow the system", "中文", "English"]
    assert (idle.minimum(), idle.maximum(), idle.suffix(), idle.value()) == (15, 3600, " s", 120)


def test_settings_dialog_adds_a_profile_and_names_a_bad_field(qtbot: Any, window: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.ui.settings_dialog import SettingsDialog

    secrets = window.secrets  # the session's in-memory store
    dialog = SettingsDialog(window.preferences, window.profiles, secrets, window)
    qtbot.addWidget(dialog)
    editor = dialog.profiles
    qtbot.waitUntil(lambda: editor.busy == 0)
    assert "system keychain" in editor.keychain.text()
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    fields = {name: field_input.editor for name, field_input in editor.inputs.items()}
    fields["name"].setText("Head office")
    fields["base_url"].setText("http://cloudapi.example.cn")  # plain http to a remote host is refused
    qtbot.keyClicks(fields["api_id"], "head-01")
    assert not editor.save()
    assert editor.messages["base_url"].text().startswith("✗ The base URL must start with https://")
    fields["base_url"].setText("https://cloudapi.example.cn")
    qtbot.keyClicks(editor.secret, "head-office-secret")
    assert editor.save()
    assert "Head office" in [p.name for p in window.profiles.profiles()]
    assert window.profiles.get("Head office").api_id == "head-01"
    qtbot.waitUntil(lambda: editor.busy == 0)
    assert secrets.get("Head office") == "head-office-secret"
    assert editor.secret.text() == "" and editor.secret.placeholderText() == "saved in the keychain: type to replace"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    editor.remove()
    qtbot.waitUntil(lambda: editor.busy == 0)
    assert "Head office" not in [p.name for p in window.profiles.profiles()]
    assert secrets.get("Head office") is None


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
    from app.core.profiles import Profile
    from app.core.secrets import remove_profile
    from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET
    from app.ui.settings_dialog import SettingsDialog

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
        remove_profile(window.profiles, "Conn test", window.secrets)


def test_a_closed_settings_dialog_is_deleted_once_its_background_work_ends(qtbot: Any, window: Any) -> None:
    """Otherwise every Settings opened stays in memory, and in a screen reader's tree."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.settings_dialog import SettingsDialog
    from app.ui.worker import Task

    held = __import__("threading").Event()

    def close_with_a_task_running() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        task = Task(lambda _progress: held.wait(10), dialog)  # e.g. a keychain answer still on its way
        task.start(window.pool)
        dialog.reject()

    QTimer.singleShot(0, close_with_a_task_running)
    window.open_settings()
    qtbot.wait(50)
    assert len(window.findChildren(SettingsDialog)) == 1  # kept: its task still reports to it
    held.set()
    qtbot.waitUntil(lambda: not window.findChildren(SettingsDialog), timeout=5000)

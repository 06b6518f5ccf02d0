"""Settings: the window's own preferences and the profiles (accounts), with their keychain secrets.

The secret is write-only here: the field never shows a stored value, it only says whether one is
saved. The built-in Sandbox profile is shown but cannot be changed. Removing a profile asks first
(a destructive action: the only modal besides this dialog itself).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ApiError, InputRejected, LinkFaceError
from app.core.interpret import false_accept_at
from app.i18n import CHINESE, ENGLISH
from app.ui.preferences import IDLE_TIMEOUT_MAX_S, IDLE_TIMEOUT_MIN_S, SYSTEM_LANGUAGE, Preferences
from app.ui.widgets.message import MessageLabel
from app.ui.words import error_view
from app.ui.worker import Task

if TYPE_CHECKING:
    from app.core.profiles import Profile, ProfileStore
    from app.core.secrets import SecretStore

def _text(exc: BaseException) -> str:
    """How the window words a failure (the catalogue's words for keychain, settings and input problems)."""
    return error_view(exc).title


ConnectionTest = Callable[[str], Any]
"""Makes a get_token call on the named profile (Runtime.run): raises what the call raised."""


class ProfileEditor(QWidget):
    """Lists the profiles and edits one at a time; every change is saved to the store at once.

    Keychain work (checking it, whether a secret is saved, saving and deleting one) and "Test
    connection" (a get_token call telling whether the api_id, the secret and the clock are right)
    run on the worker pool: a locked keychain's prompt or a slow network never freezes the window.
    ``busy`` counts the jobs still running.
    """

    def __init__(self, store: ProfileStore, secrets: SecretStore | None, parent: QWidget | None = None,
                 test: ConnectionTest | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.store, self.secrets = store, secrets
        self._test, self._pool = test, pool or QThreadPool.globalInstance()
        self.testing: Task | None = None
        self.busy = 0
        self.keychain = QLabel(self)
        self.keychain.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setFixedWidth(190)
        self.list.currentTextChanged.connect(self._load)
        self.new_button = QPushButton(self.tr("New profile"), self)
        self.new_button.clicked.connect(self._new)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)

        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, MessageLabel] = {}
        self.form = QFormLayout()
        self.name = self._add("name", self.tr("Name"), QLineEdit(self))
        self.base_url = self._add("base_url", self.tr("Base URL"), QLineEdit(self))
        self.api_id = self._add("api_id", "api_id", QLineEdit(self))
        self.secret = self._add("secret", self.tr("API secret"), QLineEdit(self))
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.timestamp_unit = self._add("timestamp_unit", self.tr("Timestamp unit"), QComboBox(self))
        self.timestamp_unit.addItems(["ms", "s"])
        self.connect_timeout = self._add("connect_timeout", self.tr("Connect timeout (s)"), QDoubleSpinBox(self))
        self.connect_timeout.setRange(0.5, 120)
        self.read_timeout = self._add("read_timeout", self.tr("Read timeout (s)"), QDoubleSpinBox(self))
        self.read_timeout.setRange(1, 600)
        self.proxy = self._add("proxy", self.tr("Proxy"), QComboBox(self))
        self.proxy.setEditable(True)
        self.proxy.addItems(["system", "none"])
        self.ca_browse = QPushButton(self.tr("Browse…"), self)
        self.ca_browse.clicked.connect(self._choose_ca)
        self.ca_bundle = self._add("ca_bundle", self.tr("Extra CA certificate"), QLineEdit(self), self.ca_browse)
        self.ca_bundle.setPlaceholderText(self.tr("none: the system's trusted certificates"))
        self.face_threshold = self._add("face_threshold", self.tr("Face score threshold"), QDoubleSpinBox(self))
        self.face_threshold.setRange(0, 1)
        self.face_threshold.setSingleStep(0.05)
        self.face_threshold.valueChanged.connect(self._explain_threshold)
        self.detection_types = self._add("detection_types", self.tr("Detection types"), QLineEdit(self))
        self.record_history = self._add("record_history", self.tr("History"), QCheckBox(self.tr("Record calls"), self))

        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save profile"), self)
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(self.tr("Remove profile…"), self)
        self.remove_button.clicked.connect(self.remove)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setToolTip(self.tr("A get_token call (not billed): checks the api_id, the secret and "
                                            "this computer's clock"))
        self.test_button.setVisible(test is not None)
        self.test_button.clicked.connect(self.test_connection)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.test_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.note)
        right.addLayout(self.form)
        right.addLayout(actions)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keychain)
        layout.addLayout(body)
        self._creating = False
        self._show_keychain()
        self.refresh(store.selected.name)

    def _add(self, key: str, label: str, widget: Any, beside: QWidget | None = None) -> Any:
        row = QHBoxLayout()
        row.addWidget(widget, 1)
        if beside is not None:
            row.addWidget(beside)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addLayout(row)
        message = MessageLabel(self)
        box.addWidget(message)
        self.form.addRow(label, box)
        self.inputs[key], self.messages[key] = widget, message
        return widget

    def _in_background(self, job: Callable[[], Any], done: Callable[[Any], None],
                       failed: Callable[[BaseException], None] | None = None) -> Task:
        def finished() -> None:
            self.busy -= 1

        task = Task(lambda _progress: job(), self)
        task.succeeded.connect(done)
        task.failed.connect(failed or (lambda exc: self.note.setText("✗ " + _text(exc))))
        task.finished.connect(finished)
        self.busy += 1
        task.start(self._pool)
        return task

    def _show_keychain(self) -> None:
        secrets = self.secrets
        if secrets is None:
            self.keychain.setText(self.tr("Keychain: not available in this session."))
            return

        def shown(problem: LinkFaceError | None) -> None:
            if problem is None:
                self.keychain.setText(self.tr("Secrets are kept in the system keychain (%1).")
                                      .replace("%1", secrets.backend_name()))
            else:
                self.keychain.setText("✗ " + _text(problem))

        self._in_background(secrets.check, shown)

    def refresh(self, select: str) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([p.name for p in self.store.profiles()])
        self.list.blockSignals(False)
        matches = self.list.findItems(select, Qt.MatchFlag.MatchFixedString)
        self.list.setCurrentItem(matches[0] if matches else self.list.item(0))

    # --- one profile ----------------------------------------------------------------------------

    def _load(self, name: str) -> None:
        if not name:
            return
        profile = self.store.get(name)
        self._creating = False
        self._fill(profile)

    def _fill(self, profile: Profile) -> None:
        for message in self.messages.values():
            message.clear()
        self.name.setText(profile.name)
        self.base_url.setText(profile.base_url)
        self.api_id.setText(profile.api_id)
        self.secret.clear()
        self.secret.setPlaceholderText("")
        self._show_secret_state(profile)
        self.timestamp_unit.setCurrentText(profile.timestamp_unit.value)
        self.connect_timeout.setValue(profile.connect_timeout)
        self.read_timeout.setValue(profile.read_timeout)
        self.proxy.setCurrentText(profile.proxy)
        self.ca_bundle.setText("" if profile.ca_bundle is None else str(profile.ca_bundle))
        self.face_threshold.setValue(profile.face_threshold)
        self.detection_types.setText(", ".join(profile.detection_types))
        self.record_history.setChecked(profile.record_history)
        editable = not profile.is_sandbox
        for key, widget in self.inputs.items():
            widget.setEnabled(editable and (key != "name" or self._creating))
        self.ca_browse.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and not self._creating)
        self.note.setText(self.tr("The Sandbox profile is built in: it cannot be changed.") if not editable else "")
        self._explain_threshold(profile.face_threshold)

    def _show_secret_state(self, profile: Profile) -> None:
        """Whether a secret is saved (never the secret): asked of the keychain off the UI thread."""
        secrets = self.secrets
        if secrets is None or profile.is_sandbox or self._creating:
            self.secret.setPlaceholderText("" if profile.is_sandbox else self.tr("not set"))
            return

        def shown(has_secret: bool) -> None:
            if self.name.text() == profile.name:  # still the profile on screen
                self.secret.setPlaceholderText(self.tr("saved in the keychain: type to replace") if has_secret
                                               else self.tr("not set"))

        self._in_background(lambda: secrets.has(profile.name), shown,
                            lambda exc: self.secret.setPlaceholderText(self.tr("not set")))

    def _explain_threshold(self, value: float) -> None:
        one_in = false_accept_at(value)
        self.messages["face_threshold"].show_ok(
            self.tr("false accepts about 1 in %1").replace("%1", f"{one_in:,}") if one_in
            else self.tr("below 0.4: more than 1 false accept in 10"))

    def _new(self) -> None:
        from app.core.profiles import Profile

        self._creating = True
        self.list.clearSelection()
        self._fill(Profile(self.tr("New profile"), api_id="-"))
        self.api_id.clear()
        self.name.setFocus()
        self.name.selectAll()

    def _choose_ca(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CA certificate"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer)"))
        if name:
            self.ca_bundle.setText(name)

    def edited_profile(self) -> Profile:
        """The profile as typed; raises InputRejected naming the field."""
        from app.core.profiles import Profile
        from app.core.signing import TimestampUnit

        types = tuple(t.strip() for t in self.detection_types.text().split(",") if t.strip())
        ca = self.ca_bundle.text().strip()
        base = Profile(self.name.text().strip(), base_url=self.base_url.text().strip(),
                       api_id=self.api_id.text().strip())
        return replace(base, timestamp_unit=TimestampUnit(self.timestamp_unit.currentText()),
                       connect_timeout=self.connect_timeout.value(), read_timeout=self.read_timeout.value(),
                       proxy=self.proxy.currentText().strip(), ca_bundle=Path(ca) if ca else None,
                       face_threshold=round(self.face_threshold.value(), 4), detection_types=types,
                       record_history=self.record_history.isChecked())

    def save(self) -> bool:
        """Save the profile (a field that does not check is named next to it); the typed secret then
        goes to the keychain in the background. False when a field was refused."""
        for message in self.messages.values():
            message.clear()
        try:
            profile = self.edited_profile()
            (self.store.add if self._creating else self.store.update)(profile)
        except InputRejected as exc:
            target = self.messages.get(exc.field)
            (target or self.messages["name"]).show_problem(_text(exc))
            return False
        self._creating = False
        secret, secrets = self.secret.text(), self.secrets
        self.refresh(profile.name)
        self.note.setText(self.tr("Saved."))
        if secret and secrets is not None:
            self._in_background(lambda: secrets.set(profile.name, secret),
                                lambda _none: self._show_secret_state(profile),
                                lambda exc: self.messages["secret"].show_problem(_text(exc)))
        return True

    def test_connection(self) -> None:
        """Test the saved profile shown (save edits first, so the test uses what will be used)."""
        item = self.list.currentItem()
        if self._test is None or self._pool is None or item is None or self._creating or self.testing is not None:
            return
        test, name = self._test, item.text()
        self.note.setText(self.tr("Testing the connection of %1…").replace("%1", name))
        self.test_button.setEnabled(False)
        task = Task(lambda _progress: test(name), self)
        task.succeeded.connect(lambda result: self._tested(
            "✓ " + self.tr("Connection works: the api_id, the secret and the clock are right "
                           "(request_id %1; get_token is not billed).").replace("%1", result.request_id)))
        task.failed.connect(self._test_failed)
        self.testing = task
        task.start(self._pool)

    def _test_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ApiError) and exc.code == "1000":
            now = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S %z")
            self._tested("✗ " + self.tr("The server refused the signature: the api_id, the secret or this "
                                        "computer's clock (now %1) is wrong.").replace("%1", now))
            return
        view = error_view(exc)
        self._tested(f"✗ {view.title} {view.remedy}" + (f" ({view.code_line})" if view.code_line else ""))

    def _tested(self, text: str) -> None:
        self.testing = None
        self.test_button.setEnabled(True)
        self.note.setText(text)

    def remove(self) -> None:
        name = self.list.currentItem().text() if self.list.currentItem() else ""
        if not name:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove profile"),
            self.tr("Remove the profile %1 and its secret from the keychain? This cannot be undone.")
            .replace("%1", name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        secrets = self.secrets
        if secrets is None:
            self.note.setText("✗ " + self.tr("No keychain in this session: the profile's secret cannot be removed."))
            return
        self._in_background(lambda: self.store.remove(name, secrets),
                            lambda _none: self.refresh(self.store.selected.name),
                            lambda exc: self.note.setText("✗ " + _text(exc)))


class SettingsDialog(QDialog):
    """General preferences, and the profiles when a profile store is available."""

    def __init__(self, preferences: Preferences, profiles: ProfileStore | None, secrets: SecretStore | None,
                 parent: QWidget | None = None, test: ConnectionTest | None = None,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.preferences = preferences.copy()
        general = QWidget(self)
        form = QFormLayout(general)
        self.language = QComboBox(general)
        for label, code in ((self.tr("Follow the system"), SYSTEM_LANGUAGE), ("中文", CHINESE), ("English", ENGLISH)):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))
        self.idle = QSpinBox(general)
        self.idle.setRange(IDLE_TIMEOUT_MIN_S, IDLE_TIMEOUT_MAX_S)
        self.idle.setSuffix(self.tr(" s"))
        self.idle.setValue(preferences.idle_timeout_s)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Clear the screen after no input for"), self.idle)
        tabs = QTabWidget(self)
        tabs.addTab(general, self.tr("General"))
        self.profiles = ProfileEditor(profiles, secrets, self, test, pool) if profiles is not None else None
        if self.profiles is not None:
            tabs.addTab(self.profiles, self.tr("Profiles"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def accept(self) -> None:
        self.preferences = Preferences(self.language.currentData(), self.idle.value())
        super().accept()

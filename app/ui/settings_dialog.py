"""Settings: the window's own preferences and the profiles (accounts), with their keychain secrets.

Every editor comes from a declaration (app.ui.preferences.PREFERENCES, app.core.profiles.PROFILE_FIELDS):
its type picks the widget, the catalogue (app.catalogue.fields) gives its label and tooltip. The
secret is write-only here: the field never shows a stored value, it only says whether one is
saved. The built-in Sandbox profile is shown but cannot be changed. Removing a profile asks first
(a destructive action: the only modal besides this dialog itself).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QSize, Qt, QThreadPool
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalogue.fields import (
    Declared,
    check_box_text,
    choice_label,
    field_help,
    field_label,
    file_choice,
    folder_choice,
    placeholder,
    unit_suffix,
)
from app.core.cases import STAFF_ID_MAX_CHARS, check_staff_id
from app.core.errors import ApiError, InputRejected, LinkFaceError
from app.core.interpret import false_accept_at
from app.core.profiles import PROFILE_FIELDS, Profile
from app.core.secrets import remove_profile
from app.ui.announce import announce
from app.ui.folders import StartFolders
from app.ui.preferences import PREFERENCES, TITLE_BAR_ALLOWANCE, Preference, Preferences
from app.ui.widgets.message import MarkedLabel, MessageLabel
from app.ui.words import error_view
from app.ui.worker import Task

if TYPE_CHECKING:
    from app.core.profiles import ProfileStore
    from app.core.secrets import SecretStore


def _text(exc: BaseException) -> str:
    """How the window words a failure (the catalogue's words for keychain, settings and input problems)."""
    return error_view(exc).title


PREFERRED_SIZE = QSize(760, 560)  # bounded by a small screen, where the fields scroll
ConnectionTest = Callable[[str], Any]
"""Makes a get_token call on the named profile (Runtime.run): raises what the call raised."""


class Editable(Declared, Protocol):
    """What the dialog needs of a declaration to edit it: a ProfileField or a Preference."""

    @property
    def type(self) -> type[Any]: ...

    @property
    def choices(self) -> tuple[Any, ...]: ...

    @property
    def suggestions(self) -> tuple[str, ...]: ...

    @property
    def step(self) -> float: ...

    def from_text(self, text: str) -> Any: ...


class SettingInput:
    """The editor a declared setting's type calls for: a check box (bool), a spin box (a number in its
    range and unit), a combo box (fixed choices, or an editable one for suggestions) or a text box;
    with its label (the editor's buddy) and tooltip from the catalogue."""

    def __init__(self, setting: Editable, parent: QWidget) -> None:
        self.setting = setting
        self.editor = self._make_editor(parent)
        self.editor.setToolTip(field_help(setting))
        self.label = QLabel(field_label(setting), parent)
        self.label.setBuddy(self.editor)
        typed = self.editor.lineEdit() if isinstance(self.editor, QComboBox) else None
        if typed is not None:  # an editable combo box: the focus is in its text box
            typed.setAccessibleName(self.label.text())

    def _make_editor(self, parent: QWidget) -> QWidget:
        setting = self.setting
        if setting.type is bool:
            return QCheckBox(check_box_text(setting), parent)
        if setting.type is int:
            whole = QSpinBox(parent)
            whole.setRange(int(setting.low), int(setting.high))
            whole.setSingleStep(int(setting.step))
            whole.setSuffix(unit_suffix(setting))
            return whole
        if setting.type is float:
            number = QDoubleSpinBox(parent)
            number.setRange(setting.low, setting.high)
            number.setSingleStep(setting.step)
            number.setSuffix(unit_suffix(setting))
            return number
        if setting.choices or setting.suggestions:
            combo = QComboBox(parent)
            combo.setEditable(not setting.choices)  # suggestions: any other value may be typed
            if setting.choices:
                combo.addItems([choice_label(setting, value) for value in setting.choices])
            else:
                for value in setting.suggestions:  # in words; the value itself may be typed too
                    combo.addItem(choice_label(setting, value), value)
            return combo
        text = QLineEdit(parent)
        text.setPlaceholderText(placeholder(setting))
        return text

    def value(self) -> Any:
        """The value as edited, in the setting's type (checked by whoever takes it)."""
        editor, setting = self.editor, self.setting
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QDoubleSpinBox):
            return round(editor.value(), 4)
        if isinstance(editor, QComboBox) and setting.choices:
            return setting.choices[editor.currentIndex()]
        if isinstance(editor, QComboBox):
            suggested = editor.findText(editor.currentText(), Qt.MatchFlag.MatchExactly)
            return setting.from_text(editor.itemData(suggested) if suggested >= 0 else editor.currentText())
        assert isinstance(editor, QLineEdit)
        return setting.from_text(editor.text())

    def show(self, value: Any) -> None:
        editor, setting = self.editor, self.setting
        if isinstance(editor, QCheckBox):
            editor.setChecked(value)
        elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
            editor.setValue(value)
        elif isinstance(editor, QComboBox) and setting.choices:
            editor.setCurrentIndex(setting.choices.index(value) if value in setting.choices else 0)
        elif isinstance(editor, QComboBox):
            text = setting.to_text(value)
            suggested = editor.findData(text)
            editor.setCurrentText(editor.itemText(suggested) if suggested >= 0 else text)
        else:
            assert isinstance(editor, QLineEdit)
            editor.setText(setting.to_text(value))


class ProfileEditor(QWidget):
    """Lists the profiles and edits one at a time; every change is saved to the store at once.

    Keychain work (checking it, whether a secret is saved, saving and deleting one) and "Test
    connection" (a get_token call telling whether the api_id, the secret and the clock are right)
    run on the worker pool: a locked keychain's prompt or a slow network never freezes the window.
    ``busy`` counts the jobs still running.
    """

    def __init__(self, store: ProfileStore, secrets: SecretStore | None, parent: QWidget | None = None,
                 test: ConnectionTest | None = None, pool: QThreadPool | None = None,
                 folders: StartFolders | None = None) -> None:
        super().__init__(parent)
        self.store, self.secrets = store, secrets
        self._folders = folders or StartFolders()  # where the CA file's dialog opens
        self._test, self._pool = test, pool or QThreadPool.globalInstance()
        self.testing: Task | None = None
        self.busy = 0
        self.keychain = MarkedLabel(self)
        self.keychain.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setFixedWidth(190)
        self.list.setAccessibleName(self.tr("Profiles"))
        self.list.currentTextChanged.connect(self._load)
        self.new_button = QPushButton(self.tr("New profile"), self)
        self.new_button.clicked.connect(self._new)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)

        self.inputs: dict[str, SettingInput] = {}
        self.messages: dict[str, MessageLabel] = {}
        self.browse_buttons: list[QPushButton] = []
        self.form = QFormLayout()
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        for field in PROFILE_FIELDS:
            self._add_field(SettingInput(field, self))
            if field.name == "api_id":  # the secret goes with the api_id; it is never part of the profile
                secret_label = QLabel(self.tr("API secret"), self)
                secret_label.setBuddy(self.secret)
                self._add_row("secret", secret_label, self.secret)
        threshold = self.inputs["face_threshold"].editor
        assert isinstance(threshold, QDoubleSpinBox)
        threshold.valueChanged.connect(self._explain_threshold)

        self.note = MarkedLabel(self)
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
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(self.form)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.note)  # under the buttons: a long answer wraps there, squeezing no field
        right_layout.addStretch(1)
        self._fields = fields = QScrollArea(self)  # on a small screen the fields scroll; the profiles stay
        fields.setWidgetResizable(True)
        fields.setFrameShape(QFrame.Shape.NoFrame)
        fields.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the fields, not to their frame
        fields.setWidget(right)
        self._follow_answer = False  # until the next profile is shown
        fields.verticalScrollBar().rangeChanged.connect(lambda _low, _high: self._keep_answer_in_view())
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(fields, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keychain)
        layout.addLayout(body)
        self._creating = False
        self._show_keychain()
        self.refresh(store.selected.name)

    def _add_field(self, field_input: SettingInput) -> None:
        beside = None
        if field_input.setting.type is Path:  # a file: typed, or chosen
            beside = QPushButton(self.tr("Browse…"), self)
            beside.clicked.connect(lambda: self._choose_file(field_input))
            self.browse_buttons.append(beside)
        self.inputs[field_input.setting.name] = field_input
        self._add_row(field_input.setting.name, field_input.label, field_input.editor, beside)

    def _add_row(self, key: str, label: QLabel, editor: QWidget, beside: QWidget | None = None) -> None:
        """The editor (and its button), with the line under it that says what is wrong with it."""
        row = QHBoxLayout()
        row.addWidget(editor, 1)
        if beside is not None:
            row.addWidget(beside)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addLayout(row)
        message = MessageLabel(self)
        message.describes(editor)
        box.addWidget(message)
        self.form.addRow(label, box)
        self.messages[key] = message

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
        self._follow_answer = False
        for message in self.messages.values():
            message.clear()
        for key, field_input in self.inputs.items():
            field_input.show(getattr(profile, key))
        self.secret.clear()
        self.secret.setPlaceholderText("")
        self._show_secret_state(profile)
        editable = not profile.is_sandbox
        for key, field_input in self.inputs.items():
            field_input.editor.setEnabled(editable and (key != "name" or self._creating))
        for widget in (self.secret, *self.browse_buttons):
            widget.setEnabled(editable)
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
            if self.inputs["name"].value() == profile.name:  # still the profile on screen
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
        self._creating = True
        self.list.clearSelection()
        self._fill(Profile(self.tr("New profile"), api_id="-"))
        self.inputs["api_id"].show("")
        name = self.inputs["name"].editor
        assert isinstance(name, QLineEdit)
        name.setFocus()
        name.selectAll()

    def _choose_file(self, field_input: SettingInput) -> None:
        title, name_filter = file_choice(field_input.setting)
        path = self._folders.open_file(self, title, name_filter, capture=False)
        if path is not None:
            field_input.show(path)

    def edited_profile(self) -> Profile:
        """The profile as typed; raises InputRejected naming the field."""
        values: dict[str, Any] = {key: field_input.value() for key, field_input in self.inputs.items()}
        return Profile(**values)

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
        announce(self.note, self.note.accessibleName(), urgent=text.startswith("✗"))
        self._follow_answer = True
        self._keep_answer_in_view()

    def _keep_answer_in_view(self) -> None:
        """On a screen too small for all the fields, scroll to the connection test's answer, again as its
        lines are laid out (the scroll range grows a layout pass or two later)."""
        if self._follow_answer:
            self._fields.ensureWidgetVisible(self.note)

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
        self._in_background(lambda: remove_profile(self.store, name, secrets),
                            lambda _none: self.refresh(self.store.selected.name),
                            lambda exc: self.note.setText("✗ " + _text(exc)))


class SettingsDialog(QDialog):
    """General preferences, and the profiles when a profile store is available."""

    def __init__(self, preferences: Preferences, profiles: ProfileStore | None, secrets: SecretStore | None,
                 parent: QWidget | None = None, test: ConnectionTest | None = None,
                 pool: QThreadPool | None = None, folders: StartFolders | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.preferences = preferences.copy()
        self._folders = folders or StartFolders()
        self.browse_buttons: dict[str, QPushButton] = {}  # a folder preference's, by its name
        general = QWidget(self)
        form = QFormLayout(general)
        self.inputs = {preference.name: SettingInput(preference, general) for preference in PREFERENCES}
        for name, preference_input in self.inputs.items():
            preference_input.show(getattr(preferences, name))
            setting = preference_input.setting
            if isinstance(setting, Preference) and setting.folder:  # typed, or chosen
                row = QHBoxLayout()
                row.addWidget(preference_input.editor, 1)
                browse = self.browse_buttons[name] = QPushButton(self.tr("Browse…"), general)
                browse.clicked.connect(lambda _=False, chosen=preference_input: self._choose_folder(chosen))
                row.addWidget(browse)
                form.addRow(preference_input.label, row)
            else:
                form.addRow(preference_input.label, preference_input.editor)
        self.staff_id: str | None = None  # the clerk's staff ID as changed here (None: not changed)
        self._staff_id_shown = profiles.counter.staff_id if profiles is not None else None
        self.staff_id_edit: QLineEdit | None = None
        if self._staff_id_shown is not None:  # the settings file keeps it, beside the profiles
            self.staff_id_edit = QLineEdit(self._staff_id_shown, general)
            self.staff_id_edit.setMaxLength(STAFF_ID_MAX_CHARS)
            self.staff_id_edit.setToolTip(self.tr("Your staff ID (teller number), recorded with each customer's "
                                                  "consent and decision"))
            self.staff_id_message = MessageLabel(general)
            self.staff_id_message.describes(self.staff_id_edit)
            staff_label = QLabel(self.tr("Staff ID"), general)
            staff_label.setBuddy(self.staff_id_edit)
            staff_box = QVBoxLayout()
            staff_box.setSpacing(2)
            staff_box.addWidget(self.staff_id_edit)
            staff_box.addWidget(self.staff_id_message)
            form.insertRow(0, staff_label, staff_box)
        self.tabs = tabs = QTabWidget(self)
        tabs.setAccessibleName(self.windowTitle())  # it takes the focus for its tab bar: say where it is
        tabs.addTab(general, self.tr("General"))
        self.profiles = ProfileEditor(profiles, secrets, self, test, pool, self._folders) \
            if profiles is not None else None
        if self.profiles is not None:
            tabs.addTab(self.profiles, self.tr("Profiles"))
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                  | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        screen = (parent or self).screen().availableGeometry()
        self.resize(PREFERRED_SIZE.boundedTo(screen.size() - QSize(0, TITLE_BAR_ALLOWANCE)))

    def _choose_folder(self, preference_input: SettingInput) -> None:
        editor = preference_input.editor
        assert isinstance(editor, QLineEdit)
        folder = self._folders.folder(self, folder_choice(preference_input.setting), editor.text())
        if folder is not None:
            preference_input.show(str(folder))

    def accept(self) -> None:
        if self.staff_id_edit is not None and self.staff_id_edit.text().strip() != self._staff_id_shown:
            try:
                self.staff_id = check_staff_id(self.staff_id_edit.text())
            except InputRejected as exc:  # said next to it; the dialog stays open
                self.tabs.setCurrentIndex(0)
                self.staff_id_message.show_problem(_text(exc))
                self.staff_id_edit.setFocus()
                announce(self.staff_id_message, self.staff_id_message.words, urgent=True)
                return
        edited = {name: preference_input.value() for name, preference_input in self.inputs.items()}
        self.preferences = dataclasses.replace(self.preferences, **edited)  # what is not edited here stays
        super().accept()

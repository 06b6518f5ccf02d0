"""The operator window: a sidebar of tasks, one page per task, and a top bar that always shows the
profile (with an unmistakable SANDBOX mark on the sandbox) and the language switch.

"Next customer" (Esc or Ctrl+N) and the idle timeout clear every page and whatever the app put on
the clipboard. ``run_app()`` is the no-argument start used by ``linkface-desk``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import Calls, PageContext
from app.ui.i18n import CHINESE, ENGLISH, Translations, current_language, system_language
from app.ui.idle import IdleWatcher
from app.ui.pages.base import CheckPage
from app.ui.pages.hack_page import HackPage
from app.ui.pages.id_page import IdPage
from app.ui.pages.parse_page import ParsePage
from app.ui.pages.selfie_page import SelfiePage
from app.ui.pages.token_page import TokenPage
from app.ui.preferences import Preferences, PreferenceStore
from app.ui.resources import app_icon
from app.ui.theme import SANDBOX_FILL, SANDBOX_TEXT
from app.ui.widgets.common import Retranslating, scaled_font
from app.ui.widgets.copy_field import ClipboardKeeper
from app.ui.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.core.profiles import ProfileStore
    from app.core.secrets import SecretStore

SANDBOX_PROFILE_NAME = "Sandbox"  # the built-in profile (app.core.profiles.SANDBOX_PROFILE_NAME)
STATUS_MESSAGE_MS = 6000

PAGES: tuple[tuple[type[CheckPage], str], ...] = (
    (IdPage, QT_TRANSLATE_NOOP("MainWindow", "ID verification")),
    (SelfiePage, QT_TRANSLATE_NOOP("MainWindow", "Selfie verification")),
    (HackPage, QT_TRANSLATE_NOOP("MainWindow", "Hack detection")),
    (ParsePage, QT_TRANSLATE_NOOP("MainWindow", "Parse liveness file")),
    (TokenPage, QT_TRANSLATE_NOOP("MainWindow", "SDK token")),
)

PAGE_FOR_ENDPOINT = {"idnumber": 0, "selfie": 1, "hack": 2, "parse": 3, "token": 4}


class MainWindow(Retranslating, QMainWindow):
    """The whole window. Collaborators are passed in: the call service, the profile and secret
    stores (None: only the built-in Sandbox profile), the translations and the preferences."""

    def __init__(self, calls: Calls, translations: Translations, preferences: PreferenceStore,
                 profiles: ProfileStore | None = None, secrets: SecretStore | None = None,
                 pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.calls = calls
        self.translations = translations
        self.preference_store = preferences
        self.preferences: Preferences = preferences.load()
        self.profiles = profiles
        self.secrets = secrets
        self.pool = pool or QThreadPool(self)
        self.clipboard = ClipboardKeeper(self)
        self.context = PageContext(calls, self.pool, self.clipboard, self.profile_name)
        self.setWindowIcon(app_icon())

        self._build_top_bar()
        self.sidebar = QListWidget(self)
        self.sidebar.setFont(scaled_font(self, 1.1))
        self.sidebar.setFixedWidth(200)
        self.sidebar.setSpacing(4)
        self.sidebar.addItems(["" for _ in PAGES])
        self.stack = QStackedWidget(self)
        self.pages: list[CheckPage | None] = [None] * len(PAGES)
        for _ in PAGES:
            self.stack.addWidget(QWidget(self.stack))  # placeholders: pages are built when first shown
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top_bar)
        column.addLayout(body, 1)
        self.setCentralWidget(central)

        self.status_profile = QLabel(self)
        self.status_counters = QLabel(self)  # billed-call counters: filled by a later issue
        self.status_counters.hide()
        self.statusBar().addPermanentWidget(self.status_counters)
        self.statusBar().addPermanentWidget(self.status_profile)

        self.next_action = QAction(self)
        self.next_action.setShortcuts([QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+N")])
        self.next_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.next_action.triggered.connect(lambda: self.next_customer())
        self.addAction(self.next_action)
        for index in range(len(PAGES)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.sidebar.setCurrentRow(i))
            self.addAction(action)

        self.idle = IdleWatcher(self.preferences.idle_timeout_s, self)
        self.idle.idle.connect(self._idle_timeout)

        self._fill_profiles()
        self.profile_box.currentTextChanged.connect(self.select_profile)
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.sidebar.setCurrentRow(0)
        self.retranslate()
        self.resize(1220, 780)

    # --- top bar --------------------------------------------------------------------------------

    def _build_top_bar(self) -> None:
        self.top_bar = QWidget(self)
        self.app_name = QLabel("LinkFace Desk", self.top_bar)
        self.app_name.setFont(scaled_font(self, 1.2, bold=True))
        self.profile_label = QLabel(self.top_bar)
        self.profile_box = QComboBox(self.top_bar)
        self.profile_box.setMinimumWidth(180)
        self.profile_label.setBuddy(self.profile_box)
        self.sandbox_mark = QLabel(self.top_bar)
        self.sandbox_mark.setFont(scaled_font(self, 1.15, bold=True))
        self.sandbox_mark.setStyleSheet(
            f"background: {SANDBOX_FILL.name()}; color: {SANDBOX_TEXT.name()}; padding: 4px 12px;"
            f" border: 2px solid {SANDBOX_TEXT.name()}; border-radius: 4px;")
        self.counters = QLabel(self.top_bar)  # room for billed-call counters (a later issue)
        self.counters.hide()
        self.language_button = QPushButton(self.top_bar)
        self.language_button.clicked.connect(self.toggle_language)
        self.settings_button = QPushButton(self.top_bar)
        self.settings_button.clicked.connect(self.open_settings)
        bar = QHBoxLayout(self.top_bar)
        bar.setContentsMargins(14, 8, 14, 8)
        bar.setSpacing(10)
        bar.addWidget(self.app_name)
        bar.addSpacing(16)
        bar.addWidget(self.profile_label)
        bar.addWidget(self.profile_box)
        bar.addWidget(self.sandbox_mark)
        bar.addStretch(1)
        bar.addWidget(self.counters)
        bar.addWidget(self.language_button)
        bar.addWidget(self.settings_button)

    def _fill_profiles(self) -> None:
        names = [p.name for p in self.profiles.profiles()] if self.profiles else [SANDBOX_PROFILE_NAME]
        selected = self.profiles.selected.name if self.profiles else SANDBOX_PROFILE_NAME
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        self.profile_box.addItems(names)
        self.profile_box.setCurrentText(selected)
        self.profile_box.blockSignals(False)
        self._show_profile()

    def profile_name(self) -> str:
        return self.profile_box.currentText() or SANDBOX_PROFILE_NAME

    @property
    def on_sandbox(self) -> bool:
        return self.calls.is_sandbox(self.profile_name())

    def select_profile(self, name: str) -> None:
        """Switching account is a new customer too: nothing of the last one may carry over."""
        if not name:
            return
        self.next_customer(announce=False)
        if self.profiles is not None:
            self.profiles.select(name)
        self._show_profile()
        self.statusBar().showMessage(self.tr("Now working on profile %1.").replace("%1", name), STATUS_MESSAGE_MS)

    def _show_profile(self) -> None:
        sandbox = self.on_sandbox
        self.sandbox_mark.setVisible(sandbox)
        self.retranslate_profile()

    def retranslate_profile(self) -> None:
        name = self.profile_name()
        sandbox = self.on_sandbox
        self.sandbox_mark.setText(self.tr("SANDBOX · test data, not a real account"))
        self.sandbox_mark.setToolTip(self.tr("Every result here is made up by the built-in sandbox."))
        self.status_profile.setText(
            self.tr("Profile: %1").replace("%1", name) + ("  ·  " + self.tr("SANDBOX") if sandbox else ""))
        title = "LinkFace Desk — " + name
        self.setWindowTitle(f"{title}  [{self.tr('SANDBOX')}]" if sandbox else title)

    # --- pages ----------------------------------------------------------------------------------

    def page(self, index: int) -> CheckPage:
        """The page at ``index``, built the first time it is needed."""
        page = self.pages[index]
        if page is None:
            page = PAGES[index][0](self.context, self.stack)
            page.status.connect(lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages[index] = page
        return page

    def show_page(self, index: int) -> None:
        if index < 0:
            return
        page = self.page(index)
        self.stack.setCurrentIndex(index)
        page.first_input().setFocus()

    @property
    def current_page(self) -> CheckPage:
        return self.page(self.stack.currentIndex())

    def built_pages(self) -> list[CheckPage]:
        return [page for page in self.pages if page is not None]

    def check_again(self, endpoint: str, liveness_id: str) -> bool:
        """Open the page for ``endpoint`` (an Endpoint value) on an earlier capture, e.g. from history."""
        index = PAGE_FOR_ENDPOINT.get(endpoint)
        if index is None:
            return False
        self.sidebar.setCurrentRow(index)
        page = self.page(index)
        liveness = getattr(page, "liveness", None)
        if liveness is None:
            return False
        liveness.use_stored_id(liveness_id)
        return True

    # --- next customer --------------------------------------------------------------------------

    def next_customer(self, announce: bool = True) -> None:
        """Clear every name, ID number, file, preview and result, and what the app put on the clipboard."""
        for page in self.built_pages():
            page.clear()
        self.clipboard.clear_ours()
        self.idle.restart()
        self.current_page.first_input().setFocus()
        if announce:
            self.statusBar().showMessage(self.tr("Cleared. Ready for the next customer."), STATUS_MESSAGE_MS)

    def _idle_timeout(self) -> None:
        self.next_customer(announce=False)
        minutes = self.preferences.idle_timeout_s / 60
        self.statusBar().showMessage(
            self.tr("Cleared after %1 min without input.").replace("%1", f"{minutes:g}"))

    # --- language and settings ------------------------------------------------------------------

    def toggle_language(self) -> None:
        self.set_language(ENGLISH if current_language() == CHINESE else CHINESE)

    def set_language(self, language: str, remember: bool = True) -> None:
        if not self.translations.set_language(language):
            self.statusBar().showMessage(self.tr("The Chinese translation is missing from this installation."))
        if remember:
            self.preferences.language = language
            self.preference_store.save(self.preferences)

    def open_settings(self) -> None:
        from app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.preferences, self.profiles, self.secrets, self)
        if dialog.exec():
            self.apply_preferences(dialog.preferences)
        if self.profiles is not None:
            self._fill_profiles()

    def apply_preferences(self, preferences: Preferences) -> None:
        language_changed = preferences.language != self.preferences.language
        self.preferences = preferences
        self.preference_store.save(preferences)
        self.idle.set_timeout(preferences.idle_timeout_s)
        if language_changed:
            self.translations.set_language(preferences.language or system_language())

    def retranslate(self) -> None:
        for row, (_cls, label) in enumerate(PAGES):
            self.sidebar.item(row).setText(QCoreApplication.translate("MainWindow", label))
        self.profile_label.setText(self.tr("Profile"))
        self.language_button.setText("English" if current_language() == CHINESE else "中文")
        self.language_button.setToolTip(self.tr("Switch the language of the window"))
        self.settings_button.setText(self.tr("Settings…"))
        self.next_action.setText(self.tr("Next customer"))
        self.retranslate_profile()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.next_customer(announce=False)  # nothing of a customer survives the window either
        self.idle.stop()
        self.pool.clear()
        self.pool.waitForDone(3000)
        super().closeEvent(event)


def _ensure_display() -> None:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run_app() -> int:
    """Open the window on the last used profile (the Sandbox on a first run); returns the exit code."""
    _ensure_display()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("LinkFace Desk")
    preferences = PreferenceStore.open_default()
    translations = Translations()
    translations.set_language(preferences.load().language or system_language())

    from app.runtime import Runtime

    runtime = Runtime()
    window = MainWindow(runtime, translations, preferences, runtime.profiles, runtime.secrets)
    window.show()
    QTimer.singleShot(0, window.raise_)
    try:
        return app.exec()
    finally:
        runtime.close()

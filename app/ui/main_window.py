"""The operator window: a sidebar of tasks, one page per task, and a top bar that always shows the
profile (with an unmistakable SANDBOX mark on the sandbox) and the language switch.

"Next customer" (Esc or Ctrl+N) and the idle timeout clear every page and whatever the app put on
the clipboard. ``run_app()`` is the no-argument start used by ``linkface-desk``: it paints the
window's frame first and then, right after that first paint, loads the pages and the runtime
(HTTP, keychain, history), so the window appears as fast as a bare one. Keep the imports of this
module light for that reason: pages are imported when first shown.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QThreadPool,
    QTimer,
    qInstallMessageHandler,
)
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QShowEvent
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

from app.ui.context import PageContext
from app.ui.i18n import (
    CHINESE,
    ENGLISH,
    QT_TRANSLATE_NOOP,
    Translations,
    current_language,
    system_language,
    task_name,
)
from app.ui.idle import IdleWatcher
from app.ui.preferences import Preferences, PreferenceStore
from app.ui.widgets.clipboard import ClipboardKeeper
from app.ui.widgets.common import Retranslating, scaled_font

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from app.core.history import BilledCounts
    from app.core.profiles import ProfileStore
    from app.core.secrets import SecretStore
    from app.runtime import Runtime
    from app.ui.context import Calls
    from app.ui.history_page import HistoryPage
    from app.ui.pages.base import CheckPage

SANDBOX_PROFILE_NAME = "Sandbox"  # the built-in profile (app.core.profiles.SANDBOX_PROFILE_NAME)
STATUS_MESSAGE_MS = 6000
SANDBOX_FILL = QColor("#ffd400")  # safety yellow under black text (14:1), on light and dark themes
SANDBOX_TEXT = QColor("#111111")

# (endpoint, module, class) in sidebar order; a page's module is imported when it is first shown.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("idnumber", "app.ui.pages.id_page", "IdPage"),
    ("selfie", "app.ui.pages.selfie_page", "SelfiePage"),
    ("hack", "app.ui.pages.hack_page", "HackPage"),
    ("parse", "app.ui.pages.parse_page", "ParsePage"),
    ("token", "app.ui.pages.token_page", "TokenPage"),
)
PAGE_FOR_ENDPOINT = {endpoint: index for index, (endpoint, _module, _name) in enumerate(PAGES)}
HISTORY_INDEX = len(PAGES)  # the History page follows the task pages in the sidebar
HISTORY_LABEL = QT_TRANSLATE_NOOP("MainWindow", "History")


class MainWindow(Retranslating, QMainWindow):
    """The whole window. Collaborators are passed in: the call service (the Runtime), the profile
    and secret stores (None: only the built-in Sandbox profile), the translations and preferences.

    With ``calls=None`` it is the frame only (top bar, sidebar), for the first paint at start-up;
    ``attach`` then hands it the runtime and ``show_page(0)`` builds the first page.
    """

    def __init__(self, calls: Calls | None, translations: Translations, preferences: PreferenceStore,
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

        self._build_top_bar()
        self.sidebar = QListWidget(self)
        self.sidebar.setFont(scaled_font(self, 1.1))
        self.sidebar.setFixedWidth(200)
        self.sidebar.setSpacing(4)
        self.sidebar.addItems(["" for _ in range(HISTORY_INDEX + 1)])
        self.stack = QStackedWidget(self)
        self.pages: list[CheckPage | None] = [None] * len(PAGES)
        for _ in range(HISTORY_INDEX + 1):
            self.stack.addWidget(QWidget(self.stack))  # placeholders: pages are built when first shown
        self.history_page: HistoryPage | None = None
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
        self.statusBar().addPermanentWidget(self.status_profile)

        self.next_action = QAction(self)
        # Key names as text: the first paint touches no Qt enum namespace (creating those costs ~20 ms).
        self.next_action.setShortcuts([QKeySequence("Esc"), QKeySequence("Ctrl+N")])  # window-wide
        self.next_action.triggered.connect(lambda: self.next_customer())
        self.addAction(self.next_action)
        for index in range(HISTORY_INDEX + 1):
            action = QAction(self)
            action.setShortcuts([QKeySequence(f"Ctrl+{index + 1}")])
            action.triggered.connect(lambda _=False, i=index: self.sidebar.setCurrentRow(i))
            self.addAction(action)

        self.idle = IdleWatcher(self.preferences.idle_timeout_s, self)
        self.idle.idle.connect(self._idle_timeout)

        self.profile_box.currentTextChanged.connect(self.select_profile)
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(0)
        self.sidebar.blockSignals(False)
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.retranslate()
        self.resize(1220, 780)
        if calls is not None:
            self.attach(calls, profiles, secrets)
            self.show_page(0)

    def attach(self, calls: Calls, profiles: ProfileStore | None, secrets: SecretStore | None) -> None:
        """Hand the window its runtime: profiles, SANDBOX mark and counters appear, calls can run."""
        from app.ui.resources import app_icon

        self.calls = self.context.calls = calls
        self.profiles, self.secrets = profiles, secrets
        self.setWindowIcon(app_icon())
        self._fill_profiles()
        from app.ui.i18n import pick

        # the settings file was set aside, upgraded or refused; the history file cannot be used
        for issue in [*getattr(profiles, "issues", []), *filter(None, [getattr(calls, "history_problem", None)])]:
            self.statusBar().showMessage(pick(issue.message, issue.message_zh))
        merged = getattr(calls, "journal_merged", 0)
        if merged:
            self.statusBar().showMessage(self.tr("%1 call records kept during a disk problem were added to History.")
                                         .replace("%1", str(merged)))
        log_problem = getattr(calls, "log_problem", None)
        if log_problem:
            self.statusBar().showMessage(self.tr("No log file can be written (%1); calls are still recorded in "
                                                 "History.").replace("%1", str(log_problem)))

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
        self.counters = QLabel(self.top_bar)  # billed calls today and this month, on this profile
        self._counts: BilledCounts | None = None
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
        return self.calls is not None and self.calls.is_sandbox(self.profile_name())

    def refresh_counters(self) -> None:
        """Re-read the billed calls today and this month on the current profile, on the worker pool
        (the history file is on disk); the label keeps its last values until the answer arrives."""
        counts = getattr(self.calls, "billed_counts", None)
        if counts is None:
            self.counters.hide()
            return
        from app.ui.worker import Task

        name = self.profile_name()
        task = Task(lambda _progress: counts(name), self)
        task.succeeded.connect(lambda values: self._counted(name, values))
        task.start(self.pool)

    def _counted(self, profile_name: str, values: BilledCounts) -> None:
        if profile_name == self.profile_name():  # not switched away meanwhile
            self._counts = values
            self._render_counters()

    def _render_counters(self) -> None:
        if self._counts is None:
            return
        counts = self._counts
        text = self.tr("Billed today %1 · this month %2").replace("%1", str(counts.today)) \
            .replace("%2", str(counts.month))
        if counts.month_unknown:
            text += "  ·  " + self.tr("billing unknown: %1 today, %2 this month").replace(
                "%1", str(counts.today_unknown)).replace("%2", str(counts.month_unknown))
        self.counters.setText(text)
        self.counters.setToolTip(self.tr("Billing unknown: calls that may have been billed although no readable "
                                         "answer came back; History shows them under \"Billing unknown\"."))
        self.counters.show()

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
        self.sandbox_mark.setVisible(self.on_sandbox)
        self._counts = None
        self.counters.hide()
        self.retranslate_profile()
        self.refresh_counters()

    def retranslate_profile(self) -> None:
        name = self.profile_name()
        sandbox = self.on_sandbox
        self.sandbox_mark.setText(self.tr("SANDBOX · test data, not a real account"))
        self.sandbox_mark.setToolTip(self.tr("Every result here is made up by the built-in sandbox."))
        self.status_profile.setText(
            self.tr("Profile: %1").replace("%1", name) + ("  ·  " + self.tr("SANDBOX") if sandbox else ""))
        title = "LinkFace Desk — " + name
        self.setWindowTitle(f"{title}  [{self.tr('SANDBOX')}]" if sandbox else title)
        if self.calls is None:
            self.status_profile.setText(self.tr("Starting…"))
            self.setWindowTitle("LinkFace Desk")
        self._render_counters()

    # --- pages ----------------------------------------------------------------------------------

    def page(self, index: int) -> CheckPage:
        """The page at ``index``, built the first time it is needed."""
        page = self.pages[index]
        if page is None:
            _endpoint, module, name = PAGES[index]
            page = getattr(import_module(module), name)(self.context, self.stack)
            page.status.connect(lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))
            page.busy_changed.connect(self._call_ended)
            page.next_requested.connect(self.next_customer)
            self._install(index, page)
            self.pages[index] = page
        return page

    def _install(self, index: int, page: QWidget) -> None:
        """Put a page built on first use where its placeholder stood in the stack."""
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()

    def _call_ended(self, busy: bool) -> None:
        if not busy:
            self.refresh_counters()

    def show_page(self, index: int) -> None:
        if index < 0:
            return
        if index == HISTORY_INDEX:
            self.stack.setCurrentIndex(index)
            self.history().search.setFocus()
            return
        page = self.page(index)
        self.stack.setCurrentIndex(index)
        page.first_input().setFocus()

    def history(self) -> HistoryPage:
        """The History page, built the first time it is shown (it reads the runtime's history file)."""
        if self.history_page is None:
            from app.ui.history_page import HistoryPage

            def profile_names() -> list[str]:
                return [p.name for p in self.profiles.profiles()] if self.profiles else [SANDBOX_PROFILE_NAME]

            export = getattr(self.calls, "export_diagnostics", None)

            def diagnostics(out: Path) -> Path:
                import PySide6
                from PySide6.QtCore import qVersion

                assert export is not None
                return Path(export(out, {"qt": qVersion(), "pyside6": PySide6.__version__}))

            page = HistoryPage(lambda: getattr(self.calls, "history", None), profile_names, self.pool,
                               self.clipboard, self.stack, diagnostics=diagnostics if export else None,
                               problem=lambda: getattr(self.calls, "history_problem", None),
                               move_aside=getattr(self.calls, "move_history_aside", None))
            page.recheck_requested.connect(self.check_again)
            page.changed.connect(self.refresh_counters)
            self._install(HISTORY_INDEX, page)
            self.history_page = page
        return self.history_page

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
        index = self.stack.currentIndex()
        current = self.pages[index] if index < HISTORY_INDEX else None
        if current is not None:
            current.first_input().setFocus()
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

        dialog = SettingsDialog(self.preferences, self.profiles, self.secrets, self, self._test_connection, self.pool)
        if dialog.exec():
            self.apply_preferences(dialog.preferences)
        if self.profiles is not None:
            self._fill_profiles()

    def _test_connection(self, profile_name: str) -> Any:
        """A get_token call on a profile, through the runtime (so it is logged and recorded like any call)."""
        from app.core.contract import TokenRequest

        assert self.calls is not None and self.profiles is not None
        profile = self.profiles.get(profile_name)
        return self.calls.run(profile_name, TokenRequest(profile.detection_types[0]))

    def apply_preferences(self, preferences: Preferences) -> None:
        language_changed = preferences.language != self.preferences.language
        self.preferences = preferences
        self.preference_store.save(preferences)
        self.idle.set_timeout(preferences.idle_timeout_s)
        if language_changed:
            self.translations.set_language(preferences.language or system_language())

    def retranslate(self) -> None:
        for row, (endpoint, _module, _name) in enumerate(PAGES):
            self.sidebar.item(row).setText(task_name(endpoint))
        self.sidebar.item(HISTORY_INDEX).setText(QCoreApplication.translate("MainWindow", HISTORY_LABEL))
        self.profile_label.setText(self.tr("Profile"))
        self.language_button.setText("English" if current_language() == CHINESE else "中文")
        self.language_button.setToolTip(self.tr("Switch the language of the window"))
        self.settings_button.setText(self.tr("Settings…"))
        self.next_action.setText(self.tr("Next customer"))
        self.retranslate_profile()

    def showEvent(self, event: QShowEvent) -> None:
        handle = self.windowHandle()
        if handle is not None:
            self.idle.watch(handle)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.next_customer(announce=False)  # nothing of a customer survives the window either
        self.idle.stop()
        self.pool.clear()
        self.pool.waitForDone(3000)
        super().closeEvent(event)


OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def prepare_platform() -> None:
    """Without a display (Linux, no X or Wayland) use Qt's offscreen platform, and keep its one
    harmless complaint off stderr so that a smoke test can treat any stderr output as a failure."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message != OFFSCREEN_NOISE:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


class _AfterFirstPaint(QObject):
    """Runs ``then`` once, just after the watched window has painted for the first time."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


class Startup:
    """The window's start: the frame paints first, then the first page, then the runtime.

    ``runtime`` is None until ``finished``; ``ready`` tells when the window can run calls.
    """

    def __init__(self) -> None:
        prepare_platform()
        existing = QApplication.instance()
        self.app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
        self.app.setApplicationName("LinkFace Desk")
        preferences = PreferenceStore.open_default()
        self.translations = Translations()
        self.translations.set_language(preferences.load().language or system_language())
        self.window = MainWindow(None, self.translations, preferences)
        self.runtime: Runtime | None = None
        _AfterFirstPaint(self.window, self._first_page)
        self.window.show()

    def _first_page(self) -> None:
        self.window.show_page(self.window.sidebar.currentRow())
        QTimer.singleShot(0, self._runtime)

    def _runtime(self) -> None:
        """Open settings, history and logs on the worker pool: the window never waits on the disk."""
        from app.runtime import Runtime
        from app.ui.worker import Task

        task = Task(lambda _progress: Runtime(), self.window)
        task.succeeded.connect(self._attach)
        task.failed.connect(self._failed)
        task.start(self.window.pool)

    def _failed(self, exc: BaseException) -> None:
        """The settings or data folder cannot be used: say which and why, in the window's language."""
        from app.ui.words import error_view

        self.window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "The app could not start: %1").replace(
                "%1", error_view(exc).title))

    def _attach(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.window.attach(runtime, runtime.profiles, runtime.secrets)

    @property
    def ready(self) -> bool:
        return self.runtime is not None


def run_app() -> int:
    """Open the window on the last used profile (the Sandbox on a first run); returns the exit code."""
    startup = Startup()
    try:
        return startup.app.exec()
    finally:
        if startup.runtime is not None:
            startup.runtime.close()

"""The operator window: a sidebar of tasks, one page per task, the top bar (``top_bar.py``: profile,
SANDBOX mark, counters, language, settings) and a status line.

"Next customer" (Esc or Ctrl+N) and the idle timeout clear every page and whatever the app put on
the clipboard. The window opens inside the screen's available area: where the clerk last left it on
that screen (ui.ini's ``window_places``), else centred, maximized when its preferred size does not
fit. The window is on the start-up path (``startup.py``): keep this module's imports light; pages
are imported when first shown (``pages/registry.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QRect, QSize, QThreadPool
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent, QScreen, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalogue.tasks import task_name
from app.i18n import (
    CHINESE,
    ENGLISH,
    QT_TRANSLATE_NOOP,
    Translations,
    current_language,
    system_language,
)
from app.ui.capture_watch import CaptureWatcher
from app.ui.context import PageContext
from app.ui.folders import StartFolders
from app.ui.idle import IdleWatcher
from app.ui.pages.registry import PAGES, TaskPages
from app.ui.preferences import (
    TITLE_BAR_ALLOWANCE,
    Preferences,
    PreferenceStore,
    WindowPlace,
    fit_within,
    read_places,
    with_place,
)
from app.ui.qt_settings import forget_visited_folders
from app.ui.top_bar import SANDBOX_PROFILE_NAME, TopBar
from app.ui.widgets.clipboard import ClipboardKeeper
from app.ui.widgets.common import Retranslating, scaled_font

if TYPE_CHECKING:
    from app.core.history import History, HistoryError
    from app.core.profiles import ProfileStore
    from app.core.secrets import SecretStore
    from app.ui.context import Calls
    from app.ui.history_page import HistoryPage
    from app.ui.pages.base import CheckPage
    from app.ui.pages.batch_page import BatchPage

STATUS_MESSAGE_MS = 6000
HISTORY_INDEX = len(PAGES)  # the History page follows the task pages in the sidebar
HISTORY_LABEL = QT_TRANSLATE_NOOP("MainWindow", "History")
BATCH_INDEX = HISTORY_INDEX + 1  # support work, after the counter's tasks and History
BATCH_LABEL = QT_TRANSLATE_NOOP("MainWindow", "Batch")
PREFERRED_WIDTH, PREFERRED_HEIGHT = 1220, 780
SIDEBAR_WIDTH = 200
NARROW_WINDOW = 1200  # narrower, the sidebar is only as wide as the task names: the page needs the room
SIDEBAR_PADDING = 24


def screen_key(screen: QScreen) -> str:
    """A screen by its name and size: another monitor on the same connector is another screen."""
    name = screen.name().replace(";", " ").replace("=", " ")  # the separators of window_places
    return f"{name} {screen.size().width()}x{screen.size().height()}"


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
        self.translations = translations
        self.preference_store = preferences
        self.preferences: Preferences = preferences.load()
        self.profiles = profiles
        self.secrets = secrets
        self.pool = pool or QThreadPool(self)
        self.clipboard = ClipboardKeeper(self)
        self.folders = StartFolders(lambda: self.preferences.capture_folder)  # where file dialogs open
        self.context = PageContext(calls, self.pool, self.clipboard, self.profile_name, self.folders, owner=self)
        self.captures = CaptureWatcher(self.pool, self)  # issue 13: the newest capture, offered on the pages
        self.captures.set_folder(self.preferences.capture_folder)

        self.top_bar = TopBar(self.context, self)
        self.sidebar = QListWidget(self)
        self.sidebar.setFont(scaled_font(self, 1.1))
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sidebar.setSpacing(4)
        self.sidebar.addItems(["" for _ in range(BATCH_INDEX + 1)])
        self.stack = PageStack(self)
        self.pages = TaskPages(self.context, self.stack, self._wire_page)
        for _ in range(BATCH_INDEX + 1):
            self.stack.addWidget(QWidget(self.stack))  # placeholders: pages are built when first shown
        self.history_page: HistoryPage | None = None
        self.batch_page: BatchPage | None = None
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        self.page_area = PageArea(self.stack, self.pages, self)
        body.addWidget(self.page_area, 1)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top_bar)
        column.addLayout(body, 1)
        self.setCentralWidget(central)

        self.status_staff = QLabel(self)  # the clerk, as her cases record her
        self.statusBar().addPermanentWidget(self.status_staff)
        self.status_profile = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_profile)

        self.next_action = QAction(self)
        # Key names as text: the first paint touches no Qt enum namespace (creating those costs ~20 ms).
        self.next_action.setShortcuts([QKeySequence("Esc"), QKeySequence("Ctrl+N")])  # window-wide
        self.next_action.triggered.connect(lambda: self.next_customer())
        self.addAction(self.next_action)
        for index in range(BATCH_INDEX + 1):
            action = QAction(self)
            action.setShortcuts([QKeySequence(f"Ctrl+{index + 1}")])
            action.triggered.connect(lambda _=False, i=index: self.sidebar.setCurrentRow(i))
            self.addAction(action)

        self.idle = IdleWatcher(self.preferences.idle_timeout_s, self)
        self.idle.idle.connect(self._idle_timeout)

        self.top_bar.profile_chosen.connect(self.select_profile)
        self.top_bar.language_requested.connect(self.toggle_language)
        self.top_bar.settings_requested.connect(self.open_settings)
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(0)
        self.sidebar.blockSignals(False)
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.retranslate()
        self._maximize_when_shown = False
        self._open_in_place()
        if calls is not None:
            self.attach(calls, profiles, secrets)
            self.show_page(0)

    @property
    def calls(self) -> Calls | None:
        """The runtime, once attached; the pages and the top bar read it from the same context."""
        return self.context.calls

    def attach(self, calls: Calls, profiles: ProfileStore | None, secrets: SecretStore | None) -> None:
        """Hand the window its runtime: profiles, SANDBOX mark and counters appear, calls can run."""
        from PySide6.QtCore import Qt

        from app.ui.resources import app_icon

        self.context.calls = calls
        self.profiles, self.secrets = profiles, secrets
        self.context.profiles = profiles
        from app.ui.pages.case_steps import failure_words

        case = self.context.case
        case.staff_changed.connect(self._retranslate_profile)
        case.moved_on.connect(self._forget_previous_customer)
        case.problem.connect(lambda exc: self.statusBar().showMessage(
            self.tr("The customer's case could not be closed: %1").replace("%1", failure_words(exc))))
        self.setWindowIcon(app_icon())
        self.page_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop; here, past the first paint
        from app.ui.theme import focus_style

        self.setStyleSheet(focus_style(self.palette()))  # the focused control is framed, in Settings too
        self._fill_profiles()
        from app.catalogue.words import history_problem, settings_issue

        # the settings file was set aside, upgraded or refused; the history file cannot be used
        notices = [settings_issue(issue) for issue in (profiles.issues if profiles is not None else [])]
        if calls.history_problem is not None:
            notices.append(history_problem(calls.history_problem))
        for notice in notices:
            self.statusBar().showMessage(notice)
        if calls.journal_merged:
            self.statusBar().showMessage(self.tr("%1 call records kept during a disk problem were added to History.")
                                         .replace("%1", str(calls.journal_merged)))
        if calls.log_problem:
            self.statusBar().showMessage(self.tr("No log file can be written (%1); calls are still recorded in "
                                                 "History.").replace("%1", str(calls.log_problem)))

    # --- profile --------------------------------------------------------------------------------

    def _fill_profiles(self) -> None:
        names = self._profile_names()
        selected = self.profiles.selected.name if self.profiles else SANDBOX_PROFILE_NAME
        self.top_bar.set_profiles(names, selected)
        self._show_profile()

    def _profile_names(self) -> list[str]:
        return [p.name for p in self.profiles.profiles()] if self.profiles else [SANDBOX_PROFILE_NAME]

    def profile_name(self) -> str:
        return self.top_bar.profile_name()

    @property
    def on_sandbox(self) -> bool:
        return self.calls is not None and self.calls.is_sandbox(self.profile_name())

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
        """A profile is now in use: its mark and counters, and before the first call fails on it, whether it has
        a secret to sign with."""
        from app.ui.pages.shared import say_if_no_secret

        self.top_bar.show_profile(self.on_sandbox)
        self._retranslate_profile()
        say_if_no_secret(self.context, self.profile_name(), self, self.statusBar().showMessage)

    def _retranslate_profile(self) -> None:
        """The profile in the status line and the title, with SANDBOX on the sandbox."""
        name = self.profile_name()
        sandbox = self.on_sandbox
        self.status_profile.setText(
            self.tr("Profile: %1").replace("%1", name) + ("  ·  " + self.tr("SANDBOX") if sandbox else ""))
        title = "LinkFace Desk — " + name
        self.setWindowTitle(f"{title}  [{self.tr('SANDBOX')}]" if sandbox else title)
        staff_id = self.profiles.counter.staff_id if self.profiles is not None else ""
        self.status_staff.setText(self.tr("Staff ID: %1").replace("%1", staff_id) if staff_id
                                  else self.tr("Staff ID: not set"))
        self.status_staff.setVisible(self.calls is not None)
        if self.calls is None:
            self.status_profile.setText(self.tr("Starting…"))
            self.setWindowTitle("LinkFace Desk")

    # --- pages ----------------------------------------------------------------------------------

    def page(self, index: int) -> CheckPage:
        """The page at ``index``, built the first time it is needed."""
        return self.pages.page(index)

    def _wire_page(self, index: int, page: CheckPage) -> None:
        """A task page was just built: hear its signals and show it where its placeholder stood."""
        page.status.connect(lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))
        page.busy_changed.connect(self._call_ended)
        page.next_requested.connect(self.next_customer)
        page.answered_late.connect(self._answered_late)
        page.watch_captures(self.captures)  # issue 13: the capture folder's offer line
        # a non-sandbox profile whose answers carry SANDBOX- ids is talking to a sandbox: say so
        page.result.answered_by_sandbox.connect(lambda: self.top_bar.sandbox_mark.setVisible(True))
        self._install(index, page)

    def _install(self, index: int, page: QWidget) -> None:
        """Put a page built on first use where its placeholder stood in the stack."""
        placeholder = self.stack.widget(index)
        shown = placeholder is not None and self.stack.currentWidget() is placeholder
        self.stack.insertWidget(index, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        if shown:  # else the stack shows its neighbour (the Batch page's placeholder after History)
            self.stack.setCurrentWidget(page)
        self.page_area.updateGeometry()  # the window keeps the room the new page needs

    def _call_ended(self, busy: bool) -> None:
        if not busy:
            self.top_bar.refresh_counters()

    def _answered_late(self, _outcome: object) -> None:
        """A call nobody waits for any more ended, recorded: History and the counters show it now."""
        self.top_bar.refresh_counters()
        if self.history_page is not None:
            self.history_page.refresh()

    def show_page(self, index: int) -> None:
        if index < 0:
            return
        if index == HISTORY_INDEX:
            self.stack.setCurrentIndex(index)
            self.history().first_input().setFocus()
            return
        if index == BATCH_INDEX:
            self.stack.setCurrentIndex(index)
            self.batch().first_input().setFocus()
            return
        page = self.page(index)
        self.stack.setCurrentIndex(index)
        page.first_input().setFocus()

    def history(self) -> HistoryPage:
        """The History page, built the first time it is shown (it reads the runtime's history file)."""
        if self.history_page is None:
            from app.ui.history_page import HistoryPage

            calls = self.calls  # None only while the runtime loads: no diagnostics, nothing to move aside
            page = HistoryPage(self._history_file, self._profile_names, self.pool, self.clipboard, self.stack,
                               diagnostics=self._write_diagnostics if calls is not None else None,
                               problem=self._history_problem,
                               move_aside=calls.move_history_aside if calls is not None else None,
                               folders=self.folders)
            page.recheck_requested.connect(self.check_again)
            page.changed.connect(self.top_bar.refresh_counters)
            self._install(HISTORY_INDEX, page)
            self.history_page = page
        return self.history_page

    def batch(self) -> BatchPage:
        """The Batch page, built the first time it is shown; "Next customer" leaves it alone (support work)."""
        if self.batch_page is None:
            from app.ui.pages.batch_page import BatchPage

            self.batch_page = BatchPage(self.context, self.stack)
            self.batch_page.status.connect(lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))
            self.batch_page.busy_changed.connect(self._call_ended)
            self._install(BATCH_INDEX, self.batch_page)
        return self.batch_page

    def _history_file(self) -> History | None:
        return self.calls.history if self.calls is not None else None

    def _history_problem(self) -> HistoryError | None:
        return self.calls.history_problem if self.calls is not None else None

    def _write_diagnostics(self, out: Path) -> Path:
        """The support zip at ``out``, with the Qt versions only the window knows."""
        import PySide6
        from PySide6.QtCore import qVersion

        assert self.calls is not None
        return Path(self.calls.export_diagnostics(out, {"qt": qVersion(), "pyside6": PySide6.__version__}))

    @property
    def current_page(self) -> CheckPage:
        return self.page(self.stack.currentIndex())

    def check_again(self, endpoint: str, liveness_id: str) -> bool:
        """Open the page for ``endpoint`` (an Endpoint value) on an earlier capture, e.g. from history."""
        index = self.pages.index_for(endpoint)
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

    def _forget_previous_customer(self) -> None:
        """Typing the next customer after a decision: the other pages and History's search forget the one
        before (the page she types on keeps what she types; its result goes with its next check)."""
        for page in self.pages.built():
            if page is not self.stack.currentWidget():
                page.clear()
        if self.history_page is not None:
            self.history_page.clear_customer()

    def next_customer(self, announce: bool = True) -> bool:
        """Clear every name, ID number, file, preview and result, History's search and selected row, the
        file dialog's recent folders and what the app put on the clipboard, and close the customer's case.
        True if a call already sent was still awaited (the status line says what becomes of it)."""
        sent = any([page.clear() for page in self.pages.built()])  # every page, whatever the first says
        self.context.case.close()  # recorded as no decision, if she has none
        if self.history_page is not None:
            self.history_page.clear_customer()
        forget_visited_folders()
        self.clipboard.clear_ours()
        self.idle.restart()
        index = self.stack.currentIndex()
        current = self.pages[index] if index < HISTORY_INDEX else None
        if current is not None:
            current.first_input().setFocus()
        if announce:
            self.statusBar().showMessage(self.tr("Cleared. Ready for the next customer.")
                                         + self._still_awaited(sent), STATUS_MESSAGE_MS)
        return sent

    def _still_awaited(self, sent: bool) -> str:
        return " " + self.tr("The check already sent may still be billed; its answer will be recorded in "
                             "History.") if sent else ""

    def _idle_timeout(self) -> None:
        sent = self.next_customer(announce=False)
        minutes = self.preferences.idle_timeout_s / 60
        self.statusBar().showMessage(
            self.tr("Cleared after %1 min without input.").replace("%1", f"{minutes:g}") + self._still_awaited(sent))

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

        dialog = SettingsDialog(self.preferences, self.profiles, self.secrets, self, self._test_connection, self.pool,
                                self.folders)
        if dialog.exec():
            self.apply_preferences(dialog.preferences)
            if dialog.staff_id is not None:
                self._save_staff_id(dialog.staff_id)
        if self.profiles is not None:
            self._fill_profiles()
        _delete_when_idle(dialog)

    def _save_staff_id(self, staff_id: str) -> None:
        """Settings changed the clerk's staff ID: saved on the worker pool, then shown in the status line."""
        from app.ui.pages.case_steps import failure_words

        self.context.case.save_staff_id(
            staff_id, lambda _counter: self.statusBar().showMessage(
                self.tr("Staff ID %1 saved.").replace("%1", staff_id), STATUS_MESSAGE_MS),
            lambda exc: self.statusBar().showMessage(failure_words(exc)))

    def _test_connection(self, profile_name: str) -> Any:
        """A get_token call on a profile, through the runtime (so it is logged and recorded like any call)."""
        from app.core.contract import TokenRequest

        assert self.calls is not None and self.profiles is not None
        profile = self.profiles.get(profile_name)
        return self.calls.run(profile_name, TokenRequest(profile.detection_types[0])).result

    def apply_preferences(self, preferences: Preferences) -> None:
        language_changed = preferences.language != self.preferences.language
        self.preferences = preferences
        self.preference_store.save(preferences)
        self.idle.set_timeout(preferences.idle_timeout_s)
        self.captures.set_folder(preferences.capture_folder)  # issue 13
        if language_changed:
            self.translations.set_language(preferences.language or system_language())

    def retranslate(self) -> None:
        for row, entry in enumerate(PAGES):
            self.sidebar.item(row).setText(task_name(entry.endpoint))
        self.sidebar.item(HISTORY_INDEX).setText(QCoreApplication.translate("MainWindow", HISTORY_LABEL))
        self.sidebar.item(BATCH_INDEX).setText(QCoreApplication.translate("MainWindow", BATCH_LABEL))
        self.next_action.setText(self.tr("Next customer"))
        self.sidebar.setAccessibleName(self.tr("Tasks"))
        self.statusBar().clearMessage()  # said in the other language: it would stay until it times out
        self._retranslate_profile()
        if self.isVisible():  # else its resize when shown fits it
            self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        """On a narrow window the sidebar gives the page what its task names do not need."""
        names = self.sidebar.sizeHintForColumn(0) + 2 * self.sidebar.frameWidth() + SIDEBAR_PADDING
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH if self.width() >= NARROW_WINDOW else min(SIDEBAR_WIDTH, names))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_sidebar()
        super().resizeEvent(event)

    # --- where the window opens -----------------------------------------------------------------

    def _open_in_place(self) -> None:
        """Where the clerk last left the window on this screen, else centred at the preferred size
        (maximized when that does not fit); in either case within the screen's available area, below
        a title bar's allowance."""
        screen = self.screen()
        area = screen.availableGeometry().adjusted(0, TITLE_BAR_ALLOWANCE, 0, 0)
        place = read_places(self.preferences.window_places).get(screen_key(screen))
        if place is None:
            rect = QRect(0, 0, PREFERRED_WIDTH, PREFERRED_HEIGHT)
            rect.moveCenter(area.center())
            maximized = rect.width() > area.width() or rect.height() > area.height()
        else:
            rect, maximized = QRect(place.left, place.top, place.width, place.height), place.maximized
        self.setGeometry(fit_within(rect, area))
        self._maximize_when_shown = maximized

    def setVisible(self, visible: bool) -> None:
        """The first show is maximized if ``_open_in_place`` said so: showMaximized keeps the first paint
        clear of Qt's enums (their first use costs ~15 ms)."""
        if visible and self._maximize_when_shown:
            self._maximize_when_shown = False
            self.showMaximized()  # comes back here with the flag down
            return
        super().setVisible(visible)

    def _remember_place(self) -> None:
        """Keep where the window is on its screen for the next start (ui.ini)."""
        normal = self.normalGeometry()
        if normal.isEmpty():
            return
        place = WindowPlace(normal.left(), normal.top(), normal.width(), normal.height(), self.isMaximized())
        self.preferences.window_places = with_place(self.preferences.window_places, screen_key(self.screen()), place)
        self.preference_store.save(self.preferences)

    def showEvent(self, event: QShowEvent) -> None:
        handle = self.windowHandle()
        if handle is not None:
            self.idle.watch(handle)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._remember_place()
        self.idle.stop()
        self.pool.clear()  # work not started is dropped: not the closing of her case, queued next
        if self.batch_page is not None:
            self.batch_page.cancel()  # a running batch stops after its current file, its report valid
        self.next_customer(announce=False)  # nothing of a customer survives the window either
        self.pool.waitForDone(3000)
        super().closeEvent(event)


class PageStack(QStackedWidget):
    """The pages, one on screen at a time; only that one's minimum size counts, so that History (its
    filters and buttons are wider than a task page) scrolls instead of widening the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint().expandedTo(page.minimumSize()) if page is not None else QSize(0, 0)


class PageArea(QScrollArea):
    """Holds the pages, keeping the room every task page built so far needs (they never scroll), and
    scrolls a page that needs more on a small screen."""

    def __init__(self, stack: PageStack, pages: TaskPages, parent: QWidget) -> None:
        super().__init__(parent)
        self._pages = pages
        self.setFrameStyle(0)  # no frame, said without QFrame's enums (their first use is slow)
        self.setWidgetResizable(True)
        self.setWidget(stack)

    def minimumSizeHint(self) -> QSize:
        needed = QSize(0, 0)
        for page in self._pages.built():
            needed = needed.expandedTo(page.minimumSizeHint())
        return needed


def _delete_when_idle(dialog: QWidget) -> None:
    """A closed dialog goes (from memory and from a screen reader's tree) once its background work is done:
    a keychain or connection task still running reports to it, so it stays until the last one ends."""
    from app.ui.worker import Task

    pending = {task for task in dialog.findChildren(Task) if not task.ended}
    if not pending:
        dialog.deleteLater()
        return

    def ended(task: Task) -> None:
        pending.discard(task)
        if not pending:
            dialog.deleteLater()

    for task in list(pending):
        task.finished.connect(lambda task=task: ended(task))

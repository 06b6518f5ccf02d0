"""The window's start: ``run_app()`` is the no-argument start used by ``linkface-desk``.

It paints the window's frame first and then, right after that first paint, loads the first page and
the runtime (settings, history, logs): then it is ready to check. The HTTP stack, the keychain and
the sandbox load after that, on a worker, or with the first call that needs them.
``tests/perf/bench_ui.py`` measures both moments. Keep the imports of this module light.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from app.i18n import Translations, system_language
from app.ui.main_window import MainWindow
from app.ui.preferences import PreferenceStore
from app.ui.qt_settings import keep_qt_settings_inside

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType
    from PySide6.QtWidgets import QWidget

    from app.runtime import Runtime

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
        keep_qt_settings_inside()  # before any dialog: Qt's recent folders go to the app's folder
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
        from app.ui.worker import Task

        self.runtime = runtime
        self.window.attach(runtime, runtime.profiles, runtime.secrets)
        # cases a crash left open are closed as no decision, on a worker (the history file is on disk)
        Task(lambda _progress: runtime.close_stale_window_cases(), self.window).start(self.window.pool)
        self._warm_up(runtime)

    def _warm_up(self, runtime: Runtime) -> None:
        """Ready to check now; the HTTP stack (and the sandbox, on its profile) loads on a worker so that
        the first Verify does not wait for it either. A failure here shows again on that first call."""
        from app.ui.worker import Task

        profile_name = self.window.profile_name()
        task = Task(lambda _progress: runtime.warm_up(profile_name), self.window)
        task.start(self.window.pool)

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

"""The app's one way to work off the UI thread: a QRunnable on a QThreadPool.

The job runs on a pool thread and never touches a widget. It reports through a ``Task``, a
QObject that lives in the UI thread (parented to the widget that started it), so every emission
is queued to the UI thread; the task deletes itself there once finished. Connect to its signals
before ``start()``.

Cancelling is cooperative: the job's progress callback returns False once ``cancel()`` was
called (for an upload, the client then stops sending). A job that can no longer stop (the
request is sent, the reply is awaited) runs to its end; whoever cancelled ignores what it posts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

ProgressFn = Callable[[int, int], bool]
Job = Callable[[ProgressFn], Any]


class Task(QObject):
    """One job's handle in the UI thread.

    Signals:
        progress(int, int): bytes sent, total bytes (not emitted once cancelled).
        succeeded(object): the job's return value.
        failed(object): the exception it raised.
        finished(): after succeeded or failed; the task then deletes itself.
    """

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, job: Job, parent: QObject) -> None:
        super().__init__(parent)
        self._job = job
        self._lock = threading.Lock()
        self._cancelled = False
        self._reached_total = False  # the progress hit 100%: for an upload, every byte was handed over
        self.ended = False  # finished reached the UI thread (the task is about to be deleted)
        self.finished.connect(self._end)

    def _end(self) -> None:
        self.ended = True
        self.deleteLater()

    def cancel(self) -> bool:
        """Ask the job to stop; True if in time (its progress had not reached the total)."""
        with self._lock:
            self._cancelled = True
            return not self._reached_total

    def start(self, pool: QThreadPool) -> None:
        pool.start(_Runner(self))

    # --- on the pool thread ---------------------------------------------------------------------

    def _report(self, sent: int, total: int) -> bool:
        with self._lock:
            if self._cancelled:
                return False
            self._reached_total = sent >= total
        self.progress.emit(sent, total)
        return True

    def _run(self) -> None:
        try:
            result = self._job(self._report)
        except Exception as exc:  # noqa: BLE001 -- every failure goes back to the UI thread to be shown
            outcome: tuple[Any, Any] = (self.failed, exc)
        else:
            outcome = (self.succeeded, result)
        try:
            signal, value = outcome
            signal.emit(value)
            self.finished.emit()
        except RuntimeError:  # the widget that started it is gone (window closed): nobody to tell
            pass


class _Runner(QRunnable):
    """The pool's unit of work; the pool deletes it after ``run``."""

    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()

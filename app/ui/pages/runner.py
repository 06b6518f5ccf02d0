"""A page's calls, one at a time, on the worker pool.

A call that was cancelled, or dropped by "Next customer", may still post its answer later (the
request was already sent, and the runtime records the answer in History): the runner hands that
answer on as ``late``, never as the answer awaited, so the page only ever shows the call it is
waiting for, and the window can count the late one at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from app.ui.worker import ProgressFn, Task

if TYPE_CHECKING:
    from app.core.interpret import Checked


class CallRunner(QObject):
    """Runs a page's call and tells the page what became of it.

    Signals:
        busy_changed(bool): a call started, or ended (answered, failed, cancelled or dropped).
        progress(int, int): bytes of the running call's upload sent so far, total bytes.
        succeeded(object): the running call's Checked (its result and reading).
        failed(object): the exception the running call raised.
        late(object): the Checked or the exception of a call no longer awaited, when it ends.
    """

    busy_changed = Signal(bool)
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    late = Signal(object)

    def __init__(self, pool: QThreadPool, parent: QObject) -> None:
        super().__init__(parent)
        self._pool = pool
        self._task: Task | None = None  # the call whose answer is awaited; None: idle

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, job: Callable[[ProgressFn], Checked]) -> None:
        """Send the call off; the page checks ``busy`` first, as there is one call at a time."""
        task = Task(job, self)
        task.progress.connect(self._on_progress)
        task.succeeded.connect(self._on_succeeded)
        task.failed.connect(self._on_failed)
        self._task = task
        self.busy_changed.emit(True)
        task.start(self._pool)

    def cancel(self) -> bool | None:
        """Stop the running call and ignore whatever it posts from now on. True if in time (the
        upload was stopped: nothing checked or billed), False if it had been sent; None if idle."""
        task = self._task
        if task is None:
            return None
        in_time = task.cancel()
        self._end()
        return in_time

    def _end(self) -> None:
        self._task = None
        self.busy_changed.emit(False)

    def _on_progress(self, sent: int, total: int) -> None:
        if self.sender() is self._task:
            self.progress.emit(sent, total)

    def _on_succeeded(self, result: Checked) -> None:
        if self.sender() is not self._task:
            self.late.emit(result)  # cancelled or cleared: recorded, not shown
            return
        self._end()
        self.succeeded.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        if self.sender() is not self._task:
            self.late.emit(exc)
            return
        self._end()
        self.failed.emit(exc)

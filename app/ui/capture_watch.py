"""The newest capture in the capture folder, offered on the page by itself (issue 13).

The capture folder (a preference: where the SDK's companion app or the bank's transfer drops captures)
is watched with a QFileSystemWatcher, and looked at again every ``POLL_MS`` whatever it says: a network
share delivers no change events. Each look (listing and stat) runs on the worker pool (``worker.Task``),
so the UI thread never waits on the disk.

A file is *complete* once two looks in a row saw the same size and modification time: a file still being
written is not offered, and while the newest file is still growing nothing is offered (not the previous
customer's capture in its place). The image dropped with it (same name, or written within
``SELFIE_WINDOW_S`` of it) comes along as its selfie.

Watching sends nothing: the page's offer line (``CaptureOffer``) only fills the capture field when the clerk
presses Use; she still presses Verify (and the customer's case asks for her consent first).

The liveness file of the SDK has no fixed suffix (``source_field.file_filter``): any regular file that is
not hidden, not a partial download and not an image counts as a capture.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.announce import announce
from app.ui.folders import usable_folder
from app.ui.widgets.common import Retranslating
from app.ui.worker import ProgressFn, Task

POLL_MS = 2000  # the fallback look: network shares send no change events
SETTLE_MS = 500  # the second look after a change, or while the newest file still grows
MAX_ENTRIES = 5000  # a folder of a year's captures is listed only this far
SELFIE_WINDOW_S = 60.0
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff"})
# what a folder of captures also holds and is never a capture (a transfer's manifest, Windows' thumbnails)
NOT_CAPTURE_SUFFIXES = frozenset({".txt", ".json", ".md", ".ini", ".db", ".log", ".xml", ".csv", ".html", ".htm",
                                  ".pdf", ".zip", ".lnk", ".url"})
PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".filepart", "~")


def is_image_name(name: str) -> bool:
    return Path(name).suffix.lower() in IMAGE_SUFFIXES


def is_capture_name(name: str) -> bool:
    """A capture by its name: not hidden, not a partial download, not an image nor a document (the SDK's files
    have no fixed suffix: .lfs, .dat, none…)."""
    lowered = name.lower()
    return (not name.startswith((".", "~$")) and not lowered.endswith(PARTIAL_SUFFIXES)
            and not is_image_name(name) and Path(lowered).suffix not in NOT_CAPTURE_SUFFIXES)


@dataclass(frozen=True)
class Seen:
    """One file as a look saw it."""

    path: Path
    size: int
    mtime_ns: int

    @property
    def key(self) -> tuple[int, str]:
        """Newer sorts later; the name breaks a tie."""
        return self.mtime_ns, self.path.name


def look(folder: Path) -> list[Seen]:
    """The regular files of ``folder`` (not its subfolders), on a pool thread; [] if it cannot be read."""
    seen: list[Seen] = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_ENTRIES:
                    break
                try:
                    if not entry.is_file():
                        continue
                    stat = entry.stat()
                except OSError:
                    continue
                seen.append(Seen(Path(entry.path), stat.st_size, stat.st_mtime_ns))
    except OSError:
        return []
    return seen


def newest(files: list[Seen], capture: bool) -> Seen | None:
    """The newest capture (``capture``) or image of ``files``."""
    wanted = [f for f in files if (is_capture_name(f.path.name) if capture else is_image_name(f.path.name))]
    return max(wanted, key=lambda f: f.key, default=None)


@dataclass(frozen=True)
class Capture:
    """The newest complete capture, and the selfie of the same drop if there is one."""

    file: Seen
    selfie: Path | None = None

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def key(self) -> tuple[int, str]:
        return self.file.key

    def age_s(self) -> float:
        return max(0.0, time.time() - self.file.mtime_ns / 1e9)


def same_drop(capture: Seen, files: list[Seen]) -> Path | None:
    """The image dropped with ``capture``: the same name, else the newest written within a minute of it."""
    images = [f for f in files if is_image_name(f.path.name)]
    for image in images:
        if image.path.stem == capture.path.stem:
            return image.path
    near = [f for f in images if abs(f.mtime_ns - capture.mtime_ns) <= SELFIE_WINDOW_S * 1e9]
    best = max(near, key=lambda f: f.key, default=None)
    return best.path if best is not None else None


class CaptureWatcher(QObject):
    """Watches the capture folder; ``offered`` carries each new newest complete capture.

    Signals:
        offered(object): a ``Capture``, newer than any offered before.
        looked(): a look ended (tests wait on it).
        moved(): the capture folder setting changed (or was cleared): what was offered is withdrawn.
    """

    offered = Signal(object)
    looked = Signal()
    moved = Signal()

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self.folder: Path | None = None
        self.current: Capture | None = None  # the newest complete capture, as last offered
        self.floor: tuple[int, str] | None = None  # Next customer: nothing up to here is offered again
        self._before: dict[Path, tuple[int, int]] = {}  # the previous look's size and mtime per file
        self._task: Task | None = None
        self._looking_in: Path | None = None
        self._again = False  # a change came while a look was running
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.poll)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SETTLE_MS)
        self._soon.timeout.connect(self.poll)
        self.fs = QFileSystemWatcher(self)
        self.fs.directoryChanged.connect(lambda _path: self._soon.start())

    @property
    def active(self) -> bool:
        return self.folder is not None

    def set_folder(self, text: str) -> None:
        """Watch ``text`` (the preference: an absolute folder, or "" for none); a no-op if unchanged."""
        folder = usable_folder(text)
        if folder == self.folder:
            return
        if self.fs.directories():
            self.fs.removePaths(self.fs.directories())
        self.folder, self.current, self._before = folder, None, {}
        self.moved.emit()
        if folder is None:
            self._poll.stop()
            self._soon.stop()
            return
        self.fs.addPath(str(folder))
        self._poll.start()
        self.poll()

    def retire(self) -> None:
        """Next customer: the capture offered so far is the last one's; only newer ones are offered."""
        if self.current is not None:
            self.floor = max(self.floor or self.current.key, self.current.key)

    def poll(self) -> None:
        """One look at the folder, on the pool (skipped, and done again after, while one is running)."""
        folder = self.folder
        if folder is None:
            return
        if self._task is not None:
            self._again = True
            return

        def job(_progress: ProgressFn) -> list[Seen]:
            return look(folder)

        task = self._task = Task(job, self)
        self._looking_in = folder
        # succeeded/failed as CallRunner hears them (bound methods): not ``finished``, which races the task's
        # own deleteLater
        task.succeeded.connect(self._on_looked)
        task.failed.connect(self._on_failed)
        task.start(self._pool)

    def _on_looked(self, files: list[Seen]) -> None:
        try:
            if self._looking_in == self.folder:  # else the setting changed while it looked
                self._looked(files)
        finally:
            self._done()

    def _on_failed(self, _exc: object) -> None:
        self._done()  # look() returns [] on a disk error: only a bug gets here; the poll looks again

    def _done(self) -> None:
        self._task = None
        self.looked.emit()
        if self._again:
            self._again = False
            self._soon.start()

    def _looked(self, files: list[Seen]) -> None:
        if files and not self.fs.directories() and self.folder is not None:
            self.fs.addPath(str(self.folder))  # the folder was removed and made again: events again
        before, self._before = self._before, {f.path: (f.size, f.mtime_ns) for f in files}
        top = newest(files, capture=True)
        if top is None:
            return
        if top.size == 0 or before.get(top.path) != (top.size, top.mtime_ns):
            self._soon.start()  # new or still growing: look again shortly
            return
        if self.current is not None and top.key <= self.current.key:
            return
        if self.floor is not None and top.key <= self.floor:
            return
        selfie = same_drop(top, files)
        if selfie is not None and before.get(selfie) != self._before.get(selfie):
            self._soon.start()  # its selfie is still being written: offer both once it is done
            return
        self.current = Capture(top, selfie)
        self.offered.emit(self.current)


def age_words(seconds: float) -> str:
    """How long ago a capture was written, in the window's language."""
    if seconds < 60:
        text, value = QCoreApplication.translate("CaptureOffer", "%1 s ago"), seconds
    elif seconds < 3600:
        text, value = QCoreApplication.translate("CaptureOffer", "%1 min ago"), seconds // 60
    else:
        text, value = QCoreApplication.translate("CaptureOffer", "%1 h ago"), seconds // 3600
    return text.replace("%1", str(int(value)))


class CaptureOffer(Retranslating, QWidget):
    """The line above a page's capture field: "New capture: capture-0932.lfs, 2 s ago — Use".

    Offers only a capture newer than the last one offered (or used) on this page; ``clear`` (Next customer)
    takes it away. Use fills the field and sends nothing.

    Signals:
        used(object): the clerk pressed Use on this ``Capture`` (the field is filled by then).
    """

    used = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.capture: Capture | None = None  # on offer now
        self.last: tuple[int, str] | None = None  # the newest offered or used on this page
        self.watcher: CaptureWatcher | None = None
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.use = QPushButton(self)
        self.use.clicked.connect(self._use)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.use)
        self._ticker = QTimer(self)  # the age, each second while it is shown
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.retranslate)
        self.hide()

    def watch(self, watcher: CaptureWatcher) -> None:
        self.watcher = watcher
        watcher.offered.connect(self.offer)
        watcher.moved.connect(self.clear)  # shown only while a capture folder is set, and from that one
        if watcher.current is not None:
            self.offer(watcher.current)

    def offer(self, capture: Capture) -> None:
        if self.watcher is None or not self.watcher.active:
            return
        floor = self.watcher.floor
        if (self.last is not None and capture.key <= self.last) or (floor is not None and capture.key <= floor):
            return
        self.capture, self.last = capture, capture.key
        self.retranslate()
        self.show()
        self._ticker.start()
        if self.isVisible():  # said once, by the page on screen (the others show it when they come up)
            announce(self.text, self.text.text(), urgent=False)

    def retranslate(self) -> None:
        self.use.setText(self.tr("Use"))
        capture = self.capture
        if capture is None:
            return
        self.text.setText(self.tr("New capture: %1, %2 —").replace("%1", capture.path.name)
                          .replace("%2", age_words(capture.age_s())))
        self.use.setAccessibleName(self.tr("Use the new capture %1").replace("%1", capture.path.name))

    def _use(self) -> None:
        capture = self.capture
        if capture is None:
            return
        self.clear()
        self.used.emit(capture)

    def seen(self, path: Path, mtime_ns: int) -> None:
        """The field took ``path`` another way (a drop, Browse): it is not offered again."""
        key = (mtime_ns, path.name)
        self.last = max(self.last or key, key)
        if self.capture is not None and self.capture.key <= key:
            self.clear()

    def clear(self) -> None:
        """No offer on screen (Use, or Next customer: the watcher then offers only newer captures)."""
        self.capture = None
        self._ticker.stop()
        self.hide()
        self.text.clear()

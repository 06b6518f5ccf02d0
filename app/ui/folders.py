"""Where the window's file dialogs open, and the dialogs themselves.

Never in the process's working directory (what Qt falls back to when given none, or a folder that does
not exist): for a frozen app that is its install folder, for a shortcut anything. A capture or a selfie
is looked for in the capture folder (a preference) first, then in the folder last used this session;
an export or a certificate the other way round; else the user's home. The last folder is kept in
memory only, and survives "Next customer": it names where files are kept, not a customer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def usable_folder(text: str) -> Path | None:
    """``text`` as an absolute folder that exists (the dialog reads it right after, on the same thread)."""
    if not text:
        return None
    folder = Path(text)
    return folder if folder.is_absolute() and folder.is_dir() else None


class StartFolders:
    """The file dialogs of the window; ``capture_folder`` reads the preference when a dialog opens."""

    def __init__(self, capture_folder: Callable[[], str] = str) -> None:
        self._capture_folder = capture_folder
        self.last: Path | None = None  # the folder of the last file chosen or saved in a dialog

    def start(self, capture: bool) -> Path:
        """The folder a dialog opens in: for a capture or selfie (``capture``) the capture folder first."""
        preferred = usable_folder(self._capture_folder())
        last = usable_folder(str(self.last)) if self.last is not None else None
        for folder in (preferred, last) if capture else (last, preferred):
            if folder is not None:
                return folder
        return Path.home()

    def _used(self, name: str) -> Path | None:
        if not name:
            return None
        path = Path(name)
        self.last = path.parent
        return path

    def open_file(self, parent: QWidget, title: str, name_filter: str, capture: bool) -> Path | None:
        """The file the person chose, or None."""
        name, _ = QFileDialog.getOpenFileName(parent, title, str(self.start(capture)), name_filter)
        return self._used(name)

    def save_file(self, parent: QWidget, title: str, file_name: str, name_filter: str) -> Path | None:
        """Where the person chose to save ``file_name``, or None."""
        name, _ = QFileDialog.getSaveFileName(parent, title, str(self.start(False) / file_name), name_filter)
        return self._used(name)

    def folder(self, parent: QWidget, title: str, current: str) -> Path | None:
        """A folder the person chose, starting from ``current`` when it exists; None if cancelled."""
        start = usable_folder(current) or self.start(True)
        name = QFileDialog.getExistingDirectory(parent, title, str(start))
        if not name:
            return None
        self.last = Path(name)
        return self.last

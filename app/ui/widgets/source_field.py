"""Where a liveness capture or a selfie comes from: a file (picker or drop), a URL or a stored id.

Whatever arrives is checked at once with the core's validation, and the reason for a refusal is
shown under the field, before anything is sent. After a call, ``offer_reuse`` lets the operator
check again on the same upload by the id the server returned, without sending the file again.

A liveness field also holds the capture folder's offer line (``capture_watch.CaptureOffer``, shown above
the file once the page watches the folder). A drop of a folder or of several files takes the newest
capture (or image) of them and names the others under the field (issue 13).

Signals:
    changed(): the source was set, replaced or cleared.
"""

from __future__ import annotations

from pathlib import Path
from typing import assert_never

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalogue.words import rejection as rejected_text
from app.core.contract import FileSource, Source, SourceKind, SourceSpec, StoredIdSource, UrlSource
from app.core.errors import InputRejected
from app.core.validation import ImageInfo, check_file_source, check_stored_id, check_url
from app.ui.announce import plain
from app.ui.capture_watch import Capture, CaptureOffer, Seen, is_capture_name, is_image_name, look
from app.ui.folders import StartFolders
from app.ui.widgets.common import Retranslating, scaled_font
from app.ui.widgets.message import MessageLabel

PREVIEW_SIDE = 150


def file_filter(kind: SourceKind) -> str:
    """The file dialog's pattern: any file for a capture (the SDK's files have no fixed suffix)."""
    match kind:
        case SourceKind.LIVENESS:
            return "*"
        case SourceKind.IMAGE:
            return "*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff"
        case _:
            assert_never(kind)


FILE, URL, STORED_ID = 0, 1, 2


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1048576:.1f} MB"


class SourceField(Retranslating, QWidget):
    """One liveness or selfie source, with its check and the reason shown under it."""

    changed = Signal()

    def __init__(self, spec: SourceSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._path: Path | None = None
        self._reuse_id = ""
        self._others: list[Path] = []
        self.folders = StartFolders()  # where Browse opens; a page hands in the window's (add_source)
        self.setAcceptDrops(True)

        self.label = QLabel(self)
        self.label.setFont(scaled_font(self, 1.0, bold=True))
        self.mode = QComboBox(self)
        self.mode.addItems(["", "", ""])
        self.mode.currentIndexChanged.connect(self._mode_changed)
        header = QHBoxLayout()
        header.addWidget(self.label, 1)
        header.addWidget(self.mode)
        # issue 13: the newest capture of the capture folder, offered above the file (liveness only)
        self.offer: CaptureOffer | None = None
        if spec.kind is SourceKind.LIVENESS:
            self.offer = CaptureOffer(self)
            self.offer.used.connect(self._use_offered)

        self.drop_zone = QFrame(self)
        self.drop_zone.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_zone.setFrameShadow(QFrame.Shadow.Sunken)
        self.file_info = QLabel(self.drop_zone)
        self.file_info.setWordWrap(True)
        self.file_info.setTextFormat(Qt.TextFormat.PlainText)
        self.browse = QPushButton(self.drop_zone)
        self.browse.clicked.connect(self.choose_file)
        zone = QHBoxLayout(self.drop_zone)
        zone.setContentsMargins(10, 10, 10, 10)
        zone.addWidget(self.file_info, 1)
        zone.addWidget(self.browse, 0, Qt.AlignmentFlag.AlignVCenter)

        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://…")
        self.url.editingFinished.connect(self._check_typed)
        self.url.textEdited.connect(self._typed)
        self.stored_id = QLineEdit(self)
        self.stored_id.setPlaceholderText(spec.fields.stored_id)
        self.stored_id.editingFinished.connect(self._check_typed)
        self.stored_id.textEdited.connect(self._typed)

        self.pages = QStackedWidget(self)
        for page in (self.drop_zone, self.url, self.stored_id):
            self.pages.addWidget(page)

        self.preview = QLabel(self)
        self.preview.setFixedSize(PREVIEW_SIDE, PREVIEW_SIDE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.hide()

        self.message = MessageLabel(self)
        self.message.describes(self.browse, self.url, self.stored_id)
        self.reuse = QPushButton(self)
        self.reuse.clicked.connect(self._reuse)
        self.reuse.hide()
        self.others = QLabel(self)  # issue 13: the files of a drop not taken
        self.others.setWordWrap(True)
        self.others.setTextFormat(Qt.TextFormat.PlainText)
        self.others.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        if self.offer is not None:
            layout.addWidget(self.offer)
        layout.addWidget(self.pages)
        layout.addWidget(self.preview)
        layout.addWidget(self.message)
        layout.addWidget(self.others)
        layout.addWidget(self.reuse, 0, Qt.AlignmentFlag.AlignLeft)
        self.label.setBuddy(self.mode)
        self.retranslate()

    # --- text -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        liveness = self.spec.kind is SourceKind.LIVENESS
        self.label.setText(self.tr("Liveness capture") if liveness else self.tr("Selfie"))
        self.mode.setItemText(FILE, self.tr("File"))
        self.mode.setItemText(URL, self.tr("URL"))
        self.mode.setItemText(STORED_ID, self.tr("Stored id"))
        self.mode.setAccessibleName(self.label.text())
        self.browse.setText(self.tr("Browse…"))
        self.reuse.setText(self.tr("↻ Check again on this capture (no upload)") if liveness
                           else self.tr("↻ Use the same selfie again (no upload)"))
        self.reuse.setAccessibleName(plain(self.reuse.text()))
        self._show_file_info()
        self._show_others()
        if self.message.isVisible() and self._path is not None and not self.message.is_problem:
            self._check_file(self._path)

    def _show_file_info(self) -> None:
        if self._path is None:
            self.file_info.setText(self.tr("Drop the file here, or browse."))
            return
        try:
            size = human_size(self._path.stat().st_size)
        except OSError:
            size = "?"
        self.file_info.setText(f"{self._path.name}\n{size}")

    # --- the three forms ------------------------------------------------------------------------

    def choose_file(self) -> None:
        liveness = self.spec.kind is SourceKind.LIVENESS
        title = self.tr("Choose the liveness file") if liveness else self.tr("Choose the selfie")
        path = self.folders.open_file(self, title, f"{self.tr('Files')} ({file_filter(self.spec.kind)})", capture=True)
        if path is not None:
            self.set_path(path)

    def set_path(self, path: Path, others: list[Path] | None = None) -> bool:
        """Take a file (from the picker or a drop) and check it now; True if it is acceptable. ``others``:
        the files of the same drop not taken, named under the field."""
        self.mode.setCurrentIndex(FILE)
        self._path = path
        self._reuse_id = ""
        self._others = others or []
        self._show_others()
        if self.offer is not None:  # taken another way: not offered again on this page
            try:
                self.offer.seen(path, path.stat().st_mtime_ns)
            except OSError:
                pass
        self._show_file_info()
        ok = self._check_file(path)
        self.changed.emit()
        return ok

    def _check_file(self, path: Path) -> bool:
        try:
            info = check_file_source(self.spec, path)
        except InputRejected as exc:
            self.message.show_problem(rejected_text(exc))
            self._set_preview(None)
            return False
        if isinstance(info, ImageInfo):
            self.message.show_ok(self.tr("%1 image, %2 × %3 px").replace("%1", info.format)
                                 .replace("%2", str(info.width)).replace("%3", str(info.height)))
            self._set_preview(path)
        else:
            self.message.show_ok(self.tr("Ready to send"))
        return True

    def _set_preview(self, path: Path | None) -> None:
        if path is None or self.spec.kind is not SourceKind.IMAGE:
            self.preview.clear()
            self.preview.hide()
            return
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(QSize(PREVIEW_SIDE, PREVIEW_SIDE), Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            self.preview.hide()
            return
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.preview.show()

    def _mode_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.message.clear()
        self._set_preview(self._path if index == FILE else None)
        if index == FILE and self._path is not None:
            self._check_file(self._path)
        self.changed.emit()

    def _typed(self) -> None:
        self.message.clear()
        self._reuse_id = ""
        self.changed.emit()

    def _check_typed(self) -> None:
        typed = {URL: self.url, STORED_ID: self.stored_id}.get(self.mode.currentIndex())
        if typed is not None and typed.text().strip():
            self.source_or_show()

    # --- reuse of a stored upload ---------------------------------------------------------------

    def offer_reuse(self, stored_id: str | None) -> None:
        """After a call: the server's id for what was sent, to check again without uploading."""
        self._reuse_id = stored_id or ""
        self.reuse.setVisible(bool(stored_id) and self.mode.currentIndex() != STORED_ID)

    def _reuse(self) -> None:
        if self._reuse_id:
            self.use_stored_id(self._reuse_id)

    def use_stored_id(self, stored: str) -> None:
        """Check again on an earlier upload by the id the server returned for it (nothing is sent again)."""
        self.mode.setCurrentIndex(STORED_ID)
        self.stored_id.setText(stored)
        self._reuse_id = stored
        self.reuse.hide()
        self.message.show_ok(self.tr("The same upload, by the id the server returned: nothing is sent again."))
        self.changed.emit()

    # --- the value ------------------------------------------------------------------------------

    def source(self) -> Source:
        """The checked source; raises InputRejected (with the field's API name) if missing or wrong."""
        index = self.mode.currentIndex()
        if index == FILE:
            if self._path is None:
                raise InputRejected(self.spec.fields.file, "required")
            check_file_source(self.spec, self._path)
            return FileSource(self._path)
        if index == URL:
            return UrlSource(check_url(self.spec.fields.url, self.url.text()))
        return StoredIdSource(check_stored_id(self.spec.fields.stored_id, self.stored_id.text()))

    def source_or_show(self) -> Source | None:
        """The source, or None with the reason shown under the field."""
        try:
            source = self.source()
        except InputRejected as exc:
            self.message.show_problem(rejected_text(exc))
            return None
        if not isinstance(source, FileSource) and not self._reuse_id:
            self.message.show_ok(self.tr("Looks right"))
        return source

    def show_problem(self, text: str) -> None:
        self.message.show_problem(text)

    def focus_target(self) -> QWidget:
        """The control to start from: Browse for a file, else the text box."""
        return {FILE: self.browse, URL: self.url, STORED_ID: self.stored_id}[self.mode.currentIndex()]

    def focus_input(self) -> None:
        self.focus_target().setFocus()

    def has_source(self) -> bool:
        index = self.mode.currentIndex()
        if index == FILE:
            return self._path is not None
        return bool((self.url if index == URL else self.stored_id).text().strip())

    def clear(self) -> None:
        """Forget everything: file, preview, typed text, stored id and messages."""
        self._path = None
        self._reuse_id = ""
        self.url.setText("")  # not clear(): that keeps the undo history
        self.stored_id.setText("")
        self.mode.setCurrentIndex(FILE)
        self._set_preview(None)
        self._show_file_info()
        self.message.clear()
        self.reuse.hide()
        self._others = []
        self._show_others()
        if self.offer is not None:
            self.offer.clear()  # Next customer: the offer goes too (only newer captures come back)
        self.changed.emit()

    # --- the capture folder's offer, and drops of several files (issue 13) ------------------------

    def _use_offered(self, capture: Capture) -> None:
        """Use on the offer line: the field takes the file; nothing is sent (the clerk still presses Verify)."""
        self.set_path(capture.path)
        self.browse.setFocus()

    def _show_others(self) -> None:
        names = [path.name for path in self._others]
        if not names:
            self.others.clear()
            self.others.hide()
            return
        listed = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        text = (self.tr("1 other file: %1").replace("%1", listed) if len(names) == 1
                else self.tr("%1 other files: %2").replace("%1", str(len(names))).replace("%2", listed))
        self.others.setText(text)
        self.others.show()

    def take_newest(self, paths: list[Path]) -> bool:
        """A drop of a folder or of several files: the newest capture (or image, for a selfie) of them is
        taken, the others of its kind named under the field. False (the reason shown) if there is none."""
        files: list[Seen] = []
        for path in paths:
            if path.is_dir():
                files += look(path)  # its own files, not its subfolders'
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            files.append(Seen(path, stat.st_size, stat.st_mtime_ns))
        wanted = is_capture_name if self.spec.kind is SourceKind.LIVENESS else is_image_name
        found = sorted((f for f in files if wanted(f.path.name)), key=lambda f: f.key, reverse=True)
        if not found:
            self.message.show_problem(self.tr("No capture among the dropped files.")
                                      if self.spec.kind is SourceKind.LIVENESS
                                      else self.tr("No image among the dropped files."))
            return False
        return self.set_path(found[0].path, [f.path for f in found[1:]])

    # --- drag and drop --------------------------------------------------------------------------

    @staticmethod
    def _local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_files(event)
        if not paths:
            return
        event.acceptProposedAction()
        if len(paths) == 1 and not paths[0].is_dir():
            self.set_path(paths[0])
        else:  # a folder, or several files: the newest (issue 13)
            self.take_newest(paths)
        self.browse.setFocus()

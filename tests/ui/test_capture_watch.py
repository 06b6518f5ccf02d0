"""The newest capture appears by itself (issue 13): the capture folder watched, its newest complete capture
offered above the page's capture field, and a folder (or several files) dropped on the field.

Real files in the test's folder, the real window; the capture folder set as Settings sets it
(``apply_preferences``). Where a test must decide when the folder is looked at, it silences the watcher's
change events and timers (``hold_still``) and looks itself (``look_now``); others let it run as it does at
the counter. "The sandbox received nothing" is shown by a fault left pending (as in test_cases.py).
"""

from __future__ import annotations

import dataclasses
import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

import app.ui.capture_watch as capture_watch
from app.sandbox.faults import Fault
from app.ui.capture_watch import CaptureWatcher
from app.ui.widgets.source_field import SourceField
from tests.ui.helpers import open_page

ID_PAGE, SELFIE_PAGE, HACK_PAGE = 0, 1, 2
WAIT_MS = 10_000
NEVER_MS = 10**8


# --- the folder, the watcher ------------------------------------------------------------------------


def set_capture_folder(qtbot: Any, window: Any, folder: Path | str) -> CaptureWatcher:
    """What Settings → General does with the capture folder; waits for the watcher's first look."""
    watcher: CaptureWatcher = window.captures
    if str(folder):
        with qtbot.waitSignal(watcher.looked, timeout=WAIT_MS):
            window.apply_preferences(dataclasses.replace(window.preferences, capture_folder=str(folder)))
    else:
        window.apply_preferences(dataclasses.replace(window.preferences, capture_folder=""))
    return watcher


def hold_still(watcher: CaptureWatcher) -> None:
    """No change event and no timer looks at the folder any more: only ``look_now`` does."""
    watcher.fs.blockSignals(True)
    watcher._poll.setInterval(NEVER_MS)
    watcher._soon.setInterval(NEVER_MS)
    watcher._poll.start()
    watcher._soon.stop()


def look_now(qtbot: Any, watcher: CaptureWatcher) -> None:
    with qtbot.waitSignal(watcher.looked, timeout=WAIT_MS):
        watcher.poll()


def write(path: Path, data: bytes, age_s: float = 0.0) -> Path:
    path.write_bytes(data)
    if age_s:
        when = time.time() - age_s
        os.utime(path, (when, when))
    return path


def nothing_reaches_the_sandbox(sandbox: Any) -> None:
    """Leave a fault pending: any call that reaches the sandbox takes it (the count goes down)."""
    sandbox.clear_faults()
    sandbox.inject(Fault(code="9999"))


def calls_in_history(calls: Any) -> int:
    return calls.inner.history.count()


def offer_of(field: SourceField) -> Any:
    assert field.offer is not None, "a liveness field has an offer line"
    return field.offer


def shown(field: SourceField) -> bool:
    return not offer_of(field).isHidden()


def drop_paths(field: SourceField, paths: list[Path]) -> None:
    """Drag files or folders from the file manager over the field and drop them there."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    where, action = QPoint(10, 10), Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, action, mime, buttons, modifiers)
    QApplication.sendEvent(field, enter)
    assert enter.isAccepted(), "the field refused the drag"
    QApplication.sendEvent(field, QDropEvent(QPointF(where), action, mime, buttons, modifiers))


# --- the tests --------------------------------------------------------------------------------------


def test_no_capture_folder_no_offer_line_and_nothing_watched(window: Any) -> None:
    page = open_page(window, ID_PAGE)
    assert window.preferences.capture_folder == ""
    assert not window.captures.active and window.captures.fs.directories() == []
    assert not shown(page.liveness)


def test_a_capture_still_being_written_is_offered_only_once_its_size_stops_changing(
        qtbot: Any, window: Any, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[tuple[str, bool]] = []
    monkeypatch.setattr(capture_watch, "announce", lambda _widget, text, urgent: said.append((text, urgent)))
    page = open_page(window, ID_PAGE)
    watcher = set_capture_folder(qtbot, window, tmp_path)
    assert watcher.fs.directories() == [str(tmp_path)]
    hold_still(watcher)
    data = (samples / "zhang-san.lfs").read_bytes()
    capture = write(tmp_path / "capture-0932.lfs", data[: len(data) // 3])
    look_now(qtbot, watcher)  # first seen
    assert not shown(page.liveness)
    with capture.open("ab") as stream:  # the transfer goes on writing it
        stream.write(data[len(data) // 3:])
    look_now(qtbot, watcher)  # bigger than at the last look: still being written
    assert not shown(page.liveness) and watcher.current is None
    look_now(qtbot, watcher)  # the same size twice: complete
    assert shown(page.liveness)
    offer = offer_of(page.liveness)
    assert re.fullmatch(r"New capture: capture-0932\.lfs, \d s ago —", offer.text.text())
    assert offer.use.text() == "Use"
    assert offer.use.accessibleName() == "Use the new capture capture-0932.lfs"
    assert said == [(offer.text.text(), False)]  # told politely, once (the other pages are not on screen)
    assert not page.liveness.has_source()  # offered, not taken


def test_the_newest_complete_capture_wins_and_use_fills_the_fields_sending_nothing(
        qtbot: Any, window: Any, samples: Path, tmp_path: Path, sandbox: Any, calls: Any) -> None:
    nothing_reaches_the_sandbox(sandbox)
    before = calls_in_history(calls)
    lfs = (samples / "zhang-san.lfs").read_bytes()
    write(tmp_path / "capture-0901.lfs", lfs, age_s=600)
    write(tmp_path / "capture-0915.lfs", lfs, age_s=300)
    write(tmp_path / "capture-0932.lfs", lfs, age_s=2)
    write(tmp_path / "capture-0932.jpg", (samples / "zhang-san-selfie.jpg").read_bytes(), age_s=2)
    write(tmp_path / "capture-0933.lfs.part", lfs[:100])  # a transfer not finished: never a capture
    write(tmp_path / ".hidden.lfs", lfs)
    write(tmp_path / "manifest.json", b"{}")  # newer than the capture, and no capture
    (tmp_path / "older-folder").mkdir()

    page = open_page(window, SELFIE_PAGE)
    set_capture_folder(qtbot, window, tmp_path)  # as the watcher runs at the counter: events and timers
    qtbot.waitUntil(lambda: shown(page.liveness), timeout=WAIT_MS)
    offer = offer_of(page.liveness)
    assert re.fullmatch(r"New capture: capture-0932\.lfs, [2-9] s ago —", offer.text.text())
    first = offer.text.text()
    qtbot.waitUntil(lambda: offer.text.text() != first, timeout=3000)  # the age goes on

    qtbot.mouseClick(offer.use, Qt.MouseButton.LeftButton)
    assert page.liveness.file_info.text().startswith("capture-0932.lfs")
    assert page.selfie.file_info.text().startswith("capture-0932.jpg")  # the selfie of the same drop
    assert not shown(page.liveness)
    assert not page.busy and page.consent_step.isHidden()
    qtbot.wait(300)
    assert sandbox.pending_faults() == 1, "Use sent something"
    assert calls_in_history(calls) == before


def test_a_capture_older_than_the_one_used_is_not_offered_again(
        qtbot: Any, window: Any, samples: Path, tmp_path: Path, sandbox: Any) -> None:
    nothing_reaches_the_sandbox(sandbox)
    lfs = (samples / "li-si.lfs").read_bytes()
    older = write(tmp_path / "capture-1010.lfs", lfs, age_s=120)
    newer = write(tmp_path / "capture-1020.lfs", lfs, age_s=30)
    page = open_page(window, ID_PAGE)
    watcher = set_capture_folder(qtbot, window, tmp_path)
    hold_still(watcher)
    look_now(qtbot, watcher)
    assert offer_of(page.liveness).text.text().startswith("New capture: capture-1020.lfs")
    qtbot.mouseClick(offer_of(page.liveness).use, Qt.MouseButton.LeftButton)
    assert page.liveness.has_source() and not shown(page.liveness)

    newer.unlink()  # moved away: the newest file left is older than the one used
    for _ in range(2):
        look_now(qtbot, watcher)
    assert not shown(page.liveness)
    os.utime(older, (time.time() - 60, time.time() - 60))  # still older than the one used
    for _ in range(2):
        look_now(qtbot, watcher)
    assert not shown(page.liveness)
    dropped = write(tmp_path.parent / f"{tmp_path.name}-elsewhere.lfs", lfs, age_s=5)
    drop_paths(page.liveness, [dropped])  # taken by a drop: what is older than it is not offered either
    os.utime(older, (time.time() - 10, time.time() - 10))
    for _ in range(2):
        look_now(qtbot, watcher)
    assert not shown(page.liveness)
    assert sandbox.pending_faults() == 1


def test_next_customer_takes_the_offer_away_and_only_a_newer_capture_brings_it_back(
        qtbot: Any, window: Any, samples: Path, tmp_path: Path) -> None:
    lfs = (samples / "zhang-san.lfs").read_bytes()
    write(tmp_path / "capture-0932.lfs", lfs, age_s=20)
    page = open_page(window, ID_PAGE)
    watcher = set_capture_folder(qtbot, window, tmp_path)
    hold_still(watcher)
    look_now(qtbot, watcher)
    assert shown(page.liveness)

    qtbot.keyClick(page.liveness.browse, Qt.Key.Key_Escape)  # Next customer
    assert not shown(page.liveness)
    for _ in range(2):
        look_now(qtbot, watcher)
    assert not shown(page.liveness)
    hack = open_page(window, HACK_PAGE)  # a page built after: not the last customer's capture either
    assert not shown(hack.liveness)

    write(tmp_path / "capture-0940.lfs", lfs, age_s=1)  # the next customer's capture
    for _ in range(2):
        look_now(qtbot, watcher)
    assert offer_of(hack.liveness).text.text().startswith("New capture: capture-0940.lfs")
    assert offer_of(page.liveness).text.text().startswith("New capture: capture-0940.lfs")

    set_capture_folder(qtbot, window, "")  # Settings: no capture folder any more
    assert not shown(page.liveness) and not shown(hack.liveness)
    assert not watcher.active and watcher.fs.directories() == []


def test_the_poll_finds_a_capture_the_watcher_is_not_told_of(
        qtbot: Any, window: Any, samples: Path, tmp_path: Path) -> None:
    page = open_page(window, ID_PAGE)
    watcher = set_capture_folder(qtbot, window, tmp_path)
    watcher.fs.blockSignals(True)  # a network share: no change events ever come
    write(tmp_path / "capture-1100.lfs", (samples / "wang-wu.lfs").read_bytes(), age_s=3)
    qtbot.waitUntil(lambda: shown(page.liveness), timeout=WAIT_MS)  # the 2 s poll, then its second look
    assert offer_of(page.liveness).text.text().startswith("New capture: capture-1100.lfs")


def test_a_dropped_folder_or_several_files_take_the_newest_capture_and_name_the_others(
        qtbot: Any, window: Any, samples: Path, tmp_path: Path, sandbox: Any) -> None:
    nothing_reaches_the_sandbox(sandbox)
    lfs = (samples / "zhang-san.lfs").read_bytes()
    folder = tmp_path / "from-branch"
    folder.mkdir()
    a = write(folder / "a.lfs", lfs, age_s=400)
    b = write(folder / "b.lfs", lfs, age_s=300)
    write(folder / "c.lfs", lfs, age_s=200)
    write(folder / "d.lfs", lfs, age_s=100)
    write(folder / "e.lfs", lfs, age_s=50)
    write(folder / "photo.jpg", (samples / "zhang-san-selfie.jpg").read_bytes(), age_s=1)
    write(folder / "f.lfs.part", lfs[:10], age_s=1)
    write(folder / "Thumbs.db", b"x", age_s=1)
    (folder / "sub").mkdir()
    write(folder / "sub" / "newest-but-in-a-subfolder.lfs", lfs, age_s=1)

    page = open_page(window, SELFIE_PAGE)
    drop_paths(page.liveness, [folder])
    assert page.liveness.file_info.text().startswith("e.lfs")
    assert page.liveness.others.text() == "4 other files: d.lfs, c.lfs, b.lfs, …"
    assert page.liveness.message.words == "Ready to send"
    drop_paths(page.selfie, [folder])  # a selfie field takes the image
    assert page.selfie.file_info.text().startswith("photo.jpg") and page.selfie.others.isHidden()

    drop_paths(page.liveness, [a, b])
    assert page.liveness.file_info.text().startswith("b.lfs")
    assert page.liveness.others.text() == "1 other file: a.lfs"
    drop_paths(page.liveness, [b])  # one file: that one, nothing listed
    assert page.liveness.others.isHidden()
    empty = tmp_path / "empty"
    empty.mkdir()
    drop_paths(page.liveness, [empty])
    assert page.liveness.message.words == "No capture among the dropped files."

    drop_paths(page.liveness, [folder])
    qtbot.keyClick(page.liveness.browse, Qt.Key.Key_Escape)  # Next customer: the list goes with the file
    assert page.liveness.others.isHidden() and not page.liveness.has_source()
    assert sandbox.pending_faults() == 1


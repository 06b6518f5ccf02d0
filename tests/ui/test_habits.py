"""A busy clerk's habits must not bill twice or leave a customer behind (issue 11).

Each test drives the window as she does (real keys, the clipboard and Ctrl+V, the input method, Esc in
the middle of a call, the idle timeout, Qt's own file dialog) and checks what she sees and what was
billed: the History rows of the session's runtime, written before each call is sent.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget

import app.ui.pages.base as base
from app.core.errors import Billing
from app.core.history import Filter
from app.core.interpret import Verdict
from app.core.masking import mask_id_number
from app.i18n import CHINESE
from app.sandbox.faults import Fault
from app.sandbox.people import LI_SI, ZHANG_SAN
from app.ui.folders import StartFolders
from app.ui.qt_settings import QT_SETTINGS_FILE
from app.ui.widgets.source_field import STORED_ID
from tests.ui.helpers import banner, consent_if_asked, drop_file, open_page, press_enter_and_wait, type_text, wait_done

ROOT = Path(__file__).resolve().parents[2]
ID_PAGE, HACK_PAGE, HISTORY_PAGE = 0, 2, 5
YES, NO = QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.NoRole
CUSTOMER_FOLDER = "kh-20261101-张三"  # a capture app may name a folder after its customer
CUSTOMER_TOKEN = "kh-20261101"  # how that folder shows in QtProject.conf, whatever the encoding of the name
ASKED = "This customer was checked {} ago; checking again is billed again."


class Clock:
    """Stands in for the page's ``time`` module: the clerk's 40 seconds pass at once."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


# --- steps and looks --------------------------------------------------------------------------------


def id_rows(calls: Any, billing: Billing | None = None) -> int:
    """ID-call rows in History (each written before its call is sent): what was sent, or billed."""
    history = calls.inner.history
    assert history is not None
    return int(history.count(Filter(endpoint="idnumber", billing=billing)))


def newest_id_row(calls: Any) -> Any:
    return calls.inner.history.query(Filter(endpoint="idnumber"), 1)[0]


def decide(qtbot: Any, window: Any, samples: Path, name: str = ZHANG_SAN.name) -> Any:
    """A decision on the ID page: the capture dropped in, name and number typed, Enter."""
    page = open_page(window, ID_PAGE)
    drop_file(page.liveness, samples / "zhang-san.lfs")
    type_text(qtbot, page.name, name)
    type_text(qtbot, page.id_number, ZHANG_SAN.id_number)
    press_enter_and_wait(qtbot, page, page.id_number)
    return page


def question(page: Any) -> QMessageBox | None:
    boxes = [box for box in page.findChildren(QMessageBox) if box.isVisible()]
    return boxes[0] if boxes else None


def button(box: QMessageBox, role: QMessageBox.ButtonRole) -> Any:
    return next(candidate for candidate in box.buttons() if box.buttonRole(candidate) == role)


def wait_question(qtbot: Any, page: Any) -> QMessageBox:
    """The question, once in front (the active window), its No button holding the focus."""
    qtbot.waitUntil(lambda: question(page) is not None and question(page).isActiveWindow(), timeout=3000)
    box = question(page)
    assert box is not None and QApplication.focusWidget() is button(box, NO)
    return box


def fill(field: QWidget) -> QColor:
    """The colour the field is painted in, right of its text: what tells the clerk it is locked or not."""
    image = field.grab().toImage()
    return image.pixelColor(image.width() - 8, image.height() // 2)


def status(window: Any) -> str:
    return str(window.statusBar().currentMessage())


def billed_today(window: Any) -> int:
    found = re.match(r"Billed today (\d+)", window.top_bar.counters.text())
    assert found, window.top_bar.counters.text()
    return int(found.group(1))


def in_file_dialog(qtbot: Any, window: Any, open_it: Callable[[], None], then: Callable[[QFileDialog], None]) -> Path:
    """Open a file dialog with ``open_it`` (it runs modally) and answer it with ``then``; returns the folder
    it opened in. The window is in front again afterwards (a window manager does that; offscreen, the test)."""
    opened: list[Path] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, answer)
            return
        opened.append(Path(dialog.directory().absolutePath()))
        then(dialog)

    QTimer.singleShot(50, answer)
    open_it()
    assert opened, "no file dialog opened"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return opened[0]


def choose_file(path: Path) -> Callable[[QFileDialog], None]:
    """Go to the file's folder, type its name, Open."""
    def choose(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(path.parent))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(path.name)
        dialog.accept()
    return choose


def choose_folder(folder: Path) -> Callable[[QFileDialog], None]:
    def choose(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder))
        dialog.accept()
    return choose


def cancel(dialog: QFileDialog) -> None:
    dialog.reject()


# --- 1. a second Enter does not re-send -------------------------------------------------------------


def test_a_reflex_enter_after_a_decision_sends_nothing_and_a_deliberate_check_asks_first(
        qtbot: Any, window: Any, samples: Path, calls: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    monkeypatch.setattr(base, "time", clock)
    page = decide(qtbot, window, samples)
    assert banner(page)[0] == "Same person" and page.name.masked and page.id_number.masked
    sent, billed = id_rows(calls), id_rows(calls, Billing.BILLED)
    first_request_id = page.result.detail_text("request_id")

    clock.now += 40
    qtbot.keyClick(page.name, Qt.Key.Key_Return)  # Enter again, in the masked name
    box = wait_question(qtbot, page)
    assert box.text() == ASKED.format("40 s")
    assert box.defaultButton() is button(box, NO) and button(box, YES).text() == "Check again (billed)"
    qtbot.keyClick(box, Qt.Key.Key_Return)  # and again, by reflex: the default is No
    qtbot.waitUntil(lambda: question(page) is None)
    assert status(window) == "Not checked again: nothing was sent."

    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)  # Verify asks too
    qtbot.keyClick(wait_question(qtbot, page), Qt.Key.Key_Escape)  # Esc answers No, and clears nobody
    qtbot.waitUntil(lambda: question(page) is None)
    qtbot.wait(300)  # a call's row is written before it is sent: any would show by now
    assert id_rows(calls) == sent and len(calls.outcomes) == 1
    assert page.name.masked and banner(page)[0] == "Same person"
    assert page.result.detail_text("request_id") == first_request_id

    clock.now += 100
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    box = wait_question(qtbot, page)
    assert box.text() == ASKED.format("2 min")
    qtbot.mouseClick(button(box, YES), Qt.MouseButton.LeftButton)  # she means it: billed again
    qtbot.waitUntil(lambda: not page.busy and page.result.detail_text("request_id") not in (None, first_request_id),
                    timeout=15_000)
    assert banner(page)[0] == "Same person"
    assert id_rows(calls) == sent + 1 and id_rows(calls, Billing.BILLED) == billed + 1


def test_the_question_speaks_chinese_and_the_idle_timeout_takes_it_away(qtbot: Any, window: Any, samples: Path,
                                                                          calls: Any) -> None:
    page = decide(qtbot, window, samples)
    sent = id_rows(calls)
    window.set_language(CHINESE, remember=False)
    qtbot.keyClick(page.id_number, Qt.Key.Key_Enter)  # the keypad's Enter
    box = wait_question(qtbot, page)
    assert re.fullmatch(r"该客户 \d+ 秒前已核验过；再次核验将再次计费。", box.text()), box.text()
    assert (button(box, YES).text(), button(box, NO).text()) == ("再次核验（计费）", "不核验")
    assert page.checked_ago(130) == "该客户 2 分钟前已核验过；再次核验将再次计费。"

    window.idle.set_timeout(0.3)  # she walked away with the question on screen
    qtbot.waitUntil(lambda: question(page) is None and not page.name.text(), timeout=3000)
    assert status(window) == "2 分钟无操作，已自动清空。"  # the setting says 2 minutes; the test waited less
    assert id_rows(calls) == sent


# --- 2. masked fields unlock on edit ----------------------------------------------------------------


def test_a_pasted_correction_unlocks_the_masked_name_and_enter_sends_it(qtbot: Any, window: Any, samples: Path,
                                                                       calls: Any) -> None:
    page = decide(qtbot, window, samples, name=LI_SI.name)  # 李四 with 张三's ID number
    assert banner(page)[0] == "Name and ID number do not match"
    assert page.name.text() == "李*" and page.name.isReadOnly()
    locked, window_colour = fill(page.name), page.name.palette().color(QPalette.ColorRole.Window)
    assert locked == window_colour  # painted like the window, not like a text box
    sent = id_rows(calls)

    QGuiApplication.clipboard().setText(ZHANG_SAN.name)  # the corrected name, copied from elsewhere
    qtbot.mouseClick(page.name, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert page.name.text() == ZHANG_SAN.name and not page.name.masked and not page.name.isReadOnly()
    assert fill(page.name) == page.name.palette().color(QPalette.ColorRole.Base) != locked  # editable again
    assert page.id_number.masked  # the number was right: still masked, still sent as it was typed

    qtbot.keyClick(page.name, Qt.Key.Key_Return)  # changed inputs: sent at once, no question
    qtbot.waitUntil(lambda: not page.busy and banner(page)[0] == "Same person", timeout=15_000)
    assert question(page) is None
    assert id_rows(calls) == sent + 1
    row = newest_id_row(calls)
    assert (row.name_masked, row.id_masked, row.verdict) == ("张*", mask_id_number(ZHANG_SAN.id_number),
                                                             Verdict.SAME_PERSON.value)


@pytest.mark.parametrize("edit", ["select all", "backspace", "delete", "type over"])
def test_each_edit_of_the_masked_number_starts_it_afresh_and_counts_as_changed(
        qtbot: Any, window: Any, samples: Path, calls: Any, edit: str) -> None:
    page = decide(qtbot, window, samples)
    field, sent = page.id_number, id_rows(calls)
    field.setFocus()
    if edit == "select all":
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    elif edit == "backspace":
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
    elif edit == "delete":
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    else:
        qtbot.keyClicks(field, ZHANG_SAN.id_number[0])
    assert field.text() == ("" if edit != "type over" else ZHANG_SAN.id_number[0])  # no masked text left
    assert not field.masked and not field.isReadOnly() and field.toolTip() == ""
    qtbot.keyClicks(field, ZHANG_SAN.id_number[len(field.text()):])
    assert field.text() == ZHANG_SAN.id_number
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: id_rows(calls) == sent + 1 and not page.busy and banner(page)[0] == "Same person",
                    timeout=15_000)
    assert question(page) is None


def test_chinese_typed_into_the_masked_name_replaces_it(qtbot: Any, window: Any, samples: Path, calls: Any) -> None:
    page = decide(qtbot, window, samples, name=LI_SI.name)
    assert page.name.inputMethodQuery(Qt.InputMethodQuery.ImEnabled)  # the input method stays on while locked
    sent = id_rows(calls)
    type_text(qtbot, page.name, ZHANG_SAN.name)  # the input method's commits, one character at a time
    assert page.name.text() == ZHANG_SAN.name and not page.name.masked
    press_enter_and_wait(qtbot, page, page.name)
    assert banner(page)[0] == "Same person" and id_rows(calls) == sent + 1 and question(page) is None


@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")
def test_a_right_click_on_the_masked_name_offers_paste(qtbot: Any, window: Any, samples: Path) -> None:
    page = decide(qtbot, window, samples, name=LI_SI.name)
    QGuiApplication.clipboard().setText(ZHANG_SAN.name)
    offered: list[bool] = []

    def in_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None
        paste = next(action for action in menu.actions() if action.objectName() == "edit-paste")
        offered.append(paste.isEnabled())
        paste.trigger()
        menu.close()

    QTimer.singleShot(200, in_menu)
    where = QPoint(5, page.name.height() // 2)
    QApplication.sendEvent(page.name, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where,
                                                        page.name.mapToGlobal(where)))
    qtbot.waitUntil(lambda: bool(offered))
    assert offered == [True]
    assert page.name.text() == ZHANG_SAN.name and not page.name.masked


# --- 3. Esc during a call, and Cancel ---------------------------------------------------------------


def test_esc_during_a_call_says_what_happens_and_the_late_answer_shows_in_history_and_counters_at_once(
        qtbot: Any, window: Any, samples: Path, calls: Any, sandbox: Any) -> None:
    page = open_page(window, ID_PAGE)
    qtbot.waitUntil(lambda: window.top_bar.counters.isVisible())
    today = billed_today(window)
    sandbox.inject(Fault(delay=2.0))
    drop_file(page.liveness, samples / "zhang-san.lfs")
    type_text(qtbot, page.name, ZHANG_SAN.name)
    type_text(qtbot, page.id_number, ZHANG_SAN.id_number)
    qtbot.keyClick(page.id_number, Qt.Key.Key_Return)
    consent_if_asked(qtbot, page)  # a new customer: her consent first
    qtbot.waitUntil(lambda: page.progress_text.text().startswith("Sent. Waiting for the server…"), timeout=5000)
    assert "its answer will be recorded in History" in page.progress_text.text()

    qtbot.keyClick(page.id_number, Qt.Key.Key_Escape)  # the next customer steps up
    assert status(window) == ("Cleared. Ready for the next customer. The check already sent may still be billed; "
                              "its answer will be recorded in History.")
    assert not page.busy and page.id_number.text() == "" and not page.result.banner.isVisibleTo(page.result)

    qtbot.keyClick(page.id_number, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # to History
    history = window.history_page
    qtbot.waitUntil(lambda: not history.loading and bool(history.model.rows))
    outcome = history.model.index(0, 3)
    assert history.model.data(outcome) == "No answer recorded"  # sent, not answered yet
    qtbot.waitUntil(lambda: history.model.data(history.model.index(0, 3)) == "Same person", timeout=10_000)
    assert history.model.data(history.model.index(0, 4)) == "Yes"  # billed
    qtbot.waitUntil(lambda: billed_today(window) == today + 1, timeout=3000)  # no restart needed
    assert status(window) == "The check you stopped waiting for was answered; its result is in History."
    assert not window.page(ID_PAGE).result.banner.isVisibleTo(window.page(ID_PAGE).result)  # never on the page


def test_cancel_while_waiting_keeps_the_late_answer_and_asks_before_a_second_check(
        qtbot: Any, window: Any, samples: Path, calls: Any, sandbox: Any) -> None:
    page = open_page(window, ID_PAGE)
    qtbot.waitUntil(lambda: window.top_bar.counters.isVisible())
    today = billed_today(window)
    sandbox.inject(Fault(delay=1.0))
    drop_file(page.liveness, samples / "zhang-san.lfs")
    type_text(qtbot, page.name, ZHANG_SAN.name)
    type_text(qtbot, page.id_number, ZHANG_SAN.id_number)
    qtbot.keyClick(page.id_number, Qt.Key.Key_Return)
    consent_if_asked(qtbot, page)  # a new customer: her consent first
    qtbot.waitUntil(lambda: page.progress_text.text().startswith("Sent. Waiting for the server…"), timeout=5000)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert banner(page) == ("Cancelled", "The file had already been sent, so the server may still check (and bill) "
                                         "this call; its answer will be recorded in History, not shown here.")
    assert page.result.detail_text("billed").startswith("Unknown: the call may have been billed")

    qtbot.waitUntil(lambda: len(calls.outcomes) == 1, timeout=10_000)  # answered after all
    qtbot.waitUntil(lambda: billed_today(window) == today + 1, timeout=3000)
    assert status(window) == "The check you stopped waiting for was answered; its result is in History."
    assert newest_id_row(calls).verdict == Verdict.SAME_PERSON.value
    assert banner(page)[0] == "Cancelled"  # the page keeps saying what it said

    sent = id_rows(calls)
    qtbot.mouseClick(page.id_number, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.id_number, Qt.Key.Key_Return)  # the same customer again: maybe billed, so ask
    qtbot.keyClick(wait_question(qtbot, page), Qt.Key.Key_Return)
    qtbot.wait(300)
    assert id_rows(calls) == sent


# --- 4. waiting shows the seconds -------------------------------------------------------------------


def test_waiting_shows_the_seconds_elapsed_each_second_in_both_languages(qtbot: Any, window: Any, samples: Path,
                                                                          sandbox: Any) -> None:
    page = open_page(window, HACK_PAGE)
    sandbox.inject(Fault(delay=3.0))
    drop_file(page.liveness, samples / "li-si.lfs")
    qtbot.keyClick(page.liveness.browse, Qt.Key.Key_Return)
    consent_if_asked(qtbot, page)  # a new customer: her consent first
    for seconds in (1, 2):
        qtbot.waitUntil(lambda s=seconds: page.progress_text.text().startswith(
            f"Sent. Waiting for the server… {s} s\n"), timeout=2500)
    window.set_language(CHINESE, remember=False)
    qtbot.waitUntil(lambda: re.match(r"已发送，正在等待服务器… [23] 秒\n此时取消", page.progress_text.text()))
    wait_done(qtbot, page)
    assert not page.busy_box.isVisible()


# --- 5. next customer and the idle timeout clear everything -----------------------------------------


@pytest.mark.parametrize("how", ["esc", "idle"])
def test_next_customer_and_the_idle_timeout_clear_history_s_search_and_the_fields_undo(
        qtbot: Any, window: Any, samples: Path, how: str) -> None:
    page = decide(qtbot, window, samples)
    hack = open_page(window, HACK_PAGE)  # a call without an ID number, to tell a searched list from a full one
    drop_file(hack.liveness, samples / "li-si.lfs")
    press_enter_and_wait(qtbot, hack, hack.liveness.browse)
    page = open_page(window, ID_PAGE)
    type_text(qtbot, page.id_number, LI_SI.id_number)  # typed over the masked number, not checked
    page.liveness.mode.setCurrentIndex(STORED_ID)
    type_text(qtbot, page.liveness.stored_id, "liveness-id-of-the-customer")

    qtbot.keyClick(page.id_number, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    history = window.history_page
    type_text(qtbot, history.search, ZHANG_SAN.id_number)  # a full ID number, to find the customer's calls
    qtbot.keyClick(history.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not history.loading and bool(history.model.rows))
    assert {row.id_masked for row in history.model.rows} == {mask_id_number(ZHANG_SAN.id_number)}
    first = history.table.visualRect(history.model.index(0, 0)).center()
    qtbot.mouseClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert history.request_id.value.text().startswith("SANDBOX-") and history.raw.toPlainText()

    if how == "esc":
        qtbot.keyClick(history.search, Qt.Key.Key_Escape)
    else:
        window.idle.set_timeout(0.3)
        qtbot.waitUntil(lambda: status(window).startswith("Cleared after"), timeout=3000)
    assert history.search.text() == ""
    qtbot.keyClick(history.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo brings nothing back
    assert history.search.text() == ""
    assert history.request_id.value.text() == "" and history.raw.toPlainText() == ""
    assert not history.table.currentIndex().isValid()
    qtbot.waitUntil(lambda: not history.loading and history.model.rows[0].id_masked is None)  # unsearched again

    for field in (page.id_number, page.name, page.liveness.stored_id):
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert field.text() == ""


# --- 6 and 7. file dialogs, and Qt's own record of them ---------------------------------------------


def test_file_dialogs_open_in_the_capture_folder_else_the_last_one_never_the_working_directory(
        qtbot: Any, window: Any, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        qt_settings: Path) -> None:
    from app.ui.settings_dialog import SettingsDialog

    working = tmp_path / "installed-here"
    working.mkdir()
    monkeypatch.chdir(working)  # what Qt opens when it is given no folder
    captures = tmp_path / "captures"
    customer = captures / CUSTOMER_FOLDER
    customer.mkdir(parents=True)
    capture = customer / "capture.lfs"
    capture.write_bytes((samples / "zhang-san.lfs").read_bytes())
    qtbot.keyClick(window.current_page.liveness.browse, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    history = window.history_page
    assert in_file_dialog(qtbot, window, history.export.click, cancel) == Path.home()  # nothing chosen yet: home

    dialog = SettingsDialog(window.preferences, window.profiles, window.secrets, window, folders=window.folders)
    qtbot.addWidget(dialog)
    folder_input = dialog.inputs["capture_folder"]
    assert folder_input.label.text() == "Capture folder" and folder_input.label.buddy() is folder_input.editor
    browse = dialog.browse_buttons["capture_folder"]
    assert in_file_dialog(qtbot, window, browse.click, choose_folder(captures)) == Path.home()
    assert folder_input.editor.text() == str(captures)
    dialog.accept()
    window.apply_preferences(dialog.preferences)

    page = open_page(window, ID_PAGE)
    assert in_file_dialog(qtbot, window, page.liveness.browse.click, choose_file(capture)) == captures
    assert page.liveness.file_info.text().startswith("capture.lfs")
    conf = qt_settings / QT_SETTINGS_FILE
    assert CUSTOMER_TOKEN in conf.read_text(encoding="utf-8")  # Qt's dialog wrote its history here…
    qtbot.keyClick(page.liveness.browse, Qt.Key.Key_Escape)
    assert not page.liveness.has_source()
    assert CUSTOMER_TOKEN not in conf.read_text(encoding="utf-8")  # …and the next customer does not see it

    window.apply_preferences(dataclasses.replace(window.preferences, capture_folder=""))
    assert in_file_dialog(qtbot, window, page.liveness.browse.click, cancel) == customer  # the folder used last
    qtbot.keyClick(page.liveness.browse, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert in_file_dialog(qtbot, window, history.export.click, cancel) == customer
    assert StartFolders(lambda: "relative/folder").start(True) == Path.home()  # never resolved against the cwd


def test_a_real_start_keeps_qt_s_dialog_history_in_the_app_s_folder_and_next_customer_forgets_it(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    capture = tmp_path / "captures" / CUSTOMER_FOLDER / "capture.lfs"
    capture.parent.mkdir(parents=True)
    capture.write_bytes(b"LFS")
    environ = {key: value for key, value in os.environ.items() if key != "LINKFACE_DESK_HOME"}
    environ.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
                   XDG_CACHE_HOME=str(home / ".cache"), XDG_STATE_HOME=str(home / ".local/state"),
                   QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "tests.ui.dialog_probe", str(capture)], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["opened_in"] == str(home)  # not the working directory (the repository here)
    assert found["chosen"] == "capture.lfs"
    ours = ".config/LinkFaceDesk/qt/QtProject.conf"
    chosen, after = found["after_choice"], found["after_next_customer"]
    assert [path for path in chosen if "QtProject" in path] == [ours]  # not ~/.config/QtProject.conf
    assert all("LinkFaceDesk" in Path(path).parts for path in chosen), chosen  # nothing outside the app's folders
    assert CUSTOMER_TOKEN in chosen[ours] and "lastVisited" in chosen[ours]
    assert CUSTOMER_TOKEN not in after[ours] and "history=" not in after[ours] and "lastVisited" not in after[ours]
    assert ".config/LinkFaceDesk/ui.ini" in after  # the preferences keep their own file, whatever Qt's default
    for private_file in (ours, ".config/LinkFaceDesk/ui.ini"):
        assert (home / private_file).stat().st_mode & 0o777 == 0o600, private_file
    assert (home / ".config/LinkFaceDesk").stat().st_mode & 0o777 == 0o700

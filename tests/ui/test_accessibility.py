"""Every screen through Qt's own accessibility interfaces (offscreen, fast): what a screen reader is
given to read. The same rules as the real-bus audit (tests/ui/test_screen_reader.py): no unnamed
control, combo boxes named by a buddy label, gauges with a value, no decoration in names, no
English in the Chinese window, and the same tree in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from app.i18n import CHINESE, ENGLISH
from app.sandbox.people import ZHANG_SAN
from app.ui.widgets.copy_field import CopyField
from tests.ui.a11y_rules import Node, differences, problems, shown
from tests.ui.helpers import wait_done

BRANCH_SCREEN = (1366, 768)
Role = QAccessible.Role
ROLES = {
    Role.PushButton: "button", Role.ToolBar: "panel", Role.CheckBox: "check", Role.RadioButton: "radio",
    Role.ComboBox: "combo", Role.EditableText: "text", Role.SpinBox: "spin", Role.Slider: "slider",
    Role.List: "list", Role.ListItem: "item", Role.Table: "table", Role.Tree: "table", Role.PageTab: "tab",
    Role.PageTabList: "tabs", Role.ProgressBar: "progress", Role.StaticText: "label", Role.Client: "filler",
    Role.Grouping: "panel", Role.Pane: "pane", Role.Window: "frame", Role.Dialog: "frame", Role.StatusBar: "panel",
    Role.ScrollBar: "scrollbar", Role.Graphic: "image", Role.Cell: "item", Role.ColumnHeader: "header",
    Role.RowHeader: "header", Role.Separator: "separator", Role.Indicator: "indicator",
}


def walk(interface: QAccessibleInterface) -> Node:
    state = interface.state()
    value = interface.valueInterface()
    labelled_by = [other.text(QAccessible.Text.Name) for other, relation in interface.relations()
                   if relation & QAccessible.RelationFlag.Label]
    return {
        "role": ROLES.get(interface.role(), str(interface.role())),
        "name": interface.text(QAccessible.Text.Name) or "",
        "description": interface.text(QAccessible.Text.Description) or "",
        "focusable": bool(state.focusable), "showing": not state.invisible,
        "labelled_by": labelled_by,
        "value": None if value is None or value.currentValue() is None else float(value.currentValue()),
        "children": [walk(child) for index in range(interface.childCount())
                     if (child := interface.child(index)) is not None],
    }


def read(widget: QWidget) -> Node:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return walk(interface)


def both_languages(window: Any, qtbot: Any, arrange: Any, data_words: frozenset[str] = frozenset()) -> dict[str, Node]:
    """The window in English and in Chinese after ``arrange`` (which returns the widget to read); fails
    on every rule broken; ``data_words`` are on screen as data (a file's name), in any language."""
    trees: dict[str, Node] = {}
    # A branch PC's screen, as the real-bus audit has: in the offscreen platform's smaller window the
    # longer English words need a scroll bar (a node of the tree) where the Chinese do not.
    window.showNormal()
    window.resize(*BRANCH_SCREEN)
    for language in (ENGLISH, CHINESE):
        window.set_language(language, remember=False)
        qtbot.wait(1)  # Qt posts the LanguageChange events
        widget = arrange()
        qtbot.wait(20)  # and lays out a page shown (or built) just now: else its scroll bars are stale
        trees[language] = read(widget)
    found = [f"{language}: {line}" for language, node in trees.items()
             for line in problems(node, language, frozenset({"Sandbox"}) | data_words)]
    found += differences(trees[ENGLISH], trees[CHINESE])
    assert not found, "\n".join(found)
    return trees


@pytest.mark.parametrize("index", range(7))  # the task pages, History, Batch
def test_every_page_is_readable(qtbot: Any, window: Any, index: int) -> None:
    both_languages(window, qtbot, lambda: (window.sidebar.setCurrentRow(index), window)[1])


def test_a_result_is_readable_and_its_gauges_have_values(qtbot: Any, window: Any, samples: Path) -> None:
    page = window.current_page
    page.liveness.set_path(samples / "attack-photo.lfs")
    page.name.setText(ZHANG_SAN.name)
    page.id_number.setText(ZHANG_SAN.id_number)
    page.auto_hack.setChecked(True)
    page.run()
    wait_done(qtbot, page)
    trees = both_languages(window, qtbot, lambda: window)
    gauges = [node for node in shown(trees[ENGLISH]) if node["role"] == "progress"]
    # the score and the risk, each read as the number on screen: 0–100, and 0–1 in thousandths
    certificate = float(page.result.detail_text("certificate_score"))
    hack = float(page.result.detail_text("hack_score").split(" · ")[0])
    assert [(node["name"], node["value"]) for node in gauges] == [("Certificate score", round(certificate)),
                                                                 ("Attack risk", round(hack * 1000))]
    assert "attack" in gauges[1]["description"].split(" · ")  # the band the pointer stands in, in words


def test_a_refusal_is_the_description_of_its_field_until_it_is_fixed(qtbot: Any, window: Any, samples: Path) -> None:
    page = window.current_page
    page.liveness.set_path(samples / "zhang-san.lfs")
    page.name.setText(ZHANG_SAN.name)
    wrong = ZHANG_SAN.id_number[:17] + ("1" if ZHANG_SAN.id_number[17] != "1" else "2")
    page.id_number.setText(wrong)
    field = QAccessible.queryAccessibleInterface(page.id_number)
    own = field.text(QAccessible.Text.Description)  # its placeholder's words
    page.run()
    reason = page.id_message.text().removeprefix("✗ ")
    assert page.id_number.hasFocus() and reason
    assert field.text(QAccessible.Text.Description) == reason  # what a screen reader says as the focus lands
    assert QAccessible.queryAccessibleInterface(page.id_message).text(QAccessible.Text.Name) == reason  # no ✗
    page.id_number.clear()
    qtbot.keyClicks(page.id_number, ZHANG_SAN.id_number)
    assert page.id_message.text() == "✓ Valid ID number"
    assert field.text(QAccessible.Text.Description) == own == "18 characters"  # its own again


def test_each_copy_button_says_what_it_copies(qtbot: Any, window: Any, samples: Path) -> None:
    page = window.current_page
    page.liveness.set_path(samples / "zhang-san.lfs")
    page.name.setText(ZHANG_SAN.name)
    page.id_number.setText(ZHANG_SAN.id_number)
    page.run()
    wait_done(qtbot, page)
    fields = page.result.details_box.findChildren(CopyField)
    named = {QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
             for field in fields for widget in (field.value, field.button)}
    assert named == {"liveness_encrypt_data_id", "Copy liveness_encrypt_data_id", "request_id", "Copy request_id",
                     "sequence_id", "Copy sequence_id"}


def settings_words(window: Any) -> frozenset[str]:
    """What Settings shows as data: the keychain's name as the system gives it, and the API's detection_type
    values (a profile's detection types are typed as the API spells them)."""
    from app.core.contract import DETECTION_TYPES

    return frozenset({"Sandbox", *window.secrets.backend_name().split(), *DETECTION_TYPES})


@pytest.mark.parametrize("tab", [0, 1])  # General, Profiles
def test_settings_is_readable(qtbot: Any, window: Any, tab: int) -> None:
    trees: dict[str, Node] = {}

    def look(language: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        try:
            dialog.findChild(QTabWidget).setCurrentIndex(tab)
            qtbot.wait(20)
            trees[language] = read(dialog)
        finally:
            dialog.reject()

    for language in (ENGLISH, CHINESE):
        window.set_language(language, remember=False)
        qtbot.wait(1)
        QTimer.singleShot(0, lambda language=language: look(language))
        window.open_settings()
        assert language in trees, "Settings did not open"
    found = [f"{language}: {line}" for language, node in trees.items()
             for line in problems(node, language, settings_words(window))]
    found += differences(trees[ENGLISH], trees[CHINESE])
    assert not found, "\n".join(found)


def test_the_connection_test_answer_reads_without_its_mark(qtbot: Any, window: Any) -> None:
    seen: dict[str, Any] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        try:
            dialog.findChild(QTabWidget).setCurrentIndex(1)
            dialog.profiles.test_button.click()
            qtbot.waitUntil(lambda: dialog.profiles.testing is None, timeout=15_000)
            seen["note"] = dialog.profiles.note.text()
            seen["problems"] = problems(read(dialog), ENGLISH, settings_words(window))
        finally:
            dialog.reject()

    QTimer.singleShot(0, look)
    window.open_settings()
    assert seen["note"].startswith("✓ Connection works"), seen
    assert not seen["problems"], seen["problems"]


def test_the_cases_view_is_readable_and_its_copy_buttons_say_what_they_copy(qtbot: Any, window: Any,
                                                                            samples: Path) -> None:
    from app.core.cases import Consent, Decision, Outcome
    from app.core.contract import FileSource, IdNumberRequest
    from tests.ui.a11y_rules import LATIN_WORD

    runtime = window.calls.inner
    case_id = runtime.open_case("Sandbox", consent=Consent.GIVEN, notice="The notice.",
                                id_number=ZHANG_SAN.id_number)
    request = IdNumberRequest(ZHANG_SAN.name, ZHANG_SAN.id_number, FileSource(samples / "zhang-san.lfs"))
    runtime.run("Sandbox", request, case_id=case_id)
    runtime.decide(case_id, Decision(Outcome.ACCEPTED, "verified"))
    runtime.close_case(case_id)
    case, calls = runtime.history.case(case_id), runtime.history.case_calls(case_id)
    # the stored values on screen as data: the case id's and the ids' hex, the OS account, the notice's digest
    data = [case.id, case.operator, case.notice_version, *(call.request_id for call in calls),
            *(call.sequence_id for call in calls)]
    data_words = frozenset(word for value in data for word in LATIN_WORD.findall(value))
    page = window.history()

    def arrange() -> Any:
        window.sidebar.setCurrentRow(len(window.pages))
        page.views.setCurrentIndex(1)
        view = page.cases
        qtbot.waitUntil(lambda: not view.loading and case_id in [line.case.id for line in view.model.rows])
        view.table.selectRow([line.case.id for line in view.model.rows].index(case_id))
        qtbot.waitUntil(lambda: not view.loading and len(view.calls_model.rows) == 1)
        view.calls.selectRow(0)
        return window

    arrange()
    fields = page.cases.details.findChildren(CopyField)
    named = {QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
             for field in fields for widget in (field.value, field.button)}
    assert named == {"case_id", "Copy case_id", "request_id", "Copy request_id", "sequence_id", "Copy sequence_id"}
    both_languages(window, qtbot, arrange, data_words)

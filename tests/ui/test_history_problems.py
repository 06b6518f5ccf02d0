"""The window when its history cannot take a record: a billable check is refused before anything is
sent, with the reason in the window's words; a damaged file is moved aside only when the clerk agrees;
a call that answered with an unreadable body shows and counts its billing as unknown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core import paths
from app.i18n import ENGLISH, Translations
from app.runtime import HISTORY_FILE, Runtime
from app.sandbox.faults import Fault
from app.sandbox.server import Sandbox
from app.ui.main_window import MainWindow
from app.ui.preferences import PreferenceStore
from tests.ui.helpers import CLERK, banner, consent, open_page, wait_done

HACK = 2  # the hack-detection page in the sidebar
HISTORY = 5


def start_window(qtbot: Any, runtime: Runtime) -> MainWindow:
    translations = Translations()
    translations.set_language(ENGLISH)
    window = MainWindow(runtime, translations, PreferenceStore(None), runtime.profiles, runtime.secrets)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def damaged_home(tmp_path: Path) -> Path:
    history = tmp_path / "home" / "data" / HISTORY_FILE
    history.parent.mkdir(parents=True)
    history.write_bytes(b"not a database, a damaged file " * 200)
    return tmp_path / "home"


@pytest.fixture
def runtime_on(sandbox: Sandbox) -> Iterator[Any]:
    opened: list[Runtime] = []

    def open_runtime(home: Path) -> Runtime:
        opened.append(Runtime(environ={paths.HOME_ENV: str(home)}, sandbox=sandbox))
        opened[-1].profiles.set_counter(staff_id=CLERK)
        return opened[-1]

    yield open_runtime
    for runtime in opened:
        runtime.close()


def check_hack(qtbot: Any, window: MainWindow, capture: Path) -> Any:
    page = open_page(window, HACK)
    page.liveness.set_path(capture)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, page)
    return page


def test_a_damaged_history_refuses_billable_checks_until_the_clerk_moves_it_aside(
        qtbot: Any, damaged_home: Path, runtime_on: Any, sandbox: Sandbox, samples: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = runtime_on(damaged_home)
    window = start_window(qtbot, runtime)
    damaged = damaged_home / "data" / HISTORY_FILE
    before = damaged.read_bytes()

    sandbox.inject(Fault(code="9999"))  # taken by the first call that reaches the sandbox
    page = open_page(window, HACK)
    page.liveness.set_path(samples / "zhang-san.lfs")
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    step = page.consent_step  # her consent cannot be recorded, so no face check is made
    qtbot.mouseClick(step.consent_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: step.message.is_problem)
    words = step.message.words
    assert "is damaged" in words and str(damaged) in words and words.endswith("Nothing was sent.")
    assert not step.isHidden() and page.consent_step.case.case_id is None
    assert sandbox.pending_faults() == 1, "the check reached the server"

    window.sidebar.setCurrentRow(HISTORY)
    history_page = window.history()
    qtbot.waitUntil(lambda: history_page.move_aside.isVisible())
    assert "is damaged" in history_page.count_label.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Cancel)
    history_page.move_aside.click()
    assert damaged.read_bytes() == before and runtime.history is None  # no agreement, nothing moved

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(history_page.changed):
        history_page.move_aside.click()
    qtbot.waitUntil(lambda: not history_page.loading and "kept as" in history_page.count_label.text())
    kept = [p for p in damaged.parent.iterdir() if p.name.startswith(f"{HISTORY_FILE}.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == before  # kept for IT, byte for byte
    assert runtime.history is not None and not history_page.move_aside.isVisible()

    sandbox.clear_faults()
    open_page(window, HACK)
    consent(qtbot, page)  # the step still waits for her consent: recorded now, and the check goes on
    wait_done(qtbot, page)
    assert banner(page)[0] == "Live person"
    assert [(r.endpoint, r.outcome, r.billing) for r in runtime.history.query()] == [("hack", "ok", "billed")]
    window.close()


def test_an_unreadable_answer_is_shown_and_counted_as_billing_unknown(
        qtbot: Any, tmp_path: Path, runtime_on: Any, sandbox: Sandbox, samples: Path) -> None:
    runtime = runtime_on(tmp_path / "home")
    window = start_window(qtbot, runtime)
    sandbox.inject(Fault(body="truncated"))
    page = check_hack(qtbot, window, samples / "zhang-san.lfs")
    assert banner(page)[0] == "The server's answer could not be read"
    assert "look it up in History" in banner(page)[1]
    assert page.result.detail_text("billed").startswith("Unknown")
    qtbot.waitUntil(lambda: "billing unknown: 1 today, 1 this month" in window.top_bar.counters.text())
    assert [r.billing for r in runtime.history.query()] == ["unknown"]
    window.close()

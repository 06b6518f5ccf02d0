"""What the window leaves on disk: after a customer on every page that takes personal data, the
history, logs, settings and a diagnostics zip hold no full name and no full ID number. It runs on a
runtime of its own, so it needs no other test before it (the session's shared runtime is scanned
again when the session ends, in conftest)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.core import paths
from app.core.history import Filter
from app.i18n import ENGLISH, Translations
from app.runtime import Runtime
from app.sandbox.people import LI_SI, ZHANG_SAN
from app.sandbox.server import Sandbox
from app.ui.main_window import MainWindow
from app.ui.preferences import PreferenceStore
from tests.ui.helpers import assert_nothing_personal, enter_staff_id, open_page, record_decision, type_text, wait_done


def test_nothing_personal_survives_in_what_the_app_wrote(qtbot: Any, sandbox: Sandbox, samples: Path,
                                                         tmp_path: Path) -> None:
    home = tmp_path / "home"
    runtime = Runtime(environ={paths.HOME_ENV: str(home)}, sandbox=sandbox)
    translations = Translations()
    translations.set_language(ENGLISH)
    window = MainWindow(runtime, translations, PreferenceStore(None), runtime.profiles, runtime.secrets)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        # Two whole cases (her staff ID at the first check, consent, the check, the decision): a match, a mismatch.
        for person, capture in ((ZHANG_SAN, "zhang-san.lfs"), (LI_SI, "zhang-san.lfs")):
            page = open_page(window, 0)
            page.liveness.set_path(samples / capture)
            type_text(qtbot, page.name, person.name)
            type_text(qtbot, page.id_number, person.id_number)
            qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
            if person is ZHANG_SAN:
                enter_staff_id(qtbot)
            wait_done(qtbot, page)
            record_decision(qtbot, page)
            window.next_customer()
        history = runtime.history
        assert history is not None and history.count(Filter(endpoint="idnumber")) == 2
        qtbot.waitUntil(lambda: all(case.closed_ms for case in history.cases()))
        assert sorted(case.decision for case in history.cases()) == ["accepted", "rejected"]
        zipped = runtime.export_diagnostics(tmp_path / "diagnostics.zip")
    finally:
        window.close()
        runtime.close()
    with zipfile.ZipFile(zipped) as archive:
        entries = {f"diagnostics:{n}": archive.read(n) for n in archive.namelist()}
    masked = ZHANG_SAN.id_number[:6] + "********" + ZHANG_SAN.id_number[-4:]
    assert any(masked.encode() in blob for blob in entries.values())
    assert any(name.endswith("history.sqlite3") for name in (str(p) for p in home.rglob("*")))
    assert_nothing_personal(home, entries)

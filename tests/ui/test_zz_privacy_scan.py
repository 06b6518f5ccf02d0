"""Last in the UI session (files run in name order): after every window test has checked real-looking
customers, the files the app wrote — history, logs, settings, and a diagnostics zip — hold no full
name and no full ID number of any of them."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from app.core import paths
from app.core.history import Filter
from app.sandbox.people import PEOPLE, ZHANG_SAN
from tests.ui.helpers import open_page, press_enter_and_wait, type_text


def test_nothing_personal_survives_in_what_the_app_wrote(qtbot: Any, window: Any, samples: Path,
                                                         tmp_path: Path) -> None:
    runtime = window.calls.inner
    page = open_page(window, 0)  # at least one decision, even when this file runs alone
    page.liveness.set_path(samples / "zhang-san.lfs")
    type_text(qtbot, page.name, ZHANG_SAN.name)
    type_text(qtbot, page.id_number, ZHANG_SAN.id_number)
    press_enter_and_wait(qtbot, page, page.id_number)
    assert runtime.history.count(Filter(endpoint="idnumber"))
    zipped = runtime.export_diagnostics(tmp_path / "diagnostics.zip")

    home = Path(runtime.environ[paths.HOME_ENV])
    blobs = {str(p): p.read_bytes() for p in home.rglob("*") if p.is_file()}
    with zipfile.ZipFile(zipped) as archive:
        blobs.update({f"diagnostics:{n}": archive.read(n) for n in archive.namelist()})
    assert any(name.endswith("history.sqlite3") for name in blobs)
    assert any(name.endswith("linkface-desk.log") for name in blobs)
    masked = ZHANG_SAN.id_number[:6] + "********" + ZHANG_SAN.id_number[-4:]
    assert any(masked.encode() in blob for blob in blobs.values())  # what should be kept is there, masked
    for person in PEOPLE:
        for needle in (person.name, person.id_number, person.id_number[:14]):
            for where, blob in blobs.items():
                assert needle.encode() not in blob, f"{needle!r} found in {where}"

"""Measure the window on the X server in DISPLAY, as ``test_fit.py`` asks: run by it in a process of its
own (one QApplication per scale factor), printing one JSON object.

For each language: the window as it opens (its frame, its minimum size, in Qt's logical pixels and as
the X server has them), what is fully on screen before and after an ID check of 张三, the Settings
dialog after "Test connection", and the window at its minimum size.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from app.ui import selftest

ROOT = Path(__file__).resolve().parents[2]
SETTLE_S = 0.1


def settle(seconds: float = SETTLE_S) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)


def wait(condition: Any, timeout_s: float = 15.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        settle(0.02)


def on_screen(widget: QWidget) -> bool:
    """Wholly seen: shown, clipped by no scroll area or window edge, and inside the screen."""
    if not widget.isVisible() or widget.visibleRegion().boundingRect() != widget.rect():
        return False
    return widget.screen().geometry().contains(QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size()))


def rect(value: QRect) -> list[int]:
    return [value.x(), value.y(), value.width(), value.height()]


def x_server_view(window: QWidget) -> dict[str, list[int]]:
    """The window's geometry and minimum size as the X server has them (device pixels)."""
    window_id = str(int(window.winId()))
    info = subprocess.run(["xwininfo", "-id", window_id], capture_output=True, text=True, check=True).stdout
    numbers = {key: int(re.search(rf"{key}:\s+(-?\d+)", info).group(1))  # type: ignore[union-attr]
               for key in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")}
    hints = subprocess.run(["xprop", "-id", window_id, "WM_NORMAL_HINTS"], capture_output=True, text=True,
                           check=True).stdout
    minimum = re.search(r"minimum size: (\d+) by (\d+)", hints)
    return {"geometry": list(numbers.values()),
            "minimum": [int(minimum.group(1)), int(minimum.group(2))] if minimum else [0, 0]}


def measure(window: Any, runtime: Any, samples: Path) -> dict[str, Any]:
    from app.sandbox.people import ZHANG_SAN
    from app.ui.settings_dialog import SettingsDialog

    top_bar, page = window.top_bar, window.page(0)
    found: dict[str, Any] = {
        "available": rect(window.screen().availableGeometry()), "frame": rect(window.frameGeometry()),
        "minimum": [window.minimumSize().width(), window.minimumSize().height()], "x": x_server_view(window),
        "opened": {"settings": on_screen(top_bar.settings_button), "verify": on_screen(page.run_button),
                   "next": on_screen(page.next_button)},
    }
    window.sidebar.setCurrentRow(0)
    page.liveness.set_path(samples / "zhang-san.lfs")
    page.name.setText(ZHANG_SAN.name)
    page.id_number.setText(ZHANG_SAN.id_number)
    page.run()
    selftest.consent_if_asked(page)  # the customer's consent, as the clerk confirms it
    wait(lambda: not page.busy and page.result.banner.isVisible())
    settle()
    banner = page.result.banner
    found["checked"] = {"verdict": banner.title.text(), "banner": on_screen(banner),
                        "reason": on_screen(banner.meaning), "verify": on_screen(page.run_button),
                        "next": on_screen(page.next_button), "settings": on_screen(top_bar.settings_button)}

    dialog = SettingsDialog(window.preferences, window.profiles, window.secrets, window, window._test_connection,
                            window.pool)
    dialog.tabs.setCurrentIndex(1)
    dialog.show()
    editor = dialog.profiles
    assert editor is not None
    editor.test_connection()
    wait(lambda: editor.testing is None)
    settle()
    below_fields = editor.note.mapTo(dialog, QPoint(0, 0)).y() > editor.secret.mapTo(dialog, QPoint(0, 0)).y()
    found["settings"] = {"frame": rect(dialog.frameGeometry()), "answer": editor.note.text(),
                         "answer_below_fields": below_fields, "answer_on_screen": on_screen(editor.note),
                         "secret_width": editor.secret.width(),
                         "threshold_width": editor.inputs["face_threshold"].editor.width(),
                         "buttons": on_screen(dialog.buttons)}
    dialog.close()

    window.next_customer()
    window.showNormal()
    window.resize(window.minimumSize())
    settle()
    found["at_minimum"] = {"size": [window.width(), window.height()], "settings": on_screen(top_bar.settings_button),
                           "verify": on_screen(page.run_button), "next": on_screen(page.next_button)}
    return found


def main() -> int:
    from app.core.secrets import MemorySecretStore
    from app.i18n import CHINESE, ENGLISH, Translations
    from app.runtime import Runtime
    from app.sandbox.samples import build_samples
    from app.sandbox.server import Sandbox
    from app.ui.main_window import MainWindow
    from app.ui.preferences import PreferenceStore

    app = QApplication(sys.argv[:1])
    results: dict[str, Any] = {"scale": app.devicePixelRatio()}
    with tempfile.TemporaryDirectory(prefix="linkface-fit-") as folder, Sandbox(delay_scale=0) as sandbox:
        samples = Path(folder) / "samples"
        samples.mkdir()
        for name, content in build_samples().items():
            (samples / name).write_bytes(content)
        runtime = Runtime(environ={"LINKFACE_DESK_HOME": str(Path(folder) / "home")}, sandbox=sandbox,
                          secrets=MemorySecretStore(), log_to_file=False)
        runtime.profiles.set_counter(staff_id=selftest.STAFF_ID)
        translations = Translations()
        try:
            for language in (ENGLISH, CHINESE):
                translations.set_language(language)
                window = MainWindow(runtime, translations, PreferenceStore(None), runtime.profiles, runtime.secrets)
                window.show()
                wait(lambda window=window: window.windowHandle() is not None and window.windowHandle().isExposed())
                settle()
                results[language] = measure(window, runtime, samples)
                window.close()
        finally:
            runtime.close()
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

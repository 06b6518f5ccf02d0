"""The window through a real screen reader's eyes: the Linux accessibility bus (AT-SPI) under Xvfb.

For each language the real app starts (tests/ui/a11y_app.py) on a private X server and the
session's accessibility bus; pyatspi (tests/ui/atspi_walk.py, the system's Python) reads its tree
as Orca would, and listens for what the window announces. Each screen must satisfy
tests/ui/a11y_rules.py, and the Chinese and English windows must be the same tree. Runs inside the
D-Bus session the test command provides (.ci/with-secret-service.sh); needs Xvfb, at-spi2-core and
python3-pyatspi (build_scripts/dev.sh installs them) and says which is missing otherwise.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.contract import DETECTION_TYPES
from app.core.validation import id_check_char
from app.i18n import CHINESE, ENGLISH
from app.sandbox.people import ZHANG_SAN
from tests.ui.a11y_rules import Node, differences, problems, shown
from tests.ui.xvfb import Xvfb, xvfb_missing

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def _missing() -> str | None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no D-Bus session (run the tests as README says: bash build_scripts/dev.sh test)"
    if xvfb_missing():
        return xvfb_missing()
    if not Path(BUS_LAUNCHER).exists():
        return "no accessibility bus (apt-get install at-spi2-core)"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False) \
        if Path(SYSTEM_PYTHON).exists() else None
    if probe is None or probe.returncode != 0:
        return "no pyatspi for the system's Python (apt-get install python3-pyatspi)"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=str(_missing()))


class App:
    """The running app and its command line (see a11y_app.py)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen([sys.executable, str(HERE / "a11y_app.py")], env=env, cwd=ROOT,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def send(self, line: str) -> str:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        assert answer.startswith("ok"), f"{line!r}: {answer or 'the app ended'}"
        return answer[3:]

    def do(self, statement: str) -> None:
        self.send(f"do {statement}")

    def wait(self, expression: str) -> str:
        return self.send(f"wait {expression}")

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def tree(env: dict[str, str], app: App) -> Node:
    done = subprocess.run([SYSTEM_PYTHON, str(HERE / "atspi_walk.py"), "dump", str(app.process.pid)], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


class Listener:
    """What the window announces (and where the focus goes) while it is running."""

    def __init__(self, env: dict[str, str], seconds: float = 20.0) -> None:
        self.process = subprocess.Popen([SYSTEM_PYTHON, str(HERE / "atspi_walk.py"), "listen", str(seconds)],
                                        env=env, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout
        assert json.loads(self.process.stdout.readline())["type"] == "listening"

    def events(self, until: Callable[[list[dict[str, Any]]], bool], timeout_s: float = 5.0) -> list[dict[str, Any]]:
        """What was heard once ``until`` holds of it, or after ``timeout_s``: the bus delivers events a little
        after the window sent them."""
        assert self.process.stdout
        heard: list[dict[str, Any]] = []
        deadline = time.monotonic() + timeout_s
        while not until(heard) and (left := deadline - time.monotonic()) > 0:
            if select.select([self.process.stdout], [], [], left)[0]:
                line = self.process.stdout.readline()
                if not line:
                    break
                heard.append(json.loads(line))
        self.process.terminate()
        self.process.wait(10)
        return heard


def announcements(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [event for event in events if event["type"] == "object:announcement"]


@pytest.fixture(scope="module")
def bus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A private X server with the session's accessibility bus on it."""
    with Xvfb(1366, 768) as display:
        env = {**os.environ, "DISPLAY": display, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
        env.pop("QT_QPA_PLATFORM", None)
        launcher = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            yield env
        finally:
            launcher.terminate()
            launcher.wait(10)


def start(bus: dict[str, str], language: str, home: Path) -> App:
    app = App({**bus, "LINKFACE_DESK_LANG": language, "LINKFACE_DESK_HOME": str(home)})
    app.wait("startup.ready")
    app.do("window.profiles.set_counter(staff_id='T1001')")  # the clerk entered her staff ID at her first check
    return app


@pytest.fixture(scope="module")
def windows(bus: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, App]]:
    apps: dict[str, App] = {}
    try:
        for language in (ENGLISH, CHINESE):
            apps[language] = start(bus, language, tmp_path_factory.mktemp(f"home-{language}"))
        yield apps
    finally:
        for app in apps.values():
            app.close()


def audit(bus: dict[str, str], windows: dict[str, App], *steps: str,
          data_words: frozenset[str] = frozenset()) -> dict[str, Node]:
    """Take both windows through ``steps`` (a11y_app commands), then check what a screen reader finds;
    ``data_words`` are on screen as data, in any language."""
    trees: dict[str, Node] = {}
    for language, app in windows.items():
        for step in steps:
            app.send(step)
        trees[language] = tree(bus, app)
    found = [f"{language}: {line}" for language, node in trees.items()
             for line in problems(node, language, frozenset({"Sandbox"}) | data_words)]
    found += differences(trees[ENGLISH], trees[CHINESE])
    assert not found, "\n".join(found)
    return trees


PAGES = ["do window.sidebar.setCurrentRow({})", "wait page.isVisible()"]


@pytest.mark.parametrize("index", range(7))  # the task pages, History, Batch
def test_every_page_can_be_read(bus: dict[str, str], windows: dict[str, App], index: int) -> None:
    audit(bus, windows, "do window.next_customer(False)", *(step.format(index) for step in PAGES))


@pytest.mark.parametrize("tab", [0, 1])  # General, Profiles
def test_settings_can_be_read(bus: dict[str, str], windows: dict[str, App], tab: int) -> None:
    # Data in Settings: the keychain's name as the system gives it, and the API's detection_type values.
    keychain = windows[ENGLISH].wait("window.secrets.backend_name()")
    try:
        audit(bus, windows, "do QTimer.singleShot(0, window.open_settings)", "wait QApplication.activeModalWidget()",
              f"do QApplication.activeModalWidget().findChild(QTabWidget).setCurrentIndex({tab})",
              "wait QApplication.activeModalWidget().findChild(QTabWidget).currentWidget().isVisible()",
              data_words=frozenset({*keychain.split(), *DETECTION_TYPES}))
    finally:
        for app in windows.values():
            app.do("QApplication.activeModalWidget() and QApplication.activeModalWidget().reject()")


def _fill(capture: str, id_number: str, hack: bool = False) -> list[str]:
    # The window the clerk works in is the active one (no window manager here does it): it has the focus.
    return ["do window.activateWindow()", "wait window.isActiveWindow()",
            "do window.next_customer(False)", "do window.sidebar.setCurrentRow(0)",
            f"do page.liveness.set_path(samples / {capture!r})",
            f"do page.name.setText({ZHANG_SAN.name!r})", f"do page.id_number.setText({id_number!r})",
            f"do page.auto_hack.setChecked({hack})"]


@pytest.mark.parametrize(("capture", "hack", "politeness"), [("zhang-san.lfs", False, 1),
                                                               ("attack-photo.lfs", True, 2)])
def test_an_outcome_is_announced(bus: dict[str, str], windows: dict[str, App], capture: str, hack: bool,
                                 politeness: int) -> None:
    """The verdict reaches the screen reader at once, urgently for an attack, and its screen reads right."""
    for language, app in windows.items():
        for step in _fill(capture, ZHANG_SAN.id_number, hack):
            app.send(step)
        listener = Listener(bus)
        app.do("page.run()")
        app.wait("page.consent_step.isVisible()")  # a new customer: her consent first
        app.do("page.consent_step.consent_button.click()")
        title = app.wait("not page.busy and page.result.banner.isVisible() and page.result.banner.title.text()")
        events = listener.events(lambda heard: any(title in event["text"] for event in announcements(heard)))  # noqa: B023 -- used at once
        spoken = announcements(events)
        assert any(title in event["text"] for event in spoken), f"{language}: {title!r} not announced: {events}"
        assert max(event["politeness"] for event in spoken) == politeness, spoken
    audit(bus, windows)


def test_the_consent_step_can_be_read_and_says_why_a_guardian_is_asked(bus: dict[str, str],
                                                                        windows: dict[str, App]) -> None:
    """The step before a new customer's first face check: its notice, its answers, and for a child the reason
    a guardian must consent, read as a screen reader reads them (the child's number is data)."""
    child = "11010520150301123" + id_check_char("11010520150301123")
    for language, app in windows.items():
        for step in _fill("zhang-san.lfs", child):
            app.send(step)
        listener = Listener(bus)
        app.do("page.run()")
        app.wait("page.consent_step.isVisible()")
        events = listener.events(lambda heard: any(event["politeness"] == 2 for event in announcements(heard)))
        spoken = " ".join(event["text"] for event in announcements(events))
        guardian = app.wait("page.consent_step.guardian.words")
        assert guardian in spoken, f"{language}: the guardian's reason was not announced: {events}"
    try:
        audit(bus, windows)
    finally:
        for app in windows.values():
            app.do("window.next_customer(False)")


def test_a_refusal_is_announced_and_described_on_its_field(bus: dict[str, str], windows: dict[str, App]) -> None:
    wrong = ZHANG_SAN.id_number[:17] + ("1" if ZHANG_SAN.id_number[17] != "1" else "2")
    for language, app in windows.items():
        for step in _fill("zhang-san.lfs", wrong):
            app.send(step)
        listener = Listener(bus)
        app.do("page.run()")
        reason = app.wait("page.id_message.text()")
        events = listener.events(lambda heard: any(event["politeness"] == 2 for event in announcements(heard)))
        assert any(event["politeness"] == 2 for event in announcements(events)), \
            f"{language}: the refusal was not announced: {events}"
        # On screen (a closed Settings dialog stays in the tree, hidden); a list's current item says it is
        # focused whether or not its list has the focus.
        focused = [node for node in shown(tree(bus, app)) if node.get("focused") and node["role"] != "item"]
        assert [node["role"] for node in focused] == ["text"], focused  # the ID number field
        assert reason.lstrip("✗ ").strip() in focused[0]["description"], (reason, focused[0])


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))

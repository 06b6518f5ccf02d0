"""The window as the Linux accessibility bus shows it to a screen reader (Orca reads the same tree).

Run by the system's Python, which has pyatspi (Debian: python3-pyatspi), not by the project's:
    python3 tests/ui/atspi_walk.py dump PID                  that process's tree as JSON (a11y_rules.Node)
    python3 tests/ui/atspi_walk.py listen SECONDS            announcements and focus moves, one JSON per line
Both need the session's accessibility bus (at-spi-bus-launcher) and the app started with
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1; tests/ui/test_screen_reader.py arranges all of that.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import pyatspi

ROLES = {
    "push button": "button", "toggle button": "button", "check box": "check", "radio button": "radio",
    "combo box": "combo", "text": "text", "entry": "text", "password text": "text", "spin button": "spin",
    "slider": "slider", "list": "list", "list box": "list", "list item": "item", "table": "table",
    "tree table": "table", "tree": "table", "page tab": "tab", "page tab list": "tabs", "progress bar": "progress",
    "level bar": "progress", "label": "label", "static": "label", "filler": "filler", "panel": "panel",
    "layered pane": "pane", "scroll pane": "pane", "viewport": "pane", "unknown": "other",
}


def find_application(pid: int, timeout_s: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            application = desktop.getChildAtIndex(index)
            if application is not None and application.get_process_id() == pid:
                return application
        time.sleep(0.2)
    raise SystemExit(f"process {pid} has no application on the accessibility bus")


def node(accessible: Any, depth: int = 0) -> dict[str, object]:
    states = accessible.getState()
    labelled_by = []
    for relation in accessible.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            labelled_by += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    value = None
    try:
        value = accessible.queryValue().currentValue
    except NotImplementedError:
        pass
    children = []
    if depth < 60:
        for index in range(accessible.childCount):
            child = accessible.getChildAtIndex(index)
            if child is not None:
                children.append(node(child, depth + 1))
    return {
        "role": ROLES.get(accessible.getRoleName(), accessible.getRoleName()),
        "name": accessible.name or "", "description": accessible.description or "",
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "showing": states.contains(pyatspi.STATE_SHOWING),
        "focused": states.contains(pyatspi.STATE_FOCUSED),
        "labelled_by": labelled_by, "value": value, "children": children,
    }


def listen(seconds: float) -> None:
    from gi.repository import GLib

    def report(event: Any) -> None:
        source = event.source
        print(json.dumps({"type": event.type, "text": str(event.any_data or ""), "politeness": event.detail1,
                          "focused": bool(event.detail1) if "focused" in event.type else None,
                          "source": source.name if source is not None else "",
                          "description": source.description if source is not None else ""},
                         ensure_ascii=False), flush=True)

    pyatspi.Registry.registerEventListener(report, "object:announcement", "object:state-changed:focused")
    print(json.dumps({"type": "listening"}), flush=True)
    GLib.timeout_add(int(seconds * 1000), lambda: pyatspi.Registry.stop())
    pyatspi.Registry.start()


if __name__ == "__main__":
    if sys.argv[1:2] == ["dump"]:
        print(json.dumps(node(find_application(int(sys.argv[2]))), ensure_ascii=False))
    elif sys.argv[1:2] == ["listen"]:
        listen(float(sys.argv[2]))
    else:
        raise SystemExit(__doc__)

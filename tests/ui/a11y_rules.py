"""What a screen reader needs of the window, as rules over a plain tree of accessible nodes.

One node is a dict: ``role`` (one of ROLES), ``name``, ``description``, ``focusable``, ``showing``,
``labelled_by`` (names of the labels pointing at it), ``value`` (a number or None) and ``children``.
Two walkers build it: Qt's own accessibility interfaces offscreen (tests/ui/test_accessibility.py)
and the real Linux accessibility bus through pyatspi (tests/ui/atspi_walk.py, run by the system's
Python). This module imports nothing but the standard library, so both can use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

Node = dict[str, Any]

# The interactive roles a person reaches with Tab; each must tell what it is.
CONTROLS = {"button", "check", "radio", "combo", "text", "spin", "slider", "list", "table", "tab"}
CONTAINERS = {"filler", "panel", "pane", "other"}

# Words a Chinese window may show in Latin letters: the product, protocol, format and key names (a URL's
# scheme as it is typed), the vendor's own Chinese document's terms (token), the language button's
# "English" (a language's name in itself), and the API's field names (any word with an underscore).
LATIN_IN_CHINESE = {"LinkFace", "Desk", "SDK", "API", "URL", "HTTP", "HTTPS", "http", "https", "JSON", "CSV", "PNG",
                    "JPEG", "PEM", "zip", "ZIP", "HTML",
                    "Esc", "Enter", "Tab", "Ctrl", "Shift", "SANDBOX", "ID", "IT", "OK", "QR", "Token",
                    "token", "English"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")
# An address is not words: a URL (https://cloudapi.linkface.cn, https://…) or a dotted host or file name.
ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[!-~…]*|[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+"
                     # nor an id (a request_id, a case id): eight or more letters and digits, with a digit
                     r"|\b(?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{8,}\b")


def nodes(tree: Node) -> Iterator[Node]:
    yield tree
    for child in tree["children"]:
        yield from nodes(child)


def shown(tree: Node) -> Iterator[Node]:
    """The nodes a person can see: a hidden node hides its whole subtree."""
    if not tree["showing"]:
        return
    yield tree
    for child in tree["children"]:
        yield from shown(child)


def _where(node: Node) -> str:
    return f"{node['role']} {node['name']!r}" + (f" ({node['description']!r})" if node["description"] else "")


def _decoration(text: str) -> str:
    """The pictographs and arrows in ``text`` (a screen reader reads them out, or stumbles)."""
    return "".join(ch for ch in text if unicodedata.category(ch) == "So")


def problems(tree: Node, language: str, data_words: frozenset[str] = frozenset()) -> list[str]:
    """Every rule the visible part of the tree breaks, one line each; ``data_words`` are the customer's
    or the operator's own words on screen (a profile's name), which no language rule applies to."""
    found: list[str] = []
    for node in shown(tree):
        role, name = node["role"], node["name"].strip()
        if role == "application":  # its description is the interpreter's path, which no one reads
            continue
        if role in CONTROLS and node["focusable"]:
            if role == "combo" and not node["labelled_by"]:
                # Linux Qt names a combo box after its current value: only a buddy label says what it is.
                found.append(f"combo box without a label pointing at it: {_where(node)}")
            elif not name and not node["labelled_by"]:
                found.append(f"unnamed control: {_where(node)}")
        if role in CONTAINERS and node["focusable"] and not name:
            found.append(f"an unnamed container takes the focus (a Tab stop with nothing to say): {_where(node)}")
        if role == "progress" and node["value"] is None:
            found.append(f"a gauge without a value: {_where(node)}")
        for field in ("name", "description"):
            marks = _decoration(node[field])
            if marks:
                found.append(f"decoration {marks!r} in the {field} of {_where(node)}")
            if language.startswith("zh"):
                latin = [word for word in LATIN_WORD.findall(ADDRESS.sub(" ", node[field]))
                         if word not in LATIN_IN_CHINESE and "_" not in word and word not in data_words]
                if latin:
                    found.append(f"English {latin} in the Chinese window, {field} of {_where(node)}")
    return found


def shape(tree: Node) -> list[tuple[int, str, bool]]:
    """The visible tree without its words: depth, role and whether it has a name, in order."""
    out: list[tuple[int, str, bool]] = []

    def visit(node: Node, depth: int) -> None:
        if not node["showing"]:
            return
        out.append((depth, node["role"], bool(node["name"].strip() or node["labelled_by"])))
        for child in node["children"]:
            visit(child, depth + 1)

    visit(tree, 0)
    return out


def differences(english: Node, chinese: Node) -> list[str]:
    """Where the two languages' windows differ for a screen reader (they must not)."""
    a, b = shape(english), shape(chinese)
    if a == b:
        return []
    for index, (left, right) in enumerate(zip(a, b, strict=False)):
        if left != right:
            return [f"the trees part at visible node {index}: English {left}, Chinese {right}"]
    return [f"English shows {len(a)} nodes, Chinese {len(b)}"]

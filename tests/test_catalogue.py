"""The one catalogue: every sentence a person reads is in it, in both languages, and every id core
raises has words. Core and the window are scanned as source, so a new raise or label cannot slip by."""

from __future__ import annotations

import ast
import io
import re
import string
import tokenize
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.catalogue import codes
from app.catalogue.rules import RULES
from app.catalogue.words import rule_key
from app.core.errors import DOCUMENTED_CODES, InputRejected, TransportKind

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
TS = ROOT / "resources" / "translations" / "linkface_zh_CN.ts"
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


def python_files(*exclude: str) -> list[Path]:
    return [p for p in APP.rglob("*.py") if not any(part in exclude for part in p.relative_to(APP).parts)]


def test_no_chinese_string_literal_outside_the_catalogue_files() -> None:
    """Chinese lives in the .ts only (the sandbox's protocol data, the vendor's own messages, excepted)."""
    found = []
    for path in python_files("sandbox"):
        for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
            if token.type == tokenize.STRING and CJK.search(token.string) and path.name != "top_bar.py":
                found.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert found == []


def placeholders(text: str) -> set[str]:
    named = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    return named | set(re.findall(r"%\d", text))


def test_every_translation_is_finished_and_keeps_the_placeholders() -> None:
    problems = []
    for context in ET.parse(TS).getroot():
        for message in context.findall("message"):
            source, translation = message.findtext("source") or "", message.find("translation")
            assert translation is not None
            if translation.get("type") == "unfinished" or not (translation.text or "").strip():
                problems.append(f"unfinished: {source!r}")
            elif placeholders(source) != placeholders(translation.text or ""):
                problems.append(f"placeholders differ: {source!r} -> {translation.text!r}")
    assert problems == []


def _constants(function: ast.AST) -> dict[str, str]:
    """Names a function assigns one string literal to (``field = "id_number"``)."""
    found: dict[str, str] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            found[node.targets[0].id] = node.value.value
    return found


def _literal(node: ast.AST | None, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def raise_sites() -> list[tuple[str, str, str | None, str | None, set[str], bool]]:
    """(where, rule, field, variant, keyword names, **params passed through); None where computed."""
    sites = []
    for path in python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for function in functions:
            constants = _constants(function)
            for node in ast.walk(function):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id in ("InputRejected", "_reject") and len(node.args) >= 2):
                    continue
                rule = _literal(node.args[1], constants)
                if rule is None:
                    continue
                variant_node = next((k.value for k in node.keywords if k.arg == "variant"),
                                    node.args[2] if len(node.args) > 2 else ast.Constant(""))
                sites.append((f"{path.relative_to(ROOT)}:{node.lineno}", rule, _literal(node.args[0], constants),
                              _literal(variant_node, constants), {k.arg for k in node.keywords if k.arg} - {"variant"},
                              any(k.arg is None for k in node.keywords)))
    return sorted(set((w, r, f, v, frozenset(k), s) for w, r, f, v, k, s in sites))  # type: ignore[misc]


@pytest.mark.parametrize(("where", "rule", "field", "variant", "keywords", "spread"), raise_sites())
def test_every_refusal_has_words_for_the_parameters_it_gives(where: str, rule: str, field: str | None,
                                                             variant: str | None, keywords: frozenset[str],
                                                             spread: bool) -> None:
    """Each raise's rule has words, and every placeholder of those words is a parameter it gives."""
    if field is not None and variant is not None:
        key = rule_key(InputRejected(field, rule, variant))
        assert key is not None, f"{where}: no words for {field}:{rule}:{variant}"
        templates = [RULES[key]]
    else:  # a field or variant computed at run time: every wording it can reach must be possible
        def reachable(key: str) -> bool:
            parts = key.split(":")
            if rule not in parts[:2]:
                return False
            at = parts.index(rule)
            key_field = parts[0] if at == 1 else None
            key_variant = parts[at + 1] if at + 1 < len(parts) else ""
            return (field is None or key_field in (None, field)) and (variant is None or key_variant == variant)
        templates = [text for key, text in RULES.items() if reachable(key)]
        assert templates, f"{where}: no words for the rule {rule}"
    if not spread:
        for template in templates:
            assert placeholders(template) <= keywords | {"field"}, f"{where}: {template!r} needs more than {keywords}"


def test_every_code_kind_and_state_has_words() -> None:
    assert set(codes.CODES) == set(DOCUMENTED_CODES)
    assert set(codes.TRANSPORT) == {kind.value for kind in TransportKind}
    assert set(codes.HISTORY) >= {"damaged", "newer_version", "disk_full", "is_folder", "not_writable", "busy", "other"}
    assert set(codes.KEYCHAIN) == {"none", "plaintext", "locked", "error"}
    assert set(codes.RECORDS) == {"journaled", "lost"}


WIDGET_TEXT_CALLS = {"setText", "setToolTip", "setPlaceholderText", "setWindowTitle", "setTitle", "addItem",
                     "setAccessibleName", "showMessage", "setStatusTip"}
NOT_WORDS = {"LinkFace Desk", "https://…", "English", "中文", "—", "?", ""}


def test_the_windows_words_go_through_the_catalogue() -> None:
    """A literal with letters handed straight to a widget would stay English in the Chinese window."""
    found = []
    for path in (APP / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in WIDGET_TEXT_CALLS and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) \
                        and first.value not in NOT_WORDS and re.search(r"[A-Za-z]{3}", first.value):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {first.value!r}")
    assert found == []

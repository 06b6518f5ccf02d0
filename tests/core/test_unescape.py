r"""unescape_json_text: \uXXXX escapes become the characters they stand for, so that a name or an ID
number written as escapes can be found and masked; whatever would change the JSON's meaning or make it
invalid (quotes, backslashes, control characters, lone surrogates) stays escaped."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.masking import mask_id_numbers_in, unescape_json_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("plain text, no escapes", "plain text, no escapes"),
        (r"\u5f20\u4e09", "张三"),
        (r"\u5F20", "张"),  # upper-case hex
        (r"\u0041\u0058", "AX"),
        (r"\u0058", "X"),  # an ID number's check character
        (r"\u0031\u0031\u0030", "110"),
        (r"\u0020", " "),  # the first character that is not a control character
        (r"\u0021", "!"),
        (r"\u007f", "\x7f"),  # DEL is not a JSON control character
        (r"\u00e9", "é"),
        (r"\ud7ff", "\ud7ff"),  # just below the surrogates
        (r"\ue000", "\ue000"),  # just above them
        (r"\uffff", "\uffff"),
        (r'{"name": "\u5f20\u4e09"}', '{"name": "张三"}'),
        (r"a\u5f20b\u4e09c", "a张b三c"),
        (r"\u5f20\n\u4e09", "张\\n三"),
    ],
)
def test_escapes_become_characters(text: str, expected: str) -> None:
    assert unescape_json_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\ud83d\ude00", "😀"),
        (r"\uD83D\uDE00", "😀"),
        (r"\ud800\udc00", "\U00010000"),  # the first pair
        (r"\ud800\udfff", "\U000103ff"),
        (r"\udbff\udc00", "\U0010fc00"),  # the last high surrogate
        (r"\udbff\udfff", "\U0010ffff"),  # the last code point
        (r"\ud840\udc0b", "𠀋"),  # a CJK Extension B character, as in some names
        (r"\ud83d\ude00\u5f20", "😀张"),
        (r"\ud83d\u0041", "\\ud83dA"),  # a high surrogate followed by something else stays alone
    ],
)
def test_surrogate_pairs_become_one_character(text: str, expected: str) -> None:
    assert unescape_json_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        r"\u0022",  # quote
        r"\u005c",  # backslash
        r"\u005C",
        r"\u0000",
        r"\u000a",
        r"\u001f",  # the last control character
        r"\u001F",
        r"\ud800",  # lone surrogates: not characters
        r"\udbff",
        r"\udc00",
        r"\udfff",
        r"\ud83d",
        r"\ude00",
        r"\udc00\udc00",  # two low surrogates are not a pair
        r"\udfff\udc00",
        r"\ud7ff\udc00",  # not a pair: both left as they were
        r"\ue000\udc00",
        r"\u0041\udc00",
    ],
)
def test_what_would_change_the_meaning_stays_escaped(text: str) -> None:
    assert unescape_json_text(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\\u5f20", r"\\u5f20"),  # an escaped backslash, then the text u5f20
        (r"\\\u5f20", "\\\\张"),  # an escaped backslash, then an escape
        (r"\\\\u5f20", r"\\\\u5f20"),
        (r"\\", r"\\"),
        (r"a\\b", r"a\\b"),
        (r"\u005c\u005c", r"\u005c\u005c"),
        (r"\\\ud83d\ude00", "\\\\😀"),
    ],
)
def test_escaped_backslashes_are_text(text: str, expected: str) -> None:
    assert unescape_json_text(text) == expected


def test_malformed_escapes_are_left_alone() -> None:
    for text in (r"\u5f2", r"\u", r"\uzzzz", r"\x41", "\\", r"\U0001F600", r"u5f20"):
        assert unescape_json_text(text) == text


def test_an_escaped_id_number_can_then_be_masked() -> None:
    escaped = json.dumps({"id": "11010519491231002X"}).replace("1", r"\u0031").replace("X", r"\u0058")
    assert r"\u0031" in escaped
    assert mask_id_numbers_in(unescape_json_text(escaped)) == '{"id": "110105********002X"}'


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=12,
)


@given(json_values, st.booleans())
def test_valid_json_stays_valid_with_the_same_meaning(value: Any, ensure_ascii: bool) -> None:
    text = json.dumps(value, ensure_ascii=ensure_ascii)
    assert json.loads(unescape_json_text(text)) == value


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_unescaped_ascii_json_is_the_plain_unicode_json(value: str) -> None:
    # With no lone surrogate, every escape json.dumps writes beyond the mandatory ones is undone.
    assert unescape_json_text(json.dumps(value)) == json.dumps(value, ensure_ascii=False)


@given(st.text(st.sampled_from(["\\", '"', "u", "d", "8", "3", "e", "0", "a", "f", "c", "D", "x"]), max_size=30))
def test_arbitrary_backslash_soup(text: str) -> None:
    result = unescape_json_text(text)
    # Only escapes are replaced, each by one character: never longer, and text without "\u" is untouched.
    assert len(result) <= len(text)
    if "\\u" not in text:
        assert result == text
    # No character that would break a JSON string is ever produced.
    produced = set(result) - set(text)
    assert not any(c in '"\\' or ord(c) < 0x20 or unicodedata.category(c) == "Cs" for c in produced)

"""What a person reads for an error, in English and in Chinese, through the one catalogue: for tests
that pin the words of a refusal or an error (core itself keeps only ids and parameters)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from app.core.errors import InputRejected, LinkFaceError
from app.i18n import CHINESE, ENGLISH, Translations, current_language

T = TypeVar("T")


def _application() -> None:
    """A QApplication (offscreen in tests), also what pytest-qt reuses: translators need one."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        _application.app = QApplication([])  # type: ignore[attr-defined]


@contextmanager
def speaking(language: str) -> Iterator[None]:
    _application()
    translations = Translations()
    before = current_language()
    translations.set_language(language)
    try:
        yield
    finally:
        translations.set_language(ENGLISH)
        if before != ENGLISH:
            Translations().set_language(before)


def both(words: Callable[[], T]) -> tuple[T, T]:
    """``words()`` in English, then in Chinese."""
    with speaking(ENGLISH):
        english = words()
    with speaking(CHINESE):
        chinese = words()
    return english, chinese


def rejection_words(exc: InputRejected) -> tuple[str, str]:
    from app.catalogue.words import rejection

    return both(lambda: rejection(exc))


def error_words(exc: LinkFaceError) -> tuple[tuple[str, str], tuple[str, str]]:
    """(English (what, remedy), Chinese (what, remedy))."""
    from app.catalogue import words

    return both(lambda: words.error_words(exc))


class Worded:
    """A refusal with its words in both languages, for assertions: field, rule, message, message_zh."""

    def __init__(self, exc: InputRejected) -> None:
        self.exc = exc
        self.field, self.rule, self.variant, self.params = exc.field, exc.rule, exc.variant, exc.params
        self.message, self.message_zh = rejection_words(exc)

    def __str__(self) -> str:
        return str(self.exc)

"""Language at runtime, for the window and the command line: zh_CN or English (the source language),
following the system by default.

Every sentence a person reads is in one catalogue, ``resources/translations/linkface_<lang>.ts``,
compiled to ``.qm`` by ``build_scripts/i18n.py`` (and by the package build). The window's own words
are ``tr()`` calls; what core's errors and results stand for is in ``app.catalogue``. Switching installs
another QTranslator; Qt then sends every widget a LanguageChange event, and each widget re-reads its
texts in ``retranslate()``. Only QtCore is used here, so the CLI translates with the same catalogue.
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.core.paths import resources_dir

LANGUAGE_ENV = "LINKFACE_DESK_LANG"  # zh_CN or en: overrides the system's language (scripts, tests)

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (CHINESE, ENGLISH)
QM_PREFIX = "linkface_"

_current = ENGLISH


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a module-level string for translation in ``context``; it is translated when shown."""
    return text


def system_language() -> str:
    chosen = os.environ.get(LANGUAGE_ENV, "")
    if chosen in LANGUAGES:
        return chosen
    return CHINESE if QLocale.system().name().startswith("zh") else ENGLISH


def current_language() -> str:
    return _current


# Each catalogue translates this to its own language's name, as written in that language ("中文" in
# the Chinese one): what a language switch shows, whatever language the window is in now.
OWN_NAME = QT_TRANSLATE_NOOP("Languages", "English")


@cache
def endonym(language: str) -> str:
    """A language's name as written in that language."""
    if language == ENGLISH:
        return OWN_NAME
    translator = QTranslator()
    if translator.load(qm_path(language)):
        return translator.translate("Languages", OWN_NAME) or language
    return language


def qm_path(language: str) -> str:
    return str(resources_dir() / "translations" / f"{QM_PREFIX}{language}.qm")


class Translations:
    """Holds the installed translators; ``set_language`` swaps them (and Qt's own, for dialogs).
    Needs a Q(Core)Application: the window's, or ``for_command_line``'s."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []

    def set_language(self, language: str) -> bool:
        """Install ``language``; False if its .qm is missing (the UI then stays in English)."""
        global _current
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        if language == ENGLISH:
            _current = ENGLISH
            return True
        ours = QTranslator(app)
        if not ours.load(qm_path(language)):
            _current = ENGLISH
            return False
        from PySide6.QtCore import QLibraryInfo

        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._installed.append(qt_own)
        self._installed.append(ours)
        _current = language  # before installing, so LanguageChange handlers see it
        for translator in self._installed:
            app.installTranslator(translator)
        return True


translate = QCoreApplication.translate  # lupdate recognises translate("Context", "text")


class CommandLineLanguage(Translations):
    """The command line's language, on a QCoreApplication of its own (kept alive as long as this is)."""

    def __init__(self) -> None:
        existing = QCoreApplication.instance()
        self.app = existing if existing is not None else QCoreApplication([])
        super().__init__()
        self.set_language(system_language())


def for_command_line() -> CommandLineLanguage:
    """The command line's language: the system's, or LINKFACE_DESK_LANG."""
    return CommandLineLanguage()

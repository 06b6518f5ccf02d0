"""Language at runtime: zh_CN or English (the source language), following the system by default.

The app's strings live in ``resources/translations/linkface_<lang>.ts`` and are compiled to
``.qm`` by ``build_scripts/i18n.py``. Switching installs another QTranslator; Qt then sends every
widget a LanguageChange event, and each widget re-reads its texts in ``retranslate()``.
Texts that already exist in both languages in core (catalogue, validation) are picked with
``pick(en, zh)``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.ui.resources import translations_dir

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (CHINESE, ENGLISH)
QM_PREFIX = "linkface_"

_current = ENGLISH


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a module-level string for translation in ``context``; it is translated when shown."""
    return text


# The five tasks by endpoint, in sidebar order: the sidebar and the History page name them alike.
TASK_NAMES: dict[str, str] = {
    "idnumber": QT_TRANSLATE_NOOP("Task", "ID verification"),
    "selfie": QT_TRANSLATE_NOOP("Task", "Selfie verification"),
    "hack": QT_TRANSLATE_NOOP("Task", "Hack detection"),
    "parse": QT_TRANSLATE_NOOP("Task", "Parse liveness file"),
    "token": QT_TRANSLATE_NOOP("Task", "SDK token"),
}


def task_name(endpoint: str) -> str:
    """A task's name in the UI language (an unknown endpoint as it is)."""
    return QCoreApplication.translate("Task", TASK_NAMES[endpoint]) if endpoint in TASK_NAMES else endpoint


def system_language() -> str:
    return CHINESE if QLocale.system().name().startswith("zh") else ENGLISH


def current_language() -> str:
    return _current


def pick(en: str, zh: str) -> str:
    """Choose the core's English or Chinese text by the UI language."""
    return zh if _current == CHINESE else en


def qm_path(language: str) -> str:
    return str(translations_dir() / f"{QM_PREFIX}{language}.qm")


class Translations:
    """Holds the installed translators; ``set_language`` swaps them (and Qt's own, for dialogs)."""

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

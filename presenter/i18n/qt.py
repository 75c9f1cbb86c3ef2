"""Installs the chosen language into Qt: Presenter's catalog and Qt's own (file chooser, message boxes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from presenter.i18n import Language, catalog, set_translator

_installed: list[QTranslator] = []


def load_translators(language: Language) -> list[QTranslator]:
    """Presenter's catalog and Qt's qtbase for `language`; empty for English."""
    if language is Language.ENGLISH:
        return []
    translators = []
    own = QTranslator()
    path = catalog(language)
    if path is None or not own.load(str(path)):
        raise FileNotFoundError(f"{path}: the {language.value} translation is missing; run bash tools/setup.sh")
    translators.append(own)
    qt = QTranslator()
    if qt.load(f"qtbase_{language.value}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    return translators


def install(language: Language, app: QCoreApplication | None = None) -> None:
    """Speak `language` from now on, in the windows and in the Qt-free core; switching again replaces it."""
    app = app or QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    translators = load_translators(language)
    if app is not None:
        for translator in translators:
            app.installTranslator(translator)
        set_translator(QCoreApplication.translate, language)
    else:
        set_translator(_chain(translators), language)
    _installed.extend(translators)
    QLocale.setDefault(QLocale(QLocale.Language.German if language is Language.GERMAN else QLocale.Language.English))


def _chain(translators: list[QTranslator]) -> Callable[[str, str], str]:
    """Without a QCoreApplication (the command line), ask the translators directly."""

    def lookup(context: str, text: str) -> str:
        for translator in translators:
            found = translator.translate(context, text)
            if found:
                return found
        return text

    return lookup

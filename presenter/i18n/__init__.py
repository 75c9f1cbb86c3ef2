"""Languages: which one to speak, and the one `translate` the Qt-free core uses.

The core (show file messages, `--check`, the as-run export) must not import Qt, yet speaks the
user's language: it calls `translate(context, text)`, which `pyside6-lupdate` extracts like
`QCoreApplication.translate`, and which the app (or the command line) points at Qt's translators
with `set_translator`. Until then it returns the English source text.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable, Mapping
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


class Language(enum.StrEnum):
    ENGLISH = "en"
    GERMAN = "de"


_translator: Callable[[str, str], str] | None = None
_language: Language = Language.ENGLISH


def translate(context: str, text: str) -> str:
    """`text` in the chosen language (English, the source language, when none is installed)."""
    if _translator is None:
        return text
    return _translator(context, text) or text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Marks a text for translation where it is defined; `translate` it where it is shown."""
    return text


def set_translator(function: Callable[[str, str], str] | None, language: Language | None = None) -> None:
    global _translator, _language
    _translator = function
    _language = language or (Language.ENGLISH if function is None else _language)


def current_language() -> Language:
    """The language installed (presenter.i18n.qt.install); English until one is."""
    return _language


def parse_language(value: str) -> Language:
    """`--lang de|en` (and `de_DE` or `en-GB` as a locale would write it)."""
    code = value.strip().lower().replace("-", "_").split("_")[0]
    try:
        return Language(code)
    except ValueError:
        raise ValueError(f"unknown language {value!r}: use de or en") from None


def system_language(env: Mapping[str, str] | None = None) -> Language:
    """German for a de_* locale, English otherwise: LC_ALL, LC_MESSAGES, LANG, as POSIX orders them."""
    env = os.environ if env is None else env
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value and value not in ("C", "POSIX"):
            first = value.split(":")[0]
            return Language.GERMAN if first.lower().startswith("de") else Language.ENGLISH
    return Language.ENGLISH


def choose_language(argument: str | None, remembered: str | None, env: Mapping[str, str] | None = None) -> Language:
    """`--lang` wins, then the choice remembered in the settings, then the system locale."""
    for value in (argument, remembered):
        if value:
            try:
                return parse_language(value)
            except ValueError:
                continue
    return system_language(env)


def catalog(language: Language) -> Path | None:
    """The compiled translation of Presenter's own texts (English is the source: none)."""
    if language is Language.ENGLISH:
        return None
    return FOLDER / f"presenter_{language.value}.qm"

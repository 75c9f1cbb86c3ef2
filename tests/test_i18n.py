"""Choosing the language, and the core's `translate` hook, without a window."""

import pytest

from presenter import i18n
from presenter.i18n import Language, choose_language, parse_language, system_language, translate


@pytest.fixture(autouse=True)
def no_translator():
    yield
    i18n.set_translator(None)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, Language.GERMAN),
        ({"LANG": "de_AT.UTF-8"}, Language.GERMAN),
        ({"LANG": "en_GB.UTF-8"}, Language.ENGLISH),
        ({"LANG": "fr_FR.UTF-8"}, Language.ENGLISH),
        ({"LANG": "C"}, Language.ENGLISH),
        ({}, Language.ENGLISH),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "de_DE.UTF-8"}, Language.GERMAN),
        ({"LANGUAGE": "de:en", "LANG": "en_US.UTF-8"}, Language.GERMAN),
    ],
)
def test_system_language_follows_the_locale(env, expected):
    assert system_language(env) is expected


def test_the_command_line_wins_then_the_remembered_choice_then_the_locale():
    german = {"LANG": "de_DE.UTF-8"}
    assert choose_language("en", "de", german) is Language.ENGLISH
    assert choose_language(None, "en", german) is Language.ENGLISH
    assert choose_language(None, None, german) is Language.GERMAN
    assert choose_language(None, "klingon", german) is Language.GERMAN


@pytest.mark.parametrize("value", ["de", "DE", "de_DE", "de-AT"])
def test_parse_language_accepts_locale_spellings(value):
    assert parse_language(value) is Language.GERMAN


def test_parse_language_names_the_choices():
    with pytest.raises(ValueError, match="use de or en"):
        parse_language("fr")


def test_translate_is_english_until_a_translator_is_set():
    assert translate("Show", "remaining") == "remaining"
    i18n.set_translator(lambda context, text: {"remaining": "noch"}.get(text, ""))
    assert translate("Show", "remaining") == "noch"
    assert translate("Show", "unknown") == "unknown"


def test_the_german_catalog_loads_without_a_qt_application():
    from presenter.i18n.qt import load_translators

    translators = load_translators(Language.GERMAN)
    assert translators, "presenter_de.qm must load"
    assert load_translators(Language.ENGLISH) == []

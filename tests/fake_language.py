"""A stand-in for German in unit tests: every text that goes through `translate` reads ⟦…⟧.

The real catalog (presenter/i18n/presenter_de.qm) is regenerated from the code by the lead; these
tests show that a text is translated at all, whatever the catalog holds today.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from presenter.i18n import set_translator


def pseudo(context: str, text: str) -> str:
    return f"⟦{text}⟧"


@contextmanager
def pseudo_german() -> Iterator[None]:
    set_translator(pseudo)
    try:
        yield
    finally:
        set_translator(None)


def catalog_has(context: str, text: str) -> bool:
    """Whether the German catalog translates `text` (the lead's regenerated .qm does)."""
    from PySide6.QtCore import QTranslator

    from presenter.i18n import Language, catalog

    translator = QTranslator()
    path = catalog(Language.GERMAN)
    return path is not None and translator.load(str(path)) and bool(translator.translate(context, text))


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """A test that speaks German (cli.main installs the catalog) leaves the process speaking English again."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    yield
    set_translator(None)
    QLocale.setDefault(locale)

"""The director's choice of language: remembered in the settings for the next start; in standby the
windows start again in it at once (the process is started again with the same command line and the
journal brings the run back), on air never: the show is not interrupted."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from presenter.compose import LANGUAGE_KEY
from presenter.i18n import Language, current_language, parse_language, translate
from presenter.run.engine import Mode
from presenter.run.intents import SetLanguage

if TYPE_CHECKING:
    from presenter.ui.app import PresenterApp

# Each language named in its own language, whichever is spoken now.
LANGUAGE_NAMES = {Language.ENGLISH: "English", Language.GERMAN: "Deutsch"}


def choose_language(app: PresenterApp, code: str) -> None:
    """`app` (a PresenterApp) speaks `code` from the next start; now, if the director agrees and
    nothing is on air."""
    language = parse_language(code)
    app.settings.setValue(LANGUAGE_KEY, language.value)
    app.settings.sync()
    if language is current_language():
        return
    app.director.send_intent(SetLanguage(language.value))  # journaled: the run's record says when it changed
    name = LANGUAGE_NAMES[language]
    if not can_restart_now(app):
        later = translate(
            "LanguageChoice", "{language} is used from the next start of Presenter: the show is not interrupted."
        )
        app.director.add_problem(later.format(language=name))
        return
    answer = QMessageBox.question(
        app.director, "Sprache / Language",
        translate("LanguageChoice", "Restart the windows now in {language}?").format(language=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
    )  # fmt: skip
    if answer != QMessageBox.StandardButton.Yes:
        app.director.add_problem(
            translate("LanguageChoice", "{language} is used from the next start of Presenter.").format(language=name)
        )
        return
    app.restart(restart_argv())


def can_restart_now(app: PresenterApp) -> bool:
    """Only in standby with the show Presenter was started with (a restart opens that show again)."""
    show = getattr(app.args, "show", None)
    started_with = Path(show).resolve() if show else None
    current = app.controller.show.path  # None: a show not read from a file cannot be opened again
    on_standby = app.controller.snapshot().mode is Mode.STANDBY
    return on_standby and current is not None and started_with == current.resolve()


def restart_argv(argv: list[str] | None = None) -> list[str]:
    """The command line this Presenter was started with, after the interpreter, without `--lang`
    (the language just chosen is in the settings)."""
    kept: list[str] = []
    skip = False
    for item in list(sys.orig_argv[1:] if argv is None else argv):
        if skip:
            skip = False
        elif item == "--lang":
            skip = True
        elif not item.startswith("--lang="):
            kept.append(item)
    return kept

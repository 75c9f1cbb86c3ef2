"""Export as-run… from the director: the run's as-run, its log and its questions, in the UI's CSV dialect."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from presenter.csvout import dialect_for
from presenter.files import atomic_write
from presenter.i18n import Language, current_language, translate
from presenter.questions import replayed_queue
from presenter.questions.csv_file import questions_csv
from presenter.run.as_run import as_run_csv, as_run_file_name, as_run_log_csv

if TYPE_CHECKING:
    from presenter.ui.app import PresenterApp


def export_run(app: PresenterApp) -> None:
    engine = app.as_run_engine()
    lang = "de" if current_language() is Language.GERMAN else "en"
    chosen, _ = QFileDialog.getSaveFileName(
        app.director,
        translate("Export", "Export as-run"),
        as_run_file_name(engine),
        translate("Export", "CSV files (*.csv)"),
    )
    if not chosen:
        return
    path = Path(chosen)
    if engine is app.controller.engine:
        questions = app.controller.questions.questions
    else:
        questions = replayed_queue(engine.question_records)[0].questions
    files = (
        (path, as_run_csv(engine, lang)),
        (path.with_name(path.stem + "-log.csv"), as_run_log_csv(engine, lang)),
        (
            path.with_name(path.stem + "-questions.csv"),
            questions_csv(questions, dialect_for(lang)),
        ),
    )
    try:
        for target, text in files:
            atomic_write(target, text)
    except OSError as exc:
        app.director.add_problem(translate("Export", "As-run not saved: {error}").format(error=exc.strerror or exc))
    else:  # a success is news, not a problem (issue 22): the status line, not the problems list
        app.director.set_status_line(
            translate("Export", "As-run saved to {path} (with its log and the questions beside it)").format(path=chosen)
        )

"""The producer's Questions window wired into the application: opened with the others, the
director's queue and keys, the moderator's question panel, and deleting a run's questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from presenter.questions import delete_questions_from_journal

if TYPE_CHECKING:
    from presenter.ui.app import PresenterApp


class QuestionsWiring(QObject):
    def __init__(self, app: PresenterApp) -> None:
        super().__init__(app)
        from presenter.ui.questions_window import QuestionsWindow

        self.app = app
        self.window = QuestionsWindow(app.controller)
        self.window.delete_run_questions_requested.connect(self.delete_run_questions)
        for warning in app.controller.question_warnings:
            app.director.add_problem(warning)
        app.director.question_queue.questions_window_requested.connect(self.show)

    def show(self) -> None:
        self.window.show()
        self.window.raise_()

    def delete_run_questions(self) -> None:
        """Data protection: this run's questions out of memory and out of its journal (rewritten atomically)."""
        app = self.app
        app.controller.question_intents.forget_all()
        rules = app.rules
        if rules.journal is None:
            return
        path = rules.journal.path
        rules.journal.close()  # the rewrite replaces the file: append to the new one after it
        try:
            removed = delete_questions_from_journal(path)
            message = QCoreApplication.translate(
                "QuestionsWiring", "{count} question entries deleted from {name}"
            ).format(count=removed, name=path.name)
        except OSError as exc:
            message = QCoreApplication.translate(
                "QuestionsWiring", "The questions could not be deleted from the journal {path}: {error}"
            ).format(path=path, error=exc.strerror or exc)
        rules.journal = app.state.reopen(path, app._journal_problem)
        app.controller.attach_journal(rules.journal.append)
        app.director.add_problem(message)
        self.window.status.setText(message)

"""The producer's Questions window: paste from the chat, approve, order, edit, import and export.

It only renders the controller's question queue and sends question intents; the queue and the
journal live in the controller (presenter.questions).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from presenter.controller import ShowController
from presenter.csvout import Dialect
from presenter.files import atomic_write
from presenter.next_turn import NextTurn
from presenter.questions import MAX_NAME, MAX_NOTE, MAX_SCREEN_TEXT, Question, QuestionState, Source, source_label
from presenter.questions.csv_file import ImportReport, questions_csv, read_questions_file
from presenter.show import slugify
from presenter.ui.naming import named
from presenter.ui.question_list import ID_ROLE, QuestionFilter, QuestionListModel, column_titles, state_label
from presenter.ui.question_queue import is_text_input


def one_entry_per_speaker(names: list[str]) -> list[str]:
    """One entry per person (issue 22): "Klaus Weichel" is the "Oberbürgermeister Klaus Weichel" named in
    another segment (a name that ends another one, word for word), and the fuller form is kept."""
    unique = list(dict.fromkeys(" ".join(name.split()) for name in names if name.strip()))

    def fuller(name: str) -> str | None:
        words = name.casefold().split()
        for other in unique:
            longer = other.casefold().split()
            if len(longer) > len(words) and longer[-len(words) :] == words:
                return other
        return None

    kept: dict[str, None] = {}
    for name in unique:
        kept.setdefault(fuller(name) or name, None)
    return list(kept)


def show_speakers(controller: ShowController) -> list[str]:
    return one_entry_per_speaker([speaker for segment in controller.show.segments for speaker in segment.speaker_names])


def question_number(controller: ShowController, question_id: str) -> int:
    """The question's number as the list shows it (#2), the one numbering users see (issue 22)."""
    ids = [question.id for question in controller.questions.questions]
    return ids.index(question_id) + 1 if question_id in ids else 0


SIZED_ROWS = 50  # the rows a column of the question list is sized by


class QuestionEditor(QDialog):
    """F2: every field of one question; OK sends only what changed."""

    def __init__(self, question: Question, speakers: list[str], parent: QWidget | None = None, number: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit question #{number}").format(number=number or question.id))
        self.question = question
        self.text = named(QPlainTextEdit(question.text), "editText")
        self.screen_text = named(QLineEdit(question.screen_text), "editScreenText")
        self.screen_text.setMaxLength(MAX_SCREEN_TEXT)
        self.screen_text.setPlaceholderText(self.tr("optional: what the moderator reads (at most 140 characters)"))
        self.asker = named(QLineEdit(question.asker), "editAsker")
        self.asker.setMaxLength(MAX_NAME)
        self.source = named(QComboBox(), "editSource")
        for source in Source:
            self.source.addItem(source_label(source), source.value)
        self.source.setCurrentIndex(list(Source).index(question.source))
        self.addressed_to = named(QComboBox(), "editAddressedTo")
        self.addressed_to.addItem("", "")
        for speaker in speakers:
            self.addressed_to.addItem(speaker, speaker)
        if question.addressed_to and question.addressed_to not in speakers:
            self.addressed_to.addItem(question.addressed_to, question.addressed_to)
        self.addressed_to.setCurrentIndex(max(self.addressed_to.findData(question.addressed_to), 0))
        self.note = named(QLineEdit(question.note), "editNote")
        self.note.setMaxLength(MAX_NOTE)
        form = QFormLayout(self)
        form.addRow(self.tr("Question"), self.text)
        form.addRow(self.tr("Screen text"), self.screen_text)
        form.addRow(self.tr("Asker"), self.asker)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Addressed to"), self.addressed_to)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(640, 360)

    def changes(self) -> dict[str, str]:
        now = {
            "text": self.text.toPlainText(),
            "screen_text": self.screen_text.text(),
            "asker": self.asker.text(),
            "source": self.source.currentData(),
            "addressed_to": self.addressed_to.currentData() or "",
            "note": self.note.text(),
        }
        before = {key: str(getattr(self.question, key)) for key in now}
        return {key: value for key, value in now.items() if value != before[key]}


class QuestionsWindow(QWidget):
    delete_run_questions_requested = Signal()  # the app redacts this run's journal (data protection)

    def __init__(self, controller: ShowController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("questions")
        self.setWindowTitle(self.tr("Questions — {title} — Presenter").format(title=controller.show.title))
        self.resize(1100, 720)
        self.last_report: ImportReport | None = None
        self._build()
        self._bind_keys()
        # Changes from elsewhere (a GO, the remote, the director's Q) show in the next turn of the event loop,
        # once however many came together (four per question shown in the soak); this window's own actions
        # refresh at once where they select what they made.
        self._refresh_soon = NextTurn(self, self.refresh)
        controller.changed.connect(self._refresh_soon.soon)
        self.refresh()

    # ------------------------------------------------------------------ layout

    def showEvent(self, event: QShowEvent) -> None:
        """Opens in view (issue 22): inside the free area of the director's screen, in front of the
        director, never left behind it or past a laptop's edge."""
        super().showEvent(event)
        owner = QApplication.activeWindow() or self
        screen = owner.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            width, height = min(self.width(), area.width()), min(self.height(), area.height())
            frame = self.frameGeometry()
            x = max(area.x(), min(frame.x(), area.right() + 1 - width))
            y = max(area.y(), min(frame.y(), area.bottom() + 1 - height))
            if (width, height) != (self.width(), self.height()):
                self.resize(width, height)
            if not area.contains(frame) or (x, y) != (frame.x(), frame.y()):
                self.move(x, y)
        self.raise_()

    def _build(self) -> None:
        self._build_table()
        top = self._build_filters()
        self.counts = named(QLabel(), "questionCounts")
        self.status = named(QLabel(), "questionStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # refusals quote question texts
        self.status.setWordWrap(True)
        self.report = named(QPlainTextEdit(), "importReport")
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(120)
        self.report.hide()

        buttons, files = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.report)
        layout.addLayout(files)
        self.table.setFocus()

    def _build_table(self) -> None:
        self.model = QuestionListModel(self)
        self.filter = QuestionFilter(self)
        self.filter.setSourceModel(self.model)
        self.table = named(QTableView(), "questionList")
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(column_titles()) - 1, QHeaderView.ResizeMode.Stretch)
        # The columns fit the first rows, not all: every change of the queue reads the rows sized by
        # (Qt's default is 1,000), and a long question round made each GO slower (issue 25's soak).
        header.setResizeContentsPrecision(SIZED_ROWS)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())

    def _build_filters(self) -> QHBoxLayout:
        """The source of pasted questions, the search and the state filter, in one row above the list."""
        self.default_source = named(QComboBox(), "defaultSource")
        for source in Source:
            self.default_source.addItem(source_label(source), source.value)
        self.default_source.setToolTip(self.tr("Source of a pasted question that does not name one"))
        self.search = named(QLineEdit(), "questionSearch")
        self.search.setPlaceholderText(self.tr("Search (name, words, source)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.state_filter = named(QComboBox(), "stateFilter")
        self.state_filter.addItem(self.tr("all"), None)
        for state in QuestionState:
            self.state_filter.addItem(state_label(state), state.value)
        self.state_filter.currentIndexChanged.connect(self._filter_changed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Pasted from:")))
        top.addWidget(self.default_source)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.state_filter)
        return top

    def _build_buttons(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The queue's buttons under the list, and the file buttons with the counts at the bottom."""
        buttons = QHBoxLayout()
        for name, text, slot in (
            ("paste", self.tr("Paste (Ctrl+V)"), self.paste),
            ("approve", self.tr("Approve (Enter)"), self.approve_selected),
            ("drop", self.tr("Drop (Del)"), self.drop_selected),
            ("undo", self.tr("Undo drop (Ctrl+Z)"), self.undo_drop),
            ("up", self.tr("Up (Alt+↑)"), lambda: self.move_selected(-1)),
            ("down", self.tr("Down (Alt+↓)"), lambda: self.move_selected(1)),
            ("edit", self.tr("Edit (F2)"), self.edit_selected),
            ("showOnScreen", self.tr("On screen"), self.show_selected),
            ("takeOff", self.tr("Off screen"), self.take_off),
        ):
            button = named(QPushButton(text), name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        files = QHBoxLayout()
        for name, text, slot in (
            ("importCsv", self.tr("Import CSV…"), self.choose_import),
            ("exportCsv", self.tr("Export CSV…"), self.choose_export),
            ("deleteRunQuestions", self.tr("Delete the questions of this run…"), self.confirm_delete),
        ):
            button = named(QPushButton(text), name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            files.addWidget(button)
        files.addStretch(1)
        files.addWidget(self.counts)
        return buttons, files

    def _bind_keys(self) -> None:
        """Window-wide keys; in a text field (the search, an editor) they stay the field's own."""
        for keys, slot in (
            (QKeySequence.StandardKey.Paste, self.paste),
            (QKeySequence(Qt.Key.Key_Return), self.approve_selected),
            (QKeySequence(Qt.Key.Key_Enter), self.approve_selected),
            (QKeySequence(Qt.Key.Key_Delete), self.drop_selected),
            (QKeySequence.StandardKey.Undo, self.undo_drop),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up), lambda: self.move_selected(-1)),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down), lambda: self.move_selected(1)),
            (QKeySequence(Qt.Key.Key_F2), self.edit_selected),
            (QKeySequence.StandardKey.Find, self.search.setFocus),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda slot=slot: None if is_text_input(self.focusWidget()) else slot())

    # ------------------------------------------------------------------ rendering

    def refresh(self) -> None:
        queue = self.controller.questions
        selected = self.selected_id()
        if not self.model.update_from(queue):
            return
        counts = queue.counts()
        total = len(queue.questions)
        self.counts.setText(
            "  ·  ".join(f"{state_label(state)}: {counts[state]}" for state in QuestionState)
            + "  ·  "
            + (self.tr("1 question") if total == 1 else self.tr("%n questions", "", total))
        )
        if selected is not None:
            self.select(selected)

    def _filter_changed(self) -> None:
        self.filter.set_search(self.search.text())
        self.filter.set_state(self.state_filter.currentData())

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.filter.data(rows[0], ID_ROLE) if rows else None

    def select(self, question_id: str) -> None:
        row = self.model.row_of(question_id)
        if row < 0:
            return
        index = self.filter.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _say(self, message: str | None, done: str = "") -> bool:
        self.status.setText(message or done)
        self.status.setStyleSheet("color:#a01010;font-weight:bold;" if message else "")
        return message is None

    # ------------------------------------------------------------------ intents

    def paste(self, text: str | None = None) -> None:
        """Ctrl+V: the clipboard becomes a new question, selected, so Enter approves it."""
        text = QGuiApplication.clipboard().text() if text is None else text
        if not text.strip():
            self._say(self.tr("The clipboard has no text to make a question of."))
            return
        if self._say(self.controller.question_intents.paste(text, self.default_source.currentData())):
            new = self.controller.questions.questions[-1]
            self._say(
                None,
                self.tr("New question #{number} from {asker}: Enter approves it.").format(
                    number=question_number(self.controller, new.id), asker=new.asker or self.tr("(no name)")
                ),
            )
            self.refresh()
            self.select(new.id)
            self.table.setFocus()

    def _with_selected(self, action: Callable[[str], str | None], done: str = "") -> None:
        question_id = self.selected_id()
        if question_id is None:
            self._say(self.tr("Select a question first."))
            return
        self._say(action(question_id), done)
        self.refresh()
        self.select(question_id)

    def approve_selected(self) -> None:
        self._with_selected(self.controller.question_intents.approve, self.tr("Approved."))

    def drop_selected(self) -> None:
        self._with_selected(self.controller.question_intents.drop, self.tr("Dropped: Ctrl+Z brings it back."))

    def undo_drop(self) -> None:
        before = {q.id: q.state for q in self.controller.questions.questions}
        if self._say(self.controller.question_intents.undo_drop(), self.tr("Drop undone.")):
            back = next((q for q in self.controller.questions.questions if before.get(q.id) != q.state), None)
            self.refresh()
            if back is not None:
                self.select(back.id)

    def move_selected(self, step: int) -> None:
        """Alt+↑/↓: past the neighbour the producer sees (the search may hide others in between)."""
        question_id = self.selected_id()
        if question_id is None:
            return
        row = self.table.currentIndex().row() + step
        if not 0 <= row < self.filter.rowCount():
            return
        neighbour = self.filter.data(self.filter.index(row, 0), ID_ROLE)
        target = self.model.row_of(neighbour)
        self._with_selected(lambda qid: self.controller.question_intents.move(qid, target))

    def edit_selected(self) -> None:
        question_id = self.selected_id()
        if question_id is None:
            self._say(self.tr("Select a question first."))
            return
        editor = QuestionEditor(
            self.controller.questions.get(question_id), show_speakers(self.controller), self,
            number=question_number(self.controller, question_id),
        )  # fmt: skip
        self.editor = editor
        editor.accepted.connect(lambda: self.apply_edit(question_id, editor.changes()))
        editor.open()

    def apply_edit(self, question_id: str, changes: Mapping[str, str]) -> None:
        if changes:
            self._with_selected(
                lambda qid: self.controller.question_intents.edit(question_id, **changes), self.tr("Saved.")
            )

    def show_selected(self) -> None:
        self._with_selected(self.controller.question_intents.show, self.tr("On the moderator's screen."))

    def take_off(self) -> None:
        self._say(self.controller.question_intents.take_off(), self.tr("Taken off the moderator's screen."))
        self.refresh()

    # ------------------------------------------------------------------ files

    def choose_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import questions"), str(Path.home()), self.tr("CSV files (*.csv *.txt)")
        )
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> ImportReport:
        report = read_questions_file(path)
        self.last_report = report
        if report.fatal is None and report.entries:
            problem = self.controller.question_intents.import_entries(report.entries)
            if problem:
                report.fatal = problem
                report.entries = []
        lines = [f"{path.name}: {report.summary()}", *report.problems, *report.notes]
        self.report.setPlainText("\n".join(lines))
        self.report.show()
        self._say(report.fatal, report.summary())
        self.refresh()
        return report

    def choose_export(self) -> None:
        show = self.controller.show
        suggested = str(Path.home() / f"questions-{show.date:%Y-%m-%d}-{slugify(show.title)}.csv")
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export questions"),
            suggested,
            ";;".join((self.tr("CSV for Excel, German (;)"), self.tr("CSV with commas (,)"))),
        )
        if chosen:
            comma = chosen_filter == self.tr("CSV with commas (,)")
            self.export_file(Path(chosen), Dialect.COMMA if comma else Dialect.EXCEL_DE)

    def export_file(self, path: Path, dialect: Dialect = Dialect.EXCEL_DE) -> bool:
        try:
            atomic_write(path, questions_csv(self.controller.questions.questions, dialect))
        except OSError as exc:
            return self._say(self.tr("Questions not saved: {why}").format(why=exc.strerror or exc))
        return self._say(None, self.tr("Questions saved to {path}").format(path=path))

    def confirm_delete(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete the questions of this run"),
            self.tr(
                "Every question of this run, with the viewers' names, is deleted from this computer "
                "(the queue and the run's journal). Exported CSV files are not touched. This cannot be undone."
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.delete_run_questions_requested.emit()

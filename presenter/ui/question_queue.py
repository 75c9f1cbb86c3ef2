"""The director's compact question queue and the Q / N / Shift+Q keys.

Q shows the top approved question on the moderator's screen, N marks the one on screen answered
and shows the next, Shift+Q takes it off. The keys never act while the focus is in a text field
(the message line, a search): there a Q is a letter.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from presenter.controller import ShowController
from presenter.questions import QuestionState, source_label
from presenter.run.intents import Intent, QuestionAnsweredNext, QuestionShow, QuestionTakeOff
from presenter.ui.flow_layout import FlowLayout
from presenter.ui.naming import named
from presenter.ui.on_change import set_style
from presenter.ui.send import send

SHOWN_WAITING = 3  # the next approved questions the director sees


def is_text_input(widget: QWidget | None) -> bool:
    """A widget where a letter key types a letter."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QLineEdit | QAbstractSpinBox)


def install_question_keys(
    window: QWidget, controller: ShowController, report: Callable[[str], None] | None = None
) -> list[QShortcut]:
    """Q, N and Shift+Q on `window` (the director's). `report` gets a refusal ("no approved question…")."""

    def run(intent: Intent) -> None:
        if not is_text_input(window.focusWidget()):
            send(controller, intent, report)

    shortcuts = []
    for keys, intent in (
        (QKeySequence(Qt.Key.Key_Q), QuestionShow()),
        (QKeySequence(Qt.Key.Key_N), QuestionAnsweredNext()),
        (QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Q), QuestionTakeOff()),
    ):
        shortcut = QShortcut(keys, window)
        shortcut.setAutoRepeat(False)  # a held key is one press, never a run through the queue
        shortcut.activated.connect(lambda intent=intent: run(intent))
        shortcuts.append(shortcut)
    return shortcuts


ON_SCREEN_STYLE = "background:#56b4e9;color:#000;padding:4px;font-weight:bold;"


class QuestionQueueWidget(QGroupBox):
    """On screen now, the next approved questions, the counts; buttons for the same intents as the keys."""

    questions_window_requested = Signal()
    problem = Signal(str)

    def __init__(self, controller: ShowController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Audience questions"))
        self.setObjectName("questionQueue")
        self.controller = controller
        self._revision: tuple[int, int] | None = None
        self.on_screen = named(QLabel(), "questionOnScreen")
        self.on_screen.setWordWrap(True)
        self.on_screen.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting = named(QLabel(), "questionsWaiting")
        self.waiting.setWordWrap(True)
        self.waiting.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        buttons = FlowLayout()  # German labels wrap on a laptop instead of widening the director (issue 22)
        for name, text, intent in (
            ("questionShow", self.tr("Show (Q)"), QuestionShow()),
            ("questionNext", self.tr("Answered, next (N)"), QuestionAnsweredNext()),
            ("questionOff", self.tr("Off (Shift+Q)"), QuestionTakeOff()),
        ):
            button = named(QPushButton(text), name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, intent=intent: self._send(intent))
            buttons.addWidget(button)
        open_window = named(QPushButton(self.tr("Questions…")), "openQuestions")
        open_window.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        open_window.clicked.connect(self.questions_window_requested.emit)
        buttons.addWidget(open_window)
        layout = QVBoxLayout(self)
        layout.addWidget(self.on_screen)
        layout.addWidget(self.waiting, 1)
        layout.addLayout(buttons)
        controller.changed.connect(self.refresh)
        self.refresh()

    def _send(self, intent: Intent) -> None:
        send(self.controller, intent, self.problem.emit)

    def refresh(self) -> None:
        queue = self.controller.questions
        revision = (id(queue), queue.revision)
        if revision == self._revision:
            return
        self._revision = revision
        current = queue.on_screen
        if current is None:
            self.on_screen.setText(self.tr("No question on screen."))
            style = ""
        else:
            who = " · ".join(part for part in (current.asker, source_label(current.source)) if part)
            self.on_screen.setText(self.tr("ON SCREEN: {text}\n{who}").format(text=current.display_text, who=who))
            style = ON_SCREEN_STYLE
        set_style(self.on_screen, style)
        approved = queue.approved()
        lines = [
            f"{n}. {q.display_text}" + (f" — {q.asker}" if q.asker else "")
            for n, q in enumerate(approved[:SHOWN_WAITING], 1)
        ]
        counts = queue.counts()
        lines.append(
            self.tr("{approved} approved, {new} new, {answered} answered").format(
                approved=len(approved), new=counts[QuestionState.NEW], answered=counts[QuestionState.ANSWERED]
            )
        )
        self.waiting.setText("\n".join(lines))

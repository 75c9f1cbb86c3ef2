"""The audience question on the moderator's screen: unmistakable, readable from 3 m, beside the timer.

A panel of its own colour (Okabe–Ito reddish purple: the clip colour is sky blue, messages are
white), the asker and source small on top, the question as large as fits, and the count of
approved questions waiting, so the moderator can pace the round against the time left. It paints
itself from three setters; the moderator window (or the lead's wiring) feeds it.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from presenter.moderator_view import source_words
from presenter.run.state import ShowSnapshot

QUESTION_COLOUR = "#cc79a7"
QUESTION_BACKGROUND = "#241a22"
QUESTION_TEXT = "#ffffff"
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Segoe UI", "Arial", "sans-serif"]
SMALL = 0.1  # of the panel height: the asker line and the count
LARGEST = 0.2  # the question's largest pixel size, of the panel height
SMALLEST_PX = 14


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(max(px, 1))
    font.setBold(bold)
    return font


class ModeratorQuestionPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("moderatorQuestion")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.asker = ""
        self.source = ""
        self.text = ""
        self.waiting = 0
        self.paint_count = 0  # for the benchmark: when the question was really painted
        self._revision: tuple[object, int] | None = None
        self.setVisible(False)

    # ------------------------------------------------------------------ what it shows

    def set_question(self, asker: str, source: str, text: str) -> None:
        if (asker, source, text) != (self.asker, self.source, self.text) or not self.isVisible():
            self.asker, self.source, self.text = asker, source, text
            self.setVisible(True)
            self.update()

    def clear_question(self) -> None:
        self.asker = self.source = self.text = ""
        self.setVisible(False)

    def set_questions_waiting(self, count: int) -> None:
        if count != self.waiting:
            self.waiting = count
            self.update()

    def update_from(self, snapshot: ShowSnapshot) -> None:
        """Follow the snapshot's question (connect to controller.changed); nothing happens when it did not move."""
        question = snapshot.question
        revision = (question, snapshot.questions_waiting)
        if revision == self._revision:
            return
        self._revision = revision
        show_question_on(self, snapshot)

    def who_text(self) -> str:
        who = self.asker or self.tr("a viewer")
        return self.tr("QUESTION from {who} ({source})").format(who=who, source=self.source) if self.source else who

    def waiting_text(self) -> str:
        if self.waiting == 0:
            return self.tr("no more questions")
        if self.waiting == 1:
            return self.tr("1 question waiting")
        return self.tr("%n questions waiting", "", self.waiting)

    def small_font(self, width: float) -> QFont:
        """The asker line's size: SMALL of the height, smaller when the name would not fit the width."""
        px = max(int(self.height() * SMALL), SMALLEST_PX)
        font = _font(px, bold=True)
        needed = QFontMetricsF(font).horizontalAdvance(self.who_text())
        if needed > width > 0:
            font = _font(max(int(px * width / needed), SMALLEST_PX), bold=True)
        return font

    def question_font(self, rect: QRectF) -> QFont:
        """The largest size at which the whole question fits the rectangle (it is at most 140 characters)."""
        flags = int(Qt.TextFlag.TextWordWrap)
        px = max(int(self.height() * LARGEST), SMALLEST_PX)
        while px > SMALLEST_PX:
            font = _font(px, bold=True)
            needed = QFontMetricsF(font).boundingRect(rect, flags, self.text)
            if needed.height() <= rect.height() and needed.width() <= rect.width():
                return font
            px = int(px * 0.9)
        return _font(SMALLEST_PX, bold=True)

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        height = max(self.height(), 1)
        border = max(height * 0.025, 3.0)
        painter.fillRect(self.rect(), QColor(QUESTION_BACKGROUND))
        painter.setPen(QPen(QColor(QUESTION_COLOUR), border))
        painter.drawRect(QRectF(self.rect()).adjusted(border / 2, border / 2, -border / 2, -border / 2))
        pad = border + height * 0.04
        width = self.width() - 2 * pad
        small = self.small_font(width)
        line = QFontMetricsF(small).height()
        painter.setFont(small)
        painter.setPen(QColor(QUESTION_COLOUR))
        who = QFontMetricsF(small).elidedText(self.who_text(), Qt.TextElideMode.ElideRight, width)
        painter.drawText(
            QRectF(pad, pad, width, line), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), who
        )
        bottom = QRectF(pad, height - pad - line, width, line)
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), self.waiting_text())
        gap = height * 0.03
        body = QRectF(pad, pad + line + gap, width, height - 2 * pad - 2 * line - 2 * gap)
        painter.setFont(self.question_font(body))
        painter.setPen(QColor(QUESTION_TEXT))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(body, int(flags), self.text)
        painter.end()
        self.paint_count += 1


class QuestionTarget(Protocol):
    """What shows the question on screen: the panel here, or a test's stand-in."""

    def set_question(self, asker: str, source: str, text: str) -> None: ...

    def clear_question(self) -> None: ...

    def set_questions_waiting(self, count: int) -> None: ...


def show_question_on(target: QuestionTarget, snapshot: ShowSnapshot) -> None:
    """Feed the snapshot's question on screen and the count waiting to anything with the three setters
    (`set_question`, `clear_question`, `set_questions_waiting`)."""
    current = snapshot.question
    target.set_questions_waiting(snapshot.questions_waiting)
    if current is None:
        target.clear_question()
    else:
        target.set_question(current.asker, source_words(current.source), current.text)

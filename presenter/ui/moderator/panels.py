"""The timer panel, the director's message and the audience question."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from presenter.moderator_view import Look
from presenter.ui import theme
from presenter.ui.moderator.text import FitText, break_lines, make_font
from presenter.ui.moderator_colours import (
    FRAME_COLOUR,
    FRAME_WIDTH,
    MESSAGE_BACKGROUND,
    MESSAGE_TEXT,
    QUESTION_BACKGROUND,
)

PHASE_PX = 0.085
CAPTION_PX = 0.05
CAPTION_MIN_SHARE = 0.8  # a long caption ("Einspieler angehalten · zurück auf Sendung in") shrinks before "…"
DIGITS_CAP = 0.27  # the digits' cap height: over a quarter of the window height
DIGITS_IN_PANEL = 0.75  # at most this share of the panel's height (a message takeover's smaller panel)
FRAME_UNIT = 0.008  # a phase frame's width, in window units (danger: three of them)


class MessageBox(QWidget):
    """The director's message: black on white in a box, the font as large as the box allows."""

    textChanged = Signal(str)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("message")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._text = ""
        self._max_px = 40
        self._min_px = 16
        self._font = make_font(self._max_px, bold=True)
        self._lines: list[str] = []
        self._elided = False
        self._background = MESSAGE_BACKGROUND
        self._text_colour = MESSAGE_TEXT

    def text(self) -> str:
        return self._text

    def displayed_text(self) -> str:
        return "\n".join(self._lines)

    def is_elided(self) -> bool:
        return self._elided

    def background(self) -> str:
        return self._background

    def draw_font(self) -> QFont:
        return QFont(self._font)

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._relayout()
            self.update()
            self.textChanged.emit(text)

    def set_background(self, color: str) -> None:
        if color != self._background:
            self._background = color
            self.update()

    def set_colours(self, background: str, text: str) -> None:
        self._text_colour = text
        self.set_background(background)

    def set_pixel_range(self, smallest: int, largest: int) -> None:
        if (smallest, largest) != (self._min_px, self._max_px):
            self._min_px, self._max_px = smallest, largest
            self._relayout()
            self.update()

    def _padding(self) -> float:
        return max(self._min_px * 0.6, 6.0)

    def text_rect(self) -> QRectF:
        pad = self._padding()
        return QRectF(self.rect()).adjusted(pad, pad * 0.6, -pad, -pad * 0.6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._relayout()
        super().resizeEvent(event)

    def _relayout(self) -> None:
        area = self.text_rect()
        px = self._max_px
        while True:
            font = make_font(px, bold=True)
            spacing = QFontMetricsF(font).lineSpacing()
            room = max(int(area.height() // spacing), 1)
            lines, elided = break_lines(self._text, font, area.width(), room)
            if not elided or px <= self._min_px:
                break
            px = max(int(px * 0.93), self._min_px)
        self._font, self._lines, self._elided = font, lines, elided

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        radius = self._padding() * 0.6
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._background))
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        painter.setFont(self._font)
        painter.setPen(QColor(self._text_colour))
        metrics = QFontMetricsF(self._font)
        area = self.text_rect()
        spacing = metrics.lineSpacing()
        y = area.top() + (area.height() - spacing * len(self._lines)) / 2 + metrics.ascent()
        for line in self._lines:
            x = area.left() + (area.width() - metrics.horizontalAdvance(line)) / 2
            painter.drawText(QPointF(x, y), line)
            y += spacing
        painter.end()


class TimerPanel(QWidget):
    """The phase-coloured panel: phase label and caption on the left, the huge time on the right."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("timerPanel")
        self.phase_label = FitText("phaseLabel", self, shrink=True, max_lines=2, bold=True)
        self.caption = FitText("timerCaption", self, max_lines=2, min_share=CAPTION_MIN_SHARE)
        self.timer = FitText("timer", self, shrink=True, mono=True, cap_center=True, align=Qt.AlignmentFlag.AlignRight)
        self._background = theme.PANEL
        self._look = Look.STANDBY
        self._frame_unit = 4.0
        self._unit: float | None = None
        self.blink_on = False
        self.phase_label.textChanged.connect(self._phase_label_changed)

    def look(self) -> Look:
        return self._look

    def set_look(self, look: Look) -> None:
        if look is not self._look:
            self._look = look
            self.update()

    def background(self) -> str:
        return self._background

    def set_background(self, color: str) -> None:
        if color != self._background:
            self._background = color
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._background))
        radius = self.height() * 0.04
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        frame = FRAME_WIDTH[self._look] * self._frame_unit
        if frame:
            pen = QPen(QColor(FRAME_COLOUR[self._look]), frame)
            if self._look is Look.CLIP:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = frame / 2
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), radius, radius)
        painter.end()

    def _phase_label_changed(self) -> None:
        """A phase word of two lines ("ZUM SCHLUSS / KOMMEN") needs the room of two."""
        if self._unit is not None:
            self.lay_out(self._unit)

    def lay_out(self, unit: float) -> None:
        self._unit = unit
        width, height = self.width(), self.height()
        self._frame_unit = max(unit * FRAME_UNIT, 2.0)
        pad = round(unit * 0.035 + FRAME_WIDTH[Look.DANGER] * self._frame_unit)
        digits_px = self._digits_px(min(unit, height / DIGITS_CAP * DIGITS_IN_PANEL))
        self.timer.set_pixel_size(digits_px)
        self.phase_label.set_pixel_size(round(unit * PHASE_PX))
        self.caption.set_pixel_size(round(unit * CAPTION_PX))
        # The digits get room for five characters ("37:45", "+1:23"); longer texts shrink.
        five = QFontMetricsF(make_font(digits_px, mono=True)).horizontalAdvance("00:00")
        digits_w = min(math.ceil(five) + 2, width - 2 * pad)
        self.timer.setGeometry(width - pad - digits_w, 0, digits_w, height)
        left_w = max(width - 3 * pad - digits_w, 1)
        label_h = max(math.ceil(self.phase_label.line_height()), self.phase_label.height_for(left_w))
        caption_h = math.ceil(self.caption.line_height() * 2)
        top = max((height - label_h - caption_h) // 2, 0)
        self.phase_label.setGeometry(pad, top, left_w, label_h)
        self.caption.setGeometry(pad, top + label_h, left_w, caption_h)

    @staticmethod
    def _digits_px(unit: float) -> int:
        reference = QFontMetricsF(make_font(200, mono=True)).capHeight() / 200
        return math.ceil(unit * DIGITS_CAP / reference)


class QuestionPanel(QWidget):
    """An audience question beside the timer's information: who asks and where from (small), the
    question (large, as large as the panel allows), and how many more are waiting."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("question")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.asker = FitText("questionAsker", self, min_share=0.8, color=theme.MUTED)
        self.waiting = FitText(
            "questionsWaiting", self, shrink=True, color=theme.MUTED, align=Qt.AlignmentFlag.AlignRight
        )
        self.body = MessageBox(self)
        self.body.setObjectName("questionText")
        self.body.set_colours(QUESTION_BACKGROUND, theme.TEXT)
        self._pad = 6

    def set_question(self, header: str, text: str, waiting: str) -> None:
        self.asker.setText(header)
        self.body.setText(text)
        self.waiting.setText(waiting)
        self.body.setVisible(bool(text))

    def header_height(self, small_px: int) -> int:
        """The asker's and the count's line at `small_px`, measured at that size: measured at the size
        before a resize it cut "5 Fragen warten" in half (issue 22: 640×453 → 1280×720)."""
        self.asker.set_pixel_size(small_px)
        self.waiting.set_pixel_size(small_px)
        return math.ceil(max(self.asker.line_height(), self.waiting.line_height()))

    def lay_out(self, unit: float, small_px: int, smallest: int, largest: int) -> None:
        self._pad = round(unit * 0.012)
        self.asker.set_pixel_size(small_px)
        self.waiting.set_pixel_size(small_px)
        self.body.set_pixel_range(smallest, largest)
        width, height = self.width(), self.height()
        line = math.ceil(self.asker.line_height())
        waiting_w = math.ceil(self.waiting.natural_width()) + 2
        waiting_w = min(waiting_w, width // 2) if self.waiting.text() else 0
        self.asker.setGeometry(0, 0, max(width - waiting_w - self._pad, 1), line)
        self.waiting.setGeometry(width - waiting_w, 0, waiting_w, line)
        self.body.setGeometry(0, line + self._pad // 2, width, max(height - line - self._pad // 2, 1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)

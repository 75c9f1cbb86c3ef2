"""Where everything goes on the moderator window, from its size alone.

Sizes are fractions of the layout unit u = min(height, width · 9/16). Top to bottom: the status
line (clock | over/under | projected end), the timer panel, a notice, the title and the speakers
(beside a message they get a third line rather than an ellipsis), then the talking points; the
message and the audience question on the right; the next segment on a strip at the bottom."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QFontMetricsF

from presenter.ui.moderator.text import make_font

if TYPE_CHECKING:
    from presenter.ui.moderator.text import FitText
    from presenter.ui.moderator.window import ModeratorWindow

MARGIN = 0.028
GAP = 0.014
STATUS_PX = 0.052
PANEL_H = 0.37
PANEL_H_TAKEOVER = 0.26
NOTICE_PX = 0.05
TITLE_PX = 0.064
SPEAKERS_PX = 0.045
POINTS_PX = 0.046
POINTS_MIN_PX = 0.036  # the smallest talking points still read from three metres
NEXT_PX = 0.052
MESSAGE_MAX_PX = 0.10
MESSAGE_MIN_PX = 0.04
TAKEOVER_MAX_PX = 0.16
QUESTION_SMALL_PX = 0.036
MESSAGE_SHARE = 0.5  # of the width below the title, when a message or a question is shown
QUESTION_SHARE = 0.55  # of the right column's height, when a message and a question are shown
TITLE_LINES = 2
SPEAKER_LINES = 2
SIDE_TITLE_LINES = 3  # beside a message the title is narrower: one more line before "…"


def unit_of(width: int, height: int) -> float:
    return min(height, width * 9 / 16)


def _set_sizes(window: ModeratorWindow, unit: float, takeover: bool) -> None:
    for widget, px in (
        (window.clock_label, STATUS_PX),
        (window.over_under, STATUS_PX),
        (window.projection, STATUS_PX),
        (window.notice, NOTICE_PX),
        (window.title, TITLE_PX),
        (window.speakers, SPEAKERS_PX),
        (window.next_title, NEXT_PX),
        (window.next_duration, NEXT_PX),
    ):
        widget.set_pixel_size(round(unit * px))
    window.points.set_pixel_range(round(unit * POINTS_MIN_PX), round(unit * POINTS_PX))
    largest = TAKEOVER_MAX_PX if takeover else MESSAGE_MAX_PX
    window.message.set_pixel_range(round(unit * MESSAGE_MIN_PX), round(unit * largest))


def _status_row(window: ModeratorWindow, width: int, margin: int, gap: int) -> int:
    """Clock | over/under | projected end; the over/under gets the room its text needs."""
    y = margin
    status_h = math.ceil(window.clock_label.line_height())
    clock_w = math.ceil(window.clock_label.natural_width("00:00:00")) + 2
    widest = QCoreApplication.translate("ModeratorView", "{time} early").format(time="−00:00")
    needed = max(window.over_under.natural_width(widest), window.over_under.natural_width())
    over_w = min(math.ceil(needed) + 2, (width - 2 * margin - clock_w) // 2)
    window.clock_label.setGeometry(margin, y, clock_w, status_h)
    window.over_under.setGeometry(margin + clock_w + gap, y, over_w, status_h)
    projection_x = margin + clock_w + over_w + 2 * gap
    window.projection.setGeometry(projection_x, y, max(width - margin - projection_x, 1), status_h)
    return y + status_h + gap


def _next_bar(window: ModeratorWindow, width: int, height: int, margin: int, gap: int) -> QRect:
    inner = width - 2 * margin
    next_h = math.ceil(window.next_title.line_height())
    strip_pad = round(gap * 0.6)
    next_y = height - margin - next_h - strip_pad
    metrics = QFontMetricsF(window.next_duration.draw_font())
    widest = QCoreApplication.translate("ModeratorView", "hard out {time}").format(time="00:00")
    duration_w = math.ceil(metrics.horizontalAdvance(widest)) + 2
    window.next_duration.setGeometry(width - margin - gap - duration_w, next_y, duration_w, next_h)
    window.next_title.setGeometry(margin + gap, next_y, max(inner - 3 * gap - duration_w, 1), next_h)
    return QRect(margin, next_y - strip_pad, inner, next_h + 2 * strip_pad)


def _right_column(window: ModeratorWindow, rect: QRect, unit: float, gap: int) -> None:
    """The message above the audience question, or either alone, in `rect`."""
    message, question = window.message.isVisibleTo(window), window.question.isVisibleTo(window)
    question_h = 0
    if question:
        only_header = not window.question.body.text()
        small = round(unit * QUESTION_SMALL_PX)
        line = window.question.header_height(small) + 2  # at this size, not the one before a resize
        question_h = line if only_header else rect.height()
        if message:
            question_h = line if only_header else round(rect.height() * QUESTION_SHARE)
        window.question.setGeometry(rect.left(), rect.bottom() + 1 - question_h, rect.width(), question_h)
        window.question.lay_out(unit, small, round(unit * MESSAGE_MIN_PX), round(unit * MESSAGE_MAX_PX))
    if message:
        message_h = rect.height() - (question_h + gap if question else 0)
        window.message.setGeometry(rect.left(), rect.top(), rect.width(), max(message_h, 1))


def lay_out(window: ModeratorWindow, *, takeover: bool) -> QRect:
    """Place every widget of `window`; returns the next segment's strip."""
    width, height = window.width(), window.height()
    unit = unit_of(width, height)
    margin, gap = round(unit * MARGIN), round(unit * GAP)
    inner = width - 2 * margin
    _set_sizes(window, unit, takeover)
    y = _status_row(window, width, margin, gap)
    panel_h = round(unit * (PANEL_H_TAKEOVER if takeover else PANEL_H))
    window.panel.setGeometry(margin, y, inner, panel_h)
    window.panel.lay_out(unit)
    y += panel_h + gap
    if window.notice.isVisibleTo(window):
        notice_h = math.ceil(window.notice.line_height() * 1.3)
        window.notice.setGeometry(margin, y, inner, notice_h)
        y += notice_h + gap
    if takeover:
        window.message.setGeometry(margin, y, inner, max(height - margin - y, 1))
        return QRect()
    bar = _next_bar(window, width, height, margin, gap)
    bottom = bar.top() - gap
    text_w = inner
    side = window.message.isVisibleTo(window) or window.question.isVisibleTo(window)
    if side:  # the message and the question on the right, as tall as the room below the timer
        text_w = round((inner - 2 * gap) * (1 - MESSAGE_SHARE))
        right_x = margin + text_w + 2 * gap
        _right_column(window, QRect(right_x, y, width - margin - right_x, max(bottom - y, 1)), unit, gap)
    y = _title_and_speakers(window, QRect(margin, y, text_w, max(bottom - y, 1)), unit, side) + gap
    window.points.setGeometry(margin, y, text_w, max(bottom - y, 1))
    return bar


def _fewest_lines(widget: FitText, width: int, most: int) -> int:
    """The fewest lines (up to `most`) at which `widget` shows its text whole."""
    for lines in range(1, most + 1):
        widget.set_max_lines(lines)
        if widget.fits_whole(width):
            return lines
    return most


def _title_and_speakers(window: ModeratorWindow, rect: QRect, unit: float, side: bool) -> int:
    """Title and speakers at the top of `rect` in as few lines as keep them whole, leaving the
    talking points at least three lines (the last for "1/2"); only when space is that short do
    they lose lines (and end in "…")."""
    points_line = QFontMetricsF(make_font(round(unit * POINTS_MIN_PX))).lineSpacing()
    width = rect.width()
    title_lines = _fewest_lines(window.title, width, SIDE_TITLE_LINES if side else TITLE_LINES)
    speaker_lines = _fewest_lines(window.speakers, width, SPEAKER_LINES)
    choices = [(title_lines, speaker_lines), (min(title_lines, TITLE_LINES), speaker_lines), (TITLE_LINES, 1), (1, 1)]
    for title_lines, speaker_lines in choices:
        window.title.set_max_lines(title_lines)
        window.speakers.set_max_lines(speaker_lines)
        title_h = window.title.height_for(width)
        speakers_h = window.speakers.height_for(width) if window.speakers.text() else 0
        if rect.height() - title_h - speakers_h - round(unit * GAP) >= 3 * points_line:
            break
    window.title.setGeometry(rect.left(), rect.top(), width, title_h)
    window.speakers.setGeometry(rect.left(), rect.top() + title_h, width, speakers_h)
    return rect.top() + title_h + speakers_h

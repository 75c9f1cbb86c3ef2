"""The moderator window: a timer the moderator can trust from three metres.

Everything on it is rendered from `controller.snapshot()`; the window holds no show logic. The
texts are computed from the snapshot's timestamps on every refresh (never by counting ticks), and
a widget is only repainted when its text or colour really changed. A 10 Hz refresh runs while
something moves (a segment on air, the countdown to the start, a blinking message); otherwise the
window wakes once a second, on the second, for the clock only.

Layout is done by hand from the window size: every font size is a fraction of the window height,
so the same proportions hold at 1280×720 and 1920×1080 (and anything in between). Text that does
not fit wraps and, failing that, is elided with "…"; talking points that do not fit are summed up
as "+ 2 more". Nothing is ever cut off.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QWidget

from presenter.clock import Clock
from presenter.controller import ShowController
from presenter.engine import ClipState, Message, Mode, Phase, ShowSnapshot
from presenter.timefmt import format_countdown, format_duration, format_signed
from presenter.ui import theme

ELLIPSIS = "…"
WINDOWED_SIZE = QSize(1280, 720)
MOVING_REFRESH_MS = 100  # 10 Hz while something moves
IDLE_WAKE_AFTER_SECOND_MS = 15  # idle: wake just after each wall-clock second, for the clock

TEXT_FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"]

# Moderator-only colours (the shared ones come from theme).
CLIP_COLOUR = "#56b4e9"  # Okabe–Ito sky blue: a clip is on air, not the moderator
OVERTIME_DIM = "#8a3c00"  # the overtime panel's darker half-beat (white digits stay readable)
MESSAGE_BACKGROUND = "#ffffff"
MESSAGE_BLINK_BACKGROUND = theme.PHASE_FOREGROUND[Phase.WARNING]  # white ↔ yellow, black text on both
MESSAGE_TEXT = "#000000"
NOTICE_BACKGROUND = theme.ON_AIR
NOTICE_TEXT = "#ffffff"
MESSAGE_BLINK_HALF_PERIOD_S = 0.5

# Sizes as fractions of the layout unit u = min(height, width · 9/16).
MARGIN = 0.028
GAP = 0.014
STATUS_PX = 0.052
PANEL_H = 0.37
DIGITS_CAP = 0.27  # the digits' cap height: over a quarter of the window height
PHASE_PX = 0.085
CAPTION_PX = 0.05
NOTICE_PX = 0.05
TITLE_PX = 0.064
SPEAKERS_PX = 0.045
POINTS_PX = 0.046
NEXT_PX = 0.052
MESSAGE_MAX_PX = 0.10
MESSAGE_MIN_PX = 0.04
MAX_LINES_PER_POINT = 3
MESSAGE_SHARE = 0.5  # of the width below the timer, when a message is shown
ON_TIME_WITHIN_S = 0.5
STATUS_SLACK_S = 0.001  # see _away_from_zero


def _font(px: int, *, bold: bool = False, mono: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(theme.TIMER_FONT_FAMILIES if mono else TEXT_FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Monospace if mono else QFont.StyleHint.SansSerif)
    if mono:
        font.setFixedPitch(True)
    font.setPixelSize(max(px, 6))
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return font


def break_lines(text: str, font: QFont, width: float, max_lines: int) -> tuple[list[str], bool]:
    """Wrap `text` at word boundaries (anywhere inside a word too long for a line) into at most
    `max_lines` lines of `width` pixels; the last line is elided with "…" if the text goes on.
    Returns the lines and whether anything was elided."""
    text = " ".join(text.split())
    if not text:
        return [], False
    width = max(width, 1.0)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[start : start + length].strip() for start, length in spans]
    if len(lines) <= max_lines:
        return lines, False
    metrics = QFontMetricsF(font)
    kept = lines[: max_lines - 1]
    rest = text[spans[max_lines - 1][0] :].strip()
    last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    if not last.endswith(ELLIPSIS):  # rest spans several lines, so this is only a safety net
        last = last.rstrip() + ELLIPSIS
    return [*kept, last], True


class FitText(QWidget):
    """A text that never gets cut off: wrapped to at most `max_lines`, the last line elided with "…";
    with `shrink`, one line whose font shrinks until it fits the width instead.

    `setText`/`set_color` do nothing when nothing changed, so a 10 Hz refresh costs no repaint."""

    def __init__(
        self,
        name: str,
        parent: QWidget,
        *,
        max_lines: int = 1,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
        shrink: bool = False,
        bold: bool = False,
        mono: bool = False,
        cap_center: bool = False,
        color: str = theme.TEXT,
    ):
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.max_lines = max_lines
        self.align = align
        self.valign = valign
        self.shrink = shrink
        self.cap_center = cap_center
        self._bold = bold
        self._mono = mono
        self._px = 12
        self._base_font = _font(self._px, bold=bold, mono=mono)
        self._draw_font = self._base_font
        self._text = ""
        self._color = QColor(color)
        self._lines: list[str] = []
        self._elided = False
        self.text_changes = 0  # how often the text really changed (tests: no needless repaints)

    # -- reading (tests and the director's mirror)

    def text(self) -> str:
        return self._text

    def displayed_lines(self) -> list[str]:
        return list(self._lines)

    def displayed_text(self) -> str:
        return "\n".join(self._lines)

    def is_elided(self) -> bool:
        return self._elided

    def color(self) -> str:
        return self._color.name()

    def draw_font(self) -> QFont:
        return QFont(self._draw_font)

    def pixel_size(self) -> int:
        return self._px

    def line_height(self) -> float:
        return QFontMetricsF(self._base_font).lineSpacing()

    def height_for(self, width: float) -> int:
        """The height this text needs at `width` (its lines, at most max_lines)."""
        if self.shrink or self.max_lines == 1:
            return math.ceil(self.line_height())
        lines, _ = break_lines(self._text, self._base_font, width, self.max_lines)
        return math.ceil(max(len(lines), 1) * self.line_height())

    def fits(self) -> bool:
        """Every displayed line fits the widget's width and all lines fit its height."""
        metrics = QFontMetricsF(self._draw_font)
        widest = max((metrics.horizontalAdvance(line) for line in self._lines), default=0.0)
        tall = len(self._lines) * metrics.lineSpacing() if not self.cap_center else metrics.capHeight()
        return widest <= self.width() + 0.5 and tall <= self.height() + 0.5

    # -- changing

    def setText(self, text: str) -> bool:
        if text == self._text:
            return False
        self._text = text
        self.text_changes += 1
        self._relayout()
        self.update()
        return True

    def set_color(self, color: str) -> None:
        if self._color.name() != QColor(color).name():
            self._color = QColor(color)
            self.update()

    def set_pixel_size(self, px: int) -> None:
        px = max(int(px), 6)
        if px == self._px:
            return
        self._px = px
        self._base_font = _font(px, bold=self._bold, mono=self._mono)
        self._relayout()
        self.update()

    def set_mono(self, mono: bool) -> None:
        """Monospaced (tabular digits) or the text face, e.g. for "off air" in the timer's place."""
        if mono == self._mono:
            return
        self._mono = mono
        self._base_font = _font(self._px, bold=self._bold, mono=mono)
        self._relayout()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._relayout()
        super().resizeEvent(event)

    def _relayout(self) -> None:
        width = max(self.width(), 1)
        if self.shrink:
            font = self._base_font
            advance = QFontMetricsF(font).horizontalAdvance(self._text)
            if advance > width:
                font = _font(math.floor(self._px * width / advance), bold=self._bold, mono=self._mono)
                while QFontMetricsF(font).horizontalAdvance(self._text) > width and font.pixelSize() > 6:
                    font.setPixelSize(font.pixelSize() - 1)
            self._draw_font = font
            self._lines = [self._text] if self._text else []
            self._elided = False
            return
        self._draw_font = self._base_font
        self._lines, self._elided = break_lines(self._text, self._base_font, width, self.max_lines)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._lines:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._draw_font)
        painter.setPen(self._color)
        metrics = QFontMetricsF(self._draw_font)
        spacing = metrics.lineSpacing()
        if self.cap_center:
            baseline = (self.height() + metrics.capHeight()) / 2
        else:
            total = spacing * len(self._lines)
            top = 0.0
            if self.valign & Qt.AlignmentFlag.AlignVCenter:
                top = (self.height() - total) / 2
            elif self.valign & Qt.AlignmentFlag.AlignBottom:
                top = self.height() - total
            baseline = top + metrics.ascent()
        for number, line in enumerate(self._lines):
            advance = metrics.horizontalAdvance(line)
            if self.align & Qt.AlignmentFlag.AlignRight:
                x = self.width() - advance
            elif self.align & Qt.AlignmentFlag.AlignHCenter:
                x = (self.width() - advance) / 2
            else:
                x = 0.0
            painter.drawText(QPointF(x, baseline + number * spacing), line)
        painter.end()


class PointsView(QWidget):
    """The talking points as a bulleted list with a hanging indent. Points that do not fit are summed
    up as "+ 2 more"; a single point is never longer than three lines."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("talkingPoints")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._points: tuple[str, ...] = ()
        self._bullets = True
        self._px = 12
        self._font = _font(self._px)
        # What is drawn: (lines of one point) per shown point, and how many were left out.
        self._shown: list[list[str]] = []
        self._hidden = 0
        self._elided = False
        self.text_changes = 0

    def points(self) -> tuple[str, ...]:
        return self._points

    def shown_points(self) -> list[str]:
        """The points as displayed (elided ones end with "…")."""
        return [" ".join(lines) for lines in self._shown]

    def hidden_count(self) -> int:
        return self._hidden

    def displayed_lines(self) -> list[str]:
        """Every line drawn after a bullet (the "+ n more" line not included)."""
        return [line for lines in self._shown for line in lines]

    def more_text(self) -> str:
        return f"+ {self._hidden} more" if self._hidden else ""

    def is_elided(self) -> bool:
        return self._elided

    def displayed_text(self) -> str:
        bullet = "• " if self._bullets else ""
        rows = [bullet + " ".join(lines) for lines in self._shown]
        if self._hidden:
            rows.append(self.more_text())
        return "\n".join(rows)

    def draw_font(self) -> QFont:
        return QFont(self._font)

    def set_points(self, points: tuple[str, ...], bullets: bool = True) -> None:
        if points == self._points and bullets == self._bullets:
            return
        self._points = points
        self._bullets = bullets
        self.text_changes += 1
        self._relayout()
        self.update()

    def set_pixel_size(self, px: int) -> None:
        px = max(int(px), 6)
        if px != self._px:
            self._px = px
            self._font = _font(px)
            self._relayout()
            self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._relayout()
        super().resizeEvent(event)

    def _indent(self) -> float:
        return QFontMetricsF(self._font).horizontalAdvance("•  ") if self._bullets else 0.0

    def _gap(self) -> float:
        return QFontMetricsF(self._font).lineSpacing() * 0.3

    def needed_height(self) -> float:
        metrics = QFontMetricsF(self._font)
        lines = sum(len(lines) for lines in self._shown) + (1 if self._hidden else 0)
        blocks = len(self._shown) + (1 if self._hidden else 0)
        return lines * metrics.lineSpacing() + max(blocks - 1, 0) * self._gap()

    def _relayout(self) -> None:
        metrics = QFontMetricsF(self._font)
        spacing = metrics.lineSpacing()
        gap = self._gap()
        width = max(self.width() - self._indent(), 1.0)
        height = self.height()
        per_point = MAX_LINES_PER_POINT if self._bullets else 1000
        broken = [break_lines(point, self._font, width, per_point) for point in self._points]
        count = len(broken)

        def points_height(k: int) -> float:
            return sum(len(b[0]) for b in broken[:k]) * spacing + max(k - 1, 0) * gap

        def more_height(k: int) -> float:  # the "+ n more" line after k points
            return 0.0 if k == count else (gap if k else 0.0) + spacing

        shown = count
        while shown > 0 and points_height(shown) + more_height(shown) > height + 0.5:
            shown -= 1
        self._shown = [b[0] for b in broken[:shown]]
        self._elided = any(b[1] for b in broken[:shown])
        self._hidden = count - shown
        if shown < count:
            # The first point that does not fit whole gets the lines that are left, elided.
            used = points_height(shown) + (gap if shown else 0.0) + more_height(shown + 1)
            room = int((height - used + 0.5) // spacing)
            if room >= 1:
                lines, elided = break_lines(self._points[shown], self._font, width, min(room, per_point))
                self._shown.append(lines)
                self._hidden -= 1
                self._elided = self._elided or elided

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._shown and not self._hidden:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._font)
        metrics = QFontMetricsF(self._font)
        spacing = metrics.lineSpacing()
        indent = self._indent()
        y = metrics.ascent()
        for lines in self._shown:
            painter.setPen(QColor(theme.ON_AIR if self._bullets else theme.TEXT))
            if self._bullets:
                painter.drawText(QPointF(0, y), "•")
            painter.setPen(QColor(theme.TEXT))
            for line in lines:
                painter.drawText(QPointF(indent, y), line)
                y += spacing
            y += self._gap()
        if self._hidden:
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(QPointF(indent, y), self.more_text())
        painter.end()


class MessageBox(QWidget):
    """The director's message: black on white in a box, the font as large as the box allows."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("message")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._text = ""
        self._max_px = 40
        self._min_px = 16
        self._font = _font(self._max_px, bold=True)
        self._lines: list[str] = []
        self._elided = False
        self._background = MESSAGE_BACKGROUND
        self.text_changes = 0

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
            self.text_changes += 1
            self._relayout()
            self.update()

    def set_background(self, color: str) -> None:
        if color != self._background:
            self._background = color
            self.update()

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
            font = _font(px, bold=True)
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
        painter.setPen(QColor(MESSAGE_TEXT))
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
        self.phase_label = FitText("phaseLabel", self, shrink=True, bold=True)
        self.caption = FitText("timerCaption", self, max_lines=2)
        self.timer = FitText("timer", self, shrink=True, mono=True, cap_center=True, align=Qt.AlignmentFlag.AlignRight)
        self._background = theme.PANEL
        self.blink_on = False

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
        painter.end()

    def lay_out(self, unit: float) -> None:
        width, height = self.width(), self.height()
        pad = round(unit * 0.035)
        digits_px = self._digits_px(unit)
        self.timer.set_pixel_size(digits_px)
        self.phase_label.set_pixel_size(round(unit * PHASE_PX))
        self.caption.set_pixel_size(round(unit * CAPTION_PX))
        # The digits get room for five characters ("37:45", "+1:23"); longer texts shrink.
        five = QFontMetricsF(_font(digits_px, mono=True)).horizontalAdvance("00:00")
        digits_w = min(math.ceil(five) + 2, width - 2 * pad)
        self.timer.setGeometry(width - pad - digits_w, 0, digits_w, height)
        left_w = max(width - 3 * pad - digits_w, 1)
        label_h = math.ceil(self.phase_label.line_height())
        caption_h = math.ceil(self.caption.line_height() * 2)
        top = max((height - label_h - caption_h) // 2, 0)
        self.phase_label.setGeometry(pad, top, left_w, label_h)
        self.caption.setGeometry(pad, top + label_h, left_w, caption_h)

    @staticmethod
    def _digits_px(unit: float) -> int:
        reference = QFontMetricsF(_font(200, mono=True)).capHeight() / 200
        return math.ceil(unit * DIGITS_CAP / reference)


@dataclass(frozen=True)
class ModeratorView:
    """Everything the moderator window shows, as plain values computed from one snapshot."""

    clock: str
    over_under: str
    over_under_color: str
    projection: str
    projection_color: str
    phase_label: str
    phase_color: str
    caption: str
    timer: str
    timer_color: str
    panel_color: str
    blink_on: bool
    notice: str
    title: str
    speakers: str
    points: tuple[str, ...]
    bullets: bool
    next_title: str
    next_duration: str
    message: Message | None
    message_color: str
    moving: bool


def _panel(color: str) -> str:
    return theme.PANEL if color == theme.BACKGROUND else color


def _away_from_zero(seconds: float) -> int:
    """Whole seconds, rounded up in magnitude (as format_countdown does): 82.4 → 83, −44.6 → −45.

    The projection is a sum of wall-clock and monotonic readings that jitters by microseconds while
    it should stand still; the millisecond of slack keeps 30.000001 from flickering to "0:31"."""
    whole = math.ceil(abs(seconds) - STATUS_SLACK_S)
    return whole if seconds >= 0 else -whole


def describe(snapshot: ShowSnapshot) -> ModeratorView:
    """What the window shows for `snapshot`: pure presentation, no show logic."""
    show = snapshot.show
    warning_colour = theme.PHASE_FOREGROUND[Phase.WARNING]

    # Whole seconds rounded away from zero, the same rule as the countdown digits, so "+1:23" on the
    # timer and "+1:23 late" / "1:23 past hard out" never disagree by a second.
    over = _away_from_zero(snapshot.over_under_s)
    if abs(snapshot.over_under_s) < ON_TIME_WITHIN_S:
        over_under, over_under_color = "on time", theme.TEXT
    elif over > 0:
        over_under, over_under_color = f"{format_signed(over)} late", warning_colour
    else:
        over_under, over_under_color = f"{format_signed(over)} early", theme.TEXT

    verb = "ended" if snapshot.mode is Mode.ENDED else "ends"
    projected_end = snapshot.projected_end
    if projected_end.microsecond > STATUS_SLACK_S * 1e6:  # up to the whole second, like the margin
        projected_end += timedelta(microseconds=1_000_000 - projected_end.microsecond)
    end = f"{verb} {projected_end:%H:%M:%S}"
    margin = snapshot.hard_out_margin_s
    if margin < 0 and _away_from_zero(margin):
        projection = f"{end} — {format_duration(-_away_from_zero(margin))} past hard out"
        projection_color = warning_colour
    else:
        projection = f"{end} · hard out {snapshot.hard_out:%H:%M}"
        projection_color = theme.MUTED

    notice = ""
    blink_on = False
    bullets = True
    if snapshot.mode is Mode.STANDBY:
        phase_label, phase_color = theme.PHASE_LABEL[Phase.STANDBY], theme.MUTED
        until = snapshot.until_start_s
        if format_countdown(until).startswith("+"):
            caption, timer_color = "start overdue by", warning_colour
        else:
            caption, timer_color = "on air in", theme.TEXT
        timer = format_countdown(until)
        panel_color = theme.PANEL
        title = show.title
        speakers = f"{show.date:%d.%m.%Y} · {show.start:%H:%M}–{show.end:%H:%M}"
        points, bullets = ((show.description,) if show.description else ()), False
    elif snapshot.mode is Mode.ENDED or snapshot.current is None:
        phase_label, phase_color = "", theme.MUTED
        caption = f"ended {snapshot.show_ended:%H:%M:%S}" if snapshot.show_ended else ""
        timer, timer_color, panel_color = "off air", theme.MUTED, theme.PANEL
        title, speakers, points = show.title, "", ()
    else:
        segment = snapshot.current.segment
        title = segment.title
        speakers = " · ".join(segment.speakers)
        points = segment.talking_points
        phase = snapshot.phase
        clip = snapshot.clip
        remaining = snapshot.remaining_s or 0.0
        if clip is not None and clip.state is not ClipState.FAILED:
            phase_label, phase_color = "CLIP", CLIP_COLOUR
            caption = {
                ClipState.PAUSED: "clip paused · back on air in",
                ClipState.HELD: "clip ended",
                ClipState.BLACK: "clip ended",
            }.get(clip.state, "back on air in")
            timer = format_countdown(clip.back_on_air_in_s or 0.0)
            timer_color = theme.PHASE_FOREGROUND[phase] if phase in (Phase.WARNING, Phase.DANGER) else theme.TEXT
            panel_color = theme.PANEL
            if clip.state in (ClipState.HELD, ClipState.BLACK):
                notice = "clip ended – stand by for the director's GO"
        else:
            phase_label, phase_color = theme.PHASE_LABEL[phase], theme.PHASE_FOREGROUND[phase]
            caption = "over by" if phase is Phase.OVERTIME else "remaining"
            timer = format_countdown(remaining)
            timer_color = theme.PHASE_FOREGROUND[phase]
            panel_color = _panel(theme.PHASE_BACKGROUND[phase])
            if phase is Phase.OVERTIME:
                # One beat per displayed second, in step with the digits (the same rounding as
                # format_countdown): bright on +0:01, dim on +0:02, …
                blink_on = math.ceil(-remaining - 1e-9) % 2 == 1
                if not blink_on:
                    panel_color = OVERTIME_DIM
            if clip is not None:
                notice = "clip failed – you are live"

    following = snapshot.next
    if snapshot.mode is Mode.ENDED:
        next_title, next_duration = "", ""
    elif following is None:
        next_title, next_duration = "Next: end of show", f"hard out {snapshot.hard_out:%H:%M}"
    else:
        kind = " (clip)" if following.segment.is_clip and "clip" not in following.segment.title.lower() else ""
        next_title = f"Next: {following.segment.title}{kind}"
        next_duration = format_duration(following.planned_duration_s) if following.planned_duration_s else ""

    message = snapshot.message
    message_color = MESSAGE_BACKGROUND
    if message is not None and message.blink:
        shown_for = (snapshot.now - message.sent_at).total_seconds()
        if int(shown_for // MESSAGE_BLINK_HALF_PERIOD_S) % 2 == 1:
            message_color = MESSAGE_BLINK_BACKGROUND

    moving = snapshot.mode is not Mode.ENDED or (message is not None and message.blink)
    return ModeratorView(
        clock=f"{snapshot.now:%H:%M:%S}",
        over_under=over_under,
        over_under_color=over_under_color,
        projection=projection,
        projection_color=projection_color,
        phase_label=phase_label,
        phase_color=phase_color,
        caption=caption,
        timer=timer,
        timer_color=timer_color,
        panel_color=panel_color,
        blink_on=blink_on,
        notice=notice,
        title=title,
        speakers=speakers,
        points=points,
        bullets=bullets,
        next_title=next_title,
        next_duration=next_duration,
        message=message,
        message_color=message_color,
        moving=moving,
    )


class ModeratorWindow(QWidget):
    """The moderator's screen. Renders `controller.snapshot()`; holds no show logic."""

    message_changed = Signal(object)  # the Message the moderator now sees, or None

    def __init__(self, controller: ShowController, clock: Clock | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.clock: Clock = clock or controller.engine.clock  # only to schedule the idle wake-ups
        self.setObjectName("moderator")
        self.setWindowTitle(f"Moderator — {controller.show.title}")
        self.setMinimumSize(480, 270)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(theme.BACKGROUND))
        self.setPalette(palette)

        self.clock_label = FitText("clock", self, mono=True)
        self.over_under = FitText("overUnder", self, align=Qt.AlignmentFlag.AlignHCenter)
        self.projection = FitText("projectedEnd", self, align=Qt.AlignmentFlag.AlignRight)
        self.panel = TimerPanel(self)
        self.notice = FitText("notice", self, bold=True, align=Qt.AlignmentFlag.AlignHCenter, color=NOTICE_TEXT)
        self.title = FitText("segmentTitle", self, max_lines=2, bold=True)
        self.speakers = FitText("speakers", self, color=theme.MUTED)
        self.points = PointsView(self)
        self.message = MessageBox(self)
        self.next_title = FitText("nextTitle", self)
        self.next_duration = FitText("nextDuration", self, mono=True, align=Qt.AlignmentFlag.AlignRight)
        self.notice.hide()
        self.message.hide()

        self._view: ModeratorView | None = None
        self._unit = 0.0
        self._next_bar = QRect()
        self._refresh = QTimer(self)
        self._refresh.setTimerType(Qt.TimerType.PreciseTimer)
        self._refresh.timeout.connect(self.render_now)
        self._moving_timer = False
        self._normal_geometry: QRect | None = None

        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        shortcut.activated.connect(self.toggle_fullscreen)
        controller.changed.connect(self.render_now)
        self._lay_out()
        self.render_now()

    # ------------------------------------------------------------------ reading (director's mirror, tests)

    @property
    def phase_label(self) -> FitText:
        return self.panel.phase_label

    @property
    def caption(self) -> FitText:
        return self.panel.caption

    @property
    def timer(self) -> FitText:
        return self.panel.timer

    def visible_message(self) -> Message | None:
        """The director's message the moderator currently sees (None when there is none)."""
        return self._view.message if self._view is not None else None

    def view(self) -> ModeratorView | None:
        """Everything the window showed at its last refresh, e.g. for a small mirror."""
        return self._view

    def refresh_interval_ms(self) -> int | None:
        """The current refresh interval (None when no refresh is scheduled)."""
        return self._refresh.interval() if self._refresh.isActive() else None

    # ------------------------------------------------------------------ rendering

    def render_now(self) -> None:
        """Refresh every text from a fresh snapshot (texts are only set when they changed)."""
        snapshot = self.controller.snapshot()
        window_title = f"Moderator — {snapshot.show.title}"
        if self.windowTitle() != window_title:  # another show was opened
            self.setWindowTitle(window_title)
        view = describe(snapshot)
        previous = self._view
        self._view = view
        self._apply(view, previous)
        self._schedule(view)

    def _apply(self, view: ModeratorView, previous: ModeratorView | None) -> None:
        self.clock_label.setText(view.clock)
        self.over_under.setText(view.over_under)
        self.over_under.set_color(view.over_under_color)
        self.projection.setText(view.projection)
        self.projection.set_color(view.projection_color)
        panel = self.panel
        panel.phase_label.setText(view.phase_label)
        panel.phase_label.set_color(view.phase_color)
        panel.caption.setText(view.caption)
        panel.timer.set_mono(view.timer[:1] in "+0123456789")
        panel.timer.setText(view.timer)
        panel.timer.set_color(view.timer_color)
        panel.set_background(view.panel_color)
        panel.blink_on = view.blink_on
        self.next_title.setText(view.next_title)
        self.next_duration.setText(view.next_duration)
        self.speakers.setText(view.speakers)
        self.points.set_points(view.points, view.bullets)
        self.message.set_background(view.message_color)
        message_text = view.message.text if view.message is not None else ""
        self.message.setText(message_text)
        title_lines = len(self.title.displayed_lines())
        self.title.setText(view.title)
        self.notice.setText(view.notice)
        structure_changed = (
            previous is None
            or bool(previous.notice) != bool(view.notice)
            or (previous.message is None) != (view.message is None)
            or title_lines != len(self.title.displayed_lines())
            or bool(previous.speakers) != bool(view.speakers)
            or bool(previous.next_title) != bool(view.next_title)
        )
        if structure_changed:
            self.notice.setVisible(bool(view.notice))
            self.message.setVisible(view.message is not None)
            self._lay_out()
        if previous is None or previous.message != view.message:
            self.message_changed.emit(view.message)

    def _schedule(self, view: ModeratorView) -> None:
        if not self.isVisible():
            self._refresh.stop()
            self._moving_timer = False
            return
        if view.moving:
            if not (self._moving_timer and self._refresh.isActive()):
                self._refresh.setSingleShot(False)
                self._refresh.start(MOVING_REFRESH_MS)
                self._moving_timer = True
            return
        # Idle: wake once, just after the next wall-clock second, for the clock.
        now = self.clock.now()
        self._moving_timer = False
        self._refresh.setSingleShot(True)
        self._refresh.start(1000 - now.microsecond // 1000 + IDLE_WAKE_AFTER_SECOND_MS)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.render_now()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._refresh.stop()
        self._moving_timer = False

    # ------------------------------------------------------------------ layout

    def unit(self) -> float:
        return self._unit

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        width, height = self.width(), self.height()
        unit = min(height, width * 9 / 16)
        self._unit = unit
        margin = round(unit * MARGIN)
        gap = round(unit * GAP)
        inner = width - 2 * margin

        for widget, px in (
            (self.clock_label, STATUS_PX),
            (self.over_under, STATUS_PX),
            (self.projection, STATUS_PX),
            (self.notice, NOTICE_PX),
            (self.title, TITLE_PX),
            (self.speakers, SPEAKERS_PX),
            (self.next_title, NEXT_PX),
            (self.next_duration, NEXT_PX),
        ):
            widget.set_pixel_size(round(unit * px))
        self.points.set_pixel_size(round(unit * POINTS_PX))
        self.message.set_pixel_range(round(unit * MESSAGE_MIN_PX), round(unit * MESSAGE_MAX_PX))

        # Status row: clock | over/under | projected end.
        y = margin
        status_h = math.ceil(self.clock_label.line_height())
        clock_w = math.ceil(QFontMetricsF(self.clock_label.draw_font()).horizontalAdvance("00:00:00")) + 2
        over_w = math.ceil(QFontMetricsF(self.over_under.draw_font()).horizontalAdvance("−00:00 early")) + 2
        self.clock_label.setGeometry(margin, y, clock_w, status_h)
        self.over_under.setGeometry(margin + clock_w + gap, y, over_w, status_h)
        projection_x = margin + clock_w + over_w + 2 * gap
        self.projection.setGeometry(projection_x, y, max(width - margin - projection_x, 1), status_h)
        y += status_h + gap

        panel_h = round(unit * PANEL_H)
        self.panel.setGeometry(margin, y, inner, panel_h)
        self.panel.lay_out(unit)
        y += panel_h + gap

        if self.notice.isVisibleTo(self):
            notice_h = math.ceil(self.notice.line_height() * 1.3)
            self.notice.setGeometry(margin, y, inner, notice_h)
            y += notice_h + gap

        # Next bar at the bottom, on a panel-coloured strip.
        next_h = math.ceil(self.next_title.line_height())
        strip_pad = round(gap * 0.6)
        next_y = height - margin - next_h - strip_pad
        duration_w = math.ceil(QFontMetricsF(self.next_duration.draw_font()).horizontalAdvance("hard out 00:00")) + 2
        self.next_duration.setGeometry(width - margin - gap - duration_w, next_y, duration_w, next_h)
        self.next_title.setGeometry(margin + gap, next_y, max(inner - 3 * gap - duration_w, 1), next_h)
        self._next_bar = QRect(margin, next_y - strip_pad, inner, next_h + 2 * strip_pad)
        bottom = self._next_bar.top() - gap

        # Title, speakers and talking points; the message takes the right part when there is one.
        text_w = inner
        if self.message.isVisibleTo(self):
            text_w = round((inner - 2 * gap) * (1 - MESSAGE_SHARE))
            message_x = margin + text_w + 2 * gap
            self.message.setGeometry(message_x, y, width - margin - message_x, max(bottom - y, 1))
        title_h = self.title.height_for(text_w)
        self.title.setGeometry(margin, y, text_w, title_h)
        y += title_h
        if self.speakers.text():
            speakers_h = math.ceil(self.speakers.line_height())
            self.speakers.setGeometry(margin, y, text_w, speakers_h)
            y += speakers_h
        else:
            self.speakers.setGeometry(margin, y, text_w, 0)
        y += gap
        self.points.setGeometry(margin, y, text_w, max(bottom - y, 1))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if self.notice.isVisible():
            rect = QRectF(self.notice.geometry()).adjusted(0, 0, 0, 0)
            painter.setBrush(QColor(NOTICE_BACKGROUND))
            painter.drawRoundedRect(rect, rect.height() * 0.15, rect.height() * 0.15)
        if self.next_title.text():
            painter.setBrush(QColor(theme.PANEL))
            radius = self._next_bar.height() * 0.15
            painter.drawRoundedRect(QRectF(self._next_bar), radius, radius)
        painter.end()

    # ------------------------------------------------------------------ placement

    def place(self, screen_index: int | None, windowed: bool) -> str | None:
        """Show the window: fullscreen on screen `screen_index`, or windowed 1280×720 (rehearsals, or
        no screen given). Returns a warning for the director when the screen does not exist."""
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        warning = None
        screen = primary
        if screen_index is not None:
            if 0 <= screen_index < len(screens):
                screen = screens[screen_index]
            else:
                fallback = screens.index(primary) if primary in screens else 0
                warning = (
                    f"moderator screen {screen_index} does not exist ({len(screens)} "
                    f"screen{'s' if len(screens) != 1 else ''}); using screen {fallback}"
                )
        if windowed or screen_index is None:
            self._show_windowed(screen)
        else:
            self._show_fullscreen(screen)
        return warning

    def move_to_screen(self, index: int) -> str | None:
        """Move to screen `index`, keeping fullscreen or windowed; a warning if it does not exist."""
        screens = QGuiApplication.screens()
        if not 0 <= index < len(screens):
            return f"moderator screen {index} does not exist ({len(screens)} screens); the window stays where it is"
        if self.isFullScreen():
            self._show_fullscreen(screens[index])
        else:
            self._show_windowed(screens[index])
        return None

    def toggle_fullscreen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if self.isFullScreen():
            self._show_windowed(screen)
        else:
            self._show_fullscreen(screen)

    def _show_windowed(self, screen) -> None:
        if self.isFullScreen():
            self.showNormal()
        self.unsetCursor()
        self._put_on(screen)
        area = screen.availableGeometry()
        size = WINDOWED_SIZE.boundedTo(area.size())
        self.resize(size)
        self.move(area.center().x() - size.width() // 2, area.center().y() - size.height() // 2)
        self.show()

    def _show_fullscreen(self, screen) -> None:
        if self.isFullScreen():
            self.showNormal()
        self._put_on(screen)
        self.setGeometry(screen.geometry())
        self.setCursor(Qt.CursorShape.BlankCursor)  # no mouse pointer over the moderator's timer
        self.showFullScreen()

    def _put_on(self, screen) -> None:
        self.winId()  # the native window must exist to be given a screen
        handle = self.windowHandle()
        if handle is not None and handle.screen() is not screen:
            handle.setScreen(screen)

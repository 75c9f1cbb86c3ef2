"""Text that fits: wrapped at word boundaries, shrunk or elided with "…", never cut off."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QWidget

from presenter.ui import theme

ELLIPSIS = "…"
TEXT_FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"]


def make_font(px: int, *, bold: bool = False, mono: bool = False) -> QFont:
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
    with `shrink`, one line whose font shrinks until it fits the width instead (with `shrink` and
    `max_lines=2`: two lines split at a space when that keeps the font larger, "ZUM SCHLUSS / KOMMEN").

    `setText`/`set_color` do nothing when nothing changed, so a refresh costs no needless repaint;
    `textChanged` tells when the text really changed."""

    textChanged = Signal(str)

    def __init__(
        self,
        name: str,
        parent: QWidget,
        *,
        max_lines: int = 1,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
        shrink: bool = False,
        min_share: float = 1.0,
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
        self.min_share = min_share  # wrapped text shrinks down to this share of its size before "…"
        self.cap_center = cap_center
        self._bold = bold
        self._mono = mono
        self._px = 12
        self._base_font = make_font(self._px, bold=bold, mono=mono)
        self._draw_font = self._base_font
        self._text = ""
        self._color = QColor(color)
        self._lines: list[str] = []
        self._elided = False

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

    def natural_width(self, text: str | None = None) -> float:
        """The width of `text` (default: this text) at the widget's own size, before any shrinking."""
        return QFontMetricsF(self._base_font).horizontalAdvance(self._text if text is None else text)

    def line_height(self) -> float:
        return QFontMetricsF(self._base_font).lineSpacing()

    def height_for(self, width: float) -> int:
        """The height this text needs at `width` (its lines, at most max_lines)."""
        if self.shrink and self.max_lines > 1:
            font, lines = self._shrunk(width)
            return math.ceil(max(len(lines), 1) * QFontMetricsF(font).lineSpacing())
        if self.shrink or (self.max_lines == 1 and self.min_share >= 1):
            return math.ceil(self.line_height())
        font, lines, _ = self._fit_lines(width)
        return math.ceil(max(len(lines), 1) * QFontMetricsF(font).lineSpacing())

    def fits_whole(self, width: float) -> bool:
        """Whether the text fits `width` in max_lines without "…" (shrinking down to min_share)."""
        return not self._fit_lines(width)[2]

    def _fit_lines(self, width: float) -> tuple[QFont, list[str], bool]:
        """The largest font (down to min_share of the size) at which the text needs no "…"."""
        smallest = max(math.floor(self._px * self.min_share), 6)
        px = self._px
        while True:
            font = self._base_font if px == self._px else make_font(px, bold=self._bold, mono=self._mono)
            lines, elided = break_lines(self._text, font, width, self.max_lines)
            if not elided or px <= smallest:
                return font, lines, elided
            px = max(math.floor(px * 0.95), smallest)

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
        self._relayout()
        self.update()
        self.textChanged.emit(text)
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
        self._base_font = make_font(px, bold=self._bold, mono=self._mono)
        self._relayout()
        self.update()

    def set_max_lines(self, lines: int) -> None:
        if lines != self.max_lines:
            self.max_lines = lines
            self._relayout()
            self.update()

    def set_mono(self, mono: bool) -> None:
        """Monospaced (tabular digits) or the text face, e.g. for "off air" in the timer's place."""
        if mono == self._mono:
            return
        self._mono = mono
        self._base_font = make_font(self._px, bold=self._bold, mono=mono)
        self._relayout()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._relayout()
        super().resizeEvent(event)

    def _shrunk_to(self, lines: list[str], width: float) -> QFont:
        """The base font, made smaller until the widest of `lines` fits `width`."""
        font = self._base_font
        widest = max(QFontMetricsF(font).horizontalAdvance(line) for line in lines)
        if widest > width:
            font = make_font(math.floor(self._px * width / widest), bold=self._bold, mono=self._mono)
            while max(QFontMetricsF(font).horizontalAdvance(line) for line in lines) > width and font.pixelSize() > 6:
                font.setPixelSize(font.pixelSize() - 1)
        return font

    def _shrunk(self, width: float) -> tuple[QFont, list[str]]:
        """One line shrunk to `width`; or two, split at the space that keeps the font largest."""
        if not self._text:
            return self._base_font, []
        lines = [self._text]
        font = self._shrunk_to(lines, width)
        if self.max_lines > 1 and font.pixelSize() < self._px:
            metrics = QFontMetricsF(self._base_font)
            words = self._text.split()
            splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
            if splits:
                best = min(splits, key=lambda pair: max(metrics.horizontalAdvance(part) for part in pair))
                two = self._shrunk_to(list(best), width)
                if two.pixelSize() > font.pixelSize():
                    font, lines = two, list(best)
        return font, lines

    def _relayout(self) -> None:
        width = max(self.width(), 1)
        if self.shrink:
            self._draw_font, self._lines = self._shrunk(width)
            self._elided = False
            return
        self._draw_font, self._lines, self._elided = self._fit_lines(width)

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

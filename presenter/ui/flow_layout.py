"""Room-aware building blocks for windows that must fit a 1280×720 laptop in German (issue 22).

`FlowLayout` wraps a row of buttons onto the next line when the window is narrow, instead of making
the window as wide as the longest German row; `ElidedButton` shows as much of a long label as fits
(the tooltip keeps the whole text), so a long segment title never widens the window at GO;
`ElidedLabel` is a text of a fixed number of lines, so a new text never moves what is below it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextLayout
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QPushButton, QSizePolicy, QStyle, QWidget

ELIDED_MIN_CHARS = 12  # an elided button keeps room for this many characters of its label
CHARS_PER_LINE_LIMIT = 500  # more than any line on a 4K screen holds: what is cut before laying out


class FlowLayout(QLayout):
    """Lays its items out left to right and starts a new line when the next one does not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._height_for: tuple[int, int] | None = None  # (width, height): Qt asks several times per layout
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Asked many times per layout pass and on every label change (issue 25: ~10 % of the UI
        # thread's time in the soak's longest stalls); valid until Qt invalidates the layout.
        if self._height_for is None or self._height_for[0] != width:
            self._height_for = (width, self._arrange(QRect(0, 0, width, 0), move=False))
        return self._height_for[1]

    def invalidate(self) -> None:
        """An item changed (its text, its visibility, its size): the heights are asked afresh."""
        self._height_for = None
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """As wide as the widest single item: everything else may go to another line."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line_height = area.x(), y + line_height + self.spacing(), 0
            if hint.width() > area.width() > 0:  # a wrapping label longer than the line: as high as it needs
                height = item.heightForWidth(area.width()) if item.hasHeightForWidth() else hint.height()
                hint = QSize(area.width(), max(height, hint.height()))
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class ElidedButton(QPushButton):
    """A push button whose label is cut with "…" to the room it has; it never asks for more width
    than ELIDED_MIN_CHARS characters, and its tooltip (set by the caller) has the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, objectName: str = "") -> None:
        self._full = ""
        super().__init__("", parent)
        self.setObjectName(objectName)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_full_text(text)

    def text(self) -> str:
        """The whole label (what the button means), whatever part of it fits on screen."""
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def setText(self, text: str) -> None:
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self._elide()
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        metrics = QFontMetrics(self.font())
        room = metrics.horizontalAdvance("M" * ELIDED_MIN_CHARS) + self._padding()
        return QSize(min(hint.width(), room), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance(self._full) + self._padding(), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _padding(self) -> int:
        return 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, self) + 12

    def _elide(self) -> None:
        room = max(0, self.width() - self._padding())
        shown = QFontMetrics(self.font()).elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if super().text() != shown:
            super().setText(shown)


def elide_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """`text` as it fits in `lines` lines of `width` pixels: whole, or its last shown line cut with "…".

    Lays out at most `lines` + 1 lines of at most CHARS_PER_LINE_LIMIT characters each, so a huge
    text costs no more than a short one (issue 25: long texts elided in O(n)).
    """
    text = text[: CHARS_PER_LINE_LIMIT * lines]
    metrics = QFontMetrics(font)
    if lines <= 1:
        return metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, width)
    layout = QTextLayout(text, font)
    starts: list[int] = []
    layout.beginLayout()
    while len(starts) <= lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1))
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) <= lines:
        return text
    last = starts[lines - 1]
    tail = metrics.elidedText(" ".join(text[last:].split()), Qt.TextElideMode.ElideRight, width)
    return text[:last].rstrip() + "\n" + tail


class ElidedLabel(QLabel):
    """Plain text in `lines` lines at most, cut with "…" when it does not fit (the tooltip then has
    the whole text); as wide as it is given, never wider. Its height never follows its text: it asks
    for `lines` lines and makes do with `min_lines` (default: as many) on a small screen.

    A label that grew from one line to two at GO moved everything below it, and the director
    window was laid out and painted whole at every GO (issue 25's soak: a third of the UI stall).
    """

    def __init__(
        self, lines: int = 1, parent: QWidget | None = None, *, objectName: str = "", min_lines: int | None = None
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._hint = ""  # the tooltip while the whole text shows
        self._lines = max(1, lines)
        self._min_lines = self._lines if min_lines is None else max(0, min(min_lines, self._lines))
        self.setObjectName(objectName)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWordWrap(self._lines > 1)
        squeeze = self._min_lines < self._lines
        vertical = QSizePolicy.Policy.Preferred if squeeze else QSizePolicy.Policy.Fixed
        self.setSizePolicy(QSizePolicy.Policy.Ignored, vertical)
        self._fix_height()

    def text(self) -> str:
        """The whole text, whatever part of it fits on screen."""
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def setText(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self._elide()

    def set_hint(self, tip: str) -> None:
        """The tooltip while the whole text shows (when it is cut, the tooltip is the whole text)."""
        self._hint = tip
        self._elide()

    def sizeHint(self) -> QSize:
        return QSize(0, self._height_of(self._lines))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self._height_of(self._min_lines) if self._min_lines else 0)

    def hasHeightForWidth(self) -> bool:
        return False  # its height is fixed: laying out never needs to wrap the text to find it

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fix_height()
            self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _height_of(self, lines: int) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom() + 1

    def _fix_height(self) -> None:
        self.setMinimumHeight(self._height_of(self._min_lines) if self._min_lines else 0)
        self.setMaximumHeight(self._height_of(self._lines))
        self.updateGeometry()

    def _elide(self) -> None:
        room = self.contentsRect()
        lines = max(1, min(self._lines, room.height() // max(1, self.fontMetrics().lineSpacing())))
        shown = elide_lines(self._full, self.font(), room.width(), lines)
        if super().text() != shown:
            super().setText(shown)
        tip = self._full if shown != self._full else self._hint
        if self.toolTip() != tip:
            self.setToolTip(tip)

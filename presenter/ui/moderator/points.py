"""The talking points: every one readable. They shrink to a readable minimum, then take two
columns, then pages that the director turns (the window shows "1/2")."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from presenter.moderator_view import page_label, paginate
from presenter.ui import theme
from presenter.ui.moderator.text import break_lines, make_font

MAX_LINES_PER_POINT = 3
SHRINK_STEP = 0.92
MIN_COLUMN_EMS = 14  # a second column only when each column is at least this many font sizes wide
COLUMN_GAP_EMS = 1.2
POINT_GAP = 0.25  # between two points, in lines
PAGE_LINE = 0.8  # the "1/2" line, in lines (its font is as much smaller)


@dataclass(frozen=True)
class _Fit:
    px: int
    columns: int  # per page
    column_width: float
    broken: list[tuple[list[str], bool]]  # lines of each point, and whether it was elided
    pages: list[list[range]]  # per page, the points of each column


class PointsView(QWidget):
    """The talking points as a bulleted list with a hanging indent, fitted to the widget."""

    textChanged = Signal()
    pageChanged = Signal(int, int)  # page (from 0), pages

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("talkingPoints")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._points: tuple[str, ...] = ()
        self._bullets = True
        self._max_px = 12
        self._min_px = 12
        self._page = 0
        self._fit = _Fit(12, 1, 1.0, [], [])

    # -- reading

    def points(self) -> tuple[str, ...]:
        return self._points

    def draw_font(self) -> QFont:
        return make_font(self._fit.px)

    def columns(self) -> int:
        """Columns on the page shown (1 or 2)."""
        return sum(1 for column in self._page_columns() if len(column))

    def page(self) -> int:
        return self._page

    def page_count(self) -> int:
        return max(len(self._fit.pages), 1)

    def page_text(self) -> str:
        return page_label(self._page, self.page_count())

    def shown_indices(self) -> list[int]:
        return [index for column in self._page_columns() for index in column]

    def shown_points(self) -> list[str]:
        """The points on the page shown, as displayed (elided ones end with "…")."""
        return [" ".join(self._fit.broken[index][0]) for index in self.shown_indices()]

    def hidden_count(self) -> int:
        """Points on other pages."""
        return len(self._points) - len(self.shown_indices())

    def displayed_lines(self) -> list[str]:
        return [line for index in self.shown_indices() for line in self._fit.broken[index][0]]

    def displayed_text(self) -> str:
        bullet = "• " if self._bullets else ""
        rows = [bullet + point for point in self.shown_points()]
        if self.page_text():
            rows.append(self.page_text())
        return "\n".join(rows)

    def is_elided(self) -> bool:
        return any(self._fit.broken[index][1] for index in self.shown_indices())

    def column_width(self) -> float:
        return self._fit.column_width

    def needed_height(self) -> float:
        """The height of the tallest column on the page shown (plus the page line)."""
        font = make_font(self._fit.px)
        spacing = QFontMetricsF(font).lineSpacing()
        tallest = max((self._column_height(column, spacing) for column in self._page_columns()), default=0.0)
        return tallest + (spacing * PAGE_LINE if self.page_count() > 1 else 0.0)

    # -- changing

    def set_points(self, points: tuple[str, ...], bullets: bool = True) -> None:
        if points == self._points and bullets == self._bullets:
            return
        self._points = points
        self._bullets = bullets
        self._page = 0
        self._relayout()
        self.update()
        self.textChanged.emit()

    def set_pixel_range(self, smallest: int, largest: int) -> None:
        smallest, largest = max(int(smallest), 6), max(int(largest), 6)
        if (smallest, largest) != (self._min_px, self._max_px):
            self._min_px, self._max_px = min(smallest, largest), largest
            self._relayout()
            self.update()

    def set_pixel_size(self, px: int) -> None:
        self.set_pixel_range(px, px)

    def set_page(self, page: int) -> bool:
        """Show page `page` (from 0); False when there is no such page."""
        if not 0 <= page < self.page_count() or page == self._page:
            return False
        self._page = page
        self.update()
        self.pageChanged.emit(self._page, self.page_count())
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._relayout()
        super().resizeEvent(event)

    # -- fitting

    def _page_columns(self) -> list[range]:
        pages = self._fit.pages
        return pages[min(self._page, len(pages) - 1)] if pages else []

    def _gap(self, spacing: float) -> float:
        return spacing * POINT_GAP

    def _column_height(self, column: range, spacing: float) -> float:
        lines = sum(len(self._fit.broken[index][0]) for index in column)
        return lines * spacing + max(len(column) - 1, 0) * self._gap(spacing)

    def _try(self, px: int, columns: int, paged: bool) -> _Fit | None:
        """Lay the points out at `px` in `columns` columns; None if they do not fit on one page
        (unless `paged`)."""
        font = make_font(px)
        metrics = QFontMetricsF(font)
        spacing = metrics.lineSpacing()
        gap_x = px * COLUMN_GAP_EMS
        width = (self.width() - (columns - 1) * gap_x) / columns
        if columns > 1 and width < px * MIN_COLUMN_EMS:
            return None
        indent = metrics.horizontalAdvance("•  ") if self._bullets else 0.0
        height = self.height() - (spacing * PAGE_LINE if paged else 0.0)
        fitting = max(int((height + 0.5) // spacing), 1)
        per_point = min(MAX_LINES_PER_POINT, fitting) if self._bullets else fitting
        broken = [break_lines(point, font, max(width - indent, 1.0), per_point) for point in self._points]
        heights = [len(lines) * spacing for lines, _ in broken]
        column_ranges = paginate(heights, height, self._gap(spacing))
        pages = [column_ranges[i : i + columns] for i in range(0, len(column_ranges), columns)]
        if len(pages) > 1 and not paged:
            return None
        return _Fit(px, columns, width, broken, pages)

    def _relayout(self) -> None:
        sizes = [self._max_px]
        while sizes[-1] > self._min_px:
            sizes.append(max(int(sizes[-1] * SHRINK_STEP), self._min_px))
        fit = None
        for columns in (1, 2):
            for px in sizes:
                fit = self._try(px, columns, paged=False)
                if fit is not None:
                    break
            if fit is not None:
                break
        if fit is None:
            fit = self._try(self._min_px, 2, paged=True) or self._try(self._min_px, 1, paged=True)
        assert fit is not None
        pages_before = self.page_count()
        self._fit = fit
        if self._page >= self.page_count():
            self._page = self.page_count() - 1
        if self.page_count() != pages_before:
            self.pageChanged.emit(self._page, self.page_count())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._points:
            return
        font = make_font(self._fit.px)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        spacing = metrics.lineSpacing()
        indent = metrics.horizontalAdvance("•  ") if self._bullets else 0.0
        gap_x = self._fit.px * COLUMN_GAP_EMS
        for number, column in enumerate(self._page_columns()):
            x = number * (self._fit.column_width + gap_x)
            y = metrics.ascent()
            for index in column:
                if self._bullets:
                    painter.setPen(QColor(theme.ON_AIR))
                    painter.drawText(QPointF(x, y), "•")
                painter.setPen(QColor(theme.TEXT))
                for line in self._fit.broken[index][0]:
                    painter.drawText(QPointF(x + indent, y), line)
                    y += spacing
                y += self._gap(spacing)
        if self.page_text():
            small = make_font(round(self._fit.px * PAGE_LINE), bold=True)
            painter.setFont(small)
            painter.setPen(QColor(theme.TEXT))
            text = self.page_text() + (" ▸" if self._page + 1 < self.page_count() else "")
            small_metrics = QFontMetricsF(small)
            x = self.width() - small_metrics.horizontalAdvance(text)
            painter.drawText(QPointF(x, self.height() - small_metrics.descent()), text)
        painter.end()

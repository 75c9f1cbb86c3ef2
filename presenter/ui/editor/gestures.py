"""Gestures on the director's running order that need no change to its table: F2 edits a title in
place (a line edit laid over the cell), and a row dragged onto another row moves it there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from presenter.ui.running_order import COLUMNS

TITLE_COLUMN = COLUMNS.index("Title")


class InlineTitle(QLineEdit):
    """The title of one row, edited where it is shown: Enter applies, Esc (or leaving it) cancels."""

    def __init__(self, table: QTableView, row: int, title: str, apply: Callable[[int, str], bool]):
        super().__init__(title, table.viewport())
        self.setObjectName("inlineTitle")
        self._row, self._apply, self._done = row, apply, False
        self.setGeometry(table.visualRect(table.model().index(row, TITLE_COLUMN)).adjusted(0, -2, 0, 2))
        self.returnPressed.connect(self._commit)
        self.selectAll()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _commit(self) -> None:
        if not self._done and self._apply(self._row, self.text()):
            self._close()

    def _close(self) -> None:
        self._done = True
        self.hide()
        self.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # Esc here cancels the edit; it never reaches STOP to black
            self._close()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self._done:
            self._close()


class RowDragger(QObject):
    """Press on a row, drag beyond the start distance, release on another row: `move(from, to)`."""

    def __init__(self, table: QTableView, move: Callable[[int, int], None]):
        super().__init__(table)
        self._table, self._move = table, move
        self._from: int | None = None
        self._pressed_at = QPoint()
        self._dragging = False
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QMouseEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            row = self._table.rowAt(event.position().toPoint().y())
            self._from, self._pressed_at, self._dragging = (
                (row if row >= 0 else None),
                event.position().toPoint(),
                False,
            )
        elif kind == QEvent.Type.MouseMove and self._from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            distance = (event.position().toPoint() - self._pressed_at).manhattanLength()
            if not self._dragging and distance >= QApplication.startDragDistance():
                self._dragging = True
                self._table.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                return True  # no rubber-band selection while a row is carried
        elif kind == QEvent.Type.MouseButtonRelease and self._from is not None:
            source, self._from = self._from, None
            if self._dragging:
                self._dragging = False
                self._table.viewport().unsetCursor()
                target = self._table.rowAt(event.position().toPoint().y())
                if target < 0:
                    target = self._table.model().rowCount() - 1
                if target != source:
                    self._move(source, target)
                return True
        return False

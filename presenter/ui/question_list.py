"""The questions as a Qt table model, and the search/state filter in front of it."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from presenter.questions import Question, QuestionQueue, QuestionState, Source, source_label

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
_Row = tuple[str, QuestionState, tuple[str, ...], str]  # id, state, the cells shown, the words searched


def column_titles() -> tuple[str, ...]:
    return (
        "#",
        QCoreApplication.translate("QuestionList", "State"),
        QCoreApplication.translate("QuestionList", "In"),
        QCoreApplication.translate("QuestionList", "Asker"),
        QCoreApplication.translate("QuestionList", "Source"),
        QCoreApplication.translate("QuestionList", "To"),
        QCoreApplication.translate("QuestionList", "Question"),
    )


def state_label(state: QuestionState) -> str:
    return {
        QuestionState.NEW: QCoreApplication.translate("QuestionList", "new"),
        QuestionState.APPROVED: QCoreApplication.translate("QuestionList", "approved"),
        QuestionState.ON_SCREEN: QCoreApplication.translate("QuestionList", "ON SCREEN"),
        QuestionState.ANSWERED: QCoreApplication.translate("QuestionList", "answered"),
        QuestionState.DROPPED: QCoreApplication.translate("QuestionList", "dropped"),
    }[state]


STATE_BACKGROUND = {
    QuestionState.ON_SCREEN: "#56b4e9",  # sky blue (Okabe–Ito), the colour of the question on the moderator's screen
    QuestionState.APPROVED: "#e3f1e8",
}
STATE_FOREGROUND = {QuestionState.ANSWERED: "#7a7a7a", QuestionState.DROPPED: "#9a9a9a"}


class _Words:
    """The translated state and source words, looked up once per update instead of once per row."""

    def __init__(self) -> None:
        self.states = {state: state_label(state) for state in QuestionState}
        self.sources = {source: source_label(source) for source in Source}


class QuestionListModel(QStandardItemModel):
    """Rows in the producer's order; changed only when the queue's revision moved.

    The cells live in Qt's own item model: painting and sizing the columns to their contents read
    every visible cell in several roles, and each read of a Python model was a call into Python
    (thousands per change: most of the Questions window's share of issue 25's UI stall).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(column_titles()), parent)
        self._rows: list[_Row] = []
        self._revision: tuple[int, int] | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def update_from(self, queue: QuestionQueue) -> bool:
        """True when the rows changed. New questions at the end are appended and changed ones updated
        in place (a reset re-filtered and repainted the whole list at every change: four times per
        question shown, issue 25's soak); any other change (a move, a delete) refills the list."""
        revision = (id(queue), queue.revision)
        if revision == self._revision:
            return False
        same_queue = self._revision is not None and self._revision[0] == revision[0]
        self._revision = revision
        words = _Words()
        rows = [self._row(number, q, words) for number, q in enumerate(queue.questions, 1)]
        old = self._rows
        if not same_queue or len(rows) < len(old) or any(a[0] != b[0] for a, b in zip(old, rows, strict=False)):
            self._refill(rows)
            return True
        for row, (before, after) in enumerate(zip(old, rows, strict=False)):
            if before != after:
                for column, item in enumerate(self._items(after)):
                    self.setItem(row, column, item)
        for after in rows[len(old) :]:
            self.appendRow(self._items(after))
        self._rows = rows
        return True

    def _refill(self, rows: list[_Row]) -> None:
        """All rows anew, told as one reset (row by row, the view and the filter would follow each)."""
        self.beginResetModel()
        blocked = self.blockSignals(True)
        try:
            self.removeRows(0, self.rowCount())
            for row in rows:
                self.appendRow(self._items(row))
        finally:
            self.blockSignals(blocked)
        self._rows = rows
        self.endResetModel()

    @staticmethod
    def _row(number: int, q: Question, words: _Words) -> _Row:
        source = words.sources[q.source]
        cells = (
            str(number),
            words.states[q.state],
            f"{q.received:%H:%M}",
            q.asker,
            source,
            q.addressed_to,
            q.display_text if q.screen_text else " ".join(q.text.split()),
        )
        search = " ".join((q.text, q.screen_text, q.asker, q.source.value, source, q.addressed_to, q.note))
        search = search.casefold()
        return q.id, q.state, cells, search

    def _items(self, row: _Row) -> list[QStandardItem]:
        question_id, state, cells, search = row
        background = QBrush(QColor(STATE_BACKGROUND[state])) if state in STATE_BACKGROUND else None
        foreground = QBrush(QColor(STATE_FOREGROUND.get(state, "#000000")))
        items = []
        for cell in cells:
            item = QStandardItem(cell)
            item.setEditable(False)
            item.setForeground(foreground)
            if background is not None:
                item.setBackground(background)
            if state is QuestionState.ON_SCREEN:
                item.setFont(self._bold)
            items.append(item)
        items[-1].setToolTip(cells[-1])
        items[0].setData(question_id, ID_ROLE)
        items[0].setData(state.value, STATE_ROLE)
        items[0].setData(search, Qt.ItemDataRole.UserRole)
        return items

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]  # in the language of the moment
        return super().headerData(section, orientation, role)

    def row_of(self, question_id: str) -> int:
        return next((row for row, entry in enumerate(self._rows) if entry[0] == question_id), -1)


class QuestionFilter(QSortFilterProxyModel):
    """A search over the words of a question (text, asker, source, note) and one state, or all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._state: str | None = None

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_state(self, state: str | None) -> None:
        self.beginFilterChange()
        self._state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._state is not None and model.data(index, STATE_ROLE) != self._state:
            return False
        search = model.data(index, Qt.ItemDataRole.UserRole) or ""
        return all(word in search for word in self._words)

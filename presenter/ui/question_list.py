"""The questions as a Qt table model, and the search/state filter in front of it."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from presenter.questions import Question, QuestionQueue, QuestionState, source_label

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2


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


class QuestionListModel(QAbstractTableModel):
    """Rows in the producer's order; rebuilt only when the queue's revision moved."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, QuestionState, tuple[str, ...], str]] = []
        self._revision: tuple[int, int] | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def update_from(self, queue: QuestionQueue) -> bool:
        """True when the rows changed. New questions at the end are inserted and changed ones updated
        in place (a reset re-filtered and repainted the whole list at every change: four times per
        question shown, issue 25's soak); any other change (a move, a delete) resets the list."""
        revision = (id(queue), queue.revision)
        if revision == self._revision:
            return False
        same_queue = self._revision is not None and self._revision[0] == revision[0]
        self._revision = revision
        rows = [self._row(number, q) for number, q in enumerate(queue.questions, 1)]
        old = self._rows
        if not same_queue or len(rows) < len(old) or any(a[0] != b[0] for a, b in zip(old, rows, strict=False)):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return True
        if len(rows) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(rows) - 1)
            self._rows = old + rows[len(old) :]
            self.endInsertRows()
        changed = [row for row, (a, b) in enumerate(zip(old, rows, strict=False)) if a != b]
        self._rows = rows
        last_column = len(column_titles()) - 1
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        return True

    @staticmethod
    def _row(number: int, q: Question) -> tuple[str, QuestionState, tuple[str, ...], str]:
        cells = (
            str(number),
            state_label(q.state),
            f"{q.received:%H:%M}",
            q.asker,
            source_label(q.source),
            q.addressed_to,
            q.display_text if q.screen_text else " ".join(q.text.split()),
        )
        search = " ".join(
            (q.text, q.screen_text, q.asker, q.source.value, source_label(q.source), q.addressed_to, q.note)
        )
        search = search.casefold()
        return q.id, q.state, cells, search

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(column_titles())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        question_id, state, cells, search = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(cells) - 1:
            return cells[-1]
        if role == ID_ROLE:
            return question_id
        if role == STATE_ROLE:
            return state.value
        if role == Qt.ItemDataRole.UserRole:
            return search
        if role == Qt.ItemDataRole.BackgroundRole and state in STATE_BACKGROUND:
            return QBrush(QColor(STATE_BACKGROUND[state]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATE_FOREGROUND.get(state, "#000000")))
        if role == Qt.ItemDataRole.FontRole and state is QuestionState.ON_SCREEN:
            return self._bold
        return None

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

"""The running order as a Qt table model, rendered from the show snapshot."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.run.engine import Phase, SegmentStatus, SegmentView, ShowSnapshot
from presenter.timefmt import format_duration
from presenter.ui import theme

# The English names are the columns' keys; the header shows them translated (header_text).
COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("RunningOrder", "Planned"),
    QT_TRANSLATE_NOOP("RunningOrder", "Title"),
    QT_TRANSLATE_NOOP("RunningOrder", "Kind"),
    QT_TRANSLATE_NOOP("RunningOrder", "Duration"),
    QT_TRANSLATE_NOOP("RunningOrder", "Actual start"),
    QT_TRANSLATE_NOOP("RunningOrder", "Actual"),
    QT_TRANSLATE_NOOP("RunningOrder", "State"),
)
KIND_LABEL = {"clip": QT_TRANSLATE_NOOP("RunningOrder", "clip"), "live": QT_TRANSLATE_NOOP("RunningOrder", "live")}
_Index = QModelIndex | QPersistentModelIndex


def header_text(column: int) -> str:
    return translate("RunningOrder", COLUMNS[column]) if column else COLUMNS[column]


def _with_clip_problem(text: str) -> str:
    problem = translate("RunningOrder", "clip problem")
    return translate("RunningOrder", "{state} – {problem}").format(state=text, problem=problem) if text else problem


def _state_text(view: SegmentView) -> str:
    text = theme.status_label(view.status)
    if view.is_next and view.status is SegmentStatus.PENDING:
        text = translate("RunningOrder", "NEXT")
    if view.clip_problem:
        text = _with_clip_problem(text)
    return text


class RunningOrderModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[SegmentView, ...] = ()
        self._cells: list[tuple[str, ...]] = []
        self._warnings: dict[str, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_clip_warnings(self, warnings: dict[str, str]) -> None:
        """Preflight problems by segment id, shown on the row before the clip goes on air."""
        self._warnings = dict(warnings)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def update_from(self, snapshot: ShowSnapshot) -> None:
        rows = snapshot.segments
        if len(rows) != len(self._rows) or [v.segment for v in rows] != [v.segment for v in self._rows]:
            self.beginResetModel()
            self._rows, self._cells = rows, [self._cells_for(view) for view in rows]
            self.endResetModel()
            return
        # Refreshed ten times a second: only rows whose view changed are formatted, and repainted only
        # when what they show changed (the row on air: its texts once a second, not its float timings).
        old_rows, self._rows = self._rows, rows
        for row, (new, old) in enumerate(zip(rows, old_rows, strict=True)):
            if new == old:
                continue
            cells = self._cells_for(new)
            looks = (new.status, new.is_next, new.clip_problem)
            if cells != self._cells[row] or looks != (old.status, old.is_next, old.clip_problem):
                self._cells[row] = cells
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _cells_for(self, view: SegmentView) -> tuple[str, ...]:
        segment = view.segment
        actual_start = f"{view.actual_start:%H:%M:%S}" if view.actual_start else ""
        actual = format_duration(view.actual_duration_s) if view.actual_duration_s is not None else ""
        return (
            str(view.index + 1),
            f"{view.planned_start:%H:%M:%S}",
            segment.title,
            translate("RunningOrder", KIND_LABEL.get(segment.kind, segment.kind)),
            format_duration(view.planned_duration_s),
            actual_start,
            actual,
            _state_text(view),
        )

    def widest_texts(self) -> list[list[str]]:
        """Per column, every text it shows now or can show later in the run (for sizing it once)."""
        columns: list[list[str]] = [[header_text(column)] for column in range(len(COLUMNS))]
        for cells in self._cells:
            for column, text in enumerate(cells):
                columns[column].append(text)
        hours = "8:88:88"  # actual durations grow past their plan; digits are about equally wide
        columns[COLUMNS.index("Actual start")].append("88:88:88")
        columns[COLUMNS.index("Actual")].append(hours)
        states = [theme.status_label(status) for status in SegmentStatus] + [translate("RunningOrder", "NEXT")]
        columns[COLUMNS.index("State")] += [_with_clip_problem(label) for label in states]
        return columns

    def segment_at(self, row: int) -> SegmentView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- Qt model protocol

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header_text(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        view = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = view.clip_problem or self._warnings.get(view.segment.id)
            clip = f"\n{view.segment.clip}" if view.segment.clip else ""
            return f"{view.segment.title}{clip}" + (f"\n⚠ {problem}" if problem else "")
        if role == Qt.ItemDataRole.BackgroundRole:
            if view.status is SegmentStatus.ON_AIR:
                return QBrush(QColor(theme.ON_AIR))
            if view.is_next:
                return QBrush(QColor(theme.NEXT_ROW))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if view.status is SegmentStatus.ON_AIR:
                return QBrush(QColor("#ffffff"))
            if view.status in (SegmentStatus.DONE, SegmentStatus.SKIPPED):
                return QBrush(QColor(theme.MUTED))
            if index.column() == 7 and (view.clip_problem or view.segment.id in self._warnings):
                return QBrush(QColor(theme.PHASE_FOREGROUND[Phase.DANGER]))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if view.status is SegmentStatus.ON_AIR or view.is_next:
                return self._bold
            if view.status is SegmentStatus.SKIPPED:
                font = QFont()
                font.setStrikeOut(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 1, 4, 5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

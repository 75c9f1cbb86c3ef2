"""The preview's clip list: the running order's clip segments with poster frames, status and marks."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from presenter.clips.preflight import SegmentCheck, Status
from presenter.show import Segment
from presenter.timefmt import format_duration
from presenter.ui.preview.preflight_table import STATUS_FOREGROUND, status_text

THUMB_SIZE = QSize(160, 90)


class ClipList(QListWidget):
    """One item per clip segment (its id in ``UserRole``); the window tells it rows and marks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewClips")
        self.setIconSize(THUMB_SIZE)
        self.setSpacing(3)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setMinimumWidth(220)
        self.clips: list[tuple[int, Segment]] = []
        self.rows: dict[str, SegmentCheck] = {}
        self.marks: dict[str, str] = {}  # segment id -> "ON AIR" / "NEXT"

    def set_clips(self, clips: list[tuple[int, Segment]]) -> None:
        """New items (no selection signal)."""
        self.clips = clips
        self.blockSignals(True)
        self.clear()
        for number, segment in clips:
            item = QListWidgetItem(_placeholder_icon(), "")
            item.setData(Qt.ItemDataRole.UserRole, segment.id)
            item.setSizeHint(QSize(THUMB_SIZE.width() + 200, THUMB_SIZE.height() + 12))
            self.addItem(item)
            self._update_item(item, number, segment)
        self.blockSignals(False)

    def item_for(self, segment_id: str) -> QListWidgetItem | None:
        for i in range(self.count()):
            item = self.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == segment_id:
                return item
        return None

    def highlight(self, segment_id: str) -> None:
        """Make it the current item without loading it."""
        item = self.item_for(segment_id)
        if item is not None:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def update_segment(self, segment_id: str) -> None:
        for number, segment in self.clips:
            if segment.id == segment_id:
                item = self.item_for(segment_id)
                if item is not None:
                    self._update_item(item, number, segment)

    def refresh(self) -> None:
        for number, segment in self.clips:
            item = self.item_for(segment.id)
            if item is not None:
                self._update_item(item, number, segment)

    def set_marks(self, marks: dict[str, str]) -> None:
        if marks != self.marks:
            self.marks = marks
            self.refresh()

    def set_poster(self, path: str, image: QImage) -> None:
        for _, segment in self.clips:
            if segment.clip is not None and str(segment.clip) == path:
                item = self.item_for(segment.id)
                if item is not None:
                    item.setIcon(QIcon(QPixmap.fromImage(image)))

    def _update_item(self, item: QListWidgetItem, number: int, segment: Segment) -> None:
        lines = [f"{number}. {segment.title}", segment.clip.name if segment.clip else "?"]
        planned = format_duration(segment.duration_s) if segment.duration_s is not None else self.tr("from the file")
        mark = self.marks.get(segment.id)
        lines.append(self.tr("planned {planned}").format(planned=planned) + (f" · {mark}" if mark else ""))
        row = self.rows.get(segment.id)
        lines.append(status_text(row.status) if row is not None else self.tr("checking…"))
        item.setText("\n".join(lines))
        tip = f"{segment.title}\n{segment.clip}"
        if row is not None and row.problems:
            tip += "\n" + row.summary
        item.setToolTip(tip)
        if row is not None and row.status is not Status.READY:
            item.setForeground(QColor(STATUS_FOREGROUND[row.status]))
        else:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)


def _placeholder_icon() -> QIcon:
    image = QImage(THUMB_SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor(40, 44, 50))
    return QIcon(QPixmap.fromImage(image))

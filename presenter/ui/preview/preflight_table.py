"""The preview's preflight panel: the checks of ``--check`` as a table, one row per clip."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presenter.clips.files import media_summary
from presenter.clips.preflight import SegmentCheck, Status
from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.show import Segment
from presenter.ui.naming import named

STATUS_TEXT = {
    Status.READY: QT_TRANSLATE_NOOP("PreflightPanel", "✓ ready"),
    Status.WARNING: QT_TRANSLATE_NOOP("PreflightPanel", "⚠ warning"),
    Status.BROKEN: QT_TRANSLATE_NOOP("PreflightPanel", "✗ broken"),
}  # the English source; shown through status_text()
STATUS_BACKGROUND = {Status.READY: "#dff0d8", Status.WARNING: "#fcefc7", Status.BROKEN: "#f6d3d3"}
STATUS_FOREGROUND = {Status.READY: "#1d5c1d", Status.WARNING: "#6b4a00", Status.BROKEN: "#8a1111"}


def status_text(status: Status) -> str:
    """A clip's status in the table and the clip list, in the user's language."""
    return translate("PreflightPanel", STATUS_TEXT[status])


def row_detail(row: SegmentCheck) -> str:
    """What the preflight table says about a clip: its media, then what is wrong with it."""
    media = row.media
    parts: list[str] = []
    if media is not None and media.ok:
        parts.append(media_summary(media, times="×", sep=" · "))
    if row.problems:
        parts.append("; ".join(row.problems))
    return " — ".join(p for p in parts if p) or translate("Clip", "ok")


class PreflightPanel(QGroupBox):
    """Summary, progress, "Check again", the show file's state and the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preflight — the same checks as --check"))
        bold = QFont(self.font())
        bold.setBold(True)
        self.show_file_label = named(QLabel(), "showFileStatus")
        self.show_file_label.setWordWrap(True)
        self.progress = named(QProgressBar(), "preflightProgress")
        self.progress.setFixedWidth(170)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("%v of %m checked"))
        self.summary_label = named(QLabel(), "preflightSummary")
        self.summary_label.setFont(bold)
        self.recheck_button = named(QPushButton(self.tr("Check again")), "recheckButton")
        head = QHBoxLayout()
        head.addWidget(self.summary_label, 1)
        head.addWidget(self.progress)
        head.addWidget(self.recheck_button)
        self.table = self._make_table()
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.show_file_label)
        layout.addWidget(self.table, 1)

    def _make_table(self) -> QTableWidget:
        table = named(QTableWidget(0, 4), "preflightTable")
        table.setHorizontalHeaderLabels([self.tr("#"), self.tr("Clip"), self.tr("Status"), self.tr("Media / why")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        return table

    def set_rows(self, clips: list[tuple[int, Segment]], rows: dict[str, SegmentCheck]) -> None:
        self.table.setRowCount(len(clips))
        for r, (number, segment) in enumerate(clips):
            row = rows.get(segment.id)
            status = status_text(row.status) if row is not None else self.tr("checking…")
            cells = (str(number), segment.title, status, row_detail(row) if row is not None else "")
            for c, text in enumerate(cells):
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(r, c, item)
                item.setText(text)
                item.setData(Qt.ItemDataRole.UserRole, segment.id)
                item.setToolTip(f"{segment.clip}\n{text}" if c == 3 else str(segment.clip))
                if c == 2 and row is not None:
                    item.setBackground(QColor(STATUS_BACKGROUND[row.status]))
                    item.setForeground(QColor(STATUS_FOREGROUND[row.status]))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
        self.table.resizeRowsToContents()

    def set_running(self, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(0)
        self.progress.show()
        self.recheck_button.setEnabled(False)
        self.summary_label.setText(self.tr("Checking {n} clips…").format(n=total))

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def set_show_file(self, problem: str | None, path: object, notes: tuple[str, ...]) -> None:
        if problem:
            text = self.tr("✗ Show file has a mistake (the show in use is unchanged): {problem}").format(
                problem=problem
            )
            self.show_file_label.setText(text)
            self.show_file_label.setStyleSheet(f"color:{STATUS_FOREGROUND[Status.BROKEN]};font-weight:bold;")
        else:
            valid = self.tr("✓ Show file valid")
            self.show_file_label.setText(f"{valid}: {path}" if path else valid)
            self.show_file_label.setStyleSheet(f"color:{STATUS_FOREGROUND[Status.READY]};")
        if notes:
            self.show_file_label.setText(self.show_file_label.text() + "\n⚠ " + "; ".join(notes))

    def set_summary(self, clips: list[tuple[int, Segment]], rows: dict[str, SegmentCheck], show_ok: bool) -> None:
        """The verdict line once a check ended; the "Check again" button is back."""
        self.recheck_button.setEnabled(True)
        self.progress.setValue(self.progress.maximum())
        counts = dict.fromkeys(Status, 0)
        for _, segment in clips:
            row = rows.get(segment.id)
            if row is not None:
                counts[row.status] += 1
        n = len(clips)
        ready = counts[Status.READY] == n and show_ok
        verdict = self.tr("All clips ready") if ready else self.tr("NOT READY")
        self.summary_label.setText(
            self.tr("{verdict}: {n} clips — {ready} ready, {warning} warning, {broken} broken · checked {time}").format(
                verdict=verdict, n=n, ready=counts[Status.READY], warning=counts[Status.WARNING],
                broken=counts[Status.BROKEN], time=f"{datetime.now():%H:%M:%S}",
            )
        )  # fmt: skip
        colour = STATUS_FOREGROUND[Status.READY if ready else Status.BROKEN]
        self.summary_label.setStyleSheet(f"color:{colour};")

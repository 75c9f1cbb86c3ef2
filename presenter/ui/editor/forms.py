"""The segment and show forms: every field, checked as it is typed with the show file's own rules.

A form never changes the show itself: `changes()` is what the user typed, `check` (the pure edit
from presenter.show.editing) says whether it would be accepted, and the dialog's OK stays disabled with
the loader's message beside it until it would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presenter.i18n import QT_TRANSLATE_NOOP
from presenter.show import END_ACTIONS, KINDS, Segment, Show
from presenter.show.editing import EditError, clip_text
from presenter.timefmt import format_duration
from presenter.ui.naming import named

Changes = dict[str, Any]  # field → what was typed (a text, or a list of texts), as the edits take them

PREVIEW = QSize(192, 108)
# What the combos show; the show file keeps the values (live, clip, next, hold, black).
KIND_LABELS = {"live": QT_TRANSLATE_NOOP("SegmentForm", "live"), "clip": QT_TRANSLATE_NOOP("SegmentForm", "clip")}
END_ACTION_LABELS = {
    "next": QT_TRANSLATE_NOOP("SegmentForm", "next"),
    "hold": QT_TRANSLATE_NOOP("SegmentForm", "hold"),
    "black": QT_TRANSLATE_NOOP("SegmentForm", "black"),
}


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def _duration(seconds: float | None) -> str:
    return "" if seconds is None else format_duration(seconds)


class _CheckedForm(QDialog):
    """A dialog whose OK is enabled only while `check(changes())` raises no EditError."""

    def __init__(self, check: Callable[[Changes], object], parent: QWidget | None = None):
        super().__init__(parent)
        self._check = check
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = named(QLabel(), "formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b00020;font-weight:bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("EditorForm", "OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("EditorForm", "Cancel")
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            signal = getattr(widget, "textChanged", None) or widget.currentIndexChanged  # type: ignore[attr-defined]
            signal.connect(self.validate)

    def changes(self) -> Changes:
        raise NotImplementedError

    def validate(self) -> bool:
        try:
            self._check(self.changes())
        except EditError as exc:
            self.error.setText(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return False
        self.error.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        return True

    def accept(self) -> None:
        if self.validate():
            super().accept()


class SegmentForm(_CheckedForm):
    """Every field of a segment. `choose_clip()` asks for a file (and offers to copy it beside the show)."""

    preview_requested = Signal(str)

    def __init__(
        self,
        show: Show,
        index: int,
        check: Callable[[Changes], object],
        choose_clip: Callable[[], str | None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(check, parent)
        self.setObjectName("segmentForm")
        segment: Segment = show.segments[index]
        self.setWindowTitle(self.tr("Segment %1 – %2").replace("%1", str(index + 1)).replace("%2", segment.title))
        self._folder = (show.path or Path.cwd()).parent
        self._choose_clip = choose_clip
        self.title = named(QLineEdit(segment.title), "title")
        self.kind = named(QComboBox(), "kind")
        _fill(self.kind, KINDS, KIND_LABELS, self.tr, str(segment.kind))
        self.duration = named(QLineEdit(_duration(segment.duration_s)), "duration")
        self.duration.setPlaceholderText(self.tr("m:ss or h:mm:ss"))
        self.speakers = named(QPlainTextEdit("\n".join(segment.speakers)), "speakers")
        self.points = named(QPlainTextEdit("\n".join(segment.talking_points)), "talkingPoints")
        self.notes = named(QPlainTextEdit(segment.notes), "notes")
        for box, rows in ((self.speakers, 3), (self.points, 6), (self.notes, 4)):
            box.setFixedHeight(box.fontMetrics().lineSpacing() * rows + 12)
        self._build_clip_fields(segment)
        self.end_action = named(QComboBox(), "endAction")
        _fill(self.end_action, END_ACTIONS, END_ACTION_LABELS, self.tr, str(segment.end_action))
        self.warning = named(QLineEdit(_duration(segment.warning_s)), "warning")
        self.danger = named(QLineEdit(_duration(segment.danger_s)), "danger")
        for edit in (self.warning, self.danger):
            edit.setPlaceholderText(self.tr("the show's"))
        self.segment_id = named(QLineEdit(segment.id), "segmentId")
        clip_row = QHBoxLayout()
        clip_row.addWidget(self.clip, 1)
        clip_row.addWidget(self.choose)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Duration"), self.duration)
        self.form.addRow(self.tr("Speakers (one a line)"), self.speakers)
        self.form.addRow(self.tr("Talking points (one a line)"), self.points)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.form.addRow(self.tr("Clip file"), clip_row)
        self.form.addRow(self.tr("Preview"), self.preview)
        self.form.addRow(self.tr("At the clip's end"), self.end_action)
        self.form.addRow(self.tr("Warning from"), self.warning)
        self.form.addRow(self.tr("Danger from"), self.danger)
        self.form.addRow(self.tr("Id"), self.segment_id)
        self._watch(self.title, self.kind, self.duration, self.speakers, self.points, self.notes, self.clip)
        self._watch(self.end_action, self.warning, self.danger, self.segment_id)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.clip.editingFinished.connect(self._request_preview)
        self._original = self.changes()
        self._kind_changed()
        self._request_preview()
        self.validate()
        self.resize(640, self.sizeHint().height())

    def _build_clip_fields(self, segment: Segment) -> None:
        """The clip file, its Choose… button and its preview picture."""
        self.clip = named(QLineEdit(clip_text(segment.clip, self._folder) if segment.clip else ""), "clip")
        self.clip.setPlaceholderText(self.tr("clips/file.mp4 (relative to the show file)"))
        self.choose = named(QPushButton(self.tr("Choose…")), "chooseClip")
        self.choose.clicked.connect(self._pick_clip)
        self.preview = named(QLabel(), "clipPreview")
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background:#111;color:#aaa;")

    def _kind_changed(self) -> None:
        is_clip = self.kind.currentData() == "clip"
        for widget in (self.clip, self.choose, self.end_action, self.preview):
            widget.setEnabled(is_clip)

    def _pick_clip(self) -> None:
        if self._choose_clip is None:
            return
        chosen = self._choose_clip()
        if chosen:
            self.clip.setText(chosen)
            self.kind.setCurrentIndex(self.kind.findData("clip"))
            self._request_preview()

    def _request_preview(self) -> None:
        text = self.clip.text().strip()
        if not text:
            self.preview.setText(self.tr("no clip"))
            return
        path = Path(text).expanduser()
        self.preview.setText(self.tr("…"))
        self.preview_requested.emit(str(path if path.is_absolute() else self._folder / path))

    def show_preview(self, path: str, image: QImage) -> None:
        """A poster frame arrived (from the thumbnails worker): shown if it is still the chosen clip."""
        text = self.clip.text().strip()
        wanted = Path(text).expanduser()
        if str(wanted if wanted.is_absolute() else self._folder / wanted) == path and not image.isNull():
            self.preview.setPixmap(QPixmap.fromImage(image).scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio))

    def changes(self) -> Changes:
        is_clip = self.kind.currentData() == "clip"
        return {
            "title": self.title.text(),
            "kind": self.kind.currentData(),
            "duration": self.duration.text(),
            "speakers": _lines(self.speakers),
            "talking_points": _lines(self.points),
            "notes": self.notes.toPlainText().strip(),
            "clip": self.clip.text() if is_clip else "",
            "end_action": self.end_action.currentData() if is_clip else "",
            "warning": self.warning.text(),
            "danger": self.danger.text(),
            "id": self.segment_id.text(),
        }

    def changed_fields(self) -> Changes:
        """Only what the user changed (an untouched field is never rewritten)."""
        now = self.changes()
        return {key: value for key, value in now.items() if value != self._original.get(key)}


class ShowForm(_CheckedForm):
    """The show itself: title, date, start, hard out, warning/danger, description."""

    def __init__(self, show: Show, check: Callable[[Changes], object], parent: QWidget | None = None):
        super().__init__(check, parent)
        self.setObjectName("showForm")
        self.setWindowTitle(self.tr("Show – %1").replace("%1", show.title))
        self.title = named(QLineEdit(show.title), "showTitle")
        self.date = named(QLineEdit(show.date.isoformat()), "date")
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.start = named(QLineEdit(_clock(show.start)), "start")
        self.end = named(QLineEdit(_clock(show.end)), "end")
        for edit in (self.start, self.end):
            edit.setPlaceholderText(self.tr("HH:MM"))
        self.warning = named(QLineEdit(format_duration(show.warning_s)), "warning")
        self.danger = named(QLineEdit(format_duration(show.danger_s)), "danger")
        self.description = named(QPlainTextEdit(show.description), "description")
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 4 + 12)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Date"), self.date)
        self.form.addRow(self.tr("Start"), self.start)
        self.form.addRow(self.tr("Hard out"), self.end)
        self.form.addRow(self.tr("Warning from"), self.warning)
        self.form.addRow(self.tr("Danger from"), self.danger)
        self.form.addRow(self.tr("Description"), self.description)
        self._watch(self.title, self.date, self.start, self.end, self.warning, self.danger, self.description)
        self._original = self.changes()
        self.validate()
        self.resize(520, self.sizeHint().height())

    def changes(self) -> Changes:
        return {
            "title": self.title.text(),
            "date": self.date.text(),
            "start": self.start.text(),
            "end": self.end.text(),
            "warning": self.warning.text(),
            "danger": self.danger.text(),
            "description": self.description.toPlainText().strip(),
        }

    def changed_fields(self) -> Changes:
        now = self.changes()
        return {key: value for key, value in now.items() if value != self._original.get(key)}


def _fill(
    combo: QComboBox, values: Iterable[str], labels: Mapping[str, str], tr: Callable[[str], str], current: str
) -> None:
    """The values as items (translated labels, the value as the item's data), `current` chosen."""
    for value in values:
        combo.addItem(tr(labels.get(value, value)), value)
    combo.setCurrentIndex(max(combo.findData(current), 0))


def _clock(value: time) -> str:
    return f"{value:%H:%M:%S}" if value.second else f"{value:%H:%M}"

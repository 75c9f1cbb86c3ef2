"""The preview's media information panel: what the clip checks found about the selected clip."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from presenter.clips.preflight import Status
from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.playout.probe import MediaInfo, number_text
from presenter.timefmt import format_duration
from presenter.ui.naming import named
from presenter.ui.preview.preflight_table import STATUS_FOREGROUND

NONE = "—"
INFO_FIELDS = (
    ("container", QT_TRANSLATE_NOOP("MediaPanel", "Container")),
    ("video_codec", QT_TRANSLATE_NOOP("MediaPanel", "Video codec")),
    ("resolution", QT_TRANSLATE_NOOP("MediaPanel", "Resolution")),
    ("fps", QT_TRANSLATE_NOOP("MediaPanel", "Frame rate")),
    ("duration", QT_TRANSLATE_NOOP("MediaPanel", "Duration")),
    ("audio_codec", QT_TRANSLATE_NOOP("MediaPanel", "Audio codec")),
    ("channels", QT_TRANSLATE_NOOP("MediaPanel", "Audio channels")),
    ("rate", QT_TRANSLATE_NOOP("MediaPanel", "Sample rate")),
    ("size", QT_TRANSLATE_NOOP("MediaPanel", "File size")),
    ("mtime", QT_TRANSLATE_NOOP("MediaPanel", "Modified")),
)


def format_size(size: int | None) -> str:
    """``1.7 MiB (1 781 234 bytes)``: rounded for reading, exact for comparing with another copy."""
    if size is None:
        return NONE
    exact = f"{size:,}".replace(",", " ")
    if size < 1024:
        return translate("MediaPanel", "{size} bytes").format(size=exact)
    value, unit = size / 1024.0, "KiB"
    for bigger in ("MiB", "GiB"):
        if value < 1024:
            break
        value, unit = value / 1024.0, bigger
    rounded = QLocale().toString(value, "f", 1)
    return translate("MediaPanel", "{value} {unit} ({size} bytes)").format(value=rounded, unit=unit, size=exact)


def describe_media(info: MediaInfo) -> dict[str, str]:
    """The media information panel's texts for *info* (``—`` where unknown)."""

    def channels(n: int | None) -> str:
        known = {
            None: NONE, 1: translate("MediaPanel", "1 (mono)"), 2: translate("MediaPanel", "2 (stereo)"),
            6: translate("MediaPanel", "6 (5.1)"),
        }  # fmt: skip
        return known.get(n, str(n))

    no_video = translate("MediaPanel", "none (no video track)")
    return {
        "container": info.container or NONE,
        "video_codec": info.video_codec or (no_video if info.ok or info.audio_codec else NONE),
        "resolution": f"{info.width} × {info.height}" if info.width and info.height else NONE,
        "fps": translate("MediaPanel", "{fps} fps").format(fps=number_text(info.fps)) if info.fps else NONE,
        "duration": _duration_text(info.duration_s),
        "audio_codec": info.audio_codec or (translate("MediaPanel", "none (silent)") if info.ok else NONE),
        "channels": channels(info.audio_channels),
        "rate": translate("MediaPanel", "{rate} Hz").format(rate=f"{info.audio_rate:,}".replace(",", " "))
        if info.audio_rate
        else NONE,
        "size": format_size(info.size_bytes),
        "mtime": datetime.fromtimestamp(info.mtime).strftime("%d.%m.%Y %H:%M:%S") if info.mtime else NONE,
    }


def _duration_text(seconds: float | None) -> str:
    if seconds is None:
        return NONE
    exact = QLocale().toString(seconds, "f", 2)
    return translate("MediaPanel", "{duration} ({seconds} s)").format(duration=format_duration(seconds), seconds=exact)


class MediaPanel(QGroupBox):
    """File, container, codecs, size … of one clip, and whether it plays."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Media information"))
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.info_labels: dict[str, QLabel] = {}
        self.info_file = named(QLabel(NONE), "info_file")
        self.info_file.setWordWrap(True)
        self.info_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("File"), self.info_file)
        for key, label in INFO_FIELDS:
            value = named(QLabel(NONE), f"info_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.info_labels[key] = value
            form.addRow(self.tr(label), value)
        self.info_notes = named(QLabel(""), "info_notes")
        self.info_notes.setWordWrap(True)
        form.addRow(self.tr("Check"), self.info_notes)
        self.setMinimumWidth(220)

    def show_info(self, info: MediaInfo | None, path: Path | None) -> None:
        """*info* of *path*; ``None`` with a path: being checked; both ``None``: nothing selected."""
        self.info_file.setText(str(path) if path is not None else NONE)
        texts = describe_media(info) if info is not None else {}
        for key, label in self.info_labels.items():
            label.setText(texts.get(key, "…" if path is not None else NONE))
        if info is None:
            self.info_notes.setText(self.tr("checking…") if path is not None else "")
            self.info_notes.setStyleSheet("")
        elif not info.ok:
            self.info_notes.setText(f"✗ {info.problem}")
            self.info_notes.setStyleSheet(f"color:{STATUS_FOREGROUND[Status.BROKEN]};font-weight:bold;")
        elif info.warnings:
            self.info_notes.setText("⚠ " + "; ".join(info.warnings))
            self.info_notes.setStyleSheet(f"color:{STATUS_FOREGROUND[Status.WARNING]};")
        else:
            self.info_notes.setText(self.tr("✓ plays"))
            self.info_notes.setStyleSheet(f"color:{STATUS_FOREGROUND[Status.READY]};")

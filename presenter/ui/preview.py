"""The technician's preview window: audition and check every clip without touching the program output.

* The running order's clip segments with poster frames (made off the UI thread, cached on disk).
* Selecting one loads it paused on its first frame in the preview's OWN player
  (:class:`presenter.playout.preview.PreviewPlayer`: own libVLC instance, own control thread, its sound
  on the chosen device, muted until libVLC confirms that device).
* Transport: play/pause, scrub slider with time and duration, frame step, the last 10 s, mute, volume,
  the audio output device (listed by libVLC, remembered in QSettings).
* Media information of the selected clip (probed off the UI thread).
* Preflight: the checks of ``--check`` (show file valid, every clip present, decodable, duration as
  planned), run off the UI thread with a progress bar, one row per clip; again on demand and when a
  clip file changes on disk (the files and their folders are watched: copies and editors replace files).

Nothing here blocks the UI thread on libVLC or on a file: a broken clip shows a plain message.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QSettings, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QColor, QFont, QIcon, QImage, QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presenter.controller import ShowController
from presenter.engine import Mode
from presenter.playout import preview as pv
from presenter.playout.probe import MediaInfo
from presenter.playout.thumbnails import Thumbnails
from presenter.preflight import SegmentCheck, Status, check_segment
from presenter.show import Segment, Show, ShowFileError, load_show
from presenter.timefmt import format_duration

log = logging.getLogger(__name__)

WATCH_SETTLE_MS = 500  # a copy or an editor writes in several steps: wait until the folder is quiet
SEEK_THROTTLE_MS = 60
LAST_SECONDS = 10.0
NONE = "—"
THUMB_SIZE = QSize(160, 90)

STATUS_TEXT = {Status.READY: "✓ ready", Status.WARNING: "⚠ warning", Status.BROKEN: "✗ broken"}
STATUS_BACKGROUND = {Status.READY: "#dff0d8", Status.WARNING: "#fcefc7", Status.BROKEN: "#f6d3d3"}
STATUS_FOREGROUND = {Status.READY: "#1d5c1d", Status.WARNING: "#6b4a00", Status.BROKEN: "#8a1111"}
INFO_FIELDS = (
    ("container", "Container"),
    ("video_codec", "Video codec"),
    ("resolution", "Resolution"),
    ("fps", "Frame rate"),
    ("duration", "Duration"),
    ("audio_codec", "Audio codec"),
    ("channels", "Audio channels"),
    ("rate", "Sample rate"),
    ("size", "File size"),
    ("mtime", "Modified"),
)


def format_clock(seconds: float | None) -> str:
    """m:ss.t for the scrub bar (tenths: frame stepping must show that something moved)."""
    if seconds is None:
        return "–:––.–"
    seconds = max(0.0, seconds)
    tenths = int(seconds * 10 + 1e-6)
    minutes, rest = divmod(tenths, 600)
    return f"{minutes}:{rest // 10:02d}.{rest % 10}"


def format_size(size: int | None) -> str:
    """``1.7 MiB (1 781 234 bytes)``: rounded for reading, exact for comparing with another copy."""
    if size is None:
        return NONE
    exact = f"{size:,}".replace(",", " ")
    if size < 1024:
        return f"{exact} bytes"
    value, unit = size / 1024.0, "KiB"
    for bigger in ("MiB", "GiB"):
        if value < 1024:
            break
        value, unit = value / 1024.0, bigger
    return f"{value:.1f} {unit} ({exact} bytes)"


def describe_media(info: MediaInfo) -> dict[str, str]:
    """The media information panel's texts for *info* (``—`` where unknown)."""

    def channels(n: int | None) -> str:
        return {None: NONE, 1: "1 (mono)", 2: "2 (stereo)", 6: "6 (5.1)"}.get(n, str(n))

    fps = f"{info.fps:.3f}".rstrip("0").rstrip(".") + " fps" if info.fps else NONE
    return {
        "container": info.container or NONE,
        "video_codec": info.video_codec or ("none (no video track)" if info.ok or info.audio_codec else NONE),
        "resolution": f"{info.width} × {info.height}" if info.width and info.height else NONE,
        "fps": fps,
        "duration": _duration_text(info.duration_s),
        "audio_codec": info.audio_codec or ("none (silent)" if info.ok else NONE),
        "channels": channels(info.audio_channels),
        "rate": f"{info.audio_rate:,} Hz".replace(",", " ") if info.audio_rate else NONE,
        "size": format_size(info.size_bytes),
        "mtime": datetime.fromtimestamp(info.mtime).strftime("%d.%m.%Y %H:%M:%S") if info.mtime else NONE,
    }


def _duration_text(seconds: float | None) -> str:
    if seconds is None:
        return NONE
    return f"{format_duration(seconds)} ({seconds:.2f} s)"


def row_detail(row: SegmentCheck) -> str:
    """What the preflight table says about a clip: its media, then what is wrong with it."""
    media = row.media
    parts: list[str] = []
    if media is not None and media.ok:
        bits = []
        if media.width and media.height:
            bits.append(f"{media.width}×{media.height}")
        if media.fps:
            bits.append(f"{media.fps:g} fps")
        codecs = "/".join(c for c in (media.video_codec, media.audio_codec) if c)
        if codecs:
            bits.append(codecs)
        if media.duration_s:
            bits.append(format_duration(media.duration_s))
        parts.append(" · ".join(bits))
    if row.problems:
        parts.append("; ".join(row.problems))
    return " — ".join(p for p in parts if p) or "ok"


class _Bridge(QObject):
    preflight_row = Signal(int, int, int, object)  # generation, done, total, SegmentCheck
    preflight_done = Signal(int, object, object)  # generation, show-file problem or None, notes
    info = Signal(str, object)  # path, MediaInfo


class VideoPane(QWidget):
    """Black box with a native surface for libVLC and a native cover (black, with a message) over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewVideo")
        _black(self)
        self.surface = _Surface(self)
        self.cover = QLabel(self)
        self.cover.setObjectName("previewCover")
        self.cover.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.cover.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setWordWrap(True)
        self.cover.setMargin(16)
        _black(self.cover)
        self.cover.setStyleSheet("color:#e8e8e8;font-size:15px;")
        self.cover.setText("Select a clip to preview it")
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._covered = True
        self.cover.raise_()

    def handle(self) -> int:
        return int(self.surface.winId())

    def show_video(self) -> None:
        self._covered = False
        self.surface.raise_()

    def show_message(self, text: str) -> None:
        self._covered = True
        self.cover.setText(text)
        self.cover.raise_()

    def is_covered(self) -> bool:
        return self._covered

    def resizeEvent(self, event) -> None:
        self.surface.setGeometry(self.rect())
        self.cover.setGeometry(self.rect())
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * 9 // 16


class _Surface(QWidget):
    """A native child window for libVLC, painted black by Qt.

    libVLC draws the picture into a window of its own inside this one, sized to the picture; the
    letterbox bars around it are this widget's black (the X11 output, unlike OpenGL, does not clear
    them, and without Qt painting them they would show stale pixels).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("previewSurface")
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        _black(self)


def _black(widget: QWidget) -> None:
    pal = widget.palette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        pal.setColor(role, QColor(0, 0, 0))
    widget.setPalette(pal)
    widget.setAutoFillBackground(True)


class PreviewWindow(QWidget):
    """The technician's window. Give it the show controller and (for Esc = stop the preview too) the
    program playout; call :meth:`shutdown` before the application quits."""

    def __init__(
        self,
        controller: ShowController,
        program: Any = None,
        *,
        settings: QSettings | None = None,
        cache_dir: Path | None = None,
        vlc_args: Sequence[str] | None = None,
        probe_fn: Callable[[Path], MediaInfo] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.program = program
        self.setObjectName("preview")
        self.setWindowTitle(f"Preview — {controller.show.title} — Presenter")
        self.resize(1280, 800)
        self._settings = settings if settings is not None else QSettings()
        self._closed = False
        self._selected: Segment | None = None
        self._rows: dict[str, SegmentCheck] = {}
        self._clips: list[tuple[int, Segment]] = []
        self._shown: tuple = ()  # which show (file, title, clips) the window lists
        self._signatures: dict[str, tuple[int, int] | None] = {}
        self._info: MediaInfo | None = None
        self._generation = 0
        self._running: int | None = None
        self._rerun = False
        self._last_check: datetime | None = None
        self._pending_seek: float | None = None
        self._marks: dict[str, str] = {}
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="preview-check")
        self._bridge = _Bridge(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._bridge.preflight_row.connect(self._on_preflight_row, queued)
        self._bridge.preflight_done.connect(self._on_preflight_done, queued)
        self._bridge.info.connect(self._on_info, queued)

        if probe_fn is None:
            from presenter.playout.probe import probe
            from presenter.playout.vlc import vlc_status

            self._probe: Callable[[Path], MediaInfo] | None = probe if vlc_status()[0] else None
            self._probe_note = None if self._probe is not None else vlc_status()[1]
        else:
            self._probe, self._probe_note = probe_fn, None
        if cache_dir is None:
            import platformdirs

            cache_dir = Path(platformdirs.user_cache_dir("presenter")) / "thumbnails"
        self.thumbnails = Thumbnails(cache_dir, THUMB_SIZE, self)
        self.thumbnails.ready.connect(self._on_thumbnail)

        self._build()
        self.player = pv.PreviewPlayer(self._settings, self.video.handle, vlc_args, parent=self)
        self.player.state_changed.connect(self._on_state)
        self.player.position_changed.connect(self._on_position)
        self.player.problem.connect(self._on_player_problem)
        self.player.audio_devices_changed.connect(self._on_devices)
        self.player.audio_device_changed.connect(self._on_device_confirmed)
        if program is not None:
            program.add_panic_listener(self.player.stop)  # Esc on air stops the preview too
        if not self.player.ok:
            self.video.show_message(f"No preview: {self.player.message}")
        elif self.player.video_problem:
            self.video.show_message(self.player.video_problem)
        self._auto_muted = False
        if not self.player.audio_device:
            self.player.set_muted(True)  # its sound could go to the program's device: muted until chosen
            self._auto_muted = True
        self.volume.setValue(self.player.volume)
        self._sync_audio_widgets()

        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._files_changed)
        self._watcher.directoryChanged.connect(self._files_changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(WATCH_SETTLE_MS)
        self._settle.timeout.connect(self._check_files)
        self._seek_timer = QTimer(self)
        self._seek_timer.setSingleShot(True)
        self._seek_timer.setInterval(SEEK_THROTTLE_MS)
        self._seek_timer.timeout.connect(self._seek_now)

        controller.changed.connect(self._on_show_changed)
        self._set_show(controller.show)
        self._mark_on_air()
        self.player.refresh_audio_devices()
        self._bind_keys()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)

        # Clips with their poster frames
        self.clip_list = QListWidget(objectName="previewClips")
        self.clip_list.setIconSize(THUMB_SIZE)
        self.clip_list.setSpacing(3)
        self.clip_list.setWordWrap(True)
        self.clip_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.clip_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.clip_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clip_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.clip_list.currentItemChanged.connect(self._on_clip_chosen)
        self.clip_list.setMinimumWidth(220)
        clips_box = QGroupBox("Clips in the running order")
        clips_layout = QVBoxLayout(clips_box)
        clips_layout.addWidget(self.clip_list)

        # Video and transport
        self.video = VideoPane()
        self.clip_title = QLabel(objectName="previewTitle")
        self.clip_title.setFont(bold)
        self.clip_title.setText("No clip selected")
        self.state_label = QLabel(objectName="previewState")
        self.state_label.setFont(bold)
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        title_row = QHBoxLayout()
        title_row.addWidget(self.clip_title, 1)
        title_row.addWidget(self.state_label)

        self.play_button = QPushButton("▶ Play", objectName="playButton")
        self.play_button.setToolTip("Play / pause the preview (Space)")
        self.play_button.clicked.connect(self.player_toggle)
        self.step_button = QPushButton("Frame ▸", objectName="stepButton")
        self.step_button.setToolTip("One frame forward (Right arrow)")
        self.step_button.clicked.connect(lambda: self.player.step_frame())
        self.end_button = QPushButton("Last 10 s", objectName="lastSecondsButton")
        self.end_button.setToolTip("Play the last 10 seconds: check the end and the hand-back (End)")
        self.end_button.clicked.connect(lambda: self.player.jump_to_end(LAST_SECONDS))
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="scrubSlider")
        self.slider.setRange(0, 0)
        self.slider.setSingleStep(40)
        self.slider.setPageStep(5000)
        self.slider.valueChanged.connect(self._on_slider)
        self.time_label = QLabel(objectName="timeLabel")
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.time_label.setFont(mono)
        self.time_label.setText(f"{format_clock(0)} / {format_clock(None)}")
        transport = QHBoxLayout()
        for w in (self.play_button, self.step_button, self.end_button):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space and the arrows stay the preview's keys
            transport.addWidget(w)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        transport.addWidget(self.slider, 1)
        transport.addWidget(self.time_label)

        self.mute_button = QPushButton("Mute", objectName="muteButton")
        self.mute_button.setCheckable(True)
        self.mute_button.setToolTip("Mute the preview (M)")
        self.mute_button.toggled.connect(self._on_mute)
        self.mute_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume = QSlider(Qt.Orientation.Horizontal, objectName="volumeSlider")
        self.volume.setRange(0, 100)
        self.volume.setMinimumWidth(90)
        self.volume.setMaximumWidth(140)
        self.volume.valueChanged.connect(lambda v: self.player.set_volume(v))
        self.device_combo = QComboBox(objectName="deviceCombo")
        self.device_combo.setMinimumContentsLength(22)
        self.device_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.device_combo.activated.connect(self._on_device_chosen)
        self.refresh_button = QPushButton("↻", objectName="refreshDevices")
        self.refresh_button.setToolTip("List the audio devices again (headphones plugged in?)")
        self.refresh_button.setFixedWidth(34)
        self.refresh_button.clicked.connect(lambda: self.player.refresh_audio_devices())
        audio_row = QHBoxLayout()
        audio_row.addWidget(self.mute_button)
        audio_row.addWidget(QLabel("Volume"))
        audio_row.addWidget(self.volume)
        audio_row.addSpacing(12)
        audio_row.addWidget(QLabel("Preview sound on"))
        audio_row.addWidget(self.device_combo, 1)
        audio_row.addWidget(self.refresh_button)
        self.audio_status = QLabel(objectName="audioStatus")
        self.audio_status.setWordWrap(True)
        self.problem_label = QLabel(objectName="previewProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color:#8a1111;font-weight:bold;")
        self.problem_label.hide()

        player_box = QWidget()
        player_layout = QVBoxLayout(player_box)
        player_layout.setContentsMargins(0, 0, 0, 0)
        player_layout.addLayout(title_row)
        player_layout.addWidget(self.video, 1)
        player_layout.addLayout(transport)
        player_layout.addLayout(audio_row)
        player_layout.addWidget(self.audio_status)
        player_layout.addWidget(self.problem_label)

        # Media information
        info_box = QGroupBox("Media information")
        form = QFormLayout(info_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.info_labels: dict[str, QLabel] = {}
        self.info_file = QLabel(NONE, objectName="info_file")
        self.info_file.setWordWrap(True)
        self.info_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("File", self.info_file)
        for key, label in INFO_FIELDS:
            value = QLabel(NONE, objectName=f"info_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.info_labels[key] = value
            form.addRow(label, value)
        self.info_notes = QLabel("", objectName="info_notes")
        self.info_notes.setWordWrap(True)
        form.addRow("Check", self.info_notes)
        info_box.setMinimumWidth(220)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(clips_box)
        top.addWidget(player_box)
        top.addWidget(info_box)
        top.setStretchFactor(0, 0)
        top.setStretchFactor(1, 1)
        top.setStretchFactor(2, 0)
        top.setChildrenCollapsible(False)
        self._top_splitter = top
        self._sized = False

        # Preflight
        pre_box = QGroupBox("Preflight — the same checks as --check")
        pre_layout = QVBoxLayout(pre_box)
        head = QHBoxLayout()
        self.show_file_label = QLabel(objectName="showFileStatus")
        self.show_file_label.setWordWrap(True)
        self.progress = QProgressBar(objectName="preflightProgress")
        self.progress.setFixedWidth(170)
        self.progress.setTextVisible(True)
        self.progress.setFormat("%v of %m checked")
        self.summary_label = QLabel(objectName="preflightSummary")
        self.summary_label.setFont(bold)
        self.recheck_button = QPushButton("Check again", objectName="recheckButton")
        self.recheck_button.clicked.connect(self.run_preflight)
        head.addWidget(self.summary_label, 1)
        head.addWidget(self.progress)
        head.addWidget(self.recheck_button)
        self.table = QTableWidget(0, 4, objectName="preflightTable")
        self.table.setHorizontalHeaderLabels(["#", "Clip", "Status", "Media / why"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.cellClicked.connect(lambda row, _col: self._select_row(row))
        pre_layout.addLayout(head)
        pre_layout.addWidget(self.show_file_label)
        pre_layout.addWidget(self.table, 1)

        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(top)
        outer.addWidget(pre_box)
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 1)
        outer.setSizes([560, 200])
        outer.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(outer)
        self._set_transport_enabled(False)

    def _bind_keys(self) -> None:
        ctx = Qt.ShortcutContext.WindowShortcut
        for key, slot in (
            (Qt.Key.Key_Space, self.player_toggle),
            (Qt.Key.Key_Right, lambda: self.player.step_frame()),
            (Qt.Key.Key_End, lambda: self.player.jump_to_end(LAST_SECONDS)),
            (Qt.Key.Key_M, lambda: self.mute_button.toggle()),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(ctx)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ public

    def select_segment(self, segment_id: str) -> bool:
        """Select (and load, paused) the clip segment *segment_id*; ``False`` if it is not a clip."""
        for i in range(self.clip_list.count()):
            item = self.clip_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == segment_id:
                self.clip_list.setCurrentItem(item)
                return True
        return False

    @property
    def selected_segment(self) -> Segment | None:
        return self._selected

    def preflight_rows(self) -> dict[str, SegmentCheck]:
        """The last preflight result per clip segment id."""
        return dict(self._rows)

    def preflight_running(self) -> bool:
        return self._running is not None

    def run_preflight(self) -> None:
        """Run the checks of --check off the UI thread (again, if one runs now: after it)."""
        if self._closed:
            return
        if self._running is not None:
            self._rerun = True
            return
        self._generation += 1
        generation = self._generation
        self._running = generation
        show = self.controller.show
        clips = [(n, s) for n, s in enumerate(show.segments, 1) if s.is_clip]
        self.progress.setRange(0, max(1, len(clips)))
        self.progress.setValue(0)
        self.progress.show()
        self.recheck_button.setEnabled(False)
        self.summary_label.setText(f"Checking {len(clips)} clips…")
        self._pool.submit(self._preflight_job, generation, show, clips, self._probe)

    def player_toggle(self) -> None:
        self.player.toggle()

    def shutdown(self, timeout_s: float = 3.0) -> bool:
        """Stop the preview player and the background jobs (bounded). Call before the app quits."""
        if self._closed:
            return True
        self._closed = True
        self._settle.stop()
        self._seek_timer.stop()
        self.thumbnails.shutdown()
        self._pool.shutdown(wait=False, cancel_futures=True)
        for thread in list(getattr(self._pool, "_threads", ())):
            thread.join(timeout_s)
        return self.player.shutdown(timeout_s)

    # ------------------------------------------------------------------ the show and its clips

    @staticmethod
    def _show_key(show: Show) -> tuple:
        return show.path, show.title, [(s.id, s.title, s.clip, s.duration_s) for s in show.segments if s.is_clip]

    def _on_show_changed(self) -> None:
        show = self.controller.show
        if self._show_key(show) != self._shown:  # another show, or its clips changed
            self._set_show(show)
        self._mark_on_air()

    def _set_show(self, show: Show) -> None:
        self._shown = self._show_key(show)
        self.setWindowTitle(f"Preview — {show.title} — Presenter")
        self._clips = [(n, s) for n, s in enumerate(show.segments, 1) if s.is_clip]
        current = self._selected.id if self._selected is not None else None
        self.clip_list.blockSignals(True)
        self.clip_list.clear()
        for number, segment in self._clips:
            item = QListWidgetItem(self._placeholder_icon(), "")
            item.setData(Qt.ItemDataRole.UserRole, segment.id)
            item.setSizeHint(QSize(THUMB_SIZE.width() + 200, THUMB_SIZE.height() + 12))
            self.clip_list.addItem(item)
            self._update_item(item, number, segment)
        self.clip_list.blockSignals(False)
        self._rows = {k: v for k, v in self._rows.items() if any(s.id == k for _, s in self._clips)}
        self._rebuild_table()
        self._watch()
        self._signatures = {str(s.clip): _signature(s.clip) for _, s in self._clips if s.clip}
        for _, segment in self._clips:
            if segment.clip is not None:
                self.thumbnails.request(segment.clip)
        if current is not None and any(s.id == current for _, s in self._clips):
            seg = next(s for _, s in self._clips if s.id == current)
            if self._selected is not None and seg.clip != self._selected.clip:
                self.select_segment(current)
            else:
                self._selected = seg
                self._highlight(current)
        elif current is not None:
            self._selected = None
            self.player.stop()
            self.clip_title.setText("No clip selected")
            self.video.show_message("Select a clip to preview it")
        self.run_preflight()

    def _highlight(self, segment_id: str) -> None:
        self.clip_list.blockSignals(True)
        for i in range(self.clip_list.count()):
            item = self.clip_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == segment_id:
                self.clip_list.setCurrentItem(item)
        self.clip_list.blockSignals(False)

    def _placeholder_icon(self) -> QIcon:
        image = QImage(THUMB_SIZE, QImage.Format.Format_RGB32)
        image.fill(QColor(40, 44, 50))
        return QIcon(QPixmap.fromImage(image))

    def _item_for(self, segment_id: str) -> QListWidgetItem | None:
        for i in range(self.clip_list.count()):
            item = self.clip_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == segment_id:
                return item
        return None

    def _update_item(self, item: QListWidgetItem, number: int, segment: Segment) -> None:
        lines = [f"{number}. {segment.title}", segment.clip.name if segment.clip else "?"]
        planned = format_duration(segment.duration_s) if segment.duration_s is not None else "from the file"
        mark = self._marks.get(segment.id)
        lines.append(f"planned {planned} · {mark}" if mark else f"planned {planned}")
        row = self._rows.get(segment.id)
        lines.append(STATUS_TEXT[row.status] if row is not None else "checking…")
        item.setText("\n".join(lines))
        tip = f"{segment.title}\n{segment.clip}"
        if row is not None and row.problems:
            tip += "\n" + row.summary
        item.setToolTip(tip)
        if row is not None and row.status is not Status.READY:
            item.setForeground(QColor(STATUS_FOREGROUND[row.status]))
        else:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def _refresh_items(self) -> None:
        for number, segment in self._clips:
            item = self._item_for(segment.id)
            if item is not None:
                self._update_item(item, number, segment)

    def _mark_on_air(self) -> None:
        snap = self.controller.snapshot()
        marks: dict[str, str] = {}
        if snap.current is not None and snap.mode is Mode.ON_AIR and snap.current.segment.is_clip:
            marks[snap.current.segment.id] = "ON AIR"
        if snap.next is not None and snap.next.segment.is_clip:
            marks.setdefault(snap.next.segment.id, "NEXT")
        if marks != self._marks:
            self._marks = marks
            self._refresh_items()

    @Slot(str, QImage, str, str)
    def _on_thumbnail(self, path: str, image: QImage, kind: str, reason: str) -> None:
        for _, segment in self._clips:
            if segment.clip is not None and str(segment.clip) == path:
                item = self._item_for(segment.id)
                if item is not None:
                    item.setIcon(QIcon(QPixmap.fromImage(image)))

    # ------------------------------------------------------------------ selecting and the player

    def _on_clip_chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        segment_id = current.data(Qt.ItemDataRole.UserRole)
        segment = next((s for _, s in self._clips if s.id == segment_id), None)
        if segment is None or segment.clip is None:
            return
        self._load(segment)

    def _select_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.select_segment(item.data(Qt.ItemDataRole.UserRole))

    def _load(self, segment: Segment) -> None:
        self._selected = segment
        number = next((n for n, s in self._clips if s.id == segment.id), 0)
        self.clip_title.setText(f"{number}. {segment.title} — {segment.clip.name if segment.clip else ''}")
        self.problem_label.hide()
        self._show_info(None, segment.clip)
        self.video.show_message("Loading…")
        assert segment.clip is not None
        media = self._rows.get(segment.id).media if segment.id in self._rows else None
        self.player.load(segment.clip, fps=getattr(media, "fps", None))
        if self._probe is not None:
            self._pool.submit(self._info_job, segment.clip, self._probe)

    def _on_state(self, state: str) -> None:
        text = {
            pv.EMPTY: "",
            pv.LOADING: "loading…",
            pv.PAUSED: "paused",
            pv.PLAYING: "playing",
            pv.ENDED: "end of clip (last frame)",
            pv.STOPPED: "stopped",
            pv.ERROR: "cannot preview",
        }.get(state, state)
        self.state_label.setText(f"Preview: {text}" if text else "")
        self.play_button.setText("❚❚ Pause" if state == pv.PLAYING else "▶ Play")
        self._set_transport_enabled(state in (pv.PAUSED, pv.PLAYING, pv.ENDED))
        if state in (pv.PAUSED, pv.PLAYING, pv.ENDED):
            if self.player.has_video:
                self.video.show_video()
            else:
                self.video.show_message("No picture: this file has no video track")
        elif state == pv.STOPPED:
            self.video.show_message("Preview stopped")

    def _set_transport_enabled(self, enabled: bool) -> None:
        for w in (self.play_button, self.step_button, self.end_button, self.slider):
            w.setEnabled(enabled)

    def _on_position(self, position: float, duration: float) -> None:
        self.time_label.setText(f"{format_clock(position)} / {format_clock(duration or None)}")
        if self.slider.isSliderDown() or self._seek_timer.isActive():
            return
        self.slider.blockSignals(True)
        self.slider.setRange(0, int(duration * 1000))
        self.slider.setValue(int(position * 1000))
        self.slider.blockSignals(False)

    def _on_slider(self, value: int) -> None:
        self._pending_seek = value / 1000.0
        if not self._seek_timer.isActive():
            self._seek_timer.start()

    def _seek_now(self) -> None:
        if self._pending_seek is not None:
            self.player.seek(self._pending_seek)
            self._pending_seek = None

    def _on_player_problem(self, message: str) -> None:
        title = self._selected.title if self._selected is not None else "Preview"
        self.problem_label.setText(f"{title}: {message}")
        self.problem_label.show()
        if self.player.state == pv.ERROR:
            self.video.show_message(f"Cannot preview this clip:\n{message}")
        self._sync_audio_widgets()

    # ------------------------------------------------------------------ sound

    def _on_mute(self, checked: bool) -> None:
        self._auto_muted = False
        self.player.set_muted(checked)
        self._sync_audio_widgets()

    def _on_devices(self, devices: list) -> None:
        chosen = self.player.audio_device
        self.device_combo.blockSignals(True)
        self.device_combo.clear()
        self.device_combo.addItem("System default", "")
        known = False
        for ident, description in devices:
            self.device_combo.addItem(description if description == ident else f"{description} ({ident})", ident)
            known = known or ident == chosen
        if chosen and not known:
            self.device_combo.addItem(f"{chosen} (not available now)", chosen)
        index = self.device_combo.findData(chosen)
        self.device_combo.setCurrentIndex(max(0, index))
        self.device_combo.blockSignals(False)
        self._sync_audio_widgets()

    def _on_device_chosen(self, index: int) -> None:
        ident = self.device_combo.itemData(index) or ""
        self.player.set_audio_device(ident)
        if ident and self._auto_muted:
            self._auto_muted = False  # it was muted only because no device was chosen
            self.player.set_muted(False)
        self._sync_audio_widgets()

    def _on_device_confirmed(self, ident: str, confirmed: bool) -> None:
        self._sync_audio_widgets()

    def _sync_audio_widgets(self) -> None:
        if not hasattr(self, "player"):
            return
        self.mute_button.blockSignals(True)
        self.mute_button.setChecked(self.player.muted)
        self.mute_button.setText("Muted" if self.player.muted else "Mute")
        self.mute_button.blockSignals(False)
        device = self.player.audio_device
        name = self.device_combo.currentText() if device else "the system default device"
        if not device:
            text = "Choose the headphones device: until then the preview is muted (its sound could reach the stream)."
            if not self.player.muted:
                text = "⚠ Preview sound on the system default device: it may be the program's. Choose the headphones."
            colour = "#8a5a00"
        elif self.player.safety_muted and self.player.state in (pv.PAUSED, pv.PLAYING, pv.ENDED):
            text = f"Checking that the preview sound is on {name}… (muted until libVLC confirms it)"
            colour = "#8a5a00"
        elif self.player.muted:
            text = f"Preview muted · sound device: {name}"
            colour = "#444"
        elif self.player.audio_device_confirmed:
            text = f"✓ Preview sound on {name}"
            colour = "#1d5c1d"
        else:
            text = f"Preview sound on {name}"
            colour = "#444"
        self.audio_status.setText(text)
        self.audio_status.setStyleSheet(f"color:{colour};")

    # ------------------------------------------------------------------ media information

    def _info_job(self, path: Path, probe_fn: Callable[[Path], MediaInfo]) -> None:
        try:
            info = probe_fn(path)
        except Exception as exc:
            info = MediaInfo(path, False, f"cannot be checked: {exc}")
        with contextlib.suppress(RuntimeError):
            self._bridge.info.emit(str(path), info)

    def _on_info(self, path: str, info: MediaInfo) -> None:
        if self._closed or self._selected is None or str(self._selected.clip) != path:
            return
        self._show_info(info, Path(path))
        if info.fps:
            self.player.set_frame_rate(info.fps)

    def _show_info(self, info: MediaInfo | None, path: Path | None) -> None:
        self._info = info
        self.info_file.setText(str(path) if path is not None else NONE)
        texts = describe_media(info) if info is not None else {}
        for key, label in self.info_labels.items():
            label.setText(texts.get(key, "…" if path is not None else NONE))
        if info is None:
            self.info_notes.setText("checking…" if path is not None else "")
            self.info_notes.setStyleSheet("")
        elif not info.ok:
            self.info_notes.setText(f"✗ {info.problem}")
            self.info_notes.setStyleSheet(f"color:{STATUS_FOREGROUND[Status.BROKEN]};font-weight:bold;")
        elif info.warnings:
            self.info_notes.setText("⚠ " + "; ".join(info.warnings))
            self.info_notes.setStyleSheet(f"color:{STATUS_FOREGROUND[Status.WARNING]};")
        else:
            self.info_notes.setText("✓ plays")
            self.info_notes.setStyleSheet(f"color:{STATUS_FOREGROUND[Status.READY]};")

    def media_info(self) -> MediaInfo | None:
        """The probe result shown in the media information panel."""
        return self._info

    # ------------------------------------------------------------------ preflight

    def _preflight_job(self, generation: int, show: Show, clips: list[tuple[int, Segment]], probe_fn) -> None:
        show_problem: str | None = None
        try:
            if show.path is not None:
                load_show(show.path)
        except ShowFileError as exc:
            show_problem = str(exc)
        except Exception as exc:  # a check must never take the window down
            show_problem = f"show file could not be read: {exc}"
        total = len(clips)
        for done, (number, segment) in enumerate(clips, 1):
            if self._closed or generation != self._generation:
                break
            try:
                row = check_segment(show, number, segment, probe_fn)
            except Exception as exc:
                row = SegmentCheck(number, segment, segment.duration_s, Status.BROKEN, (f"check failed: {exc}",))
            with contextlib.suppress(RuntimeError):
                self._bridge.preflight_row.emit(generation, done, total, row)
        notes = (self._probe_note,) if self._probe_note else ()
        with contextlib.suppress(RuntimeError):
            self._bridge.preflight_done.emit(generation, show_problem, notes)

    def _on_preflight_row(self, generation: int, done: int, total: int, row: SegmentCheck) -> None:
        if generation != self._generation or self._closed:
            return
        self._rows[row.segment.id] = row
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self._rebuild_table()
        item = self._item_for(row.segment.id)
        if item is not None:
            self._update_item(item, row.number, row.segment)

    def _on_preflight_done(self, generation: int, show_problem: str | None, notes: tuple) -> None:
        if generation != self._generation or self._closed:
            return
        self._running = None
        self._last_check = datetime.now()
        self.recheck_button.setEnabled(True)
        self.progress.setValue(self.progress.maximum())
        if show_problem:
            self.show_file_label.setText(f"✗ Show file has a mistake (the show in use is unchanged): {show_problem}")
            self.show_file_label.setStyleSheet(f"color:{STATUS_FOREGROUND[Status.BROKEN]};font-weight:bold;")
        else:
            path = self.controller.show.path
            self.show_file_label.setText(f"✓ Show file valid: {path}" if path else "✓ Show file valid")
            self.show_file_label.setStyleSheet(f"color:{STATUS_FOREGROUND[Status.READY]};")
        if notes:
            self.show_file_label.setText(self.show_file_label.text() + "\n⚠ " + "; ".join(notes))
        counts = dict.fromkeys(Status, 0)
        for _, segment in self._clips:
            row = self._rows.get(segment.id)
            if row is not None:
                counts[row.status] += 1
        n = len(self._clips)
        verdict = "All clips ready" if counts[Status.READY] == n and not show_problem else "NOT READY"
        self.summary_label.setText(
            f"{verdict}: {n} clips — {counts[Status.READY]} ready, {counts[Status.WARNING]} warning, "
            f"{counts[Status.BROKEN]} broken · checked {self._last_check:%H:%M:%S}"
        )
        colour = STATUS_FOREGROUND[Status.READY if verdict.startswith("All") else Status.BROKEN]
        self.summary_label.setStyleSheet(f"color:{colour};")
        self._refresh_items()
        if self._rerun:
            self._rerun = False
            self.run_preflight()

    def _rebuild_table(self) -> None:
        self.table.setRowCount(len(self._clips))
        for r, (number, segment) in enumerate(self._clips):
            row = self._rows.get(segment.id)
            status_text = STATUS_TEXT[row.status] if row is not None else "checking…"
            cells = (str(number), segment.title, status_text, row_detail(row) if row is not None else "")
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

    # ------------------------------------------------------------------ watching the clip files

    def _watch(self) -> None:
        wanted: set[str] = set()
        for _, segment in self._clips:
            if segment.clip is None:
                continue
            if segment.clip.exists():
                wanted.add(str(segment.clip))
            if segment.clip.parent.is_dir():
                wanted.add(str(segment.clip.parent))
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        stale = sorted(watched - wanted)
        if stale:
            self._watcher.removePaths(stale)
        new = sorted(wanted - watched)
        if new:
            self._watcher.addPaths(new)

    def _files_changed(self, _path: str) -> None:
        self._settle.start()

    def _check_files(self) -> None:
        if self._closed:
            return
        self._watch()  # a replaced file is a new file: watch it again
        changed = []
        for _, segment in self._clips:
            if segment.clip is None:
                continue
            key = str(segment.clip)
            signature = _signature(segment.clip)
            if self._signatures.get(key) != signature:
                self._signatures[key] = signature
                changed.append(segment)
        if not changed:
            return
        for segment in changed:
            self.thumbnails.request(segment.clip)
        if self._selected is not None and any(s.id == self._selected.id for s in changed):
            self._load(self._selected)  # what is heard and seen must be the file as it is now
        self.run_preflight()

    # ------------------------------------------------------------------ window

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:  # the clips and the information get their share once the width is known
            self._sized = True
            width = self._top_splitter.width()
            clips, info = int(width * 0.3), int(width * 0.23)
            self._top_splitter.setSizes([clips, width - clips - info, info])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.player.stop()  # a hidden preview must not go on playing
        super().closeEvent(event)


def _signature(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns

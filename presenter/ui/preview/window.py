"""The technician's preview window: audition and check every clip without touching the program output.

* The running order's clip segments with poster frames (:mod:`.clip_list`; made off the UI thread,
  cached on disk).
* Selecting one loads it paused on its first frame in the preview's OWN player
  (:class:`presenter.playout.preview.PreviewPlayer`: own libVLC instance, own control thread, its sound
  on the chosen device, muted until libVLC confirms that device) - :mod:`.player_panel`.
* Media information of the selected clip (:mod:`.media_panel`), as the clip checks found it.
* Preflight (:mod:`.preflight_table`): the checks of ``--check`` (show file valid, every clip present,
  decodable, duration as planned), one row per clip; again on demand and when a clip file changes
  on disk. The clips are checked and watched by :class:`~presenter.ui.clip_checks.ClipChecks` (the
  application's, or one of the window's own).

Nothing here blocks the UI thread on libVLC or on a file: a broken clip shows a plain message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QGroupBox, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from presenter.clips.files import FileId
from presenter.clips.preflight import SegmentCheck
from presenter.controller import ShowController
from presenter.i18n import translate
from presenter.playout import preview as pv
from presenter.playout.probe import MediaInfo
from presenter.playout.thumbnails import Thumbnails
from presenter.run.engine import Mode
from presenter.show import Segment, Show, ShowFileError, load_show
from presenter.tasks import run_task
from presenter.ui.clip_checks import ClipChecks
from presenter.ui.preview.clip_list import THUMB_SIZE, ClipList
from presenter.ui.preview.media_panel import MediaPanel
from presenter.ui.preview.player_panel import LAST_SECONDS, PlayerPanel
from presenter.ui.preview.preflight_table import PreflightPanel
from presenter.ui.preview.sound import PreviewSound

log = logging.getLogger(__name__)

SEEK_THROTTLE_MS = 60


# What the window lists of a show: its file, title and clips (another key: list it again).
ShowKey = tuple[Path | None, str, list[tuple[str, str, Path | None, float | None]]]


class PreviewWindow(QWidget):
    """The technician's window. Give it the show controller and (for Esc = stop the preview too) the
    program playout, and the application's :class:`ClipChecks` (else it checks the clips itself);
    call :meth:`shutdown` before the application quits."""

    def __init__(
        self,
        controller: ShowController,
        program: Any = None,
        *,
        settings: QSettings | None = None,
        cache_dir: Path | None = None,
        vlc_args: Sequence[str] | None = None,
        probe_fn: Callable[[Path], MediaInfo] | None = None,
        clip_checks: ClipChecks | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.program = program
        self.setObjectName("preview")
        self.setWindowTitle(self.tr("Preview — {title} — Presenter").format(title=controller.show.title))
        self.resize(1280, 800)
        self._settings = settings if settings is not None else QSettings()
        self._closed = False
        self._selected: Segment | None = None
        self._shown: ShowKey | tuple[()] = ()  # which show (file, title, clips) the window lists
        self._posters: dict[str, FileId | None] = {}  # segment id -> the file its poster was asked for
        self._checking_file = False  # the show file is being read again
        self._round = False  # a full check of the clips runs
        self._show_problem: str | None = None
        self._pending_seek: float | None = None
        self.checks = clip_checks if clip_checks is not None else self._own_checks(controller.show, probe_fn)
        self.thumbnails = Thumbnails(self._cache_dir(cache_dir), THUMB_SIZE, self, probe_fn=self._probe_for_poster)
        self.thumbnails.ready.connect(lambda path, image, _kind, _reason: self.clip_list.set_poster(path, image))

        self._build()
        self.player = pv.PreviewPlayer(self._settings, self.video.handle, vlc_args, parent=self)
        self._connect_player(program)
        self._seek_timer = QTimer(self, singleShot=True, interval=SEEK_THROTTLE_MS)
        self._seek_timer.timeout.connect(self._seek_now)

        self.checks.clip_checked.connect(self._on_clip_checked)
        self.checks.round_started.connect(self._on_round_started)
        self.checks.progress.connect(self.preflight.set_progress)
        self.checks.checked.connect(self._on_checked)
        controller.changed.connect(self._on_show_changed)
        self._set_show(controller.show)
        self._round = self.checks.busy()
        self._check_show_file()
        self._mark_on_air()
        self.player.refresh_audio_devices()
        self._bind_keys()

    def _own_checks(self, show: Show, probe_fn: Callable[[Path], MediaInfo] | None) -> ClipChecks:
        note: tuple[str, ...] = ()
        if probe_fn is None:
            from presenter.playout.probe import probe
            from presenter.playout.vlc import vlc_status

            ok, message = vlc_status()
            probe_fn = probe if ok else None
            note = () if ok else (message,)
        return ClipChecks(show, probe_fn, notes=note, parent=self)

    @staticmethod
    def _cache_dir(cache_dir: Path | None) -> Path:
        if cache_dir is None:
            import platformdirs

            cache_dir = Path(platformdirs.user_cache_dir("presenter")) / "thumbnails"
        return cache_dir

    def _probe_for_poster(self, path: Path) -> MediaInfo:
        """The clip checks' result when it is of the file as it is now (no second probe), else a probe."""
        info = self.checks.info_for(path)
        if isinstance(info, MediaInfo):
            return info
        from presenter.playout.probe import probe

        return probe(path)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.clip_list = ClipList()
        self.clip_list.currentItemChanged.connect(self._on_clip_chosen)
        clips_box = QGroupBox(self.tr("Clips in the running order"))
        QVBoxLayout(clips_box).addWidget(self.clip_list)
        self.player_panel = PlayerPanel()
        self.media_panel = MediaPanel()
        self.preflight = PreflightPanel()
        self.preflight.recheck_button.clicked.connect(self.run_preflight)
        self.preflight.table.cellClicked.connect(lambda row, _col: self._select_row(row))
        panel, media, pre = self.player_panel, self.media_panel, self.preflight
        self.video, self.clip_title, self.state_label = panel.video, panel.clip_title, panel.state_label
        self.play_button, self.step_button, self.end_button = panel.play_button, panel.step_button, panel.end_button
        self.slider, self.time_label, self.mute_button = panel.slider, panel.time_label, panel.mute_button
        self.volume, self.device_combo, self.refresh_button = panel.volume, panel.device_combo, panel.refresh_button
        self.audio_status, self.problem_label = panel.audio_status, panel.problem_label
        self.info_labels, self.info_file, self.info_notes = media.info_labels, media.info_file, media.info_notes
        self.show_file_label, self.progress, self.summary_label = pre.show_file_label, pre.progress, pre.summary_label
        self.recheck_button, self.table = pre.recheck_button, pre.table

        top = QSplitter(Qt.Orientation.Horizontal)
        for i, (widget, stretch) in enumerate(((clips_box, 0), (self.player_panel, 1), (self.media_panel, 0))):
            top.addWidget(widget)
            top.setStretchFactor(i, stretch)
        top.setChildrenCollapsible(False)
        self._top_splitter = top
        self._sized = False
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(top)
        outer.addWidget(self.preflight)
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 1)
        outer.setSizes([560, 200])
        outer.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(outer)

    def _connect_player(self, program: Any) -> None:
        panel = self.player_panel
        panel.play_button.clicked.connect(self.player_toggle)
        panel.step_button.clicked.connect(lambda: self.player.step_frame())
        panel.end_button.clicked.connect(lambda: self.player.jump_to_end(LAST_SECONDS))
        panel.slider.valueChanged.connect(self._on_slider)
        self.sound = PreviewSound(panel, self.player, self)
        self.player.state_changed.connect(self._on_state)
        self.player.position_changed.connect(self._on_position)
        self.player.problem.connect(self._on_player_problem)
        if program is not None:
            program.add_panic_listener(self.player.stop)  # Esc on air stops the preview too
        if not self.player.ok:
            self.video.show_message(self.tr("No preview: {why}").format(why=self.player.message))
        elif self.player.video_problem:
            self.video.show_message(self.player.video_problem)

    def _bind_keys(self) -> None:
        for key, slot in (
            (Qt.Key.Key_Space, self.player_toggle),
            (Qt.Key.Key_Right, lambda: self.player.step_frame()),
            (Qt.Key.Key_End, lambda: self.player.jump_to_end(LAST_SECONDS)),
            (Qt.Key.Key_M, lambda: self.mute_button.toggle()),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ public

    def select_segment(self, segment_id: str) -> bool:
        """Select (and load, paused) the clip segment *segment_id*; ``False`` if it is not a clip."""
        item = self.clip_list.item_for(segment_id)
        if item is None:
            return False
        self.clip_list.setCurrentItem(item)
        return True

    @property
    def selected_segment(self) -> Segment | None:
        return self._selected

    def preflight_rows(self) -> dict[str, SegmentCheck]:
        """The last preflight result per clip segment id."""
        return {s.id: row for _, s in self.clip_list.clips if (row := self.checks.row(s.id)) is not None}

    def preflight_running(self) -> bool:
        return self._round or self._checking_file

    def run_preflight(self) -> None:
        """Check the show file and every clip again, off the UI thread."""
        if self._closed:
            return
        self.checks.recheck_all()
        self._check_show_file()

    def _on_round_started(self, total: int) -> None:
        self._round = True
        self.preflight.set_running(total)

    def media_info(self) -> MediaInfo | None:
        """What the media information panel shows."""
        return self._info

    def player_toggle(self) -> None:
        self.player.toggle()

    def shutdown(self, timeout_s: float = 3.0) -> bool:
        """Stop the preview player and the background jobs (bounded). Call before the app quits."""
        if self._closed:
            return True
        self._closed = True
        self._seek_timer.stop()
        self.thumbnails.shutdown(timeout_s)
        if self.checks.parent() is self:
            self.checks.shutdown(timeout_s)
        return self.player.shutdown(timeout_s)

    # ------------------------------------------------------------------ the show and its checks

    @staticmethod
    def _show_key(show: Show) -> ShowKey:
        return show.path, show.title, [(s.id, s.title, s.clip, s.duration_s) for s in show.segments if s.is_clip]

    def _on_show_changed(self) -> None:
        show = self.controller.show
        if self._show_key(show) != self._shown:  # another show, or its clips changed
            self._set_show(show)
            if self.checks.parent() is self:
                self.checks.set_show(show)  # else the application does
            self._check_show_file()
        self._mark_on_air()

    def _set_show(self, show: Show) -> None:
        self._shown = self._show_key(show)
        self.setWindowTitle(self.tr("Preview — {title} — Presenter").format(title=show.title))
        clips = [(n, s) for n, s in enumerate(show.segments, 1) if s.is_clip]
        current = self._selected.id if self._selected is not None else None
        self.clip_list.rows = {s.id: row for _, s in clips if (row := self.checks.row(s.id)) is not None}
        self.clip_list.set_clips(clips)
        self.preflight.set_rows(clips, self.clip_list.rows)
        self.preflight.set_running(len(clips))
        self._posters = {}
        for _, segment in clips:
            if self.checks.row(segment.id) is not None:
                self._poster(segment)
        if current is not None and any(s.id == current for _, s in clips):
            seg = next(s for _, s in clips if s.id == current)
            if self._selected is not None and seg.clip != self._selected.clip:
                self.select_segment(current)
            else:
                self._selected = seg
                self.clip_list.highlight(current)
        elif current is not None:
            self._selected = None
            self.player.stop()
            self.clip_title.setText(self.tr("No clip selected"))
            self.video.show_message(self.tr("Select a clip to preview it"))

    def _check_show_file(self) -> None:
        path = self.controller.show.path
        self._checking_file = True
        run_task(lambda: _show_file_problem(path), self._on_show_file_checked, pool=None, owner=self)

    def _on_show_file_checked(self, problem: str | None) -> None:
        self._checking_file = False
        self._show_problem = problem
        self._finish_if_done()

    def _on_checked(self, _report: object) -> None:
        self._round = False
        self._finish_if_done()

    def _finish_if_done(self) -> None:
        if self._closed or self.preflight_running():
            return
        clips = self.clip_list.clips
        self.preflight.set_show_file(self._show_problem, self.controller.show.path, self.checks.report().notes)
        self.preflight.set_summary(clips, self.clip_list.rows, self._show_problem is None)
        self.clip_list.refresh()

    def _on_clip_checked(self, segment_id: str) -> None:
        row = self.checks.row(segment_id)
        segment = next((s for _, s in self.clip_list.clips if s.id == segment_id), None)
        if self._closed or row is None or segment is None:
            return
        self.clip_list.rows[segment_id] = row
        self.preflight.set_rows(self.clip_list.clips, self.clip_list.rows)
        self.clip_list.update_segment(segment_id)
        changed = self._poster(segment)
        if self._selected is not None and self._selected.id == segment_id:
            if changed:
                self._load(self._selected)  # what is heard and seen must be the file as it is now
            else:
                self._show_selected_info()
        if not self.preflight_running():
            self._finish_if_done()

    def _poster(self, segment: Segment) -> bool:
        """Ask for the poster when the file is not the one it was made of; ``True`` if it changed."""
        now = self.checks.identity(segment.id)
        if segment.id in self._posters and self._posters[segment.id] == now:
            return False
        known = segment.id in self._posters
        self._posters[segment.id] = now
        if segment.clip is not None:
            self.thumbnails.request(segment.clip)
        return known

    def _mark_on_air(self) -> None:
        snap = self.controller.snapshot()
        marks: dict[str, str] = {}
        if snap.current is not None and snap.mode is Mode.ON_AIR and snap.current.segment.is_clip:
            marks[snap.current.segment.id] = self.tr("ON AIR")
        if snap.next is not None and snap.next.segment.is_clip:
            marks.setdefault(snap.next.segment.id, self.tr("NEXT"))
        self.clip_list.set_marks(marks)

    # ------------------------------------------------------------------ selecting and the player

    def _on_clip_chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        segment_id = current.data(Qt.ItemDataRole.UserRole)
        segment = next((s for _, s in self.clip_list.clips if s.id == segment_id), None)
        if segment is not None and segment.clip is not None:
            self._load(segment)

    def _select_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.select_segment(item.data(Qt.ItemDataRole.UserRole))

    def _load(self, segment: Segment) -> None:
        assert segment.clip is not None
        self._selected = segment
        number = next((n for n, s in self.clip_list.clips if s.id == segment.id), 0)
        self.clip_title.setText(f"{number}. {segment.title} — {segment.clip.name}")
        self.problem_label.hide()
        self.video.show_message(self.tr("Loading…"))
        media = self.checks.info(segment.id)
        self.player.load(segment.clip, fps=getattr(media, "fps", None))
        self._show_selected_info()

    def _show_selected_info(self) -> None:
        segment = self._selected
        if segment is None or segment.clip is None:
            return
        info = self.checks.info(segment.id) if self.checks.row(segment.id) is not None else None
        if info is not None and not isinstance(info, MediaInfo):
            info = None
        self._info = info
        self.media_panel.show_info(info, segment.clip)
        if info is not None and info.fps:
            self.player.set_frame_rate(info.fps)

    _info: MediaInfo | None = None

    def _on_state(self, state: str) -> None:
        texts: dict[str, str] = {
            pv.EMPTY: "",
            pv.LOADING: self.tr("loading…"),
            pv.PAUSED: self.tr("paused"),
            pv.PLAYING: self.tr("playing"),
            pv.ENDED: self.tr("end of clip (last frame)"),
            pv.STOPPED: self.tr("stopped"),
            pv.ERROR: self.tr("cannot preview"),
        }
        text = texts.get(state, state)
        self.state_label.setText(self.tr("Preview: {state}").format(state=text) if text else "")
        self.play_button.setText(self.tr("❚❚ Pause") if state == pv.PLAYING else self.tr("▶ Play"))
        shown = state in (pv.PAUSED, pv.PLAYING, pv.ENDED)
        self.player_panel.set_transport_enabled(shown)
        if shown:
            if self.player.has_video:
                self.video.show_video()
            else:
                self.video.show_message(self.tr("No picture: this file has no video track"))
        elif state == pv.STOPPED:
            self.video.show_message(self.tr("Preview stopped"))

    def _on_position(self, position: float, duration: float) -> None:
        moving = self.slider.isSliderDown() or self._seek_timer.isActive()
        self.player_panel.show_position(position, duration, move_slider=not moving)

    def _on_slider(self, value: int) -> None:
        self._pending_seek = value / 1000.0
        if not self._seek_timer.isActive():
            self._seek_timer.start()

    def _seek_now(self) -> None:
        if self._pending_seek is not None:
            self.player.seek(self._pending_seek)
            self._pending_seek = None

    def _on_player_problem(self, message: str) -> None:
        title = self._selected.title if self._selected is not None else self.tr("Preview")
        self.problem_label.setText(f"{title}: {message}")
        self.problem_label.show()
        if self.player.state == pv.ERROR:
            self.video.show_message(self.tr("Cannot preview this clip:\n{why}").format(why=message))
        self.sound.sync()

    # ------------------------------------------------------------------ window

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # the clips and the information get their share once the width is known
            self._sized = True
            width = self._top_splitter.width()
            clips, info = int(width * 0.3), int(width * 0.23)
            self._top_splitter.setSizes([clips, width - clips - info, info])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.player.stop()  # a hidden preview must not go on playing
        super().closeEvent(event)


def _show_file_problem(path: Path | None) -> str | None:
    """The show file read again as ``--check`` reads it: its mistake, or None."""
    if path is None:
        return None
    try:
        load_show(path)
    except ShowFileError as exc:
        return str(exc)
    except Exception as exc:  # a check must never take the window down
        return translate("PreviewWindow", "show file could not be read: {error}").format(error=exc)
    return None

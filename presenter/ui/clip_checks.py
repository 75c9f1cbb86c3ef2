"""The one owner of clip state: each clip of the show checked once, watched, and told when it changes.

:class:`ClipChecks` checks every clip segment in the background (the preflight's
:func:`~presenter.clips.preflight.check_segment` with the probe, one clip at a time on a worker thread
of its own so the program output keeps its CPU), caches what the probe found (the preview's media
panel and the poster frames read it here), and watches the clip files: a
``QFileSystemWatcher`` on the files and their folders (copies and editors replace files) plus a
cheap periodic ``stat`` of every clip (for file systems that do not report changes). A clip whose
file identity (:class:`~presenter.clips.files.FileId`) changed is checked again, and
``clip_changed(segment_id)`` follows when what it says about the clip changed: a clip that breaks
after load is told within about 1.5 s whatever is on air, and a fixed clip clears its problem.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from presenter.clips.files import FileId, check_file, file_id
from presenter.clips.preflight import CheckReport, MediaFacts, Probe, SegmentCheck, Status, check_segment
from presenter.i18n import translate
from presenter.show import Segment, Show
from presenter.tasks import TaskPool, run_task

log = logging.getLogger(__name__)

#: A copy or an editor writes in several steps: look again when the folder was quiet this long.
SETTLE_MS = 300
#: The fallback: every clip file's identity is read this often (a stat per clip).
POLL_MS = 1000


class ClipChecks(QObject):
    """Checks, media info and change reports for the clips of one show (main thread API).

    * ``clip_checked(segment_id)``: that clip segment has a result (its first, or a new one).
    * ``clip_changed(segment_id)``: after its first result, what the check says about that clip
      changed (a problem appeared, changed or cleared, or its media changed). Read
      :meth:`problem`, :meth:`problem_line`, :meth:`status`, :meth:`row`, :meth:`info`.
    * ``clip_status_changed(segment_id)``: after its first result, its status (ready, warning,
      broken) changed: once when it breaks, once when it is fixed (a copy in progress that is
      truncated at 30 %, then 60 % … changes the clip, not its status).
    * ``checked(report)``: every clip has been checked (after start, :meth:`set_show`,
      :meth:`recheck_all`): a :class:`~presenter.clips.preflight.CheckReport` of the whole show.
    * ``round_started(total)``: every clip is being checked again (start, another show, on demand).
    * ``progress(done, total)``: clips checked of the current round.
    """

    clip_checked = Signal(str)
    clip_changed = Signal(str)
    clip_status_changed = Signal(str)
    checked = Signal(object)
    round_started = Signal(int)
    progress = Signal(int, int)

    def __init__(
        self,
        show: Show,
        probe: Probe | None = None,
        *,
        notes: tuple[str, ...] = (),
        poll_ms: int = POLL_MS,
        settle_ms: int = SETTLE_MS,
        start: bool = True,
        parent: QObject | None = None,
    ) -> None:
        """*probe*: ``probe(path) -> MediaInfo`` (None: file checks only, e.g. without libVLC; then
        *notes* says why). ``start=False``: call :meth:`start` (e.g. after the first paint)."""
        super().__init__(parent)
        self._show = show
        self._probe = probe
        self._notes = tuple(notes)
        self._pool = TaskPool("clip-checks", workers=1)
        self._files = TaskPool("clip-files", workers=1)
        self._looking = False
        self._rows: dict[str, SegmentCheck] = {}
        self._ids: dict[str, FileId | None] = {}  # segment id -> its file's identity when last checked
        self._queued: set[str] = set()  # segment ids waiting for a check
        self._again: dict[str, tuple[int, Segment]] = {}  # changed while its check ran: check once more
        self._round: set[str] = set()  # segment ids of the running full check
        self._round_total = 0
        self._closed = False
        self._started = False
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_event)
        self._watcher.directoryChanged.connect(self._file_event)
        self._settle = QTimer(self, singleShot=True, interval=settle_ms)
        self._settle.timeout.connect(self.look)
        self._poll = QTimer(self, interval=poll_ms)
        self._poll.timeout.connect(self.look)
        if start:
            self.start()

    # ------------------------------------------------------------------ reading

    @property
    def show(self) -> Show:
        return self._show

    def clips(self) -> list[tuple[int, Segment]]:
        """``(number in the running order, segment)`` of every clip segment."""
        return [(n, s) for n, s in enumerate(self._show.segments, 1) if s.is_clip and s.clip is not None]

    def row(self, segment_id: str) -> SegmentCheck | None:
        """The last check of that segment (None: not checked yet)."""
        return self._rows.get(segment_id)

    def status(self, segment_id: str) -> Status | None:
        row = self._rows.get(segment_id)
        return None if row is None else row.status

    def problem(self, segment_id: str) -> str | None:
        """What is wrong with that clip (a warning or why it is broken), or None when it is fine or unchecked."""
        row = self._rows.get(segment_id)
        return None if row is None or row.status is Status.READY else row.summary

    def problem_line(self, segment_id: str) -> str | None:
        """The problems list's line: ``2. "Clip: MiniMOGLI": broken: clip file not found: …``."""
        row = self._rows.get(segment_id)
        if row is None or row.status is Status.READY:
            return None
        return f'{row.number}. "{row.segment.title}": {row.status.label}: {row.summary}'

    def problems(self) -> dict[str, str]:
        """Every clip with a problem: ``{segment id: problem}`` (for the running order's rows)."""
        return {sid: row.summary for sid, row in self._rows.items() if row.status is not Status.READY}

    def info(self, segment_id: str) -> MediaFacts | None:
        """What the probe found about that clip (a ``MediaInfo``); for a clip the file check already
        found broken, a ``MediaInfo`` that says why; None when unchecked (or fine without a probe)."""
        row = self._rows.get(segment_id)
        if row is None or row.media is not None or row.status is not Status.BROKEN or row.segment.clip is None:
            return None if row is None else row.media
        from presenter.playout.probe import MediaInfo

        checked = check_file(row.segment.clip)
        return MediaInfo(row.segment.clip, False, row.summary, size_bytes=checked.size_bytes, mtime=checked.mtime)

    def identity(self, segment_id: str) -> FileId | None:
        """The identity of that clip's file when it was last checked (None: missing or unchecked)."""
        return self._ids.get(segment_id)

    def info_for(self, path: Path | str) -> MediaFacts | None:
        """The probe's result for a clip file of the show, if it was checked as it is now."""
        key = str(path)
        for row in list(self._rows.values()):  # also from a worker thread (posters)
            if row.media is not None and str(row.segment.clip) == key and self._ids.get(row.segment.id) == file_id(key):
                return row.media
        return None

    def report(self) -> CheckReport:
        """The show's check as far as it got (unchecked clips are left out)."""
        rows = tuple(self._rows[s.id] for _, s in self.clips() if s.id in self._rows)
        return CheckReport(self._show, rows, self._notes)

    def busy(self) -> bool:
        """Checks are queued or running (or it has not started yet)."""
        return bool(self._queued) or not self._started

    # ------------------------------------------------------------------ commands

    def start(self) -> None:
        """Check every clip and start watching (idempotent)."""
        if self._started or self._closed:
            return
        self._started = True
        self._poll.start()
        self.recheck_all()

    def set_show(self, show: Show) -> None:
        """Another show (or the same file edited): forget what is gone, check every clip again."""
        if show is self._show and self._started:
            return
        self._show = show
        ids = {s.id for _, s in self.clips()}
        for sid in list(self._rows):
            if sid not in ids:
                del self._rows[sid]
        if self._started:
            self.recheck_all()

    def recheck_all(self) -> None:
        """Check every clip again (even unchanged ones), then ``checked``."""
        clips = self.clips()
        self._round = {s.id for _, s in clips}
        self._round_total = len(clips)
        self.round_started.emit(len(clips))
        if not clips:
            self.checked.emit(self.report())
            return
        for number, segment in clips:
            self._queue(number, segment)
        self.look()  # watch the files (and their folders) as they are now

    def look(self) -> None:
        """Compare every clip file's identity with the one last checked; check again what changed.

        The files are read on a thread of their own: a hung network share never blocks the UI."""
        if self._closed or self._looking:
            return
        self._looking = True
        clips = self.clips()
        run_task(lambda: _read_files(clips), lambda found: self._looked(clips, *found), pool=self._files, owner=self)

    def _looked(self, clips: list[tuple[int, Segment]], ids: dict[str, FileId | None], wanted: set[str]) -> None:
        self._looking = False
        if self._closed:
            return
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        if watched - wanted:
            self._watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:  # a replaced file is a new file: watch it again
            self._watcher.addPaths(sorted(wanted - watched))
        for number, segment in clips:
            if segment.id in self._queued or segment not in self._show.segments:
                continue
            now = ids.get(segment.id)
            if segment.id not in self._ids or now != self._ids[segment.id]:
                self._ids[segment.id] = now
                self._queue(number, segment)

    def shutdown(self, timeout_s: float = 6.0) -> None:
        self._closed = True
        self._poll.stop()
        self._settle.stop()
        self._pool.shutdown(timeout_s)
        self._files.shutdown(0.5)

    # ------------------------------------------------------------------ internals

    def _file_event(self, _path: str) -> None:
        self._settle.start()

    def _queue(self, number: int, segment: Segment) -> None:
        if self._closed:
            return
        if segment.id in self._queued:
            self._again[segment.id] = (number, segment)
            return
        self._queued.add(segment.id)
        show, probe = self._show, self._probe
        clip, sid = segment.clip, segment.id

        def check() -> tuple[FileId | None, SegmentCheck]:
            return (file_id(clip) if clip is not None else None), _check(show, number, segment, probe)

        run_task(
            check,
            lambda result: self._done(sid, *result),
            pool=self._pool,
            owner=self,
        )

    def _done(self, segment_id: str, ident: FileId | None, row: SegmentCheck) -> None:
        self._queued.discard(segment_id)
        again = self._again.pop(segment_id, None)
        if again is not None:
            self._queue(*again)
        if self._closed or row.segment not in self._show.segments:
            return  # a check of a segment of the show before
        old = self._rows.get(segment_id)
        self._rows[segment_id] = row
        self._ids[segment_id] = ident  # the file as it was when checked
        self.clip_checked.emit(segment_id)
        if old is not None and _said(old) != _said(row):
            self.clip_changed.emit(segment_id)
            if old.status is not row.status:
                self.clip_status_changed.emit(segment_id)
        if segment_id in self._round:
            self._round.discard(segment_id)
            self.progress.emit(self._round_total - len(self._round), self._round_total)
            if not self._round:
                self.checked.emit(self.report())


def _check(show: Show, number: int, segment: Segment, probe: Probe | None) -> SegmentCheck:
    try:
        return check_segment(show, number, segment, probe)
    except Exception as exc:  # a check must never take the show down
        log.exception("clip check failed")
        why = translate("Clip", "check failed: {error}").format(error=exc)
        return SegmentCheck(number, segment, segment.duration_s, Status.BROKEN, (why,))


def _read_files(clips: list[tuple[int, Segment]]) -> tuple[dict[str, FileId | None], set[str]]:
    """Each clip's file identity, and what to watch: the files that exist and their folders."""
    ids: dict[str, FileId | None] = {}
    wanted: set[str] = set()
    for _, segment in clips:
        assert segment.clip is not None
        ids[segment.id] = file_id(segment.clip)
        if ids[segment.id] is not None:
            wanted.add(str(segment.clip))
        if segment.clip.parent.is_dir():
            wanted.add(str(segment.clip.parent))
    return ids, wanted


def _said(row: SegmentCheck) -> tuple[object, ...]:
    """What a check tells the user (a new probe of the same file is no change)."""
    media = row.media
    facts = None if media is None else (media.ok, media.duration_s, media.width, media.height, media.fps)
    return row.status, row.problems, facts


#: A probe for tests and tools: ``probe(path) -> MediaInfo``.
ProbeFn = Callable[[Path], MediaFacts]

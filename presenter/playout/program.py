"""The program playout engine: arms the next clip, cuts to it, reports its end. A QObject, no widgets.

Two video surfaces (native child windows of the program output window) take turns: the clip on air
plays in one, the next clip is *armed* in the other (opened, first frame decoded, paused) so GO is a
raise of that surface plus an unpause. The previous player is stopped afterwards, off the UI thread
and off the critical path.

Everything here runs on the Qt main thread. libVLC events arrive through a queued signal; libVLC
calls go to the adapter's control thread. Only :mod:`presenter.playout.vlc` touches libVLC.

"Armed" means: after ``:start-paused`` the player paused, a seek to 0 while paused made the decoder
produce the first picture and libVLC reported its video output (``MediaPlayerVout``), and no further
video-output change came for :data:`ARM_SETTLE_MS` (on this stack libVLC reconfigures the output up
to three times while it tries hardware decoders; the picture is on the surface 20-90 ms after the
last one).
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from presenter.clips.files import FileId, same_file
from presenter.i18n import translate
from presenter.playout.interface import EndAction, OutputState, OutputStatus
from presenter.playout.probe import number_text, quick_check
from presenter.playout.program_events import (  # noqa: F401 (the tunables' old home)
    ARM_SETTLE_MS,
    COLD_RAISE_SETTLE_MS,
    NO_TRACKS_GRACE_MS,
    STALL_AFTER_S,
    STALL_END_MARGIN_MS,
    START_TIMEOUT_S,
    WATCH_INTERVAL_MS,
    ClipEvents,
)
from presenter.playout.program_slots import (  # noqa: F401 (their old home)
    _ARMING,
    Backend,
    BackendFactory,
    ProgramOutputSurfaces,
    _Phase,
    _Slot,
    changed_on_air_message,
    file_identity,
    file_problem,
    stall_message,
)
from presenter.playout.vlc import EMBEDDABLE_PLATFORMS, VlcBackend, embedded_video_args
from presenter.tasks import queued_sink

log = logging.getLogger(__name__)

END_ACTIONS = tuple(action.value for action in EndAction)


class ProgramPlayout(ClipEvents, QObject):
    status_changed = Signal(object)  # OutputStatus
    armed = Signal(str)  # segment_id: first frame decoded and on its (hidden) surface
    clip_started = Signal(str)
    clip_ended = Signal(str)  # reached its end, whatever the end action
    clip_failed = Signal(str, str)  # segment_id, plain message (also for a failed arm)
    clip_warning = Signal(str, str)  # segment_id, plain message; the clip still plays

    def __init__(
        self,
        output: ProgramOutputSurfaces | None,
        vlc_args: list[str] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        *,
        backend_factory: BackendFactory | None = None,
        start_timeout_s: float = START_TIMEOUT_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._output = output
        self._now = monotonic
        self._start_timeout_ms = int(start_timeout_s * 1000)
        self._tokens = itertools.count(1)
        self._slots: dict[int, _Slot] = {}
        self._air: _Slot | None = None
        self._arm: _Slot | None = None
        self._state = OutputState.IDLE  # used when nothing is on air
        self._message: str | None = None
        self._error_segment: str | None = None
        self._last_take: tuple[str, Path, str] | None = None
        self._panic_listeners: list[Callable[[], Any]] = []
        self._closed = False
        self._stop_ms: list[float] = []
        self._last_surface = 1

        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self._watch_air)
        self._watch.start()

        self._sink = queued_sink(self._on_event, self)  # libVLC's threads -> the main thread

        args = list(vlc_args or [])
        self._embed_problem: str | None = None
        if output is None:
            if not any(a.startswith("--vout") for a in args):
                args.append("--vout=dummy")
        else:
            platform = QGuiApplication.platformName()
            args = embedded_video_args(args, platform)
            if platform not in EMBEDDABLE_PLATFORMS:
                self._embed_problem = translate(
                    "Clip",
                    "video cannot be shown: Qt runs on '{platform}', libVLC can only draw into xcb "
                    "(X11/XWayland), Windows or macOS windows. Start with QT_QPA_PLATFORM=xcb.",
                ).format(platform=platform)
        factory = backend_factory or (lambda a, sink: VlcBackend(a, sink))
        self._backend: Backend = factory(args, self._sink)
        if output is not None:
            output.show_black()

    # ------------------------------------------------------------------ public API

    @property
    def playable(self) -> bool:
        """Whether clips can play at all (libVLC there, video embeddable)."""
        return self._backend.ok and self._embed_problem is None

    @property
    def unplayable_reason(self) -> str | None:
        if not self._backend.ok:
            return self._backend.message
        return self._embed_problem

    @property
    def backend(self) -> Backend:
        return self._backend

    def add_panic_listener(self, listener: Callable[[], Any]) -> None:
        """*listener()* runs on :meth:`panic` (e.g. stop the preview player)."""
        self._panic_listeners.append(listener)

    def arm(self, segment_id: str, path: Path, end_action: str, *, expected: Any = None) -> None:
        """Pre-roll *path* into the hidden surface (replaces a previous arm).

        *expected*: optional object with ``size_bytes`` and ``mtime`` (a ``MediaInfo`` from load time);
        when the file differs, ``clip_warning`` says it was replaced since.
        """
        self._check_end_action(end_action)
        if self._closed:
            return
        path = Path(path)
        reason = self.unplayable_reason
        if reason:
            self._drop_arm()
            self.clip_failed.emit(segment_id, reason)
            return
        problem = file_problem(path)
        if problem:
            self._drop_arm()
            self._message = f"{segment_id}: {problem}"
            self.clip_failed.emit(segment_id, problem)
            self._emit_status()
            return
        ident = file_identity(path)
        if expected is not None and ident is not None and not same_file(expected, ident):
            warning = translate("Clip", "file was replaced since the show was loaded: {path}").format(path=path)
            self.clip_warning.emit(segment_id, warning)
        cur = self._arm
        if cur is not None and cur.segment_id == segment_id and cur.path == path and cur.file_id == ident:
            cur.end_action = end_action
            return
        self._drop_arm()
        slot = self._open(segment_id, path, end_action, ident, arm=True)
        self._arm = slot
        self._emit_status()

    def take(self, segment_id: str, path: Path, end_action: str, *, start_at_s: float = 0.0) -> None:
        """Put the clip on air: instant if armed with the same id and path, else a cold start.

        *start_at_s* > 0 starts the clip part-way in (resume after a crash): always a cold start.
        """
        self._check_end_action(end_action)
        if self._closed:
            return
        path = Path(path)
        self._last_take = (segment_id, path, end_action)
        reason = self.unplayable_reason or file_problem(path)
        if reason:
            self._take_failed(segment_id, reason)
            return
        arm = self._arm
        warning = None
        if start_at_s > 0:
            self._drop_arm()
            self._cold(segment_id, path, end_action, options=(f":start-time={start_at_s:.3f}",))
            slot = self._air
            assert slot is not None  # _cold() always puts a slot on air
            slot.start_ms = slot.time_ms = int(start_at_s * 1000)
            slot.pos_floor = start_at_s
            return
        if arm is not None and arm.segment_id == segment_id and arm.path == path:
            if file_identity(path) != arm.file_id:
                self._drop_arm()
                warning = translate("Clip", "file changed on disk after it was armed; started the new file cold")
            elif arm.phase is _Phase.ARMED:
                arm.end_action = end_action
                self._cut(arm)
                return
            else:  # still arming: it is on air now, cut to it the moment its first frame is there
                arm.end_action = end_action
                self._pending_take(arm)
                return
        else:
            self._drop_arm()
        self._cold(segment_id, path, end_action)
        if warning:
            self._message = f"{segment_id}: {warning}"
            self.clip_warning.emit(segment_id, warning)
            self._emit_status()

    def pause(self) -> None:
        s = self._air
        if s is not None and (s.phase is _Phase.STARTING or s.pending_take):
            # Not playing yet (cold start, or the cut waits for its first frame): it starts paused.
            s.pause_on_start = True
            self._emit_status()
            return
        if s is not None and s.phase is _Phase.PLAYING:
            s.time_ms = int(self._position(s) * 1000)
            s.time_mono = None
            s.pause_requested = True
            s.expected_pauses += 1
            s.phase = _Phase.PAUSED
            self._backend.pause(s.token)
            self._emit_status()

    def resume(self) -> None:
        s = self._air
        if s is not None and s.pause_on_start:
            s.pause_on_start = False
            self._emit_status()
            return
        if s is not None and s.phase is _Phase.PAUSED:
            s.pause_requested = False
            s.phase = _Phase.PLAYING
            s.time_mono = s.advanced_mono = self._now()
            self._backend.resume(s.token)
            self._emit_status()

    def restart(self) -> None:
        """Play the clip on air (or the last one taken) again from its start."""
        s = self._air
        if s is not None and s.phase in (_Phase.PLAYING, _Phase.PAUSED, _Phase.ENDED):
            s.pause_requested = False
            s.phase = _Phase.PLAYING
            s.time_ms, s.time_mono, s.pos_floor = 0, self._now(), 0.0
            s.advanced_mono, s.seen_ms = s.time_mono, -1
            self._backend.restart(s.token)
            self._emit_status()
        elif s is None and self._last_take is not None:
            self.take(*self._last_take)

    def panic(self) -> None:
        """Esc: black at once, the clip on air stopped (urgently), panic listeners called."""
        for listener in list(self._panic_listeners):
            try:
                listener()
            except Exception:
                log.exception("panic listener failed")
        if self._output is not None:
            self._output.show_black()
        if self._air is not None:
            self._retire(self._air, urgent=True)
            self._air = None
        self._state = OutputState.BLACK
        self._message = translate("Clip", "stopped (panic)")
        self._error_segment = None
        self._emit_status()

    def go_black(self) -> None:
        """Output black; the clip on air is stopped off-thread. The armed clip stays armed."""
        if self._output is not None:
            self._output.show_black()
        if self._air is not None:
            self._retire(self._air)
            self._air = None
        self._state = OutputState.BLACK
        self._error_segment = None
        self._emit_status()

    def disarm(self) -> None:
        """Release the armed clip (the next segment is no clip, or another show was opened)."""
        if self._arm is not None:
            self._drop_arm()
            self._emit_status()

    def status(self) -> OutputStatus:
        armed = self._arm.segment_id if self._arm is not None and self._arm.phase is _Phase.ARMED else None
        s = self._air
        if s is not None:
            state = {
                _Phase.STARTING: OutputState.PAUSED if s.pause_on_start else OutputState.PLAYING,
                _Phase.PLAYING: OutputState.PLAYING,
                _Phase.PAUSED: OutputState.PAUSED,
                _Phase.ENDED: OutputState.HELD,
            }.get(s.phase, OutputState.PAUSED if s.pause_on_start else OutputState.PLAYING)
            duration = s.length_ms / 1000.0 if s.length_ms else None
            return OutputStatus(state, s.segment_id, self._position(s), duration, self._message, armed)
        state = self._state
        if armed is not None and state in (OutputState.IDLE, OutputState.BLACK):
            state = OutputState.ARMED
        seg = self._error_segment if state is OutputState.ERROR else None
        return OutputStatus(state, seg, 0.0, None, self._message, armed)

    def shutdown(self, timeout_s: float = 3.0) -> bool:
        """Stop everything and join the control thread (bounded). Call before the window goes."""
        if self._closed:
            return True
        self._closed = True
        self._watch.stop()
        if self._output is not None:
            self._output.show_black()
        for slot in list(self._slots.values()):
            self._retire(slot)
        self._air = self._arm = None
        return self._backend.shutdown(timeout_s)

    @property
    def stop_durations_ms(self) -> list[float]:
        """How long each libVLC ``stop()`` took on the control thread (diagnostics, benchmark)."""
        return list(self._stop_ms)

    # ------------------------------------------------------------------ internals

    @staticmethod
    def _check_end_action(end_action: str) -> None:
        if end_action not in END_ACTIONS:
            raise ValueError(f"end_action must be one of {END_ACTIONS}, not {end_action!r}")

    def _free_surface(self) -> int:
        if self._air is not None:
            return 1 - self._air.surface
        return 1 - self._last_surface  # alternate, so a just-retired surface is not reused at once

    def _open(
        self,
        segment_id: str,
        path: Path,
        end_action: str,
        ident: FileId | None,
        *,
        arm: bool,
        options: Sequence[str] = (),
    ) -> _Slot:
        surface = self._free_surface()
        self._last_surface = surface
        slot = _Slot(
            token=next(self._tokens),
            surface=surface,
            segment_id=segment_id,
            path=path,
            end_action=end_action,
            file_id=ident,
            phase=_Phase.OPENING if arm else _Phase.STARTING,
        )
        self._slots[slot.token] = slot
        window = self._output.surface_handle(surface) if self._output is not None else None
        # ":play-and-pause" for every clip: at its end the player pauses on the last frame (Paused,
        # not EndReached), so "hold" keeps it and "next"/"black" cut away from a still picture.
        self._backend.open(
            slot.token, path, window=window, start_paused=arm, hold_at_end=True, options=options, precheck=quick_check
        )
        QTimer.singleShot(self._start_timeout_ms, self, lambda tok=slot.token: self._start_timeout(tok))
        return slot

    def _pending_take(self, slot: _Slot) -> None:
        # Like a cold start: black at once, the old clip silent and stopped. The arming slot is the
        # one on air (a following arm() must neither drop it nor use its surface).
        old = self._air
        if self._output is not None:
            self._output.show_black()
        if old is not None:
            self._backend.pause(old.token)
            self._retire(old)
        self._arm = None
        self._air = slot
        slot.pending_take = True
        slot.on_air = True
        self._message = None
        self._error_segment = None
        self._emit_status()

    def _cold(self, segment_id: str, path: Path, end_action: str, options: Sequence[str] = ()) -> None:
        # Black at once, the clip on air stopped; the new surface is raised only when its player has
        # a video output. By then (one control thread, in order) the player that used that surface
        # before has stopped and the surface was blanked: no stale or old picture on air.
        old = self._air
        if self._output is not None:
            self._output.show_black()
        if old is not None:
            self._backend.pause(old.token)  # silent at once (urgent); stopped after the new one opened
        slot = self._open(segment_id, path, end_action, file_identity(path), arm=False, options=options)
        if old is not None:
            self._retire(old)
        slot.on_air = True
        slot.raise_on_vout = self._output is not None
        slot.time_mono = None
        self._air = slot
        self._message = None
        self._error_segment = None
        self._emit_status()

    def _raise_cold(self, token: int, gen: int) -> None:
        slot = self._slots.get(token)
        if slot is None or not slot.raise_on_vout or slot.vout_gen != gen or slot is not self._air:
            return
        slot.raise_on_vout = False
        if self._output is not None:
            self._output.raise_surface(slot.surface)

    def _cut(self, slot: _Slot) -> None:
        old = self._air if self._air is not slot else None
        if self._output is not None:
            self._output.raise_surface(slot.surface)
        slot.on_air = True
        slot.pending_take = False
        slot.time_ms, slot.time_mono, slot.pos_floor = 0, self._now(), 0.0
        slot.advanced_mono, slot.seen_ms = slot.time_mono, -1
        paused = slot.pause_on_start
        if paused:  # paused before its first frame was there: stays paused on it
            slot.pause_on_start = False
            slot.phase = _Phase.PAUSED
            slot.time_mono = None
            slot.started = True
        else:
            self._backend.resume(slot.token, urgent=True)
            slot.phase = _Phase.PLAYING
        if self._arm is slot:  # a newer arm (the next clip) must stay armed, not leak its player
            self._arm = None
        self._air = slot
        self._message = None
        self._error_segment = None
        if old is not None:
            self._retire(old)  # after the cut, queued behind the (urgent) resume
        self._emit_status()
        if paused:
            self.clip_started.emit(slot.segment_id)

    def _retire(self, slot: _Slot, *, urgent: bool = False) -> None:
        if self._slots.pop(slot.token, None) is None:
            return
        slot.on_air = False
        clear = getattr(self._output, "clear_surface_threadsafe", None)
        after = (lambda i=slot.surface: clear(i)) if clear is not None else None
        self._backend.close(slot.token, urgent=urgent, after=after)

    def _drop_arm(self) -> None:
        if self._arm is not None:
            self._retire(self._arm)
            self._arm = None

    def _take_failed(self, segment_id: str, message: str) -> None:
        if self._output is not None:
            self._output.show_black()
        if self._air is not None:
            self._retire(self._air)
            self._air = None
        if self._arm is not None and self._arm.segment_id == segment_id:
            self._drop_arm()
        self._state = OutputState.ERROR
        self._message = f"{segment_id}: {message}"
        self._error_segment = segment_id
        self.clip_failed.emit(segment_id, message)
        self._emit_status()

    def _fail(self, slot: _Slot, message: str) -> None:
        if slot.token not in self._slots:
            return
        was_on_air = slot.on_air or slot.pending_take
        if slot is self._arm:
            self._arm = None
        if slot is self._air:
            self._air = None
        self._retire(slot)
        if was_on_air:
            self._take_failed(slot.segment_id, message)
        else:
            self._message = f"{slot.segment_id}: {message}"
            self.clip_failed.emit(slot.segment_id, message)
            self._emit_status()

    def _start_timeout(self, token: int) -> None:
        slot = self._slots.get(token)
        if slot is None:
            return
        seconds = number_text(self._start_timeout_ms / 1000)
        if slot.phase in _ARMING:
            why = translate("Clip", "no picture within {seconds} s (cannot be decoded?)")
            self._fail(slot, why.format(seconds=seconds))
        elif slot.phase is _Phase.STARTING:
            why = translate("Clip", "did not start within {seconds} s (cannot be decoded?)")
            self._fail(slot, why.format(seconds=seconds))

    def _settled(self, token: int, gen: int) -> None:
        slot = self._slots.get(token)
        if slot is None or slot.phase is not _Phase.SETTLING or slot.vout_gen != gen:
            return
        slot.phase = _Phase.ARMED
        self.armed.emit(slot.segment_id)
        if slot.pending_take and slot is self._air:
            self._cut(slot)
        else:
            self._emit_status()

    def _emit_status(self) -> None:
        if not self._closed:
            self.status_changed.emit(self.status())

"""The program playout's answers to libVLC's events and its watch over the clip on air (a mixin of
:class:`~presenter.playout.program.ProgramPlayout`: everything here runs on the Qt main thread)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from presenter.i18n import translate
from presenter.playout.program_slots import (
    _ARMING,
    Backend,
    _no_video_message,
    _Phase,
    _Slot,
    changed_on_air_message,
    file_identity,
    stall_message,
)
from presenter.playout.vlc import Ev
from presenter.playout.vlc.position import extrapolate

log = logging.getLogger("presenter.playout.program")

ARM_SETTLE_MS = 120
#: Cold start: raise the surface this long after the last video-output change (the picture follows).
COLD_RAISE_SETTLE_MS = 40
#: libVLC normally reports the tracks before Paused/Playing; some containers add them late.
NO_TRACKS_GRACE_MS = 1000
#: A clip must show its first picture within this time (arm) or start playing (cold start).
START_TIMEOUT_S = 5.0
#: The clip on air is *stalled* when libVLC's time has not moved for this long while it should play.
STALL_AFTER_S = 1.5
#: How often the clip on air is watched (stall, file changed on disk): a stall is told within
#: STALL_AFTER_S + WATCH_INTERVAL_MS.
WATCH_INTERVAL_MS = 250
#: Near the clip's end libVLC stops sending time before it pauses on the last frame: not a stall.
STALL_END_MARGIN_MS = 600


if TYPE_CHECKING:  # the host, ProgramPlayout, is the QObject: so the type checker sees this mixin as one
    _Host = QObject
else:
    _Host = object


class ClipEvents(_Host):
    """libVLC events of the players, the end of a clip, stalls and files changed on air."""

    if TYPE_CHECKING:  # what ProgramPlayout (the host) gives this mixin
        clip_started: ClassVar[Signal]
        clip_ended: ClassVar[Signal]
        clip_warning: ClassVar[Signal]
        _now: Callable[[], float]
        _slots: dict[int, _Slot]
        _air: _Slot | None
        _closed: bool
        _stop_ms: list[float]
        _message: str | None
        _backend: Backend

        def pause(self) -> None: ...
        def go_black(self) -> None: ...
        def _fail(self, slot: _Slot, message: str) -> None: ...
        def _emit_status(self) -> None: ...
        def _settled(self, token: int, gen: int) -> None: ...
        def _raise_cold(self, token: int, gen: int) -> None: ...

    def _on_end(self, slot: _Slot) -> None:
        if slot.phase is _Phase.ENDED:
            return
        slot.phase = _Phase.ENDED
        if slot.length_ms:
            slot.time_ms = slot.length_ms
        else:
            slot.time_ms = int(self._position(slot) * 1000)
        slot.time_mono = None
        seg = slot.segment_id
        if slot.end_action == "black":
            self.go_black()
        else:
            self._emit_status()
        # After the end action, so a handler that takes the next clip is not undone by it.
        self.clip_ended.emit(seg)

    @Slot(int, str, object)
    def _on_event(self, token: int, kind: str, value: Any) -> None:
        if kind == Ev.CLOSED:
            if isinstance(value, float) and value > 0:
                self._stop_ms.append(value)
            return
        slot = self._slots.get(token)
        if slot is None or self._closed:
            return  # a retired player
        if kind == Ev.ES_ADDED:
            if value == "video":
                slot.has_video = True
                if slot.phase is _Phase.STARTING and slot.playing_seen:
                    self._on_playing(slot)
            elif value == "audio":
                slot.has_audio = True
        elif kind == Ev.LENGTH:
            if value and value > 0 and slot.length_ms != int(value):
                slot.length_ms = int(value)
                if slot is self._air and slot.started:
                    self._emit_status()  # the director (and the journal) get the duration
        elif kind == Ev.TIME:
            if slot.phase is _Phase.PLAYING:
                slot.time_ms = int(value)
                slot.time_mono = self._now()
                if slot.time_ms != slot.seen_ms:
                    slot.seen_ms = slot.time_ms
                    slot.advanced_mono = slot.time_mono
                    if slot.stalled:
                        self._unstalled(slot)
        elif kind == Ev.PAUSED:
            self._on_paused(slot)
        elif kind == Ev.VOUT:
            if value and slot.raise_on_vout:
                slot.vout_gen += 1
                QTimer.singleShot(COLD_RAISE_SETTLE_MS, self, lambda t=token, g=slot.vout_gen: self._raise_cold(t, g))
            elif value and slot.phase in (_Phase.FIRST_FRAME, _Phase.SETTLING):
                slot.phase = _Phase.SETTLING
                slot.vout_gen += 1
                QTimer.singleShot(ARM_SETTLE_MS, self, lambda t=token, g=slot.vout_gen: self._settled(t, g))
        elif kind == Ev.PLAYING:
            self._on_playing(slot)
        elif kind == Ev.END:
            if slot.phase in _ARMING or slot.phase is _Phase.STARTING or not slot.has_video:
                self._fail(slot, translate("Clip", "cannot be played: not a video file, or damaged"))
            elif slot.on_air:
                self._on_end(slot)
        elif kind == Ev.ERROR:
            self._fail(slot, str(value))

    def _on_paused(self, slot: _Slot) -> None:
        if slot.phase is _Phase.OPENING:
            if slot.has_audio and not slot.has_video:
                self._fail(slot, _no_video_message(slot))
                return
            if not slot.has_video:
                self._check_tracks_later(slot)
            slot.phase = _Phase.FIRST_FRAME
            self._backend.show_first_frame(slot.token)
        elif slot.expected_pauses > 0:
            slot.expected_pauses -= 1  # the answer to pause()
        elif slot.phase is _Phase.STARTING:
            self._fail(
                slot, _no_video_message(slot) if not slot.has_video else translate("Clip", "cannot be played: damaged")
            )
        elif slot.phase is _Phase.PLAYING and slot.on_air:
            self._on_end(slot)  # :play-and-pause paused on the last frame: that is the end

    def _on_playing(self, slot: _Slot) -> None:
        if not slot.on_air:
            return
        if slot.phase is _Phase.STARTING:
            slot.playing_seen = True
            if slot.has_audio and not slot.has_video:
                self._fail(slot, _no_video_message(slot))
                return
            if not slot.has_video:
                self._check_tracks_later(slot)
                return
            slot.phase = _Phase.PLAYING
            slot.time_ms, slot.time_mono, slot.pos_floor = slot.start_ms, self._now(), slot.start_ms / 1000
            slot.advanced_mono, slot.seen_ms = slot.time_mono, -1
            if slot.pause_on_start:  # e.g. a clip paused when Presenter stopped, resumed part-way in
                slot.pause_on_start = False
                self.pause()
        if not slot.started and slot.phase in (_Phase.PLAYING, _Phase.PAUSED):
            slot.started = True
            self.clip_started.emit(slot.segment_id)
            self._emit_status()

    def _check_tracks_later(self, slot: _Slot) -> None:
        def check(token: int = slot.token) -> None:
            s = self._slots.get(token)
            if s is not None and not s.has_video and s.phase in (_Phase.FIRST_FRAME, _Phase.STARTING):
                self._fail(s, _no_video_message(s))

        QTimer.singleShot(NO_TRACKS_GRACE_MS, self, check)

    # ---- the clip on air, watched

    def _watch_air(self) -> None:
        """Every WATCH_INTERVAL_MS: tell the director when the clip on air froze or its file changed.

        A frozen picture (libVLC's time stuck while it should play) or a file overwritten in place is
        told through ``clip_warning``; the clip stays on air (cutting away is the director's call).
        """
        s = self._air
        if s is None or self._closed or not s.on_air or s.phase is not _Phase.PLAYING:
            return
        if not s.change_told and s.file_id is not None:
            ident = file_identity(s.path)
            if ident != s.file_id:
                s.change_told = True
                self._warn(s, changed_on_air_message(s.path, self._position(s)))
        if s.stalled or s.advanced_mono is None:
            return
        if s.length_ms and s.time_ms >= s.length_ms - STALL_END_MARGIN_MS:
            return  # at its end: libVLC is about to pause on the last frame
        if self._now() - s.advanced_mono > STALL_AFTER_S:
            s.stalled = True
            log.warning("clip on air stalled: %s at %d ms", s.path, s.time_ms)
            s.stall_text = stall_message(s.path, s.time_ms / 1000.0)
            self._warn(s, s.stall_text)

    def _warn(self, s: _Slot, message: str) -> None:
        self._message = f"{s.segment_id}: {message}"
        self.clip_warning.emit(s.segment_id, message)
        self._emit_status()

    def _unstalled(self, s: _Slot) -> None:
        s.stalled = False
        log.info("clip on air moves again: %s at %d ms", s.path, s.time_ms)
        if s.stall_text and self._message == f"{s.segment_id}: {s.stall_text}":
            self._message = None
        self._emit_status()

    def _position(self, s: _Slot) -> float:
        if s.stalled:
            return max(s.time_ms / 1000.0, s.pos_floor)  # frozen: the clock must not run on
        playing = s.phase is _Phase.PLAYING
        pos = extrapolate(
            s.time_ms, s.time_mono, self._now(), playing=playing, length_ms=s.length_ms, floor=s.pos_floor
        )
        if playing:
            s.pos_floor = pos
        return pos

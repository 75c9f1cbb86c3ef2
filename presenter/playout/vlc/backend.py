"""Players of one libVLC instance, addressed by an int token; all control calls on the control thread.

libVLC is not re-entrant: a libVLC event callback here only hands the event to a *sink* (the
playout engine emits a queued Qt signal from it); it never calls libVLC. ``stop()`` is synchronous
(15-180 ms), so nothing here ever runs it on the caller's thread. Pre-roll: ``:start-paused`` then,
once paused, a seek to 0 while paused shows the first frame (``next_frame()`` would make the
following resume skip ~1.2 s on this libVLC).
"""

from __future__ import annotations

import concurrent.futures
import ctypes
import enum
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presenter.i18n import translate
from presenter.playout.vlc.control import ControlThread
from presenter.playout.vlc.heap import TRIM_DELAY_S, give_back_free_memory, tune_heap
from presenter.playout.vlc.loader import BASE_ARGS, CLIP_DEMUX_OPTION, _vlc, install_hint, vlc_status
from presenter.playout.vlc.media import _TRACK_AUDIO, _TRACK_TEXT, _TRACK_VIDEO, _EsChanged

log = logging.getLogger(__name__)


class Ev(enum.StrEnum):
    """Event kinds handed to the sink as ``sink(token, kind, value)``."""

    OPENING = "opening"
    PLAYING = "playing"
    PAUSED = "paused"
    VOUT = "vout"  # value: number of video outputs
    TIME = "time"  # value: media time in ms
    LENGTH = "length"  # value: length in ms
    ES_ADDED = "es_added"  # value: "video" | "audio" | "text"
    END = "end"  # EndReached
    STOPPED = "stopped"
    ERROR = "error"  # value: plain message
    CLOSED = "closed"  # player stopped and released; value: stop() duration in ms


EventSink = Callable[[int, str, Any], None]  # kind: an Ev (a str)


@dataclass
class _Player:
    token: int
    player: Any
    media: Any
    events: Any
    callbacks: list[Any] = field(default_factory=list)


class VlcBackend:
    """Owns a libVLC instance, the control thread and the players (addressed by an int token).

    All methods return at once; the work runs on the control thread. Results come back through
    *sink*, called from libVLC's or the control thread (the sink must only queue them).
    """

    def __init__(
        self,
        vlc_args: Sequence[str] | None,
        sink: EventSink,
        *,
        start_timeout_s: float = 10.0,
        tune_malloc: bool = True,
    ):
        self._sink = sink
        self._players: dict[int, _Player] = {}
        self._cancelled: set[int] = set()  # closed before their open ran (an urgent close overtook it)
        self._instance: Any = None
        self._closed = False
        self._trim_timer: threading.Timer | None = None
        ok, message = vlc_status()
        self.ok = ok
        self.message = message
        self._thread: ControlThread | None = None
        if not ok:
            return
        if tune_malloc:
            tune_heap()
        self._thread = ControlThread()
        args = [*BASE_ARGS, *(vlc_args or ())]
        try:
            self._instance = self._thread.submit(self._create_instance, args).result(start_timeout_s)
        except Exception as exc:
            self._instance = None
            log.error("libVLC instance failed: %s", exc)
        if self._instance is None:
            self.ok = False
            self.message = translate(
                "Clip",
                "libVLC could not start with the options {options} (bad option or plugins missing: {hint}). "
                "Clip segments cannot play.",
            ).format(options=repr(" ".join(args)), hint=install_hint())

    # ---- helpers that run on the control thread

    @staticmethod
    def _create_instance(args: list[str]) -> Any:
        return _vlc().Instance(args)

    def _emit(self, token: int, kind: str, value: Any = None) -> None:
        try:
            self._sink(token, kind, value)
        except Exception:  # never let a sink problem break a libVLC thread
            log.exception("playout event sink failed")

    def _attach(self, p: _Player) -> None:
        vlc = _vlc()
        et = vlc.EventType
        token = p.token
        es_changed_ptr = ctypes.POINTER(_EsChanged)
        emit = self._emit

        # These run on libVLC threads: read the event struct, hand it on, nothing else.
        def on_simple(event: Any, kind: str) -> None:
            emit(token, kind, None)

        def on_vout(event: Any) -> None:
            emit(token, Ev.VOUT, int(event.u.new_count) & 0xFFFFFFFF)  # python-vlc declares it 64-bit

        def on_time(event: Any) -> None:
            emit(token, Ev.TIME, int(event.u.new_time))

        def on_length(event: Any) -> None:
            emit(token, Ev.LENGTH, int(event.u.new_length))

        def on_es_added(event: Any) -> None:
            es = ctypes.cast(ctypes.byref(event.u), es_changed_ptr).contents
            kind = {_TRACK_AUDIO: "audio", _TRACK_VIDEO: "video", _TRACK_TEXT: "text"}.get(int(es.type), "unknown")
            emit(token, Ev.ES_ADDED, kind)

        cannot_play = translate("Clip", "libVLC could not play it (not a video file, damaged, or unreadable)")

        def on_error(event: Any) -> None:
            emit(token, Ev.ERROR, cannot_play)

        table: Iterable[tuple[Any, Callable[..., None], tuple[Any, ...]]] = (
            (et.MediaPlayerOpening, on_simple, (Ev.OPENING,)),
            (et.MediaPlayerPlaying, on_simple, (Ev.PLAYING,)),
            (et.MediaPlayerPaused, on_simple, (Ev.PAUSED,)),
            (et.MediaPlayerEndReached, on_simple, (Ev.END,)),
            (et.MediaPlayerStopped, on_simple, (Ev.STOPPED,)),
            (et.MediaPlayerVout, on_vout, ()),
            (et.MediaPlayerTimeChanged, on_time, ()),
            (et.MediaPlayerLengthChanged, on_length, ()),
            (et.MediaPlayerESAdded, on_es_added, ()),
            (et.MediaPlayerEncounteredError, on_error, ()),
        )
        for event_type, cb, extra in table:
            p.events.event_attach(event_type, cb, *extra)
            p.callbacks.append(event_type)

    def _do_open(
        self,
        token: int,
        path: str,
        window: int | None,
        start_paused: bool,
        hold_at_end: bool,
        options: tuple[str, ...],
        precheck: Callable[[Path], str | None] | None,
    ) -> None:
        if self._closed or self._instance is None:
            return
        if token in self._cancelled:
            self._cancelled.discard(token)
            return
        if precheck is not None:
            problem = precheck(Path(path))
            if problem:
                self._emit(token, Ev.ERROR, problem)
                return
        player = self._instance.media_player_new()
        if player is None:
            self._emit(token, Ev.ERROR, translate("Clip", "libVLC could not create a player"))
            return
        if window is not None:
            if sys.platform.startswith("linux") or "bsd" in sys.platform:
                player.set_xwindow(int(window))
            elif sys.platform.startswith("win"):
                player.set_hwnd(int(window))
            elif sys.platform == "darwin":
                player.set_nsobject(int(window))
        player.video_set_mouse_input(False)
        player.video_set_key_input(False)
        media = self._instance.media_new_path(path)
        if media is None:
            player.release()
            self._emit(token, Ev.ERROR, translate("Clip", "libVLC could not open the file"))
            return
        media.add_option(CLIP_DEMUX_OPTION)  # a local file only: no playlist, no network stream
        if start_paused:
            media.add_option(":start-paused")
        if hold_at_end:
            media.add_option(":play-and-pause")
        for opt in options:
            media.add_option(opt)
        player.set_media(media)
        # Not player.event_manager(): python-vlc memoizes it in a class-level dict that keeps every
        # MediaPlayer and EventManager alive forever (one leak per clip played).
        p = _Player(token, player, media, _vlc().libvlc_media_player_event_manager(player))
        self._players[token] = p
        self._attach(p)
        if player.play() != 0:
            self._emit(token, Ev.ERROR, translate("Clip", "libVLC could not start playing the file"))

    def _do_first_frame(self, token: int) -> None:
        p = self._players.get(token)
        if p is not None:
            # Seek while paused: the first frame is decoded and shown, playback stays paused.
            p.player.set_time(0)

    def _do_resume(self, token: int) -> None:
        p = self._players.get(token)
        if p is not None:
            p.player.set_pause(0)

    def _do_pause(self, token: int) -> None:
        p = self._players.get(token)
        if p is not None:
            p.player.set_pause(1)

    def _do_restart(self, token: int) -> None:
        p = self._players.get(token)
        if p is None:
            return
        vlc = _vlc()
        state = p.player.get_state()
        if state in (vlc.State.Ended, vlc.State.Stopped, vlc.State.Error):
            p.player.stop()
            p.player.play()
        else:
            p.player.set_time(0)
            p.player.set_pause(0)

    def _do_close(self, token: int, after: Callable[[], Any] | None = None) -> None:
        p = self._players.pop(token, None)
        if p is None:
            self._cancelled.add(token)
            self._run_after(after)
            self._emit(token, Ev.CLOSED, 0.0)
            return
        for event_type in p.callbacks:
            try:
                p.events.event_detach(event_type)
            except Exception:
                log.debug("event_detach failed", exc_info=True)
        t0 = time.perf_counter()
        p.player.stop()
        stop_ms = (time.perf_counter() - t0) * 1000.0
        p.player.set_media(None)
        p.media.release()
        p.player.release()
        self._run_after(after)
        self._emit(token, Ev.CLOSED, stop_ms)
        self._trim_later()

    def _trim_later(self) -> None:
        """Give the freed memory back TRIM_DELAY_S after the last close: not at a cut, while the next
        clip starts (malloc_trim holds each arena's lock while it walks it)."""
        if self._trim_timer is not None:
            self._trim_timer.cancel()
        self._trim_timer = threading.Timer(TRIM_DELAY_S, give_back_free_memory)
        self._trim_timer.daemon = True
        self._trim_timer.start()

    @staticmethod
    def _run_after(after: Callable[[], Any] | None) -> None:
        if after is not None:
            try:
                after()
            except Exception:
                log.exception("after-close hook failed")

    # ---- public API (thread-safe, asynchronous)

    def _submit(
        self, fn: Callable[..., Any], *args: Any, urgent: bool = False
    ) -> concurrent.futures.Future[Any] | None:
        if self._thread is None or self._closed:
            return None
        return self._thread.submit(fn, *args, urgent=urgent)

    def open(
        self,
        token: int,
        path: Path | str,
        *,
        window: int | None,
        start_paused: bool,
        hold_at_end: bool,
        options: Sequence[str] = (),
        precheck: Callable[[Path], str | None] | None = None,
    ) -> None:
        """New player + media for *path*; embedded in native *window* (None: no window); play().

        *precheck(path)* runs first on the control thread; a returned message is reported as ``ERROR``.
        """
        self._submit(self._do_open, token, str(path), window, start_paused, hold_at_end, tuple(options), precheck)

    def show_first_frame(self, token: int) -> None:
        self._submit(self._do_first_frame, token)

    def resume(self, token: int, *, urgent: bool = True) -> None:
        self._submit(self._do_resume, token, urgent=urgent)

    def pause(self, token: int) -> None:
        self._submit(self._do_pause, token, urgent=True)

    def restart(self, token: int) -> None:
        self._submit(self._do_restart, token, urgent=True)

    def close(self, token: int, *, urgent: bool = False, after: Callable[[], Any] | None = None) -> None:
        """Stop and release the player (off the caller's thread), run *after()* there, report ``CLOSED``.

        The next job of the control thread starts only after that (e.g. a new player on that window).
        """
        self._submit(self._do_close, token, after, urgent=urgent)

    def call(self, fn: Callable[..., Any], *args: Any, urgent: bool = False) -> concurrent.futures.Future[Any] | None:
        """Run *fn(*args)* on the control thread (for diagnostics and benchmarks)."""
        return self._submit(fn, *args, urgent=urgent)

    @property
    def control_thread_ident(self) -> int | None:
        return self._thread.ident if self._thread else None

    def shutdown(self, timeout_s: float = 3.0) -> bool:
        """Stop every player, release the instance, join the control thread (bounded)."""
        if self._thread is None or self._closed:
            return True
        self._thread.submit(self._release_instance)
        self._closed = True
        return self._thread.stop(timeout_s)

    def _release_instance(self) -> None:
        for token in list(self._players):
            self._do_close(token)
        if self._trim_timer is not None:
            self._trim_timer.cancel()
        if self._instance is not None:
            self._instance.release()
            self._instance = None

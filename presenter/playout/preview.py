"""The technician's preview player: its own libVLC instance and control thread, never the program's.

Nothing here can reach the program output: the player lives in a :class:`PreviewBackend` of its own
(own instance, own control thread, own audio output), draws only into the preview window's surface
(or nowhere, ``--vout=dummy``) and plays its sound on the device the technician chose.

Sound safety: when a device is chosen, the player is muted until ``audio_output_device_get()``
confirms that the player's audio is on that device; if it cannot be confirmed the preview stays muted
and says so (its sound might otherwise go to the program's device and into the stream). libVLC 3
ignores a device set before the audio output exists and forgets it with the next media, so the
device is applied after each ``load()`` and ``play()`` and checked every time.

On X11 the preview's picture is drawn without OpenGL, as the program output's
(``embedded_video_args``).

Everything here runs on the Qt main thread and returns at once; libVLC events arrive through a
queued signal. A clip is loaded with ``:start-paused`` and then *primed* (played muted until libVLC
says Playing, paused, first picture shown by a seek), so that later seeks while paused show their
picture; with ``:play-and-pause`` it pauses on its last frame at the end ("ended"). Frame step is
libVLC's ``next_frame()`` (exactly one frame); the next play() seeks to the stepped position right
after resuming, because libVLC 3 otherwise jumps about a second ahead.
"""

from __future__ import annotations

import enum
import itertools
import logging
import math
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from presenter.i18n import translate
from presenter.playout.preview_audio import (  # noqa: F401 (their old home)
    DEVICE_ATTEMPTS,
    DEVICE_RETRY_MS,
    SETTING_DEVICE,
    SETTING_VOLUME,
    PreviewAudio,
)
from presenter.playout.probe import number_text, quick_check
from presenter.playout.vlc import EMBEDDABLE_PLATFORMS, AudioState, Ev, PreviewBackend, embedded_video_args  # noqa: F401
from presenter.playout.vlc.position import extrapolate
from presenter.tasks import deliver, queued_sink

log = logging.getLogger(__name__)


class PreviewState(enum.StrEnum):
    EMPTY = "empty"  # nothing loaded
    LOADING = "loading"  # opened, waiting for the first picture
    PAUSED = "paused"
    PLAYING = "playing"
    ENDED = "ended"  # paused on the last frame
    STOPPED = "stopped"  # stop() / panic
    ERROR = "error"  # the clip cannot be previewed; problem() said why


EMPTY, LOADING, PAUSED, PLAYING, ENDED, STOPPED, ERROR = PreviewState
STATES = tuple(PreviewState)

LOAD_TIMEOUT_S = 5.0
NO_TRACKS_GRACE_MS = 1000
POSITION_INTERVAL_MS = 100
DEFAULT_FPS = 25.0
DEFAULT_VOLUME = 80


class PreviewPlayer(PreviewAudio, QObject):
    """Load a clip paused on its first frame; play, pause, scrub, step, listen on a chosen device.

    *settings* remembers the audio device and the volume (pass your own ``QSettings`` so tests can
    isolate it). *video_window* returns the native window id of the preview surface at load time;
    without it, no video is shown anywhere (``--vout=dummy``).
    """

    position_changed = Signal(float, float)  # position s, duration s (0 when not known yet)
    state_changed = Signal(str)  # one of STATES
    problem = Signal(str)  # plain words for the technician
    audio_devices_changed = Signal(list)  # [(id, description)] after refresh_audio_devices()
    audio_device_changed = Signal(str, bool)  # device id ("" = system default), confirmed on the player

    # The clip's timing, set by _reset_clip() and the transport (declared here: several methods set them).
    _length_ms: int | None
    _time_ms: int
    _time_mono: float | None
    _pos_floor: float
    _seek_when_loaded: float | None
    _end_when_loaded: float | None

    def __init__(
        self,
        settings: QSettings,
        video_window: Callable[[], int | None] | None = None,
        vlc_args: Sequence[str] | None = None,
        *,
        load_timeout_s: float = LOAD_TIMEOUT_S,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._now = monotonic
        self._load_timeout_ms = int(load_timeout_s * 1000)
        self._tokens = itertools.count(1)
        self._token: int | None = None
        self._path: Path | None = None
        self._state = EMPTY
        self._closed = False
        self._reset_clip()
        self._muted = False
        self._safety_muted = False
        self._volume = _int_setting(settings.value(SETTING_VOLUME, DEFAULT_VOLUME), DEFAULT_VOLUME)
        self._device = str(settings.value(SETTING_DEVICE, "") or "")
        self._device_confirmed = False
        self._devices: list[tuple[str, str]] = []

        self._sink = queued_sink(self._on_event, self)  # libVLC's threads -> the main thread
        self._ticker = QTimer(self)
        self._ticker.setInterval(POSITION_INTERVAL_MS)
        self._ticker.timeout.connect(self._tick)

        args = list(vlc_args or [])
        self._window = video_window
        self.video_problem: str | None = None
        if video_window is not None:
            platform = QGuiApplication.platformName()
            if platform not in EMBEDDABLE_PLATFORMS:
                self.video_problem = translate(
                    "Clip",
                    "no preview picture: Qt runs on '{platform}', libVLC can only draw into xcb "
                    "(X11/XWayland), Windows or macOS windows. Start with QT_QPA_PLATFORM=xcb.",
                ).format(platform=platform)
                self._window = None
        if self._window is None and not any(a.startswith("--vout") for a in args):
            args.append("--vout=dummy")  # never a window of libVLC's own (it could open on the output screen)
        elif self._window is not None:
            args = embedded_video_args(args, QGuiApplication.platformName())
        self._backend = PreviewBackend(args, self._sink)

    # ------------------------------------------------------------------ reading

    @property
    def ok(self) -> bool:
        return self._backend.ok

    @property
    def message(self) -> str:
        return self._backend.message

    @property
    def backend(self) -> PreviewBackend:
        return self._backend

    @property
    def token(self) -> int | None:
        """The libVLC player of the loaded clip in :attr:`backend` (diagnostics)."""
        return self._token

    @property
    def state(self) -> str:
        return self._state

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def duration(self) -> float | None:
        return self._length_ms / 1000.0 if self._length_ms else None

    @property
    def has_video(self) -> bool:
        return self._has_video

    @property
    def muted(self) -> bool:
        """Muted by the technician (see :attr:`safety_muted` for the device check)."""
        return self._muted

    @property
    def safety_muted(self) -> bool:
        """Muted because the chosen device is not (yet) confirmed on the player."""
        return self._safety_muted

    @property
    def volume(self) -> int:
        return self._volume

    @property
    def audio_device(self) -> str:
        """The chosen device id; ``""`` is the system default."""
        return self._device

    @property
    def audio_device_confirmed(self) -> bool:
        """libVLC said the loaded clip's audio is on the chosen device."""
        return self._device_confirmed

    def position(self) -> float:
        playing = self._state == PLAYING
        s = extrapolate(
            self._time_ms,
            self._time_mono,
            self._now(),
            playing=playing,
            length_ms=self._length_ms,
            floor=self._pos_floor,
        )
        if playing:
            self._pos_floor = s
        return s

    # ------------------------------------------------------------------ transport

    def load(self, path: Path | str, *, fps: float | None = None) -> None:
        """Open *path* paused on its first frame (previous clip stopped off this thread)."""
        if self._closed:
            return
        self._close_player()
        self._path = Path(path)
        self._reset_clip()
        if fps:
            self._fps = float(fps)
        if not self._backend.ok:
            self._set_state(ERROR)
            self.problem.emit(self._backend.message)
            return
        token = next(self._tokens)
        self._token = token
        self._set_state(LOADING)
        window = self._window() if self._window is not None else None
        self._backend.open(token, self._path, window=window, start_paused=True, hold_at_end=True, precheck=quick_check)
        self._safety_muted = bool(self._device)  # unmuted once the device is confirmed
        self._send_audio(urgent=False)  # queued behind the open: the player exists by then
        QTimer.singleShot(self._load_timeout_ms, self, lambda t=token: self._load_timed_out(t))
        self._emit_position()

    def play(self) -> None:
        if self._token is None:
            return
        if self._state == LOADING:
            self._play_when_loaded = True
            return
        if self._state not in (PAUSED, ENDED):
            return
        if self._state == ENDED or (self._length_ms and self._time_ms >= self._length_ms - 50):
            self._backend.seek(self._token, 0)  # from the start again
            self._time_ms = 0
            self._stepped = False
        # The device before the sound: muted until libVLC confirms it (urgent jobs run in order).
        if self._device and not self._device_confirmed:
            self._safety_muted = True
            self._send_audio()
        self._apply_device()
        self._backend.resume(self._token)
        if self._stepped:  # after next_frame() libVLC 3 resumes ~1 s ahead unless it seeks
            self._backend.seek(self._token, self._time_ms)
            self._stepped = False
        self._seeked_paused = False
        self._time_mono = self._now()
        self._pos_floor = self._time_ms / 1000.0
        self._set_state(PLAYING)

    def pause(self) -> None:
        if self._state == LOADING:
            self._play_when_loaded = False
        if self._state != PLAYING or self._token is None:
            return
        self._time_ms = int(self.position() * 1000)
        self._time_mono = None
        self._expected_pauses += 1
        self._backend.pause(self._token)
        self._set_state(PAUSED)

    def toggle(self) -> None:
        if self._state in (PLAYING,) or (self._state == LOADING and self._play_when_loaded):
            self.pause()
        else:
            self.play()

    def seek(self, seconds: float) -> None:
        """Show the picture at *seconds* (paused: stays paused; playing: plays on from there)."""
        if self._token is None or self._state in (EMPTY, STOPPED, ERROR):
            return
        seconds = max(0.0, float(seconds))
        if self._length_ms:
            seconds = min(seconds, max(0.0, self._length_ms / 1000.0 - 0.04))
        if self._state == LOADING:
            self._seek_when_loaded = seconds
            return
        ms = round(seconds * 1000)
        if self._stepped and self._state in (PAUSED, ENDED):
            self._prime(self._token, ms, urgent=True)  # after next_frame() a plain seek may show nothing
            self._stepped = False
        else:
            self._backend.seek(self._token, ms)
        self._seeked_paused = self._state in (PAUSED, ENDED)
        self._time_ms = ms
        self._pos_floor = seconds
        self._time_mono = self._now() if self._state == PLAYING else None
        if self._state == ENDED:
            self._set_state(PAUSED)  # the player stays paused, now on that picture
        self._emit_position()

    def step_frame(self) -> None:
        """One frame forward (pauses first): libVLC's ``next_frame()``, exactly one frame after a
        pause; right after a seek while paused the picture may be a few frames off (libVLC 3)."""
        if self._state == PLAYING:
            self.pause()
        if self._state != PAUSED or self._token is None:
            return
        fps = self._fps if self._fps and self._fps > 0 else DEFAULT_FPS
        frame = math.floor(self._time_ms / 1000.0 * fps + 1e-6) + 1
        ms = round(frame * 1000.0 / fps)
        if self._length_ms:
            ms = min(ms, self._length_ms)
        if self._seeked_paused:  # next_frame() right after a seek while paused may show nothing
            self._prime(self._token, None, urgent=True)
            self._seeked_paused = False
        self._backend.step(self._token)
        self._stepped = True
        self._time_ms = ms
        self._pos_floor = ms / 1000.0
        self._emit_position()

    def jump_to_end(self, seconds: float = 10.0) -> None:
        """Play the last *seconds* of the clip (to check its end and the hand-back)."""
        if self._token is None or self._state in (EMPTY, STOPPED, ERROR):
            return
        if self._state == LOADING or not self._length_ms:
            self._end_when_loaded = seconds
            self._play_when_loaded = True
            return
        self.seek(max(0.0, self._length_ms / 1000.0 - seconds))
        self.play()

    def stop(self) -> None:
        """Stop the preview now (also the panic listener of the program playout). Never blocks."""
        if self._token is not None:
            self._backend.close(self._token, urgent=True)
            self._token = None
        self._ticker.stop()
        if self._state not in (EMPTY, STOPPED):
            self._time_ms, self._time_mono = 0, None
            self._set_state(STOPPED)
            self._emit_position()

    def shutdown(self, timeout_s: float = 3.0) -> bool:
        """Stop the player and join the control thread (bounded). Before the preview surface goes."""
        if self._closed:
            return True
        self._closed = True
        self._ticker.stop()
        self._token = None
        return self._backend.shutdown(timeout_s)

    # ------------------------------------------------------------------ internals

    def _reset_clip(self) -> None:
        self._has_video = False
        self._has_audio = False
        self._length_ms = None
        self._time_ms = 0
        self._time_mono = None
        self._pos_floor = 0.0
        self._expected_pauses = 0
        self._priming = 0  # primes under way: their Playing and Paused events are not ours
        self._stepped = False  # next_frame() used since the last play()
        self._seeked_paused = True  # the picture comes from a seek while paused (the load ends with one)
        self._play_when_loaded = False
        self._seek_when_loaded = None
        self._end_when_loaded = None
        self._fps = DEFAULT_FPS
        self._device_confirmed = False

    def set_frame_rate(self, fps: float | None) -> None:
        """The clip's frame rate (from the probe) for :meth:`step_frame`."""
        if fps and fps > 0:
            self._fps = float(fps)

    def _close_player(self) -> None:
        if self._token is not None:
            self._backend.close(self._token)
            self._token = None
        self._ticker.stop()

    def _set_state(self, state: PreviewState) -> None:
        if state == PLAYING:
            self._ticker.start()
        else:
            self._ticker.stop()
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _emit_position(self) -> None:
        self.position_changed.emit(self.position(), self.duration or 0.0)

    def _tick(self) -> None:
        if self._state == PLAYING:
            self._emit_position()

    def _fail(self, message: str) -> None:
        self._close_player()
        self._set_state(ERROR)
        self.problem.emit(message)

    def _load_timed_out(self, token: int) -> None:
        if token == self._token and self._state == LOADING:
            seconds = number_text(self._load_timeout_ms / 1000)
            self._fail(translate("Clip", "no picture within {seconds} s (cannot be decoded?)").format(seconds=seconds))

    def _check_tracks(self, token: int) -> None:
        if token == self._token and not self._has_video and not self._has_audio and self._state != ERROR:
            self._fail(translate("Clip", "not a video file (no picture and no sound in it)"))

    @Slot(int, str, object)
    def _on_event(self, token: int, kind: str, value: Any) -> None:
        if token != self._token or self._closed or kind == Ev.CLOSED:
            return
        if kind == Ev.ES_ADDED:
            if value == "video":
                self._has_video = True
            elif value == "audio":
                self._has_audio = True
        elif kind == Ev.LENGTH:
            if value and value > 0:
                self._length_ms = int(value)
                self._emit_position()
        elif kind == Ev.TIME:
            if self._state == PLAYING:
                self._time_ms = int(value)
                self._time_mono = self._now()
        elif kind in (Ev.PAUSED, Ev.PLAYING) and self._priming > 0:
            return  # the priming's own Playing and Paused
        elif kind == Ev.PAUSED:
            self._on_paused()
        elif kind == Ev.PLAYING:
            if self._state == PLAYING:
                self._apply_device()  # libVLC 3 may have put it back on the default: again, and check
        elif kind == Ev.END:
            if self._state == LOADING:
                self._fail(translate("Clip", "cannot be played: not a video file, or damaged"))
            elif self._state in (PLAYING, PAUSED):
                self._ended()
        elif kind == Ev.ERROR:
            self._fail(str(value))

    def _on_paused(self) -> None:
        if self._state == LOADING:
            assert self._token is not None
            self._prime(self._token, 0, urgent=False)  # queued behind the audio settings of the load
        elif self._expected_pauses > 0:
            self._expected_pauses -= 1  # the answer to pause()
        elif self._state == PLAYING:
            self._ended()  # :play-and-pause paused on the last frame: that is the end

    def _prime(self, token: int, ms: int | None, *, urgent: bool) -> None:
        fut = self._backend.prime(token, ms, urgent=urgent)
        if fut is None:
            return
        self._priming += 1
        deliver(fut, lambda ok: self._on_primed(token, bool(ok)), fallback=False, owner=self)

    @Slot(int, bool)
    def _on_primed(self, token: int, ok: bool) -> None:
        if token != self._token or self._closed:
            return
        self._priming = max(0, self._priming - 1)
        if self._state != LOADING:
            return  # a seek after frame steps: the picture is there
        if not ok:
            if not self._has_video and not self._has_audio:
                self._fail(translate("Clip", "not a video file (no picture and no sound in it)"))
            else:
                self._fail(translate("Clip", "cannot be played: libVLC could not start it (damaged?)"))
            return
        self._set_state(PAUSED)
        self._apply_device()
        if not self._has_video:
            if self._has_audio:
                self.problem.emit(
                    translate("Clip", "no video track (audio only): on air the program output would stay black")
                )
            else:
                QTimer.singleShot(NO_TRACKS_GRACE_MS, self, lambda t=token: self._check_tracks(t))
        if self._end_when_loaded is not None and self._length_ms:
            self.seek(max(0.0, self._length_ms / 1000.0 - self._end_when_loaded))
        elif self._seek_when_loaded is not None:
            self.seek(self._seek_when_loaded)
        self._seek_when_loaded = self._end_when_loaded = None
        if self._play_when_loaded:
            self._play_when_loaded = False
            self.play()
        self._emit_position()

    def _ended(self) -> None:
        if self._length_ms:
            self._time_ms = self._length_ms
        else:
            self._time_ms = int(self.position() * 1000)
        self._time_mono = None
        self._set_state(ENDED)
        self._emit_position()


def _int_setting(value: object, default: int) -> int:
    if not isinstance(value, int | float | str):
        return default
    try:
        return max(0, min(100, int(value)))
    except ValueError:
        return default

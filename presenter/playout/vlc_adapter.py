"""The one module of the project that imports ``vlc`` (python-vlc over libVLC 3).

Rules from measurements on this stack (libVLC 3.0.24, python-vlc 3.0.21203):

* libVLC is not re-entrant: a libVLC event callback here only hands the event to a *sink* (the
  playout engine emits a queued Qt signal from it); it never calls libVLC.
* Every player control call runs on ONE thread of ours, the control thread of :class:`VlcBackend`.
  ``stop()`` is synchronous (15-180 ms), so nothing here ever runs it on the caller's thread.
* ``vlc.Instance()`` returns ``None`` on a bad option or missing plugins: checked.
* python-vlc's ``tracks_get`` mis-declares the track union (reading ``.video`` segfaults,
  python-vlc #222): tracks are read through correctly declared ctypes structs below.
* Pre-roll: ``:start-paused`` then, once paused, a seek to 0 while paused. That decodes and shows
  the first frame. ``next_frame()`` also shows it, but on this libVLC the following resume skips
  ~1.2 s of the clip (the frame-step buffering hack in es_out), so it is not used.

libVLC missing (``import vlc`` fails or ``Instance()`` is ``None``) never raises out of here:
:func:`vlc_status` says so in plain words. Set ``PRESENTER_SIMULATE_NO_LIBVLC=1`` or call
:func:`set_vlc_loader` to simulate a machine without libVLC.
"""

from __future__ import annotations

import collections
import concurrent.futures
import ctypes
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

SIMULATE_MISSING_ENV = "PRESENTER_SIMULATE_NO_LIBVLC"

if sys.platform.startswith("win"):
    _INSTALL_HINT = "install VLC 3 (64-bit) from https://www.videolan.org"
elif sys.platform == "darwin":
    _INSTALL_HINT = "install VLC 3 from https://www.videolan.org into /Applications"
else:
    _INSTALL_HINT = "install VLC 3 (Debian: apt install libvlc5 vlc-plugin-base vlc-plugin-video-output)"

MISSING_MESSAGE = f"libVLC 3 is not installed: {_INSTALL_HINT}. Clip segments cannot play."

#: Options every instance gets. No title/OSD text may ever appear on the program output.
BASE_ARGS: tuple[str, ...] = (
    "--quiet",
    "--no-video-title-show",
    "--no-osd",
    "--no-snapshot-preview",
    "--no-sub-autodetect-file",
    "--no-keyboard-events",
    "--no-mouse-events",
    "--no-stats",
)

#: Media option of every clip: the demuxers libVLC may use for it. Clips are local video files;
#: libVLC picks a demuxer by the content, and for a text file named ``clip.mp4`` holding an HLS
#: playlist its ``adaptive`` (and ``avformat``'s hls) demuxer fetched the playlist's URLs over HTTP
#: and played the remote stream; ``playlist`` turns M3U/PLS/XSPF files into other inputs. The list
#: is strict (no ``any`` at its end): only these are tried. Measured on libVLC 3.0.24: MP4/MOV/M4A,
#: Matroska/WebM, AVI, MPEG-TS/PS, Ogg, ASF/WMV, elementary streams and DV play; an HLS playlist
#: makes no request. (Not listed, so not playable: FLV, MXF and other formats only libavformat reads.)
CLIP_DEMUX_OPTION = ":demux=mp4,mkv,avi,ts,ps,ogg,asf,es,h264,hevc,mpgv,rawdv"

# --------------------------------------------------------------------------------------------
# Loading libVLC


def _default_loader() -> ModuleType:
    if os.environ.get(SIMULATE_MISSING_ENV, "").strip() not in ("", "0"):
        raise ImportError(f"libVLC hidden by {SIMULATE_MISSING_ENV}")
    import vlc  # the only import of vlc in the project

    return vlc


_loader: Callable[[], ModuleType] = _default_loader
_load_lock = threading.Lock()
_loaded: tuple[ModuleType | None, bool, str] | None = None  # (module, ok, message)


def set_vlc_loader(loader: Callable[[], ModuleType] | None) -> None:
    """Replace how python-vlc is imported (tests: a loader that raises simulates no libVLC).

    ``None`` restores the default. Clears the cached status.
    """
    global _loader, _loaded
    with _load_lock:
        _loader = loader or _default_loader
        _loaded = None


def _load() -> tuple[ModuleType | None, bool, str]:
    global _loaded
    with _load_lock:
        if _loaded is not None:
            return _loaded
        try:
            vlc = _loader()
        except (ImportError, OSError, NotImplementedError, AttributeError, SystemExit) as exc:
            # python-vlc raises NotImplementedError/OSError when libvlc.so is missing and even
            # calls sys.exit() on a bad PYTHON_VLC_LIB_PATH.
            log.warning("libVLC not available: %s", exc)
            _loaded = (None, False, MISSING_MESSAGE)
            return _loaded
        try:
            version = vlc.libvlc_get_version().decode("utf-8", "replace")
        except Exception as exc:
            log.warning("libVLC version unknown: %s", exc)
            _loaded = (None, False, MISSING_MESSAGE)
            return _loaded
        if not version.startswith("3."):
            _loaded = (
                None,
                False,
                f"libVLC {version.split()[0]} is not supported, libVLC 3 is needed: {_INSTALL_HINT}. "
                "Clip segments cannot play.",
            )
            return _loaded
        probe_instance = vlc.Instance(["--quiet", "--vout=dummy", "--aout=adummy"])
        if probe_instance is None:
            _loaded = (
                None,
                False,
                f"libVLC {version.split()[0]} is installed but does not start (plugins missing?): "
                f"{_INSTALL_HINT}. Clip segments cannot play.",
            )
            return _loaded
        probe_instance.release()
        _loaded = (vlc, True, f"libVLC {version}")
        return _loaded


def vlc_status() -> tuple[bool, str]:
    """``(ok, plain message)``: whether libVLC 3 can play clips on this machine."""
    _vlc, ok, message = _load()
    return ok, message


def _vlc() -> ModuleType:
    vlc, ok, message = _load()
    if not ok or vlc is None:
        raise VlcUnavailable(message)
    return vlc


class VlcUnavailable(RuntimeError):
    """libVLC 3 cannot be used; ``str(exc)`` is the plain message for the user."""


# --------------------------------------------------------------------------------------------
# Correct declarations of libvlc_media_track_t (python-vlc #222)


class _AudioTrack(ctypes.Structure):
    _fields_ = (("channels", ctypes.c_uint), ("rate", ctypes.c_uint))


class _VideoTrack(ctypes.Structure):
    _fields_ = (
        ("height", ctypes.c_uint),
        ("width", ctypes.c_uint),
        ("sar_num", ctypes.c_uint),
        ("sar_den", ctypes.c_uint),
        ("frame_rate_num", ctypes.c_uint),
        ("frame_rate_den", ctypes.c_uint),
        # orientation, projection, pose, multiview follow; not needed.
    )


class _MediaTrack(ctypes.Structure):
    _fields_ = (
        ("codec", ctypes.c_uint32),
        ("original_fourcc", ctypes.c_uint32),
        ("id", ctypes.c_int),
        ("type", ctypes.c_int),  # libvlc_track_type_t: -1 unknown, 0 audio, 1 video, 2 text
        ("profile", ctypes.c_int),
        ("level", ctypes.c_int),
        ("detail", ctypes.c_void_p),  # union { audio*, video*, subtitle* }: ONE pointer
        ("bitrate", ctypes.c_uint),
        ("language", ctypes.c_char_p),
        ("description", ctypes.c_char_p),
    )


class _EsChanged(ctypes.Structure):
    """``media_player_es_changed`` of libvlc_event_t (python-vlc's enum field reads as bytes)."""

    _fields_ = (("type", ctypes.c_int), ("id", ctypes.c_int))


_TRACK_AUDIO, _TRACK_VIDEO, _TRACK_TEXT = 0, 1, 2
_track_funcs: tuple[Any, Any] | None = None


def _tracks_functions(vlc: ModuleType) -> tuple[Any, Any]:
    global _track_funcs
    if _track_funcs is None:
        pp_tracks = ctypes.POINTER(ctypes.POINTER(ctypes.POINTER(_MediaTrack)))
        get = ctypes.CFUNCTYPE(ctypes.c_uint, ctypes.c_void_p, pp_tracks)(("libvlc_media_tracks_get", vlc.dll))
        release = ctypes.CFUNCTYPE(None, ctypes.POINTER(ctypes.POINTER(_MediaTrack)), ctypes.c_uint)(
            ("libvlc_media_tracks_release", vlc.dll)
        )
        _track_funcs = (get, release)
    return _track_funcs


@dataclass(frozen=True)
class TrackInfo:
    kind: str  # "video" | "audio" | "text" | "unknown"
    fourcc: str
    codec_description: str | None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    channels: int | None = None
    rate: int | None = None


@dataclass(frozen=True)
class ParseResult:
    status: str  # "done" | "failed" | "timeout" | "skipped"
    duration_ms: int | None
    tracks: tuple[TrackInfo, ...] = field(default_factory=tuple)


def _fourcc(code: int) -> str:
    return code.to_bytes(4, "little").decode("latin-1").strip("\x00 ")


def _read_tracks(vlc: ModuleType, media: Any) -> tuple[TrackInfo, ...]:
    get, release = _tracks_functions(vlc)
    arr = ctypes.POINTER(ctypes.POINTER(_MediaTrack))()
    count = get(media._as_parameter_, ctypes.byref(arr))
    tracks: list[TrackInfo] = []
    try:
        for i in range(count):
            t = arr[i].contents
            try:
                desc = vlc.libvlc_media_get_codec_description(t.type, t.codec)
                desc_s = desc.decode("utf-8", "replace") if desc else None
            except Exception:
                desc_s = None
            if t.type == _TRACK_VIDEO and t.detail:
                v = ctypes.cast(t.detail, ctypes.POINTER(_VideoTrack)).contents
                fps = v.frame_rate_num / v.frame_rate_den if v.frame_rate_den else None
                tracks.append(TrackInfo("video", _fourcc(t.codec), desc_s, v.width or None, v.height or None, fps))
            elif t.type == _TRACK_AUDIO and t.detail:
                a = ctypes.cast(t.detail, ctypes.POINTER(_AudioTrack)).contents
                tracks.append(
                    TrackInfo("audio", _fourcc(t.codec), desc_s, channels=a.channels or None, rate=a.rate or None)
                )
            else:
                kind = {_TRACK_TEXT: "text", _TRACK_VIDEO: "video", _TRACK_AUDIO: "audio"}.get(t.type, "unknown")
                tracks.append(TrackInfo(kind, _fourcc(t.codec), desc_s))
    finally:
        if count:
            release(arr, count)
    return tuple(tracks)


_parse_lock = threading.Lock()
_parse_instance: Any = None


def parse_media(path: Path, timeout_s: float) -> ParseResult:
    """Let libVLC's pre-parser read the container (no decoding, no output). Blocking, bounded.

    Safe from any thread (serialised on a private instance); raises :class:`VlcUnavailable`.
    """
    global _parse_instance
    vlc = _vlc()
    with _parse_lock:
        if _parse_instance is None:
            _parse_instance = vlc.Instance([*BASE_ARGS, "--vout=dummy", "--aout=adummy"])
            if _parse_instance is None:
                raise VlcUnavailable(vlc_status()[1])
        media = _parse_instance.media_new_path(str(path))
        if media is None:
            return ParseResult("failed", None)
        media.add_option(CLIP_DEMUX_OPTION)  # what plays is what is checked
        try:
            timeout_ms = max(1, int(timeout_s * 1000))
            if media.parse_with_options(vlc.MediaParseFlag.local, timeout_ms) != 0:
                return ParseResult("failed", None)
            deadline = time.monotonic() + timeout_s + 1.0
            status = media.get_parsed_status()
            while not status and time.monotonic() < deadline:
                time.sleep(0.005)
                status = media.get_parsed_status()
            if not status:
                media.parse_stop()
                return ParseResult("timeout", None)
            name = {
                vlc.MediaParsedStatus.done: "done",
                vlc.MediaParsedStatus.failed: "failed",
                vlc.MediaParsedStatus.timeout: "timeout",
                vlc.MediaParsedStatus.skipped: "skipped",
            }.get(status, "failed")
            duration = media.get_duration()
            return ParseResult(name, duration if duration and duration > 0 else None, _read_tracks(vlc, media))
        finally:
            media.release()


# --------------------------------------------------------------------------------------------
# Heap tuning

_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
TRIM_DELAY_S = 1.0
_heap_tuned = False
_malloc_trim: Callable[[int], int] | None = None


def tune_heap(mmap_threshold: int = 256 * 1024, arena_max: int = 2) -> bool:
    """glibc: give freed frame buffers back to the OS, and keep libVLC's many threads in a few arenas.

    * Allocations >= *mmap_threshold* are served with mmap. glibc's default threshold grows itself
      up to 32 MB, after which the frame buffers of stopped players stay in its arenas: measured
      over 100 plays of a 720p clip in the output window, RSS wandered between 530 and 670 MB;
      with a fixed 256 KiB threshold it stays at 345-365 MB.
    * At most *arena_max* malloc arenas. Each libVLC player starts a dozen threads, and glibc
      gives threads up to 8 x cores arenas that it never returns: the soak benchmark (1,000 GOs,
      200 plays) grew by about 110 MB with the default and by 4 MB with two arenas.

    Call it before threads start (it only limits arenas made afterwards). Process-wide and
    idempotent; ``False`` where it does not apply.
    """
    global _heap_tuned, _malloc_trim
    if _heap_tuned or not sys.platform.startswith("linux"):
        return _heap_tuned
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
        mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        _heap_tuned = mallopt(_M_MMAP_THRESHOLD, mmap_threshold) == 1 and mallopt(_M_ARENA_MAX, arena_max) == 1
        _malloc_trim = libc.malloc_trim if _heap_tuned else None
    except (OSError, AttributeError):
        _heap_tuned = False
    return _heap_tuned


def give_back_free_memory() -> None:
    """glibc: return the free pages inside the malloc arenas to the OS (``malloc_trim(0)``).

    A stopped player frees its frame buffers and decoder state, but glibc keeps freed memory in its
    arenas for reuse, and fragmentation keeps most of it there: in the soak benchmark the settled
    RSS was 53 MB lower with this. Only after :func:`tune_heap`.
    """
    if _malloc_trim is not None:
        _malloc_trim(0)


# --------------------------------------------------------------------------------------------
# The control thread


class ControlThread:
    """One thread that runs every libVLC control call, in order; urgent jobs go first."""

    def __init__(self, name: str = "libvlc-control") -> None:
        self._urgent: collections.deque = collections.deque()
        self._normal: collections.deque = collections.deque()
        self._cond = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def ident(self) -> int | None:
        return self._thread.ident

    def submit(self, fn: Callable[..., Any], *args: Any, urgent: bool = False) -> concurrent.futures.Future:
        fut: concurrent.futures.Future = concurrent.futures.Future()
        with self._cond:
            if self._stopping:
                fut.set_exception(RuntimeError("control thread stopped"))
                return fut
            (self._urgent if urgent else self._normal).append((fn, args, fut))
            self._cond.notify()
        return fut

    def pending(self) -> int:
        with self._cond:
            return len(self._urgent) + len(self._normal)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._urgent and not self._normal:
                    if self._stopping:
                        return
                    self._cond.wait()
                fn, args, fut = (self._urgent or self._normal).popleft()
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(fn(*args))
            except BaseException as exc:  # keep the thread alive whatever a job does
                log.exception("libVLC control job %s failed", getattr(fn, "__name__", fn))
                fut.set_exception(exc)

    def stop(self, timeout: float) -> bool:
        """Run what is queued, then end. ``True`` if the thread ended within *timeout*."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(timeout)
        return not self._thread.is_alive()


# --------------------------------------------------------------------------------------------
# Players


class Ev:
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


EventSink = Callable[[int, str, Any], None]


@dataclass
class _Player:
    token: int
    player: Any
    media: Any
    events: Any
    callbacks: list = field(default_factory=list)


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
            self.message = (
                f"libVLC could not start with the options {' '.join(args)!r} (bad option or plugins "
                f"missing: {_INSTALL_HINT}). Clip segments cannot play."
            )

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

        def on_error(event: Any) -> None:
            emit(token, Ev.ERROR, "libVLC could not play it (not a video file, damaged, or unreadable)")

        table: Iterable[tuple[Any, Callable, tuple]] = (
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
            self._emit(token, Ev.ERROR, "libVLC could not create a player")
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
            self._emit(token, Ev.ERROR, "libVLC could not open the file")
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
            self._emit(token, Ev.ERROR, "libVLC could not start playing the file")

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

    def _submit(self, fn: Callable[..., Any], *args: Any, urgent: bool = False) -> concurrent.futures.Future | None:
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

    def call(self, fn: Callable[..., Any], *args: Any, urgent: bool = False) -> concurrent.futures.Future | None:
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


# --------------------------------------------------------------------------------------------
# The technician's preview (issue 5), appended: a backend with the preview's extra controls,
# audio devices, a read-only audio snapshot of any backend, and poster frames through the video
# callbacks. The rules above hold: player calls on the backend's control thread, nothing in a
# libVLC callback but copying bytes and setting a flag.


@dataclass(frozen=True)
class AudioState:
    """A player's audio as libVLC reports it (volume 0-200 or -1, mute, device id or None)."""

    volume: int
    muted: bool
    device: str | None


def _list_devices(vlc: ModuleType, player: Any) -> list[tuple[str, str]]:
    head = player.audio_output_device_enum()
    devices: list[tuple[str, str]] = []
    node = head
    try:
        while node:
            dev = node.contents
            ident = (dev.device or b"").decode("utf-8", "replace")
            description = (dev.description or b"").decode("utf-8", "replace").strip() or ident
            if ident:
                devices.append((ident, description))
            node = dev.next
    finally:
        if head:
            vlc.libvlc_audio_output_device_list_release(head)
    return devices


def audio_snapshot(backend: VlcBackend) -> concurrent.futures.Future | None:
    """``{token: AudioState}`` of every player of *backend*, read on its control thread (diagnostics)."""

    def read() -> dict[int, AudioState]:
        out: dict[int, AudioState] = {}
        for token, p in list(backend._players.items()):
            out[token] = AudioState(
                int(p.player.audio_get_volume()), p.player.audio_get_mute() == 1, p.player.audio_output_device_get()
            )
        return out

    return backend.call(read)


#: Qt platforms whose window ids libVLC can draw into.
EMBEDDABLE_PLATFORMS = ("xcb", "windows", "cocoa")

#: Options of every instance that draws into our windows on X11: no OpenGL video output, so
#: libVLC draws with XVideo or plain X11. Its OpenGL output (EGL on Mesa) crashed the process about
#: one run in eight when it set up its context while another player was starting or stopping, which
#: the program output does at every arm and every cut. (``--vout`` does not help: ``set_xwindow()``
#: resets it; these two are inherited.)
X11_WITHOUT_OPENGL_ARGS: tuple[str, ...] = ("--gl=none", "--gles2=none")


def embedded_video_args(args: Sequence[str], platform: str) -> list[str]:
    """*args* plus the options a player drawing into a window of Qt's *platform* needs.

    Options the user gave (``PRESENTER_VLC_ARGS``) win: an explicit ``--gl``/``--gles2`` is kept.
    """
    result = list(args)
    if platform == "xcb":
        given = {a.split("=", 1)[0] for a in result}
        result += [a for a in X11_WITHOUT_OPENGL_ARGS if a.split("=", 1)[0] not in given]
    return result


def _wait_state(player: Any, states: tuple[Any, ...], timeout_s: float) -> Any:
    deadline = time.monotonic() + timeout_s
    state = player.get_state()
    while state not in states and time.monotonic() < deadline:
        time.sleep(0.002)
        state = player.get_state()
    return state


class PreviewBackend(VlcBackend):
    """:class:`VlcBackend` plus what the preview needs: prime, seek, frame step, volume/mute, devices.

    Same rules: every method returns at once, the work runs on this backend's own control thread.

    Measured on libVLC 3.0.24: a player opened with ``:start-paused`` does not show the picture of
    a seek made while it is paused; once it has played (even for no frame) and paused, it does
    (within about 3 frames of the time asked for). :meth:`prime` does that, muted. ``next_frame()``
    steps exactly one frame, but the next resume then jumps about a second ahead unless a seek
    follows the resume.
    """

    def _do_seek(self, token: int, ms: int) -> None:
        p = self._players.get(token)
        if p is not None:
            p.player.set_time(max(0, int(ms)))

    def _do_prime(self, token: int, ms: int | None = 0) -> bool:
        p = self._players.get(token)
        if p is None:
            return False
        vlc = _vlc()
        player = p.player
        muted = player.audio_get_mute() == 1
        player.audio_set_mute(True)
        try:
            player.set_pause(0)
            done = (vlc.State.Ended, vlc.State.Error, vlc.State.Stopped)
            if _wait_state(player, (vlc.State.Playing, *done), 2.0) != vlc.State.Playing:
                return False
            player.set_pause(1)
            if _wait_state(player, (vlc.State.Paused, *done), 2.0) != vlc.State.Paused:
                return False
            if ms is not None:
                player.set_time(max(0, int(ms)))  # its picture, shown by a seek while paused
            time.sleep(0.02)  # the Playing/Paused events reach the sink before the caller hears "primed"
            return True
        finally:
            player.audio_set_mute(muted)

    def _do_step(self, token: int) -> None:
        p = self._players.get(token)
        if p is not None:
            p.player.next_frame()

    def prime(self, token: int, ms: int | None = 0, *, urgent: bool = False) -> concurrent.futures.Future | None:
        """Player *token* (paused) plays muted until libVLC says Playing, pauses and shows the picture
        at *ms* (``None``: stays where it paused). Future of ``True`` when done; it emits Playing and
        Paused. After ``:start-paused`` and after ``next_frame()`` this is how a paused player shows
        the picture of a seek; after a seek while paused, ``next_frame()`` needs it (``ms=None``)."""
        return self._submit(self._do_prime, token, None if ms is None else int(ms), urgent=urgent)

    def step(self, token: int) -> None:
        """One frame forward while paused (``next_frame()``; seek after the next resume)."""
        self._submit(self._do_step, token, urgent=True)

    def _do_set_audio(self, token: int, volume: int, muted: bool) -> None:
        p = self._players.get(token)
        if p is not None:
            p.player.audio_set_mute(bool(muted))
            p.player.audio_set_volume(max(0, min(100, int(volume))))

    def _do_set_device(self, token: int, device_id: str) -> tuple[str | None, bool | None]:
        p = self._players.get(token)
        if p is None:
            return None, None
        p.player.audio_output_device_set(None, device_id)
        got = p.player.audio_output_device_get()
        # Some outputs (ALSA) take any string as a device and report it back: is it a real one?
        listed = [ident for ident, _ in _list_devices(_vlc(), p.player)]
        return got, (device_id in listed) if listed else None

    def _do_devices(self, token: int | None) -> list[tuple[str, str]]:
        vlc = _vlc()
        p = self._players.get(token) if token is not None else None
        if p is not None:
            return _list_devices(vlc, p.player)
        if self._instance is None:
            return []
        player = self._instance.media_player_new()  # its audio output lists the devices; no media
        if player is None:
            return []
        try:
            return _list_devices(vlc, player)
        finally:
            player.release()

    def _do_audio_state(self, token: int) -> AudioState | None:
        p = self._players.get(token)
        if p is None:
            return None
        return AudioState(
            int(p.player.audio_get_volume()), p.player.audio_get_mute() == 1, p.player.audio_output_device_get()
        )

    def seek(self, token: int, ms: int, *, urgent: bool = True) -> None:
        self._submit(self._do_seek, token, int(ms), urgent=urgent)

    def set_audio(self, token: int, volume: int, muted: bool, *, urgent: bool = True) -> None:
        """Volume 0-100 and mute of player *token* (urgent by default: a mute must not wait for a stop;
        ``urgent=False`` right after :meth:`open`, so that it runs after the player exists)."""
        self._submit(self._do_set_audio, token, int(volume), bool(muted), urgent=urgent)

    def set_audio_device(self, token: int, device_id: str) -> concurrent.futures.Future | None:
        """Move player *token*'s audio to *device_id*.

        The future holds ``(audio_output_device_get() after it, whether *device_id* is among the
        enumerated devices or None when the output lists none)``. libVLC 3 ignores a device set
        before the player's audio output exists and a new media starts on the default device
        again: set it after each ``play()`` and compare the result.
        """
        return self._submit(self._do_set_device, token, str(device_id), urgent=True)

    def audio_devices(self, token: int | None = None) -> concurrent.futures.Future | None:
        """Future of ``[(device id, description)]`` from libVLC's enumeration (empty: not supported)."""
        return self._submit(self._do_devices, token)

    def audio_state(self, token: int) -> concurrent.futures.Future | None:
        """Future of the :class:`AudioState` of player *token* (``None`` when it is gone)."""
        return self._submit(self._do_audio_state, token)


_grab_lock = threading.Lock()
_grab_instance: Any = None
GRAB_ARGS: tuple[str, ...] = ("--aout=adummy", "--no-audio", "--avcodec-hw=none", "--no-spu")


def grab_frame(path: Path | str, at_s: float, width: int, height: int, timeout_s: float = 5.0) -> bytes | None:
    """One decoded picture of *path* at about *at_s*, scaled to *width* x *height*: ``width*height*4`` bytes.

    The pixels are libVLC's "RV32" (bytes B, G, R, X: ``QImage.Format_RGB32`` on little-endian
    machines). No window and no sound: the picture comes through ``libvlc_video_set_callbacks``.
    ``None`` when no picture came within *timeout_s* (no video track, cannot be decoded).
    Blocking and bounded; safe from any thread but a libVLC callback (serialised on a private
    instance). Raises :class:`VlcUnavailable`.
    """
    global _grab_instance
    vlc = _vlc()
    width, height = max(2, min(3840, int(width))), max(2, min(2160, int(height)))
    pitch = width * 4
    size = pitch * height
    buf = (ctypes.c_ubyte * (size + 64))()  # libVLC wants the plane aligned on 32 bytes
    address = (ctypes.addressof(buf) + 31) & ~31
    done = threading.Event()
    frame: list[bytes] = []

    # These two run on libVLC's video output thread: hand over the buffer, copy it, set a flag.
    @vlc.CallbackDecorators.VideoLockCb
    def lock(opaque: Any, planes: Any) -> None:
        planes[0] = address
        return None

    @vlc.CallbackDecorators.VideoDisplayCb
    def display(opaque: Any, picture: Any) -> None:
        if not done.is_set():
            frame.append(ctypes.string_at(address, size))
            done.set()

    def finished(event: Any) -> None:  # an event callback: only the flag
        done.set()

    with _grab_lock:
        if _grab_instance is None:
            _grab_instance = vlc.Instance([*BASE_ARGS, *GRAB_ARGS])
            if _grab_instance is None:
                raise VlcUnavailable(vlc_status()[1])
        media = _grab_instance.media_new_path(str(path))
        if media is None:
            return None
        player = _grab_instance.media_player_new()
        if player is None:
            media.release()
            return None
        try:
            media.add_option(":no-audio")
            media.add_option(CLIP_DEMUX_OPTION)
            if at_s > 0:
                media.add_option(f":start-time={at_s:.3f}")
            player.set_media(media)
            vlc.libvlc_video_set_callbacks(player, lock, None, display, None)
            player.video_set_format("RV32", width, height, pitch)
            events = vlc.libvlc_media_player_event_manager(player)  # not event_manager(): it leaks
            for event_type in (vlc.EventType.MediaPlayerEncounteredError, vlc.EventType.MediaPlayerEndReached):
                events.event_attach(event_type, finished)
            if player.play() == 0:
                done.wait(max(0.1, timeout_s))
            player.stop()  # synchronous: no callback runs after it
        finally:
            player.release()
            media.release()
    return frame[0] if frame else None

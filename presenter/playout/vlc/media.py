"""What libVLC reads from a clip without playing it: the container's tracks (:func:`parse_media`)
and one decoded picture (:func:`grab_frame`). Blocking and bounded, safe from any thread but a
libVLC callback; each serialised on a private instance.

python-vlc's ``tracks_get`` mis-declares the track union (reading ``.video`` segfaults, python-vlc
#222): tracks are read through correctly declared ctypes structs here.
"""

from __future__ import annotations

import ctypes
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from presenter.playout.vlc.loader import BASE_ARGS, CLIP_DEMUX_OPTION, VlcUnavailable, _vlc, vlc_status


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
    @vlc.CallbackDecorators.VideoLockCb  # type: ignore[untyped-decorator]  # python-vlc has no types
    def lock(opaque: Any, planes: Any) -> None:
        planes[0] = address
        return None

    @vlc.CallbackDecorators.VideoDisplayCb  # type: ignore[untyped-decorator]
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
            _grab_setup(vlc, player, media, at_s, (lock, display, finished), (width, height, pitch))
            if player.play() == 0:
                done.wait(max(0.1, timeout_s))
            player.stop()  # synchronous: no callback runs after it
        finally:
            player.release()
            media.release()
    return frame[0] if frame else None


Callbacks = tuple[Any, Any, Any]  # lock, display, finished
Size = tuple[int, int, int]  # width, height, pitch


def _grab_setup(vlc: ModuleType, player: Any, media: Any, at_s: float, callbacks: Callbacks, size: Size) -> None:
    """*player* plays *media* from *at_s* without sound into the video *callbacks* at *size*."""
    lock, display, finished = callbacks
    width, height, pitch = size
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

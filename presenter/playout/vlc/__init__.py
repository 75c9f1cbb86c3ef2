"""libVLC 3 through python-vlc, in rooms of their own.

* :mod:`.loader` - the one ``import vlc`` (injectable: :func:`set_vlc_loader`), :func:`vlc_status`, the options.
* :mod:`.media` - reading a clip without playing it: :func:`parse_media`, :func:`grab_frame`.
* :mod:`.control` - the control thread every libVLC control call runs on.
* :mod:`.backend` - :class:`VlcBackend`, the players of one instance, and the events :class:`Ev`.
* :mod:`.preview_backend` - :class:`PreviewBackend`, the preview's extra controls and audio devices.
* :mod:`.heap` - glibc heap tuning for many players.
* :mod:`.position` - the position of a playing clip between libVLC's coarse time reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presenter.playout.vlc.backend import Ev, EventSink, VlcBackend
    from presenter.playout.vlc.control import ControlThread
    from presenter.playout.vlc.heap import TRIM_DELAY_S, give_back_free_memory, tune_heap
    from presenter.playout.vlc.loader import (
        BASE_ARGS,
        CLIP_DEMUX_OPTION,
        EMBEDDABLE_PLATFORMS,
        MISSING_MESSAGE,
        SIMULATE_MISSING_ENV,
        X11_WITHOUT_OPENGL_ARGS,
        VlcUnavailable,
        embedded_video_args,
        reset_vlc_status,
        set_vlc_loader,
        vlc_status,
    )
    from presenter.playout.vlc.media import GRAB_ARGS, ParseResult, TrackInfo, grab_frame, parse_media
    from presenter.playout.vlc.preview_backend import AudioState, PreviewBackend, audio_snapshot

_ROOMS = {
    "backend": ("Ev", "EventSink", "VlcBackend"),
    "control": ("ControlThread",),
    "heap": ("TRIM_DELAY_S", "give_back_free_memory", "tune_heap"),
    "loader": (
        "BASE_ARGS", "CLIP_DEMUX_OPTION", "EMBEDDABLE_PLATFORMS", "MISSING_MESSAGE", "SIMULATE_MISSING_ENV",
        "X11_WITHOUT_OPENGL_ARGS", "VlcUnavailable", "embedded_video_args", "reset_vlc_status", "set_vlc_loader",
        "vlc_status",
    ),
    "media": ("GRAB_ARGS", "ParseResult", "TrackInfo", "grab_frame", "parse_media"),
    "preview_backend": ("AudioState", "PreviewBackend", "audio_snapshot"),
}  # fmt: skip
_ROOM_OF = {name: room for room, names in _ROOMS.items() for name in names}


def __getattr__(name: str) -> Any:
    """A room only when one of its names is asked for: start-up imports `.heap` (tune_heap) before Qt, and
    the players' rooms (ctypes, threads) load after the director's first paint (issue 21, start-up time)."""
    room = _ROOM_OF.get(name)
    if room is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{room}"), name)
    globals()[name] = value  # asked once: a plain attribute from then on (and patchable like one)
    return value


__all__ = [
    "BASE_ARGS", "CLIP_DEMUX_OPTION", "EMBEDDABLE_PLATFORMS", "GRAB_ARGS", "MISSING_MESSAGE", "SIMULATE_MISSING_ENV",
    "TRIM_DELAY_S", "X11_WITHOUT_OPENGL_ARGS", "AudioState", "ControlThread", "Ev", "EventSink", "ParseResult",
    "PreviewBackend", "TrackInfo", "VlcBackend", "VlcUnavailable", "audio_snapshot", "embedded_video_args",
    "give_back_free_memory", "grab_frame", "parse_media", "reset_vlc_status", "set_vlc_loader", "tune_heap",
    "vlc_status",
]  # fmt: skip

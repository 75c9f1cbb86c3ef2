"""Loading libVLC: the one ``import vlc`` of the project, its status in plain words, the options.

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

import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from types import ModuleType

from presenter.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

SIMULATE_MISSING_ENV = "PRESENTER_SIMULATE_NO_LIBVLC"

if sys.platform.startswith("win"):
    _INSTALL_HINT = QT_TRANSLATE_NOOP("Clip", "install VLC 3 (64-bit) from https://www.videolan.org")
elif sys.platform == "darwin":
    _INSTALL_HINT = QT_TRANSLATE_NOOP("Clip", "install VLC 3 from https://www.videolan.org into /Applications")
else:
    _INSTALL_HINT = QT_TRANSLATE_NOOP(
        "Clip", "install VLC 3 (Debian: apt install libvlc5 vlc-plugin-base vlc-plugin-video-output)"
    )

_MISSING = QT_TRANSLATE_NOOP("Clip", "libVLC 3 is not installed: {hint}. Clip segments cannot play.")
MISSING_MESSAGE = _MISSING.format(hint=_INSTALL_HINT)  # in English; vlc_status() says it in the user's language
_NOT_SUPPORTED = QT_TRANSLATE_NOOP(
    "Clip", "libVLC {version} is not supported, libVLC 3 is needed: {hint}. Clip segments cannot play."
)
_DOES_NOT_START = QT_TRANSLATE_NOOP(
    "Clip", "libVLC {version} is installed but does not start (plugins missing?): {hint}. Clip segments cannot play."
)


def install_hint() -> str:
    """How to install libVLC on this system, in the user's language."""
    return translate("Clip", _INSTALL_HINT)


def _said(message: tuple[str, dict[str, str]]) -> str:
    """A status message in the user's language (it is cached before a language may be chosen)."""
    source, values = message
    if not values and "{" not in source:
        return source
    return translate("Clip", source).format(hint=install_hint(), **values)


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


def _default_loader() -> ModuleType:
    if os.environ.get(SIMULATE_MISSING_ENV, "").strip() not in ("", "0"):
        raise ImportError(f"libVLC hidden by {SIMULATE_MISSING_ENV}")
    import vlc  # type: ignore[import-untyped]  # the only import of vlc in the project (no stubs)

    module: ModuleType = vlc
    return module


_loader: Callable[[], ModuleType] = _default_loader
_load_lock = threading.Lock()
_loaded: tuple[ModuleType | None, bool, tuple[str, dict[str, str]]] | None = None  # (module, ok, message)


def set_vlc_loader(loader: Callable[[], ModuleType] | None) -> None:
    """Replace how python-vlc is imported (tests: a loader that raises simulates no libVLC).

    ``None`` restores the default. Clears the cached status.
    """
    global _loader, _loaded
    with _load_lock:
        _loader = loader or _default_loader
        _loaded = None


def _load() -> tuple[ModuleType | None, bool, tuple[str, dict[str, str]]]:
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
            _loaded = (None, False, (_MISSING, {}))
            return _loaded
        try:
            version = vlc.libvlc_get_version().decode("utf-8", "replace")
        except Exception as exc:
            log.warning("libVLC version unknown: %s", exc)
            _loaded = (None, False, (_MISSING, {}))
            return _loaded
        if not version.startswith("3."):
            _loaded = (None, False, (_NOT_SUPPORTED, {"version": version.split()[0]}))
            return _loaded
        probe_instance = vlc.Instance(["--quiet", "--vout=dummy", "--aout=adummy"])
        if probe_instance is None:
            _loaded = (None, False, (_DOES_NOT_START, {"version": version.split()[0]}))
            return _loaded
        probe_instance.release()
        _loaded = (vlc, True, (f"libVLC {version}", {}))
        return _loaded


def vlc_status() -> tuple[bool, str]:
    """``(ok, plain message)``: whether libVLC 3 can play clips on this machine."""
    _vlc, ok, message = _load()
    return ok, _said(message)


def _vlc() -> ModuleType:
    vlc, ok, message = _load()
    if not ok or vlc is None:
        raise VlcUnavailable(_said(message))
    return vlc


class VlcUnavailable(RuntimeError):
    """libVLC 3 cannot be used; ``str(exc)`` is the plain message for the user."""


def reset_vlc_status() -> None:
    """Forget the cached status: the next :func:`vlc_status` loads again (after the environment changed)."""
    global _loaded
    with _load_lock:
        _loaded = None


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

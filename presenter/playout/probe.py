"""Media probing: what a clip is and whether it can play, in plain words.

``probe()`` is blocking but bounded, needs no Qt, and never raises for a bad file: it checks the file
itself (exists, readable, not empty, MP4 box structure complete), then lets libVLC's pre-parser read
the container (``parse_with_options`` with a timeout; nothing is decoded or shown).

Run ``python -m presenter.playout.probe FILE...`` to see what it says about files.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presenter.clips.files import Fault, FileId, check_file, file_problem, media_summary
from presenter.i18n import translate
from presenter.playout import vlc

#: Frame rates that play smoothly on the 25 fps stream; others get a warning.
STANDARD_FPS: tuple[float, ...] = (25.0, 50.0)
#: Landscape frame sizes that need no comment.
STANDARD_SIZES: frozenset[tuple[int, int]] = frozenset(
    {
        (3840, 2160), (2560, 1440), (1920, 1080), (1600, 900), (1280, 720), (1024, 576),
        (960, 540), (854, 480), (640, 360), (480, 270), (426, 240), (320, 180),
    }
)  # fmt: skip

_CODEC_NAMES = {
    "h264": "H.264", "avc1": "H.264", "hevc": "H.265/HEVC", "h265": "H.265/HEVC",
    "VP90": "VP9", "VP80": "VP8", "av01": "AV1", "mp4v": "MPEG-4 Part 2", "mpgv": "MPEG-2",
    "mp2v": "MPEG-2", "MJPG": "Motion JPEG", "apch": "ProRes 422 HQ", "apcn": "ProRes 422",
    "apcs": "ProRes 422 LT", "apco": "ProRes 422 Proxy", "ap4h": "ProRes 4444",
    "mp4a": "AAC", "Opus": "Opus", "mpga": "MPEG audio", "mp3": "MP3", "a52": "AC-3",
    "eac3": "E-AC-3", "vorb": "Vorbis", "flac": "FLAC", "s16l": "PCM", "s24l": "PCM", "araw": "PCM",
}  # fmt: skip


#: :attr:`MediaInfo.fault`: the file is not there, libVLC could not check it, it has no picture.
MISSING, UNCHECKED, NO_VIDEO, NOT_VIDEO = "missing", "unchecked", "no-video", "not-video"


def number_text(value: float) -> str:
    """``2.5`` as the user's language writes it (``2,5`` in German), without trailing zeros."""
    from PySide6.QtCore import QLocale  # only the number format: the probe needs no Qt application

    return QLocale().toString(float(value), "g", 6)


@dataclass(frozen=True)
class MediaInfo:
    """What :func:`probe` found. Optional fields are ``None`` when unknown."""

    path: Path
    ok: bool
    problem: str | None
    duration_s: float | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    video_codec: str | None = None
    audio_codec: str | None = None
    audio_channels: int | None = None
    audio_rate: int | None = None
    container: str | None = None
    size_bytes: int | None = None
    mtime: float | None = None
    warnings: tuple[str, ...] = ()
    file_id: FileId | None = None  # which file was probed (a changed file is probed again)
    #: Why it cannot play, for code (the problem text is in the user's language): a ProbeFault or "".
    fault: str = ""

    def summary(self) -> str:
        """One line for a log or ``--check``: ``1280x720 25 fps H.264/AAC 1:15`` or the problem."""
        if not self.ok:
            return f"{self.path.name}: {self.problem}"
        text = f"{self.path.name}: " + media_summary(self)
        if self.warnings:
            text += " (" + "; ".join(self.warnings) + ")"
        return text


def quick_check(path: Path) -> str | None:
    """The cheap part of :func:`probe` (no libVLC): exists, readable, not empty, MP4 not truncated."""
    return file_problem(path)


def probe(path: Path, timeout_s: float = 5.0) -> MediaInfo:
    """Probe *path*. Blocking (bounded by about *timeout_s*), thread-safe, never raises for bad files."""
    path = Path(path)
    checked = check_file(path)
    base: dict[str, Any] = {
        "size_bytes": checked.size_bytes, "mtime": checked.mtime, "file_id": checked.identity,
        "container": checked.container,
    }  # fmt: skip
    if checked.problem is not None:
        missing = checked.problem.fault is Fault.NOT_FOUND
        return MediaInfo(path, False, str(checked.problem), fault=MISSING if missing else "", **base)
    container = checked.container

    try:
        parsed = vlc.parse_media(path, timeout_s)
    except vlc.VlcUnavailable as exc:
        why = translate("Clip", "cannot be checked: {error}").format(error=exc)
        return MediaInfo(path, False, why, fault=UNCHECKED, **base)
    except Exception as exc:  # a libVLC surprise must not take the caller down
        why = translate("Clip", "cannot be checked: libVLC failed ({error})").format(error=exc)
        return MediaInfo(path, False, why, fault=UNCHECKED, **base)

    if parsed.status == "timeout":
        why = translate("Clip", "cannot be decoded: libVLC did not finish reading it in {seconds} s")
        return MediaInfo(path, False, why.format(seconds=number_text(timeout_s)), **base)
    video = next((t for t in parsed.tracks if t.kind == "video"), None)
    audio = next((t for t in parsed.tracks if t.kind == "audio"), None)
    info = {
        **base,
        "duration_s": parsed.duration_ms / 1000.0 if parsed.duration_ms else None,
        "width": video.width if video else None,
        "height": video.height if video else None,
        "fps": round(video.fps, 3) if video and video.fps else None,
        "video_codec": _codec_name(video) if video else None,
        "audio_codec": _codec_name(audio) if audio else None,
        "audio_channels": audio.channels if audio else None,
        "audio_rate": audio.rate if audio else None,
    }
    if not parsed.tracks:
        if parsed.status == "failed" or container is None:
            return MediaInfo(path, False, translate("Clip", "not a video file"), fault=NOT_VIDEO, **info)
        why = translate("Clip", "cannot be decoded: no audio or video found in it")
        return MediaInfo(path, False, why, **info)
    if video is None:
        if audio is not None:
            return MediaInfo(path, False, translate("Clip", "no video track (audio only)"), fault=NO_VIDEO, **info)
        why = translate("Clip", "not a video file (no video track)")
        return MediaInfo(path, False, why, fault=NOT_VIDEO, **info)
    return MediaInfo(path, True, None, warnings=_warnings(video, audio), **info)


def _codec_name(track: vlc.TrackInfo) -> str:
    name = _CODEC_NAMES.get(track.fourcc)
    if name:
        return name
    if track.codec_description:
        return track.codec_description.split(" - ")[0]
    return track.fourcc or translate("Clip", "unknown")


def _warnings(video: vlc.TrackInfo, audio: vlc.TrackInfo | None) -> tuple[str, ...]:
    out: list[str] = []
    w, h, fps = video.width, video.height, video.fps
    if fps and not any(abs(fps - s) < 0.01 for s in STANDARD_FPS):
        out.append(
            translate("Clip", "unusual frame rate {fps} fps (the stream runs at 25 fps; motion may judder)").format(
                fps=number_text(fps)
            )
        )
    if w and h:
        if h > w:
            out.append(
                translate("Clip", "vertical video {w}x{h} (shown with black bars left and right)").format(w=w, h=h)
            )
        elif (w, h) not in STANDARD_SIZES:
            out.append(
                translate("Clip", "odd size {w}x{h} (not a standard 16:9 size; it will be scaled)").format(w=w, h=h)
            )
    if audio is None:
        out.append(translate("Clip", "no audio track (the clip is silent)"))
    return tuple(out)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m presenter.playout.probe FILE...", file=sys.stderr)
        return 2
    print(vlc.vlc_status()[1])
    bad = 0
    for name in args:
        info = probe(Path(name))
        bad += not info.ok
        print(("OK   " if info.ok else "BAD  ") + info.summary())
    return 1 if bad else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    raise SystemExit(main())

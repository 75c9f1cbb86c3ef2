"""Media probing: what a clip is and whether it can play, in plain words.

``probe()`` is blocking but bounded, needs no Qt, and never raises for a bad file: it checks the file
itself (exists, readable, not empty, MP4 box structure complete), then lets libVLC's pre-parser read
the container (``parse_with_options`` with a timeout; nothing is decoded or shown).

Run ``python -m presenter.playout.probe FILE...`` to see what it says about files.
"""

from __future__ import annotations

import os
import stat as stat_mod
import sys
from dataclasses import dataclass
from pathlib import Path

from presenter.playout import vlc_adapter

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

_MP4_TOP_BOXES = {
    b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot", b"uuid", b"styp", b"sidx",
    b"moof", b"mfra", b"meta", b"pdin", b"prft", b"emsg", b"ssix", b"junk",
}  # fmt: skip


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

    def summary(self) -> str:
        """One line for a log or ``--check``: ``1280x720 25 fps H.264/AAC 1:15`` or the problem."""
        if not self.ok:
            return f"{self.path.name}: {self.problem}"
        parts = []
        if self.width and self.height:
            parts.append(f"{self.width}x{self.height}")
        if self.fps:
            parts.append(f"{_fmt_fps(self.fps)} fps")
        codecs = "/".join(c for c in (self.video_codec, self.audio_codec) if c)
        if codecs:
            parts.append(codecs)
        if self.duration_s is not None:
            m, s = divmod(round(self.duration_s), 60)
            parts.append(f"{m}:{s:02d}")
        text = f"{self.path.name}: " + " ".join(parts)
        if self.warnings:
            text += " (" + "; ".join(self.warnings) + ")"
        return text


def _fmt_fps(fps: float) -> str:
    return f"{fps:.3f}".rstrip("0").rstrip(".")


def _container(head: bytes, path: Path) -> str | None:
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand == b"qt  ":
            return "QuickTime MOV"
        if brand in (b"M4A ", b"M4B "):
            return "MP4 (M4A audio)"
        return "MP4"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "WebM" if b"webm" in head[:64] else "Matroska"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "AVI"
    if head[:1] == b"\x47" and len(head) > 188 and head[188:189] == b"\x47":
        return "MPEG-TS"
    if head[:4] == b"\x00\x00\x01\xba":
        return "MPEG-PS"
    if head[4:8] in _MP4_TOP_BOXES:
        return "QuickTime MOV" if path.suffix.lower() == ".mov" else "MP4"
    return None


#: How a text file that points elsewhere starts (a playlist saved, or renamed, as a clip).
_PLAYLIST_STARTS = (b"#extm3u", b"#extinf", b"[playlist]", b"<?xml", b"<asx", b"<smil", b"<playlist", b"[reference]")
_URL_SCHEMES = (b"http://", b"https://", b"rtsp://", b"rtmp://", b"udp://", b"rtp://", b"ftp://", b"mms://", b"file://")

PLAYLIST_PROBLEM = (
    "not a video file: it is a playlist (a text file that points to other files or network addresses); "
    "a clip must be a local video file"
)
LINK_PROBLEM = (
    "not a video file: it is a text file with a network address in it (a link?); a clip must be a local video file"
)


def _playlist_problem(head: bytes) -> str | None:
    """A playlist or link instead of a video: libVLC would open what it points to (even over HTTP)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(_PLAYLIST_STARTS):
        return PLAYLIST_PROBLEM
    if b"\x00" not in head and any(scheme in text for scheme in _URL_SCHEMES):
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # not text (a multi-byte character cut at the end is)
                return None
        return LINK_PROBLEM
    return None


def _mp4_structure_problem(path: Path, size: int) -> str | None:
    """Walk the top-level boxes of an MP4/MOV: a box running past the end means truncated."""
    try:
        with path.open("rb") as f:
            pos = 0
            seen: set[bytes] = set()
            for _ in range(100_000):
                if pos >= size:
                    break
                f.seek(pos)
                hdr = f.read(16)
                if len(hdr) < 8:
                    return _truncated(pos, pos + 8)
                box_size = int.from_bytes(hdr[:4], "big")
                box_type = hdr[4:8]
                if box_size == 1:
                    if len(hdr) < 16:
                        return _truncated(pos, pos + 16)
                    box_size = int.from_bytes(hdr[8:16], "big")
                elif box_size == 0:
                    box_size = size - pos
                if box_size < 8:
                    return "cannot be decoded: damaged (broken MP4 structure)"
                seen.add(box_type)
                if pos + box_size > size:
                    return _truncated(size, pos + box_size)
                pos += box_size
            if b"moov" not in seen and b"moof" not in seen:
                return "cannot be decoded: no movie header (moov box missing; incomplete download?)"
    except OSError as exc:
        return f"file cannot be read ({exc.strerror or exc})"
    return None


def _truncated(have: int, need: int) -> str:
    pct = 100.0 * have / need if need else 0.0
    return f"cannot be decoded: truncated (only {pct:.0f} % of the data is there; was the copy interrupted?)"


def _file_checks(path: Path) -> tuple[str | None, dict]:
    """Checks without libVLC: ``(problem or None, known fields)``."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return "file not found", {}
    except OSError as exc:
        return f"file cannot be read ({exc.strerror or exc})", {}
    size, mtime = st.st_size, st.st_mtime
    base: dict = {"size_bytes": size, "mtime": mtime}
    if stat_mod.S_ISDIR(st.st_mode):
        return "is a folder, not a file", base
    if not stat_mod.S_ISREG(st.st_mode):
        return "not a regular file", base
    if size == 0:
        return "file is empty (0 bytes)", base
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as exc:
        return f"file cannot be read ({exc.strerror or exc})", base
    container = _container(head, path)
    base["container"] = container
    if container is None:
        problem = _playlist_problem(head)
        if problem:
            return problem, base
    if container in ("MP4", "QuickTime MOV", "MP4 (M4A audio)"):
        problem = _mp4_structure_problem(path, size)
        if problem:
            return problem, base
    return None, base


def quick_check(path: Path) -> str | None:
    """The cheap part of :func:`probe` (no libVLC): exists, readable, not empty, MP4 not truncated."""
    return _file_checks(Path(path))[0]


def probe(path: Path, timeout_s: float = 5.0) -> MediaInfo:
    """Probe *path*. Blocking (bounded by about *timeout_s*), thread-safe, never raises for bad files."""
    path = Path(path)
    problem, base = _file_checks(path)
    if problem:
        return MediaInfo(path, False, problem, **base)
    container = base.get("container")

    try:
        parsed = vlc_adapter.parse_media(path, timeout_s)
    except vlc_adapter.VlcUnavailable as exc:
        return MediaInfo(path, False, f"cannot be checked: {exc}", **base)
    except Exception as exc:  # a libVLC surprise must not take the caller down
        return MediaInfo(path, False, f"cannot be checked: libVLC failed ({exc})", **base)

    if parsed.status == "timeout":
        return MediaInfo(path, False, f"cannot be decoded: libVLC did not finish reading it in {timeout_s:g} s", **base)
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
            return MediaInfo(path, False, "not a video file", **info)
        return MediaInfo(path, False, "cannot be decoded: no audio or video found in it", **info)
    if video is None:
        if audio is not None:
            return MediaInfo(path, False, "no video track (audio only)", **info)
        return MediaInfo(path, False, "not a video file (no video track)", **info)
    return MediaInfo(path, True, None, warnings=_warnings(video, audio), **info)


def _codec_name(track: vlc_adapter.TrackInfo) -> str:
    name = _CODEC_NAMES.get(track.fourcc)
    if name:
        return name
    if track.codec_description:
        return track.codec_description.split(" - ")[0]
    return track.fourcc or "unknown"


def _warnings(video: vlc_adapter.TrackInfo, audio: vlc_adapter.TrackInfo | None) -> tuple[str, ...]:
    out: list[str] = []
    w, h, fps = video.width, video.height, video.fps
    if fps and not any(abs(fps - s) < 0.01 for s in STANDARD_FPS):
        out.append(f"unusual frame rate {_fmt_fps(fps)} fps (the stream runs at 25 fps; motion may judder)")
    if w and h:
        if h > w:
            out.append(f"vertical video {w}x{h} (shown with black bars left and right)")
        elif (w, h) not in STANDARD_SIZES:
            out.append(f"odd size {w}x{h} (not a standard 16:9 size; it will be scaled)")
    if audio is None:
        out.append("no audio track (the clip is silent)")
    return tuple(out)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m presenter.playout.probe FILE...", file=sys.stderr)
        return 2
    print(vlc_adapter.vlc_status()[1])
    bad = 0
    for name in args:
        info = probe(Path(name))
        bad += not info.ok
        print(("OK   " if info.ok else "BAD  ") + info.summary())
    return 1 if bad else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    raise SystemExit(main())

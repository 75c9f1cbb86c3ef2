#!/usr/bin/env python3
"""Regenerate the committed sample clips and the small test media files.

Usage (from the repository root, or anywhere)::

    python tools/make_sample_clips.py            # everything
    python tools/make_sample_clips.py --only clips
    python tools/make_sample_clips.py --only media

Writes

* ``assets/clips/minimogli.mp4`` and ``assets/clips/autonomous-driving.mp4`` -- placeholder
  clips for the show "Smart RLP" (1280x720, 25 fps, H.264 yuv420p + AAC stereo 48 kHz,
  +faststart), and
* the tiny files under ``tests/data/media/`` used by the test-suite.

Every picture is a KNOWN TEST PATTERN: a solid background colour (see ``CLIP_COLOURS``)
with text only in the centre of the frame, so a test can sample a pixel near a corner
(e.g. at 10 % / 10 % of the frame) and tell which clip is showing.

Colours are converted to YUV with the BT.601 matrix (limited range) and the streams are
tagged as such (matrix smpte170m; primaries/transfer bt709 = sRGB).  BT.601 rather than
BT.709 because libVLC 3's snapshot converter ignores the colour tags and always uses
BT.601; ffmpeg honours the tags.  So a VLC snapshot, an ffmpeg-extracted frame and the
on-screen picture all decode to the documented RGB values (within a few units).

This is a developer tool: it needs the ``ffmpeg`` binary (with libx264, libvpx-vp9,
libopus, libfreetype) and the DejaVu Sans font (Debian package fonts-dejavu-core).
Users never need it -- the generated files are committed.  Standard library only.

The output is deterministic for a given ffmpeg/x264/libvpx build (bit-exact flags,
no metadata, fixed thread counts), so re-running it does not produce spurious diffs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIPS_DIR = ROOT / "assets" / "clips"
MEDIA_DIR = ROOT / "tests" / "data" / "media"
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

#: Background colour (R, G, B) of every generated picture, keyed by file stem.  After
#: H.264/VP9 encoding and decoding back to RGB (BT.601 limited range) a pixel away from
#: the centred text is within a few units of these values (tests should allow +-12).
CLIP_COLOURS: dict[str, tuple[int, int, int]] = {
    # Sample clips for the show (assets/clips/).
    "minimogli": (0, 160, 80),
    "autonomous-driving": (30, 60, 200),
    # Test media (tests/data/media/); "Umlaut Clip – Straße" is a byte copy of short-ok.
    "short-ok": (200, 30, 30),
    "vertical": (120, 40, 160),
    "fifty-fps": (230, 160, 0),
    "vp9": (0, 150, 160),
    "odd-size": (90, 90, 90),
}

#: Frequency (Hz) of the sine tone in each file's audio track.
TONES_HZ: dict[str, float] = {
    "minimogli": 440.0,
    "autonomous-driving": 660.0,
    "short-ok": 1000.0,
    "audio-only": 550.0,
    "vertical": 330.0,
    "fifty-fps": 880.0,
    "vp9": 770.0,
    "odd-size": 220.0,
}

UMLAUT_NAME = unicodedata.normalize("NFC", "Umlaut Clip – Straße.mp4")

# Bit-exact, metadata-free output so that re-running gives identical bytes.
DETERMINISTIC = [
    "-fflags", "+bitexact",
    "-flags:v", "+bitexact",
    "-flags:a", "+bitexact",
    "-map_metadata", "-1",
    "-map_chapters", "-1",
]  # fmt: skip

COLOUR_TAGS = [
    "-colorspace", "smpte170m",  # BT.601 matrix, see the module docstring
    "-color_primaries", "bt709",
    "-color_trc", "bt709",
    "-color_range", "tv",
]  # fmt: skip


@dataclass(frozen=True)
class Video:
    """One generated video file."""

    out: Path
    key: str  # key into CLIP_COLOURS / TONES_HZ
    size: tuple[int, int]
    rate: str  # frame rate as ffmpeg accepts it ("25", "24000/1001")
    seconds: float
    title: str
    subtitle: str = ""
    codec: str = "h264"  # "h264" or "vp9"
    crf: int = 28
    gop: int = 50  # keyframe interval in frames
    audio_kbps: int = 96


def _hex(rgb: tuple[int, int, int]) -> str:
    return "0x{:02X}{:02X}{:02X}".format(*rgb)


def _drawtext(textfile: str, size: int, y: str, *, expand: bool = False) -> str:
    # Text is read from a file in ffmpeg's working directory, so no text escaping is needed
    # (and the en dash / umlauts go through untouched).  The font path is checked by
    # _check_tools() to contain no filter-graph metacharacters.
    opts = [
        f"fontfile={FONT_FILE}",
        f"textfile={textfile}",
        f"expansion={'normal' if expand else 'none'}",
        f"fontsize={size}",
        "fontcolor=white",
        "box=1",
        "boxcolor=black@0.45",
        f"boxborderw={max(4, size // 4)}",
        "x=(w-text_w)/2",
        f"y={y}",
    ]
    return "drawtext=" + ":".join(opts)


def _video_filter(v: Video, tmp: Path) -> str:
    w, h = v.size
    base = min(w, h)  # font sizes scale with the short side (vertical video!)
    title_size = max(10, round(base * 0.075))
    sub_size = max(8, round(base * 0.036))
    tc_size = max(9, round(base * 0.06))

    (tmp / f"{v.key}-title.txt").write_text(v.title, encoding="utf-8")
    (tmp / f"{v.key}-sub.txt").write_text(v.subtitle, encoding="utf-8")
    # %{pts:hms} -> running HH:MM:SS.mmm, %{n} -> frame number (text expansion).
    (tmp / f"{v.key}-tc.txt").write_text("%{pts:hms}   frame %{n}", encoding="utf-8")

    tc_offset = round(sub_size * 2.2) if v.subtitle else round(title_size * 0.4)
    chain = [
        # Draw in RGB, then convert to yuv420p with an explicit BT.601 limited-range matrix
        # (what the streams are tagged as; see the module docstring for why not BT.709).
        "format=rgb24",
        _drawtext(f"{v.key}-title.txt", title_size, f"h/2-{round(title_size * 1.6)}"),
    ]
    if v.subtitle:
        chain.append(_drawtext(f"{v.key}-sub.txt", sub_size, f"h/2+{round(sub_size * 0.2)}"))
    chain += [
        _drawtext(f"{v.key}-tc.txt", tc_size, f"h/2+{tc_offset}", expand=True),
        "scale=out_color_matrix=bt601:out_range=tv",
        "format=yuv420p",
    ]
    return ",".join(chain)


def _make_video(ffmpeg: str, v: Video, tmp: Path) -> None:
    w, h = v.size
    colour = CLIP_COLOURS[v.key]
    tone = TONES_HZ[v.key]
    cmd = [
        ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
        "-f", "lavfi",
        "-i", f"color=c={_hex(colour)}:s={w}x{h}:r={v.rate}:d={v.seconds}",
        "-f", "lavfi",
        "-i", f"sine=frequency={tone}:sample_rate=48000:duration={v.seconds}",
        "-vf", _video_filter(v, tmp),
        "-t", str(v.seconds),
    ]  # fmt: skip
    if v.codec == "h264":
        cmd += [
            "-c:v", "libx264", "-preset", "medium", "-crf", str(v.crf),
            "-pix_fmt", "yuv420p", "-profile:v", "high",
            "-g", str(v.gop), "-keyint_min", str(v.gop), "-sc_threshold", "0",
            "-threads", "4",
            *COLOUR_TAGS,
            "-c:a", "aac", "-b:a", f"{v.audio_kbps}k", "-ar", "48000", "-ac", "2",
            "-movflags", "+faststart",
        ]  # fmt: skip
    elif v.codec == "vp9":
        cmd += [
            "-c:v", "libvpx-vp9", "-b:v", "0", "-crf", str(v.crf),
            "-deadline", "good", "-cpu-used", "4", "-row-mt", "0", "-threads", "1",
            "-pix_fmt", "yuv420p", "-g", str(v.gop),
            *COLOUR_TAGS,
            "-c:a", "libopus", "-b:a", f"{v.audio_kbps}k", "-ar", "48000", "-ac", "2",
        ]  # fmt: skip
    else:
        raise ValueError(f"unknown codec {v.codec!r}")
    cmd += [*DETERMINISTIC, str(v.out)]
    _run(cmd, cwd=tmp)


def _make_audio_only(ffmpeg: str, out: Path, seconds: float) -> None:
    cmd = [
        ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
        "-f", "lavfi",
        "-i", f"sine=frequency={TONES_HZ['audio-only']}:sample_rate=48000:duration={seconds}",
        "-c:a", "aac", "-b:a", "64k", "-ar", "48000", "-ac", "2",
        "-movflags", "+faststart",
        *DETERMINISTIC, str(out),
    ]  # fmt: skip
    _run(cmd)


def _run(cmd: list[str], cwd: Path | None = None) -> None:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"ffmpeg failed ({result.returncode}): {' '.join(cmd)}")


def sample_clips() -> list[Video]:
    show = "Smart RLP · Kaiserslautern · 19.01.2021 · placeholder"
    return [
        Video(
            out=CLIPS_DIR / "minimogli.mp4",
            key="minimogli",
            size=(1280, 720),
            rate="25",
            seconds=75,
            title="MiniMOGLI – Sample clip",
            subtitle=show,
        ),
        Video(
            out=CLIPS_DIR / "autonomous-driving.mp4",
            key="autonomous-driving",
            size=(1280, 720),
            rate="25",
            seconds=60,
            title="Teilautonomes Fahren – Sample clip",
            subtitle=show,
        ),
    ]


def media_videos() -> list[Video]:
    small = (320, 180)
    return [
        Video(MEDIA_DIR / "short-ok.mp4", "short-ok", small, "25", 3, "short-ok", gop=25),
        Video(MEDIA_DIR / "vertical.mp4", "vertical", (1080, 1920), "25", 2, "vertical", crf=40,
              gop=25, audio_kbps=48),
        Video(MEDIA_DIR / "fifty-fps.mp4", "fifty-fps", small, "50", 2, "fifty-fps", gop=50,
              audio_kbps=64),
        Video(MEDIA_DIR / "vp9.webm", "vp9", small, "25", 2, "vp9", codec="vp9", crf=40, gop=25,
              audio_kbps=48),
        Video(MEDIA_DIR / "odd-size.mp4", "odd-size", (318, 178), "24000/1001", 2, "odd-size",
              gop=24, audio_kbps=64),
    ]  # fmt: skip


def _check_tools() -> str:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise SystemExit("ffmpeg not found on PATH (developer tool; e.g. apt-get install ffmpeg)")
    if not FONT_FILE.is_file():
        raise SystemExit(f"{FONT_FILE} not found (e.g. apt-get install fonts-dejavu-core)")
    if any(c in str(FONT_FILE) for c in ":,;[]'\\= "):
        raise SystemExit(f"font path {FONT_FILE} needs filter-graph escaping; not supported")
    return ffmpeg


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=["clips", "media"], help="generate only one group")
    args = parser.parse_args(argv)
    ffmpeg = _check_tools()

    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="make-sample-clips-") as tmp_name:
        tmp = Path(tmp_name)
        if args.only in (None, "clips"):
            CLIPS_DIR.mkdir(parents=True, exist_ok=True)
            for v in sample_clips():
                print(f"{v.out.relative_to(ROOT)}", flush=True)
                _make_video(ffmpeg, v, tmp)
                written.append(v.out)
        if args.only in (None, "media"):
            MEDIA_DIR.mkdir(parents=True, exist_ok=True)
            for v in media_videos():
                print(f"{v.out.relative_to(ROOT)}", flush=True)
                _make_video(ffmpeg, v, tmp)
                written.append(v.out)
            audio = MEDIA_DIR / "audio-only.m4a"
            print(f"{audio.relative_to(ROOT)}", flush=True)
            _make_audio_only(ffmpeg, audio, 3)
            written.append(audio)
            umlaut = MEDIA_DIR / UMLAUT_NAME
            shutil.copyfile(MEDIA_DIR / "short-ok.mp4", umlaut)
            written.append(umlaut)

    print()
    for path in written:
        print(f"{path.stat().st_size:>10,d}  {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

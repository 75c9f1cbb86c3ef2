"""probe(): every sample and odd file, and every kind of broken file, through the real libVLC."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from playout_helpers import CLIPS_DIR, MEDIA

from presenter.playout.probe import MediaInfo, probe, quick_check

pytestmark = pytest.mark.vlc


GOOD = {
    # name: (width, height, fps, duration, video codec, audio codec, container, warnings that must appear)
    "short-ok.mp4": (320, 180, 25.0, 3.0, "H.264", "AAC", "MP4", ()),
    "Umlaut Clip – Straße.mp4": (320, 180, 25.0, 3.0, "H.264", "AAC", "MP4", ()),
    "fifty-fps.mp4": (320, 180, 50.0, 2.0, "H.264", "AAC", "MP4", ()),
    "vp9.webm": (320, 180, 25.0, 2.008, "VP9", "Opus", "WebM", ()),
    "vertical.mp4": (1080, 1920, 25.0, 2.0, "H.264", "AAC", "MP4", ("vertical video 1080x1920",)),
    "odd-size.mp4": (
        318, 178, 23.976, 2.002, "H.264", "AAC", "MP4", ("unusual frame rate 23.976 fps", "odd size 318x178")
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(GOOD))
def test_probe_good_and_odd_files(name):
    w, h, fps, dur, vcodec, acodec, container, warn = GOOD[name]
    path = MEDIA / name
    t0 = time.monotonic()
    info = probe(path, timeout_s=2.0)
    assert time.monotonic() - t0 < 30  # a hang guard only (the 2 s timeout is held in benchmarks, not here)
    assert info.ok, info.problem
    assert info.problem is None
    assert (info.width, info.height) == (w, h)
    assert info.fps == pytest.approx(fps, abs=0.001)
    assert info.duration_s == pytest.approx(dur, abs=0.01)
    assert (info.video_codec, info.audio_codec) == (vcodec, acodec)
    assert (info.audio_channels, info.audio_rate) == (2, 48000)
    assert info.container == container
    assert info.size_bytes == path.stat().st_size and info.mtime == path.stat().st_mtime
    for expected in warn:
        assert any(wn.startswith(expected) for wn in info.warnings), info.warnings
    if not warn:
        assert info.warnings == ()


@pytest.mark.parametrize(("name", "duration"), [("minimogli.mp4", 75.0), ("autonomous-driving.mp4", 60.0)])
def test_probe_sample_clips(name, duration):
    info = probe(CLIPS_DIR / name)
    assert info.ok and info.warnings == ()
    assert (info.width, info.height, info.fps) == (1280, 720, 25.0)
    assert info.duration_s == pytest.approx(duration, abs=0.05)
    assert info.summary().endswith(f"1280x720 25 fps H.264/AAC {int(duration) // 60}:{int(duration) % 60:02d}")


@pytest.mark.parametrize(
    ("fault", "problem"),
    [
        ("zero-bytes", "file is empty (0 bytes)"),
        ("truncated", "cannot be decoded: truncated"),
        ("text-as-mp4", "not a video file"),
        ("missing", "file not found"),
    ],
)
def test_probe_broken_files(faults, fault, problem):
    t0 = time.monotonic()
    info = probe(faults[fault], timeout_s=2.0)
    assert time.monotonic() - t0 < 30  # never hangs (a hang guard only)
    assert not info.ok
    assert info.problem.startswith(problem), info.problem
    assert info.path == faults[fault]
    assert problem in info.summary()


def test_probe_audio_only():
    info = probe(MEDIA / "audio-only.m4a")
    assert not info.ok
    assert info.problem == "no video track (audio only)"
    assert (info.audio_codec, info.audio_channels, info.audio_rate) == ("AAC", 2, 48000)
    assert info.width is None and info.video_codec is None
    assert info.duration_s == pytest.approx(3.0, abs=0.01)


def test_probe_folder_and_random_bytes(tmp_path):
    assert probe(tmp_path).problem == "is a folder, not a file"
    noise = tmp_path / "noise.mp4"
    noise.write_bytes(bytes(range(256)) * 64)
    info = probe(noise, timeout_s=2.0)
    assert not info.ok and info.problem == "not a video file"


def test_quick_check_needs_no_libvlc(faults):
    assert quick_check(MEDIA / "short-ok.mp4") is None
    assert quick_check(faults["zero-bytes"]) == "file is empty (0 bytes)"
    assert quick_check(faults["truncated"]).startswith("cannot be decoded: truncated")


def test_probe_without_libvlc_says_so(no_libvlc):
    info = probe(MEDIA / "short-ok.mp4")
    assert isinstance(info, MediaInfo)
    assert not info.ok
    assert info.problem.startswith("cannot be checked: libVLC 3 is not installed")
    assert info.size_bytes == (MEDIA / "short-ok.mp4").stat().st_size


def test_probe_needs_no_qt_and_has_a_cli():
    code = (
        "import sys; from presenter.playout.probe import main; rc = main(sys.argv[1:]); "
        "print('PySide6' in sys.modules); sys.exit(rc)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(MEDIA / "short-ok.mp4"), str(MEDIA / "audio-only.m4a")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = out.stdout.splitlines()
    assert out.returncode == 1  # one bad file
    assert lines[0].startswith("libVLC 3.")
    assert lines[1] == "OK   short-ok.mp4: 320x180 25 fps H.264/AAC 0:03"
    assert lines[2] == "BAD  audio-only.m4a: no video track (audio only)"
    assert lines[3] == "False"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:1/x.ts\n", "it is a playlist"),
        ("\ufeff#EXTM3U\nclip2.mp4\n", "it is a playlist"),
        ("[playlist]\nFile1=http://127.0.0.1:1/x.mp4\n", "it is a playlist"),
        ("https://example.invalid/video.mp4\n", "a network address in it"),
    ],
)
def test_a_playlist_or_link_named_like_a_clip_is_not_a_video_file(tmp_path, content, expected):
    """Issue 16 #9: libVLC would open what a playlist points to; --check and the playout refuse it."""
    path = tmp_path / "clip.mp4"
    path.write_text(content, encoding="utf-8")
    info = probe(path, timeout_s=2.0)
    assert not info.ok and info.problem.startswith("not a video file: ") and expected in info.problem
    assert quick_check(path) == info.problem  # the playout's check before libVLC opens it


def test_plain_text_is_still_left_to_libvlc(tmp_path):
    path = tmp_path / "notes.mp4"
    path.write_text("just some notes, no address\n", encoding="utf-8")
    assert quick_check(path) is None
    assert probe(path, timeout_s=2.0).problem == "not a video file"

"""Poster frames with the real libVLC: pictures of the real clips, the disk cache, placeholders."""

from __future__ import annotations

import os
import shutil
import threading

import pytest
from playout_helpers import CLIPS_DIR, COLOURS, MEDIA, SHORT_OK
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from presenter.playout import thumbnails as th
from presenter.playout.vlc import grab_frame

pytestmark = pytest.mark.vlc

TOLERANCE = 14


def near(rgb, ref, tol=TOLERANCE) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(rgb, ref, strict=True))


def rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    return image.pixelColor(x, y).getRgb()[:3]


@pytest.mark.parametrize(
    ("path", "colour"),
    [
        (SHORT_OK, "short-ok"),
        (CLIPS_DIR / "minimogli.mp4", "minimogli"),
        (CLIPS_DIR / "autonomous-driving.mp4", "autonomous-driving"),
        (MEDIA / "fifty-fps.mp4", "fifty-fps"),
        (MEDIA / "vp9.webm", "vp9"),
        (MEDIA / "odd-size.mp4", "odd-size"),
        (MEDIA / "Umlaut Clip – Straße.mp4", "short-ok"),
    ],
)
def test_poster_frame_of_each_clip(tmp_path, path, colour):
    result = th.make_thumbnail(path, tmp_path)
    assert result.kind == th.FRAME and not result.cached, result
    image = result.image
    assert image.size() == th.SIZE
    assert near(rgb(image, image.width() // 10, image.height() // 5), COLOURS[colour])


def test_vertical_clip_is_letterboxed_not_stretched(tmp_path):
    result = th.make_thumbnail(MEDIA / "vertical.mp4", tmp_path)
    image = result.image
    assert result.kind == th.FRAME
    h = image.height()
    inner_w = th.fit(1080, 1920, th.SIZE).width()
    assert inner_w == 60  # 1080x1920 in 192x108: 60x108
    assert near(rgb(image, image.width() // 2, h // 8), COLOURS["vertical"])
    assert rgb(image, 5, h // 2) == (16, 20, 24)  # the bars left and right
    assert rgb(image, image.width() - 5, h // 2) == (16, 20, 24)


def test_cached_by_path_size_and_mtime(tmp_path):
    cache = tmp_path / "cache"
    clip = tmp_path / "clip.mp4"
    shutil.copy(SHORT_OK, clip)
    first = th.make_thumbnail(clip, cache)
    assert first.kind == th.FRAME and not first.cached
    assert len(list(cache.glob("*.png"))) == 1

    calls = []

    def no_grab(*args):
        calls.append(args)
        return None

    again = th.make_thumbnail(clip, cache, grab=no_grab)
    assert again.cached and again.kind == th.FRAME and calls == []
    assert again.image.size() == th.SIZE

    shutil.copy(MEDIA / "fifty-fps.mp4", clip)  # replaced: another size and mtime
    st = clip.stat()
    os.utime(clip, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    replaced = th.make_thumbnail(clip, cache)
    assert not replaced.cached and near(rgb(replaced.image, 19, 21), COLOURS["fifty-fps"])
    assert len(list(cache.glob("*.png"))) == 2

    unwritable = tmp_path / "file-not-a-folder"
    unwritable.write_text("x")
    result = th.make_thumbnail(clip, unwritable / "cache")  # the cache cannot be written: still a poster
    assert result.kind == th.FRAME


@pytest.mark.parametrize(
    ("fault", "kind", "reason"),
    [
        ("zero-bytes", th.BROKEN, "file is empty (0 bytes)"),
        ("truncated", th.BROKEN, "cannot be decoded: truncated"),
        ("text-as-mp4", th.BROKEN, "not a video file"),
        ("missing", th.MISSING, "file not found"),
        ("audio-only", th.BROKEN, "no video track (audio only)"),
    ],
)
def test_bad_clips_get_a_clear_placeholder(qapp, tmp_path, faults, fault, kind, reason):
    path = faults.get(fault, MEDIA / "audio-only.m4a")
    result = th.make_thumbnail(path, tmp_path / "cache")
    assert result.kind == kind and result.image is None
    assert result.reason.startswith(reason), result.reason
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").glob("*.png"))
    image = th.placeholder(result.kind, result.reason)
    assert image.size() == th.SIZE
    assert rgb(image, 10, 10) == (120, 30, 30)  # dark red, white words


def test_placeholders_say_what_is_wrong(qapp):
    # The words themselves are checked by eye in the screenshot; here: different pictures per case.
    missing = th.placeholder(th.MISSING, "file not found")
    broken = th.placeholder(th.BROKEN, "cannot be decoded: truncated")
    none = th.placeholder(th.NO_LIBVLC, "libVLC 3 is not installed")
    assert missing != broken and broken != none
    white = sum(
        1 for x in range(0, th.SIZE.width(), 2) for y in range(th.SIZE.height()) if rgb(broken, x, y) == (255, 255, 255)
    )
    assert white > 50  # there is writing on it


def test_grab_frame_seeks_to_the_time_asked_for():
    a = grab_frame(SHORT_OK, 0.2, 160, 90, 5.0)
    b = grab_frame(SHORT_OK, 2.0, 160, 90, 5.0)
    assert a is not None and b is not None and len(a) == len(b) == 160 * 90 * 4
    assert a != b  # the frame number in the middle differs
    img = QImage(a, 160, 90, 640, QImage.Format.Format_RGB32)
    assert near(rgb(img, 16, 9), COLOURS["short-ok"])
    assert grab_frame(MEDIA / "audio-only.m4a", 0.5, 160, 90, 5.0) is None


def test_poster_time_and_fit():
    assert th.poster_time(None) == 0.0
    assert th.poster_time(2.0) == pytest.approx(0.2)
    assert th.poster_time(75.0) == 5.0
    assert th.fit(1280, 720, QSize(192, 108)) == QSize(192, 108)
    assert th.fit(318, 178, QSize(192, 108)) == QSize(192, 108)
    assert th.fit(None, None, QSize(192, 108)) == QSize(192, 108)


def test_thumbnails_are_made_off_the_ui_thread_and_reported(qtbot, tmp_path, faults, monkeypatch):
    threads = set()
    real = th.make_thumbnail

    def spy(*args, **kwargs):
        threads.add(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(th, "make_thumbnail", spy)
    service = th.Thumbnails(tmp_path / "cache")
    try:
        results = {}
        service.ready.connect(lambda path, image, kind, reason: results.__setitem__(path, (image, kind, reason)))
        paths = [SHORT_OK, MEDIA / "vp9.webm", faults["missing"], faults["zero-bytes"]]
        for p in paths:
            service.request(p)
        service.request(SHORT_OK)  # asked twice: merged
        qtbot.waitUntil(lambda: len(results) == 4 and not service.busy(), timeout=8000)
        assert threading.get_ident() not in threads and len(threads) == 1
        assert results[str(SHORT_OK)][1] == th.FRAME
        assert results[str(faults["missing"])][1:] == (th.MISSING, "file not found")
        assert results[str(faults["zero-bytes"])][1] == th.BROKEN
        assert all(img.size() == th.SIZE for img, _, _ in results.values())
        assert service.kinds[str(MEDIA / "vp9.webm")] == th.FRAME
    finally:
        service.shutdown()


def test_without_libvlc_the_placeholder_says_no_preview(tmp_path, no_libvlc):
    result = th.make_thumbnail(SHORT_OK, tmp_path)
    assert result.kind == th.NO_LIBVLC and "libVLC 3 is not installed" in result.reason

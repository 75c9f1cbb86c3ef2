"""The technician's preview window under Xvfb with the real libVLC.

The key test puts "Clip: MiniMOGLI" of the Smart RLP show on air in a real ProgramPlayout and program
output window (the next clip armed), then previews the other clip in the preview window (load, play,
seek, volume, audio device) and checks all the while that the program output did not change: same
state, same segment, position advancing, the next clip still armed, the program players' volume,
mute and audio device as before, and the program output window's pixels the on-air clip's colour.

Pixels are read back from the X server. libVLC's colours are only right on a 24-bit display
(``xvfb_colordepth = 24``); on a 16-bit one the program output is compared with its own colour before
the preview started instead of with the clip's known colour.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication

from presenter.clips.preflight import Status
from presenter.controller import ShowController
from presenter.playout import preview as pv
from presenter.playout import thumbnails as th
from presenter.playout.program import OutputState, ProgramPlayout
from presenter.playout.vlc import audio_snapshot
from presenter.show import load_show
from presenter.ui.preview import PreviewWindow, format_clock, format_size
from presenter.ui.program_output import ProgramOutputWindow

TESTS_DIR = Path(__file__).resolve().parent.parent
if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))
import media_faults  # noqa: E402

ROOT = TESTS_DIR.parent
MEDIA = media_faults.MEDIA_DIR
CLIPS = ROOT / "assets" / "clips"
GREEN = media_faults.CLIP_COLOURS["minimogli"]
BLUE = media_faults.CLIP_COLOURS["autonomous-driving"]
BLACK = (0, 0, 0)
TOLERANCE = 14


@pytest.fixture
def make_window(qtbot, tmp_path, settings):
    windows = []

    def make(controller, program=None, vlc_args=("--aout=adummy",), geometry=(0, 0, 1000, 640)) -> PreviewWindow:
        w = PreviewWindow(controller, program, settings=settings, cache_dir=tmp_path / "thumbs", vlc_args=vlc_args)
        qtbot.addWidget(w)
        windows.append(w)
        w.setGeometry(*geometry)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield make
    for w in windows:
        assert w.shutdown(3.0)


def near(rgb, ref, tol=TOLERANCE) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(rgb, ref, strict=True))


def pixel(widget, x: int, y: int) -> tuple[int, int, int]:
    img = widget.screen().grabWindow(int(widget.winId()), x, y, 1, 1).toImage()
    return img.pixelColor(0, 0).getRgb()[:3]


def program_corner(out: ProgramOutputWindow) -> tuple[int, int, int]:
    return pixel(out, out.width() // 10, out.height() // 10)


def preview_corner(win: PreviewWindow) -> tuple[int, int, int]:
    """10 %/10 % into the 16:9 picture libVLC letterboxes into the preview surface."""
    surface = win.video.surface
    w, h = surface.width(), surface.height()
    pw, ph = (w, w * 9 // 16) if w * 9 <= h * 16 else (h * 16 // 9, h)
    return pixel(surface, (w - pw) // 2 + pw // 10, (h - ph) // 2 + ph // 10)


def surface_picture(win: PreviewWindow) -> bytes:
    """The middle of the preview picture (where the test clips show their time code and frame)."""
    surface = win.video.surface
    w, h = surface.width(), surface.height()
    img = surface.screen().grabWindow(int(surface.winId()), w // 4, h * 3 // 8, w // 2, h // 4).toImage()
    return bytes(img.constBits())


def wait_pixel(qtbot, read, ref, timeout_ms=3000) -> None:
    seen: list = [None]

    def matches() -> bool:
        seen[0] = read()
        return near(seen[0], ref)

    try:
        qtbot.waitUntil(matches, timeout=timeout_ms)
    except qtbot.TimeoutError:
        pytest.fail(f"saw {seen[0]}, expected {ref}")


def true_colour() -> bool:
    return QGuiApplication.primaryScreen().depth() >= 24


def wait_ready(qtbot, win: PreviewWindow, timeout=8000) -> None:
    qtbot.waitUntil(lambda: not win.preflight_running() and not win.thumbnails.busy(), timeout=timeout)


def choose_device(win: PreviewWindow, ident: str) -> None:
    index = win.device_combo.findData(ident)
    assert index >= 0, [win.device_combo.itemData(i) for i in range(win.device_combo.count())]
    win.device_combo.setCurrentIndex(index)
    win.device_combo.activated.emit(index)


class Heartbeat:
    """The longest gap between 10 ms timer ticks: how long the UI thread was busy."""

    def __init__(self) -> None:
        self.last = time.monotonic()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


# ---------------------------------------------------------------------------------------------


@pytest.mark.xvfb
@pytest.mark.vlc
def test_previewing_leaves_the_program_output_untouched(
    qtbot, tmp_path, bundled_show, fake_clock, alsa_devices, make_window
):
    out = ProgramOutputWindow()
    qtbot.addWidget(out)
    out.place(None, windowed=True)
    out.setGeometry(0, 0, 320, 180)  # pytest-xvfb's screen is 800x600: side by side, no overlap
    qtbot.waitExposed(out)
    po = ProgramPlayout(out, [*alsa_devices, "--alsa-audio-device=monitorspk"])
    try:
        assert po.playable, po.unplayable_reason
        controller = ShowController(bundled_show, fake_clock, playout=po)
        for segment in ("welcome", "discussion", "minimogli"):  # then "Clip: MiniMOGLI" is on air
            fake_clock.advance(60)
            controller.go()
            if segment == "discussion":  # the director goes on once the clip is armed
                qtbot.waitUntil(lambda: po.status().armed_segment_id == "minimogli", timeout=4000)
        qtbot.waitUntil(
            lambda: po.status().state is OutputState.PLAYING and po.status().armed_segment_id == "autonomous-driving",
            timeout=4000,
        )
        assert po.status().segment_id == "minimogli"
        if true_colour():
            wait_pixel(qtbot, lambda: program_corner(out), GREEN)
        else:
            qtbot.waitUntil(lambda: program_corner(out) != BLACK, timeout=4000)
        on_air_colour = program_corner(out)
        assert on_air_colour != BLACK
        program_audio = audio_snapshot(po.backend).result(2.0)
        assert len(program_audio) == 2  # the clip on air and the armed next clip
        assert {a.device for a in program_audio.values()} == {"monitorspk"}

        samples: list[tuple[float, object, tuple]] = []

        def sample() -> None:
            samples.append((time.monotonic(), po.status(), program_corner(out)))

        sampler = QTimer()
        sampler.setInterval(50)
        sampler.timeout.connect(sample)
        sampler.start()

        win = make_window(controller, po, alsa_devices, geometry=(330, 0, 470, 600))
        win.setGeometry(0, 200, 800, 400)
        qtbot.waitUntil(lambda: win.device_combo.findData("headphones") >= 0, timeout=3000)
        choose_device(win, "headphones")
        assert win.select_segment("autonomous-driving")  # the armed clip's file, in the preview
        qtbot.waitUntil(lambda: win.player.state == pv.PAUSED and win.player.audio_device_confirmed, timeout=4000)
        if true_colour():
            wait_pixel(qtbot, lambda: preview_corner(win), BLUE)
        qtbot.mouseClick(win.play_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: win.player.state == pv.PLAYING, timeout=2000)
        qtbot.waitUntil(lambda: win.player.position() > 0.3, timeout=5000)
        win.slider.setValue(30_000)  # scrub to 0:30
        qtbot.waitUntil(lambda: win.player.position() > 30.0, timeout=2000)
        win.volume.setValue(30)
        choose_device(win, "null")
        qtbot.waitUntil(lambda: win.player.audio_device_confirmed, timeout=3000)
        switched_at = win.player.position()
        qtbot.waitUntil(lambda: win.player.position() > switched_at + 0.5, timeout=5000)  # plays on after the switch
        preview_audio = win.player.audio_state()
        assert preview_audio == pv.AudioState(30, False, "null")
        assert win.player.state == pv.PLAYING and win.player.position() > 30.2
        if true_colour():
            assert near(preview_corner(win), BLUE)  # the preview shows the other clip...
        # Sample the program output for 1.5 s at least, however fast the preview's steps went (they took
        # 1.49 s once, and the span check below failed on a fast run, not on the program output).
        qtbot.waitUntil(lambda: time.monotonic() - samples[0][0] > 1.6, timeout=3000)
        sampler.stop()
        sample()

        # ... and the program output did not notice
        assert len(samples) > 20 and samples[-1][0] - samples[0][0] > 1.5
        for _, status, colour in samples:
            assert status.state is OutputState.PLAYING and status.segment_id == "minimogli"
            assert status.armed_segment_id == "autonomous-driving"
            assert near(colour, GREEN) if true_colour() else near(colour, on_air_colour, 4), colour
        positions = [s.position_s for _, s, _ in samples]
        assert all(b >= a for a, b in itertools.pairwise(positions))
        elapsed = samples[-1][0] - samples[0][0]
        assert positions[-1] - positions[0] == pytest.approx(elapsed, abs=0.5)  # ran on in real time
        assert audio_snapshot(po.backend).result(2.0) == program_audio

        # Esc on air stops the preview too
        po.panic()
        assert win.player.state == pv.STOPPED
    finally:
        assert po.shutdown(3.0)


@pytest.mark.xvfb
@pytest.mark.vlc
def test_the_smart_rlp_clips_in_the_preview_window(qtbot, bundled_show, fake_clock, make_window, settings):
    controller = ShowController(bundled_show, fake_clock)
    win = make_window(controller)
    assert "Preview" in win.windowTitle()
    assert win.clip_list.count() == 2
    wait_ready(qtbot, win)
    rows = win.preflight_rows()
    assert [r.status for r in rows.values()] == [Status.READY, Status.READY]
    assert win.table.rowCount() == 2
    assert win.table.item(0, 1).text() == "Clip: MiniMOGLI" and "ready" in win.table.item(0, 2).text()
    assert "1280×720 · 25 fps · H.264/AAC · 1:15" in win.table.item(0, 3).text()
    assert "All clips ready" in win.summary_label.text()
    assert win.show_file_label.text().startswith("✓ Show file valid")
    assert set(win.thumbnails.kinds.values()) == {th.FRAME}
    assert not win.clip_list.item(0).icon().isNull()
    assert "NEXT" not in win.clip_list.item(0).text()

    # muted until a device is chosen: its sound could go to the program's device
    assert win.player.muted and win.mute_button.isChecked() and "muted" in win.audio_status.text()

    win.clip_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: win.player.state == pv.PAUSED and win.media_info() is not None, timeout=4000)
    info = {key: label.text() for key, label in win.info_labels.items()}
    assert info["container"] == "MP4" and info["video_codec"] == "H.264" and info["audio_codec"] == "AAC"
    assert info["resolution"] == "1280 × 720" and info["fps"] == "25 fps" and info["duration"] == "1:15 (75.00 s)"
    assert info["channels"] == "2 (stereo)" and info["rate"] == "48 000 Hz"
    size = (CLIPS / "minimogli.mp4").stat().st_size
    assert info["size"] == format_size(size) and f"{size:,}".replace(",", " ") in info["size"]
    assert info["mtime"] != "—" and win.info_notes.text() == "✓ plays"
    assert win.info_file.text() == str(CLIPS / "minimogli.mp4")
    if true_colour():
        wait_pixel(qtbot, lambda: preview_corner(win), GREEN)

    before = surface_picture(win)
    qtbot.mouseClick(win.step_button, Qt.MouseButton.LeftButton)
    assert win.player.position() == pytest.approx(0.04)
    qtbot.waitUntil(lambda: surface_picture(win) != before, timeout=10_000)  # "frame 1" in the picture (a hang guard)
    stepped = surface_picture(win)
    win.slider.setValue(40_000)  # scrub while paused: that picture is shown
    qtbot.waitUntil(lambda: win.player.position() == pytest.approx(40.0), timeout=1000)
    qtbot.waitUntil(lambda: surface_picture(win) not in (before, stepped), timeout=2000)
    assert win.player.state == pv.PAUSED
    qtbot.mouseClick(win.end_button, Qt.MouseButton.LeftButton)
    assert win.player.state == pv.PLAYING
    qtbot.waitUntil(lambda: win.player.position() > 65.2, timeout=5000)
    assert win.player.position() < 66.5  # the first reading past 65.2 s: the last 10 s, from their start
    assert win.time_label.text().endswith("/ 1:15.0") and win.slider.maximum() == 75_000
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    qtbot.keyClick(win.clip_list, Qt.Key.Key_Space)  # the keys of the preview, wherever the focus is
    assert win.player.state == pv.PAUSED and win.play_button.text() == "▶ Play"
    position = win.player.position()
    qtbot.keyClick(win.clip_list, Qt.Key.Key_Right)
    assert win.player.position() > position
    qtbot.mouseClick(win.mute_button, Qt.MouseButton.LeftButton)
    assert not win.player.muted
    win.volume.setValue(55)
    assert win.player.volume == 55 and int(settings.value(pv.SETTING_VOLUME)) == 55

    # the other clip; the controller going on air marks the list, nothing else changes
    win.select_segment("autonomous-driving")
    qtbot.waitUntil(lambda: win.player.state == pv.PAUSED and win.player.path.name == "autonomous-driving.mp4")
    if true_colour():
        wait_pixel(qtbot, lambda: preview_corner(win), BLUE)
    controller.go()
    fake_clock.advance(10)
    controller.go()
    assert win.clip_list.item(0).text().splitlines()[-2:] == ["planned 1:15 · NEXT", "✓ ready"]
    assert win.player.state == pv.PAUSED

    win.close()  # a hidden preview stops
    assert win.player.state == pv.STOPPED


def _odd_show(tmp_path: Path, faults: dict[str, Path]) -> Path:
    entries = [
        ("ok", MEDIA / "short-ok.mp4", '"0:03"'),
        ("planned-longer", MEDIA / "short-ok.mp4", '"0:10"'),
        ("vertical", MEDIA / "vertical.mp4", None),
        ("fifty", MEDIA / "fifty-fps.mp4", None),
        ("vp9", MEDIA / "vp9.webm", None),
        ("odd-size", MEDIA / "odd-size.mp4", None),
        ("umlaut", MEDIA / "Umlaut Clip – Straße.mp4", None),
        ("audio-only", MEDIA / "audio-only.m4a", None),
        ("zero-bytes", faults["zero-bytes"], None),
        ("truncated", faults["truncated"], None),
        ("text", faults["text-as-mp4"], None),
        ("missing", faults["missing"], None),
    ]
    lines = ["version: 1", "title: Odd media", "date: 2021-01-19", 'start: "17:30"', 'end: "19:00"', "segments:"]
    lines += ["  - id: intro", "    title: Intro", "    kind: live", '    duration: "1:00"']
    for ident, path, duration in entries:
        lines += [f"  - id: {ident}", f"    title: Clip {ident}", "    kind: clip", f'    clip: "{path}"']
        if duration:
            lines.append(f"    duration: {duration}")
    show = tmp_path / "odd.yaml"
    show.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return show


def _faults(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "faults"
    folder.mkdir()
    return {
        "zero-bytes": media_faults.make_zero_bytes(folder),
        "truncated": media_faults.make_truncated(media_faults.SHORT_OK, folder),
        "text-as-mp4": media_faults.make_text_as_mp4(folder),
        "missing": folder / "missing.mp4",
    }


EXPECTED = {
    # id: (status, the reason starts with / contains, thumbnail kind)
    "ok": (Status.READY, "", th.FRAME),
    "planned-longer": (Status.WARNING, "clip is 0:03, shorter than the planned 0:10", th.FRAME),
    "vertical": (Status.WARNING, "vertical video 1080x1920", th.FRAME),
    "fifty": (Status.READY, "", th.FRAME),
    "vp9": (Status.READY, "", th.FRAME),
    "odd-size": (Status.WARNING, "unusual frame rate 23.976 fps", th.FRAME),
    "umlaut": (Status.READY, "", th.FRAME),
    "audio-only": (Status.BROKEN, "no video track (audio only)", th.BROKEN),
    "zero-bytes": (Status.BROKEN, "clip file is empty (0 bytes)", th.BROKEN),
    "truncated": (Status.BROKEN, "cannot be decoded: truncated", th.BROKEN),
    "text": (Status.BROKEN, "not a video file", th.BROKEN),
    "missing": (Status.BROKEN, "clip file not found", th.MISSING),
}
INFO = {
    "vertical": {"resolution": "1080 × 1920", "fps": "25 fps", "video_codec": "H.264"},
    "fifty": {"fps": "50 fps", "duration": "0:02 (2.00 s)"},
    "vp9": {"container": "WebM", "video_codec": "VP9", "audio_codec": "Opus"},
    "odd-size": {"resolution": "318 × 178", "fps": "23.976 fps"},
    "audio-only": {"video_codec": "none (no video track)", "audio_codec": "AAC", "channels": "2 (stereo)"},
    "umlaut": {"container": "MP4", "duration": "0:03 (3.00 s)"},
}


@pytest.mark.xvfb
@pytest.mark.vlc
def test_odd_media_get_the_right_status_and_information_and_never_hang_the_ui(qtbot, tmp_path, fake_clock, make_window):
    show = load_show(_odd_show(tmp_path, _faults(tmp_path)))
    controller = ShowController(show, fake_clock)
    win = make_window(controller)  # (starting libVLC takes the UI thread ~0.1-0.3 s, once)
    beat = Heartbeat()
    wait_ready(qtbot, win, timeout=15000)
    rows = win.preflight_rows()
    assert set(rows) == set(EXPECTED)
    for ident, (status, reason, kind) in EXPECTED.items():
        row = rows[ident]
        assert row.status is status, (ident, row.status, row.problems)
        assert reason in row.summary if reason else row.summary == "ok", (ident, row.summary)
        clip = str(row.segment.clip)
        assert win.thumbnails.kinds[clip] == kind, (ident, win.thumbnails.kinds[clip])
    assert "NOT READY" in win.summary_label.text() and "5 broken" in win.summary_label.text()
    broken_row = next(r for r in range(win.table.rowCount()) if win.table.item(r, 1).text() == "Clip zero-bytes")
    assert win.table.item(broken_row, 2).text() == "✗ broken"

    for ident in EXPECTED:  # select each clip: a state or a plain problem, never a hang
        win.select_segment(ident)
        qtbot.waitUntil(
            lambda: win.player.state in (pv.PAUSED, pv.ERROR) and win.media_info() is not None, timeout=5000
        )
        status = EXPECTED[ident][0]
        if ident == "audio-only":
            assert win.player.state == pv.PAUSED and win.video.is_covered()
            assert "no video track" in win.problem_label.text()
        elif status is Status.BROKEN:
            qtbot.waitUntil(lambda: win.player.state == pv.ERROR, timeout=3000)
            assert win.problem_label.isVisible() and win.video.is_covered()
            assert win.info_notes.text().startswith("✗")
        else:
            assert win.player.state == pv.PAUSED and not win.video.is_covered()
            win.player.play()
        for key, text in INFO.get(ident, {}).items():
            assert win.info_labels[key].text() == text, (ident, key)
        if ident == "umlaut":
            assert win.info_file.text().endswith("Umlaut Clip – Straße.mp4")
    qtbot.wait(200)  # an observation window: the heartbeat goes on while the last file settles
    assert beat.stop() < 2.0  # the UI thread never waited for libVLC or a file (seconds); generous on a busy machine


@pytest.mark.xvfb
@pytest.mark.vlc
def test_preflight_reruns_when_a_clip_file_changes_and_on_demand(qtbot, tmp_path, fake_clock, make_window):
    folder = tmp_path / "clips"
    folder.mkdir()
    clip = folder / "clip.mp4"
    shutil.copy(media_faults.SHORT_OK, clip)
    show_file = tmp_path / "show.yaml"
    show_file.write_text(
        'version: 1\ntitle: Watch\ndate: 2021-01-19\nstart: "17:30"\nend: "19:00"\nsegments:\n'
        "  - id: film\n    title: Film\n    kind: clip\n    clip: clips/clip.mp4\n",
        encoding="utf-8",
    )
    controller = ShowController(load_show(show_file), fake_clock)
    win = make_window(controller)
    wait_ready(qtbot, win)
    assert win.preflight_rows()["film"].status is Status.READY
    win.select_segment("film")
    qtbot.waitUntil(lambda: win.player.state == pv.PAUSED, timeout=3000)

    # an editor or a copy replaces the file: a new file under the same name
    tmp = folder / "clip.mp4.part"
    tmp.write_text("not a video any more\n")
    os.replace(tmp, clip)
    qtbot.waitUntil(lambda: win.preflight_rows()["film"].status is Status.BROKEN, timeout=5000)
    assert "not a video file" in win.preflight_rows()["film"].summary
    qtbot.waitUntil(lambda: win.thumbnails.kinds.get(str(clip)) == th.BROKEN, timeout=5000)
    qtbot.waitUntil(lambda: win.player.state == pv.ERROR, timeout=5000)  # the selected clip was reloaded

    clip.unlink()
    qtbot.waitUntil(lambda: "not found" in win.preflight_rows()["film"].summary, timeout=5000)
    assert win.thumbnails.kinds.get(str(clip)) in (th.BROKEN, th.MISSING)

    shutil.copy(media_faults.MEDIA_DIR / "fifty-fps.mp4", clip)  # back, and watched again
    qtbot.waitUntil(lambda: win.preflight_rows()["film"].status is Status.READY, timeout=5000)
    qtbot.waitUntil(lambda: win.thumbnails.kinds.get(str(clip)) == th.FRAME, timeout=5000)
    assert "50 fps" in win.table.item(0, 3).text()

    # on demand, with a progress bar; a mistake in the show file is reported, the show stays
    show_file.write_text(show_file.read_text() + "  - id: film\n", encoding="utf-8")
    qtbot.mouseClick(win.recheck_button, Qt.MouseButton.LeftButton)
    assert win.preflight_running() and not win.recheck_button.isEnabled()
    qtbot.waitUntil(lambda: not win.preflight_running(), timeout=5000)
    assert win.progress.value() == win.progress.maximum() == 1
    assert win.show_file_label.text().startswith("✗ Show file has a mistake")
    assert win.preflight_rows()["film"].status is Status.READY


@pytest.mark.xvfb
@pytest.mark.vlc
def test_audio_devices_in_the_window_are_remembered(qtbot, bundled_show, fake_clock, alsa_devices, make_window):
    controller = ShowController(bundled_show, fake_clock)
    win = make_window(controller, vlc_args=alsa_devices)
    qtbot.waitUntil(lambda: win.device_combo.findData("monitorspk") >= 0, timeout=3000)
    assert win.device_combo.itemText(0) == "System default"
    assert win.device_combo.itemText(win.device_combo.findData("headphones")) == "Test headphones (headphones)"
    assert win.player.muted  # nothing chosen yet
    choose_device(win, "monitorspk")
    assert not win.player.muted  # muted only because no device was chosen
    win.select_segment("minimogli")
    qtbot.waitUntil(lambda: win.player.audio_device_confirmed, timeout=4000)
    assert "✓ Preview sound on Test monitor speakers" in win.audio_status.text()
    assert win.player.audio_state().device == "monitorspk"

    again = make_window(controller, vlc_args=alsa_devices)
    qtbot.waitUntil(lambda: again.device_combo.findData("monitorspk") >= 0, timeout=3000)
    assert again.device_combo.currentData() == "monitorspk" and not again.player.muted


def test_formatting():
    assert format_clock(None) == "–:––.–"
    assert format_clock(0) == "0:00.0"
    assert format_clock(75.04) == "1:15.0"
    assert format_clock(2.08) == "0:02.0"
    assert format_size(512) == "512 bytes"
    assert format_size(1_768_202) == "1.7 MiB (1 768 202 bytes)"
    assert format_size(None) == "—"

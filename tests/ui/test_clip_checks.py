"""ClipChecks: every clip checked once in the background, watched, and told within 2 s when it breaks or is fixed."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))
import media_faults  # noqa: E402

from presenter.clips.preflight import Status  # noqa: E402
from presenter.show import load_show  # noqa: E402
from presenter.ui.clip_checks import ClipChecks  # noqa: E402

SHOW = """\
version: 1
title: Prüfung
date: 2021-01-19
start: "17:30"
end: "18:00"
segments:
  - id: welcome
    title: Begrüßung
    duration: "5:00"
  - id: film
    title: "Clip: Kurz"
    kind: clip
    clip: clips/film.mp4
  - id: other
    title: "Clip: Noch einer"
    kind: clip
    clip: clips/other.mp4
"""


@pytest.fixture
def show(tmp_path):
    (tmp_path / "clips").mkdir()
    for name in ("film.mp4", "other.mp4"):
        shutil.copy(media_faults.SHORT_OK, tmp_path / "clips" / name)
    (tmp_path / "show.yaml").write_text(SHOW, encoding="utf-8")
    return load_show(tmp_path / "show.yaml")


class CountingProbe:
    """The real probe, counted (no libVLC needed when *real* is False: every file is fine)."""

    def __init__(self, real: bool):
        self.real = real
        self.calls: list[Path] = []

    def __call__(self, path: Path):
        self.calls.append(Path(path))
        if self.real:
            from presenter.playout.probe import probe

            return probe(path, timeout_s=2.0)
        from presenter.playout.probe import MediaInfo

        return MediaInfo(Path(path), True, None, duration_s=3.0, width=320, height=180, fps=25.0)


@pytest.fixture
def make_checks(qtbot):
    made: list[ClipChecks] = []

    def make(show, probe=None, **kwargs) -> ClipChecks:
        checks = ClipChecks(show, probe, **kwargs)
        made.append(checks)
        return checks

    yield make
    for checks in made:
        checks.shutdown()


def wait_checked(qtbot, checks):
    with qtbot.waitSignal(checks.checked, timeout=10000) as blocker:
        pass
    return blocker.args[0]


def test_every_clip_is_checked_once_in_the_background(qtbot, show, make_checks):
    probe = CountingProbe(real=False)
    checks = make_checks(show, probe, start=False)
    with qtbot.waitSignal(checks.checked, timeout=5000) as blocker:
        checks.start()
    report = blocker.args[0]
    assert [row.segment.id for row in report.rows] == ["film", "other"]
    assert all(row.status is Status.READY for row in report.rows)
    assert sorted(p.name for p in probe.calls) == ["film.mp4", "other.mp4"]
    qtbot.wait(1500)  # an observation window: the periodic look finds nothing changed, no probe again
    assert len(probe.calls) == 2
    assert checks.problem("film") is None and checks.info("film").duration_s == 3.0
    assert checks.info_for(show.segments[1].clip).width == 320
    assert checks.problem("welcome") is None and checks.row("welcome") is None


@pytest.mark.vlc
def test_a_clip_that_breaks_after_load_is_told_within_2_s_and_a_fix_clears_it(qtbot, show, make_checks):
    checks = make_checks(show, CountingProbe(real=True))
    wait_checked(qtbot, checks)
    assert checks.problems() == {}
    film = show.segments[1].clip
    good = film.read_bytes()

    with qtbot.waitSignal(checks.clip_changed, timeout=10_000) as blocker:  # 2 s is the goal; a hang guard here
        film.write_bytes(good[: len(good) // 2])  # replaced by an interrupted copy
    assert blocker.args == ["film"]
    assert checks.status("film") is Status.BROKEN
    assert checks.problem("film").startswith("cannot be decoded: truncated")
    assert checks.problem_line("film").startswith('2. "Clip: Kurz": broken: cannot be decoded: truncated')
    assert checks.problems() == {"film": checks.problem("film")}

    with qtbot.waitSignal(checks.clip_changed, timeout=2000) as blocker:
        film.write_bytes(good)
    assert blocker.args == ["film"]
    assert checks.problem("film") is None and checks.status("film") is Status.READY
    assert checks.problems() == {}


def test_a_deleted_and_restored_clip(qtbot, show, make_checks, tmp_path):
    checks = make_checks(show, CountingProbe(real=False))
    wait_checked(qtbot, checks)
    other = show.segments[2].clip
    kept = tmp_path / "kept.mp4"
    with qtbot.waitSignal(checks.clip_changed, timeout=2000) as blocker:
        other.rename(kept)
    assert blocker.args == ["other"]
    assert checks.problem("other") == f"clip file not found: {other}"
    with qtbot.waitSignal(checks.clip_changed, timeout=2000):
        kept.rename(other)
    assert checks.problem("other") is None


def test_the_periodic_look_finds_a_change_the_watcher_missed(qtbot, show, make_checks):
    checks = make_checks(show, CountingProbe(real=False), settle_ms=60_000, poll_ms=200)
    wait_checked(qtbot, checks)
    checks._watcher.blockSignals(True)  # a file system that does not report changes
    film = show.segments[1].clip
    with qtbot.waitSignal(checks.clip_changed, timeout=2000):
        film.write_bytes(b"")
    assert checks.problem("film") == "clip file is empty (0 bytes)"


def test_an_unchanged_file_touched_again_is_checked_but_not_reported(qtbot, show, make_checks):
    probe = CountingProbe(real=False)
    checks = make_checks(show, probe, poll_ms=100)
    wait_checked(qtbot, checks)
    reported: list[str] = []
    checks.clip_changed.connect(reported.append)
    film = show.segments[1].clip
    os.utime(film, (time.time() + 5, time.time() + 5))
    qtbot.waitUntil(lambda: len(probe.calls) == 3, timeout=2000)
    qtbot.wait(200)  # an observation window: a touched but unchanged clip is not reported
    assert reported == []


def test_another_show_forgets_the_old_clips(qtbot, show, make_checks, tmp_path):
    checks = make_checks(show, CountingProbe(real=False))
    wait_checked(qtbot, checks)
    (tmp_path / "show.yaml").write_text(SHOW.split("  - id: other")[0], encoding="utf-8")
    with qtbot.waitSignal(checks.checked, timeout=5000) as blocker:
        checks.set_show(load_show(tmp_path / "show.yaml"))
    assert [row.segment.id for row in blocker.args[0].rows] == ["film"]
    assert checks.row("other") is None


def test_a_probe_that_crashes_is_a_broken_clip_not_a_traceback(qtbot, show, make_checks):
    def probe(path):
        raise RuntimeError("libVLC went away")

    checks = make_checks(show, probe)
    report = wait_checked(qtbot, checks)
    assert [row.status for row in report.rows] == [Status.BROKEN, Status.BROKEN]
    assert checks.problem("film") == "clip could not be probed: libVLC went away"


def test_a_show_without_clips_is_checked_at_once(qtbot, tmp_path, make_checks):
    (tmp_path / "show.yaml").write_text(SHOW.split("  - id: film")[0], encoding="utf-8")
    show = load_show(tmp_path / "show.yaml")
    checks = make_checks(show, None, start=False)
    with qtbot.waitSignal(checks.checked, timeout=1000) as blocker:
        checks.start()
    assert blocker.args[0].rows == ()


@pytest.mark.vlc
def test_a_copy_in_progress_changes_the_clip_but_its_status_once(qtbot, show, make_checks):
    checks = make_checks(show, CountingProbe(real=True))
    wait_checked(qtbot, checks)
    changed: list[str] = []
    status: list[str] = []
    checks.clip_changed.connect(changed.append)
    checks.clip_status_changed.connect(status.append)
    film = show.segments[1].clip
    good = film.read_bytes()
    for part in (0.3, 0.6):
        film.write_bytes(good[: int(len(good) * part)])
        qtbot.waitUntil(lambda p=part: f"only {int(p * 100)} %" in (checks.problem("film") or ""), timeout=2000)
    assert status == ["film"] and changed == ["film", "film"]
    film.write_bytes(good)
    qtbot.waitUntil(lambda: checks.problem("film") is None, timeout=2000)
    assert status == ["film", "film"]

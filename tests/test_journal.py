"""The crash journal, resume by replay, and the as-run record (pure Python, no Qt)."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import datetime, timedelta

import pytest

from presenter.as_run import as_run_csv, engine_from_journal
from presenter.clock import FakeClock
from presenter.engine import ClipState, Mode, ShowEngine
from presenter.journal import StateDir, find_resumable, is_crash_loop, read_journal

START = datetime(2021, 1, 19, 17, 29, 58)


_open_writers = []


@pytest.fixture(autouse=True)
def _close_writers():
    yield
    while _open_writers:
        _open_writers.pop().close()


def run_with_journal(show, state: StateDir, clock: FakeClock):
    engine = ShowEngine(show, clock)
    writer = state.new_journal(show, clock.now())
    _open_writers.append(writer)
    engine.journal = writer.append
    return engine, writer


def drive_to_discussion(engine, clock):
    clock.advance(2)
    engine.go()  # welcome 17:30:00
    clock.advance(320)  # 20 s over
    engine.add_time(60)
    engine.go()  # discussion 17:35:20
    engine.send_message("1 minute", blink=True)
    clock.advance(600)


def test_every_input_is_on_disk_before_it_takes_effect(bundled_show, tmp_path):
    state = StateDir(tmp_path)
    clock = FakeClock(START)
    engine, writer = run_with_journal(bundled_show, state, clock)
    seen_on_disk = []
    engine.subscribe(lambda event: seen_on_disk.append(len(read_journal(writer.path).records)))
    drive_to_discussion(engine, clock)
    ops = [record["op"] for record in read_journal(writer.path).records]
    assert ops == ["go", "add_time", "go", "send_message"]
    assert seen_on_disk[0] >= 1  # the first event was announced with its input already written


def test_resume_continues_the_timer_through_the_downtime(bundled_show, tmp_path):
    state = StateDir(tmp_path)
    clock = FakeClock(START)
    engine, writer = run_with_journal(bundled_show, state, clock)
    drive_to_discussion(engine, clock)
    before = engine.snapshot()
    writer.close()

    # The process dies; 40 s later it starts again with a fresh monotonic clock.
    later = FakeClock(clock.now() + timedelta(seconds=40), monotonic=5.0)
    resumed = find_resumable(state, bundled_show, later.now().date(), later)
    assert resumed is not None
    after = resumed.engine.snapshot()
    assert after.current.segment.id == "discussion"
    assert after.remaining_s == pytest.approx(before.remaining_s - 40, abs=1e-6)
    assert after.segments[0].actual_duration_s == pytest.approx(320)
    assert after.segments[0].planned_duration_s == 360
    assert after.message.text == "1 minute" and after.message.blink
    assert resumed.interrupted_at == datetime(2021, 1, 19, 17, 35, 20)


def test_a_clip_on_air_resumes_at_its_position_plus_the_downtime(bundled_show, tmp_path):
    state = StateDir(tmp_path)
    clock = FakeClock(START)
    engine, writer = run_with_journal(bundled_show, state, clock)
    engine.jump(2)
    engine.clip_progress("minimogli", 0.0, 75.0, playing=True)
    clock.advance(10)
    engine.clip_progress("minimogli", 10.0, 75.0, playing=True)  # not journaled: no turn
    writer.close()
    later = FakeClock(clock.now() + timedelta(seconds=20), monotonic=1.0)
    resumed = find_resumable(state, bundled_show, later.now().date(), later)
    snapshot = resumed.engine.snapshot()
    assert snapshot.clip.state is ClipState.PLAYING
    assert snapshot.clip.position_s == pytest.approx(30.0)
    assert snapshot.remaining_s == pytest.approx(45.0)


def test_a_torn_last_line_is_ignored_with_a_warning(bundled_show, tmp_path):
    state = StateDir(tmp_path)
    clock = FakeClock(START)
    engine, writer = run_with_journal(bundled_show, state, clock)
    drive_to_discussion(engine, clock)
    writer.close()
    with open(writer.path, "ab") as journal:
        journal.write(b'{"op":"go","wall":"2021-01-19T17:4')
    resumed = find_resumable(state, bundled_show, clock.now().date(), FakeClock(clock.now()))
    assert resumed.engine.snapshot().current.segment.id == "discussion"
    assert any("cut off" in warning for warning in resumed.warnings)


def test_no_resume_for_an_ended_show_another_day_or_another_file(bundled_show, tmp_path):
    state = StateDir(tmp_path)
    clock = FakeClock(START)
    engine, _writer = run_with_journal(bundled_show, state, clock)
    drive_to_discussion(engine, clock)
    assert find_resumable(state, bundled_show, (clock.now() + timedelta(days=1)).date(), clock) is None
    for _ in range(6):
        clock.advance(1)
        engine.go()
    assert engine.mode is Mode.ENDED
    assert find_resumable(state, bundled_show, clock.now().date(), clock) is None


def test_unwritable_state_dir_reports_and_the_show_goes_on(bundled_show, tmp_path):
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be")
    problems = []
    writer = StateDir(blocker).new_journal(bundled_show, START, on_problem=problems.append)
    engine = ShowEngine(bundled_show, FakeClock(START))
    engine.journal = writer.append
    engine.go()
    assert engine.mode is Mode.ON_AIR
    assert problems and "journal cannot be written" in problems[0]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_disk_full_reports_and_the_show_goes_on(bundled_show, tmp_path):
    problems = []
    from presenter.journal import JournalWriter

    writer = JournalWriter(tmp_path / "j.jsonl", problems.append)
    writer.close()
    writer._file = open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115
    _open_writers.append(writer)
    engine = ShowEngine(bundled_show, FakeClock(START))
    engine.journal = writer.append
    engine.go()
    assert engine.mode is Mode.ON_AIR
    assert "No space left" in problems[0]


def test_crash_loop_detection():
    assert not is_crash_loop([0.0, 100.0, 200.0])
    assert is_crash_loop([0.0, 10.0, 50.0])
    assert not is_crash_loop([0.0, 10.0])


def test_as_run_csv_has_a_row_per_segment(bundled_show, tmp_path):
    state = StateDir(tmp_path)
    clock = FakeClock(START)
    engine, writer = run_with_journal(bundled_show, state, clock)
    drive_to_discussion(engine, clock)
    engine.skip(3)
    engine.go()  # minimogli
    engine.clip_progress("minimogli", 0.0, 75.0, playing=True)
    clock.advance(75)
    engine.clip_ended("minimogli")  # → questions (autonomous-driving skipped)
    clock.advance(30)
    engine.heartbeat()
    writer.close()
    replayed, warnings = engine_from_journal(writer.path, bundled_show)
    assert warnings == []
    rows = list(csv.DictReader(io.StringIO(as_run_csv(replayed))))
    assert [row["segment"] for row in rows] == [s.id for s in bundled_show.segments]
    welcome, discussion, clip, skipped, questions, _ = rows
    assert (welcome["actual_start"], welcome["actual_duration"], welcome["over_under"]) == ("17:30:00", "5:20", "−0:40")
    assert welcome["planned_duration"] == "6:00"
    assert discussion["actual_duration"] == "10:00"
    assert (clip["clip_duration"], clip["clip_end"], clip["ended_by"]) == ("1:15", "ended (black)", "clip ended")
    assert skipped["skipped"] == "yes" and skipped["actual_start"] == ""
    assert questions["ended_by"] == "on air" and questions["actual_duration"] == "0:30"


def test_journal_lines_are_json_objects(bundled_show, tmp_path):
    state = StateDir(tmp_path)
    clock = FakeClock(START)
    engine, writer = run_with_journal(bundled_show, state, clock)
    drive_to_discussion(engine, clock)
    lines = writer.path.read_text().splitlines()
    assert json.loads(lines[0])["type"] == "run"
    assert all(isinstance(json.loads(line), dict) for line in lines)


def test_replay_applies_every_journaled_go_even_if_the_wall_clock_put_them_close(bundled_show):
    # Accepted GOs 0.35 s apart on the monotonic clock, but an NTP step made their wall times 0.1 s apart.
    records = [
        {"op": "go", "wall": "2021-01-19T17:30:00.000000"},
        {"op": "go", "wall": "2021-01-19T17:30:00.100000"},
    ]
    engine = ShowEngine(bundled_show, FakeClock(datetime(2021, 1, 19, 17, 31)))
    assert engine.replay(records) == []
    assert engine.snapshot().current.segment.id == "discussion"


def test_a_run_closed_on_purpose_is_not_resumed_and_its_as_run_says_why(bundled_show, tmp_path):
    state = StateDir(tmp_path)
    clock = FakeClock(START)
    engine, writer = run_with_journal(bundled_show, state, clock)
    drive_to_discussion(engine, clock)
    engine.close_run("another show opened")
    assert engine.mode is Mode.ENDED
    writer.close()
    assert find_resumable(state, bundled_show, START.date(), FakeClock(clock.now())) is None
    replayed, warnings = engine_from_journal(writer.path, bundled_show)
    assert warnings == []
    rows = list(csv.DictReader(io.StringIO(as_run_csv(replayed))))
    assert rows[1]["ended_by"] == "another show opened" and rows[1]["actual_duration"] == "10:00"
    assert rows[2]["actual_start"] == "" and rows[2]["ended_by"] == ""


def test_closing_a_run_in_standby_changes_nothing(bundled_show):
    engine = ShowEngine(bundled_show, FakeClock(START))
    engine.close_run("new run")
    assert engine.mode is Mode.STANDBY


def test_the_latest_journal_is_the_one_written_to_last(bundled_show, tmp_path):
    # A crash loop: a new journal in standby, then the director resumes the interrupted (older) run.
    state = StateDir(tmp_path)
    clock = FakeClock(START)
    engine, interrupted = run_with_journal(bundled_show, state, clock)
    drive_to_discussion(engine, clock)
    standby = state.new_journal(bundled_show, clock.now() + timedelta(seconds=5))
    _open_writers.append(standby)
    reopened = state.reopen(interrupted.path)
    _open_writers.append(reopened)
    engine.journal = reopened.append
    os.utime(standby.path, ns=(1_000_000_000, 1_000_000_000))  # mtimes as they would be, whatever the fs
    engine.heartbeat()
    assert standby.path.name > interrupted.path.name
    assert state.latest_journal(bundled_show) == interrupted.path
    resumable = find_resumable(state, bundled_show, START.date(), FakeClock(clock.now() + timedelta(seconds=9)))
    assert resumable is not None and resumable.engine.snapshot().current.segment.id == "discussion"

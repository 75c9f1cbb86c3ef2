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
from presenter.journal import StateDir, is_crash_loop, read_journal
from presenter.runs import find_resumable

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
    assert engine.go()
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
    assert (welcome["actual_start"], welcome["actual_duration"], welcome["over_under"]) == ("17:30:00", "5:20", "-0:40")
    # the plan stays as planned; the minute given has its own column (it used to overwrite the plan: 6:00, −0:40)
    assert (welcome["planned_duration"], welcome["added_time"]) == ("5:00", "+1:00")
    assert discussion["actual_duration"] == "10:00"
    assert (clip["clip_duration"], clip["clip_end"]) == ("1:15", "ended by itself")
    assert clip["ended_by"] == "clip ended"  # and its clip_end never reads like a stop to black
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


# ------------------------------------------------------------------ issue 16: damaged journals never stop a start


def interrupted_journal(show, tmp_path):
    """A run interrupted with the discussion on air; returns the state, the journal path and the clock."""
    state = StateDir(tmp_path / "state")
    clock = FakeClock(START)
    engine, writer = run_with_journal(show, state, clock)
    drive_to_discussion(engine, clock)
    writer.close()
    return state, writer.path, clock


DAMAGED_LINES = {
    "no wall": b'{"op":"alive"}',
    "wall a number": b'{"op":"go","wall":1611077400}',
    "wall yesterday": b'{"op":"go","wall":"yesterday"}',
    "wall with a zone far away": b'{"op":"alive","wall":"0001-01-01T00:00:00+14:00"}',
    "NaN added": b'{"op":"add_time","wall":"2021-01-19T17:45:20","seconds":NaN}',
    "huge added": b'{"op":"add_time","wall":"2021-01-19T17:45:20","seconds":1e308}',
    "text a number": b'{"op":"send_message","wall":"2021-01-19T17:45:20","text":5,"blink":"yes"}',
    "clip position a list": b'{"op":"clip_progress","wall":"2021-01-19T17:45:20","segment":[1],"position_s":[]}',
    "durations infinite": b'{"op":"media_durations","wall":"2021-01-19T17:45:20","durations":{"a":Infinity}}',
    "op a table": b'{"op":{"x":1},"wall":"2021-01-19T17:45:20"}',
    "deeply nested": b"[" * 50_000 + b"]" * 50_000,
    "nested object": b'{"op":"alive","wall":"2021-01-19T17:45:20","x":' + b"[" * 20_000 + b"]" * 20_000 + b"}",
    "1 MB message": b'{"op":"send_message","wall":"2021-01-19T17:45:20","text":"'
    + b"x" * 1_000_000
    + b'","blink":false}',
}


@pytest.mark.parametrize("line", DAMAGED_LINES.values(), ids=DAMAGED_LINES.keys())
def test_a_damaged_last_record_is_skipped_with_a_warning_naming_its_line(bundled_show, tmp_path, line):
    state, path, clock = interrupted_journal(bundled_show, tmp_path)
    later = FakeClock(clock.now() + timedelta(seconds=40), monotonic=5.0)
    undamaged = find_resumable(state, bundled_show, later.now().date(), later).engine.snapshot()
    with open(path, "ab") as journal:
        journal.write(line + b"\n")
    number = len(path.read_bytes().splitlines())
    resumed = find_resumable(state, bundled_show, later.now().date(), later)
    assert resumed is not None
    snapshot = resumed.engine.snapshot()
    assert snapshot.current.segment.id == "discussion"
    assert snapshot.remaining_s == pytest.approx(undamaged.remaining_s, abs=1e-6)
    assert snapshot.message.text == "1 minute"
    assert resumed.interrupted_at == datetime(2021, 1, 19, 17, 35, 20)
    assert len(resumed.warnings) == 1 and f"line {number}" in resumed.warnings[0]
    assert "\n" not in resumed.warnings[0] and len(resumed.warnings[0]) < 300
    replayed, warnings = engine_from_journal(path, bundled_show)  # the as-run, too
    assert len(warnings) == 1 and as_run_csv(replayed).count("\n") == len(bundled_show.segments) + 1


def test_a_1_mb_record_costs_no_time_at_start(bundled_show, tmp_path):
    import time

    state, path, clock = interrupted_journal(bundled_show, tmp_path)
    with open(path, "ab") as journal:
        for _ in range(5):
            journal.write(DAMAGED_LINES["1 MB message"] + b"\n")
    started = time.perf_counter()
    resumed = find_resumable(state, bundled_show, clock.now().date(), FakeClock(clock.now()))
    assert time.perf_counter() - started < 1.0
    assert resumed.engine.snapshot().message.text == "1 minute"
    assert all("too long" in warning for warning in resumed.warnings)


def test_a_damaged_header_still_resumes_from_the_file_name(bundled_show, tmp_path):
    state, path, clock = interrupted_journal(bundled_show, tmp_path)
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([lines[0][:20], *lines[1:]]))
    resumed = find_resumable(state, bundled_show, clock.now().date(), FakeClock(clock.now()))
    assert resumed is not None and resumed.engine.snapshot().current.segment.id == "discussion"
    assert any("first line" in warning and "2021-01-19" in warning for warning in resumed.warnings)
    # Another day is still not resumed.
    assert find_resumable(state, bundled_show, (clock.now() + timedelta(days=1)).date(), clock) is None


def test_a_header_with_fields_of_the_wrong_type_is_recovered_from_the_file_name(bundled_show, tmp_path):
    state, path, clock = interrupted_journal(bundled_show, tmp_path)
    lines = path.read_bytes().split(b"\n")
    header = json.loads(lines[0])
    header.update(show=5, day=["2021-01-19"])
    path.write_bytes(b"\n".join([json.dumps(header).encode(), *lines[1:]]))
    resumed = find_resumable(state, bundled_show, clock.now().date(), FakeClock(clock.now()))
    assert resumed.engine.snapshot().current.segment.id == "discussion"
    assert any("first line" in warning for warning in resumed.warnings)
    assert state.last_show() is None  # which file it was is lost: nothing is opened by itself
    header.update(show="/elsewhere/other.yaml", show_id="0123456789abcdef", day="2021-01-19")
    path.write_bytes(b"\n".join([json.dumps(header).encode(), *lines[1:]]))
    assert find_resumable(state, bundled_show, clock.now().date(), FakeClock(clock.now())) is None  # another show
    header.update(show="/bad\u0000name.yaml")
    path.write_bytes(b"\n".join([json.dumps(header).encode(), *lines[1:]]))
    assert state.last_show() is None


def test_acquiring_the_state_directory_makes_files_of_older_versions_private(bundled_show, tmp_path):
    import stat

    state, path, _clock = interrupted_journal(bundled_show, tmp_path)
    (state.path / "settings.ini").write_text("[x]\n")
    for file, mode in (
        (state.path, 0o755),
        (state.journals, 0o755),
        (path, 0o644),
        (state.path / "settings.ini", 0o644),
    ):
        file.chmod(mode)
    with state.acquire_lock():
        assert stat.S_IMODE(state.path.stat().st_mode) == stat.S_IMODE(state.journals.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == stat.S_IMODE((state.path / "settings.ini").stat().st_mode) == 0o600


def test_after_a_torn_last_line_the_next_record_is_a_line_of_its_own(bundled_show, tmp_path):
    state, path, clock = interrupted_journal(bundled_show, tmp_path)
    with open(path, "ab") as journal:
        journal.write(b'{"op":"go","wall":"2021-01-19T17:4')
    later = FakeClock(clock.now() + timedelta(seconds=40), monotonic=5.0)
    resumed = find_resumable(state, bundled_show, later.now().date(), later)
    reopened = state.reopen(path)
    _open_writers.append(reopened)
    resumed.engine.journal = reopened.append
    later.advance(1)
    resumed.engine.go()  # the next segment, journaled after the fragment
    reopened.close()
    again = find_resumable(state, bundled_show, later.now().date(), FakeClock(later.now(), monotonic=5.0))
    assert again.engine.snapshot().current.segment.id == resumed.engine.snapshot().current.segment.id
    assert again.engine.snapshot().current.segment.id != "discussion"
    assert any("line 6 is damaged" in warning for warning in again.warnings)


def test_the_state_directory_is_private_and_its_files_too(bundled_show, tmp_path):
    import stat

    state = StateDir(tmp_path / "state")
    state.record_start()
    clock = FakeClock(START)
    _engine, writer = run_with_journal(bundled_show, state, clock)
    for directory in (state.path, state.journals):
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    for file in (writer.path, state.path / "starts.log"):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    # An existing world-readable state directory and journal are made private when written to again.
    writer.close()
    state.path.chmod(0o755)
    writer.path.chmod(0o644)
    _open_writers.append(state.reopen(writer.path))
    assert stat.S_IMODE(state.path.stat().st_mode) == 0o700
    assert stat.S_IMODE(writer.path.stat().st_mode) == 0o600


def test_a_wall_clock_step_back_before_a_crash_is_not_show_time(bundled_show, tmp_path):
    # Welcome on air; 5 s later NTP steps the clock back 1 h; 5 s on the process is killed and
    # restarts 40 s later on the same boot (its monotonic clock ran on).
    state = StateDir(tmp_path)
    clock = FakeClock(START)
    engine, writer = run_with_journal(bundled_show, state, clock)
    clock.advance(2)
    engine.go()
    clock.advance(5)
    clock.jump_wall(-3600)
    clock.advance(5)
    engine.heartbeat()
    before = engine.snapshot()
    assert before.elapsed_s == pytest.approx(10)
    writer.close()
    later = FakeClock(clock.now() + timedelta(seconds=40), monotonic=clock.monotonic() + 40)
    resumed = find_resumable(state, bundled_show, later.now().date(), later).engine.snapshot()
    assert resumed.elapsed_s == pytest.approx(10 + 40, abs=1e-6)  # not 3,610 s
    assert resumed.remaining_s == pytest.approx(before.remaining_s - 40, abs=1e-6)


def test_a_wall_clock_step_forward_before_a_crash_is_not_show_time_either(bundled_show, tmp_path):
    state = StateDir(tmp_path)
    clock = FakeClock(START)
    engine, writer = run_with_journal(bundled_show, state, clock)
    clock.advance(2)
    engine.go()
    clock.advance(5)
    clock.jump_wall(+3600)
    clock.advance(5)
    engine.add_time(30)
    before = engine.snapshot()
    writer.close()
    later = FakeClock(clock.now() + timedelta(seconds=40), monotonic=clock.monotonic() + 40)
    resumed = find_resumable(state, bundled_show, later.now().date(), later).engine.snapshot()
    assert resumed.elapsed_s == pytest.approx(10 + 40, abs=1e-6)  # not 3,650 s
    assert resumed.remaining_s == pytest.approx(before.remaining_s - 40, abs=1e-6)


def test_after_a_reboot_the_downtime_comes_from_the_wall_clock_even_if_the_new_uptime_is_longer(bundled_show, tmp_path):
    state = StateDir(tmp_path)
    clock = FakeClock(START, monotonic=100.0)  # the show started 100 s after the machine booted
    clock.boot_id = "first-boot"
    engine, writer = run_with_journal(bundled_show, state, clock)
    clock.advance(2)
    engine.go()
    clock.advance(10)
    engine.heartbeat()
    writer.close()
    assert json.loads(writer.path.read_text().splitlines()[1])["boot"] == "first-boot"
    # Power loss; the machine boots again and Presenter starts 300 s later, 200 s after that boot.
    later = FakeClock(clock.now() + timedelta(seconds=300), monotonic=200.0)
    later.boot_id = "second-boot"
    resumed = find_resumable(state, bundled_show, later.now().date(), later)
    assert resumed.engine.snapshot().elapsed_s == pytest.approx(10 + 300)  # not 10 + (200 - 112)
    # Back on the same boot, the monotonic clock is trusted again.
    same = FakeClock(clock.now() + timedelta(seconds=300), monotonic=clock.monotonic() + 30)
    same.boot_id = "first-boot"
    assert find_resumable(state, bundled_show, same.now().date(), same).engine.snapshot().elapsed_s == pytest.approx(40)


def test_a_cold_started_clip_resumes_at_its_position_with_the_length_learned_late(tmp_path):
    """Issue 16 #5: libVLC reports a cold start as playing before it knows the length; the length is journaled."""
    from presenter.show import load_show

    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00" * 64)
    path = tmp_path / "show.yaml"
    path.write_text(
        'version: 1\ntitle: Kalt\ndate: 2021-01-19\nstart: "17:30"\nend: "18:00"\nsegments:\n'
        '  - {id: talk, title: Gespräch, duration: "5:00"}\n'
        "  - {id: film, title: Film, kind: clip, clip: clip.mp4}\n",
        encoding="utf-8",
    )
    show = load_show(path)
    state = StateDir(tmp_path / "state")
    clock = FakeClock(START)
    engine, writer = run_with_journal(show, state, clock)
    engine.jump(1)  # cold: nothing armed, no probe yet
    assert engine.go()
    engine.clip_progress("film", 0.0, None, playing=True)
    clock.advance(0.3)
    engine.clip_progress("film", 0.3, 75.0, playing=True)  # the length arrives: journaled once
    clock.advance(10)
    engine.clip_progress("film", 10.3, 75.0, playing=True)  # not journaled
    writer.close()
    ops = [(r["op"], r.get("duration_s")) for r in read_journal(writer.path).records]
    assert ops.count(("clip_progress", 75.0)) == 1
    later = FakeClock(clock.now() + timedelta(seconds=20), monotonic=1.0)
    resumed = find_resumable(state, show, later.now().date(), later)
    snapshot = resumed.engine.snapshot()
    assert snapshot.clip.state is ClipState.PLAYING
    assert snapshot.clip.duration_s == pytest.approx(75.0)
    assert snapshot.clip.position_s == pytest.approx(30.3, abs=0.01)


def test_the_start_log_is_never_written_through_a_symlink(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    state = StateDir(tmp_path / "state")
    state.path.mkdir()
    (state.path / "starts.log").symlink_to(victim)
    assert state.record_start(1000.0)[-1] == 1000.0
    assert victim.read_text() == "precious"
    assert not (state.path / "starts.log").is_symlink()

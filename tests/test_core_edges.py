"""The rare paths of the pure core, each with the behaviour a user gets (the 100 % branch floor of
tools/core_coverage.sh rests on these as much as on the main tests)."""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml

from presenter import files, records
from presenter.clock import FakeClock, SystemClock
from presenter.run import journal, runs
from presenter.run.engine import ClipEnd, ClipState, EndReason, Mode, ShowEngine
from presenter.run.journal import JournalWriter, StateDir, header_started, read_journal, resumable_from
from presenter.show import Segment, Show, ShowFileError, load_show, read_show_bytes

START = datetime(2021, 1, 19, 17, 30)


def wall(seconds: float) -> str:
    return (START + timedelta(seconds=seconds)).isoformat()


# --------------------------------------------------------------------------------------------- engine


def test_replayed_media_durations_unskip_and_clip_failure(bundled_show):
    records_ = [
        {"op": "media_durations", "wall": wall(0), "durations": {"minimogli": 62.5}},
        {"op": "skip", "wall": wall(0), "segment": "discussion"},
        {"op": "unskip", "wall": wall(0), "segment": "discussion"},
        {"op": "cue", "wall": wall(0), "segment": "minimogli"},
        {"op": "go", "wall": wall(1)},
        {"op": "clip_failed", "wall": wall(2), "segment": "minimogli", "problem": "cannot open"},
    ]
    engine = ShowEngine(bundled_show, FakeClock(START + timedelta(seconds=3)))
    assert engine.replay(records_) == []
    assert engine.show.media_durations == {"minimogli": 62.5}
    assert str(engine.runs[1].status) == "pending"
    assert engine.runs[2].clip_state is ClipState.FAILED and engine.airings[0].clip_end is ClipEnd.FAILED
    assert engine.next_index() == 3


def test_replayed_durations_with_a_name_that_is_not_text_are_refused(bundled_show):
    engine = ShowEngine(bundled_show, FakeClock(START))
    warnings = engine.replay([{"op": "media_durations", "wall": wall(0), "durations": {1: 2.0}}])
    assert len(warnings) == 1 and "durations has a name that is not text" in warnings[0]


def test_a_stop_to_black_after_the_clip_ended_keeps_how_it_ended(bundled_show):
    segments = list(bundled_show.segments)
    segments[2] = replace(segments[2], end_action="hold")
    engine = ShowEngine(replace(bundled_show, segments=tuple(segments)), FakeClock(START))
    engine.jump(2)
    assert engine.go()
    engine.clip_progress("minimogli", 0.0, 75.0, True)
    engine.clip_ended("minimogli")
    engine.panic()  # the held last frame goes black: the clip had ended by itself
    assert engine.airings[-1].clip_end is ClipEnd.ENDED
    assert engine.runs[2].clip_state is ClipState.BLACK


def test_removing_the_last_segment_while_it_is_on_air_ends_the_show(bundled_show):
    clock = FakeClock(START)
    engine = ShowEngine(bundled_show, clock)
    for _ in range(6):
        assert engine.go()
        clock.advance(1)
    engine.replace_show(replace(bundled_show, segments=bundled_show.segments[:5]))
    assert engine.mode is Mode.ENDED
    assert engine.airings[-1].end_reason is EndReason.REMOVED


def test_a_cue_survives_a_changed_show_file_by_id_or_goes(bundled_show):
    engine = ShowEngine(bundled_show, FakeClock(START))
    engine.jump(4)
    engine.replace_show(replace(bundled_show, segments=bundled_show.segments[::-1]))
    assert engine.cue == 1 and engine.snapshot().next.segment.id == "questions"
    engine.replace_show(replace(bundled_show, segments=bundled_show.segments[:3]))
    assert engine.cue is None


def test_close_run_with_an_unknown_reason_reads_run_closed(bundled_show):
    engine = ShowEngine(bundled_show, FakeClock(START))
    assert engine.go()
    engine.close_run("the cat sat on the keyboard")
    assert engine.runs[0].end_reason is EndReason.RUN_CLOSED


# --------------------------------------------------------------------------------------------- records


def test_the_boot_of_the_system_clock_is_read_once_and_an_unreadable_one_is_none(monkeypatch):
    monkeypatch.setattr(records, "_SYSTEM_BOOT", [])
    first = records.clock_boot(SystemClock())
    assert first == records.clock_boot(SystemClock())
    assert first is None or 0 < len(first) <= 64
    monkeypatch.setattr(records, "_SYSTEM_BOOT", [])

    def unreadable(*args, **kwargs):
        raise OSError("no /proc")

    monkeypatch.setattr("builtins.open", unreadable)
    assert records.clock_boot(SystemClock()) is None


@pytest.mark.parametrize(
    ("record", "exc", "expected"),
    [
        ({"op": "go", "_line": 3}, records.BadRecord("blink is not true or false"), "journal line 3 (go) is ignored"),
        ("text", KeyError(), "a journal entry is ignored: a field is missing"),
        ({}, RuntimeError("first\nsecond"), "a journal entry is ignored: first"),
        ({}, RuntimeError(), "a journal entry is ignored: RuntimeError"),
    ],
)
def test_replay_warnings_are_one_line(record, exc, expected):
    assert records.replay_warning(record, exc).startswith(expected)


def test_flags_last_wall_and_damaged_times():
    with pytest.raises(records.BadRecord, match="blink is not true or false"):
        records.flag_field({"blink": "yes"}, "blink")
    assert records.last_wall([{"wall": "nonsense"}]) is None
    assert records.last_wall([{"wall": wall(1)}, {"wall": 7}]) == START + timedelta(seconds=1)


# --------------------------------------------------------------------------------------------- journal


def test_the_default_state_dir_is_the_users_data_folder():
    assert journal.default_state_dir().name == "presenter"


def test_a_journal_that_cannot_be_written_is_reported_once_and_its_recovery_too(tmp_path, monkeypatch):
    heard: list[str] = []
    writer = JournalWriter(tmp_path / "state" / "journals" / "run.jsonl", heard.append)
    real_fsync = os.fsync

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert writer.append({"op": "go"}) is False
    assert writer.append({"op": "go"}) is False
    assert heard == ["the journal cannot be written (No space left on device): a crash now would lose the show state"]
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert writer.append({"op": "alive"}) is True
    assert heard[-1] == "" and writer.problem is None
    writer.close()
    writer.close()
    assert writer.append({"op": "alive"}) is False


def test_a_journal_without_a_listener_still_notes_its_problem(tmp_path, monkeypatch):
    writer = JournalWriter(tmp_path / "j" / "journals" / "run.jsonl")
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    assert writer.append({"op": "go"}) is False and "I/O error" in writer.problem
    monkeypatch.undo()
    assert writer.append({"op": "go"}) is True and writer.problem is None
    writer.close()


def test_a_journal_that_syncs_later_has_written_each_line_before_append_returns(tmp_path, monkeypatch, bundled_show):
    """The application's journals fsync on a thread of their own (issue 25: the fsync held every GO)."""
    synced: list[int] = []
    release = threading.Event()
    real_fsync = os.fsync

    def slow_fsync(fd):
        release.wait()  # a disk that takes its time: append must not wait for it
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)
    state = StateDir(tmp_path / "state", sync_later=True)
    writer = state.new_journal(bundled_show, START)
    assert writer.append({"op": "go"}) is True
    assert writer.path.read_text().splitlines()[-1] == '{"op":"go"}'  # flushed: kill -9 keeps it
    assert writer.synced(0.01) is False
    release.set()
    assert writer.synced()
    assert synced
    writer.close()
    at_once = JournalWriter(writer.path)
    assert at_once.synced(0.0)  # syncing at once: always synced
    at_once.close()


def test_a_journal_that_syncs_later_reports_a_failed_fsync_at_its_next_line_and_its_recovery(tmp_path, monkeypatch):
    heard: list[str] = []
    writer = JournalWriter(tmp_path / "state" / "journals" / "run.jsonl", heard.append, sync_later=True)
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    assert writer.append({"op": "go"}) is True  # written; the disk has not answered yet
    assert writer.synced()
    assert writer.append({"op": "alive"}) is False
    assert heard == ["the journal cannot be written (I/O error): a crash now would lose the show state"]
    monkeypatch.undo()
    assert writer.synced()  # the fsync of the line that reported the failure fails too
    writer.append({"op": "alive"})
    assert writer.synced()
    assert writer.append({"op": "alive"}) is True
    assert heard[-1] == "" and writer.problem is None
    writer.close(wait=True)
    assert writer.path.read_text().count("alive") == 3
    writer.close()  # twice: nothing more happens


def test_a_journal_that_syncs_later_closes_without_waiting_for_the_disk(tmp_path, monkeypatch):
    release = threading.Event()
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (release.wait(), real_fsync(fd)))
    writer = JournalWriter(tmp_path / "state" / "journals" / "run.jsonl", sync_later=True)
    writer.append({"op": "go"})
    syncer = writer._syncer
    writer.close()  # a new run: the disk is slow, the show is not held
    assert syncer is not None and syncer.ended(0.01) is False
    assert writer.append({"op": "late"}) is False
    release.set()
    assert syncer.ended(5.0)
    assert writer.path.read_text().splitlines() == ['{"op":"go"}']


def test_a_torn_journal_whose_end_cannot_be_read_still_gets_its_records(tmp_path, monkeypatch):
    path = tmp_path / "s" / "journals" / "run.jsonl"
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"op":"go"}')  # no newline: torn
    real_open = open

    def cannot_reopen(file, mode="r", *args, **kwargs):
        if file == path and mode == "rb":
            raise OSError("busy")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", cannot_reopen)
    writer = JournalWriter(path)
    monkeypatch.undo()
    assert writer.append({"op": "alive"})
    writer.close()
    assert path.read_bytes() == b'{"op":"go"}{"op":"alive"}\n'  # could not tell: written as before


def test_a_damaged_header_that_the_name_cannot_restore(tmp_path):
    path = tmp_path / "no-date-here.jsonl"
    path.write_text('{"type":"run","day":"19.01.2021"}\n{"op":"go","wall":"2021-01-19T17:30:00"}\n')
    contents = read_journal(path)
    assert contents.warnings == ["journal no-date-here.jsonl: its first line (which show, which day) is damaged"]
    other = tmp_path / "20211301-000000-000000-abc.jsonl"  # a month 13: not a date
    other.write_text('{"type":"run"}\n')
    assert read_journal(other).warnings == [
        "journal 20211301-000000-000000-abc.jsonl: its first line (which show, which day) is damaged"
    ]
    clean = tmp_path / "clean.jsonl"
    clean.write_text('{"op":"go","wall":"2021-01-19T17:30:00"}\n')
    assert read_journal(clean).warnings == []


def test_header_started_of_a_damaged_header_is_none():
    assert header_started({}) is None
    assert header_started({"started": 5}) is None
    assert header_started({"started": "then"}) is None


def test_a_state_dir_that_cannot_be_listed_has_no_journals(tmp_path, monkeypatch, bundled_show):
    state = StateDir(tmp_path / "state")
    state.make_private()  # nothing there yet: nothing to do, nothing raised
    assert state.all_journals() == [] and state.last_show() is None
    writer = state.new_journal(bundled_show, START)
    writer.close()
    assert state.last_show() == bundled_show.path
    monkeypatch.setattr(Path, "glob", lambda self, pattern: (_ for _ in ()).throw(OSError("gone")))
    assert state.all_journals() == []


def test_the_journal_written_last_when_one_vanishes_while_sorting(tmp_path, monkeypatch, bundled_show):
    state = StateDir(tmp_path / "state")
    for minute in (0, 1):
        state.new_journal(bundled_show, START + timedelta(minutes=minute)).close()
    real_stat = Path.stat

    def vanishing(self, *args, **kwargs):
        if self.suffix == ".jsonl":
            raise FileNotFoundError(self)
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", vanishing)
    assert state.latest_journal().name.startswith("20210119-173100")  # by name, then


def test_the_last_show_of_an_unreadable_journal_is_none(tmp_path, bundled_show, monkeypatch):
    state = StateDir(tmp_path / "state")
    state.new_journal(bundled_show, START).close()
    monkeypatch.setattr(journal, "read_journal", lambda path: (_ for _ in ()).throw(OSError("unreadable")))
    assert state.last_show() is None


def test_the_start_log_in_a_folder_that_cannot_be_written(tmp_path, monkeypatch):
    state = StateDir(tmp_path / "state")
    monkeypatch.setattr(journal, "atomic_write", lambda *a, **k: (_ for _ in ()).throw(OSError("read-only")))
    assert state.record_start(1000.0) == [1000.0]  # the start goes on; it just is not remembered


def test_make_private_fixes_old_files_and_leaves_symlinks_and_folders(tmp_path):
    state = StateDir(tmp_path / "state")
    state.journals.mkdir(parents=True)
    old = state.journals / "old.jsonl"
    old.write_text("{}\n")
    old.chmod(0o644)
    (state.path / "link").symlink_to(old)
    state.make_private()
    assert old.stat().st_mode & 0o777 == 0o600
    without = StateDir(tmp_path / "bare")
    without.path.mkdir()
    (without.path / "starts.log").write_text("1\n")
    without.make_private()


def test_a_journal_that_vanished_is_not_resumable(tmp_path, bundled_show):
    assert resumable_from(tmp_path / "gone.jsonl", bundled_show, START.date(), FakeClock(START)) is None


# --------------------------------------------------------------------------------------------- runs


def test_a_closed_run_says_why_and_a_vanished_journal_is_left_out(tmp_path, bundled_show, monkeypatch):
    state = StateDir(tmp_path / "state")
    writer = state.new_journal(bundled_show, START)
    writer.append({"op": "close_run", "reason": "new run", "wall": wall(1)})
    writer.close()
    (run,) = runs.list_runs(state)
    assert run.state == "closed (new run)"
    monkeypatch.setattr(runs, "read_journal", lambda path: (_ for _ in ()).throw(OSError("gone")))
    assert runs.list_runs(state) == []
    assert runs.find_resumable(state, bundled_show, START.date(), FakeClock(START)) is None


# --------------------------------------------------------------------------------------------- show file


def test_the_resolver_works_with_pyyamls_own_composer_too():
    from presenter.show import _Loader

    node = yaml.compose("a: [b, ~]\n", Loader=_Loader)
    assert node.value[0][1].value[1].tag == "tag:yaml.org,2002:null"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(13, "Permission denied"), "cannot be read (permission denied)"),
        (BlockingIOError(11, "would block"), "is not a regular file"),
        (OSError(5, "Input/output error"), "cannot be read (Input/output error)"),
        (IsADirectoryError(21, "Is a directory"), "is a folder, not a show file"),
    ],
    ids=["permission", "blocking", "io-error", "folder"],
)
def test_a_show_file_that_cannot_be_opened_says_why(tmp_path, monkeypatch, error, message):
    path = tmp_path / "show.yaml"
    path.write_text("version: 1\n")

    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(os, "open", failing)
    with pytest.raises(ShowFileError) as caught:
        read_show_bytes(path)
    assert caught.value.message == message


def test_a_show_file_that_grows_while_it_is_read_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "show.yaml"
    path.write_text("version: 1\n")
    monkeypatch.setattr("presenter.show.MAX_FILE_BYTES", 4)
    monkeypatch.setattr("presenter.show._check_status", lambda path, status: None)
    with pytest.raises(ShowFileError, match="is more than 20 MB"):
        read_show_bytes(path)


def test_show_errors_without_a_column_and_the_file_name():
    assert str(ShowFileError(Path("/x/show.yaml"), 3, None, "bad")) == "show.yaml:3: bad"
    assert str(ShowFileError(Path("/x/show.yaml"), None, None, "bad")) == "show.yaml: bad"


def test_a_bom_and_a_bad_byte_on_the_first_line(tmp_path):
    """The column counts the characters of the line, not the BOM (it counted three bytes short)."""
    path = tmp_path / "show.yaml"
    path.write_bytes(b"\xef\xbb\xbfversion: \xff\n")
    with pytest.raises(ShowFileError) as caught:
        load_show(path)
    assert (caught.value.line, caught.value.column) == (1, 10)


def test_a_segment_is_live_or_clip(bundled_show):
    assert isinstance(bundled_show, Show) and isinstance(bundled_show.segments[0], Segment)
    assert [segment.is_clip for segment in bundled_show.segments] == [False, False, True, True, False, False]


# --------------------------------------------------------------------------------------------- files


def test_a_backup_that_is_a_symlink_is_replaced_not_followed(tmp_path):
    target = tmp_path / "as-run.csv"
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("keep")
    target.symlink_to(elsewhere)
    files.atomic_write(target, "new")
    assert elsewhere.read_text() == "keep" and target.read_text() == "new" and not target.is_symlink()


def _show_text(**lines: str) -> str:
    text = (
        'version: 1\ntitle: Test\ndate: 2021-01-19\nstart: "17:30"\nend: "19:00"\nsegments:\n'
        '  - {id: a, title: A, duration: "5:00"}\n'
    )
    for old, new in lines.items():
        text = text.replace(old.replace("_", " ") + ":", new, 1)
    return text


def test_an_explicitly_tagged_key_and_text_are_read_as_text(tmp_path):
    path = tmp_path / "show.yaml"
    path.write_text(_show_text(title="!!int title: !!int Test-Show\nx_title_was"))
    path.write_text(path.read_text().replace("x_title_was Test\n", ""))
    show = load_show(path)
    assert show.title == "Test-Show"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\na: &x 1\nb: &x 2\n", "found duplicate anchor"),
        ("version: 1\n? [a, b]\n: c\n", "a key in the show must be a plain name"),
    ],
    ids=["duplicate-anchor", "list-as-key"],
)
def test_yaml_a_show_file_cannot_use(tmp_path, text, message):
    path = tmp_path / "show.yaml"
    path.write_text(text)
    with pytest.raises(ShowFileError, match=message):
        load_show(path)


@pytest.mark.parametrize(
    ("error", "message", "where"),
    [
        (yaml.MarkedYAMLError(problem="odd"), "not valid YAML: odd", (None, None)),
        (yaml.YAMLError("strange"), "not valid YAML: strange", (None, None)),
        (RecursionError(), "not valid YAML: nested too deeply", (None, None)),
    ],
    ids=["no-mark", "plain-yaml-error", "recursion"],
)
def test_parser_failures_without_a_place_are_still_clear(tmp_path, monkeypatch, error, message, where):
    path = tmp_path / "show.yaml"
    path.write_text("version: 1\n")

    def failing(loader, path):
        raise error

    monkeypatch.setattr("presenter.show._compose_counted", failing)
    with pytest.raises(ShowFileError) as caught:
        load_show(path)
    assert caught.value.message == message and (caught.value.line, caught.value.column) == where


def test_aliased_segments_count_against_the_limit(tmp_path, monkeypatch):
    """Texts of an aliased list are counted as read; the next segment's keys find the limit passed.

    451: the fifth segment itself still fits, its four keys do not (each segment costs 109 values).
    """
    monkeypatch.setattr("presenter.show.MAX_NODES", 451)
    points = "[" + ", ".join(["a"] * 100) + "]"
    segments = [f'  - {{id: s0, title: S0, duration: "0:10", talking_points: &p {points}}}\n']
    segments += [f'  - {{id: s{n}, title: S{n}, duration: "0:10", talking_points: *p}}\n' for n in range(1, 10)]
    path = tmp_path / "show.yaml"
    path.write_text(_show_text().split("segments:")[0] + "segments:\n" + "".join(segments))
    with pytest.raises(ShowFileError, match="with its aliases expanded") as caught:
        load_show(path)
    assert (caught.value.line, caught.value.column) == (11, 5)  # the fifth segment


def test_a_backup_that_cannot_be_read_stops_the_write_and_keeps_the_file(tmp_path, monkeypatch):
    target = tmp_path / "as-run.csv"
    target.write_text("old")
    real_open = os.open

    def denied(path, flags, *args, **kwargs):
        if Path(path) == target:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(PermissionError):
        files.atomic_write(target, "new")
    monkeypatch.undo()
    assert target.read_text() == "old"

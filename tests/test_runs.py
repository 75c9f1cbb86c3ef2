"""Which run to resume and which to export: starts that stayed in standby never hide a real run."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pytest

from presenter import cli
from presenter.clock import FakeClock
from presenter.run.engine import ShowEngine
from presenter.run.journal import StateDir, is_crash_loop
from presenter.run.runs import find_resumable, find_run, latest_run, list_runs

START = datetime(2021, 1, 19, 17, 29, 58)


@pytest.fixture
def interrupted(bundled_show, tmp_path):
    """A run on air in the discussion, then the process dies."""
    state = StateDir(tmp_path / "state")
    clock = FakeClock(START)
    engine = ShowEngine(bundled_show, clock)
    writer = state.new_journal(bundled_show, clock.now())
    engine.journal = writer.append
    clock.advance(2)
    engine.go()
    clock.advance(300)
    engine.go()
    clock.advance(60)
    engine.heartbeat()
    writer.close()
    _age(writer.path, 100)
    return state, writer.path, clock


def _age(path, seconds_ago: int) -> None:
    when = 2_000_000_000 - seconds_ago
    os.utime(path, (when, when))


def empty_starts(state, show, clock, count: int) -> list:
    """Starts that opened a journal and never left standby (after the show, or the crash-loop guard's run)."""
    paths = []
    for number in range(count):
        writer = state.new_journal(show, clock.now() + timedelta(seconds=10 * (number + 1)))
        writer.close()
        _age(writer.path, 50 - number)
        paths.append(writer.path)
    return paths


def test_an_empty_start_does_not_hide_the_interrupted_run(bundled_show, interrupted):
    state, path, clock = interrupted
    empty_starts(state, bundled_show, clock, 1)
    resumed = find_resumable(state, bundled_show, START.date(), FakeClock(clock.now() + timedelta(seconds=20)))
    assert resumed is not None and resumed.journal.path == path
    assert resumed.engine.snapshot().current.segment.id == "discussion"
    assert latest_run(state, bundled_show).path == path


def test_after_a_crash_loop_the_fourth_start_still_offers_the_run(bundled_show, interrupted):
    state, path, clock = interrupted
    starts = [0.0, 10.0, 20.0, 30.0]
    assert is_crash_loop(starts)  # so the app offers it in a banner instead of resuming by itself
    empty_starts(state, bundled_show, clock, 3)
    resumed = find_resumable(state, bundled_show, START.date(), FakeClock(clock.now() + timedelta(seconds=40)))
    assert resumed is not None and resumed.journal.path == path


def test_a_run_closed_on_purpose_is_not_resumed(bundled_show, interrupted):
    state, path, clock = interrupted
    later = FakeClock(clock.now() + timedelta(seconds=5))
    resumed = find_resumable(state, bundled_show, START.date(), later)
    writer = state.reopen(path)
    resumed.engine.journal = writer.append
    resumed.engine.close_run("new run")
    writer.close()
    empty_starts(state, bundled_show, clock, 1)
    assert find_resumable(state, bundled_show, START.date(), later) is None
    assert latest_run(state, bundled_show).closed == "new run"


def test_list_and_find_runs(bundled_show, interrupted):
    state, path, clock = interrupted
    empty = empty_starts(state, bundled_show, clock, 2)
    runs = list_runs(state)
    assert [run.path for run in runs] == [empty[1], empty[0], path]
    assert [run.state for run in runs] == ["no GO", "no GO", "ended or interrupted"]
    assert runs[2].gos == 2
    assert find_run(state, path.stem).path == path
    assert find_run(state, path.stem[:22]).path == path  # an unambiguous start of the id
    assert find_run(state, "2021") is None  # ambiguous
    assert find_run(state, "nothing-like-it") is None


def test_cli_as_run_skips_empty_starts_and_lists_runs(bundled_show, interrupted, capsys):
    state, path, clock = interrupted
    empty_starts(state, bundled_show, clock, 2)
    assert cli.main(["--as-run", "--state-dir", str(state.path)]) == 0
    out = capsys.readouterr().out
    assert "welcome" in out and "17:30:00" in out  # the real run, not the empty one started after it

    assert cli.main(["--as-run", "--list", "--state-dir", str(state.path)]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].split()[:3] == ["id", "started", "GOs"]
    assert len(listing) == 4 and path.stem in listing[3] and "Smart RLP" in listing[3]

    assert cli.main(["--as-run", "--run", path.stem, "--state-dir", str(state.path)]) == 0
    assert "17:30:00" in capsys.readouterr().out


def test_cli_bad_run_choices_are_clear(interrupted, capsys):
    state, _path, _clock = interrupted
    assert cli.main(["--as-run", "--run", "no-such-run", "--state-dir", str(state.path)]) == 1
    assert 'no run "no-such-run"' in capsys.readouterr().err
    assert cli.main(["--list", "--state-dir", str(state.path)]) == 2
    assert "--list and --run go with --as-run" in capsys.readouterr().err
    assert cli.main(["--as-run", "--list", "--state-dir", str(state.path / "missing")]) == 1
    assert "no run in" in capsys.readouterr().err


def test_damaged_records_never_break_the_list(bundled_show, interrupted):
    state, path, _clock = interrupted
    with path.open("ab") as journal:
        journal.write(b'{"op":{"x":1},"wall":"2021-01-19T17:45:20"}\n{"op":"close_run","reason":[1]}\n[[[]]]\n')
    (run,) = list_runs(state)
    assert run.gos == 2 and run.closed == "[1]"


def test_unsaved_edits_are_offered_only_from_a_readable_journal_with_edits(bundled_show, tmp_path):
    """No journal, a journal that cannot be read, or one without an edit: nothing to offer back."""
    from presenter.run.runs import unsaved_edits

    state = StateDir(tmp_path / "state")
    assert unsaved_edits(state, bundled_show) is None  # no run yet
    writer = state.new_journal(bundled_show, START)
    ShowEngine(bundled_show, FakeClock(START)).journal = writer.append
    writer.close()
    assert unsaved_edits(state, bundled_show) is None  # a run without an edit
    path = state.latest_journal(bundled_show)
    assert path is not None
    path.unlink()
    path.mkdir()  # in its place, something that cannot be read as a file
    assert unsaved_edits(state, bundled_show) is None

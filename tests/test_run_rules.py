"""The rules for runs (new, resume, crash loop, another show), without Qt."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from presenter.clock import FakeClock
from presenter.engine import Mode, ShowEngine
from presenter.journal import StateDir
from presenter.run_rules import CloseReason, RunChange, RunRules, needs_confirmation

START = datetime(2021, 1, 19, 17, 29, 58)


@pytest.fixture
def interrupted(bundled_show, tmp_path):
    """A run on air in the discussion, then the process dies."""
    state = StateDir(tmp_path / "state")
    clock = FakeClock(START)
    rules = RunRules(state, clock)
    engine = rules.open_run(bundled_show, None)
    engine.journal = rules.journal.append
    clock.advance(2)
    engine.go()
    clock.advance(300)
    engine.go()
    rules.close()
    clock.advance(30)
    return state, clock


@pytest.fixture(autouse=True)
def _journals_closed(monkeypatch):
    """Every RunRules of a test closes its journal at the end (no file left open)."""
    made: list[RunRules] = []
    original = RunRules.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(RunRules, "__init__", init)
    yield
    for rules in made:
        rules.close()


def test_a_start_resumes_the_run_interrupted_today(bundled_show, interrupted):
    state, clock = interrupted
    rules = RunRules(state, clock)
    decision = rules.at_start(bundled_show, new_run=False, start_times=[1.0])
    assert decision.resume is not None and decision.offer is None
    engine = rules.open_run(bundled_show, decision.resume)
    assert engine.snapshot().current.segment.id == "discussion"
    assert rules.resumed_from is not None
    assert rules.journal.path == decision.resume.journal.path  # its own journal, reopened


def test_the_run_that_goes_on_is_one_run_with_its_journal(bundled_show, interrupted):
    state, clock = interrupted
    rules = RunRules(state, clock)
    decision = rules.at_start(bundled_show, new_run=False, start_times=[1.0])
    run = rules.open(bundled_show, decision.resume)
    assert run.engine is decision.resume.engine and run.questions is run.engine.questions
    run.engine.heartbeat()
    assert rules.journal.path.read_text(encoding="utf-8").splitlines()[-1].startswith('{"op":"alive"')


def test_new_run_asked_on_the_command_line_does_not_resume(bundled_show, interrupted):
    state, clock = interrupted
    decision = RunRules(state, clock).at_start(bundled_show, new_run=True, start_times=[1.0])
    assert decision.resume is None and decision.offer is None


def test_a_crash_loop_only_offers_the_run(bundled_show, interrupted):
    state, clock = interrupted
    rules = RunRules(state, clock)
    decision = rules.at_start(bundled_show, new_run=False, start_times=[100.0, 110.0, 120.0])
    assert decision.resume is None
    assert decision.offer is not None
    engine = rules.open_run(bundled_show, None)
    assert engine.mode is Mode.STANDBY and rules.resumed_from is None
    again = rules.still_resumable(decision.offer, bundled_show)
    assert again is not None and again.engine.snapshot().current.segment.id == "discussion"


def test_a_start_is_recorded_for_the_crash_loop_guard(bundled_show, tmp_path):
    state = StateDir(tmp_path / "state")
    rules = RunRules(state, FakeClock(START))
    for _ in range(3):
        rules.at_start(bundled_show, new_run=False)
    assert len((state.path / "starts.log").read_text().split()) == 3


def test_a_new_run_closes_the_journal_before_and_keeps_it(bundled_show, tmp_path):
    state = StateDir(tmp_path / "state")
    rules = RunRules(state, FakeClock(START))
    rules.open_run(bundled_show, None)
    first = rules.journal.path
    engine = rules.open_run(bundled_show, None)
    assert rules.journal.path != first and first.exists()
    assert isinstance(engine, ShowEngine) and engine.mode is Mode.STANDBY


def test_another_show_finds_its_own_interrupted_run_only(bundled_show, interrupted, tmp_path):
    from presenter.show import load_show

    state, clock = interrupted
    other = tmp_path / "other.yaml"
    other.write_text(
        'version: 1\ntitle: Other\ndate: 2021-01-19\nstart: "20:00"\nend: "20:30"\nsegments:\n'
        '  - {id: intro, title: Intro, kind: live, duration: "10:00"}\n',
        encoding="utf-8",
    )
    rules = RunRules(state, clock)
    assert rules.resumable_for(load_show(other)) is None
    assert rules.resumable_for(bundled_show) is not None


def test_the_as_run_of_a_standby_start_is_the_latest_run_that_happened(bundled_show, interrupted):
    state, clock = interrupted
    rules = RunRules(state, FakeClock(clock.now() + timedelta(seconds=5)))
    engine = rules.open_run(bundled_show, None)
    exported = rules.as_run_engine(engine)
    assert exported is not engine and exported.runs[0].actual_start is not None
    engine.go()
    assert rules.as_run_engine(engine) is engine


@pytest.mark.parametrize("change", list(RunChange))
def test_changing_the_run_asks_only_while_on_air(change):
    assert needs_confirmation(change, Mode.ON_AIR)
    assert not needs_confirmation(change, Mode.STANDBY)
    assert not needs_confirmation(change, Mode.ENDED)


def test_close_reasons_keep_their_journal_words():
    assert CloseReason.NEW_RUN == "new run" and CloseReason.ANOTHER_SHOW == "another show opened"

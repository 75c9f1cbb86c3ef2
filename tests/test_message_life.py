"""Issue 22: "a message outlives every GO, still shown after the end of the show". A message's lifetime is
the director's explicit choice (MessageLife): the engine clears an until-next-GO message at the next accepted
GO, every message at the end of the show; the journal keeps the lifetime, so replay gives the same state."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from presenter.clock import FakeClock
from presenter.records import BadRecord
from presenter.run import Run
from presenter.run import intents as do
from presenter.run.as_run import engine_from_journal
from presenter.run.dispatch import Accepted, Dispatcher, Refused
from presenter.run.engine import GO_GUARD_S, Mode, ShowEngine
from presenter.run.intents import MessageLife
from presenter.run.journal import StateDir

START = datetime(2021, 1, 19, 17, 30)


@pytest.fixture
def rig(bundled_show):
    clock = FakeClock(START)
    run = Run.new(bundled_show, clock)
    return clock, run, Dispatcher(run)


def _send(dispatcher: Dispatcher, intent: do.Intent) -> None:
    assert isinstance(dispatcher.dispatch(intent, do.DIRECTOR), Accepted), intent


def test_an_until_next_go_message_goes_at_the_next_accepted_go_and_back_brings_it_again(rig):
    clock, run, dispatcher = rig
    _send(dispatcher, do.Go())
    _send(dispatcher, do.SendMessage("Noch 2 Minuten", life=MessageLife.UNTIL_NEXT_GO))
    message = run.snapshot().message
    assert message is not None and message.life is MessageLife.UNTIL_NEXT_GO  # every face can say it
    refused = dispatcher.dispatch(do.Go(), do.DIRECTOR)  # a double press is no GO: the message stays
    assert isinstance(refused, Refused) and run.snapshot().message == message
    clock.advance(GO_GUARD_S + 1)
    _send(dispatcher, do.Go())
    assert run.snapshot().message is None
    _send(dispatcher, do.Back())  # the GO taken back: so is what it cleared
    assert run.snapshot().message == message
    clock.advance(GO_GUARD_S + 1)
    _send(dispatcher, do.Go())
    assert run.snapshot().message is None


def test_an_until_cleared_message_stays_through_go_and_every_message_goes_at_the_end(rig):
    clock, run, dispatcher = rig
    _send(dispatcher, do.Go())
    _send(dispatcher, do.SendMessage("Mikro 2 prüfen"))  # the default (and the remote's): until cleared
    assert run.snapshot().message.life is MessageLife.UNTIL_CLEARED
    for _ in range(len(run.engine.show.segments) - 1):
        clock.advance(60)
        _send(dispatcher, do.Go())
        assert run.snapshot().message is not None and run.snapshot().mode is Mode.ON_AIR
    clock.advance(60)
    _send(dispatcher, do.Go())  # the end of the show
    snapshot = run.snapshot()
    assert snapshot.mode is Mode.ENDED and snapshot.message is None
    _send(dispatcher, do.Back())  # the last GO taken back: the show and its message on again
    assert run.snapshot().mode is Mode.ON_AIR and run.snapshot().message.text == "Mikro 2 prüfen"


def test_the_journal_keeps_the_lifetime_and_replay_gives_the_same_state(bundled_show, tmp_path):
    state = StateDir(tmp_path / "state")
    clock = FakeClock(START)
    engine = ShowEngine(bundled_show, clock)
    writer = state.new_journal(bundled_show, clock.now())
    engine.journal = writer.append
    engine.go()
    clock.advance(30)
    engine.send_message("bis GO", life=MessageLife.UNTIL_NEXT_GO)
    clock.advance(30)
    engine.go()
    clock.advance(30)
    engine.send_message("bleibt", blink=True)
    writer.close()
    replayed, warnings = engine_from_journal(writer.path, bundled_show)
    assert warnings == [] and replayed.message == engine.message
    assert replayed.message.life is MessageLife.UNTIL_CLEARED
    again = ShowEngine(bundled_show, FakeClock(clock.now()))
    records: list[dict] = []
    engine.journal = records.append
    engine.send_message("noch einmal bis GO", life=MessageLife.UNTIL_NEXT_GO)
    assert records[-1]["life"] == "until next GO"
    assert again.replay([records[-1]]) == [] and again.message.life is MessageLife.UNTIL_NEXT_GO


def test_an_old_journal_without_a_lifetime_reads_until_cleared_and_a_bad_one_is_refused(bundled_show):
    engine = ShowEngine(bundled_show, FakeClock(START + timedelta(seconds=5)))
    at = START.isoformat()
    old = {"op": "send_message", "text": "alt", "blink": False, "wall": at, "mono": 1.0}
    assert engine.replay([old]) == [] and engine.message.life is MessageLife.UNTIL_CLEARED
    bad = dict(old, life="forever")
    warnings = ShowEngine(bundled_show, FakeClock(START)).replay([bad])
    assert len(warnings) == 1
    with pytest.raises(BadRecord):
        from presenter.run.replay import _message_life

        _message_life(bad)

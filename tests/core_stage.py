"""A run driven only through the dispatcher, its journal in a list (the issue-20 core tests' stage)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from presenter import intents as do
from presenter.clock import FakeClock
from presenter.dispatch import Accepted, Dispatcher, Refused
from presenter.engine import Mode
from presenter.intents import RefusalCode, Source, SourceKind
from presenter.run import Run
from presenter.show import load_show

BUNDLED = Path(__file__).resolve().parent.parent / "assets" / "smart-rlp.yaml"
START = datetime(2021, 1, 19, 17, 30)
HTTP = Source(SourceKind.HTTP, "http 127.0.0.1")
DIRECTOR = do.DIRECTOR


class Stage:
    """A run with its journal in a list, driven only through the dispatcher."""

    def __init__(self, show=None, clock=None) -> None:
        self.clock = clock or FakeClock(START)
        self.show = show or load_show(BUNDLED)
        self.run = Run.new(self.show, self.clock)
        self.journal: list[dict] = []
        self.run.attach_journal(self.journal.append)
        self.dispatcher = Dispatcher(self.run)

    def send(self, intent: do.Intent, source: Source = DIRECTOR):
        return self.dispatcher.dispatch(intent, source)

    def ok(self, intent: do.Intent, source: Source = DIRECTOR):
        outcome = self.send(intent, source)
        assert isinstance(outcome, Accepted), getattr(outcome, "refusal", None)
        return outcome.snapshot

    def refused(self, intent: do.Intent, code: RefusalCode, source: Source = DIRECTOR) -> str:
        before = len(self.journal)
        outcome = self.send(intent, source)
        assert isinstance(outcome, Refused) and not outcome.accepted
        assert outcome.refusal.code is code, outcome.refusal
        assert len(self.journal) == before  # a refusal writes nothing
        return outcome.refusal.text

    def go(self, after: float = 1.0):
        self.clock.advance(after)
        return self.ok(do.Go())

    def snap(self):
        return self.run.snapshot()

    def on_clip(self, index: int = 2, duration: float = 75.0):
        """The clip `index` on air, playing from 0:00 (the player's first report)."""
        if self.snap().mode is Mode.STANDBY:
            self.go()
        self.ok(do.MakeNext(index))
        self.go()
        segment_id = self.show.segments[index].id
        self.ok(do.ClipProgress(segment_id, 0.0, duration, True), do.PLAYOUT)
        return segment_id

    def replayed(self, later: float = 0.0) -> Run:
        """kill -9: a new process replays the journal `later` seconds after the last record."""
        clock = FakeClock(self.clock.now() + timedelta(seconds=later))
        records = [dict(r, _line=n) for n, r in enumerate(self.journal, 2)]
        run, warnings = Run.replayed(self.show, clock, records)
        assert warnings == []
        self.replay_clock = clock
        return run

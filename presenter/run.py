"""One run of a show: its engine, its question queue and its journal, created and replayed as one.

The dispatcher (presenter.dispatch) acts on a Run; the controller holds the run on air. Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from presenter.clock import Clock
from presenter.engine import ShowEngine
from presenter.intents import DIRECTOR, Source
from presenter.questions import QuestionQueue
from presenter.show import Segment, Show
from presenter.state import Mode, ShowSnapshot

Append = Callable[[dict[str, Any]], None]


class Run:
    """The show state of one run: the engine and the question queue share one journal and one clock."""

    def __init__(self, engine: ShowEngine) -> None:
        """The run of `engine`; a replayed engine's question records rebuild the queue here."""
        self.engine = engine
        self.questions = QuestionQueue(engine.clock)
        self.question_warnings = self.questions.replay(engine.question_records)  # shown by the Questions window
        self.questions.log = engine.journal_input
        engine.questions = self.questions  # the snapshot shows the question on screen
        engine.run = self  # one run per engine: Run.of finds it again (a resumed run handed on as its engine)
        self.source: Source = DIRECTOR  # who sent the intent being carried out (the journal's "src")

    @classmethod
    def of(cls, engine: ShowEngine) -> Run:
        """The run of `engine`: the one it was created or replayed with, else a new one around it."""
        owner = engine.run
        return owner if isinstance(owner, Run) else cls(engine)

    @classmethod
    def new(cls, show: Show, clock: Clock | None = None, *, rehearse: bool = False) -> Run:
        return cls(ShowEngine(show, clock, rehearse=rehearse))

    @classmethod
    def replayed(cls, show: Show, clock: Clock, records: Iterable[object]) -> tuple[Run, list[str]]:
        """The run a journal's records describe: the engine replayed, then its questions from the same records."""
        engine = ShowEngine(show, clock)
        warnings = engine.replay(records)
        return cls(engine), warnings

    @property
    def show(self) -> Show:
        return self.engine.show

    def attach_journal(self, append: Append | None) -> None:
        """Every input of this run goes through `append` (flushed to disk) before it takes effect."""
        self.engine.journal = None if append is None else self._tagged(append)

    def _tagged(self, append: Append) -> Append:
        def write(record: dict[str, Any]) -> None:
            label = self.source.journal_label
            append({**record, "src": label} if label else record)

        return write

    def on_air(self) -> Segment | None:
        """The segment on air (cheaper than a snapshot, for the dispatcher's rules)."""
        engine = self.engine
        if engine.mode is not Mode.ON_AIR or engine.current is None:
            return None
        return engine.show.segments[engine.current]

    def snapshot(self) -> ShowSnapshot:
        return self.engine.snapshot()

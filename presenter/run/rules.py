"""The rules for runs, outside the windows: a new run, resuming an interrupted one, a crash loop,
another show. Owns the journal being written; Qt-free (tested without Qt)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from presenter.clock import Clock
from presenter.run import Run
from presenter.run.engine import Mode, ShowEngine
from presenter.run.journal import JournalWriter, Resumable, StateDir, is_crash_loop, resumable_from
from presenter.run.runs import find_resumable, latest_run
from presenter.show import Show


class CloseReason(StrEnum):
    """Why a run was closed on purpose (written to its journal; the as-run's "ended_by")."""

    NEW_RUN = "new run"
    ANOTHER_SHOW = "another show opened"


class RunChange(StrEnum):
    """Actions that end or replace the run on air: each asks the director first while on air."""

    NEW_RUN = "new run"
    ANOTHER_SHOW = "another show"
    RESUME_INTERRUPTED = "resume interrupted"


@dataclass
class StartDecision:
    """What a start does: resume `resume` now, or start in standby and offer `offer` (a crash loop)."""

    resume: Resumable | None = None
    offer: Resumable | None = None
    warnings: list[str] = field(default_factory=list)


def needs_confirmation(change: RunChange, mode: Mode) -> bool:
    """Ending or replacing a run asks first while something is on air; in standby or after the end
    nothing on air changes (the run before is kept in its journal either way)."""
    return mode is Mode.ON_AIR


class RunRules:
    """Decides which run goes on and keeps its journal open; the windows only ask and render."""

    def __init__(self, state: StateDir, clock: Clock, on_problem: Callable[[str], None] | None = None) -> None:
        self.state = state
        self.clock = clock
        self.on_problem = on_problem
        self.journal: JournalWriter | None = None
        self.resumed_from: datetime | None = None
        self._last_opened: datetime | None = None

    def at_start(self, show: Show, *, new_run: bool, start_times: list[float] | None = None) -> StartDecision:
        """An interrupted run of today is resumed, unless asked for a new run or Presenter is in a
        crash loop (three starts within a minute): then it is only offered."""
        starts = self.state.record_start() if start_times is None else start_times
        found = None if new_run else find_resumable(self.state, show, self.clock.now().date(), self.clock)
        warnings = list(found.warnings) if found is not None else []
        if found is not None and is_crash_loop(starts):
            return StartDecision(offer=found, warnings=warnings)
        return StartDecision(resume=found, warnings=warnings)

    def open_run(self, show: Show, resumed: Resumable | None) -> ShowEngine:
        """Close the journal being written and open the next one: `resumed`'s own, or a new one for
        `show` in standby. Returns the engine of the run that goes on."""
        if self.journal is not None:
            self.journal.close()
        if resumed is not None:
            self.journal = self.state.reopen(resumed.journal.path, self.on_problem)
            self.resumed_from = resumed.interrupted_at
            return resumed.engine
        # The run's day and name come from the same clock that finds a run of today to resume; two
        # runs opened at one instant of a stopped clock still get journals of their own.
        now = self.clock.now()
        if self._last_opened is not None and now <= self._last_opened:
            now = self._last_opened + timedelta(microseconds=1)
        self._last_opened = now
        self.journal = self.state.new_journal(show, now, self.on_problem)
        self.resumed_from = None
        return ShowEngine(show, self.clock)

    def open(self, show: Show, resumed: Resumable | None) -> Run:
        """Like open_run, as the one Run (engine and question queue, replayed as one) with this journal attached."""
        run = Run.of(self.open_run(show, resumed))
        assert self.journal is not None  # open_run opened it
        run.attach_journal(self.journal.append)
        return run

    def resumable_for(self, show: Show) -> Resumable | None:
        """Another show opened: its run of today that was interrupted, if there is one."""
        return find_resumable(self.state, show, self.clock.now().date(), self.clock)

    def still_resumable(self, offered: Resumable, show: Show) -> Resumable | None:
        """An offered run read again from its journal (it may have changed since it was offered)."""
        return resumable_from(offered.journal.path, show, self.clock.now().date(), self.clock)

    def as_run_engine(self, engine: ShowEngine) -> ShowEngine:
        """The run on air; while it has not left standby, the latest run of this show in which
        something happened."""
        from presenter.run.as_run import engine_from_journal

        if engine.mode is not Mode.STANDBY:
            return engine
        run = latest_run(self.state, engine.show)
        if run is None or not run.activity or (self.journal is not None and run.path == self.journal.path):
            return engine
        try:
            return engine_from_journal(run.path, engine.show)[0]
        except (OSError, ValueError):
            return engine

    def close(self) -> None:
        if self.journal is not None:
            self.journal.close(wait=True)  # Presenter quits: the last lines on the disk first

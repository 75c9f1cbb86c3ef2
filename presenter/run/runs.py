"""Which run is which: the runs kept in the state directory, the one to resume, the one to export.

A start that never left standby writes a journal with a header and nothing else. Such empty runs
never hide a real one: the run to resume or export is the latest run in which something happened,
so an interrupted run stays findable and resumable until someone closes it on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from presenter.clock import Clock
from presenter.i18n import translate
from presenter.run.engine import ShowEngine
from presenter.run.journal import JournalContents, Resumable, StateDir, read_journal, resumable_from
from presenter.show import Show

QUIET_OPS = frozenset({"alive", "media_durations", "refused"})  # written by every start, they are not show activity


@dataclass(frozen=True)
class RunInfo:
    """One run as the --as-run list shows it, read from its journal alone (no show file needed)."""

    path: Path
    show: str
    title: str
    day: str
    started: str
    gos: int
    activity: int  # records that are show activity, not the start's own bookkeeping
    closed: str | None  # why it was closed on purpose (new run, another show opened), if it was

    @property
    def id(self) -> str:
        return self.path.stem

    @property
    def state(self) -> str:
        """How the run stands, in the user's language (the reason it was closed as the as-run words it)."""
        if self.closed:
            return translate("Runs", "closed ({reason})").format(reason=translate("AsRun", self.closed))
        return translate("Runs", "no GO") if self.gos == 0 else translate("Runs", "ended or interrupted")


def run_info(path: Path, contents: JournalContents) -> RunInfo:
    ops = [op if isinstance(op := record.get("op"), str) else "" for record in contents.records]
    closed = next(
        (str(record.get("reason"))[:200] for record in reversed(contents.records) if record.get("op") == "close_run"),
        None,
    )
    header = contents.header
    return RunInfo(
        path=path,
        show=str(header.get("show") or ""),
        title=str(header.get("title") or ""),
        day=str(header.get("day") or ""),
        started=str(header.get("started") or ""),
        gos=ops.count("go"),
        activity=sum(op not in QUIET_OPS for op in ops),
        closed=closed,
    )


def list_runs(state: StateDir, show: Show | None = None) -> list[RunInfo]:
    """Every readable run, the one written to last first."""
    runs = []
    for path in reversed(state.journals_by_write(show)):
        try:
            runs.append(run_info(path, read_journal(path)))
        except OSError:
            continue
    return runs


def latest_run(state: StateDir, show: Show | None = None) -> RunInfo | None:
    """The run to export: the latest in which something happened, else the latest at all."""
    runs = list_runs(state, show)
    return next((run for run in runs if run.activity), runs[0] if runs else None)


def find_run(state: StateDir, wanted: str) -> RunInfo | None:
    """A run by its id (the journal's name without .jsonl) or an unambiguous start of it."""
    runs = list_runs(state)
    exact = [run for run in runs if run.id == wanted]
    if exact:
        return exact[0]
    matches = [run for run in runs if run.id.startswith(wanted)]
    return matches[0] if len(matches) == 1 else None


def find_resumable(state: StateDir, show: Show, today: date, clock: Clock) -> Resumable | None:
    """The latest run of this show file today in which something happened, if it is still on air.

    Runs that never left standby (a start after the show, the crash-loop guard's standby run) are
    passed over; a run closed on purpose, or one that ended, is not resumed.
    """
    for run in list_runs(state, show):
        if run.activity:
            return None if run.closed else resumable_from(run.path, show, today, clock)
    return None


def unsaved_edits(state: StateDir, show: Show, clock: Clock | None = None) -> Show | None:
    """The running order of this show's latest run, if that run edited it and the show file does not have it.

    A run in standby is not resumed after a crash, so edits made while preparing would be lost with it:
    the app offers this one back ("Restore the unsaved edits"). None when there is nothing to restore.
    """
    path = state.latest_journal(show)
    if path is None:
        return None
    try:
        contents = read_journal(path)
    except OSError:
        return None
    if not any(record.get("op") == "edit" for record in contents.records):
        return None
    from presenter.show.editing import show_document  # only when a run edited the show (not at every start)

    engine = ShowEngine(show, clock)
    engine.replay(contents.records)
    edited = engine.show
    return None if show_document(edited) == show_document(show) else edited

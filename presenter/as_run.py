"""The as-run record: what went out when, as CSV, rebuilt from a run's journal."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from presenter.clock import FakeClock
from presenter.engine import ClipState, SegmentStatus, ShowEngine
from presenter.records import last_wall
from presenter.journal import header_started, read_journal
from presenter.show import Show
from presenter.timefmt import format_duration, format_signed

COLUMNS = (
    "number",
    "segment",
    "title",
    "kind",
    "planned_start",
    "actual_start",
    "planned_duration",
    "actual_duration",
    "over_under",
    "skipped",
    "clip_duration",
    "clip_end",
    "ended_by",
)

_CLIP_END = {
    ClipState.HELD: "held last frame",
    ClipState.BLACK: "ended (black)",
    ClipState.FAILED: "failed",
    ClipState.PLAYING: "playing",
    ClipState.PAUSED: "paused",
    ClipState.WAITING: "not started",
}


def as_run_rows(engine: ShowEngine) -> list[dict[str, str]]:
    snapshot = engine.snapshot()
    rows = []
    for view in snapshot.segments:
        run = engine.runs[view.index]
        segment = view.segment
        actual = view.actual_duration_s
        clip_duration = run.clip_duration_s or engine.show.media_durations.get(segment.id)
        clip_end = ""
        if segment.is_clip and run.clip_state is not None:
            clip_end = _CLIP_END[run.clip_state]
            if run.clip_state is ClipState.BLACK and run.end_reason != "clip ended":
                clip_end = "stopped" if run.clip_position_s is None else "ended (black)"
            if run.clip_problem:
                clip_end += f": {run.clip_problem}"
        rows.append(
            {
                "number": str(view.index + 1),
                "segment": segment.id,
                "title": segment.title,
                "kind": segment.kind,
                "planned_start": f"{view.planned_start:%H:%M:%S}",
                "actual_start": f"{view.actual_start:%H:%M:%S}" if view.actual_start else "",
                "planned_duration": format_duration(view.planned_duration_s),
                "actual_duration": format_duration(actual) if actual is not None else "",
                "over_under": format_signed(actual - view.planned_duration_s) if actual is not None else "",
                "skipped": "yes" if view.status is SegmentStatus.SKIPPED else "no",
                "clip_duration": format_duration(clip_duration) if clip_duration else "",
                "clip_end": clip_end,
                "ended_by": run.end_reason or ("on air" if view.status is SegmentStatus.ON_AIR else ""),
            }
        )
    return rows


def as_run_csv(engine: ShowEngine) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(as_run_rows(engine))
    return out.getvalue()


def engine_from_journal(path: Path, show: Show) -> tuple[ShowEngine, list[str]]:
    """Replay a journal, frozen at its last entry (a run that is still going is shown as of then)."""
    contents = read_journal(path)
    last = last_wall(contents.records) or header_started(contents.header)
    clock = FakeClock(last or datetime.now())
    engine = ShowEngine(show, clock)
    warnings = contents.warnings + engine.replay(contents.records)
    return engine, warnings

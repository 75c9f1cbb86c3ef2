"""The snapshot: everything a window shows, computed from the engine's state for one instant.

Part of the engine; every figure is computed from timestamps when it is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from presenter.run.graphics import graphics_view
from presenter.run.offers import back_offer, go_offer
from presenter.run.state import ClipState, ClipView, Mode, Phase, QuestionView, SegmentView, ShowSnapshot, StartStatus
from presenter.run.timing import (
    clip_back_on_air,
    clip_chain,
    display_phase,
    fill_view,
    lateness,
    must_end_by,
    phase_thresholds,
)
from presenter.timefmt import format_countdown

if TYPE_CHECKING:
    from presenter.run.engine import ShowEngine


def _hard_out(engine: ShowEngine, show_start: datetime) -> datetime:
    if not engine.rehearse:
        return datetime.combine(show_start.date(), engine.show.end)
    length = datetime.combine(engine.show.date, engine.show.end) - engine.show.start_datetime
    return show_start + (length if length >= timedelta(0) else length + timedelta(days=1))


def _start_figure(engine: ShowEngine, until_s: float) -> tuple[StartStatus, str]:
    if engine.mode is not Mode.STANDBY:
        return StartStatus.STARTED, ""
    if engine.rehearse:
        return StartStatus.AT_GO, ""  # no start time yet: no figure to freeze (issue 22: "on air in 0:01")
    text = format_countdown(until_s)
    return (StartStatus.OVERDUE if text.startswith("+") else StartStatus.ON_AIR_IN), text


def _clip_view(
    engine: ShowEngine, current: SegmentView, remaining: float, chain: tuple[SegmentView, ...]
) -> ClipView | None:
    run = engine.runs[current.index]
    if not current.segment.is_clip or run.clip_state is None:
        return None
    position = engine.clip_position(run)
    duration = run.clip_duration_s or engine.show.planned_duration(current.segment) or None
    rest = sum(view.planned_duration_s for view in chain)
    back_in, chain_s = clip_back_on_air(remaining, duration or current.planned_duration_s, run.clip_state, rest)
    return ClipView(
        state=run.clip_state,
        position_s=position,
        duration_s=duration,
        back_on_air_in_s=back_in,
        problem=run.clip_problem,
        chain_s=chain_s,
    )


@dataclass(frozen=True)
class _Timer:
    """What the big timer shows for the segment on air, with the phase and its scaled thresholds."""

    phase: Phase = Phase.STANDBY
    warning_at_s: float | None = None
    danger_at_s: float | None = None
    timer_s: float | None = None
    running: bool = False


_FROZEN = (ClipState.PAUSED, ClipState.HELD, ClipState.BLACK)


def _timer(engine: ShowEngine, current: SegmentView, remaining: float, clip: ClipView | None) -> _Timer:
    """A live segment (or a clip that failed: the moderator is live) counts its own time; a clip counts
    "back on air in" over the whole chain that follows by itself, its thresholds scaled to the chain."""
    segment = current.segment
    warning, danger = engine.show.warning_for(segment), engine.show.danger_for(segment)
    if clip is not None and clip.state is not ClipState.FAILED:
        left, length = clip.back_on_air_in_s or 0.0, clip.chain_s or 0.0
        running = clip.state not in _FROZEN
    else:
        left, length, running = remaining, current.planned_duration_s, True
    warning_at, danger_at = phase_thresholds(length, warning, danger)
    return _Timer(display_phase(left, warning_at, danger_at), warning_at, danger_at, left, running)


def _segment_views(
    engine: ShowEngine, show_start: datetime, next_index: int | None
) -> tuple[list[SegmentView], datetime]:
    """Every segment's row, planned back to back from `show_start`; and when the plan ends."""
    show = engine.show
    planned_starts: list[datetime] = []
    cursor = show_start
    for segment in show.segments:
        planned_starts.append(cursor)
        cursor += timedelta(seconds=show.planned_duration(segment))
    views = []
    for index, (segment, run) in enumerate(zip(show.segments, engine.runs, strict=True)):
        actual = None if run.actual_start is None else engine.elapsed(index)
        views.append(
            SegmentView(
                index=index,
                segment=segment,
                status=run.status,
                planned_start=planned_starts[index],
                planned_duration_s=engine.planned_duration(index),
                actual_start=run.actual_start,
                actual_duration_s=actual,
                is_next=index == next_index,
                clip_state=run.clip_state,
                clip_problem=run.clip_problem,
                cued=index == engine.cue,
            )
        )
    return views, cursor


def _projected_end(
    engine: ShowEngine, now: datetime, show_start: datetime, remaining: float | None, upcoming: list[int]
) -> datetime:
    """The segment on air ends when its time is up (or now, in overtime), then what GO airs."""
    if engine.mode is Mode.ENDED and engine.cue is None:
        return engine.show_ended or now
    on_air = remaining is not None
    projected_end = now + timedelta(seconds=max(remaining or 0.0, 0.0)) if on_air else max(now, show_start)
    for index in upcoming:
        projected_end += timedelta(seconds=engine.planned_duration(index))
    return projected_end


def _question(engine: ShowEngine) -> tuple[QuestionView | None, int]:
    queue = engine.questions
    if queue is None:
        return None, 0
    waiting = len(queue.approved())
    shown = queue.on_screen
    if shown is None:
        return None, waiting
    number = queue.questions.index(shown) + 1
    view = QuestionView(shown.id, shown.display_text, shown.asker, str(shown.source), number, shown.addressed_to)
    return view, waiting


def take_snapshot(engine: ShowEngine) -> ShowSnapshot:
    show = engine.show
    now = engine.clock.now()
    next_index = engine._next_index()
    show_start = engine.plan_start()
    views, planned_end = _segment_views(engine, show_start, next_index)
    current = views[engine.current] if engine.current is not None and engine.mode is Mode.ON_AIR else None
    following = views[next_index] if next_index is not None else None
    remaining = elapsed = None
    clip_view = None
    until_start_s = (show_start - now).total_seconds()
    if current is not None:
        elapsed = engine.elapsed(current.index)
        remaining = engine.remaining(current.index)
        clip_view = _clip_view(engine, current, remaining, clip_chain(views, current, following))
        timer = _timer(engine, current, remaining, clip_view)
    elif engine.mode is Mode.STANDBY:
        timer = _Timer(timer_s=0.0 if engine.rehearse else until_start_s, running=not engine.rehearse)
    else:
        timer = _Timer()

    upcoming = engine._upcoming()
    projected_end = _projected_end(engine, now, show_start, remaining, upcoming)
    hard_out = _hard_out(engine, show_start)
    margin = (hard_out - projected_end).total_seconds()
    over_under = (projected_end - planned_end).total_seconds()
    late = lateness(over_under, margin)
    end_by = None
    if current is not None and margin < 0:
        end_by = must_end_by(hard_out, sum(views[index].planned_duration_s for index in upcoming))
    start_status, until_start_text = _start_figure(engine, until_start_s)
    question, waiting = _question(engine)
    return ShowSnapshot(
        show=show,
        mode=engine.mode,
        now=now,
        segments=tuple(views),
        current=current,
        next=following,
        elapsed_s=elapsed,
        remaining_s=remaining,
        phase=timer.phase,
        clip=clip_view,
        until_start_s=until_start_s,
        planned_end=planned_end,
        projected_end=projected_end,
        over_under_s=over_under,
        hard_out=hard_out,
        hard_out_margin_s=margin,
        message=engine.message,
        show_started=engine.show_started,
        show_ended=engine.show_ended,
        rehearsal=engine.rehearse or show_start.date() != show.date,
        next_cued=engine.cue is not None,
        rehearse=engine.rehearse,
        start_status=start_status,
        until_start_text=until_start_text,
        undo_go_s=engine.undo_go_s(),
        warning_at_s=timer.warning_at_s,
        danger_at_s=timer.danger_at_s,
        timer_s=timer.timer_s,
        timer_running=timer.running,
        lateness=late,
        must_end_by=end_by,
        fill=fill_view(views, hard_out, margin, upcoming),
        go=go_offer(engine, views),
        back=back_offer(engine, views),
        points_page=engine.points_page if current is not None else 0,
        question=question,
        questions_waiting=waiting,
        graphics=graphics_view(engine, question),
    )

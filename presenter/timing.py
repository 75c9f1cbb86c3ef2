"""The figures every face shows the same way, derived once for the snapshot: the phase with its scaled
thresholds, the clip chain's "back on air in", over/under against the hard out, and the segment that fills.

Part of the engine's snapshot (presenter.snapshot); pure functions of plain values.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from presenter.state import ClipState, FillView, Lateness, Phase, SegmentStatus, SegmentView

# A segment shorter than its thresholds would read WRAP UP from its first second: at most the last
# half of a segment is "wrap up", at most the last quarter is "time".
WARNING_SHARE = 0.5
DANGER_SHARE = 0.25
ON_PLAN_WITHIN_S = 0.5  # closer to the plan than this reads "on plan" (the displays round to the second)


def phase_thresholds(duration_s: float, warning_s: float, danger_s: float) -> tuple[float, float]:
    """The warning and danger thresholds scaled to a segment of `duration_s`: at most half of it is
    "wrap up" and at most a quarter "time", so a 45 s clip never reads WRAP UP from 0:00."""
    if duration_s <= 0:
        return warning_s, min(danger_s, warning_s)
    warning = min(warning_s, duration_s * WARNING_SHARE)
    danger = min(danger_s, duration_s * DANGER_SHARE, warning)
    return warning, danger


def display_phase(remaining_s: float, warning_at_s: float, danger_at_s: float) -> Phase:
    """The phase with `remaining_s` left (negative: overtime), against thresholds already scaled."""
    if remaining_s < 0:
        return Phase.OVERTIME
    if remaining_s <= danger_at_s:
        return Phase.DANGER
    if remaining_s <= warning_at_s:
        return Phase.WARNING
    return Phase.NORMAL


def following_in_order(segments: Sequence[SegmentView], after: SegmentView) -> SegmentView | None:
    """The next pending segment in the running order after `after`."""
    for view in segments[after.index + 1 :]:
        if view.status is SegmentStatus.PENDING:
            return view
    return None


def clip_chain(
    segments: Sequence[SegmentView], current: SegmentView | None, following: SegmentView | None
) -> tuple[SegmentView, ...]:
    """The clip segments that follow the clip on air by themselves (end action "next"), up to the next
    live segment (`following` is what GO airs next): their planned durations add to "back on air in"."""
    if current is None or not current.segment.is_clip:
        return ()
    chain: list[SegmentView] = []
    segment = current.segment
    # following_in_order only moves on, and the segment on air is not pending: the chain ends
    while segment.end_action == "next" and following is not None and following.segment.is_clip:
        chain.append(following)
        segment = following.segment
        following = following_in_order(segments, following)
    return tuple(chain)


def clip_back_on_air(own_left_s: float, own_length_s: float, state: ClipState, rest_s: float) -> tuple[float, float]:
    """(back on air in, the chain's length): an ended clip (held, black) hands back now."""
    if state in (ClipState.HELD, ClipState.BLACK):
        return 0.0, own_length_s
    return max(own_left_s, 0.0) + rest_s, own_length_s + rest_s


def lateness(over_under_s: float, hard_out_margin_s: float) -> Lateness:
    if hard_out_margin_s < 0:
        return Lateness.PAST_HARD_OUT
    if abs(over_under_s) < ON_PLAN_WITHIN_S:
        return Lateness.ON_PLAN
    return Lateness.LATE if over_under_s > 0 else Lateness.EARLY


def must_end_by(hard_out: datetime, later_planned_s: float) -> datetime:
    """When the segment on air must end for what follows it (as planned) to end at the hard out."""
    return hard_out - timedelta(seconds=later_planned_s)


def fill_view(
    segments: Sequence[SegmentView], hard_out: datetime, hard_out_margin_s: float, upcoming: Sequence[int]
) -> FillView | None:
    """The first segment marked `fill: true` that has not finished: its end planned back from the hard out
    (the hard out minus what follows it), and the margin it absorbs (the projected end against the hard out)."""
    for view in segments:
        if not view.segment.fill or view.status not in (SegmentStatus.PENDING, SegmentStatus.ON_AIR):
            continue
        after = sum(segments[index].planned_duration_s for index in upcoming if index > view.index)
        return FillView(index=view.index, planned_end=must_end_by(hard_out, after), adjust_s=hard_out_margin_s)
    return None

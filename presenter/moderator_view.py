"""What the moderator reads, computed from one ShowSnapshot: plain values, no Qt.

The moderator window renders this; the director may show the same words (over/under, projected end)
so the two never disagree by a second. Colours are named by their meaning (`Tone`, `Look`); the
window maps them to colours. Words go through `translate` (the window passes Qt's translator).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from presenter.i18n import QT_TRANSLATE_NOOP
from presenter.run.engine import ClipState, Message, Mode, Phase, SegmentStatus, SegmentView, ShowSnapshot
from presenter.timefmt import format_countdown, format_duration, format_signed

Translate = Callable[[str, str], str]
CONTEXT = "ModeratorView"

ON_TIME_WITHIN_S = 0.5
STATUS_SLACK_S = 0.001  # see away_from_zero
MESSAGE_BLINK_HALF_PERIOD_S = 0.5
# A segment shorter than its thresholds would read WRAP UP from its first second: at most the last
# half of a segment is "wrap up", at most the last quarter is "time".
WARNING_SHARE = 0.5
DANGER_SHARE = 0.25
REPAINT_AFTER_BOUNDARY_S = 0.002  # wake this long after a displayed second changes


class Tone(enum.StrEnum):
    """What a text's colour means."""

    TEXT = "text"
    MUTED = "muted"
    WARNING = "warning"
    DANGER = "danger"
    OVERTIME = "overtime"
    CLIP = "clip"


class Look(enum.StrEnum):
    """How the timer panel looks: each one differs in shape (frame, fill) as well as colour."""

    STANDBY = "standby"
    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"
    OVERTIME = "overtime"
    CLIP = "clip"
    OFF_AIR = "off air"


PHASE_WORDS = {
    Phase.STANDBY: QT_TRANSLATE_NOOP("ModeratorView", "STANDBY"),
    Phase.NORMAL: "",
    Phase.WARNING: QT_TRANSLATE_NOOP("ModeratorView", "WRAP UP"),
    Phase.DANGER: QT_TRANSLATE_NOOP("ModeratorView", "TIME"),
    Phase.OVERTIME: QT_TRANSLATE_NOOP("ModeratorView", "OVERTIME"),
}
PHASE_TONE = {
    Phase.STANDBY: Tone.MUTED,
    Phase.NORMAL: Tone.TEXT,
    Phase.WARNING: Tone.WARNING,
    Phase.DANGER: Tone.DANGER,
    Phase.OVERTIME: Tone.OVERTIME,
}


@dataclass(frozen=True)
class ModeratorView:
    """Everything the moderator window shows, as plain values computed from one snapshot."""

    clock: str
    over_under: str
    over_under_tone: Tone
    projection: str
    projection_tone: Tone
    phase: Phase
    look: Look
    phase_label: str
    phase_tone: Tone
    caption: str
    timer: str
    timer_tone: Tone
    blink_on: bool  # overtime: the bright half of the panel's once-a-second beat
    notice: str
    title: str
    speakers: str
    points: tuple[str, ...]
    bullets: bool
    next_title: str
    next_duration: str
    message: Message | None
    message_blink_on: bool
    next_change_s: float  # until the next displayed value changes (a second boundary, a blink)
    moving: bool  # the timer itself counts (a segment on air, the countdown to the start)


def _identity(_context: str, text: str) -> str:
    return text


def away_from_zero(seconds: float) -> int:
    """Whole seconds, rounded up in magnitude (as format_countdown does): 82.4 → 83, −44.6 → −45.

    The projection is a sum of wall-clock and monotonic readings that jitters by microseconds while
    it should stand still; the millisecond of slack keeps 30.000001 from flickering to "0:31"."""
    whole = math.ceil(abs(seconds) - STATUS_SLACK_S)
    return whole if seconds >= 0 else -whole


def phase_thresholds(duration_s: float, warning_s: float, danger_s: float) -> tuple[float, float]:
    """The warning and danger thresholds scaled to a segment of `duration_s`: at most half of it is
    "wrap up" and at most a quarter "time", so a 45 s clip never reads WRAP UP from 0:00."""
    if duration_s <= 0:
        return warning_s, min(danger_s, warning_s)
    warning = min(warning_s, duration_s * WARNING_SHARE)
    danger = min(danger_s, duration_s * DANGER_SHARE, warning)
    return warning, danger


def display_phase(remaining_s: float, duration_s: float, warning_s: float, danger_s: float) -> Phase:
    """The phase the moderator sees with `remaining_s` left of `duration_s` (negative: overtime)."""
    if remaining_s < 0:
        return Phase.OVERTIME
    warning, danger = phase_thresholds(duration_s, warning_s, danger_s)
    if remaining_s <= danger:
        return Phase.DANGER
    if remaining_s <= warning:
        return Phase.WARNING
    return Phase.NORMAL


def following_in_order(snapshot: ShowSnapshot, after: SegmentView) -> SegmentView | None:
    """The next pending segment in the running order after `after`."""
    for view in snapshot.segments[after.index + 1 :]:
        if view.status is SegmentStatus.PENDING:
            return view
    return None


def clip_chain(snapshot: ShowSnapshot) -> tuple[SegmentView, ...]:
    """The clip segments that follow the clip on air by themselves (end action "next"), up to the
    next live segment: their planned (or probed) durations add to "back on air in"."""
    current = snapshot.current
    if current is None or not current.segment.is_clip:
        return ()
    chain: list[SegmentView] = []
    segment = current.segment
    following = snapshot.next
    seen = {current.index}
    while segment.end_action == "next" and following is not None and following.segment.is_clip:
        if following.index in seen:
            break
        seen.add(following.index)
        chain.append(following)
        segment = following.segment
        following = following_in_order(snapshot, following)
    return tuple(chain)


def back_on_air_in(snapshot: ShowSnapshot) -> tuple[float, float]:
    """Seconds until the moderator is live again during a clip, over the whole chain, and the chain's
    length: the snapshot's (issue 20; core20's shim until this module renders the snapshot's timer)."""
    clip = snapshot.clip
    if clip is None or snapshot.current is None:
        return 0.0, 0.0
    return clip.back_on_air_in_s or 0.0, clip.chain_s or 0.0


def until_next_second(value_s: float) -> float:
    """Time until a value counting down at 1 s/s next crosses a whole second (where a countdown
    shown rounded up in magnitude changes its digits): 4.3 → 0.3, −1.3 → 0.7, 4.0 → 1.0."""
    fraction = value_s - math.floor(value_s)
    return fraction if fraction > 1e-6 else 1.0


def _status(snapshot: ShowSnapshot, translate: Translate) -> tuple[str, Tone, str, Tone]:
    """Over/under and projected end, with the display's rounding."""
    over = away_from_zero(snapshot.over_under_s)
    if abs(snapshot.over_under_s) < ON_TIME_WITHIN_S:
        over_under, over_tone = translate("ModeratorView", "on time"), Tone.TEXT
    elif over > 0:
        over_under, over_tone = translate("ModeratorView", "{time} late").format(time=format_signed(over)), Tone.WARNING
    else:
        over_under, over_tone = translate("ModeratorView", "{time} early").format(time=format_signed(over)), Tone.TEXT
    projected_end = snapshot.projected_end
    if projected_end.microsecond > STATUS_SLACK_S * 1e6:  # up to the whole second, like the margin
        projected_end += timedelta(microseconds=1_000_000 - projected_end.microsecond)
    at = f"{projected_end:%H:%M:%S}"
    if snapshot.mode is Mode.ENDED:
        end = translate("ModeratorView", "ended {time}").format(time=at)
    else:
        end = translate("ModeratorView", "ends {time}").format(time=at)
    margin = snapshot.hard_out_margin_s
    if margin < 0 and away_from_zero(margin):
        late = format_duration(-away_from_zero(margin))
        return (
            over_under,
            over_tone,
            translate("ModeratorView", "{end} — {time} past hard out").format(end=end, time=late),
            Tone.WARNING,
        )
    hard_out = translate("ModeratorView", "{end} · hard out {time}").format(end=end, time=f"{snapshot.hard_out:%H:%M}")
    return over_under, over_tone, hard_out, Tone.MUTED


@dataclass(frozen=True)
class _Centre:
    """The timer panel and the texts below it."""

    phase: Phase
    look: Look
    phase_label: str
    phase_tone: Tone
    caption: str
    timer: str
    timer_tone: Tone
    blink_on: bool
    notice: str
    title: str
    speakers: str
    points: tuple[str, ...]
    bullets: bool
    counting: float | None  # the value the timer counts down from, while it moves


def _standby(snapshot: ShowSnapshot, translate: Translate) -> _Centre:
    show = snapshot.show
    until = snapshot.until_start_s
    overdue = format_countdown(until).startswith("+")
    return _Centre(
        phase=Phase.STANDBY,
        look=Look.STANDBY,
        phase_label=translate(CONTEXT, PHASE_WORDS[Phase.STANDBY]),
        phase_tone=Tone.MUTED,
        caption=translate("ModeratorView", "start overdue by") if overdue else translate("ModeratorView", "on air in"),
        timer=format_countdown(until),
        timer_tone=Tone.WARNING if overdue else Tone.TEXT,
        blink_on=False,
        notice="",
        title=show.title,
        speakers=f"{show.date:%d.%m.%Y} · {show.start:%H:%M}–{show.end:%H:%M}",
        points=(show.description,) if show.description else (),
        bullets=False,
        counting=until,
    )


def _off_air(snapshot: ShowSnapshot, translate: Translate) -> _Centre:
    ended = snapshot.show_ended
    return _Centre(
        phase=Phase.STANDBY,
        look=Look.OFF_AIR,
        phase_label="",
        phase_tone=Tone.MUTED,
        caption=translate("ModeratorView", "ended {time}").format(time=f"{ended:%H:%M:%S}") if ended else "",
        timer=translate("ModeratorView", "off air"),
        timer_tone=Tone.MUTED,
        blink_on=False,
        notice="",
        title=snapshot.show.title,
        speakers="",
        points=(),
        bullets=True,
        counting=None,
    )


def _on_air(snapshot: ShowSnapshot, translate: Translate) -> _Centre:
    current = snapshot.current
    assert current is not None
    segment = current.segment
    show = snapshot.show
    warning_s, danger_s = show.warning_for(segment), show.danger_for(segment)
    clip = snapshot.clip
    notice = ""
    if clip is not None and clip.state is not ClipState.FAILED:
        back, length = back_on_air_in(snapshot)
        phase = display_phase(back, length, warning_s, danger_s)
        caption = {
            ClipState.PAUSED: translate("ModeratorView", "clip paused · back on air in"),
            ClipState.HELD: translate("ModeratorView", "clip ended"),
            ClipState.BLACK: translate("ModeratorView", "clip ended"),
        }.get(clip.state, translate("ModeratorView", "back on air in"))
        if clip.state in (ClipState.HELD, ClipState.BLACK):
            notice = translate("ModeratorView", "clip ended – stand by for the director's GO")
        counting = back if clip.state in (ClipState.PLAYING, ClipState.WAITING) else None
        return _Centre(
            phase=phase,
            look=Look.CLIP,
            phase_label=translate("ModeratorView", "CLIP"),
            phase_tone=Tone.CLIP,
            caption=caption,
            timer=format_countdown(back),
            timer_tone=PHASE_TONE[phase] if phase in (Phase.WARNING, Phase.DANGER) else Tone.TEXT,
            blink_on=False,
            notice=notice,
            title=segment.title,
            speakers=" · ".join(segment.speaker_names),
            points=segment.talking_points,
            bullets=True,
            counting=counting,
        )
    remaining = snapshot.remaining_s or 0.0
    phase = display_phase(remaining, current.planned_duration_s, warning_s, danger_s)
    # Overtime beats once per displayed second, in step with the digits: bright on +0:01, dim on +0:02.
    blink_on = phase is Phase.OVERTIME and math.ceil(-remaining - 1e-9) % 2 == 1
    return _Centre(
        phase=phase,
        look=Look(phase.value),
        phase_label=translate(CONTEXT, PHASE_WORDS[phase]) if PHASE_WORDS[phase] else "",
        phase_tone=PHASE_TONE[phase],
        caption=translate("ModeratorView", "over by")
        if phase is Phase.OVERTIME
        else translate("ModeratorView", "remaining"),
        timer=format_countdown(remaining),
        timer_tone=PHASE_TONE[phase],
        blink_on=blink_on,
        notice=translate("ModeratorView", "clip failed – you are live") if clip is not None else "",
        title=segment.title,
        speakers=" · ".join(segment.speaker_names),
        points=segment.talking_points,
        bullets=True,
        counting=remaining,
    )


def _next(snapshot: ShowSnapshot, translate: Translate) -> tuple[str, str]:
    following = snapshot.next
    if snapshot.mode is Mode.ENDED:
        return "", ""
    if following is None:
        return translate("ModeratorView", "Next: end of show"), translate("ModeratorView", "hard out {time}").format(
            time=f"{snapshot.hard_out:%H:%M}"
        )
    segment = following.segment
    duration = format_duration(following.planned_duration_s) if following.planned_duration_s else ""
    if segment.is_clip and "clip" not in segment.title.lower():
        return translate("ModeratorView", "Next: {title} (clip)").format(title=segment.title), duration
    return translate("ModeratorView", "Next: {title}").format(title=segment.title), duration


def next_change_s(snapshot: ShowSnapshot, counting: float | None) -> float:
    """Until the next displayed value changes: the timer's second, the clock's second, a blink."""
    now = snapshot.now
    candidates = [1.0 - now.microsecond / 1e6]
    if counting is not None:
        candidates.append(until_next_second(counting))
    message = snapshot.message
    if message is not None and message.blink:
        shown_for = (now - message.sent_at).total_seconds()
        candidates.append(MESSAGE_BLINK_HALF_PERIOD_S - shown_for % MESSAGE_BLINK_HALF_PERIOD_S)
    return max(min(candidates), 0.0) + REPAINT_AFTER_BOUNDARY_S


def describe(snapshot: ShowSnapshot, translate: Translate = _identity) -> ModeratorView:
    """What the moderator window shows for `snapshot`: pure presentation, no show logic."""

    over_under, over_tone, projection, projection_tone = _status(snapshot, translate)
    if snapshot.mode is Mode.STANDBY:
        centre = _standby(snapshot, translate)
    elif snapshot.mode is Mode.ENDED or snapshot.current is None:
        centre = _off_air(snapshot, translate)
    else:
        centre = _on_air(snapshot, translate)
    next_title, next_duration = _next(snapshot, translate)
    message = snapshot.message
    message_blink_on = False
    if message is not None and message.blink:
        shown_for = (snapshot.now - message.sent_at).total_seconds()
        message_blink_on = int(shown_for // MESSAGE_BLINK_HALF_PERIOD_S) % 2 == 1
    return ModeratorView(
        clock=f"{snapshot.now:%H:%M:%S}",
        over_under=over_under,
        over_under_tone=over_tone,
        projection=projection,
        projection_tone=projection_tone,
        phase=centre.phase,
        look=centre.look,
        phase_label=centre.phase_label,
        phase_tone=centre.phase_tone,
        caption=centre.caption,
        timer=centre.timer,
        timer_tone=centre.timer_tone,
        blink_on=centre.blink_on,
        notice=centre.notice,
        title=centre.title,
        speakers=centre.speakers,
        points=centre.points,
        bullets=centre.bullets,
        next_title=next_title,
        next_duration=next_duration,
        message=message,
        message_blink_on=message_blink_on,
        next_change_s=next_change_s(snapshot, centre.counting),
        moving=centre.counting is not None,
    )


def paginate(heights: Sequence[float], capacity: float, gap: float = 0.0) -> list[range]:
    """Talking points split into pages: consecutive points whose heights (plus `gap` between two)
    fit `capacity`; a point taller than a page gets a page of its own."""
    pages: list[range] = []
    start, used = 0, 0.0
    for index, height in enumerate(heights):
        needed = height if index == start else used + gap + height
        if index > start and needed > capacity + 0.5:
            pages.append(range(start, index))
            start, used = index, height
        else:
            used = needed
    if heights:
        pages.append(range(start, len(heights)))
    return pages


def page_label(page: int, pages: int) -> str:
    """ "1/2" while there is more than one page of talking points, else nothing."""
    return f"{page + 1}/{pages}" if pages > 1 else ""

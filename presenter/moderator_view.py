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
from presenter.questions.model import Source as QuestionSource
from presenter.questions.model import source_label
from presenter.run.state import ClipState, ClipView, Lateness, Message, Mode, Phase, ShowSnapshot, StartStatus
from presenter.timefmt import format_countdown, format_duration, format_signed

Translate = Callable[[str, str], str]
CONTEXT = "ModeratorView"

STATUS_SLACK_S = 0.001  # see away_from_zero
MESSAGE_BLINK_HALF_PERIOD_S = 0.5
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
    urgent: bool  # the message fills the room below a smaller timer (SendMessage(urgent=True))
    must_end_by: str  # "until 18:52" once the show runs late against the hard out, else ""
    question_header: str  # who asks and where from ("Anna · Facebook")
    question_text: str  # the audience question on screen, or ""
    questions_waiting: int
    points_page: int  # the talking points' page the director turned to (0-based)
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


def until_next_second(value_s: float) -> float:
    """Time until a value counting down at 1 s/s next crosses a whole second (where a countdown
    shown rounded up in magnitude changes its digits): 4.3 → 0.3, −1.3 → 0.7, 4.0 → 1.0."""
    fraction = value_s - math.floor(value_s)
    return fraction if fraction > 1e-6 else 1.0


def _over_under(snapshot: ShowSnapshot, translate: Translate) -> tuple[str, Tone]:
    """The engine's word on early/late (against the hard out first), with the display's rounding."""
    lateness = snapshot.lateness
    if lateness is Lateness.ON_PLAN:
        return translate("ModeratorView", "on time"), Tone.TEXT
    if lateness is Lateness.EARLY:
        over = format_signed(away_from_zero(snapshot.over_under_s))
        return translate("ModeratorView", "{time} early").format(time=over), Tone.TEXT
    # Late: against the plan, or — past the hard out — against the hard out, whatever the plan says
    # (finding 8: a live edit made the plan "on time" while the show ended after the hard out).
    late_s = -snapshot.hard_out_margin_s if lateness is Lateness.PAST_HARD_OUT else snapshot.over_under_s
    over = format_signed(max(away_from_zero(late_s), 1))
    return translate("ModeratorView", "{time} late").format(time=over), Tone.WARNING


def _status(snapshot: ShowSnapshot, translate: Translate) -> tuple[str, Tone, str, Tone]:
    """Over/under and projected end, with the display's rounding."""
    over_under, over_tone = _over_under(snapshot, translate)
    projected_end = snapshot.projected_end
    if projected_end.microsecond > STATUS_SLACK_S * 1e6:  # up to the whole second, like the margin
        projected_end += timedelta(microseconds=1_000_000 - projected_end.microsecond)
    at = f"{projected_end:%H:%M:%S}"
    if snapshot.mode is Mode.ENDED:
        end = translate("ModeratorView", "ended {time}").format(time=at)
    else:
        end = translate("ModeratorView", "ends {time}").format(time=at)
    if snapshot.lateness is Lateness.PAST_HARD_OUT:
        late = format_duration(max(-away_from_zero(snapshot.hard_out_margin_s), 1))
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


START_CAPTIONS = {
    StartStatus.OVERDUE: QT_TRANSLATE_NOOP("ModeratorView", "start overdue by"),
    # rehearsing: the plan starts with the first GO, so there is no time to count down to (the core gives none)
    StartStatus.AT_GO: QT_TRANSLATE_NOOP("ModeratorView", "rehearsal — starts with the first GO"),
}


def _start_caption(status: StartStatus, translate: Translate) -> str:
    return translate(CONTEXT, START_CAPTIONS.get(status, QT_TRANSLATE_NOOP("ModeratorView", "on air in")))


def _standby(snapshot: ShowSnapshot, translate: Translate) -> _Centre:
    show = snapshot.show
    overdue = snapshot.start_status is StartStatus.OVERDUE
    return _Centre(
        phase=Phase.STANDBY,
        look=Look.STANDBY,
        phase_label=translate(CONTEXT, PHASE_WORDS[Phase.STANDBY]),
        phase_tone=Tone.MUTED,
        caption=_start_caption(snapshot.start_status, translate),
        timer=snapshot.until_start_text,
        timer_tone=Tone.WARNING if overdue else Tone.TEXT,
        blink_on=False,
        notice="",
        title=show.title,
        speakers=f"{show.date:%d.%m.%Y} · {show.start:%H:%M}–{show.end:%H:%M}",
        points=(show.description,) if show.description else (),
        bullets=False,
        counting=None if snapshot.start_status is StartStatus.AT_GO else snapshot.until_start_s,
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


def must_end_by_text(snapshot: ShowSnapshot, translate: Translate = _identity) -> str:
    """ "until 18:52": when the segment on air must end to keep the hard out (only once the show runs late)."""
    if snapshot.must_end_by is None:
        return ""
    return translate("ModeratorView", "until {time}").format(time=f"{snapshot.must_end_by:%H:%M}")


def _with_deadline(caption: str, snapshot: ShowSnapshot, translate: Translate) -> str:
    deadline = must_end_by_text(snapshot, translate)
    return f"{caption} · {deadline}" if deadline else caption


def _clip_centre(snapshot: ShowSnapshot, clip: ClipView, translate: Translate) -> _Centre:
    """A clip on air: the whole chain's "back on air in" and its phase, both as the engine gives them."""
    current = snapshot.current
    assert current is not None
    segment = current.segment
    phase = snapshot.phase
    timer_s = snapshot.timer_s if snapshot.timer_s is not None else (clip.back_on_air_in_s or 0.0)
    caption = {
        ClipState.PAUSED: translate("ModeratorView", "clip paused · back on air in"),
        ClipState.HELD: translate("ModeratorView", "clip ended"),
        ClipState.BLACK: translate("ModeratorView", "clip ended"),
    }.get(clip.state, translate("ModeratorView", "back on air in"))
    ended = clip.state in (ClipState.HELD, ClipState.BLACK)
    return _Centre(
        phase=phase,
        look=Look.CLIP,
        phase_label=translate("ModeratorView", "CLIP"),
        phase_tone=Tone.CLIP,
        caption=caption,
        timer=format_countdown(timer_s),
        timer_tone=PHASE_TONE[phase] if phase in (Phase.WARNING, Phase.DANGER) else Tone.TEXT,
        blink_on=False,
        notice=translate("ModeratorView", "clip ended – stand by for the director's GO") if ended else "",
        title=segment.title,
        speakers=" · ".join(segment.speaker_names),
        points=segment.talking_points,
        bullets=True,
        counting=timer_s if snapshot.timer_running else None,
    )


def _on_air(snapshot: ShowSnapshot, translate: Translate) -> _Centre:
    current = snapshot.current
    assert current is not None
    segment = current.segment
    clip = snapshot.clip
    if clip is not None and clip.state is not ClipState.FAILED:
        return _clip_centre(snapshot, clip, translate)
    remaining = snapshot.timer_s if snapshot.timer_s is not None else (snapshot.remaining_s or 0.0)
    phase = snapshot.phase
    # Overtime beats once per displayed second, in step with the digits: bright on +0:01, dim on +0:02.
    blink_on = phase is Phase.OVERTIME and math.ceil(-remaining - 1e-9) % 2 == 1
    caption = (
        translate("ModeratorView", "over by") if phase is Phase.OVERTIME else translate("ModeratorView", "remaining")
    )
    return _Centre(
        phase=phase,
        look=Look(phase.value),
        phase_label=translate(CONTEXT, PHASE_WORDS[phase]) if PHASE_WORDS[phase] else "",
        phase_tone=PHASE_TONE[phase],
        caption=_with_deadline(caption, snapshot, translate),
        timer=format_countdown(remaining),
        timer_tone=PHASE_TONE[phase],
        blink_on=blink_on,
        notice=translate("ModeratorView", "clip failed – you are live") if clip is not None else "",
        title=segment.title,
        speakers=" · ".join(segment.speaker_names),
        points=segment.talking_points,
        bullets=True,
        counting=remaining if snapshot.timer_running else None,
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


def source_words(source: str) -> str:
    """A question's source (its journal value, "mail") as the user reads it ("Mail", "E-Mail")."""
    try:
        return source_label(QuestionSource(source))
    except ValueError:
        return source


def _question(snapshot: ShowSnapshot, translate: Translate = _identity) -> tuple[str, str]:
    """The audience question on screen: who asks and where from (the source as the user reads it), whom it
    is addressed to (issue 22: the moderator never saw it), its text."""
    question = snapshot.question
    if question is None:
        return "", ""
    to = translate("ModeratorView", "to {name}").format(name=question.addressed_to) if question.addressed_to else ""
    return " · ".join(part for part in (question.asker, source_words(question.source), to) if part), question.text


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
    question_header, question_text = _question(snapshot, translate)
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
        urgent=message is not None and message.urgent,
        must_end_by=must_end_by_text(snapshot, translate) if snapshot.current is not None else "",
        question_header=question_header,
        question_text=question_text,
        questions_waiting=max(snapshot.questions_waiting, 0),
        points_page=max(snapshot.points_page, 0),
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

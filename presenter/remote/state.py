"""The show state as JSON for remotes: what the moderator window shows, plus the timestamps to count from.

Browsers never count ticks: `timer.end` is the instant (on the server's monotonic clock) the
shown countdown reaches 0:00, and `mono` the server's monotonic time of this state. A view
measures its offset to the server's clock and computes the time left itself, rounding as
presenter.timefmt.format_countdown does. Every fact comes from the one ShowSnapshot (issue 20):
the phase and its scaled thresholds, the timer over the whole clip chain, lateness, what GO and
Back will do; nothing is derived here or in the pages.
"""

from __future__ import annotations

import calendar
from typing import Any

from presenter import colours as palette
from presenter.colours import (
    CLIP_COLOUR,
    MESSAGE_BACKGROUND,
    MESSAGE_BLINK_BACKGROUND,
    OVERTIME_DIM,
    TONE_COLOUR,
)
from presenter.i18n import translate
from presenter.moderator_view import describe
from presenter.remote.graphics_state import graphics_dict
from presenter.run.engine import ClipState, Mode, Phase, ShowSnapshot
from presenter.run.state import ClipView, Offer, QuestionView, SegmentView

JSON = dict[str, Any]
STATE_VERSION = 2  # 2: timer.warning_at_s/danger_at_s (scaled), offers, lateness (issue 20)


def _segment(view: SegmentView | None) -> JSON | None:
    if view is None:
        return None
    segment = view.segment
    return {
        "number": view.index + 1,
        "id": segment.id,
        "title": segment.title,
        "kind": segment.kind,
        "status": view.status.value,
        "planned_s": view.planned_duration_s,
    }


def _timer(snapshot: ShowSnapshot, mono: float) -> JSON:
    """How the big timer counts, as the snapshot says: from `end` while it runs, else frozen at `left`;
    the phase turns where the snapshot's scaled thresholds say (a view compares, it never decides)."""
    if snapshot.mode is Mode.STANDBY:
        kind = "until_start"
    elif snapshot.current is None or snapshot.timer_s is None:
        return {"kind": "off_air", "running": False, "end": None, "left": None}
    else:
        clip = snapshot.clip
        kind = "clip" if clip is not None and clip.state is not ClipState.FAILED else "segment"
    left = snapshot.timer_s or 0.0
    running = snapshot.timer_running
    return {
        "kind": kind,
        "running": running,
        "end": mono + left if running else None,
        "left": left,
        "warning_at_s": snapshot.warning_at_s,
        "danger_at_s": snapshot.danger_at_s,
    }


def _offer(offer: Offer) -> JSON:
    """What GO or Back will do now, and why not (the refusal text is already in the UI language)."""
    target = offer.target
    return {
        "action": offer.action.value,
        "allowed": offer.allowed,
        "target": None if target is None else {"number": target.index + 1, "title": target.segment.title},
        "refusal": None if offer.refusal is None else {"code": str(offer.refusal.code), "text": offer.refusal.text},
        "seconds_left": offer.seconds_left,
    }


def _question(question: QuestionView | None) -> JSON | None:
    """The question on screen as a stage screen shows it: the asker by first name and initial only."""
    if question is None:
        return None
    return {
        "text": question.text,
        "asker": _short_name(question.asker),
        "source": question.source,
        "number": question.number,
        "addressed_to": question.addressed_to,
    }


def _short_name(name: str) -> str:
    """ "Anna Beispielfrau" → "Anna B." (personal data leaves Presenter only as far as a screen shows it)."""
    words = name.split()
    if len(words) < 2:
        return name
    return f"{words[0]} {words[-1][0]}."


def _clip(clip: ClipView | None) -> JSON | None:
    if clip is None:
        return None
    return {
        "state": clip.state.value,
        "position_s": clip.position_s,
        "duration_s": clip.duration_s,
        "back_on_air_in_s": clip.back_on_air_in_s,  # the whole chain that follows by itself
        "chain_s": clip.chain_s,
    }


def _message(snapshot: ShowSnapshot) -> JSON | None:
    message = snapshot.message
    if message is None:
        return None
    age = (snapshot.now - message.sent_at).total_seconds()
    return {"text": message.text, "blink": message.blink, "urgent": message.urgent, "age_s": age,
            "life": message.life.value}  # fmt: skip


def state_dict(snapshot: ShowSnapshot, mono: float, extra: JSON | None = None) -> JSON:
    """Everything a stage screen shows, JSON-ready; `mono` is the monotonic reading `snapshot` was taken at.
    Personal data (the question list, askers' full names) is never here: PIN holders ask for it."""
    view = describe(snapshot, translate)
    wall = calendar.timegm(snapshot.now.timetuple()) + snapshot.now.microsecond / 1e6  # the local clock face
    return {
        "v": STATE_VERSION,
        "mono": mono,
        "wall_offset": wall - mono,  # server mono + this = the director's wall clock (as UTC digits)
        "show": {"title": snapshot.show.title, "hard_out": f"{snapshot.hard_out:%H:%M}"},
        "mode": snapshot.mode.value,
        "phase": snapshot.phase.value,
        "on_air": _segment(snapshot.current),
        "next": _segment(snapshot.next),
        "graphics": graphics_dict(snapshot),  # what is on the stream (the OBS browser-source pages render it)
        "remaining_s": snapshot.remaining_s,
        "elapsed_s": snapshot.elapsed_s,
        "remaining": view.timer,
        "over_under_s": snapshot.over_under_s,
        "lateness": snapshot.lateness.value,
        "projected_end": f"{snapshot.projected_end:%H:%M:%S}",
        "must_end_by": None if snapshot.must_end_by is None else f"{snapshot.must_end_by:%H:%M}",
        "clip": _clip(snapshot.clip),
        "message": _message(snapshot),
        "timer": _timer(snapshot, mono),
        "go": _offer(snapshot.go),
        "back": _offer(snapshot.back),
        "points_page": snapshot.points_page,
        "question": _question(snapshot.question),
        "questions_waiting": snapshot.questions_waiting,
        "view": {
            "over_under": view.over_under,
            "over_under_color": TONE_COLOUR[view.over_under_tone],
            "projection": view.projection,
            "projection_color": TONE_COLOUR[view.projection_tone],
            "phase_label": view.phase_label,
            "caption": view.caption,
            "notice": view.notice,
            "title": view.title,
            "speakers": view.speakers,
            "points": list(view.points),
            "bullets": view.bullets,
            "next_title": view.next_title,
            "next_duration": view.next_duration,
        },
        **(extra or {}),
    }


def questions_page(items: object, start: int, count: int) -> JSON:
    """One page of the question list (for PIN holders only, on request: never in the pushed state)."""
    items = items if isinstance(items, list) else []
    return {"total": len(items), "from": start, "questions": items[start : start + count]}


def colours() -> JSON:
    """The moderator window's colours, so the browser views look the same."""
    return {
        "background": palette.BACKGROUND,
        "panel": palette.PANEL,
        "text": palette.TEXT,
        "muted": palette.MUTED,
        "clip": CLIP_COLOUR,
        "overtime_dim": OVERTIME_DIM,
        "message": MESSAGE_BACKGROUND,
        "message_blink": MESSAGE_BLINK_BACKGROUND,
        "phase": {
            phase.value: {
                "fg": palette.PHASE_FOREGROUND[phase],
                "bg": palette.PANEL
                if palette.PHASE_BACKGROUND[phase] == palette.BACKGROUND
                else palette.PHASE_BACKGROUND[phase],
                "label": palette.phase_label(phase),
            }
            for phase in Phase
        },
    }

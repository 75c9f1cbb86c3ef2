"""The show state as JSON for remotes: what the moderator window shows, plus the timestamps to count from.

Browsers never count ticks: `timer.end` is the instant (on the server's monotonic clock) the
shown countdown reaches 0:00, and `mono` the server's monotonic time of this state. A view
measures its offset to the server's clock and computes the time left itself, rounding as
presenter.timefmt.format_countdown does.
"""

from __future__ import annotations

import calendar

from presenter.engine import ClipState, Mode, Phase, ShowSnapshot
from presenter.i18n import translate
from presenter.moderator_view import describe
from presenter.ui import theme
from presenter.ui.moderator_colours import (
    CLIP_COLOUR,
    MESSAGE_BACKGROUND,
    MESSAGE_BLINK_BACKGROUND,
    OVERTIME_DIM,
    TONE_COLOUR,
)

STATE_VERSION = 1


def _segment(view) -> dict | None:
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


def _timer(snapshot: ShowSnapshot, mono: float) -> dict:
    """How the big timer counts: from `end` (running) or frozen at `remaining`, and the phase rules."""
    show = snapshot.show
    if snapshot.mode is Mode.STANDBY:
        return {"kind": "until_start", "running": True, "end": mono + snapshot.until_start_s}
    current = snapshot.current
    if snapshot.mode is Mode.ENDED or current is None:
        return {"kind": "off_air", "running": False, "end": None}
    remaining = snapshot.remaining_s or 0.0
    clip = snapshot.clip
    thresholds = {"warning_s": show.warning_for(current.segment), "danger_s": show.danger_for(current.segment)}
    if clip is not None and clip.state is not ClipState.FAILED:
        back_in = clip.back_on_air_in_s or 0.0
        running = clip.state in (ClipState.PLAYING, ClipState.WAITING) and back_in > 0
        return {"kind": "clip", "running": running, "end": mono + back_in, "left": back_in, **thresholds}
    return {"kind": "segment", "running": True, "end": mono + remaining, **thresholds}


def state_dict(snapshot: ShowSnapshot, mono: float, extra: dict | None = None) -> dict:
    """Everything a remote needs, JSON-ready; `mono` is the monotonic reading `snapshot` was taken at."""
    view = describe(snapshot, translate)
    message = snapshot.message
    clip = snapshot.clip
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
        "remaining_s": snapshot.remaining_s,
        "elapsed_s": snapshot.elapsed_s,
        "remaining": view.timer,
        "over_under_s": snapshot.over_under_s,
        "projected_end": f"{snapshot.projected_end:%H:%M:%S}",
        "clip": None
        if clip is None
        else {
            "state": clip.state.value,
            "position_s": clip.position_s,
            "duration_s": clip.duration_s,
            "back_on_air_in_s": clip.back_on_air_in_s,
        },
        "message": None
        if message is None
        else {"text": message.text, "blink": message.blink, "age_s": (snapshot.now - message.sent_at).total_seconds()},
        "timer": _timer(snapshot, mono),
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


def questions_page(items, start: int, count: int) -> dict:
    """One page of the question list (for PIN holders only, on request: never in the pushed state)."""
    items = items if isinstance(items, list) else []
    return {"total": len(items), "from": start, "questions": items[start : start + count]}


def colours() -> dict:
    """The moderator window's colours, so the browser views look the same."""
    return {
        "background": theme.BACKGROUND,
        "panel": theme.PANEL,
        "text": theme.TEXT,
        "muted": theme.MUTED,
        "clip": CLIP_COLOUR,
        "overtime_dim": OVERTIME_DIM,
        "message": MESSAGE_BACKGROUND,
        "message_blink": MESSAGE_BLINK_BACKGROUND,
        "phase": {
            phase.value: {
                "fg": theme.PHASE_FOREGROUND[phase],
                "bg": theme.PANEL
                if theme.PHASE_BACKGROUND[phase] == theme.BACKGROUND
                else theme.PHASE_BACKGROUND[phase],
                "label": theme.phase_label(phase),
            }
            for phase in Phase
        },
    }

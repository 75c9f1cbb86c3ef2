"""--status-file: the show state as JSON for monitoring and end-to-end tests.

Every figure is the snapshot's (the one the windows, the browser views and the API show); nothing is
computed here. The keys are a contract: new keys are added, none is renamed or dropped (README).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from presenter.run.state import ClipView, FillView, Offer, ShowSnapshot


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def offer_status(offer: Offer) -> dict[str, Any]:
    """What GO or Back does now: its action, whether it is allowed, its segment and the reason it is not."""
    return {
        "action": offer.action.value,
        "allowed": offer.allowed,
        "target": offer.target.segment.id if offer.target is not None else None,
        "refusal": offer.refusal.code.value if offer.refusal is not None else None,
        "seconds_left": offer.seconds_left,
    }


def _clip_status(clip: ClipView | None) -> dict[str, Any]:
    return {
        "clip_duration_s": clip.duration_s if clip else None,
        "back_on_air_in_s": clip.back_on_air_in_s if clip else None,  # the whole chain of clips
        "clip_chain_s": clip.chain_s if clip else None,
    }


def _fill_status(fill: FillView | None) -> dict[str, Any] | None:
    if fill is None:
        return None
    return {"index": fill.index, "planned_end": _iso(fill.planned_end), "adjust_s": fill.adjust_s}


def question_status(snapshot: ShowSnapshot) -> dict[str, Any]:
    """The keys "question" ({id, text} of the question on screen, or null) and "questions_waiting"."""
    question = snapshot.question
    shown = {"id": question.id, "text": question.text} if question is not None else None
    return {"question": shown, "questions_waiting": snapshot.questions_waiting}


def snapshot_status(snapshot: ShowSnapshot) -> dict[str, Any]:
    """The keys added for issue 20: what every face shows, as the snapshot has it."""
    message = snapshot.message
    return {
        "phase": snapshot.phase.value,
        "timer_s": snapshot.timer_s,  # what the big timer shows (during a clip: back on air in)
        "timer_running": snapshot.timer_running,
        "warning_at_s": snapshot.warning_at_s,
        "danger_at_s": snapshot.danger_at_s,
        "lateness": snapshot.lateness.value,
        "over_under_s": snapshot.over_under_s,
        "projected_end": _iso(snapshot.projected_end),
        "hard_out": _iso(snapshot.hard_out),
        "must_end_by": _iso(snapshot.must_end_by),
        "go": offer_status(snapshot.go),
        "back": offer_status(snapshot.back),
        **_clip_status(snapshot.clip),
        "message_urgent": bool(message is not None and message.urgent),
        "points_page": snapshot.points_page,
        "fill": _fill_status(snapshot.fill),
    }

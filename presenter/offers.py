"""What GO and Back will do now: the one rule, read by the snapshot (every face) and by the dispatcher.

GO after the end: a segment cued after the end goes on air (the show goes on), from every transport
alike; with nothing cued, GO is refused ("show_ended"). Back within UNDO_GO_S of a GO takes it back;
later it only cues the segment before (the offer names it), and is refused when there is none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from presenter.intents import Refusal, RefusalCode, refusal
from presenter.state import Mode, Offer, OfferAction, SegmentView

if TYPE_CHECKING:
    from presenter.engine import ShowEngine


@dataclass(frozen=True)
class Plan:
    """What an intent will do, on which segment (an index), or why not."""

    action: OfferAction
    target: int | None = None
    refusal: Refusal | None = None
    seconds_left: float | None = None

    def offer(self, views: Sequence[SegmentView]) -> Offer:
        target = views[self.target] if self.target is not None else None
        return Offer(self.action, self.refusal is None, target, self.refusal, self.seconds_left)


def go_plan(engine: ShowEngine) -> Plan:
    following = engine.next_index()
    if engine.mode is Mode.STANDBY:
        return Plan(OfferAction.START_SHOW, following)
    if following is not None:
        return Plan(OfferAction.AIR, following)
    if engine.mode is Mode.ON_AIR:
        return Plan(OfferAction.END_SHOW)
    return Plan(OfferAction.NONE, refusal=refusal(RefusalCode.SHOW_ENDED))


def back_plan(engine: ShowEngine) -> Plan:
    undo_s = engine.undo_go_s()
    if undo_s is not None:
        assert engine._undo is not None  # undo_go_s says there is a GO to take back
        # what returns on air (None: the show returns to standby)
        return Plan(OfferAction.UNDO_GO, engine._undo.current, seconds_left=undo_s)
    before = engine.back_from()
    if before is None:
        return Plan(OfferAction.NONE, refusal=refusal(RefusalCode.NOT_STARTED))
    previous = engine._previous_index(before)
    if previous is None:
        return Plan(OfferAction.NONE, refusal=refusal(RefusalCode.NOTHING_BEFORE))
    return Plan(OfferAction.CUE_PREVIOUS, previous)


def go_offer(engine: ShowEngine, views: Sequence[SegmentView]) -> Offer:
    return go_plan(engine).offer(views)


def back_offer(engine: ShowEngine, views: Sequence[SegmentView]) -> Offer:
    return back_plan(engine).offer(views)

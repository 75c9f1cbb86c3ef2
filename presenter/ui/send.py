"""The desktop windows' one way in: a typed intent handed to the one dispatcher, its refusal shown.

Every key and button of the director, the moderator and the questions window builds an intent
(presenter.run.intents) and calls `send`; none checks a rule of its own. A refusal is shown the same way
everywhere: its text (already in the user's language) in the director's problems list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from presenter.run.dispatch import Accepted
from presenter.run.intents import DIRECTOR, Intent

if TYPE_CHECKING:
    from presenter.controller import ShowController

Report = Callable[[str], None]


def send(controller: ShowController, intent: Intent, report: Report | None = None) -> bool:
    """Dispatch `intent` as the director; True when it was accepted. A refusal goes to `report`, and so
    does what the director must read of an accepted one (an edit too large for the crash journal)."""
    outcome = controller.dispatch(intent, DIRECTOR)
    if isinstance(outcome, Accepted):
        if outcome.warning and report is not None:
            report(outcome.warning)
        return True
    if report is not None:
        report(outcome.refusal.text)
    return False

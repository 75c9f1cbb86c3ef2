"""The desktop windows' one way in: a typed intent handed to the one dispatcher, its refusal shown.

Every key and button of the director, the moderator and the questions window builds an intent
(presenter.intents) and calls `send`; none checks a rule of its own. A refusal is shown the same way
everywhere: its text (already in the user's language) in the director's problems list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from presenter.dispatch import Refused
from presenter.intents import Intent, Source, SourceKind

if TYPE_CHECKING:
    from presenter.controller import ShowController

DIRECTOR = Source(SourceKind.DIRECTOR, "director")

Report = Callable[[str], None]


def send(controller: ShowController, intent: Intent, report: Report | None = None) -> bool:
    """Dispatch `intent` as the director; True when it was accepted. A refusal goes to `report`."""
    outcome = controller.dispatch(intent, DIRECTOR)
    if isinstance(outcome, Refused):
        if report is not None:
            report(outcome.refusal.text)
        return False
    return True

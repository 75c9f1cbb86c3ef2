"""The audience-question intents for every transport (HTTP, WebSocket, OSC) and the producer's page.

Adapters: each parses its arguments into a typed question intent (presenter.run.intents) for the one
dispatcher, so the same rules and the same journal apply as for the keys in the Questions window
and the director's Q / N / Shift+Q."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from presenter.questions.chat import parse_chat
from presenter.remote.intents import Arg, ArgType, IntentError, Status, register_intent, register_state, send
from presenter.run import intents as do

if TYPE_CHECKING:
    from presenter.controller import ShowController


def _by_id(name: str, make: Callable[[str], do.Intent]) -> Callable[..., None]:
    return lambda controller, id: send(controller, f"question/{name}", make(id))


def _add(controller: ShowController, text: str) -> None:
    """Text copied from a chat: "Name (Facebook): text" fills the asker and the source."""
    found = parse_chat(text)
    send(controller, "question/add", do.QuestionAdd(found.text, found.asker, found.source or "other"))


def _move(controller: ShowController, id: str, to: float) -> None:
    if to != int(to):
        raise IntentError(Status.BAD_ARGS, f"to: a whole number (got {to:g})")
    send(controller, "question/move", do.QuestionMove(id, int(to)))


def _show(controller: ShowController, id: str | None = None) -> None:
    send(controller, "question/show", do.QuestionShow(id))


def questions_list(controller: ShowController) -> list[dict[str, object]]:
    """Every question in the producer's order (`to` of question/move counts in this list)."""
    return [
        {"id": q.id, "text": q.display_text, "asker": q.asker, "source": str(q.source), "state": str(q.state)}
        for q in controller.questions.questions
    ]


def register() -> None:
    register_intent("question/add", _add, [Arg("text", ArgType.TEXT)])
    register_intent("question/approve", _by_id("approve", do.QuestionApprove), [Arg("id", ArgType.TEXT)])
    register_intent("question/drop", _by_id("drop", do.QuestionDrop), [Arg("id", ArgType.TEXT)])
    register_intent("question/move", _move, [Arg("id", ArgType.TEXT), Arg("to", ArgType.NUMBER)])
    register_intent("question/show", _show, [Arg("id", ArgType.TEXT, required=False)])
    register_intent("question/next", lambda controller: send(controller, "question/next", do.QuestionAnsweredNext()))
    register_intent("question/off", lambda controller: send(controller, "question/off", do.QuestionTakeOff()))
    register_state("questions_list", questions_list)

"""The audience-question intents for every transport (HTTP, WebSocket, OSC) and the producer's page.

They call the controller's question intents, so the same rules and the same journal apply as for
the keys in the Questions window and the director's Q / N / Shift+Q."""

from __future__ import annotations

from collections.abc import Callable

from presenter.remote.intents import Arg, ArgType, IntentError, Status, register_intent, register_state


def _checked(result: str | None) -> None:
    """The controller answers None when done, else the producer's message (it never raises)."""
    if result:
        raise IntentError(Status.REFUSED, result)


def _handler(method: str, *names: str) -> Callable[..., None]:
    def handler(controller, **args: object) -> None:
        _checked(getattr(controller, method)(*(args[name] for name in names if name in args)))

    return handler


def _move(controller, id: str, to: float) -> None:
    if to != int(to):
        raise IntentError(Status.BAD_ARGS, f"to: a whole number (got {to:g})")
    _checked(controller.question_move(id, int(to)))


def questions_list(controller) -> list[dict[str, object]]:
    """Every question in the producer's order (`to` of question/move counts in this list)."""
    return [
        {"id": q.id, "text": q.display_text, "asker": q.asker, "source": str(q.source), "state": str(q.state)}
        for q in controller.questions.questions
    ]


def register() -> None:
    register_intent("question/add", _handler("question_paste", "text"), [Arg("text", ArgType.TEXT)])
    for name, method in (("approve", "question_approve"), ("drop", "question_drop")):
        register_intent(f"question/{name}", _handler(method, "id"), [Arg("id", ArgType.TEXT)])
    register_intent("question/move", _move, [Arg("id", ArgType.TEXT), Arg("to", ArgType.NUMBER)])
    register_intent("question/show", _handler("question_show", "id"), [Arg("id", ArgType.TEXT, required=False)])
    register_intent("question/next", _handler("question_answered_next"))
    register_intent("question/off", _handler("question_take_off"))
    register_state("questions_list", questions_list)

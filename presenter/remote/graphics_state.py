"""The pushed state's `graphics` part: what the stream's graphics pages show (presenter/web/graphics.js); and the
remote intents that put graphics on the stream (`register()`: lowerthird, lowerthird/off, preshow).

Rendered from the one snapshot's graphics view (presenter.run.graphics): which lower third, question and
pre-show countdown are on the stream, in which language, with the show file's colours and font. Nothing is
derived here but the form; the audience question carries the asker's first name only (personal data leaves
Presenter only as far as the stream shows it).
"""

from __future__ import annotations

from typing import Any

from presenter.questions.model import Source, source_label
from presenter.remote.intents import Arg, ArgType, register_intent, send
from presenter.run import intents as do
from presenter.run.state import GraphicsView, QuestionView, ShowSnapshot
from presenter.show import Show

JSON = dict[str, Any]
PAGES = {"/lower-third": "lower-third.html", "/stream-question": "stream-question.html", "/preshow": "preshow.html"}


def graphics_dict(snapshot: ShowSnapshot) -> JSON | None:
    """The `graphics` part of the pushed state (None: a snapshot without an engine's graphics view)."""
    view = snapshot.graphics
    if view is None:
        return None
    return {
        "language": view.language,
        "style": _style(snapshot.show),
        "lower_third": _lower_third(view),
        "question": _question(view.question),
        "preshow": _preshow(snapshot) if view.preshow else None,
        "on_stream": view.on_stream,
    }


def _style(show: Show) -> JSON:
    graphics = show.graphics
    style: JSON = dict(graphics.colours)
    if graphics.font:
        style["font"] = graphics.font
    return style


def _lower_third(view: GraphicsView) -> JSON | None:
    shown = view.lower_third
    if shown is None:
        return None
    return {"name": shown.name, "role": shown.role, "seconds_left": shown.seconds_left}


def _question(question: QuestionView | None) -> JSON | None:
    if question is None:
        return None
    first_name = question.asker.split()[0] if question.asker.strip() else ""
    source = source_label(Source(question.source)) if question.source in Source.__members__.values() else ""
    return {"text": question.text, "asker": first_name, "source": source}


def _preshow(snapshot: ShowSnapshot) -> JSON:
    show = snapshot.show
    starts_at = snapshot.now.timestamp() + snapshot.until_start_s  # the director's clock, as epoch seconds
    return {
        "title": show.title,
        "hashtag": show.graphics.hashtag,
        "start": f"{show.start:%H:%M}",
        "starts_at_ms": round(starts_at * 1000),
    }


def _put_lower_third(controller: Any, person: str | None = None, s: float | None = None) -> None:
    """`person` by name (without: the speaker of the segment on air), for `s` seconds (without: the show's time)."""
    send(controller, "lowerthird", do.ShowLowerThird(person, s))


def _put_preshow(controller: Any, on: bool = True) -> None:
    send(controller, "preshow", do.ShowPreshow(on))


def register() -> None:
    """The graphics intents for every transport: `/api/v1/lowerthird?person=…&s=8`, `{"cmd": "lowerthird/off"}`,
    OSC `/presenter/preshow`; each an intent through the one dispatcher, like the director's L and Shift+L."""
    optional = {"required": False}
    register_intent(
        "lowerthird", _put_lower_third, (Arg("person", ArgType.TEXT, **optional), Arg("s", ArgType.NUMBER, **optional))
    )
    register_intent("lowerthird/off", lambda controller: send(controller, "lowerthird/off", do.TakeOffLowerThird()))
    register_intent("preshow", _put_preshow, (Arg("on", ArgType.FLAG, **optional),))

"""The intents a remote may send, by name: adapters that parse arguments into typed intents.

Every transport (HTTP, WebSocket, OSC) looks an intent up here, so the same arguments are parsed
the same way; the typed intent (presenter.run.intents) goes to the one dispatcher, which checks every
rule (double GO, GO after the end, the message limit, what is on air) and journals. No rule is
re-checked here. Another module adds its own intents with `register_intent` (the questions).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from presenter.run import intents as do
from presenter.run.dispatch import Refused

if TYPE_CHECKING:
    from presenter.controller import ShowController

MAX_TEXT = 2000  # characters of any text argument read from the network (the dispatcher has the rules' limits)
MAX_ADD_S = 3600.0  # (the dispatcher's limit, kept for old importers)


class Status(enum.IntEnum):
    """The answer to an intent, as HTTP status codes (the WebSocket and OSC answer the same)."""

    OK = 200
    BAD_ARGS = 400
    WRONG_PIN = 403
    NOT_FOUND = 404
    REFUSED = 409
    TOO_MANY = 429


class IntentError(Exception):
    """An intent that was not carried out; the message is for the person who sent it."""

    def __init__(self, status: Status, message: str):
        super().__init__(message)
        self.status = status


class ArgType(enum.StrEnum):
    TEXT = "text"
    NUMBER = "number"
    FLAG = "flag"
    SEGMENT = "segment"  # 1-based number or segment id


@dataclass(frozen=True)
class Arg:
    name: str
    kind: ArgType
    required: bool = True


@dataclass(frozen=True)
class Intent:
    name: str
    handler: Callable[..., None]  # handler(controller, **checked_args) -> None; raises IntentError to refuse
    args: tuple[Arg, ...]


_REGISTRY: dict[str, Intent] = {}


def register_intent(name: str, handler: Callable[..., None], args_spec: tuple[Arg, ...] | list[Arg] = ()) -> None:
    """Make `name` reachable from every transport (`/api/v1/<name>`, `{"cmd": name}`, `/presenter/<name>`)."""
    if not name or not all(part.isidentifier() for part in name.split("/")):
        raise ValueError(f"intent name {name!r}: words separated by /")
    _REGISTRY[name] = Intent(name, handler, tuple(args_spec))


def unregister_intent(name: str) -> None:
    _REGISTRY.pop(name, None)


_STATE_PARTS: dict[str, Callable[[ShowController], object]] = {}


def register_state(key: str, part: Callable[[ShowController], object]) -> None:
    """Add `part(controller)` (JSON-ready) to the state every remote gets, as `key` (e.g. the questions)."""
    _STATE_PARTS[key] = part


def state_parts(controller: ShowController) -> dict[str, object]:
    return {key: part(controller) for key, part in _STATE_PARTS.items()}


def intents() -> dict[str, Intent]:
    return dict(_REGISTRY)


def has_question_intents() -> bool:
    return any(name.startswith("question") for name in _REGISTRY)


# ------------------------------------------------------------------ checking arguments


def _number(name: str, value: object) -> float:
    if isinstance(value, bool):
        raise IntentError(Status.BAD_ARGS, f"{name}: expected a number, got {value!r}")
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ".")) if len(value) <= 32 else None
        except ValueError:
            value = None
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise IntentError(Status.BAD_ARGS, f"{name}: expected a number, got {str(value)[:40]!r}")
    return float(value)


def _flag(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on", "0", "false", "no", "off", ""):
        return value.strip().lower() in ("1", "true", "yes", "on")
    raise IntentError(Status.BAD_ARGS, f"{name}: expected true or false, got {str(value)[:40]!r}")


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise IntentError(Status.BAD_ARGS, f"{name}: expected text, got {str(value)[:40]!r}")
    if len(value) > MAX_TEXT:
        raise IntentError(Status.BAD_ARGS, f"{name}: at most {MAX_TEXT} characters (got {len(value)})")
    return "".join(ch if ch.isprintable() or ch == "\n" else " " for ch in value)


def segment_index(controller: ShowController, value: object) -> int:
    """A 1-based number or a segment id → the 0-based index; a clear refusal otherwise."""
    segments = controller.show.segments
    if isinstance(value, bool):
        raise IntentError(Status.BAD_ARGS, f"to: expected a segment number or id, got {value!r}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int):
        if 1 <= value <= len(segments):
            return value - 1
        raise IntentError(Status.BAD_ARGS, f"to: no segment {value} (the running order has 1–{len(segments)})")
    if isinstance(value, str):
        for index, segment in enumerate(segments):
            if segment.id == value.strip():
                return index
        raise IntentError(Status.BAD_ARGS, f"to: no segment with the id {value[:60]!r}")
    raise IntentError(Status.BAD_ARGS, f"to: expected a segment number or id, got {str(value)[:40]!r}")


def check_args(controller: ShowController, intent: Intent, given: Mapping[str, object]) -> dict[str, object]:
    known = {arg.name for arg in intent.args}
    unknown = sorted(set(given) - known - {"pin"})
    if unknown:
        expected = ", ".join(sorted(known)) or "none"
        raise IntentError(
            Status.BAD_ARGS, f"{intent.name}: unknown argument {unknown[0][:40]!r} (expected: {expected})"
        )
    checked: dict[str, object] = {}
    for arg in intent.args:
        if arg.name not in given:
            if arg.required:
                raise IntentError(Status.BAD_ARGS, f"{intent.name}: missing argument {arg.name!r}")
            continue
        value = given[arg.name]
        if arg.kind is ArgType.NUMBER:
            checked[arg.name] = _number(arg.name, value)
        elif arg.kind is ArgType.FLAG:
            checked[arg.name] = _flag(arg.name, value)
        elif arg.kind is ArgType.SEGMENT:
            checked[arg.name] = segment_index(controller, value)
        else:
            checked[arg.name] = _text(arg.name, value)
    return checked


def run_intent(controller: ShowController, name: str, given: Mapping[str, object], source: str) -> None:
    """Check and carry out intent `name` for `source`; raises IntentError when it is not carried out."""
    intent = _REGISTRY.get(name)
    if intent is None:
        raise IntentError(Status.NOT_FOUND, f"unknown command {name[:60]!r} (known: {', '.join(sorted(_REGISTRY))})")
    checked = check_args(controller, intent, given)
    with controller.source(source):
        try:
            intent.handler(controller, **checked)
        except IntentError:
            raise
        except (IndexError, ValueError, KeyError) as exc:  # a rule of the engine said no
            raise IntentError(Status.REFUSED, f"{name}: {exc}") from None


# ------------------------------------------------------------------ the show's own intents

_ARGUMENT_CODES = frozenset({do.RefusalCode.BAD_VALUE, do.RefusalCode.TOO_LONG})


def send(controller: ShowController, name: str, intent: do.Intent) -> None:
    """Hand `intent` to the dispatcher (the source is the one run_intent set); a refusal is an IntentError."""
    outcome = controller.dispatch(intent)
    if isinstance(outcome, Refused):
        refusal = outcome.refusal
        status = Status.BAD_ARGS if refusal.code in _ARGUMENT_CODES else Status.REFUSED
        raise IntentError(status, f"{name} refused: {refusal.text}")


def _simple(name: str, intent: do.Intent) -> Callable[[ShowController], None]:
    return lambda controller: send(controller, name, intent)


def _jump(controller: ShowController, to: int) -> None:
    """Sets what GO airs next (it never airs anything itself)."""
    send(controller, "jump", do.MakeNext(to))


def _skip(controller: ShowController, to: int | None = None) -> None:
    if to is None:  # without `to`: what GO would air next; with nothing left, the dispatcher says why it refuses
        following = controller.snapshot().next
        to = None if following is None else following.index
    send(controller, "skip", do.Skip(to))


def _unskip(controller: ShowController, to: int) -> None:
    send(controller, "unskip", do.Unskip(to))


def _add_time(controller: ShowController, s: float) -> None:
    """Seconds on Presenter's own paths; a whole number of thousands above the limit is surely milliseconds
    (Ontime's unit): refused with both units named, never guessed."""
    if abs(s) > MAX_ADD_S and s == int(s) and int(s) % 1000 == 0:
        raise IntentError(
            Status.BAD_ARGS,
            f"addtime: s={s:g} seconds from -3600 to 3600 (s takes seconds here; {s / 1000:g} s? "
            "Ontime's /ontime/addtime and /api/addtime take milliseconds)",
        )
    send(controller, "addtime", do.AddTime(s))


def _message(
    controller: ShowController, text: str, blink: bool = False, urgent: bool = False, until_go: bool = False
) -> None:
    """`until_go`: the message goes at the next GO; without it a remote's message stays until cleared."""
    if not text.strip():
        raise IntentError(Status.BAD_ARGS, "text: the message is empty (use message/clear to take it away)")
    life = do.MessageLife.UNTIL_NEXT_GO if until_go else do.MessageLife.UNTIL_CLEARED
    send(controller, "message", do.SendMessage(text, blink, urgent, life))


def _page(controller: ShowController, to: float) -> None:
    """The moderator's talking-points page, counted from 1 as the moderator reads it ("2/3")."""
    if to != int(to):
        raise IntentError(Status.BAD_ARGS, f"to: a whole number (got {to:g})")
    send(controller, "page", do.TurnPage(int(to) - 1))


def _register_show_intents() -> None:
    to = Arg("to", ArgType.SEGMENT)
    register_intent("go", _simple("GO", do.Go()))
    register_intent("back", _simple("back", do.Back()))
    register_intent("jump", _jump, (to,))
    register_intent("skip", _skip, (Arg("to", ArgType.SEGMENT, required=False),))
    register_intent("unskip", _unskip, (to,))
    register_intent("addtime", _add_time, (Arg("s", ArgType.NUMBER),))
    flags = tuple(Arg(name, ArgType.FLAG, required=False) for name in ("blink", "urgent", "until_go"))
    register_intent("message", _message, (Arg("text", ArgType.TEXT), *flags))
    register_intent("message/clear", _simple("message/clear", do.ClearMessage()))
    register_intent("page", _page, (Arg("to", ArgType.NUMBER),))
    register_intent("clip/pause", _simple("clip/pause", do.PauseClip()))
    register_intent("clip/resume", _simple("clip/resume", do.ResumeClip()))
    register_intent("clip/restart", _simple("clip/restart", do.RestartClip()))
    register_intent("clip/stop", _simple("clip/stop", do.StopToBlack()))


_register_show_intents()

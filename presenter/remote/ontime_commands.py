"""Ontime's commands (WebSocket `tag`/`type` frames, `GET /api/<command>`, OSC `/ontime/...`) in Presenter.

Every command is parsed here and carried out as Presenter's own remote intents through the Bridge
(so the PIN, the flood rule and the one dispatcher's rules apply as to any other command). None does
more in Presenter than in Ontime: `start` with a segment on air does not cut it (only `start next`,
Ontime's own "cut to the next", is a GO); `load` only cues; what Presenter has no meaning for (stop,
roll, aux timers, blackout, the secondary message) is refused with the reason. Ontime counts in
milliseconds: `addtime 60000` is a minute here as there; a value under a second is refused as a unit
mix-up, never guessed. Runs in the Qt main thread.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from presenter.remote import intents as intent_table
from presenter.remote.intents import Arg, ArgType, IntentError, Status
from presenter.remote.ontime_data import ONTIME_V3_VERSION, ONTIME_VERSION, message, runtime_store
from presenter.run import intents as do
from presenter.run.state import ClipState, OfferAction, ShowSnapshot
from presenter.timefmt import format_duration

MAX_ADD_MS = 3_600_000  # Ontime's own limit (an hour), the dispatcher's too
PIN_HINT = " (Companion: enter the host as http://HOST:PORT/?pin=PIN)"
READS = ("version", "poll")


@dataclass(frozen=True)
class Answer:
    """What an Ontime command came to: Ontime's reply payload, or why not; `did` says what Presenter did."""

    status: Status
    payload: object = "success"
    error: str | None = None
    did: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is Status.OK


class Refusal(Exception):
    def __init__(self, status: Status, text: str):
        super().__init__(text)
        self.status = status


def _number(value: object, what: str) -> float:
    """Ontime's numberOrError: numbers and numeric texts; also hh:mm:ss (Companion's own time format)."""
    if isinstance(value, bool) or value is None:
        raise Refusal(Status.BAD_ARGS, f"{what}: not a valid number ({value!r})")
    if isinstance(value, str):
        text = value.strip()[:32]
        if text.count(":") == 2:
            sign = -1 if text.startswith("-") else 1
            try:
                hours, minutes, seconds = (float(part) for part in text.lstrip("+-").split(":"))
            except ValueError:
                raise Refusal(Status.BAD_ARGS, f"{what}: not a valid time ({text!r})") from None
            return sign * ((hours * 60 + minutes) * 60 + seconds) * 1000
        try:
            value = float(text)
        except ValueError:
            raise Refusal(Status.BAD_ARGS, f"{what}: not a valid number ({text!r})") from None
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise Refusal(Status.BAD_ARGS, f"{what}: not a valid number ({str(value)[:40]!r})")
    return float(value)


def _flag(value: object, what: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("1", "0", "true", "false"):
        return value.strip().lower() in ("1", "true")
    raise Refusal(Status.BAD_ARGS, f"{what}: expected true or false (1 or 0), got {str(value)[:40]!r}")


def _milliseconds(value: object, what: str) -> float:
    """A duration in Ontime's unit; under a second (but not 0) is surely seconds sent by mistake: refused."""
    ms = _number(value, what)
    if ms != 0 and abs(ms) < 1000:
        raise Refusal(
            Status.BAD_ARGS,
            f"{what}: {ms:g} ms is less than a second: Ontime's commands take milliseconds "
            "(60000 = 1 minute); Presenter's own /api/v1/addtime takes seconds (s=60)",
        )
    return ms


class OntimeCommands:
    """Carries out Ontime commands for one Presenter (the Bridge's controller), in the main thread."""

    def __init__(self, bridge: Any) -> None:
        register()  # (again: a test may have put the intent table back as it was)
        self.bridge = bridge
        self.draft = ""  # a message text set while no message is shown (Ontime keeps a hidden text)
        self._handlers: dict[str, Callable[[object, str], Answer]] = {
            "start": self._start,
            "load": self._load,
            "reload": self._reload,
            "pause": self._pause,
            "stop": self._refused("stop", STOP_REASON),
            "roll": self._refused("roll", ROLL_REASON),
            "addtime": self._addtime,
            "message": self._message,
            "change": self._change,
            "auxtimer": self._refused("auxtimer", "Presenter has no aux timers"),
            "client": self._refused("client", "Presenter does not rename, redirect or identify clients"),
            "offsetmode": self._offsetmode,
        }

    @property
    def controller(self) -> Any:
        return self.bridge.controller

    def snapshot(self) -> ShowSnapshot:
        snapshot: ShowSnapshot = self.controller.snapshot()
        return snapshot

    def known(self, tag: str) -> bool:
        return tag.lower() in self._handlers or tag.lower() in READS

    def runtime(self) -> dict[str, Any]:
        return runtime_store(self.snapshot(), self.draft)

    def run(self, tag: str, payload: object, source: str, pin: object, authenticated: bool, v3: bool = False) -> Answer:
        """Ontime command `tag` with `payload` from `source`; reads need no PIN, every other command does."""
        tag = tag.lower()[:40]
        if tag == "version":
            return Answer(Status.OK, ONTIME_V3_VERSION if v3 else ONTIME_VERSION)
        if tag == "poll":
            return Answer(Status.OK, self.runtime())
        handler = self._handlers.get(tag)
        if handler is None:
            known = ", ".join(sorted((*self._handlers, *READS)))
            return Answer(Status.NOT_FOUND, error=f"Unhandled message {tag!r} (Ontime commands: {known})")
        if not authenticated:
            refusal = self.bridge.gate.pin_refusal(pin, source, f"ontime {tag}")
            if refusal is not None:
                return Answer(Status(refusal[0]), error=refusal[1] + PIN_HINT)
        try:
            return handler(payload, source)
        except Refusal as exc:
            return Answer(exc.status, error=f"{tag}: {exc}")

    # ------------------------------------------------------------------ steps

    def _do(self, name: str, args: dict[str, Any], source: str) -> None:
        status, error, _state = self.bridge.command(name, args, source, None, authenticated=True)
        if status is not Status.OK:
            raise Refusal(status, error or "refused")

    @staticmethod
    def _refused(tag: str, reason: str) -> Callable[[object, str], Answer]:
        def refuse(_payload: object, _source: str) -> Answer:
            return Answer(Status.REFUSED, error=f"{tag}: {reason}")

        return refuse

    def _target(self, payload: dict[str, Any], verb: str) -> int:
        """{index: 1-based} | {id: "…"} | {cue: "…"} → the segment's 1-based number."""
        count = len(self.snapshot().segments)
        if "index" in payload:
            index = _number(payload["index"], "index")
            if index != int(index) or not 1 <= index <= count:
                raise Refusal(Status.BAD_ARGS, f"Event index not recognised or out of range {index:g} (1–{count})")
            return int(index)
        if "id" in payload:
            wanted = payload["id"]
            for view in self.snapshot().segments:
                if isinstance(wanted, str) and view.segment.id == wanted:
                    return view.index + 1
            raise Refusal(Status.BAD_ARGS, f"Unable to {verb} ID: {str(wanted)[:60]}")
        if "cue" in payload:
            cue = str(payload["cue"]).strip()  # Presenter's cues are the running order's numbers
            if cue.isdigit() and 1 <= int(cue) <= count:
                return int(cue)
            raise Refusal(Status.BAD_ARGS, f"Unable to {verb} CUE: {cue[:40]} (cues are the numbers 1–{count})")
        raise Refusal(Status.BAD_ARGS, "No matching method provided (index, id or cue)")

    def _title(self, number: int) -> str:
        return self.snapshot().segments[number - 1].segment.title

    # ------------------------------------------------------------------ playback

    def _start(self, payload: object, source: str) -> Answer:
        snapshot = self.snapshot()
        if payload is None or payload == {} or payload == "":
            if snapshot.current is None:  # the loaded (first, or cued) segment waits: start is GO
                self._do("go", {}, source)
                return Answer(Status.OK, did=self._on_air_text())
            clip = snapshot.clip
            if clip is not None and clip.state is ClipState.PAUSED:
                self._do("clip/resume", {}, source)
                return Answer(Status.OK, did="resumed the clip")
            title = snapshot.current.segment.title
            raise Refusal(
                Status.REFUSED,
                f'"{title}" is on air already: start starts a loaded event and does nothing while one runs '
                "(start next is GO)",
            )
        if payload == "next":
            self._do("go", {}, source)
            return Answer(Status.OK, did=self._on_air_text())
        if payload == "previous":
            return self._previous(source)
        if isinstance(payload, dict):
            number = self._target(payload, "start")
            if snapshot.current is not None and snapshot.current.index + 1 == number:
                title = snapshot.current.segment.title
                raise Refusal(Status.REFUSED, f'"{title}" is on air already (Presenter does not restart a segment)')
            if snapshot.next is None or snapshot.next.index + 1 != number:
                self._do("jump", {"to": number}, source)
            self._do("go", {}, source)
            return Answer(Status.OK, did=self._on_air_text())
        raise Refusal(Status.BAD_ARGS, "No matching start function")

    def _on_air_text(self) -> str:
        current = self.snapshot().current
        return "nothing on air" if current is None else f'"{current.segment.title}" is on air'

    def _previous(self, source: str) -> Answer:
        back = self.snapshot().back
        self._do("back", {}, source)
        target = back.target.segment.title if back.target is not None else "the segment before"
        if back.action is OfferAction.UNDO_GO:
            return Answer(Status.OK, did=f'took the last GO back: "{target}" is on air again')
        return Answer(
            Status.OK,
            did=f'cued "{target}": GO airs it (Back takes a GO back only in its first seconds, then it cues)',
        )

    def _load(self, payload: object, source: str) -> Answer:
        """Ontime's load stops what runs and loads another; Presenter only cues it: GO airs it."""
        if isinstance(payload, dict):
            number = self._target(payload, "load")
        elif payload in ("next", "previous"):
            following = self.snapshot().next
            if following is None:
                raise Refusal(Status.REFUSED, f"Unable to load {payload} event: nothing is cued (the show has ended)")
            number = following.index + (2 if payload == "next" else 0)
            if not 1 <= number <= len(self.snapshot().segments):
                raise Refusal(Status.REFUSED, f"Unable to load {payload} event: the running order ends there")
        else:
            raise Refusal(Status.BAD_ARGS, "No matching method provided")
        following = self.snapshot().next
        if following is None or following.index + 1 != number:
            self._do("jump", {"to": number}, source)
        return Answer(Status.OK, did=f'cued "{self._title(number)}": GO airs it')

    def _reload(self, _payload: object, source: str) -> Answer:
        clip = self.snapshot().clip
        if clip is None:
            raise Refusal(
                Status.REFUSED,
                "a live segment's time runs on the clock and cannot be reloaded (reload restarts a clip on air)",
            )
        self._do("clip/restart", {}, source)
        return Answer(Status.OK, did="restarted the clip from 0:00")

    def _pause(self, _payload: object, source: str) -> Answer:
        clip = self.snapshot().clip
        if clip is None:
            raise Refusal(Status.REFUSED, "a live segment's time runs on the clock and cannot be paused")
        self._do("clip/pause", {}, source)
        return Answer(Status.OK, did="paused the clip")

    def _addtime(self, payload: object, source: str) -> Answer:
        if isinstance(payload, dict) and "add" in payload:
            ms = _milliseconds(payload["add"], "add")
        elif isinstance(payload, dict) and "remove" in payload:
            ms = -_milliseconds(payload["remove"], "remove")
        else:
            ms = _milliseconds(payload, "addtime")
        if ms == 0:
            return Answer(Status.OK, did="nothing (0 ms)")
        if abs(ms) > MAX_ADD_MS:
            raise Refusal(Status.BAD_ARGS, f"Payload too large: {ms:g} ms (at most an hour, 3600000)")
        self._do("addtime", {"s": ms / 1000}, source)
        return Answer(Status.OK, did=f"{'added' if ms > 0 else 'took'} {abs(ms) / 1000:g} s")

    def _offsetmode(self, payload: object, _source: str) -> Answer:
        if payload == "absolute":
            return Answer(Status.OK, did="Presenter counts over/under against the plan (absolute) already")
        raise Refusal(Status.REFUSED, "Presenter counts over/under against the plan only (absolute)")

    # ------------------------------------------------------------------ message and change

    def _message(self, payload: object, source: str) -> Answer:
        if not isinstance(payload, dict):
            raise Refusal(Status.BAD_ARGS, "expected {timer: {text, visible, blink}}")
        if payload.get("secondary") or payload.get("external"):
            raise Refusal(Status.REFUSED, "Presenter has no secondary message: send it as the timer message")
        timer = payload.get("timer", {})
        if not isinstance(timer, dict):
            raise Refusal(Status.BAD_ARGS, "timer: expected {text, visible, blink}")
        if timer.get("blackout") not in (None, False, 0, "0", "false"):
            raise Refusal(Status.REFUSED, "Presenter has no blackout: the moderator's screen always shows the timer")
        if timer.get("secondarySource") is not None:
            raise Refusal(Status.REFUSED, "Presenter has no secondary source or aux timer to show")
        shown = self.snapshot().message
        text = timer.get("text")
        if text is not None and not isinstance(text, str):
            raise Refusal(Status.BAD_ARGS, f"text: expected text, got {str(text)[:40]!r}")
        visible = _flag(timer["visible"], "visible") if "visible" in timer else shown is not None
        blink = _flag(timer["blink"], "blink") if "blink" in timer else bool(shown is not None and shown.blink)
        if text is not None:
            self.draft = text
        new_text = text if text is not None else (shown.text if shown is not None else self.draft)
        did = self._show_message(visible, new_text, blink, source)
        return Answer(Status.OK, payload=message(self.snapshot(), self.draft), did=did)

    def _show_message(self, visible: bool, text: str, blink: bool, source: str) -> str:
        shown = self.snapshot().message
        if not visible:
            if shown is None:
                return "no message was shown"
            self.draft = text  # Ontime keeps a hidden message's text: visible 1 shows it again
            self._do("message/clear", {}, source)
            return "took the message away"
        if not text.strip():
            raise Refusal(Status.REFUSED, "no message text to show: send the text first (timer/text)")
        if shown is not None and shown.text == text and shown.blink == blink:
            return "the message is shown already"
        urgent = bool(shown is not None and shown.urgent)
        until_go = bool(shown is not None and shown.life is do.MessageLife.UNTIL_NEXT_GO)  # Ontime has no such choice
        self._do("message", {"text": text, "blink": blink, "urgent": urgent, "until_go": until_go}, source)
        return "blinking message shown" if blink else "message shown"

    def _change(self, payload: object, source: str) -> Answer:
        """{id: {title, duration (ms), note, skip}}: the segment's fields, as one edit of the running order."""
        if not isinstance(payload, dict) or len(payload) != 1:
            raise Refusal(Status.BAD_ARGS, "expected {ID: {title, duration, note, skip}}")
        ident, changes = next(iter(payload.items()))
        if not isinstance(changes, dict) or not changes:
            raise Refusal(Status.BAD_ARGS, "Payload is empty")
        number = self._target({"id": ident}, "change")
        unknown = sorted(set(changes) - CHANGEABLE)
        if unknown:
            raise Refusal(
                Status.REFUSED,
                f"Presenter cannot change {', '.join(unknown)[:80]} (it changes title, duration, note and skip)",
            )
        args: dict[str, object] = {"to": number}
        if "title" in changes:
            args["title"] = changes["title"]
        if "note" in changes:
            args["notes"] = changes["note"]
        if "duration" in changes:
            ms = _milliseconds(changes["duration"], "duration")
            if ms <= 0 or ms != int(ms / 1000) * 1000:
                raise Refusal(Status.BAD_ARGS, f"duration: {ms:g} ms: whole seconds above 0, in milliseconds")
            args["duration"] = format_duration(ms / 1000)
        if len(args) > 1:
            self._do("segment/edit", args, source)
        if "skip" in changes:
            self._do("skip" if _flag(changes["skip"], "skip") else "unskip", {"to": number}, source)
        return Answer(Status.OK, did=f'changed "{self._title(number)}"')


STOP_REASON = (
    "Presenter does not stop the show from a button "
    "(GO airs the next segment; the director's Esc stops a clip to black)"
)
ROLL_REASON = "Presenter has no roll mode: GO airs each segment, clips follow by themselves"
CHANGEABLE = frozenset({"title", "duration", "note", "skip"})


def _edit_segment(
    controller: Any, to: int, title: str | None = None, duration: str | None = None, notes: str | None = None
) -> None:
    """One edit of a segment's title, planned duration or notes, as the director's editor makes it (EditShow)."""
    from presenter.show.editing import EditError, update_segment

    changes = {key: value for key, value in (("title", title), ("duration", duration), ("notes", notes)) if value}
    if notes == "":
        changes["notes"] = ""
    if not changes:
        raise IntentError(Status.BAD_ARGS, "segment/edit: give title, duration or notes")
    try:
        show = update_segment(controller.show, to, changes)
    except (EditError, ValueError) as exc:
        raise IntentError(Status.BAD_ARGS, f"segment/edit: {exc}") from None
    intent_table.send(controller, "segment/edit", do.EditShow(show))


def register() -> None:
    optional = (
        Arg("title", ArgType.TEXT, required=False),
        Arg("duration", ArgType.TEXT, required=False),
        Arg("notes", ArgType.TEXT, required=False),
    )
    intent_table.register_intent("segment/edit", _edit_segment, (Arg("to", ArgType.SEGMENT), *optional))


register()

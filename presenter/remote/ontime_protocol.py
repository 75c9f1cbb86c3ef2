"""Ontime's wire forms, network-thread side: which frames are Ontime's, paths into payloads, replies.

On `/ws` a frame with `tag` is Ontime v4's (`{"tag", "payload"}`), one whose `type` is an Ontime
command is Ontime v3's (`{"type", "payload"}`); Presenter's own frames carry `cmd` (or the `type`s
`ping` and `questions`). `GET /api/<command>/<params…>` and OSC `/ontime/<command>/<params…>` turn
their path into a payload as Ontime's `integrationPayloadFromPath` does. Every refusal carries
`status` (the HTTP code of the same refusal) and the reason as text.
"""

from __future__ import annotations

import enum
from typing import Any

PRESENTER_TYPES = ("ping", "questions")  # Presenter's own `type` frames
SILENT_TAGS = ("client-set", "client-set-path", "log")  # Ontime's client bookkeeping: nothing to answer
MAX_PATH_PARTS = 8


class Dialect(enum.StrEnum):
    """What a WebSocket connection speaks (known from its first frame)."""

    PRESENTER = "presenter"
    ONTIME_V4 = "ontime v4"
    ONTIME_V3 = "ontime v3"


def dialect_of(message: dict[str, Any]) -> Dialect:
    if "cmd" in message:
        return Dialect.PRESENTER
    if "tag" in message:
        return Dialect.ONTIME_V4
    kind = message.get("type")
    if isinstance(kind, str) and kind not in PRESENTER_TYPES:
        return Dialect.ONTIME_V3
    return Dialect.PRESENTER


def key_of(dialect: Dialect) -> str:
    return "type" if dialect is Dialect.ONTIME_V3 else "tag"


def reply(
    dialect: Dialect, tag: object, status: int, payload: object, error: str | None, did: str | None
) -> dict[str, Any]:
    """Ontime's reply `{tag, payload}`; a refusal's payload is `{"status", "error"}` (Ontime itself says nothing)."""
    key = key_of(dialect)
    if status == 200:
        frame: dict[str, Any] = {key: tag, "payload": payload}
        if did:
            frame["did"] = did  # what Presenter did (a cue instead of a start, …): Companion logs it
        return frame
    return {key: tag, "payload": {"status": status, "error": error or "refused"}, "status": status, "error": error}


def payload_from_path(path: list[str], value: object = None) -> object:
    """Ontime's integrationPayloadFromPath: ["start", "next"]→"next"; ["index", "2"]→{"index": "2"};
    with a value (an OSC argument, a query): the path's keys nest it ({"timer": {"visible": 1}})."""
    if not path:
        return value
    if len(path) == 1:
        return path[0] if value is None else {path[0]: value}
    result: object = path[-1] if value is None else value
    keys = path[:-1] if value is None else path
    for key in reversed(keys):
        result = {key: result}
    return result


def http_payload(parts: list[str], query: dict[str, str]) -> object:
    """The payload of `GET /api/<command>/<parts…>?<query>` (Ontime's integration router)."""
    value: object = query or None
    if parts:
        return payload_from_path(parts, value)
    return value


def split_command(path: str) -> tuple[str, list[str]] | None:
    """ "/start/index/2" → ("start", ["index", "2"]); None when there is no command or too many parts."""
    parts = [part for part in path.split("/") if part]
    if not parts or len(parts) > MAX_PATH_PARTS:
        return None
    return parts[0], parts[1:]

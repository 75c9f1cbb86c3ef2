"""Ontime's data shapes, rendered from the one ShowSnapshot: what Companion's Ontime module reads.

Ontime counts in milliseconds and gives times of day as milliseconds since midnight; Presenter's
snapshot counts in seconds. Everything here is a change of units and names, never a new figure: the
timer is the snapshot's big timer (`timer_s`), the phase its phase, the offset its over/under, the
events its segments as the running order shows them. Shapes follow Ontime v4 (`RuntimeStore`,
`Rundown`, `OntimeEvent`) and, for Companion's module 4.6 (Ontime v3), the older event list.
"""

from __future__ import annotations

import enum
import zlib
from datetime import datetime
from typing import Any

from presenter.run.state import ClipState, Mode, Phase, SegmentStatus, SegmentView, ShowSnapshot

JSON = dict[str, Any]
ONTIME_VERSION = "4.11.0"  # the Ontime version whose protocol Presenter speaks on /ws (Companion checks 4.x.x)
ONTIME_V3_VERSION = "3.9.0"  # answered to `{"type": "version"}` (Companion's module 4.6 needs 3.6 or later)
RUNDOWN_ID = "presenter"
MS = 1000


class Playback(enum.StrEnum):
    """Ontime's playback states (what Companion's playback feedbacks compare with)."""

    ROLL = "roll"
    PLAY = "play"
    PAUSE = "pause"
    STOP = "stop"
    ARMED = "armed"


PHASES = {
    Phase.STANDBY: "none",
    Phase.NORMAL: "default",
    Phase.WARNING: "warning",
    Phase.DANGER: "danger",
    Phase.OVERTIME: "overtime",
}
CUSTOM_FIELDS: JSON = {  # Presenter's segment fields that Ontime has no field for, as Ontime custom fields
    "kind": {"type": "text", "colour": "#339E4E", "label": "Kind"},
    "speakers": {"type": "text", "colour": "#3E75E8", "label": "Speakers"},
}


def _ms(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds * MS)


def _time_of_day(moment: datetime | None) -> int | None:
    """Ontime's times of day: milliseconds since midnight (of the day the show runs on)."""
    if moment is None:
        return None
    return ((moment.hour * 60 + moment.minute) * 60 + moment.second) * MS + moment.microsecond // MS


def playback(snapshot: ShowSnapshot) -> Playback:
    """Ontime's playback word for the snapshot's mode and clip state (a name, not a new rule)."""
    if snapshot.mode is Mode.ON_AIR and snapshot.current is not None:
        clip = snapshot.clip
        return Playback.PAUSE if clip is not None and clip.state is ClipState.PAUSED else Playback.PLAY
    if snapshot.mode is Mode.STANDBY and snapshot.next is not None:
        return Playback.ARMED  # the first segment waits for GO, as a loaded event waits for start
    return Playback.STOP


def event(snapshot: ShowSnapshot, view: SegmentView | None) -> JSON | None:
    """One segment as an Ontime v4 event; cue is its number in the running order (what Presenter's jump takes)."""
    if view is None:
        return None
    segment = view.segment
    start = _time_of_day(view.planned_start) or 0
    duration = _ms(view.planned_duration_s) or 0
    show = snapshot.show
    return {
        "id": segment.id,
        "type": "event",
        "flag": False,
        "cue": str(view.index + 1),
        "title": segment.title,
        "note": segment.notes,
        "endAction": "load-next" if segment.is_clip else "none",
        "timerType": "count-down",
        "countToEnd": False,
        "linkStart": True,
        "timeStrategy": "lock-duration",
        "timeStart": start,
        "timeEnd": start + duration,
        "duration": duration,
        "skip": view.status is SegmentStatus.SKIPPED,
        "colour": "",
        "timeWarning": _ms(segment.warning_s if segment.warning_s is not None else show.warning_s),
        "timeDanger": _ms(segment.danger_s if segment.danger_s is not None else show.danger_s),
        "custom": {"kind": str(segment.kind), "speakers": ", ".join(segment.speakers)},
        "triggers": [],
        "parent": None,
        "revision": 0,
        "delay": 0,
        "dayOffset": 0,
        "gap": 0,
    }


def _timer(snapshot: ShowSnapshot) -> JSON:
    on_air = snapshot.current
    added = None
    if on_air is not None:
        # the snapshot has the planned duration with the added time, and the show its plan: the difference
        added = on_air.planned_duration_s - snapshot.show.planned_duration(on_air.segment)
    running = snapshot.timer_running and snapshot.timer_s is not None
    finish = None
    if running and snapshot.timer_s is not None:
        finish = (_time_of_day(snapshot.now) or 0) + (_ms(snapshot.timer_s) or 0)
    return {
        "addedTime": _ms(added) or 0,
        "current": _ms(snapshot.timer_s),
        "duration": None if on_air is None else _ms(on_air.planned_duration_s),
        "elapsed": _ms(snapshot.elapsed_s),
        "expectedFinish": finish,
        "phase": PHASES.get(snapshot.phase, "none"),
        "playback": str(playback(snapshot)),
        "secondaryTimer": None,
        "startedAt": None if on_air is None else _time_of_day(on_air.actual_start),
    }


def message(snapshot: ShowSnapshot, draft: str = "", v3: bool = False) -> JSON:
    """The message on screen; `draft` is a text an Ontime client set while no message was shown."""
    shown = snapshot.message
    timer = {
        "text": shown.text if shown is not None else draft,
        "visible": shown is not None,
        "blink": bool(shown is not None and shown.blink),
        "blackout": False,
        "secondarySource": None,
    }
    return {"timer": timer, "external": ""} if v3 else {"timer": timer, "secondary": ""}


def _aux() -> JSON:
    return {"current": 0, "direction": "count-up", "duration": 0, "playback": "stop"}


def runtime_store(snapshot: ShowSnapshot, draft: str = "") -> JSON:
    """Ontime v4's RuntimeStore (the `runtime-data` and `poll` payload)."""
    current = snapshot.current
    offset_ms = _ms(snapshot.over_under_s) or 0
    return {
        "clock": _time_of_day(snapshot.now),
        "timer": _timer(snapshot),
        "message": message(snapshot, draft),
        "rundown": {
            "selectedEventIndex": None if current is None else current.index,
            "numEvents": len(snapshot.segments),
            "plannedStart": _time_of_day(snapshot.show.start_datetime),
            "plannedEnd": _time_of_day(snapshot.planned_end),
            "actualStart": _time_of_day(snapshot.show_started),
            "actualGroupStart": None,
            "currentDay": 0,
        },
        "offset": {
            "absolute": offset_ms,
            "relative": offset_ms,
            "mode": "absolute",
            "expectedGroupEnd": None,
            "expectedRundownEnd": _time_of_day(snapshot.projected_end),
            "expectedFlagStart": None,
        },
        "eventNow": event(snapshot, current),
        "eventNext": event(snapshot, snapshot.next),
        "eventFlag": None,
        "groupNow": None,
        "auxtimer1": _aux(),
        "auxtimer2": _aux(),
        "auxtimer3": _aux(),
        "ping": 1,
    }


def runtime_v3(snapshot: ShowSnapshot, draft: str = "") -> tuple[JSON, JSON]:
    """Ontime v3's `ontime` frame payload and its `ontime-runtime` payload."""
    store = runtime_store(snapshot, draft)
    current = snapshot.current
    main = {
        "clock": store["clock"],
        "timer": store["timer"],
        "message": message(snapshot, draft, v3=True),
        "eventNow": store["eventNow"],
        "eventNext": store["eventNext"],
        "currentBlock": {"block": None, "startedAt": None},
        "auxtimer1": store["auxtimer1"],
    }
    runtime = {
        "numEvents": len(snapshot.segments),
        "selectedEventIndex": None if current is None else current.index,
        "offset": store["offset"]["absolute"],
        "plannedStart": store["rundown"]["plannedStart"],
        "actualStart": store["rundown"]["actualStart"],
        "plannedEnd": store["rundown"]["plannedEnd"],
        "expectedEnd": store["offset"]["expectedRundownEnd"],
    }
    return main, runtime


def events(snapshot: ShowSnapshot) -> list[JSON]:
    return [item for item in (event(snapshot, view) for view in snapshot.segments) if item is not None]


def rundown(snapshot: ShowSnapshot) -> JSON:
    """Ontime v4's current rundown (`GET /data/rundowns/current`): the running order, in order."""
    items = events(snapshot)
    ids = [item["id"] for item in items]
    return {
        "id": RUNDOWN_ID,
        "title": snapshot.show.title,
        "order": ids,
        "flatOrder": ids,
        "entries": {item["id"]: item for item in items},
        "revision": revision(items),
    }


def revision(items: list[JSON]) -> int:
    """A number that changes whenever what the event pickers list changes (ids, cues, titles, durations, skip)."""
    text = "\x1f".join(f"{i['id']}|{i['cue']}|{i['title']}|{i['duration']}|{i['skip']}|{i['note']}" for i in items)
    return zlib.crc32(text.encode())

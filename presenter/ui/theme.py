"""Colours and words shared by every window (the colours themselves live in presenter.colours).

Phase colours come from the Okabe–Ito palette, chosen to stay distinct with red–green colour
blindness; the phase is always written too, so colour is never the only cue.
"""

from __future__ import annotations

from presenter.colours import (  # the colours the browser views share live below both faces
    BACKGROUND,
    MUTED,
    NEXT_ROW,
    ON_AIR,
    PANEL,
    PHASE_BACKGROUND,
    PHASE_FOREGROUND,
    PHASE_LABEL,
    TEXT,
    phase_label,
)
from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.run.engine import ClipState, SegmentStatus

__all__ = [
    "BACKGROUND",
    "MUTED",
    "NEXT_ROW",
    "ON_AIR",
    "PANEL",
    "PHASE_BACKGROUND",
    "PHASE_FOREGROUND",
    "PHASE_LABEL",
    "TEXT",
    "phase_label",
]

STATUS_LABEL = {
    SegmentStatus.PENDING: "",
    SegmentStatus.ON_AIR: QT_TRANSLATE_NOOP("theme", "ON AIR"),
    SegmentStatus.DONE: QT_TRANSLATE_NOOP("theme", "done"),
    SegmentStatus.SKIPPED: QT_TRANSLATE_NOOP("theme", "skipped"),
}

CLIP_LABEL = {
    ClipState.WAITING: QT_TRANSLATE_NOOP("theme", "starting"),
    ClipState.PLAYING: QT_TRANSLATE_NOOP("theme", "playing"),
    ClipState.PAUSED: QT_TRANSLATE_NOOP("theme", "paused"),
    ClipState.HELD: QT_TRANSLATE_NOOP("theme", "holding last frame"),
    ClipState.BLACK: QT_TRANSLATE_NOOP("theme", "ended (black)"),
    ClipState.FAILED: QT_TRANSLATE_NOOP("theme", "failed"),  # after "Clip": never "Clip clip failed"
}


def status_label(status: SegmentStatus) -> str:
    text = STATUS_LABEL[status]
    return translate("theme", text) if text else ""


def clip_label(state: ClipState) -> str:
    return translate("theme", CLIP_LABEL[state])


TIMER_FONT_FAMILIES = ["DejaVu Sans Mono", "Noto Sans Mono", "Consolas", "Menlo", "monospace"]

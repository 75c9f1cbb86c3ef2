"""Colours and words shared by every window.

Phase colours come from the Okabe–Ito palette, chosen to stay distinct with red–green colour
blindness; the phase is always written too, so colour is never the only cue.
"""

from __future__ import annotations

from presenter.engine import ClipState, Phase, SegmentStatus
from presenter.i18n import QT_TRANSLATE_NOOP, translate

BACKGROUND = "#101418"
PANEL = "#1b2128"
TEXT = "#f2f2f2"
MUTED = "#9aa4ae"
ON_AIR = "#d55e00"  # vermillion: the on-air row and tally
NEXT_ROW = "#cfe3f5"  # light blue behind the next segment in the (light) running order

PHASE_FOREGROUND = {
    Phase.STANDBY: MUTED,
    Phase.NORMAL: "#f2f2f2",
    Phase.WARNING: "#f0e442",  # yellow
    Phase.DANGER: "#e69f00",  # orange
    Phase.OVERTIME: "#ffffff",
}
# Overtime turns the whole timer panel vermillion (white digits on it); the others stay dark.
PHASE_BACKGROUND = {
    Phase.STANDBY: BACKGROUND,
    Phase.NORMAL: BACKGROUND,
    Phase.WARNING: BACKGROUND,
    Phase.DANGER: "#3a2600",
    Phase.OVERTIME: "#d55e00",
}
PHASE_LABEL = {
    Phase.STANDBY: QT_TRANSLATE_NOOP("theme", "STANDBY"),
    Phase.NORMAL: "",
    Phase.WARNING: QT_TRANSLATE_NOOP("theme", "WRAP UP"),
    Phase.DANGER: QT_TRANSLATE_NOOP("theme", "TIME"),
    Phase.OVERTIME: QT_TRANSLATE_NOOP("theme", "OVERTIME"),
}

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
    ClipState.FAILED: QT_TRANSLATE_NOOP("theme", "clip failed"),
}


def phase_label(phase: Phase) -> str:
    """The phase word in the user's language ("" for a normal phase)."""
    text = PHASE_LABEL[phase]
    return translate("theme", text) if text else ""


def status_label(status: SegmentStatus) -> str:
    text = STATUS_LABEL[status]
    return translate("theme", text) if text else ""


def clip_label(state: ClipState) -> str:
    return translate("theme", CLIP_LABEL[state])


TIMER_FONT_FAMILIES = ["DejaVu Sans Mono", "Noto Sans Mono", "Consolas", "Menlo", "monospace"]

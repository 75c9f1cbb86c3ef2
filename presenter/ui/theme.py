"""Colours and words shared by every window.

Phase colours come from the Okabe–Ito palette, chosen to stay distinct with red–green colour
blindness; the phase is always written too, so colour is never the only cue.
"""

from __future__ import annotations

from presenter.engine import ClipState, Phase, SegmentStatus

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
    Phase.STANDBY: "STANDBY",
    Phase.NORMAL: "",
    Phase.WARNING: "WRAP UP",
    Phase.DANGER: "TIME",
    Phase.OVERTIME: "OVERTIME",
}

STATUS_LABEL = {
    SegmentStatus.PENDING: "",
    SegmentStatus.ON_AIR: "ON AIR",
    SegmentStatus.DONE: "done",
    SegmentStatus.SKIPPED: "skipped",
}

CLIP_LABEL = {
    ClipState.WAITING: "starting",
    ClipState.PLAYING: "playing",
    ClipState.PAUSED: "paused",
    ClipState.HELD: "holding last frame",
    ClipState.BLACK: "ended (black)",
    ClipState.FAILED: "clip failed",
}

TIMER_FONT_FAMILIES = ["DejaVu Sans Mono", "Noto Sans Mono", "Consolas", "Menlo", "monospace"]

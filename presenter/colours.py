"""The colours (and phase words) that the desktop windows and the browser views share.

It lives below both faces: `presenter.ui.theme` and `presenter.ui.moderator_colours` take their
colours from here, and so can `presenter.remote` without importing the windows. Qt-free: names
map to "#rrggbb" strings. Phase colours come from the Okabe–Ito palette, chosen to stay distinct
with red–green colour blindness; the phase is always written too, so colour is never the only cue.
"""

from __future__ import annotations

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.moderator_view import Look, Tone
from presenter.run.engine import Phase

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


def phase_label(phase: Phase) -> str:
    """The phase word in the user's language ("" for a normal phase)."""
    text = PHASE_LABEL[phase]
    return translate("theme", text) if text else ""


# ------------------------------------------------------------------------------ the moderator's view

CLIP_COLOUR = "#56b4e9"  # Okabe–Ito sky blue: a clip is on air, not the moderator
OVERTIME_DIM = "#8a3c00"  # the overtime panel's darker half-beat (white digits stay readable)
MESSAGE_BACKGROUND = "#ffffff"
MESSAGE_BLINK_BACKGROUND = PHASE_FOREGROUND[Phase.WARNING]  # white ↔ yellow, black text on both
MESSAGE_TEXT = "#000000"
NOTICE_BACKGROUND = ON_AIR
NOTICE_TEXT = "#ffffff"
QUESTION_BACKGROUND = "#25303b"

TONE_COLOUR = {
    Tone.TEXT: TEXT,
    Tone.MUTED: MUTED,
    Tone.WARNING: PHASE_FOREGROUND[Phase.WARNING],
    Tone.DANGER: PHASE_FOREGROUND[Phase.DANGER],
    Tone.OVERTIME: PHASE_FOREGROUND[Phase.OVERTIME],
    Tone.CLIP: CLIP_COLOUR,
}


def panel_colour(look: Look, blink_on: bool) -> str:
    """The timer panel's fill; overtime beats between bright and dim once a second."""
    if look is Look.OVERTIME:
        return PHASE_BACKGROUND[Phase.OVERTIME] if blink_on else OVERTIME_DIM
    if look is Look.DANGER:
        return PHASE_BACKGROUND[Phase.DANGER]
    return PANEL


# The panel's frame, as a multiple of the frame unit, so each phase has its own shape in greyscale:
# none when all is well, a frame for wrap up, a frame three times as thick for time, a filled
# panel in overtime, a dashed frame during a clip.
FRAME_WIDTH = {
    Look.STANDBY: 0.0,
    Look.NORMAL: 0.0,
    Look.OFF_AIR: 0.0,
    Look.WARNING: 1.0,
    Look.DANGER: 3.0,
    Look.OVERTIME: 0.0,
    Look.CLIP: 1.0,
}
FRAME_COLOUR = {
    Look.WARNING: PHASE_FOREGROUND[Phase.WARNING],
    Look.DANGER: PHASE_FOREGROUND[Phase.DANGER],
    Look.CLIP: CLIP_COLOUR,
}

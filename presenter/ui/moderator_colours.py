"""The moderator window's colours: the meanings of the view model (Tone, Look) as colours."""

from __future__ import annotations

from presenter.engine import Phase
from presenter.moderator_view import Look, Tone
from presenter.ui import theme

CLIP_COLOUR = "#56b4e9"  # Okabe–Ito sky blue: a clip is on air, not the moderator
OVERTIME_DIM = "#8a3c00"  # the overtime panel's darker half-beat (white digits stay readable)
MESSAGE_BACKGROUND = "#ffffff"
MESSAGE_BLINK_BACKGROUND = theme.PHASE_FOREGROUND[Phase.WARNING]  # white ↔ yellow, black text on both
MESSAGE_TEXT = "#000000"
NOTICE_BACKGROUND = theme.ON_AIR
NOTICE_TEXT = "#ffffff"
QUESTION_BACKGROUND = "#25303b"

TONE_COLOUR = {
    Tone.TEXT: theme.TEXT,
    Tone.MUTED: theme.MUTED,
    Tone.WARNING: theme.PHASE_FOREGROUND[Phase.WARNING],
    Tone.DANGER: theme.PHASE_FOREGROUND[Phase.DANGER],
    Tone.OVERTIME: theme.PHASE_FOREGROUND[Phase.OVERTIME],
    Tone.CLIP: CLIP_COLOUR,
}


def panel_colour(look: Look, blink_on: bool) -> str:
    """The timer panel's fill; overtime beats between bright and dim once a second."""
    if look is Look.OVERTIME:
        return theme.PHASE_BACKGROUND[Phase.OVERTIME] if blink_on else OVERTIME_DIM
    if look is Look.DANGER:
        return theme.PHASE_BACKGROUND[Phase.DANGER]
    return theme.PANEL


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
    Look.WARNING: theme.PHASE_FOREGROUND[Phase.WARNING],
    Look.DANGER: theme.PHASE_FOREGROUND[Phase.DANGER],
    Look.CLIP: CLIP_COLOUR,
}

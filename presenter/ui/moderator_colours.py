"""The moderator window's colours: the meanings of the view model (Tone, Look) as colours.

They live in `presenter.colours` (shared with the browser views); this module names them for the windows.
"""

from __future__ import annotations

from presenter.colours import (
    CLIP_COLOUR,
    FRAME_COLOUR,
    FRAME_WIDTH,
    MESSAGE_BACKGROUND,
    MESSAGE_BLINK_BACKGROUND,
    MESSAGE_TEXT,
    NOTICE_BACKGROUND,
    NOTICE_TEXT,
    OVERTIME_DIM,
    QUESTION_BACKGROUND,
    TONE_COLOUR,
    panel_colour,
)

__all__ = [
    "CLIP_COLOUR",
    "FRAME_COLOUR",
    "FRAME_WIDTH",
    "MESSAGE_BACKGROUND",
    "MESSAGE_BLINK_BACKGROUND",
    "MESSAGE_TEXT",
    "NOTICE_BACKGROUND",
    "NOTICE_TEXT",
    "OVERTIME_DIM",
    "QUESTION_BACKGROUND",
    "TONE_COLOUR",
    "panel_colour",
]

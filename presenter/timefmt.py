"""Parsing and formatting of the durations and times of day a show file and the windows use."""

from __future__ import annotations

import math
import re
from datetime import time

from presenter.i18n import translate

_DURATION = re.compile(r"^(?P<sign>-)?(?:(?P<h>\d+):(?P<m2>[0-5]\d)|(?P<m>\d+)):(?P<s>[0-5]\d)$")
_TIME_OF_DAY = re.compile(r"^(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?$")


class TimeFormatError(ValueError):
    """A duration or time of day in a form we do not accept; the message is for the user."""


def parse_duration(text: str) -> float:
    """Parse "m:ss" or "h:mm:ss" into seconds; negative values are refused."""
    match = _DURATION.match(text.strip())
    if not match:
        raise TimeFormatError(translate("ShowFile", '"{text}" is not m:ss or h:mm:ss').format(text=text))
    if match["sign"]:
        raise TimeFormatError(translate("ShowFile", '"{text}" is negative').format(text=text))
    if match["h"] is not None:
        return int(match["h"]) * 3600 + int(match["m2"]) * 60 + int(match["s"])
    return int(match["m"]) * 60 + int(match["s"])


def parse_time_of_day(text: str) -> time:
    """Parse "HH:MM" or "HH:MM:SS" (24-hour clock)."""
    match = _TIME_OF_DAY.match(text.strip())
    if not match:
        if text.strip().startswith("-"):
            raise TimeFormatError(translate("ShowFile", '"{text}" is negative').format(text=text))
        raise TimeFormatError(translate("ShowFile", '"{text}" is not a time of day HH:MM').format(text=text))
    return time(int(match["h"]), int(match["m"]), int(match["s"] or 0))


def format_duration(seconds: float) -> str:
    """Whole seconds as m:ss (or h:mm:ss from one hour); rounds to the nearest second, halves away from zero."""
    total = math.floor(abs(seconds) + 0.5)  # not round(): banker's rounding shows 2.5 as 0:02 but 3.5 as 0:04
    sign = "-" if seconds < 0 and total else ""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def format_countdown(remaining: float) -> str:
    """A countdown as the moderator reads it.

    Rounds up in both directions, so every shown value stays on screen for exactly one second:
    5:00 … 0:01, 0:00 at the instant the time is up, then +0:01, +0:02 … in overtime.
    """
    if remaining >= 0:
        return format_duration(math.ceil(remaining - 1e-9))
    over = math.ceil(-remaining - 1e-9)
    return "+" + format_duration(over) if over else "0:00"  # a hair past zero is still 0:00, not +0:00


def format_signed(seconds: float) -> str:
    """Over/under as +m:ss (late) or −m:ss (early); "±0:00" on time."""
    whole = math.copysign(math.floor(abs(seconds) + 0.5), seconds)
    if whole == 0:
        return "±0:00"
    return ("+" if whole > 0 else "−") + format_duration(abs(whole))

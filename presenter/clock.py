"""Clocks, injected so that tests and benchmarks can drive time.

Durations come from a monotonic clock (never jumps); the time of day from the wall clock.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def now(self) -> datetime: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now()


class FakeClock:
    """A clock that moves only when told to; both readings advance together."""

    def __init__(self, now: datetime, monotonic: float = 1000.0):
        self._now = now
        self._mono = monotonic

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        self._mono += seconds
        self._now += timedelta(seconds=seconds)

    def set_now(self, now: datetime) -> None:
        """Move the time of day (and the monotonic clock by the same amount, never backwards)."""
        delta = (now - self._now).total_seconds()
        self._now = now
        self._mono += max(delta, 0.0)

    def jump_wall(self, seconds: float) -> None:
        """Step only the time of day (an NTP correction); the monotonic clock does not move."""
        self._now += timedelta(seconds=seconds)

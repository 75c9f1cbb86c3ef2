"""Journal records as the engine reads them back: field checks and the replay's own timeline.

A journal is read from disk after a crash: every field is checked (type, range, size) before it is
trusted, and the time between records comes from the journaled monotonic clock, never from a
wall-clock step.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from presenter.clock import Clock, SystemClock
from presenter.i18n import QT_TRANSLATE_NOOP, translate

MAX_GAP_S = 24 * 3600.0  # a run of one day: no step between two records is longer
MAX_SECONDS = 24 * 3600.0  # added time, clip positions: bounds of a sane record
MAX_MEDIA_S = 7 * 24 * 3600.0
MAX_PAGES = 10_000  # talking-points pages of one segment
MAX_TEXT = 1000  # characters of a message (the director types at most 140; the moderator lays out every one)


class ReplayClock:
    """Replays a journal on a timeline of its own: show time advances by the journaled monotonic clock.

    The time of day is each record's own; the time between two records is the difference of their
    monotonic readings when both have one from the same clock (same boot: the reading did not go
    back), else the difference of their wall times, never negative and at most a day. A wall-clock
    step (NTP, a manual change) is therefore never turned into show time.
    """

    def __init__(self) -> None:
        self._now = datetime.fromtimestamp(0)
        self._mono = 0.0
        self._last_wall: datetime | None = None
        self._last_mono: float | None = None
        self._boot: str | None = None

    def _step(self, now: datetime, mono: float | None, boot: str | None) -> float:
        assert self._last_wall is not None
        same_boot = boot is None or self._boot is None or boot == self._boot
        if mono is not None and self._last_mono is not None and mono >= self._last_mono and same_boot:
            step = mono - self._last_mono
        else:
            step = (now - self._last_wall).total_seconds()
        return min(max(step, 0.0), MAX_GAP_S)

    def at(self, now: datetime, mono: float | None, boot: str | None = None) -> None:
        if self._last_wall is not None:
            self._mono += self._step(now, mono, boot)
        self._now, self._last_wall, self._last_mono = now, now, mono
        self._boot = boot or self._boot

    def gap_until(self, clock: Clock) -> float:
        """The downtime from the last record to `clock`'s now, by the same rule as between records."""
        if self._last_wall is None:
            return 0.0
        return self._step(clock.now(), clock.monotonic(), clock_boot(clock))

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono


_SYSTEM_BOOT: list[str | None] = []


def clock_boot(clock: Clock) -> str | None:
    """Which boot the clock's monotonic readings count from (they restart at a reboot), if known."""
    boot = getattr(clock, "boot_id", None)
    if isinstance(boot, str) or type(clock) is not SystemClock:
        return boot if isinstance(boot, str) else None
    if not _SYSTEM_BOOT:
        try:
            with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as file:
                _SYSTEM_BOOT.append(file.read().strip()[:64] or None)
        except OSError:
            _SYSTEM_BOOT.append(None)
    return _SYSTEM_BOOT[0]


def record_boot(record: dict[str, Any]) -> str | None:
    boot = record.get("boot")
    return boot if isinstance(boot, str) and 0 < len(boot) <= 64 else None


class BadRecord(ValueError):
    """A journal record whose fields are not what the engine wrote."""


def number_field(record: dict[str, Any], key: str, low: float, high: float) -> float:
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise BadRecord(translate("Journal", "{key} is not a number").format(key=key))
    if not low <= value <= high:
        raise BadRecord(translate("Journal", "{key} {value:g} is out of range").format(key=key, value=value))
    return float(value)


def optional_number_field(record: dict[str, Any], key: str, low: float, high: float) -> float | None:
    return None if record.get(key) is None else number_field(record, key, low, high)


def text_field(record: dict[str, Any], key: str, limit: int = MAX_TEXT) -> str:
    value = record.get(key)
    if not isinstance(value, str):
        raise BadRecord(translate("Journal", "{key} is not text").format(key=key))
    if len(value) > limit:
        raise BadRecord(translate("Journal", "{key} is too long").format(key=key))
    return value


def flag_field(record: dict[str, Any], key: str) -> bool:
    value = record.get(key)
    if not isinstance(value, bool):
        raise BadRecord(translate("Journal", "{key} is not true or false").format(key=key))
    return value


def record_wall(record: dict[str, Any]) -> datetime:
    """The record's time of day: an ISO date and time without a zone, between 1971 and 9998."""
    wall = record.get("wall")
    if not isinstance(wall, str) or len(wall) > 40:
        raise BadRecord(translate("Journal", "its time (wall) is missing or not a date and time"))
    try:
        parsed = datetime.fromisoformat(wall)
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone().replace(tzinfo=None)
    except (ValueError, OverflowError):
        raise BadRecord(translate("Journal", "its time {wall!r} is not a date and time").format(wall=wall)) from None
    if not 1971 <= parsed.year <= 9998:
        raise BadRecord(translate("Journal", "its time {wall!r} is out of range").format(wall=wall))
    return parsed


def record_mono(record: dict[str, Any]) -> float | None:
    """The record's monotonic reading, if it has a usable one (older journals have none)."""
    mono = record.get("mono")
    if isinstance(mono, bool) or not isinstance(mono, (int, float)) or not math.isfinite(mono) or abs(mono) > 1e12:
        return None
    return float(mono)


def last_wall(records: list[dict[str, Any]]) -> datetime | None:
    """The time of the last record that has a valid one (a crash's time, the as-run's end)."""
    for record in reversed(records):
        try:
            return record_wall(record)
        except BadRecord:
            continue
    return None


def replay_warning(record: object, exc: Exception) -> str:
    line = record.get("_line") if isinstance(record, dict) else None
    op = record.get("op") if isinstance(record, dict) else None
    if isinstance(exc, BadRecord):
        why = str(exc)
    elif isinstance(exc, KeyError):
        why = (
            translate("Journal", "no segment {segment!r} in the show file").format(segment=exc.args[0])
            if exc.args
            else translate("Journal", "a field is missing")
        )
    else:
        why = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    text = _IGNORED[(isinstance(line, int), isinstance(op, str))]
    return translate("Journal", text).format(line=line, op=op[:40] if isinstance(op, str) else "", why=why)


_IGNORED = {
    (True, True): QT_TRANSLATE_NOOP("Journal", "journal line {line} ({op}) is ignored: {why}"),
    (True, False): QT_TRANSLATE_NOOP("Journal", "journal line {line} is ignored: {why}"),
    (False, True): QT_TRANSLATE_NOOP("Journal", "a journal entry ({op}) is ignored: {why}"),
    (False, False): QT_TRANSLATE_NOOP("Journal", "a journal entry is ignored: {why}"),
}

"""Where a playing clip is between libVLC's time reports (every ~250 ms, coarse): written once,
used by the program playout and the preview player."""

from __future__ import annotations


def extrapolate(
    time_ms: int, time_mono: float | None, now: float, *, playing: bool, length_ms: int | None, floor: float
) -> float:
    """The position in seconds: libVLC's last *time_ms* (reported at monotonic *time_mono*) plus the
    time since while *playing*, never past *length_ms* and, while playing, never behind *floor*
    (the position shown before: coarse reports must not make it step back)."""
    position = time_ms / 1000.0
    if playing and time_mono is not None:
        position += max(0.0, now - time_mono)
    if length_ms:
        position = min(position, length_ms / 1000.0)
    if playing:
        position = max(position, floor)
    return position

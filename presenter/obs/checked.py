"""What OBS sends, checked before use: a count, a measure or a name of the expected type and size, else a neutral
value (whatever a wrong or newer OBS sends never raises in the OBS link)."""

from __future__ import annotations

from typing import Any


def number(data: dict[str, Any], key: str) -> float:
    """A count or measure from OBS: a finite number ≥ 0, else 0 (whatever a wrong or new OBS sends)."""
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1e15:
        return 0.0
    return float(value)


def count(data: dict[str, Any], key: str) -> int:
    return int(number(data, key))


def text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value[:500] if isinstance(value, str) else None

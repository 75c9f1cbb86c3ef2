"""Shared constants and helpers of the playout tests (the fixtures are in conftest.py)."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent.parent
if str(TESTS_DIR) not in sys.path:  # for tests/media_faults.py
    sys.path.insert(0, str(TESTS_DIR))

import media_faults  # noqa: E402

ROOT = TESTS_DIR.parent
CLIPS_DIR = ROOT / "assets" / "clips"
MEDIA = media_faults.MEDIA_DIR
SHORT_OK = media_faults.SHORT_OK

#: Corner colours of the small test files (tests/data/media/README) and the sample clips.
COLOURS = {
    **media_faults.CLIP_COLOURS,
    "vertical": (120, 40, 160),
    "fifty-fps": (230, 160, 0),
    "vp9": (0, 150, 160),
    "odd-size": (90, 90, 90),
}


def settled(qtbot, read, timeout=5000):
    """What `read()` gives once it stops changing (two readings 50 ms apart agree): a paused or held
    player's position, whenever the player gets there, instead of a reading after a fixed wait."""
    import time

    last: list = [object(), 0.0]

    def steady() -> bool:
        now, value = time.monotonic(), read()
        if value != last[0]:
            last[:] = [value, now]
        return now - last[1] >= 0.05

    qtbot.waitUntil(steady, timeout=timeout)
    return last[0]

"""The moderator's view model, without Qt: phases, back on air, wake-ups, pages."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from presenter.moderator_view import Look, Tone, describe, page_label, paginate, until_next_second
from presenter.run.engine import Phase, ShowEngine

ROOT = Path(__file__).resolve().parent.parent
START = datetime(2021, 1, 19, 17, 30)


def test_the_view_model_imports_neither_qt_nor_vlc():
    code = (
        "import sys, presenter.moderator_view\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'vlc'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


# ---------------------------------------------------------------------------------------------- phases


def test_the_phase_and_the_timer_are_the_snapshots_not_the_views(bundled_show, fake_clock):
    """The view model renders the engine's phase and timer as they are: it has no thresholds of its own
    (finding 5: the moderator capped the warning at half the segment, the director did not)."""
    engine = ShowEngine(bundled_show, fake_clock)
    fake_clock.set_now(START)
    engine.go()
    snapshot = engine.snapshot()
    assert describe(snapshot).phase is snapshot.phase is Phase.NORMAL
    told = replace(snapshot, phase=Phase.DANGER, timer_s=12.5)
    view = describe(told)
    assert (view.phase, view.phase_label, view.timer, view.look) == (Phase.DANGER, "TIME", "0:13", Look.DANGER)


def test_a_short_live_segment_reads_calm_at_its_start(bundled_show, fake_clock):
    segments = list(bundled_show.segments)
    segments[0] = replace(segments[0], duration_s=45.0)  # a 45 s welcome, show warning 2:00
    engine = ShowEngine(replace(bundled_show, segments=tuple(segments)), fake_clock)
    fake_clock.set_now(START)
    engine.go()
    view = describe(engine.snapshot())
    assert (view.phase, view.phase_label, view.look) == (Phase.NORMAL, "", Look.NORMAL)
    fake_clock.advance(23)
    assert describe(engine.snapshot()).phase_label == "WRAP UP"
    fake_clock.advance(11)
    assert describe(engine.snapshot()).phase_label == "TIME"


# ---------------------------------------------------------------------------------------------- back on air


def _on_clip(show, clock, index: int = 2) -> ShowEngine:
    engine = ShowEngine(show, clock)
    clock.set_now(START)
    engine.go()
    engine.jump(index)
    clock.advance(0.5)
    engine.go()  # jump only cues: GO airs it
    return engine


def test_back_on_air_counts_the_whole_chain_of_clips(bundled_show, fake_clock):
    """MiniMOGLI (1:15, end action next) is followed by itself by Teilautonomes Fahren (1:00, next),
    then the live Q&A: back on air in 2:15, not 1:15 (finding 7)."""
    engine = _on_clip(bundled_show, fake_clock)
    snapshot = engine.snapshot()
    assert snapshot.clip.back_on_air_in_s == 135.0
    view = describe(snapshot)
    assert (view.caption, view.timer, view.phase_label) == ("back on air in", "2:15", "CLIP")
    fake_clock.advance(0.5)
    engine.clip_progress("minimogli", 52.3, 75.0, playing=True)
    assert describe(engine.snapshot()).timer == "1:23"  # 22.7 + 60
    fake_clock.advance(22.7)
    engine.clip_ended("minimogli")  # the second clip follows by itself
    assert describe(engine.snapshot()).timer == "1:00"


def test_back_on_air_uses_probed_durations_and_stops_at_a_hold_or_a_skip(bundled_show, fake_clock):
    segments = list(bundled_show.segments)
    segments[3] = replace(segments[3], duration_s=None)  # the second clip's length comes from the media
    show = replace(bundled_show, segments=tuple(segments))
    engine = _on_clip(show, fake_clock)
    assert describe(engine.snapshot()).timer == "1:15"  # not probed yet: nothing to add
    engine.set_media_durations({"autonomous-driving": 58.4})
    assert describe(engine.snapshot()).timer == "2:14"  # 75 + 58.4

    engine = _on_clip(bundled_show, fake_clock)
    engine.skip(3)
    assert describe(engine.snapshot()).timer == "1:15"  # the skipped clip does not air

    segments = list(bundled_show.segments)
    segments[2] = replace(segments[2], end_action="hold")  # the director's GO ends it: no chain
    engine = _on_clip(replace(bundled_show, segments=tuple(segments)), fake_clock)
    assert describe(engine.snapshot()).timer == "1:15"


def test_a_clip_chain_reads_calm_until_its_own_end_is_near(bundled_show, fake_clock):
    engine = _on_clip(bundled_show, fake_clock)
    engine.clip_progress("minimogli", 0.0, 75.0, playing=True)
    view = describe(engine.snapshot())
    assert view.phase is Phase.NORMAL and view.timer_tone is Tone.TEXT
    fake_clock.advance(75 + 60 - 30)  # 0:30 left of the chain (the show's warning is 2:00)
    engine.clip_progress("minimogli", 75.0, 75.0, playing=True)
    assert describe(engine.snapshot()).phase is not Phase.NORMAL


# ---------------------------------------------------------------------------------------------- wake-ups


@pytest.mark.parametrize(
    ("value", "expected"),
    [(4.3, 0.3), (4.0, 1.0), (-1.3, 0.7), (0.25, 0.25), (-0.0, 1.0), (299.999, 0.999)],
)
def test_until_next_second(value, expected):
    assert until_next_second(value) == pytest.approx(expected)


def test_the_next_change_is_the_next_displayed_second(bundled_show, fake_clock):
    engine = ShowEngine(bundled_show, fake_clock)
    fake_clock.set_now(START)
    engine.go()
    fake_clock.advance(0.3)
    assert describe(engine.snapshot()).next_change_s == pytest.approx(0.702)  # timer and clock at once
    fake_clock.jump_wall(0.5)  # the clock's second now comes first
    assert describe(engine.snapshot()).next_change_s == pytest.approx(0.202)
    engine.send_message("Bitte zum Ende kommen", blink=True)
    fake_clock.advance(0.1)  # the blink beats every 0.5 s from the message
    assert describe(engine.snapshot()).next_change_s == pytest.approx(0.102)


# ---------------------------------------------------------------------------------------------- pages


@pytest.mark.parametrize(
    ("heights", "capacity", "gap", "expected"),
    [
        ([], 100, 0, []),
        ([30, 30, 30], 100, 5, [range(0, 3)]),
        ([30, 30, 30, 30], 100, 5, [range(0, 3), range(3, 4)]),
        ([60, 60, 60], 100, 0, [range(0, 1), range(1, 2), range(2, 3)]),
        ([150, 20], 100, 0, [range(0, 1), range(1, 2)]),  # too tall alone: a page of its own
    ],
)
def test_paginate(heights, capacity, gap, expected):
    assert paginate(heights, capacity, gap) == expected


def test_page_label():
    assert page_label(0, 1) == ""
    assert page_label(0, 2) == "1/2"
    assert page_label(2, 3) == "3/3"


def test_words_go_through_the_translator(bundled_show, fake_clock):
    engine = ShowEngine(bundled_show, fake_clock)
    seen = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return f"«{text}»"

    view = describe(engine.snapshot(), translate)
    assert view.caption == "«on air in»" and view.over_under == "«on time»"
    assert view.projection == "««ends 19:00:00» · hard out 19:00»"
    assert {context for context, _ in seen} == {"ModeratorView"}

"""Finding 13 (core): rehearse from now plans the running order from the first GO, and in standby both
windows read ONE "until start" figure from the snapshot (start_status + until_start_text)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from presenter.clock import FakeClock
from presenter.run.engine import Mode, ShowEngine, StartStatus

REHEARSAL_DAY = datetime(2026, 11, 26, 10, 0)


def test_rehearsing_plans_from_the_first_go(bundled_show):
    clock = FakeClock(REHEARSAL_DAY)
    engine = ShowEngine(bundled_show, clock, rehearse=True)
    snap = engine.snapshot()
    assert snap.rehearse and snap.rehearsal
    assert (snap.start_status, snap.until_start_text, snap.until_start_s) == (StartStatus.AT_GO, "", 0)
    assert snap.hard_out == REHEARSAL_DAY + timedelta(minutes=90) and snap.over_under_s == 0
    clock.advance(300)  # the team takes five minutes: still nothing late in standby
    snap = engine.snapshot()
    assert snap.over_under_s == 0 and snap.hard_out_margin_s == 0 and snap.until_start_text == ""
    assert engine.go()
    first_go = clock.now()
    snap = engine.snapshot()
    assert snap.segments[0].planned_start == first_go
    assert snap.segments[1].planned_start == first_go + timedelta(minutes=5)
    assert snap.hard_out == first_go + timedelta(minutes=90)
    assert (snap.start_status, snap.until_start_text) == (StartStatus.STARTED, "")
    clock.advance(330)  # the welcome runs 30 s over
    snap = engine.snapshot()
    assert snap.over_under_s == pytest.approx(30)
    assert snap.hard_out_margin_s == pytest.approx(-30)
    assert snap.projected_end == first_go + timedelta(minutes=90, seconds=30)


def test_rehearse_from_now_on_air_plans_from_the_first_go(bundled_show):
    clock = FakeClock(REHEARSAL_DAY)
    engine = ShowEngine(bundled_show, clock)
    assert engine.go()
    clock.advance(60)
    assert engine.snapshot().over_under_s < -3600  # planned at 17:30 today: "7:30 early", meaningless
    engine.rehearse_from_now()
    snap = engine.snapshot()
    assert snap.rehearse and snap.segments[0].planned_start == REHEARSAL_DAY
    assert snap.over_under_s == 0
    assert [event.kind for event in engine.events][-1] == "rehearse"


def test_a_show_over_midnight_rehearses_with_its_length(bundled_show):
    from dataclasses import replace
    from datetime import time

    late = replace(bundled_show, start=time(23, 30), end=time(1, 0))
    engine = ShowEngine(late, FakeClock(REHEARSAL_DAY), rehearse=True)
    assert engine.snapshot().hard_out == REHEARSAL_DAY + timedelta(minutes=90)


@pytest.mark.parametrize(
    ("now", "status", "text"),
    [
        (datetime(2021, 1, 19, 16, 30), StartStatus.ON_AIR_IN, "1:00:00"),
        (datetime(2021, 1, 19, 17, 29, 59, 500000), StartStatus.ON_AIR_IN, "0:01"),
        (datetime(2021, 1, 19, 17, 30), StartStatus.ON_AIR_IN, "0:00"),
        (datetime(2021, 1, 19, 17, 30, 0, 500000), StartStatus.OVERDUE, "+0:01"),
        (datetime(2021, 1, 19, 19, 47, 14), StartStatus.OVERDUE, "+2:17:14"),
    ],
    ids=["an-hour-before", "half-a-second-before", "at-the-start", "half-a-second-past", "finding-13"],
)
def test_one_until_start_figure_for_director_and_moderator(bundled_show, now, status, text):
    """The director said "0:00 start time passed" while the moderator said "+2:17:14 start overdue by"."""
    snap = ShowEngine(bundled_show, FakeClock(now)).snapshot()
    assert snap.mode is Mode.STANDBY
    assert (snap.start_status, snap.until_start_text) == (status, text)
    assert str(snap.start_status) in ("on air in", "start overdue by")

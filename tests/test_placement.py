"""Which window goes on which screen (issue 10): the rules, without Qt."""

from __future__ import annotations

import itertools
from pathlib import Path

from presenter.placement import Rect, WindowWish, plan_windows

FULL_HD = Rect(0, 0, 1920, 1080)
SECOND = Rect(1920, 0, 1920, 1080)
THIRD = Rect(3840, 0, 1280, 720)


def wishes(moderator: int | None, output: int | None, *, windowed: bool) -> list[WindowWish]:
    return [
        WindowWish("moderator", moderator, fullscreen=not windowed and moderator is not None),
        WindowWish("output", output, fullscreen=not windowed, aspect=16 / 9, default_fullscreen=True),
    ]


def no_overlaps(rects: list[Rect]) -> bool:
    return not any(a.overlaps(b) for a, b in itertools.combinations(rects, 2))


def test_one_screen_nothing_goes_fullscreen_over_the_director():
    plan = plan_windows([FULL_HD], [FULL_HD], 0, wishes(None, None, windowed=False), director_min_width=900)
    assert not any(spot.fullscreen for spot in plan.spots.values())
    rects = [plan.director, *(spot.rect for spot in plan.spots.values())]
    assert no_overlaps(rects) and all(FULL_HD.contains(r) for r in rects)
    assert plan.spots["output"].rect.width * 9 == plan.spots["output"].rect.height * 16  # 16:9


def test_a_window_asked_onto_the_directors_screen_opens_windowed_and_says_why():
    plan = plan_windows([FULL_HD, SECOND], [FULL_HD, SECOND], 0, wishes(0, 1, windowed=False))
    assert plan.spots["moderator"].fullscreen is False and plan.spots["moderator"].screen == 0
    assert plan.spots["output"].fullscreen and plan.spots["output"].screen == 1
    assert [(n.key, n.text_id) for n in plan.notices] == [("moderator", "director_screen")]


def test_the_output_goes_fullscreen_on_the_first_screen_that_is_not_the_directors():
    plan = plan_windows([FULL_HD, SECOND], [FULL_HD, SECOND], 0, wishes(None, None, windowed=False))
    assert plan.spots["output"].fullscreen and plan.spots["output"].rect == SECOND
    plan = plan_windows([FULL_HD, SECOND], [FULL_HD, SECOND], 1, wishes(None, None, windowed=False))
    assert plan.spots["output"].rect == FULL_HD  # the director is on the second screen


def test_windowed_windows_sit_side_by_side():
    plan = plan_windows([FULL_HD, SECOND], [FULL_HD, SECOND], 0, wishes(1, 1, windowed=True))
    assert not any(spot.fullscreen for spot in plan.spots.values())
    rects = [spot.rect for spot in plan.spots.values()]
    assert no_overlaps(rects) and all(SECOND.contains(r) for r in rects)


def test_two_fullscreen_windows_on_one_screen_are_never_silent():
    screens = [FULL_HD, SECOND, THIRD]
    plan = plan_windows(screens, screens, 0, wishes(1, 1, windowed=False))
    assert len(plan.clashes) == 1
    clash = plan.clashes[0]
    assert clash.screen == 1 and set(clash.keys) == {"moderator", "output"} and clash.free_screen == 2
    plan = plan_windows(screens[:2], screens[:2], 0, wishes(1, 1, windowed=False))
    assert plan.clashes[0].free_screen is None  # nowhere free: the offer is "beside the director"


def test_a_screen_that_does_not_exist_is_said_and_the_window_opens_beside_the_director():
    plan = plan_windows([FULL_HD], [FULL_HD], 0, wishes(3, None, windowed=False))
    assert plan.spots["moderator"].screen == 0 and not plan.spots["moderator"].fullscreen
    assert ("moderator", "missing_screen") in [(n.key, n.text_id) for n in plan.notices]


def test_a_director_wider_than_half_the_screen_keeps_its_width():
    plan = plan_windows([FULL_HD], [FULL_HD], 0, wishes(None, None, windowed=True), director_min_width=1290)
    assert plan.director.width == 1290
    assert all(spot.rect.x >= 1290 for spot in plan.spots.values())


def test_the_rules_for_windows_and_runs_import_no_qt_and_no_vlc():
    import subprocess
    import sys

    code = (
        "import sys, presenter.placement, presenter.run.rules; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'vlc')]; "
        "sys.exit(f'imported: {bad}' if bad else 0)"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=root)
    assert result.returncode == 0, result.stderr

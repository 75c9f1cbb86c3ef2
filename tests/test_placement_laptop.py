"""Issue 22: placement on laptops and mixed screens keeps every window visible (the rules, no Qt).

Many screen layouts (one laptop screen, one big screen, a laptop beside, left of or under a bigger
screen, one very wide screen): every window lies inside its screen's free area, the director keeps its
minimum width, the windows beside it never overlap it or each other, and the moderator window keeps
its own minimum size (its timer is never cut off at the screen's edge).
"""

from __future__ import annotations

import itertools

import pytest

from presenter.placement import Rect, WindowWish, plan_windows

MODERATOR_MIN = (480, 270)
DIRECTOR_MIN = 620  # about the German director's minimum width at 1280×720 (tests/ui/test_fit.py)
TASKBAR = 40


def free(screen: Rect) -> Rect:
    return Rect(screen.x, screen.y, screen.width, screen.height - TASKBAR)


def wishes(moderator: int | None = None, output: int | None = None, *, windowed: bool = False) -> list[WindowWish]:
    return [
        WindowWish(
            "moderator", moderator, fullscreen=not windowed and moderator is not None,
            min_width=MODERATOR_MIN[0], min_height=MODERATOR_MIN[1], share=2,
        ),
        WindowWish("output", output, fullscreen=not windowed, aspect=16 / 9, default_fullscreen=True),
    ]  # fmt: skip


LAPTOP = Rect(0, 0, 1366, 768)
LAYOUTS = {
    "1280x720": [Rect(0, 0, 1280, 720)],
    "1280x800": [Rect(0, 0, 1280, 800)],
    "1366x768": [LAPTOP],
    "1920x1080": [Rect(0, 0, 1920, 1080)],
    "2560x1440": [Rect(0, 0, 2560, 1440)],
    "3286x1080": [Rect(0, 0, 3286, 1080)],
    "laptop+fullhd right": [LAPTOP, Rect(1366, 0, 1920, 1080)],
    "laptop+fullhd left": [LAPTOP, Rect(-1920, 0, 1920, 1080)],
    "laptop under fullhd": [Rect(0, 1080, 1366, 768), Rect(0, 0, 1920, 1080)],
    "fullhd+laptop": [Rect(0, 0, 1920, 1080), Rect(1920, 312, 1366, 768)],
    "laptop+720p projector": [LAPTOP, Rect(1366, 0, 1280, 720)],
}
CASES = [
    (name, director, flags)
    for name, screens in LAYOUTS.items()
    for director in range(len(screens))
    for flags in ("none", "windowed", "moderator on 1", "output on 0")
]


def plan_for(screens: list[Rect], director: int, flags: str):
    if flags == "windowed":
        wished = wishes(windowed=True)
    elif flags == "moderator on 1":
        wished = wishes(moderator=1)
    elif flags == "output on 0":
        wished = wishes(output=0)
    else:
        wished = wishes()
    return plan_windows(screens, [free(s) for s in screens], director, wished, director_min_width=DIRECTOR_MIN)


@pytest.mark.parametrize(("name", "director", "flags"), CASES)
def test_every_window_starts_on_screen_and_nothing_covers_the_director(name, director, flags):
    screens = LAYOUTS[name]
    plan = plan_for(screens, director, flags)
    director_rect = plan.director or free(screens[director])
    assert free(screens[director]).contains(director_rect)
    assert director_rect.width >= min(DIRECTOR_MIN, free(screens[director]).width)
    windowed = []
    for key, spot in plan.spots.items():
        area = screens[spot.screen] if spot.fullscreen else free(screens[spot.screen])
        assert area.contains(spot.rect), f"{name}/{flags}: {key} {spot.rect} is off-screen"
        if spot.fullscreen:
            assert spot.screen != director, f"{name}/{flags}: {key} fullscreen over the director"
        else:
            windowed.append((key, spot))
    for key, spot in windowed:
        if key == "moderator":
            assert spot.rect.width >= MODERATOR_MIN[0] and spot.rect.height >= MODERATOR_MIN[1], (name, flags)
        if spot.screen == director and plan.director is not None:
            assert not spot.rect.overlaps(plan.director), f"{name}/{flags}: {key} covers the director"
    for (a, first), (b, second) in itertools.combinations(windowed, 2):
        if first.screen == second.screen:
            assert not first.rect.overlaps(second.rect), f"{name}/{flags}: {a} and {b} overlap"


def test_one_screen_the_moderator_beside_the_director_and_the_output_small_under_it():
    screen = Rect(0, 0, 1920, 1080)
    plan = plan_windows([screen], [free(screen)], 0, wishes(), director_min_width=DIRECTOR_MIN)
    moderator, output = plan.spots["moderator"].rect, plan.spots["output"].rect
    assert plan.director is not None and plan.director.width == 960
    assert moderator.x == 960 and moderator.height > output.height  # the moderator gets the larger share
    assert output.y >= moderator.y + moderator.height  # the program output small, under the moderator
    assert not plan.spots["output"].fullscreen


def test_laptop_and_big_screen_the_output_fullscreen_there_the_moderator_beside_the_director():
    """Finding 3: the moderator landed at x=1320 on the 1366 px laptop, mostly off-screen."""
    big = Rect(1366, 0, 1920, 1080)
    plan = plan_windows([LAPTOP, big], [free(LAPTOP), free(big)], 0, wishes(), director_min_width=1501)
    assert plan.spots["output"].fullscreen and plan.spots["output"].screen == 1
    moderator = plan.spots["moderator"].rect
    assert free(LAPTOP).contains(moderator) and moderator.width >= MODERATOR_MIN[0]


def test_finding_2_the_moderator_is_never_pushed_past_the_screens_edge():
    """The director asked for 1501 px of 1920: the 480 px moderator window stood 61 px off-screen."""
    screen = Rect(0, 0, 1920, 1080)
    plan = plan_windows([screen], [free(screen)], 0, wishes(), director_min_width=1501)
    assert free(screen).contains(plan.spots["moderator"].rect)
    assert plan.spots["moderator"].rect.width >= MODERATOR_MIN[0]

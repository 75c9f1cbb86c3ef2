"""Which window goes on which screen, fullscreen or where windowed: the rules, without Qt.

- A fullscreen window goes only to a screen that is not the director's: with one screen (a laptop,
  a first try) nothing covers the director; a window asked onto the director's screen opens windowed.
- The program output without a screen asked for goes fullscreen on the first screen that is not the
  director's, else windowed.
- Windowed windows on one screen open side by side (tiled), never on top of each other; on the
  director's screen the director keeps the left half.
- Two fullscreen windows on one screen cover each other: that is never silent (a `Clash` names
  them and a free screen to move one to, if there is one).
- Nothing starts off-screen (issue 22): each window gets at least its minimum size, the director
  yields width beyond its own minimum to the windows beside it, and every windowed rectangle lies
  inside its screen's free area. Beside the director the moderator gets the larger share of the
  height (`share`), the program output a small 16:9 window under it.
"""

from __future__ import annotations

from dataclasses import dataclass

DIRECTOR_SHARE = 0.5  # of the director's screen width the director keeps when windows are tiled beside it
OUTPUT_ASPECT = 16 / 9


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    def contains(self, other: Rect) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.x + other.width <= self.x + self.width
            and other.y + other.height <= self.y + self.height
        )

    def overlaps(self, other: Rect) -> bool:
        return not (
            other.x >= self.x + self.width
            or self.x >= other.x + other.width
            or other.y >= self.y + self.height
            or self.y >= other.y + other.height
        )


@dataclass(frozen=True)
class WindowWish:
    key: str  # "moderator", "output", "preview"
    screen: int | None  # the screen asked for (command line, remembered, chosen); None: none asked
    fullscreen: bool  # asked to be fullscreen (a screen given without --windowed)
    aspect: float | None = None  # keep this width/height when windowed (the program output: 16:9)
    default_fullscreen: bool = False  # fullscreen on a free screen when no screen is asked (program output)
    min_width: int = 0  # the window's own minimum size: a cell smaller than this would push it off-screen
    min_height: int = 0
    share: int = 1  # its share of the height when windows are stacked beside the director


@dataclass(frozen=True)
class Spot:
    screen: int
    fullscreen: bool
    rect: Rect  # the window's geometry (fullscreen: the whole screen)


@dataclass(frozen=True)
class Notice:
    key: str
    asked_screen: int
    text_id: str  # "director_screen" (would cover the director) or "missing_screen"


@dataclass(frozen=True)
class Clash:
    """Two fullscreen windows asked onto one screen."""

    screen: int
    keys: tuple[str, str]
    free_screen: int | None  # a screen with no fullscreen window and not the director's, if any


@dataclass(frozen=True)
class Plan:
    spots: dict[str, Spot]
    director: Rect | None  # where the director goes when windows are tiled beside it (None: it stays)
    notices: tuple[Notice, ...]
    clashes: tuple[Clash, ...]


def _target(wish: WindowWish, screens: list[Rect], director_screen: int, notices: list[Notice]) -> tuple[int, bool]:
    others = [i for i in range(len(screens)) if i != director_screen]
    if wish.screen is not None and not 0 <= wish.screen < len(screens):
        notices.append(Notice(wish.key, wish.screen, "missing_screen"))
        wanted = None
    else:
        wanted = wish.screen
    if wanted is None:
        if wish.default_fullscreen and wish.fullscreen and others:
            return others[0], True
        return director_screen, False
    if wish.fullscreen and wanted == director_screen:
        notices.append(Notice(wish.key, wanted, "director_screen"))
        return wanted, False
    return wanted, wish.fullscreen


def _fit(area: Rect, aspect: float | None) -> Rect:
    if aspect is None:
        return area
    width, height = area.width, round(area.width / aspect)
    if height > area.height:
        width, height = round(area.height * aspect), area.height
    return Rect(area.x, area.y, width, height)


def _tile(area: Rect, shares: list[int], *, vertical: bool) -> list[Rect]:
    """One cell per share, side by side (or one above the other), that fill `area` without overlapping."""
    cells = []
    total, before = sum(shares), 0
    for share in shares:
        after = before + share
        if vertical:
            top, bottom = area.y + area.height * before // total, area.y + area.height * after // total
            cells.append(Rect(area.x, top, area.width, bottom - top))
        else:
            left, right = area.x + area.width * before // total, area.x + area.width * after // total
            cells.append(Rect(left, area.y, right - left, area.height))
        before = after
    return cells


def _on_screen(rect: Rect, area: Rect, wish: WindowWish) -> Rect:
    """`rect` grown to the window's minimum size and moved (not beyond) into `area`: never off-screen."""
    width = min(max(rect.width, wish.min_width), area.width)
    height = min(max(rect.height, wish.min_height), area.height)
    x = max(area.x, min(rect.x, area.x + area.width - width))
    y = max(area.y, min(rect.y, area.y + area.height - height))
    return Rect(x, y, width, height)


def _director_width(area: Rect, director_min_width: int, windowed: list[WindowWish]) -> int:
    """Half the screen, at least the director's minimum; beyond its minimum it yields to the widest
    minimum beside it, so the moderator's timer is never cut off at the screen's edge."""
    wanted = min(max(int(area.width * DIRECTOR_SHARE), director_min_width), area.width)
    beside = max((wish.min_width for wish in windowed), default=0)
    return max(min(wanted, area.width - beside), min(director_min_width, area.width))


def plan_windows(
    screens: list[Rect],
    available: list[Rect],
    director_screen: int,
    wishes: list[WindowWish],
    director_min_width: int = 0,
) -> Plan:
    """Where each wished-for window goes; `available` is each screen's area without panels."""
    notices: list[Notice] = []
    targets = {wish.key: _target(wish, screens, director_screen, notices) for wish in wishes}
    spots: dict[str, Spot] = {}
    for key, (screen, fullscreen) in targets.items():
        if fullscreen:
            spots[key] = Spot(screen, True, screens[screen])
    director_rect = None
    for screen in range(len(screens)):
        windowed = [wish for wish in wishes if targets[wish.key] == (screen, False)]
        if not windowed:
            continue
        free = area = available[screen]
        if screen == director_screen:
            director_width = _director_width(area, director_min_width, windowed)
            director_rect = Rect(area.x, area.y, director_width, area.height)
            area = Rect(area.x + director_width, area.y, area.width - director_width, area.height)
        vertical = screen == director_screen
        cells = _tile(area, [wish.share if vertical else 1 for wish in windowed], vertical=vertical)
        for wish, cell in zip(windowed, cells, strict=True):
            spots[wish.key] = Spot(screen, False, _on_screen(_fit(cell, wish.aspect), free, wish))
    return Plan(spots, director_rect, tuple(notices), _clashes(spots, len(screens), director_screen))


def _clashes(spots: dict[str, Spot], screen_count: int, director_screen: int) -> tuple[Clash, ...]:
    by_screen: dict[int, list[str]] = {}
    for key, spot in spots.items():
        if spot.fullscreen:
            by_screen.setdefault(spot.screen, []).append(key)
    used = set(by_screen) | {director_screen}
    free = [i for i in range(screen_count) if i not in used]
    return tuple(
        Clash(screen, (keys[0], keys[1]), free[0] if free else None)
        for screen, keys in sorted(by_screen.items())
        if len(keys) > 1
    )

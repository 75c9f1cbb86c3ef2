"""Which screen each window is on: chosen on the command line or remembered, kept through a screen
being unplugged (the window goes to a remaining screen) and plugged back (it returns).

The rules (nothing fullscreen over the director, windowed windows side by side, no silent sharing)
are in :mod:`presenter.placement`; `put_window_on_screen` is the one way a window is put on a screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QRect, QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from presenter.i18n import translate
from presenter.placement import Clash, Plan, Rect, WindowWish, plan_windows

WINDOWED_SIZE = (1280, 720)
Placer = Callable[[int, bool, QRect], object]  # (screen index, fullscreen, geometry)


def put_window_on_screen(window: QWidget, screen: QScreen, *, fullscreen: bool, geometry: QRect | None = None) -> None:
    """The one screen-placement helper: `window` fullscreen on `screen`, or windowed at `geometry`
    (default: 1280×720, centred in the screen's free area)."""
    if window.isFullScreen():
        window.showNormal()  # also to move it: a fullscreen window is not moved between screens
    window.winId()  # the native window must exist to be given a screen
    handle = window.windowHandle()
    if handle is not None and handle.screen() is not screen:
        handle.setScreen(screen)
    if fullscreen:
        window.setGeometry(screen.geometry())
        window.showFullScreen()
        return
    if geometry is None:
        area = screen.availableGeometry()
        width, height = min(WINDOWED_SIZE[0], area.width()), min(WINDOWED_SIZE[1], area.height())
        geometry = QRect(area.center().x() - width // 2, area.center().y() - height // 2, width, height)
    window.setGeometry(geometry)
    window.show()


FRAME_CHECKS_MS = (0, 150, 600, 1500)  # a window manager adds its frame some time after the window shows


def keep_frame_inside(window: QWidget, rect: QRect) -> None:
    """With a window manager, `rect` is for the whole window, title bar and borders included (a
    geometry set for the inside alone put the director's title bar above the screen's top edge)."""

    def fit() -> None:
        if window.isFullScreen() or not window.isVisible():
            return
        outer, inner = window.frameGeometry(), window.geometry()
        extra_width, extra_height = outer.width() - inner.width(), outer.height() - inner.height()
        if outer == rect or (extra_width, extra_height) == (0, 0):
            return
        window.resize(
            max(rect.width() - extra_width, window.minimumWidth()),
            max(rect.height() - extra_height, window.minimumHeight()),
        )
        window.move(rect.topLeft())  # move() places the frame's corner

    for delay in FRAME_CHECKS_MS:
        QTimer.singleShot(delay, window, fit)


def _rect(geometry: QRect) -> Rect:
    return Rect(geometry.x(), geometry.y(), geometry.width(), geometry.height())


def _qrect(rect: Rect) -> QRect:
    return QRect(rect.x, rect.y, rect.width, rect.height)


@dataclass
class _Managed:
    label: str
    window: QWidget
    place: Placer
    wish: WindowWish
    home: tuple[str, bool] | None = None  # the unplugged screen it was on (name, fullscreen): it returns there


class WindowPlacement(QObject):
    """Places the moderator, program output and preview beside the director and remembers where the
    moderator and program output were (QSettings). `offer(text, action_text, action)` puts a
    decision before the director (two windows on one screen)."""

    def __init__(
        self,
        settings: QSettings,
        report: Callable[[str], None],
        director: QWidget,
        offer: Callable[[str, str, Callable[[], object]], None] | None = None,
        parent: QObject | None = None,
        status: Callable[[str], None] | None = None,
    ):
        """`status(text)` says in one line where the windows went (the director's status line)."""
        super().__init__(parent)
        self.settings = settings
        self.report = report
        self.status = status
        self.director = director
        self.offer = offer
        self._managed: dict[str, _Managed] = {}
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenRemoved.connect(self.screen_removed)
        app.screenAdded.connect(self.screen_added)

    @staticmethod
    def screen_names() -> list[str]:
        return [screen.name() for screen in QGuiApplication.screens()]

    def add(
        self,
        key: str,
        label: str,
        window: QWidget,
        screen_index: int | None,
        windowed: bool,
        *,
        place: Placer | None = None,
        aspect: float | None = None,
        default_fullscreen: bool = False,
        share: int = 1,
    ) -> None:
        """A window to place: the command line's screen wins, else the remembered fullscreen one.
        `place` puts it on a screen (by default: fullscreen or windowed there); the rest is its WindowWish."""
        remembered = self.settings.value(f"windows/{key}/screen", None)
        remembered_fullscreen = self.settings.value(f"windows/{key}/fullscreen", False, type=bool)
        screen = screen_index
        if screen is None and remembered and remembered_fullscreen and not windowed:
            screen = self._index_of(str(remembered))
            if screen is None:
                self.report(
                    translate(
                        "WindowPlacement",
                        "{label}: remembered screen {name} is not connected; windowed beside the director",
                    ).format(label=label, name=remembered)
                )
        fullscreen = not windowed and (screen is not None or default_fullscreen)
        least = window.minimumSize().expandedTo(window.minimumSizeHint())  # never placed smaller: off-screen
        wish = WindowWish(
            key,
            screen,
            fullscreen,
            aspect=aspect,
            default_fullscreen=default_fullscreen,
            min_width=least.width(),
            min_height=least.height(),
            share=share,
        )
        self._managed[key] = _Managed(label, window, place or self._default_placer(window), wish)

    @staticmethod
    def _default_placer(window: QWidget) -> Placer:
        def place(index: int, fullscreen: bool, geometry: QRect) -> None:
            put_window_on_screen(window, QGuiApplication.screens()[index], fullscreen=fullscreen, geometry=geometry)

        return place

    def _plan(self) -> Plan:
        screens = QGuiApplication.screens()
        director_screen = self.director.screen()
        director_index = screens.index(director_screen) if director_screen in screens else 0
        return plan_windows(
            [_rect(s.geometry()) for s in screens],
            [_rect(s.availableGeometry()) for s in screens],
            director_index,
            [entry.wish for entry in self._managed.values()],
            director_min_width=self.director.minimumSizeHint().width(),
        )

    def place_all(self, only: set[str] | None = None) -> None:
        """Put every window (or those in `only`) where the rules say; say what differs from what was asked."""
        plan = self._plan()
        if plan.director is not None and only is None and not self.director.isFullScreen():
            self.director.setGeometry(_qrect(plan.director))
            keep_frame_inside(self.director, _qrect(plan.director))
        for key, spot in plan.spots.items():
            if only is None or key in only:
                self._managed[key].place(spot.screen, spot.fullscreen, _qrect(spot.rect))
                if not spot.fullscreen:
                    keep_frame_inside(self._managed[key].window, _qrect(spot.rect))
        if self.status is not None:
            self.status(self._say(plan))
        for notice in plan.notices:
            self._tell(notice.key, notice.asked_screen, notice.text_id)
        for clash in plan.clashes:
            self._clash(clash)

    def _say(self, plan: Plan) -> str:
        """Where each window went, in one line: what the director reads to find a window."""
        parts = []
        for key, spot in plan.spots.items():
            label = self._managed[key].label
            if spot.fullscreen:
                where = translate("WindowPlacement", "{label}: fullscreen on screen {screen}")
            elif plan.director is not None and spot.screen == self._director_index():
                where = translate("WindowPlacement", "{label}: window beside the director")
            else:
                where = translate("WindowPlacement", "{label}: window on screen {screen}")
            parts.append(where.format(label=label, screen=spot.screen))
        return translate("WindowPlacement", "Windows — {places}").format(places=" · ".join(parts))

    def _director_index(self) -> int:
        screens = QGuiApplication.screens()
        return screens.index(self.director.screen()) if self.director.screen() in screens else 0

    def _tell(self, key: str, screen: int, text_id: str) -> None:
        label = self._managed[key].label
        if text_id == "missing_screen":
            text = translate(
                "WindowPlacement",
                "{label}: screen {screen} does not exist ({count} screens); windowed beside the director",
            )
        else:
            text = translate(
                "WindowPlacement",
                "{label}: screen {screen} is the director's screen; it opens in a window beside the director "
                "instead of covering it (connect another screen and choose it)",
            )
        self.report(text.format(label=label, screen=screen, count=len(QGuiApplication.screens())))

    def _clash(self, clash: Clash) -> None:
        """Two fullscreen windows on one screen: said, and a move offered (the moderator yields)."""
        first, second = (self._managed[key].label for key in clash.keys)
        text = translate(
            "WindowPlacement",
            "The {first} and the {second} are both fullscreen on screen {screen}: one covers the other.",
        )
        text = text.format(first=first, second=second, screen=clash.screen)
        self.report(text)
        mover = "moderator" if "moderator" in clash.keys else clash.keys[1]
        label = self._managed[mover].label
        if clash.free_screen is not None:
            action_text = translate("WindowPlacement", "Move the {label} to screen {screen}").format(
                label=label, screen=clash.free_screen
            )
        else:
            action_text = translate("WindowPlacement", "Put the {label} in a window beside the director").format(
                label=label
            )
        if self.offer is not None:
            self.offer(text, action_text, lambda: self.move(mover, clash.free_screen))

    def move(self, key: str, screen_index: int | None) -> None:
        """The director moved a window to another screen (None: windowed beside the director)."""
        entry = self._managed.get(key)
        if entry is None:
            return
        names = self.screen_names()
        if screen_index is not None and not 0 <= screen_index < len(names):
            self.report(
                translate("WindowPlacement", "{label}: screen {screen} does not exist").format(
                    label=entry.label, screen=screen_index
                )
            )
            return
        fullscreen = screen_index is not None and (entry.window.isFullScreen() or entry.wish.fullscreen)
        entry.wish = replace(entry.wish, screen=screen_index, fullscreen=fullscreen)
        self.place_all(only={key})
        self.remember()

    def remember(self) -> None:
        for key, entry in self._managed.items():
            if key == "preview":
                continue
            screen = entry.window.screen()
            if screen is not None:
                self.settings.setValue(f"windows/{key}/screen", screen.name())
            self.settings.setValue(f"windows/{key}/fullscreen", entry.window.isFullScreen())
        self.settings.sync()

    def _index_of(self, name: str | None) -> int | None:
        names = self.screen_names()
        return names.index(name) if name in names else None

    def screen_removed(self, screen: QScreen) -> None:
        """A screen went away: its windows go beside the director; playback is not touched."""
        gone = screen.name()
        if not [s for s in QGuiApplication.screens() if s is not screen]:
            return
        names = self.screen_names()
        for key, entry in self._managed.items():
            wanted = (
                names[entry.wish.screen] if entry.wish.screen is not None and entry.wish.screen < len(names) else None
            )
            if wanted == gone or entry.window.screen() is screen:
                entry.home = (gone, entry.wish.fullscreen)
                entry.wish = replace(entry.wish, screen=None)
                self.place_all(only={key})
                self.report(
                    translate(
                        "WindowPlacement", "Screen {name} disconnected: {label} moved beside the director"
                    ).format(name=gone, label=entry.label)
                )

    def screen_added(self, screen: QScreen) -> None:
        """A screen came (back): the windows that belong there return to it."""
        names = self.screen_names()
        for key, entry in self._managed.items():
            if entry.home is not None and entry.home[0] == screen.name() and screen.name() in names:
                entry.wish = replace(entry.wish, screen=names.index(screen.name()), fullscreen=entry.home[1])
                entry.home = None
                self.place_all(only={key})
                self.report(translate("WindowPlacement", "Screen {name} connected: {label} is back on it").format(
                    name=screen.name(), label=entry.label))  # fmt: skip

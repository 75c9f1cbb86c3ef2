"""The program output window: black, two stacked native video surfaces, shown for the whole show.

libVLC draws straight into the native X11/Win32/Cocoa windows of the two :class:`VideoSurface`
widgets. Qt never paints them (``WA_PaintOnScreen`` with no paint engine), so when a surface is
raised the X server keeps what was on screen until libVLC repaints it (it does, on expose, even
while paused): no black or desktop flash at a cut. Black is a third native child, painted black by
Qt and raised over the surfaces. The window's own background is black too.

An obscured X window keeps no pixels, and a paused libVLC only redraws every 80 ms, so raising an
armed surface would show its first frame 0-80 ms late. The surfaces therefore ask the X server for
backing store (``XChangeWindowAttributes``, via libX11 and ctypes): with it the armed picture is
already there when the surface is raised (measured: the cut is visible in ~2 ms instead of ~50 ms).
Without backing store (a server that refuses it) everything still works, only the cut is slower.

Hiding or recreating this window flashes the desktop to the stream: ``place()`` it once before it
is shown, keep it until the playout engine has been shut down (libVLC must stop drawing into the
surfaces before they go). A close request from the window manager is ignored.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import os
from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QPaintEvent, QResizeEvent, QScreen, QShowEvent
from PySide6.QtWidgets import QWidget

from presenter.ui.surfaces import paint_black

log = logging.getLogger(__name__)

WINDOWED_SIZE = (1280, 720)
SURFACE_COUNT = 2


class _XSetWindowAttributes(ctypes.Structure):
    _fields_ = (
        ("background_pixmap", ctypes.c_ulong),
        ("background_pixel", ctypes.c_ulong),
        ("border_pixmap", ctypes.c_ulong),
        ("border_pixel", ctypes.c_ulong),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("cursor", ctypes.c_ulong),
    )


_CW_BACKING_STORE = 1 << 6
_WHEN_MAPPED = 1


_x11_lib: ctypes.CDLL | None = None


def _x11() -> ctypes.CDLL | None:
    """libX11 with the prototypes used here (a private connection per call: no Xlib threading)."""
    global _x11_lib
    if _x11_lib is None:
        name = ctypes.util.find_library("X11")
        if not name:
            return None
        x11 = ctypes.CDLL(name)
        vp, ul = ctypes.c_void_p, ctypes.c_ulong
        x11.XOpenDisplay.restype = vp
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultScreenOfDisplay.restype = vp
        x11.XDefaultScreenOfDisplay.argtypes = [vp]
        x11.XDoesBackingStore.argtypes = [vp]
        x11.XChangeWindowAttributes.argtypes = [vp, ul, ul, ctypes.POINTER(_XSetWindowAttributes)]
        x11.XSync.argtypes = [vp, ctypes.c_int]
        x11.XCloseDisplay.argtypes = [vp]
        x11.XCreateGC.restype = vp
        x11.XCreateGC.argtypes = [vp, ul, ul, vp]
        x11.XSetForeground.argtypes = [vp, vp, ul]
        x11.XFillRectangle.argtypes = [vp, ul, vp, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint]
        x11.XFreeGC.argtypes = [vp, vp]
        x11.XBlackPixelOfScreen.restype = ul
        x11.XBlackPixelOfScreen.argtypes = [vp]
        _x11_lib = x11
    return _x11_lib


@contextlib.contextmanager
def _x_display() -> Iterator[tuple[ctypes.CDLL, int] | None]:
    """A connection of our own to the X server (usable from any thread): (libX11, display), or None."""
    x11 = _x11() if os.environ.get("DISPLAY") else None
    dpy = x11.XOpenDisplay(None) if x11 is not None else None
    if x11 is None or not dpy:
        yield None
        return
    try:
        yield x11, dpy
    finally:
        x11.XCloseDisplay(dpy)


def fill_black_x11(window_id: int) -> bool:
    """Paint an X window black from any thread (its own connection); also fills its backing store."""
    try:
        with _x_display() as connection:
            if connection is None:
                return False
            x11, dpy = connection
            gc = x11.XCreateGC(dpy, window_id, 0, None)
            x11.XSetForeground(dpy, gc, x11.XBlackPixelOfScreen(x11.XDefaultScreenOfDisplay(dpy)))
            x11.XFillRectangle(dpy, window_id, gc, 0, 0, 16384, 16384)
            x11.XFreeGC(dpy, gc)
            x11.XSync(dpy, 0)
        return True
    except (OSError, AttributeError) as exc:
        log.warning("could not clear a video surface: %s", exc)
        return False


def request_x11_backing_store(window_ids: list[int]) -> bool:
    """Ask the X server to keep the pixels of *window_ids* while obscured. ``True`` if it does."""
    try:
        with _x_display() as connection:
            if connection is None:
                return False
            x11, dpy = connection
            supported = int(x11.XDoesBackingStore(x11.XDefaultScreenOfDisplay(dpy))) != 0
            attrs = _XSetWindowAttributes(backing_store=_WHEN_MAPPED)
            for wid in window_ids:
                x11.XChangeWindowAttributes(dpy, wid, _CW_BACKING_STORE, ctypes.byref(attrs))
            x11.XSync(dpy, 0)
        return supported
    except (OSError, AttributeError) as exc:
        log.warning("X11 backing store not requested: %s", exc)
        return False


_black_palette = paint_black  # the one black palette of every video surface


class VideoSurface(QWidget):
    """A native child window that only libVLC draws into."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.setAttribute(Qt.WidgetAttribute.WA_PaintOnScreen)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)

    # No Qt painting at all: libVLC owns the pixels. Qt documents a null paint engine for
    # WA_PaintOnScreen widgets; PySide6's stub (QPaintDevice.paintEngine -> QPaintEngine) leaves out None.
    def paintEngine(self) -> None:  # type: ignore[override]  # PySide6 stub defect, see above
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        pass


class _BlackCover(QWidget):
    """Native, painted black by Qt; raised over the surfaces to show black."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        _black_palette(self)


class ProgramOutputWindow(QWidget):
    """Implements ``ProgramOutputSurfaces`` for :class:`presenter.playout.program.ProgramPlayout`."""

    panic_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Presenter – Program output"))
        self.setObjectName("programOutput")
        _black_palette(self)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._surfaces = [VideoSurface(self) for _ in range(SURFACE_COUNT)]
        self._cover = _BlackCover(self)
        self._top: int | None = None  # index of the raised surface; None = black
        self._backing_store: bool | None = None  # None: not asked yet
        self._backing_store_ids: set[int] = set()
        self._surface_ids = [0] * SURFACE_COUNT  # plain ints, readable from the control thread
        self.resize(*WINDOWED_SIZE)
        self._cover.raise_()

    # ---- ProgramOutputSurfaces

    def surface_count(self) -> int:
        return len(self._surfaces)

    def surface(self, index: int) -> QWidget:
        return self._surfaces[index]

    def surface_handle(self, index: int) -> int:
        self._ensure_backing_store()
        wid = int(self._surfaces[index].winId())
        self._surface_ids[index] = wid
        return wid

    @property
    def backing_store(self) -> bool | None:
        """Whether the X server keeps the armed picture of a hidden surface (None: not X11/not asked)."""
        return self._backing_store

    def _ensure_backing_store(self) -> None:
        if QGuiApplication.platformName() != "xcb":
            return
        ids = {int(s.winId()) for s in self._surfaces}
        if ids <= self._backing_store_ids:
            return
        new = sorted(ids - self._backing_store_ids)
        self._backing_store = request_x11_backing_store(new)
        self._backing_store_ids |= ids
        if self._backing_store:
            for wid in new:
                fill_black_x11(wid)  # a fresh backing store holds undefined pixels
        if not self._backing_store:
            log.warning("the X server keeps no backing store: a cut to an armed clip may take up to 80 ms")

    def raise_surface(self, index: int) -> None:
        self._surfaces[index].raise_()
        self._top = index

    def show_black(self) -> None:
        self._cover.raise_()
        self._top = None

    def clear_surface_threadsafe(self, index: int) -> None:
        """Blank surface *index* (its backing store keeps the last picture of the stopped player).

        Safe from the playout control thread; call it after the surface's player has stopped and
        before the next player starts drawing into it.
        """
        wid = self._surface_ids[index]
        if self._backing_store and wid:
            fill_black_x11(wid)

    def is_black(self) -> bool:
        return self._top is None

    def top_surface(self) -> int | None:
        return self._top

    # ---- placement

    def place(self, screen_index: int | None, windowed: bool) -> str | None:
        """Frameless fullscreen on screen *screen_index* (None: primary), or a 1280x720 window.

        Returns a plain warning when the screen does not exist (the primary screen is used).
        """
        screens = QGuiApplication.screens()
        warning = None
        screen = QGuiApplication.primaryScreen()
        if screen_index is not None:
            if 0 <= screen_index < len(screens):
                screen = screens[screen_index]
            else:
                names = ", ".join(str(i) for i in range(len(screens))) or self.tr("none")
                warning = self.tr(
                    "output screen {screen_index} does not exist (screens: {screens}); "
                    "the program output is on the primary screen"
                ).format(screen_index=screen_index, screens=names)
        if screen is not None:
            self.place_on(screen, fullscreen=not windowed)
        return warning

    def place_on(self, screen: QScreen, *, fullscreen: bool, geometry: QRect | None = None) -> None:
        """On `screen` through the one placement helper; frameless when fullscreen. Call it before the
        show: changing the frame of a shown window would recreate it."""
        from presenter.ui.screens import put_window_on_screen

        flags = Qt.WindowType.Window
        if fullscreen:
            flags |= Qt.WindowType.FramelessWindowHint
        if not self.testAttribute(Qt.WidgetAttribute.WA_WState_Created) and self.windowFlags() != flags:
            self.setWindowFlags(flags)
        put_window_on_screen(self, screen, fullscreen=fullscreen, geometry=geometry)

    # ---- events

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_backing_store()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        rect = self.rect()
        for s in self._surfaces:
            s.setGeometry(rect)
        self._cover.setGeometry(rect)
        super().resizeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.panic_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous():
            event.ignore()  # Alt+F4 on the output must not take the picture off the stream
            return
        super().closeEvent(event)

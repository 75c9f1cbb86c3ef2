"""The program output window: black, two stacked native video surfaces, shown for the whole show.

libVLC draws straight into the native X11/Win32/Cocoa windows of the two :class:`VideoSurface`
widgets. Qt never paints them (``WA_PaintOnScreen`` with no paint engine), so when a surface is
raised the X server keeps what was on screen until libVLC repaints it (it does, on expose, even
while paused): no black or desktop flash at a cut. Black is a third native child, painted black by
Qt and raised over the surfaces. The window's own background is black too.

Hiding or recreating this window flashes the desktop to the stream: ``place()`` it once before it
is shown, keep it until the playout engine has been shut down (libVLC must stop drawing into the
surfaces before they go). A close request from the window manager is ignored.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QGuiApplication, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QWidget

WINDOWED_SIZE = (1280, 720)
SURFACE_COUNT = 2


def _black_palette(widget: QWidget) -> None:
    pal = widget.palette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        pal.setColor(role, QColor(0, 0, 0))
    widget.setPalette(pal)
    widget.setAutoFillBackground(True)


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

    def paintEngine(self):  # no Qt painting at all: libVLC owns the pixels
        return None

    def paintEvent(self, event) -> None:
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
        self.setWindowTitle("Presenter – Program output")
        self.setObjectName("programOutput")
        _black_palette(self)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._surfaces = [VideoSurface(self) for _ in range(SURFACE_COUNT)]
        self._cover = _BlackCover(self)
        self._top: int | None = None  # index of the raised surface; None = black
        self.resize(*WINDOWED_SIZE)
        self._cover.raise_()

    # ---- ProgramOutputSurfaces

    def surface_count(self) -> int:
        return len(self._surfaces)

    def surface(self, index: int) -> QWidget:
        return self._surfaces[index]

    def surface_handle(self, index: int) -> int:
        return int(self._surfaces[index].winId())

    def raise_surface(self, index: int) -> None:
        self._surfaces[index].raise_()
        self._top = index

    def show_black(self) -> None:
        self._cover.raise_()
        self._top = None

    def is_black(self) -> bool:
        return self._top is None

    def top_surface(self) -> int | None:
        return self._top

    # ---- placement

    def place(self, screen_index: int | None, windowed: bool) -> str | None:
        """Frameless fullscreen on screen *screen_index* (None: primary), or a 1280x720 window.

        Returns a plain warning when the screen does not exist (the primary screen is used).
        Call it before the show: changing the frame of a shown window would recreate it.
        """
        screens = QGuiApplication.screens()
        warning = None
        screen = QGuiApplication.primaryScreen()
        if screen_index is not None:
            if 0 <= screen_index < len(screens):
                screen = screens[screen_index]
            else:
                warning = (
                    f"output screen {screen_index} does not exist (screens: "
                    f"{', '.join(str(i) for i in range(len(screens))) or 'none'}); "
                    "the program output is on the primary screen"
                )
        created = self.testAttribute(Qt.WidgetAttribute.WA_WState_Created)
        flags = Qt.WindowType.Window
        if not windowed:
            flags |= Qt.WindowType.FramelessWindowHint
        if not created and self.windowFlags() != flags:
            self.setWindowFlags(flags)
        geo: QRect = screen.geometry() if screen is not None else QRect(0, 0, *WINDOWED_SIZE)
        if created and self.windowHandle() is not None and screen is not None:
            self.windowHandle().setScreen(screen)
        if windowed:
            avail = screen.availableGeometry() if screen is not None else geo
            w, h = WINDOWED_SIZE
            self.setGeometry(
                avail.x() + max(0, (avail.width() - w) // 2), avail.y() + max(0, (avail.height() - h) // 2), w, h
            )
            self.showNormal()
        else:
            self.setGeometry(geo)
            if not created:
                self.create()
            if self.windowHandle() is not None and screen is not None:
                self.windowHandle().setScreen(screen)
            self.showFullScreen()
        return warning

    # ---- events

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

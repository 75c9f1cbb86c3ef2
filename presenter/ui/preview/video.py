"""The video pane of the preview: a native surface for libVLC under a native cover."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from presenter.ui.surfaces import paint_black


class VideoPane(QWidget):
    """Black box with a native surface for libVLC and a native cover (black, with a message) over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewVideo")
        paint_black(self)
        self.surface = _Surface(self)
        self.cover = QLabel(self)
        self.cover.setObjectName("previewCover")
        self.cover.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.cover.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setWordWrap(True)
        self.cover.setMargin(16)
        paint_black(self.cover)
        self.cover.setStyleSheet("color:#e8e8e8;font-size:15px;")
        self.cover.setText(self.tr("Select a clip to preview it"))
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._covered = True
        self.cover.raise_()

    def handle(self) -> int:
        return int(self.surface.winId())

    def show_video(self) -> None:
        self._covered = False
        self.surface.raise_()

    def show_message(self, text: str) -> None:
        self._covered = True
        self.cover.setText(text)
        self.cover.raise_()

    def is_covered(self) -> bool:
        return self._covered

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.surface.setGeometry(self.rect())
        self.cover.setGeometry(self.rect())
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * 9 // 16


class _Surface(QWidget):
    """A native child window for libVLC, painted black by Qt.

    libVLC draws the picture into a window of its own inside this one, sized to the picture; the
    letterbox bars around it are this widget's black (the X11 output, unlike OpenGL, does not clear
    them, and without Qt painting them they would show stale pixels).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("previewSurface")
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        paint_black(self)

"""What every video surface (the program output's, the preview's) shares: the one black palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget


def paint_black(widget: QWidget) -> None:
    """Qt paints *widget* black (window and base roles): letterbox bars, never stale pixels."""
    pal = widget.palette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        pal.setColor(role, QColor(0, 0, 0))
    widget.setPalette(pal)
    widget.setAutoFillBackground(True)

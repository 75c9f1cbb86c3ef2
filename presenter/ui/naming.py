"""`named(widget, "objectName")`: a widget with its object name, typed.

PySide6 accepts Qt properties as constructor keywords (``QLabel(objectName="x")``), but its type
stubs do not, so strictly typed windows name their widgets through this instead.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

_Q = TypeVar("_Q", bound=QObject)


def named(widget: _Q, name: str) -> _Q:
    """`widget` with `objectName` set to `name` (what tests and style sheets find it by)."""
    widget.setObjectName(name)
    return widget

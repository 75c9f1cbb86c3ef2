"""Set a widget's text or style sheet only when it changed.

The windows render every change of the show (a GO, a clip's progress 10 times a second, an OBS health
report). Qt lays a label out again for every setText and re-polishes a widget, laying out its parent,
for every setStyleSheet, even with the same value: that was a relayout of the window at every refresh
(issue 25's UI stall).
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def set_text(label: QLabel | QAbstractButton, text: str) -> None:
    """setText only on change: a 10 Hz refresh must not relayout the window ten times a second."""
    if label.text() != text:
        label.setText(text)


def set_style(widget: QWidget, sheet: str) -> None:
    """setStyleSheet only on change: a style sheet set again re-polishes the widget and lays out its parent
    (at every GO or every OBS health report, issue 25's UI stall)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)

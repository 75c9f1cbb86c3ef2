"""The moderator's window, in rooms: text fitting (text.py, points.py), the timer panel, message
and question (panels.py), colours (colours.py), layout (layout.py) and the window (window.py). What
it shows is computed by the Qt-free view model, presenter/moderator_view.py."""

from presenter.moderator_view import ModeratorView, describe
from presenter.ui.moderator.panels import MessageBox, QuestionPanel, TimerPanel
from presenter.ui.moderator.points import PointsView
from presenter.ui.moderator.text import FitText, break_lines
from presenter.ui.moderator.window import ModeratorWindow
from presenter.ui.moderator_colours import CLIP_COLOUR, MESSAGE_BACKGROUND, MESSAGE_BLINK_BACKGROUND, OVERTIME_DIM

__all__ = [
    "CLIP_COLOUR",
    "MESSAGE_BACKGROUND",
    "MESSAGE_BLINK_BACKGROUND",
    "OVERTIME_DIM",
    "FitText",
    "MessageBox",
    "ModeratorView",
    "ModeratorWindow",
    "PointsView",
    "QuestionPanel",
    "TimerPanel",
    "break_lines",
    "describe",
]

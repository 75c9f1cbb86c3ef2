"""Work after the show changed, once per turn of Qt's event loop: a window's repaint, the remote's
state push, the controller telling the windows of the playout's reports.

The controller tells every window at once when the show changes. Repainting inside that call put
every window's work into the GO itself (issue 25's soak: p95 36 ms per GO). A window that only
shows (the moderator's) repaints in a turn of its own right after, so input and timers run in
between, and changes that arrive in one turn are painted once. The director's running order, whose
keys and clicks act on its rows, repaints at once: a key pressed in the same turn must never act on
a row that is no longer there. The Questions window repaints in the next turn too: its rows never
move but by its own actions, which refresh it at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class NextTurn(QObject):
    """`soon()` calls `action` once in the next turn of the event loop, however often it was asked.

    A QObject, a child of `owner`: a signal connected to `soon` is disconnected when the owner goes
    (the controller outlives the remote's bridge; a plain callable would be called on a deleted timer).
    """

    def __init__(self, owner: QObject, action: Callable[[], None]) -> None:
        super().__init__(owner)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(action)
        self._action = action

    def soon(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """If it was asked for: now, not in the next turn."""
        if self._timer.isActive():
            self._timer.stop()
            self._action()

    def cancel(self) -> None:
        """Not after all (it was done another way meanwhile)."""
        self._timer.stop()

"""Python's garbage collector runs in the UI thread only.

CPython collects reference cycles in whichever thread happens to allocate when a threshold is passed:
libVLC's control thread, the OBS link's, the remote server's. A Qt object (a window, a timer) in such a
cycle is then deleted outside Qt's thread, which Qt answers with "Timers cannot be stopped from another
thread" or a crash. So the automatic collector is switched off and the same thresholds are checked here,
on a timer of the UI thread, which collects the same generations CPython would have.

A pass over the oldest generation walks every object the app holds: 33-43 ms on a 2-core machine after
start-up (~60,000 objects: Qt's wrappers, the show, the modules), a frame and more of the UI thread. So
once start-up is over, everything is collected once and what is left is set aside (`gc.freeze`): later
passes walk only what was made since (issue 24/25's longest UI stalls).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250  # often enough that garbage never piles up; a young-generation pass takes well under 1 ms
# A pass over the oldest generation walks every object the app holds; CPython itself skips most of them (it waits
# until a quarter of the heap is new), which Python code cannot see: so at most one such pass in this long.
FULL_PASS_EVERY_S = 600.0
SETTLE_S = 2.0  # start-up is over by then (the windows are up, the show is loaded): what exists is set aside


class UiThreadCollector(QObject):
    """Owns garbage collection for the process while it lives (see the module's text)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last_full = self._started = time.monotonic()
        self._settled = False
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold, as CPython would; -1: none was due."""
        if not self._settled and time.monotonic() - self._started >= SETTLE_S:
            self.settle()
            return 2
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = -1
        for generation in range(3):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                due = generation
        if due == 2:
            if time.monotonic() - self._last_full < FULL_PASS_EVERY_S:
                due = 1
            else:
                self._last_full = time.monotonic()
        if due >= 0:
            gc.collect(due)
        return due

    def settle(self) -> None:
        """Collect everything once and set aside what is left: later passes walk only what was made since."""
        gc.collect()
        gc.freeze()
        self._settled = True
        self._last_full = time.monotonic()

    def stop(self) -> None:
        """Back to CPython's own collector (at shutdown, and in tests)."""
        self._timer.stop()
        gc.unfreeze()
        gc.enable()

"""Parts of the cross-face test (test_cross_face.py): a clock the test can move on, a program output
that plays clips in real time without pictures, and one reading of every face."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer, Signal

from presenter.playout.interface import OutputState, OutputStatus
from presenter.playout.silent import SilentPlayout

STATUS_MS = 200  # the real program output reports its position about this often


class ShiftClock:
    """Real time from `start` (a wall time of the show day), plus whatever the test skips with `skip`
    (the undo window, the hard out): every part of the app reads this one clock."""

    def __init__(self, start: datetime) -> None:
        self._mono0 = time.monotonic()
        self._start = start
        self.offset = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.offset

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._mono0 + self.offset)

    def skip(self, seconds: float) -> None:
        self.offset += seconds


class TimedPlayout(SilentPlayout):
    """Plays a clip in real time (no pictures): take, pause, resume, restart and panic change what it
    plays as libVLC's program output does, and it reports its position like it. `durations` by
    segment id; a clip ends by itself at its end (end action "next" or "hold" as taken)."""

    armed = Signal(str)  # the program output's other signals (the app forwards them)
    clip_started = Signal(str)

    def __init__(self, durations: dict[str, float]) -> None:
        super().__init__()
        self.durations = durations
        self.segment: str | None = None
        self.state = OutputState.IDLE
        self._base = 0.0  # position at _since
        self._since = time.monotonic()
        self.calls: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def position(self) -> float:
        if self.state is OutputState.PLAYING:
            return self._base + time.monotonic() - self._since
        return self._base

    def _set(self, state: OutputState, position: float) -> None:
        self.state, self._base, self._since = state, position, time.monotonic()

    def take(self, segment_id: str, path: Path, end_action: str, *, start_at_s: float = 0.0) -> None:
        self.calls.append(f"take {segment_id} {start_at_s:.1f}")
        self.segment = segment_id
        self._set(OutputState.PLAYING, start_at_s)

    def go_black(self) -> None:
        self.calls.append("black")
        self.segment = None
        self._set(OutputState.BLACK, 0.0)

    def pause(self) -> None:
        self.calls.append("pause")
        if self.state is OutputState.PLAYING:
            self._set(OutputState.PAUSED, self.position())

    def resume(self) -> None:
        self.calls.append("resume")
        if self.state is OutputState.PAUSED:
            self._set(OutputState.PLAYING, self.position())

    def restart(self) -> None:
        self.calls.append("restart")
        if self.segment is not None:
            self._set(OutputState.PLAYING, 0.0)

    def panic(self) -> None:
        self.calls.append("panic")
        self._set(OutputState.BLACK, 0.0)

    def status(self) -> OutputStatus:
        duration = self.durations.get(self.segment or "")
        return OutputStatus(self.state, self.segment, self.position(), duration, None, None)

    def _tick(self) -> None:
        if self.segment is None or self.state not in (OutputState.PLAYING, OutputState.PAUSED):
            return
        duration = self.durations.get(self.segment)
        if duration is not None and self.position() >= duration:
            ended = self.segment
            self._set(OutputState.HELD, duration)
            self.clip_ended.emit(ended)
            return
        self.status_changed.emit(self.status())


def seconds_of(text: str) -> float:
    """ "1:23" → 83, "+0:05" → −5, "1:02:03" → 3723 (a countdown as the faces write it)."""
    sign = -1 if text.startswith("+") else 1
    parts = [int(part) for part in text.lstrip("+−-").split(":")]
    total = 0
    for part in parts:
        total = total * 60 + part
    return sign * total


CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def chromium(profile: Path, chromium_path: Path, driver_path: Path, width: int = 1280, height: int = 720):
    """Debian's headless Chromium through Selenium, as tests/remote/test_remote_browser.py drives it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium_path)
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile / 'chromium-profile'}")
    options.add_argument(f"--window-size={width},{height}")
    return webdriver.Chrome(options=options, service=Service(str(driver_path)))

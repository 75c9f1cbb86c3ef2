#!/usr/bin/env python3
"""How far can the moderator trust the timer? Drives the real moderator window.

1. Accuracy: the bundled 90-minute show on a fake clock advanced in irregular steps of 37–113 ms,
   from four minutes before the start to off air; each live segment ends by GO at its planned end
   plus an overrun (or a little early), each clip plays its full length with position reports as a
   player sends them (the truth during a clip: back on air after it and the clips that follow it
   by themselves). At every step the window renders (and paints what changed), and its digits
   are compared with the truth the benchmark computes itself from the GO timestamps:
     - max_error_s: the largest |displayed − true remaining| (one display tick = 1 s allows < 1 s),
     - drift_s: mean (displayed − truth rounded the display's way) over the last tenth of the show
       minus the same over the first tenth: 0 unless the display drifts from the timestamps,
     - skipped_seconds / repeated_seconds: displayed seconds jumped over or shown a second time.
2. CPU: process CPU time over a few real seconds with the real SystemClock while the window is
   idle (off air: nothing moves but the clock), in standby (countdown) and counting (on air).
3. Digit lateness, in real time: the real window with the real SystemClock and the controller, for
   REALTIME_S (60 s) of a live segment (the welcome) and of a clip segment (MiniMOGLI, then its
   chain). The clip segment runs on a silent playout that reports the clip's position every
   250 ms through the controller, as the real program playout does (ReportingPlayout below). An
   event filter notes when the timer widget paints a new text; the true boundary of each displayed
   second is the segment's on-air instant plus a whole number of seconds, so the lateness of a new
   digit is how far past such a boundary it was painted: digit_late_ms {median, p95, max}, per kind
   too, and the process CPU over each 60 s (% of one core). Baseline: the same window refreshed by
   the fixed 100 ms loop it had before, for 30 s of the live segment in five runs whose GO falls at
   different phases of the loop (digit_late_ms_baseline).

    .venv/bin/python benchmarks/timer_accuracy.py            # Qt offscreen unless DISPLAY is set
    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python benchmarks/timer_accuracy.py

The last line is one JSON object with the figures.
"""

from __future__ import annotations

import json
import math
import os
import random
import statistics
import sys
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "xcb" if os.environ.get("DISPLAY") else "offscreen"

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from presenter.clock import FakeClock, SystemClock  # noqa: E402
from presenter.controller import ShowController  # noqa: E402
from presenter.playout.program import OutputState, OutputStatus  # noqa: E402
from presenter.playout.silent import SilentPlayout  # noqa: E402
from presenter.run.engine import Mode  # noqa: E402
from presenter.show import load_show  # noqa: E402
from presenter.ui.moderator import ModeratorWindow  # noqa: E402

SHOW = ROOT / "assets" / "smart-rlp.yaml"
SIZE = (1920, 1080)
SEED = 20210119
STEP_S = (0.037, 0.113)
OVERRUN_S = (-20.0, 75.0)  # GO this long after a live segment's planned end
REPORT_EVERY_S = 0.25  # a player's position reports during a clip
CPU_SECONDS = 4.0
REALTIME_S = float(os.environ.get("TIMER_ACCURACY_REALTIME_S", "60"))  # per segment kind; the issue asks ≥ 60
BASELINE_S = float(os.environ.get("TIMER_ACCURACY_BASELINE_S", "30"))
BASELINE_POLL_MS = 100  # the window's refresh before issue 10: a fixed 10 Hz loop
BASELINE_PHASES_S = (0.51, 0.53, 0.55, 0.57, 0.59)  # window up this long before GO


def displayed_seconds(text: str) -> int:
    """'4:12' → 252, '+1:23' → −83, '1:02:03' → 3723."""
    sign = -1 if text.startswith("+") else 1
    total = 0
    for part in text.lstrip("+").split(":"):
        total = total * 60 + int(part)
    return sign * total


def ideal_display(truth: float) -> int:
    """The truth rounded the display's way: up in magnitude, so each value shows for one second."""
    return math.ceil(truth - 1e-9) if truth >= 0 else -math.ceil(-truth - 1e-9)


def ordinal(value: int) -> int:
    """Consecutive display states: … 0:02 → 2, 0:01 → 1, +0:01 → 0, +0:02 → −1 (0:00 lasts no time)."""
    return value if value > 0 else value + 1


class Run:
    """The accuracy run: the benchmark keeps its own timestamps and compares."""

    def __init__(self, app: QApplication):
        self.app = app
        self.rng = random.Random(SEED)
        self.show = load_show(SHOW)
        start = self.show.start_datetime
        self.clock = FakeClock(start - timedelta(minutes=4, seconds=12.3))
        self.controller = ShowController(self.show, self.clock, playout=SilentPlayout())
        self.window = ModeratorWindow(self.controller, self.clock)
        self.window.resize(*SIZE)
        self.window.show()
        app.processEvents()
        self.errors: list[float] = []
        self.tick_errors: list[int] = []  # displayed − ideal, 0 when right
        self.render_ms: list[float] = []
        self.skipped = 0
        self.repeated = 0
        self.shown_for: list[float] = []  # how long each displayed second stayed (fake time)
        # (context, ordinal, since, whether that value was entered by a change we saw)
        self._last: tuple[str, int, float, bool] | None = None

    def sample(self, context: str, truth: float) -> None:
        timer = QElapsedTimer()
        timer.start()
        self.window.render_now()
        self.app.processEvents()  # paint what changed, as the event loop would
        self.render_ms.append(timer.nsecsElapsed() / 1e6)
        text = self.window.timer.text()
        value = displayed_seconds(text)
        self.errors.append(value - truth)
        self.tick_errors.append(value - ideal_display(truth))
        now = self.clock.monotonic()
        current = ordinal(value)
        if self._last is not None and self._last[0] == context:
            _, previous, since, whole = self._last
            if current != previous:
                step = previous - current
                if step > 1:
                    self.skipped += step - 1
                elif step < 1:
                    self.repeated += 1
                if whole:  # the first value of a segment was on screen before we looked
                    self.shown_for.append(now - since)
                self._last = (context, current, now, True)
            return
        self._last = (context, current, now, False)

    def step(self) -> None:
        self.clock.advance(self.rng.uniform(*STEP_S))

    def chain_after(self, index: int) -> float:
        """The clips that follow clip `index` by themselves (end action next) until the next live
        segment: the moderator is back on air only after them."""
        total = 0.0
        segments = self.show.segments
        while segments[index].end_action == "next" and index + 1 < len(segments) and segments[index + 1].is_clip:
            index += 1
            total += self.show.planned_duration(segments[index])
        return total

    def standby(self) -> None:
        start = self.show.start_datetime
        while True:
            self.step()
            truth = (start - self.clock.now()).total_seconds()
            if truth <= 0:
                break
            self.sample("standby", truth)
        self.controller.go()

    def segments(self) -> None:
        engine = self.controller.engine
        for index, segment in enumerate(self.show.segments):
            on_air = self.clock.monotonic()
            planned = self.show.planned_duration(segment)
            snapshot = self.controller.snapshot()
            assert snapshot.current is not None and snapshot.current.index == index, "the show ran off its order"
            if segment.is_clip:
                chained = self.chain_after(index)
                last_report = -math.inf
                while True:
                    self.step()
                    position = self.clock.monotonic() - on_air
                    if position >= planned:
                        break
                    if position - last_report >= REPORT_EVERY_S:
                        engine.clip_progress(segment.id, position, planned, playing=True)
                        last_report = position
                    self.sample(segment.id, planned - position + chained)
                engine.clip_ended(segment.id)  # end action "next"
            else:
                go_at = planned + self.rng.uniform(*OVERRUN_S)
                while True:
                    self.step()
                    elapsed = self.clock.monotonic() - on_air
                    if elapsed >= go_at:
                        break
                    self.sample(segment.id, planned - elapsed)
                self.controller.go()
        assert self.controller.snapshot().mode is Mode.ENDED
        self.window.render_now()
        assert self.window.timer.text() == "off air"

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()
        self.app.processEvents()


def cpu_percent(app: QApplication, window: ModeratorWindow, seconds: float) -> tuple[float, int]:
    """Process CPU over `seconds` of the real event loop, in % of one core, and the refreshes done."""
    refreshes = 0

    def count() -> None:
        nonlocal refreshes
        refreshes += 1

    window._refresh.timeout.connect(count)
    app.processEvents()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()  # a real event loop: it sleeps until the window's refresh timer fires
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    window._refresh.timeout.disconnect(count)
    return 100.0 * cpu / wall, refreshes


def cpu_run(app: QApplication) -> dict[str, tuple[float, int]]:
    show = load_show(SHOW)
    now = datetime.now()
    results = {}
    # Standby: the planned start twenty minutes from now, today.
    if (now + timedelta(minutes=30)).date() == now.date():
        start = (now + timedelta(minutes=20)).time().replace(microsecond=0)
        end = (now + timedelta(minutes=29)).time().replace(microsecond=0)
        show = replace(show, date=now.date(), start=start, end=end)
    controller = ShowController(show, SystemClock(), playout=SilentPlayout())
    window = ModeratorWindow(controller)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    results["standby"] = cpu_percent(app, window, CPU_SECONDS)
    controller.go()
    results["counting"] = cpu_percent(app, window, CPU_SECONDS)
    controller.jump(len(show.segments) - 1)  # the last segment next, GO airs it, GO again: off air
    controller.go()
    time.sleep(0.35)  # past the double-press guard
    controller.go()
    assert controller.snapshot().mode is Mode.ENDED
    window.render_now()
    results["idle"] = cpu_percent(app, window, CPU_SECONDS)
    window.close()
    window.deleteLater()
    app.processEvents()
    return results


class ReportingPlayout(SilentPlayout):
    """Plays nothing but reports the clip on air like the program playout: its position every
    250 ms (the real one reports at libVLC's pace, about 4 Hz), through status_changed."""

    def __init__(self) -> None:
        super().__init__()
        self._segment: str | None = None
        self._started = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._report)

    def take(self, segment_id, path, end_action, *, start_at_s: float = 0.0) -> None:
        self._segment = segment_id
        self._started = time.monotonic() - start_at_s
        self._report()
        self._timer.start(round(REPORT_EVERY_S * 1000))

    def go_black(self) -> None:
        self._timer.stop()
        self._segment = None

    def _report(self) -> None:
        if self._segment is None:
            return
        position = time.monotonic() - self._started
        status = OutputStatus(OutputState.PLAYING, self._segment, position, None, None, None)
        self.status_changed.emit(status)


class PaintWatch(QObject):
    """Notes the monotonic time whenever the timer widget is painted with a new text."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.widget = widget
        self.changes: list[tuple[float, str]] = []
        self._last = None
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            text = self.widget.text()
            if text != self._last:
                self.changes.append((time.monotonic(), text))
                self._last = text
        return False


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    if not ordered:
        return {"median": None, "p95": None, "max": None, "n": 0}
    p95 = ordered[min(math.ceil(0.95 * len(ordered)) - 1, len(ordered) - 1)]
    return {
        "median": round(statistics.median(ordered), 2),
        "p95": round(p95, 2),
        "max": round(ordered[-1], 2),
        "n": len(ordered),
    }


class PollingWindow(ModeratorWindow):
    """The baseline: the window refreshed by a fixed loop, as before (a 100 ms QTimer)."""

    def __init__(self, controller: ShowController, poll_ms: int):
        self._poll_ms = poll_ms
        super().__init__(controller)

    def _schedule(self, view, spent_s: float) -> None:
        if self.isVisible() and not (self._refresh.isActive() and not self._refresh.isSingleShot()):
            self._refresh.setSingleShot(False)
            self._refresh.start(self._poll_ms)


def _wait(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def realtime_kind(
    app: QApplication, kind: str, seconds: float, poll_ms: int | None = None, delay_s: float = 0.0
) -> tuple[list[float], float]:
    """Digit lateness (ms) over `seconds` of a live or a clip segment in real time, and CPU %.
    `delay_s`: how long the window is up before GO (the phase of a polling loop)."""
    show = load_show(SHOW)
    controller = ShowController(show, SystemClock(), playout=ReportingPlayout())
    window = ModeratorWindow(controller) if poll_ms is None else PollingWindow(controller, poll_ms)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    _wait(delay_s)
    if kind == "live":
        controller.go()  # the welcome, 5:00
    else:
        controller.jump(next(i for i, s in enumerate(show.segments) if s.is_clip))
        controller.go()  # jump only sets what GO airs
    engine = controller.engine
    on_air = engine.runs[engine.current].on_air_since
    watch = PaintWatch(window.timer)
    app.processEvents()
    watch.changes.clear()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    _wait(seconds)
    cpu = 100.0 * (time.process_time() - cpu0) / (time.perf_counter() - wall0)
    late = []
    for when, _text in watch.changes[1:]:  # the first text was on screen before we looked
        since = when - on_air
        late.append(1000.0 * (since - math.floor(since)))
    window.close()
    window.deleteLater()
    controller.playout.go_black()
    app.processEvents()
    return late, cpu


def realtime_run(app: QApplication) -> dict:
    kinds = {}
    for kind in ("live", "clip"):
        late, cpu = realtime_kind(app, kind, REALTIME_S)
        kinds[kind] = {"late_ms": late, "cpu": cpu}
        stats = _percentiles(late)
        print(
            f"real time, {kind} segment, {REALTIME_S:.0f} s: {stats['n']} new digits painted "
            f"median {stats['median']} ms, p95 {stats['p95']} ms, max {stats['max']} ms after the true "
            f"boundary; cpu {cpu:.2f} % of one core"
        )
    return kinds


def accuracy_run(app: QApplication) -> dict:
    """Part 1: the whole show on a fake clock; prints and returns the figures."""
    started = time.perf_counter()
    run = Run(app)
    run.standby()
    run.segments()
    show_s = run.clock.monotonic() - 1000.0
    run.close()
    took = time.perf_counter() - started

    n = len(run.errors)
    max_error = max(abs(e) for e in run.errors)
    tenth = max(n // 10, 1)
    drift = statistics.fmean(run.tick_errors[-tenth:]) - statistics.fmean(run.tick_errors[:tenth])
    wrong_ticks = sum(1 for e in run.tick_errors if e)
    render = sorted(run.render_ms)
    median_render = statistics.median(render)
    p95_render = render[min(int(0.95 * len(render)), len(render) - 1)]
    longest = max(run.shown_for)
    print(
        f"accuracy: {n} renders over {show_s / 60:.1f} simulated minutes "
        f"(steps {STEP_S[0] * 1000:.0f}–{STEP_S[1] * 1000:.0f} ms, {took:.1f} s real)"
    )
    print(f"  largest |displayed − true remaining|: {max_error:.4f} s (one display tick: 1 s)")
    print(f"  drift (last tenth − first tenth, against the ideal display): {drift:+.3f} s")
    print(f"  renders showing another value than the ideal display: {wrong_ticks}")
    print(f"  seconds skipped: {run.skipped}, seconds shown twice: {run.repeated}")
    print(
        f"  each displayed second stayed {min(run.shown_for):.3f}–{longest:.3f} s "
        f"(steps up to {STEP_S[1]:.3f} s make it ±one step)"
    )
    print(f"  render (render_now + paint): median {median_render:.3f} ms, p95 {p95_render:.3f} ms")
    return {
        "max_error_s": round(max_error, 4),
        "drift_s": round(drift, 3),
        "skipped_seconds": run.skipped,
        "repeated_seconds": run.repeated,
        "n": n,
        "median_render_ms": round(median_render, 3),
        "p95_render_ms": round(p95_render, 3),
    }


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    platform = app.platformName()
    print(f"moderator window {SIZE[0]}x{SIZE[1]} on Qt platform '{platform}'")
    accuracy = accuracy_run(app)

    cpu = cpu_run(app)
    for state, (percent, refreshes) in cpu.items():
        print(
            f"cpu {state:>8}: {percent:.2f} % of one core over {CPU_SECONDS:.0f} s, "
            f"{refreshes} refreshes ({refreshes / CPU_SECONDS:.1f}/s)"
        )

    realtime = realtime_run(app)
    everything = realtime["live"]["late_ms"] + realtime["clip"]["late_ms"]
    total = _percentiles(everything)
    print(f"digit lateness, both kinds: median {total['median']} ms, p95 {total['p95']} ms, max {total['max']} ms")
    late = []
    for phase in BASELINE_PHASES_S:  # the loop's phase against the segment's start is chance: spread it
        late += realtime_kind(app, "live", BASELINE_S / len(BASELINE_PHASES_S), BASELINE_POLL_MS, phase)[0]
    baseline = _percentiles(late)
    print(
        f"baseline (a fixed {BASELINE_POLL_MS} ms refresh loop, live, {BASELINE_S:.0f} s): median "
        f"{baseline['median']} ms, p95 {baseline['p95']} ms, max {baseline['max']} ms"
    )

    result = {
        "benchmark": "timer_accuracy",
        **{key: accuracy[key] for key in ("max_error_s", "drift_s", "skipped_seconds", "repeated_seconds", "n")},
        "cpu_idle_percent": round(cpu["idle"][0], 2),
        "cpu_standby_percent": round(cpu["standby"][0], 2),
        "cpu_counting_percent": round(cpu["counting"][0], 2),
        "median_render_ms": accuracy["median_render_ms"],
        "p95_render_ms": accuracy["p95_render_ms"],
        "platform": platform,
        "baseline": "truth computed from timestamps; 1 s display tick",
        "goal": {
            "max_error_s": 1.0,
            "drift_s": 0,
            "cpu_counting_percent": 2.0,
            "digit_late_ms_p95": 20.0,
            "cpu_realtime_percent": 2.0,
        },
        "digit_late_ms": {
            "median": total["median"],
            "p95": total["p95"],
            "max": total["max"],
            "n": total["n"],
            "live": _percentiles(realtime["live"]["late_ms"]),
            "clip": _percentiles(realtime["clip"]["late_ms"]),
        },
        "digit_late_ms_baseline": {**baseline, "refresh": f"fixed {BASELINE_POLL_MS} ms loop", "s": BASELINE_S},
        "realtime_s": REALTIME_S,
        "cpu_realtime_percent": {
            "live": round(realtime["live"]["cpu"], 2),
            "clip": round(realtime["clip"]["cpu"], 2),
        },
        "clip_playout": "silent playout reporting positions every 250 ms through the controller",
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

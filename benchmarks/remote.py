"""Remote control: command → state latency (OSC, HTTP), GO → 20 WebSocket views, browser vs desktop timer, UI stall.

Run: ``.venv/bin/python benchmarks/remote.py [--short]`` (starts its own 24-bit Xvfb when there is no
DISPLAY; needs Debian's chromium + chromedriver). Everything on 127.0.0.1, one process for the app side:

- OSC and HTTP: a command leaves the client (time taken before the send) → the controller's `changed`
  (n ≥ 100 each, `addtime` ±1 s paced under the flood limit). Baseline: the same intent from the keyboard
  path (`ShowController.add_time` called in the main thread).
- GO → the new state received by each of 20 WebSocket clients (asyncio clients in a thread); baseline 1 client.
- Desktop vs browser: the moderator window (Xvfb) and /moderator in headless Chromium run side by side for
  130 s (``--short``: 25 s) with a GO and +1 min inside; for every displayed second, when it changed on each
  (the desktop: `FitText.setText` of the timer; the browser: its own record, on the server's clock through the
  ping/pong offset). Both are also compared with the exact instant the second should change.
- The longest stall of the UI thread (a 5 ms QTimer's late wake-ups) with the director and moderator windows
  open, GOs every 3 s, with 20 views connected; baseline: the remote off.

Prints human-readable lines, then ONE JSON object on the last line.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xvfb_display import start_xvfb, stop_xvfb  # noqa: E402  (beside this script)

PIN = "975310"
N_COMMANDS = 120
PACE_S = 0.045  # under the flood limit (30 a second from one source)
CLIENTS = 20
GO_ROUNDS = 15
STALL_S = 20.0
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
CHROME_FLAGS += "--disable-sync --no-first-run"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def summary(values_s: list[float]) -> dict:
    ms = [v * 1000 for v in values_s]
    return {"n": len(ms), "median_ms": round(statistics.median(ms), 2), "p95_ms": round(pct(ms, 95), 2),
            "max_ms": round(max(ms), 2)}  # fmt: skip


class Rig:
    """The app side: controller, remote (HTTP + OSC), the Qt event loop pumped by hand."""

    def __init__(self, app):
        from presenter.controller import ShowController
        from presenter.remote.auth import Secrets
        from presenter.remote.service import Remote
        from presenter.show import load_show

        self.app = app
        self.controller = ShowController(load_show(ROOT / "assets" / "smart-rlp.yaml"))
        self.remote = Remote(self.controller, Secrets(PIN))
        assert self.remote.start_http("127.0.0.1", 0, remember=False)
        assert self.remote.start_osc("127.0.0.1", 0, remember=False)
        self.http = f"http://127.0.0.1:{self.remote.http_address[1]}"
        self.changed_at: list[float] = []
        self.controller.changed.connect(lambda: self.changed_at.append(time.monotonic()))

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.0005)

    def pump_until(self, condition, timeout: float = 5.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the app did not answer in time")
            self.app.processEvents()
            time.sleep(0.0002)


def bench_keyboard(rig: Rig) -> list[float]:
    samples = []
    for n in range(N_COMMANDS):
        before = len(rig.changed_at)
        started = time.monotonic()
        rig.controller.add_time(1 if n % 2 == 0 else -1)
        rig.pump_until(lambda before=before: len(rig.changed_at) > before)
        samples.append(rig.changed_at[before] - started)
    return samples


def bench_osc(rig: Rig) -> list[float]:
    from pythonosc.osc_message_builder import OscMessageBuilder

    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    target = ("127.0.0.1", rig.remote.osc_address[1])
    samples = []
    for n in range(N_COMMANDS):
        builder = OscMessageBuilder(address="/presenter/addtime")
        builder.add_arg(1.0 if n % 2 == 0 else -1.0)
        packet = builder.build().dgram
        before = len(rig.changed_at)
        started = time.monotonic()
        sender.sendto(packet, target)
        rig.pump_until(lambda before=before: len(rig.changed_at) > before)
        samples.append(rig.changed_at[before] - started)
        rig.pump(PACE_S)
    sender.close()
    return samples


def bench_http(rig: Rig) -> list[float]:
    sent: list[float] = []
    statuses: list[int] = []

    def client():
        for n in range(N_COMMANDS):
            url = f"{rig.http}/api/v1/addtime?s={1 if n % 2 == 0 else -1}"
            request = urllib.request.Request(url, headers={"X-Presenter-Pin": PIN})  # the PIN as browsers can't forge
            sent.append(time.monotonic())
            with urllib.request.urlopen(request, timeout=10) as response:
                statuses.append(response.status)
            time.sleep(PACE_S)

    first = len(rig.changed_at)
    thread = threading.Thread(target=client)
    thread.start()
    rig.pump_until(lambda: not thread.is_alive(), timeout=120)
    assert statuses.count(200) == N_COMMANDS, statuses
    return [rig.changed_at[first + n] - sent[n] for n in range(N_COMMANDS)]


class Views:
    """`count` WebSocket clients in a process of their own (as phones would be), noting when each state arrives.

    Times are time.monotonic() readings, the same clock in both processes (CLOCK_MONOTONIC)."""

    def __init__(self, url: str, count: int):
        import subprocess

        self.count = count
        self.received: list[list[tuple[float, dict]]] = [[] for _ in range(count)]
        self.ready = threading.Event()
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--views-child", url, str(count)], stdout=subprocess.PIPE, text=True
        )
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()
        self.ready.wait(30)

    def _read(self):
        for line in self.process.stdout:
            if line.startswith("ready"):
                self.ready.set()
                continue
            n, at, number = line.split()
            self.received[int(n)].append((float(at), {"on_air": {"number": int(number)} if number != "-" else None}))

    def close(self):
        self.process.terminate()
        self.process.wait(10)


async def _views_child(url: str, count: int) -> None:
    from websockets.asyncio.client import connect

    connections = [await connect(url) for _ in range(count)]

    async def read(ws, n):
        async for raw in ws:
            now = time.monotonic()
            message = json.loads(raw)
            if message.get("type") == "state":
                on_air = message["state"]["on_air"]
                print(n, now, on_air["number"] if on_air else "-", flush=True)

    print("ready", flush=True)
    await asyncio.gather(*(read(ws, n) for n, ws in enumerate(connections)))


def bench_go_to_views(rig: Rig, count: int) -> list[float]:
    views = Views(rig.http.replace("http:", "ws:") + "/ws", count)
    rig.pump_until(lambda: rig.remote.views_connected() >= count, timeout=20)
    rig.pump(1.0)
    samples = []
    controller = rig.controller
    for _ in range(GO_ROUNDS):
        expected = (controller.snapshot().next.index + 1) if controller.snapshot().next else None
        started = time.monotonic()
        controller.go()

        def arrived(expected=expected, started=started):
            return all(any(at >= started and (s["on_air"] or {}).get("number") == expected for at, s in got)
                       for got in views.received)  # fmt: skip

        rig.pump_until(arrived, timeout=10)
        for got in views.received:
            samples.append(next(at for at, s in got if at >= started and (s["on_air"] or {}).get("number") == expected)
                           - started)  # fmt: skip
        rig.pump(0.35)
        controller.back()
        rig.pump(0.35)
    views.close()
    return samples


def _seconds_shown(text: str) -> float | None:
    """The value a countdown text stands for: "4:32" → 272, "+0:05" → −5 (None for other texts)."""
    sign = -1 if text.startswith("+") else 1
    parts = text.lstrip("+").split(":")
    if not all(part.isdigit() for part in parts) or len(parts) not in (2, 3):
        return None
    value = 0
    for part in parts:
        value = value * 60 + int(part)
    return sign * value


def _ideal(changes_at_end: list[tuple[float, float]], text: str, at: float) -> float | None:
    """When `text` should have appeared: from the segment's end instant that held at `at`."""
    shown = _seconds_shown(text)
    ends = [end for since, end in changes_at_end if since <= at + 0.2]
    if shown is None or not ends or any(abs(at - since) < 0.6 for since, _ in changes_at_end):
        return None  # a change of state (GO, +1 min), not a second ticking by
    end = ends[-1]
    return end - shown if shown > 0 else end + (-shown - 1)


def bench_desktop_vs_browser(rig: Rig, duration_s: float, tmp: Path) -> dict:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from presenter.ui.moderator import ModeratorWindow

    moderator = ModeratorWindow(rig.controller)
    moderator.resize(1280, 720)
    moderator.show()
    desktop: list[tuple[str, float]] = []
    timer = moderator.timer
    original = timer.setText

    def recording(text, original=original):
        if text != timer.text():
            desktop.append((text, time.monotonic()))
        return original(text)

    timer.setText = recording
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROME_FLAGS.split():
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp / 'chromium'}")
    options.add_argument("--window-size=1180,820")
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    ends: list[tuple[float, float]] = []

    def note_end():
        snap = rig.controller.snapshot()
        if snap.remaining_s is not None:
            ends.append((time.monotonic(), time.monotonic() + snap.remaining_s))

    try:
        driver.get(f"{rig.http}/moderator")
        rig.pump(3.0)  # connected, clock synced
        started = time.monotonic()
        if rig.controller.snapshot().current is None:
            rig.controller.go()
        note_end()
        plan = [(duration_s * 0.3, lambda: rig.controller.add_time(60)), (duration_s * 0.6, rig.controller.go)]
        for at, action in plan:
            rig.pump(max(started + at - time.monotonic(), 0))
            action()
            note_end()
        rig.pump(max(started + duration_s - time.monotonic(), 0))
        browser = [(text, at) for text, at in driver.execute_script("return presenterRemote.changes")]
    finally:
        driver.quit()
        moderator.close()
    browser = [(text, at) for text, at in browser if at >= started]
    desktop = [(text, at) for text, at in desktop if at >= started]
    diffs, browser_lag, desktop_lag = [], [], []
    for text, at in browser:
        same = [d_at for d_text, d_at in desktop if d_text == text and abs(d_at - at) < 1.5]
        if same:
            diffs.append(at - min(same, key=lambda d_at: abs(d_at - at)))
        ideal = _ideal(ends, text, at)
        if ideal is not None and abs(at - ideal) < 1.5:
            browser_lag.append(at - ideal)
    for text, at in desktop:
        ideal = _ideal(ends, text, at)
        if ideal is not None and abs(at - ideal) < 1.5:
            desktop_lag.append(at - ideal)
    absolute = [abs(d) for d in diffs]
    return {
        "duration_s": duration_s,
        "seconds_compared": len(diffs),
        "abs_diff": summary(absolute),
        "browser_minus_desktop_median_ms": round(statistics.median(diffs) * 1000, 2),
        "browser_vs_exact": summary([abs(v) for v in browser_lag]),
        "desktop_vs_exact": summary([abs(v) for v in desktop_lag]),
    }


def longest_stall(rig: Rig, seconds: float) -> tuple[float, float]:
    """The longest time the UI thread was late for a 5 ms timer, with GOs every 3 s."""
    from PySide6.QtCore import QTimer

    last = [time.monotonic()]
    late: list[float] = []

    def tick():
        now = time.monotonic()
        late.append(max(now - last[0] - 0.005, 0.0))
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    started = time.monotonic()
    next_go = started + 1
    while time.monotonic() - started < seconds:
        rig.pump(0.05)
        if time.monotonic() >= next_go:
            rig.controller.go()
            next_go += 3
    timer.stop()
    print("  five longest stalls (ms):", sorted(round(v * 1000, 1) for v in late)[-5:])
    return max(late), pct(late, 99)


def bench_stall(rig: Rig, views: int) -> dict:
    from presenter.ui.director import DirectorWindow

    director = DirectorWindow(rig.controller)
    director.resize(1500, 850)
    director.show()
    rig.pump(1.0)
    baseline_http = rig.remote.http_address
    rig.remote.stop_http(remember=False)
    baseline = longest_stall(rig, STALL_S / 2)
    rig.controller.start_new_run()
    rig.remote.start_http(*baseline_http, remember=False)
    clients = Views(rig.http.replace("http:", "ws:") + "/ws", views)
    rig.pump_until(lambda: rig.remote.views_connected() >= views, timeout=20)
    with_views = longest_stall(rig, STALL_S)
    clients.close()
    director.closing_allowed = True
    director.close()
    return {"views": views, "longest_stall_ms": round(with_views[0] * 1000, 2),
            "p99_late_ms": round(with_views[1] * 1000, 2),
            "baseline_no_remote_ms": round(baseline[0] * 1000, 2),
            "baseline_p99_late_ms": round(baseline[1] * 1000, 2)}  # fmt: skip


def main() -> int:
    if sys.argv[1:2] == ["--views-child"]:
        asyncio.run(_views_child(sys.argv[2], int(sys.argv[3])))
        return 0
    short = "--short" in sys.argv
    xvfb = start_xvfb() if not os.environ.get("DISPLAY") else None
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        rig = Rig(app)
        if "--stall-only" in sys.argv:  # development: only the UI stall
            print(json.dumps(bench_stall(rig, CLIENTS)))
            return 0
        results: dict = {}
        stall = bench_stall(rig, CLIENTS)  # first: no browser or client process from the other parts still busy
        rig.controller.start_new_run()
        rig.controller.go()
        rig.pump(0.5)
        results["keyboard_baseline"] = summary(bench_keyboard(rig))
        results["osc_command_to_state"] = summary(bench_osc(rig))
        results["http_command_to_state"] = summary(bench_http(rig))
        for name in ("keyboard_baseline", "osc_command_to_state", "http_command_to_state"):
            r = results[name]
            print(f"{name:24}: median {r['median_ms']:6.2f} ms, p95 {r['p95_ms']:6.2f} ms, "
                  f"max {r['max_ms']:6.2f}; n={r['n']}")  # fmt: skip
        rig.controller.start_new_run()
        results["go_to_1_view_baseline"] = summary(bench_go_to_views(rig, 1))
        results[f"go_to_{CLIENTS}_views"] = summary(bench_go_to_views(rig, CLIENTS))
        for name in ("go_to_1_view_baseline", f"go_to_{CLIENTS}_views"):
            r = results[name]
            print(f"{name:24}: median {r['median_ms']:6.2f} ms, p95 {r['p95_ms']:6.2f} ms, "
                  f"max {r['max_ms']:6.2f}; n={r['n']}")  # fmt: skip
        rig.controller.start_new_run()
        with tempfile.TemporaryDirectory() as tmp:
            d = results["desktop_vs_browser"] = bench_desktop_vs_browser(rig, 25.0 if short else 130.0, Path(tmp))
        print(f"desktop vs browser ({d['duration_s']:.0f} s, {d['seconds_compared']} seconds): |difference| median "
              f"{d['abs_diff']['median_ms']} ms, p95 {d['abs_diff']['p95_ms']} ms, max {d['abs_diff']['max_ms']} ms; "
              f"vs the exact instant: browser p95 {d['browser_vs_exact']['p95_ms']} ms, "
              f"desktop p95 {d['desktop_vs_exact']['p95_ms']} ms")  # fmt: skip
        s = results["ui_stall"] = stall
        print(f"longest UI stall with {s['views']} views: {s['longest_stall_ms']} ms, p99 {s['p99_late_ms']} ms "
              f"(remote off: {s['baseline_no_remote_ms']} ms, p99 {s['baseline_p99_late_ms']} ms)")  # fmt: skip
        rig.remote.close()
        goals = {
            "command_p95_le_20ms": max(results["osc_command_to_state"]["p95_ms"],
                                       results["http_command_to_state"]["p95_ms"]) <= 20,
            "views_p95_le_50ms": results[f"go_to_{CLIENTS}_views"]["p95_ms"] <= 50,
            "browser_vs_desktop_p95_le_50ms_max_le_100ms": d["abs_diff"]["p95_ms"] <= 50
            and d["abs_diff"]["max_ms"] <= 100,
            "stall_le_16ms": s["longest_stall_ms"] <= 16,
        }  # fmt: skip
        for goal, met in goals.items():
            if not met:
                print(f"MISSED: {goal}")
        print(json.dumps({"benchmark": "remote", "short": short, **results, "goals_met": goals}))
    finally:
        if xvfb is not None:
            stop_xvfb(xvfb)
    return 0


if __name__ == "__main__":
    sys.exit(main())

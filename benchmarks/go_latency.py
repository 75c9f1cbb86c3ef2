"""GO -> clip visible on the program output window: armed (ours) vs cold start, UI stalls, RSS growth.

Run: ``.venv/bin/python benchmarks/go_latency.py`` (starts its own 24-bit Xvfb when there is no
DISPLAY, or with ``--own-xvfb``). Latency is measured by polling the window's pixels from the X
server (a 1x1 grab at 10 %/10 % of the window, ~0.5 ms per poll) from the moment ``take()`` is
called until the new clip's colour is there. Armed and cold cuts alternate in the same run; the
cold baseline is what most players do: a fresh media and player at GO.

UI-thread stalls are measured separately (a pixel-polling loop would hide them): a 1 ms precise
QTimer heartbeat runs while cuts and stops happen; the longest gap between two beats within 300 ms
after a GO / a go-black is the stall. RSS growth: VmRSS after a warm-up, then after 200 more clip
plays (arm, cut, stop).

Prints human-readable lines, then ONE JSON object on the last line.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xvfb_display import start_xvfb, stop_xvfb  # noqa: E402  (beside this script)

CLIPS = [
    ("green", ROOT / "assets" / "clips" / "minimogli.mp4", (0, 160, 80)),
    ("blue", ROOT / "assets" / "clips" / "autonomous-driving.mp4", (30, 60, 200)),
]
GOAL = {"armed_median_ms": 40.0, "speedup_min": 5.0, "max_ui_stall_ms": 16.0, "rss_growth_mb": 10.0}


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[max(0, math.ceil(p / 100.0 * len(s)) - 1)]


def summary(values: list[float]) -> dict:
    return {"median_ms": round(statistics.median(values), 1), "p95_ms": round(pct(values, 95), 1), "n": len(values)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cuts", type=int, default=30, help="armed cuts and cold cuts to measure (each)")
    ap.add_argument("--plays", type=int, default=200, help="clip plays for the RSS growth")
    ap.add_argument("--stall-cuts", type=int, default=20, help="cuts and stops for the UI stall measurement")
    ap.add_argument("--own-xvfb", action="store_true", help="start an Xvfb even if DISPLAY is set")
    ap.add_argument("--switch-interval-ms", type=float, default=None, help="sys.setswitchinterval (GIL)")
    args = ap.parse_args()

    if args.switch_interval_ms:
        sys.setswitchinterval(args.switch_interval_ms / 1000.0)
    xvfb = start_xvfb() if args.own_xvfb or not os.environ.get("DISPLAY") else None
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        return run(args, own_xvfb=xvfb is not None)
    finally:
        stop_xvfb(xvfb)


def run(args: argparse.Namespace, *, own_xvfb: bool) -> int:
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from presenter.playout.program import ProgramPlayout
    from presenter.playout.vlc import TRIM_DELAY_S, vlc_status
    from presenter.ui.program_output import ProgramOutputWindow

    app = QApplication.instance() or QApplication([])
    ok, libvlc = vlc_status()
    if not ok:
        print(libvlc)
        return 2
    win = ProgramOutputWindow()
    win.place(None, windowed=True)
    screen = win.screen()
    if screen.depth() < 24:
        print(f"warning: {screen.depth()}-bit display; libVLC colours are wrong below 24 bits (use --own-xvfb)")

    def spin(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)

    spin(0.3)
    px, py = win.width() // 10, win.height() // 10

    def pixel() -> tuple[int, int, int]:
        return screen.grabWindow(win.winId(), px, py, 1, 1).toImage().pixelColor(0, 0).getRgb()[:3]

    def near(rgb, ref) -> bool:
        return all(abs(a - b) <= 24 for a, b in zip(rgb, ref, strict=True))

    po = ProgramPlayout(win, ["--aout=adummy"])
    armed: list[str] = []
    failed: list[tuple[str, str]] = []
    po.armed.connect(armed.append)
    po.clip_failed.connect(lambda s, m: failed.append((s, m)))
    counter = iter(range(10**9))

    def wait_armed(seg: str, timeout: float = 5.0) -> None:
        end = time.perf_counter() + timeout
        while seg not in armed:
            if time.perf_counter() > end:
                raise RuntimeError(f"{seg} not armed in {timeout} s (failures: {failed})")
            app.processEvents()
            time.sleep(0.001)

    def go(kind: str, clip_index: int) -> float:
        """One GO; returns ms until the clip's colour is on the window."""
        _, path, colour = CLIPS[clip_index]
        seg = f"{kind}-{next(counter)}"
        if kind == "armed":
            po.arm(seg, path, "hold")
            wait_armed(seg)
            spin(0.25)  # the clip on air keeps playing meanwhile
        t0 = time.perf_counter()
        po.take(seg, path, "hold")
        while True:
            app.processEvents()
            if near(pixel(), colour):
                ms = (time.perf_counter() - t0) * 1000.0
                break
            if time.perf_counter() - t0 > 5.0:
                raise RuntimeError(f"{seg}: colour {colour} not seen within 5 s (last {pixel()})")
        spin(0.2)
        return ms

    print(f"{libvlc}; Qt {QApplication.platformName()}; display {os.environ.get('DISPLAY')}"
          f"{' (own Xvfb)' if own_xvfb else ''}, {screen.depth()}-bit; window {win.width()}x{win.height()}; "
          f"X backing store: {win.backing_store}")  # fmt: skip

    # ---- 1. latency, armed and cold alternating
    go("cold", 0)  # warm-up
    go("armed", 1)
    lat: dict[str, list[float]] = {"armed": [], "cold": []}
    for i in range(args.cuts * 2):
        kind = "armed" if i % 2 == 0 else "cold"
        lat[kind].append(go(kind, i % 2))
    for kind in ("armed", "cold"):
        s = summary(lat[kind])
        print(f"GO -> visible, {kind:5s}: median {s['median_ms']:6.1f} ms, p95 {s['p95_ms']:6.1f} ms, n={s['n']}")
    speedup = statistics.median(lat["cold"]) / max(statistics.median(lat["armed"]), 0.1)
    print(f"speedup (cold median / armed median): {speedup:.1f}x")

    # ---- 2. UI-thread stalls during cuts and during stops (1 ms heartbeat)
    beats: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(1)
    heart.timeout.connect(lambda: beats.append(clock.nsecsElapsed() / 1e6))

    def max_gap(t_from: float, t_to: float) -> float:
        window = [b for b in beats if t_from <= b <= t_to]
        before = [b for b in beats if b < t_from]
        if before:
            window.insert(0, before[-1])
        gaps = [b - a for a, b in itertools.pairwise(window)]
        return max(gaps) if gaps else float("nan")

    def spin_events(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()  # the heartbeat runs in here

    stall_cut: list[float] = []
    stall_stop: list[float] = []
    take_ms: list[float] = []
    heart.start()
    for i in range(args.stall_cuts):
        _, path, _ = CLIPS[i % 2]
        seg = f"stall-{next(counter)}"
        po.arm(seg, path, "hold")
        wait_armed(seg)
        spin_events(0.25)
        t_go = clock.nsecsElapsed() / 1e6
        t0 = time.perf_counter()
        po.take(seg, path, "hold")
        take_ms.append((time.perf_counter() - t0) * 1000)
        spin_events(0.35)
        stall_cut.append(max_gap(t_go, t_go + 300))
        t_stop = clock.nsecsElapsed() / 1e6
        po.go_black()
        spin_events(0.35)
        stall_stop.append(max_gap(t_stop, t_stop + 300))
    # the same windows while a clip just plays (no cut, no stop), for comparison
    stall_idle: list[float] = []
    seg = f"stall-{next(counter)}"
    po.take(seg, CLIPS[0][1], "hold")
    spin_events(0.5)
    for _ in range(args.stall_cuts):
        t_idle = clock.nsecsElapsed() / 1e6
        spin_events(0.35)
        stall_idle.append(max_gap(t_idle, t_idle + 300))
    po.go_black()
    spin_events(0.3)
    heart.stop()
    print(f"UI thread: longest stall during a cut {max(stall_cut):.1f} ms (median {statistics.median(stall_cut):.1f}), "
          f"during a stop {max(stall_stop):.1f} ms (median {statistics.median(stall_stop):.1f}); "
          f"take() itself max {max(take_ms):.2f} ms; n={len(stall_cut)}")  # fmt: skip
    print(f"  for comparison, the same 300 ms windows while a clip just plays: longest gap {max(stall_idle):.1f} ms "
          f"(median {statistics.median(stall_idle):.1f})")  # fmt: skip
    stops = po.stop_durations_ms
    if stops:
        print(f"libVLC stop() on the control thread: median {statistics.median(stops):.0f} ms, max {max(stops):.0f} ms "
              f"(n={len(stops)}, never on the UI thread)")  # fmt: skip

    # ---- 3. RSS growth over clip plays
    def play_once(i: int) -> None:
        _, path, _ = CLIPS[i % 2]
        seg = f"rss-{next(counter)}"
        po.arm(seg, path, "hold")
        wait_armed(seg)
        po.take(seg, path, "hold")
        spin(0.05)

    for i in range(10):
        play_once(i)
    po.go_black()
    spin(TRIM_DELAY_S + 1.5)  # settled: the players closed and the freed memory given back
    rss0 = rss_mb()
    t_plays = time.perf_counter()
    for i in range(args.plays):
        play_once(i)
    po.go_black()
    spin(TRIM_DELAY_S + 1.5)
    rss1 = rss_mb()
    growth = rss1 - rss0
    print(f"RSS: {rss0:.1f} MB after warm-up, {rss1:.1f} MB after {args.plays} more clip plays: "
          f"growth {growth:+.1f} MB ({time.perf_counter() - t_plays:.0f} s)")  # fmt: skip
    if failed:
        print(f"clip failures during the run: {failed[:3]}")

    po.shutdown(5.0)
    win.close()

    armed_s, cold_s = summary(lat["armed"]), summary(lat["cold"])
    met = {
        "armed_median": armed_s["median_ms"] <= GOAL["armed_median_ms"],
        "speedup": speedup >= GOAL["speedup_min"],
        "ui_stall_cut": max(stall_cut) <= GOAL["max_ui_stall_ms"],
        "ui_stall_stop": max(stall_stop) <= GOAL["max_ui_stall_ms"],
        "rss_growth": growth <= GOAL["rss_growth_mb"],
    }
    result = {
        "benchmark": "go_latency",
        "armed": armed_s,
        "cold": cold_s,
        "baseline": "cold start (fresh media and player at GO)",
        "speedup": round(speedup, 1),
        "max_ui_stall_cut_ms": round(max(stall_cut), 1),
        "max_ui_stall_stop_ms": round(max(stall_stop), 1),
        "max_ui_gap_no_cut_ms": round(max(stall_idle), 1),
        "take_call_max_ms": round(max(take_ms), 2),
        "rss_growth_mb_200_plays": round(growth * 200 / max(args.plays, 1), 1),
        "goal": GOAL,
        "goal_met": met,
        "env": {
            "libvlc": libvlc,
            "display": "own Xvfb 1920x1080x24" if own_xvfb else os.environ.get("DISPLAY"),
            "window": f"{win.width()}x{win.height()}",
            "x_backing_store": win.backing_store,
            "clip": "1280x720 25 fps H.264",
            "cpus": os.cpu_count(),
        },
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

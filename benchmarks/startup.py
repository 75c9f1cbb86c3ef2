"""Start-up: time from launch to the director window mapped, against a bare PySide6 window.

Run: ``.venv/bin/python benchmarks/startup.py [--runs N]`` (starts its own 24-bit Xvfb when there
is no DISPLAY). Each round launches, one after the other (the order alternates between rounds):

* Presenter (``run_presenter.py`` with the bundled show, ``--windowed --new-run``, a fresh state
  folder, libVLC without sound): from ``Popen`` to the X server mapping the window titled
  "Director — …";
* the baseline: a bare ``QWidget`` in a fresh Python, from ``Popen`` to its window mapped.

The map is seen as an X event (MapNotify on the root window, via libX11 and ctypes), not by polling.
Each process is ended (SIGTERM) once its window is mapped. Python's bytecode caches are used as an
installed application has them (PYTHONDONTWRITEBYTECODE is dropped and one warm-up launch of each
is not counted); ``--no-bytecode-cache`` keeps the environment as it is (every module compiled at
every start). Prints the median and p95 of both and
their ratio; the goal is a median at most 2× the bare window. ONE JSON object on the last line.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xvfb_display import start_xvfb, stop_xvfb  # noqa: E402  (beside this script)

GOAL_RATIO = 2.0
TIMEOUT_S = 30.0
BARE = (
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "w = QWidget()\n"
    "w.setWindowTitle('Director — bare')\n"
    "w.resize(1440, 860)\n"
    "w.show()\n"
    "app.exec()\n"
)
_MAP_NOTIFY = 19
_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19


class _MapEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    )


class _XEvent(ctypes.Union):
    _fields_ = (("type", ctypes.c_int), ("xmap", _MapEvent), ("pad", ctypes.c_long * 24))


class MapWatcher:
    """Our own X connection listening for top-level windows being mapped."""

    def __init__(self) -> None:
        x11 = ctypes.CDLL(ctypes.util.find_library("X11"))
        vp, ul = ctypes.c_void_p, ctypes.c_ulong
        x11.XOpenDisplay.restype = vp
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultRootWindow.restype = ul
        x11.XDefaultRootWindow.argtypes = [vp]
        x11.XSelectInput.argtypes = [vp, ul, ctypes.c_long]
        x11.XPending.argtypes = [vp]
        x11.XNextEvent.argtypes = [vp, ctypes.POINTER(_XEvent)]
        x11.XInternAtom.restype = ul
        x11.XInternAtom.argtypes = [vp, ctypes.c_char_p, ctypes.c_int]
        x11.XGetWindowProperty.argtypes = [
            vp, ul, ul, ctypes.c_long, ctypes.c_long, ctypes.c_int, ul, ctypes.POINTER(ul),
            ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ul), ctypes.POINTER(ul), ctypes.POINTER(ctypes.c_void_p),
        ]  # fmt: skip
        x11.XFree.argtypes = [vp]
        x11.XFlush.argtypes = [vp]
        x11.XConnectionNumber.argtypes = [vp]
        self.x11 = x11
        self.dpy = x11.XOpenDisplay(None)
        if not self.dpy:
            sys.exit("cannot open the X display")
        x11.XSelectInput(self.dpy, x11.XDefaultRootWindow(self.dpy), _SUBSTRUCTURE_NOTIFY_MASK)
        x11.XFlush(self.dpy)
        self.fd = x11.XConnectionNumber(self.dpy)
        self.net_wm_name = x11.XInternAtom(self.dpy, b"_NET_WM_NAME", 0)

    def _name(self, window: int) -> str:
        """The window's _NET_WM_NAME (UTF-8, as Qt sets it)."""
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        any_type = 0
        status = self.x11.XGetWindowProperty(
            self.dpy, window, self.net_wm_name, 0, 256, 0, any_type, ctypes.byref(kind), ctypes.byref(fmt),
            ctypes.byref(count), ctypes.byref(after), ctypes.byref(data),
        )  # fmt: skip
        if status != 0 or not data.value:
            return ""
        try:
            return ctypes.string_at(data.value, count.value).decode("utf-8", "replace")
        finally:
            self.x11.XFree(data)

    def drain(self) -> None:
        event = _XEvent()
        while self.x11.XPending(self.dpy):
            self.x11.XNextEvent(self.dpy, ctypes.byref(event))

    def wait_for(self, prefix: str, deadline: float) -> float | None:
        """monotonic() when a window whose title starts with `prefix` is mapped."""
        event = _XEvent()
        while time.monotonic() < deadline:
            while self.x11.XPending(self.dpy):
                self.x11.XNextEvent(self.dpy, ctypes.byref(event))
                if event.type == _MAP_NOTIFY and self._name(event.xmap.window).startswith(prefix):
                    return time.monotonic()
            select.select([self.fd], [], [], 0.005)
        return None


def launch(command: list[str], env: dict[str, str], watcher: MapWatcher, prefix: str) -> float:
    watcher.drain()
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        mapped = watcher.wait_for(prefix, started + TIMEOUT_S)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if mapped is None:
        sys.exit(f"no window {prefix!r} within {TIMEOUT_S} s: {' '.join(command)}")
    return (mapped - started) * 1000.0


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--runs", type=int, default=10, help="rounds (each: Presenter once, bare window once)")
    parser.add_argument("--label", default="", help="a note for the JSON line (e.g. before / after)")
    parser.add_argument("--no-bytecode-cache", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if set")
    options = parser.parse_args()
    xvfb = start_xvfb() if not os.environ.get("DISPLAY") else None
    try:
        watcher = MapWatcher()
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", PRESENTER_VLC_ARGS="--aout=adummy")
        if not options.no_bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        ours: list[float] = []
        bare: list[float] = []
        with tempfile.TemporaryDirectory() as folder:
            warm_up = [] if options.no_bytecode_cache else [-1]
            for round_ in [*warm_up, *range(options.runs)]:
                presenter = [sys.executable, "run_presenter.py", "--windowed", "--new-run", "--state-dir",
                             str(Path(folder) / f"state-{round_}")]  # fmt: skip
                bare_cmd = [sys.executable, "-c", BARE]
                order = [("ours", presenter), ("bare", bare_cmd)]
                if round_ % 2:
                    order.reverse()
                for which, command in order:
                    took = launch(command, env, watcher, "Director")
                    if round_ >= 0:
                        (ours if which == "ours" else bare).append(took)
    finally:
        stop_xvfb(xvfb)
    result = {
        "median_ms": round(statistics.median(ours), 1),
        "p95_ms": round(pct(ours, 95), 1),
        "baseline_median_ms": round(statistics.median(bare), 1),
        "baseline_p95_ms": round(pct(bare, 95), 1),
    }
    ratio = round(result["median_ms"] / result["baseline_median_ms"], 2)
    print(f"director window mapped: median {result['median_ms']} ms, p95 {result['p95_ms']} ms")
    print(f"bare PySide6 window:    median {result['baseline_median_ms']} ms, p95 {result['baseline_p95_ms']} ms")
    print(f"ratio {ratio} (goal ≤ {GOAL_RATIO}); n={len(ours)} each, alternating")
    print(
        json.dumps(
            {
                "benchmark": "startup",
                "label": options.label,
                **result,
                "ratio": ratio,
                "baseline": "a bare PySide6 QWidget in a fresh Python, measured in the same run",
                "goal": {"ratio_max": GOAL_RATIO},
                "goal_met": ratio <= GOAL_RATIO,
                "n": len(ours),
                "bytecode_cache": not options.no_bytecode_cache,
                "env": {"cpus": os.cpu_count(), "display": "own Xvfb" if xvfb else os.environ.get("DISPLAY")},
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

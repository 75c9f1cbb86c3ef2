"""GO in the director window with a long running order: intent, snapshot and render.

Run: ``.venv/bin/python benchmarks/director_go.py`` (starts its own 24-bit Xvfb when there is no
DISPLAY). For shows of 6 (Smart RLP's size), 100 and 1,200 live segments, the real director window
(1500x850) takes GOs from ``ShowController.go()``; one sample is GO + ``refresh()`` + the Qt events
that follow (the table repainting), on a fake clock one second apart. The baseline is the same
window with the running order's columns sized to their contents on every change
(``QHeaderView.ResizeToContents``, as before), which reads every row of the table on each GO.

Prints human-readable lines, then ONE JSON object on the last line.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xvfb_display import start_xvfb, stop_xvfb  # noqa: E402  (beside this script)

SIZES = (6, 100, 1200)
GOS = 40
GOAL_MEDIAN_MS = 16.0  # one frame at 60 Hz, for a show of Smart RLP's size


def show_file(folder: Path, segments: int) -> Path:
    rows = "".join(
        f'  - {{id: s{n}, title: "Segment {n}: Diskussion", kind: live, duration: "0:10"}}\n' for n in range(segments)
    )
    path = folder / f"show-{segments}.yaml"
    path.write_text(f'version: 1\ntitle: Long\ndate: 2021-01-19\nstart: "08:00"\nend: "23:00"\nsegments:\n{rows}')
    return path


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def measure(path: Path, *, resize_to_contents: bool) -> list[float]:
    from PySide6.QtWidgets import QApplication, QHeaderView

    from presenter.clock import FakeClock
    from presenter.controller import ShowController
    from presenter.show import load_show
    from presenter.ui.director import DirectorWindow

    app = QApplication.instance()
    clock = FakeClock(datetime(2021, 1, 19, 7, 59))
    window = DirectorWindow(ShowController(load_show(path), clock=clock, playout=None))
    if resize_to_contents:
        header = window.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    window.resize(1500, 850)
    window.show()
    end = time.perf_counter() + 0.3
    while time.perf_counter() < end:
        app.processEvents()
    samples = []
    for _ in range(GOS):
        clock.advance(1.0)
        start = time.perf_counter()
        window.controller.go()
        window.refresh()
        app.processEvents()
        samples.append((time.perf_counter() - start) * 1000.0)
    window.closing_allowed = True  # no "Quit Presenter?" question at the end of a benchmark
    window.close()
    window.deleteLater()
    app.processEvents()
    return samples


def main() -> int:
    xvfb = start_xvfb() if not os.environ.get("DISPLAY") else None
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        from PySide6.QtWidgets import QApplication

        QApplication.instance() or QApplication(sys.argv[:1])
        results = {}
        with tempfile.TemporaryDirectory() as folder:
            for size in SIZES:
                path = show_file(Path(folder), size)
                ours = measure(path, resize_to_contents=False)
                base = measure(path, resize_to_contents=True)
                results[size] = {
                    "median_ms": round(statistics.median(ours), 2),
                    "p95_ms": round(pct(ours, 95), 2),
                    "baseline_median_ms": round(statistics.median(base), 2),
                    "baseline_p95_ms": round(pct(base, 95), 2),
                    "n": len(ours),
                }
                r = results[size]
                print(f"{size:>5} segments: GO + render median {r['median_ms']:7.2f} ms, p95 {r['p95_ms']:7.2f} ms; "
                      f"baseline (columns sized to contents) median {r['baseline_median_ms']:7.2f} ms, "
                      f"p95 {r['baseline_p95_ms']:7.2f} ms; n={r['n']}")  # fmt: skip
    finally:
        stop_xvfb(xvfb)
    met = results[SIZES[0]]["median_ms"] <= GOAL_MEDIAN_MS
    if not met:
        print(f"MISSED: median {results[SIZES[0]]['median_ms']} ms at {SIZES[0]} segments (goal ≤ {GOAL_MEDIAN_MS})")
    print(
        json.dumps(
            {
                "benchmark": "director_go",
                "by_segments": results,
                "baseline": "the same window with ResizeToContents columns (every row read per GO)",
                "goal": {"median_ms_at_6_segments": GOAL_MEDIAN_MS},
                "goal_met": met,
                "env": {"cpus": os.cpu_count(), "display": "own Xvfb" if xvfb else os.environ.get("DISPLAY")},
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

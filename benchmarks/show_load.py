"""Benchmark: load and validate a show file of 10,000 segments.

Run with `python benchmarks/show_load.py`. Prints readable figures and, on its last line, one JSON object
with the median and p95 of the full load (read, decode, compose, validate) and, as the baseline,
`yaml.safe_load` of the same file (parse only, no validation).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from presenter.show import load_show

SEGMENTS = 10_000
RUNS = 15
GOAL_MEDIAN_S = 1.0
SPEAKERS = ["Malu Dreyer", "Nicole Steingaß", "Klaus Weichel", "Moderation"]


def show_text(segments: int) -> str:
    """A valid show file with `segments` segments, every fourth one a clip."""
    lines = [
        "version: 1",
        "title: Benchmark-Show",
        "date: 2021-01-19",
        'start: "08:00"',
        'end: "23:00"',
        'warning: "2:00"',
        'danger: "0:30"',
        "segments:",
    ]
    for n in range(segments):
        if n % 4 == 3:
            lines += [
                f"  - title: Clip Nummer {n} – Straße",
                "    kind: clip",
                f"    clip: clips/clip-{n % 10}.mp4",
                '    duration: "1:15"',
                "    end_action: next",
                "    talking_points:",
                f"      - Was zeigt Clip {n}?",
            ]
        else:
            lines += [
                f"  - id: live-{n}",
                f'    title: "Gespräch {n}: Digitale Kommunen"',
                "    kind: live",
                f'    duration: "{n % 9 + 1}:{n % 60:02d}"',
                f"    speakers: [{SPEAKERS[n % 4]}, {SPEAKERS[(n + 1) % 4]}]",
                "    talking_points:",
                f"      - Wie gehen die Kommunen die Digitalisierung an? ({n})",
                "      - Was hat sich im Pandemiejahr getan?",
                "      - Welche Projekte haben sich bewährt?",
                f"    notes: Kamera {n % 3 + 1}, Bauchbinde für {SPEAKERS[n % 4]}.",
            ]
            if n % 10 == 0:
                lines += ['    warning: "3:00"', '    danger: "1:00"']
    return "\n".join(lines) + "\n"


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big-show.yaml"
        path.write_text(show_text(SEGMENTS), encoding="utf-8")
        size_mb = path.stat().st_size / 1e6

        show = load_show(path)  # warm-up, and proof that the file is valid
        assert len(show.segments) == SEGMENTS, len(show.segments)

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        times = timed(lambda: load_show(path), RUNS)
        # yaml.safe_load, but with libyaml (the pure-Python loader would take ten times as long)
        baseline = timed(lambda: yaml.load(path.read_bytes(), Loader=loader), RUNS)

    median = statistics.median(times)
    result = {
        "benchmark": "show_load",
        "segments": SEGMENTS,
        "median_s": round(median, 4),
        "p95_s": round(p95(times), 4),
        "n": RUNS,
        "baseline": "yaml.safe_load of the same file (parse only, no validation)",
        "baseline_median_s": round(statistics.median(baseline), 4),
        "baseline_loader": loader.__name__,
        "goal": {"median_s": GOAL_MEDIAN_S},
    }
    print(f"show file: {SEGMENTS} segments, {size_mb:.1f} MB, YAML loader {loader.__name__}")
    print(f"load_show:      median {result['median_s']:.3f} s, p95 {result['p95_s']:.3f} s over {RUNS} runs")
    print(f"yaml.safe_load: median {result['baseline_median_s']:.3f} s (baseline: parse only)")
    print(f"goal: median under {GOAL_MEDIAN_S:.1f} s — {'met' if median < GOAL_MEDIAN_S else 'MISSED'}")
    print(json.dumps(result, ensure_ascii=False))
    return 0  # a missed goal is a figure to look at, not a crash


if __name__ == "__main__":
    sys.exit(main())

"""Import… while the show runs: how long the UI thread waits while a file is imported in the background.

Run: ``.venv/bin/python benchmarks/import_stall.py`` (Qt offscreen; no display needed). A 1 ms
precise QTimer heartbeat runs in the UI thread while ``ImportRunner`` (the app's Import…) imports,
in its worker thread: a sheet at the limits (1,990 rows × 50 columns, imported), issue 25's
6,000 × 200 sheet and a row of 2 M cells (both refused), 5,000 Ontime events with 40 custom fields
(refused) and a 4 MB Ontime file of 1,990 events (imported). The baseline is the same heartbeat
with nothing imported, in the same run. Per file: the import's time, and the heartbeat's gaps
(minus 1 ms) while it ran: median, p95, max. Before issue 25 the import ran in the UI thread: its
whole time was one stall (28.7 s for the 6,000 × 200 sheet).

Prints human-readable lines, then ONE JSON object on the last line.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "importers"))

GOAL_P95_MS = 16.0  # one frame at 60 Hz
GOAL_MAX_MS = 50.0


def files(folder: Path) -> dict[str, Path]:
    from hostile import event, header_and_rows, ontime_v3, raw_xlsx, sheet_rows

    custom = {f"f{k}": f"Wert {k}" for k in range(40)}
    fields = {f"f{k}": {"label": f"Feld {k}"} for k in range(40)}
    many = [event(n, custom={f"f{k}": "x" * 40 for k in range(40)}, note="n" * 400) for n in range(1990)]
    wide = sheet_rows([["Titel", "Dauer"]]) + "<row>" + "<c><v>1</v></c>" * 2_000_000 + "</row>"
    made = {
        "xlsx 1,990 x 50 (imported)": raw_xlsx(folder / "limit.xlsx", header_and_rows(1989, 50)),
        "xlsx 6,000 x 200 (refused)": raw_xlsx(folder / "big.xlsx", header_and_rows(6000, 200)),
        "xlsx one row of 2 M cells (refused)": raw_xlsx(folder / "wide.xlsx", wide),
        "Ontime 5,000 events x 40 custom fields (refused)": folder / "custom.json",
        "Ontime 1,990 events, 4 MB (imported)": folder / "many.json",
    }
    events = [event(n, custom=custom) for n in range(5000)]
    made["Ontime 5,000 events x 40 custom fields (refused)"].write_text(ontime_v3(events, customFields=fields))
    made["Ontime 1,990 events, 4 MB (imported)"].write_text(ontime_v3(many, customFields=fields))
    return made


class Heartbeat:
    def __init__(self) -> None:
        self.last = time.perf_counter_ns()
        self.gaps: list[float] = []

    def beat(self) -> None:
        now = time.perf_counter_ns()
        self.gaps.append(max((now - self.last) / 1e6 - 1.0, 0.0))
        self.last = now

    def restart(self) -> None:
        self.last = time.perf_counter_ns()
        self.gaps = []


def figures(gaps: list[float]) -> dict[str, float]:
    ordered = sorted(gaps) or [0.0]
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2), "max_ms": round(ordered[-1], 1)}


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    from presenter.ui.import_runner import ImportRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QWidget()
    window.show()
    heart = Heartbeat()
    timer = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=1)
    timer.timeout.connect(heart.beat)
    timer.start()
    loop = QEventLoop()
    results: dict[str, dict[str, float | str]] = {}
    with tempfile.TemporaryDirectory(prefix="presenter-import-") as tmp:
        folder = Path(tmp)
        made = files(folder)
        QTimer.singleShot(2000, loop.quit)
        heart.restart()
        loop.exec()
        baseline = figures(heart.gaps)
        print(f"baseline (nothing imported, 2 s): {baseline}")
        for number, (name, source) in enumerate(made.items()):
            runner = ImportRunner(window, source, folder / f"show-{number}.yaml", lambda path: None)
            runner.finished.connect(loop.quit)
            heart.restart()
            started = time.perf_counter()
            runner.start()
            loop.exec()
            took = time.perf_counter() - started
            outcome = runner.outcome
            end = "imported" if outcome is not None and outcome.result is not None else "refused"
            results[name] = {"import_s": round(took, 2), "end": end, **figures(heart.gaps)}
            print(f"{name}: {results[name]}" + (f" — {outcome.message[:90]}" if outcome and outcome.message else ""))
            for box in window.findChildren(QMessageBox):
                box.close()
    worst = max(results.values(), key=lambda r: float(r["p95_ms"]))
    worst_max = max(float(r["max_ms"]) for r in results.values())
    load = os.getloadavg()[0]
    print(f"load average (1 min) {load:.1f} on {os.cpu_count()} CPUs")
    for missed in (
        [f"MISSED: p95 {worst['p95_ms']} ms > {GOAL_P95_MS} ms"] if float(worst["p95_ms"]) > GOAL_P95_MS else []
    ) + ([f"MISSED: max {worst_max} ms > {GOAL_MAX_MS} ms"] if worst_max > GOAL_MAX_MS else []):
        print(missed)
    app.processEvents()
    summary = {
        "benchmark": "import_stall",
        "baseline": baseline,
        "files": results,
        "worst_p95_ms": worst["p95_ms"],
        "worst_max_ms": worst_max,
        "goal": {"p95_ms": GOAL_P95_MS, "max_ms": GOAL_MAX_MS},
        "env": {"cpus": os.cpu_count(), "load_1min": round(load, 1)},
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

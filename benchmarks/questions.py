"""Audience questions: importing 2,000 CSV rows, and the Q key to the question painted for the moderator.

Run: ``.venv/bin/python benchmarks/questions.py`` (starts its own 24-bit Xvfb when there is no DISPLAY).

1. Import: a German Excel CSV (`;`, BOM) of 2,000 questions is parsed and imported through the
   controller into a real journal file (fsync'd), median of 7 runs. Baseline: the same rows added
   one `question_add` at a time (one journal line and one fsync per question).
2. Q → painted: a director-like window with the Q / Shift+Q keys (install_question_keys) and the real
   moderator window (1280x720, its own 10 Hz refresh running) holding the question panel. One sample is
   from the Q key event (QTest.keyClick into the shortcut map) to the end of the panel's next paint,
   through the controller and its journal on disk; Shift+Q takes the question off between samples.
   Baseline: the old way, the director sends the question as a message (send_message) and the
   moderator window's message box paints it.

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

from xvfb_display import start_xvfb, stop_xvfb  # noqa: E402  (beside this script)

ROWS = 2000
IMPORT_RUNS = 7
BASELINE_RUNS = 3
SAMPLES = 50
GOAL_P95_MS = 50.0


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def csv_bytes() -> bytes:
    rows = ["Uhrzeit;Name;Quelle;Frage;Gerichtet an"]
    sources = ("YouTube", "Facebook", "E-Mail", "Telefon")
    for n in range(ROWS):
        text = f"Frage {n}: Wann kommt das schnelle Internet in den Stadtteil {n % 17}, und was kostet es die Bürger?"
        rows.append(f"17:{n % 60:02d};Bürgerin {n};{sources[n % 4]};{text};Klaus Weichel")
    return ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")


def new_controller(folder: Path):
    from presenter.controller import ShowController
    from presenter.run.journal import StateDir
    from presenter.show import load_show

    show = load_show(ROOT / "assets" / "smart-rlp.yaml")
    state = StateDir(Path(tempfile.mkdtemp(dir=folder)))
    writer = state.new_journal(show, __import__("datetime").datetime.now())
    controller = ShowController(show, playout=None)
    controller.attach_journal(writer.append)
    return controller, writer


def measure_import(folder: Path) -> tuple[list[float], list[float]]:
    from presenter.questions.csv_file import parse_questions_csv

    data = csv_bytes()
    ours, base = [], []
    for _ in range(IMPORT_RUNS):
        controller, writer = new_controller(folder)
        start = time.perf_counter()
        report = parse_questions_csv(data)
        assert controller.question_intents.import_entries(report.entries) is None and len(report.entries) == ROWS
        ours.append((time.perf_counter() - start) * 1000.0)
        writer.close()
    for _ in range(BASELINE_RUNS):
        controller, writer = new_controller(folder)
        start = time.perf_counter()
        for entry in parse_questions_csv(data).entries:
            entry.pop("received", None)
            controller.question_intents.add(**entry)
        base.append((time.perf_counter() - start) * 1000.0)
        writer.close()
    return ours, base


def settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


class PaintCounter:
    """Counts the paint events a widget receives (an event filter, so any widget can be watched)."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            count = 0

            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    Filter.count += 1
                return False

        self.filter = Filter()
        widget.installEventFilter(self.filter)

    @property
    def count(self) -> int:
        return type(self.filter).count


def wait_paint(app, counter: PaintCounter, before: int, timeout: float = 2.0) -> None:
    deadline = time.perf_counter() + timeout
    while counter.count == before:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("nothing was painted")


def measure_q(folder: Path) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    from presenter.ui.moderator import ModeratorWindow
    from presenter.ui.moderator_question import ModeratorQuestionPanel
    from presenter.ui.question_queue import QuestionQueueWidget, install_question_keys

    app = QApplication.instance()
    controller, writer = new_controller(folder)
    controller.go()
    controller.question_intents.import_entries(
        [{"text": f"Frage {n}: Wann kommt das WLAN in die Innenstadt?", "asker": f"B{n}"} for n in range(SAMPLES)]
    )
    for question in list(controller.questions.questions):
        controller.question_intents.approve(question.id)
    director = QWidget()
    layout = QVBoxLayout(director)
    layout.addWidget(QLabel("director"))
    layout.addWidget(QuestionQueueWidget(controller))
    install_question_keys(director, controller)
    moderator = ModeratorWindow(controller)
    moderator.resize(1280, 720)
    panel = ModeratorQuestionPanel(moderator)
    panel.setGeometry(640, 430, 620, 270)
    controller.changed.connect(lambda: panel.update_from(controller.snapshot()))
    moderator.show()
    director.resize(600, 400)
    director.show()
    settle(app, 0.3)
    director.activateWindow()  # Q is a shortcut of the active window (no window manager under Xvfb)
    deadline = time.perf_counter() + 5
    while not director.isActiveWindow() and time.perf_counter() < deadline:
        app.processEvents()
    settle(app, 0.3)
    painted = PaintCounter(panel)
    ours = []
    for n in range(SAMPLES):
        before = painted.count
        start = time.perf_counter()
        QTest.keyClick(director, Qt.Key.Key_Q)
        wait_paint(app, painted, before)
        ours.append((time.perf_counter() - start) * 1000.0)
        assert controller.questions.on_screen is not None and panel.text.startswith(f"Frage {n}:")
        controller.question_intents.drop(controller.questions.on_screen.id)  # the next Q shows the next question
        settle(app, 0.05)
    message_painted = PaintCounter(moderator.message)
    base = []
    for n in range(SAMPLES):
        before = message_painted.count
        start = time.perf_counter()
        controller.send_message(f"Frage {n}: Wann kommt das WLAN in die Innenstadt?")
        wait_paint(app, message_painted, before)
        base.append((time.perf_counter() - start) * 1000.0)
        settle(app, 0.05)
    for window in (director, moderator):
        window.close()
        window.deleteLater()
    writer.close()
    app.processEvents()
    return ours, base


def main() -> int:
    xvfb = start_xvfb() if not os.environ.get("DISPLAY") else None
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        from PySide6.QtWidgets import QApplication

        QApplication.instance() or QApplication(sys.argv[:1])
        with tempfile.TemporaryDirectory() as folder:
            imports, import_base = measure_import(Path(folder))
            q, q_base = measure_q(Path(folder))
    finally:
        stop_xvfb(xvfb)
    result = {
        "benchmark": "questions",
        "import_2000_rows": {
            "median_ms": round(statistics.median(imports), 1),
            "p95_ms": round(pct(imports, 95), 1),
            "n": len(imports),
            "baseline_median_ms": round(statistics.median(import_base), 1),
            "baseline": "one question_add (one journal line, one fsync) per row",
        },
        "q_to_painted": {
            "median_ms": round(statistics.median(q), 2),
            "p95_ms": round(pct(q, 95), 2),
            "n": len(q),
            "baseline_median_ms": round(statistics.median(q_base), 2),
            "baseline_p95_ms": round(pct(q_base, 95), 2),
            "baseline": "the question sent as a director's message, painted in the moderator's message box",
        },
        "goal": {"q_to_painted_p95_ms": GOAL_P95_MS},
        "env": {"cpus": os.cpu_count(), "display": "own Xvfb" if xvfb else os.environ.get("DISPLAY")},
    }
    result["goal_met"] = result["q_to_painted"]["p95_ms"] <= GOAL_P95_MS
    i, qp = result["import_2000_rows"], result["q_to_painted"]
    print(f"import {ROWS} CSV rows: median {i['median_ms']} ms, p95 {i['p95_ms']} ms (n={i['n']}); "
          f"baseline one add per row: median {i['baseline_median_ms']} ms")  # fmt: skip
    print(f"Q key to question painted: median {qp['median_ms']} ms, p95 {qp['p95_ms']} ms (n={qp['n']}); "
          f"baseline message: median {qp['baseline_median_ms']} ms, p95 {qp['baseline_p95_ms']} ms")  # fmt: skip
    if not result["goal_met"]:
        print(f"MISSED: p95 {qp['p95_ms']} ms (goal ≤ {GOAL_P95_MS} ms)")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

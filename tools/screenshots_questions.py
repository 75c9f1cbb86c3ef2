#!/usr/bin/env python3
"""Screenshots of the Questions window and the moderator's question panel, with realistic content.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots_questions.py
    .venv/bin/python tools/screenshots_questions.py          # no display: Qt's offscreen platform

Writes docs/questions_window.png and docs/moderator_question_panel.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "xcb" if os.environ.get("DISPLAY") else "offscreen"

from PySide6.QtWidgets import QApplication  # noqa: E402

from presenter.clock import FakeClock  # noqa: E402
from presenter.controller import ShowController  # noqa: E402
from presenter.show import load_show  # noqa: E402
from presenter.ui.moderator_question import ModeratorQuestionPanel  # noqa: E402
from presenter.ui.questions_window import QuestionsWindow  # noqa: E402

DOCS = ROOT / "docs"
PRE_SHOW_CSV = (
    "\ufeffUhrzeit;Name;Quelle;Frage;Gerichtet an\r\n"
    "16:02;Petra Schmitt;E-Mail;Wie werden ältere Menschen beim digitalen Rathaus unterstützt?;Klaus Weichel\r\n"
    "16:40;Jonas K.;E-Mail;;\r\n"
    "16:55;Familie Yilmaz;Telefon;Kommt das WLAN auch in die Schulen in Erfenbach?;Nicole Steingaß\r\n"
)
CHAT = (
    "Anna Müller (YouTube): Wann bekommt jedes Dorf im Landkreis schnelles Internet?",
    "Markus (Facebook): Was kostet die Smart-City-App die Bürger?",
    "Lea B. (YouTube): Wer kann meine Daten aus den Sensoren sehen?",
    "Hans-Peter (Facebook): Warum erst jetzt?",
    "Sabine (YouTube): Gibt es die Formulare auch auf Türkisch und Russisch?",
)


def scene(folder: Path) -> tuple[ShowController, QuestionsWindow]:
    clock = FakeClock(datetime(2021, 1, 19, 18, 18, 10))
    controller = ShowController(load_show(ROOT / "assets" / "smart-rlp.yaml"), clock=clock)
    window = QuestionsWindow(controller)
    csv = folder / "vorab-fragen.csv"
    csv.write_bytes(PRE_SHOW_CSV.encode())
    window.import_file(csv)
    for text in CHAT:
        clock.advance(41)
        controller.question_intents.paste(text, "YouTube")
    for qid in ("q1", "q3", "q4", "q6", "q7"):
        controller.question_intents.approve(qid)
    controller.question_intents.edit("q3", screen_text="Wann bekommt jedes Dorf schnelles Internet?")
    controller.question_intents.show("q1")
    clock.advance(95)
    controller.question_intents.answered_next()
    controller.question_intents.drop("q6")
    controller.question_intents.move("q7", 3)
    window.refresh()
    window.select("q4")
    window.status.setText("Approved.")
    return controller, window


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        controller, window = scene(Path(folder))
        window.resize(1180, 640)
        window.show()
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(DOCS / "questions_window.png"))
        panel = ModeratorQuestionPanel()
        panel.resize(900, 300)
        panel.update_from(controller.snapshot())
        panel.show()
        for _ in range(10):
            app.processEvents()
        panel.grab().save(str(DOCS / "moderator_question_panel.png"))
    print(f"wrote {DOCS / 'questions_window.png'} and {DOCS / 'moderator_question_panel.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

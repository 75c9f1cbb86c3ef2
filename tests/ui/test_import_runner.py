"""Import… runs in a worker thread with progress and a cancel (issue 25, finding 10): the UI thread goes on."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from presenter.importers import Progress
from presenter.show import load_show
from presenter.ui import import_runner
from presenter.ui.import_runner import ImportRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from hostile import header_and_rows, raw_xlsx


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def run(qtbot, runner: ImportRunner):
    with qtbot.waitSignal(runner.finished, timeout=60_000) as ended:
        runner.start()
    return ended.args[0]


def box(window) -> QMessageBox:
    return window.findChild(QMessageBox, "importDone")


def test_an_import_writes_the_show_and_opens_it_when_its_message_is_read(qtbot, window, tmp_path):
    source = tmp_path / "Ablauf.csv"
    source.write_text("Titel;Dauer;Beginn\n" + "".join(f"Punkt {n};1:00;\n" for n in range(300)), encoding="utf-8")
    opened: list[Path] = []
    runner = ImportRunner(window, source, tmp_path / "show.yaml", opened.append)
    assert not runner.dialog.isModal()  # GO and the other keys still reach the director
    outcome = run(qtbot, runner)
    assert outcome.result.imported == 300
    assert len(load_show(tmp_path / "show.yaml").segments) == 300
    assert "300 segments imported into show.yaml." in box(window).text()
    assert opened == []
    box(window).accept()
    assert opened == [tmp_path / "show.yaml"]


def test_the_import_runs_off_the_ui_thread_and_is_cancelled(qtbot, window, tmp_path, monkeypatch):
    started, release = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []

    def slow_import(source, output, progress: Progress):
        threads.append(threading.current_thread())
        started.set()
        release.wait(60)
        progress.step()  # a reader's next row: the cancel ends it here
        raise AssertionError("not cancelled")

    monkeypatch.setattr(import_runner, "import_file", slow_import)
    runner = ImportRunner(window, tmp_path / "a.csv", tmp_path / "show.yaml", lambda path: None)
    runner.start()
    qtbot.waitUntil(started.is_set)
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the UI thread serves its timers while the import works
    assert runner.dialog.isVisible()
    with qtbot.waitSignal(runner.finished, timeout=60_000) as ended:
        qtbot.mouseClick(runner.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # its Cancel
        release.set()
    timer.stop()
    assert threads[0] is not threading.main_thread()
    assert ended.args[0].cancelled
    assert not (tmp_path / "show.yaml").exists()
    assert box(window) is None  # a cancel needs no message
    assert not runner.dialog.isVisible()


def test_a_hostile_file_ends_in_a_message(qtbot, window, tmp_path):
    source = raw_xlsx(tmp_path / "big.xlsx", header_and_rows(6000, 200))
    outcome = run(qtbot, ImportRunner(window, source, tmp_path / "show.yaml", lambda path: None))
    assert "more than 100,000 cells" in outcome.message
    assert "Not imported: big.xlsx" in box(window).text()
    assert not (tmp_path / "show.yaml").exists()

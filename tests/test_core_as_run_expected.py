"""Issue 20: the as-run of a scripted run with a restart, a pause, −1:00 and an undone GO is exactly the
hand-written record in tests/data/as_run (every figure worked out by hand from the script below)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from presenter import intents as do
from presenter.as_run import as_run_csv, as_run_log_csv
from presenter.clock import FakeClock
from presenter.dispatch import Accepted, Dispatcher
from presenter.run import Run
from presenter.show import load_show

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "data" / "as_run"


def _script() -> Run:
    clock = FakeClock(datetime(2021, 1, 19, 17, 30))
    run = Run.new(load_show(ROOT / "assets" / "smart-rlp.yaml"), clock)
    dispatcher = Dispatcher(run)

    def at(time: str, *intents: do.Intent, source: do.Source = do.DIRECTOR) -> None:
        clock.set_now(datetime.combine(clock.now().date(), datetime.strptime(time, "%H:%M:%S").time()))
        for intent in intents:
            assert isinstance(dispatcher.dispatch(intent, source), Accepted), intent

    at("17:30:00", do.Go())  # Begrüßung
    at("17:30:30", do.AddTime(-60))  # planned 4:00 now
    at("17:31:00", do.SendMessage("-2 min", urgent=True))
    at("17:31:05", do.SendMessage('=HYPERLINK("http://example.org","klick")'))
    at("17:34:11", do.Go())  # the discussion, by mistake …
    at("17:34:14", do.Back())  # … taken back: the welcome runs on
    at("17:34:20", do.Go())  # the discussion
    at("18:12:05", do.Go())  # MiniMOGLI
    at("18:12:05", do.ClipProgress("minimogli", 0.0, 75.0, True), source=do.PLAYOUT)
    at("18:12:25", do.PauseClip())
    at("18:12:35", do.ResumeClip())
    at("18:12:50", do.RestartClip())  # at 0:35: from the start again
    at("18:14:05", do.ClipEnded("minimogli"), source=do.PLAYOUT)  # played out in full: the next clip follows
    at("18:14:05", do.ClipProgress("autonomous-driving", 0.0, 60.0, True), source=do.PLAYOUT)
    at("18:15:05", do.ClipEnded("autonomous-driving"), source=do.PLAYOUT)  # the Q&A
    at("18:55:05", do.Go())  # Verabschiedung
    at("19:00:05", do.Go())  # the end
    return run


def test_the_as_run_of_a_scripted_run_is_the_hand_written_one():
    run = _script()
    expected = (EXPECTED / "scripted-run.csv").read_bytes().decode("utf-8")
    assert as_run_csv(run.engine) == expected


def test_the_log_of_a_scripted_run_is_the_hand_written_one():
    run = _script()
    expected = (EXPECTED / "scripted-run-log.csv").read_bytes().decode("utf-8")
    assert as_run_log_csv(run.engine) == expected

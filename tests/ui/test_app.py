"""The application as a whole, in-process: journal, resume banner, show file changes, screens."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import make_args, problems
from PySide6.QtWidgets import QApplication

from presenter.run.engine import GO_GUARD_S
from presenter.run.intents import CloseRun, SetMediaDurations
from presenter.ui import app as app_module
from presenter.ui.app import PresenterApp, choose_platform
from presenter.ui.parts import build_parts

GUARD_MS = int(GO_GUARD_S * 1000) + 50

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _no_unanswered_question(monkeypatch):
    """A question nobody answers would block the test forever: it fails instead (tests that expect
    one answer it themselves)."""
    monkeypatch.setattr(
        app_module.QMessageBox, "question", lambda *a, **k: pytest.fail(f"unexpected question: {a[1:3]}")
    )


def answer_questions(monkeypatch, answer) -> list[str]:
    """Every question the app asks is answered with `answer`; returns the texts asked."""
    asked: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    return asked


def test_linux_runs_qt_on_xcb():
    assert choose_platform({}, "linux") == "xcb"
    assert choose_platform({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert choose_platform({}, "win32") is None


def test_without_libvlc_the_show_still_runs_with_a_plain_message(start_app, show_copy):
    app = start_app(show_copy)
    assert app.playout is None
    assert "libVLC 3 is not installed" in app.director.banner_text.text()
    app.controller.jump(2)
    app.controller.go()  # jump only cues: GO airs it
    snapshot = app.controller.snapshot()
    assert snapshot.current.segment.id == "minimogli"
    assert "libVLC" in snapshot.clip.problem


def test_resume_banner_and_back_to_standby(start_app, show_copy, qtbot, monkeypatch):
    first = start_app(show_copy)
    first.controller.go()
    qtbot.wait(GUARD_MS)  # the double-press guard is real time: it must pass
    first.controller.go()
    first.shutdown()

    second = start_app(show_copy)
    assert second.controller.snapshot().current.segment.id == "discussion"
    assert second.director.banner.isVisible()
    assert second.director.banner_text.text().startswith("Resumed after interruption at ")
    journals_before = sorted((second.state.journals).glob("*.jsonl"))
    asked = answer_questions(monkeypatch, app_module.QMessageBox.StandardButton.Yes)
    second.director.banner_button.click()
    assert "A new run ends this run where it is" in asked[0]  # on air: it asks first, saying what happens
    assert second.controller.snapshot().mode.value == "standby"
    journals_after = sorted((second.state.journals).glob("*.jsonl"))
    assert len(journals_after) == len(journals_before) + 1  # the old journal is kept


def test_a_new_run_journal_carries_the_probed_clip_durations(start_app, show_copy):
    from presenter.run.as_run import engine_from_journal
    from presenter.show import load_show

    app = start_app(show_copy)
    app.controller.dispatch(SetMediaDurations({"minimogli": 12.5}))
    app.new_run()
    replayed, warnings = engine_from_journal(app.state.latest_journal(app.controller.show), load_show(show_copy))
    assert warnings == []
    assert replayed.show.media_durations["minimogli"] == 12.5


def test_a_crash_loop_does_not_resume_by_itself(start_app, show_copy, qtbot):
    first = start_app(show_copy)
    first.controller.go()
    first.shutdown()
    start_app(show_copy).shutdown()  # the second start resumes
    third = start_app(show_copy)  # three starts within a minute
    assert third.controller.snapshot().mode.value == "standby"
    assert "3 times within a minute" in third.director.banner_text.text()
    third.director.banner_button.click()  # "Resume the interrupted run"
    assert third.controller.snapshot().current.segment.id == "welcome"


def test_unwritable_state_dir_is_a_persistent_warning_and_the_show_goes_on(qtbot, tmp_path, show_copy, start_app):
    (tmp_path / "state").write_text("not a folder")
    app = start_app(show_copy)
    app.controller.go()
    assert app.controller.snapshot().current.segment.id == "welcome"
    assert not app.director.warning_label.isHidden()
    assert "journal cannot be written" in app.director.warning_label.text()


def test_invalid_show_file_mid_show_keeps_the_running_show(start_app, show_copy, qtbot):
    app = start_app(show_copy)
    app.controller.go()
    good = show_copy.read_text(encoding="utf-8")
    show_copy.write_text(good.replace('duration: "5:00"', 'duration: "5 Min"', 1), encoding="utf-8")
    qtbot.waitUntil(lambda: not app.director.warning_label.isHidden(), timeout=5000)
    assert 'duration "5 Min" is not m:ss or h:mm:ss' in app.director.warning_label.text()
    assert "smart-rlp.yaml:19:15" in app.director.warning_label.text()
    assert app.controller.snapshot().current.segment.id == "welcome"
    assert app.controller.show.segments[0].duration_s == 300

    # A valid change with the same running order applies without touching the segment on air.
    show_copy.write_text(good.replace('duration: "5:00"', 'duration: "6:00"', 1), encoding="utf-8")
    qtbot.waitUntil(lambda: app.controller.show.segments[0].duration_s == 360, timeout=5000)
    assert app.director.warning_label.isHidden()
    assert app.controller.snapshot().current.segment.id == "welcome"


def test_changed_running_order_waits_for_the_director(start_app, show_copy, qtbot):
    app = start_app(show_copy)
    app.controller.go()
    text = show_copy.read_text(encoding="utf-8")
    closing = text.index("  - id: closing")
    show_copy.write_text(text[:closing], encoding="utf-8")  # the closing segment removed
    qtbot.waitUntil(lambda: app.director.banner.isVisible() and "running order" in app.director.banner_text.text())
    assert len(app.controller.show.segments) == 6
    app.director.banner_button.click()
    assert len(app.controller.show.segments) == 5
    assert app.controller.snapshot().current.segment.id == "welcome"


def test_unplugged_screen_moves_windows_and_they_come_back(start_app, show_copy):
    app = start_app(show_copy, moderator_screen=0, windowed=False)
    placement = app.placement
    screen = QApplication.primaryScreen()
    moves = []
    entry = placement._managed["moderator"]
    entry.place = lambda index, fullscreen, geometry: moves.append((index, fullscreen))
    # Xvfb cannot unplug a screen: call what Qt's screenRemoved/screenAdded signals call.
    placement.screen_removed(screen)  # the only screen: nothing to move to, nothing breaks
    assert moves == []
    # As if the moderator had been fullscreen on a screen that was unplugged and now comes back; on
    # Xvfb's one screen (the director's) it comes back windowed beside the director, not over it.
    entry.home = (screen.name(), True)
    placement.screen_added(screen)
    assert moves == [(0, False)]
    assert any("is back on it" in p for p in problems(app))


def test_window_screens_are_remembered(start_app, show_copy):
    app = start_app(show_copy, moderator_screen=0, windowed=False)
    app.shutdown()
    settings = (app.state.path / "settings.ini").read_text()
    assert "moderator\\screen=" in settings
    assert "moderator\\fullscreen=false" in settings  # the only screen is the director's: windowed there


def overlaps(a, b) -> bool:
    return a.intersects(b)


@pytest.mark.parametrize("windowed", [False, True])
def test_one_screen_nothing_covers_the_director_and_the_windows_sit_side_by_side(start_app, show_copy, windowed):
    """Issue 10: a first try on a laptop: with --windowed or not, nothing opens fullscreen over the
    director, and the moderator and the program output do not lie on top of each other or on it."""
    from presenter.ui.program_output import ProgramOutputWindow

    app = start_app(show_copy, moderator_screen=0 if not windowed else None, windowed=windowed)
    output = ProgramOutputWindow()  # as the real factory builds it (no libVLC in these tests)
    app.placement.add("output", "program output", output, None, windowed, aspect=16 / 9, default_fullscreen=True)
    app.placement.place_all()
    try:
        windows = [app.director, app.moderator, output]
        assert not any(w.isFullScreen() for w in windows)
        assert not app.preview.isVisible()  # the technician opens it with its button: it would cover the rest
        rects = [w.geometry() for w in windows]
        for i, first in enumerate(rects):
            for second in rects[i + 1 :]:
                assert not overlaps(first, second), (first, second)
        screen = QApplication.primaryScreen().geometry()
        assert all(screen.contains(r) for r in rects)
        if not windowed:
            assert any("is the director's screen" in p for p in problems(app))
    finally:
        output.close()
        output.deleteLater()


def test_as_run_export_is_atomic(start_app, show_copy, tmp_path, monkeypatch):
    app = start_app(show_copy)
    app.controller.go()
    target = tmp_path / "as-run.csv"
    target.write_text("previous export")
    monkeypatch.setattr(app_module.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    app.export_as_run()
    assert target.read_text().startswith("number,segment,title")
    assert (tmp_path / "as-run.csv~").read_text() == "previous export"


def other_show(folder: Path) -> Path:
    path = folder / "other.yaml"
    path.write_text(
        'version: 1\ntitle: Bürgersprechstunde\ndate: 2021-01-19\nstart: "20:00"\nend: "20:30"\nsegments:\n'
        '  - {id: intro, title: Begrüßung, kind: live, duration: "10:00"}\n'
        '  - {id: talk, title: Gespräch, kind: live, duration: "20:00"}\n',
        encoding="utf-8",
    )
    return path


def test_opening_another_show_closes_this_run_and_keeps_its_journal(start_app, show_copy, qtbot):
    from presenter.run.as_run import as_run_rows, engine_from_journal
    from presenter.show import load_show

    app = start_app(show_copy)
    app.controller.go()
    first_journal = app.journal.path
    other = other_show(show_copy.parent)
    assert app.open_show(other)
    snapshot = app.controller.snapshot()
    assert (snapshot.show.title, snapshot.mode.value) == ("Bürgersprechstunde", "standby")
    assert app.director.windowTitle() == "Director — Bürgersprechstunde — Presenter"
    # the moderator repaints in the turn after the change (presenter.next_turn)
    qtbot.waitUntil(lambda: app.moderator.windowTitle() == "Moderator — Bürgersprechstunde")
    assert app.journal.path != first_journal and first_journal.exists()
    assert app.director.model.rowCount() == 2
    # the Smart RLP run ended where it was: not resumable, and its as-run says why
    closed, _ = engine_from_journal(first_journal, load_show(show_copy))
    assert closed.mode.value == "ended"
    assert as_run_rows(closed)[0]["ended_by"] == "another show opened"
    # the file watcher follows the new show
    app.controller.go()
    other.write_text(other.read_text(encoding="utf-8").replace('"10:00"', '"12:00"'), encoding="utf-8")
    qtbot.waitUntil(lambda: app.controller.show.segments[0].duration_s == 720, timeout=5000)
    assert app.controller.snapshot().current.segment.id == "intro"


def test_a_show_file_with_a_mistake_is_not_opened_and_the_show_goes_on(start_app, show_copy, qtbot):
    app = start_app(show_copy)
    app.controller.go()
    journal = app.journal.path
    broken = show_copy.parent / "broken.yaml"
    broken.write_text('version: 1\ntitle: X\ndate: 2021-01-19\nstart: "20:00"\nend: "5 Min"\nsegments: []\n')
    assert not app.open_show(broken)
    expected = 'Show not opened, the current show goes on: broken.yaml:5:6: end "5 Min" is not a time of day HH:MM'
    assert any(p.endswith(expected) for p in problems(app))  # after the time it was added
    assert app.controller.snapshot().current.segment.id == "welcome"
    assert app.journal.path == journal
    qtbot.wait(GUARD_MS)  # the double-press guard is real time: it must pass
    app.controller.go()
    assert app.controller.snapshot().current.segment.id == "discussion"


def test_opening_a_show_with_a_run_interrupted_today_resumes_it(start_app, show_copy, qtbot):
    other = other_show(show_copy.parent)
    first = start_app(other)
    first.controller.go()
    qtbot.wait(GUARD_MS)  # the double-press guard is real time: it must pass
    first.controller.go()  # "talk" on air, then the process dies (no close_run)
    first.shutdown()
    app = start_app(show_copy, new_run=True)
    assert app.open_show(other)
    assert app.controller.snapshot().current.segment.id == "talk"
    assert app.director.banner_text.text().startswith("Resumed after interruption at ")


def test_without_a_named_show_the_windows_reopen_the_latest_runs_show(start_app, show_copy):
    from presenter.ui.app import show_to_open

    other = other_show(show_copy.parent)
    app = start_app(show_copy)
    app.open_show(other)
    not_named = make_args(ROOT / "assets" / "smart-rlp.yaml", app.state.path, show_named=False)
    assert show_to_open(not_named) == other
    assert show_to_open(make_args(show_copy, app.state.path, show_named=True)) == show_copy
    other.unlink()
    assert show_to_open(not_named) == ROOT / "assets" / "smart-rlp.yaml"  # gone: the bundled show


def test_open_show_button_asks_first_while_on_air(start_app, show_copy, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QPushButton

    other = other_show(show_copy.parent)
    app = start_app(show_copy)
    app.controller.go()
    asked = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(app_module.QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer[0])
    monkeypatch.setattr(app_module.QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    button = app.director.findChild(QPushButton, "openShow")
    button.click()
    assert "is on air" in asked[0]
    assert app.controller.show.title == "Smart RLP"
    answer[0] = QMessageBox.StandardButton.Open
    button.click()
    assert app.controller.show.title == "Bürgersprechstunde"


def test_a_late_clip_check_of_the_show_before_is_not_applied_to_the_new_one(start_app, show_copy):
    from presenter.clips.preflight import check_show

    app = start_app(show_copy)
    old_report = check_show(app.controller.show, lambda path: _FakeMedia(12.5))
    app.director.set_persistent_warning("Show file has a mistake (the running show is unchanged): …")
    app.open_show(other_show(show_copy.parent))
    assert app.director.warning_label.isHidden()
    app._preflight_done(old_report)
    assert app.controller.show.media_durations == {}
    assert app.controller.edits.media_info == {}


class _FakeMedia:
    def __init__(self, duration_s):
        self.ok, self.problem, self.duration_s = True, None, duration_s
        self.width, self.height, self.fps = 1280, 720, 25.0
        self.video_codec, self.audio_codec, self.warnings = "h264", "aac", ()


@pytest.mark.parametrize("bad", ["missing.yaml", "folder", "binary.yaml"])
def test_open_show_with_no_usable_file_is_a_message(start_app, show_copy, bad):
    (show_copy.parent / "folder").mkdir()
    (show_copy.parent / "binary.yaml").write_bytes(bytes(range(256)))
    app = start_app(show_copy)
    app.controller.go()
    assert not app.open_show(show_copy.parent / bad)
    message = problems(app)[0]
    assert "Show not opened, the current show goes on: " in message and "Traceback" not in message
    assert app.controller.snapshot().current.segment.id == "welcome"


def test_status_file_never_writes_through_a_symlink(start_app, show_copy, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    status = tmp_path / "status.json"
    (tmp_path / "status.json.tmp").symlink_to(victim)  # where it used to write its temporary file
    app = start_app(show_copy, status_file=status)
    status.unlink()
    status.symlink_to(victim)
    app.write_status()
    assert victim.read_text() == "precious"
    assert not status.is_symlink()
    assert '"mode"' in status.read_text()


def test_export_after_a_start_in_standby_is_the_run_that_happened(start_app, show_copy):
    first = start_app(show_copy)
    first.controller.go()
    first.controller.go()
    first.controller.dispatch(CloseRun("new run"))
    first.shutdown()
    second = start_app(show_copy, new_run=True)
    assert second.controller.snapshot().mode.value == "standby"
    exported = second.as_run_engine()
    assert exported is not second.controller.engine
    assert exported.runs[0].end_reason is not None  # the welcome segment went out and ended


def test_closing_the_director_asks_and_a_no_keeps_the_show(start_app, show_copy, qtbot, monkeypatch):
    app = start_app(show_copy)
    app.director.show()
    app.controller.go()
    asked = []
    monkeypatch.setattr(type(app.director), "confirm_quit", lambda self: asked.append(True) or False)
    with qtbot.assertNotEmitted(app.director.quit_confirmed):
        assert app.director.close() is False
    assert asked and app.director.isVisible()
    assert app.controller.snapshot().mode.value == "on air"
    monkeypatch.setattr(type(app.director), "confirm_quit", lambda self: True)
    assert app.director.close()  # no window of this test is left on the screen for later tests


def test_closing_the_director_confirmed_ends_the_app_cleanly(start_app, show_copy, qtbot, monkeypatch):
    app = start_app(show_copy)
    app.director.show()
    app.controller.go()
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    app.director.quit_confirmed.disconnect()
    app.director.quit_confirmed.connect(QApplication.quit)
    with qtbot.waitSignal(app.director.quit_confirmed):
        assert app.director.close() is True
    assert quits == [True]
    app.shutdown()  # what aboutToQuit runs
    assert app.journal._file is None  # closed


def test_sigterm_quits_without_the_question(start_app, show_copy, monkeypatch):
    app = start_app(show_copy)
    app.director.show()
    monkeypatch.setattr(type(app.director), "confirm_quit", lambda self: pytest.fail("asked on SIGTERM"))
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    app.quit_without_asking()  # what the SIGTERM / Ctrl+C handler calls
    assert quits == [True]
    assert app.director.close() is True


# ---------------------------------------------------------------------- issue 10 / 11


def test_status_file_keeps_its_keys_and_adds_next_and_output(start_app, show_copy, tmp_path):
    import json

    status = tmp_path / "status.json"
    app = start_app(show_copy, status_file=status)
    app.write_status()
    written = json.loads(status.read_text())
    for key in ("pid", "written_at", "mode", "segment", "remaining_s", "elapsed_s", "clip_state",
                "clip_position_s", "message", "resumed_from", "journal"):  # fmt: skip
        assert key in written
    assert written["next"] == "welcome"  # what GO puts on air
    assert written["output"] is None  # no program output in these tests
    app.controller.go()
    app.write_status()
    assert json.loads(status.read_text())["next"] == "discussion"


def test_declining_back_to_standby_keeps_the_run_on_air_and_the_banner(start_app, show_copy, qtbot, monkeypatch):
    first = start_app(show_copy)
    first.controller.go()
    first.shutdown()
    second = start_app(show_copy)
    journal = second.journal.path
    asked = answer_questions(monkeypatch, app_module.QMessageBox.StandardButton.Cancel)
    second.director.banner_button.click()
    assert len(asked) == 1
    assert second.controller.snapshot().current.segment.id == "welcome"
    assert second.journal.path == journal
    assert second.director.banner.isVisible()  # the decision is still open


def test_the_resume_banner_goes_at_the_first_go(start_app, show_copy, qtbot):
    first = start_app(show_copy)
    first.controller.go()
    first.shutdown()
    second = start_app(show_copy)
    assert second.director.banner.isVisible()
    qtbot.wait(GUARD_MS)  # the double-press guard is real time: it must pass
    second.controller.go()
    second.director.refresh()
    assert second.director.banner.isHidden()


def test_resuming_the_offered_run_asks_while_a_run_is_on_air(start_app, show_copy, qtbot, monkeypatch):
    first = start_app(show_copy)
    first.controller.go()
    first.shutdown()
    start_app(show_copy).shutdown()
    third = start_app(show_copy)  # a crash loop: the run is only offered
    third.controller.go()  # the director started a run meanwhile
    asked = answer_questions(monkeypatch, app_module.QMessageBox.StandardButton.Cancel)
    third.director.banner_button.click()
    assert "Resuming the interrupted run ends this run" in asked[0]
    assert third.controller.snapshot().current.segment.id == "welcome"


def test_the_director_is_shown_before_the_other_windows_start(qtbot, tmp_path, show_copy, monkeypatch):
    """Issue 11: the director paints first; libVLC and the other windows start right after."""
    from presenter.show import load_show
    from presenter.ui.parts import ProgramOutput

    monkeypatch.setenv("PRESENTER_SIMULATE_NO_LIBVLC", "1")
    from presenter.playout import vlc_adapter

    vlc_adapter.set_vlc_loader(None)
    seen = []

    def start_output() -> ProgramOutput:
        seen.append(app.director.isVisible())
        return ProgramOutput(problem="no output in this test")

    args = make_args(show_copy, tmp_path / "state")
    app = PresenterApp(args, load_show(show_copy), build_parts(args, environ={}, start_output=start_output))
    qtbot.addWidget(app.director)
    assert app.director.isVisible() and not app.started and seen == []
    qtbot.waitUntil(lambda: app.started)
    qtbot.addWidget(app.moderator)
    assert seen == [True]
    app.controller.jump(2)  # a clip: it fails with the factory's reason
    if app.controller.snapshot().current is None:  # the core's jump-sets-next: GO airs it
        qtbot.wait(GUARD_MS)  # the double-press guard is real time: it must pass
        app.controller.go()
    assert app.controller.snapshot().clip.problem == "no output in this test"
    app.shutdown()
    app.watcher.deleteLater()
    vlc_adapter.set_vlc_loader(None)


def test_the_composition_root_reads_the_environment_once(tmp_path):
    from presenter.ui.parts import build_parts, no_program_output

    args = make_args(Path("x.yaml"), tmp_path / "state")
    parts = build_parts(args, environ={"PRESENTER_VLC_ARGS": "--aout=adummy --no-video-title-show"})
    assert parts.vlc_args == ["--aout=adummy", "--no-video-title-show"]
    assert parts.state.path == tmp_path / "state"
    assert build_parts(args, environ={}).vlc_args is None
    assert build_parts(args, environ={}, start_output=no_program_output("none")).start_output().problem == "none"


@pytest.mark.xfail(
    not hasattr(app_module.ShowController, "rehearse_from_now"), strict=True, reason="needs the core's rehearsal"
)
def test_rehearse_on_the_command_line_starts_a_rehearsal(start_app, show_copy):
    app = start_app(show_copy, rehearse=True)  # LEAD: the core's rehearse_from_now() was called at start
    assert app.controller.snapshot().mode.value == "standby"


def test_two_fullscreen_windows_on_one_screen_are_said_and_a_move_is_offered(start_app, show_copy):
    from presenter.placement import Clash

    app = start_app(show_copy)
    # Xvfb has one screen: what the plan reports for two fullscreen windows on a second one.
    app.placement._managed["output"] = app.placement._managed["moderator"]  # a stand-in with a label
    app.placement._clash(Clash(1, ("moderator", "output"), None))
    assert any("both fullscreen on screen 1" in p for p in problems(app))
    assert app.director.banner.isVisible()
    assert app.director.banner_button.text() == "Put the moderator window in a window beside the director"
    app.director.banner_button.click()  # moves it beside the director: windowed, not over it
    assert not app.moderator.isFullScreen()
    assert not app.moderator.geometry().intersects(app.director.geometry())


def test_moving_the_moderator_to_the_directors_screen_keeps_it_beside_the_director(start_app, show_copy):
    app = start_app(show_copy)
    app.director.moderator_screen_requested.emit(0)
    assert not app.moderator.isFullScreen()
    assert not app.moderator.geometry().intersects(app.director.geometry())
    app.director.moderator_screen_requested.emit(5)  # no such screen: said, nothing moves
    assert any("screen 5 does not exist" in p for p in problems(app))


def test_moderator_fullscreen_never_covers_the_director(start_app, show_copy):
    from PySide6.QtWidgets import QPushButton

    app = start_app(show_copy)
    app.director.findChild(QPushButton, "moderatorFullscreen").click()
    assert not app.moderator.isFullScreen()
    assert any("fullscreen would cover the director" in p for p in problems(app))

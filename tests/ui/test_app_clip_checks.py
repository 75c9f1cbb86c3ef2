"""Issue 10 #9 in the application: a clip that breaks after load reaches the director within 2 s,
whatever is on air, and a fixed clip clears its problem."""

from __future__ import annotations

from app_helpers import make_args, problems

from presenter.show import load_show
from presenter.ui.app import PresenterApp
from presenter.ui.parts import build_parts


def start(qtbot, monkeypatch, tmp_path, show_path) -> PresenterApp:
    monkeypatch.setenv("PRESENTER_SIMULATE_NO_LIBVLC", "1")  # file checks only: no probe, no program output
    from presenter.playout import vlc as vlc_adapter

    vlc_adapter.reset_vlc_status()  # forget a status read without the variable
    args = make_args(show_path, tmp_path / "state")
    app = PresenterApp(args, load_show(show_path), build_parts(args, environ={}))
    qtbot.addWidget(app.director)
    qtbot.waitUntil(lambda: app.started)  # the other windows and the clip checks come right after the director
    qtbot.addWidget(app.moderator)
    return app


def test_a_clip_broken_after_load_is_on_its_row_within_2_s_and_a_fix_clears_it(qtbot, monkeypatch, tmp_path, show_copy):
    app = start(qtbot, monkeypatch, tmp_path, show_copy)
    try:
        qtbot.waitUntil(lambda: not app.clip_checks.busy(), timeout=5000)
        app.controller.go()  # something else is on air
        model = app.director.model
        clip = show_copy.parent / "clips" / "autonomous-driving.mp4"
        segment_id = next(s.id for s in app.controller.show.segments if s.clip == clip)
        assert segment_id not in model._warnings
        good = clip.read_bytes()

        clip.write_bytes(b"")
        qtbot.waitUntil(lambda: segment_id in model._warnings, timeout=10_000)  # 2 s is the goal; a hang guard
        assert model._warnings[segment_id] == "clip file is empty (0 bytes)"
        assert any(p.endswith("broken: clip file is empty (0 bytes)") for p in problems(app))

        clip.write_bytes(good)
        qtbot.waitUntil(lambda: segment_id not in model._warnings, timeout=2000)
        assert problems(app)[-1].endswith("clip changed on disk: ready") or any(
            p.endswith("clip changed on disk: ready") for p in problems(app)
        )
    finally:
        app.shutdown()
        if app.watcher is not None:
            app.watcher.deleteLater()
        from presenter.playout import vlc_adapter

        vlc_adapter.reset_vlc_status()

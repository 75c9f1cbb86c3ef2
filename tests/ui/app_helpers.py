"""Starting the real application in-process for window tests: its arguments and its start."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path

from presenter.ui.app import PresenterApp
from presenter.ui.parts import build_parts


def make_args(show: Path, state: Path, **extra) -> argparse.Namespace:
    values = dict(
        show=show, check=False, json=False, output_screen=None, moderator_screen=None, windowed=True,
        state_dir=state, new_run=False, as_run=False, status_file=None,
    )  # fmt: skip
    values.update(extra)
    return argparse.Namespace(**values)


def problems(app: PresenterApp) -> list[str]:
    return [app.director.problems.item(i).text() for i in range(app.director.problems.count())]


def app_starter(qtbot, state: Path, monkeypatch, clock=None) -> Iterator[Callable[..., PresenterApp]]:
    """`start(show, **args)` builds the app as launch does (no libVLC: the playout has tests of its own;
    `clock` replaces the system's), waits for the windows after the director, and shuts every app down
    afterwards."""
    from presenter.playout import vlc_adapter
    from presenter.show import load_show

    monkeypatch.setenv("PRESENTER_SIMULATE_NO_LIBVLC", "1")
    vlc_adapter.reset_vlc_status()
    started: list[PresenterApp] = []

    def start(show: Path, **extra) -> PresenterApp:
        args = make_args(show, state, **extra)
        app = PresenterApp(args, load_show(show), build_parts(args, environ={}, clock=clock))
        started.append(app)
        qtbot.addWidget(app.director)
        qtbot.waitUntil(lambda: app.started)  # the other windows come right after the director
        qtbot.addWidget(app.moderator)
        return app

    yield start
    for app in started:
        app.shutdown()
        if app.watcher is not None:
            app.watcher.deleteLater()
    vlc_adapter.reset_vlc_status()

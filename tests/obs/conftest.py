"""A real OBS Studio for the tests: its own temporary HOME, its WebSocket server on a free port, under Xvfb.

pytest-xvfb gives DISPLAY; OBS draws with Mesa's software OpenGL. Tests that need it are marked `obs`
and skip (with the reason) only when the `obs` binary is not installed (`apt install obs-studio`).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from obs_helpers import PASSWORD, ObsAdmin, ObsStudio, free_port


def _require_obs() -> None:
    if shutil.which("obs") is None:
        pytest.skip("OBS Studio is not installed (apt install obs-studio; tools/setup.sh installs it)")


@pytest.fixture
def obs_factory(tmp_path: Path) -> Iterator[Callable[..., ObsStudio]]:
    """Starts OBS instances (each with its own HOME and port) and closes them at the end of the test."""
    _require_obs()
    started: list[ObsStudio] = []

    def make(password: str | None = PASSWORD, start: bool = True) -> ObsStudio:
        home = tmp_path / f"home-{len(started)}"
        studio = ObsStudio(home, free_port(), password)
        started.append(studio)
        if start:
            studio.start()
        return studio

    yield make
    for studio in started:
        studio.stop()


@pytest.fixture
def obs(obs_factory: Callable[..., ObsStudio]) -> ObsStudio:
    studio: ObsStudio = obs_factory()
    return studio


@pytest.fixture
def admin(obs: ObsStudio) -> Iterator[ObsAdmin]:
    client = ObsAdmin(obs.url, obs.password)
    client.call("SetCurrentSceneTransition", {"transitionName": "Cut"})  # Presenter cuts; so does the test OBS
    yield client
    client.close()

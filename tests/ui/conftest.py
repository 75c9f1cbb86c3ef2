"""Window tests: a copy of the show to change, and no "Quit Presenter?" question when a test closes the director."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _director_closes_without_asking(monkeypatch):
    from presenter.ui.director import DirectorWindow

    monkeypatch.setattr(DirectorWindow, "confirm_quit", lambda self: True)


@pytest.fixture
def show_copy(tmp_path):
    """The Smart RLP show and its clips in a folder of the test's own."""
    folder = tmp_path / "show"
    folder.mkdir()
    shutil.copy(ROOT / "assets" / "smart-rlp.yaml", folder / "smart-rlp.yaml")
    shutil.copytree(ROOT / "assets" / "clips", folder / "clips")
    return folder / "smart-rlp.yaml"


@pytest.fixture
def start_app(qtbot, tmp_path, monkeypatch):
    """Start the real application in-process (tests/ui/app_helpers.py)."""
    from app_helpers import app_starter

    yield from app_starter(qtbot, tmp_path / "state", monkeypatch)

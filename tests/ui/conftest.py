"""Window tests: closing the director at a test's end must not wait on its "Quit Presenter?" question."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _director_closes_without_asking(monkeypatch):
    from presenter.ui.director import DirectorWindow

    monkeypatch.setattr(DirectorWindow, "confirm_quit", lambda self: True)

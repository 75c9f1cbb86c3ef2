"""Fixtures for the playout tests: the committed sample media and the broken files made at run time."""

from __future__ import annotations

import pytest
from playout_helpers import media_faults


@pytest.fixture
def faults(tmp_path):
    """Broken files made by tests/media_faults.py in a temporary folder."""
    return {
        "zero-bytes": media_faults.make_zero_bytes(tmp_path),
        "truncated": media_faults.make_truncated(media_faults.SHORT_OK, tmp_path),
        "text-as-mp4": media_faults.make_text_as_mp4(tmp_path),
        "missing": tmp_path / "missing.mp4",
    }


@pytest.fixture
def no_libvlc():
    """Simulate a machine without libVLC (python-vlc's import fails as it does there)."""
    from presenter.playout import vlc as vlc_adapter

    def loader():
        raise OSError("libvlc.so.5: cannot open shared object file: No such file or directory")

    vlc_adapter.set_vlc_loader(loader)
    yield
    vlc_adapter.set_vlc_loader(None)

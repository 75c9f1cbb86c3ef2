"""Test set-up: Qt on xcb inside the Xvfb that pytest-xvfb starts, libVLC without sound."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_SHOW = ROOT / "assets" / "smart-rlp.yaml"
SHOW_DAY_BEFORE_START = datetime(2021, 1, 19, 17, 25, 48)


@pytest.fixture
def bundled_show():
    from presenter.show import load_show

    return load_show(BUNDLED_SHOW)


@pytest.fixture
def fake_clock():
    from presenter.clock import FakeClock

    return FakeClock(SHOW_DAY_BEFORE_START)

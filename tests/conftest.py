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


@pytest.fixture(autouse=True)
def _collect_in_the_main_thread():
    """Whatever a test left in reference cycles is collected here, in Qt's thread, not later by the garbage
    collector running in some other thread of the next test (libVLC's control thread, OBS's, a client's): a
    QObject with timers deleted there warns "Timers cannot be stopped from another thread" or crashes."""
    yield
    import gc

    gc.collect()


@pytest.fixture
def bundled_show():
    from presenter.show import load_show

    return load_show(BUNDLED_SHOW)


@pytest.fixture
def fake_clock():
    from presenter.clock import FakeClock

    return FakeClock(SHOW_DAY_BEFORE_START)


SYSTEM_ALSA_CONF = Path("/usr/share/alsa/alsa.conf")
TEST_ALSA_CONF = """
pcm.!default { type null }
pcm.headphones { type null hint { show on description "Test headphones" } }
pcm.monitorspk { type null hint { show on description "Test monitor speakers" } }
"""


@pytest.fixture
def alsa_devices(tmp_path, monkeypatch):
    """Two audio devices ("headphones", "monitorspk") that discard the sound; ALSA's default too."""
    if not SYSTEM_ALSA_CONF.is_file():
        pytest.skip("ALSA (alsa.conf) is not installed")
    conf = tmp_path / "asound-test.conf"
    conf.write_text(TEST_ALSA_CONF)
    monkeypatch.setenv("ALSA_CONFIG_PATH", f"{SYSTEM_ALSA_CONF}:{conf}")
    return ["--aout=alsa"]


@pytest.fixture
def settings(tmp_path):
    """The application's settings file, in a temporary folder."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def german(qapp):
    """The app in German for one test, English again afterwards (the catalog and the translator reset)."""
    from presenter import i18n
    from presenter.i18n import Language
    from presenter.i18n import qt as i18n_qt

    i18n_qt.install(Language.GERMAN)
    yield
    i18n_qt.install(Language.ENGLISH)
    i18n.set_translator(None)

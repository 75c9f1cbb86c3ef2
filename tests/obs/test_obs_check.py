"""`presenter --check --obs HOST:PORT` against a real OBS: the scenes the show names that OBS lacks."""

from __future__ import annotations

import pytest
from obs_helpers import PASSWORD

from presenter.cli import main

pytestmark = pytest.mark.obs

SHOW = """\
version: 1
title: T
date: 2021-01-19
start: "17:30"
end: "19:00"
obs:
  scenes: {live: Kamera, clip: Einspieler}
segments:
  - {title: Begrüßung, duration: "5:00"}
  - {title: Talk, duration: "5:00", obs_scene: Kamera 2}
"""


@pytest.fixture
def show_file(tmp_path):
    path = tmp_path / "show.yaml"
    path.write_text(SHOW, encoding="utf-8")
    return path


def test_check_lists_the_scenes_obs_lacks(obs, admin, show_file, capsys, monkeypatch):
    monkeypatch.setenv("PRESENTER_OBS_PASSWORD", PASSWORD)
    admin.ensure_scenes("Kamera")
    assert main([str(show_file), "--check", "--lang", "en", "--obs", obs.url]) == 1
    out = capsys.readouterr().out
    assert f'OBS ({obs.url}) lacks scenes the show names:\n  - "Einspieler"\n  - "Kamera 2"\n' in out

    admin.ensure_scenes("Einspieler", "Kamera 2")
    assert main([str(show_file), "--check", "--lang", "en", "--obs", obs.url.removeprefix("ws://")]) == 0
    assert f"OBS ({obs.url}) has every scene the show names (3)" in capsys.readouterr().out


def test_check_with_a_wrong_password_says_so(obs, show_file, capsys, monkeypatch):
    monkeypatch.setenv("PRESENTER_OBS_PASSWORD", "falsch")
    assert main([str(show_file), "--check", "--json", "--lang", "en", "--obs", obs.url]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("{")  # stdout stays one JSON document
    assert "OBS refused the password" in captured.err


def test_check_without_obs_running(show_file, capsys):
    assert main([str(show_file), "--check", "--lang", "en", "--obs", "127.0.0.1:9"]) == 1
    assert "OBS not reachable at ws://127.0.0.1:9" in capsys.readouterr().out


def test_check_uses_the_password_stored_in_the_obs_settings(obs, admin, show_file, tmp_path, capsys, monkeypatch):
    from PySide6.QtCore import QSettings

    from presenter.ui.obs_settings import ObsSettings, write_obs_settings

    monkeypatch.delenv("PRESENTER_OBS_PASSWORD", raising=False)
    admin.ensure_scenes("Kamera", "Einspieler", "Kamera 2")
    state = tmp_path / "state"
    state.mkdir()
    write_obs_settings(
        QSettings(str(state / "settings.ini"), QSettings.Format.IniFormat), ObsSettings(password=PASSWORD)
    )
    argv = [str(show_file), "--check", "--lang", "en", "--state-dir", str(state), "--obs", obs.url]
    assert main(argv) == 0  # the director's OBS settings dialog stored it
    assert "has every scene the show names" in capsys.readouterr().out

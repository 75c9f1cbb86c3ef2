"""The show file watcher: the show file's own changes are reloaded promptly, nothing else holds them back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from presenter.watch import ShowFileWatcher

SHOW = """\
version: 1
title: {title}
date: 2021-01-19
start: "17:30"
end: "19:00"
segments:
  - title: Begrüßung
    duration: "5:00"
"""


@pytest.fixture
def show_path(tmp_path: Path) -> Path:
    path = tmp_path / "show.yaml"
    path.write_text(SHOW.format(title="Before"), encoding="utf-8")
    return path


@pytest.fixture
def watcher(qtbot, show_path):
    watcher = ShowFileWatcher(show_path)
    yield watcher
    watcher.deleteLater()


def test_an_edit_is_reloaded(qtbot, watcher, show_path):
    with qtbot.waitSignal(watcher.reloaded, timeout=2000) as blocker:
        show_path.write_text(SHOW.format(title="After"), encoding="utf-8")
    assert blocker.args[0].title == "After"


def test_a_busy_folder_does_not_hold_back_the_reload(qtbot, watcher, show_path):
    """A status file beside the show written every 100 ms (in place and by rename) used to starve the reload."""
    status = show_path.parent / "status.json"
    count = 0

    def write_status() -> None:
        nonlocal count
        count += 1
        status.write_text(f'{{"n": {count}}}', encoding="utf-8")
        swap = show_path.parent / ".status.tmp"
        swap.write_text(str(count), encoding="utf-8")
        os.replace(swap, show_path.parent / "status-copy.json")

    busy = QTimer()
    busy.setInterval(100)
    busy.timeout.connect(write_status)
    busy.start()
    try:
        qtbot.waitUntil(lambda: count >= 5, timeout=10_000)  # the folder is busy before the edit, too
        with qtbot.waitSignal(watcher.reloaded, timeout=10_000) as blocker:  # ~1 s is the goal; a hang guard
            show_path.write_text(SHOW.format(title="After"), encoding="utf-8")
        assert blocker.args[0].title == "After"
        assert count >= 5
    finally:
        busy.stop()


def test_a_save_by_rename_is_reloaded_and_watched_on(qtbot, watcher, show_path):
    for title in ("First", "Second"):
        new = show_path.parent / ".show.yaml.swp"
        new.write_text(SHOW.format(title=title), encoding="utf-8")
        with qtbot.waitSignal(watcher.reloaded, timeout=1000) as blocker:
            os.replace(new, show_path)
        assert blocker.args[0].title == title


def test_unchanged_contents_are_not_offered_again(qtbot, watcher, show_path):
    with qtbot.assertNotEmitted(watcher.reloaded, wait=800), qtbot.assertNotEmitted(watcher.invalid, wait=0):
        show_path.write_text(SHOW.format(title="Before"), encoding="utf-8")  # the same bytes


def test_an_invalid_edit_is_reported(qtbot, watcher, show_path):
    with qtbot.waitSignal(watcher.invalid, timeout=1000) as blocker:
        show_path.write_text(SHOW.format(title="After").replace('"5:00"', '"5 Min"'), encoding="utf-8")
    assert blocker.args[0] == 'show.yaml:8:15: duration "5 Min" is not m:ss or h:mm:ss'


@pytest.mark.timeout(10)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_in_place_of_the_show_is_reported_not_read(qtbot, watcher, show_path):
    with qtbot.waitSignal(watcher.invalid, timeout=8000) as blocker:  # never blocks on the pipe
        show_path.unlink()
        os.mkfifo(show_path)
    assert blocker.args[0] == "show.yaml: is not a regular file"


@pytest.mark.timeout(10)
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_symlink_to_dev_zero_in_place_of_the_show_is_reported_not_read(qtbot, watcher, show_path):
    with qtbot.waitSignal(watcher.invalid, timeout=2000) as blocker:
        show_path.unlink()
        show_path.symlink_to("/dev/zero")
    assert blocker.args[0] == "show.yaml: is not a regular file"


def test_a_deleted_show_is_reported_once_and_its_return_reloaded(qtbot, watcher, show_path):
    with qtbot.waitSignal(watcher.invalid, timeout=1000) as blocker:
        show_path.unlink()
    assert blocker.args[0] == "show.yaml: file not found"
    with qtbot.waitSignal(watcher.reloaded, timeout=1000) as blocker:
        show_path.write_text(SHOW.format(title="Back"), encoding="utf-8")
    assert blocker.args[0].title == "Back"


def test_a_show_file_written_without_a_pause_is_still_reloaded(qtbot, watcher, show_path):
    """A program that rewrites the show file every 100 ms: the reload comes after at most about a second."""
    count = 0

    def rewrite() -> None:
        nonlocal count
        count += 1
        show_path.write_text(SHOW.format(title=f"Version {count}"), encoding="utf-8")

    busy = QTimer()
    busy.setInterval(100)
    busy.timeout.connect(rewrite)
    busy.start()
    try:
        with qtbot.waitSignal(watcher.reloaded, timeout=10_000) as blocker:  # ~1 s is the goal; a hang guard
            pass
        assert blocker.args[0].title.startswith("Version ")
    finally:
        busy.stop()

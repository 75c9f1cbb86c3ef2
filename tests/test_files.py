"""Files the app writes: atomic, private, and never written through a planted symlink."""

from __future__ import annotations

import os
import stat

import pytest

from presenter.files import atomic_write


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_writes_new_file_private(tmp_path):
    target = tmp_path / "as-run.csv"
    atomic_write(target, "a;b\n")
    assert target.read_text() == "a;b\n"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["as-run.csv"]


def test_keeps_old_contents_as_backup(tmp_path):
    target = tmp_path / "show.csv"
    target.write_text("old")
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert (tmp_path / "show.csv~").read_text() == "old"
    assert mode(tmp_path / "show.csv~") == 0o600


def test_symlink_at_backup_path_is_replaced_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    target = tmp_path / "as-run.csv"
    target.write_text("old")
    (tmp_path / "as-run.csv~").symlink_to(victim)
    atomic_write(target, "new")
    assert victim.read_text() == "precious"
    assert not (tmp_path / "as-run.csv~").is_symlink()
    assert (tmp_path / "as-run.csv~").read_text() == "old"


def test_symlink_at_target_is_replaced_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    target = tmp_path / "status.json"
    target.symlink_to(victim)
    atomic_write(target, "{}", backup=True)
    assert victim.read_text() == "precious"
    assert not target.is_symlink()
    assert target.read_text() == "{}"
    assert not (tmp_path / "status.json~").exists()


def test_old_style_tmp_symlink_is_left_alone(tmp_path):
    """The status file used to write `status.json.tmp`: a symlink planted there is never written through."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / "status.json.tmp").symlink_to(victim)
    atomic_write(tmp_path / "status.json", "{}", backup=False)
    assert victim.read_text() == "precious"


def test_fifo_at_target_does_not_hang(tmp_path):
    target = tmp_path / "out.csv"
    os.mkfifo(target)
    atomic_write(target, "x")
    assert target.read_text() == "x"


def test_failed_write_raises_and_leaves_file(tmp_path, monkeypatch):
    target = tmp_path / "as-run.csv"
    target.write_text("old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, "new", backup=False)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["as-run.csv"]

"""clipfiles: the one check of a clip file, its identity and its wording (Qt-free)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from presenter.clips.files import (
    Fault,
    FileProblem,
    Form,
    check_file,
    file_id,
    file_problem,
    media_summary,
    same_file,
    stat_problem,
)

ROOT = Path(__file__).resolve().parent.parent
CLIP = ROOT / "assets" / "clips" / "minimogli.mp4"


def test_a_good_clip_has_no_problem_and_an_identity():
    checked = check_file(CLIP)
    st = CLIP.stat()
    assert checked.problem is None and checked.container == "MP4"
    assert checked.identity == file_id(CLIP) == (st.st_size, st.st_mtime_ns, st.st_ino)
    assert checked.size_bytes == st.st_size and checked.mtime == st.st_mtime


@pytest.mark.parametrize(
    ("make", "fault", "bare", "clip", "playout"),
    [
        (lambda p: None, Fault.NOT_FOUND, "file not found", "clip file not found: {p}", "file is missing: {p}"),
        (lambda p: p.write_bytes(b""), Fault.EMPTY, "file is empty (0 bytes)", "clip file is empty (0 bytes)",
         "file is empty (0 bytes): {p}"),
        (lambda p: p.mkdir(), Fault.FOLDER, "is a folder, not a file", "clip is not a file: {p}",
         "is a folder, not a file: {p}"),
        (lambda p: p.write_text("#EXTM3U\n"), Fault.PLAYLIST, "not a video file: it is a playlist",
         "not a video file: it is a playlist", "not a video file: it is a playlist"),
    ],
)  # fmt: skip
def test_one_check_one_wording_in_three_forms(tmp_path, make, fault, bare, clip, playout):
    path = tmp_path / "clip.mp4"
    make(path)
    problem = check_file(path).problem
    assert problem is not None and problem.fault is fault
    assert problem.text(path).startswith(bare) and str(problem).startswith(bare)
    assert problem.text(path, Form.CLIP).startswith(clip.format(p=path))
    assert problem.text(path, Form.PLAYOUT).startswith(playout.format(p=path))
    assert file_problem(path) == problem.text(path)


def test_the_cheap_check_reads_no_byte(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(100))  # no movie header
    assert stat_problem(path)[0] is None
    assert check_file(path).problem.fault is Fault.DAMAGED


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"data")
    path.chmod(0)
    try:
        assert check_file(path).problem == FileProblem(Fault.NO_PERMISSION)
        assert file_problem(path, Form.CLIP) == "clip file cannot be read (permission denied)"
    finally:
        path.chmod(0o600)


def test_identity_changes_with_a_replaced_file(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"one")
    before = file_id(path)
    (tmp_path / "new").write_bytes(b"two")
    os.utime(tmp_path / "new", ns=(before.mtime_ns, before.mtime_ns))
    os.replace(tmp_path / "new", path)  # same size, same mtime, another file
    assert file_id(path) != before and file_id(tmp_path / "gone") is None


def test_same_file_compares_what_is_known(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"one")
    now = file_id(path)
    st = path.stat()
    assert same_file(SimpleNamespace(file_id=now), now)
    assert same_file(SimpleNamespace(size_bytes=st.st_size, mtime=st.st_mtime), now)
    assert not same_file(SimpleNamespace(size_bytes=st.st_size + 1, mtime=st.st_mtime), now)
    assert same_file(object(), now)  # nothing known: not told as replaced


def test_one_line_about_the_media():
    media = SimpleNamespace(width=1280, height=720, fps=25.0, video_codec="H.264", audio_codec="AAC", duration_s=75.0)
    assert media_summary(media) == "1280x720 25 fps H.264/AAC 1:15"
    assert media_summary(media, times="×", sep=" · ") == "1280×720 · 25 fps · H.264/AAC · 1:15"
    odd = SimpleNamespace(width=None, height=None, fps=23.976, video_codec=None, audio_codec="AAC", duration_s=None)
    assert media_summary(odd) == "23.976 fps AAC"


def test_qt_free_modules_import_neither_qt_nor_vlc():
    code = (
        "import sys, presenter.clips.files, presenter.clips.preflight\n"
        "import presenter.playout.interface, presenter.playout.probe\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'vlc'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)

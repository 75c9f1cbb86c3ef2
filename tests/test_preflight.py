"""The headless preflight: one row per segment, exit 0 ready / 1 problems / 2 invalid show file."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from presenter.clips.preflight import Status, check_show, file_problem, report_as_json, report_as_text, run_check
from presenter.show import load_show

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "assets" / "smart-rlp.yaml"

SHOW = """\
version: 1
title: Prüfung
date: 2021-01-19
start: "17:30"
end: "18:00"
segments:
  - id: welcome
    title: Begrüßung
    duration: "5:00"
  - id: film
    title: "Clip: MiniMOGLI"
    kind: clip
    clip: clips/film.mp4
    duration: "1:15"
"""


@dataclass(frozen=True)
class FakeMedia:
    ok: bool = True
    problem: str | None = None
    duration_s: float | None = 75.0
    width: int | None = 1280
    height: int | None = 720
    fps: float | None = 25.0
    video_codec: str | None = "H.264"
    audio_codec: str | None = "AAC"
    audio_channels: int | None = 2
    audio_rate: int | None = 48000
    container: str | None = "MP4"
    size_bytes: int | None = 116
    mtime: float | None = 1611073800.0
    warnings: tuple[str, ...] = ()


def fake_probe(media: FakeMedia):
    seen: list[Path] = []

    def probe(path: Path) -> FakeMedia:
        seen.append(path)
        return media

    probe.seen = seen  # type: ignore[attr-defined]
    return probe


def check(path: Path, probe=None, notes: tuple[str, ...] = (), as_json: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_check(path, probe, notes, as_json, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def show_dir(tmp_path: Path) -> Path:
    """A show with one live and one clip segment; the clip is a (non-empty) file."""
    (tmp_path / "clips").mkdir()
    (tmp_path / "clips" / "film.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(100))
    (tmp_path / "show.yaml").write_text(SHOW, encoding="utf-8")
    return tmp_path


# ------------------------------------------------------------------------------ without a probe


def test_bundled_show_is_ready():
    code, out, err = check(BUNDLED)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Smart RLP — 19.01.2021 17:30–19:00"
    assert len(lines) == 1 + 1 + 6 + 1 + 1  # title, column header, six segments, timing, summary
    assert lines[-2] == "timing: planned 1:30:00 for 17:30–19:00 (1:30:00): fits exactly"
    assert lines[1].split() == ["#", "Title", "Kind", "Planned", "Clip", "Size", "FPS", "Codecs", "Status"]
    assert all(line.endswith("READY") for line in lines[2:8])
    assert lines[2].split()[:2] == ["1", "Begrüßung"]
    assert "Clip: MiniMOGLI" in lines[4] and " clip " in lines[4] and "1:15" in lines[4]
    assert lines[-1] == "READY: 6 segments, 6 ready, 0 warning, 0 broken"


def test_bundled_show_as_json():
    code, out, err = check(BUNDLED, as_json=True)
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["show"] == "Smart RLP"
    assert report["file"] == str(BUNDLED)
    assert report["ready"] is True
    assert report["summary"] == {"ready": 6, "warning": 0, "broken": 0}
    assert report["notes"] == []
    assert (report["planned_total_s"], report["window_s"]) == (5400, 5400)
    assert [row["id"] for row in report["segments"]] == [
        "welcome",
        "discussion",
        "minimogli",
        "autonomous-driving",
        "questions",
        "closing",
    ]
    assert [row["number"] for row in report["segments"]] == [1, 2, 3, 4, 5, 6]
    clip = report["segments"][2]
    assert clip["kind"] == "clip"
    assert clip["planned_s"] == 75
    assert clip["clip"] == str(BUNDLED.parent / "clips" / "minimogli.mp4")
    assert (clip["status"], clip["problems"], clip["media"]) == ("ready", [], None)
    assert report["segments"][0]["clip"] is None


def test_ready_show_in_tmp(show_dir):
    code, out, _ = check(show_dir / "show.yaml")
    assert code == 0
    assert out.splitlines()[-1] == "READY: 2 segments, 2 ready, 0 warning, 0 broken"
    assert out.splitlines()[-2] == "timing: planned 6:15 for 17:30–18:00 (30:00): 23:45 to spare"


def test_a_running_order_longer_than_the_show_says_so_and_is_still_ready(show_dir):
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace('duration: "5:00"', 'duration: "32:00"'), encoding="utf-8")
    code, out, _ = check(path)
    assert code == 0  # planning, not a fault: the director may run over on purpose
    assert out.splitlines()[-2] == "timing: planned 33:15 for 17:30–18:00 (30:00): 3:15 past the end"


def test_missing_clip(show_dir):
    (show_dir / "clips" / "film.mp4").unlink()
    code, out, err = check(show_dir / "show.yaml")
    assert (code, err) == (1, "")
    row = out.splitlines()[3]
    assert row.endswith(f"BROKEN: clip file not found: {show_dir / 'clips' / 'film.mp4'}")
    assert out.splitlines()[-1] == "NOT READY: 2 segments, 1 ready, 0 warning, 1 broken"


def test_missing_clip_as_json(show_dir):
    (show_dir / "clips" / "film.mp4").unlink()
    code, out, _ = check(show_dir / "show.yaml", as_json=True)
    assert code == 1
    report = json.loads(out)
    assert report["ready"] is False
    assert report["summary"] == {"ready": 1, "warning": 0, "broken": 1}
    assert report["segments"][1]["status"] == "broken"
    assert report["segments"][1]["problems"] == [f"clip file not found: {show_dir / 'clips' / 'film.mp4'}"]


def test_empty_clip(show_dir):
    (show_dir / "clips" / "film.mp4").write_bytes(b"")
    code, out, _ = check(show_dir / "show.yaml")
    assert code == 1
    assert out.splitlines()[3].endswith("BROKEN: clip file is empty (0 bytes)")


def test_clip_that_is_a_folder(show_dir):
    (show_dir / "clips" / "film.mp4").unlink()
    (show_dir / "clips" / "film.mp4").mkdir()
    assert file_problem(show_dir / "clips" / "film.mp4") == f"clip is not a file: {show_dir / 'clips' / 'film.mp4'}"
    assert check(show_dir / "show.yaml")[0] == 1


# ------------------------------------------------------------------------------ invalid show file


def test_invalid_show_file_exits_2_with_the_place_on_stderr(show_dir):
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace('duration: "5:00"', "duration: 5 Min"), encoding="utf-8")
    code, out, err = check(path)
    assert (code, out) == (2, "")
    assert err == 'show.yaml:9:15: duration "5 Min" is not m:ss or h:mm:ss\n'


def test_invalid_show_file_as_json(show_dir):
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace("kind: clip", "kind: film"), encoding="utf-8")
    code, out, err = check(path, as_json=True)
    assert code == 2
    assert err == 'show.yaml:12:11: kind "film" is not one of: live, clip\n'
    assert json.loads(out) == {
        "file": str(path),
        "ready": False,
        "error": 'show.yaml:12:11: kind "film" is not one of: live, clip',
    }


def test_missing_show_file(tmp_path):
    code, out, err = check(tmp_path / "nope.yaml")
    assert (code, out, err) == (2, "", "nope.yaml: file not found\n")


def test_not_yaml_show_file(tmp_path):
    path = tmp_path / "show.yaml"
    path.write_bytes(b"version: 1\ntitle: \xfc\n")
    code, out, err = check(path)
    assert (code, out) == (2, "")
    assert err == "show.yaml:2:8: is not UTF-8 text (byte 0xfc); save the file as UTF-8\n"


# ----------------------------------------------------------------------------------- with a probe


def test_probe_agreeing_with_the_plan(show_dir):
    probe = fake_probe(FakeMedia(duration_s=75.4))
    code, out, _ = check(show_dir / "show.yaml", probe)
    assert code == 0
    assert probe.seen == [show_dir / "clips" / "film.mp4"]  # live segments are not probed
    row = out.splitlines()[3]
    assert row.split()[5:9] == ["1:15", "1280x720", "25", "H.264/AAC"]
    assert row.endswith("READY")


def test_clip_longer_than_planned_is_a_warning(show_dir):
    code, out, _ = check(show_dir / "show.yaml", fake_probe(FakeMedia(duration_s=85.0)))
    assert code == 1
    assert out.splitlines()[3].endswith("WARNING: clip is 1:25, longer than the planned 1:15")
    assert out.splitlines()[-1] == "NOT READY: 2 segments, 1 ready, 1 warning, 0 broken"


def test_clip_shorter_than_planned_is_a_warning(show_dir):
    report = check_show(load_show(show_dir / "show.yaml"), fake_probe(FakeMedia(duration_s=60.0)))
    row = report.rows[1]
    assert row.status is Status.WARNING
    assert row.problems == ("clip is 1:00, shorter than the planned 1:15",)


def test_probe_warnings_are_shown(show_dir):
    media = FakeMedia(fps=29.97, warnings=("29.97 fps; the stream runs at 25 fps",))
    code, out, _ = check(show_dir / "show.yaml", fake_probe(media))
    assert code == 1
    assert out.splitlines()[3].endswith("WARNING: 29.97 fps; the stream runs at 25 fps")


def test_clip_the_probe_cannot_play(show_dir):
    media = FakeMedia(ok=False, problem="not a video file libVLC can play", duration_s=None)
    code, out, _ = check(show_dir / "show.yaml", fake_probe(media), as_json=True)
    assert code == 1
    row = json.loads(out)["segments"][1]
    assert row["status"] == "broken"
    assert row["problems"] == ["not a video file libVLC can play"]
    assert row["media"]["ok"] is False


def test_probe_that_crashes_is_a_broken_row_not_a_traceback(show_dir):
    def probe(path: Path):
        raise RuntimeError("libVLC went away")

    code, out, err = check(show_dir / "show.yaml", probe)
    assert (code, err) == (1, "")
    assert out.splitlines()[3].endswith("BROKEN: clip could not be probed: libVLC went away")


def test_missing_clip_is_not_probed(show_dir):
    (show_dir / "clips" / "film.mp4").unlink()
    probe = fake_probe(FakeMedia())
    assert check(show_dir / "show.yaml", probe)[0] == 1
    assert probe.seen == []


def test_media_in_json(show_dir):
    code, out, _ = check(show_dir / "show.yaml", fake_probe(FakeMedia(warnings=("odd",))), as_json=True)
    assert code == 1
    media = json.loads(out)["segments"][1]["media"]
    assert media == {
        "ok": True,
        "problem": None,
        "duration_s": 75.0,
        "width": 1280,
        "height": 720,
        "fps": 25.0,
        "video_codec": "H.264",
        "audio_codec": "AAC",
        "audio_channels": 2,
        "audio_rate": 48000,
        "container": "MP4",
        "size_bytes": 116,
        "mtime": 1611073800.0,
        "warnings": ["odd"],
    }


def test_clip_without_planned_duration_takes_the_media_duration(show_dir):
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace('    duration: "1:15"\n', ""), encoding="utf-8")
    report = check_show(load_show(path), fake_probe(FakeMedia(duration_s=81.0)))
    assert report.ready
    assert report.rows[1].planned_s is None
    assert report.media_durations() == {"film": 81.0}
    assert "(media)" in report_as_text(report).splitlines()[3]
    assert json.loads(report_as_json(report))["segments"][1]["planned_s"] is None


def test_notes_make_the_show_not_ready(show_dir):
    code, out, _ = check(show_dir / "show.yaml", None, ("libVLC is not installed",))
    assert code == 1
    assert "note: libVLC is not installed" in out.splitlines()
    assert out.splitlines()[-1] == "NOT READY: 2 segments, 2 ready, 0 warning, 0 broken"


# ------------------------------------------------------------------- durations longer than a day


def test_a_duration_of_days_exits_2_with_its_place(show_dir):
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace('duration: "5:00"', 'duration: "99999999999:00:00"'), encoding="utf-8")
    code, out, err = check(path)
    assert (code, out) == (2, "")
    assert err == 'show.yaml:9:15: duration "99999999999:00:00" is longer than 24:00:00\n'


def test_check_command_refuses_a_duration_of_days(show_dir, capsys, monkeypatch):
    from presenter import cli

    monkeypatch.setattr(cli, "_probe_or_note", lambda: (None, ()))
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace('duration: "1:15"', "duration: 99999999999:00:00"), encoding="utf-8")
    assert cli.main(["--check", str(path)]) == 2
    assert capsys.readouterr() == ("", 'show.yaml:14:15: duration "99999999999:00:00" is longer than 24:00:00\n')


def test_check_command_as_a_user_runs_it_refuses_a_duration_of_days(show_dir):
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace('duration: "5:00"', 'duration: "99999999999:00:00"'), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "run_presenter.py"), "--check", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == 'show.yaml:9:15: duration "99999999999:00:00" is longer than 24:00:00\n'


# ----------------------------------------------------------- nothing from the file drives the terminal

RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e", "\x08", "\r")


def test_control_characters_in_titles_and_paths_are_escaped(show_dir):
    """YAML's double-quoted escapes ("\\e", "\\a", "\\x9b") put raw control characters in a title or a path."""
    path = show_dir / "show.yaml"
    path.write_text(
        SHOW.replace("title: Prüfung", r'title: "Pr\e[2J\afung"')
        .replace("title: Begrüßung", r'title: "Begr\e]0;pwned\aüßung\x9b31m\u202e"')
        .replace("clip: clips/film.mp4", r'clip: "clips/\e[31mfilm\r.mp4"'),
        encoding="utf-8",
    )
    code, out, err = check(path)
    assert code == 1
    assert err == ""
    assert not any(c in out for c in RAW_CONTROLS), repr(out)
    lines = out.splitlines()
    assert lines[0].startswith(r"Pr\x1b[2J\x07fung — 19.01.2021")
    assert r"Begr\x1b]0;pwned\x07üßung\x9b31m\u202e" in lines[2]
    assert r"clip file not found: " in lines[3] and r"clips/\x1b[31mfilm\r.mp4" in lines[3]
    assert len(lines) == 6  # one line per row: nothing in a title starts a line of its own


def test_a_newline_in_a_title_does_not_start_a_line(show_dir):
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace("title: Begrüßung", r'title: "Begrüßung\nREADY: 2 segments"'), encoding="utf-8")
    _, out, _ = check(path)
    assert r"Begrüßung\nREADY: 2 segments" in out.splitlines()[2]
    assert len(out.splitlines()) == 6


def test_control_characters_in_an_error_message_are_escaped(show_dir):
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace('duration: "5:00"', r'duration: "\e[2J\a5 Min"'), encoding="utf-8")
    code, out, err = check(path)
    assert (code, out) == (2, "")
    assert err == 'show.yaml:9:15: duration "\\x1b[2J\\x075 Min" is not m:ss or h:mm:ss\n'


def test_control_characters_in_json_are_escaped_and_the_data_is_the_same(show_dir):
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace("title: Begrüßung", r'title: "Begr\e[2J\aüßung\x9b31m\u202e"'), encoding="utf-8")
    _, out, _ = check(path, as_json=True)
    assert not any(c in out for c in RAW_CONTROLS), repr(out)
    assert json.loads(out)["segments"][0]["title"] == "Begr\x1b[2J\x07üßung\x9b31m\u202e"


def test_control_characters_in_a_json_error_are_escaped(show_dir):
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace('duration: "5:00"', r'duration: "\x9b2J5 Min"'), encoding="utf-8")
    code, out, err = check(path, as_json=True)
    assert code == 2
    assert not any(c in out + err for c in RAW_CONTROLS), repr(out + err)
    assert json.loads(out)["error"] == 'show.yaml:9:15: duration "\x9b2J5 Min" is not m:ss or h:mm:ss'


def test_check_command_escapes_control_characters(show_dir, capsys, monkeypatch):
    from presenter import cli

    monkeypatch.setattr(cli, "_probe_or_note", lambda: (None, ()))
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace("title: Prüfung", r'title: "\e]2;owned\a\e[8m"'), encoding="utf-8")
    cli.main(["--check", str(path)])
    out, err = capsys.readouterr()
    assert not any(c in out + err for c in RAW_CONTROLS), repr(out + err)
    assert out.startswith(r"\x1b]2;owned\x07\x1b[8m — 19.01.2021")


def test_timing_counts_a_clip_without_a_written_duration_as_probed(show_dir):
    """Issue 16 #15: the timing line left out the probed clip durations."""
    path = show_dir / "show.yaml"
    path.write_text(SHOW.replace('    duration: "1:15"\n', ""), encoding="utf-8")
    code, out, _ = check(path, fake_probe(FakeMedia(duration_s=75.0)))
    assert code == 0
    assert out.splitlines()[-2] == "timing: planned 6:15 for 17:30–18:00 (30:00): 23:45 to spare"
    _, unprobed, _ = check(path)
    assert unprobed.splitlines()[-2] == "timing: planned 5:00 for 17:30–18:00 (30:00): 25:00 to spare"

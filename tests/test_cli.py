"""The command line: argument errors are one clear line (exit 2), `--check` runs headless."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from presenter import cli

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "assets" / "smart-rlp.yaml"
LAUNCHER = ROOT / "run_presenter.py"


@pytest.fixture
def no_probe(monkeypatch):
    """`--check` with file checks only, whether or not libVLC and the probe are there."""
    monkeypatch.setattr(cli, "_probe_or_note", lambda: (None, ()))


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(LAUNCHER), *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def test_json_without_check(capsys):
    assert cli.main(["--json"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", "presenter: --json goes with --check\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--output-screen", "-1"], 'presenter: argument --output-screen: "-1" is not a screen number (0, 1, 2, …)'),
        (["--output-screen=-1"], 'presenter: argument --output-screen: "-1" is not a screen number (0, 1, 2, …)'),
        (["--output-screen", "abc"], 'presenter: argument --output-screen: "abc" is not a screen number (0, 1, 2, …)'),
        (
            ["--moderator-screen", "1.5"],
            'presenter: argument --moderator-screen: "1.5" is not a screen number (0, 1, 2, …)',
        ),
        (["--output-screen"], "presenter: argument --output-screen: expected one argument"),
        (["--bogus"], "presenter: unrecognized arguments: --bogus"),
    ],
)
def test_bad_arguments(capsys, args, message):
    with pytest.raises(SystemExit) as caught:
        cli.main(args)
    assert caught.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("usage: presenter")
    assert err.endswith(message + "\n")
    assert "Traceback" not in err


def test_screen_numbers_are_parsed():
    args = cli.build_parser().parse_args(["--output-screen", "1", "--moderator-screen", "0", "--windowed"])
    assert (args.output_screen, args.moderator_screen, args.windowed) == (1, 0, True)
    assert cli.build_parser().parse_args([]).show is None  # main() then opens the bundled show


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("presenter ")


def test_check_bundled_show_in_process(capsys, no_probe):
    assert cli.main(["--check"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[-1] == "READY: 6 segments, 6 ready, 0 warning, 0 broken"


def test_check_json_in_process(capsys, no_probe):
    assert cli.main(["--check", str(BUNDLED), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["segments"]) == 6
    assert report["summary"] == {"ready": 6, "warning": 0, "broken": 0}


def test_check_invalid_show_in_process(tmp_path, capsys, no_probe):
    path = tmp_path / "show.yaml"
    path.write_text(BUNDLED.read_text(encoding="utf-8").replace("title: Smart RLP", "title: [Smart, RLP]"), "utf-8")
    assert cli.main(["--check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", 'show.yaml:5:8: "title" must be a single value, not a list\n')


def test_without_the_probe_modules_clips_are_checked_as_files(monkeypatch):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *args: None if name.startswith("presenter.playout.") else real_find_spec(name, *args),
    )
    assert cli._probe_or_note() == (None, ())


# ---------------------------------------------------------------------------- as a user runs it


@pytest.mark.vlc
def test_check_bundled_show_exits_0():
    """With or without the libVLC probe: the sample clips are valid, so the bundled show is ready."""
    result = run("--check")
    assert "Traceback" not in result.stderr
    probing = all(importlib.util.find_spec(f"presenter.playout.{name}") for name in ("vlc_adapter", "probe"))
    if probing and result.returncode == 1 and "note:" in result.stdout:
        pytest.skip(f"libVLC is not usable here: {result.stdout.splitlines()[-2]}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Smart RLP — 19.01.2021 17:30–19:00"
    assert lines[-1] == "READY: 6 segments, 6 ready, 0 warning, 0 broken"


def test_check_invalid_show_exits_2(tmp_path):
    path = tmp_path / "show.yaml"
    path.write_text("version: 1\ntitle: Test\nsegments: {}\n", encoding="utf-8")
    result = run("--check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == 'show.yaml:1:1: the show has no "date"\n'


def test_bad_argument_exits_2_without_traceback():
    result = run("--output-screen", "abc")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        'presenter: argument --output-screen: "abc" is not a screen number (0, 1, 2, …)'
    )
    assert "Traceback" not in result.stderr


@pytest.mark.vlc
def test_check_json_has_what_the_probe_found():
    result = run("--check", "--json")
    report = json.loads(result.stdout)
    media = report["segments"][2]["media"]
    if media is None:
        pytest.skip("libVLC is not usable here")
    clip = BUNDLED.parent / "clips" / "minimogli.mp4"
    assert (media["width"], media["height"], media["duration_s"]) == (1280, 720, pytest.approx(75.0, abs=0.1))
    assert media["size_bytes"] == clip.stat().st_size and media["mtime"] == pytest.approx(clip.stat().st_mtime)
    assert media["audio_channels"] and media["audio_rate"] and media["container"]

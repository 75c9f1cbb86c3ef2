"""The command line: argument errors are one clear line (exit 2), `--check` runs headless."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fake_language import catalog_has, english_afterwards, pseudo  # noqa: F401 - an autouse fixture

from presenter import cli
from presenter.i18n import Language, set_translator, translate

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "assets" / "smart-rlp.yaml"
LAUNCHER = ROOT / "run_presenter.py"


@pytest.fixture
def no_probe(monkeypatch):
    """`--check` with file checks only, whether or not libVLC and the probe are there."""
    monkeypatch.setattr(cli, "_probe_or_note", lambda: (None, ()))


def run(*args: str, timeout: float = 60, lang: str = "C.UTF-8") -> subprocess.CompletedProcess:
    """As a user runs it, in the locale `lang` (English unless a test asks for German)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = lang
    return subprocess.run(
        [sys.executable, str(LAUNCHER), *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env
    )


@pytest.fixture
def pseudo_install(monkeypatch):
    """German as ⟦…⟧ (see fake_language): the languages main() installed, in order."""
    installed = []

    def install(language):
        installed.append(language)
        set_translator(pseudo if language is Language.GERMAN else None)

    monkeypatch.setattr(cli, "install_language", install)
    return installed


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
    assert media is not None, "libVLC is not usable here (tools/setup.sh installs it)"
    clip = BUNDLED.parent / "clips" / "minimogli.mp4"
    assert (media["width"], media["height"], media["duration_s"]) == (1280, 720, pytest.approx(75.0, abs=0.1))
    assert media["size_bytes"] == clip.stat().st_size and media["mtime"] == pytest.approx(clip.stat().st_mtime)
    assert media["audio_channels"] and media["audio_rate"] and media["container"]


# ---------------------------------------------------------------------------- the language


@pytest.mark.parametrize(
    ("argv", "value"),
    [
        (["--lang", "de", "--check"], "de"),
        (["show.yaml", "--lang=en"], "en"),
        (["--check"], None),
        (["--lang"], None),  # the parser then says what is missing
        (["--", "--lang", "de"], None),
    ],
)
def test_the_language_is_read_before_the_parser_is_built(argv, value):
    assert cli.language_argument(argv) == value


def test_lang_de_check_speaks_german_with_file_line_col(tmp_path, capsys, no_probe, pseudo_install):
    path = tmp_path / "show.yaml"
    path.write_text("version: 1\ntitle: Test\nsegments: {}\n", encoding="utf-8")
    assert cli.main(["--lang", "de", "--check", str(path)]) == 2
    assert pseudo_install == [Language.GERMAN]
    assert capsys.readouterr() == ("", 'show.yaml:1:1: ⟦the show has no "date"⟧\n')


def test_lang_en_wins_over_a_german_locale(capsys, monkeypatch, pseudo_install):
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    assert cli.main(["--json"]) == 2
    assert capsys.readouterr().err == "⟦presenter: --json goes with --check⟧\n"
    assert cli.main(["--lang", "en", "--json"]) == 2
    assert capsys.readouterr().err == "presenter: --json goes with --check\n"
    assert pseudo_install == [Language.GERMAN, Language.ENGLISH]


def test_help_and_argparse_words_in_the_language(capsys, pseudo_install):
    with pytest.raises(SystemExit) as caught:
        cli.main(["--lang", "de", "--help"])
    assert caught.value.code == 0
    help_text = capsys.readouterr().out
    assert help_text.startswith("⟦usage: ⟧presenter")
    for text in ("⟦options⟧:", "⟦positional arguments⟧:", "⟦show this help and exit⟧", "⟦DIR⟧"):
        assert text in help_text
    assert "--lang {en,de}" in help_text and "--check" in help_text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bogus"], "⟦unrecognized arguments: --bogus⟧"),
        (["--output-screen"], "⟦argument --output-screen: expected one argument⟧"),
        (["--lang", "fr"], "⟦argument --lang: invalid choice: 'fr' (choose from 'en', 'de')⟧"),
        (["--output-screen", "x"], '⟦argument --output-screen: ⟦"x" is not a screen number (0, 1, 2, …)⟧⟧'),
        (["--output", "o.yaml"], "⟦presenter: --output goes with --import FILE⟧"),
        (["--log"], "⟦presenter: --log, --questions and --to go with --as-run⟧"),
        (["--list"], "⟦presenter: --list and --run go with --as-run⟧"),
    ],
)
def test_argument_errors_in_the_language(capsys, monkeypatch, pseudo_install, args, message):
    monkeypatch.setenv("LANG", "de_DE.UTF-8")  # the locale, without --lang (LANGUAGE would reach glibc's strerror)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    try:
        assert cli.main(args) == 2
    except SystemExit as caught:
        assert caught.code == 2
    err = capsys.readouterr().err
    assert err.endswith(message + "\n" if message.startswith("⟦presenter") else f"presenter: {message}\n")
    assert "Traceback" not in err


def test_an_argparse_message_it_does_not_know_stays_as_argparse_words_it():
    assert cli._argparse_message("ambiguous option: --x could match --xa, --xb") == (
        "ambiguous option: --x could match --xa, --xb"
    )


def test_install_language_points_the_core_at_the_catalog(monkeypatch, capsys):
    from presenter.i18n import qt

    cli.install_language(Language.ENGLISH)
    assert translate("ShowFile", "file not found") == "file not found"

    def missing(language):
        raise FileNotFoundError("presenter_de.qm: the de translation is missing; run bash tools/setup.sh")

    monkeypatch.setattr(qt, "load_translators", missing)
    cli.install_language(Language.GERMAN)  # the messages stay English, with a note why
    assert translate("ShowFile", "file not found") == "file not found"
    assert "the de translation is missing" in capsys.readouterr().err


def _assert_german_catalog(context: str, text: str) -> None:
    assert catalog_has(context, text), f"presenter_de.qm has no German for {context}/{text!r}: tools/i18n.py"


def test_lang_de_check_as_a_user_runs_it(tmp_path):
    _assert_german_catalog("ShowFile", 'the show has no "{required}"')
    path = tmp_path / "show.yaml"
    path.write_text("version: 1\ntitle: Test\nsegments: {}\n", encoding="utf-8")
    result = run("--lang", "de", "--check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "show.yaml:1:1: der Sendung fehlt „date“\n"


def test_a_german_locale_speaks_german_without_lang(tmp_path):
    _assert_german_catalog("ShowFile", 'the show has no "{required}"')
    path = tmp_path / "show.yaml"
    path.write_text("version: 1\ntitle: Test\nsegments: {}\n", encoding="utf-8")
    result = run("--check", str(path), lang="de_DE.UTF-8")
    assert (result.returncode, result.stderr) == (2, "show.yaml:1:1: der Sendung fehlt „date“\n")
    english = run("--check", str(path), "--lang", "en", lang="de_DE.UTF-8")
    assert english.stderr == 'show.yaml:1:1: the show has no "date"\n'


def test_german_argument_errors_as_a_user_runs_it():
    _assert_german_catalog("CommandLine", "usage: ")
    result = run("--lang", "de", "--bogus")
    assert result.returncode == 2
    assert result.stderr.startswith(translate_real("CommandLine", "usage: ") + "presenter")
    assert "Traceback" not in result.stderr


def translate_real(context: str, text: str) -> str:
    from PySide6.QtCore import QTranslator

    from presenter.i18n import Language, catalog

    translator = QTranslator()
    translator.load(str(catalog(Language.GERMAN)))
    return translator.translate(context, text)

"""The remote's command-line options: checked as they are read, with messages in the user's words."""

from __future__ import annotations

import pytest

from presenter.cli import build_parser, main


def test_remote_is_off_by_default():
    args = build_parser().parse_args([])
    assert (args.http, args.osc, args.pin, args.view_key, args.osc_allow, args.osc_feedback) == (None,) * 6


def test_options_are_read():
    args = build_parser().parse_args(
        ["--http", "8080", "--osc", "0.0.0.0:9000", "--osc-allow", "192.168.1.20", "--osc-allow", "::1",
         "--osc-feedback", "192.168.1.20:12321", "--pin", "739154", "--view-key", "stage-1"]
    )  # fmt: skip
    assert args.http == "127.0.0.1:8080" and args.osc == "0.0.0.0:9000"
    assert args.osc_allow == ["192.168.1.20", "::1"] and args.osc_feedback == "192.168.1.20:12321"
    assert (args.pin, args.view_key) == ("739154", "stage-1")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--http", "99999"], "from 1 to 65535"),
        (["--http", "example.org:80"], "is not an IP address"),
        (["--osc", "abc"], "is not [HOST:]PORT"),
        (["--osc", "9000", "--osc-allow", "everyone"], "is not an IP address"),
        (["--pin", "12 34"], "the PIN must be"),
        (["--view-key", "x" * 65], "the view key must be"),
        (["--htt", "80"], "unrecognized arguments: --htt"),  # allow_abbrev=False
    ],
)
def test_bad_values_are_refused_clearly(argv, words, capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(argv)
    assert stop.value.code == 2
    assert words in capsys.readouterr().err


def test_osc_extras_need_osc(capsys):
    assert main(["--osc-allow", "192.168.1.20", "--check"]) == 2
    assert "--osc-allow and --osc-feedback go with --osc" in capsys.readouterr().err

"""The remote's command-line options, checked as they are read (the messages say what is wrong)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from presenter.i18n import translate
from presenter.remote.addresses import parse_host_port, parse_ip
from presenter.remote.auth import check_pin, check_secret


def _checked(check: Callable[[str], object], what: str) -> Callable[[str], object]:
    """An argparse type from a checker that raises ValueError with the user's words."""

    def parse(text: str) -> object:
        try:
            return check(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = what
    return parse


def add_remote_options(parser: argparse.ArgumentParser) -> None:
    """Remote control (HTTP + WebSocket, OSC): off unless asked for; HOST defaults to 127.0.0.1."""

    def host_port(text: str) -> str:
        host, port = parse_host_port(text)
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    remote = parser.add_argument_group(translate("CommandLine", "remote control"))
    remote.add_argument(
        "--http",
        type=_checked(host_port, "--http"),
        metavar="[HOST:]PORT",
        help=translate(
            "CommandLine", "browser views, HTTP API and WebSocket on this port (HOST 127.0.0.1 unless given)"
        ),
    )
    remote.add_argument(
        "--osc",
        type=_checked(host_port, "--osc"),
        metavar="[HOST:]PORT",
        help=translate("CommandLine", "OSC commands over UDP on this port (HOST 127.0.0.1 unless given)"),
    )
    remote.add_argument(
        "--osc-allow",
        type=_checked(parse_ip, "--osc-allow"),
        action="append",
        metavar="IP",
        help=translate("CommandLine", "also take OSC commands from this address (loopback always; repeat for more)"),
    )
    remote.add_argument(
        "--osc-feedback",
        type=_checked(host_port, "--osc-feedback"),
        metavar="HOST:PORT",
        help=translate("CommandLine", "send the time left, phase and segment once a second over OSC to HOST:PORT"),
    )
    remote.add_argument(
        "--pin",
        type=_checked(check_pin, "--pin"),
        metavar="PIN",
        help=translate(
            "CommandLine", "the control PIN for remote commands (default: the one remembered, else a new one)"
        ),
    )
    remote.add_argument(
        "--view-key",
        type=_checked(lambda t: check_secret(t, "the view key"), "--view-key"),
        metavar="KEY",
        help=translate("CommandLine", "the browser views need ?key=KEY (default: views are open)"),
    )
    remote.add_argument(
        "--pin-in-url",
        action="store_true",
        help=translate(
            "CommandLine",
            "also take HTTP commands with ?pin=PIN in the address (for buttons that cannot send a header; "
            "a web page could then send commands through a browser that knows the PIN)",
        ),
    )
    remote.add_argument(
        "--osc-pin",
        action="store_true",
        help=translate(
            "CommandLine",
            "OSC commands from other computers must give the PIN as their first argument (UDP senders can be forged)",
        ),
    )

"""`--obs [ws://]HOST:PORT` and the OBS password (from the settings or PRESENTER_OBS_PASSWORD, never the show file)."""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from presenter.i18n import translate
from presenter.obs.health import ObsHealth

if TYPE_CHECKING:
    from presenter.obs.follower import ObsFollower

DEFAULT_PORT = 4455  # obs-websocket 5's default
PASSWORD_VARIABLE = "PRESENTER_OBS_PASSWORD"
_LONGEST_HOST = 253  # DNS's limit for a whole name
_SHOWN = 60  # characters of a wrong address repeated in its message
_ADDRESS = re.compile(r"(?:ws://)?(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::(?P<port>\d{1,5}))?/?")


def obs_address(text: str) -> str:
    """ "127.0.0.1:4455", "ws://obs-pc:4455" or "obs-pc" → "ws://HOST:PORT"; argparse's type for --obs."""
    found = _ADDRESS.fullmatch(text.strip())
    port = int(found.group("port") or DEFAULT_PORT) if found else 0
    if not found or not 0 < port < 65536 or len(found.group("host")) > _LONGEST_HOST:
        message = translate("CommandLine", '"{text}" is not an OBS address like 127.0.0.1:4455 or ws://obs-pc:4455')
        shown = text if len(text) <= _SHOWN else f"{text[:_SHOWN]}…"  # a pasted page is not repeated whole
        raise argparse.ArgumentTypeError(message.format(text=shown))
    return f"ws://{found.group('host')}:{port}"


def obs_password(settings_value: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The password: PRESENTER_OBS_PASSWORD if set (one run's override), else the settings' (may be empty)."""
    environ = os.environ if environ is None else environ
    value = environ.get(PASSWORD_VARIABLE)
    if value is not None:
        return value
    return settings_value or ""


def add_obs_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--obs",
        type=obs_address,
        metavar="[ws://]HOST:PORT",
        help=translate(
            "CommandLine",
            "follow the show in OBS Studio (obs-websocket 5) and show the stream's health;"
            " with --check: list the scenes the show needs that OBS lacks."
            " Password: PRESENTER_OBS_PASSWORD or the settings",
        ),
    )


def start_follower(
    address: str | None, settings_password: str | None, on_health: Callable[[ObsHealth], None] | None = None
) -> ObsFollower | None:
    """The app's one call at start: None without --obs, else a follower already connecting in the background."""
    if not address:
        return None
    from presenter.obs.follower import ObsFollower  # loaded only with --obs (simpleobsws, asyncio)

    follower = ObsFollower(address, obs_password(settings_password), on_health=on_health)
    follower.start()
    return follower

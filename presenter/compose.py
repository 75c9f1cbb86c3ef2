"""What the process is given: the arguments, the environment and the platform, read once here.

The composition root that builds the parts from them is presenter.ui.parts (it builds the program output
window, so it lives with the windows); nothing else reads environment variables or picks a clock.
May import the layers below it (presenter.run, presenter.i18n, presenter.clock); never the windows.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from presenter.i18n import Language, choose_language
from presenter.run.journal import StateDir, default_state_dir

LANGUAGE_KEY = "language"  # in settings.ini: the language chosen in the director window
VLC_ARGS_ENV = "PRESENTER_VLC_ARGS"  # extra libVLC options, e.g. "--aout=adummy" for silent rehearsals


def choose_platform(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Qt runs on xcb on Linux: there is no video embedding on Wayland (XWayland works)."""
    environ = os.environ if environ is None else environ
    if platform.startswith("linux") and not environ.get("QT_QPA_PLATFORM"):
        return "xcb"
    return None


def vlc_args_from(environ: Mapping[str, str]) -> list[str] | None:
    return shlex.split(environ.get(VLC_ARGS_ENV, "")) or None


def state_dir_for(args: argparse.Namespace) -> StateDir:
    """--state-dir, else the platform's own place for it. The application's journals fsync on a thread
    of their own (presenter.run.journal), so a slow disk does not hold the director's GO."""
    path: Path | None = getattr(args, "state_dir", None)
    return StateDir(path or default_state_dir(), sync_later=True)


def language_for(args: argparse.Namespace, settings: Any, environ: Mapping[str, str]) -> Language:
    """`--lang`, else the language remembered in the settings (key "language"), else the locale."""
    remembered = settings.value(LANGUAGE_KEY)
    return choose_language(getattr(args, "lang", None), remembered if isinstance(remembered, str) else None, environ)

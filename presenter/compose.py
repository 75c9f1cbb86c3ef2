"""The composition root: reads the arguments, the environment and the platform once and builds what
the application is given (clock, program output player, settings, state directory).

Nothing else reads environment variables or picks a clock; tests, benchmarks (the soak) and the
real start differ only in what they pass here.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from presenter.clock import Clock, SystemClock
from presenter.i18n import Language, choose_language, translate
from presenter.run.journal import StateDir, default_state_dir

LANGUAGE_KEY = "language"  # in settings.ini: the language chosen in the director window
VLC_ARGS_ENV = "PRESENTER_VLC_ARGS"  # extra libVLC options, e.g. "--aout=adummy" for silent rehearsals


@dataclass(frozen=True)
class ProgramOutput:
    """The program output window and its player, or why clips cannot play."""

    playout: Any = None
    window: Any = None
    problem: str | None = None


OutputFactory = Callable[[], ProgramOutput]


@dataclass
class AppParts:
    """Everything PresenterApp is handed instead of building it."""

    clock: Clock
    state: StateDir
    settings: Any  # QSettings
    vlc_args: list[str] | None
    start_output: OutputFactory  # called right after the director window is shown
    language: Language = Language.ENGLISH  # --lang, else the one chosen in the director window, else the locale


def choose_platform(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Qt runs on xcb on Linux: there is no video embedding on Wayland (XWayland works)."""
    environ = os.environ if environ is None else environ
    if platform.startswith("linux") and not environ.get("QT_QPA_PLATFORM"):
        return "xcb"
    return None


def vlc_args_from(environ: Mapping[str, str]) -> list[str] | None:
    return shlex.split(environ.get(VLC_ARGS_ENV, "")) or None


def vlc_program_output(vlc_args: list[str] | None) -> OutputFactory:
    """The real program output: libVLC drawing into a ProgramOutputWindow."""

    def start() -> ProgramOutput:
        try:
            from presenter.playout.program import ProgramPlayout
            from presenter.playout.vlc.loader import vlc_status
            from presenter.ui.program_output import ProgramOutputWindow
        except ImportError as exc:
            return ProgramOutput(
                problem=translate("ProgramOutput", "Program output unavailable: {exc}").format(exc=exc)
            )
        ok, message = vlc_status()
        if not ok:
            return ProgramOutput(problem=message)
        window = ProgramOutputWindow()
        return ProgramOutput(ProgramPlayout(window, vlc_args=vlc_args), window)

    return start


def no_program_output(problem: str) -> OutputFactory:
    """No program output (tests, a machine without libVLC): clips fail on air with `problem`."""
    return lambda: ProgramOutput(problem=problem)


def build_parts(
    args: argparse.Namespace,
    environ: Mapping[str, str] | None = None,
    *,
    clock: Clock | None = None,
    start_output: OutputFactory | None = None,
) -> AppParts:
    """The parts for `args`; `clock` and `start_output` replace the real ones (tests, the soak)."""
    from PySide6.QtCore import QSettings

    environ = os.environ if environ is None else environ
    state = StateDir(getattr(args, "state_dir", None) or default_state_dir())
    vlc_args = vlc_args_from(environ)
    settings = QSettings(str(state.path / "settings.ini"), QSettings.Format.IniFormat)
    return AppParts(
        clock=clock or SystemClock(),
        state=state,
        settings=settings,
        vlc_args=vlc_args,
        start_output=start_output or vlc_program_output(vlc_args),
        language=language_for(args, settings, environ),
    )


def language_for(args: argparse.Namespace, settings: Any, environ: Mapping[str, str]) -> Language:
    """`--lang`, else the language remembered in the settings (key "language"), else the locale."""
    remembered = settings.value(LANGUAGE_KEY)
    return choose_language(getattr(args, "lang", None), remembered if isinstance(remembered, str) else None, environ)

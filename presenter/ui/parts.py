"""The composition root: the parts PresenterApp is handed, built once from what the process is given
(presenter.compose reads the arguments, the environment and the platform).

It lives with the windows because the real program output is a window (ProgramOutputWindow) that
libVLC draws into; tests, benchmarks (the soak) and the real start differ only in what they pass here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from presenter.clock import Clock, SystemClock
from presenter.compose import language_for, state_dir_for, vlc_args_from
from presenter.i18n import Language, translate
from presenter.playout.interface import Playout
from presenter.run.journal import StateDir

if TYPE_CHECKING:
    from presenter.ui.program_output import ProgramOutputWindow


@dataclass(frozen=True)
class ProgramOutput:
    """The program output window and its player, or why clips cannot play."""

    playout: Playout | None = None
    window: ProgramOutputWindow | None = None
    problem: str | None = None


OutputFactory = Callable[[], ProgramOutput]


@dataclass(frozen=True)
class AppParts:
    """Everything PresenterApp is handed instead of building it."""

    clock: Clock
    state: StateDir
    settings: QSettings
    vlc_args: list[str] | None
    start_output: OutputFactory  # called right after the director window is shown
    language: Language = Language.ENGLISH  # --lang, else the one chosen in the director window, else the locale


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
    environ = os.environ if environ is None else environ
    state = state_dir_for(args)
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


def show_to_open(args: argparse.Namespace) -> Path:
    """The show named on the command line; else the latest run's show (it may need resuming), else the bundled one."""
    if getattr(args, "show_named", True):
        return Path(args.show)
    return state_dir_for(args).last_show() or Path(args.show)


def install_language(i18n_qt: ModuleType, language: Language) -> None:
    """A missing catalog leaves the windows in English: the show goes on."""
    try:
        i18n_qt.install(language)
    except FileNotFoundError as exc:
        print(f"presenter: {exc}", file=sys.stderr)

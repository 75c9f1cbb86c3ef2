"""Command line: `presenter [SHOW] [--check] ...`; opens the windows or runs the headless preflight."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from presenter import __version__

BUNDLED_SHOW = Path(__file__).resolve().parent.parent / "assets" / "smart-rlp.yaml"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own wording, without the traceback-looking usage dump
        self.print_usage(sys.stderr)
        self.exit(2, f"presenter: {message}\n")


def _screen_index(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a screen number (0, 1, 2, …)') from None
    if value < 0:
        raise argparse.ArgumentTypeError(f'"{text}" is not a screen number (0, 1, 2, …)')
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="presenter",
        description="Run a live-streamed show: director, moderator and program output windows.",
    )
    parser.add_argument(
        "show",
        nargs="?",
        type=Path,
        default=None,
        help="the show file (default: the windows reopen the latest run's show, --check checks the bundled show)",
    )
    parser.add_argument("--check", action="store_true", help="check the show file and every clip, then exit")
    parser.add_argument("--json", action="store_true", help="with --check: print the result as JSON")
    parser.add_argument(
        "--output-screen", type=_screen_index, metavar="N", help="program output fullscreen on screen N (0-based)"
    )
    parser.add_argument(
        "--moderator-screen", type=_screen_index, metavar="N", help="moderator window fullscreen on screen N"
    )
    parser.add_argument("--windowed", action="store_true", help="keep every window windowed (rehearsals)")
    parser.add_argument(
        "--state-dir",
        type=Path,
        metavar="DIR",
        help="where journals (crash recovery, as-run) are kept (default: the per-user data folder)",
    )
    parser.add_argument(
        "--new-run", action="store_true", help="start in standby with a new journal, even if a run was interrupted"
    )
    parser.add_argument("--as-run", action="store_true", help="print the as-run record of the latest run as CSV")
    parser.add_argument(
        "--status-file",
        type=Path,
        metavar="FILE",
        help="keep FILE updated with the show state as JSON (monitoring, end-to-end tests)",
    )
    parser.add_argument("--version", action="version", version=f"presenter {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    explicit_show = args.show is not None
    args.show = args.show or BUNDLED_SHOW  # --check and --as-run; the windows may reopen the latest run's show
    args.show_named = explicit_show
    if args.json and not args.check:
        print("presenter: --json goes with --check", file=sys.stderr)
        return 2
    if args.check:
        return _check(args)
    if args.as_run:
        return _as_run(args, explicit_show)
    from presenter.ui.app import run_app

    return run_app(args)


def _check(args: argparse.Namespace) -> int:
    from presenter.preflight import run_check

    probe, notes = _probe_or_note()
    return run_check(args.show, probe, notes, args.json, sys.stdout, sys.stderr)


def _as_run(args: argparse.Namespace, explicit_show: bool) -> int:
    """--as-run: the latest run of SHOW (or of any show when none is named) as CSV on stdout."""
    from presenter.as_run import as_run_csv, engine_from_journal
    from presenter.journal import StateDir, default_state_dir, read_journal
    from presenter.show import ShowFileError, load_show

    state = StateDir(args.state_dir or default_state_dir())
    try:
        show = load_show(args.show) if explicit_show else None
        journal = state.latest_journal(show)
        if journal is None:
            what = f"of {args.show}" if explicit_show else "at all"
            print(f"presenter: no run {what} in {state.path}", file=sys.stderr)
            return 1
        if show is None:
            header = read_journal(journal).header
            show = load_show(Path(header.get("show", args.show)))
        engine, warnings = engine_from_journal(journal, show)
    except ShowFileError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"presenter: cannot read the journal: {exc}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"presenter: {warning}", file=sys.stderr)
    sys.stdout.write(as_run_csv(engine))
    return 0


def _probe_or_note():
    """The libVLC probe, or None with a note saying why clips are only checked as files."""
    if not all(importlib.util.find_spec(f"presenter.playout.{name}") for name in ("vlc_adapter", "probe")):
        return None, ()  # a build without media probing: clips are checked as files (exist, readable)
    try:
        from presenter.playout import vlc_adapter
        from presenter.playout.probe import probe
    except ImportError as exc:  # pragma: no cover - the adapter ships with the package
        return None, (f"clips not probed: {exc}",)
    ok, message = vlc_adapter.vlc_status()
    if not ok:
        return None, (message,)
    return probe, ()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""Command line: `presenter [SHOW] [--check] ...`; opens the windows or runs the headless preflight."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from presenter import __version__
from presenter.remote.options import add_remote_options

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
        allow_abbrev=False,
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
    parser.add_argument("--list", action="store_true", help="with --as-run: list the runs kept, newest first")
    parser.add_argument("--run", metavar="ID", help="with --as-run: the run with this id (from --as-run --list)")
    parser.add_argument(
        "--status-file",
        type=Path,
        metavar="FILE",
        help="keep FILE updated with the show state as JSON (monitoring, end-to-end tests)",
    )
    add_remote_options(parser)  # --http, --osc, --osc-allow, --osc-feedback, --pin, --view-key
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
    if (args.list or args.run) and not args.as_run:
        print("presenter: --list and --run go with --as-run", file=sys.stderr)
        return 2
    if (args.osc_allow or args.osc_feedback) and not args.osc:
        print("presenter: --osc-allow and --osc-feedback go with --osc", file=sys.stderr)
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
    """--as-run: a run of SHOW (or of any show when none is named) as CSV on stdout, or --list of the runs.

    The run is the latest in which something happened (a start that stayed in standby hides
    nothing), or the one named with --run.
    """
    from presenter.as_run import as_run_csv, engine_from_journal
    from presenter.journal import StateDir, default_state_dir
    from presenter.runs import find_run, latest_run, list_runs
    from presenter.show import ShowFileError, load_show

    state = StateDir(args.state_dir or default_state_dir())
    try:
        show = load_show(args.show) if explicit_show else None
        if args.list:
            return _list_runs(list_runs(state, show), state)
        run = find_run(state, args.run) if args.run else latest_run(state, show)
        if run is None:
            what = f'"{args.run}"' if args.run else f"of {args.show}" if explicit_show else "at all"
            hint = " (see --as-run --list)" if args.run else ""
            print(f"presenter: no run {what} in {state.path}{hint}", file=sys.stderr)
            return 1
        if show is None or args.run:
            show = load_show(Path(run.show)) if run.show else load_show(args.show)
        engine, warnings = engine_from_journal(run.path, show)
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


def _list_runs(runs, state) -> int:
    if not runs:
        print(f"presenter: no run in {state.path}", file=sys.stderr)
        return 1
    print(f"{'id':<40}  {'started':<19}  {'GOs':>4}  {'state':<24}  show")
    for run in runs:
        started = run.started[:19].replace("T", " ")
        print(f"{run.id:<40}  {started:<19}  {run.gos:>4}  {run.state:<24}  {_printable(run.title)}")
    return 0


def _printable(text: str) -> str:
    """Control characters from a file are shown escaped, never sent to the terminal."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


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

"""Command line: `presenter [SHOW] [--check] ...`; opens the windows or runs the headless preflight.

It speaks the language of `--lang`, else of the system locale: the help, argparse's own words, the
messages of `--check`, `--as-run` and `--import`, and the German as-run CSV.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from presenter import __version__
from presenter.i18n import QT_TRANSLATE_NOOP, Language, choose_language, set_translator, translate
from presenter.obs.options import add_obs_options
from presenter.remote.options import add_remote_options

if TYPE_CHECKING:
    from presenter.clips.preflight import Probe
    from presenter.run.engine import ShowEngine
    from presenter.run.journal import StateDir
    from presenter.run.runs import RunInfo

BUNDLED_SHOW = Path(__file__).resolve().parent.parent / "assets" / "smart-rlp.yaml"

# argparse's own messages, in the user's language (argparse words them in English only).
_ARGPARSE_MESSAGES = (
    (
        re.compile(r"the following arguments are required: (?P<args>.*)", re.S),
        QT_TRANSLATE_NOOP("CommandLine", "the following arguments are required: {args}"),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<args>.*)", re.S),
        QT_TRANSLATE_NOOP("CommandLine", "unrecognized arguments: {args}"),
    ),
    (
        re.compile(r"argument (?P<argument>\S+): expected one argument"),
        QT_TRANSLATE_NOOP("CommandLine", "argument {argument}: expected one argument"),
    ),
    (
        re.compile(r"argument (?P<argument>\S+): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", re.S),
        QT_TRANSLATE_NOOP("CommandLine", "argument {argument}: invalid choice: {value} (choose from {choices})"),
    ),
    (
        re.compile(r"argument (?P<argument>\S+): (?P<message>.*)", re.S),
        QT_TRANSLATE_NOOP("CommandLine", "argument {argument}: {message}"),
    ),
)


def _argparse_message(message: str) -> str:
    for pattern, text in _ARGPARSE_MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return translate("CommandLine", text).format(**found.groupdict())
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = translate("CommandLine", "usage: ")
        super().add_usage(usage, actions, groups, prefix)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, without the traceback-looking usage dump
        self.print_usage(sys.stderr)
        self.exit(2, f"presenter: {_argparse_message(message)}\n")


def _screen_index(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        message = translate("CommandLine", '"{text}" is not a screen number (0, 1, 2, …)').format(text=text)
        raise argparse.ArgumentTypeError(message)
    return value


def language_argument(argv: Sequence[str]) -> str | None:
    """The value of `--lang` before the parser is built (its help is in that language); None without one."""
    for number, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and number + 1 < len(argv):
            return argv[number + 1]
        if argument.startswith("--lang="):
            return argument.removeprefix("--lang=")
    return None


def install_language(language: Language) -> None:
    """Speak `language` on the command line (no QApplication needed); English is the source text."""
    if language is Language.ENGLISH:
        set_translator(None)
        return
    try:
        from presenter.i18n.qt import install
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        return
    try:
        install(language)
    except OSError as exc:  # the catalog is missing: the messages stay English
        set_translator(None)
        print(f"presenter: {exc}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the language installed now (see `install_language`)."""

    parser = _Parser(
        prog="presenter",
        description=translate(
            "CommandLine", "Run a live-streamed show: director, moderator and program output windows."
        ),
        formatter_class=_Formatter,
        add_help=False,
        allow_abbrev=False,
    )
    positionals = parser.add_argument_group(translate("CommandLine", "positional arguments"))
    options = parser.add_argument_group(translate("CommandLine", "options"))
    positionals.add_argument(
        "show",
        nargs="?",
        type=Path,
        default=None,
        help=translate(
            "CommandLine",
            "the show file (default: the windows reopen the latest run's show, --check checks the bundled show)",
        ),
    )
    _add_window_options(options)
    _add_run_options(options)
    _add_file_options(options)
    add_remote_options(parser)  # --http, --osc, --osc-allow, --osc-feedback, --pin, --view-key
    add_obs_options(parser)  # --obs
    return parser


def _add_window_options(options: argparse._ArgumentGroup) -> None:
    """Help, language, --check, the screens and where runs are kept (in the order --help lists them)."""
    options.add_argument("-h", "--help", action="help", help=translate("CommandLine", "show this help and exit"))
    options.add_argument(
        "--lang",
        choices=[language.value for language in Language],
        help=translate(
            "CommandLine",
            "the language of the windows and messages (default: the one chosen in the app, else the system's);"
            " with --as-run also the CSV for Excel (de: ';' and a UTF-8 BOM)",
        ),
    )
    options.add_argument(
        "--check", action="store_true", help=translate("CommandLine", "check the show file and every clip, then exit")
    )
    options.add_argument(
        "--json", action="store_true", help=translate("CommandLine", "with --check: print the result as JSON")
    )
    options.add_argument(
        "--output-screen",
        type=_screen_index,
        metavar="N",
        help=translate("CommandLine", "program output fullscreen on screen N (0-based)"),
    )
    options.add_argument(
        "--moderator-screen",
        type=_screen_index,
        metavar="N",
        help=translate("CommandLine", "moderator window fullscreen on screen N"),
    )
    options.add_argument(
        "--windowed", action="store_true", help=translate("CommandLine", "keep every window windowed (rehearsals)")
    )
    options.add_argument(
        "--state-dir",
        type=Path,
        metavar=translate("CommandLine", "DIR"),
        help=translate(
            "CommandLine", "where journals (crash recovery, as-run) are kept (default: the per-user data folder)"
        ),
    )
    options.add_argument(
        "--new-run",
        action="store_true",
        help=translate("CommandLine", "start in standby with a new journal, even if a run was interrupted"),
    )


def _add_run_options(options: argparse._ArgumentGroup) -> None:
    """The as-run and its companions, and rehearsing."""
    options.add_argument(
        "--as-run",
        action="store_true",
        help=translate("CommandLine", "print the as-run record of the latest run as CSV"),
    )
    options.add_argument(
        "--log",
        action="store_true",
        help=translate(
            "CommandLine", "with --as-run: the log of messages, stops to black and clip failures instead of the airings"
        ),
    )
    options.add_argument(
        "--questions",
        action="store_true",
        help=translate(
            "CommandLine", "with --as-run: the run's audience questions (received, shown, answered or dropped)"
        ),
    )
    options.add_argument(
        "--to",
        type=Path,
        metavar=translate("CommandLine", "DIR"),
        help=translate(
            "CommandLine",
            "with --as-run: write as-run-<date of the run>-<show>.csv and …-log.csv into DIR instead of printing",
        ),
    )
    options.add_argument(
        "--rehearse",
        action="store_true",
        help=translate(
            "CommandLine",
            "rehearse: plan the running order from the first GO, so early/late and the hard out mean something",
        ),
    )
    options.add_argument(
        "--list", action="store_true", help=translate("CommandLine", "with --as-run: list the runs kept, newest first")
    )
    options.add_argument(
        "--run",
        metavar="ID",
        help=translate("CommandLine", "with --as-run: the run with this id (from --as-run --list)"),
    )


def _add_file_options(options: argparse._ArgumentGroup) -> None:
    """The status file, importing a show, the version."""
    options.add_argument(
        "--status-file",
        type=Path,
        metavar=translate("CommandLine", "FILE"),
        help=translate("CommandLine", "keep FILE updated with the show state as JSON (monitoring, end-to-end tests)"),
    )
    options.add_argument(
        "--import",
        dest="import_file",
        type=Path,
        metavar=translate("CommandLine", "FILE"),
        help=translate(
            "CommandLine",
            "make a show file from an Ontime project (.json) or a spreadsheet (.xlsx, .csv); with --output SHOW.yaml",
        ),
    )
    options.add_argument(
        "--output",
        type=Path,
        metavar="SHOW.yaml",
        help=translate("CommandLine", "with --import: the show file to write"),
    )
    options.add_argument(
        "--version",
        action="version",
        version=f"presenter {__version__}",
        help=translate("CommandLine", "show the version and exit"),
    )


def main(argv: list[str] | None = None) -> int:
    """`args.lang` is `--lang` as given (None without it): the app weighs it against the choice it remembers."""
    argv = sys.argv[1:] if argv is None else argv
    install_language(choose_language(language_argument(argv), None))
    args = build_parser().parse_args(argv)
    if args.import_file is not None or args.output is not None:
        from presenter.importers.command import run_import

        if args.import_file is None:
            print(translate("CommandLine", "presenter: --output goes with --import FILE"), file=sys.stderr)
            return 2
        return run_import(args.import_file, args.output, sys.stdout, sys.stderr)
    explicit_show = args.show is not None
    args.show = args.show or BUNDLED_SHOW  # --check and --as-run; the windows may reopen the latest run's show
    args.show_named = explicit_show
    if args.json and not args.check:
        print(translate("CommandLine", "presenter: --json goes with --check"), file=sys.stderr)
        return 2
    if (args.list or args.run) and not args.as_run:
        print(translate("CommandLine", "presenter: --list and --run go with --as-run"), file=sys.stderr)
        return 2
    if (args.log or args.to or args.questions) and not args.as_run:
        print(translate("CommandLine", "presenter: --log, --questions and --to go with --as-run"), file=sys.stderr)
        return 2
    if args.log and args.questions:
        print(translate("CommandLine", "presenter: --log or --questions, not both"), file=sys.stderr)
        return 2
    if (args.osc_allow or args.osc_feedback) and not args.osc:
        print(translate("CommandLine", "presenter: --osc-allow and --osc-feedback go with --osc"), file=sys.stderr)
        return 2
    if args.check:
        return _check(args)
    if args.as_run:
        return _as_run(args, explicit_show)
    from presenter.ui.launch import launch

    return launch(args)


def _check(args: argparse.Namespace) -> int:
    from presenter.clips.preflight import run_check

    probe, notes = _probe_or_note()
    code = run_check(args.show, probe, notes, args.json, sys.stdout, sys.stderr)
    if args.obs and code != 2:
        from presenter.compose import state_dir_for
        from presenter.obs.check import check_obs
        from presenter.obs.options import obs_password
        from presenter.ui.obs_settings import stored_password  # the director's OBS settings

        password = obs_password(stored_password(state_dir_for(args).path))
        # With --json, stdout stays one JSON document: what OBS lacks goes to stderr.
        code = max(code, check_obs(args.show, args.obs, password, sys.stderr if args.json else sys.stdout))
    return code


def _as_run(args: argparse.Namespace, explicit_show: bool) -> int:
    """--as-run: a run of SHOW (or of any show when none is named) as CSV on stdout, or --list of the runs.

    The run is the latest in which something happened (a start that stayed in standby hides
    nothing), or the one named with --run.
    """
    from presenter.run.as_run import engine_from_journal
    from presenter.run.journal import StateDir, default_state_dir
    from presenter.run.runs import find_run, latest_run, list_runs
    from presenter.show import ShowFileError, load_show

    state = StateDir(args.state_dir or default_state_dir())
    try:
        show = load_show(args.show) if explicit_show else None
        if args.list:
            return _list_runs(list_runs(state, show), state)
        run = find_run(state, args.run) if args.run else latest_run(state, show)
        if run is None:
            if args.run:
                text = translate("CommandLine", 'presenter: no run "{run}" in {path} (see --as-run --list)')
            elif explicit_show:
                text = translate("CommandLine", "presenter: no run of {show} in {path}")
            else:
                text = translate("CommandLine", "presenter: no run at all in {path}")
            print(text.format(run=args.run, show=args.show, path=state.path), file=sys.stderr)
            return 1
        if show is None or args.run:
            show = load_show(Path(run.show)) if run.show else load_show(args.show)
        engine, warnings = engine_from_journal(run.path, show)
    except ShowFileError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except OSError as exc:
        print(translate("CommandLine", "presenter: cannot read the journal: {exc}").format(exc=exc), file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"presenter: {warning}", file=sys.stderr)
    return _write_as_run(args, engine)


def _write_as_run(args: argparse.Namespace, engine: ShowEngine) -> int:
    from presenter.files import atomic_write
    from presenter.run.as_run import as_run_csv, as_run_file_name, as_run_log_csv

    lang = choose_language(args.lang, None).value  # the German CSV (`;`, BOM, German headers) with German
    exports = {"as-run": as_run_csv, "log": as_run_log_csv, "questions": _questions_csv}
    if args.to is None:
        chosen = "log" if args.log else "questions" if args.questions else "as-run"
        sys.stdout.write(exports[chosen](engine, lang))
        return 0
    try:
        for name, export in exports.items():
            path = args.to / as_run_file_name(engine, name == "log")
            if name == "questions":
                path = path.with_name(path.stem + "-questions.csv")
            atomic_write(path, export(engine, lang))
            print(path)
    except OSError as exc:
        message = translate("CommandLine", "presenter: cannot write the as-run into {to}: {error}")
        print(message.format(to=args.to, error=exc.strerror or exc), file=sys.stderr)
        return 1
    return 0


def _questions_csv(engine: ShowEngine, lang: str) -> str:
    """The questions of the run, one row each, in the as-run's CSV dialect; damaged entries on stderr."""
    from presenter.csvout import dialect_for
    from presenter.questions.csv_file import questions_csv_for_run

    text, warnings = questions_csv_for_run(engine.question_records, dialect_for(lang))
    for warning in warnings:
        print(f"presenter: {warning}", file=sys.stderr)
    return text


def _list_runs(runs: list[RunInfo], state: StateDir) -> int:
    if not runs:
        print(translate("CommandLine", "presenter: no run in {path}").format(path=state.path), file=sys.stderr)
        return 1
    header = translate("CommandLine", "{id:<40}  {started:<19}  {gos:>4}  {state:<24}  show")
    print(
        header.format(
            id=translate("CommandLine", "id"),
            started=translate("CommandLine", "started"),
            gos=translate("CommandLine", "GOs"),
            state=translate("CommandLine", "state"),
        )
    )
    for run in runs:
        started = run.started[:19].replace("T", " ")
        print(f"{run.id:<40}  {started:<19}  {run.gos:>4}  {run.state:<24}  {_printable(run.title)}")
    return 0


def _printable(text: str) -> str:
    """Control characters from a file are shown escaped, never sent to the terminal."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _probe_or_note() -> tuple[Probe | None, tuple[str, ...]]:
    """The libVLC probe, or None with a note saying why clips are only checked as files."""
    if not all(importlib.util.find_spec(f"presenter.playout.{name}") for name in ("vlc", "probe")):
        return None, ()  # a build without media probing: clips are checked as files (exist, readable)
    try:
        from presenter.playout.probe import probe
        from presenter.playout.vlc.loader import vlc_status
    except ImportError as exc:  # pragma: no cover - the adapter ships with the package
        return None, (translate("CommandLine", "clips not probed: {exc}").format(exc=exc),)
    ok, message = vlc_status()
    if not ok:
        return None, (message,)
    return probe, ()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The crash journal: every input to the show, one JSON line each, on disk before it takes effect.

A run's journal starts with a header line (which show file, which day); the lines after it are
the engine's inputs (`ShowEngine.journal`). Replaying them rebuilds the show state after a crash,
and the same replay gives the as-run record.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from presenter.clock import Clock
from presenter.files import atomic_write
from presenter.i18n import translate
from presenter.run.engine import Mode, ShowEngine
from presenter.show import Show

if TYPE_CHECKING:
    from presenter.statelock import StateLock

JOURNAL_DIR = "journals"
STARTS_FILE = "starts.log"
MAX_LINE_BYTES = 64 * 1024  # the engine writes lines of a few hundred bytes; a longer one is damage
HEADER_KEYS = ("show", "show_id", "title", "day", "started")
DIR_MODE = 0o700  # the journals say what went on air and every message: private to the user
FILE_MODE = 0o600
CRASH_LOOP_STARTS = 3
CRASH_LOOP_WINDOW_S = 60.0
SYNC_CLOSE_WAIT_S = 2.0  # a close that waits, waits this long for the last fsync (a hung disk must not hang the quit)


class _SyncLater:
    """fsync on a thread of its own, so a slow disk never holds the show's thread (issue 25: the fsync
    was ~2 ms of every GO and up to 263 ms on a busy disk).

    The line is written and flushed before the intent takes effect: a crash of Presenter, kill -9
    included, keeps it, since it is in the operating system's hands. The disk gets it milliseconds
    later, so only a power cut in those milliseconds can lose the last lines. Lines written while an
    fsync runs share the next one. An fsync that fails is kept in `error` until one succeeds; the
    writer reports it at its next line (the heartbeat writes one every 2 s on air).
    """

    def __init__(self, file: TextIO) -> None:
        self._file = file  # closed on this thread after its last fsync, once close() is called
        self._fileno = file.fileno()
        self._cond = threading.Condition()
        self._wanted = self._done = 0
        self._closed = False
        self.error: OSError | None = None
        self._thread = threading.Thread(target=self._run, name="journal-fsync", daemon=True)
        self._thread.start()

    def request(self) -> None:
        with self._cond:
            self._wanted += 1
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._closed or self._done != self._wanted)
                if self._done == self._wanted:  # closed, nothing left to sync: the file goes with the thread
                    with contextlib.suppress(OSError):
                        self._file.close()
                    return
                target = self._wanted
            error: OSError | None = None
            try:
                os.fsync(self._fileno)
            except OSError as exc:
                error = exc
            with self._cond:
                self.error = error
                self._done = target
                self._cond.notify_all()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Until every line written so far is on the disk (or `timeout_s` passed): True when it is."""
        with self._cond:
            return self._cond.wait_for(lambda: self._done == self._wanted, timeout_s)

    def close(self) -> None:
        """The last lines go to the disk and the file is closed on this thread: a new run does not wait
        for the disk either (`ended` waits, when that matters)."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def ended(self, timeout_s: float) -> bool:
        self._thread.join(timeout_s)
        return not self._thread.is_alive()


def default_state_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("presenter", appauthor=False))


def private_dir(path: Path) -> None:
    """Create `path` (and its parents) and make it 0700; a failure is left to the write that follows."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o777 != DIR_MODE:
            path.chmod(DIR_MODE)


def show_fingerprint(show: Show) -> str:
    """Which show file a journal belongs to: its absolute path (contents may change mid-show)."""
    return hashlib.sha256(str(show.path).encode()).hexdigest()[:16]


class JournalWriter:
    """Appends records with flush + fsync. A write that fails is reported, never raised: the show goes on.

    `sync_later`: the fsync runs on a thread of its own (see _SyncLater); the application's journals
    do so, the command line's and the tests of the writer itself sync at once.
    """

    def __init__(self, path: Path, on_problem: Callable[[str], None] | None = None, *, sync_later: bool = False):
        self.path = path
        self.on_problem = on_problem
        self.problem: str | None = None
        self._file: TextIO | None = None
        self._syncer: _SyncLater | None = None
        try:
            private_dir(path.parent.parent)
            private_dir(path.parent)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
            with contextlib.suppress(OSError):
                os.fchmod(fd, FILE_MODE)
            self._file = open(fd, "a", encoding="utf-8")  # noqa: SIM115 - kept open for the whole run
            self._end_torn_line(fd)
        except OSError as exc:
            self._fail(exc)
        if sync_later and self._file is not None:
            self._syncer = _SyncLater(self._file)

    def _end_torn_line(self, fd: int) -> None:
        """A journal whose last line was cut off (power loss) gets its newline before the next record,
        so the next record is a line of its own, not glued onto the fragment and lost with it."""
        size = os.fstat(fd).st_size
        if size:
            try:
                with open(self.path, "rb") as existing:
                    existing.seek(size - 1)
                    last = existing.read(1)
            except OSError:
                last = b"\n"  # cannot tell: the records still get written
            if last != b"\n" and self._file is not None:
                self._file.write("\n")
                self._file.flush()

    def append(self, record: dict[str, Any]) -> bool:
        if self._file is None:
            return False
        try:
            self._file.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            self._file.flush()
            if self._syncer is None:
                os.fsync(self._file.fileno())
            else:
                earlier = self._syncer.error  # read before this line's fsync is asked for: it is an earlier line's
                self._syncer.request()
                if earlier is not None:  # an earlier line did not reach the disk
                    raise earlier
        except OSError as exc:
            self._fail(exc)
            return False
        if self.problem is not None:
            self.problem = None
            if self.on_problem:
                self.on_problem("")
        return True

    def _fail(self, exc: OSError) -> None:
        message = translate(
            "Journal", "the journal cannot be written ({error}): a crash now would lose the show state"
        ).format(error=exc.strerror or exc)
        if message != self.problem:
            self.problem = message
            if self.on_problem:
                self.on_problem(message)

    def synced(self, timeout_s: float | None = None) -> bool:
        """Wait until every line written so far is on the disk: True when it is (always, syncing at once)."""
        return self._syncer is None or self._syncer.wait(timeout_s)

    def close(self, *, wait: bool = False) -> None:
        """No more lines. Syncing later, the file is closed after its last fsync on the sync thread;
        `wait` waits for that (at most SYNC_CLOSE_WAIT_S: a disk that hangs must not hang the quit)."""
        syncer, file = self._syncer, self._file
        self._syncer = self._file = None
        if syncer is not None:  # it closes the file
            syncer.close()
            if wait:
                syncer.ended(SYNC_CLOSE_WAIT_S)
        elif file is not None:
            with contextlib.suppress(OSError):
                file.close()


@dataclass
class JournalContents:
    path: Path
    header: dict[str, Any]
    records: list[dict[str, Any]]
    warnings: list[str]


def read_journal(path: Path) -> JournalContents:
    """Read a journal; a torn last line (power loss mid-write) or a damaged line is skipped with a warning.

    Never raises for the contents (only OSError for the file): every record keeps its line number
    (`_line`) for the warnings of the replay. A damaged header is rebuilt from the file name.
    """
    header: dict[str, Any] = {}
    records: list[dict[str, Any]] = []
    warnings: list[str] = []
    raw = path.read_bytes()
    lines = raw.split(b"\n")
    torn_tail = not raw.endswith(b"\n") and lines[-1] != b""
    header_damaged = False
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        last = number == len(lines) and torn_tail
        if len(line) > MAX_LINE_BYTES:
            warnings.append(
                translate("Journal", "journal {name}: line {number} is too long ({size} KiB); it is ignored").format(
                    name=path.name, number=number, size=len(line) // 1024
                )
            )
            header_damaged = header_damaged or (number == 1)
            continue
        try:
            record = json.loads(line.decode("utf-8"))
            if not isinstance(record, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError, RecursionError):
            if last:
                text = translate(
                    "Journal", "journal {name}: its last line was cut off (power loss?); that entry is ignored"
                )
            else:
                text = translate("Journal", "journal {name}: line {number} is damaged; that entry is ignored")
            warnings.append(text.format(name=path.name, number=number))
            header_damaged = header_damaged or (number == 1)
            continue
        if record.get("type") == "run":
            header = {"type": "run", **{k: v for k, v in record.items() if k in HEADER_KEYS and isinstance(v, str)}}
        else:
            record["_line"] = number
            records.append(record)
    header = _checked_header(path, header, header_damaged, warnings)
    return JournalContents(path, header, records, warnings)


def _checked_header(path: Path, header: dict[str, Any], damaged: bool, warnings: list[str]) -> dict[str, Any]:
    """The header as read, or rebuilt from the file name when its day is missing or damaged (with a warning)."""
    if not _valid_day(header.get("day")):
        recovered = header_from_name(path)
        if recovered:
            header = {**recovered, **{k: v for k, v in header.items() if k != "day"}, "day": recovered["day"]}
            warnings.append(
                translate(
                    "Journal",
                    "journal {name}: its first line (which show, which day) is damaged;"
                    " the day {day} is taken from the file name",
                ).format(name=path.name, day=header["day"])
            )
        elif damaged or header:
            warnings.append(
                translate("Journal", "journal {name}: its first line (which show, which day) is damaged").format(
                    name=path.name
                )
            )
    return header


def _valid_day(day: object) -> bool:
    try:
        return isinstance(day, str) and date.fromisoformat(day).isoformat() == day
    except ValueError:
        return False


def header_from_name(path: Path) -> dict[str, Any]:
    """What a journal's name says: `20210119-172958-000000-<show fingerprint>.jsonl`."""
    parts = path.stem.split("-")
    if len(parts) != 4:
        return {}
    try:
        started = datetime.strptime("-".join(parts[:3]), "%Y%m%d-%H%M%S-%f")
    except ValueError:
        return {}
    return {
        "type": "run",
        "show_id": parts[3],
        "day": started.date().isoformat(),
        "started": started.isoformat(),
        "recovered": True,
    }


class StateDir:
    """The state directory: journals of every run, kept; the start log for crash-loop detection."""

    def __init__(self, path: Path, *, sync_later: bool = False):
        self.path = path
        self.sync_later = sync_later  # the journals' fsync on a thread of their own (JournalWriter)

    @property
    def journals(self) -> Path:
        return self.path / JOURNAL_DIR

    def acquire_lock(self) -> StateLock:
        """Hold this state directory for this process (see presenter.statelock).

        Raises StateLockError `another Presenter (pid 1234) is using the state directory …`.
        """
        from presenter.statelock import acquire

        lock = acquire(self.path)
        self.make_private()
        return lock

    def make_private(self) -> None:
        """The state directory 0700 and every file in it 0600 (those of older versions were world-readable)."""
        with contextlib.suppress(OSError):
            private_dir(self.path)
            if self.journals.is_dir():
                private_dir(self.journals)
            for file in [*self.path.iterdir(), *(self.journals.iterdir() if self.journals.is_dir() else ())]:
                with contextlib.suppress(OSError):
                    if file.is_file() and not file.is_symlink() and file.stat().st_mode & 0o077:
                        file.chmod(FILE_MODE)

    def new_journal(self, show: Show, now: datetime, on_problem: Callable[[str], None] | None = None) -> JournalWriter:
        stamp = now.strftime("%Y%m%d-%H%M%S-%f")
        path = self.journals / f"{stamp}-{show_fingerprint(show)}.jsonl"
        writer = JournalWriter(path, on_problem, sync_later=self.sync_later)
        writer.append(
            {
                "type": "run",
                "show": str(show.path),
                "show_id": show_fingerprint(show),
                "title": show.title,
                "day": now.date().isoformat(),
                "started": now.isoformat(),
            }
        )
        return writer

    def reopen(self, path: Path, on_problem: Callable[[str], None] | None = None) -> JournalWriter:
        return JournalWriter(path, on_problem, sync_later=self.sync_later)

    def all_journals(self, show: Show | None = None) -> list[Path]:
        try:
            paths = sorted(self.journals.glob("*.jsonl"))
        except OSError:
            return []
        if show is not None:
            suffix = f"-{show_fingerprint(show)}.jsonl"
            paths = [p for p in paths if p.name.endswith(suffix)]
        return paths

    def journals_by_write(self, show: Show | None = None) -> list[Path]:
        """Oldest write first: a resumed run appends to its older journal, so not in the order of the names."""

        def written(path: Path) -> tuple[int, str]:
            try:
                return path.stat().st_mtime_ns, path.name
            except OSError:
                return 0, path.name

        return sorted(self.all_journals(show), key=written)

    def latest_journal(self, show: Show | None = None) -> Path | None:
        """The journal written to last."""
        journals = self.journals_by_write(show)
        return journals[-1] if journals else None

    def last_show(self) -> Path | None:
        """The show file of the latest run, if it is still there (what to open when no show is named)."""
        latest = self.latest_journal()
        if latest is None:
            return None
        try:
            path = read_journal(latest).header.get("show")
            return Path(path) if path and Path(path).is_file() else None
        except (OSError, ValueError):  # unreadable, or a name with a NUL in it
            return None

    def record_start(self, now: float | None = None) -> list[float]:
        """Log this start; returns the recent start times (for crash-loop detection)."""
        now = time.time() if now is None else now
        path = self.path / STARTS_FILE
        starts: list[float] = []
        try:
            starts = [float(x) for x in path.read_text().split() if x.strip()]
        except (OSError, ValueError):
            starts = []
        starts = [*[t for t in starts if math.isfinite(t) and now - t < 24 * 3600][-20:], now]
        try:
            private_dir(self.path)
            atomic_write(path, "\n".join(f"{t:.3f}" for t in starts) + "\n", backup=False, mode=FILE_MODE)
        except OSError:
            pass
        return starts


def is_crash_loop(starts: list[float]) -> bool:
    """Three starts within a minute: do not resume automatically again."""
    if len(starts) < CRASH_LOOP_STARTS:
        return False
    recent = starts[-CRASH_LOOP_STARTS:]
    return recent[-1] - recent[0] < CRASH_LOOP_WINDOW_S


@dataclass
class Resumable:
    journal: JournalContents
    engine: ShowEngine
    interrupted_at: datetime | None  # the time of the last journal entry
    warnings: list[str]


def resumable_from(path: Path, show: Show, today: date, clock: Clock) -> Resumable | None:
    """The run in journal `path`, replayed onto `clock`, if it is of this show, today, and still on air."""
    try:
        contents = read_journal(path)
    except OSError:
        return None
    header = contents.header
    if header.get("day") != today.isoformat():
        return None
    if header.get("show", str(show.path)) != str(show.path) or header.get("show_id", show_fingerprint(show)) != (
        show_fingerprint(show)
    ):
        return None
    from presenter.run import Run

    run, replay_warnings = Run.replayed(show, clock, contents.records)
    engine = run.engine
    warnings = contents.warnings + replay_warnings
    if engine.mode is not Mode.ON_AIR and not (engine.mode is Mode.STANDBY and engine.question_records):
        return None  # a run in standby is resumed only for the questions collected before the show
    interrupted = engine.replayed_until or header_started(header)
    return Resumable(contents, engine, interrupted, warnings)


def header_started(header: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(header["started"]).replace(tzinfo=None)
    except (KeyError, TypeError, ValueError):
        return None

"""Soak: the whole Smart RLP show again and again at an accelerated clock: 1,000 GOs, 200 clip plays.

Run: ``.venv/bin/python benchmarks/soak.py`` (starts its own 24-bit Xvfb when there is no DISPLAY,
or with ``--own-xvfb``; Qt on xcb; libVLC with ``PRESENTER_VLC_ARGS=--aout=adummy``).

The real application object (:class:`presenter.ui.app.PresenterApp`: director, moderator and
program output windows, ``ProgramPlayout`` over libVLC, journals in a temporary ``--state-dir``)
runs a generated variant of ``assets/smart-rlp.yaml`` in a temporary folder: its six segments
(welcome, discussion, clip, clip, questions, closing; ``--repeat N`` puts them N times in the
file), the clips pointing at the 3 s ``tests/data/media/short-ok.mp4`` (most) and the two sample
clips (always cut by GO), end actions next/hold/black mixed. The show is played to its end, then
again as a new run (``PresenterApp.new_run``: standby, a new journal), until 1,000 GOs are sent:
one journal of 1,000 GOs would need a show of 1,000+ segments, which is not the Smart RLP show
(``--repeat N`` makes such a show).

With the remote on (the default; ``--no-remote`` leaves it off): HTTP and WebSocket on a free port of
127.0.0.1 and OSC on another, a stage screen's WebSocket in a process of its own receiving every state
push, the producer's Questions window open, and in every questions segment two audience questions
added, one approved and put on the moderator's screen. The clip checks run as at every start.

A seeded plan drives it through ``ShowController`` intents, the real Qt event loop running
50-100 ms between two of them: GO (a few double presses, ignored by the 0.3 s guard), back,
jump from the discussion over the clips, skip a clip, added time, messages, clip pause/resume;
most clips are cut by GO mid-clip, some play to their end (next/hold/black). A GO onto a clip
waits until the playout has armed it (the director sees "armed"), except one in ten, pressed while
it is still arming (a pending take).

The clock: the composition root (``presenter.ui.parts.build_parts``) hands ``PresenterApp`` a stepping
clock instead of the system's (the one object the whole app then uses). It follows real time (so
clip positions fit) and, just before the GO that ends a live segment, jumps through the rest of
its planned time (70-125 %, sometimes less). Every step is a multiple of 1/64 s, exact both as a
float and in microseconds, so the journal's times of day and the engine's monotonic readings agree
exactly and the replayed as-run can be compared byte for byte.

Measured: VmRSS and Threads (``/proc/self/status``) in the same settled state twice (a run just
ended, its players stopped, 2 s later): after the warm-up (the first run that reaches 20 clip plays)
and at the end; their maxima (sampled every 250 ms); where any growth is (glibc's heap in use and
free-but-kept, Python objects by type); the journals' size; UI stalls from a 1 ms
precise QTimer heartbeat: the longest gap minus the interval in each window between two intents
(one sample per intent after the warm-up: max, p95, median; ``n`` samples); GOs sent / accepted /
ignored, clip plays (``clip_started``) and failures. "Nothing lost", at the end of every run: the
clock frozen and a last heartbeat written (so both stand at the same instant), the run's journal
is replayed with ``engine_from_journal`` (on the show file loaded afresh, as ``--as-run`` does) and
compared with the live engine: mode, segment on air, the count of every event kind (on_air, jump,
back, skip, clip_ended, ...), the as-run CSV row by row, accepted GOs = the journal's "go" lines;
and over the soak, sent GOs = accepted + ignored. ``lost`` is the sum of all mismatches.

Prints human-readable lines, then ONE JSON object on the last line. Exit code 0 even when a goal
is missed ("MISSED: ..." lines say which).
"""

from __future__ import annotations

import argparse
import collections
import ctypes
import gc
import json
import math
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xvfb_display import start_xvfb, stop_xvfb  # noqa: E402  (beside this script)

SHOW = ROOT / "assets" / "smart-rlp.yaml"
CLIP_FILES = {  # key: (source, planned duration as written in the show file)
    "short": (ROOT / "tests" / "data" / "media" / "short-ok.mp4", "0:03"),
    "minimogli": (ROOT / "assets" / "clips" / "minimogli.mp4", "1:15"),
    "autonomous": (ROOT / "assets" / "clips" / "autonomous-driving.mp4", "1:00"),
}
CLIP_WEIGHTS = {"short": 0.6, "minimogli": 0.2, "autonomous": 0.2}
END_WEIGHTS = {"next": 0.45, "hold": 0.3, "black": 0.25}
TEMPLATE_KINDS = ("live", "live", "clip", "clip", "live", "live")  # welcome, discussion, 2 clips, questions, closing
W, D, C1, C2, Q, X = range(6)
SEED = 20210119
REPEAT = 1  # the show file: the six segments this many times; the soak plays it again and again (new runs)
WAIT_S = (0.05, 0.1)  # the event loop runs this long (real time) between two intents
WARMUP_PLAYS = 20
TICKS = 64  # clock steps per second: 1/64 s = 15,625 µs, exact as a float and as a timedelta
P_TO_END = 0.1  # of the short clips: played to their end
P_DOUBLE = 0.03  # of the GOs leaving a live segment: pressed twice
P_BACK = 0.04  # on discussion / closing: GO, back, GO again
P_PAUSE = 0.05
P_QUICK = 0.1  # of the GOs onto a clip: pressed while it is still arming (a cold or pending take)
P_JUMP = 0.1  # of the blocks: the director jumps from the discussion to the questions
P_MESSAGE = 0.06
P_ADD_TIME = 0.04
GOAL = {"rss_growth_mb": 10, "threads": "flat", "lost": 0, "p95_ui_stall_ms": 16, "max_ui_stall_ms": 50}
THREADS_TOLERANCE = 2  # "flat": at the end at most this many more threads than at the start
TIME_LIMIT_S = 340.0  # the soak stops there (the whole run stays under ~6 minutes)


# ----------------------------------------------------------------------------------- environment


def proc_status() -> tuple[float, int]:
    """(VmRSS in MB, thread count) of this process."""
    rss, threads = float("nan"), -1
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) / 1024.0
        elif line.startswith("Threads:"):
            threads = int(line.split()[1])
    return rss, threads


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost",
    )]  # fmt: skip


def heap_status() -> dict[str, float]:
    """Where the memory is: glibc's heap in use, mmapped and free-but-kept (MB), and Python's object count.

    Tells a leak (in use grows) from fragmentation (free in arenas grows) from native caches.
    """
    status: dict[str, float] = {"python_objects": float(len(gc.get_objects()))}
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
        mallinfo2.restype = _MallInfo2
        info = mallinfo2()
        mb = 1024.0 * 1024.0
        status |= {"in_use": info.uordblks / mb, "mmapped": info.hblkhd / mb, "free_in_arenas": info.fordblks / mb}
    except (OSError, AttributeError):
        pass
    return status


def rss_by_mapping() -> collections.Counter[str]:
    """Resident kB per mapping name (``/proc/self/smaps``): a library's file, ``[heap]``, or ``anonymous``."""
    rss: collections.Counter[str] = collections.Counter()
    name = "anonymous"
    try:
        for line in Path("/proc/self/smaps").read_text().splitlines():
            fields = line.split()
            if fields and "-" in fields[0] and len(fields) >= 5 and not fields[0].endswith(":"):
                name = fields[5] if len(fields) > 5 else "anonymous"
            elif fields and fields[0] == "Rss:":
                rss[name] += int(fields[1])
    except OSError:
        pass
    return rss


def object_types() -> collections.Counter[str]:
    return collections.Counter(type(o).__qualname__ for o in gc.get_objects())


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[max(0, math.ceil(p / 100.0 * len(s)) - 1)]


# ----------------------------------------------------------------------------------- the clock


class SoakClock:
    """A FakeClock-like clock in whole 1/64 s steps: follows real time (`sync`), plus `advance` jumps."""

    def __init__(self, now: datetime, monotonic: float = 1000.0):
        self._wall0 = now
        self._mono0 = monotonic
        self._ticks = 0
        self._real_ticks = 0
        self._t0 = time.monotonic()
        self.frozen = False

    def monotonic(self) -> float:
        return self._mono0 + self._ticks / TICKS

    def now(self) -> datetime:
        return self._wall0 + timedelta(microseconds=self._ticks * (1_000_000 // TICKS))

    def advance(self, seconds: float) -> None:
        if not self.frozen:
            self._ticks += max(0, round(seconds * TICKS))

    def sync(self) -> None:
        """Called by a timer: the real time that passed."""
        if self.frozen:
            return
        real_ticks = int((time.monotonic() - self._t0) * TICKS)
        if real_ticks > self._real_ticks:
            self._ticks += real_ticks - self._real_ticks
            self._real_ticks = real_ticks

    def freeze(self) -> None:
        self.sync()
        self.frozen = True

    def unfreeze(self) -> None:
        """Go on from where it stood (the real time spent frozen is not added)."""
        self._real_ticks = int((time.monotonic() - self._t0) * TICKS)
        self.frozen = False


# ----------------------------------------------------------------------------------- the plan


@dataclass
class ClipPlan:
    key: str
    end_action: str
    to_end: bool = False
    pause: bool = False
    quick: bool = False  # the GO onto it does not wait until it is armed


@dataclass
class BlockPlan:
    variant: int  # clips played: 2; 1 (the other skipped by the director); 0 (jump from discussion to questions)
    clips: dict[int, ClipPlan]
    skip: int | None = None
    double: set[int] = field(default_factory=set)  # live roles left by a GO pressed twice
    back: set[int] = field(default_factory=set)  # roles where the director goes back once and GOes again
    message: set[int] = field(default_factory=set)
    add_time: set[int] = field(default_factory=set)

    def played(self) -> list[int]:
        if self.variant == 2:
            return [C1, C2]
        if self.variant == 1:
            return [C2 if self.skip == C1 else C1]
        return []

    def left_by_go(self) -> list[int]:
        """The live roles left by a GO (double presses are allowed on these)."""
        return [W, Q, X] if self.variant == 0 else [W, D, Q, X]

    def enters_by_go(self, role: int) -> bool:
        if self.variant == 0 and role == Q:
            return False
        if role in (Q, C2):  # entered automatically when the clip before it plays to its end with "next"
            before = [r for r in self.played() if r < role]
            if before:
                clip = self.clips[before[-1]]
                return not (clip.to_end and clip.end_action == "next")
        return True

    def gos(self) -> int:
        roles = [W, D, *self.played(), Q, X]
        return sum(self.enters_by_go(r) for r in roles) + len(self.double) + len(self.back)


def weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def make_block(rng: random.Random, variant: int, slot: dict[int, tuple[str, str]]) -> BlockPlan:
    """One pass through a block of the show file; `slot`: the block's clip files and end actions."""
    clips = {}
    for role, (key, end_action) in slot.items():
        clip = ClipPlan(key, end_action)
        clip.to_end = key == "short" and rng.random() < P_TO_END  # the long sample clips are always cut
        clip.pause = not clip.to_end and rng.random() < P_PAUSE
        clip.quick = rng.random() < P_QUICK
        clips[role] = clip
    block = BlockPlan(variant, clips)
    set_variant(block, variant, rng)
    block.back = {r for r in ((D, X) if variant else (D,)) if rng.random() < P_BACK}
    block.double = {r for r in block.left_by_go() if rng.random() < P_DOUBLE}
    block.message = {r for r in (W, D, Q, X) if rng.random() < P_MESSAGE}
    block.add_time = {r for r in (D, Q) if rng.random() < P_ADD_TIME}
    return block


def set_variant(block: BlockPlan, variant: int, rng: random.Random) -> None:
    block.variant = variant
    block.skip = rng.choice((C1, C2)) if variant == 1 else None
    if variant == 0:
        block.back.discard(X)  # back from closing would put a clip that was jumped over on air
    block.double &= set(block.left_by_go())


def plan_soak(
    rng: random.Random, gos: int, plays: int, repeat: int
) -> tuple[list[dict[int, tuple[str, str]]], list[list[BlockPlan]]]:
    """The show file's clip slots, and the runs (each the whole show, `repeat` blocks) that send
    exactly `gos` GOs (each run's last GO ends the show) and put exactly `plays` clips on air."""
    slots = [
        {role: (weighted(rng, CLIP_WEIGHTS), weighted(rng, END_WEIGHTS)) for role in (C1, C2)} for _ in range(repeat)
    ]
    seed = rng.random()
    # A block jumping over its clips takes 3 GOs, each clip played adds about 2, a run's last GO ends
    # the show: try the run counts around that estimate, keep the one that needs the fewest corrections.
    estimate = max(1, round((gos - 1.8 * plays) / (3.2 * repeat + 1)))
    tries = range(max(1, estimate - 6), estimate + 7)
    candidates = [_plan_runs(random.Random(seed), slots, n, gos, plays) for n in tries]
    runs, _ = min(candidates, key=lambda c: c[1])
    return slots, runs


def _plan_runs(rng: random.Random, slots, n_runs: int, gos: int, plays: int) -> tuple[list[list[BlockPlan]], int]:
    repeat = len(slots)
    total = n_runs * repeat
    blocks: list[BlockPlan] = []
    p = 0
    for i in range(total):
        rate = (plays - p) / (total - i)  # clips still to play per block still to plan: the mean variant
        none = max(P_JUMP, 1 - rate) if rate > 0 else 1.0
        both = min(max(rate - 1 + none, 0.0), 1.0 - none)
        draw = rng.random()
        variant = 0 if draw < none else 2 if draw < none + both else 1
        blocks.append(make_block(rng, variant, slots[i % repeat]))
        p += len(blocks[-1].played())

    def played() -> int:
        return sum(len(b.played()) for b in blocks)

    def total_gos() -> int:
        return n_runs + sum(b.gos() for b in blocks)

    corrections = 0
    for _ in range(10 * total):  # exact clip plays: one clip more or less in a block
        p = played()
        if p == plays:
            break
        step = 1 if p < plays else -1
        candidates = [b for b in blocks if 0 <= b.variant + step <= 2]
        if not candidates:
            break
        block = rng.choice(candidates)
        set_variant(block, block.variant + step, rng)
        corrections += 1
    for _ in range(10 * total):  # exact GOs: a double press more, or an extra less / two one-clip blocks merged
        g = total_gos()
        if g == gos:
            break
        corrections += 1
        if g < gos:
            block = rng.choice(blocks)
            free = [r for r in block.left_by_go() if r not in block.double]
            if free:
                block.double.add(rng.choice(free))
            continue
        with_extras = [b for b in blocks if b.double or b.back]
        if with_extras:
            block = rng.choice(with_extras)
            (block.double or block.back).pop()
            continue
        ones = [b for b in blocks if b.variant == 1]
        if len(ones) < 2:
            break
        first, second = rng.sample(ones, 2)
        set_variant(first, 2, rng)
        set_variant(second, 0, rng)
    if played() != plays or total_gos() != gos:
        corrections += 10**6
    return [blocks[r * repeat : (r + 1) * repeat] for r in range(n_runs)], corrections


def write_show(folder: Path, slots: list[dict[int, tuple[str, str]]]) -> Path:
    import yaml

    template = yaml.safe_load(SHOW.read_text(encoding="utf-8"))
    base = template["segments"]
    if tuple(s["kind"] for s in base) != TEMPLATE_KINDS:
        sys.exit(f"{SHOW.name}: the soak expects the six-segment structure {TEMPLATE_KINDS}")
    clips_dir = folder / "clips"
    clips_dir.mkdir(parents=True, exist_ok=True)
    for source, _ in CLIP_FILES.values():
        if not (clips_dir / source.name).exists():
            shutil.copy(source, clips_dir / source.name)
    segments = []
    for number, slot in enumerate(slots, 1):
        for role, segment in enumerate(base):
            segment = dict(segment)
            segment["id"] = f"{segment['id']}-{number}"
            segment["title"] = f"{segment['title']} ({number})"
            if role in slot:
                key, end_action = slot[role]
                source, duration = CLIP_FILES[key]
                segment["clip"] = f"clips/{source.name}"
                segment["duration"] = duration
                segment["end_action"] = end_action
            segments.append(segment)
    template["segments"] = segments
    template["title"] = f"{template['title']} (soak: {len(slots)}x)"
    path = folder / "smart-rlp-soak.yaml"
    path.write_text(yaml.safe_dump(template, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------------- the remote

VIEWER = """
import signal, sys
from websockets.sync.client import connect
n = 0
signal.signal(signal.SIGTERM, lambda *_: (print(n, flush=True), sys.exit(0)))
with connect("ws://" + sys.argv[1] + "/ws", max_size=2**22) as ws:
    for _ in ws:
        n += 1
"""  # a stage screen: counts the state pushes it receives, says how many when terminated


def free_port(kind: int) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# ----------------------------------------------------------------------------------- measuring


class Heartbeat:
    """A 1 ms precise QTimer; the longest gap (minus the interval) per window between two marks."""

    __slots__ = ("_last", "_max", "windows")

    def __init__(self) -> None:
        self._last = time.perf_counter_ns()
        self._max = 0
        self.windows: list[float] = []

    def beat(self) -> None:
        now = time.perf_counter_ns()
        gap = now - self._last
        self._last = now
        if gap > self._max:
            self._max = gap

    def mark(self, keep: bool = True) -> None:
        if keep:
            self.windows.append(max(self._max / 1e6 - 1.0, 0.0))
        self._max = 0


class Sampler:
    __slots__ = ("rss_max", "threads_max")

    def __init__(self) -> None:
        self.rss_max = 0.0
        self.threads_max = 0

    def sample(self) -> None:
        rss, threads = proc_status()
        self.rss_max = max(self.rss_max, rss)
        self.threads_max = max(self.threads_max, threads)


# ----------------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gos", type=int, default=1000)
    ap.add_argument("--plays", type=int, default=200)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--repeat", type=int, default=REPEAT, help="blocks of six segments in the show file")
    ap.add_argument("--own-xvfb", action="store_true", help="start an Xvfb even if DISPLAY is set")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (show, journal)")
    ap.add_argument(
        "--no-remote",
        action="store_true",
        help="without the remote (else HTTP, WebSocket and OSC are on, with a viewer)",
    )
    args = ap.parse_args()

    xvfb = start_xvfb() if args.own_xvfb or not os.environ.get("DISPLAY") else None
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.setdefault("PRESENTER_VLC_ARGS", "--aout=adummy")
    tmp = Path(tempfile.mkdtemp(prefix="presenter-soak-"))
    try:
        return run(args, tmp, own_xvfb=xvfb is not None)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")
        stop_xvfb(xvfb)


def run(args: argparse.Namespace, tmp: Path, *, own_xvfb: bool) -> int:
    from PySide6.QtCore import QEventLoop, Qt, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from presenter.playout.vlc_adapter import tune_heap, vlc_status
    from presenter.run.as_run import as_run_csv, engine_from_journal
    from presenter.run.engine import Mode
    from presenter.show import load_show
    from presenter.ui import app as app_module
    from presenter.ui.collector import UiThreadCollector
    from presenter.ui.parts import build_parts

    wall_start = time.monotonic()
    rng = random.Random(args.seed)
    slots, runs = plan_soak(rng, args.gos, args.plays, args.repeat)
    show_path = write_show(tmp / "show", slots)
    shutil.copy(SHOW, tmp / "show" / SHOW.name)  # the original beside it, for reference
    show = load_show(show_path)
    blocks = [block for run_blocks in runs for block in run_blocks]
    planned_gos = len(runs) + sum(b.gos() for b in blocks)
    planned_plays = sum(len(b.played()) for b in blocks)

    tune_heap()  # as run_app does, before Qt and libVLC start their threads
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    _collector = UiThreadCollector()  # as run_app does: cycles collected in the UI thread, start-up set aside
    ok, libvlc = vlc_status()
    if not ok:
        print(libvlc)
        return 2
    errors: list[str] = []
    previous_hook = sys.excepthook

    def hook(kind, value, tb):
        errors.append(f"{kind.__name__}: {value}")
        previous_hook(kind, value, tb)

    sys.excepthook = hook

    clock = SoakClock(show.start_datetime - timedelta(seconds=30))
    remote = {} if args.no_remote else {"http": f"127.0.0.1:{free_port(socket.SOCK_STREAM)}",
                                        "osc": f"127.0.0.1:{free_port(socket.SOCK_DGRAM)}"}  # fmt: skip
    app_args = argparse.Namespace(
        show=show_path, check=False, json=False, output_screen=None, moderator_screen=None, windowed=True,
        state_dir=tmp / "state", new_run=False, as_run=False, status_file=None, **remote,
    )  # fmt: skip
    # The composition root hands PresenterApp our clock (and the real libVLC program output).
    presenter = app_module.PresenterApp(app_args, show, build_parts(app_args, clock=clock))
    deadline = time.monotonic() + 30
    while not presenter.started and time.monotonic() < deadline:  # libVLC starts right after the director paints
        qt_app.processEvents()
    controller = presenter.controller
    playout = presenter.playout
    if controller.engine.clock is not clock or playout is None or presenter.journal is None:
        print("the soak needs PresenterApp with our clock, a libVLC playout and a journal")
        return 2

    viewer = None
    if remote:  # a stage screen's WebSocket in a process of its own: every state push goes out to it
        wait_s = time.monotonic() + 10
        while presenter.remote is None and time.monotonic() < wait_s:
            qt_app.processEvents()
        viewer = subprocess.Popen([sys.executable, "-c", VIEWER, remote["http"]], stdout=subprocess.PIPE, text=True)
    questions_window = getattr(getattr(presenter, "questions", None), "window", None)
    if questions_window is not None:
        questions_window.show()  # the producer's question list, on

    counts: collections.Counter[str] = collections.Counter()
    started: set[str] = set()  # segment ids of the run going on
    armed: set[str] = set()
    ended: set[str] = set()
    failed: set[str] = set()

    def on_started(segment_id: str) -> None:
        counts["clip_plays"] += 1
        started.add(segment_id)

    def on_ended(segment_id: str) -> None:
        counts["clip_ends"] += 1
        ended.add(segment_id)

    def on_failed(segment_id: str, message: str) -> None:
        counts["clip_failures"] += 1
        failed.add(segment_id)
        if counts["clip_failures"] <= 3:
            print(f"clip failure: {segment_id}: {message}")

    playout.clip_started.connect(on_started)
    playout.armed.connect(armed.add)
    playout.clip_ended.connect(on_ended)
    playout.clip_failed.connect(on_failed)

    heart = Heartbeat()
    heart_timer = QTimer()
    heart_timer.setTimerType(Qt.TimerType.PreciseTimer)
    heart_timer.setInterval(1)
    heart_timer.timeout.connect(heart.beat)
    sampler = Sampler()
    rss_by_run: list[float] = []  # after each run once the baseline is taken: a trend or a plateau?
    sample_timer = QTimer()
    sample_timer.setInterval(250)
    sample_timer.timeout.connect(sampler.sample)
    clock_timer = QTimer()
    clock_timer.setTimerType(Qt.TimerType.PreciseTimer)
    clock_timer.setInterval(15)
    clock_timer.timeout.connect(clock.sync)
    loop = QEventLoop()
    quit_timer = QTimer()
    quit_timer.setSingleShot(True)
    quit_timer.timeout.connect(loop.quit)

    def wait(seconds: float) -> None:
        quit_timer.start(max(1, int(seconds * 1000)))
        loop.exec()

    def wait_until(predicate, timeout_s: float, step_s: float = 0.01) -> bool:
        end = time.monotonic() + timeout_s
        while not predicate():
            if time.monotonic() > end:
                return False
            wait(step_s)
        return True

    def pause_s() -> float:
        return rng.uniform(*WAIT_S)

    def engine():
        return controller.engine  # a new run replaces it

    def unmeasured() -> None:
        """After work of the benchmark itself: let the gap it made pass, then start a fresh window."""
        wait(0.005)
        heart.mark(keep=False)

    go_counts = {"sent": 0, "accepted": 0, "ignored": 0, "first_press_ignored": 0}
    baseline: dict[str, float] = {}
    warmup_windows = 0
    warmup_plays = min(WARMUP_PLAYS, max(1, args.plays // 10))

    def press_go(double: bool = False) -> None:
        heart.mark()
        for press in range(2 if double else 1):
            result = controller.go()
            go_counts["sent"] += 1
            go_counts["accepted" if result else "ignored"] += 1
            if not result and press == 0:
                go_counts["first_press_ignored"] += 1

    def settled() -> tuple[float, int, dict[str, float], collections.Counter[str]]:
        """RSS, threads, heap and Python objects in standby at the end of a run, once the players have stopped."""
        wait(1.5)  # the last players stop on the control thread
        gc.collect()
        wait(0.5)
        return (*proc_status(), heap_status() | {"mappings": rss_by_mapping()}, object_types())

    def take_baseline() -> None:
        """The same state as the end of the soak: a run just ended, the playout idle."""
        nonlocal warmup_windows
        wait_until(lambda: bool(controller.edits.media_info), 30.0)  # the preflight report is in
        baseline["rss"], baseline["threads"], baseline["heap"], baseline["types"] = settled()
        baseline["t"] = time.monotonic()
        warmup_windows = len(heart.windows)
        print(f"baseline at the end of run {runs_done + 1}, after {counts['clip_plays']} clip plays and "
              f"{go_counts['sent']} GOs: RSS {baseline['rss']:.1f} MB, {baseline['threads']} threads")  # fmt: skip
        unmeasured()

    def drive(run_blocks: list[BlockPlan]) -> bool:
        """One run: the whole show from standby to its end. False when out of time."""
        visited: set[tuple[int, str]] = set()  # (segment index, what was done there once)

        def once(index: int, what: str) -> bool:
            if (index, what) in visited:
                return False
            visited.add((index, what))
            return True

        def linger(block: BlockPlan, before_go: bool = True) -> None:
            """The event loop runs 50-100 ms; before a GO onto a clip, also (as a director does) until
            the output shows it armed, unless this GO is planned as a quick one."""
            end = time.monotonic() + pause_s()
            following = engine().snapshot().next if before_go else None
            if following is not None and following.segment.is_clip:
                clip = block.clips.get(following.index % 6)
                if clip is None or not clip.quick:
                    sid = following.segment.id
                    wait_until(lambda: sid in armed or sid in failed, 3.0)
            rest = end - time.monotonic()
            if rest > 0:
                wait(rest)

        wait(pause_s())
        press_go()  # the show starts
        while engine().mode is Mode.ON_AIR:
            if time.monotonic() - wall_start > TIME_LIMIT_S:
                return False
            current = engine().current
            block, role = run_blocks[current // 6], current % 6
            first_of_block = current - role
            segment = show.segments[current]

            if segment.is_clip:
                clip = block.clips[role]
                sid = segment.id

                def still_on(current: int = current) -> bool:
                    return engine().current == current

                wait_until(lambda sid=sid: sid in started or sid in failed or not still_on(), 7.0)
                if sid in started and sid not in failed:
                    if clip.to_end:
                        wait_until(lambda sid=sid: sid in ended or sid in failed or not still_on(), 8.0)
                        if clip.end_action == "next":
                            wait_until(lambda: not still_on(), 2.0)
                    elif clip.pause:
                        controller.clip_transport.pause()
                        wait(0.15)
                        controller.clip_transport.resume()
                elif sid not in failed:
                    counts["clip_not_started"] += 1
                linger(block, before_go=still_on())
                if still_on():
                    clock.advance(0.5)  # (well past the 0.3 s double-press guard)
                    press_go()
                continue

            # a live segment
            if role == D and block.variant == 1 and once(current, "skip"):
                controller.skip(first_of_block + block.skip)
            if role == Q and once(current, "questions"):  # the audience asks; the producer approves and shows one
                heart.mark()
                asked = [controller.question_intents.add(f"Frage {counts['questions'] + n}?", "Anna B.", "youtube")
                         for n in range(2)]  # fmt: skip
                counts["questions"] += 2
                first = controller.questions.questions[-2].id if asked == [None, None] else None
                if first is not None:
                    controller.question_intents.approve(first)
                    controller.question_intents.show(first)
                wait(pause_s())
            if role in block.message and once(current, "message"):
                if engine().message is None:
                    controller.send_message(rng.choice(("Please wrap up", "1 minute", "Question from the chat")))
                else:
                    controller.clear_message()
            if role in block.add_time and once(current, "add_time"):
                controller.add_time(60)
            if role in block.back and once(current, "back"):
                wait(pause_s())
                heart.mark()
                controller.back()  # undoes a GO of the last 10 s, else cues the segment before: the loop GOes again
                counts["backs"] += 1
                clock.advance(1.0)
                continue
            planned = engine().planned_duration(current)
            share = rng.uniform(0.7, 1.25) if rng.random() < 0.8 else rng.uniform(0.1, 0.7)
            jumping = role == D and block.variant == 0
            linger(block, before_go=not jumping)
            clock.advance(max(planned * share - engine().elapsed(current), 0.5))  # then GO at once
            if jumping:
                heart.mark()
                controller.jump(first_of_block + Q)  # jump only sets what goes next: the GO below airs it
                counts["jumps"] += 1
            press_go(double=role in block.double and once(current, "double"))
        return True

    lost_by_check: collections.Counter[str] = collections.Counter()
    first_loss: dict[str, str] = {}
    journal_bytes = journal_lines = accepted_before = 0

    def as_run_differences(live, replayed) -> tuple[int, str]:
        csv_live, csv_replay = as_run_csv(live).splitlines(), as_run_csv(replayed).splitlines()
        differing = [i for i, (a, b) in enumerate(zip(csv_live, csv_replay, strict=False)) if a != b]
        differing += range(min(len(csv_live), len(csv_replay)), max(len(csv_live), len(csv_replay)))
        if not differing:
            return 0, ""
        i = differing[0]
        live_row = csv_live[i] if i < len(csv_live) else "-"
        replay_row = csv_replay[i] if i < len(csv_replay) else "-"
        return len(differing), f"line {i + 1}: live {live_row!r}, journal {replay_row!r}"

    def compare_run(run_number: int) -> None:
        """The live engine against its journal replayed (as `--as-run` does), at the same instant."""
        nonlocal journal_bytes, journal_lines, accepted_before
        clock.freeze()
        live = engine()
        live.heartbeat()  # the journal's last entry is now: the replay stands at the same instant
        journal_path = presenter.journal.path
        raw = journal_path.read_bytes()
        journal_bytes += len(raw)
        journal_lines += raw.count(b"\n")
        go_lines = sum(1 for line in raw.splitlines() if json.loads(line).get("op") == "go")
        replayed, warnings = engine_from_journal(journal_path, load_show(show_path))
        checks: list[tuple[str, int, str]] = [("replay warnings", len(warnings), "; ".join(warnings[:2]))]
        checks.append(("mode", int(live.mode is not replayed.mode), f"{live.mode.value} / {replayed.mode.value}"))
        ids = [e.show.segments[e.current].id if e.current is not None else None for e in (live, replayed)]
        checks.append(("segment on air", int(ids[0] != ids[1]), f"{ids[0]} / {ids[1]}"))
        kinds = [collections.Counter(e.kind for e in engine_.events) for engine_ in (live, replayed)]
        for kind in sorted(set(kinds[0]) | set(kinds[1])):
            checks.append(
                (f"{kind} events", abs(kinds[0][kind] - kinds[1][kind]), f"{kinds[0][kind]} / {kinds[1][kind]}")
            )
        checks.append(("as-run CSV rows", *as_run_differences(live, replayed)))
        if checks[-1][1]:  # would the probed clip durations (known to the live engine) make up the difference?
            informed = load_show(show_path).with_media_durations(live.show.media_durations)
            counts["as_run_rows_with_durations"] += as_run_differences(
                live, engine_from_journal(journal_path, informed)[0]
            )[0]
        accepted_this_run = go_counts["accepted"] - accepted_before
        checks.append(
            ("accepted GOs = journal go lines", abs(accepted_this_run - go_lines), f"{accepted_this_run} / {go_lines}")
        )
        accepted_before = go_counts["accepted"]
        for what, n, detail in checks:
            lost_by_check[what] += n
            if n and what not in first_loss:
                first_loss[what] = f"run {run_number}: {detail}"
        for kind, n in kinds[0].items():
            counts["events:" + kind] += n
        clock.unfreeze()

    print(f"{libvlc}; Qt {QApplication.platformName()}; display {os.environ.get('DISPLAY')}"
          f"{' (own Xvfb)' if own_xvfb else ''}; journals in {tmp / 'state'} ({_fs_type(tmp)})")  # fmt: skip
    print(f"show: {args.repeat} x the six Smart RLP segments = {len(show.segments)} segments, played {len(runs)} times "
          f"(a new run each time); plan: {planned_gos} GOs, {planned_plays} clip plays "
          f"({sum(b.variant == 2 for b in blocks)} block passes with both clips, {sum(b.variant == 1 for b in blocks)} "
          f"with one skipped, {sum(b.variant == 0 for b in blocks)} jumping over both); seed {args.seed}")  # fmt: skip

    load_start = os.getloadavg()[0]
    heart_timer.start()
    sample_timer.start()
    clock_timer.start()
    wait(1.0)  # windows up, the preflight probing its clips
    unmeasured()
    timed_out = False
    runs_done = 0
    for run_number, run_blocks in enumerate(runs, 1):
        if run_number > 1:
            presenter.new_run()  # as the director's "Back to standby (new run)": a new journal
            started.clear()
            ended.clear()
            failed.clear()
            armed.clear()
        if not drive(run_blocks):
            timed_out = True
            break
        heart.mark()
        compare_run(run_number)
        if baseline:
            rss_by_run.append(proc_status()[0])
        elif counts["clip_plays"] >= warmup_plays:
            take_baseline()
        runs_done += 1
        unmeasured()
    soak_s = time.monotonic() - baseline.get("t", wall_start)

    # ---- the end: settle and measure
    rss_end, threads_end, heap_end, types_end = settled()
    sampler.sample()
    live = engine()
    t_snapshot = time.perf_counter()
    for _ in range(5):
        live.snapshot()
    snapshot_ms = (time.perf_counter() - t_snapshot) / 5 * 1000
    journals = len(presenter.state.all_journals())

    heart_timer.stop()
    sample_timer.stop()
    clock_timer.stop()
    pushes = None
    if viewer is not None:
        viewer.terminate()
        out, _ = viewer.communicate(timeout=10)
        pushes = int(out.split()[-1]) if out.split() else 0
    presenter.shutdown()
    QThreadPool.globalInstance().waitForDone(5000)
    presenter.director.closing_allowed = True  # no "Quit Presenter?" question at the end of the soak
    for window in (presenter.director, presenter.moderator, presenter.output_window):
        if window is not None:
            window.close()
    qt_app.processEvents()
    sys.excepthook = previous_hook

    # ---- report
    if not baseline:
        print("MISSED: the warm-up never ended; no baseline")
        baseline = {"rss": float("nan"), "threads": 0}
        warmup_windows = 0
    windows = heart.windows[warmup_windows:] or [float("nan")]
    growth = rss_end - baseline["rss"]
    sent, accepted, ignored = go_counts["sent"], go_counts["accepted"], go_counts["ignored"]
    lost_by_check["sent GOs = accepted + ignored"] = abs(sent - accepted - ignored)
    lost = sum(lost_by_check.values())
    print(f"runs: {runs_done} of {len(runs)} played to the end of the show; {journals} journals")
    print(f"GOs: {sent} sent, {accepted} accepted, {ignored} ignored as double presses "
          f"({go_counts['first_press_ignored']} of them a first press); {counts['jumps']} jumps, "
          f"{counts['backs']} backs")  # fmt: skip
    print(f"clips: {counts['clip_plays']} plays (clip_started), {counts['clip_ends']} played to their end, "
          f"{counts['clip_failures']} failures, {counts['clip_not_started']} not started within 7 s")  # fmt: skip
    print(f"RSS: {baseline['rss']:.1f} MB after the warm-up, {rss_end:.1f} MB at the end: growth {growth:+.1f} MB "
          f"over {soak_s:.0f} s; peak {sampler.rss_max:.1f} MB")  # fmt: skip
    if rss_by_run:
        quarters = [rss_by_run[min(len(rss_by_run) - 1, len(rss_by_run) * q // 4)] for q in range(5)]
        shown = ", ".join(f"{v:.1f}" for v in quarters)
        print(f"  RSS right after runs (players may still be stopping) at 0/25/50/75/100 % of the soak: {shown} MB")
    if "heap" in baseline:
        before = baseline["heap"]
        print("  heap: " + "; ".join(
            f"{name.replace('_', ' ')} {before[name]:.1f} → {heap_end[name]:.1f} MB"
            for name in ("in_use", "mmapped", "free_in_arenas") if name in before
        ) + f"; Python objects {before['python_objects']:.0f} → {heap_end['python_objects']:.0f}")  # fmt: skip
        mappings = heap_end["mappings"]
        mappings.subtract(before["mappings"])
        moved = sorted(mappings.items(), key=lambda item: -abs(item[1]))[:5]
        print("  resident memory that changed most, by mapping: "
              + ", ".join(f"{Path(k).name or k} {v / 1024:+.1f} MB" for k, v in moved))  # fmt: skip
        grown = (types_end - baseline["types"]).most_common(5)
        print("  Python object types that grew most: " + (", ".join(f"{k} +{v}" for k, v in grown) or "none"))
    print(f"threads: {baseline['threads']} after the warm-up, {threads_end} at the end, max {sampler.threads_max}")
    print(f"journals: {journal_bytes} bytes, {journal_lines} lines in all")
    print(f"UI stalls (1 ms heartbeat: longest gap minus 1 ms per window between two intents after the warm-up, "
          f"n={len(windows)}): max {max(windows):.1f} ms, p95 {pct(windows, 95):.1f} ms, "
          f"median {statistics.median(windows):.1f} ms")  # fmt: skip
    print(f"  (engine.snapshot() of this {len(show.segments)}-segment show: {snapshot_ms:.2f} ms)")
    print("nothing lost (each run's live engine against its journal replayed, summed over the runs):")
    for what in sorted(lost_by_check, key=lambda w: (not lost_by_check[w], w)):
        n = lost_by_check[what]
        first = f" — first: {first_loss[what]}" if n and what in first_loss else ""
        print(f"  {f'LOST {n}' if n else 'ok'}: {what}{first}")
    if lost_by_check["as-run CSV rows"]:
        print(f"  (as-run rows still differing when the replay also gets the clip durations the live engine has "
              f"from the preflight probe: {counts['as_run_rows_with_durations']})")  # fmt: skip
    shown = {k.split(":", 1)[1]: v for k, v in counts.items() if k.startswith("events:")}
    print(f"  events compared: {dict(sorted(shown.items()))}")
    if errors:
        print(f"internal errors during the run: {len(errors)}: {errors[:3]}")
    wall_s = time.monotonic() - wall_start
    load_end = os.getloadavg()[0]
    print(f"wall time {wall_s:.0f} s; load average (1 min) {load_start:.1f} at the start, {load_end:.1f} at the end, "
          f"on {os.cpu_count()} CPUs")  # fmt: skip

    if not growth <= GOAL["rss_growth_mb"]:
        print(f"MISSED: RSS grew {growth:+.1f} MB (goal ≤ {GOAL['rss_growth_mb']} MB)")
    if not threads_end <= baseline["threads"] + THREADS_TOLERANCE:
        print(f"MISSED: threads not flat: {baseline['threads']} → {threads_end} (tolerance +{THREADS_TOLERANCE})")
    if lost:
        print(f"MISSED: lost {lost}: live engine and journal disagree (see above)")
    if sent < args.gos or timed_out:
        print(f"MISSED: only {sent} of {args.gos} GOs sent{' (time limit)' if timed_out else ''}")
    if counts["clip_plays"] < args.plays:
        print(f"MISSED: only {counts['clip_plays']} of {args.plays} clip plays")
    if errors:
        print(f"MISSED: {len(errors)} internal errors")
    if not pct(windows, 95) <= GOAL["p95_ui_stall_ms"]:
        print(f"MISSED: UI stall p95 {pct(windows, 95):.1f} ms (goal ≤ {GOAL['p95_ui_stall_ms']} ms)")
    if not max(windows) <= GOAL["max_ui_stall_ms"]:
        print(f"MISSED: UI stall max {max(windows):.1f} ms (goal ≤ {GOAL['max_ui_stall_ms']} ms)")
    if remote:
        print(f"remote: HTTP {remote['http']}, OSC {remote['osc']}; a viewer's WebSocket got {pushes} state pushes; "
              f"{counts['questions']} audience questions")  # fmt: skip

    result = {
        "benchmark": "soak",
        "gos": sent,
        "gos_accepted": accepted,
        "clip_plays": counts["clip_plays"],
        "clip_failures": counts["clip_failures"],
        "rss_start_mb": round(baseline["rss"], 1),
        "rss_end_mb": round(rss_end, 1),
        "rss_growth_mb": round(growth, 1),
        "rss_peak_mb": round(sampler.rss_max, 1),
        "threads_start": baseline["threads"],
        "threads_end": threads_end,
        "threads_max": sampler.threads_max,
        "journal_bytes": journal_bytes,
        "journal_lines": journal_lines,
        "max_ui_stall_ms": round(max(windows), 1),
        "p95_ui_stall_ms": round(pct(windows, 95), 1),
        "median_ui_stall_ms": round(statistics.median(windows), 1),
        "n": len(windows),
        "remote": bool(remote),
        "viewer_pushes": pushes,
        "questions": counts["questions"],
        "lost": lost,
        "runs": runs_done,
        "segments": len(show.segments),
        "wall_s": round(wall_s),
        "env": {"cpus": os.cpu_count(), "load_1min_start": round(load_start, 1), "load_1min_end": round(load_end, 1)},
        "baseline": "settled state at the end of the first run after the warm-up",
        "goal": GOAL,
    }
    print(json.dumps({k: None if isinstance(v, float) and math.isnan(v) else v for k, v in result.items()}))
    return 0


def _fs_type(path: Path) -> str:
    """The file system the journals are fsynced on (from /proc/mounts)."""
    best, kind = "", "?"
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            fields = line.split()
            if len(fields) > 2 and str(path).startswith(fields[1]) and len(fields[1]) > len(best):
                best, kind = fields[1], fields[2]
    except OSError:
        pass
    return kind


if __name__ == "__main__":
    raise SystemExit(main())

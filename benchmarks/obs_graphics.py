"""benchmarks/obs.py's graphics and UI parts: director intent → lower third painted in a real headless Chromium,
and the UI's longest stall with the app's OBS wiring (presenter.ui.obs_wiring) on a real controller.

The page is presenter/web/lower-third.html served with its WebSocket on 127.0.0.1 (as the remote server will
route it); the state pushed is `{"type": "state", "state": {"graphics": graphics_dict(snapshot)}}`. One sample:
from just before `Dispatcher.dispatch(ShowLowerThird | TakeOffLowerThird)` to the page's next animation frame
after it rendered the pushed part (graphics.js notes it, as epoch ms: the same machine's clock as time.time()).
The baseline, in turn with each of ours: the same push of a part made beforehand (no intent, no snapshot):
what the WebSocket and the browser take.
"""

from __future__ import annotations

import asyncio
import json
import random
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from websockets.asyncio.server import ServerConnection, broadcast, serve
from websockets.datastructures import Headers
from websockets.http11 import Request, Response

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "presenter" / "web"
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css"}
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars")
SAMPLES = 60


class PageServer:
    """The graphics pages and a WebSocket that pushes to every page, on its own thread and loop."""

    def __init__(self) -> None:
        from presenter.remote.graphics_state import PAGES

        self.pages = PAGES
        self.loop = asyncio.new_event_loop()
        self.connections: set[ServerConnection] = set()
        self.port = 0
        ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait(10)

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)

        async def main() -> None:
            async with serve(self._handler, "127.0.0.1", 0, process_request=self._files) as server:
                self.port = next(iter(server.sockets)).getsockname()[1]
                self._stop = asyncio.Event()
                ready.set()
                await self._stop.wait()

        self.loop.run_until_complete(main())

    def _files(self, connection: ServerConnection, request: Request) -> Response | None:
        path = request.path.split("?")[0]
        if path == "/ws":
            return None
        file = WEB / (self.pages.get(path) or path.removeprefix("/static/"))
        if not file.is_file() or file.suffix not in TYPES:
            return connection.respond(404, "no such page\n")
        body = file.read_bytes()
        headers = Headers([("Content-Type", TYPES[file.suffix]), ("Content-Length", str(len(body)))])
        return Response(200, "OK", headers, body)

    async def _handler(self, connection: ServerConnection) -> None:
        self.connections.add(connection)
        try:
            await connection.wait_closed()
        finally:
            self.connections.discard(connection)

    def push(self, part: dict[str, Any] | None) -> None:
        text = json.dumps({"type": "state", "state": {"graphics": part}})
        self.loop.call_soon_threadsafe(broadcast, set(self.connections), text)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self._stop.set)
        self.thread.join(5)


def _show():
    from presenter.show.model import Segment, SegmentKind, Show

    segments = tuple(
        Segment(f"s{n}", f"Teil {n}", SegmentKind.LIVE, 60.0, speakers=("Malu Dreyer | Ministerpräsidentin",),
                obs_scene=("Kamera", "Einspieler")[n % 2])
        for n in range(400)
    )  # fmt: skip
    return Show("Smart RLP", date(2021, 1, 19), clock_time(17, 30), clock_time(23, 59), segments)


def lower_third_latencies(tmp: Path) -> tuple[list[float], list[float]]:
    """Ours (intent → painted) and the baseline's (a push made beforehand → painted), one of each in turn."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from presenter.clock import FakeClock
    from presenter.remote.graphics_state import graphics_dict
    from presenter.run import Run
    from presenter.run import intents as do
    from presenter.run.dispatch import Dispatcher

    run = Run.new(_show(), FakeClock(datetime(2021, 1, 19, 17, 30)))
    run.attach_journal(lambda record: None)
    dispatcher = Dispatcher(run)
    dispatcher.dispatch(do.Go())
    made = {on: graphics_dict(dispatcher.dispatch(intent).snapshot)
            for on, intent in ((True, do.ShowLowerThird()), (False, do.TakeOffLowerThird()))}  # fmt: skip
    server = PageServer()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp / 'chromium'}")
    options.add_argument("--window-size=1920,1080")
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    ours: list[float] = []
    base: list[float] = []
    try:
        driver.get(f"http://127.0.0.1:{server.port}/lower-third")
        _await(lambda: bool(server.connections), "the page's WebSocket")

        def sample(act: Callable[[], None]) -> float:
            time.sleep(random.uniform(0.1, 0.25))  # the director's keys are seconds apart
            started = time.time() * 1000
            act()
            painted: list[float] = []

            def seen() -> bool:
                last = driver.execute_script("const p = presenterGraphics.paints; return p[p.length - 1] || 0")
                painted[:] = [float(last)]
                return float(last) > started

            _await(seen, "the page to paint")
            return painted[0] - started

        on = False
        for _ in range(SAMPLES):
            on = not on
            intent = do.ShowLowerThird() if on else do.TakeOffLowerThird()
            ours.append(sample(lambda intent=intent: server.push(graphics_dict(dispatcher.dispatch(intent).snapshot))))
            on = not on
            base.append(sample(lambda on=on: server.push(made[on])))
        return ours, base
    finally:
        driver.quit()
        server.close()


def _await(condition: Callable[[], bool], what: str, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(0.002)


WARMUP_S = 1.0  # the UI loop's first second (windows shown, OBS connecting) is not measured


def wiring_stall(url: str | None, password: str, seconds: float, on_go: Callable[[], None] | None = None) -> float:
    """The longest gap between 1 ms ticks of the UI loop while the app's OBS wiring follows a real controller
    (a GO and a lower third every 100 ms); with `url` None, the same loop with the wiring but no OBS.
    `on_go` is called at each GO, right after the controller's (a baseline's outside switcher)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from presenter.clock import FakeClock
    from presenter.controller import ShowController
    from presenter.run import intents as do
    from presenter.ui.collector import UiThreadCollector
    from presenter.ui.obs_wiring import wire_obs

    app = QApplication.instance() or QApplication([])
    clock = FakeClock(datetime(2021, 1, 19, 17, 30))
    controller = ShowController(_show(), clock=clock)
    window = QWidget()
    window.show()
    wiring = wire_obs(controller, url, password, window=window)
    wiring.panel.show()
    collector = UiThreadCollector()  # as run_app does; and, as there after start-up, what exists is set aside
    collector.settle()
    state = {"last": time.perf_counter(), "worst": 0.0, "start": time.perf_counter(), "measuring": 0.0}

    def tick() -> None:
        # Measured while OBS is connected (the connection's start-up is no show's GO), and the baseline after
        # the same second of warm-up; both for `seconds` from there.
        now = time.perf_counter()
        if not state["measuring"]:
            ready = wiring.health.connected if url else now - state["start"] > WARMUP_S
            if ready and now - state["start"] > WARMUP_S:
                state["measuring"] = now
        else:
            state["worst"] = max(state["worst"], now - state["last"])
        state["last"] = now
        if (state["measuring"] and now - state["measuring"] > seconds) or now - state["start"] > seconds + 30:
            app.quit()

    def go() -> None:
        clock.advance(1.0)  # past the double-press guard
        controller.go()
        if on_go is not None:
            on_go()
        controller.dispatch(do.ShowLowerThird(seconds=5))

    ticker, gos = QTimer(), QTimer()
    ticker.timeout.connect(tick)
    gos.timeout.connect(go)
    ticker.start(1)
    gos.start(100)
    app.exec()
    collector.stop()
    wiring.close()
    window.close()
    wiring.panel.close()
    return float(state["worst"]) * 1000


def graphics_tmp() -> Path:
    return Path(tempfile.mkdtemp(prefix="presenter-graphics-bench-"))

"""A real OBS Studio for the tests (its own temporary HOME, its WebSocket on a free port), a client of the test's
own to create scenes and ask OBS what it shows, and a collector of the follower's health."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import simpleobsws

from presenter.obs import ObsHealth

PASSWORD = "geheim-24"
START_TIMEOUT_S = 60.0  # OBS's start on a loaded machine; awaited, normally 2-3 s


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def await_condition(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Polls `condition` until it holds (like qtbot.waitUntil, for threads without a Qt loop)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


class ObsStudio:
    """One OBS process with its own HOME (its scene collection survives a restart, like a real one)."""

    def __init__(self, home: Path, port: int, password: str | None):
        self.home = home
        self.port = port
        self.password = password or ""
        self.url = f"ws://127.0.0.1:{port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = home / "obs.log"
        config = home / ".config" / "obs-studio"
        config.mkdir(parents=True, exist_ok=True)
        lines = ["[General]", "FirstRun=true", "", "[OBSWebSocket]", "FirstLoad=false", "ServerEnabled=true"]
        lines += [f"ServerPort={port}", "AlertsEnabled=false", f"AuthRequired={'true' if password else 'false'}"]
        lines += [f"ServerPassword={self.password}", ""]
        (config / "global.ini").write_text("\n".join(lines))

    def start(self) -> None:
        env = {**os.environ, "HOME": str(self.home), "LIBGL_ALWAYS_SOFTWARE": "1"}
        env.pop("QT_QPA_PLATFORM", None)  # OBS needs xcb (the tests' Qt may run offscreen)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                ["obs", "--minimize-to-tray", "--disable-shutdown-check", "--multi"],
                env=env,
                cwd=self.home,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        await_condition(self._listening, START_TIMEOUT_S, f"OBS's WebSocket on port {self.port} ({self.log})")

    def _listening(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"OBS exited with {self.process.returncode}: {self.log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        """Closes OBS as its window manager would (SIGTERM); killed if it does not go."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


class ObsAdmin:
    """The test's own WebSocket to OBS (creating scenes, asking what OBS shows), on its own loop."""

    def __init__(self, url: str, password: str):
        self.loop = asyncio.new_event_loop()
        self.client = simpleobsws.WebSocketClient(url=url, password=password)
        self.loop.run_until_complete(self.client.connect())
        assert self.loop.run_until_complete(self.client.wait_until_identified(10)), "the test's own client"

    def call(self, request_type: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.loop.run_until_complete(self.client.call(simpleobsws.Request(request_type, data)))
        assert response.ok(), f"{request_type}: {response.requestStatus}"
        return response.responseData or {}

    def program_scene(self) -> str:
        return str(self.call("GetCurrentProgramScene")["currentProgramSceneName"])

    def scenes(self) -> set[str]:
        return {scene["sceneName"] for scene in self.call("GetSceneList")["scenes"]}

    def ensure_scenes(self, *names: str) -> None:
        for name in set(names) - self.scenes():
            self.call("CreateScene", {"sceneName": name})

    def close(self) -> None:
        if self.loop.is_closed():
            return
        with contextlib.suppress(Exception):  # OBS may be gone already (the restart test)
            self.loop.run_until_complete(self.client.disconnect())
        self.loop.close()


class HealthWatch:
    """Collects every ObsHealth the follower publishes; `wait(condition)` awaits one that holds."""

    def __init__(self) -> None:
        self.seen: list[ObsHealth] = []
        self._changed = threading.Condition()

    def __call__(self, health: ObsHealth) -> None:
        with self._changed:
            self.seen.append(health)
            self._changed.notify_all()

    @property
    def last(self) -> ObsHealth:
        with self._changed:
            return self.seen[-1]

    def wait(self, condition: Callable[[ObsHealth], bool], what: str, timeout_s: float = 30.0) -> ObsHealth:
        with self._changed:
            found = self._changed.wait_for(lambda: bool(self.seen) and condition(self.seen[-1]), timeout_s)
            assert found, f"timed out waiting for {what}; last health: {self.seen[-1] if self.seen else None}"
            return self.seen[-1]

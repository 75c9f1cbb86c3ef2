"""Remote tests: a controller with a journal kept in memory, and the remote on free ports of 127.0.0.1."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

PIN = "246810"


@pytest.fixture
def journal():
    return []


@pytest.fixture
def controller(qapp, bundled_show, journal):
    from presenter.controller import ShowController

    controller = ShowController(bundled_show)
    controller.attach_journal(journal.append)
    yield controller
    controller._heartbeat.stop()


@pytest.fixture
def remote(controller):
    from presenter.remote.auth import Secrets
    from presenter.remote.service import Remote

    remote = Remote(controller, Secrets(PIN))
    yield remote
    remote.close()


@pytest.fixture
def http(remote):
    assert remote.start_http("127.0.0.1", 0, remember=False)
    return f"http://127.0.0.1:{remote.http_address[1]}"


_pool = ThreadPoolExecutor(4)


def off_thread(qtbot, fn, *args, timeout_ms: int = 10000):
    """Run a blocking client call in a thread while Qt's event loop (the main thread's side) keeps running."""
    future = _pool.submit(fn, *args)
    qtbot.waitUntil(future.done, timeout=timeout_ms)
    return future.result()


def get(url: str, headers: dict | None = None) -> tuple[int, dict | str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=8) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    text = body.decode()
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def http_get(qtbot, url: str, headers: dict | None = None):
    return off_thread(qtbot, get, url, headers)

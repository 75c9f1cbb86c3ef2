"""Helpers of the remote tests (a module of its own name: `conftest` is ambiguous across test folders)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PIN = "246810"

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

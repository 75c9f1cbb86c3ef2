"""Helpers of the remote tests (a module of its own name: `conftest` is ambiguous across test folders)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

PIN = "246810"

_pool = ThreadPoolExecutor(4)


def off_thread(qtbot, fn, *args, timeout_ms: int = 10000):
    """Run a blocking client call in a thread while Qt's event loop (the main thread's side) keeps running."""
    future = _pool.submit(fn, *args)
    qtbot.waitUntil(future.done, timeout=timeout_ms)
    return future.result()


def as_header(url: str, headers: dict | None = None) -> tuple[str, dict]:
    """A command's `pin=` moved into the X-Presenter-Pin header, as every client but an opted-in plain GET sends it."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    reads = ("/api/v1/state", "/api/v1/questions")
    if not parts.path.startswith("/api/v1/") or parts.path in reads or not any(k == "pin" for k, _ in query):
        return url, dict(headers or {})
    pin = [v for k, v in query if k == "pin"][-1]
    rest = urlencode([(k, v) for k, v in query if k != "pin"])
    return urlunsplit(parts._replace(query=rest)), {"X-Presenter-Pin": pin, **(headers or {})}


def get(url: str, headers: dict | None = None, pin_in_url: bool = False, method: str = "GET") -> tuple[int, dict | str]:
    """GET `url` (a command's PIN goes as the header unless `pin_in_url`): (status, JSON or text)."""
    if not pin_in_url:
        url, headers = as_header(url, headers)
    request = urllib.request.Request(url, headers=headers or {}, method=method)
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


def http_get(qtbot, url: str, headers: dict | None = None, pin_in_url: bool = False, method: str = "GET"):
    return off_thread(qtbot, get, url, headers, pin_in_url, method)

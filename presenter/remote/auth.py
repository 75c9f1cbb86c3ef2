"""Who may do what: the control PIN for every command, an optional view key, the browser Origin rule."""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import time
from collections import deque
from dataclasses import dataclass
from urllib.parse import urlsplit

PIN_DIGITS = 6
WRONG_PIN_LIMIT = 10  # wrong PINs from one address within WRONG_PIN_WINDOW_S lock it out for that long
WRONG_PIN_WINDOW_S = 60.0
FLOOD_LIMIT = 30  # commands from one source within one second; more is a flood, refused until it stops
MAX_SECRET = 64


@dataclass
class Secrets:
    """The control PIN and the view key of this session (shared by the server thread and the main thread)."""

    pin: str
    view_key: str | None = None


def new_pin() -> str:
    return f"{secrets.randbelow(10**PIN_DIGITS):0{PIN_DIGITS}d}"


def check_secret(text: str, what: str) -> str:
    """A PIN or view key from the command line or the settings: printable, no spaces, not too long."""
    text = text.strip()
    if not text or len(text) > MAX_SECRET or not all((ch.isascii() and ch.isalnum()) or ch in "-_." for ch in text):
        raise ValueError(f"{what} must be 1–{MAX_SECRET} letters, digits, '-', '_' or '.'")
    return text


def same_secret(given, expected: str | None) -> bool:
    if not expected:
        return True
    return isinstance(given, str) and hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode())


def origin_allowed(origin: str | None, host: str | None) -> bool:
    """A browser says where the page that opens the connection came from: only our own pages may."""
    if origin is None:
        return True  # not a browser (Companion, curl, a script): the PIN decides
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(host) and parts.netloc.lower() == (host or "").lower()


def host_allowed(host: str | None) -> bool:
    """The Host a browser asked for: an IP address, localhost or a .local name, never a name from the internet.

    A page from the internet can make its own name point at this computer (DNS rebinding); then its
    Origin and Host agree, and only the name gives it away."""
    if not host:
        return True  # not a browser: HTTP/1.0 tools
    try:
        name = urlsplit(f"http://{host}").hostname or ""
    except ValueError:
        return False
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return name == "localhost" or name.endswith(".local")


class Throttle:
    """Sliding windows per source: a flood of commands, repeated wrong PINs (main thread only)."""

    def __init__(self, limit: int, window_s: float, clock=time.monotonic):
        self.limit, self.window_s, self.clock = limit, window_s, clock
        self._hits: dict[str, deque[float]] = {}

    def _window(self, key: str) -> deque[float]:
        now = self.clock()
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] > self.window_s:
            hits.popleft()
        if not hits and len(self._hits) > 1000:  # many addresses: forget the quiet ones
            self._hits = {k: v for k, v in self._hits.items() if v}
            self._hits[key] = hits
        return hits

    def hit(self, key: str) -> bool:
        """Count one attempt; True while `key` stays within the limit."""
        hits = self._window(key)
        hits.append(self.clock())
        if len(hits) > self.limit * 4:
            hits.popleft()
        return len(hits) <= self.limit

    def blocked(self, key: str) -> bool:
        return len(self._window(key)) >= self.limit

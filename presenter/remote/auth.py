"""Who may do what: the control PIN for every command, an optional view key, the browser Origin rule."""

from __future__ import annotations

import enum
import hmac
import ipaddress
import itertools
import math
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

PIN_DIGITS = 6
MIN_PIN = 6  # characters: a shorter PIN is guessed in minutes even at the limits below
FREE_WRONG_PER_ADDRESS = 10  # wrong PINs from one address before its back-off starts
GLOBAL_WRONG_LIMIT = 10  # wrong PINs from all addresses within GLOBAL_WINDOW_S before everyone unproven waits
GLOBAL_WINDOW_S = 60.0
MAX_BACKOFF_S = 300.0
FLOOD_LIMIT = 30  # commands from one source within one second; more is a flood, refused until it stops
MAX_SECRET = 64


class Access(enum.IntEnum):
    """What a request may do: nothing, see what a stage screen shows, or command (and read the questions)."""

    NONE = 0
    VIEW = 1
    CONTROL = 2


@dataclass
class Secrets:
    """The control PIN and the view key of this session (shared by the server thread and the main thread)."""

    pin: str
    view_key: str | None = None
    pin_in_url: bool = False  # commands over HTTP may carry the PIN as ?pin= (plain GET clients, by choice)
    osc_pin: bool = False  # OSC from beyond loopback must give the PIN as its first argument


def new_pin() -> str:
    """A random 6-digit PIN that the rule for chosen PINs takes too (never 111111 or 123456)."""
    while True:
        pin = f"{secrets.randbelow(10**PIN_DIGITS):0{PIN_DIGITS}d}"
        try:
            return check_pin(pin)
        except ValueError:
            continue


def check_pin(text: str) -> str:
    """A control PIN from the command line or the settings: a secret, so not short and not a pattern."""
    text = check_secret(text, "the PIN")
    lowered = text.lower()
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(lowered)}
    if len(text) < MIN_PIN or len(set(lowered)) < 3 or steps in ({1}, {-1}):
        raise ValueError(
            f"the PIN must have at least {MIN_PIN} characters and at least 3 different ones, not a run like 123456"
        )
    return text


def check_secret(text: str, what: str) -> str:
    """A PIN or view key from the command line or the settings: printable, no spaces, not too long."""
    text = text.strip()
    if not text or len(text) > MAX_SECRET or not all((ch.isascii() and ch.isalnum()) or ch in "-_." for ch in text):
        raise ValueError(f"{what} must be 1–{MAX_SECRET} letters, digits, '-', '_' or '.'")
    return text


def same_secret(given: object, expected: str | None) -> bool:
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


class PinGuard:
    """Every PIN and view-key check goes through here, so guessing is slow from one address and from all.

    One address: FREE_WRONG_PER_ADDRESS wrong PINs, then it must wait 1, 2, 4 … MAX_BACKOFF_S seconds after
    each further one (attempts while it waits are refused unchecked). All addresses together: more than
    GLOBAL_WRONG_LIMIT wrong PINs in GLOBAL_WINDOW_S make every address that has not shown the right PIN in
    this session wait the same way. A session that proved the PIN (a WebSocket, loopback OSC, an address that
    gave it) is never held off by the global rule, so a LAN full of guessers cannot lock out the director's
    remotes. Main thread only."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._wrong: dict[str, tuple[int, float]] = {}  # address → (wrong in a row, when the last was)
        self._global: deque[float] = deque()
        self._global_trips = 0
        self._global_until = -1e18
        self._proven: set[str] = set()

    def wait_s(self, address: str) -> float:
        """Seconds `address` must wait before its next PIN is even checked (0: check it)."""
        now = self.clock()
        count, last = self._wrong.get(address, (0, now))
        own = 0.0
        if count >= FREE_WRONG_PER_ADDRESS:
            own = last + min(2.0 ** (count - FREE_WRONG_PER_ADDRESS), MAX_BACKOFF_S) - now
        shared = 0.0 if address in self._proven else self._global_until - now
        return max(own, shared, 0.0)

    def wrong(self, address: str) -> None:
        now = self.clock()
        count, _last = self._wrong.get(address, (0, now))
        self._wrong[address] = (count + 1, now)
        if len(self._wrong) > 10000:  # many addresses: forget those that wait no more
            self._wrong = {a: v for a, v in self._wrong.items() if now - v[1] < MAX_BACKOFF_S}
        self._global.append(now)
        while self._global and now - self._global[0] > GLOBAL_WINDOW_S:
            self._global.popleft()
        if len(self._global) > GLOBAL_WRONG_LIMIT:
            self._global.clear()
            self._global_trips += 1
            self._global_until = now + min(2.0**self._global_trips, MAX_BACKOFF_S)
        elif now > self._global_until + MAX_BACKOFF_S:
            self._global_trips = 0  # a quiet spell: the next wave starts from a short wait again

    def right(self, address: str) -> None:
        self._wrong.pop(address, None)
        if len(self._proven) < 1000:
            self._proven.add(address)


def address_of(source: str) -> str:
    """ "http 10.0.0.5" → "10.0.0.5" (the key of the PIN rules)."""
    return source.split(" ", 1)[-1]


class Gatekeeper:
    """Every PIN and view key from every transport is checked here, under the PinGuard's rules; any thread.

    `report(intent, source, reason)` hears each refusal (the bridge journals them in aggregate). The network
    thread asks here directly, so a page or a WebSocket is let in without waiting for a busy UI thread."""

    def __init__(
        self,
        secrets: Secrets,
        clock: Callable[[], float] = time.monotonic,
        report: Callable[[str, str, str], None] | None = None,
    ) -> None:
        self.secrets = secrets
        self.guard = PinGuard(clock)
        self._report = report or (lambda intent, source, reason: None)
        self._lock = threading.Lock()

    def stop_reporting(self) -> None:
        self._report = lambda intent, source, reason: None

    def pin_refusal(self, pin: object, source: str, intent: str) -> tuple[int, str] | None:
        """None when `pin` is the PIN; else (HTTP status, why). While an address waits, its PIN is not checked."""
        if not pin:
            self._report(intent, source, "no PIN")
            return 403, "this command needs the PIN (pin=…)"
        address = address_of(source)
        with self._lock:
            wait = self.guard.wait_s(address)
            if wait > 0:
                self._report(intent, source, "held off after wrong PINs")
                return 429, _wait_text(wait)
            if not same_secret(pin, self.secrets.pin):
                self.guard.wrong(address)
                self._report(intent, source, "wrong PIN")
                return 403, "wrong PIN"
            self.guard.right(address)
        return None

    def access(self, pin: object, key: object, source: str) -> tuple[Access, str | None]:
        """What a request with this PIN and view key may do, and why not more."""
        problem = None
        if pin is not None:
            refusal = self.pin_refusal(pin, source, "view")
            if refusal is None:
                return Access.CONTROL, None
            problem = refusal[1]
        view_key = self.secrets.view_key
        if not view_key:
            return Access.VIEW, problem
        if key is None:
            return Access.NONE, problem or "this view needs its key (…?key=…)"
        address = address_of(source)
        with self._lock:
            wait = self.guard.wait_s(address)
            if wait > 0:
                self._report("view", source, "held off after wrong PINs or keys")
                return Access.NONE, _wait_text(wait)
            if same_secret(key, view_key):
                return Access.VIEW, problem
            self.guard.wrong(address)
        self._report("view", source, "wrong view key")
        return Access.NONE, "wrong view key"


def _wait_text(wait_s: float) -> str:
    return f"too many wrong PINs or keys: try again in {math.ceil(wait_s)} s"


class Throttle:
    """Sliding windows per source: a flood of commands, repeated wrong PINs (main thread only)."""

    def __init__(self, limit: int, window_s: float, clock: Callable[[], float] = time.monotonic) -> None:
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

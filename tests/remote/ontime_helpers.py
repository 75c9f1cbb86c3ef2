"""A client that talks to Presenter as Companion's Ontime module does (frames taken from its source).

bitfocus/companion-module-getontime-ontime v5.x (Ontime v4): `src/socket.ts` opens
`makeURL(host, 'ws', true)` and sends `{"tag": "version"}`, then counts as connected only on a reply
`{"tag": "version", "payload": <satisfies 4.x.x>}`; `src/connection.ts` then GETs
`data/rundowns/current` and `data/custom-fields` (`src/http.ts`) and sends `{"tag": "poll"}`; every
action is `sendSocket(tag, payload)` = `{"tag", "payload"}`. v4.6.x (Ontime v3): `{"type": "version"}`
(500 ms), `data/rundown`, and `{"type", "payload"}` frames.
"""

from __future__ import annotations

import json
import time
import urllib.request
from urllib.parse import urlsplit, urlunsplit

from websockets.sync.client import connect

V5_VERSION_RANGE = (4,)  # socket.ts: satisfies(coerce(payload), '4.x.x')


def make_url(host: str, path: str = "", ws: bool = False) -> str:
    """utilities.ts makeURL: the host field as a URL, a trailing slash, `path` appended, ws: for the socket."""
    if "://" not in host:
        host = "http://" + host
    parts = urlsplit(host)
    pathname = parts.path if parts.path.endswith("/") else parts.path + "/"
    scheme = ("wss" if parts.scheme == "https" else "ws") if ws else parts.scheme
    return urlunsplit((scheme, parts.netloc, pathname + path, parts.query, parts.fragment))


def fetch(url: str, etag: str = "") -> tuple[int, object, str]:
    """http.ts fetchAllEvents/fetchCustomFields: GET with if-none-match; (status, JSON or None, ETag)."""
    request = urllib.request.Request(url, headers={"if-none-match": etag, "cache-control": "3600", "pragma": ""})
    try:
        with urllib.request.urlopen(request, timeout=8) as response:
            body = response.read()
            return response.status, json.loads(body) if body else None, response.headers.get("Etag") or ""
    except urllib.error.HTTPError as exc:
        body = exc.read()
        return exc.code, (json.loads(body) if body else None), ""


class ModuleClient:
    """One Companion connection: `key` is "tag" (module 5.x) or "type" (module 4.6.x)."""

    def __init__(self, host: str, key: str = "tag"):
        self.host = host
        self.key = key
        self._context = connect(make_url(host, "ws", ws=True), open_timeout=5, close_timeout=1)
        self.ws = self._context.__enter__()
        self.pushed: list[dict] = []  # runtime data and refetches seen while waiting for replies

    def close(self) -> None:
        self._context.__exit__(None, None, None)

    def send(self, tag: str, payload: object = None) -> None:
        frame = {self.key: tag} if payload is None else {self.key: tag, "payload": payload}
        self.ws.send(json.dumps(frame))

    def frame(self, want, timeout: float = 5.0) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.ws.recv(timeout=max(deadline - time.monotonic(), 0.01)))
            if message.get(self.key) in ("runtime-data", "refetch", "ontime", "ontime-runtime", "ontime-refetch"):
                self.pushed.append(message)
            if want(message):
                return message

    def seen(self, want, timeout: float = 5.0) -> dict:
        """A pushed frame `want` accepts: one kept already, or the next one that comes."""
        for message in self.pushed:
            if want(message):
                return message
        return self.frame(want, timeout)

    def ask(self, tag: str, payload: object = None) -> dict:
        """Send one action frame and wait for the reply to it (runtime data pushed meanwhile is kept)."""
        self.send(tag, payload)
        return self.frame(lambda m: m.get(self.key) == tag)

    def pushed_data(self, timeout: float = 5.0, where=lambda payload: True) -> dict:
        kind = "runtime-data" if self.key == "tag" else "ontime"
        for message in reversed(self.pushed):
            if message.get(self.key) == kind and where(message["payload"]):
                return message["payload"]
        return self.frame(lambda m: m.get(self.key) == kind and where(m["payload"]), timeout)["payload"]

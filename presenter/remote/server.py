"""HTTP pages, the GET API and the WebSocket on one port, in a thread of its own (asyncio + websockets).

Nothing here touches the show: commands and fresh state come from the Bridge in the Qt main
thread (through Futures). Every client gets only the latest state (older ones are dropped), so a
slow phone never holds up anyone else, least of all the director.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.protocol import State

from presenter.clock import Clock
from presenter.remote.answers import PIN_HEADER, _error, _json, _response
from presenter.remote.auth import Access, Gatekeeper, host_allowed, origin_allowed
from presenter.remote.graphics_state import PAGES as GRAPHICS_PAGES
from presenter.remote.intents import Status, has_question_intents
from presenter.remote.ontime_protocol import Dialect, dialect_of
from presenter.remote.ontime_ws import OntimeFace
from presenter.remote.state import colours
from presenter.remote.words import localise_page, words

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
MAX_MESSAGE = 4096  # bytes of one WebSocket command; larger ones are refused
MAX_QUERY = 2048
MAIN_THREAD_TIMEOUT_S = 5.0
SINGLE_HEADERS = ("Host", "Origin", "Sec-Fetch-Site", "Sec-Fetch-Mode", PIN_HEADER)
QUESTIONS_PAGE_MAX = 200
MAX_PENDING_SESSIONS = 256
PAGES = {
    "/": "index.html",
    "/moderator": "moderator.html",
    "/countdown": "countdown.html",
    "/questions": "questions.html",
    **GRAPHICS_PAGES,  # the stream's graphics for an OBS browser source (same view key as the other views)
}
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
}


class RemoteServer:
    """Owns the network thread; `publish` and `stop` may be called from the main thread."""

    def __init__(
        self,
        host: str,
        port: int,
        submit: Callable[[tuple[Any, ...]], Future[Any]],
        clock: Clock,
        gate: Gatekeeper,
    ) -> None:
        self.host, self.port = host, port
        self.gate = gate
        self.submit = submit
        self.clock = clock
        self.secrets = gate.secrets
        self.colours = {**colours(), "words": words()}  # built here, on the main thread, in the app's language
        self.clients: set[ServerConnection] = set()
        self.client_count = 0  # read from the main thread (an int: no lock needed)
        self._latest: str | None = None
        self._wake: dict[ServerConnection, asyncio.Event] = {}
        self._access_of: dict[ServerConnection, Access] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._started = threading.Event()
        self.ontime = OntimeFace(self)  # Ontime's protocols on the same port (Companion's Ontime module)
        self._error: BaseException | None = None
        self._files = {
            path.name: localise_page(path.read_bytes()) if path.suffix == ".html" else path.read_bytes()
            for path in WEB_DIR.glob("*")
            if path.suffix in TYPES
        }

    # ------------------------------------------------------------------ main thread

    def start(self) -> None:
        """Listen now; raises OSError (port in use, no such address) with the reason."""
        self._thread = threading.Thread(target=self._run, name="presenter-remote-http", daemon=True)
        self._thread.start()
        self._started.wait(10)
        if self._error is not None:
            raise self._error

    def publish(self, state_text: str) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop is closing
                loop.call_soon_threadsafe(self._set_latest, state_text)

    def has_ontime_clients(self) -> bool:
        return self.ontime.count > 0

    def publish_ontime(self, texts: dict[str, Any]) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._set_latest_ontime, texts)

    def stop(self) -> None:
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stop.set)
        if self._thread is not None:
            self._thread.join(5)

    # ------------------------------------------------------------------ network thread

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # reported to start(); a later failure only ends the remote
            self._error = exc
            self._started.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        async with serve(
            self._handler,
            self.host,
            self.port,
            process_request=self._process_request,
            max_size=MAX_MESSAGE * 4,
            max_queue=4,
            server_header=None,
            ping_interval=5,
            ping_timeout=10,
            close_timeout=1,
        ) as server:
            self.port = server.sockets[0].getsockname()[1]
            self._started.set()
            await self._stop.wait()
            server.close(close_connections=True)

    def _set_latest(self, text: str) -> None:
        self._latest = text
        for connection, event in self._wake.items():
            if not self.ontime.speaks_ontime(connection):  # Ontime's clients get their own data (publish_ontime)
                event.set()

    def _set_latest_ontime(self, texts: dict[str, Any]) -> None:
        self.ontime.latest = texts
        for connection, event in self._wake.items():
            if self.ontime.speaks_ontime(connection):
                event.set()

    async def main_thread(self, job: tuple[Any, ...]) -> Any:
        return await self._main_thread(job)

    async def _main_thread(self, job: tuple[Any, ...]) -> Any:
        return await asyncio.wait_for(asyncio.wrap_future(self.submit(job)), MAIN_THREAD_TIMEOUT_S)

    async def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        try:
            return await self._route(connection, request)
        except TimeoutError:
            return _error(503, "Presenter is busy: try again")

    async def _route(self, connection: ServerConnection, request: Request) -> Response | None:
        if len(request.path) > MAX_QUERY:
            return _error(414, "the address is too long")
        doubled = [name for name in SINGLE_HEADERS if len(request.headers.get_all(name)) > 1]
        if doubled:
            return _error(400, f"the header {doubled[0]} is given more than once")
        if request.method != "GET":  # commands by GET only (as Ontime's and Companion's buttons send them)
            return _error(405, f"{request.method[:20]} is not taken here: GET only")
        if not host_allowed(request.headers.get("Host")):
            return _error(403, "open Presenter by its IP address (e.g. http://192.168.1.10:8080/moderator)")
        parts = urlsplit(request.path)
        try:
            query = {k: v[-1] for k, v in parse_qs(parts.query, max_num_fields=20, strict_parsing=False).items()}
        except ValueError:
            return _error(400, "too many arguments")
        path = parts.path.rstrip("/") or "/"
        if path == "/ws":
            return await self._check_ws(connection, request, query)
        if path.startswith("/api/v1/"):
            return await self._api(connection, request, path[len("/api/v1/") :], query)
        if path == "/api" or path.startswith("/api/"):  # Ontime's integration API
            return await self.ontime.api(connection, request, path[len("/api") :], query)
        if path.startswith("/data/"):  # Ontime's running order, for Companion's event pickers
            return await self.ontime.data(connection, request, path[len("/data/") :], query)
        if path in PAGES and (path != "/questions" or has_question_intents()):
            access, problem = self._access(connection, query)
            if access < Access.VIEW:
                return _error(403, problem or "this view needs its key (…?key=…)")
            return self._file(PAGES[path])
        if path.startswith("/static/") and path[len("/static/") :] in self._files:
            return self._file(path[len("/static/") :])
        return _error(404, f"no page {path[:80]!r} (views: /moderator, /countdown)")

    def access_of(
        self, connection: ServerConnection, query: dict[str, str], pin: str | None = None
    ) -> tuple[Access, str | None]:
        return self._access(connection, query, pin)

    def from_another_site(self, request: Request) -> bool:
        return self._from_another_site(request)

    def source_of(self, connection: ServerConnection, transport: str) -> str:
        return self._source(connection, transport)

    def _access(
        self, connection: ServerConnection, query: dict[str, str], pin: str | None = None
    ) -> tuple[Access, str | None]:
        """Views need the view key when there is one; the control PIN opens them too. Every PIN or key
        given is checked by the gate, under the rules against guessing."""
        pin = query.get("pin") if pin is None else pin
        key = query.get("key")
        if pin is None and (key is None or not self.secrets.view_key):
            return (Access.NONE, None) if self.secrets.view_key else (Access.VIEW, None)
        return self.gate.access(pin, key, self._source(connection, "http"))

    def _file(self, name: str) -> Response:
        body = self._files.get(name)
        if body is None:
            return _error(404, f"{name} is missing from this installation")
        return _response(200, body, TYPES[Path(name).suffix])

    async def _check_ws(self, connection: ServerConnection, request: Request, query: dict[str, str]) -> Response | None:
        if not origin_allowed(request.headers.get("Origin"), request.headers.get("Host")):
            return _error(403, "a page from another site may not connect")
        access, problem = self._access(connection, query)
        if access < Access.VIEW:
            return _error(403, problem or "this view needs its key (…?key=…)")
        if len(self._access_of) > MAX_PENDING_SESSIONS:  # handshakes that never reached the handler
            self._access_of = {c: a for c, a in self._access_of.items() if c.state is State.CONNECTING}
        self._access_of[connection] = access  # the handler's session: proved once, at the start
        return None

    @staticmethod
    def _from_another_site(request: Request) -> bool:
        fetch_site = request.headers.get("Sec-Fetch-Site")
        origin = request.headers.get("Origin")
        return fetch_site not in (None, "none", "same-origin") or not origin_allowed(
            origin, request.headers.get("Host")
        )

    async def _api(self, connection: ServerConnection, request: Request, name: str, query: dict[str, str]) -> Response:
        header_pin = request.headers.get(PIN_HEADER)
        if name in ("state", "questions"):
            access, problem = self._access(connection, query, header_pin)
            if access < (Access.CONTROL if name == "questions" else Access.VIEW):
                return _error(403, problem or f"the {name} need the {'PIN' if name == 'questions' else 'view key'}")
            if name == "state":
                return _json(200, await self._main_thread(("state",)))
            start, count = _page_args(query)
            return _json(200, await self._main_thread(("questions", start, count)))
        if self._from_another_site(request):
            return _error(403, "a page from another site may not send commands")
        pin = query.pop("pin", None)
        query.pop("key", None)
        if header_pin is not None:
            pin = header_pin
        elif pin is not None and not self.secrets.pin_in_url:
            return _error(
                403,
                f"send the PIN in the header {PIN_HEADER} (a PIN in the address needs --pin-in-url: "
                "a page on another site could send it)",
            )
        job = ("command", name, query, self._source(connection, "http"), pin, False)
        status, error, state = await self._main_thread(job)
        if status is Status.OK:
            return _json(200, state)
        return _error(int(status), error or "refused")

    @staticmethod
    def _source(connection: ServerConnection, transport: str) -> str:
        address = connection.remote_address
        return f"{transport} {address[0] if address else '?'}"

    async def _handler(self, connection: ServerConnection) -> None:
        control = self._access_of.pop(connection, Access.VIEW) >= Access.CONTROL
        wake = asyncio.Event()
        self._wake[connection] = wake
        self.clients.add(connection)
        self.client_count = len(self.clients)
        sender = asyncio.create_task(self._send_states(connection, wake))
        try:
            hello = {"type": "hello", "mono": self.clock.monotonic(), "control": control}
            await connection.send(json.dumps({**hello, "colours": self.colours}))
            if self._latest is not None:
                wake.set()
            async for raw in connection:
                reply = await self._incoming(connection, raw, control)
                if reply is not None:
                    await connection.send(json.dumps(reply, ensure_ascii=False))
        except ConnectionClosed:
            pass
        finally:
            sender.cancel()
            self._wake.pop(connection, None)
            self.ontime.forget(connection)
            self.clients.discard(connection)
            self.client_count = len(self.clients)

    async def _send_states(self, connection: ServerConnection, wake: asyncio.Event) -> None:
        """Only the newest state goes out; while a slow client is still busy, newer ones replace it."""
        try:
            while True:
                await wake.wait()
                wake.clear()
                if self.ontime.speaks_ontime(connection):
                    await self.ontime.push(connection)
                elif self._latest is not None:
                    await connection.send('{"type":"state","state":' + self._latest + "}")
        except (ConnectionClosed, asyncio.CancelledError):
            pass

    async def _incoming(self, connection: ServerConnection, raw: str | bytes, control: bool) -> dict[str, Any] | None:
        received = self.clock.monotonic()
        if isinstance(raw, bytes) or len(raw) > MAX_MESSAGE:
            return {
                "type": "result",
                "id": None,
                "ok": False,
                "status": 400,
                "error": f"send JSON text of at most {MAX_MESSAGE} bytes",
            }
        try:
            message = json.loads(raw)
        except (ValueError, RecursionError):
            return {"type": "result", "id": None, "ok": False, "status": 400, "error": "not JSON"}
        if not isinstance(message, dict):
            return {"type": "result", "id": None, "ok": False, "status": 400, "error": 'expected {"id", "cmd", "args"}'}
        dialect = dialect_of(message)
        if dialect is not Dialect.PRESENTER:  # Ontime's frames (Companion's Ontime module): {"tag"} or {"type"}
            return await self.ontime.incoming(connection, message, control, dialect)
        ident = message.get("id")
        ident = (
            ident if isinstance(ident, str | int) and not isinstance(ident, bool) and len(str(ident)) <= 64 else None
        )
        if message.get("type") == "ping":
            sent = message.get("t")
            return {"type": "pong", "t": sent if isinstance(sent, int | float) else None, "server": received}
        if message.get("type") == "questions":
            if not control:
                refusal = "the questions need the PIN (…?pin=…)"
                return {"type": "questions", "ok": False, "status": 403, "error": refusal}
            start, count = _page_args(message)
            page = await self._main_thread(("questions", start, count))
            return {"type": "questions", "ok": True, "page": json.loads(page)}
        name, args = message.get("cmd"), message.get("args", {})
        if not isinstance(name, str) or not isinstance(args, dict):
            return {
                "type": "result",
                "id": ident,
                "ok": False,
                "status": 400,
                "error": 'expected {"id", "cmd": text, "args": {…}} (or Ontime\'s {"tag": …, "payload": …})',
            }
        given_pin = message.get("pin")  # a PIN with the command is checked; else the session's proof counts
        job = ("command", name[:80], args, self._source(connection, "ws"), given_pin, control and given_pin is None)
        status, error, _state = await self._main_thread(job)
        return {"type": "result", "id": ident, "ok": status is Status.OK, "status": int(status), "error": error}


def _page_args(given: dict[str, Any]) -> tuple[int, int]:
    """`from` and `count` of a page of the question list (bad or missing values: the first page)."""

    def number(name: str, default: int) -> int:
        value = given.get(name, default)
        text = str(value)[:9]
        return int(text) if text.isdigit() else default

    return number("from", 0), min(max(number("count", 50), 1), QUESTIONS_PAGE_MAX)

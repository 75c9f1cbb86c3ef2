"""Ontime's face of the remote server (network thread): `/ws` frames, `/data/…` and `GET /api/<command>`.

What Companion's Ontime module (5.x for Ontime v4, 4.6 for v3) sends and reads: the version
handshake, `poll`, the commands, the pushed runtime data and the rundown routes. Commands run in the
main thread (`OntimeCommands` through the Bridge); the pushed data is rendered there from the one
snapshot. Security as for Presenter's own API: reads need what a view needs (the view key when there
is one), commands the PIN: given once when the WebSocket connects (`ws://HOST:PORT/ws?pin=…`, which
Companion builds from a host field `http://HOST:PORT/?pin=…`), or on `/api/…` in the
`X-Presenter-Pin` header (in the address only with `--pin-in-url`), never from a page on another site.
"""

from __future__ import annotations

import json
import zlib
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from presenter.remote.answers import PIN_HEADER, _error, _json, _response
from presenter.remote.auth import Access
from presenter.remote.ontime_protocol import SILENT_TAGS, Dialect, http_payload, key_of, reply, split_command

if TYPE_CHECKING:
    from presenter.remote.server import RemoteServer

DATA_ROUTES = ("rundowns/current", "rundown", "custom-fields")
HELLO = {"message": "You have reached Ontime API server (Presenter speaks Ontime's integration API)"}


class OntimeFace:
    """Ontime's protocols on the RemoteServer's port; owns which connections speak Ontime."""

    def __init__(self, server: RemoteServer) -> None:
        self.server = server
        self.dialect: dict[ServerConnection, Dialect] = {}
        self.sent_revision: dict[ServerConnection, int] = {}
        self.count = 0  # Ontime connections (read from the main thread: an int, no lock needed)
        self.latest: dict[str, Any] | None = None

    # ------------------------------------------------------------------ pushed runtime data

    def forget(self, connection: ServerConnection) -> None:
        self.dialect.pop(connection, None)
        self.sent_revision.pop(connection, None)
        self.count = sum(1 for d in self.dialect.values() if d is not Dialect.PRESENTER)

    def speaks_ontime(self, connection: ServerConnection) -> bool:
        return self.dialect.get(connection, Dialect.PRESENTER) is not Dialect.PRESENTER

    async def push(self, connection: ServerConnection) -> None:
        """The newest runtime data in the connection's dialect; a refetch first when the rundown changed."""
        texts = self.latest
        if texts is None:
            return
        dialect = self.dialect.get(connection)
        revision = texts["revision"]
        if self.sent_revision.get(connection, revision) != revision:
            if dialect is Dialect.ONTIME_V3:
                await connection.send('{"type":"ontime-refetch","payload":null}')
            else:
                refetch = {"tag": "refetch", "payload": {"target": "rundown", "revision": revision}}
                await connection.send(json.dumps(refetch))
        self.sent_revision[connection] = revision
        if dialect is Dialect.ONTIME_V3:
            for text in texts["v3"]:
                await connection.send(text)
        else:
            await connection.send(texts["v4"])

    # ------------------------------------------------------------------ WebSocket frames

    async def incoming(
        self, connection: ServerConnection, message: dict[str, Any], control: bool, dialect: Dialect
    ) -> dict[str, Any] | None:
        key = key_of(dialect)
        tag = message.get(key)
        if not isinstance(tag, str) or not tag or len(tag) > 40:
            return reply(dialect, None, 400, None, f'expected {{"{key}": command, "payload": …}}', None)
        payload = message.get("payload")
        if dialect is Dialect.ONTIME_V4 and tag == "ping":
            return {"tag": "pong", "payload": payload}
        if tag in SILENT_TAGS:
            return None
        first = not self.speaks_ontime(connection)
        self.dialect[connection] = dialect
        self.count = sum(1 for d in self.dialect.values() if d is not Dialect.PRESENTER)
        pin = message.get("pin")
        source = self.server.source_of(connection, "ws")
        job = ("ontime", tag, payload, source, pin, control and pin is None, dialect is Dialect.ONTIME_V3)
        answer = await self.server.main_thread(job)
        if first:  # from now on this connection gets Ontime's runtime data, starting with the current one
            await self.server.main_thread(("ontime_publish",))
        return reply(dialect, tag, int(answer.status), answer.payload, answer.error, answer.did)

    # ------------------------------------------------------------------ HTTP

    async def data(self, connection: ServerConnection, request: Request, route: str, query: dict[str, Any]) -> Response:
        """`GET /data/rundowns/current` (v4), `/data/rundown` (v3), `/data/custom-fields`, with an ETag."""
        if route not in DATA_ROUTES:
            return _error(404, f"no data {route[:60]!r} (Ontime's: {', '.join(DATA_ROUTES)})")
        access, problem = self.server.access_of(connection, query)
        if access < Access.VIEW:
            return _error(403, problem or "the running order needs the view key (…?key=…)")
        text = await self.server.main_thread(("ontime_data", route))
        body = text.encode()
        etag = f'"{zlib.crc32(body):08x}"'
        if request.headers.get("If-None-Match") == etag:
            response = _response(304, b"", "application/json; charset=utf-8")
        else:
            response = _response(200, body, "application/json; charset=utf-8")
        response.headers["ETag"] = etag
        return response

    async def api(self, connection: ServerConnection, request: Request, path: str, query: dict[str, Any]) -> Response:
        """Ontime's integration API: `GET /api/<command>/<params…>`, answered 202 `{payload}` as Ontime does."""

        def _error(status: int, text: str) -> Response:  # Ontime's error body has `message`
            return _json(status, {"ok": False, "status": status, "message": text, "error": text})

        if path in ("", "/"):
            return _json(200, HELLO)
        found = split_command(path)
        if found is None:
            return _error(400, "No action found")
        command, parts = found
        parts = [unquote(part)[:400] for part in parts]
        header_pin = request.headers.get(PIN_HEADER)
        pin = query.pop("pin", None)
        query.pop("key", None)
        if command.lower() in ("poll", "version"):
            access, problem = self.server.access_of(connection, {"pin": pin} if pin else {}, header_pin)
            if access < Access.VIEW:
                return _error(403, problem or "this needs the view key (…?key=…)")
        else:
            if self.server.from_another_site(request):
                return _error(403, "a page from another site may not send commands")
            if header_pin is not None:
                pin = header_pin
            elif pin is not None and not self.server.secrets.pin_in_url:
                return _error(
                    403,
                    f"send the PIN in the header {PIN_HEADER} (a PIN in the address needs --pin-in-url: "
                    "a page on another site could send it)",
                )
        payload = http_payload(parts, query)
        source = self.server.source_of(connection, "http")
        answer = await self.server.main_thread(("ontime", command, payload, source, pin, False, False))
        if answer.ok:
            body = {"payload": answer.payload}
            if answer.did:
                body["did"] = answer.did
            return _json(202, body)
        return _error(int(answer.status), answer.error or "refused")

"""HTTP answers of the remote server (pages, API, Ontime's routes): one place for their headers and JSON errors."""

from __future__ import annotations

import http
import json

from websockets.datastructures import Headers
from websockets.http11 import Response

PIN_HEADER = "X-Presenter-Pin"  # a header no page on another site can send without our (never given) consent
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
    "frame-ancestors 'none'",
}


def _response(status: int, body: bytes, content_type: str) -> Response:
    headers = Headers({**SECURITY_HEADERS, "Content-Type": content_type, "Content-Length": str(len(body))})
    headers["Connection"] = "close"
    if status == 405:
        headers["Allow"] = "GET"
    return Response(status, http.HTTPStatus(status).phrase, headers, body)


def _json(status: int, payload: object) -> Response:
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    return _response(status, text.encode(), "application/json; charset=utf-8")


def _error(status: int, message: str) -> Response:
    return _json(status, {"ok": False, "status": status, "error": message})

"""A minimal RTMP server on 127.0.0.1 that takes OBS's stream and drops it: OBS goes on air as with a real server.

Just enough of RTMP for a publisher (librtmp, as OBS uses it): the plain handshake (a zero version in S1 turns
librtmp's FP9 digest off), the chunk stream, and answers to connect, createStream and publish. Audio, video and
metadata are read and thrown away. For docs/obs_screenshots.py (a live stream in the README picture) and tests;
no dependency beyond the standard library.
"""

from __future__ import annotations

import contextlib
import os
import socket
import socketserver
import struct
import threading
from typing import Any, BinaryIO

_SIG = 1536
_DEFAULT_CHUNK = 128
_COMMAND = 20  # AMF0 command message
_SET_CHUNK_SIZE = 1


def _amf(value: Any) -> bytes:
    """AMF0 for the few types the answers need: None, a number, a string, a dict (an object)."""
    if value is None:
        return b"\x05"
    if isinstance(value, bool | int | float):
        return b"\x00" + struct.pack(">d", float(value))
    if isinstance(value, str):
        data = value.encode()
        return b"\x02" + struct.pack(">H", len(data)) + data
    body = b"".join(struct.pack(">H", len(k.encode())) + k.encode() + _amf(v) for k, v in value.items())
    return b"\x03" + body + b"\x00\x00\x09"


def _command_head(payload: bytes) -> tuple[str, float]:
    """The command's name and transaction id (the two first AMF0 values)."""
    if len(payload) < 3 or payload[0] != 0x02:
        return "", 0.0
    size = struct.unpack(">H", payload[1:3])[0]
    name = payload[3 : 3 + size].decode(errors="replace")
    rest = payload[3 + size :]
    number = struct.unpack(">d", rest[1:9])[0] if len(rest) >= 9 and rest[0] == 0x00 else 0.0
    return name, number


class _Chunks:
    """Reads RTMP chunks from `stream` and joins them into whole messages (type, stream id, payload)."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.size = _DEFAULT_CHUNK
        self.heads: dict[int, dict[str, int]] = {}
        self.partial: dict[int, bytearray] = {}

    def read(self, count: int) -> bytes:
        data = self.stream.read(count)
        if data is None or len(data) < count:
            raise EOFError
        return data

    def message(self) -> tuple[int, int, bytes]:
        while True:
            first = self.read(1)[0]
            kind, channel = first >> 6, first & 0x3F
            if channel == 0:
                channel = 64 + self.read(1)[0]
            elif channel == 1:
                low, high = self.read(2)
                channel = 64 + low + high * 256
            head = self.heads.setdefault(channel, {"length": 0, "type": 0, "stream": 0, "extended": 0})
            if kind <= 2:
                fields = self.read((11, 7, 3)[kind])
                stamp = int.from_bytes(fields[0:3], "big")
                if kind <= 1:
                    head["length"], head["type"] = int.from_bytes(fields[3:6], "big"), fields[6]
                if kind == 0:
                    head["stream"] = int.from_bytes(fields[7:11], "little")
                head["extended"] = int(stamp == 0xFFFFFF)
            if head["extended"]:
                self.read(4)
            buffer = self.partial.setdefault(channel, bytearray())
            buffer += self.read(min(self.size, head["length"] - len(buffer)))
            if len(buffer) >= head["length"]:
                self.partial[channel] = bytearray()
                if head["type"] == _SET_CHUNK_SIZE and len(buffer) >= 4:
                    self.size = max(1, struct.unpack(">I", bytes(buffer[:4]))[0] & 0x7FFFFFFF)
                return head["type"], head["stream"], bytes(buffer)


def _chunked(channel: int, kind: int, stream: int, payload: bytes) -> bytes:
    out = bytearray([channel])  # kind 0: the whole header
    out += (0).to_bytes(3, "big") + len(payload).to_bytes(3, "big") + bytes([kind]) + stream.to_bytes(4, "little")
    for start in range(0, len(payload), _DEFAULT_CHUNK):
        if start:
            out.append(0xC0 | channel)
        out += payload[start : start + _DEFAULT_CHUNK]
    return bytes(out)


class _Session(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        with contextlib.suppress(EOFError, OSError):
            self._handshake()
            chunks = _Chunks(self.rfile)
            while True:
                kind, _stream, payload = chunks.message()
                if kind == _COMMAND:
                    self._answer(*_command_head(payload))

    def _handshake(self) -> None:
        reader = _Chunks(self.rfile)
        reader.read(1 + _SIG)  # C0, C1
        s1 = bytes(8) + os.urandom(_SIG - 8)  # time 0, version 0: the plain handshake
        self.wfile.write(b"\x03" + s1 + s1)  # S0, S1, S2 (librtmp only warns when S2 is not its C1)
        self.wfile.flush()
        reader.read(_SIG)  # C2

    def _send(self, channel: int, kind: int, stream: int, payload: bytes) -> None:
        self.wfile.write(_chunked(channel, kind, stream, payload))
        self.wfile.flush()

    def _answer(self, name: str, transaction: float) -> None:
        if name == "connect":
            self._send(2, 5, 0, struct.pack(">I", 2_500_000))  # window acknowledgement size
            self._send(2, 6, 0, struct.pack(">IB", 2_500_000, 2))  # peer bandwidth
            info = {"level": "status", "code": "NetConnection.Connect.Success", "description": "ok"}
            body = _amf("_result") + _amf(transaction) + _amf({"fmsVer": "FMS/3,0,1,123", "capabilities": 31})
            self._send(3, _COMMAND, 0, body + _amf(info))
        elif name == "createStream":
            self._send(3, _COMMAND, 0, _amf("_result") + _amf(transaction) + _amf(None) + _amf(1))
        elif name == "publish":
            info = {"level": "status", "code": "NetStream.Publish.Start", "description": "publishing"}
            self._send(5, _COMMAND, 1, _amf("onStatus") + _amf(0) + _amf(None) + _amf(info))


class RtmpSink:
    """`with RtmpSink() as sink:` OBS streams to `sink.url` (rtmp://127.0.0.1:PORT/live), its key anything."""

    def __init__(self) -> None:
        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Session)
        self.server.daemon_threads = True
        self.url = f"rtmp://127.0.0.1:{self.server.server_address[1]}/live"
        self._thread = threading.Thread(target=self.server.serve_forever, name="rtmp-sink", daemon=True)

    def __enter__(self) -> RtmpSink:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        with contextlib.suppress(OSError):
            socket.create_connection(self.server.server_address, timeout=0.1).close()

"""OBS's messages are acknowledged at once (presenter/obs/quick_ack.py), over real TCP on 127.0.0.1.

Why it matters, measured with a real OBS (benchmarks/obs.py): obs-websocket sends with Nagle's algorithm,
so after any request in the last ~0.2 s a scene change's answer and event waited for our delayed ACK,
~40 ms. Linux's delayed-ACK state of a socket is readable: TCP_QUICKACK reads 0 while ACKs are delayed
(the request/response rhythm puts a connection there), 1 when each read is acknowledged at once.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve

from presenter.obs.quick_ack import ack_at_once

pytestmark = pytest.mark.skipif(not hasattr(socket, "TCP_QUICKACK"), reason="TCP_QUICKACK is Linux's")


def _ack_states(hook: bool, exchanges: int = 6) -> tuple[bool, list[int]]:
    """Requests and answers in quick turns (as the follower's poll and a GO); the ACK state after each answer."""

    async def answer(ws: ServerConnection) -> None:
        async for message in ws:
            await ws.send(message)

    async def run() -> tuple[bool, list[int]]:
        async with serve(answer, "127.0.0.1", 0) as server:
            port = server.sockets[0].getsockname()[1]
            async with connect(f"ws://127.0.0.1:{port}") as ws:
                placed = ack_at_once(ws) if hook else False
                sock = ws.transport.get_extra_info("socket")
                states = []
                for _ in range(exchanges):
                    await ws.send("GetStats")
                    await ws.recv()
                    states.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK))
                return placed, states

    return asyncio.run(run())


def test_each_answer_is_acknowledged_at_once():
    placed, states = _ack_states(hook=True)
    assert placed
    assert states == [1] * len(states)


def test_without_it_the_kernel_delays_the_acks_the_reason_it_exists():
    """The premise, on this machine's kernel: a connection in request/response rhythm delays its ACKs."""
    _placed, states = _ack_states(hook=False)
    assert 0 in states


class _Transport:
    def __init__(self, sock: Any) -> None:
        self.sock = sock

    def get_extra_info(self, name: str) -> Any:
        return self.sock if name == "socket" else None


class _Protocol:
    def __init__(self, sock: Any) -> None:
        self.transport = _Transport(sock)
        self.read: list[bytes] = []

    def data_received(self, data: bytes) -> None:
        self.read.append(data)


def test_a_socket_that_is_not_tcp_is_left_alone():
    left, right = socket.socketpair()
    try:
        protocol = _Protocol(left)
        assert not ack_at_once(protocol)
        assert "data_received" not in vars(protocol)
    finally:
        left.close()
        right.close()


def test_no_transport_is_left_alone():
    protocol = _Protocol(None)
    protocol.transport = None  # type: ignore[assignment]
    assert not ack_at_once(protocol)


def test_a_closed_socket_still_hands_on_what_was_read():
    """Closing under the read: the option cannot be set, the data still reaches the connection, nothing raises."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    protocol = _Protocol(sock)
    assert ack_at_once(protocol)
    sock.close()
    protocol.data_received(b"last words")
    assert protocol.read == [b"last words"]

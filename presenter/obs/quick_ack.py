"""Acknowledge OBS's messages at once, so a scene change is not held back 40 ms by TCP.

Measured with a real OBS 29 (benchmarks/obs.py): a SetCurrentProgramScene that follows any other request
(the once-a-second health poll) within ~0.2 s was answered, and its CurrentProgramSceneChanged arrived,
~43 ms late instead of ~2 ms: about one scene change in ten. Cause: obs-websocket's socket uses
Nagle's algorithm (it holds a small message while an earlier one is unacknowledged), and Linux delays our
ACK up to 40 ms once the connection looks like request/response ("pingpong" mode). Setting TCP_QUICKACK
after each read sends the ACK now and leaves pingpong mode; the option is not sticky, hence each read.
Where the option does not exist (not Linux) this does nothing.
"""

from __future__ import annotations

import contextlib
import logging
import socket
from typing import Any

log = logging.getLogger(__name__)

_QUICKACK: int | None = getattr(socket, "TCP_QUICKACK", None)


def ack_at_once(connection: Any) -> bool:
    """Wraps the asyncio protocol `connection` (a websockets connection) so every read acknowledges at once.

    True when it is in place; False where the platform or the transport has no TCP_QUICKACK.
    """
    transport = getattr(connection, "transport", None)
    sock = transport.get_extra_info("socket") if transport is not None else None
    if _QUICKACK is None or sock is None or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return False
    option = _QUICKACK
    received = connection.data_received

    def data_received(data: bytes) -> None:
        with contextlib.suppress(OSError):  # closing under us: the read still goes on, the connection notices
            sock.setsockopt(socket.IPPROTO_TCP, option, 1)
        received(data)

    # The transport calls its protocol's data_received for each read: an instance attribute takes its place.
    connection.data_received = data_received
    try:
        sock.setsockopt(socket.IPPROTO_TCP, option, 1)
    except OSError as exc:
        log.debug("TCP_QUICKACK: %s", exc)
    return True

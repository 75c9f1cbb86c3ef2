"""`[HOST:]PORT` and IP addresses from the command line and the settings (plain Python: the CLI imports it)."""

from __future__ import annotations

import ipaddress

DEFAULT_HOST = "127.0.0.1"  # a LAN interface must be chosen on purpose


def parse_ip(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text.strip().strip("[]")))
    except ValueError:
        raise ValueError(f'"{text}" is not an IP address (e.g. 127.0.0.1 or 192.168.1.20)') from None


def parse_host_port(text: str, default_host: str = DEFAULT_HOST) -> tuple[str, int]:
    """`[HOST:]PORT` → (host, port); ValueError with a message in the user's terms."""
    text = text.strip()
    host, _, port_text = text.rpartition(":")
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f'"{text}" is not [HOST:]PORT with a port from 1 to 65535')
    if not host or host == "localhost":
        return (default_host if not host else "127.0.0.1"), int(port_text)
    return parse_ip(host), int(port_text)

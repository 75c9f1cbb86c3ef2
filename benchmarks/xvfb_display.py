"""A private Xvfb screen for the benchmarks that need one when there is no DISPLAY (24-bit: libVLC
draws wrong colours on 16-bit screens)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def start_xvfb() -> subprocess.Popen:
    exe = shutil.which("Xvfb")
    if exe is None:
        sys.exit("no DISPLAY and no Xvfb: install xvfb (apt install xvfb)")
    for n in range(90, 250):
        if Path(f"/tmp/.X{n}-lock").exists() or Path(f"/tmp/.X11-unix/X{n}").exists():
            continue
        proc = subprocess.Popen(
            [exe, f":{n}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                os.environ["DISPLAY"] = f":{n}"
                return proc
            if proc.poll() is not None:
                break
            time.sleep(0.05)
        proc.kill()
    sys.exit("could not start Xvfb")


def stop_xvfb(proc: subprocess.Popen | None) -> None:
    """End an Xvfb that start_xvfb started (None: there was none to end)."""
    if proc is None:
        return
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()

"""The technician's preview backend (issue 5): the preview's extra controls, audio devices, a
read-only audio snapshot of any backend. The rules of :mod:`.backend` hold: player calls on the
backend's control thread, nothing in a libVLC callback but copying bytes and setting a flag."""

from __future__ import annotations

import concurrent.futures
import time
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from presenter.playout.vlc.backend import VlcBackend
from presenter.playout.vlc.loader import _vlc

STEP_DECODE_AHEAD_S = 0.1


@dataclass(frozen=True)
class AudioState:
    """A player's audio as libVLC reports it (volume 0-200 or -1, mute, device id or None)."""

    volume: int
    muted: bool
    device: str | None


def _list_devices(vlc: ModuleType, player: Any) -> list[tuple[str, str]]:
    head = player.audio_output_device_enum()
    devices: list[tuple[str, str]] = []
    node = head
    try:
        while node:
            dev = node.contents
            ident = (dev.device or b"").decode("utf-8", "replace")
            description = (dev.description or b"").decode("utf-8", "replace").strip() or ident
            if ident:
                devices.append((ident, description))
            node = dev.next
    finally:
        if head:
            vlc.libvlc_audio_output_device_list_release(head)
    return devices


def audio_snapshot(backend: VlcBackend) -> concurrent.futures.Future[Any] | None:
    """``{token: AudioState}`` of every player of *backend*, read on its control thread (diagnostics)."""

    def read() -> dict[int, AudioState]:
        out: dict[int, AudioState] = {}
        for token, p in list(backend._players.items()):
            out[token] = AudioState(
                int(p.player.audio_get_volume()), p.player.audio_get_mute() == 1, p.player.audio_output_device_get()
            )
        return out

    return backend.call(read)


def _wait_state(player: Any, states: tuple[Any, ...], timeout_s: float) -> Any:
    deadline = time.monotonic() + timeout_s
    state = player.get_state()
    while state not in states and time.monotonic() < deadline:
        time.sleep(0.002)
        state = player.get_state()
    return state


class PreviewBackend(VlcBackend):
    """:class:`VlcBackend` plus what the preview needs: prime, seek, frame step, volume/mute, devices.

    Same rules: every method returns at once, the work runs on this backend's own control thread.

    Measured on libVLC 3.0.24: a player opened with ``:start-paused`` does not show the picture of
    a seek made while it is paused; once it has played (even for no frame) and paused, it does
    (within about 3 frames of the time asked for). :meth:`prime` does that, muted. ``next_frame()``
    steps exactly one frame, but the next resume then jumps about a second ahead unless a seek
    follows the resume.
    """

    def _do_seek(self, token: int, ms: int) -> None:
        p = self._players.get(token)
        if p is not None:
            p.player.set_time(max(0, int(ms)))

    def _do_prime(self, token: int, ms: int | None = 0) -> bool:
        p = self._players.get(token)
        if p is None:
            return False
        vlc = _vlc()
        player = p.player
        muted = player.audio_get_mute() == 1
        player.audio_set_mute(True)
        try:
            player.set_pause(0)
            done = (vlc.State.Ended, vlc.State.Error, vlc.State.Stopped)
            if _wait_state(player, (vlc.State.Playing, *done), 2.0) != vlc.State.Playing:
                return False
            if ms is None:
                # Before a frame step: next_frame() shows the next picture already decoded, and nothing when
                # none is (after a seek while paused, or when a loaded machine kept the decoder from getting
                # ahead while it played); playing a little longer lets the decoder queue pictures.
                time.sleep(STEP_DECODE_AHEAD_S)
            player.set_pause(1)
            if _wait_state(player, (vlc.State.Paused, *done), 2.0) != vlc.State.Paused:
                return False
            if ms is not None:
                player.set_time(max(0, int(ms)))  # its picture, shown by a seek while paused
            time.sleep(0.02)  # the Playing/Paused events reach the sink before the caller hears "primed"
            return True
        finally:
            player.audio_set_mute(muted)

    def _do_step(self, token: int) -> None:
        p = self._players.get(token)
        if p is not None:
            p.player.next_frame()

    def prime(self, token: int, ms: int | None = 0, *, urgent: bool = False) -> concurrent.futures.Future[Any] | None:
        """Player *token* (paused) plays muted until libVLC says Playing, pauses and shows the picture
        at *ms* (``None``: stays where it paused). Future of ``True`` when done; it emits Playing and
        Paused. After ``:start-paused`` and after ``next_frame()`` this is how a paused player shows
        the picture of a seek; after a seek while paused, ``next_frame()`` needs it (``ms=None``)."""
        return self._submit(self._do_prime, token, None if ms is None else int(ms), urgent=urgent)

    def step(self, token: int) -> None:
        """One frame forward while paused (``next_frame()``; seek after the next resume)."""
        self._submit(self._do_step, token, urgent=True)

    def _do_set_audio(self, token: int, volume: int, muted: bool) -> None:
        p = self._players.get(token)
        if p is not None:
            p.player.audio_set_mute(bool(muted))
            p.player.audio_set_volume(max(0, min(100, int(volume))))

    def _do_set_device(self, token: int, device_id: str) -> tuple[str | None, bool | None]:
        p = self._players.get(token)
        if p is None:
            return None, None
        p.player.audio_output_device_set(None, device_id)
        got = p.player.audio_output_device_get()
        # Some outputs (ALSA) take any string as a device and report it back: is it a real one?
        listed = [ident for ident, _ in _list_devices(_vlc(), p.player)]
        return got, (device_id in listed) if listed else None

    def _do_devices(self, token: int | None) -> list[tuple[str, str]]:
        vlc = _vlc()
        p = self._players.get(token) if token is not None else None
        if p is not None:
            return _list_devices(vlc, p.player)
        if self._instance is None:
            return []
        player = self._instance.media_player_new()  # its audio output lists the devices; no media
        if player is None:
            return []
        try:
            return _list_devices(vlc, player)
        finally:
            player.release()

    def _do_audio_state(self, token: int) -> AudioState | None:
        p = self._players.get(token)
        if p is None:
            return None
        return AudioState(
            int(p.player.audio_get_volume()), p.player.audio_get_mute() == 1, p.player.audio_output_device_get()
        )

    def seek(self, token: int, ms: int, *, urgent: bool = True) -> None:
        self._submit(self._do_seek, token, int(ms), urgent=urgent)

    def set_audio(self, token: int, volume: int, muted: bool, *, urgent: bool = True) -> None:
        """Volume 0-100 and mute of player *token* (urgent by default: a mute must not wait for a stop;
        ``urgent=False`` right after :meth:`open`, so that it runs after the player exists)."""
        self._submit(self._do_set_audio, token, int(volume), bool(muted), urgent=urgent)

    def set_audio_device(self, token: int, device_id: str) -> concurrent.futures.Future[Any] | None:
        """Move player *token*'s audio to *device_id*.

        The future holds ``(audio_output_device_get() after it, whether *device_id* is among the
        enumerated devices or None when the output lists none)``. libVLC 3 ignores a device set
        before the player's audio output exists and a new media starts on the default device
        again: set it after each ``play()`` and compare the result.
        """
        return self._submit(self._do_set_device, token, str(device_id), urgent=True)

    def audio_devices(self, token: int | None = None) -> concurrent.futures.Future[Any] | None:
        """Future of ``[(device id, description)]`` from libVLC's enumeration (empty: not supported)."""
        return self._submit(self._do_devices, token)

    def audio_state(self, token: int) -> concurrent.futures.Future[Any] | None:
        """Future of the :class:`AudioState` of player *token* (``None`` when it is gone)."""
        return self._submit(self._do_audio_state, token)

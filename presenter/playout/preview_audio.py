"""The preview player's sound (a mixin of :class:`~presenter.playout.preview.PreviewPlayer`): mute,
volume and the audio device, muted until libVLC confirms the device (its sound could otherwise reach
the program's device and the stream)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot

from presenter.i18n import translate
from presenter.playout.vlc import AudioState, PreviewBackend
from presenter.tasks import deliver

if TYPE_CHECKING:  # the host, PreviewPlayer, is the QObject: so the type checker sees this mixin as one
    from presenter.playout.preview import PreviewState

    _Host = QObject
else:
    _Host = object

log = logging.getLogger("presenter.playout.preview")

DEVICE_ATTEMPTS = 5
DEVICE_RETRY_MS = 100
SETTING_DEVICE = "preview/audio_device"
SETTING_VOLUME = "preview/volume"
_SILENT_STATES = ("empty", "stopped", "error")  # nothing loaded that could be moved to a device


class PreviewAudio(_Host):
    """Mute, volume, device; the state (``_muted``, ``_device`` …) is the player's."""

    if TYPE_CHECKING:  # what PreviewPlayer (the host) gives this mixin
        problem: ClassVar[Signal]
        audio_devices_changed: ClassVar[Signal]
        audio_device_changed: ClassVar[Signal]
        _settings: QSettings
        _backend: PreviewBackend
        _token: int | None
        _state: PreviewState
        _closed: bool
        _muted: bool
        _safety_muted: bool
        _volume: int
        _device: str
        _device_confirmed: bool
        _devices: list[tuple[str, str]]

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        self._send_audio()

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, int(volume)))
        self._settings.setValue(SETTING_VOLUME, self._volume)
        self._send_audio()

    def audio_devices(self, timeout_s: float = 2.0) -> list[tuple[str, str]]:
        """``[(id, description)]`` from libVLC's enumeration. Blocks up to *timeout_s* (the control
        thread may be stopping a player): the window uses :meth:`refresh_audio_devices`."""
        fut = self._backend.audio_devices(self._token)
        if fut is None:
            return []
        try:
            devices = list(fut.result(timeout_s))
        except Exception as exc:
            log.warning("audio devices not listed: %s", exc)
            return []
        self._devices = devices
        return devices

    def refresh_audio_devices(self) -> None:
        """List the devices off this thread; ``audio_devices_changed`` follows."""
        fut = self._backend.audio_devices(self._token)
        if fut is None:
            self.audio_devices_changed.emit([])
            return
        deliver(fut, self._on_devices, fallback=[], owner=self)

    def set_audio_device(self, device_id: str | None) -> None:
        """Play the preview's sound on *device_id* (``""``/``None``: system default). Remembered.

        Applied to the loaded clip at once (muted until libVLC confirms it) and to every later one.
        Going back to the system default takes effect with the next clip.
        """
        self._device = str(device_id or "")
        self._settings.setValue(SETTING_DEVICE, self._device)
        self._device_confirmed = False
        if not self._device:
            self._safety_muted = False
            self._send_audio()
            self.audio_device_changed.emit("", False)
            return
        if self._token is not None and self._state not in _SILENT_STATES:
            self._safety_muted = True
            self._send_audio()
            self._apply_device()

    def audio_state(self, timeout_s: float = 2.0) -> AudioState | None:
        """What libVLC says about the loaded clip's audio (blocks up to *timeout_s*; tests, diagnostics)."""
        if self._token is None:
            return None
        fut = self._backend.audio_state(self._token)
        try:
            return fut.result(timeout_s) if fut is not None else None
        except Exception:
            return None

    def _send_audio(self, *, urgent: bool = True) -> None:
        if self._token is not None:
            self._backend.set_audio(self._token, self._volume, self._muted or self._safety_muted, urgent=urgent)

    def _apply_device(self, attempt: int = 1) -> None:
        token, wanted = self._token, self._device
        if token is None or not wanted:
            return
        fut = self._backend.set_audio_device(token, wanted)
        if fut is None:
            return
        deliver(
            fut,
            lambda result: self._on_device_result(token, wanted, attempt, result),
            fallback=(None, None),
            owner=self,
        )

    @Slot(int, str, int, object)
    def _on_device_result(self, token: int, wanted: str, attempt: int, result: object) -> None:
        if token != self._token or wanted != self._device or self._closed:
            return
        got, listed = result if isinstance(result, tuple) else (None, None)
        if got == wanted and listed is not False:
            newly = not self._device_confirmed
            self._device_confirmed = True
            if self._safety_muted:
                self._safety_muted = False
                self._send_audio()
            if newly:
                self.audio_device_changed.emit(wanted, True)
            return
        self._device_confirmed = False
        if not self._safety_muted:
            self._safety_muted = True  # it moved away (or never got there): silence first
            self._send_audio()
        if attempt < DEVICE_ATTEMPTS and listed is not False:  # not there yet? ask again
            QTimer.singleShot(DEVICE_RETRY_MS, self, lambda a=attempt + 1: self._apply_device(a))
            return
        name = dict(self._devices).get(wanted, wanted)
        if listed is False:
            why = translate("Clip", "it is not connected")
        elif got:
            why = translate("Clip", "libVLC reports {device}").format(device=got)
        else:
            why = translate("Clip", "libVLC reports no device")
        self.audio_device_changed.emit(wanted, False)
        self.problem.emit(
            translate(
                "Clip",
                "preview sound could not be put on '{name}' ({why}): the preview stays muted so that "
                "it cannot reach the program sound; choose another device",
            ).format(name=name, why=why)
        )

    @Slot(object)
    def _on_devices(self, devices: object) -> None:
        self._devices = list(devices or [])  # type: ignore[call-overload]
        self.audio_devices_changed.emit(list(self._devices))

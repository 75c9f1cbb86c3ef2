"""Clip playout through libVLC 3.

* :mod:`presenter.playout.interface` - the ``Playout`` Protocol, ``OutputState``, ``EndAction``, ``OutputStatus``.
* :mod:`presenter.playout.vlc` - libVLC: the one ``import vlc``, ``vlc_status()``, backends, media reading.
* :mod:`presenter.playout.probe` - ``probe(path) -> MediaInfo`` (no Qt needed).
* :mod:`presenter.playout.program` - ``ProgramPlayout``, the program output engine (a Qt QObject);
  import it from there (this package does not, so that probing works without Qt).
* :mod:`presenter.playout.preview` - ``PreviewPlayer``, the technician's own player.
* :mod:`presenter.playout.silent` - ``SilentPlayout``, plays nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presenter.playout.probe import MediaInfo, probe, quick_check
    from presenter.playout.vlc import vlc_status

_FROM = {"MediaInfo": "probe", "probe": "probe", "quick_check": "probe", "vlc_status": "vlc"}


def __getattr__(name: str) -> Any:
    """The probe and libVLC's rooms only when asked for: the controller needs only the interface, and the
    director paints before libVLC starts, so a start-up does not load them first (issue 21, start-up time)."""
    room = _FROM.get(name)
    if room is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{room}"), name)


__all__ = ["MediaInfo", "probe", "quick_check", "vlc_status"]

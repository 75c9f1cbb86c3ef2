"""Clip playout through libVLC 3.

* :mod:`presenter.playout.interface` - the ``Playout`` Protocol, ``OutputState``, ``EndAction``, ``OutputStatus``.
* :mod:`presenter.playout.vlc` - libVLC: the one ``import vlc``, ``vlc_status()``, backends, media reading.
* :mod:`presenter.playout.probe` - ``probe(path) -> MediaInfo`` (no Qt needed).
* :mod:`presenter.playout.program` - ``ProgramPlayout``, the program output engine (a Qt QObject);
  import it from there (this package does not, so that probing works without Qt).
* :mod:`presenter.playout.preview` - ``PreviewPlayer``, the technician's own player.
* :mod:`presenter.playout.silent` - ``SilentPlayout``, plays nothing.
"""

from presenter.playout.probe import MediaInfo, probe, quick_check
from presenter.playout.vlc import vlc_status

__all__ = ["MediaInfo", "probe", "quick_check", "vlc_status"]

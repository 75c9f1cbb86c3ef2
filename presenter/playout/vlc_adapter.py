"""The old home of the libVLC adapter: everything now lives in :mod:`presenter.playout.vlc`.

Kept so that ``from presenter.playout.vlc_adapter import …`` goes on working.
"""

from presenter.playout.vlc import *  # noqa: F403
from presenter.playout.vlc import __all__  # noqa: F401
from presenter.playout.vlc.loader import _load, _vlc  # noqa: F401 (diagnostics and tests)

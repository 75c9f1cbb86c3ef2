"""The old home of the libVLC adapter: everything now lives in :mod:`presenter.playout.vlc`.

Kept only for the tests and benchmarks that still import it (tests/ui, tests/remote, benchmarks/soak.py);
the app imports presenter.playout.vlc. Remove it once they are switched.
"""

from presenter.playout.vlc import *  # noqa: F403
from presenter.playout.vlc import __all__  # noqa: F401
from presenter.playout.vlc.loader import _load, _vlc  # noqa: F401 (diagnostics and tests)

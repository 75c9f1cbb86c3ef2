"""The clip files (package): file checks, identity, media summary (files) and the headless preflight.

Owns what is known of a clip file before it plays; may import presenter.show and the foundation; Qt-free
(the probe that asks libVLC is handed in by the caller).
"""

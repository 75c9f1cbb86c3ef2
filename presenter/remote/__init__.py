"""Remote control and browser views: HTTP + WebSocket (one port), OSC over UDP. Off unless asked for.

`start_remote(controller, args, settings, parent)` is the app's one hook; it returns a Remote the
director's panel shows and switches. `register_intent` adds intents (the questions module's).
Imports are lazy: the command line checks its options without loading Qt.
"""

from __future__ import annotations

_FROM = {
    "Remote": "service",
    "start_remote": "service",
    "register_intent": "intents",
    "register_state": "intents",
    "unregister_intent": "intents",
    "Arg": "intents",
    "ArgType": "intents",
    "IntentError": "intents",
    "Status": "intents",
}

__all__ = sorted(_FROM)


def __getattr__(name: str) -> object:
    if name not in _FROM:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(f"presenter.remote.{_FROM[name]}"), name)

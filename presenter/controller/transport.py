"""The clip transport: pause, resume, restart and stop to black, each a typed intent through the one
dispatcher (which checks a clip is on air); the controller then drives the playout from the engine's
events. Qt-free; may import presenter.run."""

from __future__ import annotations

from collections.abc import Callable

from presenter.run import intents as do
from presenter.run.intents import Intent

Do = Callable[[Intent], bool]  # the controller's: dispatch, True when carried out


class ClipTransport:
    """The transport buttons of the clip on air, as ShowController.clip_transport."""

    def __init__(self, do_intent: Do) -> None:
        self._do = do_intent

    def pause(self) -> bool:
        return self._do(do.PauseClip())

    def resume(self) -> bool:
        return self._do(do.ResumeClip())

    def restart(self) -> bool:
        """From the start: restarted in place on the output, taken again from black."""
        return self._do(do.RestartClip())

    def stop_to_black(self) -> bool:
        """Esc: stop every clip to black at once; the segment stays on air."""
        return self._do(do.StopToBlack())

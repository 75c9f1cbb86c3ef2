"""The scene follower's bookkeeping, without OBS: what the show wants, what OBS shows, and who switched it.

Lives on the OBS thread; every method answers at once and returns the scene to set, if any, so the
rules (take over at each transition of the show, leave a manual switch alone until then, set the
wanted scene again after a reconnect) are tested without a socket.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presenter.obs.scenes import ObsCue, wanted_scene
from presenter.run.state import Mode

_MAX_PENDING = 16  # scenes asked for whose change OBS has not reported yet (a guard; normally 0 or 1)


@dataclass
class SceneTracker:
    wanted: str | None = None
    program: str | None = None  # what OBS last said it shows
    manual: bool = False  # switched in OBS by someone else since the show's last transition
    missing: str | None = None  # wanted, but OBS has no scene of that name
    connected: bool = False
    _transition: tuple[Mode, str | None, str | None] | None = None  # (mode, segment on air, wanted scene)
    _pending: list[str] = field(default_factory=list)

    def cue(self, cue: ObsCue) -> str | None:
        """A new show state: the scene to set now, if the show made a transition that OBS does not show yet."""
        wanted = wanted_scene(cue)
        transition = (cue.mode, cue.segment_id, wanted)
        if transition == self._transition:  # the same state again (a tick, clip progress): a manual switch stays
            return None
        self._transition = transition
        self.wanted = wanted
        self.manual = False
        self.missing = None  # about the scene wanted before; OBS's answer tells about this one
        if wanted is None:
            return None
        if not self.connected or (wanted == self.program and not self._pending):
            return None
        return wanted

    def sent(self, scene: str) -> None:
        self._pending = [*self._pending[-(_MAX_PENDING - 1) :], scene]

    def set_done(self, scene: str, *, missing: bool) -> None:
        """OBS answered the request for `scene`: set (its change event follows), or refused (no such scene)."""
        if missing and scene in self._pending:
            self._pending.remove(scene)
        if scene == self.wanted:
            self.missing = scene if missing else None

    def program_changed(self, scene: str) -> None:
        """OBS switched its program scene: ours if we asked for it, else someone switched by hand."""
        self.program = scene
        if scene in self._pending:
            del self._pending[: self._pending.index(scene) + 1]
            self.manual = False
        else:
            self.manual = self.wanted is not None and scene != self.wanted
        if scene == self.wanted:
            self.missing = None

    def on_connect(self, program: str | None) -> str | None:
        """Connected (again): OBS may have restarted or been switched meanwhile; the show's scene is set again."""
        self.connected = True
        self.program = program
        self.manual = False
        self._pending.clear()
        if self.wanted is None or self.wanted == program:
            return None
        return self.wanted

    def on_disconnect(self) -> None:
        self.connected = False
        self._pending.clear()

    def scene_appeared(self, scene: str) -> str | None:
        """A scene was created or renamed in OBS: if it is the one missing, the show's scene is set now."""
        if scene != self.wanted or scene != self.missing or self.manual or not self.connected:
            return None
        return scene

"""OBS Studio follows the running order; the director sees the stream's health (issue 24).

Wiring (presenter.ui.obs_wiring): `follower = start_follower(address, password, on_health=relay)` (None without
an address), then `follower.follow(cue_from_engine(engine))` on every change of the show, before any window
repaints (`cue_from_snapshot` gives the same cue from a snapshot), `follower.reconnect(address, password)` when
the director's OBS settings change, `follower.health().status_dict()` under "obs" in the status file, and
`follower.close()` on quit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from presenter.obs.health import LinkState, ObsHealth, ObsProblem, OutputHealth, ProblemCode
from presenter.obs.options import add_obs_options, obs_address, obs_password, start_follower
from presenter.obs.scenes import ObsCue, cue_from_engine, cue_from_snapshot, scenes_needed, wanted_scene

if TYPE_CHECKING:
    from presenter.obs.follower import Backoff, ObsFollower, ObsReply

_FOLLOWER_NAMES = frozenset({"Backoff", "ObsFollower", "ObsReply"})


def __getattr__(name: str) -> Any:
    """The follower (simpleobsws, asyncio: ~60 ms of imports) only when asked for: a start without --obs
    never loads it, so the director paints that much sooner."""
    if name in _FOLLOWER_NAMES:
        from presenter.obs import follower

        return getattr(follower, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Backoff",
    "LinkState",
    "ObsCue",
    "ObsFollower",
    "ObsHealth",
    "ObsProblem",
    "ObsReply",
    "OutputHealth",
    "ProblemCode",
    "add_obs_options",
    "cue_from_engine",
    "cue_from_snapshot",
    "obs_address",
    "obs_password",
    "scenes_needed",
    "start_follower",
    "wanted_scene",
]

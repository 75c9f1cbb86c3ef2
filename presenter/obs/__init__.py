"""OBS Studio follows the running order; the director sees the stream's health (issue 24).

Wiring (the integrator's): `follower = start_follower(args.obs, settings_password, on_health=relay)` (None
without --obs), then `follower.follow(cue_from_snapshot(snapshot))` for every new snapshot, and
`follower.health().status_dict()` under "obs" in the status file; `follower.close()` on quit.
"""

from presenter.obs.follower import Backoff, ObsFollower, ObsReply
from presenter.obs.health import LinkState, ObsHealth, ObsProblem, OutputHealth, ProblemCode
from presenter.obs.options import add_obs_options, obs_address, obs_password, start_follower
from presenter.obs.scenes import ObsCue, cue_from_snapshot, scenes_needed, wanted_scene

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
    "cue_from_snapshot",
    "obs_address",
    "obs_password",
    "scenes_needed",
    "start_follower",
    "wanted_scene",
]

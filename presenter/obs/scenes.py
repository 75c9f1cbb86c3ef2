"""Which OBS program scene the show wants now: a pure function of what is on air.

The follower (presenter.obs.follower) gets one ObsCue per new show state, built by `cue_from_snapshot`
from the engine's snapshot, so wiring it is one call; everything here is plain data without OBS or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from presenter.run.state import ClipState, Mode, ShowSnapshot
from presenter.show.model import ObsScenes, SegmentKind, Show

if TYPE_CHECKING:
    from presenter.run.engine import ShowEngine

# A clip that stopped, failed or ended to black leaves the program output black: OBS shows "black" if named.
_BLACK_STATES = frozenset({ClipState.BLACK, ClipState.FAILED})


@dataclass(frozen=True)
class ObsCue:
    """What the scene follower needs of one show state."""

    mode: Mode
    segment_id: str | None = None  # the segment on air
    kind: SegmentKind | None = None
    obs_scene: str | None = None  # the segment's own scene (show file `obs_scene:`)
    clip_state: ClipState | None = None
    scenes: ObsScenes = field(default_factory=ObsScenes)  # the show's defaults (show file `obs: scenes:`)


def cue_from_snapshot(snapshot: ShowSnapshot) -> ObsCue:
    """The cue of one engine snapshot (the integrator's one call per new state)."""
    current = snapshot.current
    if current is None or snapshot.mode is not Mode.ON_AIR:
        return ObsCue(mode=snapshot.mode, scenes=snapshot.show.obs)
    clip_state = snapshot.clip.state if snapshot.clip is not None else current.clip_state
    return ObsCue(
        mode=snapshot.mode,
        segment_id=current.segment.id,
        kind=current.segment.kind,
        obs_scene=current.segment.obs_scene,
        clip_state=clip_state,
        scenes=snapshot.show.obs,
    )


def cue_from_engine(engine: ShowEngine) -> ObsCue:
    """The same cue as `cue_from_snapshot(engine.snapshot())`, read straight from the engine: the app hands it to
    OBS on every change before any window repaints, and a snapshot of a long show takes milliseconds to build."""
    show = engine.show
    if engine.mode is not Mode.ON_AIR or engine.current is None:
        return ObsCue(mode=engine.mode, scenes=show.obs)
    segment = show.segments[engine.current]
    return ObsCue(
        mode=engine.mode,
        segment_id=segment.id,
        kind=segment.kind,
        obs_scene=segment.obs_scene,
        clip_state=engine.runs[engine.current].clip_state,
        scenes=show.obs,
    )


def wanted_scene(cue: ObsCue) -> str | None:
    """The program scene OBS should show for `cue`; None: the show names none, OBS is left as it is."""
    scenes = cue.scenes
    if cue.mode is Mode.STANDBY:
        return scenes.standby
    if cue.mode is Mode.ENDED:
        return scenes.end
    if cue.kind is None:
        return None
    if cue.clip_state in _BLACK_STATES and scenes.black:
        return scenes.black
    if cue.obs_scene:
        return cue.obs_scene
    return scenes.clip if cue.kind is SegmentKind.CLIP else scenes.live


def scenes_needed(show: Show) -> tuple[str, ...]:
    """Every scene the show names, in the order it names them, once each (for `--check --obs`)."""
    scenes = show.obs
    named = [scenes.standby, scenes.live, scenes.clip, scenes.black, scenes.end]
    named += [segment.obs_scene for segment in show.segments]
    return tuple(dict.fromkeys(name for name in named if name))

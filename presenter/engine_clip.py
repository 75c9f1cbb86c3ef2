"""Clip transport as engine transitions: pause, resume, restart and stop to black (Esc).

The director's transport changes the show state first (journaled before it acts); the controller then
drives the playout from the change, so the snapshot, the status file, the moderator and the as-run
always say what the program output does, and a replay after kill -9 puts the clip back where it was.
"""

from __future__ import annotations

from presenter.engine_core import EngineCore
from presenter.state import ClipEnd, ClipState, Mode, Op, SegmentRun

PAUSABLE = (ClipState.WAITING, ClipState.PLAYING)
RESTARTABLE = (ClipState.WAITING, ClipState.PLAYING, ClipState.PAUSED, ClipState.HELD, ClipState.BLACK)


class ClipTransport(EngineCore):
    """The clip on air as the director drives it (ShowEngine adds the player's reports and the rest)."""

    def clip_on_air(self) -> SegmentRun | None:
        """The run of the clip segment on air, if a clip segment is on air."""
        if self.current is None or self.mode is not Mode.ON_AIR or not self.show.segments[self.current].is_clip:
            return None
        return self.runs[self.current]

    def _freeze_position(self, run: SegmentRun) -> None:
        position = self.clip_position(run)
        if position is not None:
            run.clip_position_s = position
            run.clip_position_at = self.clock.monotonic()

    def pause_clip(self, at_s: float | None = None) -> bool:
        """Pause the clip on air where it is now (a replay passes the journaled position: `at_s`).
        False (nothing changed) unless it plays (or is starting)."""
        run = self.clip_on_air()
        if run is None or run.clip_state not in PAUSABLE:
            return False
        position = self.clip_position(run)
        self._log(Op.CLIP_PAUSE, position_s=None if position is None else round(position, 3))
        self._freeze_position(run)
        if at_s is not None:  # exactly where it was paused, whatever the replay's extrapolation says
            run.clip_position_s, run.clip_position_at = at_s, self.clock.monotonic()
        run.clip_state = ClipState.PAUSED
        self._record("clip_pause", self._segment_id(self.current), position_s=run.clip_position_s)
        return True

    def resume_clip(self) -> bool:
        """Play the paused clip on from where it stands."""
        run = self.clip_on_air()
        if run is None or run.clip_state is not ClipState.PAUSED:
            return False
        self._log(Op.CLIP_RESUME)
        if run.clip_position_s is not None:
            run.clip_position_at = self.clock.monotonic()
        run.clip_state = ClipState.PLAYING
        self._record("clip_resume", self._segment_id(self.current), position_s=run.clip_position_s)
        return True

    def restart_clip(self) -> bool:
        """Play the clip on air again from 0:00, whatever it did (paused, held, stopped to black).

        It plays, so its end action applies again at its end; the as-run notes the restart, and how it
        ended is counted from here (a clip restarted after Esc that then plays out aired in full).
        """
        run = self.clip_on_air()
        if run is None or run.clip_state not in RESTARTABLE:
            return False
        before = self.clip_position(run)
        self._log(Op.CLIP_RESTART, position_s=None if before is None else round(before, 3))
        run.clip_state = ClipState.PLAYING
        run.clip_position_s = 0.0
        run.clip_position_at = self.clock.monotonic()
        airing = self._on_air_airing()
        airing.clip_end = airing.clip_problem = None
        airing.clip_restarts += 1
        self._record("clip_restart", self._segment_id(self.current), position_s=before)
        return True

    def panic(self) -> None:
        """Every clip stopped to black by hand (Esc); the segment on air stays on air."""
        self._log(Op.PANIC)
        segment_id = self._segment_id(self.current) if self.mode is Mode.ON_AIR else None
        run = self.clip_on_air()
        if run is not None:
            # Freeze the clip's position where it was stopped, not at the player's last report.
            self._freeze_position(run)
            if run.clip_state in (ClipState.WAITING, ClipState.PLAYING, ClipState.PAUSED):
                self._note_clip_end(ClipEnd.STOPPED)
            run.clip_state = ClipState.BLACK
        self._record("panic", segment_id)

    def _note_clip_end(self, how: ClipEnd, problem: str | None = None) -> None:
        airing = self._on_air_airing()
        if airing.clip_end is None:
            airing.clip_end, airing.clip_problem = how, problem

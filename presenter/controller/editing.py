"""The edit intents: a changed show file (`replace_show`) and the running-order editor's edits
(`apply_edit`), each a typed intent through the one dispatcher, like GO; the same journal, one
`changed` after each. Here too lives what the preflight probed of each clip (`media_info`), because an
edit that changes a clip's file makes that knowledge wrong. Qt-free; may import presenter.run and
presenter.show (the controller hands in its dispatch, its arming and its problem line)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager

from presenter.i18n import QT_TRANSLATE_NOOP
from presenter.run import intents as do
from presenter.run.dispatch import Accepted, Outcome
from presenter.run.intents import Intent, Source
from presenter.show import Show

Send = Callable[[Intent, "Source | None"], Outcome]  # the controller's dispatch
OneChange = Callable[[], AbstractContextManager[None]]  # the controller's bracket: one `changed` at its end

TOO_LARGE = QT_TRANSLATE_NOOP(
    "ShowController", "This running order is too large for the crash journal: save it now (Ctrl+S)."
)


class EditIntents:
    """The show's edits, as ShowController.edits."""

    def __init__(
        self,
        send: Send,
        one_change: OneChange,
        current: Callable[[], Show],
        arm_next: Callable[[], None],
        tell: Callable[[str], None],  # a problem line for the director, translated by the controller
    ) -> None:
        self._send = send
        self._one_change = one_change
        self._current = current
        self._arm_next = arm_next
        self._tell = tell
        self.media_info: dict[str, object] = {}  # probed at load, by segment id: arm checks the file is unchanged

    def replace_show(self, show: Show) -> None:
        """The show file changed on disk (the file watcher): taken at once, the segment on air stays on air."""
        with self._one_change():
            self._send(do.ReplaceShow(show), do.SYSTEM)
            self._arm_next()

    def apply_edit(self, show: Show) -> str | None:
        """An edit from the running-order editor: journaled, then taken like a changed show file (the
        segment on air stays on air, its elapsed time unchanged; a changed next clip is armed).
        Returns why it is refused (deleting the segment on air), else None."""
        with self._one_change():  # one change: the next clip is armed after media_info knows of a changed file
            old_clips = {segment.id: segment.clip for segment in self._current().segments}
            outcome = self._send(do.EditShow(show), None)
            if not isinstance(outcome, Accepted):
                return outcome.refusal.text
            self._forget_changed_clips(old_clips, {segment.id: segment.clip for segment in show.segments})
            if outcome.warning:
                self._tell(TOO_LARGE)
            self._arm_next()
            return None

    def _forget_changed_clips(self, old: Mapping[str, object], new: Mapping[str, object]) -> None:
        """A clip file changed (or its segment went): what was probed of the old one is not expected of the new one."""
        self.media_info = {k: v for k, v in self.media_info.items() if k in new and new[k] == old.get(k)}

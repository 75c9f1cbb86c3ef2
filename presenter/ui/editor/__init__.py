"""The running-order editor for the director window (see actions.RunningOrderEditor).

Wiring, in the app after the director window is made:

    from presenter.ui.editor import install_editor
    self.editor = install_editor(self.director, self.controller)
    self.editor.open_show_requested.connect(self.open_show)  # a new or imported show file
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presenter.controller import ShowController
    from presenter.ui.director import DirectorWindow
    from presenter.ui.editor.actions import RunningOrderEditor


def install_editor(
    director: DirectorWindow, controller: ShowController, show_path: Path | None = None
) -> RunningOrderEditor:
    """Attach the editor (toolbar, keys, show lock) to `director`; returns the RunningOrderEditor."""
    from presenter.ui.editor.actions import RunningOrderEditor

    return RunningOrderEditor(director, controller, show_path)

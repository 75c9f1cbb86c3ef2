"""The running-order editor attached to the director window: a toolbar, the edit keys, the show lock.

Every edit goes through presenter.show.editing (the loader's rules) and the controller's `edits.apply_edit`
intent (journaled; the segment on air stays on air). Row keys (Insert, Ctrl+D, Delete, F2,
Alt+↑/↓, Alt+Enter) only work while the running order has the keyboard focus; undo, redo and save
work in the whole window. While the show lock is on (from the first GO) nothing is edited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QMessageBox, QToolButton, QWidget

from presenter.run.engine import Mode
from presenter.show import Show, ShowFileError
from presenter.show.editing import (
    Edit,
    EditError,
    EditSession,
    add_segment,
    delete_segment,
    duplicate_segment,
    move_segment,
    show_document,
    update_segment,
    update_show,
)
from presenter.show.save import SaveConflict, SaveError, ShowFile, open_show_file
from presenter.ui.editor import files
from presenter.ui.editor.clips import choose_clip
from presenter.ui.editor.forms import SegmentForm, ShowForm
from presenter.ui.editor.gestures import InlineTitle, RowDragger
from presenter.ui.naming import named
from presenter.ui.on_change import set_style, set_text

if TYPE_CHECKING:
    from presenter.controller import ShowController
    from presenter.playout.thumbnails import Thumbnails
    from presenter.ui.director import DirectorWindow

FEEDBACK_MS = 6000
LOCKED_STYLE = "QToolButton#showLock{background:#7a1f1f;color:#fff;font-weight:bold;}"


class RunningOrderEditor(QObject):
    """Owns the edit session of the show in `controller`; the director window only shows the result."""

    open_show_requested = Signal(object)  # Path: a new or imported show file to open (the app decides when)
    saved = Signal(object)  # Path: the show was written there

    def __init__(self, director: DirectorWindow, controller: ShowController, show_path: Path | None = None):
        super().__init__(director)
        self.director = director
        self.controller = controller
        self.file: ShowFile | None = None
        self._open(show_path or controller.show.path)
        self.session = EditSession(current=lambda: controller.show, apply=self._apply)
        if self.file is not None and show_document(self.file.show) != show_document(controller.show):
            self.session.edits_since_save = 1  # a resumed run with edits the file does not have yet
        self._seen_show: Show = controller.show
        self._applying = False
        self._thumbnails: Thumbnails | None = None
        self._build_toolbar()
        self._build_actions()
        RowDragger(director.table, self.move_to)
        controller.changed.connect(self._controller_changed)
        self._feedback_timer = QTimer(self, singleShot=True, interval=FEEDBACK_MS)
        self._feedback_timer.timeout.connect(lambda: self.feedback.setText(""))
        self._controller_changed()

    # ------------------------------------------------------------------ building

    def _button(self, text: str, name: str, slot: Callable[[], object], tip: str = "") -> QToolButton:
        button = named(QToolButton(), name)
        button.setText(text)
        button.setToolTip(tip or text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        self.bar_layout.addWidget(button)
        return button

    def _build_toolbar(self) -> None:
        self.toolbar = named(QWidget(), "editorToolbar")
        self.bar_layout = QHBoxLayout(self.toolbar)
        self.bar_layout.setContentsMargins(0, 0, 0, 0)

        self.lock_button = self._button(
            self.tr("Show lock: off"), "showLock", self.toggle_lock, self.tr("Show lock (locks at GO)")
        )
        self.lock_button.setCheckable(True)
        self._button(self.tr("New…"), "newShow", self.new_show, self.tr("A new show from the template"))
        self._button(self.tr("Import…"), "importShow", self.import_show, self.tr("Ontime project or spreadsheet"))
        self.save_button = self._button(self.tr("Save"), "save", self.save, self.tr("Save (Ctrl+S)"))
        self._button(self.tr("Save as…"), "saveAs", self.save_as)
        self.undo_button = self._button(self.tr("Undo"), "undo", self.undo, self.tr("Undo (Ctrl+Z)"))
        self.redo_button = self._button(self.tr("Redo"), "redo", self.redo, self.tr("Redo (Ctrl+Shift+Z)"))
        self._button(
            self.tr("+ Segment"), "addSegment", self.add, self.tr("New segment after the selected one (Insert)")
        )
        self._button(self.tr("Duplicate"), "duplicateSegment", self.duplicate, self.tr("Duplicate (Ctrl+D)"))
        self._button(self.tr("Delete"), "deleteSegment", self.delete, self.tr("Delete (Del)"))
        self._button(
            self.tr("Edit…"), "editSegment", self.edit_segment, self.tr("Every field of the segment (Alt+Enter)")
        )
        self._button("↑", "moveUp", lambda: self.move(-1), self.tr("Move up (Alt+↑)"))
        self._button("↓", "moveDown", lambda: self.move(1), self.tr("Move down (Alt+↓)"))
        self._button(
            self.tr("Show…"), "editShow", self.edit_show, self.tr("Title, date, start, hard out, warning/danger")
        )
        self.feedback = named(QLabel(), "editorFeedback")
        self.feedback.setStyleSheet("color:#ffb74d;font-weight:bold;")
        self.bar_layout.addWidget(self.feedback, 1)
        layout = self.director.layout()
        assert isinstance(layout, QBoxLayout)  # the director window is a column: the toolbar goes under its header
        layout.insertWidget(1, self.toolbar)

    def _action(
        self, keys: Iterable[str | Qt.Key | QKeySequence], slot: Callable[[], object], on_table: bool
    ) -> QAction:
        action = QAction(self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(slot)
        if on_table:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.director.table.addAction(action)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.director.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = Qt.Key
        mod = Qt.KeyboardModifier
        self.actions = {
            "add": self._action([key.Key_Insert], self.add, True),
            "duplicate": self._action(["Ctrl+D"], self.duplicate, True),
            "delete": self._action([key.Key_Delete], self.delete, True),
            "title": self._action([key.Key_F2], self.edit_title, True),
            "edit": self._action(["Alt+Return", "Alt+Enter"], self.edit_segment, True),
            "up": self._action([QKeySequence(mod.AltModifier | key.Key_Up)], lambda: self.move(-1), True),
            "down": self._action([QKeySequence(mod.AltModifier | key.Key_Down)], lambda: self.move(1), True),
            "undo": self._action(["Ctrl+Z"], self.undo, False),
            "redo": self._action(["Ctrl+Shift+Z", "Ctrl+Y"], self.redo, False),
            "save": self._action(["Ctrl+S"], self.save, False),
        }

    # ------------------------------------------------------------------ state

    def _open(self, path: Path | None) -> None:
        try:
            self.file = open_show_file(path) if path is not None else None
        except ShowFileError as exc:
            self.file = None
            self.director.add_problem(self.tr("The show file cannot be saved over: %1").replace("%1", str(exc)))

    def _apply(self, show: Show) -> str | None:
        self._applying = True  # the change signal that follows is this edit's, not one from outside
        try:
            return self.controller.edits.apply_edit(show)
        finally:
            self._applying = False
            self._seen_show = self.controller.show

    def _controller_changed(self) -> None:
        snapshot_mode = self.controller.engine.mode
        if self.session.lock.observe(snapshot_mode is Mode.ON_AIR):
            self.say(self.tr("The show lock is on (the show is on air): click “Show lock” to edit."))
        show = self.controller.show
        if self._applying:
            self._seen_show = show
        elif show is not self._seen_show:
            self._external_change(show)
        self._render_state()

    def _external_change(self, show: Show) -> None:
        """The show changed without this editor: another show opened, or the file reloaded from disk."""
        before, self._seen_show = self._seen_show, show
        if show.path != before.path:
            self._open(show.path)
            self.session.forget()
            return
        if show_document(show) == show_document(before):
            return  # clip durations learned, nothing of the running order
        if not self.session.dirty:
            self._open(show.path)
        self.session.forget()

    def _render_state(self) -> None:
        # Runs at every change of the show state: only what changed is set (a style sheet set again
        # re-polished the button and laid out the toolbar at every GO, issue 25's UI stall).
        locked = self.session.lock.locked
        self.lock_button.setChecked(locked)
        set_text(self.lock_button, self.tr("Show lock: ON") if locked else self.tr("Show lock: off"))
        set_style(self.lock_button, LOCKED_STYLE if locked else "")
        self.undo_button.setEnabled(bool(self.session.undo_stack))
        self.redo_button.setEnabled(bool(self.session.redo_stack))
        if self.session.undo_stack:
            tip = self.tr("Undo %1 (Ctrl+Z)").replace("%1", self.session.undo_stack[-1].label)
            if self.undo_button.toolTip() != tip:
                self.undo_button.setToolTip(tip)
        title = self.director.windowTitle().removeprefix("● ")
        title = ("● " if self.session.dirty else "") + title
        if self.director.windowTitle() != title:
            self.director.setWindowTitle(title)

    def say(self, text: str) -> None:
        self.feedback.setText(text)
        self._feedback_timer.start()

    def selected_row(self) -> int | None:
        return self.director.selected_row()

    def select(self, row: int | None) -> None:
        if row is not None and 0 <= row < self.director.model.rowCount():
            self.director.table.selectRow(row)

    # ------------------------------------------------------------------ edits

    def run(self, label: str, change: Callable[[Show], Show | tuple[Show, int]], focus: int | None = None) -> bool:
        """One edit through the session; a refusal is said in the toolbar, nothing changes."""
        try:
            edit = self.session.do(label, change, focus)
        except EditError as exc:
            self.say(str(exc))
            return False
        self._render_state()
        self.select(edit.focus)
        self._warn_unreachable()
        return True

    def _warn_unreachable(self) -> None:
        """On air, a pending segment above the one on air is never reached by GO: say so."""
        snapshot = self.controller.snapshot()
        if snapshot.current is None:
            return
        skipped = [v.segment.title for v in snapshot.segments[: snapshot.current.index] if v.status.value == "pending"]
        if skipped:
            self.say(
                self.tr(
                    "“%1” is above the segment on air: GO will not reach it (jump to it, or move it down)."
                ).replace("%1", skipped[0])
            )

    def wrote(self, show: Show) -> bool:
        """Whether a show the file watcher reloaded is just what this editor last saved (or loaded):
        the app then ignores the reload, so an edit made right after a save is never reverted by it."""
        return self.file is not None and show_document(show) == show_document(self.file.show)

    def restore(self, show: Show) -> bool:
        """Take back the running order of a run that ended without saving (see runs.unsaved_edits)."""
        return self.run(self.tr("Restore the unsaved edits"), lambda _current: show)

    def _row_or_say(self) -> int | None:
        row = self.selected_row()
        if row is None:
            self.say(self.tr("Select a segment in the running order first."))
        return row

    def _title(self, row: int) -> str:
        return self.controller.show.segments[row].title

    def add(self) -> None:
        row = self.selected_row()
        if self.run(self.tr("New segment"), lambda s: add_segment(s, row)):
            self.edit_title()

    def duplicate(self) -> None:
        row = self._row_or_say()
        if row is not None:
            self.run(self.tr("Duplicate “%1”").replace("%1", self._title(row)), lambda s: duplicate_segment(s, row))

    def delete(self) -> None:
        row = self._row_or_say()
        if row is None or self._locked():
            return
        title = self._title(row)
        # the core's rule first (the segment on air stays): a refusal is said at once, not after "Yes"
        refused = self.controller.dispatcher.edit_refusal(delete_segment(self.controller.show, row))
        if refused is not None:
            self.say(refused.text)
            return
        answer = QMessageBox.question(
            self.director,
            self.tr("Delete segment"),
            self.tr("Delete “%1” from the running order? (Ctrl+Z brings it back.)").replace("%1", title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.run(self.tr("Delete “%1”").replace("%1", title), lambda s: delete_segment(s, row), max(row - 1, 0))

    def move(self, step: int) -> None:
        row = self._row_or_say()
        if row is not None and 0 <= row + step < len(self.controller.show.segments):
            self.move_to(row, row + step)

    def move_to(self, row: int, target: int) -> None:
        label = self.tr("Move “%1”").replace("%1", self._title(row))
        self.run(label, lambda s: move_segment(s, row, target), target)

    def _locked(self) -> bool:
        message = self.session.locked_message()
        if message:
            self.say(self.tr("The show is locked while on air: click “Show lock” to unlock editing."))
        return bool(message)

    def edit_title(self) -> None:
        row = self._row_or_say()
        if row is None or self._locked():
            return
        self.inline = InlineTitle(self.director.table, row, self._title(row), self._set_title)

    def _set_title(self, row: int, title: str) -> bool:
        return self.run(
            self.tr("Rename “%1”").replace("%1", self._title(row)),
            lambda s: update_segment(s, row, {"title": title}),
            row,
        )

    def edit_segment(self) -> None:
        row = self._row_or_say()
        if row is None or self._locked():
            return
        show = self.controller.show
        form = SegmentForm(
            show,
            row,
            lambda changes: update_segment(self.controller.show, row, changes),
            lambda: choose_clip(self.director, show.path),
            self.director,
        )
        form.preview_requested.connect(lambda path: self._preview(form, path))
        if form.exec() and form.changed_fields():
            self.run(
                self.tr("Edit “%1”").replace("%1", self._title(row)),
                lambda s: update_segment(s, row, form.changed_fields()),
                row,
            )

    def _preview(self, form: SegmentForm, path: str) -> None:
        if self._thumbnails is None:
            from presenter.playout.thumbnails import Thumbnails

            self._thumbnails = Thumbnails(None, parent=self)  # loaded at the first preview: libVLC's thread
            self.destroyed.connect(self._thumbnails.shutdown)
        self._thumbnails.ready.connect(form.show_preview)
        self._thumbnails.request(Path(path))

    def edit_show(self) -> None:
        if self._locked():
            return
        form = ShowForm(self.controller.show, lambda changes: update_show(self.controller.show, changes), self.director)
        if form.exec() and form.changed_fields():
            self.run(self.tr("Edit the show"), lambda s: update_show(s, form.changed_fields()))

    def undo(self) -> None:
        self._step(self.session.undo)

    def redo(self) -> None:
        self._step(self.session.redo)

    def _step(self, step: Callable[[], Edit | None]) -> None:
        try:
            edit = step()
        except EditError as exc:
            self.say(str(exc))
            return
        if edit is not None:
            self._render_state()
            self.select(edit.focus)
            self._warn_unreachable()

    def toggle_lock(self) -> None:
        self.session.lock.toggle()
        self.feedback.setText("")
        self._render_state()

    # ------------------------------------------------------------------ files

    def save(self, *, overwrite: bool = False) -> bool:
        if self.file is None:
            return self.save_as()
        try:
            self.file, kept = files.save(self.file, self.controller.show, overwrite=overwrite)
        except SaveConflict as conflict:
            return self._conflict(conflict)
        except SaveError as exc:
            self.say(str(exc))
            self.director.add_problem(self.tr("Not saved: %1").replace("%1", str(exc)))
            return False
        self.session.saved()
        self._render_state()
        note = "" if kept else self.tr(" (written fresh: its layout could not be kept)")
        self.say(self.tr("Saved %1").replace("%1", self.file.path.name) + note)
        self.saved.emit(self.file.path)
        return True

    def _conflict(self, conflict: SaveConflict) -> bool:
        choice = files.ask_conflict(self.director, conflict)
        if choice == files.ConflictChoice.KEEP_MINE:
            return self.save(overwrite=True)
        if choice == files.ConflictChoice.SAVE_AS:
            return self.save_as()
        if choice == files.ConflictChoice.TAKE_THEIRS:
            return self.take_theirs()
        return False

    def take_theirs(self) -> bool:
        """The file as it is on disk now becomes the running order (journaled like any edit)."""
        assert self.file is not None
        try:
            theirs = open_show_file(self.file.path)
        except ShowFileError as exc:
            self.say(self.tr("Their file cannot be used: %1").replace("%1", str(exc)))
            return False
        refused = self._apply(theirs.show)
        if refused:
            self.say(refused)
            return False
        self.file = theirs
        self.session.forget()
        self._render_state()
        return True

    def save_as(self) -> bool:
        folder = self.controller.show.path.parent if self.controller.show.path else Path.home()
        target = files.ask_save_path(self.director, folder / (self.file.path.name if self.file else "show.yaml"))
        if target is None:
            return False
        try:
            written, _kept = files.save(self.file, self.controller.show, target)
        except SaveError as exc:
            self.say(str(exc))
            return False
        if self.file is not None and written.path == self.file.path:
            self.file = written
            self.session.saved()
            self._render_state()
        self.say(self.tr("Saved as %1").replace("%1", str(written.path)))
        self.saved.emit(written.path)
        return True

    def new_show(self) -> None:
        folder = self.controller.show.path.parent if self.controller.show.path else Path.home()
        path = files.new_show(self.director, folder, date.today())
        if path is not None:
            self.open_show_requested.emit(path)

    def import_show(self) -> None:
        folder = self.controller.show.path.parent if self.controller.show.path else Path.home()
        self.import_runner = files.import_show(self.director, folder, self.open_show_requested.emit)

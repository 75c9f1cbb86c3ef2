"""The director's buttons: GO (naming what it puts on air), back, make next, skip, ±1 min, clip transport."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from presenter.controller import ShowController
from presenter.i18n import translate
from presenter.run.engine import ClipState, Mode, SegmentStatus, SegmentView, ShowSnapshot

GO_TITLE_CHARS = 34  # longer titles are cut with "…" (the tooltip has the whole title)
GO_STYLE = (
    "QPushButton#go{background:#0b6e4f;color:white;border-radius:6px;}"
    "QPushButton#go:disabled{background:#3a3f44;color:#8a9096;}"
)
PANIC_STYLE = "QPushButton#panic{background:#7a1f1f;color:white;font-weight:bold;}"


def go_label(snapshot: ShowSnapshot) -> tuple[str, bool]:
    """What the GO button says (what it will put on air) and whether GO is possible."""
    if snapshot.mode is Mode.ENDED:
        return translate("TransportBar", "GO"), False
    following = snapshot.next
    if following is None:
        return translate("TransportBar", "GO: end of show"), snapshot.mode is Mode.ON_AIR
    title = following.segment.title
    if len(title) > GO_TITLE_CHARS:
        title = title[: GO_TITLE_CHARS - 1] + "…"
    return translate("TransportBar", "GO: {number} {title}").format(number=following.index + 1, title=title), True


class SkipAction(StrEnum):
    SKIP = "skip"
    UNSKIP = "unskip"


def back_ends_the_run(snapshot: ShowSnapshot) -> bool:
    """Whether Back now puts the show back to standby (the first segment on air, nothing before it)."""
    current = snapshot.current
    if snapshot.mode is not Mode.ON_AIR or current is None:
        return False
    return not any(view.status is not SegmentStatus.SKIPPED for view in snapshot.segments[: current.index])


def skip_action(selected: SegmentView | None) -> SkipAction | None:
    """What "Skip" does to the selected row; None when it cannot act (nothing selected, on air, done)."""
    if selected is None:
        return None
    if selected.status is SegmentStatus.SKIPPED:
        return SkipAction.UNSKIP
    if selected.status is SegmentStatus.PENDING:
        return SkipAction.SKIP
    return None


class TransportBar(QWidget):
    """Sends the running-order and clip intents; enables each button only when its intent can act."""

    def __init__(
        self,
        controller: ShowController,
        selected_row: Callable[[], int | None],
        selected_view: Callable[[], SegmentView | None],
        report: Callable[[str], None],
        confirm: Callable[[str, str], bool] = lambda title, text: True,
        parent: QWidget | None = None,
    ) -> None:
        """`confirm(title, text)` asks the director before an action that ends the run on air."""
        super().__init__(parent)
        self.controller = controller
        self._confirm = confirm
        self._selected_row = selected_row
        self._selected_view = selected_view
        self._report = report
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_running_order_buttons())
        layout.addWidget(self._build_clip_box())

    def _button(self, text: str, name: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(lambda _=False: slot())
        if tip:
            button.setToolTip(tip)
        return button

    def _build_running_order_buttons(self) -> QGridLayout:
        self.go_button = self._button(
            translate("TransportBar", "GO"), "go", self.controller.go, translate("TransportBar", "Space")
        )
        self.go_button.setMinimumHeight(64)
        go_font = QFont(self.font())
        go_font.setPointSizeF(go_font.pointSizeF() * 1.8)
        go_font.setBold(True)
        self.go_button.setFont(go_font)
        self.go_button.setStyleSheet(GO_STYLE)
        self.back_button = self._button(translate("TransportBar", "◀ Back"), "back", self._back)
        self.jump_button = self._button(
            translate("TransportBar", "Make selected next"),
            "jump",
            self._jump_selected,
            translate("TransportBar", "GO then puts it on air (or double-click a row)"),
        )
        self.skip_button = self._button(
            translate("TransportBar", "Skip / unskip selected"), "skip", self._skip_selected
        )
        self.plus_button = self._button(
            translate("TransportBar", "+1 min"), "plusMinute", lambda: self.controller.add_time(60)
        )
        self.minus_button = self._button(
            translate("TransportBar", "−1 min"), "minusMinute", lambda: self.controller.add_time(-60)
        )
        grid = QGridLayout()
        grid.addWidget(self.go_button, 0, 0, 1, 2)
        grid.addWidget(self.back_button, 1, 0)
        grid.addWidget(self.jump_button, 1, 1)
        grid.addWidget(self.minus_button, 2, 0)
        grid.addWidget(self.plus_button, 2, 1)
        grid.addWidget(self.skip_button, 3, 0, 1, 2)
        return grid

    def _build_clip_box(self) -> QGroupBox:
        self.pause_button = self._button(
            translate("TransportBar", "Pause / resume clip"), "pauseClip", self._toggle_pause
        )
        self.restart_button = self._button(
            translate("TransportBar", "Restart clip"), "restartClip", self.controller.restart_clip
        )
        self.panic_button = self._button(
            translate("TransportBar", "STOP to black (Esc)"), "panic", self.controller.panic
        )
        self.panic_button.setStyleSheet(PANIC_STYLE)
        box = QGroupBox(translate("TransportBar", "Clip on air"))
        row = QHBoxLayout(box)
        for button in (self.pause_button, self.restart_button, self.panic_button):
            row.addWidget(button)
        return box

    # ------------------------------------------------------------------ intents

    def _back(self) -> None:
        """Back from the first segment is standby: the run on air ends, so it asks first."""
        if back_ends_the_run(self.controller.snapshot()) and not self._confirm(
            translate("TransportBar", "Back to standby"),
            translate(
                "TransportBar",
                "Back from the first segment puts the show back to standby: the program output goes black, "
                "the show's clock stops and the next GO starts the show again.",
            ),
        ):
            return
        self.controller.back()

    def _jump_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            self._report(translate("TransportBar", "Select a segment in the running order to make it next."))
            return
        self.controller.jump(row)

    def _skip_selected(self) -> None:
        """Acts only on the selected row, never on the segment on air (the button is disabled then)."""
        row = self._selected_row()
        action = skip_action(self._selected_view())
        if row is None or action is None:
            return
        if action is SkipAction.UNSKIP:
            self.controller.unskip(row)
        else:
            self.controller.skip(row)

    def _toggle_pause(self) -> None:
        clip = self.controller.snapshot().clip
        if clip is not None and clip.state is ClipState.PAUSED:
            self.controller.resume_clip()
        else:
            self.controller.pause_clip()

    # ------------------------------------------------------------------ rendering

    def show_state(self, snapshot: ShowSnapshot) -> None:
        text, possible = go_label(snapshot)
        if self.go_button.text() != text:
            self.go_button.setText(text)
            self.go_button.setToolTip(
                translate("TransportBar", "Space") + (f" — {snapshot.next.segment.title}" if snapshot.next else "")
            )
        self.go_button.setEnabled(possible)
        on_air = snapshot.mode is Mode.ON_AIR
        self.plus_button.setEnabled(on_air)
        self.minus_button.setEnabled(on_air)
        self.back_button.setEnabled(snapshot.mode is not Mode.STANDBY)
        clip_on_air = on_air and snapshot.current is not None and snapshot.current.segment.is_clip
        self.pause_button.setEnabled(clip_on_air)
        self.restart_button.setEnabled(clip_on_air)
        self.render_selection()

    def render_selection(self) -> None:
        action = skip_action(self._selected_view())
        self.skip_button.setEnabled(action is not None)
        labels = {
            SkipAction.SKIP: translate("TransportBar", "Skip selected"),
            SkipAction.UNSKIP: translate("TransportBar", "Unskip selected"),
        }
        label = labels[action] if action is not None else translate("TransportBar", "Skip / unskip selected")
        if self.skip_button.text() != label:
            self.skip_button.setText(label)
        self.jump_button.setEnabled(self._selected_row() is not None)

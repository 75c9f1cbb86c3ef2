"""The director's buttons: GO (naming what it puts on air), back, make next, skip, ±1 min, clip transport."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QPushButton, QVBoxLayout, QWidget

from presenter.controller import ShowController
from presenter.i18n import translate
from presenter.run.intents import (
    AddTime,
    Back,
    Go,
    Intent,
    MakeNext,
    PauseClip,
    RestartClip,
    ResumeClip,
    Skip,
    StopToBlack,
    Unskip,
)
from presenter.run.state import ClipState, Offer, OfferAction, SegmentStatus, SegmentView, ShowSnapshot
from presenter.timefmt import format_duration
from presenter.ui.flow_layout import ElidedButton, FlowLayout
from presenter.ui.naming import named

GO_TITLE_CHARS = 34  # longer titles are cut with "…" (the tooltip has the whole title)
GO_STYLE = (
    "QPushButton#go{background:#0b6e4f;color:white;border-radius:6px;}"
    "QPushButton#go:disabled{background:#3a3f44;color:#8a9096;}"
)
PANIC_STYLE = "QPushButton#panic{background:#7a1f1f;color:white;font-weight:bold;}"


def go_label(snapshot: ShowSnapshot) -> tuple[str, bool]:
    """What the GO button says (what the engine's GO offer puts on air) and whether the offer allows it."""
    offer = snapshot.go
    if offer.action is OfferAction.END_SHOW:
        return translate("TransportBar", "GO: end of show"), offer.allowed
    if offer.action in (OfferAction.START_SHOW, OfferAction.AIR) and offer.target is not None:
        title = offer.target.segment.title
        if len(title) > GO_TITLE_CHARS:
            title = title[: GO_TITLE_CHARS - 1] + "…"
        text = translate("TransportBar", "GO: {number} {title}").format(number=offer.target.index + 1, title=title)
        return text, offer.allowed
    return translate("TransportBar", "GO"), offer.allowed


def back_ends_the_run(offer: Offer) -> bool:
    """Whether Back, as the engine offers it now, takes the show back to standby (it undoes the GO
    that started the show): only then the director is asked first."""
    return offer.allowed and offer.action is OfferAction.UNDO_GO and offer.target is None


def back_text(offer: Offer) -> str:
    """What Back does now, in the director's words (the button's tooltip)."""
    if offer.action is OfferAction.UNDO_GO:
        left = f" ({format_duration(offer.seconds_left)})" if offer.seconds_left is not None else ""
        return translate("TransportBar", "Back takes the last GO back") + left
    if offer.action is OfferAction.CUE_PREVIOUS and offer.target is not None:
        return translate("TransportBar", "Back makes {number}. {title} next").format(
            number=offer.target.index + 1, title=offer.target.segment.title
        )
    return ""


def offer_tip(offer: Offer) -> str:
    """Why an offer is not allowed (the engine's refusal, as every face shows it), else ""."""
    return offer.refusal.text if offer.refusal is not None and not offer.allowed else ""


class TransportBar(QWidget):
    """Builds the running-order and clip intents and hands them to the one dispatcher (`send`); GO and
    Back read the engine's offers, and a refused intent shows the engine's reason in the problems list."""

    def __init__(
        self,
        controller: ShowController,
        selected_row: Callable[[], int | None],
        selected_view: Callable[[], SegmentView | None],
        report: Callable[[str], None],
        send: Callable[[Intent], object],
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
        self._send = send
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_running_order_buttons())
        layout.addWidget(self._build_clip_box())

    def _button(
        self, text: str, name: str, slot: Callable[[], object], tip: str = "", *, elided: bool = False
    ) -> QPushButton:
        # GO names what it airs: a long title is cut to the room (never widening the window at GO)
        button = ElidedButton(text, objectName=name) if elided else named(QPushButton(text), name)
        button.clicked.connect(lambda _=False: slot())
        if tip:
            button.setToolTip(tip)
        return button

    def _build_running_order_buttons(self) -> QGridLayout:
        self.go_button = self._button(
            translate("TransportBar", "GO"),
            "go",
            lambda: self._send(Go()),
            translate("TransportBar", "Space"),
            elided=True,
        )
        self.go_button.setMinimumHeight(56)
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
            translate("TransportBar", "+1 min"), "plusMinute", lambda: self._send(AddTime(60.0))
        )
        self.minus_button = self._button(
            translate("TransportBar", "−1 min"), "minusMinute", lambda: self._send(AddTime(-60.0))
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
            translate("TransportBar", "Restart clip"), "restartClip", lambda: self._send(RestartClip())
        )
        self.panic_button = self._button(
            translate("TransportBar", "STOP to black (Esc)"), "panic", lambda: self._send(StopToBlack())
        )
        self.panic_button.setStyleSheet(PANIC_STYLE)
        box = QGroupBox(translate("TransportBar", "Clip on air"))
        row = FlowLayout(box)  # on a narrow window the buttons wrap; STOP is never pushed out of sight
        row.setContentsMargins(9, 9, 9, 9)
        for button in (self.pause_button, self.restart_button, self.panic_button):
            row.addWidget(button)
        return box

    # ------------------------------------------------------------------ intents

    def _back(self) -> None:
        """Back that would undo the GO which started the show puts it back to standby: it asks first."""
        if back_ends_the_run(self.controller.snapshot().back) and not self._confirm(
            translate("TransportBar", "Back to standby"),
            translate(
                "TransportBar",
                "Back from the first segment puts the show back to standby: the program output goes black, "
                "the show's clock stops and the next GO starts the show again.",
            ),
        ):
            return
        self._send(Back())

    def _jump_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            self._report(translate("TransportBar", "Select a segment in the running order to make it next."))
            return
        self._send(MakeNext(row))

    def _skip_selected(self) -> None:
        """Skip (or unskip) the selected row; whether it may is the dispatcher's answer (a refusal says why)."""
        row = self._selected_row()
        view = self._selected_view()
        if row is None:
            self._send(Skip(None))
            return
        self._send(Unskip(row) if view is not None and view.status is SegmentStatus.SKIPPED else Skip(row))

    def _toggle_pause(self) -> None:
        clip = self.controller.snapshot().clip
        self._send(ResumeClip() if clip is not None and clip.state is ClipState.PAUSED else PauseClip())

    # ------------------------------------------------------------------ rendering

    def show_state(self, snapshot: ShowSnapshot) -> None:
        text, possible = go_label(snapshot)
        target = snapshot.go.target
        tip = translate("TransportBar", "Space") + (f" — {target.segment.title}" if target is not None else "")
        refusal = offer_tip(snapshot.go)
        tip += f"\n{refusal}" if refusal else ""
        if self.go_button.text() != text:
            self.go_button.setText(text)
        if self.go_button.toolTip() != tip:
            self.go_button.setToolTip(tip)
        self.go_button.setEnabled(possible)
        self.back_button.setEnabled(snapshot.back.allowed)
        back_tip = offer_tip(snapshot.back) or back_text(snapshot.back)
        if self.back_button.toolTip() != back_tip:
            self.back_button.setToolTip(back_tip)
        on_air = snapshot.current is not None
        self.plus_button.setEnabled(on_air)
        self.minus_button.setEnabled(on_air)
        clip_on_air = snapshot.clip is not None
        self.pause_button.setEnabled(clip_on_air)
        self.restart_button.setEnabled(clip_on_air)
        self.render_selection()

    def render_selection(self) -> None:
        view = self._selected_view()
        skipped = view is not None and view.status is SegmentStatus.SKIPPED
        self.skip_button.setEnabled(view is not None)
        if view is None:
            label = translate("TransportBar", "Skip / unskip selected")
        elif skipped:
            label = translate("TransportBar", "Unskip selected")
        else:
            label = translate("TransportBar", "Skip selected")
        if self.skip_button.text() != label:
            self.skip_button.setText(label)
        self.jump_button.setEnabled(self._selected_row() is not None)

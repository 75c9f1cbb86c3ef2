"""The director's on-air panel: what is on air, its countdown and phase, the clip, what GO airs next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from presenter.i18n import translate
from presenter.moderator_view import describe, must_end_by_text
from presenter.run.state import FillView, Mode, ShowSnapshot
from presenter.timefmt import format_countdown, format_duration
from presenter.ui import theme
from presenter.ui.flow_layout import ElidedLabel
from presenter.ui.naming import named
from presenter.ui.on_change import set_style, set_text

DETAIL_LINES = 3  # speakers and notes of the segment on air


def _scaled_font(base: QFont, factor: float) -> QFont:
    font = QFont(base)
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    return font


def fill_text(snapshot: ShowSnapshot, fill: FillView | None) -> str:
    """The segment that absorbs time (`fill: true`): how much it must give or may take, as the engine says."""
    if fill is None or snapshot.mode is Mode.ENDED:
        return ""
    segment = snapshot.segments[fill.index].segment
    head = translate("OnAirPanel", "Fill {number}. {title}: ends {time}").format(
        number=fill.index + 1, title=segment.title, time=f"{fill.planned_end:%H:%M:%S}"
    )
    seconds = round(fill.adjust_s)
    if seconds < 0:
        return head + " · " + translate("OnAirPanel", "must give {time}").format(time=format_duration(-seconds))
    if seconds > 0:
        return head + " · " + translate("OnAirPanel", "may take {time}").format(time=format_duration(seconds))
    return head


class OnAirPanel(QFrame):
    """Renders the snapshot's segment on air; `controls` (the transport bar) sits at its foot.

    Every line keeps its height whatever it says (the title two lines, the others one, cut with "…"),
    so GO, Back and the rest never move under the director's mouse at a GO, and a GO repaints the
    texts that changed instead of laying out and painting the whole window (issue 25's UI stall).
    """

    def __init__(self, controls: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onAirPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.on_air_title = ElidedLabel(2, objectName="onAirTitle", min_lines=1)  # one on a laptop
        self.on_air_title.setFont(_scaled_font(self.font(), 1.5))
        self.countdown = named(QLabel(), "countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        countdown_font = QFont(mono.family())
        countdown_font.setPointSize(40)  # big, and still room for GO on a 720 px laptop
        countdown_font.setBold(True)
        self.countdown.setFont(countdown_font)
        self.countdown.setFixedHeight(110)
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.phase_label = ElidedLabel(objectName="phase")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label.setFont(_scaled_font(self.font(), 1.3))
        self.clip_label = ElidedLabel(objectName="clipState")
        # Speakers and notes: three lines, fewer on a laptop; long notes never push GO off a laptop's
        # screen (the moderator window shows them whole).
        self.details_label = ElidedLabel(DETAIL_LINES, objectName="segmentDetails", min_lines=0)
        self.next_label = ElidedLabel(objectName="next")
        self.fill_label = ElidedLabel(objectName="fill")
        self.fill_label.set_hint(translate("OnAirPanel", "The segment that absorbs time to keep the hard out"))
        # ElidedLabel shows plain text: titles and clip problems are text, never HTML
        layout = QVBoxLayout(self)
        for widget in (self.on_air_title, self.countdown, self.phase_label, self.clip_label):
            layout.addWidget(widget)
        layout.addWidget(self.details_label, 1)
        layout.addWidget(self.next_label)
        layout.addWidget(self.fill_label)
        layout.addWidget(controls)

    def show_state(self, snapshot: ShowSnapshot) -> None:
        self._render_timer(snapshot)
        self._render_clip(snapshot)
        details = ""
        if snapshot.current is not None:
            segment = snapshot.current.segment
            lines = []
            if segment.speakers:
                lines.append(translate("OnAirPanel", "With: ") + ", ".join(segment.speakers))
            if segment.notes:
                lines.append(translate("OnAirPanel", "Notes: ") + segment.notes)
            details = "\n".join(lines)
        set_text(self.details_label, details)
        following = snapshot.next
        if following is None:
            set_text(self.next_label, translate("OnAirPanel", "Next: end of show"))
        else:
            planned = format_duration(following.planned_duration_s)
            text = translate("OnAirPanel", "Next: {number}. {title} ({planned})").format(
                number=following.index + 1, title=following.segment.title, planned=planned
            )
            set_text(self.next_label, text)
        set_text(self.fill_label, fill_text(snapshot, snapshot.fill))

    def _render_timer(self, snapshot: ShowSnapshot) -> None:
        phase = snapshot.phase
        if snapshot.mode is Mode.STANDBY:
            # The moderator's words and figure, so the two windows never disagree before the show.
            view = describe(snapshot, QCoreApplication.translate)
            set_text(self.on_air_title, translate("OnAirPanel", "Standby — GO starts the show"))
            set_text(self.countdown, view.timer)
            set_text(self.phase_label, f"{view.caption} {view.timer}".strip())  # rehearsal: no figure yet
        elif snapshot.mode is Mode.ENDED:
            set_text(self.on_air_title, translate("OnAirPanel", "Off air — the show has ended"))
            set_text(self.countdown, "—")
            ended = (
                translate("OnAirPanel", "ended {time}").format(time=f"{snapshot.show_ended:%H:%M:%S}")
                if snapshot.show_ended
                else ""
            )
            set_text(self.phase_label, ended)
        else:
            current = snapshot.current
            assert current is not None
            set_text(self.on_air_title, translate("OnAirPanel", "ON AIR {number}. {title}").format(
                number=current.index + 1, title=current.segment.title))  # fmt: skip
            # The engine's figure and phase: the same as the moderator's, the browser's and the API's.
            timer_s = snapshot.timer_s if snapshot.timer_s is not None else snapshot.remaining_s
            set_text(self.countdown, format_countdown(timer_s or 0.0))
            words = theme.phase_label(phase) or translate("OnAirPanel", "on time")
            deadline = must_end_by_text(snapshot, translate)
            set_text(self.phase_label, f"{words} · {deadline}" if deadline else words)
        style = f"color:{theme.PHASE_FOREGROUND[phase]};background:{theme.PHASE_BACKGROUND[phase]};border-radius:6px;"
        set_style(self.countdown, style)

    def _render_clip(self, snapshot: ShowSnapshot) -> None:
        clip = snapshot.clip
        if clip is None:
            set_text(self.clip_label, "")
            return
        position = format_duration(clip.position_s) if clip.position_s is not None else "–"
        duration = format_duration(clip.duration_s) if clip.duration_s else "–"
        text = translate("OnAirPanel", "Clip {state} {position} / {duration}").format(
            state=theme.clip_label(clip.state), position=position, duration=duration
        )
        if clip.problem:
            text += f" — {clip.problem}"
        set_text(self.clip_label, text)

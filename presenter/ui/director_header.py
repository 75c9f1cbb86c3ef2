"""The director window's top line: show, program output state, over/under, projected end, clock."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.moderator_view import describe
from presenter.playout.interface import OutputState, OutputStatus
from presenter.run.engine import ShowSnapshot
from presenter.timefmt import format_duration
from presenter.ui.naming import named
from presenter.ui.on_change import set_text

PLAYING_STATES = (OutputState.PLAYING, OutputState.PAUSED, OutputState.HELD)
# What the program output shows, in words (the OutputState values stay English in status files).
OUTPUT_STATE_LABEL = {
    OutputState.IDLE: QT_TRANSLATE_NOOP("DirectorHeader", "idle"),
    OutputState.ARMED: QT_TRANSLATE_NOOP("DirectorHeader", "armed"),
    OutputState.PLAYING: QT_TRANSLATE_NOOP("DirectorHeader", "playing"),
    OutputState.PAUSED: QT_TRANSLATE_NOOP("DirectorHeader", "paused"),
    OutputState.HELD: QT_TRANSLATE_NOOP("DirectorHeader", "held"),
    OutputState.BLACK: QT_TRANSLATE_NOOP("DirectorHeader", "black"),
    OutputState.ERROR: QT_TRANSLATE_NOOP("DirectorHeader", "error"),
}


def output_text(status: OutputStatus | None, titles: dict[str, str] | None = None) -> str:
    """One line on what the program output shows (an OutputStatus, or None without a playout);
    segments by their titles (`titles`: id → title), never by their ids (issue 22)."""
    if status is None:
        return translate("DirectorHeader", "Output: none (clips cannot play)")
    state = OutputState(status.state)
    text = translate("DirectorHeader", "Output: {state}").format(
        state=translate("DirectorHeader", OUTPUT_STATE_LABEL[state])
    )
    if state in PLAYING_STATES and status.segment_id:
        duration = format_duration(status.duration_s) if status.duration_s else "–"
        text += f" {format_duration(status.position_s)} / {duration}"
    if status.armed_segment_id:
        armed = (titles or {}).get(status.armed_segment_id, status.armed_segment_id)
        text += translate("DirectorHeader", " · armed: {segment}").format(segment=armed)
    if status.message and state is OutputState.ERROR:
        text += f" — {status.message}"
    return text


class DirectorHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.show_title = named(QLabel(), "showTitle")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.show_title.setFont(title_font)
        self.clock_label = named(QLabel(), "clock")
        self.clock_label.setFont(QFont(mono.family(), int(title_font.pointSizeF())))
        self.over_under_label = named(QLabel(), "overUnder")
        self.projected_label = named(QLabel(), "projectedEnd")
        self.output_label = named(QLabel(), "outputState")
        self.output_label.setToolTip(translate("DirectorHeader", "What the program output shows"))
        for label in (self.show_title, self.output_label, self.over_under_label, self.projected_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # a show title is text, never HTML
        for label in (self.show_title, self.output_label):  # long texts wrap, they never widen the window
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(120)
            label.setWordWrap(True)  # and are never cut ("Ausgabe: Fehler — …/clips/autono", issue 22)
        for label in (self.over_under_label, self.projected_label):  # wrap on a laptop: the window never grows
            label.setWordWrap(True)
        # Room for the widest early/late figure from the start, so the first GO does not widen the window.
        metrics = QFontMetrics(self.over_under_label.font())
        self.over_under_label.setMinimumWidth(
            max(
                metrics.horizontalAdvance(QCoreApplication.translate("ModeratorView", text).format(time="+88:88"))
                for text in ("{time} early", "{time} late", "on time")
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The title and the output line share the room the figures leave (3:2): a layout gives a
        # label whose size hint it ignores no room at all without a stretch of its own, and the
        # figures beside it were drawn over it.
        layout.addWidget(self.show_title, 3)
        for widget in (self.output_label, self.over_under_label, self.projected_label, self.clock_label):
            layout.addSpacing(18)
            layout.addWidget(widget, 2 if widget is self.output_label else 0)

    def show_state(self, snapshot: ShowSnapshot, output_status: OutputStatus | None) -> None:
        show = snapshot.show
        title = f"{show.title} — {show.date:%d.%m.%Y}, {show.start:%H:%M}–{show.end:%H:%M}"
        if snapshot.rehearsal:
            title += translate("DirectorHeader", " · REHEARSAL (times on {day})").format(day=f"{snapshot.now:%d.%m.}")
        set_text(self.show_title, title)
        set_text(self.clock_label, f"{snapshot.now:%H:%M:%S}")
        # The same words and rounding as the moderator reads, so the two never disagree by a second.
        status = describe(snapshot, QCoreApplication.translate)
        set_text(self.over_under_label, status.over_under)
        set_text(self.projected_label, status.projection)
        titles = {view.segment.id: view.segment.title for view in snapshot.segments}
        set_text(self.output_label, output_text(output_status, titles))

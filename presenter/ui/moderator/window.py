"""The moderator window: a timer the moderator can trust from three metres.

Everything on it is rendered from `controller.snapshot()` through the Qt-free view model
(presenter/moderator_view.py); the window holds no show logic. A widget is only repainted when its
text or colour really changed. The window wakes once, a few milliseconds after the next displayed
value changes (the timer's or the clock's second, a message's blink), and on every change of the
show: never a fixed polling loop.

Layout is done by hand from the window size: every font size is a fraction of the window height,
so the same proportions hold at 1280×720 and 1920×1080. Title, speakers and the status line always
get their room; talking points shrink to a readable minimum, then take two columns, then pages the
director turns (PgDown/PgUp here too, as the TurnPage intent). A message shares the lower part with
the talking points, or — an urgent one (SendMessage(urgent=True)) — takes all of it below a smaller
timer. The page, the urgency and the audience question all come from the snapshot.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QRegion,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import QWidget

from presenter.clock import Clock
from presenter.controller import ShowController
from presenter.moderator_view import ModeratorView, describe
from presenter.next_turn import NextTurn
from presenter.run.intents import TurnPage
from presenter.run.state import Message
from presenter.ui import theme
from presenter.ui.moderator import layout
from presenter.ui.moderator.panels import MessageBox, QuestionPanel, TimerPanel
from presenter.ui.moderator.points import PointsView
from presenter.ui.moderator.text import FitText
from presenter.ui.moderator_colours import (
    MESSAGE_BACKGROUND,
    MESSAGE_BLINK_BACKGROUND,
    NOTICE_BACKGROUND,
    NOTICE_TEXT,
    TONE_COLOUR,
    panel_colour,
)
from presenter.ui.screens import put_window_on_screen
from presenter.ui.send import Report, send

MAX_QUESTION_CHARS = 1000  # as a director's message (engine.MAX_TEXT)
TEXT_MIN_SHARE = 0.75  # title and speakers shrink to 3/4 of their size before anything is cut


def _clean(text: object) -> str:
    """Text from outside (a viewer's question) as one line of printable characters, bounded."""
    words = "".join(ch if ch.isprintable() else " " for ch in str(text)[: MAX_QUESTION_CHARS * 2]).split()
    return " ".join(words)[:MAX_QUESTION_CHARS]


class ModeratorWindow(QWidget):
    """The moderator's screen. Renders `controller.snapshot()`; holds no show logic.

    Public slots for the director and the app: `page_talking_points` (sends TurnPage), `place`,
    `move_to_screen`, `toggle_fullscreen`. `report` shows a refused intent (the director's problems list)."""

    message_changed = Signal(object)  # the Message the moderator now sees, or None
    talking_points_page_changed = Signal(int, int)  # page (from 0), pages

    def __init__(self, controller: ShowController, clock: Clock | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.clock: Clock = clock or controller.engine.clock  # only to time the wake-ups
        self.setObjectName("moderator")
        self.setWindowTitle(self.tr("Moderator — {title}").format(title=controller.show.title))
        self.setMinimumSize(480, 270)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(theme.BACKGROUND))
        self.setPalette(palette)
        self._build()

        self._view: ModeratorView | None = None
        self._takeover = False
        self.report: Report | None = None
        self._unit = 0.0
        self._next_bar = QRect()
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setTimerType(Qt.TimerType.PreciseTimer)
        self._refresh.timeout.connect(self.render_now)

        keys = (
            (Qt.Key.Key_F11, self.toggle_fullscreen),
            (Qt.Key.Key_PageDown, lambda: self.page_talking_points(+1)),
            (Qt.Key.Key_PageUp, lambda: self.page_talking_points(-1)),
        )
        for key, action in keys:
            QShortcut(QKeySequence(key), self).activated.connect(action)
        self.points.pageChanged.connect(self.talking_points_page_changed)
        self._render_soon = NextTurn(self, self.render_now)
        controller.changed.connect(self._render_soon.soon)  # repaints after the intent, not inside it
        self._lay_out()
        self.render_now()

    def _build(self) -> None:
        self.clock_label = FitText("clock", self, mono=True)
        self.over_under = FitText("overUnder", self, shrink=True, align=Qt.AlignmentFlag.AlignHCenter)
        self.projection = FitText("projectedEnd", self, shrink=True, align=Qt.AlignmentFlag.AlignRight)
        self.panel = TimerPanel(self)
        self.notice = FitText("notice", self, bold=True, align=Qt.AlignmentFlag.AlignHCenter, color=NOTICE_TEXT)
        self.title = FitText("segmentTitle", self, max_lines=2, bold=True, min_share=TEXT_MIN_SHARE)
        self.speakers = FitText("speakers", self, max_lines=2, color=theme.MUTED, min_share=TEXT_MIN_SHARE)
        self.points = PointsView(self)
        self.message = MessageBox(self)
        self.question = QuestionPanel(self)
        self.next_title = FitText("nextTitle", self, min_share=TEXT_MIN_SHARE)
        self.next_duration = FitText("nextDuration", self, mono=True, align=Qt.AlignmentFlag.AlignRight)
        for widget in (self.notice, self.message, self.question):
            widget.hide()

    # ------------------------------------------------------------------ reading (director's mirror, tests)

    @property
    def phase_label(self) -> FitText:
        return self.panel.phase_label

    @property
    def caption(self) -> FitText:
        return self.panel.caption

    @property
    def timer(self) -> FitText:
        return self.panel.timer

    def visible_message(self) -> Message | None:
        """The director's message the moderator currently sees (None when there is none)."""
        return self._view.message if self._view is not None else None

    def view(self) -> ModeratorView | None:
        """Everything the window showed at its last refresh, e.g. for a small mirror."""
        return self._view

    def refresh_interval_ms(self) -> int | None:
        """When the next wake-up is due, in ms from its scheduling (None when none is scheduled)."""
        return self._refresh.interval() if self._refresh.isActive() else None

    def message_takeover(self) -> bool:
        return self._takeover

    def unit(self) -> float:
        return self._unit

    # ------------------------------------------------------------------ slots for the director and the app

    @Slot(int)
    def page_talking_points(self, delta: int) -> bool:
        """Turn the talking points' page by `delta` (+1 next, −1 previous) with the TurnPage intent;
        False at either end (how many pages there are is this window's layout, not a show rule)."""
        page = self.points.page() + delta
        if not 0 <= page < self.points.page_count():
            return False
        return send(self.controller, TurnPage(page), self.report)

    def _show_question(self, view: ModeratorView) -> None:
        if view.questions_waiting == 1:
            waiting = self.tr("1 question waiting")
        elif view.questions_waiting:
            waiting = self.tr("%n questions waiting", "", view.questions_waiting)
        else:
            waiting = ""
        self.question.set_question(_clean(view.question_header), _clean(view.question_text), waiting)

    # ------------------------------------------------------------------ rendering

    @Slot()
    def render_now(self) -> None:
        """Refresh every text from a fresh snapshot (texts are only set when they changed)."""
        started = self.clock.monotonic()
        snapshot = self.controller.snapshot()
        window_title = self.tr("Moderator — {title}").format(title=snapshot.show.title)
        if self.windowTitle() != window_title:  # another show was opened
            self.setWindowTitle(window_title)
        view = describe(snapshot, QCoreApplication.translate)
        previous = self._view
        self._view = view
        self._apply(view, previous)
        self._schedule(view, self.clock.monotonic() - started)

    def _apply(self, view: ModeratorView, previous: ModeratorView | None) -> None:
        self.clock_label.setText(view.clock)
        self.over_under.setText(view.over_under)
        self.over_under.set_color(TONE_COLOUR[view.over_under_tone])
        self.projection.setText(view.projection)
        self.projection.set_color(TONE_COLOUR[view.projection_tone])
        panel = self.panel
        panel.phase_label.setText(view.phase_label)
        panel.phase_label.set_color(TONE_COLOUR[view.phase_tone])
        panel.caption.setText(view.caption)
        panel.timer.set_mono(view.timer[:1] in "+0123456789")
        panel.timer.setText(view.timer)
        panel.timer.set_color(TONE_COLOUR[view.timer_tone])
        panel.set_look(view.look)
        panel.set_background(panel_colour(view.look, view.blink_on))
        panel.blink_on = view.blink_on
        self.next_title.setText(view.next_title)
        self.next_duration.setText(view.next_duration)
        self.points.set_points(view.points, view.bullets)
        self.points.set_page(min(view.points_page, self.points.page_count() - 1))
        self._show_question(view)
        self.message.set_background(MESSAGE_BLINK_BACKGROUND if view.message_blink_on else MESSAGE_BACKGROUND)
        self.message.setText(view.message.text if view.message is not None else "")
        self.title.setText(view.title)
        self.speakers.setText(view.speakers)
        self.notice.setText(view.notice)
        structure_changed = (
            previous is None
            or bool(previous.notice) != bool(view.notice)
            or (previous.message is None) != (view.message is None)
            or (previous.title, previous.speakers) != (view.title, view.speakers)
            or bool(previous.next_title) != bool(view.next_title)
            or len(previous.over_under) != len(view.over_under)
            or previous.urgent != view.urgent
            or (previous.question_header, previous.question_text, previous.questions_waiting)
            != (view.question_header, view.question_text, view.questions_waiting)
        )
        self._takeover = view.urgent
        if structure_changed:
            self._apply_visibility()
        if previous is None or previous.message != view.message:
            self.message_changed.emit(view.message)

    def _apply_visibility(self) -> None:
        view = self._view
        has_message = view is not None and view.message is not None
        takeover = has_message and self._takeover
        self.notice.setVisible(view is not None and bool(view.notice))
        self.message.setVisible(has_message)
        has_question = view is not None and bool(view.question_text or view.question_header or view.questions_waiting)
        self.question.setVisible(not takeover and has_question)
        for widget in (self.title, self.speakers, self.points, self.next_title, self.next_duration):
            widget.setVisible(not takeover)
        self._lay_out()

    def _schedule(self, view: ModeratorView, spent_s: float) -> None:
        """Wake once, just after the next displayed value changes."""
        if not self.isVisible():
            self._refresh.stop()
            return
        self._refresh.start(max(math.ceil((view.next_change_s - spent_s) * 1000 - 1e-6), 1))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.render_now()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._refresh.stop()

    # ------------------------------------------------------------------ layout

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        drawn_before = self._drawn_here()
        self._unit = layout.unit_of(self.width(), self.height())
        self._next_bar = layout.lay_out(self, takeover=self._takeover and self.message.isVisibleTo(self))
        # Only what this window paints itself, where it was and where it is: the texts that moved paint
        # themselves. Painting the whole 1920x1080 window at every GO cost ~5 ms of each GO (issue 25).
        self.update(drawn_before.united(self._drawn_here()))

    def _drawn_here(self) -> QRegion:
        """The backgrounds paintEvent draws: the notice's and the next bar's."""
        region = QRegion(self._next_bar)
        if self.notice.isVisible():
            region = region.united(QRegion(self.notice.geometry()))
        return region

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if self.notice.isVisible():
            rect = QRectF(self.notice.geometry())
            painter.setBrush(QColor(NOTICE_BACKGROUND))
            painter.drawRoundedRect(rect, rect.height() * 0.15, rect.height() * 0.15)
        if self.next_title.isVisible() and self.next_title.text():
            painter.setBrush(QColor(theme.PANEL))
            radius = self._next_bar.height() * 0.15
            painter.drawRoundedRect(QRectF(self._next_bar), radius, radius)
        painter.end()

    # ------------------------------------------------------------------ placement

    def place(self, screen_index: int | None, windowed: bool) -> str | None:
        """Show the window: fullscreen on screen `screen_index`, or windowed 1280×720 (rehearsals, or
        no screen given). Returns a warning for the director when the screen does not exist."""
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        warning = None
        screen = primary
        if screen_index is not None:
            if 0 <= screen_index < len(screens):
                screen = screens[screen_index]
            else:
                fallback = screens.index(primary) if primary in screens else 0
                if len(screens) == 1:
                    warning = self.tr(
                        "moderator screen {screen_index} does not exist (1 screen); using screen {fallback}"
                    )
                else:
                    warning = self.tr(
                        "moderator screen {screen_index} does not exist (%n screens); using screen {fallback}",
                        "",
                        len(screens),
                    )
                warning = warning.format(screen_index=screen_index, fallback=fallback)
        if windowed or screen_index is None:
            self._show_windowed(screen)
        else:
            self._show_fullscreen(screen)
        return warning

    def move_to_screen(self, index: int) -> str | None:
        """Move to screen `index`, keeping fullscreen or windowed; a warning if it does not exist."""
        screens = QGuiApplication.screens()
        if not 0 <= index < len(screens):
            return self.tr(
                "moderator screen {index} does not exist (%n screens); the window stays where it is", "", len(screens)
            ).format(index=index)
        if self.isFullScreen():
            self._show_fullscreen(screens[index])
        else:
            self._show_windowed(screens[index])
        return None

    def toggle_fullscreen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if self.isFullScreen():
            self._show_windowed(screen)
        else:
            self._show_fullscreen(screen)

    def _show_windowed(self, screen) -> None:
        self.unsetCursor()
        put_window_on_screen(self, screen, fullscreen=False)

    def _show_fullscreen(self, screen) -> None:
        put_window_on_screen(self, screen, fullscreen=True)
        self.setCursor(Qt.CursorShape.BlankCursor)  # no mouse pointer over the moderator's timer

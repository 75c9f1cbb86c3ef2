"""The studio director's window: the running order, GO/back/jump/skip, clip transport, messages."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from presenter.controller import ShowController
from presenter.engine import Mode, ShowSnapshot
from presenter.timefmt import format_countdown, format_duration
from presenter.ui import theme
from presenter.ui.moderator import describe
from presenter.ui.running_order import COLUMNS, RunningOrderModel

MESSAGE_PRESETS = ("Please wrap up", "1 minute", "Question from the chat", "Speak up")
REFRESH_MS = 100


def _set_text(label: QLabel, text: str) -> None:
    """setText only on change: a 10 Hz refresh must not relayout the window ten times a second."""
    if label.text() != text:
        label.setText(text)


class DirectorWindow(QWidget):
    """Shows the show state and sends intents; no show logic lives here."""

    moderator_screen_requested = Signal(int)
    moderator_fullscreen_toggled = Signal()
    export_as_run_requested = Signal()
    preview_requested = Signal()
    open_show_requested = Signal()
    quit_confirmed = Signal()  # the director closed the window and said yes: the whole app ends

    def __init__(self, controller: ShowController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.closing_allowed = False  # set when the app ends for another reason (SIGTERM): no question then
        self.setObjectName("director")
        self.setWindowTitle(f"Director — {controller.show.title} — Presenter")
        self.resize(1440, 860)
        self._build()
        self._bind_keys()
        controller.changed.connect(self.refresh)
        controller.problem.connect(self.add_problem)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        self.show_title = QLabel()
        self.show_title.setObjectName("showTitle")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.show_title.setFont(title_font)
        self.clock_label = QLabel(objectName="clock")
        self.clock_label.setFont(QFont(mono.family(), int(title_font.pointSizeF())))
        self.over_under_label = QLabel(objectName="overUnder")
        self.projected_label = QLabel(objectName="projectedEnd")
        self.output_label = QLabel(objectName="outputState")
        self.output_label.setToolTip("What the program output shows")
        header = QHBoxLayout()
        header.addWidget(self.show_title, 1)
        for widget in (self.output_label, self.over_under_label, self.projected_label, self.clock_label):
            header.addSpacing(18)
            header.addWidget(widget)

        self.banner = QFrame(objectName="bannerFrame")
        self.banner.setStyleSheet("QFrame#bannerFrame{background:#5a3a00;} QLabel{color:#fff;font-weight:bold;}")
        self.banner_text = QLabel(objectName="banner")
        self.banner_text.setWordWrap(True)
        self.banner_button = QPushButton(objectName="bannerAction")
        self.banner_button.hide()
        self.banner_button.clicked.connect(self._banner_clicked)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_button)
        self._banner_action = None
        self.banner.hide()
        self.warning_label = QLabel(objectName="persistentWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("background:#7a1f1f;color:#fff;padding:6px;font-weight:bold;")
        self.warning_label.hide()

        # Running order
        self.model = RunningOrderModel(self)
        self.table = QTableView(objectName="runningOrder")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Sized once per running order, not on every change: ResizeToContents reads every row each time
        # one row changes (850 ms per GO at 1,200 segments).
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header_view.setSectionResizeMode(COLUMNS.index("Title"), QHeaderView.ResizeMode.Stretch)
        self.model.modelReset.connect(self._size_columns)
        self.table.doubleClicked.connect(lambda index: self._jump_to(index.row()))

        # On air panel
        self.on_air_title = QLabel(objectName="onAirTitle")
        self.on_air_title.setWordWrap(True)
        on_air_font = QFont(self.font())
        on_air_font.setPointSizeF(on_air_font.pointSizeF() * 1.5)
        on_air_font.setBold(True)
        self.on_air_title.setFont(on_air_font)
        self.countdown = QLabel(objectName="countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        countdown_font = QFont(mono.family())
        countdown_font.setPointSize(54)
        countdown_font.setBold(True)
        self.countdown.setFont(countdown_font)
        self.countdown.setMinimumHeight(110)
        self.phase_label = QLabel(objectName="phase")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        phase_font = QFont(self.font())
        phase_font.setBold(True)
        phase_font.setPointSizeF(phase_font.pointSizeF() * 1.3)
        self.phase_label.setFont(phase_font)
        self.clip_label = QLabel(objectName="clipState")
        self.clip_label.setWordWrap(True)
        self.details_label = QLabel(objectName="segmentDetails")
        self.details_label.setWordWrap(True)
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.next_label = QLabel(objectName="next")
        self.next_label.setWordWrap(True)

        self.go_button = QPushButton("GO  (Space)", objectName="go")
        self.go_button.setMinimumHeight(64)
        go_font = QFont(self.font())
        go_font.setPointSizeF(go_font.pointSizeF() * 1.8)
        go_font.setBold(True)
        self.go_button.setFont(go_font)
        self.go_button.setStyleSheet("QPushButton#go{background:#0b6e4f;color:white;border-radius:6px;}")
        self.go_button.clicked.connect(self.controller.go)
        self.back_button = QPushButton("◀ Back", objectName="back")
        self.back_button.clicked.connect(self.controller.back)
        self.jump_button = QPushButton("Jump to selected", objectName="jump")
        self.jump_button.clicked.connect(self._jump_selected)
        self.skip_button = QPushButton("Skip / unskip selected", objectName="skip")
        self.skip_button.clicked.connect(self._skip_selected)
        self.plus_button = QPushButton("+1 min", objectName="plusMinute")
        self.plus_button.clicked.connect(lambda: self.controller.add_time(60))
        self.minus_button = QPushButton("−1 min", objectName="minusMinute")
        self.minus_button.clicked.connect(lambda: self.controller.add_time(-60))

        buttons = QGridLayout()
        buttons.addWidget(self.go_button, 0, 0, 1, 2)
        buttons.addWidget(self.back_button, 1, 0)
        buttons.addWidget(self.jump_button, 1, 1)
        buttons.addWidget(self.minus_button, 2, 0)
        buttons.addWidget(self.plus_button, 2, 1)
        buttons.addWidget(self.skip_button, 3, 0, 1, 2)

        self.pause_button = QPushButton("Pause / resume clip", objectName="pauseClip")
        self.pause_button.clicked.connect(self._toggle_pause)
        self.restart_button = QPushButton("Restart clip", objectName="restartClip")
        self.restart_button.clicked.connect(self.controller.restart_clip)
        self.panic_button = QPushButton("STOP to black (Esc)", objectName="panic")
        self.panic_button.setStyleSheet("QPushButton#panic{background:#7a1f1f;color:white;font-weight:bold;}")
        self.panic_button.clicked.connect(self.controller.panic)
        clip_box = QGroupBox("Clip on air")
        clip_layout = QHBoxLayout(clip_box)
        for button in (self.pause_button, self.restart_button, self.panic_button):
            clip_layout.addWidget(button)

        on_air = QFrame(objectName="onAirPanel")
        on_air.setFrameShape(QFrame.Shape.StyledPanel)
        on_air_layout = QVBoxLayout(on_air)
        on_air_layout.addWidget(self.on_air_title)
        on_air_layout.addWidget(self.countdown)
        on_air_layout.addWidget(self.phase_label)
        on_air_layout.addWidget(self.clip_label)
        on_air_layout.addWidget(self.details_label, 1)
        on_air_layout.addWidget(self.next_label)
        on_air_layout.addLayout(buttons)
        on_air_layout.addWidget(clip_box)

        # Messages to the moderator
        message_box = QGroupBox("Message to the moderator")
        message_layout = QVBoxLayout(message_box)
        self.message_edit = QLineEdit(objectName="messageText")
        self.message_edit.setPlaceholderText("Type a short message, Enter sends it")
        self.message_edit.setMaxLength(140)
        self.message_edit.returnPressed.connect(self._send_typed)
        self.blink_check = QCheckBox("Blink", objectName="messageBlink")
        send = QPushButton("Send", objectName="sendMessage")
        send.clicked.connect(self._send_typed)
        clear = QPushButton("Clear", objectName="clearMessage")
        clear.clicked.connect(self.controller.clear_message)
        row = QHBoxLayout()
        row.addWidget(self.message_edit, 1)
        row.addWidget(self.blink_check)
        row.addWidget(send)
        row.addWidget(clear)
        message_layout.addLayout(row)
        presets = QHBoxLayout()
        for text in MESSAGE_PRESETS:
            button = QPushButton(text)
            button.setObjectName("preset:" + text)
            button.clicked.connect(
                lambda _=False, t=text: self.controller.send_message(t, self.blink_check.isChecked())
            )
            presets.addWidget(button)
        message_layout.addLayout(presets)
        self.moderator_sees = QLabel(objectName="moderatorSees")
        self.moderator_sees.setWordWrap(True)
        message_layout.addWidget(self.moderator_sees)
        screen_row = QHBoxLayout()
        screen_row.addWidget(QLabel("Moderator window:"))
        self.moderator_screen = QComboBox(objectName="moderatorScreen")
        self.moderator_screen.activated.connect(lambda i: self.moderator_screen_requested.emit(i))
        screen_row.addWidget(self.moderator_screen, 1)
        fullscreen = QPushButton("Fullscreen on/off", objectName="moderatorFullscreen")
        fullscreen.clicked.connect(self.moderator_fullscreen_toggled.emit)
        screen_row.addWidget(fullscreen)
        message_layout.addLayout(screen_row)

        self.export_button = QPushButton("Export as-run…", objectName="exportAsRun")
        self.export_button.clicked.connect(self.export_as_run_requested.emit)
        self.problems = QListWidget(objectName="problems")
        self.problems.setMaximumHeight(110)
        self.problems.setWordWrap(True)
        problems_box = QGroupBox("Problems")
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.addWidget(self.problems)
        preview_button = QPushButton("Technician preview…", objectName="showPreview")
        preview_button.clicked.connect(self.preview_requested.emit)
        open_show = QPushButton("Open show…", objectName="openShow")
        open_show.clicked.connect(self.open_show_requested.emit)
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(preview_button)
        bottom_row.addStretch(1)
        bottom_row.addWidget(open_show)
        bottom_row.addWidget(self.export_button)
        problems_layout.addLayout(bottom_row)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(on_air, 1)
        right_layout.addWidget(message_box)
        right.setMinimumWidth(460)
        right.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(problems_box)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.warning_label)
        layout.addWidget(splitter, 1)

    def _bind_keys(self) -> None:
        go = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        go.activated.connect(self.controller.go)
        panic = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        panic.activated.connect(self.controller.panic)

    def closeEvent(self, event) -> None:
        """Closing the director ends Presenter: ask first, so a stray click cannot end the show."""
        if self.closing_allowed or self.confirm_quit():
            self.closing_allowed = True
            event.accept()
            self.quit_confirmed.emit()
        else:
            event.ignore()

    def confirm_quit(self) -> bool:
        on_air = self.controller.snapshot().mode is Mode.ON_AIR
        text = (
            f"“{self.controller.show.title}” is on air. Quitting puts the program output to black and closes "
            "the moderator window. The run is kept and is resumed at the next start."
            if on_air
            else "Quit Presenter? Every window closes."
        )
        answer = QMessageBox.question(
            self,
            "Quit Presenter",
            text,
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Close

    # ------------------------------------------------------------------ intents from the widgets

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _size_columns(self) -> None:
        bold = QFont(self.table.font())
        bold.setBold(True)  # the rows on air and next are bold
        metrics = QFontMetrics(bold)
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1)
        header_view = self.table.horizontalHeader()
        for column, texts in enumerate(self.model.widest_texts()):
            if column == COLUMNS.index("Title"):
                continue
            widest = max(metrics.horizontalAdvance(text) for text in texts) + margin + 8
            header_view.resizeSection(column, max(widest, header_view.sectionSizeHint(column)))

    def _jump_to(self, row: int) -> None:
        if row is not None and row >= 0:
            self.controller.jump(row)

    def _jump_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            self.add_problem("Select a segment in the running order to jump to it.")
            return
        self.controller.jump(row)

    def _skip_selected(self) -> None:
        row = self.selected_row()
        view = self.model.segment_at(row) if row is not None else None
        if view is None:
            self.controller.skip()
        elif view.status.value == "skipped":
            self.controller.unskip(row)
        else:
            self.controller.skip(row)

    def _toggle_pause(self) -> None:
        clip = self.controller.snapshot().clip
        if clip is not None and clip.state.value == "paused":
            self.controller.resume_clip()
        else:
            self.controller.pause_clip()

    def _send_typed(self) -> None:
        text = self.message_edit.text().strip()
        if text:
            self.controller.send_message(text, self.blink_check.isChecked())
            self.message_edit.clear()

    # ------------------------------------------------------------------ rendering

    def add_problem(self, text: str) -> None:
        self.problems.insertItem(0, f"{datetime.now():%H:%M:%S}  {text}")

    def show_banner(self, text: str | None, action_text: str | None = None, action=None) -> None:
        """A notice across the top (resumed run, libVLC missing), optionally with one button."""
        self._banner_action = action
        if not text:
            self.banner.hide()
            return
        self.banner_text.setText(text)
        self.banner_button.setVisible(bool(action_text))
        self.banner_button.setText(action_text or "")
        self.banner.show()

    def _banner_clicked(self) -> None:
        action, self._banner_action = self._banner_action, None
        self.banner.hide()
        if action is not None:
            action()

    def set_persistent_warning(self, text: str | None) -> None:
        """A warning that stays until its cause is gone (journal not writable, disk full)."""
        self.warning_label.setText(text or "")
        self.warning_label.setVisible(bool(text))

    def _render_output(self) -> None:
        status = self.controller.output_status()
        if status is None:
            _set_text(self.output_label, "Output: none (clips cannot play)")
            return
        state = status.state.value
        text = f"Output: {state}"
        if state in ("playing", "paused", "held") and status.segment_id:
            duration = format_duration(status.duration_s) if status.duration_s else "–"
            text += f" {format_duration(status.position_s)} / {duration}"
        if status.armed_segment_id:
            text += f" · armed: {status.armed_segment_id}"
        if status.message and state == "error":
            text += f" — {status.message}"
        _set_text(self.output_label, text)

    def set_screens(self, names: list[str], current: int | None) -> None:
        self.moderator_screen.clear()
        self.moderator_screen.addItems(names)
        if current is not None and 0 <= current < len(names):
            self.moderator_screen.setCurrentIndex(current)

    def refresh(self) -> None:
        snapshot = self.controller.snapshot()
        self.model.update_from(snapshot)
        show = snapshot.show
        window_title = f"Director — {show.title} — Presenter"
        if self.windowTitle() != window_title:  # another show was opened
            self.setWindowTitle(window_title)
        title = f"{show.title} — {show.date:%d.%m.%Y}, {show.start:%H:%M}–{show.end:%H:%M}"
        if snapshot.rehearsal:
            title += f" · REHEARSAL (times on {snapshot.now:%d.%m.})"
        _set_text(self.show_title, title)
        _set_text(self.clock_label, f"{snapshot.now:%H:%M:%S}")
        # The same words and rounding as the moderator reads, so the two never disagree by a second.
        status = describe(snapshot)
        _set_text(self.over_under_label, status.over_under)
        _set_text(self.projected_label, status.projection)
        self._render_on_air(snapshot)
        self._render_output()
        message = snapshot.message
        _set_text(
            self.moderator_sees,
            f"Moderator sees: “{message.text}”{' (blinking)' if message.blink else ''}"
            if message
            else "Moderator sees: no message",
        )

    def _render_on_air(self, snapshot: ShowSnapshot) -> None:
        phase = snapshot.phase
        if snapshot.mode is Mode.STANDBY:
            _set_text(self.on_air_title, "Standby — GO starts the show")
            until = snapshot.until_start_s
            text = f"on air in {format_countdown(until)}" if until > 0 else "start time passed"
            _set_text(self.countdown, format_countdown(max(until, 0)))
            _set_text(self.phase_label, text)
        elif snapshot.mode is Mode.ENDED:
            _set_text(self.on_air_title, "Off air — the show has ended")
            _set_text(self.countdown, "—")
            _set_text(self.phase_label, f"ended {snapshot.show_ended:%H:%M:%S}" if snapshot.show_ended else "")
        else:
            current = snapshot.current
            assert current is not None and snapshot.remaining_s is not None
            _set_text(self.on_air_title, f"ON AIR {current.index + 1}. {current.segment.title}")
            _set_text(self.countdown, format_countdown(snapshot.remaining_s))
            _set_text(self.phase_label, theme.PHASE_LABEL[phase] or "on time")
        style = f"color:{theme.PHASE_FOREGROUND[phase]};background:{theme.PHASE_BACKGROUND[phase]};border-radius:6px;"
        if self.countdown.styleSheet() != style:
            self.countdown.setStyleSheet(style)

        clip = snapshot.clip
        if clip is None:
            _set_text(self.clip_label, "")
        else:
            position = format_duration(clip.position_s) if clip.position_s is not None else "–"
            duration = format_duration(clip.duration_s) if clip.duration_s else "–"
            text = f"Clip {theme.CLIP_LABEL[clip.state]} {position} / {duration}"
            if clip.problem:
                text += f" — {clip.problem}"
            _set_text(self.clip_label, text)

        details = ""
        if snapshot.current is not None:
            segment = snapshot.current.segment
            lines = []
            if segment.speakers:
                lines.append("With: " + ", ".join(segment.speakers))
            if segment.notes:
                lines.append("Notes: " + segment.notes)
            details = "\n".join(lines)
        _set_text(self.details_label, details)

        following = snapshot.next
        if following is None:
            _set_text(self.next_label, "Next: end of show")
        else:
            planned = format_duration(following.planned_duration_s)
            _set_text(self.next_label, f"Next: {following.index + 1}. {following.segment.title} ({planned})")
        on_air = snapshot.mode is Mode.ON_AIR
        self.plus_button.setEnabled(on_air)
        self.minus_button.setEnabled(on_air)
        self.back_button.setEnabled(snapshot.mode is not Mode.STANDBY)
        self.go_button.setEnabled(snapshot.mode is not Mode.ENDED)
        clip_on_air = on_air and snapshot.current is not None and snapshot.current.segment.is_clip
        self.pause_button.setEnabled(clip_on_air)
        self.restart_button.setEnabled(clip_on_air)

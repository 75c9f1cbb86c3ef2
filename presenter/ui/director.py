"""The studio director's window: the running order, GO/back/next/skip, clip transport, messages.

It only renders the controller's snapshot and sends intents; its parts live in rooms of their own
(header, banner, on-air panel, transport bar, message panel, keys).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from presenter.controller import ShowController
from presenter.i18n import Language, current_language, translate
from presenter.run.engine import Mode, SegmentView
from presenter.run.intents import Intent, MakeNext
from presenter.ui.banner import Banner
from presenter.ui.director_header import DirectorHeader
from presenter.ui.director_keys import DirectorKeys, key_help
from presenter.ui.flow_layout import FlowLayout
from presenter.ui.language_choice import LANGUAGE_NAMES
from presenter.ui.message_panel import MESSAGE_PRESETS, MessagePanel
from presenter.ui.on_air_panel import OnAirPanel
from presenter.ui.question_queue import QuestionQueueWidget, install_question_keys
from presenter.ui.running_order import COLUMNS, RunningOrderModel
from presenter.ui.send import send
from presenter.ui.transport_bar import TransportBar

__all__ = ["MESSAGE_PRESETS", "DirectorWindow"]

REFRESH_MS = 100
WARNING_STYLE = "background:#7a1f1f;color:#fff;padding:6px;font-weight:bold;"


class DirectorWindow(QWidget):
    """Shows the show state and sends intents; no show logic lives here."""

    moderator_screen_requested = Signal(int)
    moderator_fullscreen_toggled = Signal()
    export_as_run_requested = Signal()
    preview_requested = Signal()
    open_show_requested = Signal()
    rehearse_requested = Signal()
    remote_requested = Signal()
    obs_settings_requested = Signal()  # the OBS settings dialog (presenter.ui.obs_settings)
    language_chosen = Signal(str)  # a Language value: the director picked it in the language box
    quit_confirmed = Signal()  # the director closed the window and said yes: the whole app ends

    def __init__(self, controller: ShowController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.closing_allowed = False  # set when the app ends for another reason (SIGTERM): no question then
        self.setObjectName("director")
        self.setWindowTitle(
            translate("DirectorWindow", "Director — {title} — Presenter").format(title=controller.show.title)
        )
        self.resize(1440, 860)
        self._build()
        self.keys = DirectorKeys(
            self, send=self.send_intent, message_field=self.message_edit, home=self.table,
            monotonic=lambda: self.controller.engine.clock.monotonic(),
        )  # fmt: skip
        self.question_keys = install_question_keys(self, controller, self.add_problem)
        for key, step in ((Qt.Key.Key_PageUp, -1), (Qt.Key.Key_PageDown, 1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda step=step: self.messages.talking_points_page.emit(step))
        controller.changed.connect(self.refresh)
        controller.problem.connect(self.add_problem)
        QApplication.instance().focusChanged.connect(self._after_inline_edit)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.header = DirectorHeader()
        self.banner = Banner()
        self.banner_text, self.banner_button = self.banner.text, self.banner.button
        self.warning_label = QLabel(objectName="persistentWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.hide()
        self.key_line = QLabel(key_help(), objectName="keyHelp")
        self.key_line.setWordWrap(True)
        splitter = QSplitter(childrenCollapsible=False)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.warning_label)
        layout.addWidget(splitter, 1)

    def _build_running_order(self) -> QTableView:
        self.model = RunningOrderModel(self)
        table = QTableView(objectName="runningOrder")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        table.setToolTip(translate("DirectorWindow", "Double-click a segment to make it next: GO puts it on air"))
        # Sized once per running order, not on every change: ResizeToContents reads every row each time
        # one row changes (850 ms per GO at 1,200 segments).
        header_view = table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header_view.setSectionResizeMode(COLUMNS.index("Title"), QHeaderView.ResizeMode.Stretch)
        self.model.modelReset.connect(self._size_columns)
        table.doubleClicked.connect(lambda index: self._make_next(index.row()))
        return table

    def _build_left(self) -> QWidget:
        self.table = self._build_running_order()
        self.problems = QListWidget(objectName="problems")
        self.problems.setMaximumHeight(110)
        self.problems.setWordWrap(True)
        problems_box = QGroupBox(translate("DirectorWindow", "Problems"))
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.addWidget(self.problems)
        problems_layout.addLayout(self._build_show_row())
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(problems_box)
        self.status_line = QLabel(objectName="statusLine")  # where the windows went (issue 22), not a problem
        self.status_line.setWordWrap(True)
        self.status_line.setTextFormat(Qt.TextFormat.PlainText)
        self.status_line.hide()
        layout.addWidget(self.status_line)
        layout.addWidget(self.key_line)  # under the running order: the on-air column keeps its height
        return left

    def _build_show_row(self) -> FlowLayout:
        row = FlowLayout()  # wraps on a laptop instead of widening the window (issue 22)
        buttons = (
            (translate("DirectorWindow", "Technician preview…"), "showPreview", self.preview_requested),
            (translate("DirectorWindow", "Rehearse from now"), "rehearse", self.rehearse_requested),
            (translate("DirectorWindow", "Open show…"), "openShow", self.open_show_requested),
            (translate("DirectorWindow", "Export as-run…"), "exportAsRun", self.export_as_run_requested),
            (translate("DirectorWindow", "Remote…"), "remote", self.remote_requested),
            (translate("DirectorWindow", "OBS settings…"), "obsSettings", self.obs_settings_requested),
        )
        made = {}
        for text, name, signal in buttons:
            made[name] = QPushButton(text, objectName=name)
            made[name].clicked.connect(signal.emit)
            row.addWidget(made[name])
        self.language_box = QComboBox(objectName="language")
        for language, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, language.value)
        self.language_box.setToolTip("Sprache / Language")
        self.language_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.show_language(current_language())
        self.language_box.activated.connect(lambda index: self.language_chosen.emit(self.language_box.itemData(index)))
        row.addWidget(self.language_box)
        self.rehearse_button, self.export_button = made["rehearse"], made["exportAsRun"]
        self.rehearse_button.setToolTip(
            translate("DirectorWindow", "Plan the running order from the first GO, so early/late mean something")
        )
        return row

    def _build_right(self) -> QWidget:
        self.transport = TransportBar(
            self.controller, self.selected_row, self.selected_view, self.add_problem, self.send_intent,
            confirm=self.confirm,
        )  # fmt: skip
        self.go_button = self.transport.go_button
        self.on_air = OnAirPanel(self.transport)
        self.messages = MessagePanel(self.controller, keys_back=lambda: self.keys.give_back(), send=self.send_intent)
        self.messages.moderator_screen_requested.connect(self.moderator_screen_requested)
        self.messages.moderator_fullscreen_toggled.connect(self.moderator_fullscreen_toggled)
        self.message_edit, self.blink_check = self.messages.message_edit, self.messages.blink_check
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.transport.render_selection())
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        self.question_queue = QuestionQueueWidget(self.controller)
        self.question_queue.problem.connect(self.add_problem)
        # The on-air panel (what is on air, its timer, GO, Back, STOP) always has its room; questions and
        # messages scroll below it when a laptop has too little (issue 22), the window never grows.
        below = QWidget(objectName="belowOnAir")
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.question_queue)
        below_layout.addWidget(self.messages)
        self.below_scroll = QScrollArea(objectName="belowOnAirScroll")
        self.below_scroll.setWidget(below)
        self.below_scroll.setWidgetResizable(True)
        self.below_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.below_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.below_scroll.setMinimumHeight(60)
        self.message_edit.installEventFilter(self)  # Ctrl+M scrolls the field into view
        layout.addWidget(self.on_air)
        layout.addWidget(self.below_scroll, 1)
        return right

    def eventFilter(self, watched, event) -> bool:
        if watched is self.message_edit and event.type() == QEvent.Type.FocusIn:
            self.below_scroll.ensureWidgetVisible(self.message_edit)
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        """The first time: the running order and the on-air column share the width equally (the on-air
        column's buttons wrap below about half a laptop's width)."""
        super().showEvent(event)
        if not getattr(self, "_split_once", False):
            self._split_once = True
            QTimer.singleShot(0, lambda: self.splitter.setSizes([1, 1]))  # equal shares of whatever width

    def childEvent(self, event) -> None:
        """The show editor puts its toolbar into this window (presenter/ui/editor/actions.py): once it is
        in, its buttons wrap on a narrow window and its feedback line gets a row of its own."""
        super().childEvent(event)
        if event.type() == QEvent.Type.ChildAdded and event.child().objectName() == "editorToolbar":
            QTimer.singleShot(0, self._fold_editor_toolbar)

    def _fold_editor_toolbar(self) -> None:
        toolbar = self.findChild(QWidget, "editorToolbar", Qt.FindChildOption.FindDirectChildrenOnly)
        layout = self.layout()
        if toolbar is None or isinstance(toolbar.layout(), FlowLayout) or not isinstance(layout, QVBoxLayout):
            return
        old = toolbar.layout()
        widgets = [old.itemAt(i).widget() for i in range(old.count()) if old.itemAt(i).widget() is not None]
        while old.count():
            old.takeAt(0)  # the buttons stay the toolbar's; only the row that held them goes
        QWidget().setLayout(old)  # (to a throwaway widget: a widget has one layout, and it is deleted)
        flow = FlowLayout(toolbar, spacing=2)
        for widget in widgets:  # the feedback line last: on a narrow window it goes to a line of its own
            if isinstance(widget, QLabel):  # and a long German line never widens the window
                widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            flow.addWidget(widget)

    def _after_inline_edit(self, old: QWidget | None, new: QWidget | None) -> None:
        """A title edited in place (Enter or Esc) gives the keys back to the running order, so Alt+↑/↓,
        Delete and F2 work at once (issue 22); a click elsewhere keeps the focus where it went."""
        if old is None or old.objectName() != "inlineTitle" or not self.table.isAncestorOf(old):
            return
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return
        if new is None or (new is not self.table and not self.table.isAncestorOf(new)):
            QTimer.singleShot(0, lambda: self.table.setFocus(Qt.FocusReason.OtherFocusReason))

    def show_language(self, language: Language) -> None:
        """The language box shows `language` (without sending language_chosen)."""
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language.value)))

    def closeEvent(self, event) -> None:
        """Closing the director ends Presenter: ask first, so a stray click cannot end the show."""
        if self.closing_allowed or self.confirm_quit():
            self.closing_allowed = True
            event.accept()
            self.quit_confirmed.emit()
        else:
            event.ignore()

    def confirm(self, title: str, text: str) -> bool:
        """Asks before an action that ends the run on air; says what will happen."""
        answer = QMessageBox.question(
            self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def confirm_quit(self) -> bool:
        on_air = self.controller.snapshot().mode is Mode.ON_AIR
        text = (
            translate(
                "DirectorWindow",
                "“{title}” is on air. Quitting puts the program output to black and closes "
                "the moderator window. The run is kept and is resumed at the next start.",
            ).format(title=self.controller.show.title)
            if on_air
            else translate("DirectorWindow", "Quit Presenter? Every window closes.")
        )
        answer = QMessageBox.question(
            self,
            translate("DirectorWindow", "Quit Presenter"),
            text,
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Close

    # ------------------------------------------------------------------ intents from the widgets

    def send_intent(self, intent: Intent) -> bool:
        """Every key and button of this window: the intent to the one dispatcher, a refusal in the problems list."""
        return send(self.controller, intent, self.add_problem)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selected_view(self) -> SegmentView | None:
        row = self.selected_row()
        return self.model.segment_at(row) if row is not None else None

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

    def _make_next(self, row: int) -> None:
        """A double-click sets what GO airs next; it never puts anything on air itself."""
        if row is not None and row >= 0:
            self.send_intent(MakeNext(row))

    # ------------------------------------------------------------------ rendering

    def add_problem(self, text: str) -> None:
        self.problems.insertItem(0, f"{datetime.now():%H:%M:%S}  {text}")

    def show_banner(
        self,
        text: str | None,
        action_text: str | None = None,
        action=None,
        *,
        transient: bool = False,
        expires_ms: int | None = None,
    ) -> None:
        """A notice across the top (resumed run, libVLC missing), optionally with one button. A
        transient one (the resume banner) goes at the first GO or any other change of what is on air;
        with `expires_ms`, also after that time."""
        while_state = self._on_air_state(self.controller.snapshot()) if transient else None
        self.banner.show_notice(text, action_text, action, while_state=while_state, expires_ms=expires_ms)

    def _on_air_state(self, snapshot) -> tuple:
        return (snapshot.mode, snapshot.current.index if snapshot.current else None, id(self.controller.engine))

    def set_persistent_warning(self, text: str | None) -> None:
        """A warning that stays until its cause is gone (journal not writable, disk full)."""
        self.warning_label.setText(text or "")
        self.warning_label.setVisible(bool(text))

    def set_status_line(self, text: str) -> None:
        """A line of information (where the windows went), beside the problems, never among them."""
        self.status_line.setText(text)
        self.status_line.setVisible(bool(text))

    def set_screens(self, names: list[str], current: int | None) -> None:
        self.messages.set_screens(names, current)

    def refresh(self) -> None:
        snapshot = self.controller.snapshot()
        self.model.update_from(snapshot)
        window_title = translate("DirectorWindow", "Director — {title} — Presenter").format(title=snapshot.show.title)
        if self.windowTitle() != window_title:  # another show was opened
            self.setWindowTitle(window_title)
        self.header.show_state(snapshot, self.controller.output_status())
        self.on_air.show_state(snapshot)
        self.transport.show_state(snapshot)
        self.messages.show_state(snapshot)
        self.rehearse_button.setEnabled(snapshot.mode is Mode.STANDBY)
        self.banner.note_state(self._on_air_state(snapshot))

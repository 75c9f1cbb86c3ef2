"""The windows and clip checks beside the director, as parts of PresenterApp (presenter.ui.app).

Their texts keep the PresenterApp translation context, so the German catalog carries them unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from presenter.i18n import translate
from presenter.run.intents import SetMediaDurations

if TYPE_CHECKING:
    from presenter.clips.preflight import CheckReport


class AppWindows:
    """Moderator, preview and program output: started, placed on their screens, moved."""

    def _start_moderator(self) -> None:
        from presenter.ui.moderator import ModeratorWindow

        moderator = self.moderator = ModeratorWindow(self.controller)
        moderator.report = self.director.add_problem  # a refused page turn, said where every refusal is
        # The director's PgUp/PgDown: the moderator window knows how many pages its talking points take.
        self.director.messages.talking_points_page.connect(moderator.page_talking_points)
        self.director.moderator_screen_requested.connect(self._move_moderator)
        self.director.moderator_fullscreen_toggled.connect(self._toggle_moderator_fullscreen)

    def _toggle_moderator_fullscreen(self) -> None:
        """Fullscreen on/off, but never fullscreen over the director."""
        moderator = self.moderator
        if moderator is None:
            return
        if not moderator.isFullScreen() and moderator.screen() is self.director.screen():
            self.director.add_problem(
                translate(
                    "PresenterApp",
                    "The moderator window is on the director's screen: fullscreen would cover the director. "
                    "Choose another screen for it first.",
                )
            )
            return
        moderator.toggle_fullscreen()

    def _start_preview(self) -> None:
        """The technician's preview: its own libVLC player, never the program's."""
        from presenter.ui.preview import PreviewWindow

        self.preview = PreviewWindow(
            self.controller,
            self.playout,
            clip_checks=self.clip_checks,
            settings=self.settings,
            cache_dir=self.state.path / "thumbnails",
            vlc_args=self.parts.vlc_args,
        )
        self.director.preview_requested.connect(self._show_preview)

    def _show_preview(self) -> None:
        self.preview.show()
        self.preview.raise_()

    def _place_windows(self) -> None:
        """Moderator, program output and preview beside the director: nothing fullscreen over it."""
        from presenter.ui.screens import WindowPlacement

        self.placement = WindowPlacement(
            self.settings, self.director.add_problem, self.director, offer=self.director.show_banner, parent=self,
            status=self.director.set_status_line,
        )  # fmt: skip
        screens = QGuiApplication.screens()
        names = [f"{i}: {s.name()} {s.size().width()}x{s.size().height()}" for i, s in enumerate(screens)]
        self.director.set_screens(names, self.args.moderator_screen)
        windowed = bool(self.args.windowed)
        if self.moderator is not None:
            moderator = self.moderator

            def place_moderator(index: int, fullscreen: bool, geometry) -> None:
                from presenter.ui.screens import put_window_on_screen

                if fullscreen:
                    moderator.place(index, False)  # the moderator's own fullscreen (no mouse pointer)
                else:
                    put_window_on_screen(moderator, screens[index], fullscreen=False, geometry=geometry)

            label = translate("PresenterApp", "moderator window")
            self.placement.add(
                "moderator", label, moderator, self.args.moderator_screen, windowed, place=place_moderator, share=2
            )  # beside the director the moderator gets two thirds of the height, the program output one
        if self.output_window is not None:
            output = self.output_window
            self.placement.add(
                "output", translate("PresenterApp", "program output"), output, self.args.output_screen, windowed,
                place=lambda index, fullscreen, geometry: output.place_on(
                    QGuiApplication.screens()[index], fullscreen=fullscreen, geometry=geometry),
                aspect=16 / 9, default_fullscreen=True,
            )  # fmt: skip
        self.placement.place_all()
        if self.preview is not None and len(screens) > 1:
            self.preview.show()  # with one screen it would cover the director: its button opens it
        self.director.moderator_fullscreen_toggled.connect(self.placement.remember)
        self.director.raise_()
        self.director.activateWindow()

    def _move_moderator(self, index: int) -> None:
        if self.placement is not None:
            self.placement.move("moderator", index)


class AppClipChecks:
    """The clip checks: every clip checked in the background, its problems in the director's list."""

    def _preflight(self) -> None:
        """The clip checks: every clip checked in the background, then watched (ClipChecks)."""
        if getattr(self, "clip_checks", None) is None:
            from presenter.ui.clip_checks import ClipChecks

            probe = None
            if self.playout is not None:
                from presenter.playout.probe import probe
            self.clip_checks = ClipChecks(self.controller.show, probe, start=False, parent=self)
            self.clip_checks.checked.connect(self._preflight_done)
            self.clip_checks.clip_changed.connect(self._clip_changed)
            self.clip_checks.clip_status_changed.connect(self._clip_status_changed)
            QTimer.singleShot(0, self.clip_checks.start)
        self.clip_checks.set_show(self.controller.show)  # nothing when it is the show it checks

    def _preflight_done(self, report: CheckReport) -> None:
        from presenter.clips.preflight import Status  # the clip checks start after the director's first paint

        if report.show.path != self.controller.show.path:
            return  # a check of the show before another one was opened
        self.controller.edits.media_info = {row.segment.id: row.media for row in report.rows if row.media is not None}
        durations = report.media_durations()
        if durations:
            self.director.send_intent(SetMediaDurations(durations))
        warnings = {row.segment.id: row.summary for row in report.rows if row.status is not Status.READY}
        self.director.model.set_clip_warnings(warnings)
        for row in report.rows:
            if row.status is not Status.READY:
                self.director.add_problem(
                    translate("PresenterApp", '{number}. "{title}": {value}: {summary}').format(
                        number=row.number, title=row.segment.title, value=row.status.label, summary=row.summary
                    )
                )
        for note in report.notes:
            self.director.add_problem(note)

    def _clip_changed(self, segment_id: str) -> None:
        """A clip changed on disk after its check: its running-order row says so (within 2 s)."""
        checks = self.clip_checks
        self.director.model.set_clip_warnings(checks.problems())
        info = checks.info(segment_id)
        if info is not None:
            self.controller.edits.media_info[segment_id] = info

    def _clip_status_changed(self, segment_id: str) -> None:
        """A clip broke or was fixed after its check: one line in the problems list."""
        row = self.clip_checks.row(segment_id)
        if row is not None:
            line = self.clip_checks.problem_line(segment_id)
            self.director.add_problem(
                line
                or translate("PresenterApp", '{number}. "{title}": clip changed on disk: ready').format(
                    number=row.number, title=row.segment.title
                )
            )

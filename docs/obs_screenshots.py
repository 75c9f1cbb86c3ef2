"""Make docs/obs-panel.png (the director's OBS panel, German), docs/obs-director.png (the whole German director
window with a segment on air, following a real OBS Studio: its panel shows the stream's health) and
docs/obs-lower-third.png (the lower third over a test picture, as OBS composites its browser source over the camera).

Run: ``.venv/bin/python docs/obs_screenshots.py`` (starts its own Xvfb when there is no DISPLAY; needs Debian's
chromium, chromium-driver and obs-studio: OBS runs with a temporary HOME, as in tests/obs).
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import threading
from datetime import datetime
from http import server as http_server
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "obs"))

from xvfb_display import start_xvfb, stop_xvfb  # noqa: E402

WEB = ROOT / "presenter" / "web"
SHOW = ROOT / "assets" / "smart-rlp.yaml"
DIRECTOR_SIZE = (1920, 1048)  # a 1920×1080 screen below a title bar
OBS_SCENES = "obs:\n  scenes: {live: Kamera, clip: Einspieler, end: Abspann}\n\n"


def panel_png(path: Path) -> None:
    from presenter.clock import FakeClock
    from presenter.controller import ShowController
    from presenter.i18n import Language
    from presenter.i18n.qt import install
    from presenter.obs.health import LinkState, ObsHealth, ObsProblem, OutputHealth, ProblemCode, problem_text
    from presenter.run import intents as do
    from presenter.show import load_show
    from presenter.ui.obs_wiring import ObsWiring

    install(Language.GERMAN)
    since = datetime(2021, 1, 19, 17, 29, 30)
    clock = FakeClock(datetime(2021, 1, 19, 17, 36))
    controller = ShowController(load_show(ROOT / "assets" / "smart-rlp.yaml"), clock=clock)
    for intent in (do.Go(), do.Go(), do.ShowLowerThird("Malu Dreyer", 8)):  # the discussion, her lower third
        clock.advance(1.0)
        controller.dispatch(intent)
    clock.advance(2.0)
    wiring = ObsWiring(controller, None)  # the panel as the app wires it: "Im Stream: Bauchbinde …, noch 0:06"
    panel = wiring.panel
    panel.setFixedWidth(380)
    panel.set_health(
        ObsHealth(
            enabled=True,
            address="ws://127.0.0.1:4455",
            state=LinkState.CONNECTED,
            program_scene="Kamera 2",
            wanted_scene="Kamera",
            manual=True,
            transition="Cut",
            stream=OutputHealth(
                active=True, since=since, timecode="00:31:12.480", skipped_frames=42, total_frames=56100
            ),
            record=OutputHealth(active=True, since=since, timecode="00:31:12.480"),
            problems=(
                ObsProblem(ProblemCode.MANUAL_SCENE, problem_text(ProblemCode.MANUAL_SCENE, scene="Kamera 2"), since),
                ObsProblem(ProblemCode.STREAM_RECONNECTING, problem_text(ProblemCode.STREAM_RECONNECTING), since),
            ),
        )
    )
    panel.show()
    wiring.on_change()
    panel.adjustSize()
    panel.grab().save(str(path))


def _wait(seconds: float, until=None) -> None:
    """Runs Qt's loop for `seconds`, or until `until()` holds (then returns at once)."""
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not (until is not None and until()):
        QApplication.processEvents()
        time.sleep(0.02)


def _obs_show(folder: Path) -> Path:
    """smart-rlp.yaml with OBS scenes (live: Kamera, clip: Einspieler), beside a link to its clips."""
    text = SHOW.read_text(encoding="utf-8").replace("\nsegments:\n", f"\n{OBS_SCENES}segments:\n", 1)
    (folder / "clips").symlink_to(SHOW.parent / "clips")
    path = folder / "smart-rlp-obs.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def director_png(path: Path) -> None:
    """The German director following a real OBS: the discussion on air, OBS on "Kamera", streaming (to an RTMP
    sink on 127.0.0.1), a lower third on the stream."""
    from obs_helpers import PASSWORD, ObsAdmin, ObsStudio, free_port
    from rtmp_sink import RtmpSink

    from presenter.cli import build_parser
    from presenter.clock import FakeClock
    from presenter.run import intents as do
    from presenter.show import load_show
    from presenter.ui.app import PresenterApp
    from presenter.ui.parts import build_parts

    with tempfile.TemporaryDirectory() as work, RtmpSink() as sink:
        folder = Path(work)
        studio = ObsStudio(folder / "obs-home", free_port(), PASSWORD)
        studio.start()
        admin = ObsAdmin(studio.url, PASSWORD)
        app = None
        try:
            admin.call("SetCurrentSceneTransition", {"transitionName": "Cut"})
            admin.ensure_scenes("Kamera", "Einspieler", "Abspann")
            # A small canvas: software OpenGL under Xvfb keeps up (else OBS reports frames it could not render)
            video = {"baseWidth": 640, "baseHeight": 360, "outputWidth": 640, "outputHeight": 360}
            admin.call("SetVideoSettings", video)
            service = {"server": sink.url, "key": "smartrlp"}
            admin.call(
                "SetStreamServiceSettings", {"streamServiceType": "rtmp_custom", "streamServiceSettings": service}
            )
            os.environ["PRESENTER_OBS_PASSWORD"] = PASSWORD
            os.environ.setdefault("PRESENTER_VLC_ARGS", "--aout=adummy")
            show = _obs_show(folder)
            argv = [str(show), "--lang", "de", "--new-run", "--state-dir", str(folder / "state"), "--obs", studio.url]
            args = build_parser().parse_args(argv)
            args.show_named = True
            clock = FakeClock(datetime(2021, 1, 19, 17, 29, 50))
            app = PresenterApp(args, load_show(show), build_parts(args, clock=clock))
            _wait(60, lambda: app.started and app.obs.health.connected)
            follower = app.obs.follower
            assert follower is not None and app.obs.health.connected, "OBS did not answer"
            follower._now = clock.now  # "on since" on the show's clock, like the rest of the window
            if app.questions_window is not None:
                app.questions_window.hide()
            for seconds in (12.0, 6 * 60.0):  # 17:30:02 the welcome, 17:36:02 the discussion
                clock.advance(seconds)
                app.controller.go()
            follower.start_stream().result(timeout=30)  # no recording: OBS 29 reports a wrong recording timecode
            for _ in range(6):  # the stream runs a few seconds, on both clocks
                clock.advance(1.0)
                _wait(1.0)
            clock.advance(20.0)
            app.controller.dispatch(do.ShowLowerThird("Malu Dreyer", 8))
            clock.advance(2.0)
            health = lambda: app.obs.health  # noqa: E731
            _wait(5, lambda: health().stream.active and health().program_scene == "Kamera")
            director = app.director
            director.resize(*DIRECTOR_SIZE)
            director.show()
            _wait(1.5)
            director.below_scroll.ensureWidgetVisible(app.obs.panel)
            _wait(0.5)
            director.grab().save(str(path))
            follower.stop_stream().result(timeout=30)
        finally:
            if app is not None:
                app.quit_without_asking()
                app.shutdown()
            admin.close()
            studio.stop()


def test_picture(width: int, height: int):
    """Colour bars (the classic test image) standing in for the camera."""
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(width, height, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    bars = ("#c0c0c0", "#c0c000", "#00c0c0", "#00c000", "#c000c0", "#c00000", "#0000c0")
    for n, colour in enumerate(bars):
        painter.fillRect(n * width // len(bars), 0, width // len(bars) + 1, height, QColor(colour))
    painter.end()
    return image


class _Pages(http_server.SimpleHTTPRequestHandler):
    """/lower-third and /static/… from presenter/web, as the app's server routes them."""

    def translate_path(self, path: str) -> str:
        name = path.split("?")[0].removeprefix("/static/").strip("/")
        return str(WEB / (name if "." in name else f"{name}.html"))

    def log_message(self, format: str, *args: object) -> None:
        pass


MALU = {"name": "Malu Dreyer", "role": "Ministerpräsidentin Rheinland-Pfalz"}


def lower_third_png(path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    server = http_server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Pages, directory=str(WEB)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1920,1080"):
        options.add_argument(flag)
    with tempfile.TemporaryDirectory() as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
        try:
            transparent = {"color": {"r": 0, "g": 0, "b": 0, "a": 0}}
            metrics = {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False}
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)  # the browser source's size
            driver.execute_cdp_cmd("Emulation.setDefaultBackgroundColorOverride", transparent)
            # Served as files here, so the page's /static/ links are rewritten to this folder.
            driver.get(f"http://127.0.0.1:{server.server_address[1]}/lower-third.html?offline")
            driver.execute_script(
                "for (const l of document.querySelectorAll('link')) l.href = l.href.replace('/static/', '/');"
                "presenterGraphics.render(arguments[0])",
                {
                    "language": "de",
                    "lower_third": {"name": "Malu Dreyer", "role": "Ministerpräsidentin Rheinland-Pfalz"},
                },
            )
            driver.execute_script("return new Promise(r => setTimeout(r, 600))")  # the fade-in (250 ms) is over
            page = QImage()
            page.loadFromData(driver.get_screenshot_as_png(), "PNG")
        finally:
            driver.quit()
            server.shutdown()
    picture = test_picture(page.width(), page.height())
    painter = QPainter(picture)
    painter.drawImage(0, 0, page)
    painter.end()
    picture.scaled(960, 540, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation).save(
        str(path)
    )


def main() -> int:
    xvfb = start_xvfb() if not os.environ.get("DISPLAY") else None
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        panel_png(ROOT / "docs" / "obs-panel.png")
        director_png(ROOT / "docs" / "obs-director.png")
        lower_third_png(ROOT / "docs" / "obs-lower-third.png")
        app.processEvents()
    finally:
        stop_xvfb(xvfb)
    return 0


if __name__ == "__main__":
    sys.exit(main())

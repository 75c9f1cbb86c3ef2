"""The graphics for an OBS browser source in a real headless Chromium: transparent, German, on and off."""

from __future__ import annotations

import functools
import shutil
import threading
from http import server as http_server
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

WEB = Path(__file__).resolve().parents[2] / "presenter" / "web"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()) or shutil.which("chromedriver") is None,
    reason="Debian's chromium and chromium-driver are not installed",
)

MALU = {"name": "Malu Dreyer", "role": "Ministerpräsidentin Rheinland-Pfalz"}


class _Pages(http_server.SimpleHTTPRequestHandler):
    """The pages as the server will route them: /lower-third, /preshow, /static/… from presenter/web."""

    def translate_path(self, path: str) -> str:
        name = path.split("?")[0].removeprefix("/static/").strip("/")
        return str(WEB / (name if "." in name else f"{name}.html"))

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def pages():
    server = http_server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Pages, directory=str(WEB)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    options.add_argument("--window-size=1920,1080")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    # OBS's browser source composites the page over the scene: no default white behind it.
    driver.execute_cdp_cmd("Emulation.setDefaultBackgroundColorOverride", {"color": {"r": 0, "g": 0, "b": 0, "a": 0}})
    yield driver
    driver.quit()


def _render(driver, part: dict | None) -> None:
    driver.execute_script("presenterGraphics.render(arguments[0])", part)


def _opacity(driver, element_id: str) -> str:
    return driver.execute_script(f"return getComputedStyle(document.getElementById({element_id!r})).opacity")


def _screenshot(driver) -> QImage:
    image = QImage()
    assert image.loadFromData(driver.get_screenshot_as_png(), "PNG")
    return image


def _alpha_at_centre(driver, image: QImage, element_id: str) -> int:
    rect = driver.execute_script(
        f"const r = document.getElementById({element_id!r}).getBoundingClientRect();"
        "return [r.left + r.width / 2, r.top + r.height / 2, window.devicePixelRatio]"
    )
    x, y, ratio = rect
    return image.pixelColor(int(x * ratio), int(y * ratio)).alpha()


def test_lower_third_is_transparent_around_german_and_goes_on_and_off(qtbot, pages, browser):
    browser.get(f"{pages}/lower-third?offline")
    _render(browser, {"language": "de", "lower_third": MALU})
    qtbot.waitUntil(lambda: _opacity(browser, "lower-third") == "1", timeout=5000)
    assert browser.execute_script("return document.querySelector('#lower-third .name').textContent") == "Malu Dreyer"
    role = browser.execute_script("return document.querySelector('#lower-third .role').textContent")
    assert role == "Ministerpräsidentin Rheinland-Pfalz"
    image = _screenshot(browser)
    assert image.hasAlphaChannel()
    assert image.pixelColor(10, 10).alpha() == 0  # the camera shows through
    assert image.pixelColor(image.width() - 10, 10).alpha() == 0
    assert _alpha_at_centre(browser, image, "lower-third") > 200
    box = browser.execute_script("const r = document.getElementById('lower-third').getBoundingClientRect();"
                                 "return [r.left, r.bottom, innerWidth, innerHeight]")  # fmt: skip
    left, bottom, width, height = box
    assert left >= 0.05 * width and bottom <= 0.95 * height  # inside the title-safe area

    _render(browser, {"language": "de", "lower_third": None})  # the director takes it off
    qtbot.waitUntil(lambda: _opacity(browser, "lower-third") == "0", timeout=5000)
    assert _alpha_at_centre(browser, _screenshot(browser), "lower-third") == 0

    browser.execute_script("document.body.style.background = 'white'")  # the check can tell: an opaque page
    assert _screenshot(browser).pixelColor(10, 10).alpha() == 255


def test_preshow_countdown_in_german_with_the_show_colours(qtbot, pages, browser):
    browser.get(f"{pages}/preshow?offline")
    starts_at_ms = browser.execute_script("return Date.now()") + 125_000
    part = {
        "language": "de",
        "style": {"accent": "rgb(0, 114, 178)"},
        "preshow": {"title": "Smart RLP", "hashtag": "#smartRLP", "start": "17:30", "starts_at_ms": starts_at_ms},
    }
    _render(browser, part)
    qtbot.waitUntil(lambda: _opacity(browser, "preshow") == "1", timeout=5000)

    def text(selector: str) -> str:
        return browser.execute_script(f"return document.querySelector('#preshow {selector}').textContent")

    assert text(".soon") == "Gleich geht's los — 17:30"
    assert text(".title") == "Smart RLP"
    assert text(".hashtag") == "#smartRLP"
    assert text(".left") in ("2:05", "2:04", "2:03")
    colour = browser.execute_script("return getComputedStyle(document.querySelector('#preshow .hashtag')).color")
    assert colour == "rgb(0, 114, 178)"
    image = _screenshot(browser)
    assert image.pixelColor(5, 5).alpha() == 0
    part["language"] = "en"
    _render(browser, part)
    assert text(".soon") == "Starting soon — 17:30"


def test_the_audience_question_on_the_stream(qtbot, pages, browser):
    browser.get(f"{pages}/stream-question?offline")
    question = {"text": "Wann kommt das Glasfaser nach Otterbach?", "asker": "Anna", "source": "YouTube"}
    _render(browser, {"language": "de", "question": question})
    qtbot.waitUntil(lambda: _opacity(browser, "question") == "1", timeout=5000)

    def text(selector: str) -> str:
        return browser.execute_script(f"return document.querySelector('#question {selector}').textContent")

    assert text(".from") == "Frage von Anna (YouTube)"
    assert text(".text") == question["text"]
    image = _screenshot(browser)
    assert image.pixelColor(10, 10).alpha() == 0
    assert _alpha_at_centre(browser, image, "question") > 200
    _render(browser, {"language": "de", "question": {"text": "Und die Schulen?", "asker": "", "source": ""}})
    assert text(".from") == "Frage aus dem Publikum"
    _render(browser, {"language": "de", "question": None})  # taken off the moderator's screen
    qtbot.waitUntil(lambda: _opacity(browser, "question") == "0", timeout=5000)

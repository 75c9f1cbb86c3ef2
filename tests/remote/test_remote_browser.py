"""The browser views in a real headless Chromium (Debian's chromium + chromedriver through Selenium)."""

from __future__ import annotations

import shutil
import threading
import time
from http import server as http_server
from pathlib import Path

import pytest
from remote_helpers import PIN

from presenter.run.engine import Mode
from presenter.timefmt import format_countdown, format_duration

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()) or shutil.which("chromedriver") is None,
    reason="Debian's chromium and chromium-driver are not installed",
)


def chromium(tmp_path: Path, width: int = 390, height: int = 844):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    options.add_argument(f"--window-size={width},{height}")
    return webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))


@pytest.fixture
def browser(tmp_path):
    driver = chromium(tmp_path)
    yield driver
    driver.quit()


def _text(driver, element_id: str) -> str:
    return driver.execute_script(f"return document.getElementById({element_id!r}).textContent")


def _visible(driver, element_id: str) -> bool:
    return driver.execute_script(f"return !document.getElementById({element_id!r}).hidden")


def _open(qtbot, browser, url: str) -> None:
    browser.get(url)
    qtbot.waitUntil(lambda: _text(browser, "timer") not in ("–:––", ""), timeout=5000)


def test_moderator_view_follows_a_go_within_a_second(qtbot, http, browser, controller):
    _open(qtbot, browser, f"{http}/moderator")
    assert _text(browser, "title") == controller.show.title
    assert _text(browser, "caption") in ("on air in", "start overdue by")
    controller.go()
    title = controller.snapshot().current.segment.title
    qtbot.waitUntil(  # within 1 s is the goal (benchmarks/remote.py); here a hang guard
        lambda: _text(browser, "title") == title and _text(browser, "caption") == "remaining", timeout=10_000
    )
    assert _text(browser, "timer") in ("5:00", "4:59")
    assert _text(browser, "next").startswith("Next: ")


def test_moderator_view_shows_the_message(qtbot, http, browser, controller):
    _open(qtbot, browser, f"{http}/moderator")
    assert not _visible(browser, "message")
    controller.send_message("Bitte zum Schluss kommen", blink=True)
    qtbot.waitUntil(lambda: _visible(browser, "message"), timeout=1000)
    assert _text(browser, "message") == "Bitte zum Schluss kommen"
    controller.clear_message()
    qtbot.waitUntil(lambda: not _visible(browser, "message"), timeout=1000)


def test_countdown_rounds_exactly_as_the_desktop_does(qtbot, http, browser):
    _open(qtbot, browser, f"{http}/countdown")
    values = [
        300, 299.9999, 299.5, 299.0000001, 61, 60.5, 60, 59.999, 1.2, 1, 0.999, 0.5, 1e-10, 0, -1e-10, -0.2, -0.5,
        -0.999, -1, -1.0001, -59.5, -60, -61.5, 3599.5, 3600, 3600.2, 7325.7, -3600.5,
    ]  # fmt: skip
    shown = browser.execute_script("return arguments[0].map(formatCountdown)", values)
    assert shown == [format_countdown(value) for value in values]
    durations = [0, 0.49, 0.5, 1.5, 2.5, 59.5, 3599.5, -0.5, -2.5]
    shown = browser.execute_script("return arguments[0].map(formatDuration)", durations)
    assert shown == [format_duration(value) for value in durations]


_WATCH_TIMER = """
window.timerChanges = [];
new MutationObserver(() => {
  window.timerChanges.push([document.getElementById("timer").textContent, Date.now() / 1000]);
}).observe(document.getElementById("timer"), {childList: true, characterData: true, subtree: true});
"""


def test_countdown_shows_what_the_desktop_shows(qtbot, http, browser, controller):
    """Each displayed second changes in the page when the desktop's countdown changes it (issue 14: p95 ≤ 50 ms,
    max ≤ 100 ms), measured on the wall clock both share, so a wrong clock sync shows up as well as a late frame."""
    controller.go()
    _open(qtbot, browser, f"{http}/countdown")
    qtbot.wait(800)  # the clock sync's samples
    end_wall = time.time() + controller.snapshot().remaining_s
    browser.execute_script(_WATCH_TIMER)
    qtbot.wait(4300)
    changes = browser.execute_script("return window.timerChanges")
    differences = []
    for text, at in changes:
        minutes, seconds = text.split(":")
        shown = int(minutes) * 60 + int(seconds)
        differences.append(at - (end_wall - shown))
    assert len(differences) >= 4, changes
    assert max(abs(d) for d in differences) <= 0.100, differences
    assert sorted(abs(d) for d in differences)[len(differences) // 2] <= 0.050, differences


def test_connection_lost_is_shown_within_3_s_and_the_timer_keeps_counting(qtbot, remote, http, browser, controller):
    controller.go()
    _open(qtbot, browser, f"{http}/moderator")
    port = remote.http_address[1]
    remote.stop_http(remember=False)
    qtbot.waitUntil(lambda: _visible(browser, "lost"), timeout=10_000)  # 3 s is the goal; here a hang guard
    assert "connection lost" in _text(browser, "lost")
    shown = _text(browser, "timer")
    qtbot.waitUntil(lambda: _text(browser, "timer") != shown, timeout=2000)  # still counting
    assert remote.start_http("127.0.0.1", port, remember=False)
    qtbot.waitUntil(lambda: not _visible(browser, "lost"), timeout=5000)  # reconnected by itself


def test_a_view_cannot_command(qtbot, http, browser, controller, journal):
    _open(qtbot, browser, f"{http}/moderator")
    browser.execute_script("window.answer = null; presenterRemote.command('go').then(a => { window.answer = a; });")
    qtbot.waitUntil(lambda: browser.execute_script("return window.answer") is not None, timeout=3000)
    answer = browser.execute_script("return window.answer")
    assert answer["ok"] is False and answer["status"] == 403
    assert controller.snapshot().mode is Mode.STANDBY
    assert any(record["op"] == "refused" for record in journal)


def test_with_the_pin_a_page_commands(qtbot, http, browser, controller):
    _open(qtbot, browser, f"{http}/moderator?pin={PIN}")
    browser.execute_script("window.answer = null; presenterRemote.command('go').then(a => { window.answer = a; });")
    qtbot.waitUntil(lambda: browser.execute_script("return window.answer") is not None, timeout=3000)
    assert browser.execute_script("return window.answer")["ok"] is True
    assert controller.snapshot().mode is Mode.ON_AIR


def test_a_page_from_another_site_cannot_connect(qtbot, http, browser, tmp_path, controller):
    """A page on another port (another origin) knows the PIN but its browser sends its Origin: refused."""
    (tmp_path / "evil.html").write_text(
        "<script>window.result = 'pending';"
        f"const ws = new WebSocket('{http.replace('http:', 'ws:')}/ws?pin={PIN}');"
        "ws.onopen = () => { ws.send(JSON.stringify({id: 1, cmd: 'go', args: {}})); window.result = 'open'; };"
        "ws.onerror = () => { window.result = 'refused'; };</script>"
    )
    handler = lambda *a: http_server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path))  # noqa: E731
    other = http_server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        browser.get(f"http://127.0.0.1:{other.server_address[1]}/evil.html")
        qtbot.waitUntil(lambda: browser.execute_script("return window.result") != "pending", timeout=5000)
        assert browser.execute_script("return window.result") == "refused"
        qtbot.wait(300)  # an observation window: the refused request does nothing
        assert controller.snapshot().mode is Mode.STANDBY
    finally:
        other.shutdown()
        other.server_close()


def test_countdown_with_a_delay_follows_the_show_later(qtbot, http, browser, controller):
    _open(qtbot, browser, f"{http}/countdown?delay=2")  # shows the oldest state it has while it gathers 2 s
    assert _text(browser, "caption") in ("on air in", "start overdue by")
    controller.go()
    gone_on_air = time.monotonic()
    qtbot.wait(1200)  # an observation window: the delayed stream is still behind
    assert _text(browser, "caption") in ("on air in", "start overdue by")  # the stream is still behind
    qtbot.waitUntil(lambda: _text(browser, "caption") == "remaining", timeout=10_000)
    assert time.monotonic() - gone_on_air > 1.8  # never before the delay


def _points(driver) -> dict:
    return driver.execute_script(
        """const list = document.getElementById('points'), style = getComputedStyle(list);
        const last = list.lastElementChild, box = list.getBoundingClientRect();
        return {count: list.children.length, fits: list.scrollHeight <= list.clientHeight + 1,
                mask: style.webkitMaskImage || style.maskImage,
                last_inside: !!last && last.getBoundingClientRect().bottom <= box.bottom + 1};"""
    )


def test_the_moderator_page_fades_the_points_only_when_the_room_cuts_them(qtbot, http, controller, tmp_path):
    """Issue 22: at 1280×720 the /moderator page faded out the last talking point though there was room (a mask
    over the list's own foot). Now the foot fades only while the list is cut; the discussion has six points."""
    driver = chromium(tmp_path, 1280, 720)
    try:
        _open(qtbot, driver, f"{http}/moderator")
        controller.jump(1)
        controller.go()
        title = controller.snapshot().current.segment.title
        qtbot.waitUntil(lambda: _text(driver, "title") == title, timeout=10_000)
        qtbot.waitUntil(lambda: _points(driver)["count"] == 6, timeout=5000)
        points = _points(driver)
        assert points["fits"] and points["last_inside"] and points["mask"] == "none", points
        driver.set_window_size(900, 420)  # a small landscape screen: the list is cut, and its foot fades
        qtbot.waitUntil(lambda: not _points(driver)["fits"], timeout=5000)
        qtbot.waitUntil(lambda: _points(driver)["mask"] != "none", timeout=5000)
        driver.set_window_size(1280, 720)  # room again: the fade goes
        qtbot.waitUntil(lambda: _points(driver)["mask"] == "none", timeout=5000)
        assert _points(driver)["fits"]
    finally:
        driver.quit()

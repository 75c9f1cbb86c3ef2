"""The browser views speak the app's language: the pages' fixed texts and the captions the views compute."""

from __future__ import annotations

from presenter.remote.server import WEB_DIR
from presenter.remote.words import localise_page, words


def test_english_pages_are_served_as_they_are():
    page = (WEB_DIR / "moderator.html").read_bytes()
    assert localise_page(page) == page
    assert words()["remaining"] == "remaining"


def test_a_german_app_serves_german_views(german):
    page = localise_page((WEB_DIR / "moderator.html").read_bytes()).decode("utf-8")
    assert '<html lang="de">' in page
    assert "Verbindung verloren – verbinde neu (der Timer zählt weiter)" in page
    assert "connection lost" not in page
    assert 'src="/static/remote.js"' in page or "remote.js" in page  # the code is untouched
    assert words()["start overdue by"] == "Beginn überfällig seit"
    index = localise_page((WEB_DIR / "index.html").read_bytes()).decode("utf-8")
    assert "nur der Timer" in index and 'href="/moderator"' in index

"""The browser views' own words, in the app's language: the pages' fixed texts are put in as they
are served, the captions the views compute themselves come with the colours (`words`)."""

from __future__ import annotations

import html

from presenter.i18n import QT_TRANSLATE_NOOP, current_language, translate

PAGE_TEXTS = (
    QT_TRANSLATE_NOOP("WebView", "connection lost – reconnecting (the timer keeps counting)"),
    QT_TRANSLATE_NOOP("WebView", "connection lost – reconnecting"),
    QT_TRANSLATE_NOOP("WebView", "connecting…"),
    QT_TRANSLATE_NOOP("WebView", "Presenter – countdown"),
    QT_TRANSLATE_NOOP("WebView", "Presenter – views"),
    QT_TRANSLATE_NOOP("WebView", "Presenter – moderator"),
    QT_TRANSLATE_NOOP("WebView", "Presenter – questions"),
    QT_TRANSLATE_NOOP("WebView", "timer, talking points, next, messages"),
    QT_TRANSLATE_NOOP("WebView", "the timer only"),
    QT_TRANSLATE_NOOP("WebView", "for a delayed stream"),
    QT_TRANSLATE_NOOP("WebView", "Moderator"),
    QT_TRANSLATE_NOOP("WebView", "Countdown"),
    QT_TRANSLATE_NOOP("WebView", "Questions"),
    QT_TRANSLATE_NOOP("WebView", "This page needs the control PIN: open it as"),
    QT_TRANSLATE_NOOP("WebView", "Add"),
    QT_TRANSLATE_NOOP("WebView", "A viewer's question"),
)
CAPTIONS = (
    QT_TRANSLATE_NOOP("WebView", "start overdue by"),
    QT_TRANSLATE_NOOP("WebView", "on air in"),
    QT_TRANSLATE_NOOP("WebView", "over by"),
    QT_TRANSLATE_NOOP("WebView", "remaining"),
    QT_TRANSLATE_NOOP("WebView", "connection lost"),
    QT_TRANSLATE_NOOP("WebView", "until"),  # the segment must end by: "until 18:52"
    QT_TRANSLATE_NOOP("WebView", "added"),  # the /questions page (issue 22: English left in German)
    QT_TRANSLATE_NOOP("WebView", "Approve"),
)


def words() -> dict[str, str]:
    """English caption → the caption in the app's language, for the views' own countdown, and each
    question state (its value, as the /questions page gets it) in the desktop's words."""
    from presenter.questions.model import QuestionState, state_word

    states = {state.value: state_word(state) for state in QuestionState}
    return {**states, **{text: translate("WebView", text) for text in CAPTIONS}}


def localise_page(page: bytes) -> bytes:
    """An HTML page with its fixed texts in the app's language (the pages hold markup and text only:
    their code is in remote.js and questions.js, which are served as they are)."""
    text = page.decode("utf-8")
    for english in sorted(PAGE_TEXTS, key=len, reverse=True):
        local = translate("WebView", english)
        if local != english:
            text = text.replace(english, html.escape(local, quote=False))
    return text.replace('<html lang="en">', f'<html lang="{current_language().value}">').encode("utf-8")

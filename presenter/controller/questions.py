"""The question intents (the producer's and the moderator's): each a typed intent through the one
dispatcher, like GO; the same journal, one `changed` after each.

They never raise for a producer's mistake: they return its message (None when done), for the window or
the director. Qt-free; may import presenter.run and presenter.questions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from presenter.run import intents as do
from presenter.run.intents import Intent

Send = Callable[[Intent], "str | None"]  # the controller's: dispatch, None when done, else the refusal's text


class QuestionIntents:
    """The question queue's intents, as ShowController.question_intents."""

    def __init__(self, send: Send) -> None:
        self._send = send

    def add(self, /, text: str, asker: str = "", source: str = "other", **more: Any) -> str | None:
        return self._send(do.QuestionAdd(text, asker, source, more))

    def paste(self, pasted: str, default_source: str = "other") -> str | None:
        """Text copied from a chat: "Name (Facebook): text" fills the asker and the source."""
        from presenter.questions.chat import parse_chat  # its patterns compile when first pasted, not at start-up

        found = parse_chat(pasted)
        return self.add(found.text, found.asker, found.source or default_source)

    def import_entries(self, entries: list[dict[str, Any]]) -> str | None:
        return self._send(do.QuestionImport(tuple(entries)))

    def approve(self, question_id: str) -> str | None:
        return self._send(do.QuestionApprove(question_id))

    def drop(self, question_id: str) -> str | None:
        return self._send(do.QuestionDrop(question_id))

    def undo_drop(self, question_id: str | None = None) -> str | None:
        return self._send(do.QuestionUndoDrop(question_id))

    def move(self, question_id: str, to: int) -> str | None:
        return self._send(do.QuestionMove(question_id, to))

    def edit(self, /, question_id: str, **changes: Any) -> str | None:
        return self._send(do.QuestionEdit(question_id, changes))

    def show(self, question_id: str | None = None) -> str | None:
        """Q: the top approved question on the moderator's screen (or this one, pulling back the one there)."""
        return self._send(do.QuestionShow(question_id))

    def answered_next(self) -> str | None:
        """N: the question on screen answered, the next approved one on screen."""
        return self._send(do.QuestionAnsweredNext())

    def take_off(self) -> str | None:
        """Shift+Q: the question on screen back to approved."""
        return self._send(do.QuestionTakeOff())

    def forget_all(self) -> str | None:
        """Data protection: this run's questions gone (the app redacts the journal file, see delete_run_questions)."""
        return self._send(do.QuestionForgetAll())

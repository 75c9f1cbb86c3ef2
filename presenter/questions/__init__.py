"""The audience questions (package): the queue, its model, chat parsing and its CSV. Owns the questions;
may import presenter.show and the foundation; Qt-free.

This module:

Audience questions: the producer's queue from the chat to the moderator's screen.

Plain Python, no Qt. A question goes new → approved → on screen → answered, or is dropped (and a
drop can be undone); a question on screen can be pulled back to approved. One question is on screen
at a time, and the order is the producer's. Every change is a journal record (op `question_*`),
written before it takes effect, and `replay` rebuilds the queue from those records after a crash.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from presenter.clock import Clock, SystemClock
from presenter.i18n import translate
from presenter.questions.model import (
    EDITABLE,
    MAX_NAME,
    MAX_NOTE,
    MAX_QUESTIONS,
    MAX_SCREEN_TEXT,
    MAX_TEXT,
    SOURCE_ALIASES,
    SOURCE_LABELS,
    STATE_WORDS,
    Question,
    QuestionError,
    QuestionState,
    Source,
    checked_fields,
    parse_source,
    source_label,
    state_word,
)

__all__ = [
    "EDITABLE",
    "MAX_NAME",
    "MAX_NOTE",
    "MAX_QUESTIONS",
    "MAX_SCREEN_TEXT",
    "MAX_TEXT",
    "NEXT_GUARD_S",
    "RECORD_BUDGET",
    "SOURCE_ALIASES",
    "SOURCE_LABELS",
    "STATE_WORDS",
    "Question",
    "QuestionError",
    "QuestionQueue",
    "QuestionState",
    "Source",
    "checked_fields",
    "delete_questions_from_journal",
    "parse_source",
    "questions_status",
    "replayed_queue",
    "source_label",
    "state_word",
]

NEXT_GUARD_S = 0.5  # a second N within this time is a double press: it would answer an unread question
RECORD_BUDGET = 48 * 1024  # bytes of questions per import record (the journal drops lines over 64 KiB)

# ---------------------------------------------------------------------- the queue


class QuestionQueue:
    """The questions of one run, in the producer's order; the one owner of question state.

    `log(op, **fields)` is the journal (the controller passes the engine's, so questions share the
    show's journal and its flush); it is called before a change takes effect.
    """

    def __init__(self, clock: Clock | None = None, log: Callable[..., None] | None = None):
        self.clock: Clock = clock or SystemClock()
        self.log = log
        self.questions: list[Question] = []
        self._by_id: dict[str, Question] = {}
        self._next_number = 1
        self._drops: list[str] = []  # ids, the latest drop last (what Ctrl+Z undoes)
        self._last_next: float | None = None
        self.revision = 0  # changes with every change: views redraw only when it moved

    # ------------------------------------------------------------------ reading

    def get(self, question_id: object) -> Question:
        """The question with this id (from the window, a remote or a journal record: anything, checked)."""
        question = self._by_id.get(question_id) if isinstance(question_id, str) else None
        if question is None:
            problem = translate("Questions", "there is no question {question_id!r} (any more)")
            raise QuestionError(problem.format(question_id=str(question_id)[:40]))
        return question

    @property
    def on_screen(self) -> Question | None:
        return next((q for q in self.questions if q.state is QuestionState.ON_SCREEN), None)

    def approved(self) -> list[Question]:
        """The questions waiting for the moderator, in the producer's order."""
        return [q for q in self.questions if q.state is QuestionState.APPROVED]

    def counts(self) -> dict[QuestionState, int]:
        counts = dict.fromkeys(QuestionState, 0)
        for question in self.questions:
            counts[question.state] += 1
        return counts

    def can_undo_drop(self) -> bool:
        return any(self._by_id[i].state is QuestionState.DROPPED for i in self._drops if i in self._by_id)

    # ------------------------------------------------------------------ operations

    def add(self, text: str, asker: str = "", source: Source | str = Source.OTHER, **more: Any) -> Question:
        values = checked_fields({"text": text, "asker": asker, "source": source, **more})
        question = Question(id=self._new_id(), text=values.pop("text"), received=self.clock.now(), **values)
        self._do("question_add", self._apply_add, question=question.fields_record())
        return self._by_id[question.id]

    def add_many(self, entries: Iterable[dict[str, Any]]) -> list[Question]:
        """Many questions (an import) in few journal records, each under the journal's line limit."""
        batch: list[dict[str, Any]] = []
        size = 0
        added: list[Question] = []
        now = self.clock.now()
        for entry in entries:
            values = checked_fields({k: v for k, v in entry.items() if k != "received"})
            question = Question(id="q0", text=values.pop("text"), received=entry.get("received") or now, **values)
            record = question.fields_record()
            length = len(json.dumps(record, ensure_ascii=False).encode()) + 1
            if batch and size + length > RECORD_BUDGET:
                added += self._do("question_import", self._apply_import, questions=batch)
                batch, size = [], 0
            record["id"] = self._new_id(len(batch))
            batch.append(record)
            size += length
        if batch:
            added += self._do("question_import", self._apply_import, questions=batch)
        return added

    def approve(self, question_id: str) -> None:
        question = self.get(question_id)
        if question.state is not QuestionState.NEW:
            problem = translate("Questions", "only a new question can be approved; this one is {value}")
            raise QuestionError(problem.format(value=state_word(question.state)))
        self._do("question_approve", self._apply_approve, id=question_id)

    def drop(self, question_id: str) -> None:
        question = self.get(question_id)
        if question.state in (QuestionState.DROPPED, QuestionState.ANSWERED):
            problem = translate("Questions", "this question is already {value}")
            raise QuestionError(problem.format(value=state_word(question.state)))
        self._do("question_drop", self._apply_drop, id=question_id)

    def undo_drop(self, question_id: str | None = None) -> Question:
        """The latest drop (or that of `question_id`) undone; a question dropped on screen comes back approved."""
        if question_id is None:
            dropped = [i for i in self._drops if i in self._by_id and self._by_id[i].state is QuestionState.DROPPED]
            if not dropped:
                raise QuestionError(translate("Questions", "no dropped question to bring back"))
            question_id = dropped[-1]
        if self.get(question_id).state is not QuestionState.DROPPED:
            raise QuestionError(translate("Questions", "this question is not dropped"))
        self._do("question_undo_drop", self._apply_undo_drop, id=question_id)
        return self._by_id[question_id]

    def move(self, question_id: str, to: int) -> None:
        self.get(question_id)
        if not 0 <= to < len(self.questions):
            raise QuestionError(translate("Questions", "the question cannot move further"))
        self._do("question_move", self._apply_move, id=question_id, to=to)

    def edit(self, question_id: str, **changes: Any) -> None:
        self.get(question_id)
        values = checked_fields(changes)
        record = {k: (v.value if isinstance(v, Source) else v) for k, v in values.items()}
        self._do("question_edit", self._apply_edit, id=question_id, fields=record)

    def show(self, question_id: str | None = None) -> Question:
        """Put a question on screen: the top approved one, or `question_id` (which pulls back the one on screen).

        Without an id, nothing replaces a question already on screen: one keystroke never puts the
        wrong question in front of the moderator.
        """
        if question_id is None:
            if self.on_screen is not None:
                raise QuestionError(
                    translate(
                        "Questions", "a question is already on screen: N for the next one, Shift+Q to take it off"
                    )
                )
            waiting = self.approved()
            if not waiting:
                raise QuestionError(translate("Questions", "no approved question is waiting"))
            question_id = waiting[0].id
        question = self.get(question_id)
        if question.state is QuestionState.ON_SCREEN:
            return question
        if question.state is not QuestionState.APPROVED:
            problem = translate("Questions", "only an approved question can go on screen; this one is {value}")
            raise QuestionError(problem.format(value=state_word(question.state)))
        self._do("question_show", self._apply_show, id=question_id)
        return question

    def answered_next(self) -> Question | None:
        """The question on screen answered, the next approved one on screen (None when none is waiting)."""
        mono = self.clock.monotonic()
        if self._last_next is not None and 0 <= mono - self._last_next < NEXT_GUARD_S:
            raise QuestionError(translate("Questions", "N pressed twice: the second press is ignored"))
        current = self.on_screen
        waiting = self.approved()
        if current is None and not waiting:
            raise QuestionError(translate("Questions", "no question on screen and none approved"))
        self._last_next = mono
        if current is not None:
            self._do("question_answered", self._apply_answered, id=current.id)
        if waiting:
            return self.show(waiting[0].id)
        return None

    def take_off(self) -> Question:
        """The question on screen goes back to approved (pulled back), in its place in the order."""
        current = self.on_screen
        if current is None:
            raise QuestionError(translate("Questions", "no question is on screen"))
        self._do("question_take_off", self._apply_take_off, id=current.id)
        return current

    def forget_all(self) -> None:
        """Every question of this run gone from memory (data protection: the journal is redacted alongside)."""
        self._do("question_forget", self._apply_forget)

    # ------------------------------------------------------------------ replay

    def replay(self, records: Iterable[dict[str, Any]]) -> list[str]:
        """Rebuild from journal records (other ops are passed over); a warning for each damaged one."""
        from presenter.records import BadRecord, record_wall

        log, self.log = self.log, None
        warnings = []
        try:
            for record in records:
                op = record.get("op") if isinstance(record, dict) else None
                if not isinstance(op, str) or not op.startswith("question"):
                    continue
                try:
                    self._replay_one(op, record, record_wall(record))
                except (QuestionError, BadRecord, KeyError, TypeError, ValueError) as exc:
                    line = record.get("_line")
                    if isinstance(line, int):
                        warning = translate("Questions", "journal line {line} ({op}) is ignored: {why}")
                    else:
                        warning = translate("Questions", "a journal entry ({op}) is ignored: {why}")
                    warnings.append(warning.format(line=line, op=op[:40], why=exc))
        finally:
            self.log = log
        return warnings

    def _replay_one(self, op: str, record: dict[str, Any], at: datetime) -> None:
        appliers = {
            "question_approve": self._apply_approve,
            "question_drop": self._apply_drop,
            "question_undo_drop": self._apply_undo_drop,
            "question_show": self._apply_show,
            "question_answered": self._apply_answered,
            "question_take_off": self._apply_take_off,
        }
        if op == "question_add":
            self._apply_add(at, question=record["question"])
        elif op == "question_import":
            if not isinstance(record.get("questions"), list):
                raise QuestionError(translate("Questions", "questions is not a list"))
            self._apply_import(at, questions=record["questions"])
        elif op in appliers:
            appliers[op](at, id=self.get(record.get("id")).id)
        elif op == "question_move":
            to = record.get("to")
            if isinstance(to, bool) or not isinstance(to, int):
                raise QuestionError(translate("Questions", "to is not a position"))
            self._apply_move(at, id=self.get(record.get("id")).id, to=to)
        elif op == "question_edit":
            if not isinstance(record.get("fields"), dict):
                raise QuestionError(translate("Questions", "fields is not a table"))
            self._apply_edit(at, id=self.get(record.get("id")).id, fields=record["fields"])
        elif op == "question_forget":
            self._apply_forget(at)
        else:
            raise QuestionError(translate("Questions", "unknown entry {op!r}").format(op=op[:40]))

    # ------------------------------------------------------------------ changes (live and replayed)

    def _do(self, op: str, apply: Callable[..., Any], **args: Any) -> Any:
        if self.log is not None:
            self.log(op, **args)
        return apply(self.clock.now(), **args)

    def _new_id(self, offset: int = 0) -> str:
        return f"q{self._next_number + offset}"

    def _question_from(self, record: dict[str, Any]) -> Question:
        if not isinstance(record, dict):
            raise QuestionError(translate("Questions", "a question is not a table"))
        question_id = record.get("id")
        if not isinstance(question_id, str) or not re.fullmatch(r"q\d{1,9}", question_id):
            raise QuestionError(translate("Questions", "a question has no valid id"))
        if question_id in self._by_id:
            raise QuestionError(
                translate("Questions", "question {question_id} exists already").format(question_id=question_id)
            )
        values = checked_fields({k: record.get(k, "other" if k == "source" else "") for k in EDITABLE})
        received = record.get("received")
        if not isinstance(received, str) or len(received) > 40:
            raise QuestionError(translate("Questions", "received is not a time"))
        return Question(id=question_id, text=values.pop("text"), received=datetime.fromisoformat(received), **values)

    def _insert(self, question: Question) -> None:
        if len(self.questions) >= MAX_QUESTIONS:
            problem = translate("Questions", "the queue holds at most {MAX_QUESTIONS} questions")
            raise QuestionError(problem.format(MAX_QUESTIONS=MAX_QUESTIONS))
        self.questions.append(question)
        self._by_id[question.id] = question
        self._next_number = max(self._next_number, int(question.id[1:]) + 1)

    def _changed(self) -> None:
        self.revision += 1

    def _apply_add(self, at: datetime, *, question: dict[str, Any]) -> Question:
        added = self._question_from(question)
        self._insert(added)
        self._changed()
        return added

    def _apply_import(self, at: datetime, *, questions: list[dict[str, Any]]) -> list[Question]:
        added = [self._question_from(record) for record in questions]
        if len({q.id for q in added}) != len(added):
            raise QuestionError(translate("Questions", "an import holds one id twice"))
        for question in added:
            self._insert(question)
        self._changed()
        return added

    def _set_state(self, question: Question, state: QuestionState) -> None:
        question.state = state
        self._changed()

    def _apply_approve(self, at: datetime, *, id: str) -> None:
        self._set_state(self.get(id), QuestionState.APPROVED)

    def _apply_drop(self, at: datetime, *, id: str) -> None:
        question = self.get(id)
        question.dropped_from = QuestionState.APPROVED if question.state is QuestionState.ON_SCREEN else question.state
        question.dropped_at = at
        self._drops = [*[i for i in self._drops if i != id], id][-1000:]
        self._set_state(question, QuestionState.DROPPED)

    def _apply_undo_drop(self, at: datetime, *, id: str) -> None:
        question = self.get(id)
        question.dropped_at = None
        self._drops = [i for i in self._drops if i != id]
        self._set_state(question, question.dropped_from or QuestionState.NEW)

    def _apply_show(self, at: datetime, *, id: str) -> None:
        current = self.on_screen
        if current is not None and current.id != id:
            current.state = QuestionState.APPROVED  # pulled back: one question on screen at a time
        question = self.get(id)
        question.shown_at = at
        self._set_state(question, QuestionState.ON_SCREEN)

    def _apply_answered(self, at: datetime, *, id: str) -> None:
        question = self.get(id)
        question.answered_at = at
        self._set_state(question, QuestionState.ANSWERED)

    def _apply_take_off(self, at: datetime, *, id: str) -> None:
        self._set_state(self.get(id), QuestionState.APPROVED)

    def _apply_move(self, at: datetime, *, id: str, to: int) -> None:
        question = self.get(id)
        self.questions.remove(question)
        self.questions.insert(max(0, min(to, len(self.questions))), question)
        self._changed()

    def _apply_edit(self, at: datetime, *, id: str, fields: dict[str, Any]) -> None:
        question = self.get(id)
        for key, value in checked_fields(fields).items():
            setattr(question, key, value)
        self._changed()

    def _apply_forget(self, at: datetime) -> None:
        self.questions.clear()
        self._by_id.clear()
        self._drops.clear()
        self._changed()


def questions_status(queue: QuestionQueue | None) -> dict[str, Any]:
    """The --status-file keys: the question on screen ({id, text} or null) and how many approved are waiting."""
    if queue is None:
        return {"question": None, "questions_waiting": 0}
    current = queue.on_screen
    return {
        "question": {"id": current.id, "text": current.display_text} if current is not None else None,
        "questions_waiting": len(queue.approved()),
    }


def replayed_queue(records: Iterable[dict[str, Any]], clock: Clock | None = None) -> tuple[QuestionQueue, list[str]]:
    queue = QuestionQueue(clock)
    warnings = queue.replay(records)
    return queue, warnings


def delete_questions_from_journal(path: Path) -> int:
    """Data protection: every question record taken out of a run's journal; returns how many were removed.

    The journal is rewritten through files.atomic_write (a new file, fsync, rename; no backup copy
    that would keep the names), so a crash midway leaves the old journal or the new one, never half.
    The caller closes its journal writer first and reopens it afterwards (the rename replaces the file
    it had open). Lines that are damaged but mention a question are removed too.
    """
    from pathlib import Path

    from presenter.files import atomic_write

    path = Path(path)
    kept: list[bytes] = []
    removed = 0
    for line in path.read_bytes().split(b"\n"):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            is_question = isinstance(record, dict) and str(record.get("op", "")).startswith("question")
        except (ValueError, RecursionError):
            is_question = b"question" in line
        if is_question:
            removed += 1
        else:
            kept.append(line)
    if removed:
        atomic_write(path, b"\n".join(kept) + b"\n", backup=False, mode=0o600)
    return removed

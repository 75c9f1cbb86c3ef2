"""Every text a user can see in a window, for the untranslated-text walk under a pseudo-locale.

Under the pseudo-locale (tools/i18n.py pseudo) every translated text reads ⟦…⟧. A visible text
with letters outside such brackets came from the code without translation, unless it is the
show's own content (titles, speakers, talking points) or a number, a time or a file name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

BRACKETED = re.compile(r"⟦[^⟦⟧]*⟧")
WORD = re.compile(r"[^\W\d_]{2,}")


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None, depth: int = 0) -> Iterator[str]:
    parent = parent or QModelIndex()
    if depth > 3:
        return
    for column in range(model.columnCount(parent)):
        for orientation in (Qt.Orientation.Horizontal,):
            header = model.headerData(column, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(header, str):
                yield header
    for row in range(min(model.rowCount(parent), 200)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if _has_children(model, index):
                yield from _model_texts(model, index, depth + 1)


def _has_children(model: QAbstractItemModel, index: QModelIndex) -> bool:
    try:
        return model.hasChildren(index)
    except TypeError:  # a table or list model (QTableWidget's): hasChildren is private there, and no tree
        return False


def widget_texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QListWidget):
        yield from (widget.item(i).text() for i in range(widget.count()))
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())
    if widget.toolTip():
        yield widget.toolTip()
    for action in widget.actions():
        yield action.text()
        if isinstance(action.menu(), QMenu):
            yield from (sub.text() for sub in action.menu().actions())


def visible_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(widget class and object name, text) for the window and every visible widget in it."""
    yield f"{type(window).__name__} title", window.windowTitle()
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        for text in widget_texts(widget):
            if text:
                yield where, text


def untranslated(texts: Iterable[tuple[str, str]], content: Iterable[str]) -> list[tuple[str, str]]:
    """The texts with a word outside ⟦…⟧ that is not the show's own content."""
    words_of_content = set()
    for text in content:
        words_of_content.update(WORD.findall(text))
    found = []
    for where, text in texts:
        rest = BRACKETED.sub(" ", re.sub(r"<[^>]+>", " ", text))
        words = [w for w in WORD.findall(rest) if w not in words_of_content]
        if words:
            found.append((where, text))
    return found

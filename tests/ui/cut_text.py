"""Texts a window cuts off (issue 22): a label, button or check box narrower than its text.

A label without word wrap is cut when its text is wider than the label; a word-wrapped label when
it needs more height at its width than it has; a button or check box when it is narrower than its
own size hint. Widgets that elide on purpose (ElidedButton: GO names a title, its tooltip has it
whole) and the ones hidden or scrolled out of view are not counted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QPushButton, QSizePolicy, QWidget

from presenter.ui.flow_layout import ElidedButton
from presenter.ui.moderator.text import FitText

SLACK = 2  # pixels of rounding


def _label_cut(label: QLabel) -> bool:
    text = label.text()
    if not text or label.textFormat() is Qt.TextFormat.RichText or label.pixmap() is not None:
        return False
    room = label.contentsRect().width() - 2 * label.margin()
    if label.wordWrap():
        return label.heightForWidth(label.width()) > label.height() + SLACK
    metrics = QFontMetrics(label.font())
    lines = text.split("\n")
    widest = max(metrics.horizontalAdvance(line) for line in lines)
    tall = metrics.height() * len(lines)  # a line cut through the middle ("5 Fragen warten" at 1280×720)
    return widest > room + SLACK or tall > label.contentsRect().height() + 2 * SLACK


def _button_cut(button: QAbstractButton) -> bool:
    if isinstance(button, ElidedButton) or not button.text():
        return False
    if not isinstance(button, QPushButton | QCheckBox):
        return False
    return button.width() + SLACK < button.sizeHint().width()


def _fit_text_cut(text: FitText) -> bool:
    """The moderator's self-fitting text: cut when what shows of it (its parent clips it) is lower than
    one line ("5 Fragen warten" cut in half after a resize, issue 22)."""
    if not text.text():
        return False
    return text.visibleRegion().boundingRect().height() + SLACK < min(text.line_height(), text.height())


def cut_texts(window: QWidget) -> list[str]:
    """The texts `window` shows cut, as "objectName: text"."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.visibleRegion().isEmpty():
            continue
        if widget.sizePolicy().horizontalPolicy() is QSizePolicy.Policy.Ignored and not isinstance(widget, QLabel):
            continue
        cut = _label_cut(widget) if isinstance(widget, QLabel) else (
            _button_cut(widget) if isinstance(widget, QAbstractButton) else (
                _fit_text_cut(widget) if isinstance(widget, FitText) else False)
        )  # fmt: skip
        if cut:
            name = widget.objectName() or type(widget).__name__
            found.append(f"{name}: {widget.text()} ({widget.width()} px)")
    return found

"""The selected group as the merchant reads it, and an action's preview.

Plain-text labels only (no rich text): a shopper's question is shown as typed (masked by
the core), never interpreted as markup.
"""

from __future__ import annotations

from typing import Any

from shopguide.review import Group
from ui.qt import QEvent, QFrame, QLabel, Qt, QVBoxLayout, QWidget
from ui.review.words import ReviewWords


def _label(name: str = "", bold: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        label.setStyleSheet("font-weight: bold;")
    return label


class GroupDetail(QWidget):
    """Question, other phrasings, how often and why, the answer given and its cards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group: Group | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.question = _label("reviewQuestion", bold=True)
        self.facts = _label("reviewFacts")
        lay.addWidget(self.question)
        lay.addWidget(self.facts)
        # Caption above text, not a form: a form layout gives a wrapped label in its field
        # column the height of one line, and the answer was cut off.
        self.phrasings_label, self.phrasings = _label(bold=True), _label("reviewPhrasings")
        self.answer_label, self.answer = _label(bold=True), _label("reviewAnswer")
        self.cards_label, self.cards = _label(bold=True), _label("reviewCards")
        for label, field in ((self.phrasings_label, self.phrasings),
                             (self.answer_label, self.answer), (self.cards_label, self.cards)):
            lay.addWidget(label)
            lay.addWidget(field)
        self.retranslate_ui()

    def show_group(self, group: Group | None) -> None:
        self.group = group
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        w = ReviewWords()
        self.phrasings_label.setText(self.tr("Asked as:"))
        self.answer_label.setText(self.tr("Answer given:"))
        self.cards_label.setText(self.tr("Shown:"))
        g = self.group
        for widget in (self.question, self.facts, self.phrasings, self.answer, self.cards):
            widget.setText("")
        if g is None:
            self.question.setText(self.tr("Choose a question on the left."))
            return
        self.question.setText(g.question)
        self.facts.setText(self.tr("%1 · first %2 · last %3 · %4")
                           .replace("%1", w.times(g.count))
                           .replace("%2", w.when(g.first_asked))
                           .replace("%3", w.when(g.last_asked))
                           .replace("%4", w.reasons(g.reasons)))
        self.phrasings.setText("\n".join(g.phrasings))
        self.answer.setText(g.answer or self.tr("(no answer)"))
        self.cards.setText(w.cards(g.cards))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class PreviewView(QFrame):
    """Before and after: the group's question answered now, and after the action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPreviewView")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.result: dict[str, Any] | None = None
        lay = QVBoxLayout(self)
        self.title = _label("reviewPreviewTitle", bold=True)
        self.before_label, self.before = _label(bold=True), _label("reviewBefore")
        self.after_label, self.after = _label(bold=True), _label("reviewAfter")
        for widget in (self.title, self.before_label, self.before, self.after_label, self.after):
            lay.addWidget(widget)
        self.hide()

    def show_result(self, result: dict[str, Any] | None) -> None:
        self.result = result
        self.setVisible(result is not None)
        self.retranslate_ui()

    @staticmethod
    def _turn_text(words: ReviewWords, answer: str, cards: list[dict[str, Any]]) -> str:
        return f"{answer}\n{words.cards(cards)}" if answer else words.cards(cards)

    def retranslate_ui(self) -> None:
        r = self.result
        if r is None:
            return
        w = ReviewWords()
        self.title.setText(self.tr("Preview: “%1”").replace("%1", r["question"]))
        self.before_label.setText(self.tr("Now:"))
        self.after_label.setText(self.tr("After this action (not saved yet):"))
        before, after = r["before"], r["after"]
        self.before.setText(self._turn_text(w, before.get("answer", ""), before.get("cards", [])))
        self.after.setText(self._turn_text(w, after.get("answer", ""), after.get("cards", [])))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

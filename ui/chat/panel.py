"""The chat: a scrolling list of turns (question, cards, answer) above the question box.

It knows nothing of threads: the main window feeds it the worker's signals
(``begin_turn`` → ``show_cards`` → ``append_token``… → ``finish``/``fail``).
"""

from __future__ import annotations

from itertools import pairwise

from shopguide.guide.events import Cards, Done
from ui.backend import Suggestions
from ui.chat.bubbles import AnswerBubble, UserBubble
from ui.chat.cards import CardsView
from ui.chat.input_box import InputBar
from ui.chat.suggestions import SuggestionPanel
from ui.qt import (
    QEasingCurve,
    QEvent,
    QFrame,
    QPropertyAnimation,
    QScrollArea,
    QScroller,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class Turn(QWidget):
    """One question and its answer. Cards sit above the streaming answer."""

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("turn")
        self.question = question
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 4, 0, 4)
        self.user = UserBubble(question)
        self.cards: CardsView | None = None
        self.answer = AnswerBubble()
        self._lay.addWidget(self.user)
        self._lay.addWidget(self.answer)

    def retranslate_ui(self) -> None:
        self.user.retranslate_ui()
        self.answer.retranslate_ui()
        if self.cards is not None:
            self.cards.retranslate_ui()

    def show_cards(self, cards: Cards, lang: str) -> None:
        if self.cards is not None or not cards.cards:
            return
        self.cards = CardsView(cards, lang)
        self._lay.insertWidget(1, self.cards)  # between the question and the answer
        # Tab follows the page: question, then the cards, then the answer and its buttons.
        chain = [self.user.label, *self.cards.focusables(), self.answer.text]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)


class ChatView(QScrollArea):
    """Keeps following the newest text while the reader is at the bottom, smoothly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = QWidget()
        host.setObjectName("chatHost")
        self.column = QVBoxLayout(host)
        self.column.addStretch(1)  # turns stack from the bottom up, like a chat
        self.setWidget(host)
        self._follow = True
        self._last_max = 0
        self._added: list[QWidget] = []
        bar = self.verticalScrollBar()
        bar.setSingleStep(24)
        # No per-value Python slot: during an answer the scroll value changes every
        # animation frame, and each Python call costs the GUI thread a GIL hand-off.
        bar.rangeChanged.connect(self._on_range)
        self._anim = QPropertyAnimation(bar, b"value", self)
        self._anim.setDuration(160)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        # Kinetic scrolling by touch (kiosk screens) and by dragging.
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)

    def add(self, widget: QWidget) -> None:
        self._follow = True  # a new question always brings the view down to it
        self.column.addWidget(widget)
        self._added.append(widget)

    def clear(self) -> None:
        """Remove what ``add`` added; the suggestions and the stretch stay."""
        for widget in self._added:
            self.column.removeWidget(widget)
            widget.deleteLater()
        self._added.clear()

    def _on_range(self, _lo: int, hi: int) -> None:
        bar = self.verticalScrollBar()
        animating = self._anim.state() == QPropertyAnimation.State.Running
        # Follow new text only if the reader was at the bottom (or we were taking them there).
        follow = self._follow or animating or bar.value() >= self._last_max - 8
        self._follow = False
        self._last_max = hi
        if follow:
            self._anim.stop()
            self._anim.setStartValue(self.verticalScrollBar().value())
            self._anim.setEndValue(hi)
            self._anim.start()


class ChatPanel(QWidget):
    askRequested = Signal(str)
    stopRequested = Signal()
    rateRequested = Signal(object, int)  # message id, +1/-1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatPanel")
        self.ui_lang = "zh"
        self.turns: list[Turn] = []
        self.generating = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.view = ChatView()
        self.suggestions = SuggestionPanel()
        self.view.column.insertWidget(0, self.suggestions)
        self.input_bar = InputBar()
        lay.addWidget(self.view, 1)
        lay.addWidget(self.input_bar)
        self.input_bar.submitted.connect(self.ask)
        self.input_bar.stopRequested.connect(self.stopRequested)
        self.suggestions.chosen.connect(self.ask)

    @property
    def current(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    def set_suggestions(self, data: Suggestions) -> None:
        self.suggestions.set_suggestions(data, self.ui_lang)
        self.suggestions.setVisible(not self.turns and bool(data.categories or data.faq))

    def set_language(self, lang: str) -> None:
        self.ui_lang = lang
        self.suggestions.set_language(lang)

    def ask(self, text: str) -> None:
        """A question from the box or a suggestion; ignored while an answer is being written."""
        text = text.strip()
        if not text or self.generating:
            return
        self.begin_turn(text)
        self.askRequested.emit(text)

    def begin_turn(self, question: str) -> Turn:
        self.suggestions.hide()
        turn = Turn(question)
        turn.answer.rateRequested.connect(
            lambda v, a=turn.answer: self.rateRequested.emit(a.message_id, v)
        )
        self.turns.append(turn)
        self.view.add(turn)
        self.set_generating(True)
        return turn

    def set_generating(self, generating: bool) -> None:
        self.generating = generating
        self.input_bar.set_generating(generating)

    # --- the worker's events, in order ------------------------------------
    def show_cards(self, cards: Cards) -> None:
        if self.current is not None:
            self.current.show_cards(cards, self.ui_lang)

    def append_token(self, text: str) -> None:
        if self.current is not None:
            self.current.answer.append(text)

    def finish(self, done: Done) -> None:
        if self.current is not None:
            self.current.answer.finish(done)
            if self.current.cards is not None:
                self.current.cards.answer_restates(done.text)
        self.set_generating(False)
        self.input_bar.input.setFocus()

    def fail(self, error: str) -> None:
        if self.current is not None:
            self.current.answer.fail(error)
        self.set_generating(False)

    def set_message_id(self, message_id: object) -> None:
        if self.current is not None:
            self.current.answer.set_message_id(message_id)

    def refit(self) -> None:
        """After a font or theme change: card tables and rows follow the new size."""
        for turn in self.turns:
            if turn.cards is not None:
                turn.cards.fit()

    def clear(self) -> None:
        """A new conversation: every turn goes, the suggestions come back."""
        self.turns.clear()
        self.view.clear()
        # An answer being stopped still reports once; until then no new question is
        # taken, so its last events cannot land in the next conversation.
        self.set_generating(self.generating)
        self.suggestions.setVisible(bool(self.suggestions.buttons))

    def changeEvent(self, event: QEvent) -> None:
        # One handler retranslates every turn: card and bubble widgets do not override
        # changeEvent, since each Python override costs a GIL hand-off on every event
        # they receive, and a busy model thread makes each hand-off slow.
        if event.type() == QEvent.Type.LanguageChange:
            for turn in self.turns:
                turn.retranslate_ui()
        super().changeEvent(event)

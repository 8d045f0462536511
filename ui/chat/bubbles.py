"""Message bubbles: the question, and the answer that streams in under its cards."""

from __future__ import annotations

from shopguide.guide.events import Done
from ui.qt import (
    QFrame,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.resources import icon

# Streamed text is painted at most this often: a token per signal would relayout
# the bubble hundreds of times a second for no visible gain.
FLUSH_MS = 50


def _text_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # model and store text is never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class UserBubble(QWidget):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = _text_label("userBubble")
        self.label.setText(text)
        # A wrapping QLabel asks for a narrow width; a short question stays on one line.
        units = sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)
        self.label.setWordWrap(units > 48 or "\n" in text)
        self.label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        lay.addStretch(1)
        lay.addWidget(self.label, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.label.setAccessibleName(self.tr("Your question"))


class AnswerBubble(QFrame):
    """The assistant's answer: streams, then settles on the engine's final text.

    The engine may hold back or rewrite a sentence that failed verification, so
    ``finish`` always shows ``Done.text``, replacing whatever streamed.
    """

    rateRequested = Signal(int)  # +1 helpful, -1 not helpful
    copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerBubble")
        self._streamed: list[str] = []
        self._dirty = False
        self.final: Done | None = None
        self.error: str | None = None
        self.message_id: object = None
        self.rating = 0
        lay = QVBoxLayout(self)
        self.text = _text_label("answerText")
        self.text.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.note = QLabel()
        self.note.setObjectName("answerNote")
        self.note.hide()
        lay.addWidget(self.text)
        lay.addWidget(self.note)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        self.copy_button = self._tool("copy")
        self.good_button = self._tool("thumb-up", checkable=True)
        self.bad_button = self._tool("thumb-down", checkable=True)
        self.copy_button.clicked.connect(self.copy)
        self.good_button.clicked.connect(lambda: self._rate(1))
        self.bad_button.clicked.connect(lambda: self._rate(-1))
        actions.addWidget(self.copy_button)
        actions.addWidget(self.good_button)
        actions.addWidget(self.bad_button)
        actions.addStretch(1)
        self.actions_row = QWidget()
        self.actions_row.setLayout(actions)
        self.actions_row.hide()  # shown once the answer is complete
        lay.addWidget(self.actions_row)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush)
        self.retranslate_ui()

    def _tool(self, icon_name: str, checkable: bool = False) -> QToolButton:
        b = QToolButton()
        b.setIcon(icon(icon_name))
        b.setCheckable(checkable)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return b

    # --- streaming -------------------------------------------------------
    def append(self, text: str) -> None:
        self._streamed.append(text)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush(self) -> None:
        if self.final is None and self.error is None:
            self.text.setText("".join(self._streamed).lstrip())

    def streamed_text(self) -> str:
        return "".join(self._streamed).lstrip()

    def finish(self, done: Done) -> None:
        self._flush_timer.stop()
        self.final = done
        text = done.text.strip() or self.streamed_text()
        self.text.setText(text)
        self.actions_row.setVisible(bool(text))
        self.retranslate_ui()

    def fail(self, error: str) -> None:
        self._flush_timer.stop()
        self.error = error
        self.setProperty("failed", True)
        self.style().unpolish(self)
        self.style().polish(self)
        self.retranslate_ui()

    def set_message_id(self, message_id: object) -> None:
        self.message_id = message_id
        rateable = message_id is not None
        self.good_button.setEnabled(rateable)
        self.bad_button.setEnabled(rateable)

    def answer_text(self) -> str:
        return self.text.text()

    # --- actions ---------------------------------------------------------
    def copy(self) -> None:
        text = self.answer_text()
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)

    def _rate(self, value: int) -> None:
        self.rating = value
        self.good_button.setChecked(value > 0)
        self.bad_button.setChecked(value < 0)
        self.rateRequested.emit(value)

    def retranslate_ui(self) -> None:
        if self.final is None and self.error is None and not self._streamed:
            self.text.setText(self.tr("Thinking…"))
        if self.error is not None:
            self.text.setText(self.tr("Sorry, something went wrong: %1").replace("%1", self.error))
        note = ""
        stopped_empty = self.final is not None and self.final.cancelled and not (
            self.final.text.strip() or self.streamed_text())
        if stopped_empty:  # no empty bubble: one clear line in its place
            self.text.setText(self.tr("Stopped before any answer was shown. Ask again, or "
                                      "ask another way."))
        elif self.final is not None and self.final.cancelled:
            note = self.tr("Stopped")
        elif self.final is not None and not self.final.used_model:
            note = self.tr("Answered from the store's catalog and policies")
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the answer"))
        self.copy_button.setAccessibleName(self.tr("Copy the answer"))
        self.good_button.setText(self.tr("Helpful"))
        self.good_button.setAccessibleName(self.tr("Rate this answer helpful"))
        self.bad_button.setText(self.tr("Not helpful"))
        self.bad_button.setAccessibleName(self.tr("Rate this answer not helpful"))
        self.text.setAccessibleName(self.tr("Answer"))

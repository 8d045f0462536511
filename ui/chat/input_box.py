"""The question box: Enter sends, Shift+Enter starts a new line, input methods work.

A QPlainTextEdit keeps Qt's own input-method handling: while a Chinese IME is
composing, Enter goes to the IME (to commit the pinyin) as an input-method
event and never reaches ``keyPressEvent``, so only a real Enter sends.
"""

from __future__ import annotations

from ui.qt import (
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from ui.resources import icon

MAX_LINES = 5


class ChatInput(QPlainTextEdit):
    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatInput")
        self.setTabChangesFocus(True)  # Tab moves on, so the keyboard can reach every control
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().contentsChanged.connect(self._fit_height)
        self._fit_height()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            mods = event.modifiers()
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
                return
            if not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
                self.submit()
                return
        super().keyPressEvent(event)

    def submit(self) -> None:
        text = self.toPlainText().strip()
        if text:
            self.clear()
            self.submitted.emit(text)

    def _fit_height(self) -> None:
        count = self.document().lineCount()
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if count > MAX_LINES
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        lines = min(max(count, 1), MAX_LINES)
        line_h = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins()
        doc_margin = int(self.document().documentMargin()) * 2
        self.setFixedHeight(lines * line_h + doc_margin + margins.top() + margins.bottom() + 4)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self._fit_height)  # after the new font has been applied
        super().changeEvent(event)


class InputBar(QWidget):
    """The question box with Send, which turns into Stop while an answer is being written."""

    submitted = Signal(str)
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inputBar")
        lay = QHBoxLayout(self)
        self.input = ChatInput()
        self.send_button = QPushButton(icon("send"), "")
        self.send_button.setObjectName("sendButton")
        self.stop_button = QPushButton(icon("stop"), "")
        self.stop_button.setObjectName("stopButton")
        self.stop_button.hide()
        lay.addWidget(self.input, 1)
        lay.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.send_button.clicked.connect(self.input.submit)
        self.stop_button.clicked.connect(self.stopRequested)
        self.input.submitted.connect(self.submitted)
        self.retranslate_ui()

    def set_generating(self, generating: bool) -> None:
        had_focus = self.send_button.hasFocus() or self.stop_button.hasFocus()
        self.send_button.setVisible(not generating)
        self.stop_button.setVisible(generating)
        if had_focus:
            (self.stop_button if generating else self.input).setFocus()

    def retranslate_ui(self) -> None:
        self.input.setPlaceholderText(
            self.tr("Ask about a product, a size, a price or a store policy…")
        )
        self.input.setAccessibleName(self.tr("Your question"))
        self.input.setAccessibleDescription(self.tr("Enter sends; Shift+Enter starts a new line"))
        self.send_button.setText(self.tr("Send"))
        self.send_button.setAccessibleName(self.tr("Send the question"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the answer"))
        self.stop_button.setToolTip(self.tr("Stop (Esc)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

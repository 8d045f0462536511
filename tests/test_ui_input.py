"""The question box with a Chinese input method, and keyboard-only use of the window."""

from __future__ import annotations

from ui.chat.input_box import ChatInput
from ui.qt import (
    QAbstractButton,
    QApplication,
    QInputMethodEvent,
    QLineEdit,
    QPlainTextEdit,
    Qt,
)


def _ime(widget, preedit: str = "", commit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(widget, event)


def test_ime_composition_commits_text_and_enter_then_sends(qtbot):
    box = ChatInput()
    qtbot.addWidget(box)
    box.show()
    box.setFocus()
    sent: list[str] = []
    box.submitted.connect(sent.append)
    _ime(box, preedit="pao xie")  # pinyin being composed: not text yet
    assert box.toPlainText() == "" and sent == []
    _ime(box, commit="跑鞋")  # the IME commits (its own Enter/space does this)
    _ime(box, preedit="43ma")
    _ime(box, commit="43码")
    assert box.toPlainText() == "跑鞋43码"
    assert box.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert sent == ["跑鞋43码"] and box.toPlainText() == ""


def test_keypad_enter_sends_and_ctrl_enter_does_not(qtbot):
    box = ChatInput()
    qtbot.addWidget(box)
    sent: list[str] = []
    box.submitted.connect(sent.append)
    qtbot.keyClicks(box, "size 43")
    qtbot.keyClick(box, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert sent == ["size 43"]
    qtbot.keyClicks(box, "   ")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert sent == ["size 43"]  # blank questions are not sent


def test_every_control_has_an_accessible_name_and_takes_focus(qtbot, make_window):
    window = make_window()
    window.show()
    with qtbot.waitSignal(window.client.done, timeout=5000):
        window.chat.ask("跑鞋")
    controls = [w for w in window.findChildren(QAbstractButton) if w.isVisibleTo(window)]
    for kind in (QPlainTextEdit, QLineEdit):
        controls += [w for w in window.findChildren(kind) if w.isVisibleTo(window)]
    assert len(controls) >= 5
    unnamed = [
        w.objectName() or w.text()
        for w in controls
        if not (w.accessibleName() or getattr(w, "text", lambda: "")())
    ]
    assert unnamed == []
    assert all(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in controls)


def test_tab_reaches_the_answer_actions_from_the_question_box(qtbot, make_window):
    window = make_window()
    window.show()
    with qtbot.waitSignal(window.client.done, timeout=5000):
        window.chat.ask("跑鞋")
    answer = window.chat.current.answer
    cards = window.chat.current.cards.product_cards
    # Widgets added to a shown layout are shown on the event loop's next turn.
    qtbot.waitUntil(lambda: all(c.isVisibleTo(window) for c in cards), timeout=2000)
    targets = {answer.copy_button, answer.good_button, answer.bad_button, answer.text}
    reached: list = []
    start = widget = window.chat.input_bar.input
    for _ in range(500):  # follow the focus chain the Tab key walks
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if (
            widget.isVisibleTo(window)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            reached.append(widget)
    assert targets <= set(reached)
    assert all(c in reached for c in cards)
    # in reading order: the cards come before the answer that talks about them
    assert max(reached.index(c) for c in cards) < reached.index(answer.text)

"""The chat window over a fake engine: cards, streaming, Stop, rating, copy, suggestions."""

from __future__ import annotations

import threading

from shopguide.store.models import Customer
from tests.fixtures.qt import FakeStore, fake_backend
from ui.chat.cards import ComparisonTable, ProductCardWidget
from ui.qt import QGuiApplication, Qt


def _ready(qtbot, make_window, backend=None, **kw):
    """A started window whose (fake) model has loaded."""
    window = make_window(backend=backend, start=False, **kw)
    w = window.client
    with qtbot.waitSignals([w.storeReady, w.modelReady], order="strict", timeout=5000):
        window.client.start("fake")
    return window


def test_question_gives_cards_then_streamed_answer(qtbot, make_window):
    window = _ready(qtbot, make_window)
    w = window.client
    box = window.chat.input_bar.input
    box.insertPlainText("比较跑鞋")  # QTest types ASCII only; an IME commits text like this
    tokens: list[str] = []
    w.token.connect(tokens.append)
    expected = [w.cards] + [w.token] * 5 + [w.done]
    with qtbot.waitSignals(expected, order="strict", timeout=5000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert tokens == ["云跃", "缓震", "跑鞋", " ¥459", "，在A3。"]
    assert box.toPlainText() == ""  # sent and cleared
    turn = window.chat.current
    assert turn is not None and turn.question == "比较跑鞋"
    cards = turn.cards
    assert cards is not None
    assert isinstance(cards.comparison, ComparisonTable)
    assert [c.product.sku for c in cards.product_cards] == ["RS-104", "RS-110"]
    first, second = cards.product_cards
    assert isinstance(first, ProductCardWidget)
    assert first.price.text() == "¥459"
    assert first.stock.property("stock") == "in" and "12" in first.stock.text()
    assert second.stock.property("stock") == "out"
    assert "A3" in first.aisle.text() and "38" in first.sizes.text()
    # Cards sit above the answer in the turn's layout.
    lay = turn.layout()
    assert lay.indexOf(cards) < lay.indexOf(turn.answer)
    assert turn.answer.answer_text() == "云跃缓震跑鞋 ¥459，在A3。"
    assert not window.chat.generating


def test_shift_enter_is_a_new_line_not_a_send(qtbot, make_window):
    window = _ready(qtbot, make_window)
    box = window.chat.input_bar.input
    qtbot.keyClicks(box, "line one")
    with qtbot.assertNotEmitted(window.chat.askRequested):
        qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(box, "line two")
    assert box.toPlainText() == "line one\nline two"
    assert window.chat.turns == []


def test_final_text_replaces_what_streamed(qtbot, make_window):
    backend = fake_backend(final="云跃缓震跑鞋，售价¥459。")
    window = _ready(qtbot, make_window, backend=backend)
    with qtbot.waitSignal(window.client.done, timeout=5000):
        window.chat.ask("跑鞋")
    answer = window.chat.current.answer
    assert answer.streamed_text() == "云跃缓震跑鞋 ¥459，在A3。"
    assert answer.answer_text() == "云跃缓震跑鞋，售价¥459。"


def test_stop_cancels_mid_answer(qtbot, make_window):
    backend = fake_backend(tokens=[f"t{i} " for i in range(200)], delay=0.02)
    window = _ready(qtbot, make_window, backend=backend)
    w = window.client
    stop = window.chat.input_bar.stop_button
    seen: list[str] = []
    w.token.connect(seen.append)
    window.chat.ask("跑鞋")
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=5000)
    assert stop.isVisibleTo(window) and not window.chat.input_bar.send_button.isVisibleTo(window)
    with qtbot.waitSignal(w.done, timeout=2000) as blocker:
        qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    done = blocker.args[0]
    assert done.cancelled
    assert len(seen) < 200
    assert window.chat.current.answer.note.text()  # "Stopped" is shown
    assert not window.chat.generating
    assert window.chat.input_bar.send_button.isVisibleTo(window)


def test_escape_stops_the_answer(qtbot, make_window):
    backend = fake_backend(tokens=[f"t{i} " for i in range(200)], delay=0.02)
    window = _ready(qtbot, make_window, backend=backend)
    window.show()
    w = window.client
    seen: list[str] = []
    w.token.connect(seen.append)
    window.chat.ask("跑鞋")
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=5000)
    with qtbot.waitSignal(w.done, timeout=2000) as blocker:
        window.stop_shortcut.activated.emit()
    assert blocker.args[0].cancelled


def test_rating_is_stored_by_the_worker_thread(qtbot, make_window):
    store = FakeStore()
    window = _ready(qtbot, make_window, backend=fake_backend(store=store))
    w = window.client
    with qtbot.waitSignal(w.answerSaved, timeout=5000):
        window.chat.ask("跑鞋")
    answer = window.chat.current.answer
    assert answer.message_id == 101 and answer.good_button.isEnabled()
    with qtbot.waitSignal(w.rated, timeout=2000) as blocker:
        qtbot.mouseClick(answer.bad_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [101, -1]
    assert store.ratings == [(101, -1)]
    assert store.thread != threading.main_thread().name
    assert answer.bad_button.isChecked() and not answer.good_button.isChecked()


def test_copy_puts_the_answer_on_the_clipboard(qtbot, make_window):
    window = _ready(qtbot, make_window)
    with qtbot.waitSignal(window.client.done, timeout=5000):
        window.chat.ask("跑鞋")
    answer = window.chat.current.answer
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(answer.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "云跃缓震跑鞋 ¥459，在A3。"


def test_suggestions_come_from_the_store_and_ask(qtbot, make_window):
    window = _ready(qtbot, make_window)
    panel = window.chat.suggestions
    texts = [b.text() for b in panel.buttons]
    assert texts[:2] == ["跑鞋", "外套"]  # biggest categories first, by their own names
    assert "退货政策？" in texts
    faq_button = next(b for b in panel.buttons if b.text() == "退货政策？")
    with qtbot.waitSignal(window.client.done, timeout=5000):
        qtbot.mouseClick(faq_button, Qt.MouseButton.LeftButton)
    turn = window.chat.current
    assert turn.question == "退货政策？"
    assert [c.faq.id for c in turn.cards.policy_cards] == ["returns"]
    assert panel.isHidden()


def test_new_conversation_clears_the_chat(qtbot, make_window):
    window = _ready(qtbot, make_window)
    with qtbot.waitSignal(window.client.done, timeout=5000):
        window.chat.ask("跑鞋")
    window.chat.input_bar.input.setPlainText("half typed")
    with qtbot.waitSignal(window.client.conversationChanged, timeout=2000):
        window.act_new.trigger()
    assert window.chat.turns == []
    assert window.chat.input_bar.input.toPlainText() == ""
    assert not window.chat.suggestions.isHidden()


def test_selected_customer_reaches_the_engine_and_the_header(qtbot, make_window):
    backend = fake_backend()
    window = _ready(qtbot, make_window, backend=backend)
    wang = Customer(id="c1", name="王芳", sizes={"shoe": "38"})
    window.set_customer(wang)
    assert "王芳" in window.header_label.text()
    with qtbot.waitSignal(window.client.done, timeout=5000) as blocker:
        window.chat.ask("跑鞋")
    assert "38码" in blocker.args[0].text
    assert backend.engines[-1].calls[-1] == ("跑鞋", wang)
    window.set_customer(None)
    assert "王芳" not in window.header_label.text()


def test_status_bar_shows_store_model_and_speed(qtbot, make_window):
    window = _ready(qtbot, make_window)
    assert "Nova Sports" in window.store_label.text()
    assert "fake-gpt2" in window.model_label.text()
    assert window.model_progress.isHidden()
    with qtbot.waitSignal(window.client.speed, timeout=5000):
        window.chat.ask("跑鞋")
    assert window.speed_label.text().startswith("250")


def test_new_conversation_during_an_answer_keeps_its_end_out_of_the_next(qtbot, make_window):
    backend = fake_backend(tokens=[f"t{i} " for i in range(200)], delay=0.02)
    window = _ready(qtbot, make_window, backend=backend)
    c = window.client
    seen: list[str] = []
    c.token.connect(seen.append)
    window.chat.ask("跑鞋")
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=5000)
    with qtbot.waitSignal(c.done, timeout=3000) as blocker:
        window.new_conversation()
        assert window.chat.turns == []
        window.chat.ask("退货政策？")  # refused until the stopped answer has reported
        assert window.chat.turns == []
    assert blocker.args[0].cancelled
    assert not window.chat.generating and window.chat.turns == []
    lay = window.chat.view.column
    assert lay.indexOf(window.chat.suggestions) == 0 and lay.count() == 2  # suggestions, stretch
    with qtbot.waitSignal(c.done, timeout=5000):
        window.chat.ask("退货政策？")
    assert len(window.chat.turns) == 1
    turn = window.chat.current
    assert [p.faq.id for p in turn.cards.policy_cards] == ["returns"]
    assert turn.answer.final is not None and not turn.answer.final.cancelled


def test_an_answer_stopped_before_it_began_is_one_clear_line(qtbot):
    from shopguide.guide.events import Done
    from ui.chat.bubbles import AnswerBubble

    bubble = AnswerBubble()
    qtbot.addWidget(bubble)
    bubble.finish(Done("", True, (), {}, True, False))
    assert "Stopped before any answer" in bubble.text.text()
    assert not bubble.note.isVisibleTo(bubble) and not bubble.actions_row.isVisibleTo(bubble)
    partial = AnswerBubble()
    qtbot.addWidget(partial)
    partial.append("推荐轻风跑鞋，")
    partial.finish(Done("推荐轻风跑鞋，", True, (), {}, True, False))
    assert partial.text.text() == "推荐轻风跑鞋，" and partial.note.text() == "Stopped"


def test_the_suggestions_heading_waits_for_suggestions(qtbot):
    from ui.backend import Suggestions
    from ui.chat.suggestions import SuggestionPanel
    from ui.qt import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    panel = SuggestionPanel(parent)
    assert not panel.isVisibleTo(parent)  # "Try asking:" over nothing while the store opens
    panel.set_suggestions(Suggestions(categories=("跑鞋",)))
    assert panel.isVisibleTo(parent) and [b.text() for b in panel.buttons] == ["跑鞋"]


def test_cards_speak_the_askers_language(qtbot):
    """Colours through the colour vocabulary, the policy's title and lines in the asker's
    language where the store wrote them."""
    from shopguide.store.models import FaqEntry, Product
    from ui.chat.cards import ComparisonTable, PolicyCardWidget, ProductCardWidget

    shoe = Product("RS-1", "云跃跑鞋", "鞋/跑鞋", 459, "CNY", "云跃", 5, colors=("黑色", "蓝色"),
                   name_en="Yunyue Runner")
    card = ProductCardWidget(shoe, "en")
    qtbot.addWidget(card)
    assert card.name.text() == "Yunyue Runner" and "black · blue" in card.colors.text()
    table = ComparisonTable([shoe, shoe], "en")
    qtbot.addWidget(table)
    texts = [table.item(r, 0).text() for r in range(table.rowCount()) if table.item(r, 0)]
    assert "black · blue" in texts
    faq = FaqEntry("returns", "退货政策是什么？", "30天内可退货。\nReturns within 30 days.",
                   ("can I return something I bought",))
    policy = PolicyCardWidget(faq, "en")
    qtbot.addWidget(policy)
    assert policy.question.text() == "Can I return something I bought?"
    assert policy.answer.text() == "Returns within 30 days."
    english = FaqEntry("hours", "When are you open?", "10 to 10.", ("你们几点开门",))
    zh = PolicyCardWidget(english, "zh")
    qtbot.addWidget(zh)
    assert zh.question.text() == "你们几点开门？"


def test_a_cards_stock_badge_is_never_cut_at_its_edge(qtbot):
    from shopguide.store.models import Product
    from ui.chat.cards import ProductCardWidget
    from ui.resources import stylesheet

    card = ProductCardWidget(Product("X-1", "Alpenkor Summit 高帮登山靴", "鞋", 12999.5, "CNY"), "en")
    qtbot.addWidget(card)
    card.setStyleSheet(stylesheet("light", False, 11))  # 12em wide, as in the window
    card.show()
    qtbot.waitExposed(card)
    qtbot.waitUntil(lambda: card.stock.width() >= card.stock.sizeHint().width(), timeout=2000)
    right = card.stock.mapTo(card, card.stock.rect().topRight()).x()
    assert card.stock.text() == "Stock unknown"
    assert right <= card.contentsRect().right()
    assert card.stock.width() >= card.stock.sizeHint().width()


def test_the_comparison_tables_corner_is_named_and_inert(qtbot) -> None:
    """Once laid out, the table's corner (Qt's select-all button) is visible: it says what it
    belongs to and selects nothing (a read-only comparison has no use for it)."""
    from shopguide.store.models import Product
    from ui.qt import QAbstractButton

    shoe = Product("RS-1", "云跃跑鞋", "鞋/跑鞋", 459, "CNY", "云跃", 5, name_en="Yunyue Runner")
    table = ComparisonTable([shoe, shoe], "en")
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    corners = [b for b in table.findChildren(QAbstractButton) if b.isVisibleTo(table)]
    assert corners and all(b.accessibleName() for b in corners)
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in corners)
    assert not table.isCornerButtonEnabled()

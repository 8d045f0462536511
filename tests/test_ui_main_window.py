"""The clerk window with the real customer sidebar, store and engine."""

from __future__ import annotations

import argparse

from shopguide.store import open_store
from shopguide.store.models import Customer, Product
from ui.backend import default_backend
from ui.main_window import default_sidebar


def _first_sku(window) -> str:
    return window.chat.current.cards.product_cards[0].product.sku


def test_selected_customer_personalises_answers_and_links_the_conversation(
    qtbot, make_window, catalog_store
):
    catalog_store.save_product(
        Product(
            sku="RS-120",
            name="轻风跑鞋",
            category="鞋/跑鞋",
            price=299,
            currency="CNY",
            brand="轻风",
            stock=5,
            sizes=("41", "42"),
            aisle="A5",
        )
    )
    catalog_store.save_customer(Customer(id="c1", name="王芳", sizes={"shoe": "38"}))
    catalog_store.add_consent("c1", "history", True, source="counter")  # linking needs it
    backend = default_backend(argparse.Namespace(store=str(catalog_store.path), demo=False))
    window = make_window(backend=backend, sidebar_factory=default_sidebar, model_spec="")
    qtbot.waitUntil(lambda: window.sidebar is not None, timeout=5000)
    sidebar = window.sidebar
    assert window.splitter.indexOf(sidebar) == 1  # at the right of the chat
    assert window.model_progress.isHidden() and "facts" in window.model_label.text()
    assert "王芳" not in window.header_label.text()
    # A turn ends with done, answerSaved, then conversationChanged (queued in that order):
    # wait for the last, so it cannot be taken for the next conversation's signal below.
    with qtbot.waitSignals([window.client.done, window.client.conversationChanged],
                           timeout=30000):
        window.chat.ask("有没有跑鞋？")
    anonymous_first = _first_sku(window)
    assert anonymous_first == "RS-120"  # no customer: the cheaper pair in stock first

    with qtbot.waitSignal(window.client.conversationChanged, timeout=5000,
                          check_params_cb=lambda c: not c.history):
        window.new_conversation()
    with qtbot.waitSignal(sidebar.customerSelected, timeout=5000):
        sidebar.select_customer("c1")
    assert window.customer is not None and window.customer.id == "c1"
    assert "王芳" in window.header_label.text()
    with qtbot.waitSignal(window.client.conversationChanged, timeout=30000,
                          check_params_cb=lambda c: len(c.history) == 1) as snap:
        window.chat.ask("有没有跑鞋？")
    assert _first_sku(window) == "RS-104"  # the pair in her size (38) comes first
    assert "38" in window.chat.current.cards.product_cards[0].product.sizes

    conversation = snap.args[0]
    assert [q for q, _ in conversation.history] == ["有没有跑鞋？"]
    with open_store(catalog_store.path) as check:
        linked = check.conversations(customer_id="c1")
    assert len(linked) == 1 and linked[0].id == conversation.id

    proposed = []
    sidebar.propose_note_from = proposed.append  # the real one opens a modal dialog
    window.act_notes.trigger()
    (session,) = proposed  # this session's turns: the anonymous one, then c1's
    assert [(t.question, t.customer_id) for t in session.turns] == [
        ("有没有跑鞋？", None), ("有没有跑鞋？", "c1")]
    window.close()


def test_erasing_someone_clears_their_chat_but_not_the_next_customers(qtbot, make_window):
    window = make_window()
    cleared: list[bool] = []
    window.chat.clear = lambda: cleared.append(True)  # type: ignore[method-assign]
    a, b = Customer(id="a", name="甲"), Customer(id="b", name="乙")
    window.set_customer(a)
    window.set_customer(b)  # the clerk moved on: b's chat began afresh
    cleared.clear()
    window._on_customer_erased("a")
    assert cleared == [] and window.customer is b  # b's chat stays
    window._on_customer_erased("b")
    assert cleared == [True] and window.customer is None


def test_save_to_notes_reads_the_sessions_turns_and_forgets_an_erased_customer(
        qtbot, make_window):
    from types import SimpleNamespace

    window = make_window(start=False)
    a = SimpleNamespace(question="跑鞋？", customer_id="c1")
    b = SimpleNamespace(question="瑜伽垫？", customer_id="c2")
    c = SimpleNamespace(question="羽绒服？", customer_id="c1")
    window._on_conversation(SimpleNamespace(turns=[a]))
    window._on_conversation(SimpleNamespace(turns=[a, b]))
    window._on_conversation(SimpleNamespace(turns=[]))  # a new conversation began
    window._on_conversation(SimpleNamespace(turns=[c]))
    assert window.session_turns().turns == [a, b, c]
    window._on_customer_erased("c1")
    assert window.session_turns().turns == [b, c]  # c is on screen: the chat handler's job
    assert not [t for t in window._earlier_turns if t.customer_id == "c1"]


def test_an_error_in_a_slot_is_shown_in_words_not_a_traceback(qtbot, make_window, monkeypatch):
    import sys

    from shopguide.store.errors import StoreBusy
    from ui import app as ui_app

    window = make_window(start=False)
    shown = []
    monkeypatch.setattr(ui_app.QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", lambda *a: None)  # the previous hook (the log's)
    ui_app._explain_errors_in_slots(window)
    sys.excepthook(StoreBusy, StoreBusy("/shop/store.sqlite", 10), None)
    sys.excepthook(ZeroDivisionError, ZeroDivisionError("x"), None)
    assert "another ShopGuide is changing this store" in shown[0]
    assert "ZeroDivisionError" in shown[1] and "log" in shown[1]

"""Switching the customer being served never moves one person's turns to another."""

from __future__ import annotations

from shopguide.guide.conversation import Conversation
from shopguide.store import open_store
from shopguide.store.models import Customer
from tests.fixtures.qt import FakeStore, fake_backend
from ui.backend import Backend


def _linked(store, conversation_id):
    row = store.conn.execute(
        "SELECT customer_id FROM conversations WHERE id = ?", (conversation_id,)
    ).fetchone()
    return row[0]


def test_a_linked_conversation_is_never_relinked_to_someone_else(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        for cid, name in (("a", "Anna"), ("b", "Bo")):
            store.save_customer(Customer(id=cid, name=name))
            store.add_consent(cid, "history", True, source="counter")
        conv = Conversation()
        Backend.prepare_turn(store, conv, None, "clerk")  # a walk-in
        walk_in = conv.id
        Backend.prepare_turn(store, conv, Customer(id="a", name="Anna"), "clerk")
        assert conv.id == walk_in and _linked(store, walk_in) == "a"  # identified: linked
        Backend.prepare_turn(store, conv, Customer(id="b", name="Bo"), "clerk")
        assert conv.id != walk_in  # Bo gets a row of his own
        assert _linked(store, walk_in) == "a" and _linked(store, conv.id) == "b"
        second = conv.id
        Backend.prepare_turn(store, conv, None, "clerk")  # back to nobody
        assert conv.id not in (walk_in, second) and _linked(store, conv.id) is None
        assert _linked(store, second) == "b"


def test_switching_customer_in_the_window_starts_a_new_conversation(qtbot, make_window):
    window = make_window(backend=fake_backend(store=FakeStore()))
    cleared: list[bool] = []
    window.chat.clear = lambda: cleared.append(True)  # type: ignore[method-assign]
    window.set_customer(Customer(id="a", name="Anna"))
    assert cleared == []  # from nobody to someone: the walk-in was identified
    window.set_customer(Customer(id="a", name="Anna"))
    assert cleared == []  # the same person again
    window.set_customer(Customer(id="b", name="Bo"))
    assert cleared == [True]
    window.set_customer(None)
    assert cleared == [True, True]

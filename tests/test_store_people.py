"""Customers and their timeline through the Store API; conversations and ratings."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from shopguide.store import StoreError
from shopguide.store.models import CONSENT_HISTORY, Customer


@pytest.fixture
def wang(fresh_store):
    return fresh_store.save_customer(Customer(
        id="", name="王芳", phone="13812345678", tags=("VIP",), preferred_language="zh",
        sizes={"shoe": "38"}, brands=("云跃",), budget_min=200, budget_max=500.5))


def test_save_customer_generates_an_id_and_round_trips(fresh_store, wang):
    assert wang.id.startswith("c-")
    got = fresh_store.customer(wang.id)
    assert got == wang and got.sizes == {"shoe": "38"} and got.budget_max == 500.5
    changed = fresh_store.save_customer(Customer(**{**wang.__dict__, "name": "王芳芳"}))
    assert changed.id == wang.id and fresh_store.count_customers() == 1
    assert [c.id for c in fresh_store.search_customers("王芳芳")] == [wang.id]
    with pytest.raises(StoreError, match="needs a name"):
        fresh_store.save_customer(Customer(id="", name="  "))


def test_marketing_consent_is_a_history(fresh_store, wang):
    s = fresh_store
    assert wang.consent_marketing is False and s.consents(wang.id) == []
    s.save_customer(Customer(**{**wang.__dict__, "consent_marketing": True}))
    s.save_customer(Customer(**{**wang.__dict__, "consent_marketing": True}))  # no change
    s.save_customer(Customer(**{**wang.__dict__, "consent_marketing": False}))
    assert [c.granted for c in s.consents(wang.id)] == [True, False]
    assert s.customer(wang.id).consent_marketing is False
    expired = s.add_consent(wang.id, "marketing", True, "kiosk",
                            expiry=date.today() - timedelta(days=1))
    assert not expired.in_force() and s.customer(wang.id).consent_marketing is False
    s.add_consent(wang.id, CONSENT_HISTORY, True, "counter", expiry=date.today())
    assert s.consent_in_force(wang.id, CONSENT_HISTORY)
    assert not s.consent_in_force(wang.id, CONSENT_HISTORY, today=date.today() + timedelta(1))


def test_notes_pinned_first_then_newest(fresh_store, wang):
    s = fresh_store
    old = s.add_note(wang.id, "old", created=datetime(2024, 1, 1, tzinfo=timezone.utc))
    new = s.add_note(wang.id, "new")
    pin = s.add_note(wang.id, "pinned", pinned=True)
    assert [n.text for n in s.notes(wang.id)] == ["pinned", "new", "old"]
    s.update_note(old.id, text="old, edited", pinned=True)
    assert [n.text for n in s.notes(wang.id)][:2] in (["pinned", "old, edited"],
                                                      ["old, edited", "pinned"])
    edited = s.note(old.id)
    assert edited.updated > edited.created and edited.pinned
    assert s.delete_note(new.id) and not s.delete_note(new.id)
    assert {n.id for n in s.notes(wang.id)} == {old.id, pin.id}


def test_purchases_and_followups(fresh_store, wang):
    s = fresh_store
    s.add_purchase(wang.id, "RS-104", 1, 459, date(2025, 3, 1))
    s.add_purchase(wang.id, "CO-301", 2, 299.99, "2025-04-01")
    assert [(p.sku, p.quantity, p.price) for p in s.purchases(wang.id)] == [
        ("CO-301", 2, 299.99), ("RS-104", 1, 459.0)]
    with pytest.raises(StoreError):
        s.add_purchase(wang.id, "X", 0, 1, date.today())
    today = date.today()
    late = s.add_followup(wang.id, today - timedelta(days=3), "call back")
    soon = s.add_followup(wang.id, today + timedelta(days=3), "new arrivals")
    done = s.add_followup(wang.id, today - timedelta(days=9), "sent coupon")
    s.set_followup_done(done.id)
    assert [f.text for f in s.followups(wang.id)] == ["call back", "new arrivals", "sent coupon"]
    by_id = {f.id: f for f in s.followups(wang.id)}
    assert by_id[late.id].overdue() and not by_id[soon.id].overdue()
    assert not by_id[done.id].overdue()  # done is never overdue
    assert [f.id for f in s.open_followups(until=today)] == [late.id]


def test_conversations_messages_and_ratings(fresh_store, wang):
    s = fresh_store
    s.add_consent(wang.id, "history", True, source="counter")  # linking needs it
    conv = s.start_conversation(wang.id, mode="clerk")
    q = s.add_message(conv, "user", "有跑鞋吗？")
    a = s.add_message(conv, "assistant", "有的。", cards=[{"kind": "product", "sku": "RS-104"}],
                      meta={"grounded": True, "timings": {"total_ms": 12.5}})
    s.rate_message(a, 1)
    msgs = s.messages(conv)
    assert [m.id for m in msgs] == [q, a]
    assert msgs[1].cards == [{"kind": "product", "sku": "RS-104"}]
    assert msgs[1].meta["timings"]["total_ms"] == 12.5 and msgs[1].rating == 1
    s.rate_message(a, None)
    assert s.messages(conv)[1].rating is None
    with pytest.raises(StoreError):
        s.rate_message(a, 5)
    assert [c.id for c in s.conversations(wang.id)] == [conv]
    kiosk = s.start_conversation(mode="kiosk")
    assert s.conversation(kiosk).customer_id is None
    assert s.delete_conversations_before(datetime.now(timezone.utc) + timedelta(seconds=1)) == 2
    assert s.messages(conv) == []


def test_privacy_log_and_wipe(fresh_store, wang):
    s = fresh_store
    s.add_note(wang.id, "unique-phrase-zebra-42")
    s.log_privacy("erase", "customer request")
    assert s.delete_customer(wang.id)
    s.wipe_free_space()
    wal = s.path.with_name(s.path.name + "-wal")
    raw = s.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    for secret in ("王芳".encode(), b"13812345678", b"unique-phrase-zebra-42"):
        assert secret not in raw, secret
    [entry] = s.privacy_log()
    assert (entry.action, entry.reason) == ("erase", "customer request")

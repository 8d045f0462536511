"""Consent: a history of decisions, and conversations linked only with "history" consent."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.privacy import consent
from shopguide.store.models import Customer
from ui.backend import Backend


@pytest.fixture
def shop(guide_store):
    """guide_store (products, FAQ, customer c-wang) with no consent recorded."""
    guide_store.save_customer(Customer("c-lee", "Lee Ann", phone="555 0101 222"))
    return guide_store


def _linked(store, conv_id):
    return store.conversation(conv_id).customer_id


def test_withdrawal_is_a_new_record_and_state_follows_the_latest(shop):
    assert consent.current(shop, "c-wang")["history"].status == "never-asked"
    consent.grant(shop, "c-wang", "history", source="kiosk")
    consent.withdraw(shop, "c-wang", "history", source="counter", reason="asked at till")
    history = shop.consents("c-wang")
    assert [(c.purpose, c.granted, c.source) for c in history] == [
        ("history", True, "kiosk"), ("history", False, "counter")]
    state = consent.current(shop, "c-wang")
    assert state["history"].status == "withdrawn" and not state["history"].in_force
    assert state["marketing"].status == "never-asked"


def test_expiry(shop):
    today = date.today()
    consent.grant(shop, "c-wang", "marketing", expiry=today + timedelta(days=3))
    assert consent.current(shop, "c-wang")["marketing"].in_force
    later = consent.current(shop, "c-wang", today=today + timedelta(days=4))["marketing"]
    assert later.status == "expired" and later.expired
    with pytest.raises(consent.ConsentError, match="in the past"):
        consent.grant(shop, "c-wang", "marketing", expiry=today - timedelta(days=1))
    with pytest.raises(consent.ConsentError, match="withdrawal has no expiry"):
        consent.withdraw(shop, "c-wang", "marketing", expiry=today)


def test_bad_purpose_source_or_customer_records_nothing(shop):
    for kwargs, msg in (({"purpose": "spam"}, "purpose"), ({"source": "web"}, "source"),
                        ({"customer_id": "nobody"}, "no customer")):
        args = {"customer_id": "c-wang", "purpose": "history", "source": "counter", **kwargs}
        with pytest.raises(consent.ConsentError, match=msg):
            consent.record(shop, args["customer_id"], args["purpose"], True,
                           source=args["source"])
    assert shop.consents("c-wang") == [] and shop.privacy_log() == []


def test_store_links_only_with_history_consent(shop):
    assert _linked(shop, shop.start_conversation("c-wang")) is None
    consent.grant(shop, "c-wang", "history")
    linked = shop.start_conversation("c-wang")
    assert _linked(shop, linked) == "c-wang"
    assert _linked(shop, shop.start_conversation("c-wang", mode="kiosk")) is None
    # Relinking to someone without consent leaves the conversation anonymous.
    shop.link_conversation(linked, "c-lee")
    assert _linked(shop, linked) is None
    shop.link_conversation(linked, "c-wang")
    assert _linked(shop, linked) == "c-wang"
    consent.withdraw(shop, "c-wang", "history")
    assert _linked(shop, shop.start_conversation("c-wang")) is None
    conv = shop.start_conversation()
    shop.link_conversation(conv, "c-wang")
    assert _linked(shop, conv) is None


def test_expired_history_consent_stops_links(shop):
    shop.add_consent("c-wang", "history", True, source="counter",
                     expiry=date.today() - timedelta(days=1))
    assert _linked(shop, shop.start_conversation("c-wang")) is None


def _ask(engine, conv, customer, text="有跑鞋吗？"):
    events = list(engine.answer(text, conv, customer=customer, save=True))
    assert type(events[-1]).__name__ == "Done"
    return conv.id


def test_engine_and_worker_paths_link_only_with_consent(shop):
    """Both ways the app starts a conversation row: the engine's save and the UI backend."""
    engine = Engine(shop)
    wang = shop.customer("c-wang")
    assert _linked(shop, _ask(engine, Conversation(customer=wang), wang)) is None
    conv = Conversation()
    Backend.prepare_turn(shop, conv, wang, "clerk")
    assert _linked(shop, _ask(engine, conv, wang)) is None

    consent.grant(shop, "c-wang", "history")
    assert _linked(shop, _ask(engine, Conversation(customer=wang), wang)) == "c-wang"
    conv = Conversation()
    Backend.prepare_turn(shop, conv, wang, "clerk")
    assert _linked(shop, _ask(engine, conv, wang)) == "c-wang"
    assert len(shop.conversations("c-wang")) == 2

    consent.withdraw(shop, "c-wang", "history")
    conv = Conversation()
    Backend.prepare_turn(shop, conv, wang, "clerk")
    assert _linked(shop, _ask(engine, conv, wang)) is None
    assert len(shop.conversations("c-wang")) == 2  # earlier ones stay; no new link


def test_profile_marketing_toggle_is_logged(shop):
    wang = shop.customer("c-wang")
    shop.save_customer(Customer(**{**wang.__dict__, "consent_marketing": True}))
    shop.save_customer(Customer(**{**wang.__dict__, "consent_marketing": False}))
    actions = [e.action.split()[0] for e in reversed(shop.privacy_log())]
    assert actions == ["consent.grant", "consent.withdraw"]


def test_cli_consent(shop, capsys):
    from shopguide.cli import main

    path = str(shop.path)
    shop.close()
    expires = (date.today() + timedelta(days=30)).isoformat()
    assert main(["--store", path, "customer", "consent", "c-wang", "history", "grant",
                 "--expires", expires, "--source", "kiosk"]) == 0
    assert "history consent is now granted" in capsys.readouterr().out
    assert main(["--store", path, "customer", "consent", "c-wang", "history", "withdraw"]) == 0
    assert "now withdrawn" in capsys.readouterr().out
    assert main(["--store", path, "customer", "consent", "c-wang", "history", "grant",
                 "--expires", "31/12/2030"]) == 1
    assert "not a date" in capsys.readouterr().err
    from shopguide.store import open_store

    with open_store(path) as s:
        assert [(c.granted, c.source, c.expiry) for c in s.consents("c-wang")] == [
            (True, "kiosk", date.fromisoformat(expires)), (False, "counter", None)]

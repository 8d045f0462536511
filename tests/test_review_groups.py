"""Which saved questions the review lists, and how it groups them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from shopguide.review import review_groups
from shopguide.review.turns import NOT_HELPFUL, OUT_OF_SCOPE, REPHRASED, group_key


def _by_question(groups):
    return {p: g for g in groups for p in g.phrasings}


def test_two_phrasings_with_the_same_analysed_words_are_one_group(review_store, shoppers_ask):
    a, b, other = "do you sell kayaks?", "Kayaks: do you sell them", "do you do gift wrapping?"
    assert group_key(a) == group_key(b) != group_key(other)  # the premise, from the analysis
    shoppers_ask([a])
    shoppers_ask([b])
    shoppers_ask([other])
    groups = review_groups(review_store)
    found = _by_question(groups)
    assert found[a] is found[b] and found[a].count == 2
    assert found[a].phrasings == [b, a]  # latest first
    assert found[other] is not found[a] and found[other].count == 1
    assert groups[0] is found[a]  # most asked first


def test_out_of_scope_is_listed_and_what_was_answered_is_not(review_store, shoppers_ask):
    [oos, answered, hello] = ["do you sell kayaks?", "what is your return policy?", "hello"]
    shoppers_ask([oos])
    shoppers_ask([answered], at=datetime.now(timezone.utc) - timedelta(hours=1))
    shoppers_ask([hello], at=datetime.now(timezone.utc) - timedelta(hours=2))
    found = _by_question(review_groups(review_store))
    assert set(found) == {oos}
    group = found[oos]
    assert group.reasons == {OUT_OF_SCOPE: 1} and group.intent == "out_of_scope"
    assert group.cards == [] and group.answer  # the answer it got, shown with the question


def test_a_rating_lists_an_answered_question_and_a_helpful_one_is_left_out(review_store,
                                                                           shoppers_ask):
    [bad] = shoppers_ask(["a tent for two"], rate=[-1])
    shoppers_ask(["waterproof tent"], rate=[1])
    shoppers_ask(["kayaks to buy?"], rate=[1])  # out of scope, yet the shopper was helped
    found = _by_question(review_groups(review_store))
    assert set(found) == {"a tent for two"}
    group = found["a tent for two"]
    assert group.reasons == {NOT_HELPFUL: 1}
    row = review_store.conn.execute("SELECT text, cards FROM messages WHERE id = ?",
                                    (bad,)).fetchone()
    import json

    assert group.answer == row[0] and group.cards == json.loads(row[1])
    assert group.cards and all(c["kind"] == "product" for c in group.cards)


def test_asking_again_soon_in_other_words_marks_the_first_answer(review_store, shoppers_ask):
    first, again = "tent rental for a weekend?", "weekend tent rental"
    shoppers_ask([first, again], gap=30)
    found = _by_question(review_groups(review_store))
    assert set(found) == {first} and found[first].reasons == {REPHRASED: 1}


def test_a_later_or_different_question_is_no_rephrasing(review_store, shoppers_ask):
    shoppers_ask(["tent rental for a weekend?", "weekend tent rental"], gap=3600)  # an hour on
    shoppers_ask(["a tent for two", "what is your return policy?"], gap=30)  # another need
    assert review_groups(review_store) == []


def test_count_and_last_asked(review_store, shoppers_ask):
    now = datetime.now(timezone.utc)
    for days in (3, 2, 1):
        shoppers_ask(["do you sell kayaks?"], at=now - timedelta(days=days))
    [group] = review_groups(review_store)
    assert group.count == 3
    assert group.last_asked == now - timedelta(days=1)
    assert group.first_asked == now - timedelta(days=3)


def test_only_what_retention_keeps_is_read(review_store, shoppers_ask):
    from shopguide.privacy import retention

    now = datetime.now(timezone.utc)
    shoppers_ask(["do you sell kayaks?"], at=now - timedelta(days=40))
    shoppers_ask(["do you do gift wrapping?"], at=now - timedelta(days=2))
    assert len(review_groups(review_store)) == 2  # retention off: everything kept is read
    retention.set_setting(review_store, 30)
    # Not yet deleted (retention runs at start-up), but past it: not shown.
    assert review_store.conn.execute("SELECT count(*) FROM conversations").fetchone()[0] == 2
    assert [g.question for g in review_groups(review_store)] == ["do you do gift wrapping?"]


def test_kiosk_questions_carry_no_customer_link(review_store):
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.privacy.consent import grant

    grant(review_store, "c-emily", "history", source="counter")
    engine = Engine(review_store)
    kiosk = Conversation(customer=review_store.customer("c-emily"), mode="kiosk")
    list(engine.answer("do you sell kayaks?", kiosk, save=True))
    clerk = Conversation(customer=review_store.customer("c-emily"), mode="clerk")
    list(engine.answer("do you sell canoes?", clerk, save=True))
    links = dict(review_store.conn.execute("SELECT mode, customer_id FROM conversations"))
    assert links == {"kiosk": None, "clerk": "c-emily"}  # the gate works both ways
    assert {g.question for g in review_groups(review_store)} == {"do you sell kayaks?",
                                                                "do you sell canoes?"}

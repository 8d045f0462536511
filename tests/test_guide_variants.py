""""I like the second one, but with 512GB" asks for one like the product pointed at that
differs as said after the contrast word: a search among its kind, not a question about the
one pointed at."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product
from tests.fixtures.guide import ask_skus


@pytest.fixture
def phones(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    rows = (("P-1", "Galaxy S23 Phone 256GB, Black", "Phones", "Black"),
            ("P-2", "Galaxy A54 Phone 128GB, Black", "Phones", "Black"),
            ("P-3", "Galaxy A54 Phone 256GB, Blue", "Phones", "Blue"),
            ("P-4", "Galaxy S23 Phone 512GB, Black", "Phones", "Black"),
            ("C-1", "Phone Case 512GB Card Slot, Black", "Accessories", "Black"))
    for sku, name, category, colour in rows:
        fresh_store.save_product(Product(sku, name, category, 300.0, "USD", stock=3,
                                         colors=(colour,)))
    return Engine(fresh_store)


@pytest.mark.parametrize("text", ["I like the first one, but with 512GB",
                                  "第一个不错，但是要512GB的"])
def test_one_like_the_one_pointed_at_with_what_follows_the_contrast(phones, text: str) -> None:
    conv = Conversation()
    assert ask_skus(phones, conv, "a galaxy phone")[:1] == ["P-1"]
    plan = phones.plan(text, conv)
    assert not plan.query.refs and plan.intent == "find", plan.why
    assert [p.sku for p in plan.products] == ["P-4"], plan.why  # a phone, not the case


def test_without_a_contrast_the_message_is_about_the_one_pointed_at(phones) -> None:
    conv = Conversation()
    ask_skus(phones, conv, "a galaxy phone")
    plan = phones.plan("does the first one have 512GB?", conv)
    assert plan.query.refs == [0], plan.why


@pytest.mark.parametrize("text", ["I like the first one, but is it waterproof?",
                                  "第一个不错，但是防水吗"])
def test_a_question_after_the_contrast_asks_of_the_one_pointed_at(phones, text: str) -> None:
    conv = Conversation()
    ask_skus(phones, conv, "a galaxy phone")
    assert phones.plan(text, conv).query.refs == [0]


def test_a_comparison_after_the_contrast_is_no_search_of_its_own(phones) -> None:
    conv = Conversation()
    ask_skus(phones, conv, "a galaxy phone")
    assert phones.plan("I like the first one, but bigger", conv).query.refs == [0]


def test_the_budget_said_before_holds_for_the_variant(phones) -> None:
    conv = Conversation()
    ask_skus(phones, conv, "a galaxy phone under $350")
    plan = phones.plan("I like the first one, but with 512GB", conv)
    assert plan.query.max_price == 350 and [p.sku for p in plan.products] == ["P-4"], plan.why


def test_a_thing_named_like_a_comparative_is_no_comparison() -> None:
    from shopguide.text.english import is_comparative

    assert is_comparative("longer") and is_comparative("bigger")
    assert not any(is_comparative(w) for w in ("trimmer", "cooler", "warmer", "blue"))

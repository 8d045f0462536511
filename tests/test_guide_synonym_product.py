"""A store synonym that means a product by its full name (what the review's "means this
product" writes) makes that product the answer: whatever kind the question's words read as,
and before a buying guide the words also fit."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import FaqEntry, Product

CAT = "the neighbors cat keeps pooping in my veggie bed"
DOG = "my dog pulls a lot on walks, what should i get"


@pytest.fixture
def store(fresh_store):
    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for p in (
        Product("BED-1", "Plush Calming Donut Cat Bed", "Cat/Beds", 39.0, "USD", stock=4,
                tags=("cat", "bedding")),
        Product("SPR-1", "Orbit Yard Enforcer Motion-Activated Sprinkler", "Garden/Pest Control",
                59.0, "USD", stock=3, description="Startles animals away with a burst of water."),
        Product("HAR-1", "PetSafe Easy Walk No-Pull Dog Harness", "Dog/Walking", 24.0, "USD",
                stock=9, tags=("dog",)),
        Product("LEA-1", "Reflective Dog Leash 6 ft", "Dog/Walking", 15.0, "USD", stock=9,
                tags=("dog",)),
    ):
        fresh_store.save_product(p)
    fresh_store.save_faq(FaqEntry("choose_harness", "How do I choose a dog harness?",
                                  "Measure the chest; a front clip helps a dog that pulls."))
    return fresh_store


def _plan(store, text):
    from shopguide.guide.engine import Engine

    return Engine(store).plan(text, Conversation())


def test_without_the_synonym_the_words_decide(store) -> None:
    assert "SPR-1" not in [p.sku for p in _plan(store, CAT).products]


@pytest.mark.parametrize("text, sku", [(CAT, "SPR-1"), (DOG, "HAR-1")])
def test_the_product_a_synonym_means_is_the_answer(store, text: str, sku: str) -> None:
    name = store.product(sku).name
    store.save_synonym(text, [name])
    plan = _plan(store, text)
    assert plan.intent == "find" and plan.products[0].sku == sku, plan.why

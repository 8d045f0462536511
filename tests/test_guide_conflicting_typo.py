"""Constraints that exclude each other may hold a typo: "makita planner" reads as the store's
Planners (a kind Makita does not make), yet Makita's Planer is one edit away. The kind word is
repaired against the names of the products the brand leaves; a brand that makes nothing of
the kind still gets the honest "none fits"."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for p in (
        Product("PL-1", "Weekly Planner 2025", "Office/Planners", 12.0, "USD", "Moleskine", 9,
                "O1", (), ("Black",), (), "A week on two pages."),
        Product("MK-1", "Makita Cordless 3-1/4 in. Planer", "Tools/Power Tools/Planers", 158.0,
                "USD", "Makita", 3, "T2", (), (), (), "For wood, two carbide blades."),
        Product("MK-2", "Makita Belt Sander", "Tools/Power Tools/Sanders", 141.0, "USD",
                "Makita", 5, "T2", (), (), (), "Low noise."),
        Product("BO-1", "Bosch Random Orbit Sander", "Tools/Power Tools/Sanders", 89.0, "USD",
                "Bosch", 5, "T3", (), (), (), "Dust collection."),
    ):
        fresh_store.save_product(p)
    return Engine(fresh_store)


def test_a_kind_word_one_edit_from_the_brands_product_is_that_product(engine) -> None:
    plan = engine.plan("makita planner", Conversation())
    assert [p.sku for p in plan.products][:1] == ["MK-1"], plan.why


def test_the_kind_itself_still_finds_the_kind(engine) -> None:
    plan = engine.plan("planner", Conversation())
    assert [p.sku for p in plan.products] == ["PL-1"]


@pytest.mark.parametrize("text", ["bosch planner", "bosch planer"])
def test_a_brand_without_the_kind_shows_nothing_of_another_kind(engine, text: str) -> None:
    plan = engine.plan(text, Conversation())
    assert not any(p.category.endswith(("Planners", "Planers")) for p in plan.products), text
    assert all(p.brand == "Bosch" for p in plan.products), [p.sku for p in plan.products]

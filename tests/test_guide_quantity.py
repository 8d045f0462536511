"""Quantities asked for and stated: people and volume (guide/quantity.py), and their effect on ranking."""

from __future__ import annotations

import pytest

from shopguide.guide.quantity import Quantity, fits, quantities


@pytest.mark.parametrize("text, expected", [
    ("四人帐篷", [(4, 4, "people")]),
    ("双人帐篷", [(2, 2, "people")]),
    ("山屿3-4人自动速开帐篷", [(3, 4, "people")]),
    ("Shanyu 2-Person 3-Season Tent", [(2, 2, "people")]),
    ("Instant Pop-up Tent for 3–4", [(3, 4, "people")]),
    ("野径40升登山包", [(40, 40, "litre")]),
    ("a 40L pack", [(40, 40, "litre")]),
    ("750毫升保温水壶", [(750, 750, "ml")]),
    ("一双跑鞋，43码", []),  # a pair of shoes is no person
    ("30 days for returns", []),
])
def test_quantities_are_read_as_ranges(text, expected) -> None:
    assert [(q.low, q.high, q.unit) for q in quantities(text)] == [
        (float(a), float(b), u) for a, b, u in expected]


def test_a_range_holds_what_is_asked_and_units_must_agree() -> None:
    four = quantities("tent for 4 people")
    assert fits(four, [Quantity(3, 4, "people")])
    assert not fits(four, [Quantity(2, 2, "people")])
    assert not fits(four, [Quantity(4, 4, "litre")])
    assert not fits([], [Quantity(3, 4, "people")])  # nothing asked: no bonus


def test_the_tent_that_sleeps_four_comes_first(guide_store) -> None:
    from shopguide.guide.engine import Engine
    from shopguide.guide.events import Cards
    from shopguide.store.models import Product

    guide_store.save_product(Product("TN-2", "双人帐篷", "户外/帐篷", 599, "CNY", "山屿", 8, "C3",
                                     name_en="2-Person Tent", description="适合两个人露营"))
    guide_store.save_product(Product("TN-4", "3-4人速开帐篷", "户外/帐篷", 399, "CNY", "山屿", 15,
                                     "C3", name_en="Pop-up Tent for 3–4"))
    for question in ("四人帐篷", "a tent for 4 people"):
        cards = next(e for e in Engine(guide_store).answer(question) if isinstance(e, Cards))
        assert cards.cards[0].product.sku == "TN-4", question

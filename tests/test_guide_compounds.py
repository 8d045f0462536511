"""An English compound written as one word that the store writes as two ("birdseed" for a
"Wild Bird Seed Mix") is found by its parts, both of which the product must hold; a word
made of short store words by accident ("carpet": car + pet) is left alone."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.guide.matching import Alt, Doc, alt_score
from shopguide.store.models import Product
from shopguide.text import Analyzer


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for p in (
        Product("BS-1", "Wild Bird Seed Mix 5 lb", "Garden/Birds", 12.0, "USD", "Audubon", 9,
                "G1", (), (), (), "Millet and sunflower for garden birds."),
        Product("BF-1", "Hanging Bird Feeder", "Garden/Birds", 25.0, "USD", "Perky", 4, "G1",
                (), ("Green",), (), "Tube feeder with six ports."),
        Product("GS-1", "Lawn Grass Seed 3 lb", "Garden/Lawn", 18.0, "USD", "Scotts", 7, "G2",
                (), (), (), "Sun and shade mix."),
        Product("CP-1", "Pet Hair Roller", "Home/Cleaning", 8.0, "USD", "Lint Co", 5, "H1",
                (), (), (), "Lifts hair off car seats and sofas."),
    ):
        fresh_store.save_product(p)
    return Engine(fresh_store)


def test_a_one_word_compound_finds_the_product_holding_both_parts(engine, fresh_store) -> None:
    plan = engine.plan("do you sell birdseed", Conversation())
    assert plan.products and plan.products[0].sku == "BS-1", [p.sku for p in plan.products]
    # Without it, a feeder (bird) and a grass seed (seed) hold one part each: no match.
    fresh_store.delete_product("BS-1")
    plan = engine.plan("do you sell birdseed", Conversation())
    assert plan.intent == "out_of_scope" and not plan.products, [p.sku for p in plan.products]


def test_a_typo_is_repaired_before_a_word_is_split(engine, fresh_store) -> None:
    fresh_store.save_product(Product("BP-1", "Hiking Backpack 30L", "Outdoor/Bags", 60.0, "USD",
                                     "Osprey", 3, "O1"))
    fresh_store.save_product(Product("BB-1", "Back Support Belt", "Health/Braces", 20.0, "USD",
                                     "Mueller", 3, "O2"))
    plan = engine.plan("backback", Conversation())
    assert plan.products and plan.products[0].sku == "BP-1", [p.sku for p in plan.products]


def test_a_compound_split_by_accident_is_not_read_as_its_parts(engine) -> None:
    # "carpet" is car + pet, both words of this store, but three letters are too short
    # a part to tell a compound from a word that happens to contain them.
    plan = engine.plan("carpet", Conversation())
    assert plan.intent == "out_of_scope" and not plan.products, [p.sku for p in plan.products]


def test_a_row_must_hold_every_part_to_match_in_full() -> None:
    an = Analyzer()
    alt = Alt("bird seed", "en", 1.0, "bird seed", parts=("bird", "seed"))
    both = Doc.of(an, "Wild Bird Seed Mix", "")
    one = Doc.of(an, "Lawn Grass Seed", "")
    assert alt_score(alt, both) == 1.0
    assert alt_score(alt, one) == 0.0


def test_what_a_thing_is_for_is_not_the_thing_asked_for(fresh_store) -> None:
    # "toast" is no word of the store, but it is what the spread is for: the cheese spreads
    # answer; "lawn mowers" (an unknown head of the thing itself) still does not find mowers.
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.store.models import Product

    fresh_store.set_settings(name="Deli", language="en", currency="USD")
    fresh_store.save_product(Product("CS-1", "Truffle Cheese Spread", "Deli", 9.0, "USD", stock=4))
    fresh_store.save_product(Product("LB-1", "Lawn Bag", "Garden", 5.0, "USD", stock=4))
    for i in range(6):  # enough rows that a word none holds weighs as it would in a store
        fresh_store.save_product(Product(f"GB-{i}", f"Gift Box {i}", "Gifts", 5.0, "USD", stock=4))
    engine = Engine(fresh_store)
    plan = engine.plan("I want a cheese spread for my breakfast toast", Conversation())
    assert [p.sku for p in plan.products] == ["CS-1"], plan.why
    assert engine.plan("lawn mowers", Conversation()).intent == "out_of_scope"


def test_what_a_thing_is_for_weighs_less_than_the_thing(fresh_store) -> None:
    # "a warm jacket for skiing": jackets, not the ski neck gaiter that is warm too; the "for"
    # of "looking for" opens no purpose.
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.guide.query import understand
    from shopguide.guide.vocab import StoreVocab
    from shopguide.store.models import Product

    fresh_store.set_settings(name="Snow", language="en", currency="USD")
    for sku, name in (("J-1", "Warm Fleece Jacket"), ("J-2", "Warm Padded Jacket"),
                      ("G-1", "Warm Ski Neck Gaiter for Skiing"), ("B-1", "Ski Base Layer"),
                      ("S-1", "Ski Goggles"), ("S-2", "Ski Helmet")):
        fresh_store.save_product(Product(sku, name, "Apparel", 59.0, "USD", stock=4))
    engine = Engine(fresh_store)
    plan = engine.plan("looking for a warm jacket for skiing", Conversation())
    assert {p.sku for p in plan.products[:2]} == {"J-1", "J-2"}, plan.why
    q = understand("looking for a warm jacket for skiing", StoreVocab())
    assert [(s.said, s.purpose) for s in q.slots.slots] == [
        ("warm", False), ("jacket", False), ("skiing", True)]


def test_a_long_message_is_judged_by_the_sentence_that_states_the_thing(fresh_store) -> None:
    # The first sentence asks for the plush toy; the others add wishes in words the catalog
    # need not use. A long message whose sentences each name little stays out of scope.
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.store.models import Product

    fresh_store.set_settings(name="Toys", language="en", currency="USD")
    fresh_store.save_product(Product("PT-1", "Soft Cuddly Plush Cat Stuffed Animal Toy", "Nursery",
                                     19.99, "USD", stock=4))
    for i in range(8):
        fresh_store.save_product(Product(f"BK-{i}", f"Picture Book {i}", "Books", 9.0, "USD",
                                         stock=4))
    engine = Engine(fresh_store)
    long = ("I'm primarily looking for a plush toy or stuffed animal, soft and cuddly. I prefer "
            "something that's huggable and comfortable to hold. Plastic materials might not be "
            "suitable for what I have in mind.")
    assert [p.sku for p in engine.plan(long, Conversation()).products] == ["PT-1"]
    other = ("My car broke down this morning. The mechanic says the gearbox is gone. Where can I "
             "find a cheap rental nearby?")
    assert engine.plan(other, Conversation()).intent == "out_of_scope"


def test_a_title_that_names_the_thing_as_its_head_comes_first(fresh_store) -> None:
    # "a new laptop": the laptops before the laptop stands, though the stands say "laptop"
    # more often; a title ending in a function word has no head ("Watering Can").
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.guide.retrieve import title_head
    from shopguide.store.models import Product

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    rows = (("ST-1", "OMOTON Laptop Stand, Detachable Laptop Mount, Aluminum Laptop Holder"),
            ("ST-2", "VECOFO Laptop Stand for Desk, Aluminum Laptop Riser for All Laptops"),
            ("ST-3", "RIWUCT Foldable Laptop Stand, Laptop Riser Holder Mount"),
            ("LT-1", "ASUS Zenbook S 13 OLED Ultra Laptop, 13.3 inch, i7"),
            ("LT-2", "Dell Latitude 5420 14.0 Touchscreen Laptop (Intel i5, 16GB RAM)"))
    for sku, name in rows:
        fresh_store.save_product(Product(sku, name, "Computing", 99.0, "USD", stock=3))
    engine = Engine(fresh_store)
    skus = [p.sku for p in engine.plan("I am looking for a new laptop", Conversation()).products]
    assert skus[:2] and set(skus[:2]) == {"LT-1", "LT-2"}, skus
    assert title_head(Product("W-1", "Bloem 2 Gallon Watering Can", "Garden", 9.0, "USD")) is None

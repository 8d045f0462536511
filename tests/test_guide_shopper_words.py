"""Shopper words reach the catalog's: "for cold weather" → winter, down; "for my wife" → 女款."""

from __future__ import annotations

from shopguide.guide.engine import Engine
from shopguide.guide.events import Cards
from shopguide.store.models import Product


def test_cold_weather_ranks_the_winter_bag_first(guide_store) -> None:
    guide_store.save_product(Product("SB-1", "儿童睡袋", "户外/睡袋", 169, "CNY", "山屿", 10, "C5",
                                     tags=("儿童", "春夏", "kids"), name_en="Kids Sleeping Bag"))
    guide_store.save_product(Product("SB-2", "-10℃鹅绒睡袋", "户外/睡袋", 1899, "CNY", "Borealis", 3,
                                     "C5", tags=("冬季", "羽绒", "winter", "down"),
                                     name_en="-10 °C Down Sleeping Bag"))
    for question in ("sleeping bag for cold weather", "天冷用的睡袋"):
        cards = next(e for e in Engine(guide_store).answer(question) if isinstance(e, Cards))
        assert cards.cards[0].product.sku == "SB-2", question


def test_who_it_is_for_prefers_their_cut(guide_store) -> None:
    guide_store.save_product(Product("W-1", "女款轻跑鞋", "鞋/跑鞋", 359, "CNY", "云跃", 18, "A2",
                                     tags=("女款", "轻量")))
    guide_store.save_product(Product("M-1", "男款轻跑鞋", "鞋/跑鞋", 359, "CNY", "云跃", 18, "A2",
                                     tags=("男款", "轻量")))
    first = {}
    for question in ("给我老婆买双轻跑鞋", "给我老公买双轻跑鞋"):
        cards = next(e for e in Engine(guide_store).answer(question) if isinstance(e, Cards))
        first[question] = cards.cards[0].product.sku
    assert first == {"给我老婆买双轻跑鞋": "W-1", "给我老公买双轻跑鞋": "M-1"}


def test_a_common_short_name_reaches_the_catalogs_word(fresh_store) -> None:
    # "television" for a catalog that writes "TV"; "a book" is a book, not a booking.
    from shopguide.guide.conversation import Conversation
    from shopguide.store.models import FaqEntry

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    fresh_store.save_product(Product("TV-1", "55 inch 4K Smart TV", "Electronics", 399.0, "USD",
                                     stock=3))
    fresh_store.save_product(Product("BK-1", "Picture Book for Children", "Books", 12.0, "USD",
                                     stock=9))
    fresh_store.save_faq(FaqEntry("booking", "How do I book an installation?",
                                  "Book online or at the counter.", (), ("booking",)))
    engine = Engine(fresh_store)
    assert [p.sku for p in engine.plan("I want to buy a television.", Conversation()).products] \
        == ["TV-1"]
    plan = engine.plan("I want a book for children.", Conversation())
    assert plan.intent == "find" and [p.sku for p in plan.products] == ["BK-1"], plan.why
    assert engine.plan("can I book an installation?", Conversation()).faq.id == "booking"


def test_cheap_is_priced_against_the_things_asked_for(fresh_store) -> None:
    # "the best value cat food": cheap among cat foods, not below the plush cats' prices
    # (which left no cat food at all).
    from shopguide.guide.conversation import Conversation

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for sku, name, price in (("CF-1", "Dry Cat Food 3 lb", 23.99), ("CF-2", "Raw Cat Food Pack", 32.99),
                             ("CF-3", "Wet Cat Food 12 cans", 27.5)):
        fresh_store.save_product(Product(sku, name, "Pets/Nutrition", price, "USD", stock=5))
    for i in range(12):  # a store's other rows: "cat" is a rare word, as it would be
        fresh_store.save_product(Product(f"GH-{i}", f"Garden Hose {i} ft", "Garden", 20.0 + i,
                                         "USD", stock=5))
    for i in range(5):
        fresh_store.save_product(Product(f"PL-{i}", f"Plush Cat Doll {i}", "Toys", 9.99 + i, "USD",
                                         stock=5))
    plan = Engine(fresh_store).plan("Tell me about the best value cat food", Conversation())
    assert plan.products and plan.products[0].sku == "CF-1", plan.why


def test_a_colour_ranks_by_the_name_where_the_catalog_lists_no_colours(fresh_store) -> None:
    # Titles only (no colours column): "black" is still what the shopper wants.
    from shopguide.guide.conversation import Conversation

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for i in range(4):
        fresh_store.save_product(Product(f"PH-{i}", f"Galaxy A1{i} Cell Phone, Silver", "Mobile",
                                         199.0 + i, "USD", stock=3))
    fresh_store.save_product(Product("PH-9", "Galaxy S10 Unlocked 128GB Cell Phone with Dual SIM "
                                     "and Fast Charging, Black", "Mobile", 419.0, "USD", stock=3))
    for i in range(6):
        fresh_store.save_product(Product(f"GH-{i}", f"Garden Hose {i}", "Garden", 20.0, "USD",
                                         stock=3))
    engine, conv = Engine(fresh_store), Conversation()
    list(engine.answer("cell phones", conv))
    plan = engine.plan("Black color, please.", conv)  # was "can't help": no colour to filter by
    assert plan.intent == "find" and [p.sku for p in plan.products][:1] == ["PH-9"], plan.why

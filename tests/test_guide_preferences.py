"""A shopper's preference goes on with the kind of thing being talked about: "one that can
run the latest games" after graphics cards describes a graphics card (the games are what it is
for); "I prefer NVIDIA graphics cards" wishes for products, it asks nothing of the card on
screen; "I'd like regular soda, I enjoy fruity flavours" after sodas still wants a soda,
though most of its words are the store's to learn."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product
from tests.fixtures.guide import ask_skus


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    rows = (("G-1", "GIGABYTE GeForce RTX 4070 Graphics Card", "Computing/PC Components"),
            ("G-2", "NVIDIA GeForce RTX 4060 Graphics Card", "Computing/PC Components"),
            ("G-3", "Sapphire AMD Radeon RX 6700 Graphics Card", "Computing/PC Components"),
            ("V-1", "The Witcher 3 Game of the Year Edition", "Gaming/Console Titles"),
            ("V-2", "Days Gone - Playstation 4 Game", "Gaming/Console Titles"),
            ("S-1", "Pepsi Zero Sugar Soda, 7.5 Ounce Cans", "Pantry/Cold Drinks"),
            ("S-2", "Coca-Cola Soda, 12 Ounce Cans", "Pantry/Cold Drinks"),
            ("K-1", "Lavazza Whole Bean Coffee", "Pantry/Coffee"))
    for i, (sku, name, category) in enumerate(rows):
        fresh_store.save_product(Product(sku, name, category, 20.0 + i, "USD", stock=3))
    return Engine(fresh_store)


def test_a_kind_named_after_one_that_describes_the_one(engine) -> None:
    conv = Conversation()
    ask_skus(engine, conv, "Can you recommend a graphics card to me?")
    plan = engine.plan("One that can support the latest large-scale games would be good.", conv)
    skus = [p.sku for p in plan.products]
    assert skus and all(s.startswith("G-") for s in skus), plan.why


def test_a_stated_preference_is_a_search_not_a_question_about_the_one_shown(engine) -> None:
    conv = Conversation()
    ask_skus(engine, conv, "Can you recommend a graphics card to me?")
    plan = engine.plan("Actually, I prefer NVIDIA graphics cards.", conv)
    assert not plan.query.about_focus and plan.products, plan.why
    assert plan.products[0].sku == "G-2", plan.why


def test_going_on_about_the_kind_talked_about_finds_it(engine) -> None:
    conv = Conversation()
    ask_skus(engine, conv, "Hello, I'm looking to buy some soda.")
    plan = engine.plan("I'd like regular soda, and I enjoy fruity flavors.", conv)
    assert plan.intent == "find" and plan.products, plan.why
    assert all(p.sku.startswith("S-") for p in plan.products)


def test_a_trouble_told_after_a_product_is_a_new_need(fresh_store) -> None:
    # "我家孩子晚上老踢被子怎么办" after car seats asks for what solves it (a sleeping bag that
    # stays on), not what the car seat's text says about kicking off a quilt.
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="zh", currency="CNY")
    fresh_store.save_product(Product("CS-1", "儿童安全座椅", "出行/安全座椅", 1599.0, "CNY",
                                     description="ISOFIX固定，适合9个月-12岁。", stock=3))
    fresh_store.save_product(Product("SD-1", "婴儿睡袋 四季通用", "童装/睡袋", 199.0, "CNY",
                                     description="宝宝晚上再怎么踢被子也盖得住。",
                                     tags=("防踢被",), stock=3))
    engine, conv = Engine(fresh_store), Conversation()
    assert ask_skus(engine, conv, "安全座椅") == ["CS-1"]
    plan = engine.plan("我家孩子晚上老踢被子怎么办", conv)
    assert not plan.query.about_focus and [p.sku for p in plan.products][:1] == ["SD-1"], plan.why


def test_a_word_no_row_holds_said_after_products_is_a_thing_not_carried(fresh_store) -> None:
    # "耐克吧" after shoes: the store has no Nike; no question about the shoe shown.
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="zh", currency="CNY")
    for sku, name in (("S-1", "Keen 女士运动鞋"), ("S-2", "亚瑟士 男士跑鞋")):
        fresh_store.save_product(Product(sku, name, "鞋靴/运动跑鞋", 599.0, "CNY", stock=3))
    engine, conv = Engine(fresh_store), Conversation()
    assert ask_skus(engine, conv, "我想要双跑鞋")
    plan = engine.plan("耐克吧", conv)
    assert plan.intent == "out_of_scope" and not plan.products, plan.why
    assert "耐克" in plan.composed


@pytest.mark.parametrize("text", ["没有具体的需求", "随便，都可以", "no preference, anything is fine"])
def test_no_preference_shows_the_kind_again(engine, text: str) -> None:
    conv = Conversation()
    ask_skus(engine, conv, "Hello, I'm looking to buy some soda.")
    plan = engine.plan(text, conv)
    assert plan.intent == "find" and plan.products, plan.why
    assert all(p.sku.startswith("S-") for p in plan.products)


@pytest.fixture
def spreads(fresh_store):
    from shopguide.guide.engine import Engine
    from shopguide.store.models import FaqEntry

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    rows = (("C-1", "Mascarpone Cheese Spread 500g", "Pantry/Spreads", "Made in Italy."),
            ("C-2", "Garlic Herb Cheese Spread", "Pantry/Spreads", "A soft spread from France."),
            ("C-3", "Cream Cheese Spread, Original", "Pantry/Spreads", "Smooth and mild."),
            ("J-1", "Wool Blazer Sport Coat", "Apparel/Tailoring", "Tailored in Italy."),
            ("P-1", "Cooling Bed Pillows for Sleeping", "Bedding/Pillows", "Gel fibre fill."),
            ("F-1", "Wood Platform Bed Frame, Queen", "Furnishings/Frames", "Solid pine slats."))
    for i, (sku, name, category, text) in enumerate(rows):
        fresh_store.save_product(Product(sku, name, category, 10.0 + i, "USD", stock=3,
                                         description=text))
    fresh_store.save_faq(FaqEntry("abroad", "Do you ship to Italy or other countries?",
                                  "We ship to most of Europe."))
    return Engine(fresh_store)


@pytest.mark.parametrize("wish", ["Preferably from Italy.", "I'd prefer one from Italy."])
def test_a_wish_that_a_thing_of_the_kind_meets_is_among_that_kind(spreads, wish: str) -> None:
    conv = Conversation()
    ask_skus(spreads, conv, "I'd like a cheese spread for my toast.")
    plan = spreads.plan(wish, conv)
    assert plan.intent == "find", plan.why  # a wish, not the shipping policy
    assert [p.sku for p in plan.products][:1] == ["C-1"], plan.why
    assert "J-1" not in [p.sku for p in plan.products]  # Italian, but no cheese spread


def test_a_wish_no_thing_of_the_kind_meets_leads(spreads) -> None:
    conv = Conversation()
    ask_skus(spreads, conv, "I want bed pillows.")
    plan = spreads.plan("Preferably made of wood", conv)
    assert [p.sku for p in plan.products][:1] == ["F-1"], plan.why


def test_a_headless_clause_after_products_narrows_them(fresh_store) -> None:
    # "索尼的" after headphones: the Sony ones (a catalog without a brand column), not a
    # question about the headphone on screen.
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="店", language="zh", currency="CNY")
    for sku, name in (("H-1", "Bose 蓝牙降噪耳机"), ("H-2", "Sony 索尼 入耳式耳机 白色"),
                      ("H-3", "Sony 索尼 头戴式无线耳机")):
        fresh_store.save_product(Product(sku, name, "影音/耳机", 500.0, "CNY", stock=3))
    engine, conv = Engine(fresh_store), Conversation()
    assert ask_skus(engine, conv, "我想买个耳机")
    plan = engine.plan("索尼的", conv)
    assert not plan.query.about_focus and {p.sku for p in plan.products} == {"H-2", "H-3"}

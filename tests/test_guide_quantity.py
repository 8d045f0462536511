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
    ("４人帐篷", [(4, 4, "people")]),  # full-width, folded as the resource's words are
    ("一双跑鞋，43码", []),  # a pair of shoes is no person
    ("30 days for returns", []),
    ("安全座椅 9个月-12岁", [(0.75, 12, "age")]),  # a month at one end, years at the other
    ("儿童增高垫 3-12岁", [(3, 12, "age")]),
    ("for ages 3-12 years", [(3, 12, "age")]),
    ("sleep sack for babies 0-6 months", [(0, 0.5, "age")]),
    ("保质期6-12个月", []), ("warranty 1-2 years", []),  # a time, with no word of an age near
    ("gift for a 3 year old", [(3, 3, "age")]),
    ("保修12个月", []),  # a month count alone in a product's text is as often a warranty
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


def test_a_measure_near_the_one_asked_counts_in_part() -> None:
    from shopguide.guide.quantity import nearness

    about_30 = quantities("around 30 liters")
    assert nearness(about_30, quantities("野径35升登山包")) == pytest.approx(1 - (5 / 30) / 0.5)
    assert nearness(about_30, quantities("65L pack")) == 0.0  # far off: nothing
    assert nearness(about_30, quantities("20-30L")) == 1.0  # held
    assert nearness(quantities("-10℃"), quantities("0℃ bag")) == 0.0  # a rating is no distance


@pytest.mark.parametrize("first, then", [("backpacks", "around 30 liters"), ("背包", "30升左右的")])
def test_a_measure_said_after_a_search_narrows_it(fresh_store, first: str, then: str) -> None:
    # The measure (with its "about") is a constraint on the packs shown, not words to search
    # for: "around" in an "all-around" tee must not bring the tee.
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.store.models import Product
    from tests.fixtures.guide import ask_skus

    fresh_store.set_settings(name="Nova", language="zh", currency="CNY")
    for sku, name, en, litres in (("BP-1", "野径22升日行包", "22L Daypack", 22),
                                  ("BP-2", "诺瓦25升运动双肩包", "25L Sports Backpack", 25),
                                  ("BP-3", "野径35升登山包", "35L Hiking Backpack", 35),
                                  ("BP-4", "野径65升重装包", "65L Trekking Backpack", 65)):
        fresh_store.save_product(Product(sku, name, "户外/背包", 100.0 + litres, "CNY",
                                         name_en=en, tags=("背包", "backpack")))
    fresh_store.save_product(Product("TS-1", "速干T恤", "服装/T恤", 69.0, "CNY",
                                     name_en="All-around quick-dry tee"))
    engine, conv = Engine(fresh_store), Conversation()
    ask_skus(engine, conv, first)
    skus = ask_skus(engine, conv, then)
    assert set(skus[:3]) == {"BP-1", "BP-2", "BP-3"} and "TS-1" not in skus, skus


@pytest.mark.parametrize("text, age", [("宝宝六个月了", 0.5), ("my 6 month old", 0.5),
                                       ("孩子3岁", 3.0), ("用了3个月就坏了", None),
                                       ("can I return it within 6 months?", None)])
def test_a_shoppers_age_is_read_alone_too(text: str, age: float | None) -> None:
    assert [(q.low, q.unit) for q in quantities(text, asked=True)] == (
        [(age, "age")] if age is not None else [])


@pytest.mark.parametrize("text, grams", [("整帐仅约1.2公斤", [1200.0]), ("Dog Food 30 lb", [13608.0]),
                                         ("最大承重25kg，车重6.8kg", [6800.0]), ("5G手机", []),
                                         ("16G内存", []), ("S for dogs up to 26 lb", [])])
def test_weights_are_the_products_own(text: str, grams: list[float]) -> None:
    from shopguide.guide.quantity import weights

    assert weights(text) == grams


def test_a_product_for_another_age_comes_after_one_that_states_none(fresh_store) -> None:
    # A six-month-old: the seat for 0-4 years, then the one that says no age; the booster for
    # 3-12 years last, though its words fit as well.
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.store.models import Product
    from tests.fixtures.guide import ask_skus

    fresh_store.set_settings(name="Shop", language="zh", currency="CNY")
    for sku, name in (("ZY-1", "感恩 宝宝安全座椅 增高垫 3-12岁"), ("ZY-2", "宝得适 宝宝安全座椅 0-4岁"),
                      ("ZY-3", "迈可适 宝宝安全座椅")):
        fresh_store.save_product(Product(sku, name, "出行/安全座椅", 999.0, "CNY", stock=3))
    for sku, name, kind in (("TC-1", "轻便婴儿推车", "出行/婴儿推车"), ("NP-1", "宽口径奶瓶", "喂养/奶瓶"),
                            ("NP-2", "玻璃奶瓶", "喂养/奶瓶"), ("WJ-1", "宝宝摇铃", "玩具")):
        fresh_store.save_product(Product(sku, name, kind, 99.0, "CNY", stock=3))
    skus = ask_skus(Engine(fresh_store), Conversation(), "宝宝六个月了，想买个安全座椅")
    assert skus == ["ZY-2", "ZY-3", "ZY-1"], skus


def test_a_headless_clause_with_a_measure_narrows_the_kind_discussed(fresh_store) -> None:
    # "四个人住的" after tents: tents for four (个 between the number and 人), not whatever
    # else says 住.
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.store.models import Product
    from tests.fixtures.guide import ask_skus

    fresh_store.set_settings(name="Shop", language="zh", currency="CNY")
    for sku, name, kind in (("T-1", "家庭六人帐篷", "户外/帐篷"), ("T-2", "3-4人自动速开帐篷", "户外/帐篷"),
                            ("T-3", "双人帐篷", "户外/帐篷"), ("H-1", "保暖帽 盖住耳朵", "服饰/帽子")):
        fresh_store.save_product(Product(sku, name, kind, 399.0, "CNY", stock=3))
    engine, conv = Engine(fresh_store), Conversation()
    assert set(ask_skus(engine, conv, "我想买个帐篷")) == {"T-1", "T-2", "T-3"}
    skus = ask_skus(engine, conv, "四个人住的")
    assert skus[0] == "T-2" and "H-1" not in skus, skus


@pytest.mark.parametrize("text, said", [("可视空气炸锅 5L", ["5L"]), ("山屿3-4人自动速开帐篷", ["3-4人"]),
                                        ("LG 27英寸 显示器", ["27英寸"]), ("安全座椅 9个月-12岁", []),
                                        ("3 Pairs socks 100% cotton", []),
                                        ("Power bank 10000mAh 20W", [])])
def test_how_big_a_name_says_a_thing_is(text: str, said: list[str]) -> None:
    from shopguide.guide.quantity import size_spans

    assert size_spans(text) == said

"""Turning down what was just shown asks for others of its kind: "不喜欢，换一个" after running
shoes is another running shoe, not the exchange policy its 换 also names (that is for a thing
already bought); "还有别的吗" / "any other options?" asks for ones not shown yet, and is no
"thanks" though it opens with one."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import FaqEntry, Product
from tests.fixtures.guide import ask_skus


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Nova", language="zh", currency="CNY")
    for i, (name, en) in enumerate((("缓震跑鞋", "Cushion Running Shoe"),
                                    ("稳定跑鞋", "Stability Running Shoe"),
                                    ("轻量跑鞋", "Lightweight Running Shoe"),
                                    ("竞速跑鞋", "Racing Running Shoe"),
                                    ("越野跑鞋", "Trail Running Shoe"))):
        fresh_store.save_product(Product(f"RS-{i}", name, "鞋/跑鞋", 300.0 + 50 * i, "CNY",
                                         name_en=en, stock=5, tags=("跑鞋",)))
    fresh_store.save_faq(FaqEntry("exchanges", "可以换货吗？", "30天内未穿着可以换尺码或颜色。",
                                  ("can I exchange it",), ("换货",)))
    return Engine(fresh_store)


@pytest.mark.parametrize("first, then", [
    ("跑鞋", "不喜欢，换一个"), ("跑鞋", "这个不好看，换一个"),
    ("running shoes", "I don't like it, show me another one"),
    # a degree word inside the words that turn down hides nothing: 不是很喜欢 is 不喜欢,
    # "don't really like" "don't like"
    ("跑鞋", "不是很喜欢，换一个"), ("跑鞋", "这个不怎么好看"),
    ("running shoes", "I don't really like it")])
def test_turning_down_the_one_recommended_shows_others(engine, first: str, then: str) -> None:
    conv = Conversation()
    shown = ask_skus(engine, conv, first)
    plan = engine.plan(then, conv)
    assert plan.intent == "find" and plan.faq is None, plan.why
    skus = [p.sku for p in plan.products]
    assert skus and shown[0] not in skus and all(s.startswith("RS-") for s in skus)


@pytest.mark.parametrize("more", ["还有别的吗", "Thanks for the suggestion. Any other options?",
                                  "Sounds good. Any other suggestions?", "再推荐几款类似的"])
def test_asking_for_more_shows_ones_not_shown_yet(engine, more: str) -> None:
    conv = Conversation()
    shown = ask_skus(engine, conv, "跑鞋")
    plan = engine.plan(more, conv)
    assert plan.intent == "find", plan.why
    skus = [p.sku for p in plan.products]
    assert skus and not set(skus) & set(shown)


@pytest.mark.parametrize("text", ["我买的鞋不喜欢，能换一个吗", "不喜欢，换一个"])
def test_a_thing_already_bought_or_nothing_shown_asks_the_policy(engine, text: str) -> None:
    conv = Conversation()
    if text.startswith("我买的"):
        ask_skus(engine, conv, "跑鞋")  # shown, but the shopper speaks of the pair they bought
    plan = engine.plan(text, conv)
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == "exchanges"


def test_turning_down_the_only_match_offers_others_of_its_kind(fresh_store) -> None:
    # "No, I don't like Adidas." after the one "hat": the caps of the same kind, not the
    # Adidas hat again.
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for sku, name in (("H-1", "adidas Superlite Performance Hat"), ("C-1", "Nike Featherlight Cap"),
                      ("C-2", "Nike Aerobill Running Cap")):
        fresh_store.save_product(Product(sku, name, "Apparel/Headwear", 29.99, "USD", stock=3))
    fresh_store.save_product(Product("S-1", "adidas Crew Socks", "Apparel/Socks", 12.0, "USD",
                                     stock=3))
    engine, conv = Engine(fresh_store), Conversation()
    assert ask_skus(engine, conv, "I'd like to buy a hat.") == ["H-1"]
    assert set(ask_skus(engine, conv, "No, I don't like Adidas.")) == {"C-1", "C-2"}


@pytest.mark.parametrize("text", ["恩恩，谢谢啦", "嗯嗯 谢谢"])
def test_a_filler_before_thanks_is_no_question_about_the_product(engine, text: str) -> None:
    conv = Conversation()
    ask_skus(engine, conv, "跑鞋")
    assert engine.plan(text, conv).intent == "thanks"


def test_another_brand_when_none_is_left_offers_nothing_unrelated(fresh_store) -> None:
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="zh", currency="CNY")
    fresh_store.save_product(Product("DJ-1", "北面 男士羽绒服", "服装/外套", 2970.0, "CNY",
                                     brand="北面", stock=3))
    fresh_store.save_product(Product("DJ-2", "罗索 无缝羽绒服", "服装/外套", 1420.0, "CNY",
                                     brand="罗索", stock=3))
    fresh_store.save_product(Product("HT-1", "雨果 男士帽子", "服装/帽子", 390.0, "CNY",
                                     brand="雨果", stock=3))
    engine, conv = Engine(fresh_store), Conversation()
    assert set(ask_skus(engine, conv, "请问有羽绒服吗？")) == {"DJ-1", "DJ-2"}
    plan = engine.plan("换个牌子，这个不好看", conv)
    assert "HT-1" not in [p.sku for p in plan.products], plan.why


def test_turning_down_the_kind_shown_by_its_name_asks_for_others_of_it(fresh_store) -> None:
    # "I don't like the backpacks you showed me": other backpacks, not anything but backpacks.
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for i, name in enumerate(("Hiking Backpack 20L", "Hiking Backpack 35L",
                              "Travel Backpack 40L", "Daypack Backpack 25L")):
        fresh_store.save_product(Product(f"B-{i}", name, "Outdoor/Packs", 40.0 + i, "USD",
                                         stock=3))
    fresh_store.save_product(Product("N-1", "Hiking Trail Notebook", "Books/Maps", 9.0, "USD",
                                     stock=3))
    engine, conv = Engine(fresh_store), Conversation()
    shown = ask_skus(engine, conv, "I want a hiking backpack")
    plan = engine.plan("Please provide some more options. I don't like the backpacks you "
                       "showed me.", conv)
    assert "backpack" not in plan.query.exclude_words, plan.why
    skus = [p.sku for p in plan.products]
    assert {"B-2", "B-3"} <= set(skus) and not set(skus) & set(shown), skus

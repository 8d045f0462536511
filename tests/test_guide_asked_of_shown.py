"""What is asked of the products shown is answered from them. "有什么颜色" / "what sizes?" /
"多少钱" ask for the colours, sizes or price they come in: answered from those fields, not
from a policy that mentions colours (exchanges), the sizing guide, or another product whose
name shares the question's filler; "is it waterproof?" asks about the product pointed at."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import FaqEntry, Product

EXCHANGES = FaqEntry("exchanges", "可以换尺码或颜色吗？", "30天内未穿着可以免费换尺码或颜色。",
                     ("can I exchange for another size or colour",), ("换货",))
SIZING = FaqEntry("size-guide", "尺码怎么选？", "按脚长选码：脚长加一厘米。",
                  ("what size should I get", "size chart"), ("尺码",))
KEYBOARD = Product("KB-1", "机械键盘（多种轴体可选）", "电脑配件/键盘", 209, "CNY", None, 5, "C1",
                   (), (), ("机械键盘",), "下单时可选轴体。")


@pytest.fixture
def engine(guide_store):
    from shopguide.guide.engine import Engine

    for row in (EXCHANGES, SIZING):
        guide_store.save_faq(row)
    guide_store.save_product(KEYBOARD)
    return Engine(guide_store)


@pytest.mark.parametrize("first, asked, field, said", [
    ("缓震跑鞋", "有什么颜色", "colors", "蓝色"),
    ("缓震跑鞋", "有哪些尺码", "sizes", "38/39/40/41"),
    ("Cushion Running Shoe", "what sizes?", "sizes", "38/39/40/41"),
    ("Cushion Running Shoe", "what colours does it come in?", "colors", "blue"),
    ("缓震跑鞋", "有几种颜色可选", "colors", "蓝色"),  # "可选" is also in the keyboard's name
])
def test_the_colours_or_sizes_asked_come_from_the_products_fields(
        engine, first: str, asked: str, field: str, said: str) -> None:
    conv = Conversation()
    list(engine.answer(first, conv))
    assert [p.sku for p in conv.shown][:1] == ["SH-2"]
    plan = engine.plan(asked, conv)
    assert plan.variants == field and [p.sku for p in plan.products] == ["SH-2"], plan.why
    assert plan.faq is None or plan.intent != "policy"
    assert said in plan.composed


def test_several_shown_each_gives_its_own(engine) -> None:
    conv = Conversation()
    list(engine.answer("跑鞋", conv))
    plan = engine.plan("有哪些尺码", conv)
    assert plan.variants == "sizes" and len(plan.products) > 1
    for p in plan.products:
        assert "/".join(p.sizes) in plan.composed


def test_a_colour_named_is_a_wish_not_a_question_for_the_list(engine) -> None:
    conv = Conversation()
    list(engine.answer("缓震跑鞋", conv))
    assert engine.plan("有红色的吗", conv).variants is None
    # and with nothing shown, "what sizes?" is still the sizing guide
    assert engine.plan("what sizes should I get?", Conversation()).intent == "policy"


@pytest.mark.parametrize("asked", ["多少钱", "价格呢", "how much are they?", "how much?"])
def test_a_price_asked_of_the_products_shown_gives_each_ones(engine, asked: str) -> None:
    """"多少钱" after a list was out of scope (no words to search for): it asks the price of
    what was just shown."""
    conv = Conversation()
    list(engine.answer("跑鞋", conv))
    plan = engine.plan(asked, conv)
    assert plan.intent == "find" and plan.variants == "price", plan.why
    assert [p.sku for p in plan.products] == [p.sku for p in conv.shown][:len(plan.products)]
    for p in plan.products:
        assert f"¥{p.price:g}" in plan.composed


def test_a_price_asked_right_after_a_policy_is_the_policys_fee(engine) -> None:
    conv = Conversation()
    list(engine.answer("跑鞋", conv))
    list(engine.answer("退货政策是什么", conv))
    plan = engine.plan("多少钱", conv)
    assert plan.variants is None


@pytest.mark.parametrize("first, asked", [("羽绒服", "它防水吗"), ("羽绒服", "防水吗"),
                                          ("Light Down Jacket", "is it waterproof?")])
def test_a_feature_asked_of_the_product_pointed_at_stays_with_its_kind(
        engine, first: str, asked: str) -> None:
    """"is it waterproof?" after a down jacket asks about the jacket: the waterproof hiking
    boot fits the word better, but it is no jacket (the catalog's silence is the answer). A
    Chinese yes/no question points with no word at all ("防水吗")."""
    conv = Conversation()
    list(engine.answer(first, conv))
    assert conv.shown and conv.shown[0].sku == "JK-1"
    plan = engine.plan(asked, conv)
    assert [p.sku for p in plan.products] == ["JK-1"], plan.why
    assert plan.about is not None and plan.about.clause is None


@pytest.mark.parametrize("asked, said", [("多重", "没有写明"), ("几个月能用", "90%白鸭绒")])
def test_a_question_with_no_word_to_search_for_asks_about_the_product_discussed(
        engine, asked: str, said: str) -> None:
    """"多重" (how heavy) or "几个月能用" after a product: every word is a function word, so
    there is nothing to search for; it was out of scope. It asks about the product shown,
    whose own text is the answer (which states no weight: test_guide_measure_answers)."""
    conv = Conversation()
    list(engine.answer("轻薄羽绒服", conv))
    plan = engine.plan(asked, conv)
    assert plan.intent == "find" and [p.sku for p in plan.products] == ["JK-1"], plan.why
    assert said in plan.composed
    assert engine.plan(asked, Conversation()).intent != "find"


MONITOR = Product("MN-1", "显示器 27英寸", "电脑配件/显示器", 1689, "CNY", None, 3, "C2", (), (),
                  ("显示器",), "亮度在显示器背后的菜单键里调节，无键盘快捷键。")


def test_another_kind_named_asks_of_the_product_discussed_when_its_text_holds_every_word(
        engine, guide_store) -> None:
    # "键盘没有快捷键嘛?" after a monitor whose own text speaks of keyboard shortcuts asks
    # about the monitor; "键盘有吗" (only the other kind) is a new search.
    guide_store.save_product(MONITOR)
    from shopguide.guide.engine import Engine

    engine = Engine(guide_store)
    conv = Conversation()
    list(engine.answer("显示器亮度怎么调", conv))
    assert [p.sku for p in conv.shown][:1] == ["MN-1"]
    plan = engine.plan("键盘没有快捷键嘛?", conv)
    assert [p.sku for p in plan.products] == ["MN-1"] and plan.discussed, plan.why
    assert "无键盘快捷键" in plan.composed
    assert [p.sku for p in engine.plan("键盘有吗", conv).products][:1] == ["KB-1"]

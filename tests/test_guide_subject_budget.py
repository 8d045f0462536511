"""A budget said for a kind of thing holds while the conversation keeps that kind: "预算500以
内的跑鞋", then "他体重比较大，要缓震好的" and "有没有适合冬天跑步的" are still within 500 (the
winter shoe at 529 is not shown); a message that says a budget of its own replaces it."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product
from tests.fixtures.guide import ask_skus


@pytest.fixture
def shoes(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="店", language="zh", currency="CNY")
    for sku, name, price, tags in (("RS-1", "基础跑鞋", 299.0, ("入门",)),
                                   ("RS-2", "缓震跑鞋", 459.0, ("缓震",)),
                                   ("RS-3", "宽楦缓震跑鞋", 489.0, ("缓震", "大体重")),
                                   ("RS-4", "冬季防泼水跑鞋", 529.0, ("冬季", "保暖")),
                                   ("RS-5", "轻量冬季跑鞋", 399.0, ("冬季",))):
        sizes = ("42", "43") if sku != "RS-4" else ("40", "41")
        fresh_store.save_product(Product(sku, name, "鞋/跑鞋", price, "CNY", stock=5, tags=tags,
                                         sizes=sizes))
    return Engine(fresh_store)


def test_the_budget_holds_while_the_kind_is_kept(shoes) -> None:
    conv = Conversation()
    ask_skus(shoes, conv, "预算500以内的跑鞋")
    for text in ("他体重比较大，要缓震好的", "有没有适合冬天跑步的"):
        skus = ask_skus(shoes, conv, text)
        assert skus and "RS-4" not in skus, (text, skus)
    assert skus[0] == "RS-5"


def test_the_size_holds_too(shoes) -> None:
    conv = Conversation()
    assert ask_skus(shoes, conv, "43码的跑鞋")
    skus = ask_skus(shoes, conv, "有没有适合冬天跑步的")
    assert skus == ["RS-5"], skus  # the winter shoe in 43, not the one without it


def test_a_budget_of_its_own_replaces_it(shoes) -> None:
    conv = Conversation()
    ask_skus(shoes, conv, "预算500以内的跑鞋")
    skus = ask_skus(shoes, conv, "有没有600以内适合冬天跑步的")
    assert "RS-4" in skus


def test_explain_says_what_was_kept(shoes) -> None:
    from shopguide.guide.explain import explain

    conv = Conversation()
    ask_skus(shoes, conv, "预算500以内的43码跑鞋")
    lines = explain(shoes.plan("有没有适合冬天跑步的", conv), shoes.vocab)
    reading = next(line for line in lines if line.startswith("reading"))
    assert "its budget kept: –500" in reading and "its size kept: 43" in reading, reading


def test_a_kind_named_with_nothing_found_stays_the_conversations(shoes) -> None:
    shoes.store.save_product(Product("SD-1", "户外凉鞋", "鞋/凉鞋", 199.0, "CNY", stock=5))
    shoes.store.save_product(Product("WS-1", "冬季跑步保暖袜", "配件/袜子", 59.0, "CNY", stock=5,
                                     tags=("冬季", "跑步")))
    conv = Conversation()
    assert ask_skus(shoes, conv, "预算250以内的跑鞋") == []
    skus = ask_skus(shoes, conv, "那500以内的呢")  # the running shoes, now within 500
    assert skus and set(skus) <= {"RS-1", "RS-2", "RS-3", "RS-5"}, skus  # not the sandal
    conv = Conversation()
    ask_skus(shoes, conv, "预算250以内的跑鞋")
    assert "RS-4" not in ask_skus(shoes, conv, "有没有适合冬天跑步的")


def test_where_nothing_of_the_kind_within_it_fits_the_kinds_answer_is_shown(fresh_store) -> None:
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for sku, name, category, price in (
            ("KT-1", "Electric Kettle 1.7 L", "Kitchen/Kettles", 29.99),
            ("KT-2", "Glass Electric Kettle with LED Light", "Kitchen/Kettles", 34.99),
            ("KT-3", "Gooseneck Electric Kettle with Temperature Control", "Kitchen/Kettles",
             79.99),
            ("LB-1", "Smart LED Bulbs, Colour Temperature Control", "Lighting/Bulbs", 34.99),
            ("TO-1", "4-Slice Toaster", "Kitchen/Toasters", 49.99)):
        fresh_store.save_product(Product(sku, name, category, price, "USD", stock=5))
    engine, conv = Engine(fresh_store), Conversation()
    ask_skus(engine, conv, "an electric kettle under $40")
    # No kettle under $40 has it: the kettle that does, priced, not the bulbs under $40.
    assert ask_skus(engine, conv, "any with temperature control?")[:1] == ["KT-3"]
    # a new kind named is no longer the one the budget was said for
    assert ask_skus(engine, conv, "what about a toaster?")[:1] == ["TO-1"]


def _answer(engine, conv: Conversation, text: str) -> str:
    return list(engine.answer(text, conv))[-1].text


def test_the_answer_says_the_kinds_answer_is_over_the_budget(fresh_store) -> None:
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for sku, name, category, price in (
            ("KT-1", "Electric Kettle 1.7 L", "Kitchen/Kettles", 29.99),
            ("KT-3", "Gooseneck Electric Kettle with Temperature Control", "Kitchen/Kettles",
             79.99),
            ("LB-1", "Smart LED Bulbs, Colour Temperature Control", "Lighting/Bulbs", 34.99)):
        fresh_store.save_product(Product(sku, name, category, price, "USD", stock=5))
    engine, conv = Engine(fresh_store), Conversation()
    _answer(engine, conv, "an electric kettle under $40")
    said = _answer(engine, conv, "any with temperature control?")
    assert "over that budget" in said and "up to $40" in said, said
    assert "Bulbs" not in said  # only the kind's own, not another kind within the budget
    plan = engine.last_plan
    assert plan.over_budget == (None, 40.0) and [p.sku for p in plan.products] == ["KT-3"]
    # Within the budget, nothing is said to be over it.
    _answer(engine, conv, "an electric kettle under $100")
    assert "over" not in _answer(engine, conv, "any with temperature control?")


def test_said_of_the_kind_kept_in_chinese(shoes) -> None:
    conv = Conversation()
    _answer(shoes, conv, "预算350以内的跑鞋")
    said = _answer(shoes, conv, "有没有适合冬天跑步的")
    assert "超出预算" in said and "¥350以内" in said and "跑鞋" in said, said


def test_a_follow_up_that_finds_nothing_leaves_the_products_on_screen(shoes) -> None:
    conv = Conversation()
    shown = ask_skus(shoes, conv, "跑鞋")
    assert ask_skus(shoes, conv, "有44码的吗") == []
    assert ask_skus(shoes, conv, "第二个多少钱") == shown[1:2]


def test_pointing_with_nothing_on_screen_asks_which_one(shoes) -> None:
    conv = Conversation()
    assert ask_skus(shoes, conv, "预算250以内的跑鞋") == []
    plan = shoes.plan("第一个多少钱", conv)
    assert not plan.products, plan.why

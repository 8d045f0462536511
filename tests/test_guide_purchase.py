""""I'll take the second one", "就这款了", "帮我下单" after products: the shopper chose one. The
answer names it with its price and aisle and says how to buy it (a sold-out one is said to
be so); it is no new search and no question about the product's text. A colour wished for
("就要黑色的") or a wish to buy a kind ("I want to buy a tent") is no choice."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.guide.events import Done
from tests.fixtures.guide import ask_skus


def _done(engine: Engine, conv: Conversation, text: str) -> str:
    return next(e for e in engine.answer(text, conv) if isinstance(e, Done)).text


@pytest.mark.parametrize("text, index", [("I'll take the second one", 1), ("就要第一个了", 0),
                                         ("就这款了", None), ("帮我下单", None),
                                         ("OK, I'll go with this one", None),
                                         ("那就这双吧", None)])
def test_choosing_one_shown_names_it_and_how_to_buy_it(guide_engine, text: str,
                                                       index: int | None) -> None:
    conv = Conversation()
    shown = ask_skus(guide_engine, conv, "跑鞋")
    assert len(shown) >= 2
    plan = guide_engine.plan(text, conv)
    assert plan.intent == "purchase", plan.why
    chosen = shown[index if index is not None else 0]
    assert [p.sku for p in plan.products] == [chosen]
    product = plan.products[0]
    assert f"{product.price:g}" in plan.composed and (product.aisle or "") in plan.composed
    assert "收银台" in plan.composed or "checkout" in plan.composed


def test_a_sold_out_choice_is_said_to_be_sold_out(guide_store) -> None:
    from shopguide.store.models import Product

    guide_store.save_product(Product("TN-9", "山屿应急帐篷", "户外/帐篷", 99, "CNY", "山屿", 0,
                                     "C3"))
    engine, conv = Engine(guide_store), Conversation()
    assert ask_skus(engine, conv, "山屿应急帐篷")[0] == "TN-9"
    text = _done(engine, conv, "就这个了")
    assert "没有货" in text and "收银台" not in text


@pytest.mark.parametrize("text", ["就要黑色的", "I want to buy a tent", "I'll take the blue one",
                                  "我要这个42码的", "我买了这个，穿着磨脚怎么办",
                                  "I'll take a look at the other ones",
                                  "I'll take the one with the hood"])
def test_a_wish_is_no_choice(guide_engine, text: str) -> None:
    conv = Conversation()
    ask_skus(guide_engine, conv, "跑鞋")
    assert guide_engine.plan(text, conv).intent != "purchase"


def test_the_last_messages_acts_do_not_carry_into_a_follow_up(guide_engine) -> None:
    # A follow-up is the last search with this message's changes: what the last message did
    # (chose a product) is not what this one does.
    conv = Conversation()
    ask_skus(guide_engine, conv, "跑鞋")
    list(guide_engine.answer("就这款了", conv))
    plan = guide_engine.plan("有黑色的吗", conv)
    assert "purchase" not in plan.query.acts and plan.intent != "purchase"


def test_choosing_them_all_names_each(guide_engine) -> None:
    conv = Conversation()
    shown = ask_skus(guide_engine, conv, "跑鞋")
    plan = guide_engine.plan("I'll take them", conv)
    assert plan.intent == "purchase" and [p.sku for p in plan.products] == shown[:3]
    assert all(f"{p.price:g}" in plan.composed for p in plan.products)


def test_choosing_two_by_position_names_both(guide_engine) -> None:
    conv = Conversation()
    shown = ask_skus(guide_engine, conv, "跑鞋")
    plan = guide_engine.plan("I'll take the first and the third one", conv)
    assert plan.intent == "purchase" and [p.sku for p in plan.products] == [shown[0], shown[2]]


def test_this_one_and_a_position_compares_both(guide_engine) -> None:
    # "这双和第二双比哪个更耐穿": the one discussed and the second shown.
    conv = Conversation()
    shown = ask_skus(guide_engine, conv, "跑鞋")
    plan = guide_engine.plan("这双和第二双比哪个更耐穿", conv)
    assert plan.intent == "compare" and [p.sku for p in plan.products] == shown[:2], plan.why

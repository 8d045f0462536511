"""After a purchase ("买了…", "I bought…") a question about the thing is after-sales: it leans to
the store's policies as a policy word does, unless it asks for products ("有没有", "do you
have")."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import FaqEntry, Product


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="zh", currency="CNY")
    for p in (
        Product("CS-1", "360度旋转安全座椅", "出行/安全座椅", 1999.0, "CNY", "惠尔顿", 4, "B2",
                description="ISOFIX接口，安装简单。"),
        Product("ST-1", "轻便婴儿推车", "出行/推车", 899.0, "CNY", "好孩子", 3, "B3"),
        Product("KT-1", "Steel Kettle", "Kitchen/Kettles", 39.0, "CNY", "Bodum", 5, "K1",
                description="Boils fast, stays cool."),
    ):
        fresh_store.save_product(p)
    fresh_store.save_faq(FaqEntry("install", "安全座椅能帮忙安装吗？",
                                  "可以，门店免费帮您安装安全座椅。", ("座椅怎么装",)))
    fresh_store.save_faq(FaqEntry("repairs", "Can you fix a kettle that leaks?",
                                  "Bring it in with the receipt; repairs within a year are free."))
    return Engine(fresh_store)


@pytest.mark.parametrize("text, faq", [
    ("买了座椅自己不会装咋办", "install"),
    ("I bought this kettle and it leaks, can you fix it", "repairs"),
])
def test_a_question_after_a_purchase_goes_to_the_policy(engine, text: str, faq: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.intent == "policy" and plan.faq and plan.faq.id == faq, (plan.intent, plan.why)


@pytest.mark.parametrize("text, sku", [
    ("买了座椅，还有没有推车", "ST-1"),
    ("I bought a kettle last week, do you have another steel kettle", "KT-1"),
])
def test_asking_for_products_after_a_purchase_still_finds_products(engine, text: str,
                                                                   sku: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.products and plan.products[0].sku == sku, (plan.intent, plan.why)


def test_after_a_policy_answer_a_purchase_asks_that_policy_on(fresh_store) -> None:
    # "and if I bought it online?" right after the returns policy: still returns, not the
    # jacket's text nor the price-match row that speaks of online stores a little better.
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    fresh_store.save_product(Product("J-1", "Fleece Jacket", "Apparel/Jackets", 59.0, "USD",
                                     "Wildpath", 5, "B6", description="Light and warm."))
    fresh_store.save_faq(FaqEntry("returns", "What is your return policy?",
                                  "Unworn items can be returned within 30 days with the receipt."))
    fresh_store.save_faq(FaqEntry("price-match", "Do you price match?",
                                  "If an official online store sells it for less within 7 days "
                                  "of purchase, we return the difference."))
    fresh_store.save_faq(FaqEntry("pickup", "Can I order online and pick up in store?",
                                  "Yes, online orders are ready in two hours."))
    engine, conv = Engine(fresh_store), Conversation()
    for text in ("looking for a warm jacket", "what's the return policy if it doesn't fit"):
        list(engine.answer(text, conv))
    assert conv.last_faq is not None and conv.last_faq.id == "returns"
    plan = engine.plan("and if I bought it online?", conv)
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == "returns", plan.why


def test_after_a_policy_answer_a_request_for_products_is_still_one(fresh_store) -> None:
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    fresh_store.save_product(Product("TP-1", "Steel Tent Pegs, 10 pack", "Camping/Tents", 9.0,
                                     "USD", "Wildpath", 5, "C3"))
    fresh_store.save_product(Product("TN-1", "Two-Person Tent", "Camping/Tents", 199.0, "USD",
                                     "Wildpath", 5, "C3"))
    fresh_store.save_faq(FaqEntry("returns", "What is your return policy?",
                                  "Unused items can be returned within 30 days."))
    engine, conv = Engine(fresh_store), Conversation()
    for text in ("tent", "what's your return policy?"):
        list(engine.answer(text, conv))
    plan = engine.plan("I bought a tent last week, do you have tent pegs?", conv)
    assert plan.intent == "find" and [p.sku for p in plan.products][:1] == ["TP-1"], plan.why

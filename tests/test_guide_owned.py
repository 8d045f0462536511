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

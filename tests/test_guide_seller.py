"""A marketplace seller's own business ("怎么入驻", "how do I become a seller on your site?")
is no question a store's FAQ answers: out of scope, said so, though its words name policy
topics (客服电话, coupons). Staff speaking of "the customer" ask store questions, and "后台"
alone (an app running in the background) is no seller's back office."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import FaqEntry, Product


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Nova", language="zh", currency="CNY")
    fresh_store.save_product(Product("PH-1", "智能手机 8GB内存", "数码/手机", 1999.0, "CNY",
                                     name_en="Smartphone 8GB", description="续航两天，后台耗电低。"))
    fresh_store.save_faq(FaqEntry("contact", "客服电话是多少？", "客服电话 400-000-0000，9:00-21:00。",
                                  ("what is your phone number",), ("客服",)))
    fresh_store.save_faq(FaqEntry("returns", "退货政策是什么？", "签收7天内可无理由退货。",
                                  ("can I return it",), ("退货",)))
    return Engine(fresh_store)


@pytest.mark.parametrize("text", ["入驻客服电话", "我想入驻企业购平台", "那需要怎么才能成为供应商呢",
                                  "how do I become a seller on your site?",
                                  "Can I sell my products in your store?"])
def test_a_sellers_question_is_out_of_scope(engine, text: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.intent == "out_of_scope" and plan.faq is None and not plan.products, plan.why
    assert "seller" in " ".join(plan.why)


@pytest.mark.parametrize("text, faq", [("客服电话多少", "contact"), ("顾客要退货怎么处理", "returns")])
def test_store_questions_keep_their_answer(engine, text: str, faq: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == faq, plan.why


def test_background_is_no_back_office(engine) -> None:
    plan = engine.plan("这个手机后台耗电吗", Conversation())
    assert plan.intent != "out_of_scope" and [p.sku for p in plan.products] == ["PH-1"]

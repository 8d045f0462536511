"""A contact word that labels the shopper's own number or address ("电话13812345678", "my email
is …") states it: no question about the store's contact details. Asked alone ("你们电话多少")
it still is one."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import FaqEntry, Product


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Nova", language="zh", currency="CNY")
    fresh_store.save_product(Product("TN-1", "双人帐篷", "户外/帐篷", 399.0, "CNY", name_en="Two-person tent"))
    fresh_store.save_faq(FaqEntry("contact", "你们的电话和地址是什么？", "电话 021-5555 0101，地址：人民路 8 号。",
                                  ("what is your phone number",)))
    return Engine(fresh_store)


@pytest.mark.parametrize("text", ["我是王磊，电话13812345678，有没有冰箱？",
                                  "my phone is 138 1234 5678, anything for snow?",
                                  "邮箱：wang@qq.com，有没有冰箱"])
def test_a_stated_contact_detail_is_no_contact_question(engine, text: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.faq is None and "contact" not in plan.query.topics, (plan.intent, plan.why)


@pytest.mark.parametrize("text", ["你们电话多少", "what is your phone number?"])
def test_asking_for_the_stores_contact_still_is(engine, text: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == "contact"


def test_the_product_asked_for_beside_a_stated_email_is_found(engine) -> None:
    plan = engine.plan("my email is wang@qq.com, do you have tents?", Conversation())
    assert [p.sku for p in plan.products] == ["TN-1"]

"""A question about the assistant itself ("你是机器人吗", "are you a bot?") is answered as small
talk, honestly, not searched for: "机器人" in it is no request for a robot vacuum."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Nova", language="zh", currency="CNY")
    fresh_store.save_product(Product("RV-1", "扫地机器人（带水箱）", "家电/扫地机器人", 2219.0, "CNY",
                                     name_en="Robot vacuum with water tank"))
    return Engine(fresh_store)


@pytest.mark.parametrize("text, lang", [("你是机器人啊", "zh"), ("你是真人吗？", "zh"),
                                        ("are you a bot?", "en"), ("Am I talking to a person?", "en")])
def test_asking_what_the_assistant_is_gets_an_honest_reply(engine, text: str, lang: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.intent == "identity" and not plan.products and plan.faq is None
    assert ("不是真人" in plan.composed) if lang == "zh" else ("not a person" in plan.composed)


@pytest.mark.parametrize("text", ["有没有扫地机器人", "robot vacuum with a water tank"])
def test_the_same_words_in_a_request_still_find_products(engine, text: str) -> None:
    plan = engine.plan(text, Conversation())
    assert [p.sku for p in plan.products] == ["RV-1"], plan.why

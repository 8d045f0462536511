"""A locate cue about a person or the shopper's own thing ("是不是我可以看到孩子在哪里" of a phone
watch, "她能看到我的位置吗", "where is my order") asks where that is, not where the store keeps
something: no aisle answer. "儿童手表在哪里" still asks for the shelf."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Nova", language="zh", currency="CNY")
    fresh_store.save_product(Product("W-1", "儿童电话手表（GPS定位）", "数码/手表", 569.0, "CNY",
                                     name_en="Kids' phone watch (GPS)", aisle="B2",
                                     description="GPS定位，家长用手机随时看到孩子的位置。"))
    return Engine(fresh_store)


@pytest.mark.parametrize("text", ["如果定位，是不是我可以看到孩子在哪里", "她能看到我的位置吗?",
                                  "定位能看到宝宝在哪儿吗"])
def test_where_a_person_is_is_no_locate_question(engine, text: str) -> None:
    plan = engine.plan(text, Conversation())
    assert "locate" not in plan.query.acts and plan.intent != "locate", (plan.intent, plan.why)
    assert [p.sku for p in plan.products] == ["W-1"]


@pytest.mark.parametrize("text", ["儿童电话手表在哪里", "电话手表在哪个位置", "where is the kids' phone watch?",
                                  "我在哪里可以找到电话手表", "where do you keep your phone watches?"])
def test_where_the_store_keeps_a_thing_still_is(engine, text: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.intent == "locate" and [p.sku for p in plan.products] == ["W-1"]


def test_where_my_thing_is_is_no_aisle_question(engine) -> None:
    plan = engine.plan("where is my watch?", Conversation())
    assert "locate" not in plan.query.acts

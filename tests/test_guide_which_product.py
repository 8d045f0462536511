"""A question about a product that names none ("is it in stock?", "这个多少钱", "能便宜点吗"),
asked before anything was shown, is answered by asking which product, not with "can't help"."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.guide.events import Done
from shopguide.store.models import Product


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Nova", language="zh", currency="CNY")
    fresh_store.save_product(Product("RS-1", "云跃缓震跑鞋", "鞋/跑鞋", 459.0, "CNY", stock=12,
                                     aisle="A3", name_en="Cloud Runner running shoe"))
    return Engine(fresh_store)


@pytest.mark.parametrize("text, lang", [
    ("is it in stock?", "en"), ("how much is it?", "en"), ("is it still available?", "en"),
    ("这个多少钱", "zh"), ("有现货吗", "zh"), ("能便宜点吗", "zh"),
])
def test_an_unnamed_product_first_gets_a_question_back(engine, text: str, lang: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.intent == "clarify" and not plan.products and plan.faq is None, plan.why
    assert ("哪一款" in plan.composed) if lang == "zh" else ("Which product" in plan.composed)


@pytest.mark.parametrize("text", ["is the kayak in stock?", "Kayaks: do you sell them",
                                  "what time does it open?", "can I return it?", "这个能退吗"])
def test_a_thing_the_store_does_not_carry_is_still_out_of_scope(engine, text: str) -> None:
    plan = engine.plan(text, Conversation())  # the fixture store has no policies at all
    assert plan.intent == "out_of_scope", plan.why


def test_after_a_product_is_shown_it_means_that_product(engine) -> None:
    conv = Conversation()
    list(engine.answer("跑鞋有吗", conv))
    plan = engine.plan("is it in stock?", conv)
    assert [p.sku for p in plan.products] == ["RS-1"] and plan.intent != "clarify"


def test_the_turn_reports_clarify_and_no_cards(engine) -> None:
    events = list(engine.answer("how much is it?", Conversation()))
    done = [e for e in events if isinstance(e, Done)][0]
    assert "Which product" in done.text and not done.sources and not done.used_model

"""A question that states nothing but constraints ("有43码的吗？", "anything in red?", "有500元
以内的吗？") is answered with the products that meet them, not refused as out of scope; the
same words with a policy word still go to the policy."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation


@pytest.mark.parametrize("text, check", [
    ("有43码的吗？", lambda p: "43" in p.sizes),
    ("do you have anything in red?", lambda p: any("red" in c.lower() or "红" in c
                                                    for c in p.colors)),
    ("有300元以内的吗？", lambda p: p.price <= 300),
])
def test_constraints_alone_are_a_search(guide_engine, text: str, check) -> None:
    plan = guide_engine.plan(text, Conversation())
    assert plan.intent == "find", (text, plan.intent)
    assert plan.products and all(check(p) for p in plan.products), [
        (p.sku, p.sizes, p.colors, p.price) for p in plan.products]


def test_a_policy_word_beside_a_constraint_is_still_the_policy(guide_engine) -> None:
    plan = guide_engine.plan("300元以内的能退货吗？", Conversation())
    assert plan.intent == "policy", plan.intent

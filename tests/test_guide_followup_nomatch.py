"""A follow-up that filters everything out ("carbon racer" → "in size 37?") is a product
answer that says so and offers alternatives or a colleague, never "out of scope"."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.guide.events import Cards, Done


def _turn(engine, text: str, conv: Conversation) -> tuple[Cards, Done]:
    events = list(engine.answer(text, conv))
    assert isinstance(events[0], Cards) and isinstance(events[-1], Done)
    return events[0], events[-1]


@pytest.mark.parametrize("first, follow, lang", [
    ("carbon racing shoe", "in size 37?", "en"), ("竞速碳板跑鞋", "有37码的吗？", "zh"),
    ("carbon racing shoe", "do you have it in size 37?", "en"), ("竞速碳板跑鞋", "这款有37码吗", "zh"),
])
def test_nothing_in_that_size_is_said_with_alternatives(guide_engine, first, follow, lang):
    conv = Conversation()
    cards, _ = _turn(guide_engine, first, conv)
    assert "SH-3" in [c.product.sku for c in cards.cards if c.kind == "product"]
    cards, done = _turn(guide_engine, follow, conv)
    assert cards.intent != "out_of_scope", done.text
    assert "37" in done.text and done.grounded
    shown = [c.product for c in cards.cards if c.kind == "product"]
    assert all("37" in p.sizes for p in shown), [p.sku for p in shown]
    if lang == "zh":
        assert "没有" in done.text and ("店员" in done.text or shown)
        assert "答不上来" not in done.text
    else:
        assert any(w in done.text.lower() for w in ("no ", "none", "doesn't"))
        assert "can't help with that" not in done.text
    # The alternatives are of the kind asked about, in the size asked for.
    assert shown and all(p.category == "鞋/跑鞋" for p in shown), done.text


@pytest.mark.parametrize("first, follow, staff", [
    ("carbon racing shoe", "in size 47?", "staff"), ("竞速碳板跑鞋", "有47码的吗？", "店员")])
def test_nothing_at_all_offers_a_colleague(guide_engine, first, follow, staff) -> None:
    conv = Conversation()
    _turn(guide_engine, first, conv)
    cards, done = _turn(guide_engine, follow, conv)
    assert cards.intent != "out_of_scope" and not cards.cards
    assert "47" in done.text and staff in done.text.lower() and done.grounded

"""Choosing between FAQ rows: the thing asked for ("可以退吗" → returning) outweighs the
circumstance told ("不合适"), even when another row's alternates share the circumstance."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import FaqEntry

EXCHANGES = FaqEntry("exchanges", "可以换尺码或颜色吗？",
                     "30天内商品未使用、吊牌完好，可以免费换尺码或颜色，差价多退少补。",
                     ("换货", "换尺码", "尺码不合适怎么办", "鞋子小了能换吗", "exchange",
                      "wrong size"), ("换货", "售后"))


@pytest.fixture
def engine(guide_store):
    from shopguide.guide.engine import Engine

    guide_store.save_faq(EXCHANGES)
    return Engine(guide_store)


@pytest.mark.parametrize("text, faq", [
    ("买的东西不合适可以退吗？", "returns"), ("东西不合适能退吗", "returns"),
    ("鞋子不合适可以退货吗", "returns"), ("尺码不合适怎么办", "exchanges"),
    ("买的东西不合适可以换吗？", "exchanges"), ("the shoes don't fit, can I return them?", "returns"),
    ("the shoes are the wrong size, can I exchange them?", "exchanges"),
])
def test_the_row_about_what_is_asked_answers(engine, text: str, faq: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == faq, (
        plan.intent, plan.faq and plan.faq.id)

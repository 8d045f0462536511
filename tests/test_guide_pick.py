"""Picking among shown products: "哪个最便宜？", "which one is the lightest?" (guide/pick.py)."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.guide.events import Cards, Done
from shopguide.guide.query import superlative
from shopguide.store.models import Product


@pytest.mark.parametrize("text, kind", [
    ("哪个最便宜？", "cheapest"), ("哪款最实惠", "cheapest"), ("最便宜的是哪个", "cheapest"),
    ("哪一个最贵", "priciest"), ("哪个最轻？", "lightest"),
    ("which one is the cheapest?", "cheapest"), ("which is the lightest?", "lightest"),
    ("which of them is the most expensive", "priciest"), ("the cheapest one?", "cheapest"),
    ("最便宜的帐篷", None), ("cheap tents", None), ("which tents are waterproof?", None),
    # comparatives asked with "which" pick too (哪个更贵 had been a comparison of the catalog)
    ("哪个更贵", "priciest"), ("哪个更便宜", "cheapest"), ("哪款更轻", "lightest"),
    ("which one is cheaper?", "cheapest"), ("which is cheaper?", "cheapest"),
    ("which is more expensive?", "priciest"),
    ("which one is lighter?", "lightest"), ("更便宜的呢", None), ("anything cheaper?", None),
    ("哪款容量最大", "biggest"), ("which one is the biggest?", "biggest"), ("哪个最小", "smallest"),
    ("最大承重多少", None),
])
def test_superlatives_are_read(text: str, kind: str | None) -> None:
    assert superlative(text) == kind


def _turn(engine: Engine, conv: Conversation, text: str) -> tuple[list[str], str]:
    events = list(engine.answer(text, conv))
    cards = next(e for e in events if isinstance(e, Cards)).cards
    done = next(e for e in events if isinstance(e, Done))
    return [c.product.sku for c in cards if c.kind == "product"], done.text


@pytest.fixture
def tents(guide_store):
    for sku, name, price, desc in (
            ("T-1", "山屿双人帐篷", 599, "双层结构，整帐约2.4公斤。"),
            ("T-2", "野径超轻单人帐篷", 1299, "整帐仅约1.2公斤，适合徒步。"),
            ("T-3", "山屿速开帐篷", 399, "一分钟搭好，重约3.5kg。")):
        guide_store.save_product(Product(sku, name, "户外/帐篷", price, "CNY", name[:2], 5, "C3",
                                         description=desc))
    return guide_store


def test_the_pick_is_among_what_was_shown_and_the_list_stays(tents) -> None:
    engine, conv = Engine(tents), Conversation()
    shown, _ = _turn(engine, conv, "帐篷")
    assert set(shown) == {"T-1", "T-2", "T-3"}
    assert _turn(engine, conv, "哪个最便宜？")[0] == ["T-3"]
    assert _turn(engine, conv, "哪个最贵？")[0] == ["T-2"]  # still among the three
    skus, text = _turn(engine, conv, "哪个最轻？")
    assert skus == ["T-2"] and "最轻" in text  # 1.2公斤 < 2.4公斤 < 3.5kg


def test_without_weights_the_answer_says_it_cannot_tell(guide_store) -> None:
    engine, conv = Engine(guide_store), Conversation()
    assert len(_turn(engine, conv, "跑鞋")[0]) >= 2
    skus, text = _turn(engine, conv, "哪个最轻？")
    assert skus == [] and "重量" in text


def test_the_biggest_and_smallest_by_the_measure_each_states(guide_store) -> None:
    # Volume when every one states it (millilitres counted as litres), else people.
    for sku, name, desc in (("F-1", "迷你空气炸锅 2L", "一个人用正好。"),
                            ("F-2", "可视空气炸锅", "容量5升，玻璃可视窗。"),
                            ("F-3", "双篮空气炸锅", "两个炸篮共7600ml。")):
        guide_store.save_product(Product(sku, name, "厨房/空气炸锅", 299, "CNY", "小熊", 5, "F2",
                                         description=desc))
    engine, conv = Engine(guide_store), Conversation()
    assert set(_turn(engine, conv, "空气炸锅")[0]) == {"F-1", "F-2", "F-3"}
    skus, text = _turn(engine, conv, "哪款容量最大")
    assert skus == ["F-3"] and "最大" in text
    assert _turn(engine, conv, "which one is the smallest?")[0] == ["F-1"]


def test_without_a_measure_the_answer_says_it_cannot_tell_the_size(guide_store) -> None:
    engine, conv = Engine(guide_store), Conversation()
    assert len(_turn(engine, conv, "跑鞋")[0]) >= 2
    skus, text = _turn(engine, conv, "哪个最大？")
    assert skus == [] and "容量" in text

""""How heavy is it?", "容量多大" about the product discussed: a sentence of its text that says
so answers; else the measures of that kind its name states ("… 30 lb", "… 5L"); else the
answer says the catalog is silent. A weight is never answered with a volume."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.guide.events import Done
from shopguide.store.models import Product


@pytest.fixture
def engine(fresh_store):
    fresh_store.set_settings(name="Shop", language="zh", currency="CNY")
    fresh_store.save_product(Product("F-1", "可视空气炸锅 5L", "厨房/空气炸锅", 299, "CNY",
                                     name_en="Glass Air Fryer 5L", stock=5,
                                     description="玻璃可视窗，不用拉开锅就能看到熟没熟。"))
    fresh_store.save_product(Product("D-1", "三文鱼成犬粮 30 lb", "宠物/狗粮", 520, "CNY",
                                     name_en="Salmon Adult Dog Food 30 lb", stock=5,
                                     description="三文鱼为第一原料。"))
    return Engine(fresh_store)


def _answer(engine: Engine, first: str, then: str) -> str:
    conv = Conversation()
    list(engine.answer(first, conv))
    return next(e for e in engine.answer(then, conv) if isinstance(e, Done)).text


@pytest.mark.parametrize("first, then, said", [
    ("空气炸锅", "容量多大", "5L"), ("air fryer", "how big is it?", "5L"),
    ("狗粮", "这袋多重", "30 lb"), ("dog food", "how heavy is the bag?", "30 lb")])
def test_the_measure_the_name_states_answers(engine, first: str, then: str, said: str) -> None:
    # Said as the answer ("…的商品资料是这样写的：5L", "…, the catalog says: 30 lb"), not
    # only as part of the name on a card.
    text = _answer(engine, first, then)
    assert f"：{said}" in text or f": {said}" in text, text


def test_a_weight_is_not_answered_with_a_volume(engine) -> None:
    text = _answer(engine, "空气炸锅", "这个多重")
    assert "没有写明" in text and "资料是这样写的" not in text, text

"""A catalog that lists no sizes cannot say what comes in 43: a size said there filters
nothing and the answer does not claim it; where sizes are listed, they filter."""

from __future__ import annotations

from shopguide.guide.conversation import Conversation
from shopguide.guide.events import Done
from shopguide.store.models import Product
from tests.fixtures.guide import ask_skus


def _engine(store, sizes: tuple[str, ...]):
    from shopguide.guide.engine import Engine

    store.set_settings(name="店", language="zh", currency="CNY")
    for sku, name in (("S-1", "男士跑鞋 轻量"), ("S-2", "女士跑鞋 缓震")):
        store.save_product(Product(sku, name, "鞋/跑鞋", 399.0, "CNY", stock=3, sizes=sizes))
    return Engine(store)


def test_a_size_the_catalog_cannot_check_filters_nothing(fresh_store) -> None:
    engine, conv = _engine(fresh_store, ()), Conversation()
    ask_skus(engine, conv, "我想要双跑鞋")
    events = list(engine.answer("男，43码", conv))
    assert [p.sku for p in engine.last_plan.products][:1] == ["S-1"]
    text = next(e for e in events if isinstance(e, Done)).text
    assert "43" not in text, text


def test_a_size_the_catalog_lists_filters(fresh_store) -> None:
    engine, conv = _engine(fresh_store, ("40", "41")), Conversation()
    ask_skus(engine, conv, "我想要双跑鞋")
    assert ask_skus(engine, conv, "男，43码") == []

"""Two brands compared ("云跃和诺瓦的跑鞋哪个好", "compare Breville and Cosori kettles"): a side
that is only a brand is read with the words said once for both sides."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product


@pytest.mark.parametrize("text", ["云跃和诺瓦的跑鞋哪个好", "Stridex跟诺瓦的跑鞋比较一下"])
def test_two_brands_compared_share_the_kind_said_once(guide_engine, text: str) -> None:
    # Each side that is only a brand is read with the words said for both: the 云跃 running
    # shoe and the 诺瓦 one, not the first brand alone ("need two products to compare").
    plan = guide_engine.plan(text, Conversation())
    assert plan.intent == "compare", plan.intent
    brands = {p.brand for p in plan.products}
    assert len(plan.products) == 2 and len(brands) == 2, [p.sku for p in plan.products]
    assert all(p.category == "鞋/跑鞋" for p in plan.products)


def test_two_brands_compared_in_english(fresh_store) -> None:
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for sku, name, brand, cat in (("K1", "Electric Kettle 1.7L", "Breville", "Kitchen/Kettles"),
                                  ("K2", "Glass Kettle", "Cosori", "Kitchen/Kettles"),
                                  ("T1", "Two-Slice Toaster", "Breville", "Kitchen/Toasters"),
                                  ("T2", "Long Slot Toaster", "Cosori", "Kitchen/Toasters")):
        fresh_store.save_product(Product(sku, name, cat, 50.0, "USD", brand, 3, "A1"))
    plan = Engine(fresh_store).plan("compare Breville and Cosori kettles", Conversation())
    assert plan.intent == "compare" and [p.sku for p in plan.products] == ["K1", "K2"], [
        p.sku for p in plan.products]

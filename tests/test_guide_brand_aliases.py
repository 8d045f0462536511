"""A brand's other-language spelling is learnt from the catalog's names, but only a word that
names that brand alone: a word other brands' products use too ("mens") is no brand."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product


def _p(sku: str, name: str, brand: str, category: str = "Clothing/Socks", **kw) -> Product:
    return Product(sku, name, category, 19.0, "USD", brand, 5, "A1", (), ("Black",), (), "",
                   **kw)


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    for p in (
        _p("YY-1", "云跃缓震跑鞋", "云跃", "Shoes/Running", name_en="Yunyue Cushion Runner"),
        _p("YY-2", "云跃轻量跑鞋", "云跃", "Shoes/Running", name_en="Yunyue Light Runner"),
        # One product of this brand, its name starting with a word many names start with.
        _p("BS-1", "Mens Tropical Swim Trunks", "Benefeet Sox", "Clothing/Swimwear"),
        _p("HN-1", "Mens Ankle Socks 6-Pair Pack", "Hanes"),
        _p("NK-1", "Mens Cushioned No Show Socks", "Nike"),
    ):
        fresh_store.save_product(p)
    return Engine(fresh_store)


def test_a_word_only_one_brand_uses_is_its_alias(engine) -> None:
    aliases = engine.vocab.brand_aliases
    assert aliases.get("yunyue") == "云跃"
    assert "mens" not in aliases


def test_a_common_word_of_names_does_not_become_a_brand_filter(engine) -> None:
    plan = engine.plan("mens socks black", Conversation())
    assert plan.query.brand is None
    assert {p.sku for p in plan.products} >= {"HN-1", "NK-1"}


def test_a_brand_is_named_as_written_not_by_its_stem(fresh_store) -> None:
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.store.models import Product

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    fresh_store.save_product(Product("E-1", "Lace Midi Dress", "Clothing/Dresses", 59.0, "USD",
                                     "Expressions", 4, "C1"))
    fresh_store.save_product(Product("N-1", "Linen Shirt", "Clothing/Shirts", 39.0, "USD",
                                     "Nova", 4, "C2"))
    engine = Engine(fresh_store)
    said = engine.plan("I need new clothes, I am thinking of express shipping", Conversation())
    assert said.query.brand is None  # "express" is no word of the brand "Expressions"
    named = engine.plan("Expressions dresses", Conversation())
    assert named.query.brand == "Expressions" and [p.sku for p in named.products] == ["E-1"]

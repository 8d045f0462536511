"""Candidates the index scores alike cannot be told apart before they are read; reading one
costs ~0.5 ms the first time, so at most retrieve.TIED of any one score are read. Rows the
index tells apart are all read."""

from __future__ import annotations

import pytest

from shopguide.guide import retrieve
from shopguide.store.ranking import few_of_each_score
from shopguide.store.models import Product


def _p(i: int) -> Product:
    return Product(sku=f"S-{i}", name=f"Item {i}", category="C", price=1.0 + i, currency="USD")


def test_at_most_tied_of_one_score_and_every_distinct_score_kept() -> None:
    tied = [(_p(i), 0.0) for i in range(retrieve.TIED + 15)]
    scored = [(_p(100 + i), 5.0 - i / 10) for i in range(30)]
    kept = few_of_each_score(scored[:10] + tied + scored[10:], retrieve.TIED)
    skus = [p.sku for p, _ in kept]
    assert sum(1 for _, s in kept if s == 0.0) == retrieve.TIED
    assert all(p.sku in skus for p, _ in scored)  # distinct scores: all read
    assert skus[:10] == [p.sku for p, _ in scored[:10]]  # order kept
    assert [p.sku for p, s in kept if s == 0.0] == [p.sku for p, _ in tied[:retrieve.TIED]]


@pytest.mark.parametrize("text", ["the cheapest kettle", "cheap kettle", "an inexpensive kettle"])
def test_cheap_finds_the_cheapest_of_a_category_bigger_than_the_candidates(fresh_store,
                                                                           text: str) -> None:
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for i in range(retrieve.CANDIDATES + 20):
        fresh_store.save_product(Product(sku=f"K-{i}", name=f"Kettle {i}",
                                         category="Kitchen/Kettles", price=30.0 + i,
                                         currency="USD", stock=5))
    # saved last: beyond every candidate a catalog-order search reads
    fresh_store.save_product(Product(sku="K-cheap", name="Kettle basic", category="Kitchen/Kettles",
                                     price=9.0, currency="USD", stock=5))
    plan = Engine(fresh_store).plan(text, Conversation())
    assert plan.products and plan.products[0].sku == "K-cheap", [p.sku for p in plan.products]

"""A sold-out product that answers best is still the answer: stock orders what answers about
as well, it does not make a weaker match the answer (or the question out of scope)."""

from __future__ import annotations

from pathlib import Path

from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.store.models import Product
from tests.fixtures.guide import ask_skus, stocked_store


def _baby(sku: str, name: str, stock: int, tags: tuple[str, ...], text: str) -> Product:
    return Product(sku=sku, name=name, category="Baby", price=20.0, currency="USD",
                   stock=stock, tags=tags, description=text)


PRODUCTS = (
    _baby("T-1", "Banana teether", 0, ("teething",), "Soft silicone teether for teething."),
    _baby("C-1", "Baby sippy cup", 9, ("cup",), "A spill-proof cup for baby."),
    _baby("C-2", "Baby bottle", 9, ("bottle",), "A glass bottle for baby."),
    _baby("L-1", "Baby lotion", 9, ("skin",), "A mild lotion for baby skin."),
    _baby("B-1", "Baby carrier", 9, ("carrier",), "Carry baby on your front."),
)


def test_the_sold_out_best_match_is_shown_and_weaker_in_stock_ones_are_not(tmp_path: Path
                                                                           ) -> None:
    store = stocked_store(tmp_path / "s.sqlite",
                          {"name": "Baby shop", "language": "en", "currency": "USD"}, PRODUCTS)
    engine = Engine(store)
    skus = ask_skus(engine, Conversation(), "my baby is teething and bites everything")
    assert skus[:1] == ["T-1"]
    assert not {"C-1", "C-2", "B-1"} & set(skus)
    # The answer says it has run out: out of stock is told, never hidden.
    assert engine.last_plan.products[0].stock == 0
    store.close()


def test_among_matches_alike_in_stock_still_comes_first(tmp_path: Path) -> None:
    twins = (_baby("T-1", "Banana teether", 0, ("teething",), "Silicone teether."),
             _baby("T-2", "Ring teether", 9, ("teething",), "Silicone teether."))
    store = stocked_store(tmp_path / "s.sqlite",
                          {"name": "Baby shop", "language": "en", "currency": "USD"}, twins)
    assert ask_skus(Engine(store), Conversation(), "a teether for teething")[0] == "T-2"
    store.close()

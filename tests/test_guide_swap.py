"""An elliptical follow-up that names another kind keeps the need asked before:
"what about for my cat?" after flea and tick stuff for a dog is flea and tick stuff for a cat,
not every cat product; a constraint it says replaces the last one's; and one that names no
kind ("what about in large?") stays an ordinary follow-up."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product
from tests.fixtures.guide import ask_skus


def _p(sku, name, category, price, tags, sizes=()):
    return Product(sku, name, category, price, "USD", None, 5, "A1", tuple(sizes), (),
                   tuple(tags), "")


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Pets", language="en", currency="USD")
    for p in (
        _p("FD-1", "Flea & Tick Drops for Dogs", "Dog/Health", 44.99, ("flea", "tick", "dog")),
        _p("FC-1", "Flea & Tick Collar for Cats", "Cat/Health", 59.99, ("flea", "tick", "cat")),
        _p("CT-1", "Feather Wand Cat Toy", "Cat/Toys", 9.99, ("cat", "toy")),
        _p("CB-1", "Cozy Cat Bed", "Cat/Beds", 29.99, ("cat", "bed")),
        _p("DB-1", "Orthopedic Dog Bed", "Dog/Beds", 79.99, ("dog", "bed"), ("M", "L")),
        _p("DB-2", "Donut Dog Bed", "Dog/Beds", 39.99, ("dog", "bed"), ("S", "M")),
        _p("CB-2", "Cat Cave Bed", "Cat/Beds", 89.0, ("cat", "bed")),
    ):
        fresh_store.save_product(p)
    return Engine(fresh_store)


def test_what_about_another_kind_keeps_the_need(engine) -> None:
    conv = Conversation()
    assert ask_skus(engine, conv, "flea and tick stuff for my dog")[0] == "FD-1"
    skus = ask_skus(engine, conv, "what about for my cat?")
    assert skus and skus[0] == "FC-1" and "CT-1" not in skus and "FD-1" not in skus


def test_a_constraint_said_with_it_replaces_the_last_one(engine) -> None:
    conv = Conversation()
    ask_skus(engine, conv, "a dog bed under 50")
    skus = ask_skus(engine, conv, "what about for my cat?")
    assert skus == ["CB-1"]  # the cat beds under 50 (the cave bed is 89)


def test_no_kind_named_is_an_ordinary_follow_up(engine) -> None:
    conv = Conversation()
    ask_skus(engine, conv, "a dog bed")
    skus = ask_skus(engine, conv, "what about in large?")
    assert skus == ["DB-1"]


def test_a_broader_kind_replaces_only_as_deep_as_it_goes(fresh_store) -> None:
    # 儿童 (a top-level kind) after 骑行/头盔 replaces 骑行 and keeps the helmet: kids'
    # helmets, not every kids' product.
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Nova", language="zh", currency="CNY")
    for p in (
        _p("CY-1", "公路骑行头盔", "骑行/头盔", 599, ("头盔", "公路")),
        _p("CY-2", "城市骑行头盔", "骑行/头盔", 299, ("头盔", "通勤")),
        _p("KD-1", "儿童速干T恤", "儿童/服装", 69, ("儿童", "速干")),
        _p("KD-2", "儿童轮滑护具套装", "儿童/装备", 99, ("儿童", "护具")),
        _p("KD-3", "儿童骑行头盔", "儿童/装备", 159, ("儿童", "头盔")),
    ):
        fresh_store.save_product(p)
    engine, conv = Engine(fresh_store), Conversation()
    assert set(ask_skus(engine, conv, "骑行头盔")[:2]) == {"CY-1", "CY-2"}
    assert ask_skus(engine, conv, "儿童的呢") == ["KD-3"]

""""有没有更轻一点的" / "anything lighter?" after products asks for ones lighter than the one
recommended, by the weight each one's own text states, lightest first (on the shelf before
sold out); "the lightest stroller" sorts the kind by weight; "a lighter colour" is no weight."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product
from tests.fixtures.guide import ask_skus


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="zh", currency="CNY")
    rows = (("S-1", "双胞胎推车", "Twin Stroller", "车重15kg，前后双座。", 2399.0, 3),
            ("S-2", "高景观推车", "High-seat Stroller", "车重11kg，座椅离地56cm。", 1680.0, 5),
            ("S-3", "轻便推车", "Light Stroller", "车重6.2kg，一键收车。", 1299.0, 8),
            ("S-4", "碳纤维推车", "Carbon Stroller", "车架仅5.9kg，单手折叠。", 3599.0, 0),
            ("S-5", "伞车", "Umbrella Stroller", "小巧，折叠后很薄。", 399.0, 9))
    for sku, name, en, text, price, stock in rows:
        fresh_store.save_product(Product(sku, f"{name} 婴儿推车", "出行/婴儿推车", price, "CNY",
                                         name_en=f"{en}", description=text, stock=stock,
                                         colors=("灰色", "米白")))
    return Engine(fresh_store)


@pytest.mark.parametrize("first, then", [("双胞胎推车", "有没有更轻一点的"),
                                         ("twin stroller", "anything lighter?")])
def test_lighter_than_the_one_recommended_lightest_first(engine, first: str, then: str) -> None:
    conv = Conversation()
    assert ask_skus(engine, conv, first)[0] == "S-1"  # 15 kg
    plan = engine.plan(then, conv)
    skus = [p.sku for p in plan.products]
    assert skus and "S-1" not in skus and "S-5" not in skus, plan.why  # S-5 states no weight
    assert skus[0] == "S-3", skus  # the lightest on the shelf (S-4 is sold out)


def test_lighter_than_one_that_states_no_weight_is_lightest_first(engine) -> None:
    conv = Conversation()
    assert ask_skus(engine, conv, "伞车")[0] == "S-5"
    assert ask_skus(engine, conv, "有没有更轻一点的")[:3] == ["S-3", "S-2", "S-1"]


def test_the_lightest_of_a_kind_asked_first(engine) -> None:
    assert ask_skus(engine, Conversation(), "最轻的婴儿推车")[:2] == ["S-3", "S-2"]


def test_a_lighter_colour_is_no_weight(engine) -> None:
    conv = Conversation()
    ask_skus(engine, conv, "婴儿推车")
    assert not engine.plan("do you have it in a lighter colour?", conv).query.lighter


def test_lighter_ones_of_a_kind_none_of_which_states_a_weight_are_still_that_kind(
        fresh_store) -> None:
    # "笔记本电脑，办公用，轻一点的": no laptop states its weight, so the laptops as ranked
    # (it emptied the answer); 办公用 says what it is for, not a second kind (the office
    # category's scissors).
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="zh", currency="CNY")
    for sku, name, kind, tags in (
            ("NB-1", "超轻薄便携笔记本电脑", "电脑/笔记本电脑", ()),
            ("NB-2", "游戏笔记本电脑 独显", "电脑/笔记本电脑", ()),
            ("OF-1", "办公剪刀", "办公/剪刀", ("办公",)),
            ("OF-2", "文件资料包", "办公/文件袋", ("办公",))):
        fresh_store.save_product(Product(sku, name, kind, 99.0, "CNY", stock=5, tags=tags))
    skus = ask_skus(Engine(fresh_store), Conversation(), "想买个笔记本电脑，办公用，轻一点的")
    assert skus and all(s.startswith("NB-") for s in skus), skus

"""A question about "this" when several products were shown and none was singled out is
about the one whose own text speaks to it; the first shown stays when none does better."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product
from tests.fixtures.guide import ask_skus


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="数码", language="zh", currency="CNY")
    for p in (
        Product("HD-1", "希捷 移动硬盘", "数码/移动硬盘", 819, "CNY", "希捷", 4, "B1", (), (),
                ("移动硬盘",), "希捷移动硬盘。标配：硬盘+数据线，不送保护套。"),
        Product("HD-2", "移动硬盘（三年保修）", "数码/移动硬盘", 749, "CNY", None, 6, "B1", (), (),
                ("移动硬盘",), "售后保修三年。"),
    ):
        fresh_store.save_product(p)
    return Engine(fresh_store)


def test_this_is_the_shown_product_whose_text_answers(engine) -> None:
    conv = Conversation()
    shown = ask_skus(engine, conv, "移动硬盘")
    assert shown == ["HD-2", "HD-1"]  # the one that speaks of a case is not the first
    assert ask_skus(engine, conv, "这个有保护套吗") == ["HD-1"]


def test_without_such_a_product_this_is_the_first_shown(engine) -> None:
    conv = Conversation()
    ask_skus(engine, conv, "移动硬盘")
    assert ask_skus(engine, conv, "这个重不重") == ["HD-2"]

"""Comparing some of the shown products: "compare the first two", "前两款比较一下", "compare 1 and 3".

Engine level: a product answer first, then the follow-up; the comparison card must hold
exactly the shown products the shopper named, in shown order.
"""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.guide.events import Cards, Done
from shopguide.guide.query import understand
from shopguide.guide.vocab import StoreVocab


def _answer(engine, text: str, conv: Conversation) -> list:
    events = list(engine.answer(text, conv))
    assert isinstance(events[0], Cards) and isinstance(events[-1], Done)
    return events


def _shown_after(engine, first: str) -> tuple[Conversation, list[str]]:
    conv = Conversation()
    ev = _answer(engine, first, conv)
    shown = [c.product.sku for c in ev[0].cards if c.kind == "product"]
    assert len(shown) >= 3, "the store must show three products for these follow-ups"
    return conv, shown


def _compared(events: list) -> list[str]:
    cards = events[0].cards
    assert events[0].intent == "compare" and cards and cards[0].kind == "comparison"
    return list(cards[0].skus)


# (follow-up, positions in the shown list it names)
CASES = [
    ("compare the first two", [0, 1]),
    ("How do the first two compare?", [0, 1]),
    ("compare the top two", [0, 1]),
    ("compare the last two", [-2, -1]),
    ("compare 1 and 3", [0, 2]),
    ("compare 2 and 3", [1, 2]),
    ("compare one and three", [0, 2]),
    ("compare the second and the last", [1, -1]),
    ("compare the first three", [0, 1, 2]),
    ("前两款比较一下", [0, 1]),
    ("比较前两个", [0, 1]),
    ("前2个对比一下", [0, 1]),
    ("最后两款哪个好", [-2, -1]),
    ("后两个对比一下", [-2, -1]),
    ("第一个和第三个哪个好", [0, 2]),
    ("比较一和三", [0, 2]),
    ("二和三哪个好", [1, 2]),
    ("第一款和最后一款对比", [0, -1]),
]


@pytest.mark.parametrize("first", ["running shoes", "跑鞋"])
@pytest.mark.parametrize(("text", "positions"), CASES)
def test_ordinal_ranges_and_pairs_compare_the_named_shown_products(
        guide_engine, first: str, text: str, positions: list[int]) -> None:
    conv, shown = _shown_after(guide_engine, first)
    ev = _answer(guide_engine, text, conv)
    expected = [shown[i] for i in positions]
    assert _compared(ev) == expected
    assert [c.product.sku for c in ev[0].cards if c.kind == "product"] == expected
    assert "at least two" not in ev[-1].text and "至少" not in ev[-1].text


def test_compare_them_still_compares_everything_shown(guide_engine) -> None:
    conv, shown = _shown_after(guide_engine, "running shoes")
    assert _compared(_answer(guide_engine, "compare them", conv)) == shown


@pytest.mark.parametrize(("text", "position"), [
    ("the second one", 1), ("第二个呢", 1), ("the last one", -1), ("最后一个呢", -1)])
def test_single_ordinals_still_point_at_one_product(guide_engine, text: str,
                                                    position: int) -> None:
    conv, shown = _shown_after(guide_engine, "跑鞋")
    ev = _answer(guide_engine, text, conv)
    assert ev[0].intent != "compare"
    assert [c.product.sku for c in ev[0].cards if c.kind == "product"] == [shown[position]]


def test_a_range_keeps_the_list_so_a_later_pair_still_refers_to_it(guide_engine) -> None:
    conv, shown = _shown_after(guide_engine, "running shoes")
    _answer(guide_engine, "compare the first two", conv)
    assert _compared(_answer(guide_engine, "compare 1 and 3", conv)) == [shown[0], shown[2]]


@pytest.mark.parametrize("text", [
    "I need shoes for 2 or 3 days of hiking", "size 42 and 43", "前两天买的跑鞋"])
def test_bare_numbers_without_a_comparison_are_not_list_positions(text: str) -> None:
    vocab = StoreVocab(category_paths=["鞋", "鞋/跑鞋"], sizes=["42", "43"])
    assert understand(text, vocab).refs == []


@pytest.mark.parametrize("text", ["比较便宜的跑鞋", "比较轻的跑鞋", "有没有比较软的跑鞋", "比较适合新手的跑鞋"])
def test_rather_is_not_a_comparison(text: str) -> None:
    vocab = StoreVocab(category_paths=["鞋", "鞋/跑鞋"])
    q = understand(text, vocab)
    assert q.intent == "find" and q.category == "鞋/跑鞋"


@pytest.mark.parametrize("text", ["比较一下这两款", "哪个比较轻", "比较前两个", "跑鞋和登山鞋比较",
                                  "跑鞋跟登山鞋比一下", "这两款比一比"])
def test_a_real_comparison_still_compares(text: str) -> None:
    assert understand(text, StoreVocab(category_paths=["鞋/跑鞋", "鞋/登山鞋"])).intent == "compare"


@pytest.mark.parametrize("text, lang", [("compare 1 and 9", "en"), ("第五个", "zh"),
                                        ("tell me about the seventh one", "en"),
                                        ("比较一和八", "zh")])
def test_a_position_beyond_the_list_says_which_exist(guide_engine, text: str, lang: str) -> None:
    conv, shown = _shown_after(guide_engine, "跑鞋")
    events = _answer(guide_engine, text, conv)
    done = events[-1]
    assert not [c for c in events[0].cards if c.kind in ("product", "comparison")], done.text
    n = len(shown)
    assert (f"1到第{n}" if lang == "zh" else f"1 to {n}") in done.text, done.text
    assert conv.shown and [p.sku for p in conv.shown] == shown  # the list stays for the next try
    assert done.grounded

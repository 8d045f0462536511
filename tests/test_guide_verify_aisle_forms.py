"""Aisles in the forms a model writes them: after a colon (货架：B7, aisle: B7), after 在/位于
with no aisle word (在B7), after "shelf", "located in", "find it at". A made-up aisle
fails, the product's own passes, and letter-digit words that are no aisle are kept."""

from __future__ import annotations

import pytest

from shopguide.guide.verify import Facts, check_sentence
from shopguide.store.models import Product
from tests.fixtures.guide import GUIDE_FAQ, GUIDE_PRODUCTS

BY_SKU = {p.sku: p for p in GUIDE_PRODUCTS}
ONE = Facts.of([BY_SKU["SH-2"]], GUIDE_FAQ[:1])  # 缓震跑鞋 / Cushion Running Shoe: aisle A1
MIXED = Facts.of([BY_SKU["SH-1"], BY_SKU["SH-3"], BY_SKU["SH-4"]])  # A1, A2, A3


def ok(sentence: str, facts: Facts = ONE) -> bool:
    return check_sentence(sentence, facts) is None


FORMS = [
    ("缓震跑鞋货架：B7。", "缓震跑鞋货架：A1。"),
    ("缓震跑鞋 货架: B7", "缓震跑鞋 货架: A1"),
    ("缓震跑鞋货架号：B7。", "缓震跑鞋货架号：A1。"),
    ("缓震跑鞋位置：B7。", "缓震跑鞋位置：A1。"),
    ("缓震跑鞋在B7。", "缓震跑鞋在A1。"),
    ("缓震跑鞋在B7，价格459元。", "缓震跑鞋在A1，价格459元。"),
    ("缓震跑鞋在 B7 附近。", "缓震跑鞋在 A1 附近。"),
    ("缓震跑鞋位于B7货架。", "缓震跑鞋位于A1货架。"),
    ("缓震跑鞋位于B7。", "缓震跑鞋位于A1。"),
    ("缓震跑鞋放在B7区。", "缓震跑鞋放在A1区。"),
    ("缓震跑鞋在Ｂ７货架。", "缓震跑鞋在Ａ１货架。"),
    ("The Cushion Running Shoe, aisle: B7.", "The Cushion Running Shoe, aisle: A1."),
    ("Cushion Running Shoe - Aisle: B7", "Cushion Running Shoe - Aisle: A1"),
    ("The Cushion Running Shoe is on shelf B7.", "The Cushion Running Shoe is on shelf A1."),
    ("Cushion Running Shoe location: B7.", "Cushion Running Shoe location: A1."),
    ("You'll find the Cushion Running Shoe at B7.", "You'll find the Cushion Running Shoe at A1."),
    ("The Cushion Running Shoe is located in B7.", "The Cushion Running Shoe is located in A1."),
    ("The Cushion Running Shoe is in B7.", "The Cushion Running Shoe is in A1."),
]


@pytest.mark.parametrize("wrong, right", FORMS)
def test_a_wrong_aisle_fails_and_the_true_one_passes(wrong: str, right: str) -> None:
    assert not ok(wrong), wrong
    assert ok(right), right


@pytest.mark.parametrize("sentence, good", [
    ("轻风跑鞋在A3，防水登山鞋在A1。", "轻风跑鞋在A1，防水登山鞋在A3。"),
    ("轻风跑鞋货架：A3；防水登山鞋货架：A1。", "轻风跑鞋货架：A1；防水登山鞋货架：A3。"),
    ("The Breeze Running Shoe is in A3 and the Waterproof Hiker is in A1.",
     "The Breeze Running Shoe is in A1 and the Waterproof Hiker is in A3."),
])
def test_aisles_belong_to_their_product(sentence: str, good: str) -> None:
    assert not ok(sentence, MIXED) and ok(good, MIXED)


def test_a_worded_aisle_is_read_after_a_colon() -> None:
    facts = Facts.of([Product("HK-1", "Kettle", "Kitchen", 199, "CNY", aisle="Aisle 4")])
    assert ok("The Kettle is in Aisle 4.", facts) and ok("Kettle - aisle: 4", facts)
    assert not ok("Kettle - aisle: 9", facts) and not ok("Kettle 在货架：9。", facts)


@pytest.mark.parametrize("sentence", [
    "缓震跑鞋在2024年上市。", "缓震跑鞋在EU42码也有。", "The Cushion Running Shoe is in US9 too.",
    "缓震跑鞋（SH-2）在A1货架。", "The Cushion Running Shoe (SH-2) is in stock.",
    "缓震跑鞋在A1和A2之间的A1货架。", "The Cushion Running Shoe is in size 41.",
    "缓震跑鞋在MP3里听不到。", "缓震跑鞋在5G网络下也能查。",
])
def test_letter_digit_words_that_are_no_aisle_pass(sentence: str) -> None:
    assert ok(sentence), sentence

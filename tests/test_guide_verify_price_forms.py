"""Prices in the forms a model writes them: a bare number after a time word (现在 99, now 99),
English number words (ninety-nine yuan), thousands (1k 元, 1.2k, ¥1,299.00, 1 299 元) and
full-width digits. A made-up price fails, the product's own passes, and numbers in these
forms that are no price (a stock figure after "now", 2700 K, a 10k run) are kept."""

from __future__ import annotations

import pytest

from shopguide.guide.verify import Facts, check_sentence
from shopguide.store.models import Product
from tests.fixtures.guide import GUIDE_FAQ, GUIDE_PRODUCTS

BY_SKU = {p.sku: p for p in GUIDE_PRODUCTS}
ONE = Facts.of([BY_SKU["SH-2"]], GUIDE_FAQ[:1])  # 缓震跑鞋 / Cushion Running Shoe: ¥459, 12, A1
TWO = Facts.of([BY_SKU["SH-1"], BY_SKU["SH-2"]])  # 轻风跑鞋 ¥299, 缓震跑鞋 ¥459
CARBON = Facts.of([BY_SKU["SH-3"]])  # 竞速碳板跑鞋 / Carbon Racing Shoe: ¥1299
ROUND = Facts.of([Product("TV-1", "投影仪", "电器", 1200, "CNY", stock=5, aisle="C1",
                          name_en="Projector"),
                  Product("TV-2", "音箱", "电器", 1000, "CNY", stock=7, aisle="C2",
                          name_en="Speaker")])


def ok(sentence: str, facts: Facts = ONE) -> bool:
    return check_sentence(sentence, facts) is None


TIME_WORDS = [
    ("缓震跑鞋现在 99。", "缓震跑鞋现在 459。"),
    ("缓震跑鞋现在99！", "缓震跑鞋现在459！"),
    ("缓震跑鞋目前只要 99。", "缓震跑鞋目前只要 459。"),
    ("缓震跑鞋今天 99，很划算。", "缓震跑鞋今天 459，很划算。"),
    ("缓震跑鞋现在就99！", "缓震跑鞋现在就459！"),
    ("The Cushion Running Shoe is now 99, 2 colours.", "The Cushion Running Shoe is now 459, 2 colours."),
    ("Size 41 costs 99.", "Size 41 costs 459."),
    ("Cushion Running Shoe now 99.", "Cushion Running Shoe now 459."),
    ("The Cushion Running Shoe is now 99!", "The Cushion Running Shoe is now 459!"),
    ("The Cushion Running Shoe: just 99.", "The Cushion Running Shoe: just 459."),
    ("The Cushion Running Shoe is currently 99.", "The Cushion Running Shoe is currently 459."),
    ("The Cushion Running Shoe, today 99, is a good pick.",
     "The Cushion Running Shoe, today 459, is a good pick."),
]

WORDS = [
    ("The Cushion Running Shoe is ninety-nine yuan.",
     "The Cushion Running Shoe is four hundred and fifty-nine yuan."),
    ("The Cushion Running Shoe costs ninety-nine dollars.",
     "The Cushion Running Shoe costs four hundred fifty-nine dollars."),
    ("The Cushion Running Shoe costs ninety-nine.",
     "The Cushion Running Shoe costs four hundred fifty-nine."),
    ("The Cushion Running Shoe: just ninety-nine bucks!",
     "The Cushion Running Shoe: just four hundred and fifty-nine bucks!"),
    ("The Cushion Running Shoe is now ninety-nine.",
     "The Cushion Running Shoe is now four hundred and fifty-nine."),
    ("The Cushion Running Shoe sells for twelve hundred yuan.",
     "The Cushion Running Shoe sells for 459 yuan."),
]

THOUSANDS = [
    (ROUND, "投影仪1k 元。", "音箱1k 元。"),
    (ROUND, "投影仪1.5k。", "投影仪1.2k。"),
    (ROUND, "The Projector is 1.5k.", "The Projector is 1.2k."),
    (ROUND, "The Projector costs 1.5k today.", "The Projector costs 1.2k today."),
    (ROUND, "The Projector is 1.5K.", "The Projector is 1.2K."),
    (ROUND, "投影仪¥1.5k。", "投影仪¥1.2k。"),
    (ROUND, "投影仪1.5k元。", "投影仪1.2k元。"),
    (ROUND, "投影仪0.15万元。", "投影仪0.12万元。"),
    (ROUND, "The Projector is one thousand five hundred yuan.",
     "The Projector is one thousand two hundred yuan."),
    (CARBON, "竞速碳板跑鞋¥1,399.00。", "竞速碳板跑鞋¥1,299.00。"),
    (CARBON, "竞速碳板跑鞋1 399 元。", "竞速碳板跑鞋1 299 元。"),
    (CARBON, "The Carbon Racing Shoe is ¥1 399.", "The Carbon Racing Shoe is ¥1 299."),
    (CARBON, "竞速碳板跑鞋１３９９元。", "竞速碳板跑鞋１２９９元。"),
    (CARBON, "竞速碳板跑鞋￥１，３９９。", "竞速碳板跑鞋￥１，２９９。"),
    (ONE, "缓震跑鞋３９９元。", "缓震跑鞋４５９元。"),
    (ONE, "缓震跑鞋1 299 元。", "缓震跑鞋 459 元。"),
]


@pytest.mark.parametrize("wrong, right", TIME_WORDS + WORDS)
def test_a_wrong_price_fails_and_the_true_one_passes(wrong: str, right: str) -> None:
    assert not ok(wrong), wrong
    assert ok(right), right


@pytest.mark.parametrize("facts, wrong, right", THOUSANDS)
def test_thousands_and_wide_digits_are_read_whole(facts: Facts, wrong: str, right: str) -> None:
    assert not ok(wrong, facts), wrong
    assert ok(right, facts), right


@pytest.mark.parametrize("sentence, good", [
    ("轻风跑鞋现在 459，缓震跑鞋现在 299。", "轻风跑鞋现在 299，缓震跑鞋现在 459。"),
    ("The Breeze Running Shoe is now four hundred and fifty-nine yuan.",
     "The Breeze Running Shoe is now two hundred and ninety-nine yuan."),
])
def test_prices_in_these_forms_belong_to_their_product(sentence: str, good: str) -> None:
    assert not ok(sentence, TWO) and ok(good, TWO)


@pytest.mark.parametrize("sentence", [
    "缓震跑鞋库存现在 12。", "缓震跑鞋库存现在12件。", "The Cushion Running Shoe's stock is now 12.",
    "缓震跑鞋现在有41码。", "缓震跑鞋现在 12 件有货。", "现在 10:00 开门。", "Now 3 colours to pick from.",
    "The Cushion Running Shoe is the only one.",
    "Just one more thing: the Cushion Running Shoe is ¥459.",
    "The Cushion Running Shoe is one of our best sellers.",
    "The Cushion Running Shoe weighs two pounds.",
    "Great for a 10k.",
    "Pair it with a 2700 K warm white lamp.", "The Cushion Running Shoe has 12 in stock now.",
    "The Cushion Running Shoe now comes in 4 sizes.", "缓震跑鞋今天12件有货，459元。",
    "Marathon 42k.", "Great for runs of 5k.", "It's a 4k screen.", "Battery 10k mAh.",
    "The Cushion Running Shoe is 459 yuan; its stock is only 12.", "Currently 4 sizes.",
    "The store opens today at 10:00.", "Sizes available now: 40, 41.",
    "In stock today: 12, in aisle A1.", "Sizes in stock now 40, 41 and 42.",
    "The Cushion Running Shoe is ¥459; sizes now 40, 41.", "The size is 41.",
])
def test_numbers_in_these_forms_that_are_no_price_pass(sentence: str) -> None:
    assert ok(sentence), sentence


def test_an_original_price_is_a_price_too() -> None:
    assert not ok("缓震跑鞋原价599，现在459。") and ok("缓震跑鞋原价459，现在还是459。")


def test_two_products_named_alike_may_each_be_meant() -> None:
    twins = Facts.of([Product("SC-1", "Comfort Scarf", "Scarves", 70, "CNY", stock=47, aisle="D24"),
                      Product("SC-2", "Comfort Scarf", "Scarves", 329, "CNY", stock=0, aisle="H10"),
                      Product("SC-3", "Youth Scarf", "Scarves", 269, "CNY", stock=1, aisle="G1")])
    assert ok("The Comfort Scarf is ¥70, in aisle D24. You could also consider the Comfort Scarf, ¥329.",
              twins)
    assert ok("The Comfort Scarf in aisle H10 is out of stock.", twins)
    assert not ok("The Comfort Scarf is ¥269.", twins)  # the other name's price
    assert not ok("The Comfort Scarf is ¥99.", twins) and not ok("The Comfort Scarf is in G1.", twins)

"""Stock figures in the forms a model writes them: after a colon or 为, with a space, with
"now" between, in words. A wrong figure fails; the same sentence with the true figure,
and a number after 还有/剩 that counts no stock (sizes, colours, days), is kept."""

from __future__ import annotations

import pytest

from shopguide.guide.verify import Facts, check_sentence
from shopguide.store.models import Product
from tests.fixtures.guide import GUIDE_FAQ, GUIDE_PRODUCTS

BY_SKU = {p.sku: p for p in GUIDE_PRODUCTS}
ONE = Facts.of([BY_SKU["SH-2"]], GUIDE_FAQ[:1])  # 缓震跑鞋 / Cushion Running Shoe: ¥459, 12, A1
TWO = Facts.of([BY_SKU["SH-1"], BY_SKU["SH-2"]])  # 轻风跑鞋 20 in stock, 缓震跑鞋 12
OUT = Facts.of([BY_SKU["SH-3"]])  # 竞速碳板跑鞋: 0


def ok(sentence: str, facts: Facts = ONE) -> bool:
    return check_sentence(sentence, facts) is None


# (wrong, right): the same sentence with a made-up figure and with the product's own.
FORMS = [
    ("缓震跑鞋库存：99件。", "缓震跑鞋库存：12件。"),
    ("缓震跑鞋库存:99", "缓震跑鞋库存:12"),
    ("缓震跑鞋库存为99。", "缓震跑鞋库存为12。"),
    ("缓震跑鞋库存是99双。", "缓震跑鞋库存是12双。"),
    ("缓震跑鞋库存 99 件。", "缓震跑鞋库存 12 件。"),
    ("缓震跑鞋库存数量：99。", "缓震跑鞋库存数量：12。"),
    ("缓震跑鞋目前库存为九十九双。", "缓震跑鞋目前库存为十二双。"),
    ("缓震跑鞋库存现在 99 件。", "缓震跑鞋库存现在 12 件。"),
    ("缓震跑鞋库存：９９件。", "缓震跑鞋库存：１２件。"),
    ("缓震跑鞋现货99双。", "缓震跑鞋现货12双。"),
    ("Cushion Running Shoe stock: 99.", "Cushion Running Shoe stock: 12."),
    ("Stock of the Cushion Running Shoe: 99 pairs.",
     "Stock of the Cushion Running Shoe: 12 pairs."),
    ("The Cushion Running Shoe has 99 in stock.", "The Cushion Running Shoe has 12 in stock."),
    ("The Cushion Running Shoe: only 99 left.", "The Cushion Running Shoe: only 12 left."),
    ("Cushion Running Shoe, in stock: 99.", "Cushion Running Shoe, in stock: 12."),
    ("The Cushion Running Shoe's stock is now 99.", "The Cushion Running Shoe's stock is now 12."),
    ("Cushion Running Shoe stock level is 99 pairs.",
     "Cushion Running Shoe stock level is 12 pairs."),
    ("The Cushion Running Shoe has ninety-nine in stock.",
     "The Cushion Running Shoe has twelve in stock."),
    ("Only twenty left of the Cushion Running Shoe.",
     "Only a dozen left of the Cushion Running Shoe."),
    ("Cushion Running Shoe: eleven pairs remaining.",
     "Cushion Running Shoe: twelve pairs remaining."),
    ("Cushion Running Shoe stock: ninety-nine.", "Cushion Running Shoe stock: twelve."),
    ("Cushion Running Shoe stock stands at 99.", "Cushion Running Shoe stock stands at 12."),
    ("In stock today: 99, in aisle A1.", "In stock today: 12, in aisle A1."),
    ("We have 99 of the Cushion Running Shoe in stock.", "We have 12 of the Cushion Running Shoe in stock."),
    ("Twenty of them are left.", "Twelve of them are left."),
]


@pytest.mark.parametrize("wrong, right", FORMS)
def test_a_wrong_stock_figure_fails_and_the_true_one_passes(wrong: str, right: str) -> None:
    assert not ok(wrong), wrong
    assert ok(right), right


@pytest.mark.parametrize("sentence, good", [
    ("轻风跑鞋库存：12件，缓震跑鞋库存：20件。", "轻风跑鞋库存：20件，缓震跑鞋库存：12件。"),
    ("The Breeze Running Shoe stock: 12; the Cushion Running Shoe stock: 20.",
     "The Breeze Running Shoe stock: 20; the Cushion Running Shoe stock: 12."),
    ("轻风跑鞋库存为十二，缓震跑鞋库存为二十。", "轻风跑鞋库存为二十，缓震跑鞋库存为十二。"),
])
def test_stock_figures_belong_to_their_product(sentence: str, good: str) -> None:
    assert not ok(sentence, TWO) and ok(good, TWO)


def test_zero_stock_written_with_a_colon() -> None:
    assert ok("竞速碳板跑鞋库存：0。", OUT) and ok("Carbon Racing Shoe stock: 0.", OUT)
    assert not ok("竞速碳板跑鞋库存：5件。", OUT) and not ok("Carbon Racing Shoe stock: 5.", OUT)


@pytest.mark.parametrize("sentence", [
    "缓震跑鞋还有41码。", "缓震跑鞋还有2个颜色可选。", "缓震跑鞋还剩3天就恢复原价。",
    "缓震跑鞋还有38码和39码。", "缓震跑鞋库存充足，还有40码。", "Someone left a note about the Cushion Running Shoe.",
    "The Cushion Running Shoe comes in one colour, and 12 are in stock.",
    "购物后30天内凭小票可退货。", "Sizes 40 and 41 are in stock for the Cushion Running Shoe.",
    "缓震跑鞋尺码40、41有货。", "The Cushion Running Shoe is in stock at 2 stores.",
    "The Cushion Running Shoe is in stock in 4 sizes.", "缓震跑鞋现货供应，3天到货。",
    "3 of the colours of the Cushion Running Shoe are in stock.",
])
def test_numbers_that_count_no_stock_pass(sentence: str) -> None:
    assert ok(sentence), sentence


def test_a_count_with_a_thousands_comma_is_read_whole() -> None:
    facts = Facts.of([Product("BK-1", "笔记本", "文具", 12, "CNY", stock=1200, name_en="Notebook")])
    for right in ("笔记本库存 1,200 件。", "Notebook: 1,200 in stock.", "Notebook stock: 1,200."):
        assert ok(right, facts), right
    for wrong in ("笔记本库存 1,300 件。", "Notebook: 1,300 in stock.", "Notebook stock: 1,2."):
        assert not ok(wrong, facts), wrong


def test_a_size_word_does_not_hide_a_wrong_count() -> None:
    assert not ok("Size 41: 99 in stock for the Cushion Running Shoe.")
    assert not ok("Sizes 40 and 45 are in stock for the Cushion Running Shoe.")  # no size 45


@pytest.mark.parametrize("sentence, facts, holds", [
    ("缓震跑鞋库存还有12件，别担心断货。", ONE, True), ("缓震跑鞋不会卖完的。", ONE, True),
    ("The Cushion Running Shoe isn't sold out.", ONE, True),
    ("The Cushion Running Shoe is not out of stock.", ONE, True),
    ("竞速碳板跑鞋不会断货。", OUT, False), ("The Carbon Racing Shoe isn't sold out.", OUT, False),
    ("竞速碳板跑鞋没有库存，已经售罄。", OUT, True), ("缓震跑鞋没有库存，已经售罄。", ONE, False),
])
def test_a_denied_out_of_stock_word_claims_in_stock(sentence: str, facts: Facts, holds: bool) -> None:
    assert ok(sentence, facts) is holds


def test_the_products_on_the_shelf_are_those_of_the_prompt_not_sold_out() -> None:
    from shopguide.guide.sentence_checks import on_shelf, sold_out

    prompt = ("Facts:\n[P1] Duvet [P1.price] $229.99 [P1.stock] 0\n"
              "[P2] Comforter [P2.price] $69.99 [P2.stock] 12\n[P3] Pillow [P3.price] $9\n"
              "[F1] Returns [F1.c1] 30 days.\nQ: a duvet?\nA:")
    assert sold_out(prompt) == {"[P1]"}
    assert on_shelf(prompt, sold_out(prompt)) == {"[P2]", "[P3]"}  # no stock figure: not known to be sold out

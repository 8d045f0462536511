"""The verifier: planted wrong prices, aisles, stock claims, SKUs and promises are removed."""

from __future__ import annotations

import pytest

from shopguide.guide.verify import Facts, check_sentence, split_sentences, verify
from tests.fixtures.guide import GUIDE_FAQ, GUIDE_PRODUCTS

BY_SKU = {p.sku: p for p in GUIDE_PRODUCTS}
FACTS = Facts.of([BY_SKU["SH-2"], BY_SKU["SH-3"]], [GUIDE_FAQ[0]], budget=(None, 500))


def test_sentences_split_in_both_languages_but_not_on_decimals() -> None:
    assert split_sentences("缓震跑鞋¥459。在A1货架！Costs $49.99 today. Yes?") == [
        "缓震跑鞋¥459。", "在A1货架！", "Costs $49.99 today.", " Yes?"]


@pytest.mark.parametrize(
    "sentence",
    ["缓震跑鞋只要¥399。", "缓震跑鞋399元。", "The Cushion Running Shoe is $45.99.",
     "It costs 12 pounds.", "缓震跑鞋在B7货架。", "Find it in aisle Z9.",
     "缓震跑鞋还有99件。", "Only 3 left!", "竞速碳板跑鞋有货。", "Carbon Racing Shoe is in stock.",
     "缓震跑鞋已经卖完了。", "Ask for SK-999 at the desk.", "今天全场免费！",
     "Everything is free today.", "We guarantee a 50% discount."],
)
def test_planted_false_claims_fail(sentence: str) -> None:
    assert check_sentence(sentence, FACTS) is not None


@pytest.mark.parametrize(
    "sentence",
    ["缓震跑鞋¥459，在A1货架，有货12件。", "Cushion Running Shoe costs $459 and 12 are in stock.",
     "竞速碳板跑鞋目前缺货。", "The Carbon Racing Shoe (SH-3) is out of stock.", "预算500元以内可以看看它。",
     "购物后30天内凭小票可退货。", "这款很适合扁平足。"],
)
def test_true_claims_pass(sentence: str) -> None:
    assert check_sentence(sentence, FACTS) is None


def test_only_the_failing_sentence_is_dropped() -> None:
    v = verify("缓震跑鞋¥459。现在只要¥99！它在A1货架。", FACTS)
    assert v.text == "缓震跑鞋¥459。它在A1货架。"
    assert not v.grounded and "99" in v.dropped[0][1]


def test_numbers_in_product_names_and_words_containing_free_are_not_claims() -> None:
    from shopguide.store.models import Product

    bank = Product("PB-9", "Rapid Power Bank 9", "Electronics", 199, "CNY", stock=26,
                   name_zh="闪充充电宝 9")
    pen = Product("PN-1", "Freedom Fountain Pen", "Pens", 809, "CNY")
    facts = Facts.of([bank, pen])
    assert check_sentence("有的，闪充充电宝 9库存 26 件。", facts) is None
    assert check_sentence("The Freedom Fountain Pen is ¥809.", facts) is None
    assert check_sentence("Today it is 30% off.", facts) is not None
    assert check_sentence("今天全场8折。", facts) is not None


def test_a_code_the_policy_itself_holds_is_no_invented_sku() -> None:
    from shopguide.store.models import FaqEntry

    hours = FaqEntry("hours", "几点开门？", "每天9:30营业到21:30，地址在万象城负一楼B118。")
    facts = Facts.of([BY_SKU["SH-2"]], [hours])
    assert check_sentence("地址在万象城负一楼B118。", facts) is None
    assert check_sentence("地址在万象城负一楼B119。", facts) is not None  # not what it says
    assert check_sentence("地址在万象城负一楼B118。", FACTS) is not None  # not given


def test_a_policy_quoted_after_a_lead_in_is_its_own_words() -> None:
    """"The store's rule is: gift cards from $10 to $500 are available …" quotes the row (its
    "$500 are available" is an amount of money, no stock count); the lead-in must claim
    nothing and the rest must be the row's words."""
    from shopguide.store.models import FaqEntry

    cards = FaqEntry("gift-cards", "Do you sell gift cards?",
                     "Gift cards from $10 to $500 are available at every register and never "
                     "expire. They cannot be redeemed for cash.")
    facts = Facts.of([], [cards])
    said = "The store's rule is: gift cards from $10 to $500 are available at every register"
    assert verify(said + " and never expire.", facts).grounded
    assert not verify("The store's rule is: gift cards from $10 to $900 are available at every "
                      "register.", facts).grounded
    assert not verify("Only 3 left: gift cards from $10 to $500 are available at every register "
                      "and never expire.", facts).grounded
    assert check_sentence("Gift cards up to $500 are available.", facts) != \
        "stock figure 500 is not in the facts"

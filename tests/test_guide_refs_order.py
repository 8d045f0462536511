"""A product's sentences and tags in the prompt: those that say the question's words first."""

from __future__ import annotations

from shopguide.guide.prompt import build_tagged_prompt
from shopguide.guide.refs import PRODUCT_CLAUSES
from shopguide.store.models import Product

DESC_ZH = "网面透气。鞋底耐磨。重量轻巧。颜色百搭。鞋带不易松。中底内侧加硬，适合扁平足。"
SHOE = Product(sku="RS-1", name="云跃跑鞋", category="鞋/跑鞋", price=459, currency="CNY",
               tags=["透气", "轻量", "扁平足"], description=DESC_ZH)
BOOT = Product(sku="HB-1", name="Trail Boot", category="Shoes/Boots", price=99, currency="USD",
               tags=["leather", "waterproof"],
               description=("Full-grain leather upper. Vibram outsole. Padded collar. "
                            "Cushioned insole. Sealed seams keep your feet dry in rain."))


def test_the_sentence_that_answers_the_need_is_given_first_even_when_it_is_last() -> None:
    _, refs = build_tagged_prompt("有没有适合扁平足的跑鞋", [SHOE], lang="zh")
    assert len(DESC_ZH.split("。")) - 1 > PRODUCT_CLAUSES  # beyond what the prompt holds in order
    assert refs.values["[P1.d1]"] == "中底内侧加硬，适合扁平足"
    assert refs.values["[P1.d2]"] == "网面透气"  # the rest keep the catalog's order
    assert refs.values["[P1.t1]"] == "扁平足"


def test_english_words_match_by_stem_and_a_synonyms_words_count() -> None:
    _, refs = build_tagged_prompt("which boots keep my feet dry?", [BOOT], lang="en")
    assert refs.values["[P1.d1]"] == "Sealed seams keep your feet dry in rain"
    _, refs = build_tagged_prompt("boots for a wet day", [BOOT], lang="en", focus=["waterproof"])
    assert refs.values["[P1.t1]"] == "waterproof"


def test_without_a_shared_word_the_catalog_order_stays() -> None:
    _, refs = build_tagged_prompt("what do you have?", [BOOT], lang="en")
    assert refs.values["[P1.d1]"] == "Full-grain leather upper"
    assert refs.values["[P1.t1]"] == "leather"
    assert "[P1.d5]" not in refs.values

"""Composed answers speak the asker's language about tags and colours, too."""

from __future__ import annotations

from shopguide.guide.compose import colors_in, compose_compare, compose_detail, tags_in
from shopguide.store.models import Product

SHOE = Product("S-1", "缓震跑鞋", "鞋/跑鞋", 459, "CNY", "云跃", 12, "A1", ("40",),
               ("黑色", "navy", "荧光绿"), ("缓震", "扁平足", "cushioned", "flat feet"),
               name_en="Cushion Runner")
RACER = Product("S-2", "碳板跑鞋", "鞋/跑鞋", 1299, "CNY", "云跃", 3, "A2", ("41",), ("白色",),
                ("竞速", "碳板", "racing"), name_en="Carbon Racer")
ONLY_ZH = Product("S-3", "基础跑鞋", "鞋/跑鞋", 199, "CNY", None, 5, "A2", (), (), ("入门",))


def test_tags_follow_the_askers_language_when_the_store_has_both() -> None:
    assert tags_in(SHOE, "en") == ["cushioned", "flat feet"]
    assert tags_in(SHOE, "zh") == ["缓震", "扁平足"]
    assert tags_in(ONLY_ZH, "en") == ["入门"]  # nothing in English: the store's own words


def test_colours_are_named_in_the_askers_language_where_the_colour_is_known() -> None:
    assert colors_in(SHOE, "en") == ["black", "navy", "荧光绿"]  # an unknown shade stays as is
    assert colors_in(SHOE, "zh") == ["黑色", "藏青", "荧光绿"]


def test_an_english_comparison_and_detail_carry_no_chinese_tags_or_colours() -> None:
    text = compose_compare([SHOE, RACER], "en")
    assert "cushioned" in text and "racing" in text
    assert "缓震" not in text and "竞速" not in text
    detail = compose_detail([SHOE], "en")
    assert "colours: black/navy" in detail and "黑色" not in detail

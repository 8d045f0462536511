"""Composed answers speak the asker's language about tags and colours, too."""

from __future__ import annotations

import dataclasses

import pytest

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


def test_an_english_answer_names_a_chinese_brand_as_its_english_product_names_do() -> None:
    from shopguide.guide.compose import compose_find
    from shopguide.guide.query import Query

    q = Query(text="Yunyue shoes", lang="en", intent="find")
    q.brand = "云跃"
    yun = [Product("S-1", "缓震跑鞋", "鞋/跑鞋", 459, "CNY", "云跃", 12, "A1",
                   name_en="Yunyue Cushion Runner"),
           Product("S-2", "碳板跑鞋", "鞋/跑鞋", 1299, "CNY", "云跃", 3, "A2",
                   name_en="Yunyue Carbon Racer")]
    text = compose_find(q, yun, "CNY", "en")
    assert "Yunyue" in text and "云跃" not in text
    # Names that do not agree on a first word leave the brand as the store writes it.
    mixed = [yun[0], RACER]
    assert "云跃" in compose_find(q, mixed, "CNY", "en")


def test_a_product_named_in_full_is_the_answer_not_the_head_of_a_list(guide_store) -> None:
    from shopguide.guide.engine import Engine
    from shopguide.guide.events import Cards, Done

    for question in ("缓震跑鞋多少钱？", "how much is the Cushion Running Shoe?"):
        events = list(Engine(guide_store).answer(question))
        cards = next(e for e in events if isinstance(e, Cards)).cards
        assert [c.product.sku for c in cards] == ["SH-2"], question
        assert "459" in next(e for e in events if isinstance(e, Done)).text
    # A budget or "cheaper" still asks for a list.
    cards = next(e for e in Engine(guide_store).answer("比缓震跑鞋便宜的跑鞋") if isinstance(e, Cards))
    assert len(cards.cards) != 1 or cards.cards[0].product.sku != "SH-2"


def test_an_activity_is_not_pluralised_as_if_it_were_a_product() -> None:
    from shopguide.guide.compose import compose_find
    from shopguide.guide.query import Query

    q = Query(text="swimming things", lang="en", intent="find")
    q.category, q.category_said = "游泳", "swimming"
    goggles = dataclasses.replace(SHOE, category="游泳")
    text = compose_find(q, [goggles], "CNY", "en")
    assert "swimmings" not in text and "swimming products" in text
    q.category_said = "tent"
    assert "tents" in compose_find(q, [goggles], "CNY", "en")


def test_asked_for_a_thing_the_store_lacks_the_answer_names_it_and_what_it_carries() -> None:
    from shopguide.guide.compose import compose_not_found

    cats = ["鞋", "服装", "Kitchen", "Bedding"]
    zh = compose_not_found("你们有冰箱吗？", "zh", cats)
    assert zh is not None and "冰箱" in zh and "鞋、服装" in zh and "Kitchen" not in zh
    en = compose_not_found("Do you sell golf clubs?", "en", cats)
    assert en is not None and "golf clubs" in en and "Kitchen, Bedding" in en
    assert compose_not_found("今天天气怎么样？", "zh", cats) is None  # not asking for a thing
    assert compose_not_found("tell me a joke", "en", cats) is None
    # 有…吗 asks for a thing only where the message or a clause opens.
    for asked in ("有冰箱吗", "你好，有冰箱吗？", "请问有冰箱吗"):
        said = compose_not_found(asked, "zh", cats)
        assert said is not None and "没有找到冰箱" in said, asked
    for asked in ("这款有蓝色的吗", "有什么推荐吗", "有必要买吗", "有上门安装吗"):
        assert compose_not_found(asked, "zh", cats) is None, asked  # no thing named


def test_a_department_named_in_the_singular_is_listed_as_its_products() -> None:
    from shopguide.guide.compose import _what
    from shopguide.guide.query import Query

    assert _what(Query(text="x", category="Pets/Cat"), "en") == "Cat products"
    assert _what(Query(text="x", category="Shoes/Running Shoes"), "en") == "Running Shoes"
    assert _what(Query(text="x", category="鞋/跑鞋"), "zh") == "跑鞋"


def test_a_kind_none_of_the_products_shown_is_of_is_not_the_lists_label() -> None:
    # "自驾露营带什么电源好" names 露营 (camping) and finds power stations filed elsewhere.
    from shopguide.guide.compose import compose_find
    from shopguide.guide.query import Query

    station = Product("PS-1", "600W 户外电源", "户外电源", 1999, "CNY", None, 5, "G1")
    text = compose_find(Query(text="自驾露营带什么电源好", category="露营"), [station], "CNY", "zh")
    assert "露营" not in text.split("：")[0] and "商品" in text, text
    assert "跑鞋" in compose_find(Query(text="跑鞋", category="鞋/跑鞋"), [SHOE], "CNY", "zh")


def test_a_stock_question_naming_a_size_or_colour_is_told_the_ones_it_comes_in() -> None:
    from shopguide.guide.compose import compose_locate
    from shopguide.guide.query import Query

    q = Query(text="is it available in size 42?", lang="en", intent="locate")
    q.size = "42"
    text = compose_locate(q, [SHOE], "en")
    assert "aisle A1" in text and text.endswith("Sizes: 40.")  # 42 is not made: it says 40
    q = Query(text="有黑色的吗", lang="zh", intent="locate")
    q.color = "黑色"
    assert compose_locate(q, [SHOE], "zh").endswith("颜色：黑色/藏青/荧光绿。")
    plain = Query(text="where is it?", lang="en", intent="locate")
    assert "Sizes" not in compose_locate(plain, [SHOE], "en")


def test_a_clause_quoted_from_inside_a_sentence_ends_once() -> None:
    from shopguide.guide.compose import compose_attribute

    text = compose_attribute(SHOE, "敏感肌肤可用，怀孕也可以用；", "怀孕也可以用?", "zh")
    assert "怀孕也可以用。" in text and "；。" not in text
    text = compose_attribute(SHOE, "Good for flat feet;", "flat feet?", "en")
    assert "Good for flat feet." in text and ";." not in text


@pytest.mark.parametrize("lang, plural", [("zh", ("这几款", "这些")), ("en", ("these", "Here are"))])
def test_one_product_is_not_listed_as_several(lang: str, plural: tuple[str, ...]) -> None:
    from shopguide.guide.compose import compose_find
    from shopguide.guide.query import Query

    for text, size in (("跑鞋", None), ("43码的跑鞋", "43"), ("running shoes", None),
                       ("running shoes in 43", "43")):
        q = Query(text=text, lang=lang, intent="find")
        q.category, q.size = "鞋/跑鞋", size
        one = compose_find(q, [SHOE], "CNY", lang)
        assert not any(w in one for w in plural), one
        assert ("这款" in one or "这一款" in one) if lang == "zh" else "one" in one, one
        out = compose_find(q, [dataclasses.replace(SHOE, stock=0)], "CNY", lang)
        assert "第一款" not in out and "first one" not in out, out


def test_a_kind_said_as_a_modifier_is_not_the_list_s_label() -> None:
    """"kids bike helmets" reads the category 儿童 from "kids": the list is of kids products,
    not "these kids"; "hiking boots" names what they are and stays the label."""
    from types import SimpleNamespace

    from shopguide.guide.compose import _what
    from shopguide.guide.matching import Slot, Terms

    def asked(said: str, head: str) -> object:
        slots = Terms([Slot(w, [], head=w == head) for w in ("bike", head)])
        return SimpleNamespace(category="儿童/装备", category_said=said, slots=slots)

    assert _what(asked("kids", "helmets"), "en") == "kids products"
    assert _what(asked("hiking boot", "boots"), "en") == "hiking boots"

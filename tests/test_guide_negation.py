"""Negation: "不要黑色的跑鞋", "running shoes but not black", "除了诺瓦以外的跑鞋", "别的牌子"
exclude the colour or brand instead of filtering to it."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.guide.events import Cards, Done
from shopguide.guide.query import understand
from shopguide.guide.vocab import StoreVocab, color_matches, fold

VOCAB = StoreVocab(category_paths=["鞋", "鞋/跑鞋"], brands=["云跃", "诺瓦", "Stridex"],
                   colors=["黑色", "白色", "蓝色"], brand_aliases={"nova": "诺瓦"})


def _products(engine, text: str, conv: Conversation) -> tuple[list, str]:
    events = list(engine.answer(text, conv))
    assert isinstance(events[0], Cards) and isinstance(events[-1], Done)
    return [c.product for c in events[0].cards if c.kind == "product"], events[-1].text


@pytest.mark.parametrize("text, colour", [
    ("不要黑色的跑鞋", "black"), ("跑鞋，不要黑色", "black"), ("running shoes but not black", "black"),
    ("running shoes, no black please", "black"), ("除了黑色以外的跑鞋", "black"),
    ("跑鞋别推黑色的", "black"), ("别选黑色的跑鞋", "black"),  # 别 + any verb: "don't"
])
def test_a_negated_colour_is_excluded_not_wanted(text: str, colour: str) -> None:
    q = understand(text, VOCAB)
    assert q.color is None
    assert [c for c in q.exclude_colors if color_matches([c], colour)]
    if q.lang == "zh":  # the categories are Chinese; English reaches them through names
        assert q.category == "鞋/跑鞋"


@pytest.mark.parametrize("text", ["除了诺瓦以外的跑鞋", "跑鞋，不要诺瓦的", "running shoes, not Nova",
                                  "running shoes except Nova", "不是诺瓦的跑鞋", "跑鞋别给我推诺瓦的"])
def test_a_negated_brand_is_excluded_not_wanted(text: str) -> None:
    q = understand(text, VOCAB)
    assert q.brand is None and q.exclude_brands == ["诺瓦"]


def test_other_is_no_negation() -> None:
    # 别的 ("another") is one word, not the 别 of "don't": the colour asked is still wanted.
    q = understand("有别的黑色跑鞋吗", VOCAB)
    assert q.color is not None and not q.exclude_colors


def test_a_positive_and_a_negative_in_one_message() -> None:
    q = understand("不要黑色的，要白色的跑鞋", VOCAB)
    assert q.color == "白色" and q.exclude_colors == ["黑色"]
    q = understand("云跃的跑鞋 but not black", VOCAB)
    assert q.brand == "云跃" and q.color is None
    assert len(q.exclude_colors) == 1 and color_matches(["黑色"], q.exclude_colors[0])


def test_budget_negations_are_not_exclusions() -> None:
    q = understand("跑鞋不要超过500元", VOCAB)
    assert q.max_price == 500 and not q.exclude_colors and not q.exclude_brands


@pytest.mark.parametrize("text", ["不要黑色的跑鞋", "running shoes but not black", "跑鞋，不要黑色"])
def test_no_excluded_colour_is_shown(guide_engine, text: str) -> None:
    # "Not black" rules out the shoes that come only in black (SH-5); a pair that also
    # comes in white (SH-1) may be shown, after every one without black.
    shown, answer = _products(guide_engine, text, Conversation())
    assert shown, answer
    skus = [p.sku for p in shown]
    assert all(any(not color_matches([c], "black") for c in p.colors) for p in shown), skus
    assert "SH-5" not in skus
    black = [i for i, p in enumerate(shown) if color_matches(p.colors, "black")]
    free = [i for i, p in enumerate(shown) if not color_matches(p.colors, "black")
            and p.stock != 0]
    assert free and (not black or min(black) > min(free)), skus
    assert all(p.category == "鞋/跑鞋" for p in shown)


@pytest.mark.parametrize("text", ["除了诺瓦以外的跑鞋", "running shoes other than Stridex"])
def test_no_excluded_brand_is_shown(guide_engine, text: str) -> None:
    excluded = "诺瓦" if "诺瓦" in text else "Stridex"
    shown, answer = _products(guide_engine, text, Conversation())
    assert shown and all(fold(p.brand or "") != fold(excluded) for p in shown), answer
    assert excluded not in answer.split("：", 1)[-1].split(": ", 1)[-1]


def test_a_follow_up_excludes_what_was_asked_or_shown(guide_engine) -> None:
    conv = Conversation()
    shown, _ = _products(guide_engine, "云跃的跑鞋", conv)
    assert shown and all(p.brand == "云跃" for p in shown)
    for text in ("别的牌子呢？", "any other brand?"):
        c2 = Conversation(last_query=conv.last_query, shown=list(conv.shown))
        other, answer = _products(guide_engine, text, c2)
        assert other and all(p.brand != "云跃" for p in other), answer
        assert all(p.category == "鞋/跑鞋" for p in other), answer
    c3 = Conversation(last_query=conv.last_query, shown=list(conv.shown))
    _products(guide_engine, "跑鞋", c3)
    nonova, answer = _products(guide_engine, "not Stridex", c3)
    assert nonova and all(p.brand != "Stridex" and p.category == "鞋/跑鞋" for p in nonova), answer


def test_the_search_filter_excludes_brand_and_colour(guide_store) -> None:
    found = guide_store.search_products("跑鞋", exclude_brand=["诺瓦"], exclude_color=["黑色"],
                                        limit=20)
    skus = {p.sku for p, _ in found}
    assert skus and "SH-5" not in skus and "SH-1" not in skus and "SH-2" in skus
    only = guide_store.search_products(None, category="鞋/跑鞋", exclude_brand="云跃", limit=20)
    assert {p.sku for p, _ in only} == {"SH-3", "SH-5"}


def test_not_black_after_black_ones_drops_the_wish() -> None:
    from shopguide.guide.conversation import resolve

    conv = Conversation()
    first = understand("黑色的跑鞋", VOCAB)
    conv.remember("黑色的跑鞋", "…", first, [], None)
    conv.last_query = first
    for text in ("not black", "不要黑色的"):
        q = resolve(understand(text, VOCAB), conv)
        assert q.follow_up and q.color is None and q.exclude_colors, text
        q = resolve(understand("白色的呢", VOCAB), Conversation(last_query=q))
        assert q.color == "白色" and q.category == "鞋/跑鞋"


@pytest.mark.parametrize("text", ["no-slip black running shoes", "非常黑的跑鞋",
                                  "I'm not sure which, maybe black running shoes"])
def test_words_that_only_look_negative_keep_the_colour(text: str) -> None:
    q = understand(text, VOCAB)
    assert not q.exclude_colors and q.color is not None


def test_other_brands_in_a_new_search_still_leave_out_the_one_shown(guide_engine) -> None:
    conv = Conversation()
    shown, _ = _products(guide_engine, "诺瓦的衣服", conv)
    for text in ("别的牌子的跑鞋有吗", "running shoes from another brand"):
        c2 = Conversation(last_query=conv.last_query, shown=list(conv.shown))
        other, answer = _products(guide_engine, text, c2)
        assert other and all(p.brand != "诺瓦" and p.category == "鞋/跑鞋" for p in other), answer


def test_words_after_without_are_ruled_out_not_sought(tmp_path) -> None:
    from shopguide.guide.engine import Engine
    from shopguide.store import open_store
    from shopguide.store.models import Product

    store = open_store(tmp_path / "s.sqlite")
    store.save_product(Product("F-1", "Outdoor Ceiling Fan with LED Light", "Fans", 99.0, "USD"))
    store.save_product(Product("F-2", "Outdoor Ceiling Fan, Damp Rated", "Fans", 89.0, "USD"))
    q = understand("outdoor ceiling fan without light", StoreVocab())
    assert "light" in q.exclude_words and "light" not in q.terms
    q = understand("lights without wiring with switch", StoreVocab())
    assert q.exclude_words == ["wire"] and "switch" in q.terms  # "with" ends the exclusion
    plan = Engine(store).plan("outdoor ceiling fan without light", Conversation())
    assert [p.sku for p in plan.products][0] == "F-2"
    store.close()


@pytest.fixture
def fridges(fresh_store):
    from tests.fixtures.guide import zh_kinds_engine

    return zh_kinds_engine(fresh_store, (("P-1", "LG 冰箱抽屉 原装零件", "家电/冷藏设备配件"),
                                         ("P-2", "冰箱空气过滤器 替换装", "家电/冷藏设备配件"),
                                         ("P-3", "冰箱启动继电器", "家电/冷藏设备配件"),
                                         ("F-1", "迷你冰箱 25升", "家电/冷藏设备"),
                                         ("F-2", "双门冰箱 300升", "家电/冷藏设备")), stock=4)


@pytest.mark.parametrize("text", ["我要的是冰箱，不是配件", "a fridge, not parts"])
def test_a_negation_opening_a_clause_rules_its_kind_out(fridges, text: str) -> None:
    q = understand(text, fridges.vocab)
    assert q.exclude_words and len(q.slots.slots) == 1, (q.exclude_words, q.slots)
    if q.lang == "zh":  # the Chinese catalog: the fridges first, the parts after
        skus = [p.sku for p in fridges.plan(text, Conversation()).products]
        assert skus[:2] and set(skus[:2]) == {"F-1", "F-2"}, skus


def test_a_yes_no_question_after_a_comma_rules_nothing_out() -> None:
    assert understand("这双鞋，是不是防水的", VOCAB).exclude_words == []

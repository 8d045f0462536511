"""Follow-ups: what a short message borrows from the conversation, and what it does not."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation, referenced, resolve
from shopguide.guide.query import understand
from shopguide.guide.vocab import StoreVocab
from tests.fixtures.guide import GUIDE_PRODUCTS, P

VOCAB = StoreVocab(category_paths=["鞋", "鞋/跑鞋", "服装", "服装/羽绒服"], brands=["云跃"],
                   tags=["扁平足"], sizes=["38", "43", "M"], colors=["黑色"])
SHOES = [p for p in GUIDE_PRODUCTS if p.category == "鞋/跑鞋"][:3]  # 299, 459, 1299


def _after(first: str) -> Conversation:
    conv = Conversation()
    conv.remember(first, "…", understand(first, VOCAB), SHOES, None)
    return conv


def ask(text: str, conv: Conversation):
    return resolve(understand(text, VOCAB), conv)


def test_cheaper_lowers_the_budget_below_the_top_match_and_keeps_the_search() -> None:
    conv = _after("适合扁平足的跑鞋")
    for text in ("便宜一点的呢？", "anything cheaper?", "有没有更便宜的"):
        q = ask(text, conv)
        assert q.follow_up and q.category == "鞋/跑鞋" and q.tags == ["扁平足"]
        assert q.max_price is not None and q.max_price < SHOES[0].price


def test_a_size_or_colour_alone_refines_the_last_search() -> None:
    conv = _after("500元以内的跑鞋")
    q = ask("有43码的吗？", conv)
    assert (q.follow_up, q.size, q.max_price, q.category) == (True, "43", 500, "鞋/跑鞋")
    q = ask("黑色的呢", conv)
    assert q.follow_up and q.color == "黑色" and q.category == "鞋/跑鞋"


def test_ordinals_and_pronouns_point_at_shown_products() -> None:
    conv = _after("跑鞋")
    assert referenced(ask("第二个呢", conv), conv) == [SHOES[1]]
    assert referenced(ask("tell me about the third one", conv), conv) == [SHOES[2]]
    assert referenced(ask("最后一个有货吗", conv), conv) == [SHOES[-1]]
    assert referenced(ask("它在哪", conv), conv) == [SHOES[0]]
    q = ask("compare them", conv)
    assert q.intent == "compare" and q.follow_up


def test_a_new_subject_starts_a_new_search() -> None:
    conv = _after("500元以内的跑鞋")
    q = ask("羽绒服", conv)
    assert not q.follow_up and q.category == "服装/羽绒服" and q.max_price is None
    assert not ask("退货政策是什么？", conv).follow_up
    assert not ask("谢谢", conv).follow_up


def test_it_means_the_product_last_discussed_not_the_first_card(guide_engine) -> None:
    from shopguide.guide.events import Cards

    conv = Conversation()
    first = list(guide_engine.answer("跑鞋", conv))[0]
    shown = [c.product.sku for c in first.cards if c.kind == "product"]
    assert len(shown) >= 3
    for follow in ("the second one?", "第二个呢"):
        ev = list(guide_engine.answer(follow, conv))
        assert [c.product.sku for c in ev[0].cards if c.kind == "product"] == [shown[1]]
        for text in ("how much is it?", "那它在哪", "is that one in stock?", "这个多少钱"):
            ev = list(guide_engine.answer(text, conv))
            assert isinstance(ev[0], Cards)
            assert [c.product.sku for c in ev[0].cards if c.kind == "product"] == [shown[1]], text
    # A new list resets it: "it" is again the top recommendation.
    first = list(guide_engine.answer("羽绒服", conv))[0]
    top = [c.product.sku for c in first.cards if c.kind == "product"][0]
    ev = list(guide_engine.answer("how much is it?", conv))
    assert [c.product.sku for c in ev[0].cards if c.kind == "product"] == [top]


def test_cheaper_means_cheaper_than_the_product_recommended() -> None:
    # Issue 12: "便宜一点" is relative to the product recommended (the top match, or the one
    # talked about last), not to the cheapest card: after ¥459 / ¥299 / ¥1299 it is < ¥459.
    mixed = [SHOES[1], SHOES[0], SHOES[2]]  # 459 first
    insole = P("IN-1", "鞋垫", "配件/鞋垫", 59, "CNY")
    conv = Conversation()
    conv.remember("跑鞋", "…", understand("跑鞋", VOCAB), mixed + [insole], None)
    for text in ("便宜一点的呢？", "cheaper ones?"):
        q = ask(text, conv)
        assert q.max_price is not None and q.max_price < SHOES[1].price, text
        assert q.max_price > SHOES[0].price  # the ¥299 pair is cheaper, so it may be shown
        assert q.cheaper_than == SHOES[1] and q.category == SHOES[1].category


def test_cheaper_follows_the_product_last_talked_about() -> None:
    conv = _after("跑鞋")
    conv.focus = 2  # "第三个呢" made the ¥1299 pair the one discussed
    q = ask("便宜一点的呢？", conv)
    assert q.max_price is not None and SHOES[1].price < q.max_price < SHOES[2].price


def test_cheaper_needs_an_earlier_turn(guide_engine) -> None:
    # "The same blender is cheaper at another shop, can you match it?" as a first message
    # is a price-match question, not a lowered budget.
    q = resolve(understand("这个别家更便宜，能便宜点吗", VOCAB), Conversation())
    assert not q.cheaper and not q.follow_up and q.max_price is None


def test_cheaper_shows_only_cheaper_than_the_recommended_one(guide_engine) -> None:
    from shopguide.guide.events import Cards

    conv = Conversation()
    first = list(guide_engine.answer("跑鞋", conv))[0]
    top = [c.product for c in first.cards if c.kind == "product"][0]
    for text in ("便宜一点的呢？", "cheaper ones?"):
        c2 = Conversation(last_query=conv.last_query, shown=list(conv.shown))
        ev = list(guide_engine.answer(text, c2))
        assert isinstance(ev[0], Cards)
        prices = [c.product.price for c in ev[0].cards if c.kind == "product"]
        assert prices and all(p < top.price for p in prices), (prices, top.price)
        answer = ev[-1].text
        assert f"{top.price - 0.01:g}" not in answer  # no ceiling the shopper never said


def test_a_question_that_leaves_its_object_unsaid_keeps_the_category() -> None:
    # The conversation's kind is kept as a preference (ranking), not a filter: retrieval
    # drops it when the words fit something else clearly better.
    conv = _after("跑鞋")
    # ("有轻一点的吗" asks for lighter ones of the kind: test_guide_lighter.)
    for text in ("有没有适合冬天跑步的", "any for winter?"):
        q = ask(text, conv)
        assert q.subject == "鞋/跑鞋" and q.category is None, text
    # Naming something else, or asking something else, does not.
    q = ask("有没有适合冬天的羽绒服", conv)
    assert q.category == "服装/羽绒服" and q.subject is None
    assert ask("退货政策是什么？", conv).subject is None
    assert ask("冬天跑步穿什么", Conversation()).subject is None  # nothing shown yet


def test_a_short_question_after_a_policy_answer_stays_with_that_policy(guide_engine) -> None:
    conv = Conversation()
    first = guide_engine.plan("what time do you open?", conv)
    assert first.intent == "policy" and first.faq.id == "hours"
    list(guide_engine.answer("what time do you open?", conv))
    plan = guide_engine.plan("and on sunday?", conv)
    assert plan.intent == "policy" and plan.faq.id == "hours"
    # With nothing shown or asked before, the same words are out of scope.
    assert guide_engine.plan("and on sunday?", Conversation()).intent == "out_of_scope"


def test_another_policy_topic_after_a_policy_answer_is_not_that_policy(guide_engine) -> None:
    """"是正品吗" after the returns policy asks about authenticity, which the store's policies
    do not cover: not the returns policy again."""
    conv = Conversation()
    list(guide_engine.answer("不合适能退吗", conv))
    assert conv.last_faq is not None and conv.last_faq.id == "returns"
    plan = guide_engine.plan("是正品吗", conv)
    assert plan.faq is None and plan.intent == "out_of_scope", plan.why


def test_a_policy_topic_no_policy_answers_is_said_so(guide_engine) -> None:
    """"是正品吗" with no authenticity policy: the answer says the store's policies do not
    say, quoting the shopper's word, rather than "I can't help with that"."""
    plan = guide_engine.plan("你们这是正品吗", Conversation())
    assert plan.intent == "out_of_scope" and plan.faq is None, plan.why
    assert "正品" in plan.composed and "政策" in plan.composed


def test_today_alone_is_no_request_for_what_is_in_stock(guide_engine) -> None:
    q = guide_engine.plan("what's the weather today", Conversation()).query
    assert not q.in_stock
    assert guide_engine.plan("can I take home today a running shoe", Conversation()).query.in_stock


def _shown(engine, conv, text: str) -> list[str]:
    ev = list(engine.answer(text, conv))
    return [c.product.sku for c in ev[0].cards if c.kind == "product"]


def test_a_question_that_points_at_the_product_discussed_stays_with_it(guide_engine) -> None:
    """"does this one have light down?" after the hiking boot: the words fit the down jacket
    far better, but the shopper points at the boot; it is answered from the boot's text."""
    conv = Conversation()
    assert _shown(guide_engine, conv, "Waterproof Hiker")[0] == "SH-4"
    assert _shown(guide_engine, conv, "does this one have light down?") == ["SH-4"]
    assert "being discussed" in guide_engine.last_plan.why[-1]


def test_pointing_at_it_with_a_feature_it_lacks_shows_those_that_have_it(guide_engine) -> None:
    """"这款适合扁平足吗" after the light trainer: 扁平足 is a feature the store tags and this
    one lacks; the ones that have it are the answer."""
    conv = Conversation()
    assert _shown(guide_engine, conv, "轻风跑鞋")[0] == "SH-1"
    assert _shown(guide_engine, conv, "这款适合扁平足吗")[0] == "SH-2"


def test_pointing_at_the_product_with_a_policy_word_asks_the_policy_if_one_answers(
        guide_engine) -> None:
    """"can I return it?" is the returns policy; "what replacement parts should I get for
    this one?" names a topic (replacement) no policy of the store answers: it is about the
    boot discussed, not a policy the store does not have."""
    conv = Conversation()
    assert _shown(guide_engine, conv, "Waterproof Hiker")[0] == "SH-4"
    list(guide_engine.answer("can I return it?", conv))
    assert guide_engine.last_plan.intent == "policy"
    assert guide_engine.last_plan.retrieval.faq.id == "returns"
    assert _shown(guide_engine, conv, "what replacement parts should I get for this one?") == [
        "SH-4"]
    assert "being discussed" in guide_engine.last_plan.why[-1]


def test_the_and_a_word_of_the_product_discussed_points_at_it() -> None:
    """"do any parts on the pump rust?" after a foam pump: "the" before a word of the name of
    the product discussed points at it, as "it" does (and "any" does not ask for others)."""
    conv = _after("跑鞋")
    q = ask("do any of the parts on the shoe wear out fast?", conv)
    assert q.about_focus and referenced(q, conv) == [SHOES[0]]
    assert not ask("do any of the parts on the jacket wear out fast?", conv).about_focus
    assert not ask("do the parts wear out fast?", Conversation()).about_focus


def test_a_colour_word_the_product_itself_uses_is_no_wish_for_a_colour(tmp_path) -> None:
    """"will it read and clear codes?" after a code reader: "clear" is a colour word of the
    store (a clear bottle), but the reader's own text uses it as a verb. The question stays
    about the reader; nothing says it "doesn't come in" a colour."""
    from shopguide.guide.engine import Engine
    from tests.fixtures.guide import ask_skus, stocked_store

    reader = P("CR-1", "Code Reader Plus", "Automotive", 37.99, "USD", "Launch", 5, "C1",
               (), ("Black",), ("scanner",), "Read and clear engine codes on 1996 and newer cars.")
    bottle = P("BT-1", "Water Bottle", "Kitchen/Bottles", 9.99, "USD", "Aqua", 9, "K1",
               (), ("Clear", "Blue"), ("bpa free",), "A 500 ml bottle.")
    store = stocked_store(tmp_path / "s.sqlite", {"name": "T", "language": "en", "currency": "USD"},
                          (reader, bottle))
    engine, conv = Engine(store), Conversation()
    assert ask_skus(engine, conv, "Code Reader Plus") == ["CR-1"]
    assert ask_skus(engine, conv, "will it read and clear codes on a 2010 ford?") == ["CR-1"]
    answer = engine.last_plan.composed
    assert "doesn't come in" not in answer and "Code Reader Plus" in answer
    assert engine.last_plan.query.color == "Clear"  # read as a colour, then not held against it
    # A colour it does not come in is still said to be missing.
    ask_skus(engine, conv, "do you have it in clear?")
    assert [p.sku for p in engine.last_plan.missing] == ["CR-1"]
    assert "doesn't come in Clear" in engine.last_plan.composed
    store.close()


def test_a_feature_the_product_discussed_is_not_listed_with_shows_those_that_are(tmp_path) -> None:
    """"具有停车监控的功能吗" about a dash cam the catalog does not tag so: the answer says its
    details do not list it and shows the ones of its kind that do; one that has it is
    answered from its own details."""
    from shopguide.guide.engine import Engine
    from tests.fixtures.guide import ask_skus, stocked_store

    def cam(sku: str, name: str, price: float, tags: tuple[str, ...]) -> P:
        return P(sku, name, "汽车用品/行车记录仪", price, "CNY", "云镜", 5, "C1", (), (), tags,
                 f"{name}，高清夜视。")

    store = stocked_store(tmp_path / "s.sqlite", {"name": "T", "language": "zh", "currency": "CNY"},
                          (cam("DC-1", "单镜头行车记录仪", 199, ("行车记录仪", "夜视")),
                           cam("DC-2", "双录行车记录仪", 299, ("行车记录仪", "停车监控")),
                           cam("DC-3", "云镜记录仪", 699, ("行车记录仪", "停车监控", "导航"))))
    engine, conv = Engine(store), Conversation()
    assert ask_skus(engine, conv, "单镜头行车记录仪") == ["DC-1"]
    assert sorted(ask_skus(engine, conv, "那它具有停车监控的功能吗")) == ["DC-2", "DC-3"]
    assert engine.last_plan.lacks == ["停车监控"] and "单镜头行车记录仪" in engine.last_plan.composed
    assert engine.last_plan.lacking.sku == "DC-1" and not engine.last_plan.missing
    # Within the budget the conversation set: the dearer one that has it is not offered.
    conv = Conversation()
    assert ask_skus(engine, conv, "300元以内的单镜头行车记录仪")[0] == "DC-1"
    assert ask_skus(engine, conv, "那它具有停车监控的功能吗") == ["DC-2"]
    assert engine.last_plan.lacking.sku == "DC-1"
    conv = Conversation()
    ask_skus(engine, conv, "双录行车记录仪")
    assert ask_skus(engine, conv, "它具有停车监控的功能吗") == ["DC-2"]
    assert not engine.last_plan.lacks
    store.close()


def test_a_feature_its_own_description_states_is_answered_from_it(tmp_path) -> None:
    """"这个防水吗" of a head torch whose description says "IP66防水" but whose tags do not:
    it is about that torch, answered from its details, not a search for the tagged one."""
    from shopguide.guide.engine import Engine
    from tests.fixtures.guide import ask_skus, stocked_store

    store = stocked_store(tmp_path / "s.sqlite", {"name": "T", "language": "zh", "currency": "CNY"},
                          (P("HL-1", "超轻充电头灯", "配件/头灯", 199, "CNY", "奈特科尔", 5, "F2", (),
                             (), ("充电", "夜跑"), "仅约56克，USB-C充电，IP66防水。"),
                           P("HL-2", "Spot 400 头灯", "配件/头灯", 369, "CNY", "黑钻", 5, "F2", (),
                             (), ("防水", "电池"), "IPX8防水，可短时浸水。"),
                           P("HL-3", "入门头灯", "配件/头灯", 39, "CNY", "迪卡侬", 5, "F2", (), (),
                             ("电池",), "营地走动够用。")))
    engine, conv = Engine(store), Conversation()
    assert ask_skus(engine, conv, "夜跑用的充电头灯")[0] == "HL-1"
    assert ask_skus(engine, conv, "这个防水吗") == ["HL-1"]
    assert "IP66防水" in engine.last_plan.composed
    conv = Conversation()  # one that says nothing of it: the ones that are
    assert ask_skus(engine, conv, "入门头灯")[0] == "HL-3"
    assert ask_skus(engine, conv, "这个防水吗")[:1] == ["HL-2"]
    store.close()


def test_a_place_outside_the_store_is_no_question_about_the_product(tmp_path) -> None:
    """"附近哪有加油站" after power stations asks about the neighbourhood, not the power
    station's details; a question about the product still is."""
    from shopguide.guide.engine import Engine
    from tests.fixtures.guide import ask_skus, stocked_store

    store = stocked_store(tmp_path / "s.sqlite", {"name": "T", "language": "zh", "currency": "CNY"},
                          (P("PS-1", "600W 户外电源", "户外电源", 1999, "CNY", "电小二", 5, "G1", (),
                             (), ("露营", "自驾"), "约7.5公斤，自驾露营够用两天。"),))
    engine, conv = Engine(store), Conversation()
    assert ask_skus(engine, conv, "自驾露营带什么电源好") == ["PS-1"]
    plan = engine.plan("对了 附近哪有加油站", conv)
    assert plan.intent == "out_of_scope" and not plan.discussed, plan.why
    plan = engine.plan("这个多重", conv)
    assert plan.discussed and [p.sku for p in plan.products] == ["PS-1"], plan.why
    store.close()


def test_a_feature_none_of_its_kind_has_is_looked_for_in_the_broader_kind(tmp_path) -> None:
    """"is it waterproof?" about a down jacket when no down jacket is waterproof: the
    clothing that is (within the budget set), on the shelf first, never the waterproof boots
    of another department."""
    from shopguide.guide.engine import Engine
    from tests.fixtures.guide import ask_skus, stocked_store

    def item(sku: str, name: str, cat: str, price: float, stock: int, tags: tuple[str, ...]) -> P:
        return P(sku, name, cat, price, "CNY", "Nova", stock, "B1", (), (), tags, f"{name}.")

    shells = "Clothing/Shells"

    store = stocked_store(tmp_path / "s.sqlite", {"name": "T", "language": "en", "currency": "CNY"},
                          (item("DJ-1", "Down Jacket", "Clothing/Down Jackets", 599, 5, ("warm",)),
                           item("SH-1", "Rain Shell", shells, 399, 0, ("waterproof",)),
                           item("SH-2", "Storm Shell", shells, 499, 4, ("waterproof",)),
                           item("SH-3", "Alpine Shell", shells, 1999, 2, ("waterproof",)),
                           item("BT-1", "Hiking Boot", "Shoes/Boots", 299, 9, ("waterproof",)),
                           # "Clothing" of another branch is no broader kind of down jackets
                           item("PO-1", "Poncho", "Camping/Clothing", 99, 9, ("waterproof",))))
    engine, conv = Engine(store), Conversation()
    assert ask_skus(engine, conv, "a down jacket under 1000")[0] == "DJ-1"
    assert ask_skus(engine, conv, "is it waterproof?") == ["SH-2", "SH-1"]
    assert engine.last_plan.lacking.sku == "DJ-1" and engine.last_plan.lacks == ["waterproof"]
    store.close()


def test_a_question_about_it_that_fits_others_better_keeps_the_broader_kind(tmp_path) -> None:
    """"good for skiing?" after a down jacket that says nothing of skiing, while a shell, a
    pair of boots and another branch's clothing do: the new search prefers the jacket's
    broader kind (its own branch's clothing)."""
    from shopguide.guide.engine import Engine
    from tests.fixtures.guide import ask_skus, stocked_store

    def item(sku: str, name: str, cat: str, text: str) -> P:
        return P(sku, name, cat, 500, "CNY", "Nova", 5, "B1", (), (), (), text)

    store = stocked_store(tmp_path / "s.sqlite", {"name": "T", "language": "en", "currency": "CNY"},
                          (item("DJ-1", "Down Jacket", "Clothing/Down Jackets", "Warm goose down."),
                           item("BT-1", "Ski Boots", "Shoes/Boots", "Stiff boots for skiing."),
                           item("AA-1", "Ski Bib", "Alpine/Clothing", "Bib pants for skiing."),
                           item("SH-1", "Ski Shell", "Clothing/Shells", "A shell for skiing.")))
    for question in ("good for skiing?", "anything for skiing?"):
        engine, conv = Engine(store), Conversation()
        assert ask_skus(engine, conv, "down jacket")[0] == "DJ-1"
        assert ask_skus(engine, conv, question)[0] == "SH-1", question
    store.close()


@pytest.mark.parametrize("other", ["有别的颜色吗", "any other colours?"])
def test_other_colours_with_none_asked_before_are_the_ones_it_comes_in(guide_engine,
                                                                       other: str) -> None:
    """"有别的颜色吗" after a recommendation, no colour asked: the colours the product
    discussed comes in; after "black ones" it rules black out instead."""
    conv = Conversation()
    first = _shown(guide_engine, conv, "轻风跑鞋")[0]
    assert _shown(guide_engine, conv, other) == [first]
    assert "about the product(s) being discussed" in guide_engine.last_plan.why
    composed = guide_engine.last_plan.composed
    assert "白色" in composed or "white" in composed
    assert "轻便透气" not in composed  # the colours asked, not the whole description
    # After a list, each shown one's colours.
    conv = Conversation()
    shown = _shown(guide_engine, conv, "跑鞋")
    assert len(shown) > 1 and _shown(guide_engine, conv, other) == shown[:3]
    conv = Conversation()
    _shown(guide_engine, conv, "黑色的跑鞋")
    assert guide_engine.last_plan.query.color
    _shown(guide_engine, conv, other)
    assert guide_engine.last_plan.query.exclude_colors and guide_engine.last_plan.intent == "find"


def test_a_policy_topic_with_words_of_its_own_asks_of_the_product_discussed() -> None:
    # "what size" reads the sizing topic; the openings and the mesh are the shoe's, so the
    # question is about it (the plan still asks the policies first). A topic alone, or a
    # question that names a policy, is about the store.
    conv = _after("跑鞋")
    q = ask("what size are the openings, or what is the mesh hole size?", conv)
    assert q.topics and q.about_focus and referenced(q, conv) == [SHOES[0]]
    for text in ("尺码怎么选？", "what is your return policy?", "退货政策是什么？"):
        q = ask(text, conv)
        assert q.topics and not q.about_focus and not q.follow_up, text


def test_a_modifier_alone_keeps_the_subject_a_kind_measured_in_it_describes_it(tmp_path
                                                                                 ) -> None:
    """"要16G内存的" after laptops asks for a laptop with 16G of memory (内存, measured, is what
    it has; the store's memory sticks are another kind); "i7的呢" ("what about i7 ones")
    adds to the same search. "有内存条的吗" names the kind asked for: a new search."""
    from shopguide.guide.engine import Engine
    from tests.fixtures.guide import ask_skus, stocked_store

    def laptop(sku: str, name: str, price: float, text: str) -> P:
        return P(sku, name, "电脑/笔记本电脑", price, "CNY", "星云", 5, "D1", (), (),
                 ("笔记本电脑",), text)

    ram = P("RM-1", "笔记本内存条 16G", "电脑配件/内存", 379, "CNY", "十铨", 9, "D2", (), (),
            ("内存", "内存条"), "低电压DDR4笔记本内存，16G。")
    store = stocked_store(tmp_path / "s.sqlite", {"name": "T", "language": "zh", "currency": "CNY"},
                          (laptop("NB-1", "轻薄笔记本电脑 8G", 3999, "8G内存，i5处理器。"),
                           laptop("NB-2", "高性能笔记本电脑 16G", 6999, "16G内存，i7处理器。"),
                           ram))
    engine, conv = Engine(store), Conversation()
    assert set(ask_skus(engine, conv, "笔记本电脑")) == {"NB-1", "NB-2"}
    assert ask_skus(engine, conv, "要16G内存的")[0] == "NB-2"
    assert engine.last_plan.query.category == "电脑/笔记本电脑"
    assert ask_skus(engine, conv, "i7的呢")[0] == "NB-2"
    assert "RM-1" in ask_skus(engine, conv, "有内存条的吗")
    store.close()


def test_a_modifier_clause_is_read_at_the_end_of_the_message() -> None:
    from shopguide.guide.query import _headless

    assert _headless("要16G内存的") == 0 and _headless("有防水的吗？") == 0
    assert _headless("ones with a wide fit") == 0
    assert _headless("是防水的吗") is None and _headless("第二个是什么材质的") is None
    assert _headless("电饭煲 五百以内 别推日本产的") == 9  # the kind is named before it
    assert _headless("withdraw money") is None


def test_a_kind_found_by_its_words_is_kept_as_the_subject(fresh_store) -> None:
    # "书桌" names no category of this store (desks live under 家具/桌台); "要折叠的" after
    # desks still prefers a folding desk to a folding phone.
    from shopguide.guide.engine import Engine
    from shopguide.store.models import Product
    from tests.fixtures.guide import ask_skus

    fresh_store.set_settings(name="Shop", language="zh", currency="CNY")
    fresh_store.save_product(Product("D-1", "橡木书桌", "家具/桌台", 899.0, "CNY", stock=3))
    fresh_store.save_product(Product("D-2", "竹制折叠书桌", "家具/桌台", 299.0, "CNY", stock=3))
    fresh_store.save_product(Product("P-1", "折叠屏手机", "数码/手机", 8999.0, "CNY", stock=3))
    engine, conv = Engine(fresh_store), Conversation()
    assert set(ask_skus(engine, conv, "我想买一个书桌")) == {"D-1", "D-2"}
    assert ask_skus(engine, conv, "有折叠的吗")[0] == "D-2"


@pytest.mark.parametrize("text", ["Not really, just recommend what you think is good.", "你推荐一下吧"])
def test_a_request_with_nothing_new_keeps_the_subject(guide_engine, text: str) -> None:
    conv = Conversation()
    list(guide_engine.answer("跑鞋", conv))
    kinds = {p.category for p in conv.shown}
    plan = guide_engine.plan(text, conv)
    assert plan.intent == "find" and plan.products, plan.why
    assert {p.category for p in plan.products} <= kinds


def test_cheaper_stays_in_the_recommended_ones_kind(fresh_store) -> None:
    # "anything cheaper?" after dog food: a cheaper dog food, not the cat food whose name
    # also says "Food" and whose text fits "sensitive stomach" better.
    from shopguide.guide.engine import Engine
    from shopguide.store.models import Product
    from tests.fixtures.guide import ask_skus

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for sku, name, category, price, tags in (
            ("D-1", "Pro Plan Sensitive Skin & Stomach Formula 30 lb", "Dog/Food", 71.99,
             ("sensitive stomach", "adult")),
            ("D-2", "NUTRO Senior Dry Dog Food 15 lb", "Dog/Food", 45.99, ("senior",)),
            ("C-1", "Purina ONE Sensitive Skin & Stomach Adult Cat Food", "Cat/Food", 19.99,
             ("sensitive stomach",))):
        fresh_store.save_product(Product(sku, name, category, price, "USD", stock=5, tags=tags))
    engine, conv = Engine(fresh_store), Conversation()
    assert ask_skus(engine, conv, "dog food for a sensitive stomach")[0] == "D-1"
    assert ask_skus(engine, conv, "anything cheaper?") == ["D-2"]
    assert ask_skus(engine, conv, "anything cheaper?") == []  # no cheaper dog food left

"""Follow-ups: what a short message borrows from the conversation, and what it does not."""

from __future__ import annotations

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


def test_cheaper_means_cheaper_than_every_shown_one_of_its_kind() -> None:
    mixed = [SHOES[1], SHOES[0], SHOES[2]]  # 459, 299, 1299: the top card is not the cheapest
    insole = P("IN-1", "鞋垫", "配件/鞋垫", 59, "CNY")
    conv = Conversation()
    conv.remember("跑鞋", "…", understand("跑鞋", VOCAB), mixed + [insole], None)
    for text in ("便宜一点的呢？", "cheaper ones?"):
        q = ask(text, conv)
        assert q.max_price is not None and q.max_price < 299, text
        assert q.max_price > insole.price  # another kind's price sets no bar


def test_cheaper_never_shows_a_shown_product_again(guide_engine) -> None:
    from shopguide.guide.events import Cards

    conv = Conversation()
    first = list(guide_engine.answer("跑鞋", conv))[0]
    shown = {c.product.sku: c.product.price for c in first.cards if c.kind == "product"}
    for text in ("便宜一点的呢？", "cheaper ones?"):
        c2 = Conversation(last_query=conv.last_query, shown=list(conv.shown))
        ev = list(guide_engine.answer(text, c2))
        assert isinstance(ev[0], Cards)
        again = [c.product.sku for c in ev[0].cards if c.kind == "product"]
        assert not set(again) & set(shown), (again, shown)
        assert all(c.product.price < min(shown.values()) for c in ev[0].cards
                   if c.kind == "product")


def test_a_question_that_leaves_its_object_unsaid_keeps_the_category() -> None:
    conv = _after("跑鞋")
    for text in ("有没有适合冬天跑步的", "any for winter?", "有轻一点的吗"):
        q = ask(text, conv)
        assert q.category == "鞋/跑鞋", text
    # Naming something else, or asking something else, does not.
    assert ask("有没有适合冬天的羽绒服", conv).category == "服装/羽绒服"
    assert ask("退货政策是什么？", conv).category is None
    assert ask("冬天跑步穿什么", Conversation()).category is None  # nothing shown yet

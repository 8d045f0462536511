"""note_proposal: a conversation's asks, preferences and products become a note, in zh and en."""

from __future__ import annotations

from types import SimpleNamespace

from shopguide.guide.events import Cards, FaqCard, ProductCard
from shopguide.guide.note_proposal import (
    ShownProduct,
    TurnSummary,
    propose_note,
    propose_note_from,
    summarize,
)
from shopguide.guide.query import Query
from shopguide.store.models import FaqEntry, Product

RS104 = Product(sku="RS-104", name="云跃缓震跑鞋", category="鞋/跑鞋", price=459.0, currency="CNY",
                brand="云跃", name_en="Cloudleap Cushion Runner")
RS110 = Product(sku="RS-110", name="轻风跑鞋", category="鞋/跑鞋", price=329.0, currency="CNY",
                brand="轻风")


def _conversation() -> SimpleNamespace:
    """Two turns shaped like the engine's: a question, its Query, the products shown."""
    t1 = SimpleNamespace(
        question="有没有500元以内适合扁平足的跑鞋？",
        query=Query(text="有没有500元以内适合扁平足的跑鞋？", lang="zh", category="鞋/跑鞋",
                    max_price=500.0, brand="云跃"),
        products=[RS104, RS110],
    )
    t2 = SimpleNamespace(
        question="有43码吗？",
        query=Query(text="有43码吗？", lang="zh", size="43", color="白色"),
        cards=Cards(cards=(ProductCard(RS104),), lang="zh", intent="find"),
    )
    return SimpleNamespace(turns=[t1, t2])


def test_zh_note_lists_questions_preferences_and_products():
    note = propose_note_from(_conversation(), "zh")
    lines = note.splitlines()
    assert lines[0] == "咨询：“有没有500元以内适合扁平足的跑鞋？”；“有43码吗？”"
    assert lines[1] == "偏好：尺码 43；预算 ¥500以内；品牌 云跃；品类 跑鞋；颜色 白色"
    assert lines[2] == "看过的商品：云跃缓震跑鞋 (RS-104)、轻风跑鞋 (RS-110)"


def test_en_note_uses_english_labels_and_english_product_names():
    note = propose_note_from(_conversation(), "en")
    assert "Asked: “有没有500元以内适合扁平足的跑鞋？”; “有43码吗？”" in note
    assert "Preferences: size 43; budget up to ¥500; brand 云跃; category 跑鞋; colour 白色" in note
    # The product's English name when the UI is English; shown once though shown twice.
    assert note.splitlines()[-1] == (
        "Products shown: Cloudleap Cushion Runner (RS-104), 轻风跑鞋 (RS-110)")


def test_latest_budget_wins_and_range_is_formatted():
    turns = [
        TurnSummary("running shoes between 200 and 600", min_price=200, max_price=600),
        TurnSummary("cheaper ones?", max_price=400),
    ]
    assert "budget up to $400" in propose_note(turns, "en", currency="USD")
    turns.append(TurnSummary("from 150 to 300", min_price=150, max_price=300))
    assert "预算 ¥150–¥300" in propose_note(turns, "zh", currency="CNY")
    only_min = [TurnSummary("over 1000 please", min_price=1000)]
    assert "budget from 1000" in propose_note(only_min, "en")  # no currency known: bare number


def test_brands_and_categories_accumulate_without_duplicates():
    turns = [
        TurnSummary("q1", brands=("Nike",), categories=("Shoes",)),
        TurnSummary("q2", brands=("nike", "Asics"), categories=("Jackets",)),
    ]
    note = propose_note(turns, "en")
    assert "brand Nike, Asics" in note
    assert "category Shoes, Jackets" in note


def test_no_preferences_no_preference_line_and_faq_cards_are_not_products():
    turn = SimpleNamespace(
        question="What is your return policy?",
        query=Query(text="What is your return policy?", intent="policy"),
        cards=Cards(cards=(FaqCard(FaqEntry("returns", "Returns?", "30 days")),), lang="en",
                    intent="policy"),
    )
    note = propose_note_from(SimpleNamespace(turns=[turn]), "en")
    assert note == "Asked: “What is your return policy?”"


def test_empty_conversation_says_so_in_each_language():
    assert propose_note_from(None, "en") == "(no questions in this conversation)"
    assert propose_note_from(SimpleNamespace(turns=[]), "zh") == "（本次对话没有记录到问题）"


def test_long_conversations_are_capped_and_say_how_many():
    turns = [TurnSummary(f"question {i} " + "x" * 100) for i in range(9)]
    shown = tuple(ShownProduct(f"S{i}", f"P{i}") for i in range(11))
    turns.append(TurnSummary("last", products=shown))
    note = propose_note(turns, "en")
    first = note.splitlines()[0]
    assert first.startswith("Asked: and 10 more: ")
    assert "question 3" not in first and "question 4 " in first  # the latest six
    assert "…" in first  # long questions are clipped
    assert note.splitlines()[-1].endswith("P7 (S7) and 3 more")


def test_summarize_reads_dict_queries_and_plain_turn_lists():
    turns = [{"question": "size M jacket", "query": {"size": "M", "category": "Outdoor/Jackets"}}]
    (summary,) = summarize(turns)
    assert summary.size == "M"
    assert summary.categories == ("Jackets",)


def test_reads_the_engines_conversation():
    from shopguide.guide.conversation import Conversation
    from shopguide.store.models import FaqEntry as Faq

    conv = Conversation()
    q1 = Query(text="有没有500元以内的跑鞋？", lang="zh", category="鞋/跑鞋", max_price=500.0)
    conv.remember(q1.text, "有两款……", q1, [RS104, RS110], None)
    # A follow-up refines the search: the engine's last_query carries size and budget.
    q2 = Query(text="有43码吗？", lang="zh", category="鞋/跑鞋", max_price=500.0, size="43",
               follow_up=True)
    conv.remember(q2.text, "云跃缓震跑鞋有43码。", q2, [RS104], None)
    q3 = Query(text="可以退货吗？", lang="zh", intent="policy")
    conv.remember(q3.text, "30天内可退。", q3, [], Faq("returns", "退货", "30天"))
    note = propose_note_from(conv, "zh")
    assert note.splitlines() == [
        "咨询：“有没有500元以内的跑鞋？”；“有43码吗？”；“可以退货吗？”",
        "偏好：尺码 43；预算 ¥500以内；品类 跑鞋",
        "看过的商品：云跃缓震跑鞋 (RS-104)、轻风跑鞋 (RS-110)",  # every turn's, not the last one's
    ]


def test_a_note_holds_exactly_this_customers_turns():
    """Not the walk-in's questions before the customer was chosen, not a stopped question
    next to its retry; their earlier turns of the session and every turn's preferences."""
    from shopguide.guide.conversation import Conversation

    earlier, conv = Conversation(), Conversation()
    q0 = Query(text="有没有瑜伽垫？", lang="zh", category="瑜伽/瑜伽垫", color="紫色")
    earlier.remember(q0.text, "…", q0, [RS110], None, customer_id="c1")
    qa = Query(text="羽绒服有吗？", lang="zh", category="服装/羽绒服")
    conv.remember(qa.text, "…", qa, [RS104], None, customer_id=None)  # before c1 was chosen
    q1 = Query(text="有没有500元以内的跑鞋？", lang="zh", category="鞋/跑鞋", max_price=500.0)
    conv.remember(q1.text, "", q1, [], None, customer_id="c1", cancelled=True)  # stopped
    conv.remember(q1.text, "有两款……", q1, [RS104], None, customer_id="c1")  # the retry
    q2 = Query(text="有43码吗？", lang="zh", size="43", follow_up=True)
    conv.remember(q2.text, "有。", q2, [RS104], None, customer_id="c1")
    session = SimpleNamespace(turns=earlier.turns + conv.turns)
    lines = propose_note_from(session, "zh", customer_id="c1").splitlines()
    assert lines[0] == "咨询：“有没有瑜伽垫？”；“有没有500元以内的跑鞋？”；“有43码吗？”"
    assert "羽绒服" not in "\n".join(lines)
    assert lines[1] == "偏好：尺码 43；预算 ¥500以内；品类 瑜伽垫、跑鞋；颜色 紫色"
    assert lines[2] == "看过的商品：轻风跑鞋 (RS-110)、云跃缓震跑鞋 (RS-104)"
    walk_in = propose_note_from(session, "zh", customer_id=None)
    assert walk_in.splitlines()[0] == "咨询：“羽绒服有吗？”"

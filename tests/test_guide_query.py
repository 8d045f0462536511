"""Understanding: language, intents, every budget form, sizes, colours, store words."""

from __future__ import annotations

import pytest

from shopguide.guide.budget import normalize_numbers, parse_budget
from shopguide.guide.query import understand
from shopguide.guide.vocab import StoreVocab
from shopguide.text.resources import Synonym

VOCAB = StoreVocab(
    category_paths=["鞋", "鞋/跑鞋", "服装", "服装/棉服", "Kitchen", "Kitchen/Frying pans"],
    brands=["云跃", "Stridex"],
    tags=["扁平足", "防水", "non-stick"],
    sizes=["38", "43", "M", "L", "King", "Queen"],
    colors=["黑色", "白色", "Sage green"],
)


@pytest.mark.parametrize(
    "text, lo, hi",
    [
        ("500元以内的跑鞋", None, 500),
        ("500以下", None, 500),
        ("不超过500", None, 500),
        ("200到400元", 200, 400),
        ("under 50", None, 50),
        ("less than $80", None, 80),
        ("between 20 and 40", 20, 40),
        ("五百以内", None, 500),
        ("1,299元以下", None, 1299),
        ("300元以上", 300, None),
        ("over $100", 100, None),
        ("around 50 dollars", 40, 60),
        ("$20-$40 mugs", 20, 40),
        ("预算300", None, 300),
        ("预算400左右", 320, 480),  # about 400, not at most 400
        ("预算大概400", 320, 480),
        ("budget of about $50", 40, 60),
    ],
)
def test_every_budget_form(text: str, lo: float | None, hi: float | None) -> None:
    b = parse_budget(normalize_numbers(text))
    assert (b.min_price, b.max_price) == (lo, hi)


@pytest.mark.parametrize("text", ["便宜的跑鞋", "cheap frying pans", "affordable pans"])
def test_cheap_is_relative_not_a_number(text: str) -> None:
    q = understand(text, VOCAB)
    assert q.cheap and q.max_price is None


def test_sizes_are_not_prices() -> None:
    q = understand("43码的跑鞋", VOCAB)
    assert q.size == "43" and q.max_price is None
    assert understand("size 43 running shoes", VOCAB).size == "43"
    assert understand("M码棉服", VOCAB).size == "M"
    assert understand("a king duvet", VOCAB).size == "King"
    assert understand("which size should I get", VOCAB).size is None


def test_store_words_come_from_the_vocabulary() -> None:
    q = understand("有没有500元以内适合扁平足的云跃跑鞋？", VOCAB)
    assert q.lang == "zh" and q.intent == "find"
    assert q.category == "鞋/跑鞋" and q.brand == "云跃" and q.tags == ["扁平足"]
    assert q.max_price == 500
    en = understand("non-stick frying pan in sage green", VOCAB)
    assert en.lang == "en" and en.category == "Kitchen/Frying pans"
    assert en.color == "Sage green" and en.tags == ["non-stick"]


def test_a_kind_named_by_its_head_reaches_the_category() -> None:
    # 运动鞋 is a kind of 鞋 (Chinese compounds are head-final): preferred, not filtered.
    q = understand("黑色的运动鞋", VOCAB)
    assert q.category == "鞋" and q.category_soft and q.color == "黑色"


def test_the_long_form_of_a_category_name_is_that_category() -> None:
    # 跑步鞋 (split by the segmenter into 跑步 + 鞋) is the store's 跑鞋 written out: the
    # category itself, not a preference, and 跑步 inside it is no tag of its own.
    v = StoreVocab(category_paths=["鞋", "鞋/跑鞋", "鞋/登山鞋", "配件/袜子"],
                   tags=["跑步", "宽楦"])
    q = understand("想买双跑步鞋 五百以内的", v)
    assert q.category == "鞋/跑鞋" and not q.category_soft and "跑步" not in q.tags
    # a head alone still names the broader kind, preferred
    q = understand("想买双运动鞋", v)
    assert q.category == "鞋" and q.category_soft
    # a word that shares the head but not the modifier is not that category
    assert understand("想买双徒步鞋", v).category != "鞋/跑鞋"


@pytest.mark.parametrize("short, long, yes", [
    ("跑鞋", "跑步鞋", True), ("保温杯", "保温水杯", True), ("跑鞋", "徒步鞋", False),
    ("鞋", "跑步鞋", False), ("跑步", "跑步鞋", False)])
def test_a_short_form_keeps_the_first_and_last_characters(short: str, long: str,
                                                          yes: bool) -> None:
    from shopguide.text.chinese import abbreviates

    assert abbreviates(short, long) is yes


def test_of_two_kinds_named_the_later_is_the_thing_asked_for() -> None:
    # Both paths hold "women" (named last); "pants" comes after "dress": dress pants.
    v = StoreVocab(category_paths=["Women", "Women/Clothing", "Women/Clothing/Dresses",
                                   "Women/Clothing/Pants"])
    assert understand("white dress pants for women", v).category == "Women/Clothing/Pants"
    assert understand("pants dress for women", v).category == "Women/Clothing/Dresses"


def test_a_frame_topic_leaves_the_words_between_its_ends_to_search() -> None:
    # "what…size" is the sizing topic; "mesh" and "hole" between its ends are still asked.
    q = understand("what is the mesh hole size?", VOCAB)
    assert q.topics == ["sizing"]
    words = [s.key for s in q.slots.slots if s.role == "word"]
    assert "mesh" in words and "hole" in words


def test_store_synonyms_reach_store_categories() -> None:
    # 棉衣 → 棉服 is this store's word (its synonyms.csv), not the language's.
    assert understand("棉衣", VOCAB).category is None
    own = StoreVocab(category_paths=VOCAB.category_paths, synonyms=(Synonym("棉衣", ("棉服",), "zh"),))
    padded = understand("棉衣", own)
    assert padded.category == "服装/棉服" and padded.category_soft


def test_a_new_store_needs_no_code() -> None:
    other = StoreVocab(category_paths=["Garden", "Garden/Hoses"], brands=["Aqua"])
    q = understand("Aqua hoses under $30", other)
    assert (q.category, q.brand, q.max_price) == ("Garden/Hoses", "Aqua", 30)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("你好", "greeting"), ("Hello!", "greeting"), ("谢谢", "thanks"), ("thanks a lot", "thanks"),
        ("再见", "goodbye"), ("bye", "goodbye"), ("找个店员", "staff"),
        ("can I talk to a real person?", "staff"), ("比较一下这两款", "compare"),
        ("compare them", "compare"), ("跑鞋在哪", "locate"), ("is it in stock?", "locate"),
        ("有货吗", "locate"), ("有没有跑鞋", "find"), ("hello, do you have running shoes?", "find"),
        ("跑鞋放在哪个货架", "locate"),
        ("跑鞋放在车上就可以了吧", "find"),  # where it is put, not where it is in the store
        ("ok where do I find it", "locate"), ("where's the frying pan?", "locate"),
        ("what's the difference between these two?", "compare"),
        ("where would I get a leash", "locate"),
    ],
)
def test_intent_cues(text: str, intent: str) -> None:
    assert understand(text, VOCAB).intent == intent


@pytest.mark.parametrize("text", ["is it available in red?", "is it in stock?"])
def test_a_pronoun_inside_a_stock_question_still_points(text: str) -> None:
    # "is it available" is one stock cue; the "it" inside it points at the product shown.
    q = understand(text, VOCAB)
    assert q.intent == "locate" and q.acts & {"it", "them"}


@pytest.mark.parametrize("text", ["", "   ", "？？？", "x" * 10_000, '" AND NEAR( * ) OR'])
def test_odd_input_is_understood_without_crashing_into_nonsense(text: str) -> None:
    q = understand(text, VOCAB)
    assert q.category is None and q.brand is None and q.max_price is None
    assert len(" ".join(q.terms)) < 3000


def test_about_a_budget_widens_when_nothing_is_near_it(guide_engine) -> None:
    # "about ¥600" is ¥480–720; no shoe costs that, so the nearest prices (±50%) are offered
    # and the answer states that range, not one the cards break.
    from shopguide.guide.conversation import Conversation

    plan = guide_engine.plan("跑鞋 600左右", Conversation())
    prices = [p.price for p in plan.products]
    assert prices and all(300 <= p <= 900 for p in prices), prices
    assert (plan.query.min_price, plan.query.max_price) == (300, 900)
    assert "¥300" in plan.composed and "¥900" in plan.composed


def test_the_thing_pointed_at_is_the_kind_asked_about_not_what_it_faces() -> None:
    """"这个摄像头对着电脑的话，能看清电脑上的文字不?": 这个 points at a camera (a tag of the
    store); the computer it faces ranks but does not filter. Pointing at the kind itself
    keeps it a filter."""
    vocab = StoreVocab(category_paths=["电脑", "电脑/一体机"], tags=["摄像头"])
    q = understand("这个摄像头对着电脑的话，能看清电脑上的文字不?", vocab)
    assert q.category == "电脑" and q.category_soft and q.tags == ["摄像头"]
    q = understand("这个电脑能接摄像头吗", vocab)
    assert q.category == "电脑" and not q.category_soft
    assert not understand("摄像头对着电脑能看清文字吗", vocab).category_soft


def test_a_doubled_colour_says_how_something_looks_not_which_colour_is_wanted() -> None:
    # 红的 asks for red; 红红的 describes (a sore bottom, a flushed face): no colour filter,
    # and the word is still searched (the segmenter cuts 屁屁红|红的, leaving 红的 alone).
    assert understand("有红的吗", VOCAB).color is not None
    q = understand("小屁屁红红的，擦什么好", VOCAB)
    assert q.color is None
    assert any("红" in s.said for s in q.slots.slots)


@pytest.mark.parametrize("text", ["around 30 liters", "under 30 liters", "about 35 l",
                                  "40升左右", "at least 16gb", "至少16g内存的", "under 2kg"])
def test_a_number_with_a_measure_word_leaves_no_part_of_itself_as_money(text: str) -> None:
    """"30 liters" is a volume; the pattern once backtracked into the number and read the
    "3" of it as a budget of about ¥3 (2.4 to 3.6), which emptied the search."""
    from shopguide.guide.budget import parse_budget

    b = parse_budget(text)
    assert b.min_price is None and b.max_price is None and b.around is None


def test_a_budget_beside_a_measure_is_still_read() -> None:
    from shopguide.guide.budget import parse_budget

    assert parse_budget("around 30").around == 30.0
    assert parse_budget("50 ft hose under $45").max_price == 45.0
    assert parse_budget("3.5 kg under 200").max_price == 200.0


@pytest.mark.parametrize("text, topic", [("arrival time", "delivery"),
                                         ("有什么赠品吗", "discounts"),
                                         ("可以开发票吗", "invoice"),  # jieba: 开发票, one word
                                         ("difference between percale and sateen",
                                          "buying_guide"),
                                         ("推车到底要看哪些地方啊", "buying_guide"),
                                         ("any freebies with it?", "discounts"),
                                         ("How quickly will this item arrive?", "delivery"),
                                         ("has anyone returned this heavy unit?", "returns"),
                                         ("can I book an appointment?", "booking"),
                                         ("are dogs allowed inside?", "pets_allowed"),
                                         ("可以带狗进去吗", "pets_allowed"),
                                         ("Is it shipped in a plain box?", "gift_wrap")])
def test_a_policy_topic_in_its_everyday_forms(text: str, topic: str) -> None:
    assert topic in understand(text, VOCAB).topics


def test_a_book_is_no_booking() -> None:
    assert "booking" not in understand("I want a book for children", VOCAB).topics


@pytest.mark.parametrize("text, asks", [("i am using the stock charger. can i exchange it?", False),
                                        ("is the kettle in stock?", True),
                                        ("do you have stock?", True)])
def test_stock_before_the_noun_it_describes_asks_no_stock(text: str, asks: bool) -> None:
    assert understand(text, VOCAB).stock_question is asks


@pytest.mark.parametrize("text", ["Any color is fine except for black.", "颜色要黑色的"])
def test_the_word_for_colour_beside_a_colour_is_no_search_word(text: str) -> None:
    q = understand(text, VOCAB)
    assert q.color or q.exclude_colors
    assert not {s.key for s in q.slots.slots} & {"color", "颜色"}


def test_the_word_for_colour_alone_is_still_searched() -> None:
    assert "color" in {s.key for s in understand("color printer", VOCAB).slots.slots}


@pytest.mark.parametrize("text, words", [("I'd like at least 16GB.", {"16gb"}),
                                         ("至少16G内存的", {"16g", "内存"})])
def test_a_floor_on_a_measure_searches_the_measure(text: str, words: set[str]) -> None:
    # Not a price from ¥16: the measure, written onto its number, is what to look for.
    q = understand(text, VOCAB)
    assert q.min_price is None and set(q.slots.keys()) == words


@pytest.mark.parametrize("text, currency, hi", [("she's about 15 pounds", "USD", None),
                                                ("a 30 pound bag", "CNY", None),
                                                ("under 50 pounds", "GBP", 50.0),
                                                ("under 50 pounds", "USD", None),
                                                ("under $50", "USD", 50.0)])
def test_pounds_are_money_only_where_prices_are_in_pounds(text: str, currency: str,
                                                          hi: float | None) -> None:
    b = parse_budget(normalize_numbers(text), currency=currency)
    assert b.max_price == hi and (b.around is None or currency == "GBP")


@pytest.mark.parametrize("text, topic", [("宝宝老是胀气，换什么奶瓶好", None),
                                         ("换哪款跑鞋好", None), ("能换货吗", "exchange"),
                                         ("我买的奶瓶能换什么", "exchange"),
                                         ("跑鞋可以换吗", "exchange")])
def test_which_one_to_switch_to_asks_for_products(text: str, topic: str | None) -> None:
    # 换什么X: switch to which X, no exchange of a thing bought.
    q = understand(text, VOCAB)
    assert q.topics == ([topic] if topic else []) and (
        "ask_for" in q.acts) == (topic is None), q


@pytest.mark.parametrize("text, left", [
    ("预算400左右的跑鞋", ["跑鞋"]), ("价格300到500的跑鞋", ["跑鞋"]),
    ("running shoes, price around $90", ["running", "shoes"]),
    # a budget word away from the amount is still asked about ("the price jumped")
    ("why has the price jumped from $47 to $78?", ["price jumped"])])
def test_the_budget_word_before_an_amount_is_no_word_to_search(text: str,
                                                               left: list[str]) -> None:
    q = understand(text, VOCAB)
    assert q.max_price is not None
    assert [s.said for s in q.slots.slots] == left, [s.said for s in q.slots.slots]


@pytest.mark.parametrize("text, lo, hi", [
    ("I would like to buy at least 5 filters", None, None), ("under 3 kids", None, None),
    ("at least 100 bucks", 100, None), ("under 50 dollars", None, 50),
    ("under 500 pesos", None, 500),
    ("kettles under 40", None, 40)])
def test_a_number_before_a_plural_noun_counts_things(text: str, lo: float | None,
                                                      hi: float | None) -> None:
    b = parse_budget(normalize_numbers(text.lower()))
    assert (b.min_price, b.max_price) == (lo, hi)


@pytest.mark.parametrize("text", ["可以重新推荐吗", "再推荐几个"])
def test_asking_to_recommend_again_asks_for_more(text: str) -> None:
    assert "more" in understand(text, VOCAB).acts


@pytest.mark.parametrize("text, kept", [("Recommend more OMOTON brands", "omoton"),
                                        ("有没有安踏品牌的跑鞋", "安踏")])
def test_the_name_of_an_attribute_is_no_word_to_search(text: str, kept: str) -> None:
    # "brands", 品牌 name the attribute; the value said with them is what is searched for.
    q = understand(text, VOCAB)
    said = [s.said.casefold() for s in q.slots.slots]
    assert not {"brands", "品牌"} & set(said) and (kept in said or q.brand), said

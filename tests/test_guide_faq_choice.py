"""Choosing between FAQ rows: the thing asked for ("可以退吗" → returning) outweighs the
circumstance told ("不合适"), even when another row's alternates share the circumstance."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import FaqEntry, Product
from shopguide.text import has_cjk

EXCHANGES = FaqEntry("exchanges", "可以换尺码或颜色吗？",
                     "30天内商品未使用、吊牌完好，可以免费换尺码或颜色，差价多退少补。",
                     ("换货", "换尺码", "尺码不合适怎么办", "鞋子小了能换吗", "exchange",
                      "wrong size"), ("换货", "售后"))


@pytest.fixture
def engine(guide_store):
    from shopguide.guide.engine import Engine

    guide_store.save_faq(EXCHANGES)
    return Engine(guide_store)


@pytest.mark.parametrize("text, faq", [
    ("买的东西不合适可以退吗？", "returns"), ("东西不合适能退吗", "returns"),
    ("鞋子不合适可以退货吗", "returns"), ("尺码不合适怎么办", "exchanges"),
    ("买的东西不合适可以换吗？", "exchanges"), ("the shoes don't fit, can I return them?", "returns"),
    ("the shoes are the wrong size, can I exchange them?", "exchanges"),
])
def test_the_row_about_what_is_asked_answers(engine, text: str, faq: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == faq, (
        plan.intent, plan.faq and plan.faq.id)


MEMBERS = FaqEntry("membership", "怎么成为会员？会员有什么好处？", "手机号免费注册。银卡95折，金卡9折。",
                   ("会员", "会员折扣", "member benefits"), ("会员",))
STUDENTS = FaqEntry("student-discount", "学生有优惠吗？", "凭学生证正价95折，不能与会员折扣叠加。",
                    ("学生优惠", "student discount"), ("优惠",))


@pytest.mark.parametrize("text, faq", [
    ("会员有什么优惠", "membership"),  # 优惠 is what 会员 gets: 好处 / 会员折扣 in its title
    ("学生有优惠吗", "student-discount"),
    ("do students get a discount?", "student-discount"),
])
def test_a_topic_asked_in_other_words_finds_its_row(guide_store, text: str, faq: str) -> None:
    from shopguide.guide.engine import Engine

    guide_store.save_faq(MEMBERS)
    guide_store.save_faq(STUDENTS)
    plan = Engine(guide_store).plan(text, Conversation())
    assert plan.faq is not None and plan.faq.id == faq


def test_a_word_that_names_two_topics_counts_for_both() -> None:
    """退换 is listed under returns and under exchanges (resources/lang/topics.csv): a row
    titled with it is about both, half each, not only the first one listed."""
    from shopguide.guide.matching import topics_in
    from shopguide.text import plain

    assert topics_in(plain(), "支持退换") == {"returns": 0.5, "exchange": 0.5}
    assert topics_in(plain(), "可以退货吗") == {"returns": 1.0}


RETURNS_ZH = FaqEntry("returns", "退换货规则是什么？",
                      "线上、门店购买的商品，签收（或购买）之日起7天内，未下水、未户外使用、吊牌和包装"
                      "齐全、不影响二次销售的，可以无理由退货；15天内出现质量问题可以换货。鞋子请在室"
                      "内干净地面试穿，鞋底有磨损、沾泥就不能退了。以下商品不支持无理由退换：已拆封的袜"
                      "子和贴身内衣、高山气罐和卡式气罐、已激活的户外电源、刻字或定制商品。质量问题退换"
                      "的来回运费由本店承担，非质量问题寄回运费由顾客承担。门店购买请带上小票或报订单号"
                      "。",
                      ("能退货吗", "买了不合适可以换吗"), ("售后", "退货", "换货"))
REFUND_ZH = FaqEntry("refund-time", "退款多久能到账？",
                     "退回的商品到仓库签收并验货后，1-2个工作日内发起退款，原路退回：微信、支付宝一"
                     "般当天到账，最晚1个工作日；储蓄卡3-7个工作日；信用卡和花呗分期7-15个工作"
                     "日。订单用过的积分同步退回；优惠券如果还在有效期内会退回账户，已过期的不补发。",
                     ("退款什么时候到",), ("售后", "退款"))
RETURNS_EN = FaqEntry("returns", "What is your return policy?",
                      "Unused items can be returned within 30 days with the receipt for a full "
                      "refund.", (), ("returns",))
REFUNDS_EN = FaqEntry("refunds", "How do refunds work and how long do they take?",
                      "Refunds go back to the card you paid with within 5 business days.", (),
                      ("refund",))


@pytest.mark.parametrize("rows, text, faq", [
    ((RETURNS_ZH, REFUND_ZH), "退了货 钱多久能回到我卡上", "refund-time"),
    ((RETURNS_ZH, REFUND_ZH), "买的鞋不合适可以退吗", "returns"),
    ((RETURNS_EN, REFUNDS_EN), "how long does it take to receive my refund?", "refunds"),
    ((RETURNS_EN, REFUNDS_EN), "can I return shoes I wore once?", "returns"),
    ((RETURNS_ZH,), "钱多久能退回来", "returns"),  # no refund row: the returns policy says it
])
def test_the_refund_is_its_own_topic_and_still_part_of_returning(
        fresh_store, rows: tuple, text: str, faq: str) -> None:
    """Money back (退款, 到账, "refund") is a topic of its own and a word of returning
    too: a row on when the money arrives answers it before the returns rules, and where the
    store has no such row the returns policy still does."""
    from shopguide.guide.engine import Engine

    zh = has_cjk(text)
    fresh_store.set_settings(name="店", language="zh" if zh else "en",
                             currency="CNY" if zh else "USD")
    for row in rows:
        fresh_store.save_faq(row)
    plan = Engine(fresh_store).plan(text, Conversation())
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == faq, plan.why


AFTER_SALES = FaqEntry("after-sales", "怎么申请售后、上门取件？",
                       "手机端：我的-退换/售后-申请售后；提交后快递上门取件。", (), ())
SPOILED = FaqEntry("fresh-food", "生鲜坏了怎么办？",
                   "收货后发现坏果、变质，拍照在订单中申请售后，核实后退款。", (), ())


def test_after_sales_is_its_own_topic_not_a_broken_item(guide_store) -> None:
    """售后 (after-sales service: where to apply, pick-up) is a topic of its own
    (resources/lang/topics.csv), not the warranty a broken item ("坏了") falls under: asked
    where the after-sales button is, the after-sales row answers, not the one about spoiled
    fresh food that mentions applying for after-sales in its answer."""
    from shopguide.guide.engine import Engine

    guide_store.save_faq(AFTER_SALES)
    guide_store.save_faq(SPOILED)
    plan = Engine(guide_store).plan("我确认收货了，但不知道申请售后按钮在哪里?",
                                    Conversation())
    assert plan.faq is not None and plan.faq.id == "after-sales", plan.faq and plan.faq.id


SHIPPING_COST = FaqEntry("shipping-cost", "How much does shipping cost?",
                         "Standard shipping is $8; orders over $50 ship free.", (), ())
DELIVERY_TIME = FaqEntry("delivery-time", "How long does delivery take?",
                         "Orders arrive in 3 to 5 business days.", (), ())


def test_of_two_policy_topics_the_one_said_last_is_asked(guide_store) -> None:
    """A message tells its circumstance first and ends on what it asks (retrieve._stress):
    free shipping is what the shopper saw, how long it takes is the question."""
    from shopguide.guide.engine import Engine

    guide_store.save_faq(SHIPPING_COST)
    guide_store.save_faq(DELIVERY_TIME)
    plan = Engine(guide_store).plan(
        "i see there is free shipping with this item. how long does it take for the item to "
        "ship?", Conversation())
    assert plan.faq is not None and plan.faq.id == "delivery-time", plan.faq and plan.faq.id


def test_the_topic_asked_weighs_more_than_the_circumstance_around_it() -> None:
    """The last topic of the clause that holds a question's words (cues.csv ``asking``)."""
    from shopguide.guide.query import understand
    from shopguide.guide.retrieve import ASKED_LAST, _stress
    from shopguide.guide.vocab import StoreVocab

    q = understand("上次退货很顺利，这次想问你们几点开门？", StoreVocab())
    topics = [s for s in q.slots.slots if s.role == "topic"]
    stress = {s.role_value: _stress(q, topics)[id(s)] for s in topics}
    assert stress["returns"] == 1.0 and max(stress.values()) == ASKED_LAST
    assert [k for k, v in stress.items() if v == ASKED_LAST] != ["returns"]
    # the clause that asks comes first, the story after it
    q = understand("可以退款吗，我后来又换了一张卡", StoreVocab())
    topics = [s for s in q.slots.slots if s.role == "topic"]
    stressed = {s.role_value for s in topics if _stress(q, topics)[id(s)] == ASKED_LAST}
    assert len({s.role_value for s in topics}) > 1 and stressed == {"returns"}, stressed
    one = understand("可以退货吗", StoreVocab())
    ones = [s for s in one.slots.slots if s.role == "topic"]
    assert set(_stress(one, ones).values()) == {1.0}  # a single topic: nothing to weigh


PRICE_GUARD = FaqEntry("price-protection", "买了之后降价能补差价吗？",
                       "签收后7天内降价，可在订单中申请价格保护，差价退回原支付账户。", ("保价", "申请价保"), ())
EXCHANGE_APPLY = FaqEntry("exchange-apply", "可以换货吗？",
                          "签收后15天内质量问题可申请换货，在订单中提交申请。", ("申请换货",), ())


@pytest.mark.parametrize("first, faq", [
    ("买了之后降价能补差价吗", "price-protection"), ("可以换货吗", "exchange-apply"),
])
def test_a_follow_up_that_rows_answer_alike_goes_on_with_the_policy_asked(
        guide_store, first: str, faq: str) -> None:
    """"从哪里申请" is in the answer of every row here alike: after a policy answer it asks
    further about that policy, whichever row it is."""
    from shopguide.guide.engine import Engine

    for row in (PRICE_GUARD, EXCHANGE_APPLY):
        guide_store.save_faq(row)
    engine, conv = Engine(guide_store), Conversation()
    list(engine.answer(first, conv))
    assert conv.last_faq is not None and conv.last_faq.id == faq
    plan = engine.plan("从哪里申请", conv)
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == faq


REFUNDS = FaqEntry("refunds", "退款多久到账？", "退款原路返回，一般1-3个工作日到账。", (), ())


def test_a_split_verb_object_word_asks_for_what_it_names(engine) -> None:
    """退一下款 is 退款 split by 一下 (离合词): the refund row answers, not the returns row
    that the 退 alone would have chosen."""
    engine.store.save_faq(REFUNDS)
    plan = engine.plan("他已经在家里买了，麻烦你退一下款", Conversation())
    assert plan.faq is not None and plan.faq.id == "refunds", plan.faq and plan.faq.id
    plan = engine.plan("他已经在家里买了，麻烦你退一下", Conversation())
    assert plan.faq is not None and plan.faq.id == "returns", plan.faq and plan.faq.id



@pytest.mark.parametrize("first, then, faq", [
    ("how long does delivery take?", "how much does that cost?", "shipping-cost"),
    ("how long does delivery take?", "and on weekends?", "delivery-time"),  # no aspect asked
    ("how much is shipping?", "how much does that cost?", "shipping-cost"),  # it speaks of it
    ("配送要几天", "那运费多少钱？", "shipping-cost"),
])
def test_a_follow_up_on_a_policy_asks_for_the_rows_aspect(guide_store, first: str, then: str,
                                                         faq: str) -> None:
    """After the delivery times, "how much does that cost?" asks what that row does not say
    (its cost): the row on the same topic that does answers."""
    from shopguide.guide.engine import Engine

    guide_store.save_faq(DELIVERY_TIME)
    guide_store.save_faq(SHIPPING_COST)
    engine = Engine(guide_store)
    conv = Conversation()
    for _ in engine.answer(first, conv):
        pass
    plan = engine.plan(then, conv)
    assert plan.faq is not None and plan.faq.id == faq, (plan.intent, plan.why)


def test_an_aspect_asked_keeps_its_words_for_the_search() -> None:
    """"how long" frames the question (asks_time) and "long" still tells the delivery-time
    row from the shipping-cost one."""
    from shopguide.guide.query import understand
    from shopguide.guide.vocab import StoreVocab

    q = understand("free shipping here. how long does it take to ship?", StoreVocab())
    assert "asks_time" in q.acts and "long" in q.slots.keys()


def test_a_short_follow_up_on_a_policy_stays_with_it_though_product_names_share_a_word(
        guide_store) -> None:
    """"那要带什么" after the returns policy: 带 is a character of "弹力带", whose products
    match it well, but a short message that names no kind of product asks further about the
    policy just answered. A kind named ("有跑鞋吗") is a product question again."""
    from shopguide.guide.engine import Engine

    guide_store.save_product(Product("BD-1", "弹力带五件套", "健身/弹力带", 69, "CNY", "力行", 40,
                                     "E5", (), (), (), "五种阻力。"))
    engine, conv = Engine(guide_store), Conversation()
    list(engine.answer("退货政策是什么", conv))
    assert conv.last_faq is not None and conv.last_faq.id == "returns"
    plan = engine.plan("那要带什么", conv)
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == "returns", \
        plan.why
    assert engine.plan("有跑鞋吗", conv).intent == "find"
    fresh = engine.plan("那要带什么", Conversation())
    assert fresh.intent != "policy"


@pytest.fixture
def pets(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for sku, name, category in (("CF-1", "Cat & Kitten Grain-Free Dry Food", "Cat/Food"),
                                ("CF-2", "Kitten Chicken Recipe Wet Food", "Cat/Food"),
                                ("GH-1", "Garden Hose 5/8 in. x 50 ft", "Garden/Hoses")):
        fresh_store.save_product(Product(sku, name, category, 20.0, "USD", stock=4,
                                         tags=("kitten",) if sku.startswith("CF") else ()))
    fresh_store.save_faq(FaqEntry("adoption", "Do you sell puppies or kittens?",
                                  "We don't sell animals; we host adoption days with the shelter.",
                                  ("can I adopt a pet",)))
    fresh_store.save_faq(FaqEntry("choose_hose", "What garden hose should I buy?",
                                  "For the length, measure from the tap to the far end of the "
                                  "garden and add a few feet; 5/8 in. suits most gardens."))
    return Engine(fresh_store)


@pytest.mark.parametrize("text, faq", [("can I adopt a kitten here?", "adoption"),
                                       ("what hose length do I need for my garden?",
                                        "choose_hose")])
def test_a_row_that_answers_clearly_better_than_products_answers(pets, text: str,
                                                                 faq: str) -> None:
    # The kitten food and the hoses share a word each; the row covers the whole question.
    plan = pets.plan(text, Conversation())
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == faq, plan.why


@pytest.mark.parametrize("text", ["kitten food", "do you have a 50 ft garden hose?"])
def test_products_that_answer_as_well_still_answer(pets, text: str) -> None:
    assert pets.plan(text, Conversation()).intent == "find"


def test_a_question_worded_like_a_rows_alternate_picks_that_row(fresh_store) -> None:
    # Both rows hold "money back"; the refunds row's alternate is worded like the question.
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    fresh_store.save_faq(FaqEntry(
        "returns", "What is your return policy?",
        "Most items can be returned within 30 days of delivery for a refund or an exchange, "
        "unused and in the original packaging. Opened games can be returned only if faulty. "
        "Start a return at the service desk or in your account: we email a prepaid return "
        "label, and you can also bring the item to any of our stores.",
        ("can I send something back", "how do I return an item"), ("returns",)))
    fresh_store.save_faq(FaqEntry(
        "refunds", "How do refunds work and how long do they take?",
        "Refunds go back to the card or account you paid with. We start the refund the day "
        "the returned item reaches us; it shows on your statement within 5-7 business days.",
        ("when do I get my money back", "can I get a refund"), ("refunds",)))
    plan = Engine(fresh_store).plan("when will I get my money back?", Conversation())
    assert plan.faq is not None and plan.faq.id == "refunds", plan.why

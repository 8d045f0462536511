"""A policy topic's word said in a product question ("washing" in "washing machine") matches
a product only as itself: the topic's other words ("care", "clean") are the policy's, so a
monitor with "Eye Care" in its title is no washing machine; a product that holds the word
itself still matches it."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import FaqEntry, Product


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for p in (
        Product("MON-1", "Gaming Monitor 24 inch, Eye Care, Machine Black", "Electronics/Monitors",
                199.0, "USD", "Sceptre", 4, "E2", (), ("Black",), (), "A fast gaming monitor."),
        Product("KET-1", "Electric Kettle", "Kitchen/Kettles", 29.0, "USD", "Cosori", 6, "K1",
                (), ("Silver",), (), "Boils a litre in three minutes."),
        Product("WB-1", "Washing Bag for Laundry, Mesh", "Home/Laundry", 9.0, "USD", "Gogooda",
                6, "H1", (), ("White",), (), "Keeps delicates apart in the machine."),
    ):
        fresh_store.save_product(p)
    fresh_store.save_faq(FaqEntry("returns", "What is your return policy?",
                                  "Unused items can be returned within 30 days."))
    return Engine(fresh_store)


def test_a_topic_sibling_in_a_title_is_no_match(engine) -> None:
    plan = engine.plan("Do you sell washing machine?", Conversation())
    assert "MON-1" not in [p.sku for p in plan.products], plan.why


def test_the_topic_word_itself_still_matches_a_product(engine) -> None:
    plan = engine.plan("a washing bag", Conversation())
    assert plan.products and plan.products[0].sku == "WB-1", plan.why


@pytest.mark.parametrize("text, topic", [
    ("are you open on sundays?", "hours"), ("when do you open?", "hours"),
    ("what are your opening hours", "hours"),
    ("I'm open to suggestions on brands", None), ("how do I open the lid?", None)])
def test_open_names_the_hours_only_said_of_the_store(text: str, topic: str | None) -> None:
    from shopguide.guide.matching import topics_in
    from shopguide.text import Analyzer

    assert ("hours" in topics_in(Analyzer(), text)) == (topic == "hours"), text


@pytest.mark.parametrize("text, topic", [
    ("网上买了去店里拿可以吗", "pickup"), ("能到店自取吗", "pickup"),
    ("座椅我自己不会装，你们能装吗", "installation"), ("能帮忙装一下吗", "installation"),
    ("今天下单明天能到吗", "delivery"), ("海外购的东西要交税吗", "customs"),
    ("will I have to pay customs duty?", "customs"), ("海鲜送到都不新鲜了", "freshness"),
    ("the milk arrived spoiled", "freshness"), ("my package never showed up", "tracking"),
    ("can I change the size on my order?", "order_change"),
    ("will they hook it up when they deliver?", "installation"),
    ("how much to ship a fridge?", "shipping_fee"),
    ("the box came crushed and the lamp is broken", "damaged_arrival"),
    ("收到的杯子是破损的", "damaged_arrival"), ("能上门取件吗", "after_sales"),
    ("do you refund the difference if the price drops?", "price_match"),
    ("how fast can you get it to me?", "delivery"), ("what if the goldfish dies?", "warranty"),
    ("do you do gift certificates?", "gift_cards"),
    ("can my dog come in with me?", "pets_allowed"),
    ("will you beat a competitor's price?", "price_match"),
    ("can I set up a wedding list?", "registry"),
    ("how do I season a cast iron pan?", "care"),
    ("你们晚上开到多晚", "hours"), ("how late are you open tonight?", "hours"),
    ("羽绒服被烟头烫了个洞 能处理吗", "warranty"), ("鞋子穿了一个月就开胶了", "warranty"),
    ("my jacket is torn at the shoulder, can you fix it?", "warranty"),
    ("gore-tex的衣服能直接扔洗衣机吗", "care"),
    ("can I put the duvet in the washing machine?", "care"),
    ("我在成都，从你们那儿寄过来一般要几天", "delivery"), ("能不能给我发顺丰", "delivery"),
    ("一年要买满多少钱才能升金卡", "membership"), ("你们店周日晚上还开门吗", "hours"),
    ("扫地机器人电池不行了还保不保", "warranty"), ("宝宝大了婴儿车用不上了，你们收不收", "trade_in"),
    ("上个月在门店买的，现在还能补开吗", "invoice"), ("宝宝七公斤半穿M码还是L码", "sizing"),
    ("三合一的冲锋衣要不要买大一号啊", "sizing"), ("推车选啥样的方便", "buying_guide"),
    ("能约周六上午送吗", "delivery"),
    ("how long do i have to bring stuff back", "returns"),
    ("chewy has the same bag for $8 less, will you match it?", "price_match"),
    ("do u guys beat amazon prices", "price_match"),
    ("how much is it to get a small order dropped off", "delivery"),
    ("can i order online and just pick it up at the curb", "pickup"),
    ("how much to get my golden retriever groomed", "pet_grooming"),
    ("are your groomers working on mondays", "pet_grooming"),
    ("the dutch oven color doesnt match, can i switch it for the blue one", "exchange"),
    ("my toaster quit on me after 6 months", "warranty"),
    ("if i order online how fast can i come get it at the store", "pickup"),
    ("do i earn anything for shopping here a lot", "membership"),
    ("when do bedding and towels usually go on sale", "discounts"),
    ("can i write a check", "payment"), ("we're getting married in june", "registry"),
    ("my cast iron pan got all rusty, is it ruined", "care"),
    ("is 800 thread count worth paying extra for", "buying_guide"),
    ("Which cat litter should I choose?", "buying_guide"),
    ("can my dog come shopping with me", "pets_allowed")])
def test_everyday_words_for_a_service_name_its_topic(text: str, topic: str) -> None:
    from shopguide.guide.matching import topics_in
    from shopguide.text import Analyzer

    assert topic in topics_in(Analyzer(), text), text


def test_the_cost_of_shipping_asked_of_a_store_with_one_delivery_row(fresh_store) -> None:
    # The row says what delivery costs without a fee word of its own: it still answers.
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    fresh_store.save_faq(FaqEntry("delivery", "Do you deliver?",
                                  "We deliver within 15 miles. Orders over $49 deliver free; "
                                  "smaller orders are $7.99.", tags=("delivery",)))
    fresh_store.save_faq(FaqEntry("returns", "What is your return policy?",
                                  "Unused items can be returned within 30 days."))
    plan = Engine(fresh_store).plan("how much is shipping", Conversation())
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == "delivery", plan.why


@pytest.mark.parametrize("text, topic", [
    ("heavy duty shelving", "customs"), ("does this dog bed come in blue?", "pets_allowed"),
    ("a dog bed for inside", "pets_allowed"), ("a blender for crushed ice", "damaged_arrival"),
    ("can I hook up two monitors with a hub?", "installation"),
    ("续航能到10小时吗", "delivery"), ("温度能到多少度", "delivery"),
    ("能上门取件吗", "pickup"), ("a seasoning for steak", "care"),
    ("有没有破洞牛仔裤", "warranty"), ("有洗衣机卖吗", "care"),
    ("开发票开到公司抬头", "hours"),
    ("给朋友买生日礼物", "membership"), ("这个台灯能一直开着吗", "hours"),
    ("国庆去爬山穿什么鞋", "hours"), ("地铁通勤用的双肩包", "contact"),
    ("有礼盒装的茶叶吗", "gift_wrap"), ("充电的时候会发出声音吗", "delivery"),
    ("冲锋衣能抵挡大雨吗", "trade_in"), ("活动什么时候开始", "buying_guide"),
    ("a golf driver for beginners", "delivery"), ("any deals on tents?", "discounts"),
    ("what's the difference between these two kettles?", "price_match"),
    ("are they the same price?", "price_match"), ("a rust proof patio chair", "care"),
    # found by a review: product questions that the first lists read as policies
    ("这个保温杯能保多久", "warranty"), ("有没有不容易开胶的徒步鞋", "warranty"),
    ("有不容易刮破的冲锋衣吗", "warranty"), ("a cat tree with a hole in the middle", "warranty"),
    ("a chew toy that will not get torn", "warranty"), ("头灯能照多晚", "hours"),
    ("电水壶还开着会自动断电吗", "hours"), ("这个头灯要几天能充满", "delivery"),
    ("徒步穿登山鞋还是跑鞋好", "sizing"), ("能装到车上的安全座椅", "installation"),
    ("do you have a pillowcase to match that", "price_match"),
    ("a dish rack that won't get rusty", "care"), ("can I take a backpack in", "returns"),
    ("what pillow would give my back support", "returns"), ("有修毛器吗", "pet_grooming"),
    ("中间有个洞的猫爬架", "warranty")])
def test_a_product_question_names_no_service_topic(text: str, topic: str) -> None:
    from shopguide.guide.matching import topics_in
    from shopguide.text import Analyzer

    assert topic not in topics_in(Analyzer(), text), text

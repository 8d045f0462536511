"""A bare noun phrase names the thing wanted as a whole: a word of it the store has never seen
("fitbit charge 3", "cdj stand") is a make or model it does not carry, so a product that only
shares the known words ("a towel holder stand") is no answer; the same words in a sentence,
or without the unknown name, still find what the store has."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for p in (
        Product("MS-1", "Single Monitor Stand", "Office/Monitor Accessories", 39.0, "USD", "Mount-It", 4,
                "B2", (), ("Black",), (), "Holds one monitor up to 32 inches."),
        Product("TH-1", "Bath Hand Towel Holder Standing", "Home/Bath", 19.0, "USD", "Pynsseu",
                6, "H1", (), ("Silver",), (), "A free standing towel holder."),
        Product("AP-1", "AirPods with Charging Case", "Electronics/Audio", 99.0, "USD", "Apple",
                2, "E1", (), ("White",), (), "Wireless earbuds."),
    ):
        fresh_store.save_product(p)
    return Engine(fresh_store)


@pytest.mark.parametrize("text", ["cdj stand", "fitbit charge 3"])
def test_an_unknown_make_in_a_bare_phrase_is_out_of_scope(engine, text: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.intent == "out_of_scope" and not plan.products, (text, plan.intent)


@pytest.mark.parametrize("text, sku", [("monitor stand", "MS-1"), ("charging case", "AP-1")])
def test_known_words_alone_still_find_the_product(engine, text: str, sku: str) -> None:
    plan = engine.plan(text, Conversation())
    assert plan.products and plan.products[0].sku == sku


@pytest.fixture
def bedding(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for sku, name in (("BD-1", "Chunky Knit Throw Blanket"), ("BD-2", "Down Alternative Pillow"),
                      ("BD-3", "Percale Sheet Set")):
        fresh_store.save_product(Product(sku, name, "Bedding", 40.0, "USD", stock=4))
    return Engine(fresh_store)


def test_an_unknown_make_in_a_bare_phrase_is_not_carried(bedding) -> None:
    plan = bedding.plan("fitbit pillow", Conversation())
    assert plan.intent == "out_of_scope" and not plan.products, plan.why


@pytest.mark.parametrize("text, sku", [("a comfy pillow", "BD-2"), ("comfy pillow", "BD-2"),
                                       ("a cute blanket", "BD-1"),
                                       # a material the store never names: still blankets
                                       ("do you have a wool blanket?", "BD-1")])
def test_a_word_describing_the_kind_keeps_it(bedding, text: str, sku: str) -> None:
    plan = bedding.plan(text, Conversation())
    assert plan.products and plan.products[0].sku == sku, plan.why


def test_what_names_a_thing() -> None:
    from shopguide.text.english import names_a_thing

    assert names_a_thing("dog") and names_a_thing("fitbit") and names_a_thing("cotton")
    assert not any(names_a_thing(w) for w in ("comfy", "red", "waterproof", "wooden"))


@pytest.fixture
def desk(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    fresh_store.save_product(Product("LP-1", "LED Desk Lamp", "Lighting", 29.0, "USD",
                                     description="A USB port charges your phone overnight."))
    fresh_store.save_product(Product("ST-1", "Bottle Steriliser", "Baby", 59.0, "USD",
                                     description="Controlled from your phone."))
    fresh_store.save_product(Product("KB-1", "Wireless Keyboard", "Computing", 39.0, "USD"))
    return Engine(fresh_store)


@pytest.mark.parametrize("text", ["do you sell phones?", "do you have phones?"])
def test_one_word_only_in_descriptions_is_no_such_thing(desk, text: str) -> None:
    # "phone" is in the lamp's and the steriliser's descriptions only: no phone is sold.
    plan = desk.plan(text, Conversation())
    assert plan.intent == "out_of_scope" and plan.retrieval.body_only, plan.why


def test_one_word_of_a_title_or_a_need_finds_its_product(desk) -> None:
    assert [p.sku for p in desk.plan("do you have lamps?", Conversation()).products][:1] == \
        ["LP-1"]
    # a need told is met by a description: no question whether the store sells a thing
    assert [p.sku for p in desk.plan("I want to sterilise bottles from my phone",
                                     Conversation()).products][:1] == ["ST-1"]


@pytest.fixture
def bikes(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="店", language="zh", currency="CNY")
    fresh_store.save_product(Product("CH-1", "一体成型骑行头盔", "骑行/头盔", 299.0, "CNY",
                                     tags=("山地车", "公路车"), stock=5))
    fresh_store.save_product(Product("CG-1", "冬季加绒骑行手套", "骑行/手套", 89.0, "CNY",
                                     tags=("冬季",), stock=5))
    return Engine(fresh_store)


def test_a_thing_sold_only_as_a_tag_is_no_such_thing(bikes) -> None:
    # The helmet is for mountain bikes (a tag), not a mountain bike: asked whether the store
    # sells one, the other words of the message unknown to it, the answer is no.
    plan = bikes.plan("你们这卖整车吗 想买辆山地车", Conversation())
    assert plan.intent == "out_of_scope" and plan.retrieval.body_only, plan.why
    # what the products are (their names, their category) still finds them
    plan = bikes.plan("你们这有骑行头盔吗", Conversation())
    assert [p.sku for p in plan.products][:1] == ["CH-1"], plan.why
    # a kind named that the tag describes is a product question
    plan = bikes.plan("有适合山地车的头盔吗", Conversation())
    assert [p.sku for p in plan.products][:1] == ["CH-1"], plan.why


KINDS = frozenset(["浓缩液", "洗发水", "钥匙包", "挂钟", "手机壳", "耳机", "鞋", "跑鞋", "男鞋"])


@pytest.mark.parametrize("name, category, word, yes", [
    ("降噪无线蓝牙耳机 - 内置麦克风 - 长达30小时", "影音/耳机", "麦克风", False),
    ("皮套适用于 X60 Pro 5G 智能手机,柔软皮革保护套", "数码/手机壳", "手机", False),
    ("三倍强度蔓越莓水果浓缩液 12软胶囊", "保健/营养", "水果", False),
    ("汽车洗发水清洁洗涤剂液体", "汽车用品/清洗液", "汽车", False),
    ("汽车钥匙包真皮钥匙扣盖", "汽车用品/钥匙配件", "汽车", False),
    ("李宁跑鞋男鞋夏季透气", "鞋/运动鞋", "跑鞋", True),  # a run-on title: 男 + 鞋, no kind
    ("李宁跑鞋男款透气", "鞋/运动鞋", "跑鞋", True),  # 男款 is no kind of thing
    ("凯乐石冲锋衣男士防水", "服装/外套", "冲锋衣", True),
    ("罗德 USB麦克风 电容麦", "影音/录音", "麦克风", True),
    ("华为 Mate 60 Pro 智能手机 12GB", "数码/智能机", "手机", True),
    ("小米13手机正品全网通", "数码/智能机", "手机", True),  # 正品 is no kind
    ("奈特科尔头灯充电防水", "配件/照明", "头灯", True),
    ("耳机 带黄铜外壳,带麦克风和控制", "影音/耳机", "麦克风", False),
])
def test_what_a_chinese_product_is(name: str, category: str, word: str, yes: bool) -> None:
    from shopguide.guide.matching import is_a
    from shopguide.text.analyzer import plain

    assert is_a(plain(), Product("X-1", name, category, 1.0, "CNY"), word, KINDS) is yes


@pytest.fixture
def things(fresh_store):
    from tests.fixtures.guide import zh_kinds_engine

    return zh_kinds_engine(fresh_store, (("CR-1", "蔓越莓水果浓缩液 软胶囊", "保健/浓缩液"),
                                         ("CL-1", "托斯卡纳水果挂钟", "家居/挂钟"),
                                         ("PC-1", "皮套适用于 X60 Pro 智能手机", "数码/手机壳"),
                                         ("HP-1", "降噪蓝牙耳机 内置麦克风", "影音/耳机")))


@pytest.mark.parametrize("text", ["请问有水果卖吗？", "请问有手机吗？", "有麦克风吗"])
def test_a_thing_only_named_as_what_products_have_or_are_for_is_not_carried(
        things, text: str) -> None:
    plan = things.plan(text, Conversation())
    assert plan.intent == "out_of_scope" and plan.retrieval.body_only, plan.why


def test_what_products_are_is_still_found(things) -> None:
    for text, sku in (("请问有耳机吗？", "HP-1"), ("有手机壳卖吗", "PC-1"), ("有挂钟吗", "CL-1")):
        assert [p.sku for p in things.plan(text, Conversation()).products][:1] == [sku], text


@pytest.fixture
def pillows(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    for sku, name, leaf in (
            ("PC-1", "Decorative Throw Pillow Covers Set of 2, Cushion Case for Sofa Couch Bed",
             "Throw Pillow Covers"),
            ("PI-1", "18x18 Pillow Insert Set of 4, Square Throw Pillows for Bed",
             "Pillow Inserts"),
            ("BF-1", "Zinus Metal Platform Bed Frame, Queen", "Beds")):
        fresh_store.save_product(Product(sku, name, f"Home & Kitchen/Bedding/{leaf}", 29.0,
                                         "USD", stock=5))
    return Engine(fresh_store)


def test_a_bare_phrase_whose_head_no_product_is_gets_no_easier_bar(pillows) -> None:
    # "bed" is said by the pillows' names ("for … Bed") and their Bedding department, but no
    # pillow is a bed, and the one bed here is no wall bed: "lori" is a make it lacks.
    pillows.store.delete_product("BF-1")
    plan = pillows.plan("lori wall bed", Conversation())
    assert plan.intent == "out_of_scope", plan.why


def test_a_bare_phrase_whose_head_a_product_is_finds_it(pillows) -> None:
    assert [p.sku for p in pillows.plan("queen bed frame", Conversation()).products][:1] == \
        ["BF-1"]
    assert "PC-1" in [p.sku for p in pillows.plan("throw pillow covers",
                                                  Conversation()).products]


def test_a_bare_phrases_head_met_by_a_synonym_is_met(fresh_store) -> None:
    # The store's synonyms.csv says a skillet is a pan: "cast iron pan" is met by the skillet.
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    fresh_store.save_product(Product("SK-1", "Lodge Cast Iron Skillet, 10 inch", "Kitchen/Skillets",
                                     29.0, "USD", stock=5))
    fresh_store.save_synonym("pan", ["skillet"], "en")
    plan = Engine(fresh_store).plan("cast iron pan", Conversation())
    assert plan.retrieval.head_met and [p.sku for p in plan.products] == ["SK-1"], plan.why

"""A named kind that also lives under an audience branch: "a bike helmet for my kid" must
reach 儿童/装备's kids' helmet although "helmet" names the category 骑行/头盔, while a plain
"helmet" stays in its category."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import Product

HELMETS = (
    Product("HL-1", "公路骑行头盔", "骑行/头盔", 399, "CNY", "Veloce", 5, "C1", (), ("黑色",),
            ("头盔", "helmet", "安全"), "成人公路头盔。", name_en="Road Bike Helmet"),
    Product("HL-2", "城市骑行头盔", "骑行/头盔", 299, "CNY", "Veloce", 6, "C1", (), ("白色",),
            ("头盔", "helmet"), "通勤头盔。", name_en="City Bike Helmet"),
    Product("KH-1", "儿童骑行头盔", "儿童/装备", 159, "CNY", "小游侠", 9, "K2", (), ("蓝色",),
            ("儿童", "头盔", "kids", "helmet"), "儿童自行车头盔。", name_en="Kids Bike Helmet"),
    Product("KS-1", "儿童跑鞋", "儿童/童鞋", 199, "CNY", "小游侠", 9, "K1", ("30", "31"),
            ("蓝色",), ("儿童", "kids"), "儿童跑鞋。", name_en="Kids Running Shoe"),
)


@pytest.fixture
def engine(guide_store):
    from shopguide.guide.engine import Engine

    for p in HELMETS:
        guide_store.save_product(p)
    # 儿童 is this shop's word for its children's range: its synonyms.csv says so.
    guide_store.save_synonym("孩子", ["儿童"], "zh")
    return Engine(guide_store)


def _skus(engine, text: str) -> list[str]:
    return [p.sku for p in engine.plan(text, Conversation()).products]


@pytest.mark.parametrize("text", ["a bike helmet for my kid", "儿童头盔", "kids helmet",
                                  "给孩子买个骑行头盔"])
def test_an_audience_word_reaches_the_kind_in_the_audience_branch(engine, text: str) -> None:
    skus = _skus(engine, text)
    assert skus and skus[0] == "KH-1", skus
    assert "KS-1" not in skus  # the audience alone does not bring in other kinds


@pytest.mark.parametrize("text", ["骑行头盔", "头盔"])
def test_the_kind_alone_stays_in_its_category(engine, text: str) -> None:
    skus = _skus(engine, text)
    assert skus and set(skus) <= {"HL-1", "HL-2"}, skus


def test_an_english_kind_finds_the_products_named_so(engine) -> None:
    # The categories are Chinese; an English question reaches the products through their
    # English names (no translation table): every bike helmet answers "bike helmet".
    skus = _skus(engine, "bike helmet")
    assert {"HL-1", "HL-2"} <= set(skus) and "KS-1" not in skus, skus


CASES = (
    Product("TC-1", "Slim Folio Tablet Case", "Electronics/Tablet Accessories/Cases", 26.99,
            "USD", "Boskin", 4, "E1", (), ("Blue",), (), "Fits 8-inch tablets."),
    Product("TC-2", "Rugged Tablet Case with Stand", "Electronics/Tablet Accessories/Cases",
            31.99, "USD", "Boskin", 3, "E1", (), ("Black",), (), "Shock-absorbing corners."),
    Product("PC-1", "Glitter Pearl Bowknot Hard Case Cover for Galaxy S4",
            "Wireless Phone Accessory", 9.99, "USD", None, 7, "E2", (), ("Gold",), (),
            "Gives your phone comprehensive protection."),
    Product("PP-1", "Pearl Necklace", "Jewelry/Necklaces", 49.0, "USD", None, 2, "J1", (),
            ("White",), (), "Freshwater pearls."),
)


@pytest.fixture
def cases_engine(guide_store):
    from shopguide.guide.engine import Engine

    for p in CASES:
        guide_store.save_product(p)
    return Engine(guide_store)


def test_a_category_word_in_a_name_filed_elsewhere_reaches_that_product(cases_engine) -> None:
    # "case" names the store's tablet Cases, but the words name a phone case filed under
    # phone accessories: the product the words describe is found, not a tablet case.
    skus = _skus(cases_engine, "glitter pearl bowknot hard case cover")
    assert skus and skus[0] == "PC-1", skus


def test_a_question_the_category_answers_stays_inside_it(cases_engine) -> None:
    # The tablet cases answer "rugged tablet case" fully: the phone case, which also says
    # "case", does not fit better and does not join; the necklace never says "case".
    skus = _skus(cases_engine, "rugged tablet case")
    assert skus and skus[0] == "TC-2" and set(skus) <= {"TC-1", "TC-2"}, skus
    assert set(_skus(cases_engine, "tablet case")) <= {"TC-1", "TC-2"}


def test_a_kind_under_several_branches_reaches_every_branch(fresh_store) -> None:
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Sports", language="en", currency="USD")
    for p in (
        Product("BB-1", "Street Basketball Size 7", "Sports/Team Sports/Basketball/Balls", 23.99,
                "USD", "Senston", 5, "S1", (), ("Orange",), (), "Rubber ball."),
        Product("BS-1", "Kids Pro Basketball Shoe", "Clothing/Boys/Shoes/Basketball", 45.0,
                "USD", "Adidas", 4, "C2", ("3.5",), ("Blue",), (), "Court shoe."),
        Product("RS-1", "Road Running Shoe", "Clothing/Men/Shoes/Running", 60.0, "USD",
                "Nike", 6, "C1", ("10",), ("Red",), (), "Light trainer."),
    ):
        fresh_store.save_product(p)
    engine = Engine(fresh_store)
    skus = {p.sku for p in engine.plan("basketball", Conversation()).products}
    assert skus == {"BB-1", "BS-1"}  # both branches named Basketball, not the running shoe


def test_a_tag_that_is_a_kind_filed_elsewhere_names_the_thing(fresh_store) -> None:
    # 手机 names the phones' category, but the message is about a 电话手表 (a tag here, and
    # the kind 儿童电话手表 of its own branch): the watches join although they never say 手机.
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Digital", language="zh", currency="CNY")
    for p in (
        Product("PH-1", "智能手机 6.5寸", "数码/手机", 1999, "CNY", "星辰", 5, "D1", (), ("黑色",),
                ("手机", "5G"), "大屏手机。"),
        Product("CB-1", "手机充电线 1.2米", "数码/手机", 29, "CNY", "品胜", 9, "D1", (), ("白色",),
                ("数据线",), "适用于多数手机。"),
        Product("WT-1", "儿童电话手表 SE", "智能设备/儿童电话手表", 569, "CNY", "小天", 4, "D2", (),
                ("蓝色",), ("电话手表", "儿童", "GPS定位"), "可以打接电话，GPS定位。"),
    ):
        fresh_store.save_product(p)
    engine = Engine(fresh_store)
    text = "电话手表给手机打电话可以，但是手机拨电话手表的号码打不出去"
    skus = [p.sku for p in engine.plan(text, Conversation()).products]
    assert skus and skus[0] == "WT-1", skus

"""Full-text search in Chinese and English, hostile queries, filters, the vocabulary."""

from __future__ import annotations

import pytest

from shopguide.store import text as fts_text
from shopguide.store.models import Customer, Product


def skus(results):
    return [p.sku for p, _ in results]


@pytest.mark.parametrize("query, expected", [
    ("跑鞋", {"RS-104", "RS-110"}),          # two characters inside 云跃缓震跑鞋
    ("棉衣", {"CO-301"}),                     # inside 加厚棉衣
    ("kettles", {"KT-401"}),                  # porter: kettles -> kettle
    ("KETTLE", {"KT-401"}),
    ("tents", {"TN-501"}),
    ("Cloudleap", {"RS-104"}),                # an English name translation
    ("缓震", {"RS-104"}),                      # a tag
    ("boils", {"KT-401"}),                    # the description
    ("蓝色", {"RS-110"}),                      # a color
])
def test_finds_chinese_and_english(catalog_store, query, expected):
    assert set(skus(catalog_store.search_products(query))) == expected


def test_a_chinese_sentence_finds_the_words_inside_it(catalog_store):
    found = skus(catalog_store.search_products("有没有500元以内适合扁平足的跑鞋？"))
    assert set(found[:2]) == {"RS-104", "RS-110"}
    assert "KT-401" not in found


def test_ranking_prefers_rows_matching_more_terms(catalog_store):
    results = catalog_store.search_products("缓震跑鞋")
    assert skus(results)[0] == "RS-104"
    assert results[0][1] > results[1][1]  # higher is better


@pytest.mark.parametrize("hostile", [
    '"', '""', '"跑鞋', "*", "kettle*", "AND", "OR", "NOT", "跑鞋 AND", "AND 跑鞋 OR",
    ")", "(", "NEAR(", "NEAR(kettle tent)", "kettle NOT tent", "name:kettle", "{name}: kettle",
    "^kettle", "'; DROP TABLE products; --", "-kettle", "+", "\\", "\x00", "kettle\u200b",
])
def test_hostile_queries_neither_fail_nor_inject(catalog_store, hostile):
    results = catalog_store.search_products(hostile)
    found = set(skus(results))
    words = {w.casefold() for k, w in fts_text.runs(hostile) if k == "word"}
    if words & {"kettle", "tent"}:
        # the syntax is ignored: the words are searched for as words (OR), nothing else;
        # "kettle NOT tent" finds the tent too, so NOT was not obeyed
        assert found == {sku for word, sku in (("kettle", "KT-401"), ("tent", "TN-501"))
                         if word in words}
    elif not words and not any(k == "cjk" for k, _ in fts_text.runs(hostile)):
        assert len(found) == 5  # nothing to search for: filters only, i.e. everything
    assert catalog_store.count_products() == 5
    catalog_store.search_faq(hostile)
    catalog_store.search_customers(hostile)


def test_operator_words_are_plain_words(catalog_store):
    catalog_store.save_product(Product(sku="X-1", name="Salt AND Pepper Mill",
                                       category="Kitchen", price=12, currency="USD"))
    assert skus(catalog_store.search_products("AND")) == ["X-1"]
    assert skus(catalog_store.search_products('"and"')) == ["X-1"]


def test_no_user_text_reaches_match_unquoted():
    q = fts_text.ranked_query('kettle" OR name:* NEAR(跑鞋')
    # every term is a quoted string without inner quotes, joined by OR
    for term in q.split(" OR "):
        assert term.startswith('"') and term.endswith('"') and '"' not in term[1:-1]
    assert fts_text.ranked_query("!!! ??? ***") is None


@pytest.mark.parametrize("kwargs, expected", [
    ({"category": "跑鞋"}, {"RS-104", "RS-110"}),
    ({"category": "鞋"}, {"RS-104", "RS-110"}),
    ({"category": "鞋/跑鞋"}, {"RS-104", "RS-110"}),
    ({"category": "kitchen"}, {"KT-401"}),
    ({"category": "Appliances"}, {"KT-401"}),
    ({"category": "Kitchen/Appliances"}, {"KT-401"}),
    ({"category": "鞋/登山靴"}, set()),
    ({"brand": "boilwell"}, {"KT-401"}),
    ({"brand": ["云跃", "疾风"]}, {"RS-104", "RS-110"}),
    ({"max_price": 400}, {"RS-110", "CO-301", "KT-401", "TN-501"}),
    ({"min_price": 399.5, "max_price": 459}, {"RS-104", "RS-110"}),
    ({"size": "m"}, {"CO-301"}),
    ({"size": "42"}, {"RS-110"}),
    ({"color": "白色"}, {"RS-104"}),
    ({"in_stock": True, "category": "跑鞋"}, {"RS-104"}),
    ({"in_stock": True, "category": "棉衣"}, {"CO-301"}),  # unknown stock counts as in stock
])
def test_filters_alone(catalog_store, kwargs, expected):
    results = catalog_store.search_products(None, **kwargs)
    assert set(skus(results)) == expected
    assert all(score == 0.0 for _, score in results)


def test_text_and_filters_are_anded(catalog_store):
    assert skus(catalog_store.search_products("跑鞋", max_price=420)) == ["RS-110"]
    assert skus(catalog_store.search_products("跑鞋", in_stock=True, size="39")) == ["RS-104"]
    assert catalog_store.search_products("kettle", category="鞋") == []
    assert len(catalog_store.search_products("", limit=2)) == 2


def test_index_follows_updates_and_deletes(catalog_store):
    s = catalog_store
    kettle = s.product("KT-401")
    s.save_product(Product(**{**kettle.__dict__, "name": "Glass Teapot", "sizes": ("1L",),
                              "description": "", "id": None}))
    assert s.search_products("kettle") == []
    assert skus(s.search_products("teapot")) == ["KT-401"]
    assert s.search_products("silver") == []
    s.save_product(Product(**{**s.product("KT-401").__dict__, "colors": ("Silver",), "id": None}))
    assert skus(s.search_products("silver")) == ["KT-401"]  # a colour-only change re-indexes
    assert skus(s.search_products(None, size="1l")) == ["KT-401"]
    assert s.delete_product("KT-401")
    assert s.search_products("teapot") == [] and s.search_products(None, size="1L") == []
    assert s.product("KT-401") is None


def test_products_in_given_order(catalog_store):
    got = catalog_store.products(["TN-501", "missing", "RS-104"])
    assert [p.sku for p in got] == ["TN-501", "RS-104"]
    p = catalog_store.product("RS-110")
    assert (p.price, p.stock, p.in_stock, p.sizes) == (399.5, 0, False, ("41", "42"))


def test_vocabulary_lists_distinct_values_and_follows_writes(catalog_store):
    v = catalog_store.vocabulary()
    assert {"鞋", "跑鞋", "服装", "棉衣", "Kitchen", "Appliances"} <= set(v.categories)
    assert {"鞋", "鞋/跑鞋", "Kitchen/Appliances"} <= set(v.category_paths)
    assert set(v.brands) == {"云跃", "疾风", "暖冬", "Boilwell", "Trailhead"}
    assert {"38", "S", "M"} <= set(v.sizes) and "蓝色" in v.colors and "flat feet" in v.tags
    assert catalog_store.vocabulary() is v  # cached while nothing changes
    catalog_store.save_product(Product(sku="Y-1", name="瑜伽垫", category="瑜伽", price=99,
                                       currency="CNY", brand="静心"))
    v2 = catalog_store.vocabulary()
    assert "静心" in v2.brands and "瑜伽" in v2.categories


def test_vocabulary_sees_another_connections_writes(catalog_store):
    from shopguide.store import open_store

    catalog_store.vocabulary()
    with open_store(catalog_store.path) as other:
        other.save_product(Product(sku="Z-1", name="泳镜", category="游泳", price=59,
                                   currency="CNY", brand="蓝鲸"))
    assert "蓝鲸" in catalog_store.vocabulary().brands


def test_faq_search(catalog_store):
    assert catalog_store.search_faq("退货")[0][0].id == "returns"
    assert catalog_store.search_faq("What is your return policy?")[0][0].id == "returns"
    assert catalog_store.search_faq("如何选择合适的棉衣？")[0][0].id == "cotton-guide"
    assert catalog_store.search_faq("opening hours, when open")[0][0].id == "hours"
    assert catalog_store.search_faq("???") == []
    assert catalog_store.faq("hours").answer.startswith("Every day")
    assert [f.id for f in catalog_store.all_faq()] == ["returns", "cotton-guide", "hours"]


def test_customer_search_by_name_phone_part_email_and_tag(fresh_store):
    s = fresh_store
    s.save_customer(Customer(id="a", name="王芳", phone="138-1234-5678", tags=("VIP",)))
    s.save_customer(Customer(id="b", name="王伟", phone="139 0000 1111", email="ww@example.com"))
    s.save_customer(Customer(id="c", name="John Smith", phone="+1 555 0100", tags=("runner",)))
    assert {c.id for c in s.search_customers("王")} == {"a", "b"}
    assert [c.id for c in s.search_customers("王芳")] == ["a"]
    assert [c.id for c in s.search_customers("5678")] == ["a"]       # end of the phone
    assert [c.id for c in s.search_customers("1234")] == ["a"]       # middle of the phone
    assert [c.id for c in s.search_customers("13812345678")] == ["a"]
    assert [c.id for c in s.search_customers("jo")] == ["c"]         # a name prefix
    assert [c.id for c in s.search_customers("ww@example")] == ["b"]
    assert [c.id for c in s.search_customers("vip")] == ["a"]
    assert [c.id for c in s.search_customers("王 0000")] == ["b"]     # every word must match
    assert s.count_customers("王") == 2 and s.count_customers() == 3
    everyone = [c.id for c in s.search_customers("")]
    assert sorted(everyone) == ["a", "b", "c"]
    assert [c.id for c in s.search_customers("", limit=2, offset=1)] == everyone[1:3]


@pytest.mark.parametrize("bad", [
    {"sku": "A B"}, {"sku": "x" * 65}, {"price": 0}, {"price": 1.005}, {"tags": ("a;b",)},
    {"sizes": ("",)}, {"extra": {"Material": "x"}}, {"extra": {"price": "1"}},
])
def test_save_product_refuses_what_an_export_could_not_carry(fresh_store, bad):
    from shopguide.store import StoreError

    fields = {"sku": "A-1", "name": "n", "category": "c", "price": 1.0, "currency": "USD", **bad}
    with pytest.raises(StoreError):
        fresh_store.save_product(Product(**fields))
    assert fresh_store.count_products() == 0


def _exact(store, query, limit=50):
    """Reference ranking: bm25 over every match, no cap."""
    from shopguide.store.ranking import PRODUCT_WEIGHTS

    rows = store.conn.execute(
        f"SELECT rowid, -bm25(products_fts, {PRODUCT_WEIGHTS}) AS s FROM products_fts "
        "WHERE products_fts MATCH ? ORDER BY s DESC, rowid LIMIT ?",
        (fts_text.ranked_query(query), limit)).fetchall()
    return [(pid, round(s, 9)) for pid, s in rows]


@pytest.fixture
def broad_store(fresh_store):
    for i in range(30):
        fresh_store.save_product(Product(sku=f"W-{i:02d}", name=f"Waterproof jacket {i}",
                                         category="Outdoor/Jackets", price=100 + i,
                                         currency="USD", colors=("red",) if i % 2 else ()))
    fresh_store.save_product(Product(sku="T-1", name="Waterproof Tent", category="Outdoor/Tents",
                                     price=300, currency="USD", colors=("red",)))
    fresh_store.save_product(Product(sku="T-2", name="Tent pegs", category="Outdoor/Tents",
                                     price=9, currency="USD"))
    return fresh_store


@pytest.mark.parametrize("query", ["waterproof tent", "waterproof", "tent", "jacket 7"])
def test_ranking_is_exact_below_the_cap(broad_store, query):
    got = [(p.id, round(s, 9)) for p, s in broad_store.search_products(query, limit=50)]
    assert got == _exact(broad_store, query)


def test_above_the_cap_rows_with_every_word_still_come_first(broad_store, monkeypatch):
    from shopguide.store import ranking

    monkeypatch.setattr(ranking, "CANDIDATE_CAP", 5)
    top = skus(broad_store.search_products("waterproof tent", limit=3))
    assert top[0] == "T-1"  # matched by both words, beyond the first 5 matches
    assert len(top) == 3
    # with a filter too
    assert skus(broad_store.search_products("waterproof tent", color="red", limit=3))[0] == "T-1"
    # A single broad word ranks only the first CANDIDATE_CAP matches: bounded work,
    # at the price of missing a better match that comes later (the documented trade).
    broad_store.save_product(Product(sku="W-best", name="Waterproof", category="Outdoor",
                                     price=1, currency="USD"))
    assert "W-best" not in skus(broad_store.search_products("waterproof", limit=3))
    monkeypatch.setattr(ranking, "CANDIDATE_CAP", 5000)
    assert skus(broad_store.search_products("waterproof", limit=3))[0] == "W-best"


def _passes(p, category=None, brand=None, size=None, color=None, max_price=None,
            in_stock=False):
    """Plain-Python oracle for the filters, independent of the index."""
    import json

    def one_of(wanted, have):
        wanted = [wanted] if isinstance(wanted, str) else wanted
        return any(fts_text.fold(w) in {fts_text.fold(h) for h in have} for w in wanted)

    if category is not None:
        keys = json.loads(fts_text.category_keys(p.category))
        wanted = [category] if isinstance(category, str) else category
        if not any(fts_text.category_key(w) in keys for w in wanted):
            return False
    if brand is not None and not one_of(brand, [p.brand or ""]):
        return False
    if size is not None and not one_of(size, p.sizes):
        return False
    if color is not None and not one_of(color, p.colors):
        return False
    if max_price is not None and p.price > max_price:
        return False
    return not (in_stock and p.stock == 0)


@pytest.mark.parametrize("query", ["跑鞋", "kettle tent", "鞋 棉衣 kettle", "缓震"])
@pytest.mark.parametrize("filters", [
    {"category": "鞋"}, {"category": ["棉衣", "Kitchen"]}, {"brand": "云跃"}, {"size": "m"},
    {"color": ["白色", "蓝色"]}, {"category": "Outdoor", "max_price": 200},
    {"category": "跑鞋", "in_stock": True, "size": "39"},
])
def test_filters_agree_with_a_plain_python_check(catalog_store, query, filters):
    """Text + filters (filters as index words) = text alone, then the filters."""
    allowed = {p.sku for p in catalog_store.all_products() if _passes(p, **filters)}
    with_filters = skus(catalog_store.search_products(query, **filters))
    expected = [s for s in skus(catalog_store.search_products(query, limit=1000))
                if s in allowed]
    assert with_filters == expected
    alone = skus(catalog_store.search_products(None, **filters, limit=1000))
    assert alone == sorted(allowed, key=lambda s: catalog_store.product(s).id)


@pytest.mark.parametrize("word, category, expected", [
    ("Case", "Tablets/Cases", True),  # the phone's "Hard Case Cover" sits elsewhere
    ("Clip", "Phones", False),  # only products inside say it
    ("Cover", "Tablets/Cases", True),
    ("holster", "Tablets/Cases", False),  # only in a description, not a name
    ("手机壳", "Tablets/Cases", True),  # its Chinese name
])
def test_named_outside_looks_at_names_outside_the_category(fresh_store, word, category,
                                                           expected):
    for sku, name, zh, cat, desc in (
        ("T-1", "Folio Stand Case", "", "Tablets/Cases", "For 10 inch tablets."),
        ("P-1", "Hard Case Cover", "硬手机壳", "Phones/Accessories", "Fits a belt holster."),
        ("B-1", "Belt Clip", "", "Phones/Accessories", "A holster clip."),
    ):
        fresh_store.save_product(Product(sku=sku, name=name, name_zh=zh or None, category=cat,
                                         price=9.0, currency="USD", description=desc))
    assert fresh_store.named_outside(word, category) is expected


@pytest.mark.parametrize("broad", [False, True])
def test_cheapest_lists_the_filtered_rows_by_price(fresh_store, monkeypatch, broad):
    from shopguide.store import ranking

    if broad:  # the filter holds BROAD rows or more: the price index is walked instead
        monkeypatch.setattr(ranking, "BROAD", 5)
    prices = [50, 7, 33, 12, 90, 7.5, 21, 64]
    for i, price in enumerate(prices):
        fresh_store.save_product(Product(sku=f"J-{i}", name=f"Jacket {i}", category="Coats",
                                         price=price, currency="USD", brand="Nova" if i % 2 else "Peak"))
        fresh_store.save_product(Product(sku=f"H-{i}", name=f"Hat {i}", category="Hats",
                                         price=price / 10, currency="USD"))
    got = [p.price for p, _ in fresh_store.search_products(None, category="Coats", cheapest=True,
                                                           limit=4)]
    assert got == sorted(prices)[:4]
    nova = [p for p, _ in fresh_store.search_products(None, category="Coats", brand="Nova",
                                                      cheapest=True, limit=10)]
    assert [p.price for p in nova] == sorted(p for i, p in enumerate(prices) if i % 2)


def test_tied_keeps_few_rows_of_one_score_and_all_rows_the_index_tells_apart(fresh_store):
    for i in range(8):
        fresh_store.save_product(Product(sku=f"C-{i}", name=f"Plain cup {i}", category="Cups",
                                         price=5.0, currency="USD"))
    fresh_store.save_product(Product(sku="C-best", name="Ceramic travel cup", category="Cups",
                                     price=5.0, currency="USD", tags=("ceramic", "travel")))
    assert len(fresh_store.search_products(None, category="Cups", limit=50, tied=3)) == 3
    full = fresh_store.search_products("ceramic travel cup", limit=50)
    capped = fresh_store.search_products("ceramic travel cup", limit=50, tied=3)
    assert capped[0][0].sku == full[0][0].sku == "C-best"
    assert len(capped) == 1 + 3  # the best one, and 3 of the 8 plain cups that score alike


def test_the_words_said_first_are_asked_for_before_a_long_tail_of_synonyms():
    # The index is asked for so many terms only: a question's own Chinese words come
    # before the English synonyms of its topics, not after them.
    tail = " ".join(f"synonym{i}" for i in range(3 * fts_text._MAX_TERMS))
    terms = fts_text.query_terms("退款 到哪 " + tail)
    assert terms[:3] == ['"退款"', '"到哪"', '"synonym0"'] and len(terms) == fts_text._MAX_TERMS


def test_a_chinese_faq_row_is_found_behind_many_english_synonyms(catalog_store):
    many = " ".join(f"synonym{i}" for i in range(3 * fts_text._MAX_TERMS))
    found = catalog_store.search_faq(f"退货 {many}", limit=3)
    assert found and found[0][0].id == "returns"

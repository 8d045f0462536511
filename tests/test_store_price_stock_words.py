"""Price and stock filters as index words (schema v7).

A price range becomes an OR of price-bucket words and "in stock" one word, so these
filters are intersected inside the full-text index like category or brand. They must
select exactly what the plain comparison selects, to the cent, follow price and stock
changes, and the v6 -> v7 upgrade must keep a store whole if it fails or dies half-way.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from shopguide.store import connection, open_store, schema
from shopguide.store import text as fts_text
from shopguide.store.core import to_cents
from shopguide.store.models import Product
from tests.fixtures.store import open_dying_after

# Prices on and around the bucket edges (cents 1, 9999, 10000, 10001, …) and one far up.
PRICES = [0.01, 0.09, 0.1, 0.99, 1, 9.99, 10, 79.99, 80, 80.01, 99.99, 100, 100.01, 299,
          399.5, 459, 499.99, 500, 500.01, 999.99, 1000, 1234.56, 99999.99, 100000, 250000.5]
STOCKS = [None, 0, 3, 12]


def skus(results):
    return [p.sku for p, _ in results]


def _covers(lo: int, hi: int, cents: int) -> bool:
    words = set(fts_text.price_range_tokens(lo, hi) or [])
    return bool(words & set(fts_text.price_tokens(cents)))


def test_a_range_of_bucket_words_holds_exactly_its_prices():
    rng = random.Random(5)
    ranges = [(0, 50000), (30000, 60000), (2000, 6000), (0, 8000), (12345, 98765), (1, 1),
              (99, 101), (9999, 10001), (0, 10**7 - 1), (10**7, 3 * 10**7 + 5)]
    for _ in range(300):
        lo = rng.randrange(0, 10**8)
        ranges.append((lo, lo + rng.randrange(0, 10 ** rng.randrange(1, 9))))
    for lo, hi in ranges:
        probes = [*range(max(1, lo - 120), lo + 120), *range(max(1, hi - 120), hi + 120),
                  *(rng.randrange(1, 10**9) for _ in range(100))]
        for cents in probes:
            assert _covers(lo, hi, cents) == (lo <= cents <= hi), (lo, hi, cents)


def test_range_words_are_few_and_an_absurd_range_asks_for_a_row_check():
    assert len(fts_text.price_range_tokens(0, 50000)) == 6  # 0-499.99 in 5 words, then 500.00
    assert len(fts_text.price_range_tokens(30000, 60000)) == 4
    assert fts_text.price_range_tokens(5, 4) == []
    assert fts_text.price_range_tokens(1, 10**12) is None
    # every product has the same number of price words (bm25 sees row lengths)
    assert {len(fts_text.price_tokens(c)) for c in (1, 999, 10**9)} == {fts_text.PRICE_LEVELS}


@pytest.fixture
def priced_store(fresh_store):
    s = fresh_store
    s.set_settings(name="Prices", language="en", currency="USD")
    for i, price in enumerate(PRICES):
        s.save_product(Product(
            sku=f"P-{i:02d}", name=f"trail shoe {i}", category="Shoes/Trail", price=price,
            currency="USD", brand=("Nova", "Kinetix")[i % 2], stock=STOCKS[i % len(STOCKS)],
            colors=(("black",), ("red",), ())[i % 3]))
    return s


def _oracle(p: Product, min_price=None, max_price=None, in_stock=False, exclude_brand=None,
            exclude_color=None) -> bool:
    cents = to_cents(p.price)
    if min_price is not None and cents < to_cents(min_price):
        return False
    if max_price is not None and cents > to_cents(max_price):
        return False
    if in_stock and p.stock == 0:
        return False
    if exclude_brand and (p.brand or "").casefold() in {b.casefold() for b in exclude_brand}:
        return False
    return not (exclude_color and set(p.colors) & set(exclude_color))


@pytest.mark.parametrize("filters", [
    {"max_price": 80}, {"max_price": 80.01}, {"max_price": 79.99}, {"min_price": 100},
    {"min_price": 100.01, "max_price": 500}, {"min_price": 0.01, "max_price": 0.1},
    {"min_price": 0, "max_price": 1}, {"min_price": 500}, {"min_price": 250000.5},
    {"min_price": 250000.51}, {"max_price": 0}, {"min_price": 600, "max_price": 300},
    {"min_price": 0.01, "max_price": 10**9},  # too wide for the words: checked row by row
    {"in_stock": True}, {"in_stock": True, "max_price": 500},
    {"exclude_brand": ["nova"]}, {"exclude_color": ["black", "red"], "min_price": 10},
    {"exclude_brand": ["Kinetix"], "in_stock": True, "max_price": 1000},
])
@pytest.mark.parametrize("text", [None, "trail shoe", "shoe"])
def test_price_stock_and_exclusions_agree_with_a_plain_check(priced_store, filters, text):
    allowed = [p.sku for p in priced_store.all_products() if _oracle(p, **filters)]
    found = skus(priced_store.search_products(text, **filters, limit=1000))
    if text is None:
        assert found == allowed  # catalog order
    else:
        everything = skus(priced_store.search_products(text, limit=1000))
        assert found == [s for s in everything if s in allowed]  # same ranking, filtered


def test_category_filter_with_price_and_stock(priced_store):
    found = skus(priced_store.search_products(None, category="Trail", max_price=100,
                                              in_stock=True, limit=1000))
    assert found == [p.sku for p in priced_store.all_products()
                     if p.price <= 100 and p.stock != 0]
    assert priced_store.search_products("shoe", category="Road", max_price=100) == []


def test_the_index_follows_price_and_stock_changes(priced_store):
    p = priced_store.product("P-06")  # 10.00, stock 3
    assert "P-06" in skus(priced_store.search_products("shoe", max_price=10, in_stock=True,
                                                       limit=100))
    priced_store.save_product(replace(p, price=10.01, stock=0))
    assert "P-06" not in skus(priced_store.search_products("shoe", max_price=10, limit=100))
    assert "P-06" not in skus(priced_store.search_products(None, min_price=10.01,
                                                           in_stock=True, limit=100))
    assert "P-06" in skus(priced_store.search_products(None, min_price=10.01, max_price=10.01))
    with priced_store.transaction() as conn:  # a plain SQL update is followed too
        conn.execute("UPDATE products SET stock = 7, price_cents = 500 WHERE sku = 'P-06'")
    assert "P-06" in skus(priced_store.search_products("shoe", max_price=5, in_stock=True))
    priced_store.delete_product("P-06")
    assert "P-06" not in skus(priced_store.search_products("shoe", max_price=5))


# -- the v6 -> v7 upgrade ---------------------------------------------------------

def make_v6_store(path: Path) -> None:
    """A store as schema version 6 left it: three products, no price or stock words."""
    conn = connection.connect(path)
    connection.prepare(conn, path, target=6)
    assert connection.schema_version(conn) == 6
    stamp = "2026-01-01T00:00:00.000000+00:00"
    conn.executemany(
        "INSERT INTO products (sku, name, category, price_cents, currency, stock, updated) "
        "VALUES (?, ?, '鞋/跑鞋', ?, 'CNY', ?, ?)",
        [("RS-1", "云跃缓震跑鞋", 45900, 12, stamp), ("RS-2", "疾风稳定跑鞋", 39950, 0, stamp),
         ("RS-3", "轻羽竞速跑鞋", 89900, None, stamp)])
    conn.close()


def _state(path: Path) -> tuple:
    conn = sqlite3.connect(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        # The index's own words per row (read without our functions: a plain tool can read
        # them; from v9 the index keeps no copy of the text, only its words).
        conn.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, 'products_fts', "
                     "'instance')")
        words = conn.execute("SELECT doc, group_concat(term, ' ') FROM temp.words "
                             "WHERE col = 'facets' GROUP BY doc ORDER BY doc").fetchall()
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "ORDER BY name").fetchall()
        cur = conn.execute("SELECT * FROM products ORDER BY id")
        names = [d[0] for d in cur.description]
        # Without the change stamp, which v11 drops (nothing read it).
        rows = [{k: v for k, v in zip(names, r) if k != "updated"} for r in cur]
        return version, words, triggers, rows
    finally:
        conn.close()


def test_v6_store_is_upgraded_with_price_and_stock_words(tmp_path):
    path = tmp_path / "shop.sqlite"
    make_v6_store(path)
    before = _state(path)
    assert all(fts_text.STOCK_IN not in facets for _, facets in before[1])
    with open_store(path) as s:
        assert s.schema_version == schema.LATEST_VERSION  # v7 and everything after it
        assert skus(s.search_products("跑鞋", max_price=459, in_stock=True)) == ["RS-1"]
        assert skus(s.search_products(None, min_price=459.01)) == ["RS-3"]
        assert skus(s.search_products("跑鞋", in_stock=True, limit=10)) != []
        assert "RS-2" not in skus(s.search_products("跑鞋", in_stock=True, limit=10))
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after = _state(path)
    assert after[3] == before[3]  # the products themselves are untouched
    for _, facets in after[1]:
        assert sum(w.startswith("q") for w in facets.split()) > fts_text.PRICE_LEVELS


def test_a_failing_v7_step_leaves_the_v6_store_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "shop.sqlite"
    make_v6_store(path)
    before = _state(path)
    # Fails after the index was dropped and refilled.
    monkeypatch.setattr(schema, "V7", schema.V7 + "\nSELECT no_such_function();\n")
    with pytest.raises(sqlite3.OperationalError, match="no_such_function"):
        open_store(path)
    assert _state(path) == before
    monkeypatch.undo()
    with open_store(path) as s:
        assert s.schema_version == schema.LATEST_VERSION
        assert skus(s.search_products("跑鞋", max_price=400)) == ["RS-2"]


def test_a_crash_in_the_middle_of_the_v7_upgrade_leaves_the_v6_store(tmp_path):
    """The process dies (no rollback, no close) right after DROP TABLE products_fts."""
    path = tmp_path / "shop.sqlite"
    make_v6_store(path)
    before = _state(path)
    done = open_dying_after(path, "DROP TABLE products_fts")
    assert done.returncode == 70, done.stderr  # it really died mid-way
    assert _state(path) == before
    with open_store(path) as s:
        assert s.schema_version == schema.LATEST_VERSION
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert set(skus(s.search_products("跑鞋", in_stock=True, limit=10))) == {"RS-1", "RS-3"}


def test_ranked_search_with_price_and_stock_looks_up_no_row_per_candidate(priced_store):
    """Price, stock and exclusions are answered inside the index: the bm25 statement
    does not join products (that join cost ~1.6 us per candidate, ~30 ms at 1M)."""
    seen: list[str] = []
    priced_store.conn.set_trace_callback(seen.append)
    try:
        found = priced_store.search_products("trail shoe", min_price=10, max_price=500,
                                             in_stock=True, exclude_brand=["Nova"],
                                             exclude_color=["red"])
    finally:
        priced_store.conn.set_trace_callback(None)
    assert found
    ranked = [s for s in seen if "bm25(" in s]
    assert ranked and not any("JOIN products" in s or "product_values" in s for s in ranked)

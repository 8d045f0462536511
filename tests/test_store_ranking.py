"""Ranking stays right when a broad query matches more rows than ranking.CANDIDATE_CAP:
the rows holding every word are still ranked, wherever they sit in the catalog. The same
holds on the broad path (a phrase matching ranking.BROAD rows or more: no bm25), where
a rare word's rows also come before rows holding only common words."""

from __future__ import annotations

import pytest

from shopguide.guide.bench import build_store
from shopguide.store import ranking
from shopguide.store.models import Product


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    # Small cap, so a modest generated catalog already overflows it.
    cap = ranking.CANDIDATE_CAP
    ranking.CANDIDATE_CAP = 300
    store = build_store(tmp_path_factory.mktemp("rank") / "big.sqlite", 2400)
    # Saved last (highest id): beyond the first CANDIDATE_CAP rows of any broad match.
    store.save_product(Product(sku="BEST-1", name="防水缓震登山鞋 专业款", category="鞋/登山鞋",
                               price=699, currency="CNY", tags=("防水", "缓震"),
                               description="防水又缓震的登山鞋"))
    yield store
    store.close()
    ranking.CANDIDATE_CAP = cap


@pytest.fixture(params=["capped bm25", "broad"])
def path(request, monkeypatch):
    """Each test below runs on both paths: capped bm25, and the broad one (no bm25)."""
    from shopguide.store import ranking

    monkeypatch.setattr(ranking, "BROAD", 10**9 if request.param == "capped bm25" else 300)
    used = []
    real = ranking._broad
    monkeypatch.setattr(ranking, "_broad", lambda *a: used.append(1) or real(*a))
    yield request.param
    assert bool(used) == (request.param == "broad")  # the path under test was the one taken


def test_broad_words_overflow_the_cap(big_store):
    # The premise of the tests below: each word alone matches more rows than the cap.
    for word in ("防水", "缓震", "登山"):
        n = big_store.conn.execute("SELECT count(*) FROM products_fts WHERE products_fts MATCH ?",
                                   (f'"{word}"',)).fetchone()[0]
        assert n > ranking.CANDIDATE_CAP


def test_the_row_with_every_word_ranks_first_despite_the_cap(big_store, path):
    results = big_store.search_products("防水缓震登山鞋", limit=10)
    assert results[0][0].sku == "BEST-1"
    assert [s for _, s in results] == sorted((s for _, s in results), reverse=True)


def test_rows_with_every_word_rank_before_rows_with_some(big_store, path):
    results = big_store.search_products("waterproof cushioned hiking boot", limit=20)
    words = ("waterproof", "cushioned", "hiking", "boot")
    has_all = ["all" if all(w in (p.description or "").casefold() for w in words) else "some"
               for p, _ in results]
    assert "all" in has_all
    # every all-words row comes before the first row missing a word
    assert "some" not in has_all[: has_all.count("all")]


def test_filters_still_apply_under_the_cap(big_store, path):
    results = big_store.search_products("防水缓震登山鞋", max_price=500, limit=10)
    assert results and all(p.price <= 500 for p, _ in results)
    assert "BEST-1" not in {p.sku for p, _ in results}


def test_a_rare_words_rows_come_before_rows_of_common_words_only(big_store, monkeypatch):
    # The broad path only: capped bm25 ranks the first CANDIDATE_CAP rows of any word and
    # the rows of every word, so a rare word's row beyond the cap is lost there.
    from shopguide.store import ranking
    from shopguide.store.models import Product

    monkeypatch.setattr(ranking, "BROAD", 300)
    # "trekking" is in no generated row; its one row sits last in the catalog.
    big_store.save_product(Product(sku="RARE-1", name="Trekking pole", category="装备/登山杖",
                                   price=99, currency="CNY"))
    try:
        results = big_store.search_products("trekking waterproof hiking", limit=5)
        assert results[0][0].sku == "RARE-1", [p.sku for p, _ in results]
    finally:
        big_store.delete_product("RARE-1")

"""The words' row counts (IDF weights) and the Latin words (typo repair) kept with the index's
stamp (store/word_stats.py) give what counting the index live gives, before and after the
catalog changes."""

from __future__ import annotations

import pytest

from shopguide.store import word_stats
from shopguide.store.models import FaqEntry, Product

WORDS = ["kettl", "steel", "glass", "水壶", "zzz"]


def _live(store, words):
    store._vocab_tables()
    out = {}
    for w in words:
        n = 0
        for table in ("temp.products_vocab", "temp.faq_vocab"):
            row = store.conn.execute(f"SELECT doc FROM {table} WHERE term = ?", (w,)).fetchone()
            n += row[0] if row else 0
        out[w] = n
    return out


@pytest.fixture
def store(fresh_store, monkeypatch):
    monkeypatch.setattr(word_stats, "COMMON", 3)  # "kettl" and "steel" are common here
    for i in range(6):
        fresh_store.save_product(Product(f"K-{i}", f"Steel kettle {i}", "Kitchen/Kettles", 20.0 + i,
                                         "USD", description="Brushed steel." if i < 4 else "Glass."))
    fresh_store.save_product(Product("P-1", "玻璃水壶", "厨房/水壶", 59.0, "CNY"))
    fresh_store.save_faq(FaqEntry("care", "How do I clean a steel kettle?", "Vinegar and water."))
    return fresh_store


def test_kept_counts_are_the_live_counts(store) -> None:
    store.keep_word_stats()
    assert store._kept_stats() is not None and "kettl" in store._kept_stats()["common"]
    total, counts = store.doc_counts(WORDS)
    assert counts == _live(store, WORDS) and total == 8
    assert counts["kettl"] == 7 and counts["zzz"] == 0


def test_a_catalog_change_is_counted_live_until_kept_again(store) -> None:
    store.keep_word_stats()
    store.save_product(Product("K-9", "Copper kettle", "Kitchen/Kettles", 80.0, "USD"))
    assert store._kept_stats() is None  # the stamp moved: the kept counts are not used
    assert store.doc_counts(WORDS)[1] == _live(store, WORDS)
    assert store.doc_counts(["kettl"])[1]["kettl"] == 8


def test_latin_words_are_the_same_kept_or_scanned(store) -> None:
    scanned = store.latin_words()  # no kept counts yet: scans, and keeps them
    assert store._kept_stats() is not None
    assert store.latin_words() == scanned
    assert scanned[0] == "kettl" and "水壶" not in scanned and "vinegar" in scanned


def test_an_import_keeps_the_counts(fresh_store, tmp_path) -> None:
    from shopguide.store.importer import import_path

    (tmp_path / "products.csv").write_text(
        "sku,name,category,price\nA-1,Red kettle,Kettles,10\nA-2,Blue kettle,Kettles,12\n",
        encoding="utf-8")
    import_path(fresh_store, tmp_path)
    kept = fresh_store._kept_stats()
    assert kept is not None and kept["latin"].get("kettl") == 2

"""The catalog's distinct values are kept in the store with the index's stamp: a new
connection reads them instead of scanning every product, a change to a product's words makes
them rebuilt, and they are neither settings nor shown by db info."""

from __future__ import annotations

import pytest

from shopguide.store import open_store
from shopguide.store.models import Product


def _p(sku: str, tags: tuple[str, ...], brand: str = "Nova") -> Product:
    return Product(sku, f"Shoe {sku}", "Shoes/Running", 59.0, "USD", brand, 3, "A1", ("42",),
                   ("Black",), tags, "")


def test_a_new_connection_reads_the_kept_vocabulary(tmp_path, monkeypatch):
    path = tmp_path / "s.sqlite"
    with open_store(path) as store:
        store.save_product(_p("S1", ("trail",)))
        built = store.vocabulary()
    with open_store(path) as again:
        monkeypatch.setattr(type(again), "_build_vocabulary",
                            lambda self: pytest.fail("rebuilt although nothing changed"))
        assert again.vocabulary() == built
        assert "catalog_vocabulary" not in again.settings().__dict__


def test_a_change_to_a_product_rebuilds_it(tmp_path):
    path = tmp_path / "s.sqlite"
    with open_store(path) as store:
        store.save_product(_p("S1", ("trail",)))
        assert store.vocabulary().tags == ("trail",)
    with open_store(path) as other:  # another process's import
        other.save_product(_p("S2", ("road",), brand="Kinetix"))
    with open_store(path) as store:
        v = store.vocabulary()
        assert set(v.tags) == {"trail", "road"} and "Kinetix" in v.brands


def test_import_keeps_it_and_db_info_does_not_show_it(tmp_path):
    from shopguide.store.importer import import_path
    from shopguide.store.maintenance import info

    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "products.csv").write_text("sku,name,category,price,tags\nA1,Tent,Camp/Tents,99,"
                                         "lightweight\n", encoding="utf-8")
    path = tmp_path / "s.sqlite"
    with open_store(path) as store:
        import_path(store, folder)
        kept = store.conn.execute("SELECT value FROM settings WHERE key = "
                                  "'catalog_vocabulary'").fetchone()
        assert kept and "lightweight" in kept[0]
    assert not any(k.startswith("catalog_") for k in info(path).get("settings", {}))


def test_an_import_into_an_empty_store_keeps_what_a_scan_would_find(tmp_path):
    from shopguide.store.importer import import_path

    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "products.csv").write_text(
        "sku,name,category,price,brand,sizes,colors,tags\n"
        "A1,Tent,Camp/Tents,99,Peak,2P;3P,Green,lightweight;backpacking\n"
        "A2,Stove,Camp/Cooking,39,,,,\n"
        "A3,Boot,Shoes/Hiking,120,peak,42;43,Brown;green,waterproof\n", encoding="utf-8")
    with open_store(tmp_path / "s.sqlite") as store:
        import_path(store, folder)
        kept = store.vocabulary()
        assert kept == store._build_vocabulary()  # the same values a scan reads back

"""Schema v11: product rows without a change stamp and with compact JSON lists, migrated
in place without touching the index's words."""

from __future__ import annotations

from pathlib import Path

from shopguide.store import connection, open_store, schema
from shopguide.store.importer import import_path


def _v10_store(path: Path) -> None:
    conn = connection.connect(path)
    connection.prepare(conn, path, target=10)
    stamp = "2026-12-01T10:00:00.000000+00:00"
    conn.execute(
        "INSERT INTO products (sku, name, category, price_cents, currency, sizes, colors, tags,"
        " extra, updated) VALUES ('RS-1', '云跃缓震跑鞋', '鞋/跑鞋', 45900, 'CNY', "
        "'[\"40\", \"41\"]', '[\"红色\", \"蓝色\"]', '[\"缓震\"]', '{\"fit\": \"wide\"}', ?)",
        (stamp,))
    conn.commit()
    conn.close()


def _columns(store, table: str) -> list[str]:
    return [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")]


def test_a_v10_store_loses_the_stamp_and_keeps_its_lists_and_words(tmp_path: Path) -> None:
    path = tmp_path / "v10.sqlite"
    _v10_store(path)
    with open_store(path) as store:
        assert store.schema_version == schema.LATEST_VERSION >= 11
        assert "updated" not in _columns(store, "products")
        assert "updated" in _columns(store, "faq")  # policies keep theirs
        row = dict(store.query("SELECT sizes, colors, extra FROM products")[0])
        assert row == {"sizes": '["40","41"]', "colors": '["红色","蓝色"]',
                       "extra": '{"fit":"wide"}'}
        p = store.product("RS-1")
        assert p.sizes == ("40", "41") and p.extra == {"fit": "wide"}
        assert [x.sku for x, _ in store.search_products("跑鞋", color="蓝色")] == ["RS-1"]
        # The index trigger set aside during the rewrite is back: a change re-indexes.
        store.conn.execute("UPDATE products SET colors = '[\"黑色\"]' WHERE sku = 'RS-1'")
        assert store.search_products("跑鞋", color="蓝色") == []
        assert [x.sku for x, _ in store.search_products("跑鞋", color="黑色")] == ["RS-1"]
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _imported_as_v10(path: Path, folder: Path, *spaced: str) -> None:
    """Import ``folder`` into a new store at ``path``, then leave it as a v10 import would
    have: the ``spaced`` updates (lists with spaces after the separators), the version and
    the products' ``updated`` column back."""
    with open_store(path) as store:
        import_path(store, folder)
        for sql in spaced:
            store.conn.execute(sql)
        store.conn.execute("PRAGMA user_version = 10")
        store.conn.execute("ALTER TABLE products ADD COLUMN updated TEXT")
        store.conn.commit()


def test_reimporting_a_catalog_after_the_upgrade_finds_nothing_changed(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "products.csv").write_text(
        "sku,name,category,price,sizes,colors,tags\n"
        "RS-1,云跃缓震跑鞋,鞋/跑鞋,459,40;41,红色;蓝色,缓震;轻量\n", encoding="utf-8")
    path = tmp_path / "s.sqlite"
    _imported_as_v10(path, folder, "UPDATE products SET sizes = '[\"40\", \"41\"]', "
                                   "tags = '[\"缓震\", \"轻量\"]'")
    with open_store(path) as store:
        assert store.schema_version == schema.LATEST_VERSION
        report = import_path(store, folder)
        assert "products: 0 added, 0 updated, 1 unchanged" in report.lines()


def test_customers_and_synonyms_reimport_unchanged_after_the_upgrade(tmp_path: Path) -> None:
    """v10 wrote every list with spaces; v11 compacts customers' and synonyms' lists too, so
    an unchanged re-import updates (and re-stamps) nothing."""
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "products.csv").write_text("sku,name,category,price\nRS-1,跑鞋,鞋/跑鞋,459\n",
                                         encoding="utf-8")
    (folder / "customers.csv").write_text(
        "id,name,tags,brands\nC1,王芳,vip;runner,云跃;诺瓦\n", encoding="utf-8")
    (folder / "synonyms.csv").write_text("term,means,lang\n运动鞋,跑鞋;鞋,zh\n", encoding="utf-8")
    path = tmp_path / "s.sqlite"
    _imported_as_v10(path, folder,
                     "UPDATE customers SET tags = '[\"vip\", \"runner\"]', "
                     "brands = '[\"云跃\", \"诺瓦\"]'",
                     "UPDATE synonyms SET means = '[\"跑鞋\", \"鞋\"]'")
    with open_store(path) as store:
        stamp = store.conn.execute("SELECT updated FROM customers").fetchone()[0]
    with open_store(path) as store:
        lines = import_path(store, folder).lines()
        assert "customers: 0 added, 0 updated, 1 unchanged" in lines, lines
        assert "synonyms: 0 added, 0 updated, 1 unchanged" in lines, lines
        assert store.conn.execute("SELECT updated FROM customers").fetchone()[0] == stamp
        # A customer saved through the API is written the same way: still unchanged.
        store.save_customer(store.customer("C1"))
        assert "customers: 0 added, 0 updated, 1 unchanged" in import_path(store, folder).lines()

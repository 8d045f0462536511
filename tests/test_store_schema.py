"""Opening stores: a new one, an old one (migrated), a newer one (refused), a foreign file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from shopguide.store import SchemaTooNewError, StoreError, connection, open_store, schema
from shopguide.store.models import Customer


def make_v1_store(path: Path) -> None:
    """A store exactly as schema version 1 left it, with some data in it."""
    conn = connection.connect(path)
    connection.prepare(conn, path, target=1)
    assert connection.schema_version(conn) == 1
    stamp = "2025-01-01T00:00:00+00:00"
    conn.execute("INSERT INTO customers (id, name, phone, consent_marketing, created, updated) "
                 "VALUES ('c1', '王芳', '13812345678', 1, ?, ?)", (stamp, stamp))
    conn.execute("INSERT INTO customers (id, name, created, updated) "
                 "VALUES ('c2', 'John Smith', ?, ?)", (stamp, stamp))
    conn.execute("INSERT INTO notes (customer_id, text, created, updated) "
                 "VALUES ('c1', '扁平足', ?, ?)", (stamp, stamp))
    conn.execute("INSERT INTO products (sku, name, category, price_cents, currency, colors, "
                 "updated) VALUES ('RS-1', '云跃缓震跑鞋', '鞋/跑鞋', 45900, 'CNY', ?, ?)",
                 ('["红色"]', stamp))
    conn.execute("INSERT INTO conversations (customer_id, started) VALUES ('c1', ?)", (stamp,))
    conn.execute("INSERT INTO messages (conversation_id, role, text, created) "
                 "VALUES (1, 'user', '你好', ?)", (stamp,))
    conn.close()


def test_new_store_is_latest_version_in_wal_with_foreign_keys(tmp_path):
    with open_store(tmp_path / "new.sqlite") as store:
        assert store.schema_version == schema.LATEST_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master "
                                                   "WHERE type = 'table'")}
        assert set(schema.TABLES) <= tables


def test_v1_store_is_migrated_keeping_its_data(tmp_path):
    path = tmp_path / "old.sqlite"
    make_v1_store(path)
    assert [r[0] for r in sqlite3.connect(path).execute(
        "SELECT rowid FROM products_fts WHERE products_fts MATCH '\"红色\"'")] == []
    with open_store(path) as store:
        assert store.schema_version == schema.LATEST_VERSION == 11
        # v7 put price and stock into the index (RS-1: 459.00, stock unknown)
        assert [p.sku for p, _ in store.search_products("跑鞋", max_price=459, in_stock=True)
                ] == ["RS-1"]
        assert store.search_products("跑鞋", max_price=458.99) == []
        # v3 made colors searchable and rebuilt the product index
        assert [p.sku for p, _ in store.search_products("红色")] == ["RS-1"]
        # v4 put the filters into the index
        assert [p.sku for p, _ in store.search_products("跑鞋", category="鞋", color="红色")
                ] == ["RS-1"]
        assert store.search_products("跑鞋", color="白色") == []
        # v2 moved the consent flag into a consent history ...
        wang = store.customer("c1")
        assert wang is not None and wang.consent_marketing is True
        [consent] = store.consents("c1")
        assert (consent.purpose, consent.granted, consent.source) == ("marketing", True,
                                                                       "migration")
        assert store.customer("c2").consent_marketing is False
        columns = {r[1] for r in store.conn.execute("PRAGMA table_info(customers)")}
        assert "consent_marketing" not in columns
        # ... indexed existing customers for search, and kept everything else.
        assert [c.id for c in store.search_customers("5678")] == ["c1"]
        assert [c.id for c in store.search_customers("smith")] == ["c2"]
        assert [n.text for n in store.notes("c1")] == ["扁平足"]
        assert [p.sku for p, _ in store.search_products("跑鞋")] == ["RS-1"]
        assert store.messages(1)[0].text == "你好" and store.messages(1)[0].meta is None
        store.add_message(1, "assistant", "hi", meta={"grounded": True})
        assert store.messages(1)[1].meta == {"grounded": True}
    backup = tmp_path / "old.v1-backup.sqlite"
    assert backup.exists(), "a store is backed up before it is migrated"
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_store_from_newer_version_is_refused_and_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 3}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError) as info:
        open_store(path)
    message = str(info.value)
    assert "newer ShopGuide" in message and f"version {schema.LATEST_VERSION + 3}" in message
    assert "Update ShopGuide" in message
    assert path.read_bytes() == before


def test_foreign_sqlite_file_and_garbage_are_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.close()
    with pytest.raises(StoreError, match="not a ShopGuide store"):
        open_store(other)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="not a ShopGuide store or damaged"):
        open_store(junk)
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing.sqlite", create=False)


def test_every_migration_step_is_transactional(tmp_path, monkeypatch):
    """A step that fails half-way leaves the store at the version it had."""
    path = tmp_path / "old.sqlite"
    make_v1_store(path)

    def broken(conn):
        conn.execute("CREATE TABLE consents (id INTEGER)")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(schema, "MIGRATIONS", [schema.MIGRATIONS[0], broken])
    with pytest.raises(RuntimeError):
        open_store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'consents'"
                        ).fetchone()[0] == 0
    conn.close()


def test_settings_defaults_and_validation(fresh_store):
    assert fresh_store.settings().currency == "USD"
    s = fresh_store.set_settings(name="Nova", language="zh")
    assert (s.name, s.language, s.currency) == ("Nova", "zh", "CNY")
    assert fresh_store.set_settings(currency="eur").currency == "EUR"
    with pytest.raises(StoreError, match="3-letter"):
        fresh_store.set_settings(currency="EURO")
    with pytest.raises(StoreError, match="'zh' or 'en'"):
        fresh_store.set_settings(language="fr")


def test_delete_customer_cascades_but_keeps_anonymous_purchases(fresh_store):
    s = fresh_store
    c = s.save_customer(Customer(id="", name="王芳", phone="13812345678",
                                 consent_marketing=True))
    s.add_note(c.id, "note")
    s.add_followup(c.id, "2030-01-01", "call")
    s.add_purchase(c.id, "RS-1", 1, 459, "2025-01-02")
    s.add_consent(c.id, "history", True, source="counter")  # linking needs it
    conv = s.start_conversation(c.id)
    s.add_message(conv, "user", "hello")
    assert s.delete_customer(c.id)
    counts = s.counts()
    for table in ("customers", "notes", "followups", "consents", "conversations", "messages"):
        assert counts[table] == 0, table
    assert s.conn.execute("SELECT customer_id, sku FROM purchases").fetchall() == [(None, "RS-1")]
    assert s.search_customers("5678") == [] and s.count_customers("王芳") == 0


def test_nested_transactions_roll_back_only_the_inner_part(fresh_store):
    s = fresh_store
    with s.transaction():
        s.save_customer(Customer(id="a", name="A"))
        with pytest.raises(ValueError), s.transaction():
            s.add_note("a", "inner")
            raise ValueError("inner fails")
        s.add_note("a", "kept")
    assert [n.text for n in s.notes("a")] == ["kept"]
    with pytest.raises(ValueError), s.transaction():
        s.add_note("a", "outer")
        raise ValueError("outer fails")
    assert [n.text for n in s.notes("a")] == ["kept"]


def test_the_product_index_keeps_no_copy_and_follows_updates_and_deletes(tmp_path):
    from shopguide.store.models import Product

    def skus(store, text):
        return [p.sku for p, _ in store.search_products(text)]

    with open_store(tmp_path / "s.sqlite") as store:
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert "products_fts_content" not in names  # v9: words only, no second copy
        store.save_product(Product("RS-1", "云跃缓震跑鞋", "鞋/跑鞋", 459, "CNY", "云跃", 3, "A1",
                                   (), ("红色",), ("缓震",), "适合长跑。"))
        store.save_product(Product("RS-2", "Trail Runner", "鞋/跑鞋", 399, "CNY", None, 0, "A2",
                                   (), (), (), "Grippy soles."))
        assert skus(store, "缓震") == ["RS-1"] and skus(store, "grippy") == ["RS-2"]
        # An update: the old words go (the triggers hand FTS5 the old row's values), the
        # new ones find it.
        store.save_product(Product("RS-1", "云跃轻量跑鞋", "鞋/跑鞋", 459, "CNY", "云跃", 3, "A1",
                                   (), ("蓝色",), ("轻量",), "适合比赛。"))
        assert skus(store, "缓震") == [] and skus(store, "轻量") == ["RS-1"]
        assert skus(store, "红色") == [] and skus(store, "蓝色") == ["RS-1"]
        store.delete_product("RS-2")
        assert skus(store, "grippy") == [] and skus(store, "跑鞋") == ["RS-1"]
        store.conn.execute("INSERT INTO products_fts (products_fts) VALUES ('integrity-check')")
        store.conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'products_fts', "
                           "'row')")
        gone = store.conn.execute("SELECT count(*) FROM temp.v WHERE term IN ('缓震', 'grippy')")
        assert gone.fetchone()[0] == 0  # no stale words left behind for a later row to match

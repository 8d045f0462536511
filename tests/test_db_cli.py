"""The store commands: import, export, db info|check|backup, and which store they use."""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import pytest

from shopguide import config
from shopguide.cli import main
from shopguide.store import StoreError, open_store, schema
from shopguide.store.location import open_from_args, resolve_store_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_import_export_and_info(capsys, tmp_path, shop_folder):
    db = str(tmp_path / "s.sqlite")
    rc, out, _ = run(capsys, "--store", db, "import", str(shop_folder))
    assert rc == 0
    assert "products: 5 added, 0 updated, 0 unchanged" in out
    assert "customers: 2 added" in out
    rc, out, _ = run(capsys, "--store", db, "import", str(shop_folder))
    assert "products: 0 added, 0 updated, 5 unchanged" in out
    rc, out, _ = run(capsys, "--store", db, "export", str(tmp_path / "out"))
    assert rc == 0 and "products.csv: 5 rows" in out
    assert (tmp_path / "out" / "customers.csv").read_bytes().startswith(b"\xef\xbb\xbfid,name")
    rc, out, _ = run(capsys, "--store", db, "db", "info", "--json")
    data = json.loads(out)
    assert data["counts"]["products"] == 5 and data["settings"]["name"] == "Nova Sports"
    assert data["schema_version"] == schema.LATEST_VERSION and data["size_bytes"] > 0
    rc, out, _ = run(capsys, "--store", db, "db", "info")
    assert "Nova Sports" in out and "products" in out and f"version {schema.LATEST_VERSION}" in out


def test_failed_import_exits_1_with_located_problems(capsys, tmp_path, write_store_files):
    folder = write_store_files("bad", {"products.csv": "sku,name,category,price\nA,B,C,x\n"})
    db = tmp_path / "s.sqlite"
    rc, out, err = run(capsys, "--store", str(db), "import", str(folder))
    assert rc == 1 and out == ""
    assert "products.csv, row 2, column 'price'" in err and "nothing was changed" in err
    with open_store(db) as store:
        assert store.count_products() == 0


def test_import_check_changes_nothing(capsys, tmp_path, shop_folder, store_dump):
    db = tmp_path / "s.sqlite"
    open_store(db).close()
    before = store_dump(db)
    rc, out, _ = run(capsys, "--store", str(db), "import", "--check", str(shop_folder))
    assert rc == 0 and "products: 5 added" in out and "nothing was changed" in out
    assert store_dump(db) == before


def test_import_single_file_with_another_name(capsys, tmp_path, write_store_files):
    folder = write_store_files("one", {"catalog.csv": "SKU,Name,Category,Price\nA-1,B,C,9\n"})
    rc, out, _ = run(capsys, "--store", str(tmp_path / "s.sqlite"), "import",
                     str(folder / "catalog.csv"))
    assert rc == 0 and "products: 1 added" in out


def test_db_check_passes_on_a_good_store(capsys, tmp_path, shop_folder):
    db = tmp_path / "s.sqlite"
    with open_store(db) as store:
        from shopguide.store.importer import import_path
        import_path(store, shop_folder)
    rc, out, _ = run(capsys, "db", "check", str(db))
    assert rc == 0 and "integrity check" in out and "store OK" in out
    assert "search index products_fts" in out


def test_db_check_fails_on_a_damaged_store(capsys, tmp_path):
    db = tmp_path / "s.sqlite"
    with open_store(db) as store:
        with store.transaction() as conn:
            conn.executemany("INSERT INTO faq (id, question, answer, updated) VALUES (?,?,?,'')",
                             [(f"q{i}", "question " * 50, "answer " * 200) for i in range(300)])
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(page * 5, page * 9, 7):  # scribble over a few b-tree pages
        data[offset] = 0xA5
    db.write_bytes(bytes(data))
    rc, out, _ = run(capsys, "db", "check", str(db))
    assert rc == 1 and "FAIL" in out and "store has problems" in out


def test_db_check_fails_on_a_newer_schema(capsys, tmp_path):
    db = tmp_path / "s.sqlite"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    conn.close()
    rc, out, _ = run(capsys, "db", "check", str(db))
    assert rc == 1 and "newer than this ShopGuide" in out


def test_db_backup_default_and_explicit(capsys, tmp_path):
    db = tmp_path / "s.sqlite"
    with open_store(db) as store:
        store.set_settings(name="Backed Up")
    rc, out, _ = run(capsys, "--store", str(db), "db", "backup", str(tmp_path / "b.sqlite"))
    assert rc == 0 and "backup written" in out
    with open_store(tmp_path / "b.sqlite") as copy:
        assert copy.settings().name == "Backed Up"
    rc, out, _ = run(capsys, "--store", str(db), "db", "backup")
    assert rc == 0
    [made] = (tmp_path / "backups").glob("s-*.sqlite")
    assert str(made) in out
    rc, _, err = run(capsys, "--store", str(db), "db", "backup", str(db))
    assert rc == 1 and "must not overwrite the store" in err


def test_commands_on_a_missing_store_say_so(capsys, tmp_path):
    rc, _, err = run(capsys, "db", "info", str(tmp_path / "nope.sqlite"))
    assert rc == 1 and "no store here" in err
    rc, _, err = run(capsys, "--store", str(tmp_path / "nope.sqlite"), "export", str(tmp_path))
    assert rc == 1 and "no store here" in err


def ns(**kw) -> argparse.Namespace:
    return argparse.Namespace(**{"store": None, "demo": False, **kw})


def test_store_location_order(tmp_path, monkeypatch):
    assert resolve_store_path(ns()) == config.user_data_dir() / "store.sqlite"
    monkeypatch.setenv("SHOPGUIDE_STORE", str(tmp_path / "env.sqlite"))
    assert resolve_store_path(ns()) == tmp_path / "env.sqlite"
    assert resolve_store_path(ns(store=str(tmp_path / "flag.sqlite"))) == tmp_path / "flag.sqlite"
    with pytest.raises(StoreError, match="either --store or --demo"):
        resolve_store_path(ns(store="x.sqlite", demo=True))
    with open_from_args(ns()) as store:  # created on first use
        assert store.path == tmp_path / "env.sqlite" and store.path.exists()


def test_demo_gives_a_fresh_copy_each_time(tmp_path):
    args = ns(demo=True)
    first = resolve_store_path(args)
    assert resolve_store_path(args) == first  # the same args: the same copy
    with open_from_args(args) as store:
        store.set_settings(name="changed by a visitor")
    second = resolve_store_path(ns(demo=True))
    assert second != first
    with open_store(second) as store:
        assert store.settings().name != "changed by a visitor"


def test_demo_store_smoke():
    """The bundled demo store imports and answers the founding questions."""
    demo = config.demo_store_dir()
    if not (demo / "products.csv").exists():
        pytest.skip("resources/demo/products.csv is not there yet")
    with open_from_args(ns(demo=True)) as store:
        assert store.count_products() >= 150
        assert len(store.vocabulary().categories) >= 12
        assert store.search_products("运动鞋") or store.search_products("跑鞋")
        top = store.search_faq("如何选择合适的棉衣？")[0][0]
        assert "棉衣" in top.question + " ".join(top.alternates)
        assert store.search_faq("有哪些方法可以降低购物车里的商品价格？")
        assert store.settings().language == "zh"


def test_second_shop_in_tests_data_imports(capsys, tmp_path):
    """A store folder written by hand, not by these tests: an English kitchen shop."""
    folder = Path(__file__).parent / "data" / "kitchen_basic"
    db = tmp_path / "hk.sqlite"
    rc, out, err = run(capsys, "--store", str(db), "import", str(folder))
    assert rc == 0, err
    with open_store(db) as store:
        assert store.settings().currency == "USD" and store.settings().language == "en"
        assert store.count_products() >= 15 and store.count_faq() >= 6
        kettles = [p.sku for p, _ in store.search_products("kettles")]
        assert set(kettles) == {"HK-KT-01", "HK-KT-02"}
        assert store.search_products(None, category="Cookware")
        assert store.search_faq("return policy")[0][0].id == "returns"
        assert store.count_customers() >= 4
    rc, out, _ = run(capsys, "db", "check", str(db))
    assert rc == 0 and "store OK" in out


@pytest.mark.parametrize("name", ["home_kitchen", "kitchen_basic"])
def test_store_folders_in_tests_data_import_completely(capsys, tmp_path, name):
    """Every row of the hand-written shops arrives: counts match the files' rows."""
    import csv

    folder = Path(__file__).parent / "data" / name
    if not (folder / "products.csv").exists():
        pytest.skip(f"tests/data/{name} is not there")
    db = tmp_path / "shop.sqlite"
    rc, out, err = run(capsys, "--store", str(db), "import", str(folder))
    assert rc == 0, err
    with open_store(db) as store:
        counts = store.counts()
        for table in ("products", "faq", "customers", "purchases", "followups"):
            path = folder / f"{table}.csv"
            if path.exists():
                with path.open(encoding="utf-8-sig", newline="") as fh:
                    rows = [r for r in csv.reader(fh) if any(c.strip() for c in r)]
                assert counts[table] == len(rows) - 1, table
    rc, out, _ = run(capsys, "db", "check", str(db))
    assert rc == 0, out


def test_threads_resolving_the_same_demo_args_share_one_copy():
    import threading

    args = ns(demo=True)
    paths: list[Path] = []
    threads = [threading.Thread(target=lambda: paths.append(resolve_store_path(args)))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(paths) == 4 and len(set(paths)) == 1


def test_demo_without_demo_files_is_an_empty_store(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPGUIDE_RESOURCES", str(tmp_path / "no-resources"))
    with open_from_args(ns(demo=True)) as store:
        assert store.count_products() == 0
        assert store.settings().language == "zh" and store.settings().currency == "CNY"


def test_db_info_and_check_leave_an_old_store_as_it_is(capsys, tmp_path):
    from tests.test_store_schema import make_v1_store

    db = tmp_path / "old.sqlite"
    make_v1_store(db)
    rc, out, _ = run(capsys, "db", "info", "--json", str(db))
    data = json.loads(out)
    assert rc == 0 and data["schema_version"] == 1 and data["counts"]["customers"] == 2
    rc, out, _ = run(capsys, "db", "check", str(db))
    assert rc == 0 and "schema version 1 (will be upgraded" in out
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    assert not (tmp_path / "old.v1-backup.sqlite").exists()

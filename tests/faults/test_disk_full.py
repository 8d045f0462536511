"""Fault class: a full disk. Import and backup say "disk full" with the path, change nothing
and leave no half-written file."""

from __future__ import annotations

import os
import sqlite3

import pytest

from shopguide.cli import main
from shopguide.store import open_store
from shopguide.store import maintenance
from shopguide.store.errors import DiskFull
from shopguide.store.models import Product


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as s:
        s.set_settings(name="Shop", language="zh", currency="CNY")
        s.save_product(Product("A-1", "好鞋", "鞋", 99, "CNY"))
    return path


def test_an_import_that_fills_the_disk_changes_nothing(store_path, tmp_path):
    from shopguide.store.importer import import_path

    csv = tmp_path / "products.csv"
    rows = "".join(f"B-{i},鞋{i},鞋,{i + 1},{'很好的鞋。' * 40}\n" for i in range(400))
    csv.write_text("sku,name,category,price,description\n" + rows, encoding="utf-8")
    with open_store(store_path) as s:
        pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
        s.conn.execute(f"PRAGMA max_page_count = {pages + 5}")  # the disk fills after 5 pages
        with pytest.raises(DiskFull, match="disk full") as err:
            import_path(s, csv)
        assert str(store_path) in str(err.value)
        assert s.count_products() == 1


def test_a_backup_onto_a_full_disk_leaves_no_part_file(store_path, tmp_path, monkeypatch, capsys):
    real = sqlite3.connect

    def full_disk(target, *a, **k):
        conn = real(target, *a, **k)
        if str(target).endswith(".part"):
            conn.execute("PRAGMA max_page_count = 1")
        return conn

    monkeypatch.setattr(maintenance.sqlite3, "connect", full_disk)
    dest = tmp_path / "out" / "copy.db"
    rc = main(["--store", str(store_path), "db", "backup", str(dest)])
    err = capsys.readouterr().err
    assert rc == 1 and "disk full" in err and str(dest) in err and "Traceback" not in err
    assert not os.listdir(dest.parent)

"""Fault class: damaged, unreadable, empty, read-only or newer store files. Each gets a clear
one-line message from the one place that opens store files, a non-zero exit, and the file
is left as it was."""

from __future__ import annotations

import os

import pytest

from shopguide.cli import main
from shopguide.store import connection, open_store
from shopguide.store.errors import StoreReadOnly
from shopguide.store.models import Product


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.db"
    with open_store(path) as s:
        s.set_settings(name="Shop", language="zh", currency="CNY")
        for i in range(300):
            s.save_product(Product(f"A-{i}", f"好鞋{i}号", "鞋/跑鞋", 99 + i, "CNY", description="舒适耐穿。" * 20))
        # No free pages (the schema's migrations leave some): the damage below then lands on
        # pages in use, wherever a new schema version moves them.
        s.conn.execute("VACUUM")
    return path


def _run(capsys, *argv):
    rc = main([*argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return rc, out.out, out.err


def _damage(path):
    """Garbage over three pages in the middle: the file still opens, its check fails. The
    same garbage every run (random bytes made the failure take different paths)."""
    size, page = path.stat().st_size, 4096
    junk = bytes((i * 37 + 11) % 256 for i in range(500))
    with path.open("r+b") as fh:
        for n in range(size // page // 2, size // page // 2 + 3):
            fh.seek(n * page + 100)
            fh.write(junk)


@pytest.mark.parametrize(("make", "says"), [
    (lambda p: p.write_bytes(b""), "empty (0 bytes)"),
    (lambda p: p.write_text("hello"), "not a ShopGuide store"),
    (lambda p: p.write_bytes(p.with_name("good.db").read_bytes()[:40960]), "damaged"),
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: None, "no store here"),
])
@pytest.mark.parametrize("command", [["ask", "跑鞋"], ["db", "backup"], ["db", "info"],
                                     ["import", "{csv}"]])
def test_bad_store_files_get_one_clear_line(good, tmp_path, capsys, make, says, command):
    if says == "no store here" and command[0] == "import":
        pytest.skip("an import into a new path creates the store: that is how one starts")
    bad = tmp_path / "bad.db"
    make(bad)
    before = sorted(os.listdir(tmp_path))
    csv = tmp_path / "products.csv"
    csv.write_text("sku,name,category,price\nB-1,鞋,鞋,9\n", encoding="utf-8")
    argv = [a.format(csv=csv) for a in command]
    if command == ["db", "backup"]:
        argv.append(str(tmp_path / "copy.db"))
    rc, _, err = _run(capsys, "--store", str(bad), *argv)
    assert rc != 0 and says in err and len(err.strip().splitlines()) == 1, err
    assert sorted(os.listdir(tmp_path)) == sorted(before + ["products.csv"])  # no .part, no copy


def test_import_into_a_damaged_store_is_refused(good, tmp_path, capsys):
    _damage(good)
    before = good.read_bytes()
    csv = tmp_path / "products.csv"
    csv.write_text("sku,name,category,price\nB-1,鞋,鞋,9\n", encoding="utf-8")
    rc, _, err = _run(capsys, "--store", str(good), "import", str(csv))
    assert rc == 1 and "damaged" in err and "db check" in err
    assert good.read_bytes() == before


def test_a_read_only_store_answers_and_refuses_writes(good, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(connection, "writable", lambda path: False)
    with open_store(good) as s:
        assert s.readonly and s.count_products() == 300
        with pytest.raises(StoreReadOnly, match="read-only"):
            s.save_product(Product("X-1", "鞋", "鞋", 1, "CNY"))
    rc, out, err = _run(capsys, "--store", str(good), "ask", "好鞋")
    assert rc == 0 and "好鞋" in out
    csv = tmp_path / "products.csv"
    csv.write_text("sku,name,category,price\nB-1,鞋,鞋,9\n", encoding="utf-8")
    rc, _, err = _run(capsys, "--store", str(good), "import", str(csv))
    assert rc == 1 and "read-only" in err


def test_a_newer_store_is_left_untouched(good, capsys):
    import sqlite3

    with sqlite3.connect(good) as c:
        c.execute("PRAGMA user_version = 999")
    c.close()
    before = good.read_bytes()
    rc, _, err = _run(capsys, "--store", str(good), "ask", "好鞋")
    assert rc == 1 and "newer ShopGuide" in err
    assert good.read_bytes() == before


def test_an_empty_catalog_is_named_when_asked(tmp_path, capsys):
    path = tmp_path / "new.db"
    open_store(path).close()
    rc, _, err = _run(capsys, "--store", str(path), "ask", "跑鞋")
    assert "no products and no FAQ yet" in err and "shopguide import" in err


def test_a_backup_of_a_damaged_store_is_one_line_and_writes_nothing(good, tmp_path, capsys):
    _damage(good)
    dest = tmp_path / "copies" / "copy.db"
    rc, _, err = _run(capsys, "--store", str(good), "db", "backup", str(dest))
    assert rc == 1 and "damaged" in err and "db check" in err
    assert len(err.strip().splitlines()) == 1 and not any(dest.parent.iterdir())

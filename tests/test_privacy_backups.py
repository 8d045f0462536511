"""Erasure reaches every copy of the store that ShopGuide made: the copy written before
a schema upgrade, ``db backup`` copies in backups/ and wherever ``--dest`` put them.
Afterwards no byte of any file under the shop's folders holds the person's unique
note phrase, name, phone or e-mail; a copy that cannot be cleaned is named and the
command fails until it is dealt with."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from shopguide.cli import main
from shopguide.privacy import copies as pcopies
from shopguide.privacy import erase
from shopguide.privacy import log as plog
from shopguide.store import connection, maintenance, open_store
from tests.fixtures.privacy import EN, OTHER, ZH, Person, fill_person

STAMP = "2025-01-01T00:00:00.000000+00:00"
# Someone who was only ever in the v1 store: in the pre-upgrade copy and, migrated, in
# the store itself.
OLD = Person("c-old", "Wilhelmina Oldfield", "021-5555-0134", "mina@old.example",
             "PLANTED-v1-note-kumquat-7731")


# Text a clerk deleted from a note long ago, on a store written without secure_delete:
# it lingers in the page's free space, and so in the copy made before the upgrade.
OLD_DELETED = "PLANTED-deleted-note-persimmon-4410"


def _trace_strings(p: Person) -> list[str]:
    digits = re.sub(r"\D", "", p.phone)
    # Single words of the name too: the search index keeps words, not the whole name,
    # and an index that is never merged keeps a deleted person's words.
    words = [w for w in p.name.split() if len(w) >= 4] if p.name.isascii() else [
        p.name[i:i + 2] for i in range(len(p.name) - 1)]
    extra = [OLD_DELETED] if p is OLD else []
    return [t for t in (p.name, p.phone, digits, p.email, p.phrase, *words, *extra) if t]


def _files(root: Path) -> list[Path]:
    return sorted(f for f in root.rglob("*") if f.is_file())


def _holders(root: Path, p: Person) -> dict[str, list[str]]:
    """File name -> the person's strings found in its bytes (UTF-8, any case)."""
    out: dict[str, list[str]] = {}
    for f in _files(root):
        raw = f.read_bytes().lower()
        found = [t for t in _trace_strings(p) if t.lower().encode() in raw]
        if found:
            out[str(f.relative_to(root))] = found
    return out


def make_v1_shop(path: Path) -> None:
    conn = connection.connect(path)
    connection.prepare(conn, path, target=1)
    conn.execute("INSERT INTO customers (id, name, phone, email, consent_marketing, created, "
                 "updated) VALUES (?, ?, ?, ?, 1, ?, ?)",
                 (OLD.id, OLD.name, OLD.phone, OLD.email, STAMP, STAMP))
    conn.execute("INSERT INTO customers (id, name, created, updated) VALUES (?, ?, ?, ?)",
                 (OTHER.id, OTHER.name, STAMP, STAMP))
    conn.execute("INSERT INTO notes (customer_id, text, created, updated) VALUES (?, ?, ?, ?)",
                 (OLD.id, f"first visit; {OLD.phrase}", STAMP, STAMP))
    conn.execute("INSERT INTO notes (customer_id, text, created, updated) VALUES (?, ?, ?, ?)",
                 (OTHER.id, f"{OTHER.phrase}; came with {OLD.name}", STAMP, STAMP))
    conn.execute("INSERT INTO followups (customer_id, due, text, created) VALUES (?, ?, ?, ?)",
                 (OLD.id, "2030-01-01", f"call {OLD.phone}", STAMP))
    conn.execute("INSERT INTO purchases (customer_id, sku, quantity, price_cents, date) "
                 "VALUES (?, 'RS-104', 1, 45900, '2025-01-01')", (OLD.id,))
    conn.execute("INSERT INTO conversations (customer_id, started) VALUES (?, ?)",
                 (OLD.id, STAMP))
    conn.execute("INSERT INTO messages (conversation_id, role, text, created) "
                 "VALUES (1, 'user', ?, ?)", (f"{OLD.phrase} mail {OLD.email}", STAMP))
    conn.execute("PRAGMA secure_delete = OFF")  # as a store written by an older version
    conn.execute("INSERT INTO notes (customer_id, text, created, updated) VALUES (?, ?, ?, ?)",
                 (OLD.id, OLD_DELETED, STAMP, STAMP))
    conn.execute("DELETE FROM notes WHERE text = ?", (OLD_DELETED,))
    conn.close()


@pytest.fixture
def shop(tmp_path: Path) -> dict[str, Path]:
    """A shop folder: a store upgraded from v1 (so a .v1-backup copy), two people added
    after the upgrade, a default db backup and one on a 'USB stick' folder."""
    folder = tmp_path / "shop"
    folder.mkdir()
    path = folder / "shop.sqlite"
    make_v1_shop(path)
    with open_store(path) as s:
        for person in (ZH, EN):
            fill_person(s, person)
    usb = tmp_path / "usb"
    assert main(["--store", str(path), "db", "backup"]) == 0
    assert main(["--store", str(path), "db", "backup", str(usb / "monday.sqlite")]) == 0
    [dated] = (folder / "backups").glob("shop-*.sqlite")
    return {"root": tmp_path, "store": path, "v1": folder / "shop.v1-backup.sqlite",
            "dated": dated, "usb": usb / "monday.sqlite"}


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_erasure_cleans_every_copy_down_to_the_bytes(shop, capsys):
    root = shop["root"]
    copies = [shop["v1"], shop["dated"], shop["usb"]]
    # Before: the planted strings are in every copy (the grep works).
    assert set(_holders(root, OLD)) >= {"shop/shop.v1-backup.sqlite", "shop/shop.sqlite",
                                         str(shop["dated"].relative_to(root)), "usb/monday.sqlite"}
    assert set(_holders(root, ZH)) >= {"shop/shop.sqlite", "usb/monday.sqlite"}
    assert OLD_DELETED.encode() in shop["v1"].read_bytes()
    v1_before = _version(shop["v1"])
    for person in (OLD, ZH):
        rc = main(["--store", str(shop["store"]), "customer", "erase", person.id, "--reason",
                   "asked to be forgotten", "--yes"])
        out, err = capsys.readouterr()
        assert rc == 0, err
        assert "backup copies cleaned" in out and person.name not in out + err
    assert _holders(root, OLD) == {}
    assert _holders(root, ZH) == {}
    # Everything else is still there, in every copy, and every copy is a sound store
    # at the version it had (the pre-upgrade copy is not upgraded).
    for f in [shop["store"], *copies]:
        raw = f.read_bytes()
        assert OTHER.phrase.encode() in raw, f
        if f != shop["v1"]:  # EN came after the upgrade
            assert EN.phrase.encode() in raw, f
        conn = sqlite3.connect(f)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM customers WHERE id IN (?, ?)",
                            (OLD.id, ZH.id)).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM customers WHERE id = ?",
                            (OTHER.id,)).fetchone()[0] == 1
        conn.close()
    assert _version(shop["v1"]) == v1_before == 1
    # The other customer's note named OLD: masked in the copy too, not deleted.
    conn = sqlite3.connect(shop["v1"])
    assert conn.execute("SELECT text FROM notes WHERE customer_id = ?", (OTHER.id,)
                        ).fetchone()[0] == f"{OTHER.phrase}; came with {erase.ERASED}"
    conn.close()
    with open_store(shop["store"]) as s:
        details = [e.detail for e in plog.entries(s) if e.verb == "erase"]
        assert "backup copies cleaned 3" in details  # OLD: the v1 copy and both backups


def test_erase_in_the_app_cleans_the_copies_too(shop):
    """The UI's privacy panel calls erase_customer; the copies are part of it."""
    with open_store(shop["store"]) as s:
        report = erase.erase_customer(s, EN.id, reason="request", anonymise_purchases=True)
    assert report.complete and report.backups == []
    assert sorted(report.backups_cleaned) == sorted([shop["dated"], shop["usb"]])
    assert _holders(shop["root"], EN) == {}
    conn = sqlite3.connect(shop["usb"])  # purchases kept without the person in the copy too
    assert conn.execute("SELECT count(*) FROM purchases WHERE customer_id IS NULL"
                        ).fetchone()[0] == 2
    conn.close()


def test_a_copy_that_cannot_be_cleaned_fails_the_command_and_a_rerun_finishes(
        shop, capsys, monkeypatch):
    stuck = shop["usb"]
    plain = pcopies.writable
    monkeypatch.setattr(pcopies, "writable", lambda p: p != stuck and plain(p))
    rc = main(["--store", str(shop["store"]), "customer", "erase", ZH.id, "--reason", "request",
               "--yes"])
    out, err = capsys.readouterr()
    assert rc == 2
    assert f"{stuck}: read-only" in err and "could not be cleaned" in err
    assert ZH.name not in out + err
    assert list(_holders(shop["root"], ZH)) == ["usb/monday.sqlite"]  # only the stuck one
    # The stick is writable again: the same command finishes the job.
    monkeypatch.setattr(pcopies, "writable", plain)
    rc = main(["--store", str(shop["store"]), "customer", "erase", ZH.id, "--reason", "request",
               "--yes"])
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert f"cleaned backup copy {stuck}" in out
    assert _holders(shop["root"], ZH) == {}
    # Nothing is left anywhere now: a third run says so.
    rc = main(["--store", str(shop["store"]), "customer", "erase", ZH.id, "--reason", "request",
               "--yes"])
    assert rc == 1 and "no customer" in capsys.readouterr().err


def test_a_read_only_copy_without_the_person_is_no_problem(shop, monkeypatch):
    monkeypatch.setattr(pcopies, "writable", lambda p: p != shop["v1"])
    with open_store(shop["store"]) as s:
        report = erase.erase_customer(s, EN.id, reason="request")  # EN came after v1
    assert report.complete and shop["v1"] not in report.backups


def test_a_damaged_copy_is_named_with_the_reason(shop):
    data = shop["dated"].read_bytes()
    shop["dated"].write_bytes(data[:100] + b"\x00" * 200 + data[300:])  # header trashed
    with open_store(shop["store"]) as s:
        report = erase.erase_customer(s, ZH.id, reason="request")
    assert report.backups == [shop["dated"]] and not report.complete
    assert "damaged" in report.backup_problems[shop["dated"]]
    assert shop["usb"] in report.backups_cleaned


def test_half_written_copies_are_deleted_and_deleted_copies_forgotten(shop):
    part = shop["dated"].with_name(shop["dated"].name + ".part")
    part.write_bytes(shop["dated"].read_bytes())  # a db backup that crashed before rename
    shop["usb"].unlink()  # the merchant deleted this one
    with open_store(shop["store"]) as s:
        report = erase.erase_customer(s, ZH.id, reason="request")
        assert report.unfinished_removed == [part] and report.complete
        assert not part.exists()
        assert maintenance.recorded_backups(s.conn) == [shop["v1"].resolve(),
                                                        shop["dated"].resolve()]
    assert _holders(shop["root"], ZH) == {}


def test_another_stores_copy_at_a_recorded_path_is_left_alone(tmp_path):
    """Two shops whose backups went to the same path: the file now belongs to the
    second one, and erasing a customer of the first must not touch it."""
    common = tmp_path / "common.sqlite"
    paths = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        path = folder / "shop.sqlite"
        with open_store(path) as s:
            fill_person(s, ZH)  # the same customer id in both shops
        assert main(["--store", str(path), "db", "backup", str(common)]) == 0
        paths.append(path)
    with open_store(paths[0]) as s:
        report = erase.erase_customer(s, ZH.id, reason="request")
    assert report.complete and report.backups_cleaned == []
    assert ZH.phrase.encode() in common.read_bytes()  # b's copy keeps b's customer


def test_db_backup_records_the_copy_and_the_copy_carries_the_store_identity(tmp_path):
    path = tmp_path / "shop.sqlite"
    open_store(path).close()
    dest = tmp_path / "elsewhere" / "copy.sqlite"
    assert main(["--store", str(path), "db", "backup", str(dest)]) == 0
    with open_store(path) as s:
        assert maintenance.recorded_backups(s.conn) == [dest.resolve()]
        ident = maintenance.store_identity(s.conn)
    conn = sqlite3.connect(dest)
    assert ident and maintenance.store_identity(conn) == ident
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    with open_store(path) as s:  # db info does not show the bookkeeping
        assert "id_backup_copies" not in maintenance.info(path)["settings"]


def test_the_pre_upgrade_copy_is_found_after_the_store_is_renamed(shop):
    renamed = shop["store"].with_name("nova.sqlite")
    shop["store"].rename(renamed)
    with open_store(renamed) as s:
        report = erase.erase_customer(s, OLD.id, reason="request")
    assert shop["v1"] in report.backups_cleaned and report.complete
    assert _holders(shop["root"], OLD) == {}

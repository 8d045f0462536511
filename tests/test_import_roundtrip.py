"""Re-import updates in place; export → import loses nothing; a killed import changes nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from shopguide.store import open_store
from shopguide.store.exporter import export_store
from shopguide.store.importer import PAUSE_ENV, import_path
from shopguide.store.models import Product

RELATIONS = {
    "purchases.csv": "customer_id,sku,date,quantity,price\n"
                     "c-wang,RS-104,2025-03-01,1,459\nc-wang,RS-104,2025-03-01,1,459\n"
                     "c-smith,HB-201,2024-11-20,2,850.5\n",
    "followups.csv": "customer_id,due,text,done\nc-wang,2025-04-01,新款到货提醒,no\n"
                     "c-smith,2024-12-01,Check the boots fit,yes\n",
}


def counts(report, table):
    c = report.counts[table]
    return (c.added, c.updated, c.unchanged)


def test_reimport_reports_added_updated_unchanged(fresh_store, shop_folder, write_store_files):
    for name, text in RELATIONS.items():
        (shop_folder / name).write_text(text, encoding="utf-8")
    first = import_path(fresh_store, shop_folder)
    assert counts(first, "products") == (5, 0, 0)
    assert counts(first, "faq") == (3, 0, 0)
    assert counts(first, "customers") == (2, 0, 0)
    assert counts(first, "purchases") == (3, 0, 0)  # the same sale twice is two sales
    assert first.settings_changed
    again = import_path(fresh_store, shop_folder)
    for table, n in (("products", 5), ("faq", 3), ("customers", 2), ("purchases", 3),
                     ("followups", 2)):
        assert counts(again, table) == (0, 0, n), table
    assert not again.settings_changed
    assert fresh_store.counts()["notes"] == 1 and fresh_store.counts()["consents"] == 1

    # A price change, a new product, and a file without most columns.
    update = write_store_files("update", {"products.csv":
        "sku,name,category,price\nRS-104,云跃缓震跑鞋,鞋/跑鞋,429\n"
        "RS-110,疾风稳定跑鞋,鞋/跑鞋,399.5\nNEW-1,新品,鞋/跑鞋,100\n"})
    report = import_path(fresh_store, update)
    assert counts(report, "products") == (1, 1, 1)
    rs = fresh_store.product("RS-104")
    assert rs.price == 429.0
    assert (rs.stock, rs.aisle, rs.extra) == (12, "A3", {"material": "网面"}), \
        "columns not in the file keep their stored values"
    assert fresh_store.product("NEW-1").currency == "CNY"  # the store's currency

    # Withdrawing marketing consent is a new record, counted as an update.
    cust = (shop_folder / "customers.csv").read_text(encoding="utf-8")
    (shop_folder / "customers.csv").write_text(cust.replace(",yes,", ",no,"), encoding="utf-8")
    report = import_path(fresh_store, shop_folder)
    assert counts(report, "customers") == (0, 1, 1)
    assert fresh_store.customer("c-wang").consent_marketing is False
    assert [c.granted for c in fresh_store.consents("c-wang")] == [True, False]


def _snapshot(store):
    """Everything export promises to keep, in comparable form (no row ids)."""
    customers = {}
    for c in store.search_customers("", limit=1000):
        customers[c.id] = {
            "customer": c,
            "notes": sorted((n.text, n.pinned, n.created, n.updated) for n in store.notes(c.id)),
            "purchases": sorted((p.sku, p.quantity, p.price, p.date)
                                for p in store.purchases(c.id)),
            "followups": sorted((f.due, f.text, f.done, f.created)
                                for f in store.followups(c.id)),
            "consents": [(k.purpose, k.granted, k.date, k.source, k.expiry)
                         for k in store.consents(c.id)],
        }
    products = {p.sku: (p, p.extra) for p in store.all_products()}
    return store.settings(), products, store.all_faq(), customers


def test_export_then_import_loses_nothing(fresh_store, shop_folder, tmp_path):
    for name, text in RELATIONS.items():
        (shop_folder / name).write_text(text, encoding="utf-8")
    a = fresh_store
    import_path(a, shop_folder)
    # Data added in the app, beyond what the files held.
    a.save_product(Product(sku="ODD-1", name='Quote " and, comma', category="A/B/C", price=0.01,
                           currency="EUR", description="multi\nline",
                           extra={"weight": "1 kg"}, image=str(tmp_path / "pic.png")))
    a.add_note("c-wang", "置顶：只买白色", pinned=True)
    a.add_note("c-smith", "Prefers email",
               created=datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc))
    a.add_consent("c-smith", "history", True, "kiosk", expiry=date(2030, 1, 1))
    a.add_consent("c-smith", "marketing", True, "counter")
    a.add_consent("c-smith", "marketing", False, "counter")
    fu = a.add_followup("c-wang", date(2025, 5, 5), "回访")
    a.set_followup_done(fu.id)
    out = tmp_path / "export1"
    written = export_store(a, out)
    assert written["products.csv"] == 6 and written["notes.csv"] == 3

    with open_store(tmp_path / "b.sqlite") as b:
        import_path(b, out)
        assert _snapshot(b) == _snapshot(a)
        for sku in ("RS-104", "ODD-1", "KT-401"):  # field by field, extras included
            pa, pb = a.product(sku), b.product(sku)
            for field in Product.__dataclass_fields__:
                if field != "id":
                    assert getattr(pa, field) == getattr(pb, field), (sku, field)
        # Importing the export into the store it came from changes nothing ...
        report = import_path(a, out)
        assert all(c.added == c.updated == 0 for c in report.counts.values()), report.lines()
        # ... and exporting the copy gives the same files, byte for byte.
        export_store(b, tmp_path / "export2")
    for name in sorted(os.listdir(out)):
        assert (out / name).read_bytes() == (tmp_path / "export2" / name).read_bytes(), name


_SLOW_IMPORT = """
import sys
from shopguide.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _big_catalog(folder: Path, n: int, price: int, faq: bool) -> None:
    rows = "".join(f"P-{i:05d},商品{i},鞋/跑鞋,{price},Brand{i % 7},{i % 30}\n" for i in range(n))
    (folder / "products.csv").write_text("sku,name,category,price,brand,stock\n" + rows,
                                         encoding="utf-8")
    if faq:
        (folder / "faq.csv").write_text("id,question,answer\nnew,New?,Yes.\n", encoding="utf-8")


@pytest.mark.slow
def test_import_killed_midway_leaves_the_store_exactly_as_before(tmp_path, store_dump):
    db = tmp_path / "store.sqlite"
    old = tmp_path / "old"
    old.mkdir()
    _big_catalog(old, 300, 100, faq=False)
    with open_store(db) as store:
        import_path(store, old)
    before = store_dump(db)

    new = tmp_path / "new"
    new.mkdir()
    _big_catalog(new, 2000, 250, faq=True)  # updates 300, adds 1700, then the FAQ
    marker = tmp_path / "paused"
    env = {**os.environ, PAUSE_ENV: str(marker), "PYTHONPATH": os.getcwd()}
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_IMPORT, "--store", str(db), "import",
                             str(new)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the import never reached its pause"
            time.sleep(0.05)
        # The products are written, uncommitted: another reader still sees the old ones.
        with open_store(db) as reader:
            assert reader.count_products() == 300
            assert reader.product("P-00001").price == 100.0
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert Path(f"{db}-wal").exists()  # the killed process left its WAL behind
    assert store_dump(db) == before
    with open_store(db) as store:
        assert store.count_products() == 300 and store.faq("new") is None
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        report = import_path(store, new)  # and a clean retry works
        assert (report.counts["products"].added, report.counts["products"].updated) == (1700, 300)


def test_customers_without_id_get_stable_salted_ids(fresh_store, write_store_files, tmp_path):
    import hashlib

    folder = write_store_files("noid", {"customers.csv":
        "name,phone\n王芳,13812345678\n王芳,13812345678\nJohn,555-0100\n"})
    first = import_path(fresh_store, folder)
    assert counts(first, "customers") == (3, 0, 0)  # two people may share name and phone
    ids = sorted(c.id for c in fresh_store.search_customers(""))
    again = import_path(fresh_store, folder)
    assert counts(again, "customers") == (0, 0, 3)
    assert sorted(c.id for c in fresh_store.search_customers("")) == ids
    unsalted = "c-" + hashlib.sha256("|王芳|13812345678|".encode()).hexdigest()[:10]
    assert unsalted not in ids  # an id cannot be matched against a list of phone numbers
    with open_store(tmp_path / "other.sqlite") as other:
        import_path(other, folder)
        assert sorted(c.id for c in other.search_customers("")) != ids


def test_consent_changes_by_import_are_in_the_privacy_log(fresh_store, shop_folder):
    import_path(fresh_store, shop_folder)  # c-wang: yes (a grant); c-smith: no (no change)
    actions = [e.action for e in fresh_store.privacy_log()]
    assert len(actions) == 1 and actions[0].startswith("consent.grant marketing via import")
    raw = " ".join(f"{e.action} {e.reason}" for e in fresh_store.privacy_log())
    assert "c-wang" not in raw and "王芳" not in raw and "138-1234-5678" not in raw
    import_path(fresh_store, shop_folder)  # nothing changed: nothing logged
    assert len(fresh_store.privacy_log()) == 1

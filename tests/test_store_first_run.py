"""First run: the default store is created from the demo; explicit paths stay empty."""

from __future__ import annotations

from argparse import Namespace

from shopguide import config
from shopguide.store.location import open_from_args


def test_first_run_fills_the_default_store_from_the_demo():
    path = config.default_store_path()
    assert not path.exists()
    with open_from_args(Namespace(store=None, demo=False)) as store:
        assert store.path == path
        assert store.count_products() >= 150  # the demo catalog
        assert store.settings().language == "zh"
    assert not path.with_name(path.name + ".first-run").exists()


def test_an_existing_default_store_is_left_alone():
    path = config.default_store_path()
    with open_from_args(Namespace(store=None, demo=False)) as store:
        store.delete_product(store.all_products()[0].sku)
        n = store.count_products()
    with open_from_args(Namespace(store=None, demo=False)) as store:
        assert store.count_products() == n  # not refilled


def test_an_explicit_new_store_starts_empty(tmp_path, monkeypatch):
    with open_from_args(Namespace(store=str(tmp_path / "new.sqlite"), demo=False)) as store:
        assert store.count_products() == 0
    monkeypatch.setenv("SHOPGUIDE_STORE", str(tmp_path / "env.sqlite"))
    with open_from_args(Namespace(store=None, demo=False)) as store:
        assert store.count_products() == 0


def _write_shop(folder):
    folder.mkdir()
    (folder / "store.toml").write_text('name = "Kettle Corner"\nlanguage = "en"\n', "utf-8")
    (folder / "products.csv").write_text(
        "sku,name,category,price\nKT-1,Electric Kettle,Kitchen/Kettles,29.90\n", "utf-8")


def test_first_import_replaces_the_demo_copy_instead_of_merging(tmp_path, capsys):
    from shopguide.cli import main

    _write_shop(tmp_path / "shop")
    assert main(["import", str(tmp_path / "shop")]) == 0
    assert "replaced the demo store" in capsys.readouterr().out
    with open_from_args(Namespace(store=None, demo=False)) as store:
        assert [p.sku for p in store.all_products()] == ["KT-1"]  # no demo products
        assert store.count_customers() == 0 and store.all_faq() == []
        assert store.settings().name == "Kettle Corner"
    # From now on it is the merchant's store: a second import merges as usual.
    (tmp_path / "shop" / "products.csv").write_text(
        "sku,name,category,price\nKT-2,Glass Kettle,Kitchen/Kettles,39.90\n", "utf-8")
    assert main(["import", str(tmp_path / "shop")]) == 0
    with open_from_args(Namespace(store=None, demo=False)) as store:
        assert sorted(p.sku for p in store.all_products()) == ["KT-1", "KT-2"]


def test_a_failed_first_import_keeps_the_demo_copy(tmp_path):
    from shopguide.cli import main

    _write_shop(tmp_path / "shop")
    (tmp_path / "shop" / "products.csv").write_text(
        "sku,name,category,price\nKT-1,Electric Kettle,Kitchen/Kettles,-3\n", "utf-8")
    assert main(["import", str(tmp_path / "shop")]) != 0
    with open_from_args(Namespace(store=None, demo=False)) as store:
        assert store.count_products() >= 150  # still the demo, unchanged
    path = config.default_store_path()
    assert not path.with_name(path.name + ".importing").exists()

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

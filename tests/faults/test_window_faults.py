"""Fault class: the window given a bad store or a broken model folder says so in plain words
and keeps doing what it still can; it never exits with a traceback."""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3

import pytest

from shopguide.store import connection, open_store
from shopguide.store.models import FaqEntry
from ui.backend import default_backend


def _window(make_window, qtbot, path, model_spec=""):
    backend = default_backend(argparse.Namespace(store=str(path), demo=False))
    return make_window(backend=backend, start=False, model_spec=model_spec)


def _newer(path):
    shutil.copy(path.with_name("catalog.sqlite"), path)
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA user_version = 999")
    c.close()


@pytest.mark.parametrize(("make", "says"), [
    (lambda p: p.write_bytes(b""), "empty (0 bytes)"),
    (lambda p: p.write_text("not a store"), "not a ShopGuide store"),
    (_newer, "newer ShopGuide"),
])
def test_a_store_that_cannot_be_opened_is_named_and_the_window_stays(
        qtbot, make_window, catalog_store, tmp_path, make, says):
    bad = catalog_store.path.with_name("bad.sqlite")
    if make is _newer:
        shutil.copy(catalog_store.path, catalog_store.path.with_name("catalog.sqlite"))
    make(bad)
    window = _window(make_window, qtbot, bad)
    with qtbot.waitSignal(window.client.storeFailed, timeout=5000):
        window.client.start("")
    assert says in window.store_label.text()
    with qtbot.waitSignal(window.client.failed, timeout=5000) as failed:
        window.chat.ask("有没有跑鞋？")
    assert "not open" in failed.args[0]


def test_a_read_only_store_answers_and_says_nothing_is_saved(
        qtbot, make_window, catalog_store, monkeypatch):
    monkeypatch.setattr(connection, "writable", lambda path: False)
    with sqlite3.connect(catalog_store.path) as c:
        before = c.execute("SELECT count(*) FROM messages").fetchone()[0]
    c.close()
    window = _window(make_window, qtbot, catalog_store.path)
    with qtbot.waitSignal(window.client.storeReady, timeout=5000):
        window.client.start("")
    assert "read-only" in window.store_label.text()
    with qtbot.waitSignal(window.client.done, timeout=30000) as done:
        window.chat.ask("有没有跑鞋？")
    assert done.args[0].text and window.chat.current.cards.product_cards
    with sqlite3.connect(catalog_store.path) as c:
        assert c.execute("SELECT count(*) FROM messages").fetchone()[0] == before
    c.close()


def test_a_damaged_store_is_named_in_the_status_bar(qtbot, make_window, catalog_store):
    from tests.faults.test_store_files import _damage

    for i in range(200):  # enough pages that garbage in the middle hits the catalog
        catalog_store.save_faq(FaqEntry(f"f{i}", f"问题{i}？", "回答。" * 50))
    catalog_store.close()
    _damage(catalog_store.path)
    window = _window(make_window, qtbot, catalog_store.path)
    # The quick check runs after the store is ready (it reads every page), on its own thread.
    with qtbot.waitSignal(window.client.storeChecked, timeout=10000) as checked:
        window.client.start("")
    assert checked.args == [True]
    assert "damaged" in window.store_label.text() and "db check" in window.store_label.text()


def test_a_sound_store_is_checked_and_not_called_damaged(qtbot, make_window, catalog_store):
    path = catalog_store.path
    catalog_store.close()
    window = _window(make_window, qtbot, path)
    with qtbot.waitSignal(window.client.storeChecked, timeout=10000) as checked:
        window.client.start("")
    assert checked.args == [False] and "damaged" not in window.store_label.text()


def test_an_empty_store_says_to_import(qtbot, make_window, tmp_path):
    path = tmp_path / "new.sqlite"
    open_store(path).close()
    window = _window(make_window, qtbot, path)
    with qtbot.waitSignal(window.client.storeReady, timeout=5000):
        window.client.start("")
    assert "import your catalog" in window.store_label.text()


def test_a_broken_model_folder_leaves_answers_from_the_facts(
        qtbot, make_window, catalog_store, tiny_model_dir, tmp_path):
    broken = shutil.copytree(tiny_model_dir, tmp_path / "llama")
    cfg = json.loads((broken / "config.json").read_text())
    cfg.update(model_type="llama", architectures=["LlamaForCausalLM"])
    (broken / "config.json").write_text(json.dumps(cfg))
    window = _window(make_window, qtbot, catalog_store.path)
    with qtbot.waitSignal(window.client.modelFailed, timeout=30000) as failed:
        window.client.start(str(broken))
    assert "config.json" in failed.args[0] and "different models" in failed.args[0]
    with qtbot.waitSignal(window.client.done, timeout=30000) as done:
        window.chat.ask("有没有跑鞋？")
    assert done.args[0].text and not done.args[0].used_model

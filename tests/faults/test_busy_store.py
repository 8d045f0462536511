"""Fault class: a second writer while an import holds the store waits, then says another
ShopGuide is changing the store; nothing is lost and no traceback is printed."""

from __future__ import annotations

import pytest

from shopguide.cli import main
from shopguide.store import connection, open_store
from shopguide.store.errors import StoreBusy
from shopguide.store.models import Customer


@pytest.fixture
def held(tmp_path, monkeypatch):
    """A store whose write lock another connection holds (as a long import does)."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    path = tmp_path / "s.db"
    with open_store(path) as s:
        s.set_settings(name="Shop", language="zh", currency="CNY")
        s.save_customer(Customer("C001", "王芳"))
    other = open_store(path)
    other.conn.execute("BEGIN IMMEDIATE")
    yield path
    other.conn.execute("ROLLBACK")
    other.close()


def test_a_transaction_that_cannot_get_the_lock_says_why(held):
    with open_store(held) as s, pytest.raises(StoreBusy, match="another ShopGuide is changing"):
        with s.transaction():
            pass


@pytest.mark.parametrize("argv", [
    ["import", "{csv}"],
    ["customer", "consent", "C001", "history", "grant"],
])
def test_commands_wait_then_say_another_is_running(held, tmp_path, capsys, argv):
    csv = tmp_path / "products.csv"
    csv.write_text("sku,name,category,price\nA-1,好鞋,鞋,99\n", encoding="utf-8")
    rc = main(["--store", str(held), *[a.format(csv=csv) for a in argv]])
    err = capsys.readouterr().err
    assert rc == 1 and "Traceback" not in err
    assert "another ShopGuide is changing this store" in err
    with open_store(held) as s:
        assert s.count_products() == 0


def test_an_unexpected_error_is_one_line_and_logged(tmp_path, capsys, monkeypatch):
    from shopguide.commands import store_cmds
    from shopguide.logging_setup import log_file

    def boom(args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(store_cmds, "cmd_import", boom)  # a bug in a command
    rc = main(["--store", str(tmp_path / "s.db"), "import", str(tmp_path)])
    err = capsys.readouterr().err
    assert rc == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "RuntimeError" in err and str(log_file()) in err
    assert "RuntimeError" in log_file().read_text(encoding="utf-8")

"""The customer pager keeps its one thread (and the SQLite connection it opened) across waits."""

from __future__ import annotations

from shopguide.store import open_store
from shopguide.store.models import Customer
from ui.customers.pager import CustomerPager


def test_pages_after_a_wait_use_the_same_connection(qtbot, tmp_path, monkeypatch) -> None:
    import threading

    from ui.customers import pager as pager_mod

    threads: list[int] = []
    real_get = pager_mod._Connection.get

    def get(self):  # type: ignore[no-untyped-def]
        threads.append(threading.get_native_id())
        return real_get(self)

    monkeypatch.setattr(pager_mod._Connection, "get", get)
    path = tmp_path / "s.sqlite"
    store = open_store(path)
    for i in range(3):
        store.save_customer(Customer(id=f"c{i}", name=f"客户{i}", phone=f"1380000000{i}"))
    store.close()
    pager = CustomerPager(path)
    pages: list[int] = []
    failures: list[str] = []
    pager.pageReady.connect(lambda gen, off, rows: pages.append(len(rows)))
    pager.failed.connect(lambda gen, msg: failures.append(msg))
    try:
        for generation in (1, 2, 3):
            pager.request(generation, "", 10, 0)
            assert pager.wait(10000)
            qtbot.waitUntil(lambda: len(pages) + len(failures) == generation, timeout=5000)
        # Each search after a wait must still work (a pool that dropped its thread on wait
        # left the connection on a dead thread: "SQLite objects created in a thread…").
        assert failures == [] and pages == [3, 3, 3]
        assert len(set(threads)) == 1, threads  # one thread, so one connection, throughout
    finally:
        pager.close()
    assert pager.wait(1000)  # nothing left pending after close

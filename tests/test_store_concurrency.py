"""Two connections writing at once (WAL + busy timeout), and a backup taken meanwhile."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from shopguide.store import open_store
from shopguide.store.maintenance import backup
from shopguide.store.models import Customer


def _writer(path, customer_id, n, errors, started):
    """Each thread opens its own Store, as workers do."""
    try:
        with open_store(path) as store:
            started.wait()
            for i in range(n):
                note = store.add_note(customer_id, f"{customer_id} note {i}")
                store.update_note(note.id, pinned=(i % 2 == 0))
                store.search_products("跑鞋")  # reads interleaved with writes
    except Exception as exc:  # noqa: BLE001 - reported to the main thread
        errors.append(exc)


@pytest.mark.slow
def test_two_connections_write_at_once(fresh_store):
    for cid in ("a", "b"):
        fresh_store.save_customer(Customer(id=cid, name=cid.upper()))
    errors: list[Exception] = []
    started = threading.Barrier(2)
    threads = [threading.Thread(target=_writer, args=(fresh_store.path, cid, 150, errors, started))
               for cid in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert [len(fresh_store.notes(cid)) for cid in ("a", "b")] == [150, 150]
    pinned = [n for n in fresh_store.notes("a") if n.pinned]
    assert len(pinned) == 75


def test_a_write_waits_for_another_writers_transaction(fresh_store):
    """busy_timeout: the second writer waits instead of failing with 'database is locked'."""
    fresh_store.save_customer(Customer(id="a", name="A"))
    done = threading.Event()
    errors: list[Exception] = []

    def second():
        try:
            with open_store(fresh_store.path) as other:
                other.add_note("a", "from the other connection")
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        done.set()

    with fresh_store.transaction():
        fresh_store.add_note("a", "inside a long transaction")
        t = threading.Thread(target=second)
        t.start()
        assert not done.wait(0.5), "the other writer should be waiting for the lock"
    t.join(timeout=30)
    assert not errors, errors
    assert len(fresh_store.notes("a")) == 2


@pytest.mark.slow
def test_backup_while_another_connection_writes(fresh_store, tmp_path):
    """Each write adds a note and bumps a counter in one transaction; a consistent
    backup therefore has exactly as many notes as the counter says."""
    s = fresh_store
    s.save_customer(Customer(id="a", name="A"))
    s.conn.execute("CREATE TABLE bench_counter (n INTEGER)")
    s.conn.execute("INSERT INTO bench_counter VALUES (0)")
    stop = threading.Event()
    errors: list[Exception] = []
    written = []
    progress: list[int] = []

    def write():
        try:
            with open_store(s.path) as w:
                i = 0
                while not stop.is_set() or i < 50:
                    with w.transaction() as conn:
                        w.add_note("a", "x" * 500 + str(i))
                        conn.execute("UPDATE bench_counter SET n = n + 1")
                    i += 1
                    progress.append(i)
                written.append(i)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    t = threading.Thread(target=write)
    t.start()
    copies = []
    try:
        for k in range(5):
            # let the writer commit more rows between two backups
            target = len(progress) + 10
            deadline = time.monotonic() + 30
            while len(progress) < target and time.monotonic() < deadline:
                time.sleep(0.002)
            copies.append(backup(s.path, tmp_path / "backups" / f"copy{k}.sqlite"))
    finally:
        stop.set()
        t.join(timeout=60)
    assert not errors, errors
    seen = []
    for copy in copies:
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
        counter = conn.execute("SELECT n FROM bench_counter").fetchone()[0]
        assert notes == counter
        seen.append(counter)
        conn.close()
        assert not (tmp_path / "backups" / (copy.name + ".part")).exists()
        with open_store(copy) as restored:  # a backup is a working store
            assert restored.customer("a").name == "A"
    assert seen == sorted(set(seen)), "every backup saw later writes than the one before"
    assert seen[0] >= 10 and seen[-1] <= written[0]

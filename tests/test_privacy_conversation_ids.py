"""Conversation and message ids are never handed out twice (schema v6: AUTOINCREMENT).

An erased or expired conversation's id must not come back on a new conversation, or
an export, a log line or a rating naming that id would point at someone else. The
v5 -> v6 upgrade rebuilds both tables; it keeps every row and the cascade from a
conversation to its messages, and a crash half-way leaves the v5 store as it was.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from shopguide.privacy import erase
from shopguide.store import connection, open_store, schema
from tests.fixtures.privacy import ZH
from tests.fixtures.store import open_dying_after

STAMP = "2026-01-01T00:00:00.000000+00:00"


def make_v5_store(path: Path) -> None:
    """A store exactly as schema version 5 left it, with conversations and messages,
    where the newest conversation (id 3) was already deleted once."""
    conn = connection.connect(path)
    connection.prepare(conn, path, target=5)
    assert connection.schema_version(conn) == 5
    conn.execute("INSERT INTO customers (id, name, created, updated) "
                 "VALUES ('c1', '王芳', ?, ?)", (STAMP, STAMP))
    conn.execute("INSERT INTO conversations (id, customer_id, mode, started) "
                 "VALUES (1, 'c1', 'clerk', ?), (2, NULL, 'kiosk', ?), (3, NULL, 'clerk', ?)",
                 (STAMP, STAMP, STAMP))
    conn.execute("INSERT INTO messages (id, conversation_id, role, text, cards, rating, "
                 "created, meta) VALUES "
                 "(1, 1, 'user', '跑鞋', NULL, NULL, ?, NULL), "
                 "(2, 1, 'assistant', '云跃缓震跑鞋', '[{\"sku\": \"RS-1\"}]', 1, ?, "
                 "'{\"grounded\": true}'), "
                 "(3, 2, 'user', 'kettle', NULL, -1, ?, NULL), "
                 "(4, 3, 'user', 'gone', NULL, NULL, ?, NULL)",
                 (STAMP, STAMP, STAMP, STAMP))
    conn.execute("DELETE FROM conversations WHERE id = 3")
    conn.close()


def _rows(path: Path) -> tuple[list, list]:
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT * FROM conversations ORDER BY id").fetchall(),
                conn.execute("SELECT id, conversation_id, role, text, cards, rating, created, "
                             "meta FROM messages ORDER BY id").fetchall())
    finally:
        conn.close()


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_new_conversation_never_takes_an_erased_ones_id(privacy_store):
    s = privacy_store
    # ZH's conversation is the newest one: exactly the id a plain rowid would reuse.
    newest = s.start_conversation(customer_id=ZH.id)
    s.add_message(newest, "user", "one more")
    last_message = s.conn.execute("SELECT max(id) FROM messages").fetchone()[0]
    erase.erase_customer(s, ZH.id, reason="request")
    assert s.conversation(newest) is None
    again = s.start_conversation()
    assert again > newest
    assert s.add_message(again, "user", "hello") > last_message


def test_retention_and_single_deletes_do_not_free_ids_either(privacy_store):
    s = privacy_store
    conv = s.start_conversation()
    assert s.delete_conversation(conv)
    assert s.start_conversation() == conv + 1
    top = s.conn.execute("SELECT max(id) FROM conversations").fetchone()[0]
    assert s.delete_conversations_before(datetime.now(timezone.utc) + timedelta(days=1)) > 0
    assert s.counts()["conversations"] == 0 and s.counts()["messages"] == 0
    assert s.start_conversation() == top + 1


def test_v5_store_is_upgraded_keeping_every_row_and_the_cascade(tmp_path):
    path = tmp_path / "shop.sqlite"
    make_v5_store(path)
    convs, msgs = _rows(path)
    assert [c[0] for c in convs] == [1, 2] and [m[0] for m in msgs] == [1, 2, 3]
    with open_store(path) as s:
        assert s.schema_version == schema.LATEST_VERSION >= 6
        assert _rows(path) == (convs, msgs)  # every column of every row
        sql = s.conn.execute("SELECT group_concat(sql, ' ') FROM sqlite_master WHERE "
                             "name IN ('conversations', 'messages')").fetchone()[0]
        assert sql.count("AUTOINCREMENT") == 2 and "conversations_new" not in sql
        assert {r[0] for r in s.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")} >= {
            "conversations_customer", "messages_conversation"}
        assert s.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert [m.meta for m in s.messages(1)] == [None, {"grounded": True}]
        assert [m.rating for m in s.messages(2)] == [-1]
        # A new conversation continues after the highest id there is.
        assert s.start_conversation() == 3
        # The cascade from conversation to messages still holds ...
        assert s.delete_conversation(1)
        assert s.conn.execute("SELECT count(*) FROM messages WHERE conversation_id = 1"
                              ).fetchone()[0] == 0
        # ... and so does the one from a customer to their conversations.
        s.conn.execute("INSERT INTO conversations (customer_id, started) VALUES ('c1', ?)",
                       (STAMP,))
        assert s.delete_customer("c1")
        assert s.conversations("c1") == []
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    backup = tmp_path / "shop.v5-backup.sqlite"
    assert _version(backup) == 5 and _rows(backup) == (convs, msgs)


def test_a_failing_upgrade_step_leaves_the_v5_store_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "shop.sqlite"
    make_v5_store(path)
    before = _rows(path)
    # Fails after both old tables were dropped and the new ones renamed.
    monkeypatch.setattr(schema, "V6", schema.V6 + "\nSELECT no_such_function();\n")
    with pytest.raises(sqlite3.OperationalError, match="no_such_function"):
        open_store(path)
    assert _version(path) == 5 and _rows(path) == before
    monkeypatch.undo()
    with open_store(path) as s:
        assert s.schema_version == schema.LATEST_VERSION
    assert _rows(path) == before


def test_a_crash_in_the_middle_of_the_upgrade_leaves_the_v5_store(tmp_path):
    """The process dies (no rollback, no close) right after DROP TABLE conversations."""
    path = tmp_path / "shop.sqlite"
    make_v5_store(path)
    before = _rows(path)
    done = open_dying_after(path, "DROP TABLE conversations")
    assert done.returncode == 70, done.stderr  # it really died mid-way
    assert _version(path) == 5 and _rows(path) == before
    with open_store(path) as s:
        assert s.schema_version == schema.LATEST_VERSION
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _rows(path) == before

"""Schema v10: a store from before the review gains its log of actions, keeping its turns."""

from __future__ import annotations

from pathlib import Path

from shopguide.store import connection, open_store, schema


def test_a_v9_store_gains_the_review_log_and_keeps_its_turns(tmp_path: Path) -> None:
    path = tmp_path / "v9.sqlite"
    conn = connection.connect(path)
    connection.prepare(conn, path, target=9)
    stamp = "2026-12-01T10:00:00.000000+00:00"
    conn.execute("INSERT INTO conversations (mode, started) VALUES ('kiosk', ?)", (stamp,))
    conn.execute("INSERT INTO messages (conversation_id, role, text, created) "
                 "VALUES (1, 'user', 'do you sell kayaks?', ?)", (stamp,))
    conn.execute("INSERT INTO messages (conversation_id, role, text, meta, created) VALUES "
                 "(1, 'assistant', 'Sorry.', '{\"intent\": \"out_of_scope\", \"sources\": []}', ?)",
                 (stamp,))
    assert "review_actions" not in {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master")}
    conn.close()
    with open_store(path) as store:
        assert store.schema_version == schema.LATEST_VERSION >= 10
        assert store.counts()["review_actions"] == 0 and store.counts()["messages"] == 2
        from shopguide.review import apply_action, review_groups

        [group] = review_groups(store)
        assert group.question == "do you sell kayaks?"
        apply_action(store, group, "ignore")
        assert store.counts()["review_actions"] == 1 and review_groups(store) == []

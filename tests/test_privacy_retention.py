"""Retention: off by default; when set, conversations older than N days go, with the count."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from shopguide.privacy import retention


def _conv_at(store, days_ago: float) -> int:
    conv = store.start_conversation(mode="kiosk")
    store.add_message(conv, "user", "hello")
    when = datetime.now(timezone.utc) - timedelta(days=days_ago)
    store.conn.execute("UPDATE conversations SET started = ? WHERE id = ?",
                       (when.isoformat(timespec="microseconds"), conv))
    return conv


def test_off_by_default_then_deletes_only_older_conversations(fresh_store):
    s = fresh_store
    old, edge, new = _conv_at(s, 91), _conv_at(s, 89.9), _conv_at(s, 1)
    assert retention.get_setting(s) is None
    assert retention.apply_setting(s) is None
    assert s.counts()["conversations"] == 3
    retention.set_setting(s, 90)
    assert retention.get_setting(s) == 90
    assert retention.apply_setting(s) == 1
    assert [c.id for c in s.conversations()] == [new, edge]
    assert s.messages(old) == [] and s.counts()["messages"] == 2
    assert retention.apply_setting(s) == 0
    retention.set_setting(s, None)
    assert retention.apply_setting(s) is None


@pytest.mark.parametrize("days", [0, -3, 10**6])
def test_bad_day_counts_are_refused(fresh_store, days):
    with pytest.raises(ValueError, match="retention days"):
        retention.delete_older_than(fresh_store, days)
    with pytest.raises(ValueError, match="retention days"):
        retention.set_setting(fresh_store, days)


def test_a_damaged_setting_turns_retention_off(fresh_store):
    _conv_at(fresh_store, 400)
    with fresh_store.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, 'ninety')", (retention.SETTING,))
    assert retention.apply_setting(fresh_store) is None
    assert fresh_store.counts()["conversations"] == 1

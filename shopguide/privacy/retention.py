"""Retention: conversations older than N days are deleted (off unless the shop sets it).

The setting lives in the store (``retention_days`` in settings) so the CLI and
the app agree; ``apply_setting`` is what the app runs at start-up. Each run that
deletes something is written to the privacy log with the count.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from shopguide.privacy import log as plog

SETTING = "retention_days"
MAX_DAYS = 36_500


def _valid(days: int) -> int:
    if not isinstance(days, int) or days < 1 or days > MAX_DAYS:
        raise ValueError(f"retention days must be a whole number from 1 to {MAX_DAYS}, "
                         f"not {days!r}")
    return days


def delete_older_than(store: Any, days: int, *, reason: str = "retention",
                      now: datetime | None = None) -> int:
    """Delete conversations (and their messages) started more than ``days`` days ago."""
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=_valid(days))
    store.conn.execute("PRAGMA secure_delete = ON")
    with store.transaction():
        count = int(store.delete_conversations_before(cutoff.astimezone(timezone.utc)))
        if count:
            plog.record(store, plog.RETENTION, detail=f"conversations {count} older than "
                                                      f"{days} days", reason=reason)
    return count


def get_setting(store: Any) -> int | None:
    """The configured number of days, or None when retention is off (the default)."""
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (SETTING,)).fetchone()
    try:
        return _valid(int(row[0])) if row else None
    except ValueError:
        return None  # a damaged value turns retention off rather than deleting by a guess


def set_setting(store: Any, days: int | None) -> None:
    """``None`` turns retention off."""
    with store.transaction() as conn:
        if days is None:
            conn.execute("DELETE FROM settings WHERE key = ?", (SETTING,))
        else:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
                         "DO UPDATE SET value = excluded.value", (SETTING, str(_valid(days))))


def apply_setting(store: Any, now: datetime | None = None) -> int | None:
    """Run retention if the shop turned it on; the count deleted, or None when off."""
    days = get_setting(store)
    if days is None:
        return None
    return delete_older_than(store, days, reason="automatic retention", now=now)

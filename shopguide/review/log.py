"""The review's log of actions (schema v10, ``review_actions``): what the merchant did to
each group of questions, and the store rows it replaced, so an action can be undone.

Rows are never deleted by an undo: the undo is written on the row (``undone``), so the log
keeps the store's history of what was taught and taken back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shopguide.store.connection import now, parse_time


@dataclass(frozen=True)
class Action:
    id: int
    group_key: str
    question: str  # the group's question when the action was taken (masked)
    action: str
    detail: dict[str, Any]  # what the merchant asked for (the action's parameters)
    changes: list[dict[str, Any]]  # each store row touched: kind, key, before, after
    created: datetime
    undone: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "action": self.action, "question": self.question,
                "detail": self.detail, "created": self.created.isoformat(timespec="seconds"),
                "undone": self.undone.isoformat(timespec="seconds") if self.undone else None}


_COLUMNS = "id, group_key, question, action, detail, changes, created, undone"


def _action(row: tuple[Any, ...]) -> Action:
    aid, key, question, action, detail, changes, created, undone = row
    return Action(aid, key, question, action, json.loads(detail or "{}"),
                  json.loads(changes or "[]"), parse_time(created),
                  parse_time(undone) if undone else None)


def record(conn: Any, group_key: str, question: str, action: str, detail: dict[str, Any],
           changes: list[dict[str, Any]]) -> int:
    """Write one action (inside the caller's transaction); its id."""
    cur = conn.execute(
        "INSERT INTO review_actions (group_key, question, action, detail, changes, created) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (group_key, question, action, _dumps(detail), _dumps(changes), now()))
    return int(cur.lastrowid or 0)


def mark_undone(conn: Any, action_id: int) -> None:
    conn.execute("UPDATE review_actions SET undone = ? WHERE id = ?", (now(), action_id))


def get(store: Any, action_id: int) -> Action | None:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM review_actions WHERE id = ?",
                             (action_id,)).fetchone()
    return _action(row) if row else None


def actions(store: Any, limit: int = 500) -> list[Action]:
    """Newest first."""
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM review_actions ORDER BY id DESC LIMIT ?",
                              (int(limit),))
    return [_action(r) for r in rows]


def in_force(store: Any) -> dict[str, Action]:
    """Each group's latest action that was not undone."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM review_actions WHERE id IN (SELECT max(id) FROM review_actions "
        "WHERE undone IS NULL GROUP BY group_key)")
    return {a.group_key: a for a in map(_action, rows)}


def all_in_force(store: Any) -> list[Action]:
    """Every action not undone, oldest first (for the fine-tune pairs)."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM review_actions WHERE undone IS NULL ORDER BY id")
    return [_action(r) for r in rows]


def _dumps(value: Any) -> str:
    # Keys sorted at every depth, also inside a list of maps (json_column sorts keys only
    # when the outer value is a map): a logged row's text is stable.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

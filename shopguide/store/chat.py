"""Conversations and their messages, with the shopper's helpful / not-helpful ratings."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from shopguide.store.connection import now, parse_time
from shopguide.store.core import StoreBase
from shopguide.store.errors import StoreError
from shopguide.store.models import Conversation, Message

MODES = ("clerk", "kiosk", "demo")
ROLES = ("user", "assistant", "system")


def _message(r: dict[str, Any]) -> Message:
    return Message(
        id=r["id"], conversation_id=r["conversation_id"], role=r["role"], text=r["text"],
        created=parse_time(r["created"]),
        cards=json.loads(r["cards"]) if r["cards"] else None,
        meta=json.loads(r["meta"]) if r["meta"] else None,
        rating=r["rating"],
    )


def _conversation(r: dict[str, Any]) -> Conversation:
    return Conversation(r["id"], r["customer_id"], r["mode"], parse_time(r["started"]))


class ChatMixin(StoreBase):
    def start_conversation(self, customer_id: str | None = None, mode: str = "clerk") -> int:
        if mode not in MODES:
            raise StoreError(f"unknown conversation mode {mode!r}")
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO conversations (customer_id, mode, started) VALUES (?, ?, ?)",
                (customer_id or None, mode, now()))
        return int(cur.lastrowid or 0)

    def conversation(self, conversation_id: int) -> Conversation | None:
        rows = self.query("SELECT * FROM conversations WHERE id = ?", (conversation_id,))
        return _conversation(rows[0]) if rows else None

    def conversations(self, customer_id: str | None = None, limit: int = 100) -> list[Conversation]:
        """Newest first; a customer's own when ``customer_id`` is given."""
        if customer_id is None:
            rows = self.query("SELECT * FROM conversations ORDER BY id DESC LIMIT ?", (limit,))
        else:
            rows = self.query("SELECT * FROM conversations WHERE customer_id = ? "
                              "ORDER BY id DESC LIMIT ?", (customer_id, limit))
        return [_conversation(r) for r in rows]

    def link_conversation(self, conversation_id: int, customer_id: str | None) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE conversations SET customer_id = ? WHERE id = ?",
                         (customer_id, conversation_id))

    def add_message(self, conversation_id: int, role: str, text: str,
                    cards: list | None = None, meta: dict | None = None) -> int:
        if role not in ROLES:
            raise StoreError(f"unknown message role {role!r}")
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO messages (conversation_id, role, text, cards, meta, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (conversation_id, role, text,
                 None if cards is None else json.dumps(cards, ensure_ascii=False, default=str),
                 None if meta is None else json.dumps(meta, ensure_ascii=False, default=str),
                 now()))
        return int(cur.lastrowid or 0)

    def messages(self, conversation_id: int) -> list[Message]:
        rows = self.query("SELECT * FROM messages WHERE conversation_id = ? ORDER BY id",
                          (conversation_id,))
        return [_message(r) for r in rows]

    def rate_message(self, message_id: int, rating: int | None) -> None:
        """+1 helpful, -1 not helpful, None clears the rating."""
        if rating not in (1, -1, None):
            raise StoreError("a rating is +1 (helpful) or -1 (not helpful)")
        with self.transaction() as conn:
            conn.execute("UPDATE messages SET rating = ? WHERE id = ?", (rating, message_id))

    def delete_conversation(self, conversation_id: int) -> bool:
        with self.transaction() as conn:
            return conn.execute("DELETE FROM conversations WHERE id = ?",
                                (conversation_id,)).rowcount > 0

    def delete_conversations_before(self, before: datetime) -> int:
        """Retention: delete conversations started before ``before``; returns how many."""
        with self.transaction() as conn:
            return conn.execute("DELETE FROM conversations WHERE started < ?",
                                (before.isoformat(timespec="microseconds"),)).rowcount

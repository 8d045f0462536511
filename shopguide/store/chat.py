"""Conversations and their messages, with the shopper's helpful / not-helpful ratings."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from shopguide.store.connection import now, parse_time
from shopguide.store.core import StoreBase
from shopguide.store.errors import StoreError
from shopguide.store.models import CONSENT_HISTORY, Conversation, Message

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
                (self._linkable(customer_id, mode), mode, now()))
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
        """Link to ``customer_id``, or unlink when the person may not be linked (a
        conversation now serving someone else must not stay with the previous one)."""
        with self.transaction() as conn:
            row = conn.execute("SELECT mode FROM conversations WHERE id = ?",
                               (conversation_id,)).fetchone()
            conn.execute("UPDATE conversations SET customer_id = ? WHERE id = ?",
                         (self._linkable(customer_id, row[0] if row else "clerk"),
                          conversation_id))

    def _linkable(self, customer_id: str | None, mode: str) -> str | None:
        """The one gate for linking (privacy): never in a kiosk, and only with the
        person's "history" consent in force; otherwise the conversation stays anonymous."""
        if not customer_id or mode == "kiosk":
            return None
        allowed = self.consent_in_force  # type: ignore[attr-defined]  # PeopleMixin
        return customer_id if allowed(customer_id, CONSENT_HISTORY) else None

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

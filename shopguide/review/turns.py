"""The saved turns the review reads, and why a turn needs the merchant's eye.

The engine saves each turn as a ``user`` message followed by an ``assistant`` message whose
``meta`` holds the intent and the sources shown (``guide/engine.py``), and the shopper may
rate the answer. A turn needs review when it was answered as out of scope, when it was a
request that found nothing to show, when the shopper rated it not helpful, or when the
shopper asked much the same again right after it. Only what the store keeps is read: turns
past the privacy retention are left out even before the retention run deletes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from shopguide.review.masking import Masker, without_masks
from shopguide.store.connection import parse_time
from shopguide.text import fold, plain

OUT_OF_SCOPE = "out_of_scope"
NOT_FOUND = "not_found"
NOT_HELPFUL = "not_helpful"
REPHRASED = "rephrased"
REASONS = (OUT_OF_SCOPE, NOT_FOUND, NOT_HELPFUL, REPHRASED)

ANSWERING = ("find", "locate", "compare", "policy")  # intents that owe the shopper something
# A shopper who asks again this soon after an answer is still on the same need; later it is
# more likely a new visit to the question.
REPHRASE_SECONDS = 180
# Two questions say much the same when at least this share of their words (not numbers:
# "under 300" after "under 500" is a new budget, not a new need) is shared (Jaccard).
REPHRASE_OVERLAP = 0.5


@dataclass
class Turn:
    """One question and the answer it got, masked."""

    message_id: int  # the answer's message id (its rating lives there)
    conversation_id: int
    question: str
    answer: str
    asked: datetime
    answered: datetime
    intent: str
    sources: tuple[str, ...]
    cards: list[dict[str, Any]]
    rating: int | None
    reply: str | None  # the store's own "we don't carry" reply that answered it
    words: tuple[str, ...]  # the question's analysed words, sorted
    reasons: set[str] = field(default_factory=set)

    @property
    def answered_ok(self) -> bool:
        """Something was shown or said for it: a product, a policy or the store's reply."""
        return bool(self.sources or self.reply)


def analysed_words(text: str) -> tuple[str, ...]:
    """The content words of a (masked) question as the text analysis reads them, sorted.

    The analyzer without store words: a group's key must not move when the merchant adds
    a synonym (a registered Chinese word would segment the same question differently).
    """
    return tuple(sorted(plain().terms(without_masks(text))))


def group_key(text: str) -> str:
    """What questions that say the same thing share: their analysed words."""
    words = analysed_words(text)
    return " ".join(words) if words else " ".join(fold(without_masks(text)).split())


def read_turns(store: Any, masker: Masker, now: datetime | None = None,
               since: datetime | None = None) -> list[Turn]:
    """Every kept turn, oldest first, masked, with its reasons for review."""
    turns = list(_turns(store, masker, _retention_cutoff(store, now)))
    mark_reasons(turns)  # before ``since``: a rephrase is read from the turn after
    return [t for t in turns if since is None or t.asked >= since]


def _retention_cutoff(store: Any, now: datetime | None) -> datetime | None:
    from shopguide.privacy.retention import get_setting

    days = get_setting(store)
    if days is None:
        return None
    return (now or datetime.now(timezone.utc)) - timedelta(days=days)


def _turns(store: Any, masker: Masker, cutoff: datetime | None) -> Iterator[Turn]:
    import json

    sql = ("SELECT m.id, m.conversation_id, m.role, m.text, m.cards, m.meta, m.rating, "
           "m.created FROM messages m JOIN conversations c ON c.id = m.conversation_id "
           "WHERE m.role IN ('user', 'assistant')")
    params: list[Any] = []
    if cutoff is not None:
        sql += " AND c.started >= ?"
        params.append(cutoff.astimezone(timezone.utc).isoformat(timespec="microseconds"))
    question: tuple[int, str, str] | None = None  # (conversation, text, created)
    for mid, cid, role, text, cards, meta, rating, created in store.conn.execute(
            sql + " ORDER BY m.conversation_id, m.id", params):
        if role == "user":
            question = (cid, text, created)
            continue
        if question is None or question[0] != cid:
            continue  # an answer without its question (never written so): nothing to review
        info = json.loads(meta) if meta else {}
        masked = masker(question[1])
        yield Turn(mid, cid, masked, masker(text), parse_time(question[2]), parse_time(created),
                   str(info.get("intent") or ""), tuple(info.get("sources") or ()),
                   json.loads(cards) if cards else [], rating, info.get("reply"),
                   analysed_words(masked))
        question = None


def mark_reasons(turns: list[Turn]) -> None:
    """Set each turn's reasons for review (turns in conversation order)."""
    for turn in turns:
        if turn.intent == OUT_OF_SCOPE and not turn.reply:
            turn.reasons.add(OUT_OF_SCOPE)
        elif turn.intent in ANSWERING and not turn.sources:
            turn.reasons.add(NOT_FOUND)
        if turn.rating == -1:
            turn.reasons.add(NOT_HELPFUL)
    for first, then in zip(turns, turns[1:]):
        if first.conversation_id == then.conversation_id and rephrased(first, then):
            first.reasons.add(REPHRASED)
    for turn in turns:
        if turn.rating == 1:
            turn.reasons.clear()  # the shopper said it helped: nothing to correct


def rephrased(first: Turn, then: Turn) -> bool:
    """Whether ``then`` asks ``first`` again in other words, soon after its answer."""
    if (then.asked - first.answered).total_seconds() > REPHRASE_SECONDS:
        return False
    a = {w for w in first.words if not _number(w)}
    b = {w for w in then.words if not _number(w)}
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= REPHRASE_OVERLAP


def _number(word: str) -> bool:
    return word.replace(".", "", 1).isdigit()

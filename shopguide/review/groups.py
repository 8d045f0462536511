"""Questions to review, grouped when they say the same thing (the same analysed words).

A group carries how often it was asked, when last, why it is here, the latest phrasing and
the answer it got with its cards, so the merchant sees at once what shoppers meet. A group
the merchant acted on leaves the list; if it keeps failing after the action (asked again
later and still out of scope), it comes back with only those later turns. An ignored group
stays hidden.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from shopguide.review import log as review_log
from shopguide.review.masking import store_masker
from shopguide.review.turns import REASONS, Turn, group_key, read_turns
from shopguide.text import detect_lang

MAX_PHRASINGS = 5


@dataclass
class Group:
    id: str  # short and stable: a hash of the key, for the CLI and the window
    key: str  # the analysed words the questions share
    question: str  # the latest phrasing (masked)
    phrasings: list[str]  # distinct phrasings, latest first (masked)
    count: int
    first_asked: datetime
    last_asked: datetime
    reasons: dict[str, int]
    answer: str  # the latest answer given (masked)
    intent: str
    cards: list[dict[str, Any]]
    lang: str
    action: review_log.Action | None = None  # the merchant's latest action still in force
    turns: list[Turn] = field(default_factory=list, repr=False)

    def to_json(self) -> dict[str, Any]:
        """The documented shape of one row of ``shopguide review list --json``."""
        return {"id": self.id, "key": self.key, "question": self.question,
                "phrasings": self.phrasings, "count": self.count,
                "first_asked": _iso(self.first_asked), "last_asked": _iso(self.last_asked),
                "reasons": self.reasons, "lang": self.lang, "intent": self.intent,
                "answer": self.answer, "cards": self.cards,
                "action": self.action.to_json() if self.action else None}


def group_id(key: str) -> str:
    return "g" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def build_groups(turns: list[Turn], actions: dict[str, review_log.Action] | None = None,
                 include_done: bool = False) -> list[Group]:
    """Turns needing review, grouped; most asked first, then most recent.

    ``actions``: each group key's action in force. Turns asked before it are settled (the
    action answered them), so only later ones count; with ``include_done`` the settled and
    ignored groups are listed too, carrying their action.
    """
    actions = actions or {}
    by_key: dict[str, list[Turn]] = {}
    for turn in turns:
        if turn.reasons:
            by_key.setdefault(group_key(turn.question), []).append(turn)
    groups = []
    for key, members in by_key.items():
        action = actions.get(key)
        open_ = members
        if action is not None:
            open_ = [] if action.action == "ignore" else [
                t for t in members if t.asked > action.created]
        if open_ or include_done:
            groups.append(_group(key, open_ or members, action))
    groups.sort(key=lambda g: (-g.count, -g.last_asked.timestamp(), g.key))
    return groups


def _group(key: str, members: list[Turn], action: review_log.Action | None) -> Group:
    latest = max(members, key=lambda t: (t.asked, t.message_id))
    phrasings: list[str] = []
    for t in sorted(members, key=lambda t: (t.asked, t.message_id), reverse=True):
        if t.question not in phrasings:
            phrasings.append(t.question)
    reasons = {r: sum(r in t.reasons for t in members) for r in REASONS}
    return Group(group_id(key), key, latest.question, phrasings[:MAX_PHRASINGS], len(members),
                 min(t.asked for t in members), latest.asked,
                 {r: n for r, n in reasons.items() if n}, latest.answer, latest.intent,
                 latest.cards, detect_lang(latest.question), action, members)


def review_groups(store: Any, include_done: bool = False, now: datetime | None = None,
                  since: datetime | None = None) -> list[Group]:
    """The review list of this store (what ``shopguide review list`` shows)."""
    turns = read_turns(store, store_masker(store), now=now, since=since)
    return build_groups(turns, review_log.in_force(store), include_done)


def find_group(store: Any, ref: str) -> Group:
    """A group by its id (``g1a2b3c4d``) or its key, listed or settled."""
    from shopguide.review.errors import ReviewError

    ref = ref.strip()
    for group in review_groups(store, include_done=True):
        if ref in (group.id, group.key):
            return group
    raise ReviewError(f"no question group {ref!r} to review; 'shopguide review list' shows "
                      "the groups and their ids")

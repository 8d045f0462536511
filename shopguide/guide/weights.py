"""How much each word of a question weighs in this store: its IDF among products and FAQ
rows together (the index's own counts, ``store/word_stats.py``), a misspelt English word
repaired against the index's words first."""

from __future__ import annotations

import math
import re

from shopguide.guide.candidates import StoreLike
from shopguide.guide.matching import Alt, Slot, Terms
from shopguide.guide.query import TYPO
from shopguide.guide.vocab import StoreVocab
from shopguide.text.spelling import nearest_english

HEAD = 1.5  # weight of a compound's head word against its modifiers
UNKNOWN = 1.0  # weight of a word no row of the store holds, in units of the rarest word's


def _index_words(key: str, script: str) -> list[str]:
    """The full-text index's words for one analysed key: a Chinese word's character pairs
    (or its character), an English word's parts (the index splits at '-')."""
    if script == "zh":
        return [key] if len(key) == 1 else [key[i:i + 2] for i in range(len(key) - 1)]
    return [m.group(0) for m in re.finditer(r"[^\W_]+", key)] or [key]


def weigh(store: StoreLike, vocab: StoreVocab, terms: Terms) -> None:
    """Give every slot the weight of what it says in this store: its IDF among products and
    FAQ rows together; a word no row holds weighs UNKNOWN of the rarest word's."""
    stats = getattr(store, "doc_counts", None)
    if not callable(stats) or not terms.slots:
        return
    cache: dict[str, int] = vocab.__dict__.setdefault("_doc_counts", {})
    wanted: list[str] = []
    per_slot: list[list[str]] = []
    for slot in terms.slots:
        said = [a for a in slot.alts if a.weight >= 1.0][: 1 if slot.role != "topic" else 99]
        words = [w for a in (said if slot.role != "topic" else slot.alts[:1] + said)
                 for w in _index_words(a.key, a.script)]
        per_slot.append(words)
        wanted += [w for w in words if w not in cache]
    try:
        if wanted or "_total" not in cache:
            total, counts = stats(wanted)
            cache.update(counts)
            cache["_total"] = total
    except Exception:  # a store without the statistics (an old file, a test double)
        return
    n = max(int(cache["_total"]), 1)
    top = math.log(1 + (n + 0.5) / 0.5)
    for slot, words in zip(terms.slots, per_slot):
        dfs = [cache.get(w, 0) for w in words]
        df = min(dfs) if dfs else 0
        if df == 0 and slot.alts[0].script == "en" and slot.role != "topic":
            df = _repair_english(store, vocab, slot, cache)
        slot.known = df > 0
        slot.idf = UNKNOWN * top if df == 0 else math.log(1 + (n - df + 0.5) / (df + 0.5))
        if slot.head:
            slot.idf *= HEAD


def _repair_english(store: StoreLike, vocab: StoreVocab, slot: Slot,
                    cache: dict[str, int]) -> int:
    """A misspelt English word ("sweetner", "recieved"): the nearest word of the store's
    index joins the slot as a slightly weaker alternative; returns its document count."""
    key = slot.alts[0].key
    near = nearest_english(key, vocab.latin_words)
    if near is None:
        return 0
    words = [near]
    slot.alts += [Alt(w, "en", TYPO, w) for w in words]
    missing = [w for w in words if w not in cache]
    if missing:
        try:
            cache.update(store.doc_counts(missing)[1])  # type: ignore[attr-defined]
        except Exception:
            return 0
    return min(cache.get(w, 0) for w in words)

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
from shopguide.text import fold
from shopguide.text.english import in_lexicon, stem
from shopguide.text.spelling import nearest_english

HEAD = 1.5  # weight of a compound's head word against its modifiers
PURPOSE = 0.6  # weight of a word of what the thing is for against the thing's own words
UNKNOWN = 1.0  # weight of a word no row of the store holds, in units of the rarest word's
MIN_PART = 4  # letters of a one-word compound's shortest part


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
            # A typo first ("backback" is a backpack, not back + back), then a compound.
            df = _repair_english(store, vocab, slot, cache) or _split_english(
                store, vocab, slot, cache)
        slot.known = df > 0
        slot.idf = UNKNOWN * top if df == 0 else math.log(1 + (n - df + 0.5) / (df + 0.5))
        if slot.head:
            slot.idf *= HEAD
        elif slot.purpose:
            slot.idf *= PURPOSE


def _doc_count(store: StoreLike, words: list[str], cache: dict[str, int]) -> int:
    """The fewest rows holding any of ``words`` (looked up once, then cached)."""
    missing = [w for w in words if w not in cache]
    if missing:
        try:
            cache.update(store.doc_counts(missing)[1])  # type: ignore[attr-defined]
        except Exception:
            return 0
    return min(cache.get(w, 0) for w in words)


def _split_english(store: StoreLike, vocab: StoreVocab, slot: Slot,
                   cache: dict[str, int]) -> int:
    """An English compound written as one word that the store writes as two ("birdseed":
    bird, seed): the two words join the slot as one alternative a row must hold both of;
    returns the rarer word's document count. Each part has MIN_PART letters or more (shorter
    parts make accidental splits of ordinary words: car + pet), and the split that leaves the
    longer shorter part wins ("snowboots": snow + boots)."""
    word = fold(slot.alts[0].text or slot.said)
    if not word.isalpha() or len(word) < 2 * MIN_PART:
        return 0
    known = vocab.latin_set
    splits = [(stem(word[:i]), stem(word[i:]), i)
              for i in range(MIN_PART, len(word) - MIN_PART + 1)]
    splits = [s for s in splits if s[0] in known and s[1] in known]
    if not splits:
        return 0
    left, right, i = max(splits, key=lambda s: min(s[2], len(word) - s[2]))
    df = _doc_count(store, [left, right], cache)
    if df:
        _add(slot, Alt(f"{left} {right}", "en", TYPO, f"{word[:i]} {word[i:]}",
                       parts=(left, right)))
    return df


def _add(slot: Slot, alt: Alt) -> None:
    """A repair joins the slot once: a question's slots are weighed again on every turn
    that carries them."""
    if all(a.key != alt.key for a in slot.alts):
        slot.alts.append(alt)


def _repair_english(store: StoreLike, vocab: StoreVocab, slot: Slot,
                    cache: dict[str, int]) -> int:
    """A misspelt English word ("sweetner", "recieved"): the nearest word of the store's
    index joins the slot as a slightly weaker alternative; returns its document count."""
    key = slot.alts[0].key
    if in_lexicon(fold(slot.alts[0].text or slot.said)):
        return 0  # "eyeliner" is no typo for the store's "eyelid"
    near = nearest_english(key, vocab.latin_words)
    if near is None:
        return 0
    _add(slot, Alt(near, "en", TYPO, near))
    return _doc_count(store, [near], cache)

"""Typos, repaired against the store's own words only.

Real shoppers type "电饭褒" for 电饭煲 and "空气炸过" for 空气炸锅 (a pinyin input method offers
the homophone), "sweetner", "recieved" and "planner" for planer. A word the store does not
know is compared with the words it does: a Chinese run whose pinyin (without tones) is that
of a store word differing in one character, an English word within one or two edits of a
word of the store's index. The repaired word joins the question as a slightly weaker
alternative; a word the store knows is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

MAX_WINDOW = 6


@lru_cache(maxsize=65536)
def pinyin(text: str) -> str:
    """Toneless pinyin of a Chinese text, syllables joined by spaces."""
    from pypinyin import lazy_pinyin  # loaded only when a repair is tried (~0.15 s)

    return " ".join(lazy_pinyin(text))


class ChineseSpeller:
    """Store words by their sound: a homophone typo of one of them is found by its pinyin."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = sorted({w for w in words if 2 <= len(w) <= MAX_WINDOW}, key=len,
                             reverse=True)
        self._by_sound: dict[str, list[str]] | None = None

    def _index(self) -> dict[str, list[str]]:
        if self._by_sound is None:
            self._by_sound = {}
            for w in self._words:
                self._by_sound.setdefault(pinyin(w), []).append(w)
        return self._by_sound

    def repair(self, run: str) -> list[tuple[int, int, str]]:
        """Spans of ``run`` that sound like a store word but are written one character
        differently, with that word: (start, end, word), longest first, no overlaps."""
        if len(run) < 2 or not self._words:
            return []
        index = self._index()
        out: list[tuple[int, int, str]] = []
        taken: set[int] = set()
        for n in range(min(MAX_WINDOW, len(run)), 1, -1):
            for i in range(len(run) - n + 1):
                window = run[i:i + n]
                if taken & set(range(i, i + n)):
                    continue
                for word in index.get(pinyin(window), ()):
                    if word != window and sum(a != b for a, b in zip(word, window)) == 1:
                        out.append((i, i + n, word))
                        taken |= set(range(i, i + n))
                        break
        return out


def english_distance(word: str) -> int:
    """How many edits a typo of this length may carry: none under 6 letters (a short word
    has real words one edit away: mower, power, moder), one under 9, then two."""
    return 0 if len(word) < 6 else 1 if len(word) < 9 else 2


def nearest_english(word: str, vocabulary: list[str]) -> str | None:
    """The vocabulary word within the allowed edits of ``word`` (a stem against stems):
    edits are insertions, deletions, substitutions and swapped neighbours ("recieve"), and
    a typo keeps its first two letters ("mower" is no typo of "power")."""
    limit = english_distance(word)
    if not limit or not vocabulary:
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    same_start = [v for v in vocabulary if v[:2] == word[:2]]
    hit = process.extractOne(word, same_start, scorer=OSA.distance, score_cutoff=limit)
    return hit[0] if hit and hit[0] != word else None


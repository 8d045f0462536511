"""Finding phrases in analysed text, on word boundaries.

A phrase matches where its characters (Chinese) or its words (English, compared by stem)
stand in the text starting and ending at word boundaries: ``非`` (not) is no negation inside
``非常`` (very), ``人工`` (a person) no call for staff inside ``人工智能``, and ``return``
matches ``returns`` and ``returning``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from shopguide.text import resources
from shopguide.text.analyzer import Token
from shopguide.text.english import WORD, stem
from shopguide.text.normalize import fold
from shopguide.text.script import has_cjk


def overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the span ``a`` (start, end offsets) overlaps any of ``spans``."""
    return any(a[0] < e and s < a[1] for s, e in spans)


@dataclass(frozen=True)
class Found:
    phrase: str  # the phrase as listed (folded)
    start: int  # offsets in the normalised text
    end: int
    first: int  # index of the first token covered
    last: int  # index of the last token covered (inclusive)


class Phrases:
    """A set of phrases to look for; each may carry a value (what it stands for)."""

    def __init__(self, phrases: Iterable[str] | dict[str, object], exact: bool = False,
                 inside: bool = False, separable: bool = False, degrees: bool = False) -> None:
        """``exact``: English words compare as written (folded), not by stem: a list that
        spells out its forms ("return", "returns") should not reach "opened" from "open".
        ``inside``: a Chinese phrase of two or more characters may also begin a longer word
        (退换 in 退换货, not 开门 in 对开门); for lists of words such as policy topics.
        ``separable``: a two-character Chinese phrase is also found split by a filler
        (``zh/separable_fillers.txt``: 退一下款 is 退款), as shoppers split verb-object words.
        ``degrees``: a phrase of the shopper's (a cue, a topic) is also found with degree words
        inside it ("don't really like", 不太喜欢); a catalog's names and tags are not."""
        self.exact = exact
        self.inside = inside
        items = phrases.items() if isinstance(phrases, dict) else ((p, p) for p in phrases)
        self.values: dict[str, object] = {}
        self._frames: list[tuple[str, re.Pattern[str]]] = []
        self._zh: list[str] = []
        self._en: dict[tuple[str, ...], str] = {}
        for phrase, value in items:
            p = fold(phrase)
            if not p:
                continue
            self.values.setdefault(p, value)
            if "..." in p:  # a frame: "有…吗" (folded to 有...吗) is 有, a few words, then 吗
                # An English end is a whole word ("take...back" is not in "take a backpack").
                parts = [(r"\b" if re.match(r"[a-z0-9]", x) else "") + re.escape(x)
                         + (r"\b" if re.search(r"[a-z0-9]$", x) else "") for x in p.split("...")]
                self._frames.append((p, re.compile(r"[^,，。.;；!！?？]{1,20}?".join(parts))))
            elif has_cjk(p):
                self._zh.append(p)
            else:
                words = tuple(self._key(m.group(0)) for m in WORD.finditer(p))
                rest = WORD.sub("", p).strip()
                if words:
                    self._en.setdefault(words, p)
                elif rest:  # a symbol phrase ("¥", "<=") matches as characters
                    self._zh.append(p)
        self._zh.sort(key=len, reverse=True)
        fillers = "|".join(re.escape(f) for f in sorted(
            resources.word_list("zh/separable_fillers.txt"), key=len, reverse=True)) \
            if separable else ""
        self._split = [(p, re.compile(f"{re.escape(p[0])}(?:{fillers}){re.escape(p[1])}"))
                       for p in self._zh if fillers and len(p) == 2 and has_cjk(p)]
        if degrees:
            self._split += _with_degree(self._zh)
        self._frames.sort(key=lambda f: len(f[0]), reverse=True)
        self._longest = max((len(k) for k in self._en), default=0)
        self._degree = {self._key(w) for w in resources.word_list("en/degree_words.txt")} \
            if degrees else set()

    def _key(self, word: str) -> str:
        return word.replace("’", "'") if self.exact else stem(word)

    def __bool__(self) -> bool:
        return bool(self._zh or self._en or self._frames)

    def find(self, norm: str, tokens: Sequence[Token]) -> list[Found]:
        """Every phrase occurrence, longest first, without overlaps, in text order."""
        starts = {t.start: i for i, t in enumerate(tokens)}
        ends = {t.end: i for i, t in enumerate(tokens)}
        found: list[Found] = []
        taken: set[int] = set()
        for p, rx in self._frames:  # frames start at a word (有轻一点的吗: 有 starts 有轻)
            for m in rx.finditer(norm):
                first = _token_at(tokens, m.start())
                last = _token_at(tokens, m.end() - 1)
                if tokens and tokens[first].start == m.start() or not tokens:
                    found.append(Found(p, m.start(), m.end(), first, last))
        for p, rx in self._split:  # split by a filler, whole words on both sides: before the
            for m in rx.finditer(norm):  # phrases within it (退一下 of 退一下款)
                span = set(range(m.start(), m.end()))
                if m.start() in starts and m.end() in ends and not span & taken:
                    taken |= span
                    found.append(Found(p, m.start(), m.end(), starts[m.start()], ends[m.end()]))
        for p in self._zh:
            at = norm.find(p)
            while at >= 0:
                end = at + len(p)
                aligned = at in starts and end in ends
                # Inside a longer word only at its start: 退换 in 退换货, not 开门 in 对开门;
                # and within that one word: 可以退 must not cut 可以|退换 apart.
                leading = self.inside and len(p) >= 2 and at in starts \
                    and end <= tokens[starts[at]].end
                if aligned or leading or not p[0].isalnum() and not has_cjk(p):
                    first = starts.get(at, _token_at(tokens, at))
                    last = ends.get(end, _token_at(tokens, end - 1))
                    span = set(range(at, end))
                    if not span & taken:
                        taken |= span
                        found.append(Found(p, at, end, first, last))
                at = norm.find(p, at + 1)
        if self._en:
            keys = [None if t.script == "zh" else (self._key(t.text) if self.exact else t.key)
                    for t in tokens]
            self._find_en(keys, list(range(len(tokens))), tokens, 1, taken, found)
            # "don't really like" is "don't like": a phrase of several words is found with
            # degree words between them skipped (within one clause).
            kept = [i for i, k in enumerate(keys) if k not in self._degree]
            if len(kept) < len(keys):
                self._find_en([keys[i] for i in kept], kept, tokens, 2, taken, found, norm)
        return sorted(found, key=lambda f: f.start)

    def _find_en(self, keys: list[str | None], at: list[int], tokens: Sequence[Token],
                 shortest: int, taken: set[int], found: list[Found], norm: str = "") -> None:
        """English phrases over ``keys`` (the keys of ``tokens[at[i]]``), longest first;
        ``norm``: the text, when words may have been skipped (no clause mark in between)."""
        for n in range(min(self._longest, len(keys)), shortest - 1, -1):
            for i in range(len(keys) - n + 1):
                p = self._en.get(tuple(keys[i:i + n]))  # type: ignore[arg-type]
                if p is None:
                    continue
                first, last = at[i], at[i + n - 1]
                a, b = tokens[first].start, tokens[last].end
                if norm and CLAUSE_MARK.search(norm, a, b):
                    continue
                span = set(range(a, b))
                if not span & taken:
                    taken |= span
                    found.append(Found(p, a, b, first, last))

    def any(self, norm: str, tokens: Sequence[Token]) -> bool:
        return bool(self.find(norm, tokens))


CLAUSE_MARK = re.compile(r"[,，。.;；!！?？]")  # where a clause of a message ends
# The characters a negated phrase needs for a degree word to stand in it: 不怎么用 is
# "rarely use", not 不用 (no need).
NEGATED_MIN = 3


def _with_degree(phrases: Iterable[str]) -> list[tuple[str, re.Pattern[str]]]:
    """Chinese phrases that begin with a negation, found with a degree word after it (不太喜欢
    is 不喜欢): each with its pattern, as the separable ones are."""
    negators = resources.word_list("zh/negators.txt")
    degree = "|".join(re.escape(w) for w in sorted(
        resources.word_list("zh/degree_words.txt"), key=len, reverse=True))
    return [(p, re.compile(f"{re.escape(p[0])}(?:{degree}){re.escape(p[1:])}"))
            for p in phrases if degree and len(p) >= NEGATED_MIN and p[0] in negators
            and has_cjk(p)]


def _token_at(tokens: Sequence[Token], offset: int) -> int:
    for i, t in enumerate(tokens):
        if t.start <= offset < t.end:
            return i
    return max(0, len(tokens) - 1)


def alternation(phrases: Iterable[str], after_letters: bool = False) -> str:
    """One regex alternation of phrases (not compiled, to build larger patterns from),
    longest first, spaces as any run of spaces; an English phrase does not begin or end inside
    a word, unless ``after_letters``: then it may follow letters or digits ("40l", "2-person"),
    as a unit after its number does. Never matches anything for no phrases."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in p.split())
        if has_cjk(p) or not p[:1].isalnum():
            parts.append(body)
        else:
            lead = "" if after_letters else r"(?<![a-z0-9])"
            parts.append(rf"{lead}{body}(?![a-z0-9])")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!x)x"


@lru_cache(maxsize=64)
def pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern for a list of words over raw (folded) text, for checks that run
    on a whole message or a model's sentence rather than on analysed text: Chinese words as
    substrings, English ones on word boundaries."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        if "..." in w:  # a frame, as in Phrases: a few words of one clause in between
            parts.append(r"[^,，。.;；!！?？]{1,20}?".join(re.escape(x.strip()) for x in w.split("...")))
        elif has_cjk(w):
            parts.append(re.escape(w))
        else:
            parts.append(rf"(?<![a-z0-9]){re.escape(w.strip())}(?![a-z0-9])")
    return re.compile("|".join(parts))

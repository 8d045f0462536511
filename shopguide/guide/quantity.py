"""Quantities a shopper asks for and products state: "4人" / "for 4 people", "40升" / "40L".

A tent for four people is the 3-4 person one, not the first tent the index ranks; a 40 L
backpack is the 40升 one. Both sides are read the same way, as (low, high, unit) ranges,
so "3-4人" holds 4 and "双人" is 2. Only units whose number says what the product is for
are read: people and volume. Sizes and prices have their own constraints. How each is said
(units, number words, the words of a temperature) is language data:
``resources/lang/quantities.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from shopguide.guide.budget import around_words
from shopguide.text import fold, normalize_numbers, resources
from shopguide.text.phrases import CLAUSE_MARK, alternation

UNITS = ("people", "litre", "ml")  # units whose number says what the product is for


def _alt(words: Sequence[str]) -> str:
    # A unit stands right after its number ("40l"): no word boundary before it.
    return alternation(words, after_letters=True)


def _said(kind: str, lang: str | None = None) -> tuple[str, ...]:
    by = resources.quantities().get(kind, {})
    return tuple(w for code, ws in by.items() if lang is None or code == lang for w in ws)


@dataclass(frozen=True)
class _Shapes:
    counts: dict[str, float]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    age_range: re.Pattern[str]
    age: re.Pattern[str]
    asked_age: re.Pattern[str]
    months: frozenset[str]
    range_only: frozenset[str]  # units that are an age only near an age word
    bare_for: re.Pattern[str]
    temp: re.Pattern[str]
    below_zero: re.Pattern[str]
    below_words: tuple[str, ...]


@lru_cache(maxsize=1)
def _shapes() -> _Shapes:
    counts = {w: float(v) for w, _, v in (x.partition("=") for x in _said("count")) if v}
    num = rf"(\d+(?:\.\d+)?|{_alt(tuple(counts))})"
    joined = rf"{num}(?:\s*{_alt(_said('range'))}\s*{num})?"
    # ("2-Person": a hyphen may join an English unit to its number)
    patterns = tuple(
        (unit, re.compile(rf"{joined}\s*(?:{_alt(_said(unit, 'zh'))}"
                          rf"|-?\s*{_alt(_said(unit, 'en'))})", re.I))
        for unit in UNITS)
    bare_for = re.compile(rf"\b{_alt(_said('for'))}\s+(\d+)(?:\s*{_alt(_said('range'))}\s*(\d+))?"
                          rf"\b(?!\s*{_alt(_said('for_not'))})", re.I)
    below = _said("below_zero")
    temp = re.compile(rf"({_alt(_said('minus'))}\s*)?\s*(\d+(?:\.\d+)?)\s*{_alt(_said('degree'))}"
                      rf"(\s*{_alt(below + _said('degree_after'))})?", re.I)
    below_zero = re.compile(rf"(\d+(?:\.\d+)?)\s*(?:{_alt(_said('degree', 'en'))}\s*)?"
                            rf"{_alt(tuple(w for w in below if ' ' in w))}", re.I)
    alone = _said("age_year") + _said("age_month")
    ranged = alone + _said("age_year_range") + _said("age_month_range")
    sep = _alt(_said("range"))
    age_range = re.compile(rf"{num}\s*({_alt(ranged)})?\s*{sep}\s*{num}\s*({_alt(ranged)})",
                           re.I)
    age = re.compile(rf"{num}\s*({_alt(alone)})", re.I)
    asked_age = re.compile(rf"{num}\s*({_alt(alone + _said('age_month_range'))})", re.I)
    months = frozenset(_said("age_month") + _said("age_month_range"))
    range_only = frozenset(w.lower() for w in _said("age_year_range") + _said("age_month_range"))
    return _Shapes(counts, patterns, age_range, age, asked_age, months, range_only, bare_for,
                   temp, below_zero, below)


# Temperatures: "零下10度", "-10℃", "minus 10 degrees", "10 below". A product's stated
# temperature is how cold it is rated for (its lowest one counts), so it holds any colder
# need down to that; the shopper's is the cold they will face.
def temperatures(text: str) -> list[float]:
    shapes = _shapes()
    text = fold(text)  # as the resource's words are: ℃ is °c
    out = []
    for m in shapes.temp.finditer(text):
        value = float(m.group(2))
        after = (m.group(3) or "").strip().lower()
        below = any(after == w or after.startswith(w) for w in shapes.below_words)
        out.append(-value if m.group(1) or below else value)
    out += [-float(m.group(1)) for m in shapes.below_zero.finditer(text)]
    return out


@lru_cache(maxsize=1)
def _grams() -> tuple[dict[str, float], re.Pattern[str]]:
    units = {w: float(v) for w, _, v in (x.partition("=") for x in _said("weight")) if v}
    return units, re.compile(rf"(\d+(?:\.\d+)?)\s*({_alt(tuple(units))})", re.I)


AROUND_CHARS = 8  # how far before or after a figure the words that say what it is stand


@lru_cache(maxsize=8)
def _words(kind: str) -> re.Pattern[str]:
    """The words of a kind of quantities.csv, as one pattern."""
    return re.compile(_alt(_said(kind)), re.I)


def _near(text: str, start: int, end: int, before: str = "", after: str = "") -> bool:
    """Whether a word of the kind ``before`` stands just before ``start``, or one of the kind
    ``after`` just after ``end``, in the same clause."""
    head = CLAUSE_MARK.split(text[max(0, start - AROUND_CHARS):start])[-1]
    tail = CLAUSE_MARK.split(text[end:end + AROUND_CHARS])[0]
    return bool(before and _words(before).search(head)) or \
        bool(after and _words(after).search(tail))


def _weight_matches(text: str) -> list[re.Match[str]]:
    """Weights of the product itself: not a load it bears ("最大承重25kg", "for dogs up to
    26 lb") nor a network's or memory's G ("5G手机", "16G内存": a one-letter unit written
    against the word after it names something else)."""
    return [m for m in _grams()[1].finditer(text)
            if not _near(text, m.start(), m.end(), "weight_not_before", "weight_not_after")
            and not (len(m.group(2)) == 1 and m.group(2).isascii()
                     and text[m.end():m.end() + 1].isalpha())]


@lru_cache(maxsize=1)
def _sizes() -> re.Pattern[str]:
    num = r"\d+(?:\.\d+)?"
    joined = rf"{num}(?:\s*{_alt(_said('range'))}\s*{num})?"
    return re.compile(rf"{joined}\s*-?\s*{_alt(_said('size'))}", re.I)


def size_spans(text: str) -> list[str]:
    """How big a text says a thing is, as written ("5L", "27英寸", "3-4人")."""
    return [m.group(0) for m in _sizes().finditer(text)]


def weights(text: str) -> list[float]:
    """The weights a text states, in grams ("整帐仅约1.2公斤" is 1200, "30 lb" 13608)."""
    units = _grams()[0]
    return [float(m.group(1)) * units[m.group(2).lower()] for m in _weight_matches(fold(text))]


def weight_spans(text: str) -> list[str]:
    """The weights a text states, as written ("30 lb", "1.2公斤")."""
    return [m.group(0) for m in _weight_matches(text)]


@lru_cache(maxsize=1)
def unit_words() -> frozenset[str]:
    """The words of the units ("people", "升", "度"): the quantity's, not words to look for."""
    return frozenset(w for kind in (*UNITS, "degree") for w in _said(kind) if w.isalnum())


@dataclass(frozen=True)
class Quantity:
    low: float
    high: float
    unit: str

    def holds(self, other: Quantity) -> bool:
        """Whether this (a product's) range holds the asked one; a temperature rating holds
        any temperature at or above it (a -10℃ bag is fine at -5℃)."""
        if self.unit == "celsius" == other.unit:
            return self.low <= other.low
        return self.unit == other.unit and self.low <= other.low and other.high <= self.high


def _value(token: str) -> float:
    counts = _shapes().counts
    return counts[token] if token in counts else float(token)


def _aged(text: str, m: re.Match[str]) -> bool:
    """Whether an age word stands near a figure whose unit alone may be a time ("适合0-12个月
    宝宝", "宝宝六个月了", "ages 3-12 years")."""
    return _near(text, m.start(), m.end(), "age_context", "age_context")


def _years(value: float, unit: str | None, shapes: _Shapes) -> float:
    return value / 12.0 if unit and unit.lower() in shapes.months else value


def ages(text: str, asked: bool = False) -> list[Quantity]:
    """The ages a text states, in years: "9个月-12岁" is 0.75–12, "a 6 month old" 0.5, "3岁"
    3. A month count alone ("12 months") is no age in a product's text (as often a warranty);
    in a range ("0-12 months") it is, and in a shopper's question (``asked``: "宝宝六个月了")."""
    shapes = _shapes()
    single = shapes.asked_age if asked else shapes.age
    out, taken = [], []
    for m in shapes.age_range.finditer(text):
        hi_unit = m.group(4)
        if hi_unit.lower() in shapes.range_only and not _aged(text, m):
            continue  # "保质期6-12个月", "warranty 1-2 years": no age
        lo = _years(_value(m.group(1)), m.group(2) or hi_unit, shapes)
        hi = _years(_value(m.group(3)), hi_unit, shapes)
        out.append(Quantity(min(lo, hi), max(lo, hi), "age"))
        taken.append(m.span())
    for m in single.finditer(text):
        if m.group(2).lower() in shapes.range_only and not _aged(text, m):
            continue  # "用了3个月就坏了": a time, not the child's age
        if not any(a <= m.start() < b for a, b in taken):
            v = _years(_value(m.group(1)), m.group(2), shapes)
            out.append(Quantity(v, v, "age"))
    return out


@lru_cache(maxsize=4096)  # ranking reads every candidate's names for each such question
def quantities(text: str, asked: bool = False) -> tuple[Quantity, ...]:
    """The measures a text states; ``asked``: a shopper's question (``ages``)."""
    out: list[Quantity] = []
    # As the resource's words are, Chinese numerals read whole ("六十升" is 60, not 十升).
    text = normalize_numbers(fold(text))
    for unit, pat in _shapes().patterns:
        for m in pat.finditer(text):
            lo = _value(m.group(1))
            hi = _value(m.group(2)) if m.group(2) else lo
            out.append(Quantity(min(lo, hi), max(lo, hi), unit))
    for m in _shapes().bare_for.finditer(text):
        lo = float(m.group(1))
        hi = float(m.group(2)) if m.group(2) else lo
        out.append(Quantity(min(lo, hi), max(lo, hi), "people"))
    out += ages(text, asked)
    temps = temperatures(text)
    if temps:
        out.append(Quantity(min(temps), min(temps), "celsius"))
    return tuple(dict.fromkeys(out))  # ("for 2 people" is a count and a "for" both)


def quantity_spans(text: str) -> list[tuple[int, int]]:
    """Where the quantities of ``text`` stand, with an "about" said around them ("around 30
    liters", "30升左右"): a measure the ranking reads, not words to search for."""
    before, after = around_words()
    out = []
    for _, pat in _shapes().patterns:
        for m in pat.finditer(text):
            start, end = m.span()
            if (b := before.search(text[:start])) is not None:
                start = b.start()
            if (a := after.search(text[end:])) is not None:
                end += a.end()
            out.append((start, end))
    return out


NEAR = 0.5  # how far off (a share of what was asked) a stated measure still counts as close


def nearness(asked: Sequence[Quantity], stated: Sequence[Quantity]) -> float:
    """1 where every measure asked is held (``fits``), else how close the nearest stated one
    of the same unit comes, down to 0 at NEAR off: a 25 L or 35 L pack for "about 30 L"."""
    if fits(asked, stated):
        return 1.0
    if not asked:
        return 0.0
    worst = 1.0
    for a in asked:
        mid = (a.low + a.high) / 2
        if a.unit == "celsius" or not mid:
            return 0.0  # a rating holds a temperature or does not
        gaps = [min(abs(s.low - mid), abs(s.high - mid)) / mid for s in stated if s.unit == a.unit]
        worst = min(worst, max(0.0, 1 - min(gaps) / NEAR) if gaps else 0.0)
    return worst


def contradicts(asked: Sequence[Quantity], stated: Sequence[Quantity]) -> bool:
    """Whether the product states a measure asked for and none of its own comes near it: the
    car seat for 3-12 years asked for a six-month-old (worse than one that states no age)."""
    for a in asked:
        own = [s for s in stated if s.unit == a.unit]
        if own and nearness([a], own) == 0.0:
            return True
    return False


def fits(asked: Sequence[Quantity], stated: Sequence[Quantity]) -> bool:
    """Every quantity asked for is held by one the product states."""
    return bool(asked) and all(any(s.holds(a) for s in stated) for a in asked)

"""Quantities a shopper asks for and products state: "4人" / "for 4 people", "40升" / "40L".

A tent for four people is the 3-4 person one, not the first tent the index ranks; a 40 L
backpack is the 40升 one. Both sides are read the same way, as (low, high, unit) ranges,
so "3-4人" holds 4 and "双人" is 2. Only units whose number says what the product is for
are read: people and volume. Sizes and prices have their own constraints.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from shopguide.guide.budget import around_words

_CN = {"单": 1, "一": 1, "双": 2, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
       "八": 8, "九": 9, "十": 10}
_NUM = r"(\d+(?:\.\d+)?|[单一双两二三四五六七八九十])"
_RANGE = rf"{_NUM}(?:\s*(?:-|–|~|～|到|至|to)\s*{_NUM})?"
_UNITS = {
    "people": r"\s*(?:人|-?\s*(?:person|persons|people|man|men)\b|\s*p\b)",
    "litre": r"\s*(?:升|l\b|liters?\b|litres?\b)",
    "ml": r"\s*(?:毫升|ml\b)",
}
_PATTERNS = [(unit, re.compile(_RANGE + pat, re.I)) for unit, pat in _UNITS.items()]
# "Tent for 3–4", "sleeps 4": a bare number after for/sleeps counts people.
_FOR = re.compile(r"\b(?:for|sleeps)\s+(\d+)(?:\s*(?:-|–|to)\s*(\d+))?\b(?!\s*(?:%|days?|years?))",
                  re.I)


# Temperatures: "零下10度", "-10℃", "minus 10 degrees", "10 below". A product's stated
# temperature is how cold it is rated for (its lowest one counts), so it holds any colder
# need down to that; the shopper's is the cold they will face.
_TEMP = re.compile(r"(零下|负|-|−|minus\s*)?\s*(\d+(?:\.\d+)?)\s*(?:℃|°\s*c?|度|degrees?\b)"
                   r"(\s*(?:below(?:\s+zero)?|以下))?", re.I)
_BELOW_ZERO = re.compile(r"(\d+(?:\.\d+)?)\s*(?:degrees?\s*)?below\s+zero", re.I)


def temperatures(text: str) -> list[float]:
    out = []
    for m in _TEMP.finditer(text):
        value = float(m.group(2))
        out.append(-value if m.group(1) or (m.group(3) and "below" in m.group(3).lower())
                   else value)
    out += [-float(m.group(1)) for m in _BELOW_ZERO.finditer(text)]
    return out


UNIT_WORDS = frozenset({"度", "degree", "degrees","人", "person", "persons", "people", "man", "men", "升", "l", "liter",
                        "liters", "litre", "litres", "毫升", "ml"})


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
    return float(_CN[token]) if token in _CN else float(token)


@lru_cache(maxsize=4096)  # ranking reads every candidate's names for each such question
def quantities(text: str) -> tuple[Quantity, ...]:
    out: list[Quantity] = []
    for unit, pat in _PATTERNS:
        for m in pat.finditer(text):
            lo = _value(m.group(1))
            hi = _value(m.group(2)) if m.group(2) else lo
            out.append(Quantity(min(lo, hi), max(lo, hi), unit))
    for m in _FOR.finditer(text):
        lo = float(m.group(1))
        hi = float(m.group(2)) if m.group(2) else lo
        out.append(Quantity(min(lo, hi), max(lo, hi), "people"))
    temps = temperatures(text)
    if temps:
        out.append(Quantity(min(temps), min(temps), "celsius"))
    return tuple(out)


def quantity_spans(text: str) -> list[tuple[int, int]]:
    """Where the quantities of ``text`` stand, with an "about" said around them ("around 30
    liters", "30升左右"): a measure the ranking reads, not words to search for."""
    before, after = around_words()
    out = []
    for _, pat in _PATTERNS:
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


def fits(asked: Sequence[Quantity], stated: Sequence[Quantity]) -> bool:
    """Every quantity asked for is held by one the product states."""
    return bool(asked) and all(any(s.holds(a) for s in stated) for a in asked)

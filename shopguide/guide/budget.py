"""Budgets as shoppers say them: ``500元以内``, ``200到400元``, ``under $50``, ``预算400左右``,
``can't go above 500$``.

The phrasing is data (``resources/lang/budget.csv``); this module only knows the shapes
(a ceiling before or after an amount, a range, "about"). ``parse_budget`` returns the
bounds and the character spans it used, so the reader can drop those words before
matching the rest. Numbers are already digits (``shopguide.text.normalize_numbers``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from shopguide.text import Token, normalize_numbers, resources
from shopguide.text.analyzer import plain
from shopguide.text.english import is_plural_noun
from shopguide.text.phrases import Phrases, alternation

__all__ = ["Budget", "parse_budget", "normalize_numbers"]

AROUND = 0.2  # "about 400" is 320–480


@dataclass
class Budget:
    min_price: float | None = None
    max_price: float | None = None
    cheap: bool = False  # "cheap"/"便宜的": resolved against the category's prices later
    cheaper: bool = False  # "anything cheaper?": below what was recommended
    around: float | None = None  # "about 400": the amount, when the range is one around it
    spans: list[tuple[int, int]] = field(default_factory=list)


NEAR_AMOUNT = 4  # characters between a budget word and the amount it introduces


def _alt(kind: str, after_letters: bool = False, currency: str = "") -> str:
    """One regex alternation of the phrases of a kind, both languages, longest first;
    English words on word boundaries (``after_letters``: or right after a number). The words
    of a ``currency_<code>`` kind are money in a store priced in ``currency`` ("pounds" with
    GBP), a measure in any other."""
    words = resources.budget_words()
    own = [k for k in words if k.startswith("currency_")]
    kinds = [kind]
    if kind == "currency":
        kinds += [k for k in own if k == f"currency_{currency.lower()}"]
    elif kind == "measure":
        kinds += [k for k in own if k != f"currency_{currency.lower()}"]
    return alternation((p for k in kinds for ps in words.get(k, {}).values() for p in ps),
                       after_letters)


@lru_cache(maxsize=1)
def around_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words that say "about" before and after an amount ("around", 左右): a measure
    said so is no exact one either ("around 30 liters", "30升左右")."""
    return (re.compile(rf"{_alt('around_before')}\s*$"),
            re.compile(rf"^\s*{_alt('around_after')}"))


@dataclass(frozen=True)
class _Shapes:
    range_: tuple[re.Pattern[str], ...]
    around: tuple[re.Pattern[str], ...]
    ceiling: tuple[re.Pattern[str], ...]
    floor: tuple[re.Pattern[str], ...]
    bare: re.Pattern[str]


@lru_cache(maxsize=8)
def _shapes(currency: str = "") -> _Shapes:
    # The whole number (no backtracking into it): "30 liters" must not leave "3" as money
    # once the measure word has ruled "30" out.
    n = r"(\d+(?:\.\d+)?)(?!\d|\.\d)"
    money_words = _alt("currency", currency=currency)
    cur = rf"(?:{money_words}\s*)?"
    unit = rf"(?:\s*{money_words})?"
    # A number followed by a measure word is a size, a weight or a count, not money.
    # The measure may be written onto the number ("16GB", "2kg").
    money = rf"{cur}{n}{unit}(?!\s*{_alt('measure', True, currency)})"
    sep = _alt("range_sep")
    neg_floor = rf"{_alt('negated_min')}\s*{_alt('min_before')}"
    return _Shapes(
        range_=(
            re.compile(rf"{_alt('range_before')}\s*{money}\s*(?:{sep}|{_alt('range_and')})\s*{money}"),
            re.compile(rf"{money}\s*{sep}\s*{money}(?:\s*{_alt('range_after')})?"),
        ),
        around=(
            re.compile(rf"{_alt('around_before')}\s*{money}(?:\s*{_alt('around_after')})?"),
            re.compile(rf"{money}\s*{_alt('around_after')}"),
        ),
        ceiling=(
            re.compile(rf"{neg_floor}\s*{money}"),  # "can't go above 500", "不能超过500"
            re.compile(rf"{_alt('max_before')}\s*{money}(?:\s*{_alt('max_after')})?"),
            re.compile(rf"{money}\s*{_alt('max_after')}"),
        ),
        floor=(
            re.compile(rf"{_alt('min_before')}\s*{money}"),
            re.compile(rf"{money}\s*{_alt('min_after')}"),
        ),
        # A bare amount said with money words: "¥300的跑鞋", "a $50 kettle", "500$".
        bare=re.compile(rf"{money_words}\s*{n}|{n}\s*{money_words}"),
    )


COUNT_LOOKBACK = 4  # characters before a counted number where a currency makes it money ("$40")
_COUNTED = re.compile(r"(?<![\d.])(\d+)\s+([a-z]+)")


def _taken(spans: list[tuple[int, int]], m: re.Match[str]) -> bool:
    return any(a < m.end() and m.start() < b for a, b in spans)


def _amounts(m: re.Match[str]) -> list[float]:
    return [float(g) for g in m.groups() if g is not None]


@lru_cache(maxsize=1)
def _cheap_phrases() -> tuple[Phrases, Phrases]:
    return (Phrases(resources.cue_words("cheap"), exact=True),
            Phrases(resources.cue_words("cheaper"), exact=True))


BARE_RANGE_MIN = 10  # a range of bare numbers below this is a count or a model, not money


def _money_range(text: str, m: re.Match[str], values: list[float], shapes: _Shapes) -> bool:
    """A range of plain numbers is money when said with a currency, after a budget word, or
    when its numbers are price-like ("200到400的背包"); "for 1 to 4 axles" is not."""
    if shapes.bare.search(m.group(0)) or _BUDGET_WORD().search(text):
        return True
    return min(values[:2]) >= BARE_RANGE_MIN


@lru_cache(maxsize=1)
def _BUDGET_WORD() -> re.Pattern[str]:  # noqa: N802 - a lazily compiled constant
    return re.compile(_alt("budget_word"))


def parse_budget(text: str, tokens: Sequence[Token] | None = None,
                 currency: str = "") -> Budget:
    """Price bounds in ``text`` (folded, numbers as digits: ``Analyzer.normalize``);
    ``currency``: the store's (ISO code), which decides words such as "pounds"."""
    if tokens is None:
        tokens = plain().tokens(text, normalized=True)
    shapes = _shapes(currency.upper())
    b = Budget()
    # "at least 5 filters", "under 3 kids": a number before a plural noun (not a currency
    # word) counts things; no amount is read there.
    counts = [m.span(1) for m in _COUNTED.finditer(text)
              if is_plural_noun(m.group(2))
              and not shapes.bare.search(text, max(0, m.start() - COUNT_LOOKBACK), m.end())]
    for pat in shapes.range_:
        for m in pat.finditer(text):
            values = _amounts(m)
            if len(values) >= 2 and not _taken(b.spans + counts, m) and \
                    _money_range(text, m, values, shapes):
                lo, hi = sorted(values[:2])
                if hi > 0:
                    b.min_price, b.max_price = lo, hi
                    b.spans.append(m.span())
    # Before the ceilings: "预算400左右" is about 400, not at most 400.
    for pat in shapes.around:
        for m in pat.finditer(text):
            if not _taken(b.spans + counts, m):
                v = _amounts(m)[0]
                b.min_price, b.max_price = round(v * (1 - AROUND), 2), round(v * (1 + AROUND), 2)
                b.around = v
                b.spans.append(m.span())
    for pat in shapes.ceiling:
        for m in pat.finditer(text):
            if not _taken(b.spans + counts, m):
                b.max_price = _amounts(m)[0]
                b.spans.append(m.span())
    for pat in shapes.floor:
        for m in pat.finditer(text):
            if not _taken(b.spans + counts, m):
                b.min_price = _amounts(m)[0]
                b.spans.append(m.span())
    if b.min_price is None and b.max_price is None:
        for m in shapes.bare.finditer(text):
            b.max_price = _amounts(m)[0]
            b.spans.append(m.span())
    # A budget word right before the amount read names the attribute ("预算400左右的跑鞋",
    # "my budget: $400"), as a colour word does once a colour is read: no word to search for.
    b.spans += [m.span() for m in _BUDGET_WORD().finditer(text) if not _taken(b.spans, m)
                and any(0 <= start - m.end() <= NEAR_AMOUNT for start, _ in b.spans)]
    cheap, cheaper = _cheap_phrases()
    b.cheaper = cheaper.any(text, tokens)
    b.cheap = not b.cheaper and b.max_price is None and cheap.any(text, tokens)
    # "¥0" or "free" is not a budget: nothing in a shop costs nothing.
    if b.max_price is not None and b.max_price <= 0:
        b.max_price = None
    if b.min_price is not None and b.min_price <= 0:
        b.min_price = None
    if b.min_price is not None and b.max_price is not None and b.min_price > b.max_price:
        b.min_price = None
    return b

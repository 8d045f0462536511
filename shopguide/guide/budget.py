"""Budget phrasing in Chinese and English: ``500元以内``, ``200到400元``, ``under $50``, ``cheap``.

``parse_budget`` returns the bounds it found and the character spans it used, so
the understanding step can drop those words before matching the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shopguide.guide.lexicon import CHEAP, CHEAPER, has_cue


@dataclass
class Budget:
    min_price: float | None = None
    max_price: float | None = None
    cheap: bool = False  # "cheap"/"便宜的": resolved against the category's prices later
    cheaper: bool = False  # "anything cheaper?": below what was shown
    spans: list[tuple[int, int]] = field(default_factory=list)


_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_CN_NUM = re.compile(r"[零一二两三四五六七八九十百千万]*[十百千万][零一二两三四五六七八九]?")


def _cn_to_int(text: str) -> int:
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch == "万":
            total += (section + digit) * 10000
            section, digit = 0, 0
        else:
            section += (digit or 1) * _CN_UNITS[ch]
            digit = 0
    # "两百五" means 250: a trailing digit after 百/千 is one unit down.
    if digit and text and text[-2:-1] in ("百", "千") and len(text) >= 3:
        digit *= _CN_UNITS[text[-2]] // 10
    return total + section + digit


def normalize_numbers(text: str) -> str:
    """Full-width digits to ASCII, ``1,299`` → ``1299``, ``五百`` → ``500``, ``1k`` → ``1000``.

    Lengths change, so spans refer to the normalized text.
    """
    text = text.translate({0xFF10 + i: 0x30 + i for i in range(10)})
    text = text.replace("，", "，").replace("＄", "$").replace("￥", "¥")
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)
    text = re.sub(r"(\d+(?:\.\d+)?)\s*k(?![a-z])", lambda m: f"{float(m.group(1)) * 1000:g}", text,
                  flags=re.I)
    text = re.sub(r"(\d+(?:\.\d+)?)\s*千", lambda m: f"{float(m.group(1)) * 1000:g}", text)
    text = re.sub(r"(\d+(?:\.\d+)?)\s*万", lambda m: f"{float(m.group(1)) * 10000:g}", text)
    return _CN_NUM.sub(lambda m: str(_cn_to_int(m.group(0))), text)


_N = r"(\d+(?:\.\d+)?)"
_CUR = r"(?:[¥$£€]|rmb|usd|cny|eur|gbp)?\s*"
_UNIT = r"\s*(?:元|块钱|块|rmb|cny|usd|dollars?|bucks|pounds?|quid|euros?|eur|gbp)?"
_NOT_MEASURE = r"(?!\s*(?:码|号|寸|cm|mm|ml|l\b|kg|g\b|升|克|厘米|毫米|英寸|inch|in\b|%|个|件|双|岁))"

_RANGE = [
    re.compile(rf"(?:between|from)\s*{_CUR}{_N}{_UNIT}\s*(?:and|to|-|–)\s*{_CUR}{_N}{_UNIT}", re.I),
    re.compile(rf"{_CUR}{_N}{_UNIT}\s*(?:到|至|-|~|～|—|–|to)\s*{_CUR}{_N}{_UNIT}{_NOT_MEASURE}"
               rf"(?:\s*(?:之间|以内|的|左右))?", re.I),
]
_MAX = [
    re.compile(rf"(?:不超过|不到|低于|少于|不高于|最多|预算|控制在|小于|不要超过|别超过|以内)\s*"
               rf"{_CUR}{_N}{_UNIT}{_NOT_MEASURE}(?:\s*(?:以内|以下|之内|内))?", re.I),
    re.compile(rf"{_CUR}{_N}{_UNIT}\s*(?:以内|以下|之内|内|以下的)", re.I),
    re.compile(rf"(?:under|below|less than|no more than|not more than|at most|max(?:imum)?|"
               rf"up to|within|cheaper than|lower than|for less than|not over|no more|"
               rf"budget(?: is| of)?|<=?|≤)\s*{_CUR}{_N}{_UNIT}{_NOT_MEASURE}", re.I),
    re.compile(rf"{_CUR}{_N}{_UNIT}\s*(?:or less|or under|or below|max|tops|and under|or cheaper)",
               re.I),
]
_MIN = [
    re.compile(rf"(?:超过|高于|不低于|至少|大于|起码)\s*{_CUR}{_N}{_UNIT}{_NOT_MEASURE}", re.I),
    re.compile(rf"{_CUR}{_N}{_UNIT}\s*(?:以上|起)", re.I),
    re.compile(rf"(?:over|above|more than|at least|min(?:imum)?|starting at|>=?|≥)\s*"
               rf"{_CUR}{_N}{_UNIT}{_NOT_MEASURE}", re.I),
    re.compile(rf"{_CUR}{_N}{_UNIT}\s*(?:or more|and up|and above|plus)", re.I),
]
_AROUND = [
    re.compile(rf"(?:大概|大约|差不多|around|about|approximately|roughly|~)\s*{_CUR}{_N}{_UNIT}"
               rf"{_NOT_MEASURE}(?:\s*左右)?", re.I),
    re.compile(rf"{_CUR}{_N}{_UNIT}\s*左右", re.I),
]
# A bare amount with a currency mark: "¥300的跑鞋", "a $50 kettle" reads as a ceiling.
_BARE = re.compile(rf"(?:[¥$£€]\s*{_N}|{_N}\s*(?:元|块钱|块|dollars?|bucks|pounds?|quid))", re.I)


def _taken(spans: list[tuple[int, int]], m: re.Match) -> bool:
    return any(a < m.end() and m.start() < b for a, b in spans)


def parse_budget(text: str) -> Budget:
    """Find price bounds in ``text`` (already passed through ``normalize_numbers``)."""
    b = Budget()
    for pat in _RANGE:
        for m in pat.finditer(text):
            lo, hi = sorted((float(m.group(1)), float(m.group(2))))
            if hi > 0 and not _taken(b.spans, m):
                b.min_price, b.max_price = lo, hi
                b.spans.append(m.span())
    # Before the ceilings: "预算400左右" is about 400, not at most 400.
    for pat in _AROUND:
        for m in pat.finditer(text):
            if not _taken(b.spans, m):
                v = float(m.group(1))
                b.min_price, b.max_price = round(v * 0.8, 2), round(v * 1.2, 2)
                b.spans.append(m.span())
    for pat in _MAX:
        for m in pat.finditer(text):
            if not _taken(b.spans, m):
                b.max_price = float(m.group(1))
                b.spans.append(m.span())
    for pat in _MIN:
        for m in pat.finditer(text):
            if not _taken(b.spans, m):
                b.min_price = float(m.group(1))
                b.spans.append(m.span())
    if b.min_price is None and b.max_price is None:
        for m in _BARE.finditer(text):
            b.max_price = float(m.group(1) or m.group(2))
            b.spans.append(m.span())
    low = text.lower()
    b.cheaper = has_cue(low, CHEAPER)
    b.cheap = not b.cheaper and b.max_price is None and has_cue(low, CHEAP)
    # "¥0" or "free" is not a budget: nothing in a shop costs nothing.
    if b.max_price is not None and b.max_price <= 0:
        b.max_price = None
    if b.min_price is not None and b.min_price <= 0:
        b.min_price = None
    if b.min_price is not None and b.max_price is not None and b.min_price > b.max_price:
        b.min_price = None
    return b

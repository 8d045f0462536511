"""Numbers as people write them, read into digits: one parser per language.

Chinese numerals go through cn2an (``一万二`` → 12000, ``两千五`` → 2500, ``三百五`` → 350);
only a run holding a unit character (十百千万亿) is a number, so ``看一下``, ``一点``
and ``三星`` stay words. Approximate amounts become ranges (``五六百`` → ``500-600``), and a
unit said once applies to both ends of a range (``15到20万`` → ``150000到200000``).
English number words (``fifty``, ``two hundred and fifty``, ``a hundred``) and shorthands
(``1.5k``, ``1,299``) read the same way. The text's length changes: spans found later
refer to the normalised text.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

import cn2an

from shopguide.text import resources

_CN_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿]*[十百千万亿][零〇一二两三四五六七八九十百千万亿]*")
# "五六百", "两三百", "一两百", "八九十": two neighbouring digits before a unit, "five or six hundred".
_CN_APPROX = re.compile(r"([一两二三四五六七八九])([两二三四五六七八九])([十百千万])(?![零一二两三四五六七八九十百千万])")
_CN_DIGIT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# "两三个人", "四五天", "一两岁": two neighbouring digits before what they count, "two or three"
# ("九五折", 95% of the price, are no neighbours).
_NUMERALS = "零〇一二两三四五六七八九十百千万亿"


@lru_cache(maxsize=1)
def _context() -> dict[str, str]:
    """``zh/number_context.txt``: the characters around numerals that make them no amount."""
    out = dict(line.split("=", 1) for line in resources.word_list("zh/number_context.txt"))
    return {k: re.escape(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _cn_pair() -> re.Pattern[str]:
    """"两三个人", "四五天", "一两岁": two neighbouring digits before what they count, "two or
    three" ("九五折", 95% of the price, are no neighbours; "大三四码" is no amount)."""
    c = _context()
    return re.compile(rf"(?<![{_NUMERALS}\d{c['pair_after']}])([一两二三四五六七八])"
                      rf"([两二三四五六七八九])(?![{_NUMERALS}\d{c['pair_before']}])")


@lru_cache(maxsize=1)
def _cn_decimal() -> re.Pattern[str]:
    """"一点五升", "零点八": a decimal said in words; not a time ("七点二十", "七点半") nor "a
    little" before an amount ("便宜一点五百以内"): the digits after 点 end the number."""
    c = _context()
    return re.compile(rf"(?<![{_NUMERALS}])[零〇一二两三四五六七八九十]+点[零〇一二三四五六七八九]+"
                      rf"(?![{_NUMERALS}点{c['decimal_before']}])")


_CN_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_NUM = r"\d+(?:\.\d+)?"
# "15到20万", "1.5-2千": the unit after the second amount is the first one's too.
_SHARED_UNIT = re.compile(rf"({_NUM})(\s*(?:到|至|-|~|～|—|–)\s*)({_NUM})\s*([千万])")
_DIGIT_UNIT = re.compile(rf"({_NUM})\s*([千万])(?![零一二两三四五六七八九])")
_K = re.compile(rf"({_NUM})\s*k(?![a-z])", re.I)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_EN_NUMBER = re.compile(r"[a-z]+(?:[\s-]+(?:and\s+)?[a-z]+)*", re.I)


def _fmt(value: float) -> str:
    return f"{value:g}" if value < 1e15 else str(int(value))


@lru_cache(maxsize=4096)
def _cn_value(run: str) -> float | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = cn2an.cn2an(run, "smart")
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    return float(value)


def chinese_value(word: str) -> float | None:
    """The value of a Chinese number word ("两" → 2, "十二" → 12), or None."""
    return _cn_value(word)


def _chinese(text: str) -> str:
    def approx(m: re.Match[str]) -> str:
        unit = _CN_UNIT[m.group(3)]
        return f"{_CN_DIGIT[m.group(1)] * unit}-{_CN_DIGIT[m.group(2)] * unit}"

    text = _CN_APPROX.sub(approx, text)

    def pair(m: re.Match[str]) -> str:
        a, b = _CN_DIGIT[m.group(1)], _CN_DIGIT[m.group(2)]
        return f"{a}-{b}" if b == a + 1 else m.group(0)

    text = _cn_decimal().sub(lambda m: _fmt(v) if (v := _cn_value(m.group(0))) is not None
                           else m.group(0), text)
    text = _cn_pair().sub(pair, text)

    def run(m: re.Match[str]) -> str:
        value = _cn_value(m.group(0))
        return _fmt(value) if value is not None else m.group(0)

    text = _CN_RUN.sub(run, text)
    text = _SHARED_UNIT.sub(
        lambda m: f"{_fmt(float(m.group(1)) * _CN_UNIT[m.group(4)])}{m.group(2)}"
                  f"{_fmt(float(m.group(3)) * _CN_UNIT[m.group(4)])}", text)
    return _DIGIT_UNIT.sub(lambda m: _fmt(float(m.group(1)) * _CN_UNIT[m.group(2)]), text)


def english_value(words: list[str]) -> int | None:
    """The value of a run of English number words ("two hundred and fifty" → 250), or None
    when the run is not a number."""
    table = resources.number_words()
    total, current, seen = 0, 0, False
    for i, w in enumerate(words):
        entry = table.get(w)
        if w == "and" and i > 0 and table.get(words[i - 1], None) is not None and \
                table[words[i - 1]].kind == "scale":
            continue  # "two hundred and fifty"; "one and three" is two numbers
        if entry is None or entry.kind == "ordinal":
            return None
        if entry.kind == "article":  # "a hundred": only before a scale word
            nxt = table.get(words[i + 1]) if i + 1 < len(words) else None
            if nxt is None or nxt.kind != "scale":
                return None
            current = max(current, 1)
            seen = True
            continue
        elif entry.kind == "scale":
            if not seen:
                return None  # "k", "grand" alone are no number
            current = max(current, 1) * entry.value
            if entry.value >= 1000:
                total, current = total + current, 0
        else:
            current += entry.value
        seen = True
    return total + current if seen else None


def _english(text: str) -> str:
    table = resources.number_words()

    def run(m: re.Match[str]) -> str:
        words = re.split(r"[\s-]+", m.group(0))
        # The longest stretch of number words inside the match is the number; the words
        # around it are kept ("under fifty bucks" → "under 50 bucks").
        out: list[str] = []
        i = 0
        while i < len(words):
            j = i
            while j < len(words) and (words[j] in table or (
                    words[j] == "and" and j > i and words[j - 1] in table
                    and table[words[j - 1]].kind == "scale")):
                j += 1
            while j > i and (words[j - 1] == "and" or table.get(words[j - 1], None) is not None
                             and table[words[j - 1]].kind == "article"):
                j -= 1
            # A lone "one" is a pronoun more often than a number ("this one", "the blue one").
            value = english_value(words[i:j]) if j > i and words[i:j] != ["one"] else None
            if value is not None:
                out.append(str(value))
                i = j
            else:
                out.append(words[i])
                i += 1
        return " ".join(out) if out != words else m.group(0)

    return _EN_NUMBER.sub(run, text)


@lru_cache(maxsize=4096)
def normalize_numbers(text: str) -> str:
    """Digits for every number in an already folded text (see the module docstring)."""
    text = text.translate({0xFF10 + i: 0x30 + i for i in range(10)})
    text = text.replace("＄", "$").replace("￥", "¥")
    text = _THOUSANDS.sub("", text)
    text = _K.sub(lambda m: _fmt(float(m.group(1)) * 1000), text)
    return _english(_chinese(text))

"""Which of the products just shown a message points at by place: "第二个", "the second one",
"the first two", "前两款", "compare 1 and 3", "最后一个", "#2".

The words are language data (``resources/lang/positions.csv``; ordinal and number words are
``numbers.csv``'s); this module holds only the grammar that joins them. Chinese positions are
found as patterns over the normalised text (a position runs into its measure word: 第二个),
English ones over the tokens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from shopguide.text import resources
from shopguide.text.analyzer import Token
from shopguide.text.numbers import chinese_value
from shopguide.text.phrases import overlaps

Span = tuple[int, int]
MAX_COUNT = 5  # "the first two" … "前五款": more than this is no pick among the shown
_BARE_END = r"[,，。.?？!！\s]"  # marks after a bare position ("第二？")


def _words(role: str, lang: str) -> tuple[str, ...]:
    return resources.positions().get(role, {}).get(lang, ())


def _alt(words: Sequence[str]) -> str:
    if not words:  # "(?:)" would match everywhere: every digit a position
        raise resources.ResourceError("positions.csv: a role the positions need has no words")
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _zh_patterns() -> dict[str, re.Pattern[str]]:
    num = rf"\d+|{_alt(_words('numeral', 'zh'))}"
    one = rf"\d|{_alt(_words('numeral', 'zh'))}"
    place = rf"\d|{_alt([w for w in _words('numeral', 'zh') if w not in _words('count_only', 'zh')])}"
    pair_measure = _alt(_words("pair_measure", "zh"))
    measure = _alt(_words("measure", "zh"))
    last_one = _alt(_words("last_one", "zh"))
    det = _alt(_words("determiner", "zh"))
    mark = _alt(_words("mark", "zh"))
    not_after_mark = "".join(rf"(?<!{re.escape(w)})" for w in _words("mark", "zh"))
    particle = _alt(_words("particle", "zh"))
    first, last = _alt(_words("first", "zh")), _alt(_words("last", "zh"))
    return {
        # "前两款", "后三个": the first or last n (a measure word is required: 前三 alone
        # is anything)
        "range": re.compile(rf"(?P<side>{first}|{last})\s*(?P<n>{one})\s*(?:{measure})"),
        # "1号和3号", "第二个跟最后一个" (compare turns only); not inside "第1…"
        "pair": re.compile(
            rf"(?<!\d){not_after_mark}(?P<a>{place})\s*(?:{pair_measure})?\s*"
            rf"(?:{_alt(_words('pair', 'zh'))})\s*(?:{mark})?\s*"
            rf"(?P<b>{place}|(?:{last_one})(?:{det})?)\s*(?:{pair_measure})?"),
        # "第二个", "第三款呢", "第二呢"; "第一次" (the first time) is no position
        "ordinal": re.compile(rf"(?:{mark})\s*(?P<n>{num})\s*(?:{measure}|"
                              rf"(?=(?:{particle})|{_BARE_END}|$))"),
        # "最后一个", "最后那款"
        "last": re.compile(rf"(?:{last_one})(?:{det})?(?:{measure})"),
    }


def _zh_number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    value = chinese_value(word)
    return int(value) if value is not None else None


def _en_number(word: str, kinds: tuple[str, ...]) -> int | None:
    if word.isdigit():
        return int(word)
    entry = resources.number_words().get(word)
    return entry.value if entry is not None and entry.kind in kinds else None


class _Found:
    """The positions found so far and the text they took (a later reading may not reuse it)."""

    def __init__(self) -> None:
        self.refs: list[int] = []
        self.taken: list[Span] = []

    def add(self, span: Span, *refs: int) -> None:
        self.refs.extend(refs)
        self.taken.append(span)

    def free(self, span: Span) -> bool:
        return not overlaps(span, self.taken)


def shown_refs(norm: str, tokens: Sequence[Token], compares: bool) -> tuple[list[int], list[Span]]:
    """0-based indexes (negative from the end) of the shown products the message points at,
    and the spans of text that said so."""
    found = _Found()
    _ranges(norm, tokens, found)
    if compares:
        _pairs(norm, tokens, found)
    _singles(norm, tokens, found)
    return list(dict.fromkeys(found.refs)), found.taken


def _count_range(side_last: bool, n: int | None) -> list[int] | None:
    if n is None or not 2 <= n <= MAX_COUNT:
        return None
    return list(range(-n, 0)) if side_last else list(range(n))


def _ranges(norm: str, tokens: Sequence[Token], found: _Found) -> None:
    """"前两款", "the first two", "last three"."""
    last_zh = set(_words("last", "zh"))
    for m in _zh_patterns()["range"].finditer(norm):
        refs = _count_range(m.group("side") in last_zh, _zh_number(m.group("n")))
        if refs:
            found.add(m.span(), *refs)
    first_en, last_en = set(_words("first", "en")), set(_words("last", "en"))
    for a, b in zip(tokens, tokens[1:]):
        if a.text in first_en or a.text in last_en:
            refs = _count_range(a.text in last_en, _en_number(b.text, ("cardinal",)))
            if refs and found.free((a.start, b.end)):
                found.add((a.start, b.end), *refs)


def _pairs(norm: str, tokens: Sequence[Token], found: _Found) -> None:
    """"1号和3号", "compare 1 and 3", "two or three", "1 and last"."""
    last_one = _words("last_one", "zh")
    for m in _zh_patterns()["pair"].finditer(norm):
        if found.free(m.span()):
            a, b = _zh_number(m.group("a")), m.group("b")
            rb = -1 if b.startswith(last_one) else _zh_number(b)
            if a is not None and rb is not None:
                found.add(m.span(), a - 1, rb - 1 if rb > 0 else -1)
    pair_en, last_en = set(_words("pair", "en")), set(_words("last_one", "en"))
    for a, sep, b in zip(tokens, tokens[1:], tokens[2:]):
        if sep.text not in pair_en or not found.free((a.start, b.end)):
            continue
        kinds = ("ordinal", "cardinal")
        pa = _en_number(a.text, kinds)
        pb = -1 if b.text in last_en else _en_number(b.text, kinds)
        # "a and b": an article is no position
        if pa is not None and pb is not None and 1 <= pa <= 9 and a.text != "a":
            found.add((a.start, b.end), pa - 1, pb - 1 if pb > 0 else -1)


def _singles(norm: str, tokens: Sequence[Token], found: _Found) -> None:
    """"第二个", "最后一个", "the second one", "#2"."""
    pats = _zh_patterns()
    for m in pats["ordinal"].finditer(norm):
        n = _zh_number(m.group("n"))
        if n is not None and n >= 1 and found.free(m.span()):
            found.add(m.span(), n - 1)
    for m in pats["last"].finditer(norm):
        if found.free(m.span()):
            found.add(m.span(), -1)
    for i, t in enumerate(tokens):
        entry = resources.number_words().get(t.text)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        # "the second one", "the third?" point at a position; "5th wheel", "first time" do not.
        if entry is not None and entry.kind == "ordinal" and (nxt is None or nxt.stop) and \
                found.free((t.start, t.end)):
            found.add((t.start, t.end), entry.value - 1 if entry.value > 0 else -1)
    for m in _number_mark().finditer(norm):  # "#2", "number 2", "no. 2"
        if found.free(m.span()):
            found.add(m.span(), int(m.group(1)) - 1)


@lru_cache(maxsize=1)
def _number_mark() -> re.Pattern[str]:
    marks = [rf"{re.escape(w)}\s*" if not w[-1].isalnum() and not w[0].isalnum()
             else rf"\b{re.escape(w)}\s+" if w[-1].isalnum() else rf"\b{re.escape(w)}\s*"
             for w in sorted(_words("number_mark", "en"), key=len, reverse=True)]
    return re.compile(rf"(?:{'|'.join(marks)})([1-9])\b")

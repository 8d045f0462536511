"""Masking what a shopper typed about themselves: phone numbers, e-mail addresses and the
names of the store's customers, before any question is shown, grouped or written anywhere.

The review reads every saved turn, kiosk and counter alike, and a shopper who types "I'm
Wang Fang, call me on 13812345678" into a kiosk has told the shop, not the review's reader
or a fine-tuned model. So the review masks first and only ever works on masked text: the
groups' keys, the list, the summary, the actions' log and every row an action writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from shopguide.text import fold, has_cjk

PHONE = "[phone]"
EMAIL = "[email]"
NAME = "[name]"
MASKS = (PHONE, EMAIL, NAME)

# Word characters here are ASCII only: in "电话13812345678" or "邮箱wang@qq.com" the number
# and the address touch Chinese characters, which Python's \w counts as word characters.
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# 7 or more digits, maybe grouped by spaces, dots, dashes or brackets, maybe with a +country
# code; ISO dates (2026-11-28) and prices with decimals are left alone.
_PHONE = re.compile(
    r"(?<![A-Za-z0-9.])(?!\d{4}-\d\d-\d\d(?!\d))\+?\(?\d(?:[ .\-()]{0,2}\d){6,}(?![A-Za-z0-9])")
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MAX_NAME_WORDS = 4
_MAX_CJK_NAME = 6


class Masker:
    """Masks contact details and the given customers' names in any text.

    Names are looked up, not searched for: each run of up to four Latin words, and each
    stretch of Chinese characters up to six long, is checked against a set of folded names,
    so a store with 100,000 customers masks a question as fast as one with ten.
    """

    def __init__(self, names: Iterable[str] = (), keep_words: Iterable[str] = ()) -> None:
        keep = {fold(w) for w in keep_words}
        self._latin: set[tuple[str, ...]] = set()
        self._cjk: set[str] = set()
        for name in names:
            self._add(name, keep)

    def _add(self, name: str, keep: set[str]) -> None:
        folded = " ".join(fold(name or "").split())
        if not folded:
            return
        if has_cjk(folded):
            compact = folded.replace(" ", "")
            if 2 <= len(compact) <= _MAX_CJK_NAME:
                self._cjk.add(compact)
            return
        words = tuple(_LATIN_WORD.findall(folded))
        if not words or len(words) > _MAX_NAME_WORDS:
            return
        self._latin.add(words)
        if len(words) > 1:
            # "I'm Emily" for the customer Emily Chen is still her name; a part that is a
            # word of the shop's own (green, rose) is not masked on its own.
            for part in words:
                if len(part) >= 3 and part not in keep:
                    self._latin.add((part,))

    def __call__(self, text: str) -> str:
        return self.mask(text)

    def mask(self, text: str) -> str:
        out = _EMAIL.sub(EMAIL, text or "")
        out = _PHONE.sub(PHONE, out)
        if self._latin:
            out = self._mask_latin(out)
        if self._cjk:
            out = self._mask_cjk(out)
        return out

    def _mask_latin(self, text: str) -> str:
        words = list(_LATIN_WORD.finditer(text))
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            for n in range(min(_MAX_NAME_WORDS, len(words) - i), 0, -1):  # longest first
                run = tuple(fold(m.group(0)) for m in words[i:i + n])
                if run in self._latin and _adjacent(text, words[i:i + n]):
                    spans.append((words[i].start(), words[i + n - 1].end()))
                    i += n
                    break
            else:
                i += 1
        return _replace(text, spans, NAME)

    def _mask_cjk(self, text: str) -> str:
        folded = fold(text)
        if len(folded) != len(text):  # folding changed lengths: match on the text as it is
            folded = text
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(text):
            for n in range(min(_MAX_CJK_NAME, len(text) - i), 1, -1):
                if folded[i:i + n] in self._cjk:
                    spans.append((i, i + n))
                    i += n
                    break
            else:
                i += 1
        return _replace(text, spans, NAME)


def _adjacent(text: str, words: list[re.Match[str]]) -> bool:
    """The words of a name run as one phrase: separated by blanks only."""
    return all(not text[a.end():b.start()].strip() for a, b in zip(words, words[1:]))


def _replace(text: str, spans: list[tuple[int, int]], mask: str) -> str:
    for start, end in reversed(spans):
        text = text[:start] + mask + text[end:]
    return text


def store_masker(store: Any) -> Masker:
    """A Masker for this store: every customer's name (and its parts, unless the catalog or
    policies use the word)."""
    names = [r[0] for r in store.conn.execute("SELECT name FROM customers")]
    return Masker(names, _shop_words(store, names))


def _shop_words(store: Any, names: list[str]) -> set[str]:
    """The parts of customers' names that the store's catalog or FAQ also uses."""
    from shopguide.text import stem

    parts = {fold(p) for n in names if not has_cjk(n) for p in _LATIN_WORD.findall(n)}
    if not parts:
        return set()
    stems = {p: stem(p) for p in parts}
    _total, counts = store.doc_counts(sorted(set(stems.values())))
    return {p for p, s in stems.items() if counts.get(s, 0) > 0}


def without_masks(text: str) -> str:
    """The text with the mask tokens taken out (for analysing what was asked)."""
    for m in MASKS:
        text = text.replace(m, " ")
    return text

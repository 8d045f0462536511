"""Masking what a shopper typed about themselves: phone numbers, e-mail addresses and the
names of the store's customers, before any question is shown, grouped or written anywhere.

The review reads every saved turn, kiosk and counter alike, and a shopper who types "I'm
Wang Fang, call me on 13812345678" into a kiosk has told the shop, not the review's reader
or a fine-tuned model. So the review masks first and only ever works on masked text: the
groups' keys, the list, the summary, the actions' log and every row an action writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from shopguide.privacy.contacts import EMAIL, PHONE, mask_contacts
from shopguide.text import fold, has_cjk
from shopguide.text.script import CJK_CLASS

NAME = "[name]"
MASKS = (PHONE, EMAIL, NAME)

_LETTER = rf"[^\W\d_{CJK_CLASS}]"  # a letter of an alphabet (Chinese is matched apart)
_LATIN_WORD = re.compile(rf"{_LETTER}+(?:['’-]{_LETTER}+)*")
_MAX_NAME_WORDS = 4
_MAX_CJK_NAME = 6


class Masker:
    """Masks contact details and the given customers' names in any text.

    Names are looked up, not searched for: each run of up to four Latin words, and each
    stretch of Chinese characters up to six long, is checked against a set of folded names,
    so a store with 100,000 customers masks a question as fast as one with ten.
    """

    def __init__(self, names: Iterable[str] = (), keep_words: Iterable[str] = (),
                 shop_word: Callable[[str], bool] | None = None) -> None:
        keep = {fold(w) for w in keep_words}
        self._shop_word = shop_word or (lambda word: word in keep)
        self._kept: dict[str, bool] = {}
        self._latin: set[tuple[str, ...]] = set()  # whole names
        self._parts: set[str] = set()  # the words of names of several words
        self._cjk: set[str] = set()
        for name in names:
            self._add(name)

    def _add(self, name: str) -> None:
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
            # word of the shop's own (green, rose) is not masked on its own (decided when
            # met in a question: far fewer than the parts of every customer's name).
            self._parts.update(part for part in words if len(part) >= 3)

    def __call__(self, text: str) -> str:
        return self.mask(text)

    def mask(self, text: str) -> str:
        out = mask_contacts(text or "")
        if self._latin or self._parts:
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
                if (run in self._latin or n == 1 and self._part(run[0])) and _adjacent(
                        text, words[i:i + n]):
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

    def _part(self, word: str) -> bool:
        """A word of a customer's name that is no word of the shop's."""
        if word not in self._parts:
            return False
        if word not in self._kept:
            self._kept[word] = not self._shop_word(word)
        return self._kept[word]


def _adjacent(text: str, words: list[re.Match[str]]) -> bool:
    """The words of a name run as one phrase: separated by blanks only."""
    return all(not text[a.end():b.start()].strip() for a, b in zip(words, words[1:]))


def _replace(text: str, spans: list[tuple[int, int]], mask: str) -> str:
    for start, end in reversed(spans):
        text = text[:start] + mask + text[end:]
    return text


def store_masker(store: Any) -> Masker:
    """A Masker for this store: every customer's name, and its parts unless the catalog or
    policies use the word."""
    names = [r[0] for r in store.conn.execute("SELECT name FROM customers")]
    return Masker(names, shop_word=_shop_words(store))


def _shop_words(store: Any) -> Callable[[str], bool]:
    """Whether a word is one the store's catalog or FAQ uses (its index's English stems,
    read once when first needed)."""
    from shopguide.text import stem

    stems: set[str] | None = None

    def known(word: str) -> bool:
        nonlocal stems
        if stems is None:
            stems = set(store.latin_words())
        return stem(word) in stems

    return known


def without_masks(text: str) -> str:
    """The text with the mask tokens taken out (for analysing what was asked)."""
    for m in MASKS:
        text = text.replace(m, " ")
    return text

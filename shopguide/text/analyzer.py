"""The analysis chain, one for both languages and for both sides of every match.

Like a search engine's analyzer (char filter → tokenizer → token filters), the same chain
reads a shopper's question, a product's text and an FAQ row, so the two sides cannot
disagree: fold (NFKC + case), numbers to digits, then Chinese runs through jieba with the
store's words registered and Latin words through the Porter stemmer; function words are
marked by part of speech (Chinese) or the stopword list (English), never cut out of
other words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from shopguide.text import chinese, english, resources
from shopguide.text.normalize import fold
from shopguide.text.numbers import normalize_numbers
from shopguide.text.script import CJK_CLASS

_PIECE = re.compile(rf"(?P<zh>[{CJK_CLASS}]+)|(?P<en>{english.WORD.pattern})", re.I)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
MAX_CHARS = 20_000  # a longer message is read up to here (the rest is kept, not analysed)


@dataclass(frozen=True)
class Token:
    text: str  # the folded word as written
    start: int  # offsets in the normalised text (see Analyzer.normalize)
    end: int
    script: str  # "zh", "en" or "num"
    pos: str  # jieba's part of speech for Chinese; "eng" / "m" otherwise
    stop: bool  # a function word or filler: no search meaning
    key: str  # what matching compares: the stem (English), the word (Chinese), the number

    @property
    def content(self) -> bool:
        return not self.stop


class Analyzer:
    """Reads text for one store: its words are registered with the Chinese segmenter."""

    def __init__(self, store_words: Iterable[str] = ()) -> None:
        self._words = tuple(store_words)
        self._jieba = None

    @property
    def jieba(self):  # type: ignore[no-untyped-def]
        if self._jieba is None:  # loaded on first use: jieba's dictionary takes ~0.2 s
            self._jieba = chinese.tokenizer(self._words)
        return self._jieba

    @staticmethod
    def normalize(text: str) -> str:
        """The text every offset refers to: folded, numbers as digits."""
        return normalize_numbers(fold((text or "")[:MAX_CHARS]))

    def tokens(self, text: str, normalized: bool = False) -> list[Token]:
        """Every word of the text, in order, with its offsets in ``normalize(text)``."""
        norm = text if normalized else self.normalize(text)
        return list(self._tokens(norm))

    def _tokens(self, norm: str) -> Iterable[Token]:
        en_stop = resources.word_list("en/stopwords.txt")
        counts = resources.word_list("en/name_fillers.txt")
        for m in _PIECE.finditer(norm):
            if m.group("zh"):
                yield from self._chinese(m.group("zh"), m.start())
                continue
            word = m.group(0)
            if _NUMBER.fullmatch(word):
                yield Token(word, m.start(), m.end(), "num", "m", False, word)
            else:
                # A lone letter ("7 x 1.6", "vitamin c") says nothing to search for; sizes
                # (S, M, L) are read from the tokens themselves, not from the search words.
                # "a pair of shoes", "a couple of options": the count is no thing asked for.
                # "one's", "it's": a function word with its clitic is one still.
                base = word[:-2] if word.endswith(("'s", "’s")) else word
                stop = word in en_stop or base in en_stop or len(word) == 1 or (
                    word in counts and norm.startswith(" of ", m.end()))
                yield Token(word, m.start(), m.end(), "en", "eng", stop, english.stem(word))

    def _chinese(self, run: str, offset: int) -> Iterable[Token]:
        at = 0
        for word, pos in _tag(self.jieba, run):
            start = run.find(word, at)
            if start < 0:  # jieba returns the run's own characters; never expected
                continue
            at = start + len(word)
            if word.isspace():
                continue
            yield Token(word, offset + start, offset + at, "zh", pos,
                        chinese.is_function_word(word, pos), word)

    def terms(self, text: str) -> list[str]:
        """The content keys of a text, in order, without repeats."""
        return list(dict.fromkeys(t.key for t in self.tokens(text) if t.content))

    def keys(self, text: str) -> list[str]:
        """Every key of a text (function words too), for documents."""
        return [t.key for t in self.tokens(text)]


def _tag(tk, run: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    # Without jieba's HMM guesses at unknown words: they glue a function word to its
    # neighbour (有轻, 码有, 卡卖) and hide both; an unknown word is left as its characters,
    # and the store's own words are in the dictionary anyway.
    return chinese.split_measures(tk.tag(run, False), lambda rest: tk.tag(rest, False))


@lru_cache(maxsize=8)
def plain() -> Analyzer:
    """An analyzer without store words (language only)."""
    return Analyzer(())

"""English words: the tokeniser and the one stemmer.

The stemmer is Snowball's Porter, the algorithm SQLite's FTS5 ``porter`` tokenizer runs,
so a word stemmed here finds the rows the full-text index stems the same way
(``kettles`` → ``kettl`` on both sides; ``tests/test_text_analysis.py`` checks them
against the index).
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

# A word: letters and digits, joined by an apostrophe or a dot inside it ("don't", "2.5l").
# A hyphen separates words, as in the full-text index: "grain-free" is "grain" + "free"
# on both sides, so it matches "grain free". Numbers are words here too (numbers.py).
_L = "a-z0-9\u00c0-\u024f"
WORD = re.compile(rf"[{_L}]+(?:['’.][{_L}]+)*", re.I)

_STEMMER = snowballstemmer.stemmer("porter")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Porter stem of one folded word (``running`` → ``run``)."""
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]  # "women's" is "women" to the index (it splits at the apostrophe)
    return _STEMMER.stemWord(w)


def stems(text: str) -> list[str]:
    """The stems of the Latin words of an already folded text."""
    return [stem(m.group(0)) for m in WORD.finditer(text)]

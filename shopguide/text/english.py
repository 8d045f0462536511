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

# A word: letters and digits, joined by an apostrophe, hyphen or dot inside it ("don't",
# "t-shirt", "2.5l", "i7-12700h"). Numbers are words here too; numbers.py reads them.
_L = "a-z0-9\u00c0-\u024f"
WORD = re.compile(rf"[{_L}]+(?:['’\-.][{_L}]+)*", re.I)

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

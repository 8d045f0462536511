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

from shopguide.text.resources import word_list

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


# The word classes that stand after "is" as what a thing is like ("it's durable", "it is
# imported", "it's monthly"), as lemminflect's lexicon gives a word's classes.
_PREDICATE_CLASSES = frozenset({"ADJ", "ADV"})


@lru_cache(maxsize=4096)
def reads_as_predicate(phrase: str) -> bool:
    """Whether ``phrase`` (a product's keyword: "durable", "chewers", "all life stages")
    reads after "it's" / "is": its last word can be an adjective, an adverb or a past
    participle. A word the lexicon does not hold is given the benefit of the doubt where it
    is hyphenated ("kink-free", "non-slip") or ends as adjectives do ("washable"); "app"
    reads as a noun (resources/lang/en/adjective_endings.txt)."""
    # Hyphenated words whole ("kink-free": the lexicon's word), where WORD splits them as
    # the index does.
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", phrase.lower())
    if not words:
        return True
    last = words[-1]
    lemmas = _lemmas(last)
    if lemmas is None:  # no lexicon at all
        return True
    if not lemmas:
        return "-" in last or last.endswith(_adjective_endings())
    if _PREDICATE_CLASSES & lemmas.keys():
        return True
    return any(last in _inflections(lemma, "VBN") for lemma in lemmas.get("VERB", ()))


@lru_cache(maxsize=1)
def _adjective_endings() -> tuple[str, ...]:
    return tuple(sorted(word_list("en/adjective_endings.txt"), key=len, reverse=True))


@lru_cache(maxsize=4096)
def opens_as_predicate(clause: str) -> bool:
    """Whether a sentence of a description reads as the second predicate of "It is $20 and
    …": it opens with a verb that agrees with "it" ("Suits beginners", "Keeps dogs busy"), or
    is an adjective phrase ("Easy to fill and clean"). A sentence with a subject of its own
    ("Water-resistant material keeps pets dry", "【Installation】Ship with…") does not, nor
    does one whose first word the lexicon lacks: most are a noun phrase's modifier."""
    words = re.findall(r"[a-z]+(?:['-][a-z]+)*", clause.lower())
    if not words:
        return False
    first = words[0]
    lemmas = _lemmas(first)
    if lemmas is None:
        return True  # no lexicon: nothing is masked
    if any(first in _inflections(lemma, "VBZ") for lemma in lemmas.get("VERB", ())):
        return True
    return bool(_PREDICATE_CLASSES & lemmas.keys()) and reads_as_predicate(clause)


@lru_cache(maxsize=4096)
def in_lexicon(word: str) -> bool:
    """Whether ``word`` is an English word as spelt ("eyeliner" is; "recieved", "backback" are
    not): a word spelt right is meant as written, never a typo for a store's word."""
    return bool(_lemmas(word.lower()))


@lru_cache(maxsize=4096)
def names_a_thing(word: str) -> bool:
    """Whether ``word`` names a thing rather than describing one: a noun that is no
    adjective ("dog" in "dog bed", "cotton"), or a word the lexicon lacks (a make:
    "fitbit"); not "comfy", "red" or "waterproof"."""
    lemmas = _lemmas(word.lower())
    if lemmas is None:
        return False  # no lexicon: nothing is ruled out
    return not lemmas or ("NOUN" in lemmas and "ADJ" not in lemmas)


@lru_cache(maxsize=4096)
def is_plural_noun(word: str) -> bool:
    """Whether ``word`` is a noun in the plural ("filters", "kids"): after a number, a count."""
    lemmas = _lemmas(word.lower())
    return bool(lemmas) and any(lemma != word.lower() for lemma in lemmas.get("NOUN", ()))


@lru_cache(maxsize=4096)
def is_comparative(word: str) -> bool:
    """Whether ``word`` compares ("longer", "bigger", "lighter"): an adjective's -er form."""
    w = word.lower()
    lemmas = _lemmas(w) or {}
    if w in lemmas.get("NOUN", ()):
        return False  # "a trimmer", "a cooler": a thing, not a comparison
    return any(w != lemma and w in _inflections(lemma, "JJR") for lemma in lemmas.get("ADJ", ()))


def _lemmas(word: str) -> dict[str, tuple[str, ...]] | None:
    """The word's classes and lemmas ({}: a word the lexicon lacks; None where the lexicon
    cannot be read: a bundle that lost its data files masks nothing rather than fail an
    answer)."""
    try:
        from lemminflect import getAllLemmas  # its lexicon loads on first use (about 0.3 s)

        return getAllLemmas(word)
    except (ImportError, OSError):
        return None


@lru_cache(maxsize=4096)
def _inflections(lemma: str, tag: str) -> tuple[str, ...]:
    try:
        from lemminflect import getInflection

        return tuple(getInflection(lemma, tag=tag) or ())
    except (ImportError, OSError):
        return ()

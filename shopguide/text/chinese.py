"""Chinese words: jieba's dictionary (through rjieba, its Rust implementation) with the
store's own words registered, and parts of speech to tell function words from content.

``rjieba`` loads jieba's dictionary in ~0.2 s (the Python jieba: ~0.65 s, plus ~0.5 s more
for parts of speech) and segments a question in microseconds; the words and tags are
jieba's. A store's categories, brands, tags and product names are added as words, so
``云跃缓震跑鞋`` stays ``云跃`` + ``缓震`` + ``跑鞋`` and ``对讲机`` is never cut into ``讲机``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType

import rjieba

from shopguide.text import resources
from shopguide.text.normalize import fold

STORE_WORD_TAG = "nz"  # a proper noun: a store word is always content
_STORE_WORD_FREQ = 2000  # high enough that the store's spelling wins over jieba's split
_CACHE = 4  # tokenisers kept for the most recent word sets (tests open many stores)

_lock = threading.Lock()
_tokenizers: OrderedDict[frozenset[str], rjieba.Jieba] = OrderedDict()


def tokenizer(words: Iterable[str] = ()) -> rjieba.Jieba:
    """A jieba tokeniser that knows these words (shared between stores with the same words)."""
    key = frozenset(fold(w) for w in words if w and any("\u3400" <= c <= "\u9fff" for c in w))
    with _lock:
        tk = _tokenizers.get(key)
        if tk is not None:
            _tokenizers.move_to_end(key)
            return tk
    tk = rjieba.Jieba()
    for word in sorted(key, key=len):
        if 2 <= len(word) <= 16:
            tk.add_word(word, _STORE_WORD_FREQ, STORE_WORD_TAG)
    with _lock:
        _tokenizers[key] = tk
        while len(_tokenizers) > _CACHE:
            _tokenizers.popitem(last=False)
    return tk


@lru_cache(maxsize=1)
def function_pos() -> Mapping[str, int]:
    """The part-of-speech tags of function words (``zh/stop_pos.txt``) → the longest word of
    that class dropped ("d:2": adverbs of one or two characters; unbounded without)."""
    out: dict[str, int] = {}
    for line in resources.word_list("zh/stop_pos.txt"):
        tag, _, longest = line.partition(":")
        if longest and not longest.isdigit():
            raise resources.ResourceError(f"zh/stop_pos.txt: {line!r}: the part after ':' "
                                          "must be a number of characters")
        out[tag] = int(longest) if longest else 1_000
    return MappingProxyType(out)


def is_function_word(word: str, pos: str) -> bool:
    """A particle, pronoun, preposition, measure word … or a listed filler (whole words)."""
    return len(word) <= function_pos().get(pos, 0) or \
        word in resources.word_list("zh/stopwords.txt")


# Light endings: 袜子 is a 袜, 鞋子 a 鞋. A word with one is also looked for by its root.
LIGHT_SUFFIXES = ("子", "儿")


def root(word: str) -> str:
    """The word without a light ending (``袜子`` → ``袜``), or the word itself."""
    if len(word) == 2 and word.endswith(LIGHT_SUFFIXES):
        return word[0]
    return word


def abbreviates(short: str, long: str) -> bool:
    """Whether a Chinese word is the short form of a longer one: its characters in order
    within it, the first and the last the same (跑鞋 of 跑步鞋, 保温杯 of 保温水杯)."""
    if not 2 <= len(short) < len(long) or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


@lru_cache(maxsize=1)
def _measures() -> tuple[frozenset[str], frozenset[str]]:
    """(what may stand before a measure word, the measure words): ``zh/measures.txt``."""
    lines = resources.word_list("zh/measures.txt")
    before = "".join(x.partition("=")[2] for x in lines if x.startswith("before="))
    return frozenset(before), frozenset(x for x in lines if not x.startswith("before="))


def split_measures(tagged: list[tuple[str, str]],
                   tag: Callable[[str], list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """jieba's words with a measure word's thing set free: "一个包" is 一个 + 包, "两本书" 两本
    + 书, and after a bare number "本书" (to jieba "this book", a pronoun) 本 + 书. ``tag``
    tags a freed remainder."""
    counting, measures = _measures()
    out: list[tuple[str, str]] = []
    for word, pos in tagged:
        n = 0
        while n < len(word) and word[n] in counting:
            n += 1
        counted = bool(out) and all(c in counting for c in out[-1][0])
        if 0 < n < len(word) - 1 and word[n] in measures and word[n + 1:] not in measures:
            # (四件套, a set of four, is a thing of its own: its rest is a measure word too)
            out.append((word[:n + 1], "m"))  # 一个包: the number and its measure word
            out += tag(word[n + 1:])
        elif n == 0 and counted and len(word) > 1 and word[0] in measures and \
                is_function_word(word, pos):
            out.append((word[0], "q"))  # 一 本书: 本 counts the 书
            out += tag(word[1:])
        else:
            out.append((word, pos))
    return out

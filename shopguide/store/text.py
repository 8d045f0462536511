"""Text for the full-text indexes, and FTS5 queries built from a user's words.

SQLite's ``unicode61`` tokenizer treats a run of Chinese characters as one token,
so ``跑鞋`` would never find ``云跃缓震跑鞋``. We therefore index a normalised text
in which every CJK character stands alone and every pair of neighbours is a word
too (``云 跃 缓 震 跑 鞋 云跃 跃缓 缓震 震跑 跑鞋``, schema v5). A CJK word in a query
becomes its character pairs (``跑鞋``; ``运动鞋`` → ``运动``, ``动鞋``), each a plain
index word, so no slow phrase matching over very common single characters; a
single character is looked up as itself. Latin words go through ``porter``
(``kettles`` finds ``Kettle``).

User text never reaches MATCH as it is: we pick out the words ourselves and
quote each one, so ``"``, ``*``, ``AND``, ``)`` or ``NEAR(`` are just text.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable

from shopguide.text import resources
from shopguide.text.normalize import fold
from shopguide.text.script import CJK_RUN as _CJK_RUN
from shopguide.text.script import is_cjk

__all__ = ["fold", "is_cjk"]  # one normalisation and one script test (shopguide.text)

_MAX_TERMS = 40


def _cjk_words(run: str) -> str:
    # The characters first, in order, so a phrase of characters still matches them
    # side by side (customer names are searched that way); then the pairs.
    return " " + " ".join([*run, *(run[i : i + 2] for i in range(len(run) - 1))]) + " "


def index_text(*parts: str | None) -> str:
    """The text stored in an FTS column: each CJK run as its characters and its
    character pairs, the rest as is."""
    text = " ".join(p for p in parts if p)
    text = unicodedata.normalize("NFKC", text)
    return _CJK_RUN.sub(lambda m: _cjk_words(m.group(0)), text)


def index_list(json_list: str | None) -> str:
    """FTS text for a JSON list column (tags, alternates …)."""
    if not json_list:
        return ""
    try:
        items = json.loads(json_list)
    except ValueError:
        return index_text(json_list)
    if isinstance(items, dict):
        items = [f"{k} {v}" for k, v in items.items()]
    return index_text(*(str(i) for i in items))


def runs(text: str) -> list[tuple[str, str]]:
    """Split text into ("cjk", run) and ("word", word) pieces; everything else separates."""
    text = unicodedata.normalize("NFKC", text or "")
    out: list[tuple[str, str]] = []
    kind: str | None = None
    buf: list[str] = []
    for ch in text:
        if is_cjk(ch):
            k: str | None = "cjk"
        elif ch.isalnum() or unicodedata.category(ch).startswith("M"):
            k = "word"
        else:
            k = None
        if k != kind and buf:
            out.append((kind or "", "".join(buf)))
            buf = []
        kind = k
        if k is not None:
            buf.append(ch)
    if buf and kind:
        out.append((kind, "".join(buf)))
    return out


def _phrase(chars: Iterable[str]) -> str:
    # Pieces contain no quote characters (only letters, digits, CJK), so this is safe.
    return '"' + " ".join(chars) + '"'


def query_terms(text: str | None) -> list[str]:
    """The quoted FTS terms of a product/FAQ query: every word (stopwords dropped when
    there are other words), and every pair of adjacent CJK characters, so a longer
    Chinese sentence still finds the words inside it."""
    # In the order written: the first words are the question's own, its synonyms follow,
    # and only the first _MAX_TERMS are asked for.
    terms: list[tuple[str, bool]] = []  # (term, is an English word)
    for kind, piece in runs(text or ""):
        if kind == "word":
            terms.append((piece.casefold(), True))
        elif len(piece) == 1:
            terms.append((f'"{piece}"', False))
        else:  # each pair is one index word (see index_text)
            terms.extend((f'"{piece[i : i + 2]}"', False) for i in range(len(piece) - 1))
            if len(piece) >= 3:
                # and a compound's last character, its head (运动鞋 is a kind of 鞋), so the
                # same kind of thing is a candidate though it shares no pair (跑鞋).
                terms.append((f'"{piece[-1]}"', False))
    # Stopwords (the analysis chain's own list) are dropped when the query has other words.
    stop = resources.word_list("en/stopwords.txt")
    if any(not word or t not in stop for t, word in terms):
        terms = [(t, word) for t, word in terms if not word or t not in stop]
    out = [_phrase([t]) if word else t for t, word in terms]
    return list(dict.fromkeys(out))[:_MAX_TERMS]


def ranked_query(text: str | None) -> str | None:
    """The terms OR'ed: bm25 ranks rows matching more (and rarer) terms first.
    None when the text has no words."""
    terms = query_terms(text)
    return " OR ".join(terms) if terms else None


def prefix_query(text: str | None) -> str | None:
    """An AND query for people: each word as a prefix (``jo`` finds John, ``5678``
    finds a phone ending in 5678 since phones are indexed by their suffixes), each
    CJK run as a phrase (``张伟``). None when no words."""
    terms: list[str] = []
    for kind, piece in runs(text or ""):
        if kind == "word":
            terms.append(_phrase([piece.casefold()]) + "*")
        else:
            terms.append(_phrase(piece))
    unique = list(dict.fromkeys(terms))[:_MAX_TERMS]
    return " AND ".join(unique) if unique else None


def phone_tokens(phone: str | None) -> str:
    """Every suffix of the phone's digits, so a prefix query finds any part of it."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", phone or "") if ch.isdigit())
    return " ".join(digits[i:] for i in range(len(digits)))


def person_text(name: str | None, phone: str | None, email: str | None, tags: str | None) -> str:
    return " ".join(
        p for p in (index_text(name), phone_tokens(phone), index_text(email), index_list(tags)) if p
    )


def category_keys(path: str | None) -> str:
    """JSON list of the folded keys a category filter may use: the whole path, each
    parent, each segment and every contiguous sub-path (``鞋/跑鞋`` → 鞋, 跑鞋, 鞋/跑鞋)."""
    segments = [fold(s) for s in (path or "").split("/") if s.strip()]
    keys: list[str] = []
    for i in range(len(segments)):
        for j in range(i + 1, len(segments) + 1):
            keys.append("/".join(segments[i:j]))
    return json.dumps(list(dict.fromkeys(keys)), ensure_ascii=False)


def category_key(value: str) -> str:
    """The folded form of a category filter value, to compare with category_keys()."""
    return "/".join(fold(s) for s in value.split("/") if s.strip())


def facet_token(kind: str, key: str) -> str:
    """An opaque index word standing for one filter value (a category key, brand,
    size or colour), so filters are intersected inside the FTS index. Ends in a digit
    so the porter stemmer leaves it alone."""
    return "q" + hashlib.sha1(f"{kind}\x1f{key}".encode()).hexdigest()[:16] + "0"


# Price words (schema v7): one word per power of ten of cents, for the bucket the
# price falls in at that width: 1 cent, 10 cents … 10^7 cents (100,000 yuan). Any
# whole-cent range is then a short OR of buckets (price_range_tokens), so a price
# filter is an intersection of posting lists instead of a look at every candidate row.
PRICE_LEVELS = 8
_TOP = PRICE_LEVELS - 1
MAX_PRICE_TOKENS = 200  # a range needing more (absurd spans) is checked row by row instead


def _price_token(level: int, bucket: int) -> str:
    return facet_token("price", f"{level}:{bucket}")


def price_tokens(cents: int | None) -> list[str]:
    """The price words of one product (none for a missing price)."""
    if cents is None:
        return []
    return [_price_token(k, int(cents) // 10**k) for k in range(PRICE_LEVELS)]


def price_range_tokens(lo: int, hi: int) -> list[str] | None:
    """Words whose OR matches exactly the prices in cents ``lo`` … ``hi`` (inclusive):
    the fewest buckets, coarsest first where a range covers a whole one. [] when the
    range is empty; None when it would need more than MAX_PRICE_TOKENS words."""
    lo = max(int(lo), 0)
    hi = int(hi)
    out: list[str] = []
    level = 0
    # Invariant: lo and hi + 1 are multiples of 10**level.
    while lo <= hi:
        width = 10**level
        if level == _TOP:
            if (hi - lo + 1) // width + len(out) > MAX_PRICE_TOKENS:
                return None
            out += [_price_token(level, b) for b in range(lo // width, hi // width + 1)]
            break
        wider = width * 10
        while lo <= hi and lo % wider:
            out.append(_price_token(level, lo // width))
            lo += width
        while lo <= hi and (hi + 1) % wider:
            out.append(_price_token(level, hi // width))
            hi -= width
        level += 1
    return out if len(out) <= MAX_PRICE_TOKENS else None


# Stock words (schema v7): every product has exactly one, so "in stock" (stock unknown
# or above 0) is one word to intersect with.
STOCK_IN = facet_token("stock", "in")
STOCK_OUT = facet_token("stock", "0")


def stock_token(stock: int | None) -> str:
    return STOCK_OUT if stock == 0 else STOCK_IN


def facet_text(category: str | None, brand: str | None, sizes: str | None,
               colors: str | None) -> str:
    """The facets column of the product index up to schema v6 (see schema v4)."""
    tokens = [facet_token("category", k) for k in json.loads(category_keys(category))]
    if brand and brand.strip():
        tokens.append(facet_token("brand", fold(brand)))
    for kind, column in (("size", sizes), ("color", colors)):
        for value in json.loads(column or "[]"):
            tokens.append(facet_token(kind, fold(str(value))))
    return " ".join(dict.fromkeys(tokens))


def facet_text_v7(category: str | None, brand: str | None, sizes: str | None,
                  colors: str | None, price_cents: int | None, stock: int | None) -> str:
    """The facets column from schema v7: the v4 words, then the price and stock words.
    Every product gets the same number of price and stock words, so they lengthen every
    row alike (bm25 sees row lengths)."""
    tokens = [facet_text(category, brand, sizes, colors), *price_tokens(price_cents),
              stock_token(stock)]
    return " ".join(t for t in tokens if t)

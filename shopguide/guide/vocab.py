"""The store's own words (categories, brands, tags, sizes, colours), read from its database.

Matching is language-aware: Chinese words match as substrings, English ones as
whole (stemmed) words, so ``knives`` finds the category ``Kitchen knife`` words and
``pan`` does not fire inside ``panel``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field

from shopguide.guide.lexicon import COMMON_EN, SYNONYMS, TRANSLATIONS, canonical_colors, is_chinese, stem

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def stems(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(fold(text))]


@dataclass(frozen=True)
class Match:
    value: str  # the store's own spelling
    start: int
    end: int
    via_synonym: bool = False
    said: str = ""  # the words of the text that named it ("running shoes" for 跑鞋)


def _find_phrase(phrase: str, text: str, text_stems: list[str]) -> tuple[int, int] | None:
    """Where ``phrase`` occurs in ``text``: a span for Chinese, a stem-index span for English."""
    p = fold(phrase)
    if not p:
        return None
    if is_chinese(p):
        i = text.find(p)
        return (i, i + len(p)) if i >= 0 else None
    ps = stems(p)
    if not ps:
        return None
    n = len(ps)
    for i in range(len(text_stems) - n + 1):
        if text_stems[i : i + n] == ps:
            return (-1 - i, -1 - i - n)  # negative: word positions, not characters
    return None


@dataclass
class StoreVocab:
    """What a query can name in this store. Built once per store, refreshed after imports."""

    category_paths: list[str] = field(default_factory=list)
    brands: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    sizes: list[str] = field(default_factory=list)
    colors: list[str] = field(default_factory=list)
    brand_aliases: dict[str, str] = field(default_factory=dict)  # "yunyue" → "云跃"

    @classmethod
    def from_store_vocabulary(cls, v: object) -> StoreVocab:
        paths = list(getattr(v, "category_paths", None) or getattr(v, "categories", None) or [])
        return cls(
            category_paths=[str(p) for p in paths],
            brands=[str(x) for x in getattr(v, "brands", None) or []],
            tags=[str(x) for x in getattr(v, "tags", None) or []],
            sizes=[str(x) for x in getattr(v, "sizes", None) or []],
            colors=[str(x) for x in getattr(v, "colors", None) or []],
        )

    def category_segments(self) -> dict[str, str]:
        """Each category name (any level) → the path up to it (``跑鞋`` → ``鞋/跑鞋``)."""
        out: dict[str, str] = {}
        for path in self.category_paths:
            parts = [s.strip() for s in path.split("/") if s.strip()]
            for i, seg in enumerate(parts):
                out.setdefault(seg, "/".join(parts[: i + 1]))
        return out

    def match_all(self, values: list[str], text: str) -> list[Match]:
        """Every value occurring in ``text``, longest first, without overlaps."""
        low = fold(text)
        tstems = stems(low)
        found: list[Match] = []
        used_chars: set[int] = set()
        used_words: set[int] = set()
        for value in sorted(set(values), key=lambda s: -len(s)):
            span = _find_phrase(value, low, tstems)
            if span is None:
                continue
            a, b = span
            if a >= 0:
                rng = set(range(a, b))
                if rng & used_chars:
                    continue
                used_chars |= rng
            else:
                rng = set(range(-1 - a, -1 - b))
                if rng & used_words:
                    continue
                used_words |= rng
            found.append(Match(value, a, b))
        return found

    def match_category(self, text: str) -> Match | None:
        """The most specific category the text names, directly or through a synonym."""
        segs = self.category_segments()
        direct = self.match_all(list(segs), text)
        if direct:
            best = max(direct, key=lambda m: (len(segs[m.value].split("/")), len(m.value)))
            return Match(segs[best.value], best.start, best.end, said=best.value)
        for said, alt in translations_in(text):
            via = self.match_all(list(segs), alt)
            if via:
                best = max(via, key=lambda m: (len(segs[m.value].split("/")), len(m.value)))
                return Match(segs[best.value], -1, -1, said=said)
        for alt in synonym_forms(text):
            via = self.match_all(list(segs), alt)
            if via:
                best = max(via, key=lambda m: (len(segs[m.value].split("/")), len(m.value)))
                return Match(segs[best.value], -1, -1, via_synonym=True)
        return None

    def chinese_words(self) -> list[str]:
        """The store's Chinese words (categories, tags, brands, colours), longest first."""
        cached = getattr(self, "_zh_words", None)
        if cached is None:
            words = [*self.category_segments(), *self.tags, *self.brands, *self.colors]
            cached = sorted({fold(w) for w in words if is_chinese(w) and len(w) >= 2},
                            key=len, reverse=True)
            object.__setattr__(self, "_zh_words", cached)
        return cached

    def segment(self, chunk: str) -> list[str]:
        """Split a run of Chinese at the store's own words: 防水登山鞋 → 防水, 登山鞋.
        Single characters left between them are dropped unless the run is one character."""
        if len(chunk) <= 2:
            return [chunk]
        for word in self.chinese_words():
            i = chunk.find(word)
            if i >= 0 and word != chunk:
                left, right = chunk[:i], chunk[i + len(word):]
                out = [*self.segment(left)] if len(left) >= 2 else []
                out.append(word)
                out += [*self.segment(right)] if len(right) >= 2 else []
                return out
        return [chunk]

    def match_brand(self, text: str) -> Match | None:
        found = self.match_all(self.brands, text)
        if found:
            return found[0]
        alias = self.match_all(list(self.brand_aliases), text)
        if alias:
            m = alias[0]
            return Match(self.brand_aliases[m.value], m.start, m.end)
        return None

    def match_tags(self, text: str) -> list[str]:
        return [m.value for m in self.match_all(self.tags, text)]

    def match_color(self, text: str) -> str | None:
        """A store colour named verbatim, else a canonical colour word (``black``)."""
        found = self.match_all(self.colors, text)
        if found:
            return found[0].value
        canon = canonical_colors(text)
        return sorted(canon)[0] if canon else None

    def size_words(self) -> list[str]:
        """Sizes that can be recognised without a ``size``/``码`` cue: words like ``King``."""
        return [s for s in self.sizes if len(s) >= 3 and not re.fullmatch(r"[\d.]+", s)]

    def known_size(self, value: str) -> str | None:
        f = fold(value)
        for s in self.sizes:
            if fold(s) == f:
                return s
        return None


def catalog_stamp(store: object) -> tuple[object, ...] | None:
    """A value that changes whenever the catalog's words may have changed, cheap to read.

    The store's own change key moves on every write, chat turns included, and rebuilding
    the vocabulary costs seconds in a large catalog. Every insert, delete, and update of a
    product's words (name, category, brand, tags, sizes, colours) rewrites its full-text
    row, which moves the FTS5 index's structure record (its cookie). Since schema v7 a
    price or stock change rewrites the row too (they are index words), so it also brings a
    new vocabulary; save_product always did (its upsert sets every column). None for a
    store without such an index.
    """
    conn = getattr(store, "conn", None)
    if conn is None:
        return None
    try:
        structure = conn.execute("SELECT block FROM products_fts_data WHERE id = 10").fetchone()
        top = conn.execute("SELECT max(id) FROM products").fetchone()
    except Exception:  # not a ShopGuide store (a test double, an older file)
        return None
    return (structure[0] if structure else None, top[0] if top else None)


class VocabCache:
    """The engine's StoreVocab, rebuilt when the store's catalog changed (an import in this
    app, or by another process), not on every question."""

    def __init__(self) -> None:
        self.vocab: StoreVocab | None = None
        self._key: object = None
        self._stamp: object = None
        self._source: object = None

    def get(self, store: object) -> StoreVocab:
        change_key = getattr(store, "_change_key", None)
        key = change_key() if callable(change_key) else None
        if self.vocab is not None and key is not None and key == self._key:
            return self.vocab  # nothing at all was written since the last look
        stamp = catalog_stamp(store)
        source = None
        if stamp is None:
            source = store.vocabulary()  # type: ignore[attr-defined]
        stale = stamp != self._stamp if stamp is not None else source != self._source
        if self.vocab is None or stale:
            source = source if source is not None else store.vocabulary()  # type: ignore[attr-defined]
            vocab = StoreVocab.from_store_vocabulary(source)
            vocab.brand_aliases = brand_aliases(store, vocab.brands)
            self.vocab = vocab
        self._key, self._stamp, self._source = key, stamp, source
        return self.vocab

    def clear(self) -> None:
        self.vocab = None


def brand_aliases(store: object, brands: list[str], limit: int = 500) -> dict[str, str]:
    """A brand's other-language spelling, learnt from the catalog: when every product of
    云跃 has an English name starting "Yunyue …", then "Yunyue" names 云跃."""
    out: dict[str, str] = {}
    search = getattr(store, "search_products", None)
    if search is None:
        return out
    for brand in brands[:limit]:
        firsts = set()
        for p, _ in search(None, brand=brand, limit=20):
            for name in (p.name_en, p.name_zh, p.name):
                if name and fold(name).split()[0] != fold(brand):
                    firsts.add(fold(name).split()[0])
                    break
        if len(firsts) == 1:
            word = firsts.pop()
            if (len(word) >= 3 and word.isalpha() and word not in COMMON_EN
                    and not any(fold(b) == word for b in brands)):
                out[word] = brand
    return out


def translations_in(text: str) -> list[tuple[str, str]]:
    """(word said, the same in the other language) for the shop nouns in ``text``,
    longest phrase first."""
    low = fold(text)
    text_stems = " " + " ".join(stems(low)) + " "
    out: list[tuple[str, str]] = []
    for word, alts in sorted(TRANSLATIONS.items(), key=lambda kv: -len(kv[0])):
        if is_chinese(word):
            hit = word.strip() in low
        else:
            hit = f" {' '.join(stems(word))} " in text_stems
        if hit:
            out.extend((word.strip(), alt) for alt in alts)
    return out


def translated_forms(text: str) -> list[str]:
    return [alt for _, alt in translations_in(text)]


@lru_cache(maxsize=4096)
def _synonym_forms(text: str) -> tuple[str, ...]:
    return tuple(_synonym_forms_uncached(text))


def synonym_forms(text: str) -> list[str]:
    return list(_synonym_forms(text))


def _synonym_forms_uncached(text: str) -> list[str]:
    """The text rewritten with each common synonym it contains (``运动鞋`` → ``鞋``)."""
    low = fold(text)
    words = set(stems(low))
    out: list[str] = []
    for word, alts in SYNONYMS.items():
        hit = word in low if is_chinese(word) else stem(word) in words
        if hit:
            out.extend(alts)
    return out


def color_matches(product_colors: tuple[str, ...] | list[str], wanted: str) -> bool:
    """Whether a product comes in the wanted colour (same word, or the same canonical colour)."""
    w = fold(wanted)
    wanted_canon = canonical_colors(wanted)
    for c in product_colors:
        fc = fold(c)
        if fc == w or (w and w in fc):
            return True
        if wanted_canon and wanted_canon & canonical_colors(c):
            return True
    return False


def size_matches(product_sizes: tuple[str, ...] | list[str], wanted: str) -> bool:
    w = fold(wanted)
    return any(fold(s) == w for s in product_sizes)


def category_matches(product_category: str, wanted: str) -> bool:
    """The product's category is the wanted one or sits under it (any level of the path)."""
    segs = [fold(s) for s in product_category.split("/") if s.strip()]
    want = [fold(s) for s in wanted.split("/") if s.strip()]
    n = len(want)
    return any(segs[i : i + n] == want for i in range(len(segs) - n + 1)) if n else True

"""The store's own words (categories, brands, tags, sizes, colours, synonyms), read from
its database, and the analyzer that knows them.

Everything is matched on analysed words (``shopguide.text``): Chinese phrases on jieba's
word boundaries with the store's words registered, English ones by stem, so ``knives``
finds the category ``Kitchen knife`` and ``pan`` does not fire inside ``panel``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from shopguide.text import Analyzer, chinese, fold, has_cjk, resources
from shopguide.text.phrases import Phrases
from shopguide.text.resources import Synonym
from shopguide.text.spelling import ChineseSpeller


@dataclass(frozen=True)
class Match:
    value: str  # the store's own spelling
    start: int  # offsets in the normalised text
    end: int
    via_synonym: bool = False
    said: str = ""  # the words of the text that named it


@dataclass(eq=False)
class StoreVocab:
    """What a question can name in this store. Built once per store, rebuilt after imports."""

    category_paths: list[str] = field(default_factory=list)
    brands: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    sizes: list[str] = field(default_factory=list)
    colors: list[str] = field(default_factory=list)
    brand_aliases: dict[str, str] = field(default_factory=dict)  # "yunyue" → "云跃"
    synonyms: tuple[Synonym, ...] = ()  # the store's own (synonyms.csv)
    latin: Callable[[], list[str]] | None = None  # the index's English words, read on demand

    @classmethod
    def from_store_vocabulary(cls, v: object, synonyms: Iterable[Synonym] = ()) -> StoreVocab:
        paths = list(getattr(v, "category_paths", None) or getattr(v, "categories", None) or [])
        return cls(
            category_paths=[str(p) for p in paths],
            brands=[str(x) for x in getattr(v, "brands", None) or []],
            tags=[str(x) for x in getattr(v, "tags", None) or []],
            sizes=[str(x) for x in getattr(v, "sizes", None) or []],
            colors=[str(x) for x in getattr(v, "colors", None) or []],
            synonyms=tuple(synonyms),
        )

    # -- the analyzer -----------------------------------------------------------------
    @cached_property
    def analyzer(self) -> Analyzer:
        """Reads text with this store's words registered (categories, brands, tags …)."""
        words = [*self.category_segments(), *self.brands, *self.tags, *self.colors,
                 *(s.term for s in self.all_synonyms())]
        return Analyzer(w for w in words if has_cjk(w))

    @cached_property
    def chinese_speller(self) -> ChineseSpeller:
        """The store's Chinese words by sound: 电饭褒 is 电饭煲 typed with a pinyin IME. The
        kinds, tags, brands and synonyms, not every product name's words: segmenting 100k
        names cost 1.6 s at a store's first question, and repaired no more questions on any
        of our sets (a name has other words to be found by)."""
        words = [*self.segment_paths(), *self.tags, *self.brands,
                 *(s.term for s in self.all_synonyms())]
        return ChineseSpeller(fold(w) for w in words if has_cjk(w))

    @cached_property
    def latin_words(self) -> list[str]:
        """The English words (stems) of the store's index, for repairing a misspelt one."""
        return self.latin() if self.latin is not None else []

    @cached_property
    def latin_set(self) -> frozenset[str]:
        """The same, for membership: the parts a one-word compound may be split into."""
        return frozenset(self.latin_words)

    def all_synonyms(self) -> tuple[Synonym, ...]:
        """The store's synonyms first (they win over the language's), then the generic ones."""
        return self.synonyms + resources.synonyms()

    # -- the store's words as phrases --------------------------------------------------
    def category_segments(self) -> dict[str, str]:
        """Each category name (any level) → the path up to it (``跑鞋`` → ``鞋/跑鞋``)."""
        out: dict[str, str] = {}
        for path in self.category_paths:
            parts = [s.strip() for s in path.split("/") if s.strip()]
            for i, seg in enumerate(parts):
                out.setdefault(seg, "/".join(parts[: i + 1]))
        return out

    def segment_paths(self) -> dict[str, list[str]]:
        """Each category name → every path up to it (``Food`` → ``Dog/Food``, ``Cat/Food``)."""
        cached = self.__dict__.get("_segment_paths")
        if cached is None:
            cached = {}
            for path in self.category_paths:
                parts = [s.strip() for s in path.split("/") if s.strip()]
                for i, seg in enumerate(parts):
                    up_to = "/".join(parts[: i + 1])
                    if up_to not in cached.setdefault(seg, []):
                        cached[seg].append(up_to)
            self.__dict__["_segment_paths"] = cached
        return cached

    def best_path(self, segments: list[str]) -> str | None:
        """The category the named segments (in the order said) point at together: "dog
        food" is Dog/Food, not Cat/Food; when they name different branches, the one named
        last, the head of the phrase (儿童头盔 is a 头盔 for children); then the most specific."""
        paths = self.segment_paths()
        candidates = {p for seg in segments for p in paths.get(seg, [])}
        if not candidates:
            return None
        order = [fold(seg) for seg in segments]

        def rank(path: str) -> tuple[int, list[int], int]:
            # Named later wins, segment by segment from the last: "dress pants for women" is
            # Women/…/Pants, not Women/…/Dresses (both name "women" last; "pants" is later).
            parts = [fold(x) for x in path.split("/")]
            named = [i for i, seg in enumerate(order) if seg in parts]
            return (len(named), sorted(named, reverse=True), path.count("/"))

        return max(sorted(candidates), key=rank)

    @cached_property
    def kind_heads(self) -> frozenset[str]:
        """The last characters of the store's Chinese category names: the kinds it carries
        (鞋 of 跑鞋 and 登山鞋)."""
        return frozenset(chinese.root(fold(seg))[-1] for seg in self.segment_paths()
                         if has_cjk(seg[-1:]))

    @cached_property
    def kind_words(self) -> frozenset[str]:
        """The store's Chinese category names, each level (跑鞋, 钥匙包): the kinds it carries,
        as whole words."""
        return frozenset(fold(seg) for seg in self.segment_paths() if has_cjk(seg))

    @cached_property
    def category_phrases(self) -> Phrases:
        return Phrases({seg: seg for seg in self.segment_paths()})

    @cached_property
    def brand_phrases(self) -> Phrases:
        values: dict[str, object] = {b: b for b in self.brands}
        values.update({a: b for a, b in self.brand_aliases.items() if a not in values})
        # A brand is a name, said as written: "express shipping" does not name Expressions.
        return Phrases(values, exact=True)

    @cached_property
    def tag_phrases(self) -> Phrases:
        return Phrases({t: t for t in self.tags})

    @cached_property
    def color_phrases(self) -> Phrases:
        """The store's colours as written, then every colour word of the language."""
        values: dict[str, object] = {c: c for c in self.colors}
        for canon, words in resources.colors().items():
            for w in words:
                values.setdefault(w, canon)
        return Phrases(values)

    @cached_property
    def size_phrases(self) -> Phrases:
        """Sizes that can be recognised without a "size"/"码" cue: words like ``King``."""
        return Phrases({s: s for s in self.sizes if len(s) >= 3 and not _numeric(s)})

    @cached_property
    def synonym_phrases(self) -> Phrases:
        values: dict[str, object] = {}
        for s in self.all_synonyms():
            values.setdefault(s.term, s)
        return Phrases(values)

    def known_size(self, value: str) -> str | None:
        f = fold(value)
        for s in self.sizes:
            if fold(s) == f:
                return s
        return None

    def canonical_brand(self, said: str) -> str | None:
        value = self.brand_phrases.values.get(fold(said))
        return str(value) if value is not None else None


def _numeric(s: str) -> bool:
    return s.replace(".", "", 1).isdigit()


def catalog_stamp(store: object) -> tuple[object, ...] | None:
    """A value that changes whenever the catalog's words may have changed, cheap to read.

    The store's own change key moves on every write, chat turns included, and rebuilding
    the vocabulary costs seconds in a large catalog. The products' part is the store's
    ``words_stamp`` (the full-text index's structure record, which every write of a
    product's words, price or stock moves); synonyms (schema v8) have their own count, and
    their newest ``updated`` (a synonym given new words in place, as a review's undo does,
    changes neither the count nor the rowids). None for a store without such an index.
    """
    words = getattr(store, "words_stamp", None)
    stamp = words() if callable(words) else None
    if stamp is None:
        return None  # not a ShopGuide store (a test double, an older file)
    try:
        syn = store.conn.execute(  # type: ignore[attr-defined]
            "SELECT count(*), max(rowid), max(updated) FROM synonyms").fetchone()
    except Exception:  # a store from before schema v8
        syn = None
    return (*stamp, syn)


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
            read = getattr(store, "synonyms", None)
            vocab = StoreVocab.from_store_vocabulary(source, read() if callable(read) else ())
            vocab.brand_aliases = brand_aliases(store, vocab)
            vocab.latin = getattr(store, "latin_words", None)
            self.vocab = vocab
        self._key, self._stamp, self._source = key, stamp, source
        return self.vocab

    def clear(self) -> None:
        self.vocab = None


def brand_aliases(store: object, vocab: StoreVocab, limit: int = 500) -> dict[str, str]:
    """A brand's other-language spelling, learnt from the catalog: when every product of
    云跃 has an English name starting "Yunyue …", then "Yunyue" names 云跃. A word that is
    a function word of the language ("And Then There Were None") is never an alias, nor one
    that other brands' products use too: a brand whose one product is "Mens Swim Trunks"
    is not what "mens" names."""
    out: dict[str, str] = {}
    search = getattr(store, "search_products", None)
    if search is None:
        return out
    brands = vocab.brands
    known = {fold(b) for b in brands} | _language_words(vocab)
    for brand in brands[:limit]:
        firsts = set()
        for p, _ in search(None, brand=brand, limit=20):
            for name in (p.name_en, p.name_zh, p.name):
                if name and fold(name).split()[0] != fold(brand):
                    firsts.add(fold(name).split()[0])
                    break
        if len(firsts) != 1:
            continue
        word = firsts.pop()
        tokens = vocab.analyzer.tokens(word)
        if (len(word) >= 3 and word.isalpha() and word not in known and len(tokens) == 1
                and tokens[0].content and _only_of(search, word, brand)):
            out[word] = brand
    return out


def _only_of(search: Any, word: str, brand: str) -> bool:
    """Whether the products that say ``word`` are all of ``brand``."""
    return all(fold(p.brand or "") == fold(brand) for p, _ in search(word, limit=20))


def _language_words(vocab: StoreVocab) -> set[str]:
    """Words that mean something of their own (the store's tags, colours, sizes and category
    names, the language's synonyms, colours and policy words): never a brand's alias."""
    words = {fold(w) for w in (*vocab.tags, *vocab.colors, *vocab.sizes, *vocab.segment_paths())}
    for syn in vocab.all_synonyms():
        words.add(syn.term)
        words.update(syn.means)
    for ws in (*resources.colors().values(), *resources.topics().values()):
        words.update(ws)
    return {w2 for w in words for w2 in (w, *w.split())}


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


@lru_cache(maxsize=4096)
def canonical_colors(text: str) -> frozenset[str]:
    """Canonical colours a colour value names (``"深蓝色"`` → ``{"navy"}``, ``"Sage green"``
    → ``{"green"}``): the colour words of the language it contains. Cached: a catalog has
    few colour values, and every candidate's are checked against every colour asked."""
    low = fold(text)
    out = set()
    for canon, words in resources.colors().items():
        for w in words:
            if (w in low) if has_cjk(w) else _has_word(low, w):
                out.add(canon)
                break
    return frozenset(out)


def _has_word(text: str, word: str) -> bool:
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word)] if at + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(word, at + 1)
    return False


def size_matches(product_sizes: tuple[str, ...] | list[str], wanted: str) -> bool:
    w = fold(wanted)
    return any(fold(s) == w for s in product_sizes)


def _segments(path: str) -> list[str]:
    return [fold(s) for s in path.split("/") if s.strip()]


def broader_kinds(path: str) -> list[str]:
    """A category path and the paths above it, nearest first ("服装/羽绒服" → itself, "服装")."""
    parts = [s.strip() for s in path.split("/") if s.strip()]
    return ["/".join(parts[:n]) for n in range(len(parts), 0, -1)]


def under(product_category: str, prefix: str) -> bool:
    """The product's category starts with this path, from the top: a broader kind of the
    same branch ("配件" is the accessories department, not 骑行/配件 under cycling)."""
    want = _segments(prefix)
    return _segments(product_category)[:len(want)] == want


def category_matches(product_category: str, wanted: str) -> bool:
    """The product's category is the wanted one or sits under it (any level of the path)."""
    segs = _segments(product_category)
    want = _segments(wanted)
    n = len(want)
    return any(segs[i : i + n] == want for i in range(len(segs) - n + 1)) if n else True

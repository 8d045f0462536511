"""Who reaches the ranking: candidates beyond the search's plain reading of the question.

The full-text search under the question's filters finds most candidates; these add the ones
it cannot: a kind named by a word of another branch's product names, a kind an audience tag
points elsewhere, a typo that makes the filters exclude each other, the cheapest products of
a category bigger than the candidates read, a colour word that is part of a name. Ranking
(``retrieve.rank_products``) then decides among them all.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from shopguide.guide.matching import Alt, Terms, coverage, product_doc
from shopguide.guide.quantity import quantities, unit_words
from shopguide.guide.query import TYPO, Query
from shopguide.guide.vocab import StoreVocab, category_matches
from shopguide.store.models import FaqEntry, Product
from shopguide.text import fold, resources
from shopguide.text.spelling import nearest_english

CANDIDATES = 60
TIED = 20  # candidates read of those the index scores alike (ranking.few_of_each_score)
CHEAP_QUANTILE = 0.4  # "cheap" = the cheapest 40% of the category
CHEAP_SAMPLE = 400  # products read to learn a category's price spread (all, in a small shop)
NAME_COLOUR = 0.3  # how much better a product named with the colour word must fit to win


class StoreLike(Protocol):
    def search_products(self, text: str | None = None, **filters: Any) -> list[tuple[Product, float]]: ...
    def search_faq(self, text: str, limit: int = 5) -> list[tuple[FaqEntry, float]]: ...


def ranking_slots(q: Query) -> Terms:
    # Topic words count too: a product that matches "shoes" in "can I return shoes?" covers
    # only part of the question, so the returns policy can win it.
    # A topic's other words are the policy's, not the product's: "washing" in "washing
    # machine" is no "Eye Care" monitor.
    slots = [replace(s, alts=s.alts[:1]) if s.role == "topic" else s for s in q.slots.slots]
    wanted = quantities(q.text, asked=True)  # "4人", "for 4 people", "40升"
    if wanted:  # "people" in "for 4 people" is the quantity's, not a word to look for
        slots = [s for s in slots if fold(s.said) not in unit_words()] or slots
    return Terms(slots)


def cheap_ceiling(store: StoreLike, q: Query, filters: dict[str, Any],
                   pool: list[Product]) -> float | None:
    """The price below which a product counts as cheap here: the category's lower prices."""
    base = {k: v for k, v in filters.items() if k in ("category", "brand")}
    if len(pool) >= 8 or not base:
        prices = sorted(p.price for p in pool)  # the relevant candidates are the market here
    else:
        # Only prices are read: the catalog as stored (``raw``) spares checking 400 texts.
        raw = getattr(store, "raw", store)
        prices = sorted(p.price for p, _ in raw.search_products(None, **base, limit=CHEAP_SAMPLE))
    if not prices:
        return None
    return prices[min(len(prices) - 1, int(len(prices) * CHEAP_QUANTILE))]


def colour_in_a_name(store: StoreLike, vocab: StoreVocab, q: Query, filters: dict[str, Any],
                      text: str, found: list[tuple[Product, float]]) -> bool:
    """Whether the colour said is part of a product's name rather than a wish: nothing is
    found in that colour, or a product whose name holds the colour word and the rest of
    the question fits much better than anything in that colour."""
    if not found:
        return True
    loose = {k: v for k, v in filters.items() if k != "color"}
    said = fold(q.text)
    for p, _ in store.search_products(f"{text} {q.text}", **loose, limit=5):
        name = fold(" ".join(x for x in (p.name, p.name_en, p.name_zh) if x))
        words = [w for w in resources.colors().get(str(q.color), ()) + (fold(str(q.color)),)
                 if w in said]
        if any(f"{w} " in name or f" {w}" in name for w in words):
            best_in_colour = max((coverage(ranking_slots(q), product_doc(vocab.analyzer, x))
                                  for x, _ in found[:10]), default=0.0)
            here = coverage(ranking_slots(q), product_doc(vocab.analyzer, p))
            if here >= best_in_colour + NAME_COLOUR:
                return True
    return False


def beyond_category(store: StoreLike, vocab: StoreVocab, q: Query, filters: dict[str, Any],
                     text: str, found: list[tuple[Product, float]]) -> list[tuple[Product, float]]:
    """A kind can also live under an audience branch (a kids' helmet under 儿童/装备, not
    骑行/头盔). When the question names a store tag no product of the category carries
    ("kids", 儿童), products elsewhere that carry it and name the kind join the candidates;
    ranking then decides. A plain "helmet" leaves nothing unmet and stays in its category."""
    tags = {fold(t): t for t in vocab.tags}
    said = list(q.tags) + [tags[fold(a.text)] for s in q.slots.slots for a in s.alts[1:]
                           if a.text and fold(a.text) in tags]  # 孩子 → the store's tag 儿童
    unmet = [t for t in dict.fromkeys(said) if not any(
        fold(t) in {fold(x) for x in p.tags} or fold(t) in product_doc(vocab.analyzer, p).title
        for p, _ in found)]
    if not unmet:
        return []
    leaf = filters["category"].split("/")[-1]
    loose = {k: v for k, v in filters.items() if k != "category"}
    seen = {p.sku for p, _ in found}
    words = " ".join(dict.fromkeys([*text.split(), leaf, *unmet]))
    # An unmet tag that is itself a kind the store files under its own branch (电话手表, as in
    # 儿童电话手表, while the message also says 手机) names the thing: its products need not
    # name the category's kind.
    kinds = [fold(seg) for seg in vocab.segment_paths()]
    a_kind = all(any(fold(t) in seg for seg in kinds) for t in unmet)
    out = []
    for p, score in store.search_products(words, **loose, limit=CANDIDATES):
        tags = {fold(t) for t in p.tags}
        if p.sku not in seen and all(fold(t) in tags for t in unmet) and (
                a_kind or fold(leaf) in product_doc(vocab.analyzer, p).title):
            out.append((p, score))
    return out


def _says(vocab: StoreVocab, text: str, word: str) -> bool:
    """Whether the text says the word: as its analysed keys (case, cases) or, in Chinese,
    as the characters themselves."""
    keys = set(vocab.analyzer.keys(word))
    return (bool(keys) and keys <= set(vocab.analyzer.keys(text))) or fold(word) in fold(text)


def _named_outside(store: StoreLike, vocab: StoreVocab, word: str, category: str) -> bool:
    """Whether any product outside the category has the word in its name (cached with the
    store's vocabulary: the catalog's words decide it). A store without the lookup (a test
    double) is assumed to have one, so the search below still decides."""
    lookup = getattr(store, "named_outside", None)
    if not callable(lookup):
        return True
    cache: dict[tuple[str, str], bool] = vocab.__dict__.setdefault("_named_outside", {})
    if (word, category) not in cache:
        cache[(word, category)] = bool(lookup(word, category))
    return cache[(word, category)]


def named_elsewhere(store: StoreLike, vocab: StoreVocab, q: Query, filters: dict[str, Any],
                     text: str, found: list[tuple[Product, float]]) -> list[tuple[Product, float]]:
    """A category word can be a word of a product's name filed elsewhere: a phone's "Hard
    Case Cover" sits under phone accessories, not the store's tablet "Cases". A product
    outside the named category whose own name says the word joins the candidates when it
    fits the question better than every product inside; ranking (which prefers the named
    kind) then decides. A question the category's own products answer stays inside it."""
    words = [w for w in (q.category_said, filters["category"].split("/")[-1]) if w]
    terms = ranking_slots(q)
    if not terms or not text or not any(_named_outside(store, vocab, w, filters["category"])
                                        for w in words):
        return []
    inside = max((coverage(terms, product_doc(vocab.analyzer, p)) for p, _ in found), default=0.0)
    if inside >= 1.0:
        return []  # nothing can fit better than a product that has every word
    loose = {k: v for k, v in filters.items() if k != "category"}
    seen = {p.sku for p, _ in found}
    out = []
    for p, score in store.search_products(f"{text} {q.category_said or ''}".strip(), **loose,
                                          limit=CANDIDATES):
        names = " ".join(n for n in (p.name, p.name_en, p.name_zh) if n)
        if (p.sku not in seen and not category_matches(p.category, filters["category"])
                and any(_says(vocab, names, w) for w in words)
                and coverage(terms, product_doc(vocab.analyzer, p)) > inside):
            out.append((p, score))
    return out


def repaired_kind(store: StoreLike, vocab: StoreVocab, q: Query,
                   loose: dict[str, Any]) -> list[tuple[Product, float]]:
    """Constraints that exclude each other may hold a typo: "makita planner" reads as the
    store's Planners, which Makita does not make, but Makita's Planer is one edit away. The
    kind word is repaired against the names of the products the other constraints leave,
    and those whose name has the repaired word answer; the category read from the typo
    gives way to theirs."""
    said = q.category_said or (q.category or "").split("/")[-1]
    keys = [t.key for t in vocab.analyzer.tokens(said) if t.content and t.script == "en"]
    if len(keys) != 1 or not any(k in loose for k in ("brand", "color", "size")):
        return []
    pool = store.search_products(None, **loose, limit=CANDIDATES * 4)
    titles = {p.sku: product_doc(vocab.analyzer, p).title_keys for p, _ in pool}
    near = nearest_english(keys[0], sorted(set().union(*titles.values())))
    if near is None:
        return []
    out = [(p, s) for p, s in pool if near in titles[p.sku]]
    if out:
        q.category = None
        for slot in q.slots.slots:
            if slot.alts and slot.alts[0].key == keys[0]:
                slot.alts.append(Alt(near, "en", TYPO, near))
    return out


def cheapest_first(store: StoreLike, filters: dict[str, Any], found: list[tuple[Product, float]],
                    ceiling: float | None) -> list[tuple[Product, float]]:
    """"Cheap" / "the cheapest": the cheapest products the filters allow join the candidates
    first. Candidates otherwise come in catalog order among equals, and a category bigger
    than the candidates read would hide its cheapest product."""
    if not filters:
        return found
    seen = {p.sku for p, _ in found}
    cheapest = [(p, 0.0) for p, _ in store.search_products(None, **filters, limit=TIED,
                                                           cheapest=True)
                if p.sku not in seen and (ceiling is None or p.price <= ceiling)]
    return cheapest + found


def names_product(asked: str, p: Product, min_chars: int = 3) -> bool:
    """Whether the (folded) question names the product in full, in any of its languages."""
    return any(n and len(n) >= min_chars and fold(n) in asked for n in (p.name, p.name_en, p.name_zh))


def meant_products(store: StoreLike, q: Query, seen: set[str]) -> list[tuple[Product, float]]:
    """Products a synonym the question holds means by their full name (a merchant's review
    said "the neighbours' cat poops in my veggie bed" means the Orbit Yard Enforcer): they
    join the candidates whatever kind the question's words read as (a cat, here)."""
    out = []
    for means in q.means:
        said = fold(means)
        out += [(p, 0.0) for p, _ in store.search_products(means, limit=5)
                if p.sku not in seen and names_product(said, p)]
        seen |= {p.sku for p, _ in out}
    return out

"""The store's products a buying guide names ("pick a harness with a front chest clip, like
the PetSafe Easy Walk or Ruffwear Front Range"): shown as cards beside the guide, so that a
shopper who asked "my dog pulls a lot on walks, what should i get" sees the things the
store's own advice points at. Only the store's own words decide: a brand the answer says,
and the product's name said with it.
"""

from __future__ import annotations

from shopguide.guide.candidates import StoreLike
from shopguide.guide.vocab import StoreVocab
from shopguide.store.models import FaqEntry, Product
from shopguide.text import fold

NAME_WORDS = 2  # words of a product's name besides its brand that a text must say to name it
BRAND_PRODUCTS = 50  # products of one brand looked through


def named_products(store: StoreLike, vocab: StoreVocab, faq: FaqEntry,
                   limit: int = 3) -> list[Product]:
    """The products ``faq``'s answer names, in the order it names them: by its whole name,
    or by its brand and ``NAME_WORDS`` more words of its name that are neither its kind's
    words nor figures ("PetSafe Easy Walk" for the PetSafe Easy Walk No-Pull Dog Harness;
    "不要选太软太窄的竞速鞋" names no 竞速碳板跑鞋). A brand alone names no product ("Vaporo
    appliances carry two years")."""
    said = fold(faq.answer)
    if not said or not hasattr(store, "search_products"):
        return []
    # Found once per row and vocabulary (a new vocabulary comes with a changed catalog); the
    # products themselves are read again, for today's price and stock.
    cache: dict[tuple[str, str], list[str]] = vocab.__dict__.setdefault("_guide_skus", {})
    key = (faq.id, faq.answer)
    if key not in cache:
        cache[key] = [p.sku for p in _named(store, vocab, faq, said)]
    skus = cache[key][:limit]
    if not skus or not hasattr(store, "products"):
        return []
    by_sku = {p.sku: p for p in store.products(skus)}  # type: ignore[attr-defined]
    return [by_sku[s] for s in skus if s in by_sku]


def _named(store: StoreLike, vocab: StoreVocab, faq: FaqEntry, said: str) -> list[Product]:
    an = vocab.analyzer
    norm = an.normalize(faq.answer)
    tokens = an.tokens(norm, normalized=True)
    words = {t.key for t in tokens if t.content}
    # The brands said, as a question's are read (one pass, whatever the number of brands).
    at: dict[str, int] = {}
    for f in vocab.brand_phrases.find(norm, tokens):
        at.setdefault(str(vocab.brand_phrases.values[f.phrase]), f.start)
    # The brand's products that share the answer's words come first (a brand may have
    # thousands; the named ones are among those).
    query = " ".join(sorted(words)) or None
    found: dict[str, tuple[int, Product]] = {}
    for brand, where in at.items():
        for p, _score in store.search_products(query, brand=brand, limit=BRAND_PRODUCTS):
            whole = next((said.find(fold(n)) for n in (p.name, p.name_en, p.name_zh)
                          if n and len(n) >= 4 and fold(n) in said), -1)
            if p.sku not in found and (whole >= 0 or len(_own_words(vocab, p) & words)
                                       >= NAME_WORDS):
                found[p.sku] = (whole if whole >= 0 else where, p)
    return [p for _, p in sorted(found.values(), key=lambda t: t[0])]


def _own_words(vocab: StoreVocab, p: Product) -> set[str]:
    """The words of a product's name that tell it from others: not its brand's, not its
    kind's (the category path), not figures."""
    terms = vocab.analyzer.terms
    common = {*terms(p.brand or ""), *terms(p.category.replace("/", " "))}
    return {w for w in terms(p.name) if w not in common and not w[:1].isdigit()}

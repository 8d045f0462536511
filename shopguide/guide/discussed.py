"""What a follow-up asks of the product being discussed, read against that product's own
text: a colour word it uses itself ("read and clear"), a feature it is not listed with."""

from __future__ import annotations

import re

from shopguide.guide.candidates import StoreLike
from shopguide.guide.matching import product_text
from shopguide.guide.query import Query
from shopguide.guide.vocab import broader_kinds, under
from shopguide.store.models import Product
from shopguide.text import fold, resources
from shopguide.text.script import has_cjk


def colour_word_of(p: Product, q: Query) -> bool:
    """Whether the colour word said is a word of the product's own text, said as that text
    says it (beside the same word), not a wish for a colour it lacks: "will it read and clear
    body codes?" after a code reader that can "read and clear dtcs"; "in clear" is a wish."""
    own = _pieces(" ".join(product_text(p)))
    said = _pieces(q.text)
    for w in {*resources.colors().get(str(q.color), ()), fold(str(q.color))}:
        around = _beside(said, _pieces(w))
        if around and any(a == b for a in around for b in _beside(own, _pieces(w))):
            return True
    return False


_PIECE = re.compile(r"[^\W_]+", re.UNICODE)


def _pieces(text: str) -> list[str]:
    """Words of folded text; Chinese one character each."""
    out: list[str] = []
    for m in _PIECE.finditer(fold(text)):
        out += list(m.group(0)) if has_cjk(m.group(0)) else [m.group(0)]
    return out


def _beside(words: list[str], w: list[str]) -> set[tuple[int, str]]:
    """The words just before (-1) and after (+1) each place ``w`` stands in ``words``."""
    n = len(w)
    out: set[tuple[int, str]] = set()
    for i in range(len(words) - n + 1) if n else ():
        if words[i:i + n] == w:
            if i > 0:
                out.add((-1, words[i - 1]))
            if i + n < len(words):
                out.add((1, words[i + n]))
    return out


def lacked(store: StoreLike, q: Query, pointed: list[Product], last: Query | None
            ) -> tuple[list[str], list[Product]]:
    """The store's features (tags) the question names that none of the products pointed at
    has, in its tags or its own words, and the other products of their kind tagged so, within
    the budget the conversation set (``last``: a ¥200k budget is not met by ¥700k cars)."""
    own = [fold(" ".join(product_text(p))) for p in pointed]
    lacking = [t for t in q.tags if not any(fold(t) in text for text in own)]
    if not lacking:
        return [], []
    skus = {p.sku for p in pointed}
    budget = {"min_price": last.min_price, "max_price": last.max_price} if last else {}
    # Their kind first, then the nearest broader kind of its branch that has it (no down
    # jacket is waterproof, some clothing is: the waterproof jacket, not the waterproof boots).
    levels = [broader_kinds(p.category) for p in pointed]
    for n in range(max(map(len, levels), default=0)):
        kinds = sorted({up[min(n, len(up) - 1)] for up in levels if up})
        found = store.search_products(" ".join(lacking), category=kinds, limit=20,
                                      **{k: v for k, v in budget.items() if v is not None})
        having = [p for p, _ in found if p.sku not in skus and set(lacking) <= set(p.tags)
                  and (n == 0 or any(under(p.category, k) for k in kinds))]
        if having:
            return lacking, sorted(having, key=lambda p: p.stock == 0)  # on the shelf first
    return [], []

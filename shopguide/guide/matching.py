"""How much of a query a product or FAQ row covers, in Chinese and English.

FTS (bm25) finds candidates; this decides whether a candidate really answers the
question. Coverage is the share of the query's content that a row contains:
English terms by stem, Chinese terms by the longest substrings (of two or more
characters) that occur in the row, so ``退货政策`` vs ``可以退货吗`` covers half.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from shopguide.guide.lexicon import is_chinese, stem
from shopguide.guide.vocab import fold, stems, synonym_forms
from shopguide.store.models import FaqEntry, Product


@dataclass(frozen=True)
class Doc:
    title: str  # folded text of the fields that say what a row is
    body: str  # folded text of the rest (description, answer)
    title_stems: frozenset[str]
    body_stems: frozenset[str]

    @classmethod
    def of(cls, title: str, body: str) -> Doc:
        t, b = fold(title), fold(body)
        return cls(t, b, frozenset(stems(t)), frozenset(stems(b)))


@lru_cache(maxsize=20_000)
def product_doc(p: Product) -> Doc:
    title = " ".join(x for x in (p.name, p.name_en, p.name_zh, p.category.replace("/", " "),
                                 p.brand, " ".join(p.tags), " ".join(p.colors)) if x)
    body = " ".join(x for x in (p.description, p.description_en, p.description_zh,
                                " ".join(p.extra.values())) if x)
    return Doc.of(title, body)


@lru_cache(maxsize=2_000)
def faq_doc(f: FaqEntry) -> Doc:
    return Doc.of(" ".join((f.question, *f.alternates, *f.tags)), f.answer)


def _cjk_cover(term: str, text: str) -> float:
    """Share of ``term``'s characters inside substrings (len ≥ 2) that occur in ``text``."""
    n = len(term)
    if n == 1:
        return 1.0 if term in text else 0.0
    covered = [False] * n
    i = 0
    while i < n - 1:
        best = 0
        for j in range(n, i + 1, -1):
            if term[i:j] in text:
                best = j - i
                break
        if best:
            for k in range(i, i + best):
                covered[k] = True
            i += best
        else:
            i += 1
    return sum(covered) / n


def term_score(term: str, doc: Doc) -> float:
    """1.0 when the term is in the row's title fields, 0.6 when only in its body."""
    alts = [term, *synonym_forms(term)]
    best = 0.0
    for alt in alts:
        weight = 1.0 if alt == term else 0.8
        if is_chinese(alt):
            s = max(_cjk_cover(alt, doc.title), 0.6 * _cjk_cover(alt, doc.body))
        else:
            words = stems(alt) or [stem(alt)]
            hits_t = sum(_stem_hit(w, doc.title_stems) for w in words) / len(words)
            hits_b = sum(_stem_hit(w, doc.body_stems) for w in words) / len(words)
            s = max(hits_t, 0.6 * hits_b)
        best = max(best, weight * s)
    return best


def _stem_hit(w: str, stems_: frozenset[str]) -> float:
    """1 for the same stem; 0.8 when one is a longer form of the other (store → storage)."""
    if w in stems_:
        return 1.0
    if len(w) >= 4 and any(s.startswith(w) and len(s) - len(w) <= 4 for s in stems_):
        return 0.8
    return 0.0


def coverage(terms: list[str], doc: Doc) -> float:
    """Weighted share of the terms the row covers; longer terms weigh more."""
    if not terms:
        return 0.0
    total = 0.0
    got = 0.0
    for t in terms:
        w = min(len(t), 4) if is_chinese(t) else 2.0
        total += w
        got += w * term_score(t, doc)
    return got / total

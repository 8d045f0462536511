"""Retrieval and ranking: FTS candidates, SQL filters for hard constraints, a ranking
that sees text coverage, tags, stock and the selected customer, and FAQ matching
with a confidence threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from shopguide.guide import lexicon as lx
from shopguide.guide.matching import Doc, coverage, faq_doc, product_doc, term_score
from shopguide.guide.quantity import UNIT_WORDS, fits, quantities
from shopguide.guide.query import Query
from shopguide.guide.vocab import StoreVocab, color_matches, fold, stems, synonym_forms
from shopguide.store.models import Customer, FaqEntry, Product

CANDIDATES = 60
FAQ_CONFIDENT = 0.7  # coverage above which an FAQ row answers the question
PRODUCT_CONFIDENT = 0.6  # coverage above which products answer it without a named category
EXACT = 2.0  # confidence of an FAQ row whose own wording was asked
CHEAP_QUANTILE = 0.4
CHEAP_SAMPLE = 400  # products read to learn a category's price spread (all, in a small shop)  # "cheap" = the cheapest 40% of the category


class StoreLike(Protocol):
    def search_products(self, text: str | None = None, **filters: Any) -> list[tuple[Product, float]]: ...
    def search_faq(self, text: str, limit: int = 5) -> list[tuple[FaqEntry, float]]: ...


@dataclass
class Ranked:
    product: Product
    score: float
    text_match: float


@dataclass
class Retrieval:
    products: list[Ranked] = field(default_factory=list)
    product_confidence: float = 0.0
    faq: FaqEntry | None = None
    faq_confidence: float = 0.0
    resolved_max_price: float | None = None  # what "cheap" came to
    filtered: bool = False  # a named category or brand narrowed the search


def _color_values(vocab: StoreVocab, wanted: str) -> list[str]:
    return [c for c in vocab.colors if color_matches([c], wanted)] or [wanted]


def filters_for(q: Query, vocab: StoreVocab) -> dict[str, Any]:
    f: dict[str, Any] = {}
    if q.category and not q.category_soft:
        f["category"] = q.category
    if q.brand:
        f["brand"] = q.brand
    if q.size:
        f["size"] = q.size
    if q.color:
        f["color"] = _color_values(vocab, q.color)
    if q.min_price is not None:
        f["min_price"] = q.min_price
    if q.max_price is not None:
        f["max_price"] = q.max_price
    if q.in_stock:
        f["in_stock"] = True
    if q.exclude_brands:
        f["exclude_brand"] = list(q.exclude_brands)
    if q.exclude_colors:
        f["exclude_color"] = list(dict.fromkeys(
            v for c in q.exclude_colors for v in _color_values(vocab, c)))
    return f


def search_text(q: Query) -> str:
    """Words for the FTS query. A category that is filtered on is left out: the filter
    already holds it, and its name matches a large share of the catalog (slow to rank)."""
    words = list(q.terms) + list(q.tags)
    if q.category and q.category_soft:
        words.append(q.category.split("/")[-1])
    elif q.category:
        said = {fold(q.category.split("/")[-1]), fold(q.category_said)}
        said_stems = set(stems(q.category_said))
        words = [w for w in words if fold(w) not in said and not (
            said_stems and set(stems(w)) <= said_stems)]
    return " ".join(dict.fromkeys(words))


def _cheap_ceiling(store: StoreLike, q: Query, filters: dict[str, Any],
                   pool: list[Product]) -> float | None:
    """The price below which a product counts as cheap here: the category's lower prices."""
    base = {k: v for k, v in filters.items() if k in ("category", "brand")}
    if len(pool) >= 8 or not base:
        prices = sorted(p.price for p in pool)  # the relevant candidates are the market here
    else:
        prices = sorted(p.price for p, _ in store.search_products(None, **base, limit=CHEAP_SAMPLE))
    if not prices:
        return None
    return prices[min(len(prices) - 1, int(len(prices) * CHEAP_QUANTILE))]


def _customer_bonus(p: Product, customer: Customer | None) -> float:
    if customer is None:
        return 0.0
    bonus = 0.0
    wanted = {fold(s) for s in customer.sizes.values()}
    if wanted & {fold(s) for s in p.sizes}:
        bonus += 0.08
    if p.brand and fold(p.brand) in {fold(b) for b in customer.brands}:
        bonus += 0.08
    lo, hi = customer.budget_min, customer.budget_max
    if (lo is None or p.price >= lo) and (hi is None or p.price <= hi) and (lo or hi):
        bonus += 0.05
    return bonus


def names_product(asked: str, p: Product, min_chars: int = 3) -> bool:
    """Whether the (folded) question names the product in full, in any of its languages."""
    return any(n and len(n) >= min_chars and fold(n) in asked for n in (p.name, p.name_en, p.name_zh))


def rank_products(q: Query, found: list[tuple[Product, float]],
                  customer: Customer | None) -> list[Ranked]:
    terms = q.terms or ([q.category.split("/")[-1]] if q.category else [])
    top_bm25 = max((s for _, s in found), default=0.0) or 1.0
    # "Is X in stock?" asks about X, even if X has run out.
    asks_about_stock = q.stock_question or q.intent == "locate"
    asked = fold(q.text)
    wanted = quantities(q.text)  # "4人", "for 4 people", "40升"
    if wanted:  # "people" in "for 4 people" is the quantity's, not a word to look for
        terms = [t for t in terms if fold(t) not in UNIT_WORDS] or terms
    ranked = []
    for p, bm25 in found:
        doc = product_doc(p)
        text = coverage(terms, doc) if terms else 0.0
        tag_hits = sum(1 for t in q.tags if fold(t) in {fold(x) for x in p.tags})
        if names_product(asked, p):
            text += 0.5  # the shopper named this very product
        score = text + 0.15 * tag_hits + 0.1 * max(bm25, 0.0) / top_bm25
        if wanted and fits(wanted, quantities(" ".join(
                x for x in (p.name, p.name_en, p.name_zh, *p.tags) if x))):
            score += 0.3  # the tent for 3-4 holds four people; the 2-person one does not
        if p.stock == 0:
            # In stock first: an empty shelf is the last thing to offer. Asked "is X in
            # stock?", X itself must still come first, so the push is gentler.
            score -= 0.15 if asks_about_stock else 0.6
        elif p.stock is not None:
            score += 0.05
        score += _customer_bonus(p, customer)
        ranked.append(Ranked(p, score, text))
    ranked.sort(key=lambda r: (-r.score, r.product.price))
    return ranked


def _beyond_category(store: StoreLike, vocab: StoreVocab, q: Query, filters: dict[str, Any],
                     text: str, found: list[tuple[Product, float]]) -> list[tuple[Product, float]]:
    """A kind can also live under an audience branch (a kids' helmet under 儿童/装备, not
    骑行/头盔). When the question names a store tag no product of the category carries
    ("kids", 儿童), products elsewhere that carry it and name the kind join the candidates;
    ranking then decides. A plain "helmet" leaves nothing unmet and stays in its category."""
    said = list(q.tags) + [t for term in q.terms for t in vocab.match_tags(
        " ".join(synonym_forms(term)))]
    # Met when a product of the category says it anywhere in its title (name, path, tags).
    unmet = [t for t in dict.fromkeys(said)
             if not any(coverage([t], product_doc(p)) >= 1.0 for p, _ in found)]
    if not unmet:
        return []
    leaf = filters["category"].split("/")[-1]
    loose = {k: v for k, v in filters.items() if k != "category"}
    seen = {p.sku for p, _ in found}
    words = " ".join(dict.fromkeys([*text.split(), leaf, *unmet]))
    out = []
    for p, score in store.search_products(words, **loose, limit=CANDIDATES):
        tags = {fold(t) for t in p.tags}
        if p.sku not in seen and all(fold(t) in tags for t in unmet) and (
                coverage([leaf], product_doc(p)) >= 1.0):
            out.append((p, score))
    return out


def find_products(store: StoreLike, vocab: StoreVocab, q: Query,
                  customer: Customer | None = None) -> Retrieval:
    out = Retrieval()
    filters = filters_for(q, vocab)
    if q.stock_question:
        filters.pop("in_stock", None)  # "is X in stock?" must be able to say "no"
    out.filtered = "category" in filters or "brand" in filters
    text = search_text(q)
    found = store.search_products(text, **filters, limit=CANDIDATES) if text else []
    # Category members whose text misses the query words still belong to the answer; the
    # FTS query already carries the category's name, so this is needed only when it found few.
    if (out.filtered and len(found) < CANDIDATES // 4) or (not text and filters):
        seen = {p.sku for p, _ in found}
        found += [(p, 0.0) for p, _ in store.search_products(None, **filters, limit=CANDIDATES)
                  if p.sku not in seen]
    if not found and "color" in filters and text:
        # "green tea" named a colour by accident: with nothing in that colour, drop it.
        found = store.search_products(text, **{k: v for k, v in filters.items() if k != "color"},
                                      limit=CANDIDATES)
        if found:
            q.color = None
    if not found and "category" in filters and len(filters) > 1:
        # Nothing in the named category fits the other constraints: look for the word
        # anywhere (a kids' "羽绒服" may live under 儿童/童装), keeping the other filters.
        loose = {k: v for k, v in filters.items() if k != "category"}
        word = filters["category"].split("/")[-1]
        found = [(p, s) for p, s in store.search_products(f"{text} {word}", **loose,
                                                          limit=CANDIDATES)
                 if coverage([word], product_doc(p)) >= 1.0]
    if "category" in filters and found:
        found += _beyond_category(store, vocab, q, filters, text, found)
    if q.cheap and "max_price" not in filters:
        ceiling = _cheap_ceiling(store, q, filters, [p for p, _ in found])
        if ceiling is not None:
            out.resolved_max_price = ceiling
            found = [(p, s) for p, s in found if p.price <= ceiling]
    ranked = rank_products(q, found, customer)
    if q.stock_question and ranked:
        # Answer about the product asked for, then offer ones that are on the shelf.
        ranked = ranked[:1] + [r for r in ranked[1:] if r.product.stock != 0]
        if ranked[0].product.stock == 0 and ranked[0].text_match < 0.99:
            ranked = ranked[1:] or ranked
    if q.cheap:
        ranked.sort(key=lambda r: (r.product.stock == 0, -round(r.score, 1), r.product.price))
    out.products = ranked
    out.product_confidence = ranked[0].text_match if ranked else 0.0
    if out.filtered and ranked:
        out.product_confidence = max(out.product_confidence, 0.75)
    return out


def faq_terms(q: Query) -> list[str]:
    """The query's words, a Chinese run split at the policy words in it ("东西不合适能退" →
    东西不合适, 退), so the asked-for topic counts on its own."""
    out: list[str] = []
    for t in q.terms + q.tags:
        if not lx.is_chinese(t):
            out.append(t)
            continue
        last = 0
        for m in lx.cue_pattern(lx.POLICY).finditer(t):
            out += [t[last:m.start()], _topic(m.group(0))]
            last = m.end()
        out.append(t[last:])
    return list(dict.fromkeys(w for w in out if w.strip()))


def _topic(cue: str) -> str:
    return re.sub("可以|能|吗|么|应该", "", cue) if lx.is_chinese(cue) else cue


def _plain(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def find_faq(store: StoreLike, q: Query) -> tuple[FaqEntry | None, float]:
    """The best FAQ row and its coverage; a question asked exactly as the store wrote it
    (question or an alternate) is a certain match."""
    terms = faq_terms(q)
    if not terms:
        return None, 0.0
    hits = store.search_faq(" ".join(terms), limit=8)
    asked = _plain(q.text)
    for entry, _ in hits:
        if asked and any(_plain(x) == asked for x in (entry.question, *entry.alternates)):
            return entry, EXACT
    # "买的东西不合适可以退吗": the row about what is asked for (returning) answers, not the
    # one whose alternates share the circumstance ("尺码不合适怎么办" under exchanges).
    topics = asked_topics(q.text)
    about = [e for e, _ in hits if topics and all(
        term_score(t, _title_doc(e)) >= TOPIC_IN_TITLE for t in topics)]
    focused = bool(about) and len(about) < len(hits)
    rest = [t for t in terms if not any(fold(x) in fold(t) or fold(t) in fold(x)
                                        for x in topics)]
    best: tuple[FaqEntry | None, float] = (None, 0.0)
    for entry in (about if focused else [e for e, _ in hits]):
        c = coverage(terms, faq_doc(entry))
        if focused:  # the asked-for topic is half the question, the rest the other half
            c = max(c, 0.5 + 0.5 * (coverage(rest, faq_doc(entry)) if rest else 1.0))
        if c > best[1]:
            best = (entry, c)
    return best


# A topic asked about is in a row's title as written or as a common synonym ("会员有什么优惠"
# is about the row whose title says 会员折扣 / 好处, not only rows that say 优惠).
TOPIC_IN_TITLE = 0.8


def asked_topics(text: str) -> list[str]:
    """The policy words a question asks about ("可以退吗" → 退, "can I return" → return),
    without the helper words around them."""
    out: list[str] = []
    for m in lx.cue_pattern(lx.POLICY).finditer(fold(text)[:2000]):
        word = _topic(m.group(0))
        if word and word not in out:
            out.append(word)
    return out


@lru_cache(maxsize=2_000)
def _title_doc(f: FaqEntry) -> Doc:
    """What a row is about: its question, alternates and tags (not its answer)."""
    return Doc.of(" ".join((f.question, *f.alternates, *f.tags)), "")


def retrieve(store: StoreLike, vocab: StoreVocab, q: Query,
             customer: Customer | None = None) -> Retrieval:
    """Products and the best FAQ row for a find/locate/policy question."""
    out = find_products(store, vocab, q, customer)
    if not q.follow_up:
        out.faq, out.faq_confidence = find_faq(store, q)
    return out


def choose(q: Query, r: Retrieval) -> str:
    """policy, find/locate, or out_of_scope, from the cues and the confidences."""
    # A policy word ("return", "退货") makes a partial FAQ match enough: "can I return shoes?"
    faq_bar = FAQ_CONFIDENT - (0.25 if q.policy_cue else 0.0)
    faq_ok = r.faq is not None and r.faq_confidence >= faq_bar
    # A store word (tag, category) in the question makes a partial match more believable.
    bar = PRODUCT_CONFIDENT - (0.1 if (q.tags or q.category) else 0.0)
    prod_ok = bool(r.products) and r.product_confidence >= bar
    signal = q.has_product_signal()
    product_intent = q.intent if q.intent in ("find", "locate", "compare") else "find"
    # Without a policy word, a question that products answer as well goes to products.
    margin = 0.25 if q.policy_cue else -0.1
    if r.faq_confidence >= EXACT:
        return "policy"
    if faq_ok and (q.policy_cue or not signal) and (
            r.faq_confidence + margin >= r.product_confidence):
        return "policy"
    if prod_ok:
        return product_intent
    if (q.category or q.brand or q.tags or q.follow_up) and not r.products and not q.policy_cue:
        # The store has such things (or just showed some), just none that fit.
        return product_intent
    if faq_ok:
        return "policy"
    return "out_of_scope"

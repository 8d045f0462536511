"""Retrieval and ranking: full-text candidates under SQL filters for the hard constraints,
ranked by how much of the question each covers (IDF-weighted, ``matching.py``), plus tags,
stock and the selected customer; FAQ rows ranked the same way, a shared policy topic
counting as the words of that topic. Out of scope is how weakly anything matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from shopguide.guide.availability import asked_thing
from shopguide.guide.candidates import (CANDIDATES, TIED, StoreLike, beyond_category,
                                        cheap_ceiling, cheapest_first, colour_in_a_name,
                                        meant_products, named_elsewhere, names_product,
                                        ranking_slots, repaired_kind)
from shopguide.guide.matching import (Alt, Doc, Slot, Terms, coverage, faq_doc, faq_topics,
                                      is_a, product_doc, slot_score, topics_of_words)
from shopguide.guide.pick import weight_grams
from shopguide.guide.quantity import contradicts, nearness, quantities
from shopguide.guide.query import Query
from shopguide.guide.vocab import (StoreVocab, broader_kinds, category_matches, color_matches,
                                   size_matches, under)
from shopguide.guide.weights import weigh
from shopguide.store.models import Customer, FaqEntry, Product
from shopguide.store.ranking import few_of_each_score
from shopguide.text import Analyzer, fold, has_cjk, plain, resources
from shopguide.text.english import WORD, names_a_thing
from shopguide.text.phrases import pattern

FAQ_CONFIDENT = 0.6  # coverage above which an FAQ row answers the question
PRODUCT_CONFIDENT = 0.45  # coverage above which products answer it without a named category
EXACT = 2.0  # confidence of an FAQ row whose own wording was asked
QUANTITY = 0.3  # ranking bonus of a product that states the measure asked for
SUBJECT = 0.2  # ranking bonus of the conversation's kind of thing when none is named
CLOSE = 0.6  # share of the best product's coverage another needs to be shown beside it
WIDER = 0.5  # how far an "about" budget widens when nothing is near it (±50%)
EXCLUDED = 0.3  # ranking push-down of a product that also comes in a colour ruled out
KEEP_SUBJECT = 0.1  # how much better elsewhere a message may fit and still keep the subject
KNOWN_CONFIDENT = 0.8  # coverage of the words the store knows that answers without the rest


@dataclass
class Ranked:
    product: Product
    score: float
    text_match: float
    stock_push: float = 0.0  # what being sold out took off the score (in stock first)


@dataclass
class Retrieval:
    products: list[Ranked] = field(default_factory=list)
    product_confidence: float = 0.0
    faq: FaqEntry | None = None
    faq_confidence: float = 0.0
    known_confidence: float = 0.0  # the same over the words the store knows
    head_unknown: bool = False  # what is asked for (a compound's head, any word of a bare
    # noun phrase) is no word of the store
    head_met: bool = True  # a product shown is the thing asked for (matches the heads)
    subject_kept: bool = False  # the best is of the conversation's kind and shares a word
    resolved_max_price: float | None = None  # what "cheap" came to
    filtered: bool = False  # a named category or brand narrowed the search
    faq_ranked: list[tuple[FaqEntry, float]] = field(default_factory=list)
    named: bool = False  # the best product is named in full, by the question or a synonym it holds
    # The one word asked ("有卖手机的吗") is only in the best products' descriptions (a
    # steriliser "controlled from your phone"), none of their titles.
    body_only: bool = False
    # The budget kept from earlier turns ((low, high)) that the products shown are outside of:
    # nothing of the kind within it fits, so the kind's answer beyond it is shown.
    over_budget: tuple[float | None, float | None] | None = None


# -- filters and candidates -----------------------------------------------------------------
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
    return f


def _colour_left(p: Product, q: Query) -> bool:
    """Whether the product comes in a colour the shopper did not rule out ("不要粉的": a cup in
    blue and pink is fine in blue; one only in pink is not)."""
    if not q.exclude_colors or not p.colors:
        return True
    return any(not any(color_matches([c], x) for x in q.exclude_colors) for c in p.colors)


def _excluded_tag(p: Product, q: Query) -> bool:
    """"别推日本产的": a product carrying a tag the shopper ruled out."""
    return bool(q.exclude_tags) and bool({fold(t) for t in p.tags} & {fold(t) for t in q.exclude_tags})


def _unwanted_colour(p: Product, q: Query) -> bool:
    return any(color_matches(p.colors, x) for x in q.exclude_colors)


def search_text(q: Query) -> str:
    """Words for the full-text query: what the question says and its synonyms' words. A
    category that is filtered on is left out: the filter already holds it, and its name
    matches a large share of the catalog (slow to rank)."""
    said = {fold(q.category.split("/")[-1]), fold(q.category_said)} if (
        q.category and not q.category_soft) else set()
    words: list[str] = []
    for slot in q.slots.slots:
        if slot.role == "topic":
            continue
        for a in slot.alts:
            w = a.text or a.key
            if fold(w) not in said and not (slot.alts[0].text and fold(slot.said) in said):
                words.append(w)
    words += [t for t in q.tags if fold(t) not in said]
    if q.category and q.category_soft:
        words.append(q.category.split("/")[-1])
    return " ".join(dict.fromkeys(words))


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


TITLE_HEAD = 0.1  # ranking bonus of a product whose title names the thing asked as its head
_TITLE_BREAK = re.compile(r"[,(\[|:–—]| - | with | for ", re.I)


def title_head(p: Product) -> str | None:
    """What an English title says the product is: the last word without digits of its first
    phrase ("OMOTON Laptop Stand, Detachable…" is a stand; "ASUS Zenbook S 13 OLED Ultra
    Laptop, 13.3”…" a laptop), as an analysed key. None where that word is a function word
    ("Watering Can") or the title is Chinese (compounds there are one word)."""
    return _head_of(p.name_en or p.name)


@lru_cache(maxsize=65536)  # read for every candidate of every question
def _head_of(title: str) -> str | None:
    first = _TITLE_BREAK.split(title, maxsplit=1)[0]
    words = [t for t in plain().tokens(first) if not any(ch.isdigit() for ch in t.text)]
    last = words[-1] if words else None
    return last.key if last is not None and last.content and last.script == "en" else None


def _is_the_thing(p: Product, terms: Terms) -> bool:
    head = title_head(p)
    return head is not None and any(a.key == head for s in terms.slots if s.role != "topic"
                                    for a in s.alts[:1])


def _of_excluded_kind(vocab: StoreVocab, p: Product, words: list[str]) -> bool:
    """Whether the product's kind is one ruled out: a level of its category ends in the
    word ("不是配件": 冷藏设备配件 is a kind of 配件; "not parts": Refrigerator Parts)."""
    return any(head in words or any(head.endswith(w) for w in words if has_cjk(w))
               for head in _category_heads(vocab.analyzer, p.category))


@lru_cache(maxsize=4_096)
def _category_heads(analyzer: Analyzer, category: str) -> tuple[str, ...]:
    """The last key of each level of a category path (compounds are head-final)."""
    return tuple(keys[-1] for segment in category.split("/")
                 if (keys := analyzer.keys(segment)))


def rank_products(q: Query, vocab: StoreVocab, found: list[tuple[Product, float]],
                  customer: Customer | None,
                  prefer: Callable[[str], bool] | None = None) -> list[Ranked]:
    """``prefer``: whether a product's category is of the kind preferred (ranked up)."""
    terms = ranking_slots(q)
    if not terms and q.category:
        leaf = q.category.split("/")[-1]
        terms = Terms([Slot(leaf, [a for k, sc, w in _said_keys(vocab, leaf)
                                   for a in [_alt(k, sc, w)]])])
    top_bm25 = max((s for _, s in found), default=0.0) or 1.0
    # "Is X in stock?" asks about X, even if X has run out.
    asks_about_stock = q.stock_question or q.intent == "locate"
    # A product the shopper named, or a synonym of the store's said means ("the neighbours'
    # cat poops in my veggie bed" → the merchant's "Orbit Yard Enforcer" from the review).
    asked = fold(" ".join((q.text, *q.means)))
    wanted = quantities(q.text, asked=True)
    tags = {fold(t) for t in q.tags}
    ranked = []
    for p, bm25 in found:
        doc = product_doc(vocab.analyzer, p)
        text = coverage(terms, doc) if terms else 0.0
        tag_hits = len(tags & {fold(x) for x in p.tags})
        if names_product(asked, p):
            text += 0.5  # the shopper named this very product
        score = text + 0.15 * tag_hits + 0.1 * max(bm25, 0.0) / top_bm25
        if wanted:
            # The tent for 3-4 holds four people; the 2-person one does not. A 25 L pack is
            # near "about 30 L", a 65 L one is not.
            stated = quantities(" ".join(x for x in (p.name, p.name_en, p.name_zh, *p.tags,
                                                      p.description, p.description_en,
                                                      p.description_zh) if x))
            score += QUANTITY * (nearness(wanted, stated) - contradicts(wanted, stated))
        if terms and _is_the_thing(p, terms):
            score += TITLE_HEAD  # "laptop": the laptops, before the laptop stands
        if _unwanted_colour(p, q):
            score -= EXCLUDED  # it also comes in the colour ruled out: others first
        if q.exclude_words and (set(q.exclude_words) & doc.title_keys
                                or _of_excluded_kind(vocab, p, q.exclude_words)):
            score -= EXCLUDED  # "ceiling fan without light": the one with a light last
        push = 0.0
        if p.stock == 0:
            # In stock first: an empty shelf is the last thing to offer. Asked "is X in
            # stock?", X itself must still come first, so the push is gentler.
            push = 0.15 if asks_about_stock else 0.6
            score -= push
        elif p.stock is not None:
            score += 0.05
        score += _customer_bonus(p, customer)
        if prefer is not None and prefer(p.category):
            score += SUBJECT  # the kind of thing asked about, or the conversation is about
        ranked.append(Ranked(p, score, text, push))
    ranked.sort(key=lambda r: (-r.score, r.product.price))
    return ranked


_SENTENCE = re.compile(r"[.!?。！？；;]+\s*")
CLAUSE_WORDS = 3  # content words a sentence needs to speak for a long message on its own


def _clause_confidence(q: Query, vocab: StoreVocab, products: list[Product]) -> float:
    """How well the best products cover the sentence of a long message they cover best:
    "I'm looking for a plush toy or stuffed animal, soft and cuddly. I prefer something
    huggable. Plastic might not suit what I have in mind." states the thing in its first
    sentence; the others add wishes the catalog need not word alike. 0 for one sentence."""
    sentences = [x for x in _SENTENCE.split(fold(q.text)) if x.strip()]
    if len(sentences) < 2 or not products:
        return 0.0
    terms = ranking_slots(q).slots
    best = 0.0
    for sentence in sentences:
        own = [s for s in terms if fold(s.said) in sentence]
        if len(own) >= CLAUSE_WORDS:
            best = max(best, max(coverage(own, product_doc(vocab.analyzer, p)) for p in products))
    return best


def _answering(q: Query, vocab: StoreVocab, found: list[tuple[Product, float]]) -> list[Product]:
    """The candidates that cover the question's words about as well as the best one does."""
    terms = ranking_slots(q)
    if not terms:
        return [p for p, _ in found]
    covered = [(p, coverage(terms, product_doc(vocab.analyzer, p))) for p, _ in found]
    best = max((c for _, c in covered), default=0.0)
    return [p for p, c in covered if c >= CLOSE * best]


def _close_to_best(ranked: list[Ranked], best3: list[Ranked]) -> list[Ranked]:
    """Only products that answer about as well as the best: a kids' running shoe matches the
    "kid" of "a bike helmet for my kid", but is no answer to it. A product that shares less
    than CLOSE of the best one's coverage is not shown beside it. ``best3``: the three that
    answer best (``_answering_best``)."""
    if not ranked:
        return ranked
    best = max(r.text_match for r in best3)
    return [r for r in ranked if r.text_match >= CLOSE * best] or ranked[:1]


def _answering_best(ranked: list[Ranked]) -> list[Ranked]:
    """The three that answer best, sold out or not: how well anything matches is theirs
    (the nappy cream that is the only answer to "宝宝屁屁红红的 用啥" has run out, and is
    still the answer; in-stock lotions that match half as well are no answer beside it)."""
    return sorted(ranked, key=lambda r: -(r.score + r.stock_push))[:3]


def lightest_first(ranked: list[Ranked], than: object = None) -> list[Ranked]:
    """Those whose text states a weight, lightest first, then the rest as ranked ("轻一点的
    笔记本" where no laptop states its weight is still laptops). Lighter than ``than`` (a
    follow-up, "更轻一点的" after a stroller of 6.8 kg): only those whose weight is stated,
    below its weight when it states one. (``than`` is typed as the query's ``lighter_than``,
    which keeps the query free of the store's models, as ``cheaper_than`` does.)"""
    ceiling = weight_grams(than) if isinstance(than, Product) else None
    weighed = [(w, r) for r in ranked if (w := weight_grams(r.product)) is not None
               and (ceiling is None or w < ceiling)]
    first = [r for _, r in sorted(weighed, key=lambda t: (t[1].product.stock == 0, t[0],
                                                           -t[1].text_match))]
    if isinstance(than, Product):  # lighter than a product: only weights can say so
        return [r for r in first if r.product.sku != than.sku]
    stated = {id(r) for r in first}
    return first + [r for r in ranked if id(r) not in stated]


def _kept_subject(q: Query, vocab: StoreVocab, found: list[tuple[Product, float]],
                  customer: Customer | None, wished: bool) -> Callable[[str], bool] | None:
    """The conversation's kind of thing is kept when the message fits it about as well as
    anything else ("有没有适合冬天跑步的" after running shoes), and dropped when the message
    is about something else ("冬天骑车手冷怎么办" after socks); always for a wish that some
    thing of the kind meets (``wished``, ``_wished_within``)."""
    if not q.subject:
        return None
    if wished:
        return _kinds_of(q.subject)[0]
    ranked = rank_products(q, vocab, found, customer)
    best = max((r.text_match for r in ranked), default=0.0)
    # The kind itself, else the nearest broader kind of its branch that fits ("good for
    # skiing?" after down jackets, none of them for skiing: clothing, not the ski boots).
    for kind in _kinds_of(q.subject):
        inside = max((r.text_match for r in ranked if kind(r.product.category)), default=0.0)
        if inside >= best - KEEP_SUBJECT:
            return kind
    return None


def _answers_in_kind(q: Query, vocab: StoreVocab, found: list[tuple[Product, float]],
                     kind: Callable[[str], bool]) -> bool:
    """Whether some product of the kind shares a word with the message (or the message has
    none to share)."""
    terms = ranking_slots(q)
    return any(kind(p.category) and (not terms or coverage(terms, product_doc(
        vocab.analyzer, p)) > 0) for p, _ in found)


def _within(found: list[tuple[Product, float]], budget: tuple[float | None, float | None] | None,
            size: str | None) -> list[tuple[Product, float]]:
    """Those within the budget and in the size said earlier ("有没有适合冬天跑步的" after "预算
    500以内的43码跑鞋": the subject kept, its budget and size too)."""
    lo, hi = budget or (None, None)
    return [(p, s) for p, s in found
            if (lo is None or p.price >= lo) and (hi is None or p.price <= hi)
            and (size is None or size_matches(p.sizes, size))]


def _more_of(found: list[tuple[Product, float]],
             more: list[tuple[Product, float]]) -> list[tuple[Product, float]]:
    """Of ``more``, those not found yet."""
    seen = {p.sku for p, _ in found}
    return [(p, s) for p, s in more if p.sku not in seen]


def _body_only(q: Query, vocab: StoreVocab, products: list[Product]) -> bool:
    """Whether the store is asked if it sells one thing ("有卖手机的吗", "do you have phones?":
    the ``availability`` cues; the one word of the message the store knows) that the
    products name neither in their names nor in their category, only in descriptions or
    tags (helmets tagged 山地车 for "卖整车吗 想买辆山地车"), or, in Chinese, only as what
    they have, are for or are made of (``matching.is_a``: 汽车洗发水 for "有汽车吗", 内置麦克风
    for "请问有麦克风吗"). (A need told, "I want to make fries", is met by a description.)"""
    slots = [s for s in ranking_slots(q).slots if s.known]
    if len(slots) != 1 or not products or q.category or asked_thing(q.text) is None:
        return False
    said = slots[0].alts[0]
    return not any(slot_score(slots[0], _name_doc(vocab.analyzer, p)) and (
        said.script != "zh" or is_a(vocab.analyzer, p, said.key, vocab.kind_words))
        for p in products)


@lru_cache(maxsize=4_096)
def _name_doc(analyzer: Analyzer, p: Product) -> Doc:
    """A product's names and category alone: what it is, not what it is for."""
    names = " ".join(x for x in (p.name, p.name_en, p.name_zh, p.category.replace("/", " ")) if x)
    return Doc.of(analyzer, names, "", 0.0)


def _wished_within(q: Query, vocab: StoreVocab, found: list[tuple[Product, float]]) -> bool:
    """A wish about the thing sought ("preferably from Italy" after cheese spreads) that
    some thing of that kind meets: the answer is among things of that kind. Where none of
    the kind meets it ("preferably made of wood" after pillows), the wish leads."""
    if "prefer" not in q.acts or not q.subject or not ranking_slots(q):
        return False
    return _answers_in_kind(q, vocab, found, _kinds_of(q.subject)[0])


def _kinds_of(subject: str) -> list[Callable[[str], bool]]:
    """Tests of a product's category: the subject (at any level of a path, as a named
    category is matched), then each broader kind of its branch, from the top of the path."""
    exact, *broader = broader_kinds(subject)
    return [partial(category_matches, wanted=exact), *(partial(under, prefix=k) for k in broader)]


def _said_keys(vocab: StoreVocab, text: str) -> list[tuple[str, str, str]]:
    return [(t.key, t.script, t.text) for t in vocab.analyzer.tokens(text) if t.content]


def _alt(key: str, script: str, text: str) -> Alt:
    return Alt(key, script, 1.0, text)


def find_products(store: StoreLike, vocab: StoreVocab, q: Query,
                  customer: Customer | None = None) -> Retrieval:
    out = Retrieval()
    filters = filters_for(q, vocab)
    if q.stock_question:
        filters.pop("in_stock", None)  # "is X in stock?" must be able to say "no"
    out.filtered = "category" in filters or "brand" in filters
    text = search_text(q)
    found = store.search_products(text, **filters, limit=CANDIDATES, tied=TIED) if text else []
    # Category members whose text misses the query words still belong to the answer; the
    # FTS query already carries the category's name, so this is needed only when it found few.
    if (out.filtered and len(found) < CANDIDATES // 4) or (not text and filters):
        seen = {p.sku for p, _ in found}
        found += [(p, 0.0) for p, _ in store.search_products(None, **filters, limit=CANDIDATES,
                                                             tied=TIED)
                  if p.sku not in seen]
    if "color" in filters and text and colour_in_a_name(store, vocab, q, filters, text, found):
        # "Blue Ice" (a pack), "green tea": the colour word belongs to a product's name.
        filters.pop("color")
        colour, q.color = q.color, None
        found = store.search_products(f"{text} {q.text}", **filters, limit=CANDIDATES, tied=TIED)
        # The colour word is still what the shopper wants where names are all a catalog says
        # ("a black cell phone" among phones that list no colours): a word to rank by.
        said = [w for w in (*resources.colors().get(str(colour), ()), fold(str(colour)))
                if pattern((w,)).search(fold(q.text))]
        alts = [Alt(k, sc, 1.0, t) for w in said[:1] for k, sc, t in _said_keys(vocab, w)]
        if alts and all(s.key != alts[0].key for s in q.slots.slots):
            q.slots.slots.append(Slot(said[0], alts))
    relative = q.cheaper_than is not None or q.lighter_than is not None
    if not found and "category" in filters and len(filters) > 1 and not relative:
        # Nothing in the named category fits the other constraints: look for the word
        # anywhere (a kids' "羽绒服" may live under 儿童/童装), keeping the other filters.
        loose = {k: v for k, v in filters.items() if k != "category"}
        word = filters["category"].split("/")[-1]
        found = [(p, s) for p, s in store.search_products(f"{text} {word}", **loose,
                                                          limit=CANDIDATES)
                 if fold(word) in product_doc(vocab.analyzer, p).title]
        found = found or repaired_kind(store, vocab, q, loose)
    if not found and q.around and (text or len(filters) > 2):
        # "两百左右的加湿器" with none between ¥160 and ¥240: "about" is no hard bound, so the
        # nearest prices are offered, and the answer states the range they are in.
        q.min_price, q.max_price = round(q.around * (1 - WIDER), 2), round(q.around * (1 + WIDER), 2)
        filters.update(min_price=q.min_price, max_price=q.max_price)
        found = store.search_products(text or None, **filters, limit=CANDIDATES, tied=TIED)
    # Cheaper (lighter) than the product recommended is of its very kind: no widening.
    if "category" in filters and found and not relative:
        found += beyond_category(store, vocab, q, filters, text, found)
        found += named_elsewhere(store, vocab, q, filters, text, found)
    soft = q.category if q.category and q.category_soft else None
    if soft and text:
        # A kind named by its head (运动鞋 → 鞋): its members join the candidates.
        found += _more_of(found, store.search_products(text, **filters, category=soft,
                                                         limit=CANDIDATES, tied=TIED))
    if q.cheap and "max_price" not in filters:
        # Cheap among the things asked for: "the best value cat food" is priced against cat
        # foods, not against the plush cats that share its word.
        ceiling = cheap_ceiling(store, q, filters, _answering(q, vocab, found))
        if ceiling is not None:
            out.resolved_max_price = ceiling
            found = [(p, s) for p, s in found if p.price <= ceiling]
        found = cheapest_first(store, filters, found, ceiling)
    found = [(p, s) for p, s in found if _colour_left(p, q) and not _excluded_tag(p, q)]
    if q.exclude_skus:
        # "不喜欢，换一个": not the one turned down; with none other left to show, others of
        # the kind it is ("not Adidas" after the one hat: the caps).
        kept = [(p, s) for p, s in found if p.sku not in q.exclude_skus]
        if not kept and q.subject:
            kept = [(p, s) for p, s in store.search_products(None, category=q.subject,
                                                              limit=CANDIDATES)
                    if p.sku not in q.exclude_skus]
        found = kept or found
    if "prefer" in q.acts and q.subject and not soft and "category" not in filters:
        # A wish about the thing sought ("preferably from Italy" after cheese spreads): the
        # kind's own things are candidates, whatever else the wish's words find.
        found += _more_of(found, store.search_products(None, category=q.subject, **filters,
                                                         limit=CANDIDATES, tied=TIED))
    wished = not soft and _wished_within(q, vocab, found)
    prefer = partial(category_matches, wanted=soft) if soft else _kept_subject(
        q, vocab, found, customer, wished)
    if prefer is not None and not soft:
        within = _within(found, q.subject_budget, q.subject_size) if (
            q.subject_budget or q.subject_size) else found
        if within is not found and _answers_in_kind(q, vocab, within, prefer):
            found = within
        elif within is not found:
            # Nothing of the kind within them fits ("any with temperature control?" after
            # kettles under $40): the kind's own answer over them is shown, priced and said
            # to be over, rather than another kind's within them.
            out.over_budget = q.subject_budget
        if wished:
            found = [(p, s) for p, s in found if prefer(p.category)]
    found += meant_products(store, q, {p.sku for p, _ in found})
    ranked = rank_products(q, vocab, few_of_each_score(found, TIED), customer, prefer)
    if q.exclude_brands and ranking_slots(q).slots and ranked and \
            max(r.text_match for r in ranked) == 0:
        # "换个牌子" when the brands shown are the only ones of the kind: what is left shares
        # no word with the question (hats for "another brand of down jacket"): nothing fits.
        ranked = []
    if q.stock_question and ranked:
        # Answer about the product asked for, then offer ones that are on the shelf.
        ranked = ranked[:1] + [r for r in ranked[1:] if r.product.stock != 0]
        if ranked[0].product.stock == 0 and ranked[0].text_match < 0.99:
            ranked = ranked[1:] or ranked
    if q.cheap:
        # Among those that answer as well (coverage, not the index's tie-breaking score),
        # the cheapest first.
        ranked.sort(key=lambda r: (r.product.stock == 0, -round(r.text_match, 1), r.product.price))
    if q.lighter:
        ranked = lightest_first(ranked, q.lighter_than)
    best = _answering_best(ranked)
    out.products = _close_to_best(ranked, best)
    top = out.products[0].product if out.products else None
    if out.over_budget and prefer is not None and top is not None and prefer(top.category) \
            and not _within([(top, 0.0)], out.over_budget, None):
        out.products = [r for r in out.products if prefer(r.product.category)]
    else:
        out.over_budget = None
    out.subject_kept = not soft and prefer is not None and bool(best) and \
        prefer(best[0].product.category) and best[0].text_match > 0
    asked = fold(" ".join((q.text, *q.means)))
    out.named = bool(ranked) and names_product(asked, ranked[0].product)
    out.product_confidence = max([r.text_match for r in best] + [
        _clause_confidence(q, vocab, [r.product for r in best])], default=0.0)
    out.body_only = _body_only(q, vocab, [r.product for r in best])
    known = Terms([s for s in ranking_slots(q).slots if s.known])
    out.known_confidence = max((coverage(known, product_doc(vocab.analyzer, r.product))
                                for r in best), default=0.0) if known else 0.0
    # A bare noun phrase ("fitbit charge 3", "cdj stand") is the name of the thing wanted
    # as a whole: a word of it the store has never seen names a make or model it does not
    # carry, as an unknown head names a kind it does not carry ("lawn mowers").
    # ("comfy" in "a comfy pillow" describes the thing: no make.)
    out.head_unknown = any((s.head or q.bare_phrase and _names_a_thing(s)) and not s.known
                           and s.role != "topic" for s in q.slots.slots)
    # Only for a bare noun phrase ("shaggy dog board game"): in a sentence ("my dog totally
    # freaks out") the last of several words side by side need not be what is asked for.
    heads = [s for s in q.slots.slots if s.head] if q.bare_phrase else []
    out.head_met = not heads or any(
        all(_heads(vocab, r.product, h) for h in heads) for r in ranked[:3])
    return out


def _heads(vocab: StoreVocab, p: Product, head: Slot) -> bool:
    """Whether the product is the thing a bare phrase's head names: its English title's head
    or its category's last level says the word or a synonym of it ("lori wall bed": no
    pillow cover "for Couch Bed"; "cast iron pan": a skillet where the store says so); a
    Chinese title (no head read from it) by the word alone."""
    if has_cjk(p.name_en or p.name):
        return slot_score(head, product_doc(vocab.analyzer, p)) >= 0.5
    said = {a.key for a in head.alts}  # the word or a synonym of it (a skillet is a pan)
    leaf = set(vocab.analyzer.keys(p.category.split("/")[-1]))
    return title_head(p) in said or bool(said & leaf)


def _names_a_thing(s: Slot) -> bool:
    """An English word that names a thing, not one that describes it; any Chinese word."""
    return s.alts[0].script != "en" or names_a_thing(s.said)


# -- FAQ --------------------------------------------------------------------------------------
def _plain(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


FAQ_CLEAR = 0.25  # how much better a policy row must cover a question that names a store word
HOW_TO = 0.1  # how much a "how do I …" question leans to the FAQ over products
TOPIC = 0.4  # share of an FAQ row's score that is its being about the topic asked


ASKED_LAST = 2.0  # the policy topic said last is what is asked ("到货后…可以换吗": exchanges)


def _stress(q: Query, topics: list) -> dict[int, float]:
    """Of several policy topics, the last one in the clause that asks weighs more (the last
    clause with a question's words; the whole message when none has): a message tells its
    circumstance and asks in one clause, ending on what it asks ("i see there is free shipping with this item. how long does it take to ship?",
    "那金额退到哪了呀，…我又把白条换了……")."""
    text = fold(q.text)
    where = {id(s): text.rfind(fold(s.said)) for s in topics}
    if len({s.role_value for s in topics}) < 2:
        return {k: 1.0 for k in where}
    asks = pattern(resources.cue_words("asking"))
    clauses = [m.span() for m in _CLAUSE.finditer(text)
               if "?" in m.group(0) or "？" in m.group(0) or asks.search(m.group(0))]
    start, end = clauses[-1] if clauses else (0, len(text))
    inside = [v for v in where.values() if start <= v < end] or list(where.values())
    last = max(inside, default=-1)  # in the clause that asks, what it ends on
    return {k: (ASKED_LAST if v == last and v >= 0 else 1.0) for k, v in where.items()}


_CLAUSE = re.compile(r"[^，,。.!！;；\n…]+[?？]?")


PHRASING = 0.1  # weight of how closely the question is worded like a row's own questions
PHRASED = 0.6  # the share of words in common from which a question is worded like a row's


def _phrasing(vocab: StoreVocab, said: frozenset[str], entry: FaqEntry) -> float:
    """How closely the question (``said``: its keys) is worded like the row's question or one
    of its alternates, function words too (0-1): "when will I get my money back?" is the
    refunds row's "when do I get my money back", though the returns row holds its words too."""
    if not said:
        return 0.0
    best = max((len(said & other) / len(said | other)
                for other in _wordings(vocab.analyzer, entry)), default=0.0)
    return best if best >= PHRASED else 0.0  # a few shared function words are no wording


@lru_cache(maxsize=4_000)
def _wordings(analyzer: Analyzer, entry: FaqEntry) -> tuple[frozenset[str], ...]:
    """The keys of the row's question and of each alternate (read once per row)."""
    return tuple(keys for x in (entry.question, *entry.alternates)
                 if (keys := frozenset(analyzer.keys(x))))


def find_faq(store: StoreLike, vocab: StoreVocab, q: Query) -> tuple[FaqEntry | None, float, list[tuple[FaqEntry, float]]]:
    """The best FAQ row and how well it answers; a question asked exactly as the store
    wrote it (question or an alternate) is a certain match. With a policy topic asked, a
    row counts by how much it is about that topic (TOPIC of its score) and by the rest of
    the question's words; without one, by the words alone."""
    if not q.slots:
        return None, 0.0, []
    # The words said first, then their synonyms: the index is asked for so many words only.
    words = [a.text or a.key for s in q.slots.slots for a in s.alts[:1]] + \
        [a.text or a.key for s in q.slots.slots for a in s.alts[1:]]
    hits = store.search_faq(" ".join(dict.fromkeys(words)), limit=20)
    asked = _plain(q.text)
    for entry, _ in hits:
        if asked and any(_plain(x) == asked for x in (entry.question, *entry.alternates)):
            return entry, EXACT, [(entry, EXACT)]
    topics = [s for s in q.slots.slots if s.role == "topic"]
    docs = [(entry, faq_doc(vocab.analyzer, entry)) for entry, _ in hits]
    # The rest of the words tell rows of one topic apart; words no row holds at all (a
    # place, an order's story) cannot, and do not count against the topic.
    objects = resources.word_list("topic_objects.txt")
    needs_object = any(s.role_value in objects for s in topics)
    rest = Terms([s for s in q.slots.slots if s.role == "topic" or not topics or needs_object
                  or any(slot_score(s, d) > 0 for _, d in docs)])
    stress = _stress(q, topics)
    # A word may name several topics ("refund": the returns and the refund itself).
    named = {id(s): topics_of_words().get(fold(s.said)) or (s.role_value,) for s in topics}
    weight = sum(s.idf * stress[id(s)] for s in topics)
    scored: list[tuple[FaqEntry, float]] = []
    for entry, doc in docs:
        if not topics:
            scored.append((entry, coverage(q.slots, doc)))
            continue
        about = faq_topics(vocab.analyzer, entry)
        asked = sum(s.idf * stress[id(s)] for s in topics
                    if any(about.get(t) for t in named[id(s)])) / weight
        # How much of what the row is about was asked: the returns row beats a row on
        # exchanges that mentions 退换 once.
        focus = sum(v for t, v in about.items() if any(t in named[id(s)] for s in topics))
        topic = asked * focus ** 0.5
        others = coverage(rest, doc) if rest else topic
        score = TOPIC * topic + (1 - TOPIC) * others
        if needs_object and not any(slot_score(s, doc) > 0 for s in rest.slots
                                    if s.role != "topic"):
            score *= 0.5  # a guide about something else ("which stocks should I buy")
        if asked == 0:
            score *= 0.5  # a row about none of the topics asked: the size guide for "能换吗"
        scored.append((entry, score))
    said = frozenset(vocab.analyzer.keys(q.text))
    scored = [(e, sc + PHRASING * _phrasing(vocab, said, e)) for e, sc in scored]
    scored.sort(key=lambda t: -t[1])
    best = scored[0] if scored else (None, 0.0)
    return best[0], best[1], scored


def retrieve(store: StoreLike, vocab: StoreVocab, q: Query,
             customer: Customer | None = None) -> Retrieval:
    """Products and the best FAQ row for a find/locate/policy question."""
    weigh(store, vocab, q.slots)
    out = find_products(store, vocab, q, customer)
    if not q.follow_up:
        out.faq, out.faq_confidence, out.faq_ranked = find_faq(store, vocab, q)
    return out


def decide(q: Query, r: Retrieval) -> tuple[str, str]:
    """policy, find/locate/compare, or out_of_scope, from the cues and the confidences, and
    why (for ``ask --explain``)."""
    # A policy topic ("return", "退货") makes a partial FAQ match enough: "can I return shoes?"
    # After a purchase ("买了座椅自己不会装咋办", "i received it and it will not charge") a
    # question leans to the store's policies as a policy word does, unless it asks for products.
    policy = q.policy_cue or ("owned" in q.acts and "ask_for" not in q.acts)
    faq_bar = FAQ_CONFIDENT - (0.25 if policy else 0.0)
    faq_ok = r.faq is not None and r.faq_confidence >= faq_bar
    # A store word (tag, category) in the question makes a partial match more believable.
    # (Not where what a bare phrase asks for, its head, is no product shown: "lori wall bed".)
    bar = PRODUCT_CONFIDENT - (0.1 if (q.tags or q.category) and r.head_met else 0.0)
    # A kind of thing the store carries, named (or named by its head), or a follow-up on
    # what was just shown: products answer, unless a policy fits better. A category named
    # as a modifier ("dog" in "shaggy dog board game") counts only if its products are the
    # thing asked for (the compound's head, "game").
    # So does a message that goes on about the conversation's kind of thing, matched by a
    # product of that kind ("I'd like regular soda, fruity flavours" after sodas).
    kind = bool((q.category or q.brand) and r.head_met) or q.follow_up or r.subject_kept
    # Words the store has never seen weigh against the match (a thing it does not sell),
    # unless they are only around what is asked: the known words then carry the question,
    # provided what is asked for (a compound's head) is not itself unknown ("lawn mowers").
    known_ok = r.known_confidence >= KNOWN_CONFIDENT and not r.head_unknown
    prod_ok = bool(r.products) and not r.body_only and (r.product_confidence >= bar
                                                        or known_ok or kind)
    signal = q.has_product_signal() or "prefer" in q.acts  # a wish is about products
    product_intent = q.intent if q.intent in ("find", "locate", "compare") else "find"
    # Without a policy word, a question that products answer as well goes to products; one
    # that asks how to do something leans to the guides.
    margin = 0.25 if policy else (HOW_TO if "how_to" in q.acts else -0.1)
    fc, pc = r.faq_confidence, r.product_confidence
    faq_id = r.faq.id if r.faq else None
    if fc >= EXACT:
        return "policy", f"the question is FAQ {faq_id!r} as the store wrote it"
    if r.named and r.products:
        return product_intent, f"the question names {r.products[0].product.sku} in full" + (
            " (through the store's synonym)" if q.means else "")
    # A store word makes products the answer, unless a policy row answers clearly better
    # ("can I adopt a kitten here?": the row on selling pets, not the kitten food); a
    # constraint on products (a budget, a colour, a wish) always asks for products.
    faq_wins = policy or not signal or (fc >= pc + FAQ_CLEAR and not q.constrains_products())
    if faq_ok and faq_wins and fc + margin >= min(pc, 1.0 if not kind else bar):
        return "policy", (f"FAQ {faq_id!r} covers {fc:.2f} (bar {faq_bar:.2f}) against products "
                          f"{pc:.2f}" + (f"; policy topic {', '.join(q.topics)}" if q.topics else ""))
    if prod_ok:
        return product_intent, (
            f"products cover {pc:.2f} (bar {bar:.2f})" if pc >= bar else
            f"the words the store knows are covered {r.known_confidence:.2f}" if known_ok else
            "a follow-up on the products shown" if q.follow_up else
            f"the store carries the kind asked for ({q.category or q.brand})")
    if r.products and not q.slots and signal and not policy:
        # "有43码的吗？", "anything in red?": nothing but constraints, which these products meet.
        return product_intent, "the question states only constraints, and these products meet them"
    if (q.category or q.brand or q.tags or q.follow_up) and not r.products and not q.policy_cue:
        # The store has such things (or just showed some), just none that fit.
        return product_intent, "the store has such products, but none fits every constraint"
    if faq_ok:
        return "policy", f"FAQ {faq_id!r} covers {fc:.2f} (bar {faq_bar:.2f})"
    return "out_of_scope", (f"nothing matches well enough: products {pc:.2f} (bar {bar:.2f}), "
                            f"FAQ {fc:.2f} (bar {faq_bar:.2f})" + (
                                "; the one thing asked is no product's name or kind (a "
                                "description, a tag or a modifier says it)"
                                if r.body_only else ""))


def choose(q: Query, r: Retrieval) -> str:
    return decide(q, r)[0]


__all__ = ["retrieve", "choose", "decide", "find_products", "find_faq", "rank_products", "names_product",
           "weigh", "search_text", "filters_for", "Retrieval", "Ranked", "StoreLike", "has_cjk",
           "WORD"]

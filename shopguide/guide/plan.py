"""From a message to a plan: the final intent, the records to show, and a composed answer.

This is everything the engine does before (and without) a language model; the
engine then streams either the model's verified words or the composed answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from time import perf_counter

from shopguide.guide import compose
from shopguide.guide.conversation import (Conversation, asks, recommended, referenced,
                                          resolve)
from shopguide.guide.discussed import colour_word_of, lacked
from shopguide.guide.attributes import Answer, answer_about, covers, holds_every_word
from shopguide.guide.events import Card, ComparisonCard, FaqCard, ProductCard
from shopguide.guide.guides import named_products
from shopguide.guide.matching import Terms, faq_topics, topics_in
from shopguide.guide.pick import cannot_tell, lead, pick
from shopguide.guide.query import ASPECTS, Query, understand
from shopguide.guide.sentence_checks import asks_yes_or_no
from shopguide.guide.retrieve import (EXACT, Retrieval, StoreLike, decide, find_faq,
                                      names_product, retrieve)
from shopguide.guide.verify import Facts
from shopguide.guide.vocab import StoreVocab, color_matches, fold, size_matches
from shopguide.guide.weights import weigh
from shopguide.store.models import NOT_CARRIED_TAG, Customer, FaqEntry, Product
from shopguide.text import resources
from shopguide.text.phrases import pattern

SHOWN = 3  # product cards per answer: the eval scores the top 3
_SKU_TOKEN = re.compile(
    r"(?<![A-Za-z0-9-])([A-Za-z0-9]+(?:-[A-Za-z0-9]+)+|[A-Za-z]{1,5}\d{2,})(?![A-Za-z0-9-])")


@dataclass
class Plan:
    query: Query
    intent: str
    products: list[Product] = field(default_factory=list)
    faq: FaqEntry | None = None
    comparison: bool = False
    composed: str = ""
    cheap_ceiling: float | None = None
    context: list[Product] = field(default_factory=list)  # facts mentioned but not shown as cards
    retrieval_ms: float = 0.0
    missing: list[Product] = field(default_factory=list)  # shown ones without the size/colour asked
    lacks: list[str] = field(default_factory=list)  # features asked that the one discussed lacks
    lacking: Product | None = None  # that product (the products shown are the ones that have them)
    why: list[str] = field(default_factory=list)  # how the answer was decided (ask --explain)
    unknown: str = ""  # words no row holds, named as the thing asked for ("耐克吧")
    about: Answer | None = None  # a question about one product's attribute, answered
    # "colors", "sizes" or "price": the field asked of the products discussed ("多少钱")
    variants: str | None = None
    discussed: bool = False  # about the product(s) named or pointed at, not a new search
    retrieval: Retrieval | None = None
    reply: FaqEntry | None = None  # the store's own reply for a need it does not carry
    # The products the FAQ row answered names (a buying guide's "like the PetSafe Easy
    # Walk"): cards after it, not facts of the model's prompt (``guides.named_products``).
    mentioned: list[Product] = field(default_factory=list)
    # The budget kept from earlier turns that the products shown are over (none of the kind
    # within it fits this turn): the answer says so (``retrieve.Retrieval.over_budget``).
    over_budget: tuple[float | None, float | None] | None = None

    @property
    def handover(self) -> str | None:
        """The hand-over sentence a question that also asks for staff ends with ("过了保修期
        如何维修 我要转人工": answered, and a staff member called), as it follows the answer
        (after a space in English), or None."""
        if "staff" not in self.query.acts or self.intent == "staff":
            return None
        lang = self.query.lang
        return ("" if lang == "zh" else " ") + compose.say("handover", lang)

    def cards(self) -> tuple[Card, ...]:
        cards: list[Card] = []
        if self.comparison and len(self.products) >= 2:
            cards.append(ComparisonCard(tuple(p.sku for p in self.products)))
        cards += [ProductCard(p) for p in self.products]
        if self.faq is not None:
            cards.append(FaqCard(self.faq))
            cards += [ProductCard(p) for p in self.mentioned if p not in self.products]
        return tuple(cards)

    def facts(self) -> Facts:
        q = self.query
        budget = (q.min_price, q.max_price, self.cheap_ceiling)
        faqs = [f for f in (self.faq, self.reply) if f is not None]
        facts = Facts.of(self.products + self.context, faqs, budget)
        if self.about is not None and self.about.clause is None:
            # The question is quoted back: its words, one by one (a sentence split inside the
            # quote, at "…" or "?", must not leave part of it a claim).
            quoted = re.findall(r"[^\s,，。.!！?？;；:：“”\"'()（）…]+", compose.asked_quote(q.text))
            facts.unsaid = tuple(dict.fromkeys([*quoted, *self.about.asked]))
        return facts

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(p.sku for p in self.products) + ((self.faq.id,) if self.faq else ())


def _named_in(text: str, products: Sequence[Product]) -> list[Product]:
    """The retrieved products the shopper named in full ("Nova Basic Runner", "诺瓦基础跑鞋")."""
    said = fold(text)
    return [p for p in products if names_product(said, p, min_chars=4)]


def _named_skus(store: StoreLike, text: str) -> list[Product]:
    tokens = list(dict.fromkeys(m.group(1) for m in _SKU_TOKEN.finditer(text[:2000])))[:10]
    if not tokens or not hasattr(store, "products"):
        return []
    found = store.products(tokens)  # type: ignore[attr-defined]
    if len(found) < len(tokens):  # SKUs are matched as typed first, then upper-cased
        found += [p for p in store.products([t.upper() for t in tokens]) if p not in found]  # type: ignore[attr-defined]
    return found


@lru_cache(maxsize=1)
def _and() -> re.Pattern[str]:
    """Where a comparison's sides part: the ``pair`` words of positions.csv ("和", "vs",
    "and") and commas, over folded text (English words on word boundaries)."""
    words = tuple(w for by in resources.positions().get("pair", {}).values() for w in by)
    return re.compile(pattern(words).pattern + "|[,，]")


def _compare_parts(store: StoreLike, vocab: StoreVocab, q: Query,
                   customer: Customer | None, currency: str = "") -> list[Product]:
    """"羽绒服和棉服有什么区别": the best match for each side of the comparison. A side that
    is only a brand shares the words said once after it ("宝得适和惠尔顿的座椅哪个好": the
    宝得适 seat and the 惠尔顿 seat; not "Cloudlite" of "Stridex Cloudlite和诺瓦哪个好")."""
    parts = [p for p in _and().split(fold(q.text[:500])) if p.strip()]
    if len(parts) < 2:
        return []
    out: list[Product] = []
    sides = [understand(part, vocab, currency=currency) for part in parts[:SHOWN]]
    for i, pq in enumerate(sides):
        after = [s for later in sides[i + 1:] for s in later.slots.slots]
        if pq.brand and not pq.slots and after:
            pq = replace(pq, slots=Terms(after), category=pq.category or q.category)
        if not (pq.slots or pq.category or pq.brand):
            continue
        r = retrieve(store, vocab, pq, customer)
        best = next((x.product for x in r.products if x.product not in out), None)
        if best is not None and r.product_confidence >= 0.5:
            out.append(best)
    return out


def _asked_as_written(store: StoreLike, vocab: StoreVocab, q: Query) -> bool:
    """Whether the question is a FAQ row's own wording (its question or an alternate, as the
    merchant's review may have taught it): then it is that policy, not a comparison of
    whatever its parts name ("clay or crystal litter, which is better")."""
    return find_faq(store, vocab, q)[1] >= EXACT


def _new_need(q: Query, conv: Conversation) -> bool:
    """Whether this follow-up asks for a size or colour the last search did not have."""
    last = conv.last_query
    if not q.follow_up or last is None:
        return False
    return bool((q.size and q.size != last.size) or (q.color and q.color != last.color))


def _fits(p: Product, q: Query) -> bool:
    return (not q.size or size_matches(p.sizes, q.size)) and (
        not q.color or color_matches(p.colors, q.color) or colour_word_of(p, q))


def _alternatives(store: StoreLike, vocab: StoreVocab, q: Query, conv: Conversation,
                  customer: Customer | None) -> list[Product]:
    """Products of the kind just shown that have what was asked (the size, the colour and
    any budget), whatever the words of the earlier search were."""
    kind = q.category if q.category and not q.category_soft else (
        conv.shown[0].category if conv.shown else None)
    if kind is None:
        return []
    loose = replace(q, terms=[], slots=Terms(), tags=[], brand=None, category=kind,
                    category_soft=False, refs=[], cheap=False, stock_question=False)
    shown = {p.sku for p in conv.shown}
    found = [x.product for x in retrieve(store, vocab, loose, customer).products]
    return [p for p in found if p.sku not in shown and _fits(p, q)][:SHOWN]


def _policy_follow_up(q: Query, conv: Conversation, vocab: StoreVocab) -> bool:
    """A short message with nothing of its own to find, right after a policy answer. One
    that names a policy topic the answer does not speak of ("是正品吗" after the returns
    policy) asks about that, not further about the one just answered."""
    if conv.last_faq is None or len(q.slots.slots) > POLICY_FOLLOW_UP_WORDS or \
            q.has_product_signal() or q.refs:
        return False
    f = conv.last_faq
    told = topics_in(vocab.analyzer, " ".join((f.question, *f.alternates, *f.tags, f.answer)))
    return not q.topics or bool(set(q.topics) & set(told))  # "几天到账" after the returns policy


def _on_aspect(store: StoreLike, vocab: StoreVocab, q: Query, conv: Conversation) -> FaqEntry:
    """The row a follow-up with nothing of its own asks about: the policy just answered,
    unless it asks what that row does not speak of (its cost, its time) and another row on
    the same topic does: "how much does that cost?" after the delivery times is the
    shipping-cost row."""
    last = conv.last_faq
    assert last is not None
    asked = [a for a in ASPECTS if a in q.acts]
    if not asked or all(_speaks_of(last, a) for a in asked) or not hasattr(store, "all_faq"):
        return last
    # The rows that speak of it and say a word of what the last one was about ("How much
    # does shipping cost?" says "shipping", a word of delivery, though its topic is the fee).
    about = [pattern(resources.topics()[t]) for t in faq_topics(vocab.analyzer, last)
             if resources.topics().get(t)]
    scored = [(sum(bool(p.search(_text(f))) for p in about), f)
              for f in store.all_faq()  # type: ignore[attr-defined]
              if f.id != last.id and all(_speaks_of(f, a) for a in asked)]
    best = max(scored, key=lambda t: t[0], default=(0, last))
    return best[1] if best[0] else last


def _text(f: FaqEntry) -> str:
    return fold(" ".join((f.question, *f.alternates, f.answer)))


def _speaks_of(f: FaqEntry, aspect: str) -> bool:
    """Whether a row's own words hold the aspect's cue words (cost: "fee", "运费" …)."""
    return bool(pattern(resources.cue_words(aspect)).search(_text(f)))


def _continuing(r: Retrieval, conv: Conversation, vocab: StoreVocab) -> FaqEntry | None:
    """Of the rows that answer a short follow-up about as well ("从哪里申请" is in the exchange,
    after-sales and price-protection rows alike; "and if I bought it online?" after the
    returns policy fits the price-match row's online stores a little better), the one about
    what the last policy answer was about: the conversation goes on."""
    best = r.faq_ranked[0][1] if r.faq_ranked else 0.0
    tied = [f for f, s in r.faq_ranked if s >= best - KEEP_POLICY]
    if len(tied) < 2 or conv.last_faq is None:
        return r.faq
    before = faq_topics(vocab.analyzer, conv.last_faq)
    return max(tied, key=lambda f: (f.id == conv.last_faq.id, sum(
        min(v, before.get(t, 0.0)) for t, v in faq_topics(vocab.analyzer, f).items())))


def _chooses(q: Query, conv: Conversation) -> bool:
    """Whether the message chooses products shown ("就这款了", "I'll take the second one"),
    and says nothing more: a colour, size, budget or thing named ("I'll take the blue one", "我要
    这个42码的") narrows the search, a thing already bought ("买了这个，磨脚怎么办") is
    after-sales."""
    return ("purchase" in q.acts and bool(conv.shown) and q.intent == "find" and not q.topics
            and not (q.color or q.size or q.min_price is not None or q.max_price is not None)
            and not q.acts & {"owned", "problem"} and not _own_words(q, conv))


def _own_words(q: Query, conv: Conversation) -> bool:
    """Whether the message says words of its own beyond the choice ("I'll take the one with
    the hood" describes which one: a search among them, not a choice made); a follow-up's
    query also holds the last search's words."""
    before = set(conv.last_query.slots.keys()) if conv.last_query is not None else set()
    return any(s.role != "topic" and s.key not in before for s in q.slots.slots)


def _about_an_unnamed_product(q: Query, conv: Conversation) -> bool:
    """The message points at a product ("it", "这个") or asks a product's stock or a lower
    price (q.cheaper needs an earlier turn: the cue is read), with no word of its own to
    search for, and nothing has been shown to point at."""
    if conv.shown or q.topics or q.slots.slots:
        # A word of its own ("Kayaks: do you sell them") names what it asks about; a policy
        # topic ("what time does it open?", "can I return it?") is about the store.
        return False
    return bool({"it", "them"} & q.acts) or q.stock_question or "cheaper" in q.acts


POLICY_FOLLOW_UP_WORDS = 3  # "and on sunday?", "那周末呢", "what about online orders?"
KEEP_POLICY = 0.1  # how much better another row may fit a policy follow-up and not win it
ELSEWHERE = 0.3  # how much better another product must fit a question to leave the one discussed


def _afresh(store: StoreLike, vocab: StoreVocab, q: Query, customer: Customer | None
            ) -> tuple[Query, Retrieval]:
    """The question as a new search, not about the product discussed, and what it finds."""
    fresh = _new_search(q)
    return fresh, retrieve(store, vocab, fresh, customer)


def _new_search(q: Query) -> Query:
    """A question about the product discussed taken as a new search (its kind stays the
    preference ``conversation.resolve`` gave it)."""
    return replace(q, follow_up=False, refs=[], about_focus=False)


def _fits_better_elsewhere(store: StoreLike, vocab: StoreVocab, q: Query,
                           pointed: list[Product], customer: Customer | None, plan: Plan) -> bool:
    """Whether a question taken to be about the product discussed fits another product
    clearly better ("羽绒服呢" after tents is a new search; "能自动覆盖吗" after a dash cam is
    not; "is it waterproof?" after a tent is about tents). The retrieval is kept for the plan
    when it is a new search."""
    _, r = _afresh(store, vocab, q, customer)
    here = max((covers(p, q.slots, vocab.analyzer) for p in pointed), default=0.0)
    # A question that points at the product ("is it waterproof?" after a tent) asks about
    # that kind of thing: a jacket that says "waterproof" is no better answer to it. So does
    # a yes/no question, which in Chinese points with no word at all ("防水吗").
    kinds = {p.category for p in pointed} if "it" in q.acts or asks_yes_or_no(q.text) \
        else None
    best = next((x for x in r.products if x.product not in pointed
                 and (kinds is None or x.product.category in kinds)), None)
    if best is not None and best.text_match >= 0.7 and best.text_match > here + ELSEWHERE:
        plan.retrieval = r
        plan.why.append(f"{best.product.sku} fits the words ({best.text_match:.2f}) better than "
                        f"the product discussed ({here:.2f})")
        return True
    return False


def _names_the_unknown(store: StoreLike, vocab: StoreVocab, q: Query, plan: Plan) -> bool:
    """"耐克吧" after shoes: a message that asks nothing and says only words no row of the
    store holds names something the store does not carry (a brand, a thing); it is no
    question about the product discussed ("有NFC吗" is one: the catalog's silence answers)."""
    words = [s for s in q.slots.slots if s.role != "topic"]
    if not words or asks_yes_or_no(q.text) or asks(q):
        return False
    weigh(store, vocab, Terms(words))
    if any(s.known for s in words):
        return False
    plan.unknown = " ".join(s.said for s in words)
    plan.why.append(f"names only words the store has never seen ({plan.unknown})")
    return True


def _lists(p: Product, field_name: str) -> bool:
    """Whether the product states ``field_name`` ("colors", "sizes", "price")."""
    value = getattr(p, field_name)
    return value is not None and value != ()


def _policy_first(store: StoreLike, vocab: StoreVocab, q: Query, customer: Customer | None,
                  plan: Plan) -> bool:
    """A question that points at the product discussed and names a policy topic ("can I
    return it?") is the store's policy when one answers it; otherwise it is about the product
    ("what replacement parts should I get for this heli?": no policy is about parts). The
    retrieval is kept for the plan when it is the policy."""
    if not (q.about_focus and q.topics) or q.asks_field():
        return False  # "what sizes?" of a shoe shown asks its sizes, not the sizing guide
    fresh, r = _afresh(store, vocab, q, customer)
    if decide(fresh, r)[0] != "policy":
        return False
    plan.retrieval = r
    return True


def _may_mean_another(q: Query, pointed: list[Product]) -> bool:
    """Whether a question taken to be about the product discussed may be a new search. One
    that points at it ("does this product have replaceable batteries?") is about it, unless it
    names a feature the store tags and the product lacks ("这款记录仪前后双录?" after a dash
    cam without it: the ones that have it are the answer). A product whose own name or
    description states the feature has it, tagged or not ("这个防水吗" of a head torch
    "IP66防水")."""
    if "it" not in q.acts:
        return True
    return any(t not in p.tags and not _states(p, t) for t in q.tags for p in pointed)


@lru_cache(maxsize=1)
def _denied() -> re.Pattern[str]:
    """A negation right before a word (``zh/negators.txt`` and one character more: 不带防水膜;
    the English ``negation`` cues: "not waterproof", "non-slip")."""
    zh = "".join(re.escape(c) for c in resources.word_list("zh/negators.txt"))
    en = "|".join(re.escape(w) for w in resources.cue_words("negation", "en") if " " not in w)
    return re.compile(rf"(?:[{zh}]\w?|\b(?:{en}|non)[\s-]*)$")


def _states(p: Product, feature: str) -> bool:
    """Whether the product's own name or description says it has the feature, not negated
    ("IP66防水" does; "不带防水膜" does not)."""
    text = fold(" ".join(x for x in (p.name, p.name_en, p.name_zh, p.description,
                                      p.description_en, p.description_zh) if x))
    return any(not _denied().search(text[max(0, m.start() - 4):m.start()])
               for m in re.finditer(re.escape(fold(feature)), text))


def _speaks_to_it(vocab: StoreVocab, q: Query, conv: Conversation,
                  pointed: list[Product]) -> list[Product]:
    """"这个有保护套吗" when several products were shown and none was singled out: the one
    whose own text speaks to the question is the one asked about ("不送保护套"); the first
    shown stays when none covers the words better."""
    if not (q.about_focus and conv.focus is None and len(pointed) == 1 and len(conv.shown) > 1):
        return pointed
    shown = conv.shown[:SHOWN]
    scores = [covers(p, q.slots, vocab.analyzer) for p in shown]
    best = max(range(len(shown)), key=lambda i: (scores[i], -i))
    here = covers(pointed[0], q.slots, vocab.analyzer)
    return [shown[best]] if scores[best] > here else pointed


def make_plan(store: StoreLike, vocab: StoreVocab, text: str, conv: Conversation,
              customer: Customer | None, lang_default: str, currency: str,
              store_name: str) -> Plan:
    q = resolve(understand(text, vocab, lang_default, currency), conv,
                lambda p, asked: holds_every_word(p, asked.slots, vocab.analyzer))
    unchecked = not vocab.sizes and bool(q.size or q.subject_size)
    if unchecked:
        # A catalog that lists no sizes cannot say what comes in 41: the size said is no
        # filter, and no answer claims it.
        q = replace(q, size=None, subject_size=None)
    lang = q.lang
    plan = Plan(q, q.intent)
    if unchecked:
        plan.why.append("the catalog lists no sizes: the size said is not checked")
    if q.intent in ("greeting", "thanks", "goodbye", "staff", "remark", "identity") or \
            not text.strip():
        plan.intent = q.intent if text.strip() else "out_of_scope"
        plan.why.append(f"small talk ({plan.intent}): no words to search for")
        plan.composed = compose.compose_social(plan.intent, lang, store_name, text)
        return plan
    if q.intent == "out_of_scope" and "seller" in q.acts:
        plan.why.append("a marketplace seller's question (the seller cues): no store answers it")
        plan.composed = compose.compose_social("out_of_scope", lang, store_name, text)
        return plan
    t0 = perf_counter()
    named = _named_skus(store, text)
    pointed = referenced(q, conv) if q.follow_up else []
    pointed = _speaks_to_it(vocab, q, conv, pointed)
    if q.follow_up and conv.shown and any(not -len(conv.shown) <= i < len(conv.shown)
                                          for i in q.refs):
        # "第五个" when three were shown: say which positions there are, guess nothing.
        plan.intent = "clarify"
        plan.why.append(f"points at position(s) {[i + 1 for i in q.refs]} of {len(conv.shown)} "
                        "shown: say which there are")
        plan.composed = compose.compose_positions(conv.shown, lang)
        return plan
    if q.pick and q.follow_up and conv.shown:
        # "哪个最便宜？": one of the products just shown, chosen by the catalog's facts.
        chosen = pick(conv.shown[:SHOWN], q.pick)
        plan.products = [chosen] if chosen else []
        plan.context = [] if chosen else list(conv.shown[:SHOWN])
        plan.intent = "find" if chosen else "clarify"  # no guessing by the model either
        plan.why.append(f"a pick among the shown products: the {q.pick}" + (
            "" if chosen else " cannot be told from the catalog"))
        plan.composed = (lead(q.pick, lang) + compose.compose_detail([chosen], lang) if chosen
                         else cannot_tell(q.pick, lang))
        plan.retrieval_ms = (perf_counter() - t0) * 1000
        return plan
    if _chooses(q, conv):
        # "I'll take the second one", "就这款了", "I'll take both": the ones chosen, where
        # they are, how to buy them.
        them = "them" in q.acts and not q.refs
        chosen = pointed if q.refs else conv.shown[:SHOWN] if them else [recommended(conv)]
        chosen = chosen or [recommended(conv)]
        plan.products, plan.intent, plan.discussed = list(chosen), "purchase", True
        plan.why.append(f"the shopper chose {', '.join(p.sku for p in chosen)}")
        plan.composed = compose.compose_purchase(chosen, lang)
        plan.retrieval_ms = (perf_counter() - t0) * 1000
        return plan
    need = _new_need(q, conv)
    if need and pointed and q.intent != "compare" and not any(_fits(p, q) for p in pointed):
        plan.missing, pointed = pointed, []  # "has it got size 37?" — no: say so, offer others
    lacks, having = lacked(store, q, pointed, conv.last_query) if pointed and q.about_focus \
        else ([], [])
    if lacks and not named and not plan.missing:
        # "具有停车监控的功能吗" about a dash cam the store does not tag so, while others of
        # its kind are: the ones that have it are the answer (composed, it also says that the
        # one discussed does not list it).
        plan.lacking, plan.lacks, plan.products = pointed[0], lacks, having[:SHOWN]
        plan.why.append(f"{pointed[0].sku} lacks {', '.join(lacks)}, which others of its "
                        "kind have")
    elif q.intent == "compare" and (named or q.follow_up):
        plan.products = (named or pointed or conv.shown[:SHOWN])[:SHOWN]
        plan.why.append("compares the products " + ("named by SKU" if named else "shown"))
    elif q.intent == "compare" and not _asked_as_written(store, vocab, q) and len(
            pair := _compare_parts(store, vocab, q, customer, currency)) >= 2:
        plan.products = pair
        plan.why.append("compares the best match of each side")
    elif (named or pointed) and not _policy_first(store, vocab, q, customer, plan) and not (
            q.about_focus and not q.asks_field() and _may_mean_another(q, pointed) and
            (_fits_better_elsewhere(store, vocab, q, pointed, customer, plan)
             or _names_the_unknown(store, vocab, q, plan))):
        # (The colours, sizes or price of a product are its own fields: "有几种颜色可选" asks
        # them of the product discussed, whatever other names hold "可选".)
        plan.products, plan.discussed = (named or pointed)[:SHOWN], True
        plan.why.append("about the product(s) " + ("named by SKU" if named else (
            "being discussed" if q.about_focus else "pointed at")))
        if plan.intent == "find" and not q.stock_question:
            plan.intent = "detail"
            # "有什么颜色", "多少钱": the colours (price) of the products, from that field;
            # where none of them lists any, the description may say (an attribute question).
            wanted = q.asks_field()
            if wanted and any(_lists(p, wanted) for p in plan.products):
                plan.variants = wanted
            elif len(plan.products) == 1:
                plan.about = answer_about(plan.products[0], q.slots, vocab.analyzer, lang,
                                          measure=q.asks_measure())
    else:
        if q.about_focus:  # another product fits the words better: a new search after all
            q = plan.query = _new_search(q)
        r = plan.retrieval or retrieve(store, vocab, q, customer)
        plan.retrieval = r
        plan.intent, reason = decide(q, r)
        plan.why.append(reason)
        if plan.intent == "policy" and r.faq is not None and NOT_CARRIED_TAG in r.faq.tags:
            # The merchant's "we don't carry this" (shopguide/review): still out of scope, said
            # in the store's own words, with no policy presented as the answer.
            plan.intent, plan.reply = "out_of_scope", r.faq
            plan.why.append(f"the store's reply for a need it does not carry ({r.faq.id!r})")
        if plan.intent in ("out_of_scope", "find") and not r.named and \
                _policy_follow_up(q, conv, vocab):
            # "and on sunday?" after the opening hours: the same policy, asked further. So is
            # "那要带什么" after the returns policy, though 带 is a word of "弹力带" and
            # "背带短裤": a short message that names no kind of product does not leave the
            # policy for whatever product names share one of its words.
            plan.intent, r.faq, plan.reply = "policy", _on_aspect(store, vocab, q, conv), None
            plan.why.append(f"a follow-up on the policy just answered ({r.faq.id})")
        elif plan.intent == "policy" and _policy_follow_up(q, conv, vocab) and \
                (faq := _continuing(r, conv, vocab)) is not r.faq:
            r.faq = faq
            plan.why.append(f"a follow-up: of the rows that answer it equally, the one about "
                            f"the policy just answered ({faq.id})")
        elif plan.intent == "out_of_scope" and _about_an_unnamed_product(q, conv):
            # "is it in stock?", "这个多少钱", "能便宜点吗" with nothing shown yet: a question
            # about a product, not one the store cannot help with. Ask which.
            plan.intent = "clarify"
            plan.why.append("asks about a product without naming one, and none was shown: "
                            "ask which")
            plan.composed = compose.compose_which_product(lang)
            plan.retrieval_ms = (perf_counter() - t0) * 1000
            return plan
        plan.cheap_ceiling = r.resolved_max_price
        if plan.cheap_ceiling is not None:
            q.max_price = plan.cheap_ceiling
        if plan.intent == "policy":
            plan.faq = r.faq
            plan.mentioned = [p for p in named_products(store, vocab, r.faq, SHOWN)
                              if _fits(p, q) and p.price <= (q.max_price or p.price)
                              and p.price >= (q.min_price or 0)] if r.faq else []
        elif plan.intent in ("find", "locate", "compare"):
            plan.products = [x.product for x in r.products[:SHOWN]]
            plan.over_budget = r.over_budget
            if r.over_budget:
                plan.why.append("nothing of the kind within the budget said earlier fits: "
                                "those over it are shown, said to be over")
            by_name = _named_in(text, plan.products)
            if by_name and plan.intent != "compare" and not (
                    q.cheaper or q.max_price is not None or q.min_price is not None):
                # "诺瓦基础跑鞋多少钱？" asks about that shoe, not for a list it heads.
                plan.products = by_name
                if plan.intent == "find" and not q.stock_question:
                    plan.intent = "detail"
        if need and plan.intent in ("find", "locate") and conv.shown and not plan.missing and (
                not any(_fits(p, q) for p in conv.shown)):
            plan.missing = list(conv.shown)
        if plan.missing and not plan.products:
            plan.products = _alternatives(store, vocab, q, conv, customer)
            plan.intent = "find"
    if plan.missing and not (q.size or q.color):
        # The colour said was a word of a product's name after all (retrieval dropped it):
        # there is no want left to say is missing.
        plan.missing = []
    if plan.missing:
        plan.context = plan.missing  # named in the answer, so the model may name them too
        if q.cheaper and not plan.products and conv.shown:
            # Nothing cheaper: say which shown one is cheapest, without a card that would
            # break the lowered budget.
            kind = [p for p in conv.shown if p.category == conv.shown[0].category]
            plan.context = [min(kind, key=lambda p: p.price)]
            plan.intent = "cheapest_already"
    plan.retrieval_ms = (perf_counter() - t0) * 1000
    plan.comparison = plan.intent == "compare"
    plan.composed = _compose(plan, lang, currency, store_name, vocab.category_paths)
    if plan.intent in ("detail", "cheapest_already"):
        plan.intent = "find" if plan.intent == "cheapest_already" else (
            "locate" if q.stock_question else "find")
    return plan


def _compose(plan: Plan, lang: str, currency: str, store_name: str,
             categories: Sequence[str] = ()) -> str:
    q = plan.query
    if plan.intent == "policy" and plan.faq:
        return compose.compose_faq(plan.faq, lang, q.text)
    if plan.intent == "compare":
        return compose.compose_compare(plan.products, lang)
    if plan.intent == "locate":
        return compose.compose_locate(q, plan.products, lang)
    if plan.intent == "detail" and plan.variants:
        return compose.compose_variants(plan.products, plan.variants, lang)
    if plan.intent == "detail" and plan.about is not None:
        return compose.compose_attribute(plan.products[0], plan.about.clause, q.text, lang)
    if plan.intent == "detail":
        return compose.compose_detail(plan.products, lang)
    if plan.intent == "cheapest_already":
        p = plan.context[0]
        return compose.say("cheapest_already", lang, line=compose.product_line(p, lang))
    if plan.lacking is not None:
        return compose.compose_lacking(q, plan.lacking, plan.lacks, plan.products, lang)
    if plan.missing:
        return compose.compose_missing(q, plan.missing, plan.products, currency, lang)
    if plan.intent == "find" and plan.over_budget:
        # Said of the kind kept from earlier turns, which this message need not name.
        kind = replace(q, category=q.category or q.subject)
        return compose.compose_find(kind, plan.products, currency, lang, over=plan.over_budget)
    if plan.intent == "find":
        return compose.compose_find(q, plan.products, currency, lang, plan.cheap_ceiling)
    if plan.reply is not None:
        return plan.reply.answer
    top = list(dict.fromkeys(c.split("/")[0] for c in categories))  # only when asked
    # A policy topic asked ("有上门安装吗") is said to be no policy of the store's, before any
    # thing the words may name is said to be missing from the catalog.
    return (_no_policy(q, lang) or compose.compose_not_found(q.text, lang, top, plan.unknown)
            or compose.compose_social("out_of_scope", lang, store_name, q.text))


def _no_policy(q: Query, lang: str) -> str | None:
    """A retail policy topic asked ("是正品吗", "do you price match?") that none of the store's
    policies answers: say that about it, in the shopper's own words, rather than "can't help"."""
    said = next((s.said for s in q.slots.slots if s.role == "topic"), None)
    return compose.say("policy_unknown", lang, topic=said) if said else None

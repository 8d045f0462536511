"""A conversation: what was asked and shown so far, and how a follow-up leans on it.

``便宜一点的呢？`` keeps the last search and lowers the budget below the product recommended;
``有43码的吗？`` adds a size to it; ``第二个呢`` points at a shown product; ``compare
them`` compares what was shown. A message that only adds a constraint keeps the subject;
one that names a new kind of thing starts afresh.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from shopguide.guide.matching import Terms
from shopguide.guide.quantity import quantities
from shopguide.guide.query import SOCIAL, Query, refers_back
from shopguide.guide.vocab import color_matches, fold
from shopguide.store.models import Customer, FaqEntry, Product
from shopguide.text import plain
from shopguide.text.english import is_comparative
from shopguide.text.phrases import pattern
from shopguide.text.resources import cue_words

MAX_HISTORY = 6  # turns kept for the prompt; older ones are dropped first anyway
MAX_TURNS = 200  # turns kept for "Save to notes"


@dataclass(frozen=True)
class Turn:
    """One answered turn as a note would read it: what was asked and understood, what was
    shown, and for whom (the customer being served then; None for a walk-in)."""

    question: str
    query: Query
    products: tuple[Product, ...]
    customer_id: str | None = None
    cancelled: bool = False


@dataclass
class Conversation:
    """One shopper's session. The engine updates it after every answered turn."""

    id: int | None = None  # the store's conversation row, when turns are saved
    customer: Customer | None = None
    mode: str = "clerk"  # "kiosk" conversations are never linked to a customer
    history: list[tuple[str, str]] = field(default_factory=list)  # (question, answer)
    last_query: Query | None = None
    shown: list[Product] = field(default_factory=list)  # products of the last product answer
    last_faq: FaqEntry | None = None
    focus: int | None = None  # index in ``shown`` of the one product last talked about
    turns: list[Turn] = field(default_factory=list)  # every turn, for "Save to notes"

    def remember(self, question: str, answer: str, query: Query,
                 products: list[Product], faq: FaqEntry | None,
                 customer_id: str | None = None, cancelled: bool = False) -> None:
        self.turns.append(Turn(question, query, tuple(products), customer_id, cancelled))
        del self.turns[:-MAX_TURNS]
        self.history.append((question, answer))
        del self.history[:-MAX_HISTORY]
        # A turn about one shown product ("第二个呢", "哪个最便宜") keeps the list, so "第三个呢"
        # and "哪个最贵" still work on it; "it" is then the one picked.
        if query.pick and len(products) == 1 and products[0] in self.shown:
            self.focus = self.shown.index(products[0])
        elif query.intent in ("find", "compare", "locate") and products and not query.refs:
            self.last_query = query
            self.shown = list(products)
            self.focus = None
        elif query.intent == "find" and query.category and not query.category_soft \
                and not products and not query.refs and not query.follow_up:
            # "预算150以内的跑鞋" with none found: the kind and its budget are still the
            # conversation's ("那300以内的呢", "有没有适合冬天跑步的"); nothing is on screen.
            self.last_query = query
            self.shown = []
            self.focus = None
        elif query.refs and len(products) == 1 and products[0] in self.shown:
            # "第二个呢" then "它多少钱": "it" is the second one now, not the first card.
            self.focus = self.shown.index(products[0])
        self.last_faq = faq

    def clear(self) -> None:
        self.turns.clear()
        self.history.clear()
        self.last_query = None
        self.shown = []
        self.last_faq = None
        self.focus = None


def _novel_terms(q: Query) -> list[str]:
    """The words a message says beyond its constraints and cues (those are read already)."""
    return [s.key for s in q.slots.slots if s.role != "topic"]


def is_follow_up(q: Query, conv: Conversation) -> bool:
    if conv.last_query is None or q.intent in SOCIAL or q.topics:
        return False
    if not conv.shown and (q.refs or q.acts & {"it", "them"}):
        return False  # "the first one?" with nothing on screen: which one is asked (plan)
    if q.category and not q.category_soft:
        return False  # a new category is a new search
    if q.cheaper or q.refs or (q.pick and conv.shown) or (q.lighter and conv.shown):
        return True
    if conv.shown and (("headless" in q.acts and q.category_soft) or
                       ("swap" in q.acts and not q.category)):
        # "要16G内存的" / "i7的呢" after laptops: laptops with 16G of memory, with an i7 (a
        # kind named in a modifier describes the subject; "what about X" with no kind
        # keeps it).
        return True
    novel = _novel_terms(q)
    if refers_back(q) and len(novel) <= 2:
        return True
    if q.intent in ("compare", "locate") and not novel:
        return True
    if not novel and "ask_for" in q.acts and conv.shown:
        return True  # "just recommend what you think is good": of the same, once more
    if (q.other_brand or q.other_color) and not novel:
        return True  # "换个牌子的"; "running shoes from another brand" is a search of its own
    # A measure the product is for ("30升左右的", "for 4 people") narrows the subject too.
    has_constraint = (q.size or q.color or q.brand or q.in_stock or q.cheap
                      or q.min_price is not None or q.max_price is not None
                      or q.exclude_brands or q.exclude_colors
                      or quantities(q.text, asked=True))
    # A clause with no head of its own that states a measure or a constraint ("四个人住的",
    # "要能放进后备箱的30升的") describes the kind being discussed, whatever its other words.
    return bool(has_constraint and (not novel or "headless" in q.acts))


def resolve(q: Query, conv: Conversation,
            holds: Callable[[Product, Query], bool] | None = None) -> Query:
    """Apply the conversation to a freshly understood message. ``holds``: whether a
    product's own text holds every word of the message (the plan's analysis of the store)."""
    if conv.last_query is None:
        # "Cheaper" needs something to be cheaper than: as a first message ("it is cheaper
        # at another shop") it is no request to lower a budget.
        q.cheaper = False
    if conv.last_faq is not None and "owned" in q.acts and not (q.refs or q.pick):
        return _policy_on(q, conv)
    if conv.shown and conv.last_query is not None and q.acts & {"reject", "more"} and \
            "owned" not in q.acts and not q.pick and q.intent == "find":
        return _others(q, conv)
    variant = _variant_of(q, conv)
    if variant is not None:
        return variant
    if ("it" in q.acts or _names_focus(q, conv)) and conv.shown and not q.refs and \
            q.intent in ("find", "locate") and not q.pick:
        # "does this grill take a cast iron skillet?": the thing pointed at is the product
        # discussed, though another kind (skillet) is named. With a policy topic ("can I
        # return it?", "what replacement parts should I get for this heli?") the plan asks
        # the store's policies first (``plan._policy_first``).
        return _on_focus(q, conv)
    if _field_of_shown(q, conv):
        # "有别的颜色吗", "有哪些尺码" or "多少钱" after a recommendation, no colour asked
        # before: the colours (sizes, price) of the product discussed, or each shown one's
        # (with a colour asked before, "other" rules that one out, below).
        if conv.focus is None and len(conv.shown) > 1:
            return replace(q, follow_up=True, refs=list(range(min(len(conv.shown), 3))))
        return _on_focus(q, conv)
    if "swap" in q.acts and conv.last_query is not None and q.category and \
            not q.topics and not q.refs and not q.pick:
        return _swapped(q, conv.last_query)
    if not is_follow_up(q, conv) and _about_focus(q, conv, holds):
        # "如果录满了会自动删除之前的接着录么?" after a dash cam: a question about the product being
        # discussed, though it does not point at it. The plan checks that no other product
        # fits the words much better before answering from the product's own text.
        return _on_focus(q, conv)
    if not is_follow_up(q, conv):
        if (q.other_brand or q.other_color) and conv.shown:
            # "别的牌子的跑鞋有吗": a new search, still leaving out what was just shown.
            q = replace(q, exclude_brands=list(q.exclude_brands),
                        exclude_colors=list(q.exclude_colors))
            if q.other_brand and conv.last_query is not None and conv.last_query.brand:
                q.exclude_brands.append(conv.last_query.brand)
            elif q.other_brand:
                q.exclude_brands += [p.brand for p in conv.shown if p.brand]
            if q.other_color and conv.last_query is not None and conv.last_query.color:
                q.exclude_colors.append(conv.last_query.color)
            _apply_exclusions(q, replace(q, other_brand=False, other_color=False), conv)
        last = conv.last_query
        if (q.intent == "find" and not q.category and not q.brand and last is not None
                and (conv.shown or last.category) and not q.topics):
            # "有没有适合冬天跑步的？" after running shoes still means shoes: a message that names
            # no kind of thing keeps the conversation's as a preference (retrieval ranks by
            # it; a named category would replace it). Found by its words ("书桌"), the kind is
            # the one recommended ("我要可折叠的": a folding desk, not a folding phone). A kind
            # named with nothing found for it ("预算150以内的跑鞋") is kept the same way.
            kind = last.category or recommended(conv).category
            q = _kept_for_subject(replace(q, subject=kind), last)
        return q
    return _merged(q, conv)


def _policy_on(q: Query, conv: Conversation) -> Query:
    """"And if I bought it online?" right after the returns policy: the policy's topic, asked
    further (the message's own words say of what)."""
    last = conv.turns[-1].query if conv.turns else None  # the turn the policy answered
    if q.topics or last is None or not last.topics or q.has_product_signal() or \
            "ask_for" in q.acts:
        return q  # ("I bought a tent last week, do you have pegs?" asks for products)
    said = [s for s in last.slots.slots if s.role == "topic"]
    return replace(q, topics=list(last.topics), policy_cue=True,
                   slots=Terms(said + [s for s in q.slots.slots if s.role != "topic"]))


def _others(q: Query, conv: Conversation) -> Query:
    """"不喜欢，换一个" / "any other options?" with products shown: others of the kind, not the
    one turned down (the one recommended) or, asked for more (also when turning down: "more
    options, I don't like the backpacks you showed me"), not any shown; the exchange
    policy its words also name is for a thing already bought ("owned")."""
    shown = [conv.shown[i] for i in q.refs if -len(conv.shown) <= i < len(conv.shown)]
    if "reject" in q.acts and "more" not in q.acts:
        gone = [p.sku for p in shown or [recommended(conv)]]  # "不喜欢这个" / "第二个不好看"
    else:
        gone = [p.sku for p in conv.shown]
    asked = replace(q, topics=[], policy_cue=False, intent="find", refs=[],
                    acts=q.acts - {"it", "them"},
                    slots=Terms([s for s in q.slots.slots if s.role != "topic"]))
    last = conv.last_query
    if last is None or (q.category and q.category != last.category):
        # "不合适，我想要一个有线的耳机" after speakers: a search for the kind it names.
        return replace(asked, exclude_skus=gone)
    asked.exclude_words = [w for w in q.exclude_words if not _names_shown(w, last, conv)]
    merged = _merged(asked, conv)
    merged.exclude_skus = list(dict.fromkeys(last.exclude_skus + gone))
    merged.subject = merged.subject or recommended(conv).category
    return merged


def _names_shown(key: str, last: Query, conv: Conversation) -> bool:
    """Whether a word turned down names the kind shown rather than a feature of it: searched
    for before and in every shown product's name ("I don't like the backpacks you showed me"
    asks for other backpacks, not for no backpacks)."""
    return key in last.slots.keys() and all(
        key in plain().terms(f"{p.display_name(last.lang)} {p.category.replace('/', ' ')}")
        for p in conv.shown)


def _merged(q: Query, conv: Conversation) -> Query:
    """A follow-up: the last search with what this message adds or changes."""
    last = conv.last_query
    assert last is not None
    merged = replace(
        last,
        text=q.text,
        lang=q.lang,
        acts=q.acts,  # what this message does, not what the last one did
        terms=list(dict.fromkeys(last.terms + _novel_terms(q))),
        slots=Terms(_merge_slots(last, q)),
        tags=list(dict.fromkeys(last.tags + q.tags)),
        brand=q.brand or last.brand,
        size=q.size or last.size,
        color=q.color or last.color,
        exclude_brands=[b for b in last.exclude_brands if b != q.brand] + q.exclude_brands,
        exclude_colors=[c for c in last.exclude_colors
                        if not (q.color and color_matches([q.color], c))] + q.exclude_colors,
        exclude_tags=list(dict.fromkeys(last.exclude_tags + q.exclude_tags)),
        exclude_words=list(dict.fromkeys(last.exclude_words + q.exclude_words)),
        min_price=q.min_price if q.min_price is not None else last.min_price,
        max_price=q.max_price if q.max_price is not None else last.max_price,
        around=q.around if q.min_price is not None or q.max_price is not None else last.around,
        cheap=(q.cheap and not q.pick) or (last.cheap and not q.cheaper),
        cheaper=q.cheaper,
        in_stock=q.in_stock or last.in_stock,
        stock_question=q.stock_question,
        policy_cue=False,
        refs=list(q.refs),
        pick=q.pick,
        follow_up=True,
        # a budget or size of its own replaces the one kept from earlier turns
        subject_budget=None if q.states_price() else last.subject_budget,
        subject_size=None if q.size else last.subject_size,
    )
    _apply_exclusions(merged, q, conv)
    if q.intent in ("compare", "locate"):
        merged.intent = q.intent
    elif q.refs:
        merged.intent = last.intent if last.intent != "compare" else "find"
    else:
        merged.intent = "find"
    if q.cheaper and conv.shown:
        # "Cheaper" means cheaper than the product recommended (the one talked about last),
        # of its kind.
        rec = recommended(conv)
        if not merged.category:
            merged.category = rec.category
        merged.max_price = round(rec.price - 0.01, 2)
        merged.cheaper_than = rec
        merged.around = None
        merged.cheap = False
        merged.min_price = None  # going cheaper lifts any lower bound asked for before
    if q.lighter and conv.shown:
        # "有没有更轻一点的": lighter than the product recommended, of its kind.
        rec = recommended(conv)
        merged.category = merged.category or rec.category
        merged.lighter, merged.lighter_than = True, rec
    if q.intent == "compare" and "it" in q.acts and len(merged.refs) == 1 and conv.shown:
        # "这双和第二双比哪个更耐穿": the one discussed and the one named.
        merged.refs = list(dict.fromkeys([_focus_index(conv), *merged.refs]))
    if not merged.refs and conv.shown and _points_at_one(q):
        focus = conv.focus if conv.focus is not None and conv.focus < len(conv.shown) else 0
        merged.refs = [focus]
    return merged


def _field_of_shown(q: Query, conv: Conversation) -> bool:
    """"有别的颜色吗" / "any other colours?" / "what sizes?" / "多少钱" with products shown
    and no policy just answered (its fee is asked then), nothing else wanted (a kind, a
    brand, a size, a budget) and, for other colours, none asked before."""
    if not q.asks_field() or not conv.shown or conv.last_faq is not None:
        return False
    wants = q.category or q.brand or q.size or q.refs or \
        q.min_price is not None or q.max_price is not None
    asked = q.other_color and conv.last_query is not None and conv.last_query.color
    return not wants and not asked


def _on_focus(q: Query, conv: Conversation) -> Query:
    """A question about the product discussed. Its kind is the preference should the plan
    take the question as a new search after all ("is it waterproof?" after down jackets: a
    waterproof jacket before waterproof boots), unless the question names a kind."""
    i = _focus_index(conv)
    kind = None if q.category else conv.shown[i].category
    on = replace(q, follow_up=True, refs=[i], about_focus=True, subject=q.subject or kind)
    return _kept_for_subject(on, conv.last_query) if conv.last_query is not None else on


def _kept_for_subject(q: Query, last: Query) -> Query:
    """A message that keeps the conversation's kind keeps the budget and the size said for
    it, unless it says its own ("预算500以内的跑鞋", then "有没有适合冬天跑步的": still within
    500)."""
    if not q.subject:
        return q
    said = last.min_price is not None or last.max_price is not None
    budget = None if q.states_price() else (
        (last.min_price, last.max_price) if said else last.subject_budget)
    return replace(q, subject_budget=budget,
                   subject_size=None if q.size else last.size or last.subject_size)


def _swapped(q: Query, last: Query) -> Query:
    """"What about for my cat?" after "flea and tick stuff for a 60 lb dog": the need asked
    before, for the kind this message names, which replaces the last one's kind (and the
    words that named it); a constraint it says replaces the last one's. A new search, not a
    follow-up on the products shown. ("What about in large?" names no kind: a follow-up.)"""
    gone = set()
    if q.category and last.category and q.category != last.category:
        # The new kind replaces the last one's path as deep as it goes: "for my cat" after
        # Dog/Flea & Tick replaces Dog and keeps flea and tick; 儿童 after 骑行/头盔 keeps
        # the helmet (kids' helmets), where 儿童/装备 would replace both.
        old = last.category.split("/")
        depth = len(q.category.split("/"))
        gone = {fold(seg) for seg in old[:depth]}
        if depth >= len(old):
            gone.add(fold(last.category_said or ""))

    def kept(word: str) -> bool:
        return fold(word) not in gone

    slots = [sl for sl in last.slots.slots if kept(sl.said)]
    slots += [sl for sl in q.slots.slots if all(fold(sl.said) != fold(o.said) for o in slots)]
    return replace(
        last,
        text=q.text,
        lang=q.lang,
        category=q.category or last.category,
        category_said=q.category_said if q.category else last.category_said,
        category_soft=q.category_soft if q.category else last.category_soft,
        tags=list(dict.fromkeys([t for t in last.tags if kept(t)] + q.tags)),
        slots=Terms(slots),
        terms=[sl.key for sl in slots],
        refs=[],
        pick=None,
        follow_up=False,
        cheaper=False,
        intent="find",
        acts=q.acts,
        # a new kind is no longer the one a kept budget or size was said for
        subject=None if q.category else last.subject,
        subject_budget=None if q.category else last.subject_budget,
        subject_size=None if q.category else last.subject_size,
        brand=q.brand or last.brand,
        size=q.size or last.size,
        color=q.color or last.color,
        min_price=q.min_price if q.min_price is not None else last.min_price,
        max_price=q.max_price if q.max_price is not None else last.max_price,
        in_stock=q.in_stock or last.in_stock,
    )


def _apply_exclusions(merged: Query, q: Query, conv: Conversation) -> None:
    """"别的牌子" leaves out the brand asked for (or, without one, the brands just shown);
    "not black" after "black ones" drops the wish as well as excluding it."""
    if q.other_brand:
        gone = [merged.brand] if merged.brand else [p.brand for p in conv.shown if p.brand]
        merged.exclude_brands += [b for b in gone if b and b not in merged.exclude_brands]
    if q.other_color and merged.color:
        merged.exclude_colors.append(merged.color)
    excluded_b = {fold(b) for b in merged.exclude_brands}
    if merged.brand and fold(merged.brand) in excluded_b:
        merged.brand = None
    if merged.color and any(color_matches([merged.color], c) for c in merged.exclude_colors):
        merged.color = None
    merged.exclude_brands = list(dict.fromkeys(merged.exclude_brands))
    merged.exclude_colors = list(dict.fromkeys(merged.exclude_colors))


def _names_focus(q: Query, conv: Conversation) -> bool:
    """"the pump", "the hook" (the ``definite`` cues before a word) where the word is one of
    the name of the product being discussed: the shopper points at it as with "it"."""
    if not conv.shown:
        return False
    words = cue_words("definite")
    if not words:
        return False
    named = set(plain().terms(recommended(conv).display_name(q.lang)))
    after = re.findall(rf"\b(?:{'|'.join(map(re.escape, words))})\s+([^\W\d_]+)", fold(q.text))
    return any(set(plain().terms(w)) & named for w in after)


_ASKS_OF_IT = frozenset({"asks_measure", "asks_weight", "asks_price", "asks_colors",
                         "asks_sizes", "policy"})


def _variant_of(q: Query, conv: Conversation) -> Query | None:
    """"I like the second one, but with 512 GB of storage" / "第二个不错，但是要黑色的": one
    like the product pointed at, with what is said after the contrast word: a search
    among its kind for those words, not a question about the one pointed at."""
    if len(q.refs) != 1 or not conv.shown or q.intent not in ("find", "locate") or \
            asks(q) or q.topics or q.asks_field() or q.acts & _ASKS_OF_IT:
        return None  # "the first one, but is it waterproof?" asks of the one pointed at
    text = fold(q.text)
    mark = pattern(cue_words("contrast")).search(text)
    after = [s for s in q.slots.slots if mark and text.find(fold(s.said), mark.end()) >= 0]
    if mark is None or not (after or q.color or q.size or q.max_price is not None) or \
            any(is_comparative(s.said) for s in after):
        return None  # "the first one, but longer" compares with it: no words to search
    i = q.refs[0]
    if not -len(conv.shown) <= i < len(conv.shown):
        return None
    asked = replace(q, refs=[], slots=Terms(after), acts=q.acts - {"it", "them"})
    # What the conversation asked before still holds (a budget, a size), for the pointed
    # one's kind.
    base = _merged(asked, conv) if conv.last_query is not None else asked
    return replace(base, refs=[], intent="find", category_soft=False,
                   category=conv.shown[i].category)


def _points_at_one(q: Query) -> bool:
    return "it" in q.acts and "them" not in q.acts and q.intent != "compare"


def _about_focus(q: Query, conv: Conversation,
                 holds: Callable[[Product, Query], bool] | None = None) -> bool:
    """A message that asks something, names no kind of thing, brand or constraint, and does
    not ask for products ("有没有", "any"), asks about the product in focus. A policy topic
    rules it out when the message says nothing else or names a policy ("退货政策是什么？");
    "what size are the openings, what is the mesh hole size?" after a colander reads the
    sizing topic but asks of the colander (the plan asks the store's policies first,
    ``plan._policy_first``). A place outside the store ("附近哪有加油站") is no question
    about the product."""
    # "多重", "几个月能用": a question with no word to search for asks about it too, unless a
    # policy was just answered ("多少钱" after the delivery terms asks its fee).
    if not conv.shown or q.intent not in ("find", "locate") or \
            not (q.slots or (asks(q) and conv.last_faq is None)):
        return False
    constraint = (q.size or q.color or q.min_price is not None or q.max_price is not None
                  or q.cheap or q.cheaper or q.exclude_brands or q.exclude_colors
                  or q.other_brand or q.other_color
                  or quantities(q.text, asked=True))
    if (q.topics and not _novel_terms(q)) or "policy" in q.acts or q.brand or constraint or \
            q.refs or q.pick or q.acts & {"ask_for", "prefer", "problem", "elsewhere"}:
        return False
    if "headless" in q.acts and not asks(q):
        return False  # "索尼的" after headphones: the Sony ones, not a question about one
    focus = recommended(conv)
    if q.category and not q.category_soft:
        # Another kind named is a new search ("键盘有吗" after a monitor), unless the product
        # discussed itself speaks of it and of everything else asked: "键盘没有快捷键嘛?"
        # after a monitor whose text says it has no keyboard shortcut asks about the monitor.
        return len(q.slots.slots) > 1 and holds is not None and holds(focus, q)
    return not (q.category_soft and q.category and q.category not in focus.category)


def asks(q: Query) -> bool:
    """Whether the message holds a question word (the ``asking`` cues: 吗, 几, 多重, what …)."""
    return bool(pattern(cue_words("asking")).search(fold(q.text)))


def _focus_index(conv: Conversation) -> int:
    return conv.focus if conv.focus is not None and conv.focus < len(conv.shown) else 0


def recommended(conv: Conversation) -> Product:
    """The product the conversation is about: the one last talked about, else the top match."""
    if conv.focus is not None and conv.focus < len(conv.shown):
        return conv.shown[conv.focus]
    return conv.shown[0]


def _merge_slots(last: Query, q: Query) -> list:  # type: ignore[type-arg]
    kept = [s for s in last.slots.slots if s.role != "topic"]
    keys = {s.key for s in kept}
    return kept + [s for s in q.slots.slots if s.role != "topic" and s.key not in keys]


def referenced(q: Query, conv: Conversation) -> list[Product]:
    """The shown products a message points at, in the order it names them."""
    out: list[Product] = []
    for i in q.refs:
        if -len(conv.shown) <= i < len(conv.shown):
            p = conv.shown[i]
            if p not in out:
                out.append(p)
    return out


__all__ = ["Conversation", "resolve", "referenced", "is_follow_up", "recommended", "asks"]

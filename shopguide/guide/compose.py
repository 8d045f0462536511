"""Answers composed from the facts alone, in Chinese or English.

Used when no model is loaded, and as the stand-in whenever the model's words fail
verification. Every figure comes from the records passed in, so a composed answer
is grounded by construction. Wording varies with the situation (what was asked,
which constraints, stock, a follow-up) and, among equivalent phrasings, with the
question, so the assistant does not repeat one sentence all day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from shopguide.guide.answer_words import say, say_one
from shopguide.guide.availability import asked_thing
from shopguide.guide.prompt import format_price
from shopguide.text import fold, has_cjk
from shopguide.text.english import stem
from shopguide.guide.query import Query
from shopguide.guide.refs import colors_in, unended
from shopguide.guide.verify import aisle_code
from shopguide.guide.vocab import category_matches
from shopguide.store.models import FaqEntry, Product


def _price(p: Product) -> str:
    return format_price(p.price, p.currency)


def _money(amount: float, currency: str) -> str:
    return format_price(amount, currency)


def _stock(p: Product, lang: str) -> str:
    if p.stock is None:
        return ""
    if p.stock == 0:
        return say("out_of_stock", lang)
    return say("in_stock_n", lang, n=p.stock)


def _where(p: Product, lang: str) -> str:
    if not p.aisle:
        return ""
    # An aisle already written with its word ("Aisle 1", "货架A3") is shown as it is.
    worded = aisle_code(p.aisle) != p.aisle.strip().casefold()
    return say("aisle_worded" if worded else "aisle", lang, aisle=p.aisle)


def product_line(p: Product, lang: str) -> str:
    bits = [_price(p), _where(p, lang), _stock(p, lang)]
    bits = [b for b in bits if b]
    return say("line", lang, name=p.display_name(lang), bits=say("bits", lang).join(bits))


def _brand_in(brand: str, products: Sequence[Product], lang: str) -> str:
    """The brand as the asker's language writes it: an English answer says "Nova", not
    "诺瓦", when every shown product of that brand has an English name starting with one word."""
    if lang != "en" or not _has_cjk(brand):
        return brand
    firsts = {(p.name_en or "").split()[0] for p in products if p.brand == brand and p.name_en}
    return next(iter(firsts)) if len(firsts) == 1 and not _has_cjk(next(iter(firsts))) else brand


def _constraint_words(q: Query, currency: str, lang: str,
                      products: Sequence[Product] = ()) -> str:
    words: list[str] = []
    if q.brand:
        words.append(_brand_in(q.brand, products, lang))
    if q.color:
        words.append(q.color)
    if q.size:
        words.append(say("size", lang, size=q.size))
    lo, hi = q.min_price, q.max_price
    rec = q.cheaper_than
    if isinstance(rec, Product):
        # "Cheaper than the one recommended", never a ceiling the shopper did not say.
        words.append(say("cheaper_than", lang, name=rec.display_name(lang)))
    elif lo is not None or hi is not None:
        words.append(_budget_words(lo, hi, currency, lang))
    if q.in_stock:
        words.append(say("in_stock", lang))
    # Exclusions ("not Nova") are not restated: the cards show they hold, and a name the
    # answer leaves out would be the one word in it that no shown product carries.
    return say("words", lang).join(words)


def _budget_words(lo: float | None, hi: float | None, currency: str, lang: str) -> str:
    """A budget as the answer says it ("up to $40", "¥200–¥500"); one bound at least."""
    if lo is not None and hi is not None:
        return say("price_range", lang, lo=_money(lo, currency), hi=_money(hi, currency))
    if hi is not None:
        return say("up_to", lang, hi=_money(hi, currency))
    return say("from_price", lang, lo=_money(lo or 0.0, currency))


def _what(q: Query, lang: str) -> str:
    """What the shopper is after, in their language: the category, or the words they used
    for it when the store names it in the other language."""
    if q.category:
        leaf = q.category.split("/")[-1]
        if _has_cjk(leaf) == (lang == "zh"):
            # A department named in the singular ("Cat", "Food") is no plural to list
            # ("these Cat:"): its products are.
            return say("products_of", lang, what=leaf) if lang == "en" and \
                not leaf.endswith("s") else leaf
        said = q.category_said
        if said and _has_cjk(said) == (lang == "zh"):
            heads = {stem(fold(s.said)) for s in q.slots.slots if s.head}
            if lang == "en" and (said.endswith("ing") or heads and
                                 stem(fold(said).split()[-1]) not in heads):
                # "swimming" names a pastime: no "swimmings"; "kids" said of "kids bike
                # helmets" is what they are for, not what they are: no "these kids".
                return say("products_of", lang, what=said)
            return said + ("s" if lang == "en" and not said.endswith("s") else "")
    return say("products", lang)


def compose_find(q: Query, products: Sequence[Product], currency: str, lang: str,
                 cheap_ceiling: float | None = None,
                 over: tuple[float | None, float | None] | None = None) -> str:
    """``over``: the budget said earlier that nothing of the kind fitting this turn is within
    (the products shown are over it, and the answer says so)."""
    if q.category and products and not any(category_matches(p.category, q.category)
                                           for p in products):
        q = replace(q, category=None)  # "露营" named, power stations found: not "these 露营"
    what = _what(q, lang)
    cons = _constraint_words(q, currency, lang, products)
    if not products:
        cond = say("find_none_cond", lang, cons=cons) if cons else ""
        return say("find_none", lang, what=what, cond=cond)
    seed = q.text
    if over is not None:
        head = say("find_over_budget", lang, what=what,
                   budget=_budget_words(*over, currency, lang))
    elif q.cheaper:
        head = (say("find_cheaper_than", lang, name=q.cheaper_than.display_name(lang))
                if isinstance(q.cheaper_than, Product) else say("find_cheaper", lang))
    elif q.cheap and cheap_ceiling is not None:
        head = say("find_cheap", lang, what=what, ceiling=_money(cheap_ceiling, currency))
    else:
        # One product is "this one", not "these": 推荐这几款 over a single line read wrong.
        one = "_one" if len(products) == 1 else ""
        head = say_one(f"find_with{one}", lang, seed, what=what, cons=cons) if cons else \
            say_one(f"find_plain{one}", lang, seed, what=what)
    body = say("items", lang).join(product_line(p, lang) for p in products) + say("end", lang)
    tail = ""
    if products[0].stock == 0:
        tail = say("find_first_out_one" if len(products) == 1 else "find_first_out", lang)
    elif len(products) > 1:
        tail = say_one("find_more", lang, seed)
    return head + body + tail


def compose_lacking(q: Query, missing: Product, lacks: Sequence[str],
                    alternatives: Sequence[Product], lang: str) -> str:
    """A question about a feature the product discussed is not listed with, and the products
    of its kind that are."""
    said = say("missing_or", lang).join(lacks)
    head = say("lacks_one", lang, who=missing.display_name(lang), said=said)
    if not alternatives:
        return head
    lines = say("items", lang).join(product_line(p, lang) for p in alternatives)
    return head + say("lacks_others", lang, said=said, what=_what(q, lang) if q.category
                      else say("products", lang), lines=lines)


def compose_missing(q: Query, missing: Sequence[Product], alternatives: Sequence[Product],
                    currency: str, lang: str) -> str:
    """A follow-up asked for a size or colour that what was shown does not come in."""
    want = [w for w in (say("size", lang, size=q.size) if q.size else "", q.color or "") if w]
    said = say("missing_or", lang).join(want)
    what = _what(q, lang) if q.category else say("products", lang)
    head = (say("missing_one", lang, who=missing[0].display_name(lang), said=said)
            if len(missing) == 1 else say("missing_all", lang, said=said))
    if alternatives:
        lines = say("items", lang).join(product_line(p, lang) for p in alternatives)
        return head + say("missing_others", lang, said=said, what=what, lines=lines)
    return head + say("missing_none", lang, said=said, what=what)


def compose_positions(shown: Sequence[Product], lang: str) -> str:
    """A follow-up named a position past the list: the positions there are, by name."""
    n = len(shown)
    if n == 1:
        return say("positions_one", lang, name=shown[0].display_name(lang))
    names = say("items", lang).join(say("position", lang, i=i, name=p.display_name(lang))
                                    for i, p in enumerate(shown, 1))
    return say("positions", lang, n=n, names=names)


def compose_which_product(lang: str) -> str:
    """A question about a product that names none, with none shown: ask which."""
    return say("which_product", lang)


def compose_locate(q: Query, products: Sequence[Product], lang: str) -> str:
    if not products:
        return say("locate_none", lang)
    sentences = []
    for p in products[:3]:
        where = _where(p, lang)
        place = say("locate_in", lang, where=where) if where else say("locate_no_aisle", lang)
        stock = (say("locate_stock_unknown", lang) if p.stock is None else
                 say("locate_stock_out", lang) if p.stock == 0 else
                 say("locate_stock_n", lang, n=p.stock))
        sentences.append(say("locate", lang, name=p.display_name(lang), price=_price(p),
                             place=place, stock=stock) + _variants_asked(q, p, lang))
    return say("space", lang).join(sentences)


def _variants_asked(q: Query, p: Product, lang: str) -> str:
    """"Is it available in king?": the sizes (or colours) it comes in, after where it is; the
    one stock figure cannot say whether that size is on the shelf."""
    made = p.sizes if q.size else colors_in(p, lang) if q.color else []
    if not made:
        return ""
    key = "locate_sizes" if q.size else "locate_colours"
    return say("space", lang) + say(key, lang, names="/".join(made))


def compose_purchase(products: Sequence[Product], lang: str) -> str:
    """The shopper chose these ("I'll take it", "就这款了", "I'll take both"): where and what
    each is, and how to buy them; sold-out ones are said to be so, each on its own."""
    out = []
    on_shelf = [p for p in products if p.stock != 0]
    if on_shelf:
        lines = say("items", lang).join(product_line(p, lang) for p in on_shelf)
        out.append(say("purchase", lang, line=lines))
    out += [say("purchase_sold_out", lang, line=product_line(p, lang))
            for p in products if p.stock == 0]
    return say("space", lang).join(out)


def compose_detail(products: Sequence[Product], lang: str) -> str:
    zh = lang == "zh"
    end, space = say("end", lang), say("space", lang)
    out = []
    for p in products:
        bits = [product_line(p, lang)]
        if p.sizes:
            bits.append(say("sizes", lang) + "/".join(p.sizes))
        if p.colors:
            bits.append(_colours(p, lang))
        desc = p.description_zh if zh and p.description_zh else (
            p.description_en if not zh and p.description_en else p.description)
        out.append(say("bits", lang).join(bits) + end + space
                   + (desc.strip() + space if desc else ""))
    return "".join(out).strip()


def compose_variants(products: Sequence[Product], variants: str, lang: str) -> str:
    """"有别的颜色吗" / "有哪些尺码" / "多少钱" about the products shown: each one (its line
    gives its price) and the colours (``variants`` "colors") or sizes it comes in."""
    def listed(p: Product) -> list[str]:
        if variants == "price":
            return []
        if variants == "sizes":
            return [say("sizes", lang) + "/".join(p.sizes)] if p.sizes else []
        return [_colours(p, lang)] if p.colors else []

    lines = [say("bits", lang).join([product_line(p, lang)] + listed(p)) for p in products]
    return say("items", lang).join(lines) + say("end", lang)


def _colours(p: Product, lang: str) -> str:
    return say("colours", lang) + "/".join(colors_in(p, lang))


def compose_compare(products: Sequence[Product], lang: str) -> str:
    if len(products) < 2:
        return say("compare_too_few", lang)
    parts = [product_line(p, lang) for p in products]
    cheapest = min(products, key=lambda p: p.price)
    text = say("compare_head", lang) + say("items", lang).join(parts) + say("end", lang)
    text += say("compare_cheapest", lang, name=cheapest.display_name(lang))
    shared = set(products[0].tags).intersection(*(set(p.tags) for p in products[1:]))
    for p in products:
        own = [t for t in tags_in(p, lang) if t not in shared][:3]
        if own:
            text += say("compare_own", lang, name=p.display_name(lang),
                        tags=say("words", lang).join(own))
    return text


def compose_faq(f: FaqEntry, lang: str, seed: str) -> str:
    """The store's answer as written; of a bilingual answer (one language per line), the
    lines in the asker's language."""
    lines = [ln.strip() for ln in f.answer.splitlines() if ln.strip()]
    mine = [ln for ln in lines if (_has_cjk(ln) if lang == "zh" else not _has_cjk(ln))]
    chosen = mine if mine and len(mine) < len(lines) else lines
    return ("" if lang == "zh" else " ").join(chosen)


def faq_phrasing(faq: FaqEntry, lang: str) -> str:
    """The FAQ question in ``lang`` when the store wrote an alternate in it, else as written
    (the card's title and the CLI's label for an English asker of a Chinese store)."""
    if lang == "en" and not _is_english(faq.question):
        for alt in faq.alternates:
            if _is_english(alt) and len(alt.split()) >= 3:
                return alt[:1].upper() + alt[1:] + ("" if alt.endswith("?") else "?")
    if lang == "zh" and not _has_cjk(faq.question):
        for alt in faq.alternates:
            if _has_cjk(alt) and len(alt) >= 4:
                return alt + ("" if alt.endswith(("？", "?")) else "？")
    return faq.question


def _is_english(text: str) -> bool:
    return bool(text) and all(ord(ch) < 0x2E80 for ch in text)


def tags_in(p: Product, lang: str) -> list[str]:
    """The product's tags in the asker's language (bilingual stores tag in both: "缓震,
    cushioned"), or all of them when none is."""
    mine = [t for t in p.tags if _has_cjk(t) == (lang == "zh")]
    return mine or list(p.tags)




_has_cjk = has_cjk


def compose_not_found(text: str, lang: str, categories: Sequence[str],
                      named: str = "") -> str | None:
    """"Do you sell golf clubs?" with nothing that fits: say so about that thing, and what the
    store does carry, rather than "I can't help with that". ``named``: the thing, where the
    plan read it otherwise (words no row holds: "耐克吧")."""
    thing = asked_thing(text) or named
    if not thing:
        return None
    mine = [c for c in categories if _has_cjk(c) == (lang == "zh")][:8]
    carry = say("not_found_carry", lang, categories=say("words", lang).join(mine)) if mine else ""
    return say("not_found", lang, thing=thing, carry=carry)


SOCIAL = ("greeting", "thanks", "goodbye", "remark", "identity", "staff")


def compose_social(intent: str, lang: str, store_name: str, seed: str) -> str:
    """Small talk, and the reply to what the store cannot help with (any other intent)."""
    key = intent if intent in SOCIAL else "out_of_scope"
    return say_one(key, lang, seed, store=store_name)


def compose_attribute(p: Product, clause: str | None, question: str, lang: str) -> str:
    """An answer about one product's attribute, from its own words, or saying plainly that
    the catalog does not state it (never a guess), quoting what was asked."""
    name, line = p.display_name(lang), product_line(p, lang)
    if clause:
        return say("attribute", lang, name=name, clause=unended(clause), line=line)
    return say("attribute_unstated", lang, quote=asked_quote(question), name=name, line=line)


QUOTED = 60  # characters of a shopper's question quoted back


def asked_quote(question: str) -> str:
    """The question as quoted back: one line and one sentence (its own sentence marks become
    commas, so the quote stays inside the sentence that says the catalog is silent on it),
    without its closing mark, cut to QUOTED ("...", which ends no sentence before the ”)."""
    text = " ".join(question.split())
    text = re.sub(r"[。！？；…]+", "，", text)
    text = re.sub(r"[!?;]+|\.(?=\s|$)", ",", text).rstrip("，, ")
    return text if len(text) <= QUOTED else text[:QUOTED - 3].rstrip() + "..."

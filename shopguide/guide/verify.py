"""Check what the model wrote against the facts it was given, sentence by sentence.

A sentence survives only if every price, stock figure, in-stock claim, aisle, SKU
and promise (free, discount, guarantee …) in it is backed by the facts. The
engine releases text one verified sentence at a time, so a failing sentence is
never shown.

Reading figures in their many spellings lives in figures.py, stock claims in
verify_stock.py and promises in promises.py; this module says which product each
figure speaks of (the one named nearest before it) and holds the public API.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from shopguide.guide.figures import (aisle_text, aisle_value, aisles, lower, narrow, prices,
                                     to_float)
from shopguide.text.phrases import pattern as cue_pattern
from shopguide.text.resources import cue_words
from shopguide.guide.promises import Backing, check_promises
from shopguide.guide.verify_stock import check_stock, states_stock
from shopguide.guide.vocab import fold
from shopguide.store.models import FaqEntry, Product

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;…])|(?<=[.])(?=\s|$)|\n")
_SKU_SHAPE = re.compile(r"(?<![A-Za-z0-9-])([A-Za-z]{1,6}-?\d{2,}(?:-[A-Za-z0-9]+)*)(?![A-Za-z0-9-])")
_GUARANTEES = ("保证", "承诺", "退款", "guarantee", "promise", "refund")
_RESPECTIVELY = re.compile(r"分别|各自|respectively", re.I)
_COMPARING = re.compile(r"cheaper|less|more expensive|pricier|difference|differ|便宜|贵|差|省|相差", re.I)
# A figure before the name it belongs to: "only 99 for the Trail Runner", "¥299的轻风跑鞋".
_FORWARD = re.compile(r"\s*(?:for|on)\s+(?:the\s+)?|\s*的\s*", re.I)


def split_sentences(text: str, names: Iterable[str] = ()) -> list[str]:
    """Chinese and English sentences; a decimal point (49.99) does not end one, nor does a
    mark inside one of ``names`` (a product called "FELCO No. 9 Pruner" is one name)."""
    inside = [(m.start(), m.end()) for n in names if n and len(n) > 2
              for m in re.finditer(re.escape(n), text)]
    parts, last = [], 0
    for m in _SENTENCE_END.finditer(text):  # as re.split: a newline is dropped, a mark kept
        if any(a < m.start() < b for a, b in inside):
            continue
        parts.append(text[last:m.start()])
        last = m.end()
    parts.append(text[last:])
    return [p for p in parts if p and p.strip()]


@dataclass
class Facts:
    """What an answer may state: the records given to the model, and the user's own budget."""

    products: list[Product] = field(default_factory=list)
    faqs: list[FaqEntry] = field(default_factory=list)
    allowed_amounts: set[float] = field(default_factory=set)
    budget: set[float] = field(default_factory=set)  # the shopper's own amounts
    # What the shopper asked about that the catalog does not state ("usb线有赠送吧"): a
    # sentence may name it to say the catalog is silent ("资料里没有写明…赠送…").
    unsaid: tuple[str, ...] = ()

    @classmethod
    def of(cls, products: Iterable[Product] = (), faqs: Iterable[FaqEntry] = (),
           budget: Iterable[float | None] = ()) -> Facts:
        f = cls(list(products), list(faqs))
        f.allowed_amounts = {round(p.price, 2) for p in f.products}
        f.budget = {round(b, 2) for b in budget if b is not None and b > 0}
        f.allowed_amounts |= f.budget
        for p in f.products:  # the store's own descriptions may name amounts ("under ¥600")
            for text in (p.description, p.description_en, p.description_zh):
                f.allowed_amounts |= _clean(_amounts(text or ""))
        for entry in f.faqs:
            f.allowed_amounts |= _clean(_amounts(entry.answer))
            f.allowed_amounts |= {round(v, 2) for v in _numbers(entry.answer)}
        return f

    def only(self, product: Product | None) -> Facts:
        """The same facts about one product (None: about none, only the policies and the
        shopper's budget), for a sentence that speaks of that product alone."""
        f = Facts([product] if product is not None else [], self.faqs, budget=self.budget,
                  unsaid=self.unsaid)
        f.allowed_amounts = self.amounts_for(product)
        return f

    def amounts_for(self, product: Product | None) -> set[float]:
        """The amounts a figure about ``product`` may state: its price, the policies' and the
        descriptions' amounts and the shopper's budget, but no other product's price."""
        others = {round(p.price, 2) for p in self.products if p is not product}
        keep = {round(product.price, 2)} if product is not None else set()
        return (self.allowed_amounts - others) | keep | self.budget

    def text(self) -> str:
        bits = [e.question + " " + e.answer for e in self.faqs]
        bits += [" ".join((p.name, p.description, " ".join(p.tags))) for p in self.products]
        return fold(" ".join(bits))

    def texts(self) -> list[str]:
        """The given records' own words: the FAQ rows', the products' names, descriptions and tags."""
        texts = [t for e in self.faqs for t in (e.question, e.answer)]
        for p in self.products:
            texts += [p.name, p.name_en or "", p.name_zh or "", p.description,
                      p.description_en or "", p.description_zh or "", *p.tags]
        return texts

    def backing(self) -> Backing:
        """The texts a promise (free, a discount) may be backed by."""
        return Backing.of(self.texts())

    @cached_property
    def codes(self) -> set[str]:
        """Code-shaped words the given facts' own text holds ("B118" a shop unit in the
        opening-hours policy, "R129" a standard in a car seat's description): quoting them
        is no invented SKU."""
        return {fold(m.group(1)) for t in self.texts() for m in _SKU_SHAPE.finditer(t or "")}

    def policy_aisles(self) -> str:
        """The policies' text with aisle ranges spelled one way ("A1–A2" → "a1-a2")."""
        return aisle_text(" ".join(e.answer for e in self.faqs))


def _to_float(s: str) -> float:
    return to_float(s)


def _amounts(text: str) -> list[float]:
    return [f.value for f in prices(text)]


def _clean(values: Iterable[float]) -> set[float]:
    return {round(v, 2) for v in values if v == v}  # NaN is no amount


def _numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"\d+(?:\.\d+)?", narrow(text))]


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    product: Product


def _spans(text: str, facts: Facts) -> list[_Span]:
    """Where each product is named (SKU or any spelling), longest names first, no overlaps."""
    low = lower(text)
    found: list[_Span] = []
    cands = sorted(((lower(n), p) for p in facts.products
                    for n in {p.sku, p.name, p.name_en, p.name_zh} if n),
                   key=lambda x: len(x[0]), reverse=True)
    taken = [False] * len(low)
    for name, p in cands:
        i = low.find(name)
        while i >= 0:
            if not any(taken[i:i + len(name)]):
                found.append(_Span(i, i + len(name), p))
                taken[i:i + len(name)] = [True] * len(name)
            i = low.find(name, i + 1)
    return sorted(found, key=lambda s: s.start)


def _mentioned(sentence: str, facts: Facts) -> list[Product]:
    out: list[Product] = []
    for sp in _spans(sentence, facts):
        if not any(p is sp.product for p in out):
            out.append(sp.product)
    return out


class _Owners:
    """Which product a figure at some position speaks of: the one named nearest before it
    (or right after it, joined by "for"/"的"); with no such name, the only product named;
    else None (any of them). "A and B cost ¥299 and ¥459 respectively" pairs in order."""

    def __init__(self, text: str, spans: list[_Span]) -> None:
        self.text, self.spans = text, spans
        self.named = []
        for sp in spans:
            if not any(p is sp.product for p in self.named):
                self.named.append(sp.product)
        self.in_order = bool(_RESPECTIVELY.search(text)) and len(self.named) > 1

    def of(self, start: int, end: int) -> Product | None:
        for sp in self.spans:
            if sp.start >= end:
                if _FORWARD.fullmatch(self.text[end:sp.start]):
                    return sp.product
                break
        before = [sp for sp in self.spans if sp.end <= start]
        if before and not self.in_order:
            return before[-1].product
        return self.named[0] if len(self.named) == 1 else None

    def pair(self, figures: Sequence[object]) -> list[Product | None] | None:
        """The products of "respectively" figures, in order, when they pair up one to one."""
        if self.in_order and len(figures) == len(self.named):
            return list(self.named)
        return None


def check_sentence(sentence: str, facts: Facts) -> str | None:
    """None when the sentence is grounded, else why not (for logs and tests)."""
    text = narrow(sentence)
    spans = _spans(text, facts)
    owners = _Owners(text, spans)
    named = owners.named
    # A figure inside a product's own name ("Power Bank 9") is not a claim; names are
    # blanked to the same length so positions still point at the same words.
    rest = _blank(text, spans)
    sentence, rest = _unsaid_blanked(sentence, rest, facts)
    return (_check_prices(rest, facts, owners)
            or check_stock(rest, lambda a, b: _candidates(owners.of(a, b), owners, facts))
            or _check_aisles(rest, facts, owners) or _check_skus(rest, facts)
            or _check_promises(sentence, rest, facts, named))


def _candidates(owner: Product | None, owners: _Owners, facts: Facts) -> list[Product]:
    return _twins(owner, facts) if owner is not None else (owners.named or facts.products)


def _names(p: Product) -> set[str]:
    return {lower(n) for n in (p.name, p.name_en, p.name_zh) if n}


def _twins(owner: Product, facts: Facts) -> list[Product]:
    """The owner and every product of the facts with one of its names: two records named
    alike cannot be told apart by their name, so a figure may be either one's."""
    names = _names(owner)
    return [owner] + [p for p in facts.products if p is not owner and names & _names(p)]


def _check_prices(rest: str, facts: Facts, owners: _Owners) -> str | None:
    figs = prices(rest)
    paired = owners.pair(figs)
    comparing = len(owners.named) >= 2 and _COMPARING.search(rest)
    gaps = {round(abs(a.price - b.price), 2) for a in owners.named for b in owners.named}
    for i, fig in enumerate(figs):
        owner = paired[i] if paired else owners.of(fig.start, fig.end)
        if owner is None:
            allowed = facts.allowed_amounts
        else:
            allowed = set().union(*(facts.amounts_for(p) for p in _twins(owner, facts)))
        value = round(fig.value, 2)
        if value in allowed or (comparing and value in gaps):
            continue
        about = f" for {owner.sku}" if owner is not None and len(owners.named) > 1 else ""
        return f"price {fig.text} is not in the facts{about}"
    return None


def _check_aisles(rest: str, facts: Facts, owners: _Owners) -> str | None:
    policies = None
    skus = {aisle_value(p.sku) for p in facts.products}
    for fig in aisles(rest):
        value = aisle_value(fig.text)
        if fig.loose and value in skus:
            continue  # "在SH-2": the product's code, which the SKU check reads
        cands = _candidates(owners.of(fig.start, fig.end), owners, facts)
        known = {aisle_value(p.aisle) for p in cands if p.aisle}
        known |= {aisle_value(aisle_code(p.aisle)) for p in cands if p.aisle}
        if value in known:
            continue
        if policies is None:
            policies = facts.policy_aisles()
        if re.search(rf"(?<![a-z0-9.-]){re.escape(value)}(?![a-z0-9]|[.-][a-z0-9])", policies):
            continue  # the store's own policy text names it ("A1–A2是跑鞋")
        return f"aisle {fig.text} is not in the facts"
    return None


def _check_skus(rest: str, facts: Facts) -> str | None:
    skus = {fold(p.sku) for p in facts.products} | facts.codes
    aisle_names = {fold(p.aisle) for p in facts.products if p.aisle}
    aisle_names |= {aisle_code(a) for a in aisle_names}
    for m in _SKU_SHAPE.finditer(rest):
        token = fold(m.group(1))
        if token not in skus and token not in aisle_names and not _is_size_or_unit(token):
            return f"SKU {m.group(1)} is not in the facts"
    return None


def _unsaid_blanked(sentence: str, rest: str, facts: Facts) -> tuple[str, str]:
    """The shopper's own words (their question, quoted to say the catalog does not answer
    it) are no claims of the answer's: blanked, to the same length, in a sentence that says
    the catalog is silent."""
    if not facts.unsaid or not says_silent(rest):
        return sentence, rest
    for word in facts.unsaid:
        rest, sentence = (re.sub(re.escape(word), lambda m: " " * len(m.group(0)), t,
                                 flags=re.I) for t in (rest, sentence))
    return sentence, rest


def _check_promises(sentence: str, rest: str, facts: Facts, named: list[Product]) -> str | None:
    low = fold(rest)
    facts_text = facts.text()
    for m in cue_pattern(_GUARANTEES).finditer(low):
        word = m.group(0).strip()
        if word not in facts_text:
            return f"promise '{word}' is not in the facts"
    return check_promises(narrow(sentence), rest, facts.backing(), named)


def says_silent(text: str) -> bool:
    """Does the sentence say the catalog is silent on something ("没有写明", "doesn't say";
    the ``unstated`` phrases of resources/lang/cues.csv)?"""
    return bool(_silent_pattern().search(fold(text)))


@lru_cache(maxsize=1)
def _silent_pattern() -> re.Pattern[str]:
    return cue_pattern(cue_words("unstated"))


def mentioned(sentence: str, facts: Facts) -> list[Product]:
    """The facts' products the sentence names (by SKU or any spelling of the name)."""
    return _mentioned(sentence, facts)


def states_figures(sentence: str, facts: Facts) -> bool:
    """Does the sentence state a price, stock figure, stock claim or aisle? (Whether it is
    right is ``check_sentence``'s question.)"""
    rest = _without_names(sentence, facts)
    return bool(prices(rest) or aisles(rest)) or states_stock(rest)


def states_fact(sentence: str, facts: Facts) -> bool:
    """Does the sentence name a product or state one of the facts' figures?"""
    return bool(_mentioned(sentence, facts)) or states_figures(sentence, facts)


def _blank(text: str, spans: Sequence[_Span]) -> str:
    chars = list(text)
    for sp in spans:
        if sp.product.sku and lower(text[sp.start:sp.end]) == lower(sp.product.sku):
            continue  # a SKU is a code the SKU check reads, not a name
        chars[sp.start:sp.end] = " " * (sp.end - sp.start)
    return "".join(chars)


def _without_names(sentence: str, facts: Facts) -> str:
    text = narrow(sentence)
    return _blank(text, _spans(text, facts))


_AISLE_WORD = re.compile(r"^(?:aisle|shelf|section|zone|货架|通道|区域|过道|区)\s*(?:no\.?|#|号)?\s*", re.I)


def aisle_code(value: str) -> str:
    """``Aisle 1`` → ``1``, ``货架A3`` → ``a3``: the part a sentence repeats after its own word."""
    return _AISLE_WORD.sub("", fold(value)).strip()


def _is_size_or_unit(token: str) -> bool:
    return bool(re.fullmatch(r"(?:eu|us|uk|size|no|cm|mm|ml|kg|l|g|w|v|x{0,3}l)-?\d+", token))


@dataclass
class Verdict:
    kept: list[str]
    dropped: list[tuple[str, str]]  # (sentence, reason)

    @property
    def text(self) -> str:
        return _join(self.kept)

    @property
    def grounded(self) -> bool:
        return not self.dropped


def _join(sentences: Sequence[str]) -> str:
    return "".join(sentences).strip()


def _policy_words(sentence: str, facts: Facts) -> bool:
    """A sentence that is a policy's own words, quoted: the store's answer as it wrote it
    (data-formats.md: "shown or restated as it is"), grounded by construction. Product
    descriptions get no such pass: a catalog line may claim what the catalog's own
    fields contradict."""
    said = re.sub(r"\s+", " ", fold(sentence)).strip(" .。")
    if len(said) >= 4 and any(said in re.sub(r"\s+", " ", fold(e.answer)) for e in facts.faqs):
        return True
    # "The store's rule is: gift cards … are available at every register": a lead-in that
    # claims nothing, then the policy's words.
    parts = re.split(r"[:：]", sentence, maxsplit=1)
    return len(parts) == 2 and _policy_words(parts[1], facts) and \
        check_sentence(parts[0], facts) is None


def verify(text: str, facts: Facts) -> Verdict:
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    names = [n for p in facts.products for n in (p.name, p.name_en, p.name_zh) if n]
    for s in split_sentences(text, names):
        why = None if _policy_words(s, facts) else check_sentence(s, facts)
        if why is None:
            kept.append(s)
        else:
            dropped.append((s.strip(), why))
    return Verdict(kept, dropped)

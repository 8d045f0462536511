"""Check what the model wrote against the facts it was given, sentence by sentence.

A sentence survives only if every price, stock figure, in-stock claim, aisle, SKU
and promise (free, discount, guarantee …) in it is backed by the facts. The
engine releases text one verified sentence at a time, so a failing sentence is
never shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from shopguide.guide.lexicon import cue_pattern
from shopguide.guide.vocab import fold
from shopguide.store.models import FaqEntry, Product

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;…])|(?<=[.])(?=\s|$)|\n")
# A figure is read whole, separators and all, so "429.99.5" or "A1.99" is one token
# that matches no fact rather than a true prefix ("429", "A1") that does.
_NUM = r"(\d+(?:[.,]\d+)*)"
_PRICE = [
    re.compile(rf"[¥￥$£€]\s*{_NUM}"),
    re.compile(rf"{_NUM}\s*(?:元|块钱|块|rmb|cny|usd|dollars?|bucks|pounds?|quid|euros?|eur|gbp)",
               re.I),
]
_STOCK_NUM = [
    re.compile(r"(?:库存|还有|还剩|剩|有货|现货)\s*(\d+(?:[.,]\d+)*)\s*(?:件|双|个|台|套|把|只|条|份)?"),
    re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)*)\s*(?:件|双|个|台|套|把|只|条|份)?\s*(?:库存|现货|有货)"),
    re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)*)\s*(?:units?|pieces?|pcs|pairs?|items?)?\s*(?:in stock|left|available|remaining)",
               re.I),
    re.compile(r"(?:stock(?: level)?(?: of| is|:)?|only)\s*(\d+(?:[.,]\d+)*)", re.I),
]
_IN_STOCK = re.compile(r"有货|有现货|有库存|in stock|available now|\bavailable\b", re.I)
_NEGATED = re.compile(r"没有|没找到|未找到|找不到|\bno\b|\bnot\b|n't|\bnone\b", re.I)
_OUT_STOCK = re.compile(r"缺货|无货|没货|卖完|售罄|out of stock|sold out|unavailable", re.I)
_GLUED = r"(?:[.,:/-]?[A-Za-z0-9]+)*"  # "A1.99", "A1-7": more of the same token, read with it
_AISLE = [
    re.compile(r"(?:aisle|shelf|section|货架|通道|区域|过道)\s*(?:no\.?|#|号)?\s*"
               rf"([A-Za-z]{{0,2}}-?\d{{1,3}}[A-Za-z]?{_GLUED})", re.I),
    re.compile(rf"(?<![A-Za-z0-9.,:/-])([A-Za-z]{{1,2}}-?\d{{1,3}}[A-Za-z]?{_GLUED})\s*(?:号)?\s*"
               r"(?:货架|通道|区|过道)"),
]
_SKU_SHAPE = re.compile(r"(?<![A-Za-z0-9-])([A-Za-z]{1,6}-?\d{2,}(?:-[A-Za-z0-9]+)*)(?![A-Za-z0-9-])")
_PROMISES = ("免费", "白送", "赠送", "送给", "打折", "折扣", "半价", "优惠", "包邮", "保证", "承诺",
             "退款", "free", "discount", "half price", "half-price", "guarantee",
             "promise", "refund", "giveaway", "complimentary", "coupon", "voucher", "bogo",
             "buy one get one")


_PERCENT_OFF = re.compile(r"\d\s*%\s*off|\d+\s*折|减\s*\d+")


def split_sentences(text: str) -> list[str]:
    """Chinese and English sentences; a decimal point (49.99) does not end one."""
    parts = _SENTENCE_END.split(text)
    return [p for p in parts if p and p.strip()]


@dataclass
class Facts:
    """What an answer may state: the records given to the model, and the user's own budget."""

    products: list[Product] = field(default_factory=list)
    faqs: list[FaqEntry] = field(default_factory=list)
    allowed_amounts: set[float] = field(default_factory=set)
    budget: set[float] = field(default_factory=set)  # the shopper's own amounts

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
        others = {round(p.price, 2) for p in self.products if p is not product}
        keep = {round(product.price, 2)} if product is not None else set()
        f = Facts([product] if product is not None else [], self.faqs, budget=self.budget)
        f.allowed_amounts = (self.allowed_amounts - others) | keep | self.budget
        return f

    def text(self) -> str:
        bits = [e.question + " " + e.answer for e in self.faqs]
        bits += [" ".join((p.name, p.description, " ".join(p.tags))) for p in self.products]
        return fold(" ".join(bits))


def _to_float(s: str) -> float:
    """A written amount; NaN (equal to no fact) for a garbled one such as ``429.99.5``."""
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d+([.,]\d+)?", s):
        return float(s.replace(",", "."))
    return float("nan")


def _amounts(text: str) -> list[float]:
    out = []
    for pat in _PRICE:
        out += [_to_float(m.group(1)) for m in pat.finditer(text)]
    return out


def _clean(values: Iterable[float]) -> set[float]:
    return {round(v, 2) for v in values if v == v}  # NaN is no amount


def _numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text)]


def _mentioned(sentence: str, facts: Facts) -> list[Product]:
    low = fold(sentence)
    out = []
    for p in facts.products:
        names = [n for n in (p.sku, p.name, p.name_en, p.name_zh) if n]
        if any(fold(n) in low for n in names):
            out.append(p)
    return out


def check_sentence(sentence: str, facts: Facts) -> str | None:
    """None when the sentence is grounded, else why not (for logs and tests)."""
    named = _mentioned(sentence, facts) or facts.products
    # A figure inside a product's own name ("Power Bank 9") is not a claim.
    sentence = _without_names(sentence, facts)
    for pat in _PRICE:
        for m in pat.finditer(sentence):
            if round(_to_float(m.group(1)), 2) not in facts.allowed_amounts:
                return f"price {m.group(1)} is not in the facts"
    stocks = {p.stock for p in named if p.stock is not None}
    for pat in _STOCK_NUM:
        for m in pat.finditer(sentence):
            if not m.group(1).isdigit() or int(m.group(1)) not in stocks:
                return f"stock figure {m.group(1)} is not in the facts"
    if _IN_STOCK.search(sentence) and not _OUT_STOCK.search(sentence):
        if named and all(p.stock == 0 for p in named):
            return "claims in stock, but the facts say out of stock"
        if not named and not _NEGATED.search(sentence):
            return "claims in stock with no product in the facts"
    if _OUT_STOCK.search(sentence):
        if named and all(p.stock not in (0,) for p in named):
            return "claims out of stock, but the facts say otherwise"
    aisles = {fold(p.aisle) for p in facts.products if p.aisle}
    aisles |= {aisle_code(a) for a in aisles}
    for pat in _AISLE:
        for m in pat.finditer(sentence):
            if fold(m.group(1)) not in aisles:
                return f"aisle {m.group(1)} is not in the facts"
    skus = {fold(p.sku) for p in facts.products}
    for m in _SKU_SHAPE.finditer(sentence):
        token = fold(m.group(1))
        if token not in skus and token not in aisles and not _is_size_or_unit(token):
            return f"SKU {m.group(1)} is not in the facts"
    low = fold(sentence)
    facts_text = facts.text()
    if _PERCENT_OFF.search(low) and not _PERCENT_OFF.search(facts_text):
        return "a discount is not in the facts"
    for m in cue_pattern(_PROMISES).finditer(low):
        word = m.group(0).strip()
        if word not in facts_text:
            return f"promise '{word}' is not in the facts"
    return None


def mentioned(sentence: str, facts: Facts) -> list[Product]:
    """The facts' products the sentence names (by SKU or any spelling of the name)."""
    return _mentioned(sentence, facts)


def states_figures(sentence: str, facts: Facts) -> bool:
    """Does the sentence state a price, stock figure, stock claim or aisle? (Whether it is
    right is ``check_sentence``'s question.)"""
    rest = _without_names(sentence, facts)
    return bool(_IN_STOCK.search(rest) or _OUT_STOCK.search(rest)) or any(
        p.search(rest) for p in (*_PRICE, *_STOCK_NUM, *_AISLE))


def states_fact(sentence: str, facts: Facts) -> bool:
    """Does the sentence name a product or state one of the facts' figures?"""
    return bool(_mentioned(sentence, facts)) or states_figures(sentence, facts)


def _without_names(sentence: str, facts: Facts) -> str:
    out = sentence
    for p in facts.products:
        for n in sorted({x for x in (p.name, p.name_en, p.name_zh) if x}, key=len, reverse=True):
            if n in out:
                out = out.replace(n, " ")
    return out


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


def verify(text: str, facts: Facts) -> Verdict:
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for s in split_sentences(text):
        why = check_sentence(s, facts)
        if why is None:
            kept.append(s)
        else:
            dropped.append((s.strip(), why))
    return Verdict(kept, dropped)

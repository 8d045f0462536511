"""Reference tags: the facts of one answer, each behind a tag the model writes instead of the
fact (delexicalised generation, as in the MultiWOZ baselines' ``[restaurant_name]``).

The prompt shows every fact after its tag::

    [P1] 云跃缓震跑鞋 [P1.price] ¥459 [P1.stock] 12 [P1.aisle] A1 [P1.t1] 扁平足 [P1.d1] 中底内侧…
    [F1] 退货政策是什么？ [F1.c1] 购物后30天内凭小票可退货 [F1.c2] 商品需未使用

and the model answers with tags ("推荐[P1]，[P1.d1]，售价[P1.price]。"); ``References.fill``
puts the facts' own text in their place. Each tag is one token of the model's vocabulary,
and a tag that refers to no fact of the prompt is masked at decoding, so the model cannot
write a name, price, stock figure, aisle or policy clause that is not the store's.

Scheme: products P1…P5 (in the order given: the best match first) with the name (``[Pk]``,
in the asker's language), ``brand``, ``price``, ``stock`` (a count), ``aisle``, ``sizes``,
``colors``, tags ``t1``…``t4`` and description sentences ``d1``…``d4`` (the asker's language
first; those that share a word with the question before the rest, so the sentence that
answers a need is in the prompt however far down the description it stands, and comes
first); FAQ rows F1, F2 with the question (``[Fk]``) and answer sentences ``c1``…``c6``;
the customer being served, ``[C]`` (their name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from shopguide.store.models import Customer, FaqEntry, Product
from shopguide.text import fold, has_cjk, plain
from shopguide.text import resources
from shopguide.text.resources import cue_words

# The prompt format of a model that answers with these tags (its card's ``prompt_format``).
# v2: a question about the product discussed carries a ``Stated:`` line (guide/prompt.py).
TAGGED_FORMAT = "tagged-v2"
# The forms whose models were taught that line: any other (tagged-v1, a card that does not
# say) is never given one it did not see.
STATED_FORMATS = frozenset({"tagged-v2"})
MAX_PRODUCTS = 5
MAX_FAQS = 2
PRODUCT_TAGS = 4  # t1…t4
PRODUCT_CLAUSES = 4  # d1…d4
FAQ_CLAUSES = 6  # c1…c6
PRODUCT_FIELDS = ("brand", "price", "stock", "aisle", "sizes", "colors",
                  *(f"t{i}" for i in range(1, PRODUCT_TAGS + 1)),
                  *(f"d{i}" for i in range(1, PRODUCT_CLAUSES + 1)))
CUSTOMER = "[C]"
TAG = re.compile(r"\[(?:P[1-5](?:\.[a-z0-9]+)?|F[12](?:\.c[1-6])?|C)\]")
_STATED = re.compile(rf"({TAG.pattern}) ([^\[\n]*)")


def stated(prompt_text: str) -> dict[str, str]:
    """Tag → the fact's text as a rendered prompt states it ("[P1.price] ¥599" → "¥599"; a
    name, up to its first fact): what decoding reads back from the prompt."""
    return {m.group(1): m.group(2).strip() for m in _STATED.finditer(prompt_text)}
_CLAUSE_FIELD = re.compile(r"\[(?:P\d\.d\d|F\d\.c\d)\]")
_END_MARKS = "。.！!？?；;"
_JOINS = _END_MARKS + "，,、"
_LAST_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]+) $")
_SENTENCE = re.compile(r"(?<=[。；;！!？?])|(?<=\.)\s+|\n+")

_SYMBOLS = {"CNY": "¥", "RMB": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def format_price(amount: float, currency: str) -> str:
    """``¥459``, ``$49.99``: whole amounts lose their ``.00``."""
    text = f"{amount:.2f}"
    if text.endswith(".00"):
        text = text[:-3]
    symbol = _SYMBOLS.get(currency.upper())
    return f"{symbol}{text}" if symbol else f"{text} {currency.upper()}"


@lru_cache(maxsize=1)
def all_tags() -> tuple[str, ...]:
    """Every tag the scheme has: one vocabulary token each."""
    out = [CUSTOMER]
    for k in range(1, MAX_PRODUCTS + 1):
        out.append(f"[P{k}]")
        out += [f"[P{k}.{f}]" for f in PRODUCT_FIELDS]
    for k in range(1, MAX_FAQS + 1):
        out.append(f"[F{k}]")
        out += [f"[F{k}.c{i}]" for i in range(1, FAQ_CLAUSES + 1)]
    return tuple(out)


def sentences(text: str) -> list[str]:
    """A description or an answer as sentences, end marks kept, each once."""
    out: list[str] = []
    for part in _SENTENCE.split(text or ""):
        part = part.strip()
        if part and part not in out:
            out.append(part)
    return out


def in_language(texts: Sequence[str], lang: str) -> list[str]:
    """Those in the asker's language first, the rest after (bilingual catalogs)."""
    mine = [t for t in texts if t and has_cjk(t) == (lang == "zh")]
    return mine + [t for t in texts if t and t not in mine]


def policy_text(answer: str, lang: str) -> str:
    """The part of a bilingual FAQ answer (one language per line) in the asker's language."""
    lines = [ln.strip() for ln in answer.splitlines() if ln.strip()]
    if len(lines) < 2:
        return answer.strip()
    mine = [ln for ln in lines if has_cjk(ln) == (lang == "zh")]
    return " ".join(mine) if mine else " ".join(lines)


def unended(text: str) -> str:
    """A clause without the marks that ended it in its sentence ("怀孕也可以用；" → "怀孕也可以用"),
    for a sentence of its own to end it."""
    return text.strip().rstrip("。.；;！!")


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def opens_with_common_word(text: str) -> bool:
    """Whether a clause's capital is only the sentence's ("Warm for everyday use"), so it may
    go lower-case mid-sentence, and not a name's ("Paws & Petals Rewards is free", "Hill's
    Science Diet …": its next word is capitalised too; "FURminator", "iPhone": not one
    capital followed by small letters)."""
    words = _WORD.findall(text[:60])
    if len(words) > 1 and fold(words[0]) in cue_words("article") and words[1][:1].islower():
        return True  # "A classic stainless kettle": an article before a common word
    if not words or not (words[0][:1].isupper() and words[0][1:2].islower()):
        return False
    # A name's next word is title-case too ("Petals"); an acronym ("Free UK delivery") is not.
    return len(words) < 2 or not (words[1][:1].isupper() and words[1][1:2].islower())


@lru_cache(maxsize=1)
def _echoes() -> frozenset[str]:
    return frozenset(fold(w) for w in cue_words("echo"))


@lru_cache(maxsize=1)
def _aisle_echoes() -> tuple[str, ...]:
    """The ``echo`` words an aisle's frame says ("aisle", "货架"), longest first."""
    return tuple(sorted(_echoes() & {fold(w) for w in cue_words("frame_aisle")}, key=len,
                        reverse=True))


def _without_frame_word(aisle: str | None) -> str | None:
    """An aisle without a word the aisle's frame says ("Aisle 1" → "1", "A3货架" → "A3"):
    the ``echo`` cues that are ``frame_aisle`` cues too."""
    if not aisle:
        return aisle
    value = " ".join(aisle.split())
    for word in _aisle_echoes():
        head, _, rest = value.partition(" ")
        if not has_cjk(word) and rest and fold(head) == word:
            return rest
        if has_cjk(word) and value.endswith(word) and len(value) > len(word):
            return value[:-len(word)].strip()
    return value


def _echo_dropped(out: list[str], value: str, raw: str, pos: int) -> tuple[list[str], int]:
    """The frame's word that the fact says again, left out: "in aisle [P1.aisle]" of "Aisle 9"
    reads "in Aisle 9", "about the [P1]" of "The Shave Well Company …" "about The Shave Well
    Company …", "在[P1.aisle]货架" of "A3货架" "在A3货架". Only the words the training answers
    put around facts (``echo`` cues): "get [P4]" of "Get Set Kettle" keeps its verb."""
    text = "".join(out)
    echoes = _echoes()
    last = _LAST_WORD.search(text)
    first = value.split(maxsplit=1)
    word = fold(last.group(1)) if last else None
    if word in echoes and len(first) > 1 and fold(first[0]) == word:
        text = text[:last.start()]
    tail = next((len(w) for w in echoes if has_cjk(w) and value.endswith(w)
                 and raw.startswith(w, pos)), 0)
    return [text], pos + tail


@dataclass
class References:
    """Tag → the fact's own text, for one prompt; ``shown``: the text an answer shows for a
    tag where it differs from what the prompt states (a colour in the asker's language)."""

    values: dict[str, str] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)

    def add(self, tag: str, value: str | None, shown: str | None = None) -> None:
        if value is not None and str(value).strip():
            self.values[tag] = " ".join(str(value).split())
            if shown and shown != self.values[tag]:
                self.shown[tag] = shown

    def fill(self, raw: str, as_shown: bool = True) -> str:
        """The text with every tag replaced by its fact (a tag with no fact is dropped; with
        ``as_shown``, as an answer shows it: ``shown`` first). A
        clause put mid-sentence in English starts lower-case ("and [P1.d2]" → "and warm for
        everyday use"); a mark right after a clause that already ends with one is not added
        ("可退货。，" reads "可退货。"); in English a fact right after a mark gets the space
        a writer would put there."""
        out: list[str] = []
        pos = 0
        for m in TAG.finditer(raw):
            out.append(raw[pos:m.start()])
            value = (as_shown and self.shown.get(m.group(0))) or self.values.get(m.group(0), "")
            pos = m.end()
            if value:
                out, pos = _echo_dropped(out, value, raw, pos)
            before = "".join(out).rstrip()
            if (value and _CLAUSE_FIELD.fullmatch(m.group(0)) and before
                    and before[-1] not in "。.！!？?" and opens_with_common_word(value)):
                value = value[0].lower() + value[1:]
            if value and before and before[-1] in ".;:!?," and before == "".join(out) and (
                    value[0].isascii() and (value[0].isalnum() or value[0] in "$€£")):
                out.append(" ")  # "8 pm.[F1.c2]" → "8 pm. The garden…": English needs a space
            out.append(value)
            if value and value[-1] in _END_MARKS and raw[pos:pos + 1] and raw[pos] in _JOINS:
                pos += 1
        out.append(raw[pos:])
        return "".join(out)

    def lines(self, products: int, faqs: int, customer_line: str | None) -> list[str]:
        out = []
        for k in range(1, products + 1):
            head = f"[P{k}]"
            bits = [f"{head} {self.values[head]}"]
            bits += [f"[P{k}.{f}] {self.values[f'[P{k}.{f}]']}" for f in PRODUCT_FIELDS
                     if f"[P{k}.{f}]" in self.values]
            out.append(" ".join(bits))
        for k in range(1, faqs + 1):
            head = f"[F{k}]"
            bits = [f"{head} {self.values[head]}"]
            bits += [f"[F{k}.c{i}] {self.values[f'[F{k}.c{i}]']}" for i in range(1, FAQ_CLAUSES + 1)
                     if f"[F{k}.c{i}]" in self.values]
            out.append(" ".join(bits))
        if customer_line:
            out.append(f"{CUSTOMER} {customer_line}")
        return out


def focus_words(question: str) -> frozenset[str]:
    """The question's content words (stems in English), that a product's sentences and tags
    are ordered by."""
    return frozenset(plain().terms(question))


def relevance(text: str, focus: frozenset[str]) -> int:
    """How many of the focus words a sentence or tag says. A Chinese word is looked for in
    the text as well as among its words: the question and the sentence may be cut into words
    differently (扁平足 / 扁平 足) when the segmenter does not know the store's words."""
    if not focus:
        return 0
    keys = set(plain().keys(text))
    folded = fold(text)
    return sum(1 for w in focus if w in keys or (len(w) > 1 and has_cjk(w) and w in folded))


def by_relevance(texts: Sequence[str], focus: frozenset[str]) -> list[str]:
    """The texts that say more of the focus words first; the rest in their own order."""
    scores = [relevance(t, focus) for t in texts]
    return [t for _, _, t in sorted(zip((-s for s in scores), range(len(texts)), texts))]


def product_refs(refs: References, k: int, p: Product, lang: str,
                 focus: frozenset[str] = frozenset()) -> None:
    tag = f"[P{k}]"
    refs.add(tag, p.display_name(lang))
    refs.add(f"[P{k}.brand]", p.brand)
    refs.add(f"[P{k}.price]", format_price(p.price, p.currency))
    refs.add(f"[P{k}.stock]", str(p.stock) if p.stock is not None else None)
    # The prompt states an aisle as the training stores had it ("B-13"), without the word its
    # frame puts around it ("Aisle 1", "A3货架": the model wrote "Yes, the [P1]." to "where
    # is…"); the answer shows the catalog's own ("in Aisle 1", ``_echo_dropped``).
    refs.add(f"[P{k}.aisle]", _without_frame_word(p.aisle), p.aisle)
    refs.add(f"[P{k}.sizes]", "/".join(p.sizes) if p.sizes else None)
    # The prompt states the catalog's colours (as the model was trained); the answer shows
    # them in the asker's language ("comes in black/white", not "comes in 黑色/白色").
    refs.add(f"[P{k}.colors]", "/".join(p.colors) if p.colors else None,
             "/".join(colors_in(p, lang)))
    for i, t in enumerate(by_relevance(in_language(list(p.tags), lang), focus)[:PRODUCT_TAGS], 1):
        refs.add(f"[P{k}.t{i}]", t)
    desc = in_language([p.description_zh or "", p.description_en or "", p.description or ""],
                       lang)
    clauses: list[str] = []
    for d in desc:
        clauses += [c for c in (unended(s) for s in sentences(d)) if c and c not in clauses]
    for i, c in enumerate(by_relevance(clauses, focus)[:PRODUCT_CLAUSES], 1):
        refs.add(f"[P{k}.d{i}]", c)


def colors_in(p: Product, lang: str) -> list[str]:
    """Colours as the asker says them: the store's own word when it is in their language,
    else the common name of that colour (黑色 → black, navy → 藏青)."""
    out = []
    for c in p.colors:
        canon = next((k for k, words in resources.colors().items() if fold(c) in words), None)
        if canon and has_cjk(c) != (lang == "zh"):
            c = next((w for w in resources.colors()[canon] if has_cjk(w)), c) if lang == "zh" \
                else canon
        out.append(c)
    return out


def faq_refs(refs: References, k: int, f: FaqEntry, lang: str) -> None:
    refs.add(f"[F{k}]", f.question)
    for i, c in enumerate(sentences(policy_text(f.answer, lang))[:FAQ_CLAUSES], 1):
        refs.add(f"[F{k}.c{i}]", c)


def references(products: Sequence[Product], faqs: Sequence[FaqEntry],
               customer: Customer | None, lang: str,
               focus: frozenset[str] = frozenset()) -> References:
    refs = References()
    for k, p in enumerate(products[:MAX_PRODUCTS], 1):
        product_refs(refs, k, p, lang, focus)
    for k, f in enumerate(faqs[:MAX_FAQS], 1):
        faq_refs(refs, k, f, lang)
    if customer is not None:
        refs.add(CUSTOMER, customer.name)
    return refs

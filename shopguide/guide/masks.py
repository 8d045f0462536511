"""What decoding may write for one prompt: the masks a tagged model's answer is decoded under.

Every tag that points at no fact of this prompt, every token holding a digit (a figure comes
from a reference only), the other language's script in the model's own words, a fact once
used, other products' facts after a product's name, the order in which a product answer and a
policy's quote may go (gates and switches), what may follow a space, and the tags that would
say nothing (a feature the product's name already says) or answer another question than the
one asked. ``decoding_masks`` gathers them as the keyword arguments of ``LoadedModel.stream``;
``guide/tagged_answer.py`` writes the answer under them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np

from shopguide.guide.pair_guard import PairGuard
from shopguide.guide.question_gates import name_gates, need_gates, pick_gates
from shopguide.guide.refs import MAX_PRODUCTS, all_tags, stated
from shopguide.guide.sentence_checks import ZERO_STOCK, sold_out
from shopguide.text import fold, has_cjk, plain
from shopguide.text.english import opens_as_predicate, reads_as_predicate

_DIGIT = re.compile(r"[0-9０-９]")
_POLICY_CLAUSE = re.compile(r"\[F1\.c\d\]")
_OWN_TEXT_TAG = re.compile(r"\[P\d\.[td]\d\]")  # a product's sentence or tag
# What an English answer does not quote in Chinese: a product's sentences, tags and the words
# of its colours and sizes ("comes in 黑色/白色" tells an English shopper nothing).
_WORDED_TAG = re.compile(r"\[P\d\.(?:[td]\d|colors|sizes)\]")

_TAG_IDS: WeakKeyDictionary[Any, dict[str, int] | None] = WeakKeyDictionary()

_DIGIT_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()

_NOT_EN_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()

_NOT_ZH_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()

_NEWLINE_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
_CONTROL_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()

_SPACE_START_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()

_SPACE_END_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()

_SPACE_ONLY_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
_SPACES_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()

_NOT_TAG_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()

_WORD_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
_FOLLOWERS: WeakKeyDictionary[Any, dict[int, np.ndarray]] = WeakKeyDictionary()

_LATIN = re.compile(rb"[A-Za-z]")


def tag_ids(model: Any) -> dict[str, int] | None:
    """Tag → token id when ``model`` was trained to answer with tags (each tag one token of
    its vocabulary), else None: an older model, a stand-in, a model without a tokenizer."""
    try:
        return _TAG_IDS[model]
    except (KeyError, TypeError):
        pass
    found: dict[str, int] | None = {}
    encode = getattr(model, "encode", None)
    try:
        for tag in all_tags():
            ids = encode(tag) if callable(encode) else []
            if len(ids) != 1:
                found = None
                break
            found[tag] = ids[0]  # type: ignore[index]
    except Exception:  # noqa: BLE001 - a model that cannot encode is simply not tagged
        found = None
    try:
        _TAG_IDS[model] = found
    except TypeError:
        pass
    return found


def _vocab_ids(model: Any, cache: WeakKeyDictionary, bad: Callable[[bytes], bool]) -> tuple[int, ...]:
    """Every token of the vocabulary (the tags excepted) whose bytes ``bad`` refuses."""
    try:
        return cache[model]
    except KeyError:
        pass
    token_bytes = getattr(model.tokenizer, "token_bytes", None)
    tags = set((tag_ids(model) or {}).values())
    out: list[int] = []
    for i in range(int(model.vocab_size)):
        if i in tags:
            continue
        raw = token_bytes(i) if token_bytes else model.decode([i]).encode("utf-8")
        if bad(raw):
            out.append(i)
    cache[model] = tuple(out)
    return cache[model]


def is_digit(ch: str) -> bool:
    """A digit, ASCII or full-width: never written by the model, whole or byte by byte."""
    return bool(_DIGIT.fullmatch(ch))


def digit_ids(model: Any) -> tuple[int, ...]:
    """Tokens holding a digit (ASCII or full-width): a figure comes from a reference only."""
    return _vocab_ids(model, _DIGIT_IDS,
                      lambda raw: bool(_DIGIT.search(raw.decode("utf-8", "replace"))))


def control_ids(model: Any) -> tuple[int, ...]:
    """Tokens holding a control character other than a line break ("\x1d"): never text."""
    return _vocab_ids(model, _CONTROL_IDS, lambda raw: any(
        b < 0x20 and b != 0x0A for b in raw))


def end_ids(model: Any) -> tuple[int, ...]:
    """Tokens that end an answer: end-of-text, and any holding a line break (the prompt's
    next "Q:" line; a stop string ends the stream there)."""
    return tuple(getattr(model, "eos_ids", ())) + _vocab_ids(
        model, _NEWLINE_IDS, lambda raw: b"\n" in raw)


def other_script_ids(model: Any, lang: str) -> tuple[int, ...]:
    """Tokens the model's own words may not hold in an answer in ``lang``: any non-ASCII
    byte in English (a Chinese frame, "。"), a Latin letter in Chinese. The facts may be in
    either language (a bilingual catalog); they come through references."""
    if lang == "en":
        return _vocab_ids(model, _NOT_EN_IDS, lambda raw: any(b >= 0x80 for b in raw))
    return _vocab_ids(model, _NOT_ZH_IDS, lambda raw: bool(_LATIN.search(raw)))


def space_ids(model: Any) -> tuple[int, ...]:
    """Tokens of spaces alone, no line break (a line break ends the answer)."""
    return _vocab_ids(model, _SPACES_IDS, lambda raw: bool(raw) and set(raw) == {0x20})


def space_followers(model: Any) -> dict[int, np.ndarray]:
    """What may not come right after a token that ends with a space. An answer is one line
    with single spaces (``prompt._one_line``), so no word's leading space follows it; and a
    lone space is the space before a reference (a tag is a token of its own, so the space
    before it stays apart: 99% of them in the corpus), so only a reference follows that one.
    A small model that writes " " and then " short" or "'m" has lost its way ("  short, [P1]
    has …", "[P1]: 'm afraid"); and one whose reference is masked (a fact before a name)
    wrote " ; ; ; ;" when marks were all that was left. (When every reference is masked
    too, decoding lifts this mask: ``TokenChooser.choose``.) Made once per model, as arrays:
    the lists are long and decoding masks one of them at nearly every token."""
    try:
        return _FOLLOWERS[model]
    except (KeyError, TypeError):
        pass
    spaced = np.array(_vocab_ids(model, _SPACE_START_IDS, lambda raw: raw[:1].isspace()),
                      dtype=np.int64)
    not_tags = np.array(_vocab_ids(model, _NOT_TAG_IDS, lambda raw: True), dtype=np.int64)
    lone = set(_vocab_ids(model, _SPACE_ONLY_IDS, lambda raw: bool(raw) and raw.isspace()))
    out = {i: not_tags if i in lone else spaced
           for i in _vocab_ids(model, _SPACE_END_IDS, lambda raw: raw[-1:].isspace())}
    try:
        _FOLLOWERS[model] = out
    except TypeError:
        pass
    return out


def once_ids(model: Any, names_again: bool = False) -> list[int]:
    """Tags an answer says at most once ("主打夜用，主打夜用，…" is a loop; so is "[P1]:
    [P1]: …"): every fact, and a product's name unless ``names_again`` (a comparison
    names its pick a second time). The customer's name is not limited."""
    return [i for tag, i in (tag_ids(model) or {}).items()
            if "." in tag or tag.startswith("[P") and not names_again]


def subject_switches(model: Any) -> dict[int, list[int]]:
    """Once a product's name is written, the other products' facts are masked until their
    own name is: "[P1] … [P2.price]" would give one product another's price."""
    tags = tag_ids(model) or {}
    out: dict[int, list[int]] = {}
    for k in range(1, MAX_PRODUCTS + 1):
        name = tags.get(f"[P{k}]")
        if name is not None:
            out[name] = [i for t, i in tags.items()
                         if t.startswith("[P") and "." in t and not t.startswith(f"[P{k}.")]
    return out


def compare_gates(model: Any, tags: dict[str, int], prompt_text: str
                  ) -> list[tuple[list[int], list[int]]]:
    """A comparison names both sides: the end of the answer is held until the first two
    products' names are written (the small model stopped after one: "The [P1] comes in
    [P1.colors]." to "compare KT-101 and KT-103")."""
    names = [tags[t] for t in ("[P1]", "[P2]") if t in tags and t in prompt_text]
    if len(names) < 2:
        return []
    end = list(end_ids(model))
    return [(end, [name]) for name in names]


def decoding_masks(model: Any, prompt_text: str, lang: str | None = None,
                   comparison: bool = False, product: bool = False,
                   policy: bool = False, ranked: bool = False,
                   owed_field: str | None = None) -> dict[str, Any]:
    """Everything decoding is told for one prompt (keyword arguments of ``stream``).
    ``product``: the answer must speak of a product (``product_gates``); ``policy``: it
    quotes the policy whole (``policy_gates``); ``ranked``: the products' order is itself
    the answer (the cheapest first, a budget's pick), so no other is named first
    (``name_gates`` are not used); ``owed_field``: see ``banned_ids``."""
    gates = product_gates(model) if product else policy_gates(model, prompt_text) if policy \
        else []
    banned = banned_ids(model, prompt_text, lang, owed_field)
    if not policy:
        tags = tag_ids(model) or {}
        first = compare_gates(model, tags, prompt_text) if comparison else pick_gates(
            tags, prompt_text) or ([] if ranked else name_gates(tags, prompt_text))
        gates = gates + need_gates(tags, prompt_text, set(banned)) + first
    switches = {**subject_switches(model), **(quote_switches(model, prompt_text) if policy else {})}
    return {"banned": banned, "once": once_ids(model, comparison),
            "switches": switches, "references": list((tag_ids(model) or {}).values()),
            "gates": gates, "followers": space_followers(model),
            "guard": PairGuard.of(model, plain=no_predicates(model, prompt_text, lang)),
            "whole_chars": is_digit}


_SENTENCE = re.compile(r"\[P\d\.d\d\]")


def no_predicates(model: Any, prompt_text: str, lang: str | None) -> list[int]:
    """The ids of this prompt's description sentences that do not read as a predicate in an
    English answer (``english.opens_as_predicate``): where one is due ("… is $52.99 and …",
    ``PairGuard.plain``) they are masked, as the noun keywords are everywhere."""
    return _unread_english(model, prompt_text, lang, _SENTENCE, opens_as_predicate)


_KEYWORD = re.compile(r"\[P\d\.t\d\]")


def nominal_keywords(model: Any, prompt_text: str, lang: str | None,
                     owed: str | None = None) -> list[int]:
    """The ids of this prompt's keyword tags that an English answer does not write: those
    that do not read as what the thing is like (``english.reads_as_predicate``: "durable"
    does; "chewers", "shedding", "all life stages" do not). Two thirds of the corpus's
    English frames for a keyword predicate it ("[P1.price] and [P1.t1]", "it's [P1.t1]",
    "its strong point is being [P1.t1]"), and the model cannot tell a noun from an adjective
    behind a tag: it wrote "… and it's chewers." and "… at $39.99 is shedding.". Without
    them it cites the description's sentence ("… cuts shedding dramatically."). ``owed``: a
    tag the turn must say (an attribute stated only there) stays. They are masked after the
    need's gates are made (``question_gates.need_gates``): a noun keyword that answers the
    need ("pet hair") still holds the product's other keywords, which answer nothing asked,
    so the answer cites the sentence that says it, not "HEPA"."""
    kept = (tag_ids(model) or {}).get(owed) if owed else None
    return [i for i in _unread_english(model, prompt_text, lang, _KEYWORD, reads_as_predicate)
            if i != kept]


def _unread_english(model: Any, prompt_text: str, lang: str | None, kind: re.Pattern[str],
                    reads: Callable[[str], bool]) -> list[int]:
    """The ids of this prompt's English facts of ``kind`` (keywords, sentences) that do not
    ``reads`` as a predicate (none for a Chinese answer: its frames take nouns)."""
    if lang != "en":
        return []
    tags = tag_ids(model) or {}
    return [tags[tag] for tag, text in stated(prompt_text).items()
            if tag in tags and kind.fullmatch(tag) and not has_cjk(text) and not reads(text)]


def _clause_ids(model: Any, prompt_text: str) -> list[int]:
    """The token ids of the policy's clauses in the prompt, in order ([] if any has none)."""
    tags = tag_ids(model) or {}
    clauses = sorted(set(_POLICY_CLAUSE.findall(prompt_text)), key=lambda t: int(t[5:-1]))
    ids = [tags[t] for t in clauses if t in tags]
    return ids if len(ids) == len(clauses) else []


def policy_gates(model: Any, prompt_text: str) -> list[tuple[list[int], list[int]]]:
    """A policy answer quotes every clause of the policy in the prompt, in order: each clause
    is held until the one before it is written, and the end of the answer until the last
    one is. A condition left out changes the policy, so an answer that skipped one ("[F1.c2];
    [F1.c3]…" without the first) was thrown away whole; now the model still writes the
    words around the clauses, but cannot skip or reorder them."""
    ids = _clause_ids(model, prompt_text)
    if not ids:
        return []
    gates = [([later], [before]) for before, later in zip(ids, ids[1:])]
    return gates + [(list(end_ids(model)), [ids[-1]])]


def quote_switches(model: Any, prompt_text: str) -> dict[int, tuple[int, ...]]:
    """Once a policy's quote has begun, the model's own words wait until its last clause:
    after clause k only marks and clause k+1 may come (the gates keep the order). Words
    between two clauses were dropped anyway (``write``); a model that loops on "希望对您有
    帮助。" instead of writing the fifth clause no longer loses the answer."""
    ids = _clause_ids(model, prompt_text)
    if len(ids) < 2:
        return {}
    words = word_ids(model)
    return {**{i: words for i in ids[:-1]}, ids[-1]: ()}


def word_ids(model: Any) -> tuple[int, ...]:
    """Tokens that hold (part of) a word: a letter, a digit, a Chinese character, or bytes
    that are not a whole character (the start of one)."""
    return _vocab_ids(model, _WORD_IDS, lambda raw: any(
        ch.isalnum() or ch == "\ufffd" for ch in raw.decode("utf-8", "replace")))


def product_gates(model: Any) -> list[tuple[list[int], list[int]]]:
    """A product answer names a product before it states a fact: a product's facts are held
    until a name is written ("[P1.d1]." alone tells nothing of which product). The model
    still chooses which product and which fact. (Holding the end of the answer until a fact
    is written too was measured: more answers kept, 56% of real English ones, but most of
    the extra were word salad the small model wrote because it could not stop.)"""
    tags = tag_ids(model) or {}
    names = [i for t, i in tags.items() if re.fullmatch(r"\[P\d+\]", t)]
    facts = [i for t, i in tags.items() if re.fullmatch(r"\[P\d+\.[^\]]+\]", t)]
    if not names or not facts:
        return []
    return [(facts, names)]


def banned_ids(model: Any, prompt_text: str, lang: str | None = None,
               owed_field: str | None = None) -> list[int]:
    """Tags this prompt has no fact for, digits, control characters, and (given the asker's
    ``lang``) the other language's script: what decoding must never write. ``owed_field``
    ("colors", "sizes"): the variants a colour or size question asks for, written even in
    the other language ("do you have it in black?" → "黑色/白色": the only answer there is)."""
    tags = tag_ids(model) or {}
    out = [i for tag, i in tags.items() if tag not in prompt_text] + list(digit_ids(model)) + \
        list(control_ids(model))
    # A stock of zero is no count to state ("还有0件", "0 in stock"): the corpus says it in
    # words (缺货, "out of stock"), so the tag is masked for a product that has none.
    out += [tags[m.group(1)] for m in ZERO_STOCK.finditer(prompt_text) if m.group(1) in tags]
    out += [tags[t] for t in named_already(prompt_text) if t in tags]
    if lang not in ("zh", "en"):
        return out
    # A feature, sentence or colour the catalog has only in Chinese ("it's 瑜伽垫") is not
    # quoted in an English answer: the prompt keeps it (the model was trained so), the answer
    # may not use it. (Latin words in a Chinese answer are read: ISOFIX, PPSU, TPE.)
    if lang == "en":
        out += [tags[tag] for tag, text in stated(prompt_text).items()
                if tag in tags and _WORDED_TAG.fullmatch(tag) and has_cjk(text)
                and not (owed_field and tag.endswith(f".{owed_field}]"))]
    return out + list(other_script_ids(model, lang))

_PRODUCT_TAG = re.compile(r"\[P(\d)\.t\d\]")


def named_already(prompt_text: str) -> list[str]:
    """The tags of a product that its name already says ("Easy Walk No-Pull Dog Harness":
    "harness"; "希捷 移动硬盘": 移动硬盘): given as the reason for the pick they say nothing
    ("Try the … Dog Harness: harness."), so they are not written; so is a Chinese one whose
    head word the name says (``_says``: "扫地机器人" of a 扫拖机器人)."""
    facts = stated(prompt_text)
    out = []
    for tag, text in facts.items():
        if (m := _PRODUCT_TAG.fullmatch(tag)) and (name := facts.get(f"[P{m.group(1)}]", "")) \
                and text and _says(name, text):
            out.append(tag)
    return out


def _says(name: str, tag: str) -> bool:
    if has_cjk(tag):
        # Chinese compounds are head-final: a keyword whose head word the name says names
        # the same kind of thing ("扫地机器人" of "石头 G20 全能扫拖机器人").
        head = plain().keys(tag)[-1:]
        return fold(tag) in fold(name) or bool(head) and has_cjk(head[0]) and \
            head[0] in plain().keys(name)
    words = set(plain().keys(tag))
    return bool(words) and words <= set(plain().keys(name))


SILENCE = "the catalog's silence"  # what an answer about an attribute owes when it is unstated
FACT = "the fact "  # what an answer about an attribute owes when the catalog states it


def owed_fact(debt: str | None) -> str | None:
    """The reference an attribute answer owes ("the fact [P1.d2]" → "[P1.d2]"), or None."""
    return debt[len(FACT):] if debt and debt.startswith(FACT) else None


OWN_TEXT = re.compile(r"\[P1\.[dt]\d+\]")  # the one product's sentences and tags
_PRODUCT_FACT = re.compile(r"\[P\d+\.[^\]]+\]")  # any fact of any product (not a name)


def off_the_question(model: Any, debt: str | None) -> list[int]:
    """For a question about the product's attribute, its sentences and tags that do not
    answer it: the one that does is the only one to cite, and when the catalog is silent
    no fact of any product is (any fact would read as the answer)."""
    keep = owed_fact(debt)
    if debt != SILENCE and keep is None:
        return []
    # Silent: no fact of it at all (a price is no answer to "will it fit my truck?"); the
    # corpus says the catalog is silent with the product's name alone.
    off = _PRODUCT_FACT if debt == SILENCE else OWN_TEXT
    return [i for tag, i in (tag_ids(model) or {}).items() if off.fullmatch(tag) and tag != keep]


def other_variant(model: Any, variant: str | None) -> list[int]:
    """For a question about one kind of variant (``variant``: "colors" or "sizes"; "do you
    have it in pink?"), every product's other kind: "…Harness: XS/S/M/L." answers no colour."""
    other = {"colors": "sizes", "sizes": "colors"}.get(variant or "")
    if other is None:
        return []
    return [i for tag, i in (tag_ids(model) or {}).items() if tag.endswith(f".{other}]")]


def sold_out_beside(model: Any, prompt_text: str) -> list[int]:
    """A product answer whose best match is on the shelf recommends from the shelf: the
    products with none in stock ranked below it are masked, name and facts (the small model
    named one as if it were there, "Have a look at the [P2]", and the shopper would walk to an
    empty shelf). When the best match itself is sold out, the answer must say so (checked)."""
    gone = sold_out(prompt_text)
    if not gone or "[P1]" in gone:
        return []
    return [i for tag, i in (tag_ids(model) or {}).items()
            if any(tag == name or tag.startswith(name[:-1] + ".") for name in gone)]

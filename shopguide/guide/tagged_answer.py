"""The model's answer written with reference tags, filled with the facts' own text.

A tagged model (one whose tokenizer has every tag of ``guide/refs.py`` as one token) is
prompted with the facts behind tags and answers with tags where facts go. Decoding masks
every tag that points at no fact of this prompt, and every token with a digit (a figure can
only come from a reference), so names, prices, stock counts, aisles and policy clauses in
the answer are the store's by construction. What is left to check is each sentence's own
words (``guide/sentence_checks.py``, and the word orders the model was taught,
``guide/answer_shapes.py``) and whether the answer references what the turn is about at all
(no reference: the composed answer stands in).
"""

from __future__ import annotations

import re
import threading
import zlib
from collections.abc import Callable, Iterator
from typing import Any
from weakref import WeakKeyDictionary

from shopguide.guide import answer_shapes
from shopguide.guide.refs import MAX_PRODUCTS, TAG, References, all_tags, opens_with_common_word
from shopguide.guide.sentence_checks import (NAME, ZERO_STOCK, broken_marks, dangling, looping,
                                             malformed, misplaced, refuses, sold_out, unfilled,
                                             unreferenced_number, unsaid_sold_out, wrong_pick)
from shopguide.guide.verify import Facts, check_sentence, says_silent
from shopguide.text import fold, has_cjk, plain

# Where a sentence of the raw (tagged) answer ends: an end mark, or a full stop before a
# space. A tag's own dot ("[P1.price]") is followed by a letter, never a space.
_SEMICOLONS = ("；", ";")
_END = re.compile(r"(?<=[。！？!?；;])|(?<=[.…])(?=\s)")
_ENDED = re.compile(r"[。！？!?.…；;」”)）]$")
_DIGIT = re.compile(r"[0-9０-９]")
_OPENS_WITH_CLAUSE = re.compile(r"\s*\[(?:P\d\.d\d|F\d\.c\d)\]")
_AISLE = re.compile(r"\[P\d\.aisle\]")
_STOCK = re.compile(r"\[P\d\.stock\]")
_POLICY = re.compile(r"\[F\d\.c\d\]")
_POLICY_CLAUSE = re.compile(r"\[F1\.c\d\]")
_TEXT_FACT = re.compile(r"(\[P\d\.[td]\d\]) ([^\[\n]*)")

_TAG_IDS: WeakKeyDictionary[Any, dict[str, int] | None] = WeakKeyDictionary()
_DIGIT_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
_NOT_EN_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
_NOT_ZH_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
_NEWLINE_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
_SPACE_START_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
_SPACE_END_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
_SPACE_ONLY_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
_NOT_TAG_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
_WORD_IDS: WeakKeyDictionary[Any, tuple[int, ...]] = WeakKeyDictionary()
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


def digit_ids(model: Any) -> tuple[int, ...]:
    """Tokens holding a digit (ASCII or full-width): a figure comes from a reference only."""
    return _vocab_ids(model, _DIGIT_IDS,
                      lambda raw: bool(_DIGIT.search(raw.decode("utf-8", "replace"))))


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


def space_followers(model: Any) -> dict[int, tuple[int, ...]]:
    """What may not come right after a token that ends with a space. An answer is one line
    with single spaces (``prompt._one_line``), so no word's leading space follows it; and a
    lone space is the space before a reference (a tag is a token of its own, so the space
    before it stays apart: 99% of them in the corpus), so only a reference follows that one.
    A small model that writes " " and then " short" or "'m" has lost its way ("  short, [P1]
    has …", "[P1]: 'm afraid"); and one whose reference is masked (a fact before a name)
    wrote " ; ; ; ;" when marks were all that was left. (When every reference is masked
    too, decoding lifts this mask: ``TokenChooser.choose``.)"""
    spaced = _vocab_ids(model, _SPACE_START_IDS, lambda raw: raw[:1].isspace())
    not_tags = _vocab_ids(model, _NOT_TAG_IDS, lambda raw: True)
    lone = set(_vocab_ids(model, _SPACE_ONLY_IDS, lambda raw: bool(raw) and raw.isspace()))
    return {i: not_tags if i in lone else spaced
            for i in _vocab_ids(model, _SPACE_END_IDS, lambda raw: raw[-1:].isspace())}


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


def decoding_masks(model: Any, prompt_text: str, lang: str | None = None,
                   comparison: bool = False, product: bool = False,
                   policy: bool = False) -> dict[str, Any]:
    """Everything decoding is told for one prompt (keyword arguments of ``stream``).
    ``product``: the answer must speak of a product (``product_gates``); ``policy``: it
    quotes the policy whole (``policy_gates``)."""
    gates = product_gates(model) if product else policy_gates(model, prompt_text) if policy \
        else []
    switches = {**subject_switches(model), **(quote_switches(model, prompt_text) if policy else {})}
    return {"banned": banned_ids(model, prompt_text, lang), "once": once_ids(model, comparison),
            "switches": switches, "references": list((tag_ids(model) or {}).values()),
            "gates": gates, "followers": space_followers(model),
            "guard": answer_shapes.PairGuard.of(model)}


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


def wording(settings: Any, prompt_text: str) -> Any:
    """Greedy settings whose own words are drawn with a seed from the question
    (GenerationSettings.wording_seed): the same question, the same answer; another
    question, another frame. References stay greedy."""
    from dataclasses import replace

    from shopguide.llm.settings import GenerationSettings

    settings = settings or GenerationSettings()
    if not settings.greedy:
        return settings
    question = prompt_text.rsplit("Q: ", 1)[-1]
    return replace(settings, wording_seed=zlib.crc32(question.encode("utf-8")))


def banned_ids(model: Any, prompt_text: str, lang: str | None = None) -> list[int]:
    """Tags this prompt has no fact for, digits, and (given the asker's ``lang``) the other
    language's script: what decoding must never write."""
    tags = tag_ids(model) or {}
    out = [i for tag, i in tags.items() if tag not in prompt_text] + list(digit_ids(model))
    # A stock of zero is no count to state ("还有0件", "0 in stock"): the corpus says it in
    # words (缺货, "out of stock"), so the tag is masked for a product that has none.
    out += [tags[m.group(1)] for m in ZERO_STOCK.finditer(prompt_text) if m.group(1) in tags]
    out += [tags[t] for t in named_already(prompt_text) if t in tags]
    if lang not in ("zh", "en"):
        return out
    # A feature or sentence the catalog has only in Chinese ("it's 瑜伽垫") is not quoted in an
    # English answer: the prompt keeps it (the model was trained so), the answer may not use
    # it. (Latin words in a Chinese answer are read: ISOFIX, PPSU, TPE.)
    if lang == "en":
        out += [tags[m.group(1)] for m in _TEXT_FACT.finditer(prompt_text)
                if m.group(1) in tags and has_cjk(m.group(2))]
    return out + list(other_script_ids(model, lang))


_NAME_LINE = re.compile(r"(\[P\d\]) ([^\[\n]*)")
_TAG_FACT = re.compile(r"(\[P(\d)\.t\d\]) ([^\[\n]*)")


def named_already(prompt_text: str) -> list[str]:
    """The tags of a product that its name already says ("Easy Walk No-Pull Dog Harness":
    "harness"; "希捷 移动硬盘": 移动硬盘): given as the reason for the pick they say nothing
    ("Try the … Dog Harness: harness."), so they are not written."""
    names = {m.group(1): m.group(2).strip() for m in _NAME_LINE.finditer(prompt_text)}
    out = []
    for m in _TAG_FACT.finditer(prompt_text):
        name, tag = names.get(f"[P{m.group(2)}]", ""), m.group(3).strip()
        if name and tag and _says(name, tag):
            out.append(m.group(1))
    return out


def _says(name: str, tag: str) -> bool:
    if has_cjk(tag):
        return fold(tag) in fold(name)
    words = set(plain().keys(tag))
    return bool(words) and words <= set(plain().keys(name))


def fill(refs: References, raw: str) -> str:
    """The raw answer with the facts in place of the tags (``References.fill``)."""
    return refs.fill(raw)


def _joined(raw: str, text: str, lang: str, before: str) -> str:
    """The next sentence as it follows the one before: the model's own space kept; in
    English a space after a clause's mark ("…8 pm. The garden…", split at "；/;" the model
    wrote between clauses), and lower case after a semicolon."""
    lead = raw[:len(raw) - len(raw.lstrip())]
    if lang == "en" and not lead and before:
        lead = " "
        if before.rstrip().endswith((";", ",")) and _OPENS_WITH_CLAUSE.match(raw) and \
                opens_with_common_word(text):  # a clause, not a name
            text = text[0].lower() + text[1:]
    return lead + text


def owed(intent: str, comparison: bool, stock_question: bool = False) -> str | None:
    """What the raw answer must reference to be an answer to this turn (None: anything). "Is
    it in stock?" is answered by the count on the shelf as well as by the aisle."""
    if comparison or intent == "compare":
        return "two products"
    if intent == "locate" and stock_question:
        return "an aisle or a stock"
    return {"find": "a product", "detail": "a product", "locate": "an aisle",
            "policy": "the policy"}.get(intent)


SILENCE = "the catalog's silence"
_OWN_TEXT = re.compile(r"\[P1\.[dt]\d+\]")  # the one product's sentences and tags
_END_MARKS = "。.！!？?；;"


def attribute_debt(clause: str | None, refs: References) -> str | None:
    """What an answer about one product's attribute owes: the reference holding the clause
    that states it ("the fact [P1.d2]"), or, when the catalog is silent (``clause`` None),
    saying so (``SILENCE``). A fact cited for a question it does not answer ("does it come in
    a tube?" → "…: shake well before use") reads as an answer and is not one. None: the
    clause is not among this prompt's facts (cut to fit), so the model cannot cite it."""
    if clause is None:
        return SILENCE
    want = fold(clause).strip().rstrip(_END_MARKS)
    near = None
    for tag, value in refs.values.items():
        if not _OWN_TEXT.fullmatch(tag):
            continue
        have = fold(value)
        if have == want:
            return f"the fact {tag}"
        if near is None and len(have) >= 4 and (have in want or want in have):
            near = tag
    return f"the fact {near}" if near else None


def _off_the_question(model: Any, debt: str | None) -> list[int]:
    """For a question about the product's attribute, its sentences and tags that do not
    answer it: the one that does is the only one to cite, and when the catalog is silent
    none is (any fact would read as the answer)."""
    if debt != SILENCE and not (debt and debt.startswith("the fact ")):
        return []
    keep = debt.split()[2] if debt != SILENCE else None
    return [i for tag, i in (tag_ids(model) or {}).items()
            if _OWN_TEXT.fullmatch(tag) and tag != keep]


def _sold_out_beside(model: Any, prompt_text: str) -> list[int]:
    """A product answer whose best match is on the shelf recommends from the shelf: the
    products with none in stock ranked below it are masked, name and facts (the small model
    named one as if it were there, "Have a look at the [P2]", and the shopper would walk to an
    empty shelf). When the best match itself is sold out, the answer must say so (checked)."""
    gone = sold_out(prompt_text)
    if not gone or "[P1]" in gone:
        return []
    return [i for tag, i in (tag_ids(model) or {}).items()
            if any(tag == name or tag.startswith(name[:-1] + ".") for name in gone)]


def pays(debt: str | None, raw: str) -> bool:
    """Whether the raw answer so far references what ``owed`` asked for."""
    if debt is None:
        return True
    if debt.startswith("the fact "):
        return debt.split()[2] in raw
    if debt == SILENCE:
        return says_silent(TAG.sub(" ", raw))
    if debt in ("two products", "a product"):
        # A product is spoken of when its name and one of its facts are written: a name
        # alone ("Wellness CORE Puppy Recipe, 12 lb.") answers nothing, nor does a fact
        # without a name ("主打高景观。"); a comparison speaks of two.
        told = [k for k in set(NAME.findall(raw)) if f"[P{k}." in raw]
        return len(told) >= (2 if debt == "two products" else 1)
    if debt == "an aisle":
        return bool(_AISLE.search(raw))
    if debt == "an aisle or a stock":
        return bool(_AISLE.search(raw) or _STOCK.search(raw))
    if debt.startswith("all of "):
        return all(tag in raw for tag in debt.split()[2:])
    return bool(_POLICY.search(raw))


def raw_sentences(text: str) -> list[str]:
    return [p for p in _END.split(text) if p.strip()]


def write(model: Any, prompt_text: str, refs: References, lang: str, debt: str | None,
          settings: Any = None, cancel: threading.Event | None = None,
          log: Any = None, facts: Facts | None = None) -> Iterator[str]:
    """The model's filled sentences, each once complete and checked. Nothing is shown until
    the answer has referenced what ``debt`` names; if it never does, nothing is shown.
    ``facts``: the verifier also reads each filled sentence, for what the model says in its
    own words about the facts ("可惜目前缺货" of a product on the shelf, "free returns")."""
    masks = decoding_masks(model, prompt_text, lang, debt == "two products",
                           debt in ("a product", "two products") or
                           bool(debt and debt.startswith("the fact ")), debt == "the policy")
    masks["banned"] = masks["banned"] + _off_the_question(model, debt) + (
        _sold_out_beside(model, prompt_text) if debt == "a product" else [])
    if debt == "the policy":  # every clause of it: a condition left out changes the policy
        debt = "all of " + " ".join(sorted(set(_POLICY_CLAUSE.findall(prompt_text))))
    stream = model.stream(prompt_text, wording(settings, prompt_text), cancel, **masks)
    gone = sold_out(prompt_text)
    taught = answer_shapes.of_model(model)
    held: list[str] = []
    started = False  # a sentence was accepted: the next keeps the space before it
    finished = False  # the answer was complete and then a sentence failed: stop
    last_text = ""  # the sentence said before, for how the next one joins it
    said_raw = ""
    seen: set[str] = set()
    buffer = ""

    def release(raw: str) -> Iterator[str]:
        nonlocal said_raw, started, finished, last_text
        if debt and debt.startswith("all of ") and _POLICY.search(said_raw) and \
                not _POLICY.search(raw):
            # The quote has begun and its end is held until the last clause: words of the
            # model's own between two clauses ("Anything else I can check for with?") are
            # what it writes because it may not stop, never part of the policy.
            if log is not None:
                log.info("dropped a model sentence: own words inside a policy's quote")
            return
        if debt and debt.startswith("all of ") and pays(debt, said_raw + raw):
            # The sentence that completes the policy ends with its last clause (and the
            # marks right after it): "[F1.c4]您好！" is the clause, not a greeting after it.
            # Only an end mark right after it stays: a separator after the last clause
            # ("[F1.c4]，! ！") leads into a fragment that is not written.
            last = max(raw.rfind(tag) + len(tag) for tag in debt.split()[2:])
            tail = re.match(r"[。.!！?？]*", raw[last:])
            raw = raw[:last + (tail.end() if tail else 0)]
        text = fill(refs, raw).strip()
        if debt and debt.startswith("all of ") and text and not _ENDED.search(text):
            text += "。" if lang == "zh" else "."
        babble = (malformed(text, lang, TAG.sub("", raw)) or broken_marks(raw) or dangling(raw)
                  or misplaced(raw) or answer_shapes.untaught(raw.strip(), taught)
                  or (refuses(raw) if debt and debt != SILENCE else None) or unfilled(raw, refs)
                  or ("a sentence said twice" if text in seen else None)
                  or ("a phrase said over and over" if looping(raw) else None))
        why = babble or unreferenced_number(raw) or wrong_pick(raw, refs) or \
            unsaid_sold_out(raw, text, gone) or (
            check_sentence(text, facts) if facts is not None else None)
        if why:
            if log is not None:
                log.info("dropped a model sentence: %s", why)
            if babble and pays(debt, said_raw):
                # The answer is complete and the model starts to babble: it goes on from
                # the text it wrote and does not recover, so the answer ends here.
                finished = True
            return
        seen.add(text)
        said_raw += raw
        held.append(_joined(raw, text, lang, last_text) if started else text)
        last_text = text
        started = True
        if pays(debt, said_raw):
            # A clause closed by "；" waits for the next one: if none follows, the answer
            # ends it with a full stop rather than hang on a semicolon.
            ready = held[:-1] if held[-1].endswith(_SEMICOLONS) else list(held)
            yield from ready
            del held[:len(ready)]
            if debt.startswith("all of ") and not held:
                # The policy is quoted whole: what a small model adds after it is a
                # courtesy at best, a stray fragment at worst ("主打可折叠。").
                finished = True

    for piece in stream:
        buffer += piece
        parts = raw_sentences(buffer)
        closed = bool(parts) and len(raw_sentences(buffer + "x")) > len(parts)
        for raw in parts if closed else parts[:-1]:
            yield from release(raw)
        # The space before the next sentence stays with it.
        buffer = buffer[len(buffer.rstrip()):] if closed else (parts[-1] if parts else "")
        if finished or (cancel is not None and cancel.is_set()):
            close = getattr(stream, "close", None)
            if callable(close):
                close()
            if not finished:
                return
            break
    if not finished and buffer.strip() and _ENDED.search(fill(refs, buffer).rstrip()):
        # (a clause's own end mark ends it too); an unfinished last sentence is dropped
        yield from release(buffer)
    if held and pays(debt, said_raw):
        last = held.pop()
        yield from held
        yield last[:-1] + ("。" if last.endswith("；") else ".")

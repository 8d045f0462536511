"""The model's answer written with reference tags, filled with the facts' own text.

A tagged model (one whose tokenizer has every tag of ``guide/refs.py`` as one token) is
prompted with the facts behind tags and answers with tags where facts go. Decoding masks
every tag that points at no fact of this prompt, and every token with a digit (a figure can
only come from a reference), so names, prices, stock counts, aisles and policy clauses in
the answer are the store's by construction (``guide/masks.py``). What is left to check is each sentence's own
words (``guide/sentence_checks.py``, and the word orders the model was taught,
``guide/answer_shapes.py``) and whether the answer references what the turn is about at all
(no reference: the composed answer stands in).
"""

from __future__ import annotations

import re
import threading
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import numpy as np

from shopguide.guide import answer_shapes
from shopguide.guide.pair_guard import PairGuard
from shopguide.guide.question_gates import asked
from shopguide.guide.refs import TAG, References, opens_with_common_word
from shopguide.guide.masks import (FACT, OWN_TEXT, SILENCE, decoding_masks, nominal_keywords,
                                   off_the_question, other_variant, owed_fact, sold_out_beside)
from shopguide.guide.sentence_checks import (NAME, asks_yes_or_no, broken_marks, closes,
                                             count_without_unit, dangling, looping, malformed,
                                             misplaced, mistoned, on_shelf, refuses, sold_out,
                                             unfilled,
                                             unreferenced_number, unsaid_sold_out,
                                             without_unfounded_yes, wrong_pick)
from shopguide.guide.verify import Facts, check_sentence, says_silent
from shopguide.guide.verify_stock import OUT_STOCK
from shopguide.llm.beam import Beam
from shopguide.text import fold

# Where a sentence of the raw (tagged) answer ends: an end mark, or a full stop before a
# space. A tag's own dot ("[P1.price]") is followed by a letter, never a space.
_SEMICOLONS = ("；", ";")
_END = re.compile(r"(?<=[。！？!?；;])|(?<=[.…])(?=\s)")
_ENDED = re.compile(r"[。！？!?.…；;」”)）]$")
_OPENS_WITH_CLAUSE = re.compile(r"\s*\[(?:P\d\.d\d|F\d\.c\d)\]")
# A product's fact that is not its name: a keyword in small letters ("hypoallergenic") opens
# a sentence with a capital; a name is shown as the catalog spells it ("babycare …").
_OPENS_WITH_FIELD = re.compile(r"\s*\[P\d\.\w+\]")
_OWN_WORD = re.compile(r"\s*(?!I\b|I')[A-Z][a-z]")  # a word of the model's own ("I" stays)
_AISLE = re.compile(r"\[P\d\.aisle\]")
_STOCK = re.compile(r"\[P\d\.stock\]")
_POLICY = re.compile(r"\[F\d\.c\d\]")
_POLICY_CLAUSE = re.compile(r"\[F1\.c\d\]")
VARIANT = "the variants "  # the debt of a question about a colour or size ("the variants colors")


def wording(settings: Any, prompt_text: str) -> Any:
    """Greedy settings whose own words are drawn with a seed from the question
    (GenerationSettings.wording_seed): the same question, the same answer; another
    question, another frame. References stay greedy."""
    from shopguide.llm.settings import GenerationSettings

    settings = settings or GenerationSettings()
    if not settings.greedy:
        return settings
    question = prompt_text.rsplit("Q: ", 1)[-1]
    return replace(settings, wording_seed=zlib.crc32(question.encode("utf-8")))


def fill(refs: References, raw: str) -> str:
    """The raw answer with the facts in place of the tags (``References.fill``)."""
    return refs.fill(raw)


def _joined(raw: str, text: str, lang: str, before: str) -> str:
    """The next sentence as it follows the one before: the model's own space kept; in
    English a space after a clause's mark ("…8 pm. The garden…", split at "；/;" the model
    wrote between clauses), and lower case after a semicolon."""
    lead = raw[:len(raw) - len(raw.lstrip())]
    if lang != "en" or not before:
        return lead + text
    lead = lead or " "
    if before.rstrip().endswith((";", ",")) and (
            _OPENS_WITH_CLAUSE.match(raw) and opens_with_common_word(text)  # a clause, not a name
            or _OWN_WORD.match(raw)):  # "; The [P2] is …": the model's word, never a name
        text = text[0].lower() + text[1:]
    return lead + text


def _capital(raw: str, text: str, lang: str, before: str) -> str:
    """An English sentence opened by a product's fact in small letters starts with a capital
    ("Consider the X. Hypoallergenic, and …"; "iPhone" keeps its own; a name is shown as the
    catalog spells it); after a comma or semicolon it goes on the sentence before."""
    if lang == "en" and before.rstrip()[-1:] not in (",", ";", ":") and \
            _OPENS_WITH_FIELD.match(raw) and text[:1].isascii() and text[:1].islower() \
            and not text[1:2].isupper():
        return text[0].upper() + text[1:]
    return text


def owed(intent: str, comparison: bool, stock_question: bool = False,
         variant: str | None = None, priced: bool = False, need: bool = False) -> str | None:
    """What the raw answer must reference to be an answer to this turn (None: anything). "Is
    it in stock?" is answered by the count on the shelf as well as by the aisle; "do you have
    it in pink?" of the product discussed (``variant``: "colors" or "sizes", given only for
    such a question) by the colours it comes in (a sentence of its description answers no
    colour). "Is it available in king?" is such a wish too, though it reads as a stock
    question: the product's one stock figure cannot say whether king is on the shelf, its sizes
    can say whether king is made. A search that states what it may cost ("五百以内", "a
    cheaper one": ``priced``) is answered with the price of what is named ("…有货，库存25件。"
    answers no budget)."""
    if comparison or intent == "compare":
        return "two products"
    if intent in ("find", "locate", "detail") and variant:
        return VARIANT + variant
    if intent == "find" and priced:
        return PRICED
    if intent == "find" and need:
        return REASONED
    if intent == "locate" and stock_question:
        return "an aisle or a stock"
    return {"find": "a product", "detail": "a product", "locate": "an aisle",
            "policy": "the policy"}.get(intent)


_END_MARKS = "。.！!？?；;"
PRICED = "a product and its price"
REASONED = "a product and a reason"  # a need named: what it comes in or where is no reason


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
        if not OWN_TEXT.fullmatch(tag):
            continue
        have = fold(value)
        if have == want:
            return FACT + tag
        if near is None and len(have) >= 4 and (have in want or want in have):
            near = tag
    return FACT + near if near else None


def pays(debt: str | None, raw: str, gone: frozenset[str] = frozenset(),
         shelf: frozenset[str] = frozenset()) -> bool:
    """Whether the raw answer so far references what ``owed`` asked for. ``gone``: the name
    tags of the prompt's sold-out products (``sentence_checks.sold_out``); ``shelf``: those
    of its products on the shelf (an answer that speaks only of sold-out ones offers one of
    these, as the training answers do)."""
    if debt is None:
        return True
    if (fact := owed_fact(debt)) is not None:
        return fact in raw
    if debt == SILENCE:
        return says_silent(TAG.sub(" ", raw))
    if debt == PRICED:
        return any(f"[P{k}.price]" in raw for k in set(NAME.findall(raw)))
    if debt in ("two products", "a product", REASONED):
        # A product is spoken of when its name and one of its facts are written: a name
        # alone ("Wellness CORE Puppy Recipe, 12 lb.") answers nothing, nor does a fact
        # without a name ("主打高景观。"); a comparison speaks of two (of their stock too:
        # "哪个有货？"). A search's answer says something of the product: where it stands and
        # how many are left do not ("… has 9 in stock." recommends nothing).
        place = {"a product": r"(?!stock\]|aisle\])",
                 REASONED: r"(?!stock\]|aisle\]|colors\]|sizes\])"}.get(debt, "")
        told = [k for k in set(NAME.findall(raw)) if re.search(rf"\[P{k}\.{place}", raw)
                or _said_gone(k, raw, gone)]
        if debt != "two products" and shelf and all(f"[P{k}]" in gone for k in told):
            return False  # "… is sold out." with one on the shelf given: offer it
        return len(told) >= (2 if debt == "two products" else 1)
    if debt == "an aisle":
        return bool(_AISLE.search(raw))
    if debt.startswith(VARIANT):
        return f".{debt[len(VARIANT):]}]" in raw
    if debt == "an aisle or a stock":
        # "Sorry, the [P1] is out of stock right now." answers "is it in stock?" in words,
        # of a product the prompt gives none of.
        return bool(_AISLE.search(raw) or _STOCK.search(raw) or (
            OUT_STOCK.search(TAG.sub(" ", raw)) and any(f"[P{k}]" in gone
                                                         for k in NAME.findall(raw))))
    if debt.startswith("all of "):
        return all(tag in raw for tag in debt.split()[2:])
    return bool(_POLICY.search(raw))


def _said_gone(k: str, raw: str, gone: frozenset[str]) -> bool:
    """Whether a sold-out product is named and said to be out of stock: "The [P1] would fit
    best, but it's out of stock right now." speaks of it as the training answers do (the
    verifier still checks the product named has run out)."""
    return f"[P{k}]" in gone and bool(OUT_STOCK.search(TAG.sub(" ", raw)))


def _contradicts(raw: str) -> str | None:
    """In an answer that owes anything but the catalog's silence (a product, an aisle, two
    products, a policy, a cited fact): a sentence saying the assistant cannot help
    (``refuses``) or that the catalog is silent ("The product details don't mention it" of
    a stock question). The training answers say silence only where the whole answer is
    silence; elsewhere it is the frame of another situation."""
    if says_silent(TAG.sub(" ", raw)):
        return "says the catalog is silent where it is not"
    return refuses(raw)


def raw_sentences(text: str) -> list[str]:
    return [p for p in _END.split(text) if p.strip()]


TRIES = 3  # attempts at an answer, each from an opening token the ones before did not use


def write(model: Any, prompt_text: str, refs: References, lang: str, debt: str | None,
          settings: Any = None, cancel: threading.Event | None = None,
          log: Any = None, facts: Facts | None = None,
          ranked: bool = False, variant: str | None = None) -> Iterator[str]:
    """The model's answer (``attempt``); when an attempt shows nothing (its sentences were
    dropped, or it never referenced what the turn is about), again from another opening, up
    to ``TRIES`` times, then once by a beam search (``_searched``). A small model that opens
    wrongly does not recover ("[P1]: it; A" for "does this come in a tube?"); from its next
    likeliest opening it often writes a whole answer ("The catalog doesn't say…"). When
    nothing stood, the same again with its own words held to taught runs of three (``RUNS``).
    Every attempt passes the same masks and checks.
    ``facts``: for the verifier (``attempt``). ``ranked``: the products' order is the answer
    (cheapest first): see ``decoding_masks``. ``variant``: the kind of variant the question
    is about ("colors", "sizes"; ``masks.other_variant``)."""
    masks, owes = _decoding(model, prompt_text, lang, debt, ranked, variant)
    for runs in (False, True) if RUNS and PairGuard.holds_runs(model) else (False,):
        if runs and log is not None:
            log.info("nothing stood: again, own words held to the runs of three taught")
        shown = False
        for sentence in _tries(model, prompt_text, refs, lang, owes, masks, settings, cancel,
                               log, facts, runs):
            shown = True
            yield sentence
        if shown or (cancel is not None and cancel.is_set()):
            return


# When nothing the model wrote stood, it writes again with its own words held to the runs
# of three it was taught as it writes them (``PairGuard`` ``runs``), not only checked once
# written: "The catalog doesn't say that about the [P1], so I can't tell you for sure; a
# colleague can check." where "It is. [P1], so I can't…" was dropped. Only then: held from
# the first token, the model loses answers that stand in its own order (a comparison, a
# reason), and a beam held so finds others than the free one.
RUNS = True
# That pass's beam is twice as wide: held to taught runs, fewer of its hypotheses are loops,
# and the taught answer the turn owes is often just past the likeliest four ("The product
# details don't mention it; a colleague can check." to "would this be good to sight a .25 cal
# rifle?"). It runs only on turns that would otherwise get the composed answer.
WIDE = 2


def _tries(model: Any, prompt_text: str, refs: References, lang: str, owes: str | None,
           masks: dict[str, Any], settings: Any, cancel: threading.Event | None, log: Any,
           facts: Facts | None, runs: bool) -> Iterator[str]:
    """``TRIES`` greedy attempts, each from an opening the ones before did not use, then a
    beam: the sentences of the first that shows any."""
    opened: list[int] = []
    for n in range(TRIES):
        if n and log is not None:
            log.info("the model's answer showed nothing: trying another opening")
        tried = len(opened)
        shown = False
        # The masks are the same for every attempt; the guard follows one answer's text.
        guard = masks["guard"] if n == 0 and not runs else _fresh(masks, runs)
        guard = _Opening(guard, opened) if opened else guard
        for sentence in attempt(model, prompt_text, refs, lang, owes, dict(masks, guard=guard),
                                settings, cancel, log, facts, opened):
            shown = True
            yield sentence
        if shown or (cancel is not None and cancel.is_set()):
            return
        if len(opened) == tried:
            return  # a stream that tells no tokens (a test's fake) has no other opening
    if BEAM is not None:
        if log is not None:
            log.info("the model's answer showed nothing: searching a beam")
        yield from _searched(model, prompt_text, refs, lang, owes, masks, settings, cancel,
                             log, facts, runs)


# The beam's answers that stand are short (7-40 tokens on the dev sets); longer ones are loops
# cut by the limit, which are passed over: searching on costs time on turns that already
# waited for three attempts.
BEAM: Beam | None = Beam(width=4, keep=3, max_tokens=64)


class _Said:
    """A complete answer as a stream of one piece (a beam's candidate, checked as any)."""

    token_ids = None

    def __init__(self, text: str) -> None:
        self.text = text

    def __iter__(self) -> Iterator[str]:
        return iter((self.text,))


def _searched(model: Any, prompt_text: str, refs: References, lang: str, owes: str | None,
              masks: dict[str, Any], settings: Any, cancel: threading.Event | None, log: Any,
              facts: Facts | None, runs: bool = False) -> Iterator[str]:
    """The sentences of the likeliest complete answer a beam search finds that references
    what the turn owes and passes every check (``attempt``) whole: the beam is the last
    resort after greedy attempts failed, so a candidate with any sentence dropped, or cut by
    the token limit, is no answer (what is left of it reads as a fragment or a loop). The
    candidates are tried in order of likelihood."""
    gone = sold_out(prompt_text)
    shelf = on_shelf(prompt_text, gone)
    beam = replace(BEAM, accept=lambda raw: pays(owes, raw, gone, shelf),
                   width=BEAM.width * (WIDE if runs else 1))
    stream = model.stream(prompt_text, settings, cancel, **dict(
        masks, guard=_fresh(masks, runs)), beam=beam)
    stream.read_all()
    for found in stream.candidates:
        if found.reason == "length":
            continue
        dropped: list[str] = []
        said = list(attempt(model, prompt_text, refs, lang, owes, masks, settings, cancel,
                            log, facts, stream=_Said(found.text), dropped=dropped))
        if cancel is not None and cancel.is_set():
            return
        if said and not dropped:
            yield from said
            return


def _decoding(model: Any, prompt_text: str, lang: str, debt: str | None, ranked: bool,
              variant: str | None) -> tuple[dict[str, Any], str | None]:
    """What decoding is told for this answer (``masks.decoding_masks`` and the debt's own
    masks), and the debt as ``pays`` reads it: a policy owes every clause of it (a condition
    left out changes the policy)."""
    field = debt[len(VARIANT):] if (debt or "").startswith(VARIANT) else None
    masks = decoding_masks(model, prompt_text, lang, debt == "two products",
                           debt in ("a product", PRICED, REASONED, "two products") or
                           owed_fact(debt) is not None or field is not None,
                           debt == "the policy", ranked, field)
    masks["banned"] = masks["banned"] + off_the_question(model, debt) + (
        sold_out_beside(model, prompt_text) if debt in ("a product", PRICED, REASONED) else []) + \
        other_variant(model, variant) + nominal_keywords(model, prompt_text, lang, owed_fact(debt))
    if debt == "the policy":
        debt = "all of " + " ".join(sorted(set(_POLICY_CLAUSE.findall(prompt_text))))
    return masks, debt


def _fresh(masks: dict[str, Any], runs: bool) -> PairGuard | None:
    """A new guard for another answer to this prompt, as the masks' own (None: none)."""
    guard = masks["guard"]
    return guard.again(runs) if guard is not None else None


class _Opening:
    """A pair guard that also masks, for the first token, the openings already tried."""

    def __init__(self, guard: Any, tried: list[int]) -> None:
        self.guard, self.tried = guard, np.array(tried, dtype=np.int64)

    def watch(self, masked: Any, version: Any) -> None:
        if self.guard is not None:
            self.guard.watch(masked, version)

    def start(self) -> np.ndarray | None:
        first = self.guard.start() if self.guard is not None else None
        return self.tried if first is None else np.union1d(first, self.tried)

    def after(self, token: int) -> np.ndarray | None:
        return self.guard.after(token) if self.guard is not None else None

    @property
    def weak(self) -> np.ndarray | None:
        return getattr(self.guard, "weak", None)


def attempt(model: Any, prompt_text: str, refs: References, lang: str, debt: str | None,
            masks: dict[str, Any], settings: Any = None, cancel: threading.Event | None = None,
            log: Any = None, facts: Facts | None = None,
            opened: list[int] | None = None, stream: Any = None,
            dropped: list[str] | None = None) -> Iterator[str]:
    """The model's filled sentences, each once complete and checked. Nothing is shown until
    the answer has referenced what ``debt`` names (as ``_decoding`` gives it); if it never
    does, nothing is shown. ``masks``: what decoding is told (``_decoding``, with a guard for
    this attempt). ``facts``: the verifier also reads each filled sentence, for what the
    model says in its own words about the facts ("可惜目前缺货" of a product on the shelf,
    "free returns"). ``opened``: this attempt's first token is added to it (when the stream
    tells its tokens), for the next attempt not to open so again. ``stream``: the answer's
    text when it is written already (a beam's candidate, ``_searched``). ``dropped``: the
    reason for each sentence dropped is added to it."""
    if stream is None:
        stream = model.stream(prompt_text, wording(settings, prompt_text), cancel, **masks)
    gone = sold_out(prompt_text)
    shelf = on_shelf(prompt_text, gone)
    yes_no = asks_yes_or_no(asked(prompt_text))
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
        raw = without_unfounded_yes(raw, yes_no, fill(refs, raw))
        if not raw.strip():
            return
        if debt and debt.startswith("all of ") and _POLICY.search(said_raw) and \
                not _POLICY.search(raw):
            # The quote has begun and its end is held until the last clause: words of the
            # model's own between two clauses ("Anything else I can check for with?") are
            # what it writes because it may not stop, never part of the policy.
            if log is not None:
                log.info("dropped a model sentence: own words inside a policy's quote")
            if dropped is not None:
                dropped.append("own words inside a policy's quote")
            return
        if debt and debt.startswith("all of ") and pays(debt, said_raw + raw, gone, shelf):
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
        babble = (malformed(text, lang, TAG.sub("", raw)) or broken_marks(raw) or dangling(raw, taught)
                  or misplaced(raw) or answer_shapes.untaught(raw.strip(), taught)
                  or (_contradicts(raw) if debt and debt != SILENCE else None)
                  or unfilled(raw, refs)
                  or ("a sentence said twice" if text in seen else None)
                  or ("a phrase said over and over" if looping(raw) else None))
        why = babble or unreferenced_number(raw) or wrong_pick(raw, refs) or \
            unsaid_sold_out(raw, text, gone) or count_without_unit(raw) or \
            mistoned(raw, text) or (
            # The store's own policy clauses are quoted, not claimed by the model ("…ship
            # immediately when it becomes available" is no stock claim): the verifier reads
            # the sentence without them.
            check_sentence(fill(refs, _POLICY.sub(" ", raw)), facts) if facts is not None
            else None)
        if why:
            if log is not None:
                log.info("dropped a model sentence: %s", why)
            if dropped is not None:
                dropped.append(why)
            if babble and pays(debt, said_raw, gone, shelf):
                # The answer is complete and the model starts to babble: it goes on from
                # the text it wrote and does not recover, so the answer ends here.
                finished = True
            return
        seen.add(text)
        said_raw += raw
        text = _capital(raw, text, lang, last_text if started else "")
        held.append(_joined(raw, text, lang, last_text) if started else text)
        last_text = text
        started = True
        if pays(debt, said_raw, gone, shelf):
            # A clause closed by "；" waits for the next one: if none follows, the answer
            # ends it with a full stop rather than hang on a semicolon.
            ready = held[:-1] if held[-1].endswith(_SEMICOLONS) else list(held)
            yield from ready
            del held[:len(ready)]
            if debt.startswith("all of ") and not held:
                # The policy is quoted whole: what a small model adds after it is a
                # courtesy at best, a stray fragment at worst ("主打可折叠。").
                finished = True
        if closes(TAG.sub(" ", raw)) and (pays(debt, said_raw, gone, shelf) or len(held) > 1
                                          or TAG.search(raw) is not None):
            # "…库存15件。希望对您有帮助。位于D2货架…": the model closed, and what it writes
            # after its closing words is not part of the answer; closed after saying something
            # but not what it owes, it gave no answer ("[P1] in stock. Anything else I can
            # help with? An affordable set …": what follows a close is no way to pay; "[P1]售价
            # [P1.price]，祝您购物愉快！ [P2]…" too). Closing words alone opening it are a courtesy.
            finished = True

    first = True
    for piece in stream:
        if opened is not None and first and (ids := getattr(stream, "token_ids", None)):
            first = False
            opened.append(ids[0])  # (a fake stream in tests has none: no other attempt)
        buffer += piece
        parts = raw_sentences(buffer)
        closed = bool(parts) and len(raw_sentences(buffer + "x")) > len(parts)
        for raw in parts if closed else parts[:-1]:
            if finished:
                break  # (a piece may hold several sentences: a beam's candidate is one)
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
    if opened is not None and first and (ids := getattr(stream, "token_ids", None)) is not None:
        # Nothing came out: the network ended at once, or wrote only what stops an answer (a
        # line break). That opening (the end itself) is masked for the next attempt too.
        opened.extend(ids[:1] or getattr(model, "eos_ids", ()))
    if not finished and buffer.strip() and _ENDED.search(fill(refs, buffer).rstrip()):
        # (a clause's own end mark ends it too); an unfinished last sentence is dropped
        yield from release(buffer)
    elif not finished and buffer.strip() and dropped is not None:
        dropped.append("an unfinished last sentence")
    if held and pays(debt, said_raw, gone, shelf):
        last = held.pop()
        yield from held
        yield last[:-1] + ("。" if last.endswith("；") else ".")

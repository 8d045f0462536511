"""The shopping-guide engine: understand → retrieve → cards → (model | composed) → verify.

``Engine.answer`` yields one ``Cards``, then ``Token``s, then ``Done`` (or
``Failed``). With a model, its text is held back until a sentence is complete,
the sentence is verified against the facts, and only then released as a
``Token``: a sentence that fails is never shown. If nothing of the model's text
survives, the composed answer is streamed instead. The UI can therefore append
tokens as they come and never has to take text back.
"""

from __future__ import annotations

import inspect
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from time import perf_counter
from typing import Any, Protocol

from shopguide.guide.conversation import Conversation
from shopguide.guide.events import Cards, Done, Event, Failed, Token
from shopguide.guide.fact_guard import guard_for
from shopguide.guide.fluency import Gate, Thread
from shopguide.guide.model_track import ModelTrack
from shopguide.guide.plan import Plan, make_plan
from shopguide.guide import tagged_answer
from shopguide.guide.prompt import build_prompt, build_tagged_prompt, customer_line
from shopguide.guide.tagged_answer import tag_ids
from shopguide.guide.verify import (Facts, check_sentence, mentioned, split_sentences,
                                    states_figures, verify)
from shopguide.guide.vocab import StoreVocab, VocabCache
from shopguide.store.models import CONSENT_HISTORY, Customer
from shopguide.text import detect_lang, has_cjk

log = logging.getLogger(__name__)

MODEL_INTENTS = ("find", "locate", "compare", "policy")  # the rest are answered as composed


class TextStream(Protocol):
    finish_reason: str | None

    def __iter__(self) -> Iterator[str]: ...


class ModelLike(Protocol):
    """What the engine needs of a language model (the llm runtime, or a fake in tests)."""

    context_length: int

    def count_tokens(self, text: str) -> int: ...

    def stream(self, prompt: str, settings: Any = None,
               cancel: threading.Event | None = None) -> TextStream: ...


@dataclass
class _Clock:
    start: float
    first: float | None = None

    def mark(self) -> None:
        if self.first is None:
            self.first = perf_counter()

    def ms(self, t: float | None = None) -> float:
        return round(((t if t is not None else perf_counter()) - self.start) * 1000, 2)


class Engine:
    """One engine per store connection (and so per thread)."""

    def __init__(self, store: Any, model: ModelLike | None = None, settings: Any = None) -> None:
        self.store = store
        self.model = model
        self.settings = settings
        self._vocab = VocabCache()
        self._takes_guard: bool | None = None
        self.model_track = ModelTrack()
        self.last_plan: Plan | None = None  # the latest turn's plan (``ask --explain``)

    @property
    def vocab(self) -> StoreVocab:
        """The store's words, rebuilt when its catalog changed (an import, here or by
        another process), so a running app learns new categories and brands."""
        return self._vocab.get(self.store)

    def refresh(self) -> None:
        """Forget the vocabulary now (it is also rebuilt on its own after catalog changes)."""
        self._vocab.clear()

    def plan(self, text: str, conversation: Conversation,
             customer: Customer | None = None) -> Plan:
        s = self.store.settings()
        return make_plan(self.store, self.vocab, text or "", conversation,
                         customer or conversation.customer, s.language, s.currency, s.name)

    def answer(self, text: str, conversation: Conversation | None = None,
               customer: Customer | None = None, cancel: threading.Event | None = None,
               save: bool = False) -> Iterator[Event]:
        conv = conversation if conversation is not None else Conversation()
        if conv.mode == "kiosk":  # a kiosk never personalises, whatever the caller passed
            customer = conv.customer = None
        clock = _Clock(perf_counter())
        try:
            plan = self.plan(text, conv, customer)
        except Exception as exc:  # a broken store must not take the window down
            log.exception("planning an answer failed")
            # The contract is one Cards per turn, even an empty one, then Done or Failed.
            yield Cards((), detect_lang(text or ""), "out_of_scope")
            yield Failed(f"could not look up the answer: {exc}")
            return
        self.last_plan = plan
        yield Cards(plan.cards(), plan.query.lang, plan.intent)
        facts = plan.facts()
        used_model = False
        cancelled = False
        shown: list[str] = []
        gen_start = perf_counter()
        if (self.model is not None and plan.intent in MODEL_INTENTS and not _is_set(cancel)
                and self.model_track.should_ask()):
            try:
                write = self._tagged_sentences if tag_ids(self.model) else self._model_sentences
                for sentence in write(plan, conv, customer, facts, cancel):
                    clock.mark()
                    shown.append(sentence)
                    used_model = True
                    yield Token(sentence)
            except Exception:
                # The facts still answer: fall through to the composed answer (or keep the
                # sentences already shown), so the turn is remembered and saved as usual.
                log.exception("generation failed")
            if not _is_set(cancel):
                self.model_track.record(used_model)
        cancelled = _is_set(cancel)
        if not shown and not cancelled:
            for sentence in split_sentences(plan.composed) or [plan.composed]:
                clock.mark()
                shown.append(sentence)
                yield Token(sentence)
        final = "".join(shown).strip()
        grounded = verify(final, facts).grounded
        end = perf_counter()
        timings = {
            "first_token_ms": clock.ms(clock.first if clock.first is not None else end),
            "total_ms": clock.ms(end),
            "retrieval_ms": round(plan.retrieval_ms, 2),
            "generate_ms": round((end - gen_start) * 1000, 2),
        }
        conv.remember(text, final, plan.query, plan.products, plan.faq)
        if save:
            self._save(conv, customer, text, final, plan, timings, grounded)
        yield Done(final, grounded, plan.sources, timings, cancelled, used_model)

    def _tagged_sentences(self, plan: Plan, conv: Conversation, customer: Customer | None,
                          facts: Facts, cancel: threading.Event | None) -> Iterator[str]:
        """A tagged model's answer (``guide/tagged_answer.py``): its sentences with the facts
        filled in, once the answer references what the turn is about. A turn whose plan
        reports something missing (a size or budget nothing meets) is the composed answer's:
        the facts alone do not say what is missing."""
        assert self.model is not None
        if plan.missing:
            return
        q = plan.query
        prompt, refs = build_tagged_prompt(q.text, plan.products + plan.context,
                                           [plan.faq] if plan.faq else [], conv.history,
                                           customer or conv.customer, q.lang)
        max_new = getattr(self.settings, "max_new_tokens", 96)
        text = prompt.fit(self.model.count_tokens, max(16, self.model.context_length - max_new))
        yield from tagged_answer.write(self.model, text, refs, q.lang,
                                       tagged_answer.owed(plan.intent, plan.comparison),
                                       self.settings, cancel, log, facts)

    def _model_sentences(self, plan: Plan, conv: Conversation, customer: Customer | None,
                         facts: Facts, cancel: threading.Event | None) -> Iterator[str]:
        """The model's sentences that pass verification, each as soon as it is complete."""
        assert self.model is not None
        q = plan.query
        prompt = build_prompt(q.text, plan.products + plan.context,
                              [plan.faq] if plan.faq else [], conv.history,
                              customer or conv.customer, q.lang)
        max_new = getattr(self.settings, "max_new_tokens", 96)
        budget = max(16, self.model.context_length - max_new)
        text = prompt.fit(self.model.count_tokens, budget)
        who = customer or conv.customer
        if self._guarded():
            guard = guard_for(facts, q.lang, q.text, plan.composed,
                              [who.name, customer_line(who)] if who else [])
            stream = self.model.stream(text, self.settings, cancel, guard=guard)
        else:
            stream = self.model.stream(text, self.settings, cancel)
        # The shopper's words and the composed answer's may be repeated; other words must
        # come from the facts.
        thread = Thread(facts, Gate(facts.products, facts.faqs, q.text, plan.composed,
                                    [who.name] if who else []))
        buffer = ""
        # A courtesy ("Sure.") is held until a sentence that says something survives: alone
        # it would be the whole answer, and the composed one could no longer stand in.
        held: list[str] = []

        # Until the answer names the product(s) the shopper has to hear about (the top match;
        # both sides of a comparison), nothing is shown: a stray true sentence about another
        # product is no answer, and the composed one could no longer stand in.
        owed: set[object] = {id(p) for p in plan.products[: 2 if plan.comparison else 1]}
        if plan.intent == "locate" and plan.products and plan.products[0].aisle:
            owed.add(plan.products[0].aisle)  # "where is it?" is answered by the aisle
        elif plan.intent == "policy" and plan.faq is not None:
            owed.add(_POLICY_WORDS)
        elif plan.intent in ("find", "compare") and plan.products:
            # A recommendation says what the product costs or offers, not just its name
            # ("抱歉，野径分体雨衣套装。" names the top match and answers nothing).
            owed.add(_A_FIGURE)
        said = [False]
        accepted = [False]  # a model sentence passed the checks (held or shown)
        top = plan.products[0] if plan.products else None
        # "Sorry" fits no match, a policy's refusal or an empty shelf, not a product in stock.
        apology_due = plan.intent not in ("find", "compare") or top is None or top.stock == 0

        def release(sentence: str) -> Iterator[str]:
            if getattr(stream, "guard_refusals", 0) > MAX_GUARD_REFUSALS:
                log.info("dropped a model sentence: the guard overruled the model %d times",
                         stream.guard_refusals)  # type: ignore[union-attr]
                return
            unsure = _unsure(getattr(stream, "chosen_logprobs", None))
            if unsure:
                log.info("dropped a model sentence: %s", unsure)
                return
            if not accepted[0] and _APOLOGY.match(sentence) and not apology_due:
                log.info("dropped a model sentence: an apology when the match is in stock")
                return
            if _HANDOVER.search(sentence) and not apology_due:
                # "…Frying Pan Set in aisle A colleague may be able to…": a recommendation
                # running into the no-match phrasing is debris, not an offer of help.
                log.info("dropped a model sentence: a hand-over in a recommendation")
                return
            if not self._acceptable(sentence, facts, q.lang, thread):
                return
            accepted[0] = True
            held.append(sentence)
            owed.difference_update(id(p) for p in mentioned(sentence, facts))
            owed.difference_update([a for a in owed if isinstance(a, str) and a in sentence])
            if _A_FIGURE in owed and states_figures(sentence, facts):
                owed.discard(_A_FIGURE)
            if plan.intent == "policy" and plan.faq is not None and restates(sentence, plan.faq.answer):
                # The policy's own words are its answer (the composed one is the policy, so
                # the coverage test alone would count them as nothing new).
                owed.discard(_POLICY_WORDS)
                said[0] = True
            said[0] = said[0] or thread.says_something(sentence)
            if said[0] and not owed:
                # A clause closed by "；" waits for the next one: if none follows, the answer
                # ends it with a full stop rather than hang on a semicolon.
                ready = held[:-1] if held[-1].rstrip().endswith(("；", ";")) else list(held)
                yield from ready
                del held[: len(ready)]

        for piece in stream:
            buffer += piece
            parts = split_sentences(buffer)
            # Every part but the last is complete; the last may still grow, unless an end
            # mark closes it ("¥459. " : the splitter drops the space that would show it).
            closed = bool(parts) and len(split_sentences(buffer + "x")) > len(parts)
            for sentence in parts if closed else parts[:-1]:
                yield from release(sentence)
            if closed:
                buffer = buffer[len(buffer.rstrip()):]  # the space before the next sentence
            else:
                buffer = parts[-1] if parts else ""
            if _is_set(cancel):
                close = getattr(stream, "close", None)
                if callable(close):
                    close()  # stop the model now, not at its next token
                return
        if buffer.strip() and _ENDED.search(buffer.rstrip()):
            yield from release(buffer)  # an unfinished sentence (the model ran out) is dropped
        if held and said[0] and not owed:
            last = held.pop().rstrip()
            yield from held
            yield last[:-1] + ("。" if last.endswith("；") else ".")

    def _guarded(self) -> bool:
        """Whether the model's stream takes a decoding guard (the runtime's does; stand-ins
        in tests may not)."""
        if self._takes_guard is None:
            try:
                params = inspect.signature(self.model.stream).parameters  # type: ignore[union-attr]
                self._takes_guard = "guard" in params
            except (TypeError, ValueError):
                self._takes_guard = False
        return self._takes_guard

    @staticmethod
    def _acceptable(sentence: str, facts: Facts, lang: str, thread: Thread | None = None) -> bool:
        why = check_sentence(sentence, facts) or _malformed(sentence, lang) or _bare(
            sentence, facts) or (
            thread.check(sentence) if thread is not None else None)
        if why is not None:
            log.info("dropped a model sentence: %s", why)
            return False
        return True

    def _save(self, conv: Conversation, customer: Customer | None, question: str, answer: str,
              plan: Plan, timings: dict[str, float], grounded: bool) -> None:
        from shopguide.guide.report import card_json

        cust = customer or conv.customer
        # A conversation is linked to a person only with their consent to keep history.
        check = getattr(self.store, "consent_in_force", None)
        link = cust.id if cust and conv.mode != "kiosk" and (
            check is None or check(cust.id, CONSENT_HISTORY)) else None
        if conv.id is not None and self.store.conversation(conv.id) is None:
            conv.id = None  # erased (privacy) or expired meanwhile: a new row, not a lost turn
        if conv.id is None:
            conv.id = self.store.start_conversation(customer_id=link, mode=conv.mode)
        self.store.add_message(conv.id, "user", question)
        self.store.add_message(conv.id, "assistant", answer,
                               cards=[card_json(c) for c in plan.cards()],
                               meta={"intent": plan.intent, "grounded": grounded,
                                     "timings": timings, "sources": list(plan.sources)})


# A model the guard had to overrule this often is no longer answering the question: its
# fluent-looking rest is template debris ("本店规定：野径…！有的，野径、下（野径），主打元。").
# Measured on the demo store: kept answers had 0-1 refusals, debris 3-10.
MAX_GUARD_REFUSALS = 2
MIN_MEAN_LOGPROB = -1.0
MIN_TOKEN_LOGPROB = -7.0
_APOLOGY = re.compile(r"\s*(?:抱歉|对不起|不好意思|很遗憾|sorry|unfortunately|i'm afraid|we're sorry)",
                      re.I)
_FILLER = re.compile(r"\b(?:the|a|an|yes|sure|this|that|it|here|is)\b|这款|那款|是的", re.I)
_HANDOVER = re.compile(r"colleague|member of staff|staff member|店员|同事|工作人员", re.I)
_A_FIGURE = ("a figure",)  # owed until a sentence states a price, stock or aisle
_POLICY_WORDS = ("the policy's words",)  # owed until a sentence restates a run of the policy
_RUN_ZH = 4  # characters
_RUN_EN = 3  # words


def restates(sentence: str, policy: str) -> bool:
    """Whether ``sentence`` repeats a run of the policy's own wording (4 Chinese characters
    in a row, or 3 words): "是这样的，可30元。" answers a returns question with nothing."""
    for run in re.findall(r"[\u4e00-\u9fff]{%d,}" % _RUN_ZH, sentence):
        if any(run[i:i + _RUN_ZH] in policy for i in range(len(run) - _RUN_ZH + 1)):
            return True
    words = re.findall(r"[a-z0-9']+", sentence.lower())
    low = " ".join(re.findall(r"[a-z0-9']+", policy.lower()))
    return any(" ".join(words[i:i + _RUN_EN]) in low for i in range(len(words) - _RUN_EN + 1))
_REPEAT = re.compile(r"(.)\1{5,}")
_ENDED = re.compile(r"[。！？!?.…」”)）]$")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _bare(sentence: str, facts: Facts) -> str | None:
    """A sentence that is only names ("逐浪。", "山屿折叠月亮椅。"): debris of a comparison."""
    rest = sentence
    for p in facts.products:
        for word in sorted({p.name, p.name_en, p.name_zh, p.brand} - {None, ""}, key=len, reverse=True):
            rest = rest.replace(word, "")
    rest = _FILLER.sub(" ", rest)
    if not re.search(r"[\w\u4e00-\u9fff]", rest):
        return "a name alone is no sentence"
    return None


def _unsure(logprobs: list[float] | None) -> str | None:
    """Whether the model, so far in this answer, wrote what it hardly believed: a low mean
    log-probability of its own choices, or one wild token. Debris that passes every fact
    check ("The Wildpath 22L Daypack is ¥299; the service can only help with?") is written
    unsure; on the demo store kept-worthy answers had a mean above -0.8 and no token below
    -6.5, debris a mean of -1.1 to -6."""
    if not logprobs:
        return None
    mean = sum(logprobs) / len(logprobs)
    if mean < MIN_MEAN_LOGPROB:
        return f"the model was unsure of its words (mean log-probability {mean:.2f})"
    if min(logprobs) < MIN_TOKEN_LOGPROB:
        return f"the model wrote a token it hardly believed ({min(logprobs):.2f})"
    return None


def _malformed(sentence: str, lang: str) -> str | None:
    """Text no shopper should see: broken bytes, control characters, stutter, wrong language."""
    if "\ufffd" in sentence or any(ord(ch) < 32 and ch not in "\n\t" for ch in sentence):
        return "broken characters"
    if _REPEAT.search(sentence):
        return "a character repeated over and over"
    if lang == "zh" and not has_cjk(sentence):
        return "not in the asker's language"
    if lang == "en" and not _LATIN_WORD.search(sentence):
        return "not in the asker's language"
    return None


def _is_set(cancel: threading.Event | None) -> bool:
    return bool(cancel is not None and cancel.is_set())

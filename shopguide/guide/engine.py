"""The shopping-guide engine: understand → retrieve → cards → (model | composed) → verify.

``Engine.answer`` yields one ``Cards``, then ``Token``s, then ``Done`` (or
``Failed``). A model that answers with reference tags (``guide/refs.py``) writes the
answer: its sentences are released one at a time, facts filled in, once the answer has
named what the turn is about (``guide/tagged_answer.py``). Without such a model, or when
its answer does not hold, the composed answer is streamed instead. The UI can therefore
append tokens as they come and never has to take text back.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from time import perf_counter
from typing import Any, Protocol

from shopguide.guide.catalog_text import TrustedCatalog
from shopguide.guide.conversation import Conversation
from shopguide.guide.events import Cards, Done, Event, Failed, Token
from shopguide.guide.model_track import ModelTrack
from shopguide.guide import tagged_answer
from shopguide.guide.plan import Plan, make_plan
from shopguide.guide.prompt import STATED_NONE, build_tagged_prompt, facts_of
from shopguide.guide.refs import STATED_FORMATS
from shopguide.guide.masks import owed_fact, tag_ids
from shopguide.guide.verify import Facts, split_sentences, verify
from shopguide.guide.vocab import StoreVocab, VocabCache
from shopguide.llm.settings import prompt_limit
from shopguide.store.errors import StoreError
from shopguide.store.models import CONSENT_HISTORY, Customer
from shopguide.text import detect_lang
from shopguide.text.english import opens_as_predicate
from shopguide.text.resources import LANGS, cue_words

log = logging.getLogger(__name__)

MODEL_INTENTS = ("find", "locate", "compare", "policy")  # the rest are answered as composed


class TextStream(Protocol):
    finish_reason: str | None

    def __iter__(self) -> Iterator[str]: ...


class ModelLike(Protocol):
    """What the engine needs of a language model (the llm runtime, or a fake in tests):
    ``encode`` tells whether it knows the reference tags (``masks.tag_ids``), and
    ``stream`` takes the decoding masks of ``masks.decoding_masks``."""

    context_length: int

    def count_tokens(self, text: str) -> int: ...

    def encode(self, text: str) -> list[int]: ...

    def stream(self, prompt: str, settings: Any = None, cancel: threading.Event | None = None,
               **masks: Any) -> TextStream: ...


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
        self.model_track = ModelTrack()
        self.last_plan: Plan | None = None  # the latest turn's plan (``ask --explain``)

    @property
    def vocab(self) -> StoreVocab:
        """The store's words, rebuilt when its catalog changed (an import, here or by
        another process), so a running app learns new categories and brands."""
        return self._vocab.get(self.store)

    def warm(self) -> None:
        """Build what the first answer would: the store's vocabulary, the dictionaries and
        the patterns, by planning a request in each language (a phrase of the language's
        own request cues; nothing is saved or shown). The window calls it while the model
        loads, so a shopper's first question does not pay for them."""
        for lang in LANGS:
            phrases = [p for p in cue_words("ask_for", lang) if "." not in p]  # no "有...没"
            if phrases:
                plan = self.plan(phrases[0], Conversation())
                verify(plan.composed, plan.facts())  # the checks' patterns, compiled once
        # The catalog-text check's patterns too (~35 ms to compile, at the first product read).
        TrustedCatalog(self.store).search_products(None, limit=1)
        # And the English word-class lexicon the decoding masks read (~0.5 s to load).
        opens_as_predicate("Suits everyday use")

    def share_vocabulary(self, other: Engine) -> None:
        """Use ``other``'s vocabulary (same store): the engine the window makes when its
        model arrives keeps what the one before it had already read."""
        if other.store is self.store:
            self._vocab = other._vocab

    def refresh(self) -> None:
        """Forget the vocabulary now (it is also rebuilt on its own after catalog changes)."""
        self._vocab.clear()

    def plan(self, text: str, conversation: Conversation,
             customer: Customer | None = None) -> Plan:
        s = self.store.settings()
        return make_plan(TrustedCatalog(self.store), self.vocab, text or "", conversation,
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
            hint = " (the store file is damaged: run 'shopguide db check')" if isinstance(
                exc, sqlite3.DatabaseError) and "malformed" in str(exc) else ""
            yield Failed(f"could not look up the answer: {exc}{hint}")
            return
        self.last_plan = plan
        yield Cards(plan.cards(), plan.query.lang, plan.intent)
        facts = plan.facts()
        used_model = False
        cancelled = False
        shown: list[str] = []
        gen_start = perf_counter()
        # A turn whose plan reports something missing (a size or budget nothing meets) is the
        # composed answer's: the facts alone do not say what is missing.
        if (self.model is not None and plan.intent in MODEL_INTENTS and not plan.missing
                and plan.over_budget is None
                and not _is_set(cancel) and tag_ids(self.model) and self.model_track.should_ask()):
            try:
                for sentence in self._tagged_sentences(plan, conv, customer, facts, cancel):
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
        handover = plan.handover
        if handover and shown and not cancelled:
            shown.append(handover)
            yield Token(handover)
        final = "".join(shown).strip()
        grounded = verify(final, facts).grounded
        end = perf_counter()
        timings = {
            "first_token_ms": clock.ms(clock.first if clock.first is not None else end),
            "total_ms": clock.ms(end),
            "retrieval_ms": round(plan.retrieval_ms, 2),
            "generate_ms": round((end - gen_start) * 1000, 2),
        }
        served = customer or conv.customer
        # A guide's product cards are shown too: "the first one" may mean one of them.
        conv.remember(text, final, plan.query, plan.products or plan.mentioned, plan.faq,
                      customer_id=getattr(served, "id", None), cancelled=cancelled)
        if save and not getattr(self.store, "readonly", False):
            try:
                self._save(conv, customer, text, final, plan, timings, grounded)
            except StoreError as exc:  # busy or full: the shopper still gets the answer
                log.warning("the turn was not saved: %s", type(exc).__name__)
        yield Done(final, grounded, plan.sources, timings, cancelled, used_model)

    def _tagged_sentences(self, plan: Plan, conv: Conversation, customer: Customer | None,
                          facts: Facts, cancel: threading.Event | None) -> Iterator[str]:
        """A tagged model's answer (``guide/tagged_answer.py``): its sentences with the facts
        filled in, once the answer references what the turn is about."""
        assert self.model is not None
        q = plan.query
        # What the question means, synonyms' words too (扁平足 → 支撑), orders each product's
        # sentences: the one that answers the need is given first.
        means = [a.key for s in q.slots.slots if s.role != "topic" for a in s.alts]
        prompt, refs = build_tagged_prompt(q.text, plan.products + plan.context,
                                           [plan.faq] if plan.faq else [], conv.history,
                                           customer or conv.customer, q.lang, means)
        max_new = getattr(self.settings, "max_new_tokens", 96)
        budget = max(16, prompt_limit(self.model, max_new))
        # A colour or size asked of the product discussed ("in pink?", "有别的颜色吗") owes
        # the variants it comes in; any question that names one keeps that list in the facts.
        listed = plan.variants if plan.variants in ("colors", "sizes") else None
        variant = listed or ("colors" if (q.color or q.other_color) and not q.size else
                             "sizes" if q.size and not q.color else None)
        keep = {f for f, asked in (("sizes", q.size), ("colors", q.color or q.other_color))
                if asked} | ({variant} if variant else set())
        text = prompt.fit(self.model.count_tokens, budget, keep)
        debt = tagged_answer.owed(plan.intent, plan.comparison, q.stock_question,
                                  variant if plan.discussed else None,
                                  q.states_price() or plan.variants == "price",
                                  q.names_need() and not variant)
        if plan.about is not None:  # a question about the product's attribute
            debt = tagged_answer.attribute_debt(plan.about.clause, refs)
            fact = owed_fact(debt)
            if debt is not None and getattr(self.model, "prompt_format", None) in STATED_FORMATS:
                prompt.stated = fact or STATED_NONE
                text = prompt.fit(self.model.count_tokens, budget, keep)
            if debt is None or fact is not None and fact not in facts_of(text):
                return  # the clause that answers is not in the prompt: the composed answer
        ranked = bool(q.cheap or q.cheaper or q.pick)  # the cheapest first: the order answers
        yield from tagged_answer.write(self.model, text, refs, q.lang, debt, self.settings,
                                       cancel, log, facts, ranked, variant)

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
                                     "timings": timings, "sources": list(plan.sources),
                                     # answered by the store's own "we don't carry" reply
                                     **({"reply": plan.reply.id} if plan.reply else {})})


def _is_set(cancel: threading.Event | None) -> bool:
    return bool(cancel is not None and cancel.is_set())

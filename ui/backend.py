"""What the worker needs from the core, behind one small seam.

The default backend imports the store, the engine and the model runtime only
when the worker thread first calls it, so torch and transformers are never
imported on the GUI thread. Tests pass a backend with a fake engine or a slow
fake model; nothing else in ``ui`` knows which one it got.
"""

from __future__ import annotations

import argparse
import json
import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shopguide.guide.compose import faq_phrasing
from shopguide.store.models import FaqEntry
from shopguide.text import fold, has_cjk

log = logging.getLogger(__name__)

Progress = Callable[[float], None]


@dataclass(frozen=True)
class Suggestions:
    """Starter suggestions: the store's biggest categories and its first FAQ entries."""

    categories: tuple[str, ...] = ()
    faq: tuple[FaqEntry, ...] = ()
    # (category, lang) → the store's own word for it in that language, from its synonyms
    # ("running shoe" → 跑鞋): a chip in the asker's language that the engine reads back.
    names: tuple[tuple[str, str, str], ...] = ()

    def questions(self, lang: str) -> list[str]:
        """FAQ questions in ``lang`` where the store wrote an alternate phrasing in it."""
        return [faq_phrasing(f, lang) for f in self.faq]

    def category_labels(self, lang: str) -> list[str]:
        """The categories as chips in ``lang``: the store's own name where it is in that
        language, else the store's synonym for it in that language, else its own name."""
        said = {(c, lg): term for c, lg, term in self.names}
        return [c if has_cjk(c) == (lang == "zh") else said.get((c, lang), c)
                for c in self.categories]


@dataclass(frozen=True)
class StoreInfo:
    """What the window shows about the open store; ``path`` lets the sidebar open its own."""

    name: str
    path: Path | None
    suggestions: Suggestions
    readonly: bool = False  # answers still come; nothing is saved
    empty: bool = False  # no products and no FAQ: every answer would be "can't help"
    damaged: bool = False  # opens, but fails SQLite's quick check: answers may fail


@dataclass
class Backend:
    """The core as the worker sees it. Every callable runs in the worker thread."""

    open_store: Callable[[], Any]
    load_model_fn: Callable[..., Any] | None = None
    make_engine: Callable[[Any, Any], Any] = field(default=lambda store, model: None)
    new_conversation: Callable[[Any], Any] = field(default=lambda store: None)
    answer_kwargs: dict[str, Any] = field(default_factory=dict)  # e.g. save=True for the engine

    def load_model(self, spec: str, progress: Progress) -> Any:
        if self.load_model_fn is None:
            raise RuntimeError("no model runtime available")
        fn = self.load_model_fn
        try:
            params = inspect.signature(fn).parameters
        except (TypeError, ValueError):
            params = {}
        if "progress" in params:
            return fn(spec, progress=progress)
        return fn(spec)

    @staticmethod
    def model_name(model: Any, spec: str) -> str:
        for attr in ("name", "display_name"):
            value = getattr(model, attr, None)
            if isinstance(value, str) and value:
                return value
        return spec

    @staticmethod
    def describe_load_error(exc: BaseException, spec: str) -> str:
        text = str(exc).strip() or type(exc).__name__
        return text if spec in text or "model" in text.lower() else f"{spec}: {text}"

    @staticmethod
    def store_name(store: Any) -> str:
        try:
            return str(store.settings().name)
        except Exception:  # noqa: BLE001 - suggestions are optional; never fail start-up
            return ""

    @staticmethod
    def suggestions(store: Any, n_categories: int = 6, n_questions: int = 4) -> Suggestions:
        categories = tuple(_top_categories(store, n_categories))
        return Suggestions(
            categories=categories,
            faq=tuple(_faq_entries(store, n_questions)),
            names=tuple(_category_names(store, categories)),
        )

    @staticmethod
    def rate_message(store: Any, message_id: object, value: int) -> None:
        store.rate_message(message_id, 1 if value > 0 else -1)

    def conversation_for(self, store: Any, mode: str) -> Any:
        """A fresh conversation in the window's mode (the engine never personalises a kiosk one)."""
        conversation = self.new_conversation(store)
        if conversation is not None and hasattr(conversation, "mode"):
            conversation.mode = mode
        return conversation

    @staticmethod
    def prepare_turn(store: Any, conversation: Any, customer: Any, mode: str) -> None:
        """Give the conversation its store row before the engine saves the turn into it.

        The row records the window's mode (kiosk conversations are anonymous) and the
        customer being served; an anonymous conversation is linked once the customer is
        known, and one linked to a person is never moved to another.
        """
        if conversation is None or not hasattr(conversation, "id"):
            return
        if getattr(store, "readonly", False):
            return  # nothing is saved on a read-only store; the answers still come
        customer_id = getattr(customer, "id", None) if mode != "kiosk" else None
        linked = getattr(conversation, "linked_customer", None)
        if conversation.id is None or (linked is not None and linked != customer_id):
            # A row already linked to someone else is never relinked: its turns are theirs.
            conversation.id = store.start_conversation(customer_id=customer_id, mode=mode)
            conversation.linked_customer = customer_id
        elif customer_id and linked is None:
            store.link_conversation(conversation.id, customer_id)  # the walk-in, identified
            conversation.linked_customer = customer_id

    @staticmethod
    def last_message_id(store: Any, conversation: Any) -> object:
        """The id of the answer just saved (what the rating buttons refer to)."""
        value = getattr(conversation, "last_message_id", None)
        if value is not None:
            return value
        conv_id = getattr(conversation, "id", None)
        if conv_id is None or not hasattr(store, "messages"):
            return None
        answers = [m for m in store.messages(conv_id) if m.role == "assistant"]
        return answers[-1].id if answers else None

    @staticmethod
    def close_store(store: Any) -> None:
        close = getattr(store, "close", None)
        if callable(close):
            close()


def _top_categories(store: Any, n: int) -> list[str]:
    """The categories with the most products, by their most specific name (``跑鞋``)."""
    try:
        sized = _category_sizes(store)
    except Exception:  # noqa: BLE001 - suggestions are optional; never fail start-up
        return []
    names: list[str] = []
    for path, _ in sorted(sized, key=lambda t: (-t[1], t[0])):
        leaf = path.rsplit("/", 1)[-1].strip()
        if leaf and leaf not in names:
            names.append(leaf)
    return names[:n]


def _category_names(store: Any, categories: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(category, lang, term): the first of the store's synonyms written in the other script
    whose first meaning is the category ("running shoe,跑鞋,en" names 跑鞋 in English)."""
    try:  # the terms as the merchant wrote them ("iPhone cases"), in the order they came
        rows = [(str(r["term"]), [fold(m) for m in json.loads(r["means"])], r["lang"] or None)
                for r in store.query("SELECT term, means, lang FROM synonyms ORDER BY rowid")]
    except Exception:  # noqa: BLE001 - suggestions are optional; never fail start-up
        return []
    out: list[tuple[str, str, str]] = []
    for c in categories:
        key = fold(c)
        for lang in ("zh", "en"):
            if has_cjk(c) == (lang == "zh"):
                continue
            term = next((t for t, means, lg in rows if means[:1] == [key]
                         and lg in (None, lang) and has_cjk(t) == (lang == "zh")), None)
            if term:
                out.append((c, lang, term))
    return out


def _category_sizes(store: Any) -> list[tuple[str, int]]:
    """(path, products) of every leaf category. From the kept vocabulary and the index's
    counts of each category's filter word where the store has them (a GROUP BY over every
    product took 0.4 s of the window's start at 1M products), else counted."""
    vocabulary, counts = getattr(store, "vocabulary", None), getattr(store, "doc_counts", None)
    if callable(vocabulary) and callable(counts):
        from shopguide.store.text import category_key, facet_token

        paths = vocabulary().category_paths
        leaves = [p for p in paths if not any(q.startswith(p + "/") for q in paths)]
        tokens = {p: facet_token("category", category_key(p)) for p in leaves}
        _, found = counts(list(tokens.values()))
        return [(p, found.get(t, 0)) for p, t in tokens.items()]
    rows = store.query("SELECT category, COUNT(*) AS n FROM products GROUP BY category")
    return [(str(r["category"]), int(r["n"])) for r in rows]


def _faq_entries(store: Any, n: int) -> list[FaqEntry]:
    try:
        return list(store.all_faq())[:n]
    except Exception:  # noqa: BLE001 - suggestions are optional; never fail start-up
        return []


def default_backend(args: argparse.Namespace | None = None, generation: Any = None) -> Backend:
    """The real core: the store from --store/--demo, the engine, the model runtime.

    ``generation`` is ui.settings.Generation; it becomes the runtime's GenerationSettings.
    """

    def open_store() -> Any:
        from shopguide.store.location import open_from_args

        from shopguide.privacy.retention import apply_setting

        store = open_from_args(args or argparse.Namespace(store=None, demo=False))
        if store.readonly:
            return store  # retention deletes: not on a file we may not write
        removed = apply_setting(store)  # the merchant's retention setting; off by default
        if removed:
            log.info("retention: deleted %d old conversations", removed)
        return store

    def load(spec: str) -> Any:
        from shopguide.llm import load_model

        return load_model(spec)

    def make_engine(store: Any, model: Any) -> Any:
        from shopguide.guide.engine import Engine
        from shopguide.llm import GenerationSettings

        settings = None
        if generation is not None:
            settings = GenerationSettings(
                max_new_tokens=generation.max_new_tokens,
                do_sample=generation.do_sample,
                temperature=generation.temperature,
                top_p=generation.top_p,
            )
        return Engine(store, model=model, settings=settings)

    def new_conversation(store: Any) -> Any:
        from shopguide.guide.conversation import Conversation

        return Conversation()

    return Backend(
        open_store=open_store,
        load_model_fn=load,
        make_engine=make_engine,
        new_conversation=new_conversation,
        answer_kwargs={"save": True},
    )
